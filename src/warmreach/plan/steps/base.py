"""What every kind of step shares: the minutes of a conversation, an item of one
(:class:`Option`) with its effect on the network (:class:`Effect`) and the facts of its
reason, the asks a step makes or prepares (:class:`AskSpec`, :class:`Later`), and what a
step does to a person.

>>> from warmreach.model import Contact
>>> told(Contact(id="bo", name="Bo"), ("aspiration",), dt.date(2026, 11, 25)).told
('aspiration',)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import (
    ME,
    SCALE_MAX,
    TOLD_ITEMS,
    AskKind,
    Contact,
    Network,
    PartialDate,
    Told,
)
from warmreach.plan.targets import Target
from warmreach.plan.value import Chance
from warmreach.scoring import MIN_VOUCH_TRUST, Action, ReferralModel

#: minutes of a message, a call and a coffee (or video call), and of each further item of
#: a conversation (our assumptions, writing and travelling included)
MESSAGE: Final = 10
CALL: Final = 30
COFFEE: Final = 60
EXTRA_ITEM: Final = 5

Facts = dict[str, str | int | float | None]
#: days from a step to the asks it prepares, when the tie needs no more time than that
NEXT_WEEK: Final = 7


def ask_action(asked: AskKind, *, manager: bool) -> Action:
    """The action of an ask: an introduction, approaching the hiring manager, or a referral.

    >>> ask_action("intro", manager=True), ask_action("referral", manager=True)
    ('ask-intro', 'reach-out')
    """
    if asked == "intro":
        return "ask-intro"
    return "reach-out" if manager else "ask-referral"


@dataclass(frozen=True, kw_only=True)
class AskSpec:
    """One ask, as the analysis advises it: what for, for which target, and along which
    route (whom an introduction is to, the person in the middle of a longer chain, a friend
    who puts in a word beside your own ask)."""

    asked: AskKind
    #: the index of the target
    target: int
    #: for an introduction, the candidate it leads to
    to: str | None = None
    #: the hiring manager, approached rather than asked to refer you
    manager: bool = False
    #: for a chain of two introductions, the person the first one is to (who knows ``to``)
    via: str | None = None
    #: a friend who knows the candidate and puts in a word beside your own ask
    word: str | None = None

    @property
    def action(self) -> Action:
        return ask_action(self.asked, manager=self.manager)

    def path(self, person: str) -> tuple[str, ...]:
        """The route of the ask when ``person`` is asked: you, them, and for an
        introduction whom it leads through to the candidate."""
        if self.to is None:
            return (ME, person)
        return (ME, person, *((self.via,) if self.via else ()), self.to)


@dataclass(frozen=True, kw_only=True)
class Later:
    """An ask a step prepares, to be made on a later day."""

    #: the day (None: once you know when you can start)
    day: dt.date | None
    #: the person to ask
    person: str
    ask: AskSpec

    @property
    def action(self) -> Action:
        return self.ask.action


@dataclass(frozen=True, kw_only=True)
class Context:
    """What a step's facts are read from: the model of this week, and its targets."""

    model: ReferralModel
    targets: Sequence[Target]

    @property
    def network(self) -> Network:
        return self.model.network

    def name(self, contact: str) -> str:
        return self.network.contacts_by_id[contact].name

    def company(self, company: str) -> str:
        return self.network.companies_by_id[company].name


@dataclass(frozen=True)
class Doing:
    """A step as it is done, for its effect: the targets of the week, the day, whether it
    went as hoped (``succeeded``), and whether what it asks is recorded (``record``: a
    change of the file; without it, the network an ask is priced on)."""

    targets: Sequence[Target]
    as_of: dt.date
    succeeded: bool = False
    record: bool = True


@dataclass(frozen=True)
class Effect:
    """What a step leaves changed: the person it is with, and anyone it finds."""

    contact: Contact
    added: tuple[Contact, ...] = ()

    def apply(self, network: Network) -> Network:
        """``network`` as the step leaves it."""
        contacts = tuple(
            self.contact if other.id == self.contact.id else other for other in network.contacts
        )
        return dataclasses.replace(network, contacts=(*contacts, *self.added))


@dataclass(frozen=True, kw_only=True)
class Option:
    """One item of a conversation with ``person``."""

    #: the actions a step of this kind can take (the first unless it says otherwise)
    actions: ClassVar[tuple[Action, ...]]
    #: whether its conversation brings an old tie back (catching up, not only a message or
    #: an ask), so the asks it prepares are priced on a tie in touch again
    reconnects: ClassVar[bool] = False
    #: whom you talk to (the bridge of an introduction)
    person: str
    #: the conversation's length when this is its only item
    minutes: int
    #: the asks it makes or prepares, each with its chance
    chances: tuple[Chance, ...]
    #: the asks it prepares for later days
    later: tuple[Later, ...] = ()
    #: what you tell them in it
    tell: tuple[Told, ...] = ()
    #: other people it takes a conversation with this week, as a whole, and its minutes
    #: (the call with the person an introduction is to, a message to a friend who puts in
    #: a word)
    calls: tuple[tuple[str, int], ...] = ()
    #: ties among equal gains, most relevant first (see ``Pricer.relevance``)
    relevance: tuple[float, ...] = (math.inf,)

    @property
    def action(self) -> Action:
        return self.actions[0]

    @property
    def slot(self) -> str:
        """Items of one conversation with the same slot exclude each other."""
        return self.action

    @property
    def target(self) -> int | None:
        """The target it is for, when it is for one."""
        return None

    @property
    def to(self) -> str | None:
        """The person an introduction is to, or the company of a grow step."""
        return None

    def changed(self, person: Contact, doing: Doing) -> Contact:
        """The person once the step is done: told what it tells them (and, as recorded or
        when the step reconnects, in touch that day); with ``doing.succeeded``, as it hopes
        to leave them."""
        return told(person, self.tell, doing.as_of, touch=doing.record or self.reconnects)

    def added(self, network: Network) -> tuple[Contact, ...]:
        """The people a step that succeeded finds."""
        return ()

    def effect(self, network: Network, doing: Doing) -> Effect:
        """What the step changes (:class:`Doing` says how it is done)."""
        changed = self.changed(network.contacts_by_id[self.person], doing)
        return Effect(changed, self.added(network) if doing.succeeded else ())

    def facts(self, context: Context) -> Facts:
        """What the step's reason names besides the odds, for its words."""
        return {}


@dataclass(frozen=True, kw_only=True)
class TargetedOption(Option):
    """A step for one target."""

    #: the index of the target
    target_index: int

    @property
    def target(self) -> int:
        return self.target_index


@dataclass(frozen=True, kw_only=True)
class RelationshipOption(Option):
    """A step about the relationship itself (telling, reconnecting, building, a first
    chat): one of them per conversation."""

    @property
    def slot(self) -> str:
        return "relationship"


def told(contact: Contact, items: Sequence[Told], as_of: dt.date, *, touch: bool = True) -> Contact:
    """``contact`` once told ``items`` on ``as_of`` (and, with ``touch``, in touch that day:
    a conversation priced before it happens leaves the tie as old as it is)."""
    today = PartialDate.of(as_of)
    known = tuple(item for item in TOLD_ITEMS if item in contact.told or item in items)
    told_on = tuple((item, day) for item, day in contact.told_on if item not in items)
    told_on += tuple((item, today) for item in items)
    last = today if touch else contact.last_contact
    return dataclasses.replace(contact, told=known, told_on=told_on, last_contact=last)


def built(contact: Contact) -> Contact:
    """``contact`` once a conversation has built the tie: trust one step higher, at least
    enough to vouch (our assumption: one good conversation is one step of the scale)."""
    trust = max(MIN_VOUCH_TRUST, min(SCALE_MAX, contact.trust + 1))
    return dataclasses.replace(contact, trust=trust)


__all__ = [
    "CALL",
    "COFFEE",
    "EXTRA_ITEM",
    "MESSAGE",
    "NEXT_WEEK",
    "AskSpec",
    "Context",
    "Doing",
    "Effect",
    "Facts",
    "Later",
    "Option",
    "RelationshipOption",
    "TargetedOption",
    "ask_action",
    "built",
    "told",
]
