"""What you asked people for, and what came of it, as the analysis counts it.

The file's ``asks`` (written by ``warmreach log --asked`` and ``--outcome``) change the
advice for the target each ask is for:

- an ask **waiting** for an answer is never made again: its route is followed up, a week
  after the ask or after your last contact since (FOLLOW_UP_DAYS);
- a referral **made** counts: its route has happened, with certainty;
- an ask **declined**, or left with **no reply**, closes every route through that person
  for that target;
- an introduction **made** gives you a direct tie to the person introduced, from the day
  of the answer: trust INTRODUCED_TRUST unless you wrote more, so a new connection, to
  be built before it is asked anything (the hiring manager is approached all the same).

>>> import datetime as dt
>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana}
... contacts:
...   - name: Bob
...     trust: 4
...     asks: [{asked: intro, company: Voltgrid, to: Eva, date: 2026-11-02,
...             outcome: introduced, answered: 2026-11-06}]
...   - {name: Eva, company: Voltgrid, trust: 0}
... ''')
>>> eva = with_introductions(network).contacts_by_id["eva"]
>>> eva.trust, str(eva.met), str(eva.last_contact)
(2, '2026-11-06', '2026-11-06')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final, assert_never

from warmreach.model import Ask, Contact, Network, Opening, PartialDate, later

#: days without an answer after which an ask is followed up
FOLLOW_UP_DAYS: Final = 7
#: the trust of a tie an introduction made, unless the file says more
INTRODUCED_TRUST: Final = 2


def with_introductions(network: Network) -> Network:
    """``network`` with a direct tie to everyone an introduction was made to (the same
    object when there is none)."""
    made: dict[str, PartialDate | None] = {}
    for contact in network.contacts:
        for ask in contact.asks:
            if ask.outcome == "introduced" and ask.to is not None:
                day = ask.answered or ask.date
                known = made.get(ask.to)
                if ask.to not in made or (
                    day is not None and (known is None or day.first_day() < known.first_day())
                ):
                    made[ask.to] = day  # the first introduction
    if not made:
        return network
    contacts = tuple(
        _introduced(contact, made[contact.id]) if contact.id in made else contact
        for contact in network.contacts
    )
    return dataclasses.replace(network, contacts=contacts)


def _introduced(contact: Contact, day: PartialDate | None) -> Contact:
    met = contact.met if contact.is_direct else (day or contact.met)
    return dataclasses.replace(
        contact,
        trust=max(contact.trust, INTRODUCED_TRUST),
        met=met,
        last_contact=later(contact.last_contact, day),
    )


def follow_up_day(ask: Ask, contact: Contact, as_of: dt.date) -> dt.date:
    """When to follow up an ask that waits for an answer: FOLLOW_UP_DAYS after the ask or
    after your last contact since, whichever is later (today when neither day is known)."""
    days = [date.last_day() for date in (ask.date, contact.last_contact) if date is not None]
    if not days:
        return as_of
    return max(days) + dt.timedelta(days=FOLLOW_UP_DAYS)


@dataclass(frozen=True, kw_only=True)
class AskState:
    """What the asks of a network mean for one target."""

    #: people who declined or did not reply: no route through them
    closed: Mapping[str, Ask] = field(default_factory=dict)
    #: people who referred you, with the ask
    referred: Mapping[str, Ask] = field(default_factory=dict)
    #: asks waiting for an answer, by (the person asked, whom to for an intro)
    waiting: Mapping[tuple[str, str | None], Ask] = field(default_factory=dict)
    #: people an introduction was made to, with who introduced them: that introduction
    #: is not asked again (their word stays with the direct route)
    introduced: Mapping[str, str] = field(default_factory=dict)
    #: every ask made for the target, by the person asked (any outcome)
    asked: Mapping[str, tuple[Ask, ...]] = field(default_factory=dict)

    def waiting_for(self, candidate: str) -> tuple[str, Ask] | None:
        """The ask waiting for an answer that concerns ``candidate``: a referral asked of
        them, else an introduction to them (the person asked, and the ask)."""
        own = self.waiting.get((candidate, None))
        if own is not None:
            return candidate, own
        for (person, to), ask in sorted(self.waiting.items(), key=lambda item: item[0][0]):
            if to == candidate:
                return person, ask
        return None


class AskStates:
    """What the file's asks mean for each target (:func:`ask_state`), worked out once per
    target, from only the contacts who have asks (most have none)."""

    def __init__(self, network: Network) -> None:
        self._network = network
        self._found: dict[Opening, AskState] = {}

    @cached_property
    def _asking(self) -> tuple[Contact, ...]:
        return tuple(contact for contact in self._network.contacts if contact.asks)

    def __call__(self, target: Opening) -> AskState:
        found = self._found.get(target)
        if found is None:
            found = self._found[target] = ask_state(self._asking, target)
        return found


def ask_state(contacts: Iterable[Contact], target: Opening) -> AskState:
    """What the asks of ``contacts`` (a network's) mean for ``target``."""
    closed: dict[str, Ask] = {}
    referred: dict[str, Ask] = {}
    waiting: dict[tuple[str, str | None], Ask] = {}
    asked: dict[str, list[Ask]] = {}
    introduced: dict[str, str] = {}
    for contact in contacts:
        for ask in contact.asks:
            if not ask.concerns(target):
                continue
            asked.setdefault(contact.id, []).append(ask)
            match ask.outcome:
                case None:
                    waiting.setdefault((contact.id, ask.to), ask)
                case "referred":
                    referred.setdefault(contact.id, ask)
                case "declined" | "no-reply":
                    closed.setdefault(contact.id, ask)
                case "introduced":
                    if ask.to is not None:
                        introduced.setdefault(ask.to, contact.id)
                case unknown:
                    assert_never(unknown)
    return AskState(
        closed=closed,
        referred=referred,
        waiting={key: ask for key, ask in waiting.items() if key[0] not in closed},
        introduced=introduced,
        asked={person: tuple(asks) for person, asks in asked.items()},
    )


__all__ = [
    "FOLLOW_UP_DAYS",
    "INTRODUCED_TRUST",
    "AskState",
    "AskStates",
    "ask_state",
    "follow_up_day",
    "with_introductions",
]
