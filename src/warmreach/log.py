"""``warmreach log``: recording what you did with a contact, in the network file itself.

What you told them, that you were in touch, how much they trust you, a dated note: each
becomes a change of the contact's fields, made by a round-trip edit
(:mod:`warmreach.networkfile.edit`) that keeps the file's comments and layout.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warmreach.model import Network, PartialDate
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES
from warmreach.networkfile.edit import (
    Document,
    open_document,
    record_told,
    save_document,
    set_key,
    text_value,
)
from warmreach.schema import CONTACT


@dataclass(frozen=True, kw_only=True)
class LogEntry:
    """What ``warmreach log`` is asked to record about one contact."""

    told: tuple[str, ...] = ()
    contacted: dt.date | None = None
    trust: int | None = None
    note: str | None = None
    #: the day the note is dated with
    today: dt.date


def record(document: Document, contact_id: str, entry: LogEntry) -> list[str]:
    """Apply ``entry`` to the contact in the tree; returns what changed, in words."""
    contact = document.network.contacts_by_id[contact_id]
    node = document.contact_node(contact_id)
    changes: list[str] = []

    def change(key: str, value: Any, words: str) -> None:
        set_key(node, key, value, CONTACT.names)
        changes.append(words)

    today = PartialDate(year=entry.today.year, month=entry.today.month, day=entry.today.day)
    new_items = [
        item for item in entry.told if item not in contact.told or contact.told_date(item) != today
    ]
    if new_items:
        record_told(node, {item: _written(entry.today) for item in new_items}, CONTACT.names)
        changes.append("told " + ", ".join(new_items))
    if entry.contacted is not None and str(contact.last_contact) != entry.contacted.isoformat():
        change("last_contact", _written(entry.contacted), f"last contact {entry.contacted}")
    if entry.trust is not None and entry.trust != contact.trust:
        change("trust", entry.trust, f"trust {contact.trust} → {entry.trust}")
    if entry.note:
        line = f"{entry.today}: {entry.note}"
        notes = f"{contact.notes.rstrip()}\n{line}" if contact.notes else line
        change("notes", text_value(notes), "note added")
    return changes


def _written(day: dt.date) -> dt.date:
    """A day as the file should get it: a date object is written plain (2026-11-25; a string
    would be quoted), and a new one each time (one object written twice becomes an anchor)."""
    return dt.date(day.year, day.month, day.day)


def log_contact(
    path: str | os.PathLike[str],
    find: Callable[[Network], str],
    entry: LogEntry,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, list[str]]:
    """Record ``entry`` for the contact ``find`` picks; returns their id and the changes."""
    document = open_document(path, max_bytes=max_bytes)
    contact_id = find(document.network)
    changes = record(document, contact_id, entry)
    if changes:
        save_document(document)
    return contact_id, changes


__all__ = ["LogEntry", "log_contact", "record"]
