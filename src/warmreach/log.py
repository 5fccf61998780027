"""``warmreach log``: recording what you did with a contact, in the network file itself.

What you told them, that you were in touch, how much they trust you, what you asked them
for and what came of it, a dated note: each becomes a change of the contact's fields,
made by a round-trip edit (:mod:`warmreach.networkfile.edit`) that keeps the file's
comments and layout.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warmreach.errors import UsageError, WarmreachError
from warmreach.matching import find_contact, find_target
from warmreach.model import OUTCOMES_OF, Ask, AskKind, Contact, Network, Outcome, PartialDate
from warmreach.networkfile.cache import NetworkCache
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES
from warmreach.networkfile.edit import Document, editing, save_document
from warmreach.networkfile.nodes import (
    add_to_list,
    flow_list,
    flow_map,
    list_items,
    record_told,
    set_key,
    text_value,
)
from warmreach.schema import ASK, CONTACT
from warmreach.text import join_words


@dataclass(frozen=True, kw_only=True)
class LogEntry:
    """What ``warmreach log`` is asked to record about one contact."""

    told: tuple[str, ...] = ()
    #: what they know of your plans, told on a day not known (added without a day)
    knew: tuple[str, ...] = ()
    #: when you were in touch: a day, or a month or year (``2025-06``)
    contacted: dt.date | PartialDate | None = None
    trust: int | None = None
    knows_my_work: int | None = None
    #: their team, title and company as you now know them (a new company moves the one
    #: the file has into ``past_companies``)
    team: str | None = None
    title: str | None = None
    company: str | None = None
    #: people they know: (name or id, strength 1..5 or None)
    knows: tuple[tuple[str, int | None], ...] = ()
    note: str | None = None
    #: what you asked them for (with ``target``, and ``to`` for an introduction)
    asked: AskKind | None = None
    #: what came of it (of the ask made now, or of the one pending that fits)
    outcome: Outcome | None = None
    #: the target of the ask, ``COMPANY[/TEAM]`` as written on the command line
    target: str | None = None
    #: for an introduction, the person to be introduced to, by name or id
    to: str | None = None
    #: the day it happened (what you told, asked or were answered, and the note's date)
    today: dt.date


def record(document: Document, contact_id: str, entry: LogEntry) -> list[str]:
    """Apply ``entry`` to the contact in the tree; returns what changed, in words."""
    contact = document.network.contacts_by_id[contact_id]
    node = document.contact_node(contact_id)
    changes: list[str] = []

    def change(key: str, value: Any, words: str) -> None:
        set_key(node, key, value, CONTACT.names)
        changes.append(words)

    today = PartialDate.of(entry.today)
    if entry.asked is not None or entry.outcome is not None:
        changes += _record_ask(document, contact, node, entry)
    new_items = [
        item for item in entry.told if item not in contact.told or contact.told_date(item) != today
    ]
    if new_items:
        record_told(node, {item: _written(entry.today) for item in new_items}, CONTACT.names)
        changes.append("told " + ", ".join(new_items))
    known = [item for item in entry.knew if item not in contact.told and item not in new_items]
    if known:
        record_told(node, dict.fromkeys(known), CONTACT.names)
        changes.append("knows of your " + ", ".join(known))
    last = contact.last_contact
    if entry.contacted is not None and str(last) != str(entry.contacted):
        change("last_contact", _day(entry.contacted), f"last contact {entry.contacted}")
    elif entry.asked is not None and (last is None or last.last_day() < entry.today):
        change("last_contact", _written(entry.today), f"last contact {entry.today}")
    if entry.trust is not None and (entry.trust != contact.trust or not contact.trust_written):
        change("trust", entry.trust, f"trust {contact.trust} → {entry.trust}")
    work = entry.knows_my_work
    if work is not None and (work != contact.knows_my_work or not contact.work_written):
        change("knows_my_work", work, f"knows your work {contact.knows_my_work} → {work}")
    changes += _record_job(document, contact, node, entry)
    changes += _record_knows(document, contact, node, entry.knows)
    if entry.note:
        line = f"{entry.today}: {entry.note}"
        notes = f"{contact.notes.rstrip()}\n{line}" if contact.notes else line
        change("notes", text_value(notes), "note added")
    return changes


def _record_ask(document: Document, contact: Contact, node: Any, entry: LogEntry) -> list[str]:
    """Add the ask ``entry`` describes, or record the outcome of the pending ask it means."""
    network = document.network
    target = None if entry.target is None else find_target(network, entry.target)
    to = None if entry.to is None else find_contact(network, entry.to)
    if entry.asked is not None:
        if target is None:
            raise UsageError("--asked needs --for COMPANY[/TEAM]: what you asked them for")
        if entry.asked == "intro" and to is None:
            raise UsageError("--asked intro needs --to PERSON: whom they are to introduce you to")
        if entry.asked == "referral" and to is not None:
            raise UsageError("--to is for --asked intro; a referral is for the team (--for)")
        if to == contact.id:
            raise UsageError(f"{contact.name} cannot introduce you to themself")
        ask = Ask(asked=entry.asked, company=target.company, team=target.team, to=to)
        waiting = [
            known
            for known in contact.asks
            if known.pending and (known.asked, known.key, known.to) == (ask.asked, ask.key, ask.to)
        ]
        if waiting:
            since = f" on {waiting[0].date}" if waiting[0].date else ""
            raise UsageError(
                f"you asked {contact.name} for this{since} and no answer is recorded; "
                "record what came of it with --outcome"
            )
        if entry.outcome is not None:
            _check_outcome(ask, entry.outcome)
        fields: list[tuple[str, Any]] = [
            ("asked", ask.asked),
            ("company", network.companies_by_id[ask.company].name),
        ]
        if ask.team is not None:
            fields.append(("team", network.companies_by_id[ask.company].teams_by_id[ask.team].name))
        if to is not None:
            fields.append(("to", _person(network, to)))
        fields.append(("date", _written(entry.today)))
        if entry.outcome is not None:
            fields += [("outcome", entry.outcome), ("answered", _written(entry.today))]
        add_to_list(node, "asks", flow_map(fields), CONTACT.names)
        done = f", {entry.outcome}" if entry.outcome else ""
        return [f"asked for {_what(network, ask)}{done}"]
    assert entry.outcome is not None
    fits = [
        index
        for index, known in enumerate(contact.asks)
        if known.pending
        and (target is None or (known.company, known.team) == (target.company, target.team))
        and (to is None or known.to == to)
    ]
    if not fits:
        which = "" if target is None else f" for {_label(network, target.company, target.team)}"
        which += "" if to is None else f" to {network.contacts_by_id[to].name}"
        raise UsageError(
            f"no ask of {contact.name}{which} is waiting for an answer; "
            "record the ask with --asked (and --for)"
        )
    if len(fits) > 1:
        listed = [_what(network, contact.asks[index]) for index in fits]
        raise UsageError(
            f"{contact.name} has {len(fits)} asks waiting for an answer "
            f"({join_words(listed)}); say which with --for (and --to)"
        )
    ask = contact.asks[fits[0]]
    _check_outcome(ask, entry.outcome)
    item = list_items(node, "asks")[fits[0]]
    set_key(item, "outcome", entry.outcome, ASK.names)
    set_key(item, "answered", _written(entry.today), ASK.names)
    return [f"{_what(network, ask)}: {entry.outcome}"]


def _record_job(document: Document, contact: Contact, node: Any, entry: LogEntry) -> list[str]:
    """A new company (the old one moving to ``past_companies``), team or title."""
    changes: list[str] = []
    moved = False
    if entry.company is not None:
        new = entry.company.strip()
        old = node.get("company")
        if not new:
            raise UsageError("--company needs a company name")
        if old is None or str(old).strip().casefold() != new.casefold():
            if old is not None:
                past = list_items(node, "past_companies")
                if not any(_written_company(item) == str(old).casefold() for item in past):
                    add_to_list(node, "past_companies", str(old), CONTACT.names)
            set_key(node, "company", new, CONTACT.names)
            changes.append(f"company {old or '(none)'} → {new}")
            moved = True
    if moved:  # the team and the day they joined were the old company's
        for key in ("team", "since"):
            if key in node and not (key == "team" and entry.team is not None):
                del node[key]
                changes.append(f"{key} cleared (a new company)")
    for key, value in (("team", entry.team), ("title", entry.title)):
        if value is None:
            continue
        value = value.strip()
        if not value:
            raise UsageError(f"--{key} needs a value")
        if str(node.get(key, "")) != value:
            before = node.get(key)
            set_key(node, key, value, CONTACT.names)
            changes.append(f"{key} {before} → {value}" if before else f"{key} {value}")
    return changes


def _written_company(item: Any) -> str:
    """The company a ``past_companies`` item of the file names, casefolded."""
    written = item.get("name") if isinstance(item, dict) else item
    return str(written).casefold()


def _record_knows(
    document: Document, contact: Contact, node: Any, knows: tuple[tuple[str, int | None], ...]
) -> list[str]:
    """Links to people they know: added, or a written link's strength changed."""
    network = document.network
    changes: list[str] = []
    for text, strength in knows:
        other = find_contact(network, text)
        if other == contact.id:
            raise UsageError(f"{contact.name} cannot be linked to themself")
        name = _person(network, other)
        value: Any = (
            name if strength is None else flow_map([("name", name), ("strength", strength)])
        )
        items = node.get("knows")
        written = list_items(node, "knows")
        place = next(
            (i for i, item in enumerate(written) if _link_target(network, item) == other), None
        )
        shown = network.contacts_by_id[other].name
        if place is None:
            add_to_list(node, "knows", value, CONTACT.names)
            changes.append(f"knows {shown}" + ("" if strength is None else f" ({strength}/5)"))
            continue
        current = written[place]
        had = current.get("strength") if isinstance(current, dict) else None
        if strength is None or had == strength:
            continue
        if isinstance(items, list):
            items[items.index(current)] = value
        else:
            set_key(node, "knows", flow_list([value]), CONTACT.names)
        changes.append(f"knows {shown}: strength {had or 'unwritten'} → {strength}")
    return changes


def _link_target(network: Network, item: Any) -> str | None:
    """The contact a ``knows`` item of the file names, if any."""
    written = item.get("name") if isinstance(item, dict) else item
    if written is None:
        return None
    try:
        return find_contact(network, str(written))
    except WarmreachError:
        return None


def _check_outcome(ask: Ask, outcome: Outcome) -> None:
    if outcome not in OUTCOMES_OF[ask.asked]:
        fits = join_words(OUTCOMES_OF[ask.asked], "or")
        raise UsageError(f"a {ask.asked} ask ends in {fits}, not {outcome}")


def _label(network: Network, company_id: str, team: str | None) -> str:
    """A target by its names: ``Voltgrid / Grid Storage``."""
    company = network.companies_by_id[company_id]
    return company.name + (f" / {company.teams_by_id[team].name}" if team else "")


def _what(network: Network, ask: Ask) -> str:
    """An ask in a few words: ``a referral for Voltgrid / Grid`` or ``an intro to Eva Berg``."""
    label = _label(network, ask.company, ask.team)
    if ask.asked == "intro" and ask.to is not None:
        return f"an intro to {network.contacts_by_id[ask.to].name} ({label})"
    return f"a referral for {label}"


def _person(network: Network, contact: str) -> str:
    """How the file should name a contact: by name when the name means only them, else by id."""
    name = network.contacts_by_id[contact].name
    same = [other for other in network.contacts if other.name.casefold() == name.casefold()]
    return name if len(same) == 1 else contact


def _written(day: dt.date) -> dt.date:
    """A day as the file should get it: a date object is written plain (2026-11-25; a string
    would be quoted), and a new one each time (one object written twice becomes an anchor)."""
    return dt.date(day.year, day.month, day.day)


def _day(day: dt.date | PartialDate) -> dt.date | str:
    """A day, or a month or year, as the file should get it."""
    if isinstance(day, dt.date):
        return _written(day)
    return _written(day.first_day()) if day.day is not None else str(day)


def log_contact(
    path: str | os.PathLike[str],
    find: Callable[[Network], str],
    entry: LogEntry,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> tuple[str, list[str]]:
    """Record ``entry`` for the contact ``find`` picks; returns their id and the changes.
    ``cache``: the file is read through it, and it keeps the file as written."""
    with editing(path, max_bytes=max_bytes, cache=cache) as document:
        contact_id = find(document.network)
        changes = record(document, contact_id, entry)
        if changes:
            save_document(document)
            changes += written_anew(document)
    return contact_id, changes


def written_anew(document: Document) -> list[str]:
    """What the edit wrote beyond the change: each entry written anew in block style."""
    names = document.network.contacts_by_id
    return [
        f"{names[contact].name}'s entry written in block style" for contact in document.rewritten
    ]


__all__ = ["LogEntry", "log_contact", "record", "written_anew"]
