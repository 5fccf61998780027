"""A calendar (iCalendar ``.ics``: Google, Outlook, Apple): whom you meet, alone or in a few.

Only each event's start, organiser and attendees are read (no title, description or
place). An event you are in with one other person is a meeting of the two of you; with a
few others (up to MAX_TOGETHER people in all) it is a meeting together, and everyone in
it, the organiser included, knows everyone else; a larger event is left out. Cancelled
events, declined invitations, rooms and resources are left out too. Your addresses are
the ones given, else the address in the most events.

>>> ics = b'''BEGIN:VCALENDAR
... BEGIN:VEVENT
... DTSTART:20261103T090000Z
... ORGANIZER;CN=Bo Lee:mailto:bo@acme.test
... ATTENDEE;CN=Ana:mailto:ana@home.test
... ATTENDEE;CN=Cy Dahl:mailto:cy@acme.test
... END:VEVENT
... END:VCALENDAR
... '''
>>> export = read_ics(ics, "cal.ics", own=["ana@home.test"])
>>> [(p.name, p.evidence.together, p.evidence.brought_together) for p in export.people]
[('Bo Lee', 1, 1), ('Cy Dahl', 1, 0)]
>>> [p.known_of for p in export.people]  # Bo set it up: he acted for you; Cy was there
[False, True]
>>> [(link.one, link.other) for link in export.links]
[('email:bo@acme.test', 'email:cy@acme.test')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from warmreach.errors import WarmreachError
from warmreach.importers.evidence import MAX_TOGETHER, Tally
from warmreach.importers.records import Export, clean, parameters, split_content_line, unfold
from warmreach.networkfile import decode_text
from warmreach.text import email_key

_DATE: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})")


@dataclass
class _Event:
    line: int
    day: dt.date | None = None
    cancelled: bool = False
    people: dict[str, str] = field(default_factory=dict)  # address key -> name
    organizer: str | None = None  # address key


def _events(text: str) -> list[_Event]:
    found: list[_Event] = []
    event: _Event | None = None
    for number, line in unfold(text):
        head, _, value = split_content_line(line)
        name, *raw = head.split(";")
        name, params = name.strip().upper(), parameters(raw)
        if name == "BEGIN" and value.strip().upper() == "VEVENT":
            event = _Event(line=number)
        elif name == "END" and value.strip().upper() == "VEVENT" and event is not None:
            found.append(event)
            event = None
        elif event is None:
            continue
        elif name == "DTSTART":
            match = _DATE.match(value.strip())
            if match:
                try:
                    event.day = dt.date(int(match[1]), int(match[2]), int(match[3]))
                except ValueError:
                    event.day = None
        elif name == "STATUS" and value.strip().upper() == "CANCELLED":
            event.cancelled = True
        elif name in ("ORGANIZER", "ATTENDEE"):
            if params.get("CUTYPE", "INDIVIDUAL").upper() in ("ROOM", "RESOURCE"):
                continue
            if params.get("PARTSTAT", "").upper() == "DECLINED":
                continue
            address = value.strip()
            if address.lower().startswith("mailto:"):
                address = address[7:]
            if "@" not in address:
                continue
            key = email_key(address)
            if name == "ORGANIZER":
                event.organizer = key
            name_given = clean(params.get("CN")) or ""
            if len(name_given) >= len(event.people.get(key, "")):
                event.people[key] = name_given
    return found


def read_ics(data: bytes, file: str, *, own: Sequence[str] = ()) -> Export:
    """A calendar's evidence (see the module); ``own`` are your addresses."""
    text = decode_text(data, file)
    if "BEGIN:VCALENDAR" not in text.upper():
        raise WarmreachError(f"{file}: no BEGIN:VCALENDAR found; is this a calendar (.ics) file?")
    events = [event for event in _events(text) if not event.cancelled]
    mine = {email_key(address) for address in own}
    if not mine:
        counts = Counter(key for event in events for key in event.people)
        mine = {counts.most_common(1)[0][0]} if counts else set()
    tally = Tally(f"ics {file.rsplit('/', 1)[-1]}")
    large = 0
    for event in events:
        if not set(event.people) & mine:
            continue
        others = {key: name for key, name in event.people.items() if key not in mine}
        if not others:
            continue
        if len(others) + 1 > MAX_TOGETHER:
            large += 1
            continue
        alone = len(others) == 1
        for key, name in others.items():
            tally.meeting(f"email:{key}", name or None, alone=alone, day=event.day)
        if not alone:
            tally.together([f"email:{key}" for key in others])
            if event.organizer in others:  # they set it up to bring you together
                tally.brought(f"email:{event.organizer}", size=len(others) + 1)
    return Export(
        file=file,
        source="ics",
        people=tuple(tally.people()),
        links=tuple(tally.links()),
        ignored=(("large event", "large events", large),),
    )


__all__ = ["read_ics"]
