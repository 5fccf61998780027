"""Building a network file from an export, or merging an export into one without losing anything.

A merge matches each incoming person to a contact of the file by LinkedIn address, then
e-mail, then name (exactly, then fuzzily; the company breaks ties), and never adds a
second record for someone the file has. It fills what the file lacks, records job changes
(the old company moves to ``past_companies``) and tells them, and keeps every hand-written
field and comment (a round-trip edit, as ``warmreach log`` makes). Merging the same export
twice changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from warmreach.errors import UsageError, WarmreachError
from warmreach.importers.evidence import learn_domains, work_domain
from warmreach.importers.records import Export, Incoming, Skipped, keys_of
from warmreach.matching import (
    CompanyMatcher,
    Taxonomy,
    classify_industries,
    company_id,
    company_industries,
    company_matches,
    identity_keys,
    normalize_title,
    similar_names,
    target_field,
    title_rank,
    title_words,
)
from warmreach.model import ME, Contact, Evidence, Network, PartialDate, resolve_day
from warmreach.networkfile.atomic import write_atomic
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES
from warmreach.networkfile.dump import network_text
from warmreach.networkfile.edit import (
    Document,
    append_record,
    delete_key,
    editing,
    extend_list,
    flow_map,
    put_item,
    save_document,
    set_key,
)
from warmreach.schema import CONTACT, EVIDENCE
from warmreach.text import is_valid_id, linkedin_key, slugify


@dataclass(kw_only=True)
class ImportSummary:
    """What an import did."""

    #: the network file written or updated
    output: str
    #: ids of the people added
    added: list[str] = field(default_factory=list)
    #: (id, what changed) of the people updated
    updated: list[tuple[str, list[str]]] = field(default_factory=list)
    #: "Ana Strong: Voltgrid → Sunforge", moves into or out of a company you aim at (an
    #: opening's, one you seek, or one of your field) first
    job_changes: list[str] = field(default_factory=list)
    #: how many of ``job_changes`` (the first) are moves into or out of those companies
    job_changes_aimed: int = 0
    #: "Bo Lee: Data Engineer → Senior Data Engineer"
    promotions: list[str] = field(default_factory=list)
    #: people already in the file as the export has them
    unchanged: int = 0
    #: records not imported, with the reason
    skipped: list[Skipped] = field(default_factory=list)
    #: whether the file was written (an import that changes nothing leaves it alone)
    written: bool = False
    #: links between contacts added from people seen together
    links: int = 0
    #: people left out: seen in one-way mail only, with no tie and no one to reach them by
    ignored: int = 0


def import_export(
    export: Export,
    output: str | os.PathLike[str],
    *,
    merge: bool = False,
    force: bool = False,
    me: str | None = None,
    today: dt.date | None = None,
    progress: Callable[[], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportSummary:
    """Write ``export`` to a new network file at ``output``, or merge it into that file.

    Without ``merge``, an existing file is replaced only with ``force``. A new file needs
    your name (``me``).
    """
    path = Path(output)
    summary = ImportSummary(output=str(path), skipped=list(export.skipped))
    tick = progress or (lambda: None)
    if merge and path.exists():
        with editing(path, max_bytes=max_bytes) as document:
            document.by_parts = False  # new contacts go into the whole list
            _merge(document, export, summary, tick)
        return summary
    if path.exists() and not force:
        raise WarmreachError(f"{path} exists; pass --merge to update it, or --force to replace it")
    name = me or (export.me.name if export.me else None)
    if not name:
        raise UsageError("a new network file needs your name: pass --me NAME")
    day = resolve_day(today)
    contacts: dict[str, dict[str, Any]] = {}  # by id, in the export's order
    ids: set[str] = {ME}  # a contact called "Me" gets another id than you
    seen = _Seen()
    linked = _linked(export)
    domains = learn_domains((person.company, person.email) for person in export.people)
    added: dict[str, str] = {}  # identity key -> contact id
    for person in export.people:
        tick()
        if _left_out(person, linked):
            summary.ignored += 1
            continue
        first = seen.first(person)
        if first is not None:
            summary.skipped.append(Skipped(person.line, f"the same person as line {first}"))
            continue
        contact = _new_contact(_with_domain(person, domains), ids)
        contact_id = contact.get("id") or slugify(person.name)
        contacts[contact_id] = contact
        summary.added.append(contact_id)
        for key in keys_of(person):
            added.setdefault(key, contact_id)
    for one, other, strength in _links(export, added):  # each pair once
        contacts[one].setdefault("knows", []).append({"name": other, "strength": strength})
        summary.links += 1
    header = (
        f"# Imported by warmreach from {Path(export.file).name} ({export.source}) on {day}.\n"
        "# Trust is left out: warmreach reads it from the evidence found (messages both\n"
        "# ways, meetings, recommendations) until you write it for those you know well.\n"
    )
    write_atomic(
        path,
        header + network_text(name, list(contacts.values()), me_fields=_me_fields(export)),
        force=force,
    )
    summary.written = True
    return summary


def _me_fields(export: Export) -> dict[str, Any]:
    """What the export says of you beyond your name, as ``me``'s fields."""
    found = export.me
    if found is None:
        return {}
    seeking = {
        key: list(values)
        for key, values in (
            ("roles", found.roles),
            ("industries", found.industries),
            ("companies", found.companies),
        )
        if values
    }
    fields: dict[str, Any] = {"role": found.role, "company": found.company}
    if seeking:
        fields["seeking"] = seeking
    return {key: value for key, value in fields.items() if value}


def _linked(export: Export) -> set[str]:
    return {key for link in export.links for key in (link.one, link.other)}


def _left_out(person: Incoming, linked: set[str]) -> bool:
    """Whether to leave someone out: known of only (one-way mail), with no link to reach
    them by."""
    return person.known_of and not linked & set(keys_of(person))


def _link_strength(count: int) -> int:
    """The strength of a link from how often two people were seen together: once 2, two or
    three times 3, more 4 (our assumption; a strength of 5, close, is only ever written)."""
    return 2 if count <= 1 else (3 if count <= 3 else 4)


def _links(export: Export, ids: Mapping[str, str]) -> list[tuple[str, str, int]]:
    """The export's links between contacts (by id), each once, with its strength."""
    found: dict[tuple[str, str], int] = {}
    for link in export.links:
        one, other = ids.get(link.one), ids.get(link.other)
        if one is None or other is None or one == other:
            continue
        pair = (one, other) if one < other else (other, one)
        found[pair] = max(found.get(pair, 0), _link_strength(link.count))
    return [(one, other, strength) for (one, other), strength in sorted(found.items())]


def _with_domain(person: Incoming, domains: Mapping[str, str]) -> Incoming:
    """``person`` with the company their work address shows, when the export gives none."""
    if person.company or not person.email:
        return person
    domain = work_domain(person.email)
    company = domains.get(domain or "")
    return dataclasses.replace(person, company=company) if company else person


def evidence_value(evidence: Evidence) -> dict[str, Any]:
    """An evidence record as the file writes it: its fields in order, defaults left out."""
    fields: dict[str, Any] = {"source": evidence.source}
    for spec in EVIDENCE.fields[1:]:
        value = getattr(evidence, spec.name)
        if isinstance(value, PartialDate):
            fields[spec.name] = _date_value(value)
        elif value:
            fields[spec.name] = value
    return fields


class _Seen:
    """People already met in this export, by LinkedIn address and e-mail."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}

    def first(self, person: Incoming) -> int | None:
        keys = _keys(person)
        for key in keys:
            if key in self.lines:
                return self.lines[key]
        for key in keys:
            self.lines[key] = person.line
        return None


def _keys(person: Incoming) -> list[str]:
    return identity_keys(email=person.email, linkedin=person.linkedin)


def _unique_id(name: str, line: int, taken: set[str]) -> str:
    base = slugify(name)
    if not is_valid_id(base):
        base = f"contact-{line}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _new_contact(person: Incoming, taken: set[str]) -> dict[str, Any]:
    """A new contact's fields: trust left out (evidence, else the default, tells), or 0
    for someone you know only of; the evidence found."""
    contact_id = _unique_id(person.name, person.line, taken)
    values: dict[str, Any] = {
        "name": person.name,
        "id": contact_id if contact_id != slugify(person.name) else None,
        "company": person.company,
        "title": person.title,
        "trust": 0 if person.known_of else None,
        "met": _date_value(person.met) if person.met else None,
        "evidence": [evidence_value(person.evidence)] if person.evidence else None,
        "email": person.email,
        "linkedin": person.linkedin,
    }
    return {key: values[key] for key in CONTACT.names if values.get(key) is not None}


def _date_value(date: PartialDate) -> dt.date | str:
    """A date as the round-trip writer should put it: a full date plain, a part as text."""
    if date.month is not None and date.day is not None:
        return dt.date(date.year, date.month, date.day)
    return str(date)


# -- merging --------------------------------------------------------------------------------


class _Index:
    """The file's contacts by LinkedIn address, e-mail, name and company."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.contacts = network.contacts
        #: the contact under each identity key (LinkedIn address, e-mail; the last listed)
        self.by_key: dict[str, str] = {}
        for contact in self.contacts:
            for key in identity_keys(email=contact.email, linkedin=contact.linkedin):
                self.by_key[key] = contact.id
        self.by_name: dict[str, list[str]] = {}
        for contact in self.contacts:
            self.by_name.setdefault(slugify(contact.name), []).append(contact.id)
        self.companies = CompanyMatcher()
        for company in network.companies:
            for name in (company.name, *company.aliases):
                self.companies.add(name, company.id)

    @cached_property
    def aimed(self) -> frozenset[str]:
        """The ids of the companies you aim at: an opening's, one you seek, one of the
        field you seek (by its industry)."""
        network = self.network
        found = {opening.company for opening in network.openings}
        found |= set(network.me.seeking.companies)
        if network.me.seeking.industries:
            taxonomy = Taxonomy.load()
            field = target_field(taxonomy, network.me.seeking.industries, [], strict=False)
            companies = company_industries(network, taxonomy)
            people, _ = classify_industries(network, taxonomy, companies)
            matches = company_matches(network, companies, people)
            found |= {company for company, match in matches.items() if field.contains(match)}
        return frozenset(found)

    def company(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.companies.match(name) or company_id(name)

    def by_identity(self, person: Incoming) -> list[str]:
        """The contact with one of the person's identity keys (LinkedIn address, e-mail)."""
        for key in identity_keys(email=person.email, linkedin=person.linkedin):
            if key in self.by_key:
                return [self.by_key[key]]
        return []

    def exact(self, person: Incoming) -> list[str]:
        return self.by_identity(person) or list(self.by_name.get(slugify(person.name), ()))

    def fuzzy(self, people: Sequence[Incoming]) -> list[list[str]]:
        """For each person, the contacts whose names come close, best first."""
        names = [contact.name for contact in self.contacts]
        found = similar_names([person.name for person in people], names)
        return [[self.contacts[index].id for index in indices] for indices in found]

    def choose(self, person: Incoming, candidates: list[str]) -> str | list[str] | None:
        """The one contact among ``candidates``: alone, or the only one at their company.

        Someone whose LinkedIn address differs from the incoming one is someone else.
        """
        contacts = self.network.contacts_by_id
        if person.linkedin:
            url = linkedin_key(person.linkedin)
            candidates = [
                c
                for c in candidates
                if not contacts[c].linkedin or linkedin_key(str(contacts[c].linkedin)) == url
            ]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        company = self.company(person.company)
        same = [c for c in candidates if company and contacts[c].company == company]
        return same[0] if len(same) == 1 else candidates


def _merge(
    document: Document, export: Export, summary: ImportSummary, tick: Callable[[], None]
) -> None:
    network = document.network
    index = _Index(network)
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
    people = [_with_domain(person, domains) for person in export.people]
    linked = _linked(export)
    # someone seen only in one-way mail is recorded on a contact their address names,
    # never on one who merely has their name (a stranger's cold mail is no one's evidence)
    left_out = [_left_out(person, linked) for person in people]
    exact = [
        index.by_identity(person) if out else index.exact(person)
        for person, out in zip(people, left_out, strict=True)
    ]
    unmatched = [i for i, found in enumerate(exact) if not found and not left_out[i]]
    for i, found in zip(unmatched, index.fuzzy([people[i] for i in unmatched]), strict=True):
        exact[i] = found
    claimed: dict[str, int] = {}
    taken = {ME, *(contact.id for contact in network.contacts)}
    seen = _Seen()
    ids: dict[str, str] = {}  # identity key -> contact id, for the links
    for person, candidates, out in zip(people, exact, left_out, strict=True):
        tick()
        if out and not candidates:
            summary.ignored += 1
            continue
        first = seen.first(person)
        if first is not None:
            summary.skipped.append(Skipped(person.line, f"the same person as line {first}"))
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
            fields = _new_contact(person, taken)
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
    for one, other, strength in _links(export, ids):
        if frozenset((one, other)) in known:
            continue  # a link the file has, however it is written, is kept as it is
        node = _contact_node(document, one)
        extend_list(
            node, "knows", [flow_map([("name", other), ("strength", strength)])], CONTACT.names
        )
        known.add(frozenset((one, other)))
        summary.links += 1
    summary.written = save_document(document)


def _contact_node(document: Document, contact_id: str) -> Any:
    """The round-trip mapping of a contact: one of the file's, or one the merge added."""
    if contact_id in document.network.contacts_by_id:
        return document.contact_node(contact_id)
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
    index: _Index,
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
        edits.append(("met", _date_value(person.met)))
        changes.append(f"met {person.met}")
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
