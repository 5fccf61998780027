"""The kinds of step a plan is made of: each declared once, with its action, what it does to
the network, and the facts its reason names.

Every option is one item of a conversation with one person:

- :class:`AskOption`: ask for a referral (``ask-referral``), approach the hiring manager
  (``reach-out``), or ask for an introduction (``ask-intro``, which also costs the call
  with the person introduced). An ask tells the person what they lack of your plans
  first, in the same conversation.
- :class:`SignalOption`: while you cannot ask yet, tell a contact your plans now; the asks
  it prepares are queued for the day you can ask.
- :class:`NurtureOption`: reconnect with a tie out of touch for years (a call), or build a
  thin or new one (a coffee); the asks it makes possible are queued.
- :class:`InfoChatOption`: a short message asking a weak tie at a target company for a
  15-minute chat; if they reply, you can ask them later.
- :class:`GrowOption`: where nobody helps, ask a trusted contact whom they know there.
- :class:`FollowUpOption`: remind someone of an ask that has waited a week.

A kind's place in the order of ties is its action's in
:data:`~warmreach.scoring.results.ACTIONS`; its words, draft message and description
when queued are in :mod:`warmreach.reports.steps`. Adding a kind is a class here (and
its entry in :data:`STEP_KINDS`), its finder in :mod:`warmreach.plan.finders`, and its
words.

>>> step = SignalOption(person="bob", minutes=MESSAGE, chances=(), tell=("aspiration",))
>>> step.action, step.slot
('signal', 'relationship')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import (
    SCALE_MAX,
    TOLD_ITEMS,
    Ask,
    AskKind,
    Contact,
    Link,
    Network,
    PartialDate,
    Told,
)
from warmreach.plan.targets import Target
from warmreach.plan.value import Chance
from warmreach.scoring import ACTIONS, MIN_VOUCH_TRUST, Action, ReferralModel

#: minutes of a message, a call and a coffee (or video call), and of each further item of
#: a conversation (our assumptions, writing and travelling included)
MESSAGE: Final = 10
CALL: Final = 30
COFFEE: Final = 60
EXTRA_ITEM: Final = 5

Facts = dict[str, str | int | float | None]


def ask_action(asked: AskKind, *, manager: bool) -> Action:
    """The action of an ask: an introduction, approaching the hiring manager, or a referral.

    >>> ask_action("intro", manager=True), ask_action("referral", manager=True)
    ('ask-intro', 'reach-out')
    """
    if asked == "intro":
        return "ask-intro"
    return "reach-out" if manager else "ask-referral"


@dataclass(frozen=True, kw_only=True)
class Later:
    """An ask a step prepares, to be made on a later day."""

    #: the day (None: once you know when you can start)
    day: dt.date | None
    #: the person to ask, what for, and whom to (for an introduction)
    person: str
    asked: AskKind
    target: int
    to: str | None = None
    #: the hiring manager, approached rather than asked to refer you
    manager: bool = False

    @property
    def action(self) -> Action:
        return ask_action(self.asked, manager=self.manager)


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
    #: people whose conversation this week the option takes as a whole (the call with the
    #: person an introduction is to)
    calls: tuple[str, ...] = ()
    #: ties among equal gains: people who hold the role you want first, then those you
    #: were in touch with more recently
    relevance: tuple[int, float] = (1, math.inf)

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

    def changed(
        self,
        person: Contact,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool,
        record: bool,
    ) -> Contact:
        """The person once the step is done on ``as_of``: told what it tells them and in
        touch that day; with ``succeeded``, as it hopes to leave them."""
        return told(person, self.tell, as_of)

    def added(self, network: Network) -> tuple[Contact, ...]:
        """The people a step that succeeded finds."""
        return ()

    def effect(
        self,
        network: Network,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool = False,
        record: bool = True,
    ) -> Effect:
        """What the step changes, done on ``as_of``: the ask it makes recorded (with
        ``record``) as waiting for an answer; with ``succeeded``, what it hopes for."""
        person = network.contacts_by_id[self.person]
        changed = self.changed(person, targets, as_of=as_of, succeeded=succeeded, record=record)
        return Effect(changed, self.added(network) if succeeded else ())

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
class AskOption(TargetedOption):
    """Ask for a referral, approach the hiring manager, or ask for an introduction, now."""

    actions: ClassVar[tuple[Action, ...]] = ("ask-referral", "reach-out", "ask-intro")
    asked: AskKind
    #: the person an introduction is to
    whom: str | None = None
    manager: bool = False

    @property
    def action(self) -> Action:
        return ask_action(self.asked, manager=self.manager)

    @property
    def slot(self) -> str:
        return f"ask {self.target_index} {self.whom}"

    @property
    def to(self) -> str | None:
        return self.whom

    def changed(
        self,
        person: Contact,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool,
        record: bool,
    ) -> Contact:
        changed = told(person, self.tell, as_of)
        if not record:
            return changed
        target = targets[self.target_index].openings[0]
        ask = Ask(
            asked=self.asked,
            company=target.company,
            team=target.team,
            to=self.whom,
            date=PartialDate.of(as_of),
        )
        return dataclasses.replace(changed, asks=(*changed.asks, ask))

    def facts(self, context: Context) -> Facts:
        facts: Facts = {"to": context.name(self.whom) if self.whom else None}
        if self.manager and self.whom:
            facts["manager"] = 1
        return facts


@dataclass(frozen=True, kw_only=True)
class RelationshipOption(Option):
    """A step about the relationship itself (telling, reconnecting, building, a first
    chat): one of them per conversation."""

    @property
    def slot(self) -> str:
        return "relationship"


@dataclass(frozen=True, kw_only=True)
class SignalOption(RelationshipOption):
    """Tell a contact your plans now, for the asks you cannot make yet."""

    actions: ClassVar[tuple[Action, ...]] = ("signal",)


@dataclass(frozen=True, kw_only=True)
class NurtureOption(RelationshipOption):
    """Reconnect (a call) or build a tie (a coffee) before it can be asked."""

    actions: ClassVar[tuple[Action, ...]] = ("nurture",)
    #: reconnect with a tie out of touch for years, else build a thin or new one
    reconnect: bool

    def changed(
        self,
        person: Contact,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool,
        record: bool,
    ) -> Contact:
        changed = told(person, self.tell, as_of)
        return built(changed) if succeeded and not self.reconnect else changed

    def facts(self, context: Context) -> Facts:
        tie = context.model.ties.get(self.person)
        silent = tie.months_silent if tie is not None else None
        return {
            "reconnect": int(self.reconnect),
            "years": None if silent is None else round(silent / 12),
            "trust": context.network.contacts_by_id[self.person].trust,
            "new": int(tie is not None and tie.is_new),
        }


@dataclass(frozen=True, kw_only=True)
class InfoChatOption(RelationshipOption, TargetedOption):
    """A short message asking a weak tie at a target company for a 15-minute chat."""

    actions: ClassVar[tuple[Action, ...]] = ("info-chat",)

    def changed(
        self,
        person: Contact,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool,
        record: bool,
    ) -> Contact:
        if not succeeded:
            return person  # a message without an answer changes nothing
        return built(told(person, self.tell, as_of))

    def facts(self, context: Context) -> Facts:
        return {"company": context.company(context.targets[self.target_index].company)}


@dataclass(frozen=True, kw_only=True)
class GrowOption(TargetedOption):
    """Ask a trusted contact whom they know at a company where nobody helps yet."""

    actions: ClassVar[tuple[Action, ...]] = ("grow",)
    company: str

    @property
    def slot(self) -> str:
        return f"grow {self.company}"

    @property
    def to(self) -> str:
        return self.company

    def added(self, network: Network) -> tuple[Contact, ...]:
        return (someone_known(self.person, self.company),)

    def facts(self, context: Context) -> Facts:
        return {"company": context.company(self.company)}


@dataclass(frozen=True, kw_only=True)
class FollowUpOption(TargetedOption):
    """Remind someone of an ask that has waited a week without an answer."""

    actions: ClassVar[tuple[Action, ...]] = ("follow-up",)
    ask: Ask

    @property
    def slot(self) -> str:
        return f"follow-up {self.ask.key} {self.ask.to}"

    def facts(self, context: Context) -> Facts:
        ask = self.ask
        return {
            "asked": ask.asked,
            "on": str(ask.date) if ask.date else None,
            "to": context.name(ask.to) if ask.to else None,
        }


#: every kind of step
STEP_KINDS: Final[tuple[type[Option], ...]] = (
    AskOption,
    SignalOption,
    NurtureOption,
    InfoChatOption,
    GrowOption,
    FollowUpOption,
)
#: every action a step of the plan can take, in the order of ties
STEP_ACTIONS: Final[tuple[Action, ...]] = tuple(
    action for action in ACTIONS if any(action in kind.actions for kind in STEP_KINDS)
)


# -- what a step changes --------------------------------------------------------------------


def told(contact: Contact, items: Sequence[Told], as_of: dt.date) -> Contact:
    """``contact`` once told ``items`` on ``as_of``, and in touch that day."""
    today = PartialDate.of(as_of)
    known = tuple(item for item in TOLD_ITEMS if item in contact.told or item in items)
    told_on = tuple((item, day) for item, day in contact.told_on if item not in items)
    told_on += tuple((item, today) for item in items)
    return dataclasses.replace(contact, told=known, told_on=told_on, last_contact=today)


def built(contact: Contact) -> Contact:
    """``contact`` once a conversation has built the tie: trust one step higher, at least
    enough to vouch (our assumption: one good conversation is one step of the scale)."""
    trust = max(MIN_VOUCH_TRUST, min(SCALE_MAX, contact.trust + 1))
    return dataclasses.replace(contact, trust=trust)


def someone_known_id(helper: str, company: str) -> str:
    """The id of the person ``helper`` may know at ``company``, as a grow step hopes to
    find them (never a contact's id: ids have no ``--``)."""
    return f"{helper}--at--{company}"


def someone_known(helper: str, company: str) -> Contact:
    """The person ``helper`` knows at ``company``, as a grow step hopes to find them."""
    found = someone_known_id(helper, company)
    return Contact(
        id=found,
        name=found,  # never shown: reports word it from ``helper`` and ``company``
        company=company,
        trust=0,
        knows=(Link(contact=helper),),  # how well: estimated, as for any link left unrated
    )


def apply_option(
    network: Network,
    option: Option,
    targets: Sequence[Target],
    *,
    as_of: dt.date,
    succeeded: bool = False,
) -> Network:
    """The network once ``option`` is done on ``as_of``, its ask recorded; with
    ``succeeded``, as it hopes to leave it."""
    return option.effect(network, targets, as_of=as_of, succeeded=succeeded).apply(network)


__all__ = [
    "CALL",
    "COFFEE",
    "EXTRA_ITEM",
    "MESSAGE",
    "STEP_ACTIONS",
    "STEP_KINDS",
    "AskOption",
    "Context",
    "Effect",
    "Facts",
    "FollowUpOption",
    "GrowOption",
    "InfoChatOption",
    "Later",
    "NurtureOption",
    "Option",
    "RelationshipOption",
    "SignalOption",
    "TargetedOption",
    "apply_option",
    "ask_action",
    "built",
    "someone_known",
    "someone_known_id",
    "told",
]
