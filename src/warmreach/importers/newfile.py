"""A new network file from an export: its contacts, what it says of you, and the links
between people seen together; the records an import writes (a contact, an evidence
record), which a merge adds with the same fields.

>>> from warmreach.importers.records import Incoming
>>> new_contact(Incoming(line=2, name="Bo Lee", company="Voltgrid"), set())
{'name': 'Bo Lee', 'company': 'Voltgrid'}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warmreach.errors import UsageError, WarmreachError
from warmreach.importers.evidence import learn_domains
from warmreach.importers.identify import Seen, is_left_out, linked_keys, links, with_domain
from warmreach.importers.records import Export, Incoming, Skipped, keys_of
from warmreach.model import ME, Evidence, Network, PartialDate, resolve_day
from warmreach.networkfile.cache import NO_CACHE, NetworkCache
from warmreach.networkfile.dump import network_text
from warmreach.progress import Progress
from warmreach.schema import CONTACT, EVIDENCE
from warmreach.text import is_valid_id, slugify


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
    #: whether the file names what you aim at (:func:`aims_at_something`)
    aimed: bool = False


def aims_at_something(network: Network) -> bool:
    """Whether ``network`` names what you aim at (an opening, a company you seek), so
    that ``review`` needs no ``--target``."""
    from warmreach.scoring import default_targets  # the ranking: only an import asks here

    return bool(default_targets(network))


def write_new(
    export: Export,
    path: Path,
    summary: ImportSummary,
    *,
    force: bool,
    me: str | None,
    today: dt.date | None,
    progress: Progress,
    max_bytes: int,
    cache: NetworkCache | None = None,
) -> None:
    """Write ``export`` to a new network file at ``path`` (replacing one only with
    ``force``); a new file needs your name (``me``, else the export's), and must load
    within ``max_bytes`` (``--max-size``), as every command will read it: it is read
    so before it is written, and ``cache`` keeps what was read for the next command.
    ``progress`` is told of each person read, then of the writing, the checking (a step
    a contact) and the keeping."""
    exists = f"{path} exists; pass --merge to update it, or --force to replace it"
    if path.exists() and not force:
        raise WarmreachError(exists)
    name = me or (export.me.name if export.me else None)
    if not name:
        raise UsageError("a new network file needs your name: pass --me NAME")
    day = resolve_day(today)
    contacts: dict[str, dict[str, Any]] = {}  # by id, in the export's order
    ids: set[str] = {ME}  # a contact called "Me" gets another id than you
    seen = Seen()
    linked = linked_keys(export)
    domains = learn_domains((person.company, person.email) for person in export.people)
    added: dict[str, str] = {}  # identity key -> contact id
    progress.stage(f"reading {len(export.people):,} people", len(export.people))
    for person in export.people:
        progress.advance()
        if is_left_out(person, linked):
            summary.ignored += 1
            continue
        again = seen.again(person)
        if again is not None:
            summary.skipped.append(again)
            continue
        contact = new_contact(with_domain(person, domains), ids)
        contact_id = contact.get("id") or slugify(person.name)
        contacts[contact_id] = contact
        summary.added.append(contact_id)
        for key in keys_of(person):
            added.setdefault(key, contact_id)
    for one, other, strength in links(export, added):  # each pair once
        contacts[one].setdefault("knows", []).append({"name": other, "strength": strength})
        summary.links += 1
    header = (
        f"# Imported by warmreach from {Path(export.file).name} ({export.source}) on {day}.\n"
        "# Trust is left out: warmreach reads it from the evidence found (messages both\n"
        "# ways, meetings, recommendations) until you write it for those you know well.\n"
    )
    progress.stage(f"writing {path.name}")
    text = header + network_text(name, list(contacts.values()), me_fields=me_fields(export))
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise WarmreachError(
            f"{path}: the network would be {size / 1e6:.1f} MB, over the size limit of "
            f"{max_bytes / 1e6:g} MB that every command reads files with; nothing was written. "
            "Pass a larger --max-size (to this import and to the commands that read the file)"
        )
    written = (cache or NO_CACHE).save(
        path,
        text.encode("utf-8", errors="surrogatepass"),  # a lone surrogate: refused by the check
        unwritten="in the file this import would write; nothing was written",
        contacts=len(contacts),
        max_bytes=max_bytes,
        progress=progress,
        force=force,
        exists=exists,
    )
    summary.written = True
    summary.aimed = aims_at_something(written)  # an archive may name the companies you seek


def me_fields(export: Export) -> dict[str, Any]:
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


def evidence_value(evidence: Evidence) -> dict[str, Any]:
    """An evidence record as the file writes it: its fields in order, defaults left out."""
    fields: dict[str, Any] = {"source": evidence.source}
    for spec in EVIDENCE.fields[1:]:
        value = getattr(evidence, spec.name)
        if isinstance(value, PartialDate):
            fields[spec.name] = date_value(value)
        elif value:
            fields[spec.name] = value
    return fields


def unique_id(name: str, line: int, taken: set[str]) -> str:
    base = slugify(name)
    if not is_valid_id(base):
        base = f"contact-{line}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def new_contact(person: Incoming, taken: set[str]) -> dict[str, Any]:
    """A new contact's fields: trust left out (the evidence, else the default, tells: with
    evidence of no direct dealings, someone you know only of), or 0 for someone you know
    only of with no evidence to tell it; the evidence found."""
    contact_id = unique_id(person.name, person.line, taken)
    values: dict[str, Any] = {
        "name": person.name,
        "id": contact_id if contact_id != slugify(person.name) else None,
        "company": person.company,
        "title": person.title,
        "trust": 0 if person.known_of and person.evidence is None else None,
        "met": date_value(person.met) if person.met else None,
        "evidence": [evidence_value(person.evidence)] if person.evidence else None,
        "email": person.email,
        "linkedin": person.linkedin,
    }
    return {key: values[key] for key in CONTACT.names if values.get(key) is not None}


def date_value(date: PartialDate) -> dt.date | str:
    """A date as the round-trip writer should put it: a full date plain, a part as text."""
    if date.month is not None and date.day is not None:
        return dt.date(date.year, date.month, date.day)
    return str(date)


__all__ = [
    "ImportSummary",
    "aims_at_something",
    "date_value",
    "evidence_value",
    "me_fields",
    "new_contact",
    "unique_id",
    "write_new",
]
