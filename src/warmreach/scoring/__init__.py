"""Who can make a hiring-team-adjacent referral, and what to do about each of them.

- :mod:`~warmreach.scoring.ties`: your direct ties: strength, willingness, what they know;
- :mod:`~warmreach.scoring.paths`: the strengths of links between others, and routes to a
  candidate (your own request, a friend's word, introductions);
- :mod:`~warmreach.scoring.decay`: time: the month, and the one shape of decay;
- :mod:`~warmreach.scoring.standing`: where a candidate stands for a target;
- :mod:`~warmreach.scoring.chances`: what a route is worth (the interview chance);
- :mod:`~warmreach.scoring.actions`: what to do about a candidate now (the policy);
- :mod:`~warmreach.scoring.ranking`: the model: each candidate's routes, score, action;
- :mod:`~warmreach.scoring.explanation`: the ranking as reports show it, with reasons;
- :mod:`~warmreach.scoring.results`: what an analysis returns.

The model, with every constant and its source, is ``docs/scoring.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from warmreach.errors import UsageError
from warmreach.graph import NetworkIndex
from warmreach.model import ME, Network, Opening, resolve_day
from warmreach.scoring.actions import ask_from, choose_action
from warmreach.scoring.asks import FOLLOW_UP_DAYS, AskState, follow_up_day
from warmreach.scoring.chances import (
    CEILING,
    DIRECT,
    MIN_LIFT,
    REFERRED,
    interview_chance,
    route_score,
)
from warmreach.scoring.explanation import (
    evidence_reasons,
    explain,
    position_reasons,
    rank,
    target_report,
)
from warmreach.scoring.paths import HOP, MAX_HOPS, LinkStrengths, Route
from warmreach.scoring.ranking import Evaluation, Priced, ReferralModel, _Basis, route_through
from warmreach.scoring.results import (
    ACTIONS,
    ASKS,
    BANDS,
    Action,
    Analysis,
    Band,
    Bridge,
    Candidate,
    FactorKind,
    GrowthKind,
    Position,
    Reason,
    ReasonKind,
    ReviewKind,
    Spelling,
    StopKind,
    TargetReport,
    band_of,
)
from warmreach.scoring.standing import Standing
from warmreach.scoring.ties import MIN_VOUCH_TRUST, TieStrength, tie_strength


def default_targets(network: Network) -> list[Opening]:
    """The file's openings, else one target per company in ``me.seeking.companies``."""
    if network.openings:
        return list(network.openings)
    return [Opening(company=company) for company in network.me.seeking.companies]


def with_people(
    targets: Sequence[Opening] | None,
    people: Sequence[tuple[str | None, Opening, str]],
    weights: Sequence[float] | None = None,
) -> tuple[list[Opening] | None, list[float] | None]:
    """The targets a command aims at: ``targets`` and each of ``people`` (through the
    target of their team, as :func:`warmreach.matching.find_person` gives them), with
    ``weights`` of the targets and 1 for each person's; None for the targets when neither
    is named (the file's own), and for the weights when none are given.

    >>> with_people([Opening(company="a")], [("eva", Opening(company="b"), "Eva")], [2.0])
    ([Opening(company='a', team=None, role=None, hiring_manager=None, closes=None), \
Opening(company='b', team=None, role=None, hiring_manager=None, closes=None)], [2.0, 1.0])
    >>> with_people(None, [])
    (None, None)
    """
    aimed = None
    if targets is not None or people:
        aimed = [*(targets or []), *(target for _, target, _ in people)]
    return aimed, None if weights is None else [*weights, *([1.0] * len(people))]


class _Strengths:
    """The strengths of the edges between people, as a model scores them (for
    :func:`build_graph`)."""

    def __init__(self, model: ReferralModel) -> None:
        self.model = model

    def tie(self, contact: str) -> tuple[float, float]:
        tie = self.model.ties[contact]
        return tie.strength, tie.willingness

    def link(self, u: str, v: str) -> tuple[float, bool, float]:
        links = self.model.links
        return links.strength(u, v) or 0.0, links.estimated(u, v), links.hop(u, v)


def build_graph(
    network: Network, index: NetworkIndex | None = None, *, as_of: dt.date | None = None
) -> Any:
    """The network as a typed ``networkx.Graph`` whose edges between people carry the
    strengths scoring computes on the day ``as_of`` (today when not given), each with a
    ``weight`` for NetworkX's weighted algorithms: ``-ln`` of the chance the step carries
    your request, so the shortest path is the likeliest route (``docs/graph.md``).

    >>> import networkx as nx
    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... contacts:
    ...   - {name: Bob, trust: 5, knows_my_work: 4, last_contact: 2026-11, knows: [Eva]}
    ...   - {name: Cy, trust: 2, last_contact: 2020-01, knows: [{name: Eva, strength: 5}]}
    ...   - {name: Eva, trust: 0}
    ... ''')
    >>> graph = build_graph(network, as_of=dt.date(2026, 11, 25))
    >>> round(graph.edges["me", "bob"]["strength"], 2), graph.edges["bob", "eva"]["estimated"]
    (0.91, True)
    >>> nx.shortest_path(graph, "me", "eva", weight=lambda u, v, edge: edge.get("weight"))
    ['me', 'bob', 'eva']
    """
    from warmreach.graph import network_graph

    model = ReferralModel(network, as_of=resolve_day(as_of), index=index)
    return network_graph(network, model.index, strengths=_Strengths(model))


def rank_referrers(
    network: Network,
    target: Opening,
    *,
    as_of: dt.date | None = None,
    top: int | None = None,
    paths: int = 0,
    index: NetworkIndex | None = None,
) -> list[Candidate]:
    """Rank who could refer you for ``target``, best first.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... openings: [{company: Voltgrid, team: Grid, hiring_manager: Eva}]
    ... contacts:
    ...   - {name: Bob, company: Voltgrid, team: Grid, trust: 5, knows_my_work: 4,
    ...      met: 2019, last_contact: 2026-11, told: [aspiration, availability]}
    ...   - {name: Eva, company: Voltgrid, team: Grid, trust: 0}
    ... ''')
    >>> [(c.contact, c.score, c.action) for c in rank_referrers(
    ...     network, network.openings[0], as_of=dt.date(2026, 11, 25))]
    [('bob', 0.814, 'ask-referral'), ('eva', 0.26, 'apply-directly')]
    """
    model = ReferralModel(network, as_of=resolve_day(as_of), index=index)
    return list(rank(model, target, top=top, paths=paths).candidates)


def analyze(
    network: Network,
    targets: Sequence[Opening] | None = None,
    *,
    as_of: dt.date | None = None,
    top: int | None = None,
    paths: int = 0,
    index: NetworkIndex | None = None,
    model: ReferralModel | None = None,
    allow_none: bool = False,
    people: Sequence[tuple[str | None, Opening, str]] = (),
) -> Analysis:
    """Rank referrers for each target (the file's openings or sought companies by default).

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana, seeking: {companies: [Voltgrid]}}
    ... contacts: [{name: Bob, company: Voltgrid, trust: 4, knows_my_work: 3, met: 2020}]
    ... ''')
    >>> analysis = analyze(network, as_of=dt.date(2026, 11, 25))
    >>> [(c.name, c.action) for report in analysis.targets for c in report.candidates]
    [('Bob', 'signal-then-ask')]

    ``index``, the network's :class:`~warmreach.graph.NetworkIndex`, is built when not given;
    ``model``, a :class:`ReferralModel` of this network on this day, saves building one.
    With no target at all, :class:`~warmreach.errors.UsageError` is raised, unless
    ``allow_none`` (an empty analysis). ``people`` are people aimed at, each (their id, or
    None for someone not in the file; the target of their team; their name), as
    :func:`warmreach.matching.find_person` gives them: each gets a report of their own
    routes (at least 3 listed), after the targets'; someone not in the file is reached
    through the people at their company.
    """
    day = resolve_day(as_of) if model is None else model.as_of
    chosen = default_targets(network) if targets is None and not people else targets or []
    if not chosen and not people and not allow_none:
        raise UsageError(
            "nothing to analyze: the file has no openings and no me.seeking.companies; "
            "name a target with --target COMPANY[/TEAM]"
        )
    if model is None or (
        model.network is not network and model.network.contacts != network.contacts
    ):
        model = ReferralModel(network, as_of=day, index=index)
    reports = tuple(rank(model, target, top=top, paths=paths) for target in chosen)
    for person, target, name in people:
        if person is None:  # someone not in the file: the people at their company
            report = rank(model, target, top=top, paths=max(paths, 3))
        else:  # their own routes only: nobody else is explained
            item = next((i for i in model.evaluate(target) if i.contact.id == person), None)
            found = () if item is None else (explain(model, item, target, max(paths, 3)),)
            report = dataclasses.replace(
                target_report(model, target), candidates=found, total=len(found)
            )
        reports += (dataclasses.replace(report, person=person, person_name=name, bridges=()),)
    named = {
        person
        for report in reports
        for candidate in report.candidates
        for path in (candidate.path, *candidate.alternatives)
        for person in path
    }
    named.update(report.target.hiring_manager for report in reports if report.target.hiring_manager)
    contacts = network.contacts_by_id
    names = {person: contacts[person].name for person in sorted(named - {ME})}
    return Analysis(
        generated_for=network.me.name, as_of=day, targets=reports, names={ME: "you", **names}
    )


def model_for(
    network: Network,
    as_of: dt.date | None,
    model: ReferralModel | None = None,
    index: NetworkIndex | None = None,
) -> ReferralModel:
    """``model`` when it is this network's on the day ``as_of`` (None: the model's own),
    so that its rankings are shared with whoever else uses it; else a new one on
    ``index`` (another network's or another day's cannot be reused).

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network("{me: {name: Ana}, contacts: [{name: Bob, trust: 3}]}")
    >>> day = dt.date(2026, 11, 25)
    >>> model = ReferralModel(network, as_of=day)
    >>> [model_for(network, when, model) is model for when in (None, day, dt.date(2026, 12, 1))]
    [True, True, False]
    """
    if model is not None and model.network is network and as_of in (None, model.as_of):
        return model
    return ReferralModel(network, as_of=resolve_day(as_of), index=index)


def prepared_index(network: Network) -> NetworkIndex:
    """The index of ``network`` with what every ranking of it asks first: who each person
    knows among your direct ties (the last answer :meth:`KnowsMatrix.among` keeps), for
    the cache to keep with the network."""
    index = NetworkIndex.build(network)
    _ = _Basis.of(network, index).among_direct
    return index


__all__ = [
    "ACTIONS",
    "ASKS",
    "BANDS",
    "CEILING",
    "DIRECT",
    "FOLLOW_UP_DAYS",
    "HOP",
    "MAX_HOPS",
    "MIN_LIFT",
    "MIN_VOUCH_TRUST",
    "REFERRED",
    "Action",
    "Analysis",
    "AskState",
    "Band",
    "Bridge",
    "Candidate",
    "Evaluation",
    "FactorKind",
    "GrowthKind",
    "LinkStrengths",
    "Position",
    "Priced",
    "Reason",
    "ReasonKind",
    "ReferralModel",
    "ReviewKind",
    "Route",
    "Spelling",
    "Standing",
    "StopKind",
    "TargetReport",
    "TieStrength",
    "analyze",
    "ask_from",
    "band_of",
    "build_graph",
    "choose_action",
    "default_targets",
    "evidence_reasons",
    "follow_up_day",
    "interview_chance",
    "model_for",
    "position_reasons",
    "prepared_index",
    "rank",
    "rank_referrers",
    "route_score",
    "route_through",
    "target_report",
    "tie_strength",
    "with_people",
]
