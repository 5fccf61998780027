"""Who can make a hiring-team-adjacent referral: tie strength, paths, ranking, actions, reasons.

The model is written down, with its sources, in ``docs/scoring.md``. In short, for a
candidate ``c`` (someone at the target company, or its hiring manager) reached from
you by the path ``me -> ... -> c``::

    reach(path) = tie(first) * readiness(first) * product over later steps of HOP * strength / 5
    effect(c)   = reach(best path) * proximity(c)
    score(c)    = DIRECT + (REFERRED - DIRECT) * effect(c)

``score`` is an estimated interview rate: :data:`DIRECT` when applying directly,
up to :data:`REFERRED` for an ideal referral. Paths have at most :data:`MAX_HOPS` steps.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana}
... openings: [{company: Voltgrid, team: Grid, hiring_manager: Eva}]
... contacts:
...   - {name: Bob, company: Voltgrid, team: Grid, trust: 5, knows_my_work: 4,
...      met: 2019, last_contact: 2026-11, told: [aspiration, availability]}
...   - {name: Eva, company: Voltgrid, team: Grid, trust: 0}
... ''')
>>> [(c.contact, c.score, c.action) for c in rank_referrers(network, network.openings[0],
...                                                          as_of=dt.date(2026, 11, 25))]
[('bob', 0.727, 'ask-referral'), ('eva', 0.26, 'apply-directly')]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import islice
from typing import Any, Final, Literal, get_args

import networkx as nx

from warmreach._gc import paused_gc
from warmreach.errors import UsageError
from warmreach.graph import NetworkIndex, closeness_rank, knows_pairs
from warmreach.model import (
    ME,
    SCALE_MAX,
    STRENGTH_MAX,
    STRENGTH_MIN,
    Contact,
    Network,
    Opening,
    PartialDate,
    Told,
    resolve_day,
)

# -- constants (each is explained, with its source, in docs/scoring.md) ---------------------

#: interview rate of a direct application (Fernandez & Weinberg 1997: 26%)
DIRECT: Final = 0.26
#: interview rate of a referred application (Fernandez & Weinberg 1997: 80%)
REFERRED: Final = 0.80
#: weight of trust in the quality of a direct tie (the rest is knowledge of your work)
TRUST_WEIGHT: Final = 0.55
#: a tie keeps this share of its value however long you have been out of touch
#: (Levin, Walter & Murnighan 2011: dormant ties keep value)
RECENCY_FLOOR: Final = 0.4
#: months after which the fading part of a tie has halved (Burt 2002: bridges decay
#: within a year)
RECENCY_HALF_LIFE: Final = 12.0
#: months of silence assumed when neither ``last_contact`` nor ``met`` is known
UNKNOWN_SILENCE: Final = 24.0
#: months of silence after which a tie is too stale to ask before reconnecting
STALE_MONTHS: Final = 36.0
#: a relationship younger than this (months) is a new connection that cannot vouch yet
NEW_MONTHS: Final = 3.0
#: share of its value a brand-new tie has; it grows linearly to 1 at NEW_MONTHS
NEW_TIE_FACTOR: Final = 0.5
#: chance that one introduction goes through (Travers & Milgram 1969: ~27% drop-out per step)
HOP: Final = 0.73
#: longest path considered, in steps from you (you -> bridge -> bridge -> candidate)
MAX_HOPS: Final = 3
#: a referral whose effect is below this is no better than applying directly
MIN_EFFECT: Final = 0.10
#: the least trust that can vouch for you (trust <= 1 is never asked: docs/scoring.md)
MIN_VOUCH_TRUST: Final = 2
#: PageRank damping for the proximity to the hiring team (the usual 0.85)
PAGERANK_ALPHA: Final = 0.85
#: how much of a tie's chance to carry your request is lost while the person has not been
#: told each item: people cannot refer you for a move they do not know you want
READINESS_LOSS: Final[Mapping[Told, float]] = {
    "role": 0.05,
    "aspiration": 0.2,
    "availability": 0.15,
}

Action = Literal["ask-referral", "signal-then-ask", "ask-intro", "nurture", "apply-directly"]
#: the actions, from the most to the least direct
ACTIONS: Final[tuple[Action, ...]] = get_args(Action)


class Position(StrEnum):
    """Where a candidate sits relative to the hiring team, best first."""

    HIRING_MANAGER = "hiring-manager"
    ON_TEAM = "on-team"
    NEAR_TEAM = "near-team"
    AT_COMPANY = "at-company"
    FORMERLY_AT_COMPANY = "formerly-at-company"


#: how much a referral from each position helps, relative to one from the hiring team
POSITION_WEIGHT: Final[Mapping[Position, float]] = {
    Position.HIRING_MANAGER: 1.0,
    Position.ON_TEAM: 1.0,
    Position.NEAR_TEAM: 0.7,
    Position.AT_COMPANY: 0.4,
    Position.FORMERLY_AT_COMPANY: 0.15,
}

_MONTH_DAYS: Final = 365.2425 / 12


# -- direct ties ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TieStrength:
    """How much a direct tie can carry, and the factors that made it."""

    #: the strength of the relationship, the product of the three factors below: 0 .. 1
    probability: float
    #: from trust and knowledge of your work: 0 .. 1
    quality: float
    #: from the months since you were last in touch: RECENCY_FLOOR .. 1
    recency: float
    #: from the age of the relationship: NEW_TIE_FACTOR .. 1
    maturity: float
    #: months since you were last in touch, None when unknown
    months_silent: float | None
    #: months since you met, None when unknown
    months_known: float | None
    #: from what the person has been told (``told``): 1 - the READINESS_LOSS of each
    #: item they lack
    readiness: float = 1.0

    @property
    def carry(self) -> float:
        """The chance that this person carries a request for you: 0 .. 1."""
        return self.probability * self.readiness

    @property
    def is_new(self) -> bool:
        """A connection younger than NEW_MONTHS."""
        return self.months_known is not None and self.months_known < NEW_MONTHS

    @property
    def is_stale(self) -> bool:
        """Out of touch for longer than STALE_MONTHS."""
        return self.months_silent is not None and self.months_silent > STALE_MONTHS


class _Ties(Mapping[str, TieStrength]):
    """Your tie to each direct contact, worked out when first looked up."""

    def __init__(self, network: Network, as_of: dt.date) -> None:
        self._network = network
        self._as_of = as_of
        self._known: dict[str, TieStrength] = {}

    def __getitem__(self, contact: str) -> TieStrength:
        if contact not in self._known:
            if contact not in self:
                raise KeyError(contact)
            person = self._network.contacts_by_id[contact]
            self._known[contact] = tie_strength(person, self._as_of)
        return self._known[contact]

    def __contains__(self, contact: object) -> bool:
        person = self._network.contacts_by_id.get(contact) if isinstance(contact, str) else None
        return person is not None and person.is_direct

    def __iter__(self) -> Iterator[str]:
        return (contact.id for contact in self._network.contacts if contact.is_direct)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def months_between(earlier: dt.date, later: dt.date) -> float:
    """Months from ``earlier`` to ``later``, never negative.

    >>> round(months_between(dt.date(2025, 11, 25), dt.date(2026, 11, 25)), 1)
    12.0
    """
    return max(0.0, (later - earlier).days / _MONTH_DAYS)


def recency_factor(months_silent: float) -> float:
    """The share of a tie's value left after ``months_silent`` months without contact.

    >>> recency_factor(0), recency_factor(12), round(recency_factor(120), 3)
    (1.0, 0.7, 0.401)
    """
    fading: float = 0.5 ** (months_silent / RECENCY_HALF_LIFE)
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * fading


def maturity_factor(months_known: float | None) -> float:
    """The share of a tie's value a relationship of this age has.

    >>> maturity_factor(0), maturity_factor(1.5), maturity_factor(6), maturity_factor(None)
    (0.5, 0.75, 1.0, 1.0)
    """
    if months_known is None or months_known >= NEW_MONTHS:
        return 1.0
    return NEW_TIE_FACTOR + (1 - NEW_TIE_FACTOR) * months_known / NEW_MONTHS


def readiness_factor(told: Iterable[Told]) -> float:
    """The share of a tie's chance to carry your request left while they lack some of ``told``.

    >>> readiness_factor(["role", "aspiration", "availability"]), readiness_factor([])
    (1.0, 0.6)
    """
    known = set(told)
    lost = sum((loss for item, loss in READINESS_LOSS.items() if item not in known), 0.0)
    return round(1.0 - lost, 6)


def tie_strength(contact: Contact, as_of: dt.date) -> TieStrength:
    """The strength of your direct tie to ``contact`` on the day ``as_of``.

    ``met`` counts from the first day it can mean, ``last_contact`` from the last; a
    missing ``last_contact`` falls back to ``met``, then to UNKNOWN_SILENCE months.

    >>> contact = Contact(id="bob", name="Bob", trust=5, knows_my_work=5,
    ...                   last_contact=PartialDate(year=2026, month=11))
    >>> tie_strength(contact, dt.date(2026, 11, 25)).probability
    1.0
    """
    quality = (
        TRUST_WEIGHT * contact.trust / SCALE_MAX
        + (1 - TRUST_WEIGHT) * contact.knows_my_work / SCALE_MAX
    )
    if contact.trust == 0:
        quality = 0.0
    months_known = _months_since(contact.met, as_of, PartialDate.first_day)
    months_silent = _months_since(contact.last_contact, as_of, PartialDate.last_day)
    if months_silent is None:
        months_silent = months_known
    recency = recency_factor(UNKNOWN_SILENCE if months_silent is None else months_silent)
    maturity = maturity_factor(months_known)
    return TieStrength(
        probability=quality * recency * maturity,
        quality=quality,
        recency=recency,
        maturity=maturity,
        months_silent=months_silent,
        months_known=months_known,
        readiness=readiness_factor(contact.told),
    )


def _months_since(
    date: PartialDate | None, as_of: dt.date, day: Callable[[PartialDate], dt.date]
) -> float | None:
    if date is None:
        return None
    return months_between(min(day(date), as_of), as_of)


def knows_probability(strength: int) -> float:
    """The chance an introduction over a ``knows`` link of this strength goes through.

    >>> knows_probability(5), knows_probability(1)
    (0.73, 0.146)
    """
    return HOP * strength / STRENGTH_MAX


#: the length -log(p) of a ``knows`` link of each strength
KNOWS_LENGTH: Final = {
    strength: -math.log(knows_probability(strength))
    for strength in range(STRENGTH_MIN, STRENGTH_MAX + 1)
}


# -- paths ----------------------------------------------------------------------------------

Weight = str | Callable[[Hashable, Hashable, dict[str, Any]], float | None]


def hop_bounded_paths(
    graph: nx.Graph, source: Hashable, weight: Weight = "weight", max_hops: int = MAX_HOPS
) -> dict[Hashable, tuple[float, list[Hashable]]]:
    """Shortest paths from ``source`` that have at most ``max_hops`` edges.

    ``weight`` is an edge attribute holding a non-negative length, or, as in
    NetworkX, a function ``weight(u, v, data)`` returning the length or None to
    skip the edge. This is Bellman-Ford stopped after ``max_hops`` rounds, relaxing only
    from nodes that improved in the round before; unlike Dijkstra with a cutoff,
    it is exact under a hop limit. Returns ``{node: (length, path)}``, the source
    included with length 0.

    >>> graph = nx.Graph()
    >>> graph.add_weighted_edges_from([("s", "a", 1), ("a", "b", 1), ("b", "c", 1), ("s", "c", 5)])
    >>> hop_bounded_paths(graph, "s", max_hops=3)["c"]
    (3.0, ['s', 'a', 'b', 'c'])
    >>> hop_bounded_paths(graph, "s", lambda u, v, data: data["weight"], max_hops=2)["c"]
    (5.0, ['s', 'c'])
    """
    length_of = _weight_function(weight)
    adjacency = graph._adj  # the plain dicts, as NetworkX's own path algorithms use them
    best: dict[Hashable, tuple[float, list[Hashable]]] = {source: (0.0, [source])}
    frontier = dict(best)
    for _ in range(max_hops):
        improved: dict[Hashable, tuple[float, list[Hashable]]] = {}
        for node in sorted(frontier, key=str):
            length, path = frontier[node]
            for other, data in adjacency[node].items():
                step = length_of(node, other, data)
                if step is None or other in path:
                    continue
                candidate = length + step
                known = improved[other] if other in improved else best.get(other)
                if known is None or candidate < known[0]:
                    improved[other] = (candidate, [*path, other])
        best.update(improved)
        frontier = improved
        if not frontier:
            break
    return best


def _weight_function(
    weight: Weight,
) -> Callable[[Hashable, Hashable, dict[str, Any]], float | None]:
    if callable(weight):
        return weight
    return lambda u, v, data: data.get(weight)


# -- targets, candidates and reports --------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """One person who could refer you for a target, ranked and explained."""

    #: contact id
    contact: str
    #: display name
    name: str
    #: estimated interview rate through this person: DIRECT .. REFERRED
    score: float
    #: ids from ``"me"`` to the candidate along the best path; empty when unreachable
    path: tuple[str, ...]
    #: what to do now
    action: Action
    #: short phrases naming the factors behind the score and the action
    reasons: tuple[str, ...]
    #: where the candidate sits relative to the hiring team
    position: Position
    #: chance the path carries a request to the candidate: 0 .. 1
    reach: float
    #: how much their referral would help, relative to one from the hiring team: 0 .. 1
    proximity: float
    #: the first person on the path when it is an introduction, else None
    bridge: str | None = None
    #: other paths to the candidate, best first (when asked for)
    alternatives: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, kw_only=True)
class Bridge:
    """One of your contacts through whom introductions to the target run."""

    #: contact id
    contact: str
    #: display name
    name: str
    #: ids of the candidates whose best path starts with this person
    reaches: tuple[str, ...]
    #: sum of the effects of those candidates
    value: float


@dataclass(frozen=True, kw_only=True)
class TargetReport:
    """The ranking for one target."""

    #: the target (an opening, or a company and team named on the command line)
    target: Opening
    #: display name of the company
    company_name: str
    #: display name of the team, when the target has one
    team_name: str | None
    #: candidates, best first (ties broken by id)
    candidates: tuple[Candidate, ...]
    #: your contacts who bridge you to candidates, most valuable first
    bridges: tuple[Bridge, ...] = ()

    @property
    def title(self) -> str:
        """The target as people read it: ``Voltgrid — Grid Storage Product (Product Manager)``."""
        title = self.company_name
        if self.team_name:
            title += f" — {self.team_name}"
        if self.target.role:
            title += f" ({self.target.role})"
        return title

    @property
    def label(self) -> str:
        """The target in a few words, for legends: ``Voltgrid / Grid Storage Product``."""
        return self.company_name + (f" / {self.team_name}" if self.team_name else "")


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """The answer of ``warmreach analyze``."""

    #: your name
    generated_for: str
    #: the day the scores are computed for
    as_of: dt.date
    #: one report per target, in the order asked
    targets: tuple[TargetReport, ...]
    #: display names of everyone named in the reports, by id (``"me"`` is ``"you"``)
    names: Mapping[str, str]


def default_targets(network: Network) -> list[Opening]:
    """The file's openings, else one target per company in ``me.seeking.companies``."""
    if network.openings:
        return list(network.openings)
    return [Opening(company=company) for company in network.me.seeking.companies]


@dataclass
class Scored:
    """A candidate's score before it is rounded and explained."""

    contact: Contact
    position: Position
    proximity: float
    closeness: float
    team_links: int
    reach: float
    path: tuple[str, ...]

    @property
    def effect(self) -> float:
        return self.reach * self.proximity


class ReferralModel:
    """Scores every candidate of a network for any target, computing shared work once.

    The strengths of your ties and the best paths from you do not depend on the
    target, so analysing several targets reuses them.
    """

    def __init__(
        self, network: Network, *, as_of: dt.date, index: NetworkIndex | None = None
    ) -> None:
        self.network = network
        self.as_of = as_of
        #: the network's index (built when not given)
        self.index = index or NetworkIndex.build(network)
        #: your tie to each direct contact
        self.ties: Mapping[str, TieStrength] = _Ties(network, as_of)
        #: the people each contact knows, with the strength of the link
        self.knows = self.index.knows
        self._paths: dict[str, tuple[float, list[str]] | None] = {}
        self._two_steps: dict[str, tuple[float, str] | None] = {}
        self._me_lengths: dict[str, float | None] = {}
        self._scored: dict[tuple[Opening, bool], list[Scored]] = {}

    @cached_property
    def people(self) -> nx.Graph:
        """You and your contacts, linked where a request can pass, each edge with the
        ``length`` ``-log(p)`` of the chance ``p`` that it does (``strength`` on ``knows``).

        Built on first use (``--paths``): analysing works on :attr:`knows` and :attr:`ties`.
        """
        with paused_gc():
            people = nx.Graph()
            people.add_node(ME)
            people.add_nodes_from(contact.id for contact in self.network.contacts)
            people.add_edges_from(
                (ME, contact, {"length": -math.log(tie.carry)})
                for contact, tie in self.ties.items()
                if tie.carry > 0
            )
            people.add_edges_from(
                (u, v, {"length": KNOWS_LENGTH[strength], "strength": strength})
                for (u, v), strength in knows_pairs(self.network, self.knows)
            )
            return people

    def path_to(self, contact: str) -> tuple[float, list[str]] | None:
        """The best path of at most MAX_HOPS steps from you to ``contact``: its length
        and its people, or None when there is none.

        The same answer as :func:`hop_bounded_paths` from you, ties between equal
        paths included, but found from the contact's end: their neighbours and their
        neighbours' neighbours, met with your direct ties. Scoring a target's
        candidates this way visits their surroundings instead of the whole network.
        """
        if contact not in self._paths:
            self._paths[contact] = self._search_path(contact)
        return self._paths[contact]

    def _search_path(self, contact: str) -> tuple[float, list[str]] | None:
        # hop_bounded_paths, round by round: round 1 reaches your ties, round 2 extends
        # each of them one step, round 3 extends only the nodes round 2 improved; an
        # equal path never replaces one found earlier, and within a round nodes are
        # tried in order of id (the str order of the frontier).
        best: tuple[float, list[str]] | None = None
        direct = self._me_length(contact)
        if direct is not None:
            best = (direct, [ME, contact])
        two = self._two_step(contact)
        if two is not None and (best is None or two[0] < best[0]):
            best = (two[0], [ME, two[1], contact])
        three: tuple[float, str, str] | None = None
        for middle, strength in self.knows.get(contact, {}).items():
            reached = None if middle == contact else self._improved_in_two(middle)
            if reached is None or reached[1] == contact:
                continue
            length = reached[0] + KNOWS_LENGTH[strength]
            if three is None or (length, middle) < (three[0], three[2]):
                three = (length, reached[1], middle)
        if three is not None and (best is None or three[0] < best[0]):
            best = (three[0], [ME, three[1], three[2], contact])
        return best

    def _two_step(self, node: str) -> tuple[float, str] | None:
        """The best path you -> tie -> ``node``: its length and the tie (smallest id on ties)."""
        if node in self._two_steps:
            return self._two_steps[node]
        found: tuple[float, str] | None = None
        for tie, strength in self.knows.get(node, {}).items():
            first = None if tie == node else self._me_length(tie)
            if first is None:
                continue
            length = first + KNOWS_LENGTH[strength]
            if found is None or (length, tie) < found:
                found = (length, tie)
        self._two_steps[node] = found
        return found

    def _improved_in_two(self, node: str) -> tuple[float, str] | None:
        """The two-step path to ``node`` when it beats the direct one (so round 3 extends it)."""
        two = self._two_step(node)
        direct = self._me_length(node)
        if two is None or (direct is not None and not two[0] < direct):
            return None
        return two

    def lengths_from(self, source: str, among: Container[str], hops: int = 2) -> dict[str, float]:
        """The length of the best path of at most ``hops`` (1 or 2) ``knows`` links from
        ``source`` to each person of ``among`` it reaches (``source`` itself: 0).

        The lengths :func:`hop_bounded_paths` finds from ``source`` when paths may not
        pass through you, but looked for among ``among`` only.
        """
        if hops not in (1, 2):
            raise ValueError(f"hops must be 1 or 2, not {hops}")
        best = {source: 0.0} if source in among else {}
        first = self.knows.get(source, {})
        for middle, strength in first.items():
            if middle in among and middle != source:
                best[middle] = min(best.get(middle, math.inf), KNOWS_LENGTH[strength])
        if hops == 2:
            for middle, strength in first.items():
                step = KNOWS_LENGTH[strength]
                for other, second in self.knows.get(middle, {}).items():
                    if other in among and other != source:
                        best[other] = min(best.get(other, math.inf), step + KNOWS_LENGTH[second])
        return best

    def length(self, person: str, other: str) -> float | None:
        """The length of the edge between two people of the :attr:`people` graph (you
        are ``ME``), or None when they are not linked."""
        if ME in (person, other):
            return self._me_length(other if person == ME else person)
        strength = self.knows.get(person, {}).get(other)
        return None if strength is None else KNOWS_LENGTH[strength]

    def _me_length(self, contact: str) -> float | None:
        """The length of the edge from you to ``contact``; None when there is none."""
        if contact in self._me_lengths:
            return self._me_lengths[contact]
        length = None
        if contact in self.ties:
            carry = self.ties[contact].carry
            length = -math.log(carry) if carry > 0 else None
        self._me_lengths[contact] = length
        return length

    def rank(
        self, target: Opening, *, top: int | None = None, paths: int = 0, centrality: bool = True
    ) -> TargetReport:
        """Rank the candidates for ``target``; ``paths`` alternatives are listed for each."""
        scored = self.scored(target, centrality=centrality)
        if top is not None:
            scored = scored[:top]
        candidates = tuple(self.explain(item, target, paths) for item in scored)
        return dataclasses.replace(
            self.report(target), candidates=candidates, bridges=self._bridges(candidates)
        )

    def report(self, target: Opening) -> TargetReport:
        """A report on ``target`` with its display names and no candidates yet."""
        company = self.network.companies_by_id[target.company]
        team = company.teams_by_id[target.team].name if target.team else None
        return TargetReport(target=target, company_name=company.name, team_name=team, candidates=())

    def scored(self, target: Opening, *, centrality: bool = True) -> list[Scored]:
        """Every candidate for ``target`` with the parts of their score, best first.

        Computed once per target; do not change the list returned.
        """
        if (target, centrality) in self._scored:
            return self._scored[target, centrality]
        seeds = self.hiring_team(target)
        closeness = self._closeness(seeds) if centrality else {}
        scored = [
            self._score(contact, target, closeness, seeds) for contact in self._candidates(target)
        ]
        scored.sort(key=lambda item: (-score_of(item.effect), item.contact.id))
        self._scored[target, centrality] = scored
        return scored

    # -- who, where, how far --

    def _candidates(self, target: Opening) -> list[Contact]:
        contacts = self.network.contacts_by_id
        found = [contacts[person] for person in self.index.staff.get(target.company, ())]
        manager = self.network.contacts_by_id.get(target.hiring_manager or "")
        if manager is not None and target.company not in (manager.company, *manager.past_companies):
            found.append(manager)
        return found

    def _position(self, contact: Contact, target: Opening) -> Position:
        if contact.id == target.hiring_manager:
            return Position.HIRING_MANAGER
        if contact.company != target.company:
            return Position.FORMERLY_AT_COMPANY
        if target.team is not None and contact.team is not None:
            if contact.team == target.team:
                return Position.ON_TEAM
            if contact.team in self.index.near.get((target.company, target.team), ()):
                return Position.NEAR_TEAM
        return Position.AT_COMPANY

    def hiring_team(self, target: Opening) -> list[str]:
        """The people known to be on the hiring team: its members and the hiring manager."""
        seeds = {target.hiring_manager} if target.hiring_manager else set()
        if target.team is not None:
            seeds.update(self.index.members.get((target.company, target.team), ()))
        return sorted(seeds)

    def _closeness(self, seeds: Sequence[str]) -> dict[str, float]:
        """Personalised PageRank from the hiring team over the ``knows`` links.

        How close each person sits to the hiring team, counting every route and not
        only the best one: someone who knows several team members is closer than
        someone who knows one. Scaled so that the hiring team's own average is 1.
        """
        if not seeds:
            return {}
        rows = self.knows.within(seeds, 2)
        rows = rows[rows < len(self.network.contacts)]
        rank = closeness_rank(self.knows, rows, seeds, PAGERANK_ALPHA)
        if not rank:
            return {}
        reference = sum(rank[seed] for seed in seeds) / len(seeds)
        return {node: min(1.0, value / reference) for node, value in rank.items()}

    def _score(
        self,
        contact: Contact,
        target: Opening,
        closeness: Mapping[str, float],
        seeds: Sequence[str],
    ) -> Scored:
        position = self._position(contact, target)
        proximity = POSITION_WEIGHT[position]
        near_value = POSITION_WEIGHT[Position.NEAR_TEAM]
        close = closeness.get(contact.id, 0.0)
        if position is Position.AT_COMPANY and close > 0:
            proximity += (near_value - proximity) * close
        team_links = 0
        if closeness:
            team_links = sum(1 for other in self.knows[contact.id] if other in seeds)
        found = self.path_to(contact.id)
        reach, path = (0.0, ()) if found is None else (math.exp(-found[0]), tuple(found[1]))
        return Scored(
            contact=contact,
            position=position,
            proximity=proximity,
            closeness=close,
            team_links=team_links,
            reach=reach,
            path=path,
        )

    # -- what to do, and why --

    def _action(self, item: Scored) -> Action:
        if not item.path:
            return "apply-directly"
        # judged on what the route can deliver once the first person knows what you want:
        # telling them is part of the advice, not a reason to give up on them
        potential = item.effect / self.ties[item.path[1]].readiness
        if len(item.path) > 2:
            return "ask-intro" if potential >= MIN_EFFECT else "apply-directly"
        if not can_vouch(item.contact, self.ties[item.contact.id]):
            worth_it = potential >= MIN_EFFECT or item.position in _WORTH_CULTIVATING
            return "nurture" if worth_it else "apply-directly"
        if potential < MIN_EFFECT:
            return "apply-directly"
        if item.position is Position.FORMERLY_AT_COMPANY:
            return "nurture"
        told = set(item.contact.told)
        return "ask-referral" if {"aspiration", "availability"} <= told else "signal-then-ask"

    def explain(self, item: Scored, target: Opening, paths: int = 0) -> Candidate:
        """The candidate as reports show it: rounded, with the action and the reasons."""
        action = self._action(item)
        reasons = [*self._position_reasons(item, target)]
        tie = self.ties.get(item.contact.id)
        bridge = item.path[1] if len(item.path) > 2 else None
        if len(item.path) == 2 and tie is not None:
            reasons.extend(_tie_reasons(item.contact, tie))
            if action == "signal-then-ask":
                reasons.append("not told your " + " or ".join(_untold(item.contact)))
        elif bridge is not None:
            reasons.append(self._path_reason(item.path))
            first = self.network.contacts_by_id[bridge]
            if _untold(first):
                reasons.append(f"{first.name} not told your " + " or ".join(_untold(first)))
        else:
            reasons.append(f"no path from you within {MAX_HOPS} steps")
        if action == "apply-directly" and item.path:
            reasons.append("no better than applying directly")
        alternatives: tuple[tuple[str, ...], ...] = ()
        if paths and item.path:
            alternatives = self._alternatives(item.contact.id, item.path, paths)
        return Candidate(
            contact=item.contact.id,
            name=item.contact.name,
            score=score_of(item.effect),
            path=item.path,
            action=action,
            reasons=tuple(reasons),
            position=item.position,
            reach=round(item.reach, 3),
            proximity=round(item.proximity, 3),
            bridge=bridge,
            alternatives=alternatives,
        )

    def _position_reasons(self, item: Scored, target: Opening) -> Iterable[str]:
        company = self.network.companies_by_id[target.company]
        match item.position:
            case Position.HIRING_MANAGER:
                yield "the hiring manager"
            case Position.ON_TEAM:
                yield "on the hiring team"
            case Position.NEAR_TEAM:
                team = company.teams_by_id[str(item.contact.team)].name
                yield f"works closely with the hiring team ({team})"
            case Position.AT_COMPANY:
                yield f"elsewhere at {company.name}"
                if item.closeness >= 0.05:
                    links = f"knows {item.team_links} of them, " if item.team_links else ""
                    yield f"close to the hiring team ({links}closeness {item.closeness:.2f})"
            case Position.FORMERLY_AT_COMPANY:
                yield f"formerly at {company.name}"

    def _path_reason(self, path: Sequence[str]) -> str:
        contacts = self.network.contacts_by_id
        first = contacts[path[1]]
        names = [f"{first.name} (trust {first.trust}/5)"]
        names.extend(contacts[node].name for node in path[2:-1])
        last = self.knows[path[-2]][path[-1]]
        return f"introduction through {' and '.join(names)}, who knows them {last}/5"

    def _alternatives(
        self, contact: str, best: tuple[str, ...], count: int
    ) -> tuple[tuple[str, ...], ...]:
        """The next ``count`` paths after the best, with at most MAX_HOPS steps.

        NetworkX's ``shortest_simple_paths`` (Yen's algorithm over Dijkstra) yields
        paths by increasing length; it runs on you and the people within
        ``MAX_HOPS - 1`` steps of the candidate, where every such path lies.
        """
        nearby = self.knows.within([contact], MAX_HOPS - 1)
        around = self.people.subgraph([ME, *(self.knows.ids[row] for row in nearby.tolist())])
        found = []
        try:
            generator = nx.shortest_simple_paths(around, ME, contact, weight="length")
            for path in islice(generator, 4 * count + 4):
                if len(path) - 1 <= MAX_HOPS and tuple(path) != best:
                    found.append(tuple(map(str, path)))
                    if len(found) == count:
                        break
        except nx.NetworkXNoPath:
            pass
        return tuple(found)

    def _bridges(self, candidates: Sequence[Candidate]) -> tuple[Bridge, ...]:
        reached: dict[str, list[Candidate]] = {}
        for candidate in candidates:
            if candidate.action == "ask-intro" and candidate.bridge is not None:
                reached.setdefault(candidate.bridge, []).append(candidate)
        bridges = [
            Bridge(
                contact=bridge,
                name=self.network.contacts_by_id[bridge].name,
                reaches=tuple(candidate.contact for candidate in found),
                value=round(sum(_effect(candidate.score) for candidate in found), 3),
            )
            for bridge, found in reached.items()
        ]
        return tuple(sorted(bridges, key=lambda bridge: (-bridge.value, bridge.contact)))


_WORTH_CULTIVATING: Final = frozenset(
    {Position.HIRING_MANAGER, Position.ON_TEAM, Position.NEAR_TEAM}
)


def can_vouch(contact: Contact, tie: TieStrength) -> bool:
    """Whether a direct contact can be asked to vouch for you now: trusted enough
    (:data:`MIN_VOUCH_TRUST`), not a new connection, not out of touch for years."""
    return contact.trust >= MIN_VOUCH_TRUST and not tie.is_new and not tie.is_stale


def best_score(scored: Sequence[Scored]) -> float:
    """A target's best referral score: its best candidate's, or applying directly."""
    return max([DIRECT, *(score_of(item.effect) for item in scored)])


def score_of(effect: float) -> float:
    """The score of a route with this effect, rounded as reports show it.

    >>> score_of(0.0), score_of(1.0), score_of(0.5)
    (0.26, 0.8, 0.53)
    """
    return round(DIRECT + (REFERRED - DIRECT) * effect, 3)


def _effect(score: float) -> float:
    return (score - DIRECT) / (REFERRED - DIRECT)


def _untold(contact: Contact) -> list[str]:
    """What a person must know before they can refer you that they have not been told."""
    return [word for word in ("aspiration", "availability") if word not in contact.told]


def _tie_reasons(contact: Contact, tie: TieStrength) -> list[str]:
    reasons = [f"trust {contact.trust}/5", f"knows your work {contact.knows_my_work}/5"]
    if tie.is_new:
        reasons.append(f"new connection (met {contact.met})")
    if tie.months_silent is None:
        reasons.append("last contact unknown")
    elif tie.is_stale:
        reasons.append(f"out of touch for {tie.months_silent / 12:.0f} years")
    elif tie.months_silent >= 12:
        reasons.append(f"last contact {tie.months_silent / 12:.1f} years ago")
    return reasons


def rank_referrers(
    network: Network,
    target: Opening,
    *,
    as_of: dt.date | None = None,
    top: int | None = None,
    paths: int = 0,
    index: NetworkIndex | None = None,
) -> list[Candidate]:
    """Rank who could refer you for ``target``, best first (ties broken by id)."""
    model = ReferralModel(network, as_of=resolve_day(as_of), index=index)
    return list(model.rank(target, top=top, paths=paths).candidates)


def analyze(
    network: Network,
    targets: Sequence[Opening] | None = None,
    *,
    as_of: dt.date | None = None,
    top: int | None = None,
    paths: int = 0,
    index: NetworkIndex | None = None,
) -> Analysis:
    """Rank referrers for each target (the file's openings or sought companies by default).

    ``index``, the network's :class:`~warmreach.graph.NetworkIndex`, is built when not given.
    """
    day = resolve_day(as_of)
    chosen = default_targets(network) if targets is None else targets
    if not chosen:
        raise UsageError(
            "nothing to analyze: the file has no openings and no me.seeking.companies; "
            "name a target with --target COMPANY[/TEAM]"
        )
    model = ReferralModel(network, as_of=day, index=index)
    reports = tuple(model.rank(target, top=top, paths=paths) for target in chosen)
    named = {
        person
        for report in reports
        for candidate in report.candidates
        for path in (candidate.path, *candidate.alternatives)
        for person in path
    }
    named.update(opening.hiring_manager for opening in chosen if opening.hiring_manager)
    contacts = network.contacts_by_id
    names = {person: contacts[person].name for person in sorted(named - {ME})}
    return Analysis(
        generated_for=network.me.name,
        as_of=day,
        targets=reports,
        names={ME: "you", **names},
    )


__all__ = [
    "ACTIONS",
    "Action",
    "Analysis",
    "Bridge",
    "Candidate",
    "Position",
    "ReferralModel",
    "Scored",
    "TargetReport",
    "TieStrength",
    "analyze",
    "best_score",
    "can_vouch",
    "default_targets",
    "hop_bounded_paths",
    "knows_probability",
    "rank_referrers",
    "readiness_factor",
    "score_of",
    "tie_strength",
]
