"""Merging an export into a network file without losing anything, or writing a new one.

A merge matches each incoming person to a contact of the file by LinkedIn address, then
e-mail, then name (exactly, then fuzzily; the company breaks ties: :mod:`~warmreach.
importers.identify`), and never adds a second record for someone the file has. It fills
what the file lacks, records job changes (the old company moves to ``past_companies``)
and tells them, and keeps every hand-written field and comment (a round-trip edit, as
``warmreach log`` makes). Merging the same export twice changes nothing. A new file is
written by :mod:`~warmreach.importers.newfile`.

A merge patches the file's lines: each contact it changes is read and written on its own
lines, new contacts go after the last one, and the rest of the file is not read again by
the (slow) round-trip parser, so a merge costs about what reading the file and the export
does. When a contact cannot be edited on its own lines (a flow list, say), the merge
starts again on the whole round-trip tree; both give the same bytes (a test compares them).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from warmreach.atomic import real_path
from warmreach.importers.evidence import learn_domains
from warmreach.importers.identify import (
    FileIndex,
    Seen,
    is_left_out,
    linked_keys,
    links,
    with_domain,
)
from warmreach.importers.newfile import (
    ImportSummary,
    aims_at_something,
    date_value,
    evidence_value,
    new_contact,
    write_new,
)
from warmreach.importers.records import Export, Incoming, Skipped, keys_of
from warmreach.matching import normalize_title, title_rank, title_words
from warmreach.model import ME, Contact, Evidence
from warmreach.networkfile.cache import NetworkCache
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES
from warmreach.networkfile.edit import (
    Document,
    EditedByParts,
    append_record,
    open_document,
    save_document,
)
from warmreach.networkfile.lock import file_lock
from warmreach.networkfile.nodes import delete_key, extend_list, flow_map, put_item, set_key
from warmreach.progress import SILENT, Progress
from warmreach.schema import CONTACT
from warmreach.text import slugify


def import_export(
    export: Export,
    output: str | os.PathLike[str],
    *,
    merge: bool = False,
    force: bool = False,
    me: str | None = None,
    today: dt.date | None = None,
    progress: Progress = SILENT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> ImportSummary:
    """Write ``export`` to a new network file at ``output``, or merge it into that file.

    Without ``merge``, an existing file is replaced only with ``force``. A new file needs
    your name (``me``). A merge reads the file through ``cache``, which keeps the result.
    ``progress`` is told of each stage (a merge that starts again on the whole file
    begins its first stage again) and of each person done, then of each contact checked
    in the file as it will be written.
    """
    path = Path(output)
    summary = ImportSummary(output=str(path), skipped=list(export.skipped))

    def new_file() -> ImportSummary:
        write_new(
            export,
            path,
            summary,
            force=force,
            me=me,
            today=today,
            progress=progress,
            max_bytes=max_bytes,
            cache=cache,
        )
        return summary

    if not merge:
        return new_file()
    # under the lock before asking whether the file exists: two merges into a new file
    # take turns, and the second merges into what the first wrote
    with file_lock(real_path(path)):
        if not path.exists():
            return new_file()
        # the file's lines are patched: changed contacts on their own lines, new ones
        # after the last; when a contact cannot be edited so, the merge starts again on
        # the whole round-trip tree (slower on large files)
        document = open_document(path, max_bytes=max_bytes, cache=cache)
        try:
            _merge(document, export, summary, progress)
        except EditedByParts:
            summary = ImportSummary(output=str(path), skipped=list(export.skipped))
            _merge(document.whole(), export, summary, progress)
    return summary


def _merge(document: Document, export: Export, summary: ImportSummary, progress: Progress) -> None:
    total = len(export.people)
    progress.stage(f"merging {total:,} people into {document.path.name}", total)
    network = document.network
    summary.aimed = aims_at_something(network)
    index = FileIndex(network)
    domains = learn_domains(
        [
            *(
                (network.companies_by_id[c.company].name, c.email)
                for c in network.contacts
                if c.company
            ),
            *((person.company, person.email) for person in export.people),
        ]
    )
    people = [with_domain(person, domains) for person in export.people]
    linked = linked_keys(export)
    # someone seen only in one-way mail is recorded on a contact their address names,
    # never on one who merely has their name (a stranger's cold mail is no one's evidence)
    left_out = [is_left_out(person, linked) for person in people]
    exact = [
        index.by_identity(person) if out else index.exact(person)
        for person, out in zip(people, left_out, strict=True)
    ]
    unmatched = [i for i, found in enumerate(exact) if not found and not left_out[i]]
    for i, found in zip(unmatched, index.fuzzy([people[i] for i in unmatched]), strict=True):
        exact[i] = found
    claimed: dict[str, int] = {}
    taken = {ME, *(contact.id for contact in network.contacts)}
    seen = Seen()
    ids: dict[str, str] = {}  # identity key -> contact id, for the links
    for person, candidates, out in zip(people, exact, left_out, strict=True):
        progress.advance()
        if out and not candidates:
            summary.ignored += 1
            continue
        again = seen.again(person)
        if again is not None:
            summary.skipped.append(again)
            continue
        chosen = index.choose(person, candidates)
        if isinstance(chosen, list):
            names = ", ".join(chosen[:4])
            reason = f"'{person.name}' could be {names}; give them a LinkedIn address or e-mail"
            summary.skipped.append(Skipped(person.line, reason))
            continue
        if chosen is None:
            if out:
                summary.ignored += 1
                continue
            fields = new_contact(person, taken)
            append_record(document, "contacts", fields)
            contact_id = fields.get("id") or slugify(person.name)
            summary.added.append(contact_id)
            ids.update((key, contact_id) for key in keys_of(person))
            continue
        if chosen in claimed:
            summary.skipped.append(
                Skipped(person.line, f"the same person as line {claimed[chosen]} ({chosen})")
            )
            continue
        claimed[chosen] = person.line
        ids.update((key, chosen) for key in keys_of(person))
        contact = network.contacts_by_id[chosen]
        changes = _update(document, index, contact, person, summary)
        if person.evidence is not None and _record_evidence(
            document.contact_node(chosen), person.evidence
        ):
            changes.append(f"evidence from {person.evidence.source}")
        if changes:
            summary.updated.append((chosen, changes))
        else:
            summary.unchanged += 1
    known = {
        frozenset((contact.id, link.contact))
        for contact in network.contacts
        for link in contact.knows
    }
    for one, other, strength in links(export, ids):
        if frozenset((one, other)) in known:
            continue  # a link the file has, however it is written, is kept as it is
        node = _contact_node(document, one)
        extend_list(
            node, "knows", [flow_map([("name", other), ("strength", strength)])], CONTACT.names
        )
        known.add(frozenset((one, other)))
        summary.links += 1
    summary.written = save_document(document, progress)


def _contact_node(document: Document, contact_id: str) -> Any:
    """The round-trip mapping of a contact: one of the file's, or one the merge added."""
    if contact_id in document.network.contacts_by_id:
        return document.contact_node(contact_id)
    added = document.added_contact(contact_id)
    if added is not None:
        return added
    for node in document.tree["contacts"]:
        if node.get("id", slugify(str(node.get("name", "")))) == contact_id:
            return node
    raise KeyError(contact_id)  # pragma: no cover - every id comes from the merge


def _record_evidence(node: Any, evidence: Evidence) -> bool:
    """Put ``evidence`` in the contact's ``evidence`` list, replacing the record of the
    same source; False when the file says exactly that already."""
    return put_item(
        node,
        "evidence",
        evidence_value(evidence),
        lambda item: item.get("source") == evidence.source,
        CONTACT.names,
    )


def _update(
    document: Document,
    index: FileIndex,
    contact: Contact,
    person: Incoming,
    summary: ImportSummary,
) -> list[str]:
    """Bring ``contact`` up to date with ``person``; returns what changed, in words.

    The changes are decided on the network first, so that a merge that changes nothing
    never reads the (slow) round-trip tree.
    """
    edits: list[tuple[str, Any]] = []  # (key, value); value None deletes the key
    changes: list[str] = []
    company = index.company(person.company)
    older = company is not None and company in contact.past_company_ids  # an older export
    if person.company and not older and company != contact.company:
        edits.append(("company", person.company))
        if contact.company is None:
            changes.append(f"company {person.company}")
        else:
            old = index.network.companies_by_id[contact.company].name
            edits.append(("past_companies", old))
            if contact.team is not None:  # the team was at the old company
                edits.append(("team", None))
            changes.append(f"company {old} → {person.company}")
            change = f"{contact.name}: {old} → {person.company}"
            if {contact.company, company} & index.aimed:
                summary.job_changes.insert(summary.job_changes_aimed, change)
                summary.job_changes_aimed += 1
            else:
                summary.job_changes.append(change)
    new_title = person.title and not older
    if new_title and title_words(contact.title or "") != title_words(person.title or ""):
        edits.append(("title", person.title))  # ranks count: a promotion is a change
        changes.append(f"title {person.title}")
        same_job = normalize_title(contact.title or "") == normalize_title(person.title or "")
        if (
            contact.title
            and same_job
            and title_rank(person.title or "") > title_rank(contact.title)
        ):
            summary.promotions.append(f"{contact.name}: {contact.title} → {person.title}")
    for key, value in (("email", person.email), ("linkedin", person.linkedin)):
        if value and getattr(contact, key) is None:
            edits.append((key, value))
            changes.append(f"{key} added")
    if person.met and contact.met is None:
        edits.append(("met", date_value(person.met)))
        changes.append(f"met {person.met}")
    if (
        contact.trust == 0
        and contact.evidence
        and not Evidence.total(contact.evidence).shows_a_tie
        and person.evidence is not None
        and person.evidence.shows_a_tie
    ):
        # an earlier import wrote 0 for someone seen only beside others; now you deal with
        # them directly, and the evidence decides
        edits.append(("trust", None))
        changes.append("trust left to the evidence (you now deal with them directly)")
    if edits:
        node = document.contact_node(contact.id)
        for key, value in edits:
            if value is None:
                delete_key(node, key)
            elif key == "past_companies":
                extend_list(node, key, [value], CONTACT.names)
            else:
                set_key(node, key, value, CONTACT.names)
    return changes


__all__ = ["ImportSummary", "import_export"]
