"""Finding this week's options: one finder per kind of step, in the order of
:data:`FINDERS`.

Each finder reads the analysis of every target (the candidates, their routes, the asks
the file records) and returns priced options of its kind; :func:`find_options` runs them
all. The chances that steps which may fail succeed are our assumptions
(``docs/plan.md``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.model import ME, Ask, AskKind, Told
from warmreach.plan.pricing import AskSpec, Pricer
from warmreach.plan.steps import (
    CALL,
    COFFEE,
    MESSAGE,
    AskOption,
    FollowUpOption,
    GrowOption,
    InfoChatOption,
    NurtureOption,
    Option,
    SignalOption,
    someone_known_id,
)
from warmreach.scoring import Position, Route, route_score

#: the chance each kind of step that may fail succeeds (our assumptions)
RECONNECT_SUCCEEDS: Final = 0.7  # a call to an old friend brings the tie back
BUILD_SUCCEEDS: Final = 0.5  # a coffee makes a thin tie one that can vouch for you
INFO_CHAT_REPLY: Final = 0.3  # a weak tie answers a short message and talks to you
GROW_FINDS: Final = 0.5  # a friend knows someone at the company and introduces you
#: days from an info chat, or a reconnecting call, to the ask it prepares
INFO_CHAT_WAIT: Final = 14
NEXT_WEEK: Final = 7
#: the options kept per target of each kind, best first
MAX_ASKS: Final = 15
#: the asks priced per target (by today's analysis, best first), of which MAX_ASKS are kept
PRICED: Final = 3 * MAX_ASKS
MAX_BUILDS: Final = 10


@dataclass(frozen=True)
class Build:
    """A tie that cannot vouch yet but starts a route to a target, and the asks it would
    make possible."""

    person: str
    asks: tuple[AskSpec, ...]
    #: the target of a first chat, for a weak tie at a target company
    chat: int | None


class Search:
    """What the finders share: the pricer, and the people worth a step."""

    def __init__(self, pricer: Pricer, helpers: Sequence[str] = ()) -> None:
        self.pricer = pricer
        self.model = pricer.model
        self.targets = pricer.targets
        #: people who may know others in the field, best first (for grow steps)
        self.helpers = list(helpers)

    @cached_property
    def asks(self) -> dict[str, list[AskSpec]]:
        """The asks worth pricing, by the person asked (in order of ids): (kind, target,
        whom to, to the manager), never one the file already records for the target; for
        each target the PRICED best by today's analysis (telling them your plans can only
        raise a route, by at most the readiness a tie lacks, so the best stay among these)."""
        by_person: dict[str, list[AskSpec]] = {}
        for person, asked, target, to, manager in self._asks():
            by_person.setdefault(person, []).append((asked, target, to, manager))
        return {person: by_person[person] for person in sorted(by_person)}

    def _asks(self) -> Iterator[tuple[str, AskKind, int, str | None, bool]]:
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

    @cached_property
    def builds(self) -> list[Build]:
        """The ties who cannot vouch yet but start a route to a target: candidates
        themselves, or bridges to them, the MAX_BUILDS most useful per target, by id."""
        model = self.model
        chosen: dict[str, list[AskSpec]] = {}
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
                        entry: AskSpec = ("referral", index, None, manager)
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
        return [
            Build(person=person, asks=tuple(chosen[person]), chat=chats.get(person))
            for person in sorted(chosen)
            if chosen[person]
        ]

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

    def tell(self, person: str) -> tuple[Told, ...]:
        return self.pricer.tellable(person)


# -- one finder per kind --------------------------------------------------------------------


def find_signals(search: Search, found: Sequence[Option]) -> list[Option]:
    """While you cannot ask yet: tell each person worth asking your plans now, for the asks
    it prepares for the day you can."""
    pricer = search.pricer
    if pricer.model.can_ask:
        return []
    options: list[Option] = []
    for person, asks in search.asks.items():
        tell = search.tell(person)
        if not tell:
            continue
        contact = pricer.network.contacts_by_id[person]
        draft = SignalOption(
            person=person,
            minutes=MESSAGE,
            chances=(),
            tell=tell,
            relevance=pricer.relevance(contact),
        )
        option = pricer.prepare(draft, asks, pricer.ask_day(pricer.as_of), 1.0, False)
        if option is not None:
            options.append(option)
    return options


def find_asks(search: Search, found: Sequence[Option]) -> list[Option]:
    """While you can ask: each ask worth making now, the MAX_ASKS best per target."""
    pricer = search.pricer
    if not pricer.model.can_ask:
        return []
    per_target: dict[int, list[AskOption]] = {}
    for person, asks in search.asks.items():
        tell = search.tell(person)
        for asked, target, to, manager in asks:
            option = _ask(pricer, person, asked, target, to, manager, tell)
            if option is not None:
                per_target.setdefault(target, []).append(option)
    options: list[Option] = []
    for listed in per_target.values():
        listed.sort(key=lambda option: (-option.chances[0].q, option.person, option.to or ""))
        options += listed[:MAX_ASKS]
    return options


def _ask(
    pricer: Pricer,
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
        target_index=target,
        whom=to,
        manager=manager,
    )
    model = pricer.rescored(draft, None, False)
    chance = pricer.chance(
        model, person=person, asked=asked, target=target, to=to, s=1.0, day=pricer.as_of
    )
    if chance is None:
        return None
    contacts = pricer.network.contacts_by_id
    return dataclasses.replace(
        draft,
        minutes=MESSAGE if to is not None else CALL,
        chances=(chance,),
        calls=() if to is None else (to,),
        relevance=pricer.relevance(contacts[to or person]),
    )


def find_info_chats(search: Search, found: Sequence[Option]) -> list[Option]:
    """A short message to each weak tie at a target company, for a first chat."""
    pricer = search.pricer
    options: list[Option] = []
    for build in search.builds:
        if build.chat is None:
            continue
        contact = pricer.network.contacts_by_id[build.person]
        tie = pricer.model.ties[build.person]
        draft = InfoChatOption(
            person=build.person,
            minutes=MESSAGE,
            chances=(),
            tell=search.tell(build.person),  # in the chat, if they reply
            target_index=build.chat,
            relevance=pricer.relevance(contact),
        )
        day = pricer.ask_day(pricer.vouches_from(contact, tie, INFO_CHAT_WAIT))
        option = pricer.prepare(draft, build.asks, day, INFO_CHAT_REPLY, True)
        if option is not None:
            options.append(option)
    return options


def find_nurtures(search: Search, found: Sequence[Option]) -> list[Option]:
    """A call to reconnect with each tie out of touch for years, or a coffee to build
    each thin or new one, that starts a route to a target."""
    pricer = search.pricer
    options: list[Option] = []
    for build in search.builds:
        if build.chat is not None:
            continue
        contact = pricer.network.contacts_by_id[build.person]
        tie = pricer.model.ties[build.person]
        draft = NurtureOption(
            person=build.person,
            minutes=CALL if tie.is_stale else COFFEE,
            chances=(),
            tell=search.tell(build.person),
            reconnect=tie.is_stale,
            relevance=pricer.relevance(contact),
        )
        if tie.is_stale:
            day = pricer.ask_day(pricer.as_of + dt.timedelta(days=NEXT_WEEK))
            option = pricer.prepare(draft, build.asks, day, RECONNECT_SUCCEEDS, True)
        else:
            day = pricer.ask_day(pricer.vouches_from(contact, tie, NEXT_WEEK))
            option = pricer.prepare(draft, build.asks, day, BUILD_SUCCEEDS, True)
        if option is not None:
            options.append(option)
    return options


def find_follow_ups(search: Search, found: Sequence[Option]) -> list[Option]:
    """A reminder for each ask of the file that has waited a week without an answer (and
    has not been followed up already)."""
    pricer = search.pricer
    return [
        FollowUpOption(
            person=entry.contact.id,
            minutes=MESSAGE,
            chances=(dataclasses.replace(entry.chance, s=entry.reminded),),
            ask=entry.ask,
            target_index=entry.target,
            relevance=pricer.relevance(entry.contact),
        )
        for entry in pricer.recorded
        if entry.reminded is not None and entry.due is not None and entry.due <= pricer.as_of
    ]


def find_grows(search: Search, found: Sequence[Option]) -> list[Option]:
    """For each target where nothing found so far helps, ask your strongest tie who can
    vouch (in the field first) whom they know there."""
    pricer = search.pricer
    model = pricer.model
    helped = {chance.target for option in found for chance in option.chances}
    helped |= {entry.target for entry in pricer.recorded}
    helpers = [helper for helper in search.helpers if helper in model.bridges]
    helpers += sorted(
        (helper for helper in model.bridges if helper not in helpers),
        key=lambda helper: (-model.ties[helper].strength, helper),
    )
    options: list[Option] = []
    for index, goal in enumerate(search.targets):
        if index in helped:
            continue
        staff = {
            contact.id for contact in pricer.network.contacts if contact.company == goal.company
        }
        for helper in helpers:
            if helper in staff:
                continue
            draft = GrowOption(
                person=helper,
                minutes=MESSAGE,
                chances=(),
                target_index=index,
                company=goal.company,
                relevance=pricer.relevance(pricer.network.contacts_by_id[helper]),
            )
            day = pricer.ask_day(pricer.as_of + dt.timedelta(days=NEXT_WEEK))
            found_person = someone_known_id(helper, goal.company)
            option = pricer.prepare(
                draft, [("intro", index, found_person, False)], day, GROW_FINDS, True
            )
            if option is not None:
                options.append(option)
            break
    return options


Finder = Callable[[Search, Sequence[Option]], list[Option]]
#: every finder, in the order their options are listed (each sees what those before found)
FINDERS: Final[tuple[Finder, ...]] = (
    find_signals,
    find_asks,
    find_info_chats,
    find_nurtures,
    find_follow_ups,
    find_grows,
)


def find_options(pricer: Pricer, helpers: Sequence[str] = ()) -> list[Option]:
    """Every option of the week, in a stable order; ``helpers`` may know others in the
    field you seek (for grow steps)."""
    search = Search(pricer, helpers)
    found: list[Option] = []
    for finder in FINDERS:
        found += finder(search, found)
    return found


def _recorded(asks: Sequence[Ask], to: str | None) -> bool:
    """Whether ``asks`` (of one person, for one target) hold the ask of ``to`` (a referral
    when None), pending or answered: it is never made again; or any ask still waiting for
    an answer: nothing more is asked of them for the target until it comes."""
    return any(
        ask.pending or ((ask.asked == "intro") == (to is not None) and ask.to == to) for ask in asks
    )


__all__ = [
    "BUILD_SUCCEEDS",
    "FINDERS",
    "GROW_FINDS",
    "INFO_CHAT_REPLY",
    "INFO_CHAT_WAIT",
    "MAX_ASKS",
    "MAX_BUILDS",
    "NEXT_WEEK",
    "PRICED",
    "RECONNECT_SUCCEEDS",
    "Finder",
    "Search",
    "find_options",
]
