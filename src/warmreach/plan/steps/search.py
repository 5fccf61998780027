"""What the finders of every kind of step share, each worked out once from the analysis of
every target (:class:`Search`): the asks the analysis advises, and the ties that cannot
vouch yet but start a route.

The plan chooses among what ``warmreach analyze`` says: for each candidate, the action
it gives and the route it takes (an ask of the candidate, with a friend's word beside it
when one helps; an introduction through the bridge who knows them, or a chain of two).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.model import Ask, Told
from warmreach.plan.pricing import Pricer
from warmreach.plan.steps.base import AskSpec
from warmreach.scoring import Action, Evaluation, Position

#: the asks kept per target, best first, and the asks priced per target (by today's
#: analysis, best first) to find them
MAX_ASKS: Final = 15
PRICED: Final = 3 * MAX_ASKS
#: the ties to build kept per target, most relevant first
MAX_BUILDS: Final = 10
#: the analysis's actions that ask someone for something (now, or once you can)
ASKING: Final[frozenset[Action]] = frozenset(
    {"ask-referral", "signal-then-ask", "reach-out", "ask-intro", "ask-later"}
)


@dataclass(frozen=True, kw_only=True)
class Advised:
    """An ask the analysis advises: whom you ask, and what."""

    person: str
    ask: AskSpec
    #: the candidate's action, and the score of the route
    action: Action
    score: float


@dataclass(frozen=True)
class Build:
    """A tie that cannot vouch yet but starts a route to a target, and the asks it would
    make possible."""

    person: str
    asks: tuple[AskSpec, ...]
    #: the target of a first chat, for a candidate the analysis says to chat with first
    chat: int | None


def advised_ask(item: Evaluation, target: int) -> Advised | None:
    """The ask the analysis advises for a candidate, if its action asks for something."""
    route = item.advised
    if item.action not in ASKING or route is None:
        return None
    person = route.path[1]
    manager = item.standing.position is Position.HIRING_MANAGER
    candidate = item.contact.id
    spec = AskSpec(
        asked="referral" if person == candidate else "intro",
        target=target,
        to=None if person == candidate else candidate,
        manager=manager,
        via=route.path[2] if len(route.path) == 4 else None,
        word=route.supporter,
    )
    return Advised(person=person, ask=spec, action=item.action, score=item.advised_score)


class Search:
    """What the finders share: the pricer, and the people worth a step."""

    def __init__(self, pricer: Pricer, helpers: Sequence[str] = ()) -> None:
        self.pricer = pricer
        self.model = pricer.model
        self.targets = pricer.targets
        #: people who may know others in the field, best first (for grow steps)
        self.helpers = list(helpers)

    @cached_property
    def asks(self) -> Mapping[str, list[Advised]]:
        """The asks the analysis advises, by the person asked (in order of ids), never one
        the file already records for the target; for each target the PRICED best by their
        score today (telling them your plans can only raise a route, by at most the
        readiness a tie lacks, so the best stay among these)."""
        by_person: dict[str, list[Advised]] = {}
        for index, goal in enumerate(self.targets):
            found: dict[tuple[str, str | None], Advised] = {}
            for opening in goal.openings:
                state = self.model.asks(opening)
                for item in self.model.evaluate(opening):
                    advice = advised_ask(item, index)
                    if advice is None or recorded_before(
                        state.asked.get(advice.person, ()), advice.ask.to
                    ):
                        continue
                    key = (advice.person, advice.ask.to)
                    if key not in found or advice.score > found[key].score:
                        found[key] = advice
            best = sorted(found.values(), key=lambda a: (-a.score, a.person, a.ask.to or ""))[
                :PRICED
            ]
            for advice in best:
                by_person.setdefault(advice.person, []).append(advice)
        return {person: by_person[person] for person in sorted(by_person)}

    @cached_property
    def builds(self) -> list[Build]:
        """The ties who cannot vouch yet but start a route to a target: candidates the
        analysis says to chat with or reconnect with first, and bridges to candidates you
        cannot ask yourself; the MAX_BUILDS most relevant per target."""
        model = self.model
        chosen: dict[str, list[AskSpec]] = {}
        chats: dict[str, int] = {}
        for index, goal in enumerate(self.targets):
            picked: dict[str, float] = {}
            for opening in goal.openings:
                state = model.asks(opening)
                # a candidate analyze says to ask (or reach otherwise) is not built up as
                # a bridge: one answer per person
                others = {
                    item.contact.id
                    for item in model.evaluate(opening)
                    if item.action not in ("info-chat", "nurture")
                }
                for item in model.evaluate(opening):
                    candidate = item.contact
                    if item.standing.position is Position.FORMERLY_AT_COMPANY:
                        continue
                    if candidate.id in state.closed:
                        continue
                    manager = item.standing.position is Position.HIRING_MANAGER
                    tie = model.ties.get(candidate.id)
                    asked_before = recorded_before(state.asked.get(candidate.id, ()), None)
                    building = item.action in ("info-chat", "nurture")
                    if tie is not None and building and not asked_before:
                        entry = AskSpec(asked="referral", target=index, manager=manager)
                        chosen.setdefault(candidate.id, []).append(entry)
                        if item.action == "info-chat":
                            chats.setdefault(candidate.id, index)
                        # candidates first, nearest the hiring team first
                        near = 2.0 + item.standing.value
                        picked[candidate.id] = max(picked.get(candidate.id, 0.0), near)
                    if tie is not None and tie.can_vouch:
                        continue
                    for bridge, hops, via in self._weak_bridges(candidate.id):
                        if (
                            bridge in others
                            or bridge in state.closed
                            or recorded_before(state.asked.get(bridge, ()), candidate.id)
                        ):
                            continue
                        entry = AskSpec(
                            asked="intro", target=index, to=candidate.id, manager=manager, via=via
                        )
                        if entry not in chosen.setdefault(bridge, []):
                            chosen[bridge].append(entry)
                        picked[bridge] = max(picked.get(bridge, 0.0), hops)
            keep = sorted(
                picked, key=lambda person: (-picked[person], *self.relevance(person), person)
            )
            kept = set(keep[:MAX_BUILDS])
            for person in list(chosen):
                if person in picked and person not in kept:
                    chosen[person] = [entry for entry in chosen[person] if entry.target != index]
                    if chats.get(person) == index:
                        del chats[person]
        return [
            Build(person=person, asks=tuple(chosen[person]), chat=chats.get(person))
            for person in sorted(chosen)
            if chosen[person]
        ]

    def relevance(self, person: str) -> tuple[float, ...]:
        """How relevant a person is, most first (for the order of ties): see
        ``Pricer.relevance``."""
        return self.pricer.relevance(self.pricer.network.contacts_by_id[person])

    def _weak_bridges(self, candidate: str) -> Iterator[tuple[str, float, str | None]]:
        """Your ties who cannot vouch yet and know ``candidate`` (1.5), or know someone who
        does (1, with that person): the introductions they could make once they can."""
        knows = self.model.knows
        ties, bridges = self.model.ties, self.model.bridges  # bridges: the ties who can vouch
        around = knows.get(candidate, {})
        for middle in sorted(around):
            if middle in ties and bridges.get(middle) is None:
                yield middle, 1.5, None
            for bridge in sorted(knows.get(middle, {})):
                if bridge != candidate and bridge in ties and bridges.get(bridge) is None:
                    yield bridge, 1.0, middle

    def tell(self, person: str) -> tuple[Told, ...]:
        return self.pricer.tellable(person)


def recorded_before(asks: Sequence[Ask], to: str | None) -> bool:
    """Whether ``asks`` (of one person, for one target) hold the ask of ``to`` (a referral
    when None), pending or answered: it is never made again; or any ask still waiting for
    an answer: nothing more is asked of them for the target until it comes."""
    return any(
        ask.pending or ((ask.asked == "intro") == (to is not None) and ask.to == to) for ask in asks
    )


__all__ = [
    "ASKING",
    "MAX_ASKS",
    "MAX_BUILDS",
    "PRICED",
    "Advised",
    "Build",
    "Search",
    "advised_ask",
    "recorded_before",
]
