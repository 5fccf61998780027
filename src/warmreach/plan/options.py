"""What the plan can do this week: the options, each a tagged type with its chances and its
effect on the network.

Every option is one item of a conversation with one person:

- :class:`AskOption`: ask for a referral (``ask-referral``), approach the hiring manager
  (``reach-out``), or ask for an introduction (``ask-intro``, which also costs the call
  with the person introduced). An ask tells the person what they lack of your plans
  first, in the same conversation. Only while you can ask (scoring's availability rule).
- :class:`SignalOption`: while you cannot ask yet, tell a contact your plans now; the asks
  it prepares are queued for the day you can ask.
- :class:`NurtureOption`: reconnect with a tie out of touch for years (a call), or build a
  thin or new one (a coffee); the asks it makes possible are queued.
- :class:`InfoChatOption`: a short message asking a weak tie at a target company for a
  15-minute chat; if they reply, you can ask them later.
- :class:`GrowOption`: where nobody helps, ask a trusted contact whom they know there.
- :class:`FollowUpOption`: remind someone of an ask that has waited a week.

The chance each ask adds is computed by re-scoring the network as the step would change
it (:func:`apply_option`), with the analysis's own routes (``route_through``); steps that
may fail carry the chance they succeed (our assumptions, in ``docs/plan.md``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final, Literal, get_args

from warmreach.graph import NetworkIndex
from warmreach.model import (
    ME,
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
from warmreach.scoring import (
    DIRECT,
    MIN_LIFT,
    MIN_VOUCH_TRUST,
    Position,
    ReferralModel,
    Route,
    follow_up_day,
    route_score,
    route_through,
)
from warmreach.scoring.decay import after_months
from warmreach.scoring.ties import NEW_MONTHS, TieStrength

#: minutes of a message, a call and a coffee (or video call), and of each further item of
#: a conversation (our assumptions, writing and travelling included)
MESSAGE: Final = 10
CALL: Final = 30
COFFEE: Final = 60
EXTRA_ITEM: Final = 5
#: the chance each kind of step that may fail succeeds (our assumptions)
RECONNECT_SUCCEEDS: Final = 0.7  # a call to an old friend brings the tie back
BUILD_SUCCEEDS: Final = 0.5  # a coffee makes a thin tie one that can vouch for you
INFO_CHAT_REPLY: Final = 0.3  # a weak tie answers a short message and talks to you
GROW_FINDS: Final = 0.5  # a friend knows someone at the company and introduces you
#: the share of an ask's chance left once it has waited a week without an answer, after
#: one reminder, and once a reminder has also waited a week (our assumptions)
REPLY_LATE: Final = 0.35
REPLY_REMINDED: Final = 0.7
REPLY_GIVEN_UP: Final = 0.15
#: days from an info chat, or a reconnecting call, to the ask it prepares
INFO_CHAT_WAIT: Final = 14
NEXT_WEEK: Final = 7
#: the options kept per target of each kind, best first
MAX_ASKS: Final = 15
#: the asks priced per target (by today's analysis, best first), of which MAX_ASKS are kept
PRICED: Final = 3 * MAX_ASKS
MAX_BUILDS: Final = 10
#: the asks a step that prepares them keeps for later: the best for each target, at most
#: this many in all (a person is asked for one or two things, not for everything)
MAX_PREPARED: Final = 2

PlanAction = Literal[
    "follow-up", "ask-referral", "reach-out", "ask-intro", "signal", "info-chat", "nurture", "grow"
]
#: the kinds of step, in the order ties are broken
PLAN_ACTIONS: Final[tuple[PlanAction, ...]] = get_args(PlanAction)


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


@dataclass(frozen=True, kw_only=True)
class Option:
    """One item of a conversation with ``person``."""

    kind: ClassVar[PlanAction]
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
    def slot(self) -> str:
        """Items of one conversation with the same slot exclude each other."""
        return self.kind


@dataclass(frozen=True, kw_only=True)
class AskOption(Option):
    """Ask for a referral, approach the hiring manager, or ask for an introduction, now."""

    kind: ClassVar[PlanAction] = "ask-referral"
    asked: AskKind
    target: int
    to: str | None = None
    manager: bool = False

    @property
    def action(self) -> PlanAction:
        if self.asked == "intro":
            return "ask-intro"
        return "reach-out" if self.manager else "ask-referral"

    @property
    def slot(self) -> str:
        return f"ask {self.target} {self.to}"


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

    kind: ClassVar[PlanAction] = "signal"


@dataclass(frozen=True, kw_only=True)
class NurtureOption(RelationshipOption):
    """Reconnect (a call) or build a tie (a coffee) before it can be asked."""

    kind: ClassVar[PlanAction] = "nurture"
    #: reconnect with a tie out of touch for years, else build a thin or new one
    reconnect: bool


@dataclass(frozen=True, kw_only=True)
class InfoChatOption(RelationshipOption):
    """A short message asking a weak tie at a target company for a 15-minute chat."""

    kind: ClassVar[PlanAction] = "info-chat"
    target: int


@dataclass(frozen=True, kw_only=True)
class GrowOption(Option):
    """Ask a trusted contact whom they know at a company where nobody helps yet."""

    kind: ClassVar[PlanAction] = "grow"
    target: int
    company: str

    @property
    def slot(self) -> str:
        return f"grow {self.company}"


@dataclass(frozen=True, kw_only=True)
class FollowUpOption(Option):
    """Remind someone of an ask that has waited a week without an answer."""

    kind: ClassVar[PlanAction] = "follow-up"
    ask: Ask
    target: int

    @property
    def slot(self) -> str:
        return f"follow-up {self.ask.key} {self.ask.to}"


def action_of(option: Option) -> PlanAction:
    """The kind of step an option is, as the plan names it."""
    return option.action if isinstance(option, AskOption) else option.kind


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


def introduced_by(network: Network, helper: str, company: str) -> Contact:
    """The person ``helper`` knows at ``company``, as a grow step hopes to find them."""
    name = network.contacts_by_id[helper].name
    return Contact(
        id=f"{helper}--at--{company}",
        name=f"someone {name} knows at {network.companies_by_id[company].name}",
        company=company,
        trust=0,
        knows=(Link(contact=helper),),  # how well: estimated, as for any link left unrated
    )


def changed_contact(
    network: Network,
    option: Option,
    targets: Sequence[Target],
    *,
    as_of: dt.date,
    succeeded: bool = False,
    record: bool = True,
) -> Contact:
    """The person ``option`` is with, once it is done on ``as_of``: told what it tells them,
    in touch that day, the ask it makes recorded (with ``record``) as waiting for an
    answer; with ``succeeded``, the tie it hopes to build."""
    person = network.contacts_by_id[option.person]
    if isinstance(option, InfoChatOption) and not succeeded:
        return person  # a message without an answer changes nothing
    changed = told(person, option.tell, as_of)
    if isinstance(option, AskOption) and record:
        target = targets[option.target].openings[0]
        ask = Ask(
            asked=option.asked,
            company=target.company,
            team=target.team,
            to=option.to,
            date=PartialDate.of(as_of),
        )
        changed = dataclasses.replace(changed, asks=(*changed.asks, ask))
    building = isinstance(option, InfoChatOption) or (
        isinstance(option, NurtureOption) and not option.reconnect
    )
    if succeeded and building:
        changed = built(changed)
    return changed


def apply_option(
    network: Network,
    option: Option,
    targets: Sequence[Target],
    *,
    as_of: dt.date,
    succeeded: bool = False,
) -> Network:
    """The network once ``option`` is done on ``as_of`` (:func:`changed_contact`); with
    ``succeeded``, a grow step has found the person it looks for."""
    contact = changed_contact(network, option, targets, as_of=as_of, succeeded=succeeded)
    result = _replaced(network, contact)
    if isinstance(option, GrowOption) and succeeded:
        result = dataclasses.replace(
            result,
            contacts=(*result.contacts, introduced_by(result, option.person, option.company)),
        )
    return result


def _replaced(network: Network, contact: Contact) -> Network:
    contacts = tuple(contact if other.id == contact.id else other for other in network.contacts)
    return dataclasses.replace(network, contacts=contacts)


# -- finding the options --------------------------------------------------------------------


class Options:
    """Finds every option for the targets, pricing each ask by re-scoring the network as
    the step leaves it."""

    def __init__(
        self,
        model: ReferralModel,
        targets: Sequence[Target],
        *,
        helpers: Sequence[str] = (),
        roles: Sequence[str] = (),
    ) -> None:
        self.model = model
        self.network = model.network
        self.as_of = model.as_of
        self.targets = list(targets)
        self.helpers = list(helpers)
        self.roles = [role for role in roles if role]
        self._rescored: dict[tuple[str, dt.date, bool], ReferralModel] = {}
        self._recorded: list[Option | Chance] | None = None

    # -- re-scoring --

    def rescored(self, option: Option, day: dt.date | None, succeeded: bool) -> ReferralModel:
        """The model of the network as ``option`` leaves it, on ``day`` (today when None).

        The ask an option makes is not recorded here: waiting for an answer changes no
        route (a test re-scores with it recorded)."""
        on = day or self.as_of
        key = (f"{option.kind} {option.person} {getattr(option, 'company', '')}", on, succeeded)
        found = self._rescored.get(key)
        if found is None:
            if isinstance(option, GrowOption) and succeeded:
                network = apply_option(
                    self.network, option, self.targets, as_of=self.as_of, succeeded=True
                )
                found = ReferralModel(network, as_of=on, index=NetworkIndex.build(network))
            else:
                contact = changed_contact(
                    self.network,
                    option,
                    self.targets,
                    as_of=self.as_of,
                    succeeded=succeeded,
                    record=False,
                )
                found = self.model.with_tie(contact, as_of=on)
            self._rescored[key] = found
        return found

    def chance(
        self,
        model: ReferralModel,
        *,
        person: str,
        asked: AskKind,
        target: int,
        to: str | None,
        s: float,
        day: dt.date | None,
        recorded: bool = False,
    ) -> Chance | None:
        """The chance one ask adds, on ``model``: its route's score over applying, for the
        best opening of the target, times the chance the opening is still open."""
        goal = self.targets[target]
        best = 0.0
        for opening in goal.openings:
            found = route_through(model, to or person, opening, person)
            if found is None or found[1] < DIRECT + MIN_LIFT:
                continue
            q = (found[1] - DIRECT) / (1 - DIRECT) * goal.open_chance(day)
            best = max(best, q)
        if best <= 0:
            return None
        return Chance(
            key=chance_key(person, asked, goal.key, to),
            target=target,
            person=person,
            q=best,
            s=s,
            recorded=recorded,
        )

    # -- the kinds --

    def tellable(self, contact: str, model: ReferralModel | None = None) -> tuple[Told, ...]:
        """What a contact lacks of your plans that you can tell them now."""
        ties = (model or self.model).ties
        me = self.network.me
        known = set(ties[contact].told) if contact in ties else set()
        return tuple(
            item
            for item in TOLD_ITEMS
            if item not in known
            and not (item == "availability" and me.available == "later")
            and not (item == "role" and not me.role)
        )

    def relevance(self, contact: Contact) -> tuple[int, float]:
        from warmreach.matching import holds_role

        title = contact.title
        holds = bool(title) and any(holds_role([str(title)], role)[0] for role in self.roles)
        tie = self.model.ties.get(contact.id)
        silent = tie.months_silent if tie is not None and tie.months_silent is not None else None
        return (0 if holds else 1, math.inf if silent is None else silent)

    def asks(self) -> Iterator[tuple[str, AskKind, int, str | None, bool]]:
        """The asks worth pricing: (person, kind, target, whom to, to the manager), never
        one the file already records for the target; for each target the PRICED best by
        today's analysis (telling them your plans can only raise a route, by at most
        the readiness a tie lacks, so the best stay among these)."""
        model = self.model
        for index, goal in enumerate(self.targets):
            found: dict[tuple[str, str | None], tuple[float, bool]] = {}
            for opening in goal.openings:
                state = model.asks(opening)
                for item in model.evaluate(opening):
                    contact = item.contact.id
                    if item.standing.position is Position.FORMERLY_AT_COMPANY:
                        continue
                    tie = model.ties.get(contact)
                    manager = item.standing.position is Position.HIRING_MANAGER
                    pairs: list[tuple[str, str | None, float]]
                    if tie is not None and (tie.can_vouch or manager):
                        # the hiring manager you know is approached
                        own = Route(path=(ME, contact), chance=tie.willingness, vouch=tie.strength)
                        pairs = [(contact, None, route_score(own, item.standing.value))]
                    else:
                        pairs = [
                            (route.path[1], contact, route_score(route, item.standing.value))
                            for route in item.routes
                            if route.is_introduction
                        ]
                    for person, to, score in pairs:
                        if _recorded(state.asked.get(person, ()), to):
                            continue
                        known = found.get((person, to))
                        if known is None or score > known[0]:
                            found[(person, to)] = (score, manager)
            best = sorted(
                found.items(), key=lambda entry: (-entry[1][0], entry[0][0], entry[0][1] or "")
            )
            for (person, to), (_, manager) in best[:PRICED]:
                yield person, ("referral" if to is None else "intro"), index, to, manager

    def find(self) -> list[Option]:
        """Every option, in a stable order."""
        found: list[Option] = []
        possible = list(self.asks())
        can_ask = self.model.can_ask
        by_person: dict[str, list[tuple[AskKind, int, str | None, bool]]] = {}
        for person, asked, target, to, manager in possible:
            by_person.setdefault(person, []).append((asked, target, to, manager))
        per_target: dict[int, list[AskOption]] = {}
        for person in sorted(by_person):
            tell = self.tellable(person)
            if can_ask:
                for asked, target, to, manager in by_person[person]:
                    option = self._ask(person, asked, target, to, manager, tell)
                    if option is not None:
                        per_target.setdefault(target, []).append(option)
            elif tell:
                signal = self._signal(person, tell, by_person[person])
                if signal is not None:
                    found.append(signal)
        for options in per_target.values():
            options.sort(key=lambda option: (-option.chances[0].q, option.person, option.to or ""))
            found += options[:MAX_ASKS]
        found += self._builds()
        found += self._follow_ups()
        helped = {chance.target for option in found for chance in option.chances}
        helped |= {item.target for item in self.recorded() if isinstance(item, Chance)}
        found += self._grows(helped)
        return found

    def _ask(
        self,
        person: str,
        asked: AskKind,
        target: int,
        to: str | None,
        manager: bool,
        tell: tuple[Told, ...],
    ) -> AskOption | None:
        draft = AskOption(
            person=person,
            minutes=CALL,
            chances=(),
            tell=tell,
            asked=asked,
            target=target,
            to=to,
            manager=manager,
        )
        model = self.rescored(draft, None, False)
        chance = self.chance(
            model, person=person, asked=asked, target=target, to=to, s=1.0, day=self.as_of
        )
        if chance is None:
            return None
        contacts = self.network.contacts_by_id
        calls = () if to is None else (to,)
        minutes = MESSAGE if to is not None else CALL
        return dataclasses.replace(
            draft,
            minutes=minutes,
            chances=(chance,),
            calls=calls,
            relevance=self.relevance(contacts[to or person]),
        )

    def _later(
        self,
        draft: Option,
        asks: Sequence[tuple[AskKind, int, str | None, bool]],
        day: dt.date | None,
        s: float,
        succeeded: bool,
    ) -> Option | None:
        """``draft`` with the asks it prepares for ``day``, each priced on the network as
        the step leaves it (as it hopes to leave it, with ``succeeded``)."""
        model = self.rescored(draft, day, succeeded)
        best: dict[int, tuple[Chance, Later]] = {}
        for asked, target, to, manager in asks:
            chance = self.chance(
                model, person=draft.person, asked=asked, target=target, to=to, s=s, day=day
            )
            if chance is None:
                continue
            known = best.get(target)
            if known is None or (chance.q, known[0].key) > (known[0].q, chance.key):
                ask = Later(
                    day=day, person=draft.person, asked=asked, target=target, to=to, manager=manager
                )
                best[target] = (chance, ask)
        if not best:
            return None
        weights = [goal.weight for goal in self.targets]
        kept = sorted(
            best.values(), key=lambda pair: (-pair[0].q * weights[pair[0].target], pair[0].key)
        )
        kept = kept[:MAX_PREPARED]
        return dataclasses.replace(
            draft,
            chances=tuple(chance for chance, _ in kept),
            later=tuple(ask for _, ask in kept),
        )

    def _ask_day(self, earliest: dt.date) -> dt.date | None:
        """The first day from ``earliest`` on which you may ask (None: not known yet)."""
        model = self.model
        if model.can_ask:
            return earliest
        if model.ask_from is None:
            return None
        return max(earliest, model.ask_from)

    def _signal(
        self,
        person: str,
        tell: tuple[Told, ...],
        asks: Sequence[tuple[AskKind, int, str | None, bool]],
    ) -> Option | None:
        contact = self.network.contacts_by_id[person]
        draft = SignalOption(
            person=person, minutes=MESSAGE, chances=(), tell=tell, relevance=self.relevance(contact)
        )
        return self._later(draft, asks, self._ask_day(self.as_of), 1.0, False)

    def _builds(self) -> list[Option]:
        """Reconnecting calls, coffees and info chats with the ties who cannot vouch yet
        but start a route to a target: candidates themselves, or bridges to them."""
        model = self.model
        found: list[Option] = []
        contacts = self.network.contacts_by_id
        chosen: dict[str, list[tuple[AskKind, int, str | None, bool]]] = {}
        chats: dict[str, int] = {}
        for index, goal in enumerate(self.targets):
            picked: dict[str, float] = {}
            for opening in goal.openings:
                state = model.asks(opening)
                for item in model.evaluate(opening):
                    candidate = item.contact
                    if item.standing.position is Position.FORMERLY_AT_COMPANY:
                        continue
                    if candidate.id in state.closed:
                        continue
                    manager = item.standing.position is Position.HIRING_MANAGER
                    tie = model.ties.get(candidate.id)
                    asked_before = _recorded(state.asked.get(candidate.id, ()), None)
                    if tie is not None and manager:
                        continue  # a hiring manager you know is approached, not built up
                    if tie is not None and not tie.can_vouch and not asked_before:
                        entry: tuple[AskKind, int, str | None, bool] = (
                            "referral",
                            index,
                            None,
                            manager,
                        )
                        chosen.setdefault(candidate.id, []).append(entry)
                        if not tie.is_stale and candidate.company == goal.company:
                            chats.setdefault(candidate.id, index)
                        picked[candidate.id] = max(picked.get(candidate.id, 0.0), 1.0)
                    if tie is not None and tie.can_vouch:
                        continue
                    for bridge, hops in self._weak_bridges(candidate.id):
                        if bridge in state.closed or _recorded(
                            state.asked.get(bridge, ()), candidate.id
                        ):
                            continue
                        entry = ("intro", index, candidate.id, manager)
                        if entry not in chosen.setdefault(bridge, []):
                            chosen[bridge].append(entry)
                        picked[bridge] = max(picked.get(bridge, 0.0), hops)
            keep = sorted(picked, key=lambda person: (-picked[person], person))[:MAX_BUILDS]
            for person in list(chosen):
                if person in picked and person not in keep:
                    chosen[person] = [entry for entry in chosen[person] if entry[1] != index]
        for person in sorted(chosen):
            asks = chosen[person]
            if not asks:
                continue
            contact = contacts[person]
            tie = model.ties[person]
            tell = self.tellable(person)
            relevance = self.relevance(contact)
            if person in chats:
                draft: Option = InfoChatOption(
                    person=person,
                    minutes=MESSAGE,
                    chances=(),
                    tell=tell,  # in the chat, if they reply
                    target=chats[person],
                    relevance=relevance,
                )
                day = self._ask_day(self._vouches_from(contact, tie, INFO_CHAT_WAIT))
                option = self._later(draft, asks, day, INFO_CHAT_REPLY, True)
            elif tie.is_stale:
                draft = NurtureOption(
                    person=person,
                    minutes=CALL,
                    chances=(),
                    tell=tell,
                    reconnect=True,
                    relevance=relevance,
                )
                day = self._ask_day(self.as_of + dt.timedelta(days=NEXT_WEEK))
                option = self._later(draft, asks, day, RECONNECT_SUCCEEDS, True)
            else:
                draft = NurtureOption(
                    person=person,
                    minutes=COFFEE,
                    chances=(),
                    tell=tell,
                    reconnect=False,
                    relevance=relevance,
                )
                day = self._ask_day(self._vouches_from(contact, tie, NEXT_WEEK))
                option = self._later(draft, asks, day, BUILD_SUCCEEDS, True)
            if option is not None:
                found.append(option)
        return found

    def _vouches_from(self, contact: Contact, tie: TieStrength, wait: int) -> dt.date:
        """The first day ``wait`` days from now on which the tie is no longer new."""
        day = self.as_of + dt.timedelta(days=wait)
        if tie.is_new and contact.met is not None:
            day = max(day, after_months(contact.met.first_day(), NEW_MONTHS))
        return day

    def _weak_bridges(self, candidate: str) -> Iterator[tuple[str, float]]:
        """Your ties who cannot vouch yet and know ``candidate``, or someone who does: each
        with 2 (one step from them) or 1 (two steps)."""
        knows = self.model.knows
        ties = self.model.ties
        around = knows.get(candidate, {})
        for middle in sorted(around):
            if middle in ties and not ties[middle].can_vouch:
                yield middle, 2.0
            for bridge in sorted(knows.get(middle, {})):
                if bridge != candidate and bridge in ties and not ties[bridge].can_vouch:
                    yield bridge, 1.0

    def _follow_ups(self) -> list[Option]:
        """A reminder for each ask of the file that has waited a week without an answer
        (and has not been followed up already)."""
        found: list[Option] = []
        for option in self.recorded():
            if isinstance(option, FollowUpOption):
                found.append(option)
        return found

    def recorded(self) -> list[Option | Chance]:
        """The file's asks that still count: a chance for each (waiting, as late as it
        is; or made), and a follow-up option for each one due this week."""
        if self._recorded is not None:
            return self._recorded
        found: list[Option | Chance] = []
        self._recorded = found
        model = self.model
        for contact in self.network.contacts:
            for ask in contact.asks:
                if ask.outcome not in (None, "referred"):
                    continue
                for index, goal in enumerate(self.targets):
                    if not any(ask.concerns(opening) for opening in goal.openings):
                        continue
                    if ask.outcome == "referred":
                        chance = self._made(contact.id, ask, index)
                        if chance is not None:
                            found.append(chance)
                        continue
                    now, reminded, due = self.reply(ask, contact)
                    chance = self.chance(
                        model,
                        person=contact.id,
                        asked=ask.asked,
                        target=index,
                        to=ask.to,
                        s=now,
                        recorded=True,
                        day=self.as_of,
                    )
                    if chance is None:
                        continue
                    found.append(chance)
                    if reminded is not None and due is not None and due <= self.as_of:
                        found.append(
                            FollowUpOption(
                                person=contact.id,
                                minutes=MESSAGE,
                                chances=(dataclasses.replace(chance, s=reminded),),
                                ask=ask,
                                target=index,
                                relevance=self.relevance(contact),
                            )
                        )
        return found

    @property
    def week_end(self) -> dt.date:
        return self.as_of + dt.timedelta(days=6)

    def reply(self, ask: Ask, contact: Contact) -> tuple[float, float | None, dt.date | None]:
        """The share of an ask's chance left now, what a reminder would bring it to (None:
        none is due), and when one is due."""
        due = follow_up_day(ask, contact, self.as_of)
        asked = ask.date.last_day() if ask.date is not None else None
        last = contact.last_contact.first_day() if contact.last_contact is not None else None
        reminded_before = asked is not None and last is not None and last > asked
        if self.as_of < due:
            return 1.0, (None if reminded_before else REPLY_REMINDED), due
        if reminded_before:
            return REPLY_GIVEN_UP, None, None
        return REPLY_LATE, REPLY_REMINDED, due

    def _made(self, person: str, ask: Ask, target: int) -> Chance | None:
        """A referral made: certain, worth what it is worth."""
        goal = self.targets[target]
        best = 0.0
        for opening in goal.openings:
            for item in self.model.evaluate(opening):
                if item.contact.id == person and item.action == "referred":
                    best = max(best, (item.score - DIRECT) / (1 - DIRECT))
        if best <= 0:
            return None
        return Chance(
            key=chance_key(person, ask.asked, goal.key, ask.to),
            target=target,
            person=person,
            q=best,
            recorded=True,
        )

    def _grows(self, helped: set[int]) -> list[Option]:
        """For each target where nothing helps, ask your strongest tie who can vouch (in
        the field first) whom they know there."""
        found: list[Option] = []
        model = self.model
        helpers = [helper for helper in self.helpers if helper in model.bridges]
        helpers += sorted(
            (helper for helper in model.bridges if helper not in helpers),
            key=lambda helper: (-model.ties[helper].strength, helper),
        )
        for index, goal in enumerate(self.targets):
            if index in helped:
                continue
            staff = {
                contact.id for contact in self.network.contacts if contact.company == goal.company
            }
            for helper in helpers:
                if helper in staff:
                    continue
                draft = GrowOption(
                    person=helper,
                    minutes=MESSAGE,
                    chances=(),
                    target=index,
                    company=goal.company,
                    relevance=self.relevance(self.network.contacts_by_id[helper]),
                )
                day = self._ask_day(self.as_of + dt.timedelta(days=NEXT_WEEK))
                found_person = f"{helper}--at--{goal.company}"
                option = self._later(
                    draft, [("intro", index, found_person, False)], day, GROW_FINDS, True
                )
                if option is not None:
                    found.append(option)
                break
        return found


def _recorded(asks: Sequence[Ask], to: str | None) -> bool:
    """Whether ``asks`` (of one person, for one target) hold the ask of ``to`` (a referral
    when None), pending or answered: it is never made again; or any ask still waiting for
    an answer: nothing more is asked of them for the target until it comes."""
    return any(
        ask.pending or ((ask.asked == "intro") == (to is not None) and ask.to == to) for ask in asks
    )


def chance_key(person: str, asked: AskKind, target: str, to: str | None) -> tuple[str, ...]:
    """What identifies one ask: whom, what for, for which target, whom to."""
    return (person, asked, target, to or "")


__all__ = [
    "BUILD_SUCCEEDS",
    "CALL",
    "COFFEE",
    "EXTRA_ITEM",
    "GROW_FINDS",
    "INFO_CHAT_REPLY",
    "MESSAGE",
    "PLAN_ACTIONS",
    "RECONNECT_SUCCEEDS",
    "REPLY_GIVEN_UP",
    "REPLY_LATE",
    "REPLY_REMINDED",
    "AskOption",
    "FollowUpOption",
    "GrowOption",
    "InfoChatOption",
    "Later",
    "NurtureOption",
    "Option",
    "Options",
    "PlanAction",
    "RelationshipOption",
    "SignalOption",
    "action_of",
    "apply_option",
    "chance_key",
    "changed_contact",
    "introduced_by",
]
