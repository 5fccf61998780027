"""What the finders of every kind of step share: the asks worth pricing, and the ties that
cannot vouch yet but start a route, each worked out once from the analysis of every
target (:class:`Search`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.model import ME, Ask, AskKind, Told
from warmreach.plan.pricing import AskSpec, Pricer
from warmreach.scoring import Position, Route, route_score

#: the asks kept per target, best first, and the asks priced per target (by today's
#: analysis, best first) to find them
MAX_ASKS: Final = 15
PRICED: Final = 3 * MAX_ASKS
#: the ties to build kept per target, most useful first
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
                        if recorded_before(state.asked.get(person, ()), to):
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
                    asked_before = recorded_before(state.asked.get(candidate.id, ()), None)
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
                        if bridge in state.closed or recorded_before(
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


def recorded_before(asks: Sequence[Ask], to: str | None) -> bool:
    """Whether ``asks`` (of one person, for one target) hold the ask of ``to`` (a referral
    when None), pending or answered: it is never made again; or any ask still waiting for
    an answer: nothing more is asked of them for the target until it comes."""
    return any(
        ask.pending or ((ask.asked == "intro") == (to is not None) and ask.to == to) for ask in asks
    )


__all__ = ["MAX_ASKS", "MAX_BUILDS", "PRICED", "Build", "Search", "recorded_before"]
