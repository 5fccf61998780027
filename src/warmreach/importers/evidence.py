"""Counting what you did with people, for the mailbox, calendar and LinkedIn readers.

A :class:`Tally` keeps, per person (by their e-mail address or LinkedIn address), the
messages each way, the meetings, the recommendations and endorsements, and the first and
last day; and, per pair of other people, how often they appeared together (copied on one
mail to you, or in one small meeting). It keeps counts and days only: no subject, no
text, no attachment is ever read into it.

>>> tally = Tally("mbox mail.mbox")
>>> tally.message("email:bo@acme.test", "Bo Lee", sent=True, day=dt.date(2026, 11, 3))
>>> tally.message("email:bo@acme.test", "Bo Lee", sent=False, day=dt.date(2026, 11, 4))
>>> tally.together(["email:bo@acme.test", "email:cy@acme.test"])
>>> [(p.name, p.evidence.sent, p.evidence.received) for p in tally.people() if p.evidence]
[('Bo Lee', 1, 1)]
>>> [(link.one, link.other, link.count) for link in tally.links()]
[('email:bo@acme.test', 'email:cy@acme.test', 1)]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.importers.records import CoLink, Incoming
from warmreach.matching import company_id
from warmreach.model import Evidence, PartialDate

#: e-mail domains of free mail services: an address there says nothing of an employer
FREE_MAIL: Final = frozenset(
    """
    163.com 126.com aol.com fastmail.com fastmail.fm gmail.com gmx.at gmx.ch gmx.de gmx.net
    googlemail.com hey.com hotmail.co.uk hotmail.com hotmail.de hotmail.fr icloud.com live.com
    live.co.uk mac.com mail.com mail.ru me.com msn.com outlook.com outlook.de pm.me
    proton.me protonmail.com qq.com t-online.de tutanota.com web.de yahoo.co.uk yahoo.com
    yahoo.de yahoo.fr yandex.com yandex.ru zoho.com
    """.split()
)
#: the local part of an address that no person reads
_NO_REPLY: Final = re.compile(
    r"^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounce[s]?|news(letter)?)([+._-].*)?$",
    re.IGNORECASE,
)
#: a name part of letters, spaces, hyphens and apostrophes
_WORDS: Final = re.compile(r"\s*[^\W\d_][^\W\d_' -]*(?:[' -][^\W\d_]+)*\s*")
#: mails, conversations and meetings of more people than this, you included, are lists
#: and events: no links from them (our assumption: a team meeting is up to eight people,
#: beyond that people may share a room without knowing each other)
MAX_TOGETHER: Final = 8
#: a mail or meeting someone sets up with you and others of this many people at most, you
#: and they included, brings you together (an introduction); a larger one is a team's
#: (our assumption: an introduction is to one or two people)
MAX_INTRODUCTION: Final = 4


def is_no_reply(address: str) -> bool:
    """Whether an address is a machine's, not a person's.

    >>> is_no_reply("noreply@shop.test"), is_no_reply("no-reply+x@a.test"), is_no_reply("bo@a.test")
    (True, True, False)
    """
    local = address.rpartition("@")[0] or address
    return bool(_NO_REPLY.match(local))


def work_domain(address: str | None) -> str | None:
    """The domain of an address when it may say where someone works (not free mail).

    >>> work_domain("Bo@Acme.test"), work_domain("bo@gmail.com"), work_domain(None)
    ('acme.test', None, None)
    """
    if not address or "@" not in address:
        return None
    domain = address.rpartition("@")[2].strip().lower().rstrip(".")
    return None if not domain or domain in FREE_MAIL else domain


def display_name(name: str | None) -> str | None:
    """A person's name as mail and calendars show it, first name first: Outlook's "Berg,
    Jonas" is Jonas Berg.

    >>> display_name("Berg, Jonas"), display_name("Jonas Berg"), display_name("Berg, J., Dr")
    ('Jonas Berg', 'Jonas Berg', 'Berg, J., Dr')
    """
    if not name:
        return None
    last, comma, first = name.partition(",")
    if comma and "," not in first and _WORDS.fullmatch(last) and _WORDS.fullmatch(first):
        return f"{first.strip()} {last.strip()}"
    return name


def learn_domains(people: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """From (company, e-mail) pairs of people whose both are known, each work domain that
    is seen for one company only, and that company (as first written).

    >>> learn_domains([("Acme", "bo@acme.test"), ("Beta", "di@acme.test")])
    {}
    >>> learn_domains([("Acme", "bo@acme.test"), ("Acme", "cy@acme.test")])
    {'acme.test': 'Acme'}
    """
    seen: dict[str, dict[str, str]] = {}
    for company, email in people:
        domain = work_domain(email)
        if company and domain:
            seen.setdefault(domain, {}).setdefault(company_id(company), company)
    return {domain: next(iter(names.values())) for domain, names in seen.items() if len(names) == 1}


@dataclass
class _Person:
    name: str | None = None
    email: str | None = None
    linkedin: str | None = None
    company: str | None = None
    title: str | None = None
    sent: int = 0
    received: int = 0
    meetings: int = 0
    together: int = 0
    endorsed_you: int = 0
    brought_together: int = 0
    recommended_you: dt.date | None = None
    you_recommended: dt.date | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    #: the first line of the file the person is seen on (for messages)
    line: int = 0

    def saw(self, day: dt.date | None) -> None:
        if day is None:
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)


def _day(day: dt.date | None) -> PartialDate | None:
    return None if day is None else PartialDate.of(day)


class Tally:
    """The counts a reader gathers while it streams through an export."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._people: dict[str, _Person] = {}
        self._pairs: dict[tuple[str, str], int] = {}

    def person(self, key: str, name: str | None = None, line: int = 0) -> _Person:
        found = self._people.get(key)
        if found is None:
            found = self._people[key] = _Person(line=line)
            kind, _, value = key.partition(":")
            if kind == "email":
                found.email = value
            elif kind == "linkedin":
                found.linkedin = value
        name = display_name(name)
        if name and (found.name is None or len(name) > len(found.name)):
            found.name = name  # the fullest spelling
        return found

    def message(
        self,
        key: str,
        name: str | None,
        *,
        sent: bool,
        day: dt.date | None,
        line: int = 0,
        count: int = 1,
        last: dt.date | None = None,
    ) -> None:
        """``count`` messages you sent them (``sent``), or they sent you, the first on
        ``day`` and the last on ``last`` (the same day when not given)."""
        person = self.person(key, name, line)
        if sent:
            person.sent += count
        else:
            person.received += count
        person.saw(day)
        person.saw(last)

    def meeting(self, key: str, name: str | None, *, alone: bool, day: dt.date | None) -> None:
        """A meeting with them: the two of you alone, or with a few others."""
        person = self.person(key, name)
        if alone:
            person.meetings += 1
        else:
            person.together += 1
        person.saw(day)

    def brought(self, key: str, count: int = 1, *, size: int) -> None:
        """They brought you together with others ``count`` times: set up a small meeting
        with you and someone else, or wrote to you copying someone in; ``size``: how many
        were on it, you and they included (more than MAX_INTRODUCTION: not counted)."""
        if size <= MAX_INTRODUCTION:
            self.person(key).brought_together += count

    def together(self, keys: Sequence[str], count: int = 1) -> None:
        """People who appeared together with you, ``count`` times (in different mails,
        conversations or meetings): each pair of them counted, when they were few (with
        you, MAX_TOGETHER at most)."""
        unique = sorted(set(keys))
        if len(unique) < 2 or len(unique) + 1 > MAX_TOGETHER:
            return
        for one, other in itertools.combinations(unique, 2):
            self.person(one)
            self.person(other)
            self._pairs[(one, other)] = self._pairs.get((one, other), 0) + count

    def people(self) -> list[Incoming]:
        """Everyone seen, in the order first seen, with what was counted."""
        found = []
        for key, person in self._people.items():
            known = any(
                (
                    person.sent,
                    person.received,
                    person.meetings,
                    person.together,
                    person.recommended_you,
                    person.you_recommended,
                    person.endorsed_you,
                    person.brought_together,
                )
            )
            evidence = (
                Evidence(
                    source=self.source,
                    first=_day(person.first),
                    last=_day(person.last),
                    sent=person.sent,
                    received=person.received,
                    meetings=person.meetings,
                    together=person.together,
                    recommended_you=_day(person.recommended_you),
                    you_recommended=_day(person.you_recommended),
                    endorsed_you=person.endorsed_you,
                    brought_together=person.brought_together,
                )
                if known
                else None
            )
            name = person.name or (person.email or person.linkedin or key)
            found.append(
                Incoming(
                    line=person.line,
                    name=name,
                    company=person.company,
                    title=person.title,
                    email=person.email,
                    linkedin=person.linkedin,
                    evidence=evidence,
                    known_of=evidence is None or not evidence.shows_a_tie,
                )
            )
        return found

    def links(self) -> list[CoLink]:
        """Each pair seen together, with how often, in a stable order."""
        return [
            CoLink(one=one, other=other, count=count)
            for (one, other), count in sorted(self._pairs.items())
        ]


__all__ = [
    "FREE_MAIL",
    "MAX_TOGETHER",
    "Tally",
    "display_name",
    "is_no_reply",
    "learn_domains",
    "work_domain",
]
