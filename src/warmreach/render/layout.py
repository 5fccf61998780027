"""What the picture shows and where: the people around you, laid out, with the best paths.

:func:`plan_drawing` takes the analysis it draws, chooses the people (you, everyone on
the best paths, then the strongest ties and the best candidates, up to ``top``) and lays
them out around you: the stronger your tie, the closer to the centre; people of one
company side by side, so that a target company reads as one cluster; every label on the
rim, at its person's angle, so that labels never pile up. :mod:`warmreach.render.draw` draws it.

>>> import datetime as dt
>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana Lima, seeking: {companies: [Voltgrid]}}
... contacts:
...   - {name: Bob Chen, company: Voltgrid, trust: 5, knows_my_work: 4, last_contact: 2026-11}
...   - {name: Eva Berg, company: Voltgrid, trust: 0, knows: [Bob Chen]}
... ''')
>>> from warmreach.scoring import ReferralModel, analyze
>>> model = ReferralModel(network, as_of=dt.date(2026, 11, 25))
>>> drawing = plan_drawing(model, analyze(network, model=model))
>>> [node.id for node in drawing.nodes], drawing.paths[0].nodes
(['me', 'bob-chen', 'eva-berg'], ('me', 'bob-chen'))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from warmreach.matching import Taxonomy, classify_industries, target_field
from warmreach.model import ME, Network
from warmreach.scoring import MAX_HOPS, Analysis, ReferralModel, TargetReport
from warmreach.text import visible

FieldColour = Literal["field", "adjacent", "other", "you"]

#: how many of each target's best candidates get their path highlighted
PATHS_PER_TARGET: Final = 3
#: radius of the ring of a tie of strength 1 (closest) and 0 (farthest), and of people
#: known only through others, by the number of steps from you
RING_STRONG: Final = 1.0
RING_WEAK: Final = 2.4
RING_INDIRECT: Final = {2: 3.0, 3: 3.6}
#: labels sit on this circle, outside every ring
LABEL_RADIUS: Final = 4.3

COLOURS: Final = {
    "you": "#222222",
    "field": "#2a9d8f",
    "adjacent": "#e9a23b",
    "other": "#9aa5b1",
}
PATH_COLOURS: Final = ("#d62828", "#3a0ca3", "#0077b6", "#6a994e", "#bc4749")


@dataclass(frozen=True, kw_only=True)
class DrawnNode:
    """One person on the picture."""

    id: str
    #: the name (initials in a redacted network)
    label: str
    x: float
    y: float
    #: angle of the person around you, in radians (labels go on the rim at this angle)
    angle: float
    colour: FieldColour
    #: on (or managing) a target's hiring team
    hiring_team: bool
    #: the action of a highlighted candidate, else None
    action: str | None
    #: tie strength to you, 0 when known only through others
    tie: float


@dataclass(frozen=True, kw_only=True)
class DrawnPath:
    """A highlighted path from you to a candidate."""

    #: which target, for the legend
    target: str
    #: which target, as its place among the analysis's targets
    number: int
    #: 1 for the target's best candidate
    rank: int
    nodes: tuple[str, ...]

    @property
    def colour(self) -> str:
        """The colour of its target's routes."""
        return path_colour(self.number)


@dataclass(frozen=True, kw_only=True)
class CompanyArc:
    """The angular sector of a company's people (or, within a target company, of one of
    its teams: ``team`` is then True)."""

    name: str
    start: float
    end: float
    target: bool
    team: bool = False


@dataclass(frozen=True, kw_only=True)
class Drawing:
    """Everything :func:`draw` needs, decided and laid out."""

    title: str
    nodes: tuple[DrawnNode, ...]
    #: (u, v, width) of ties and links between drawn people
    edges: tuple[tuple[str, str, float], ...]
    paths: tuple[DrawnPath, ...]
    companies: tuple[CompanyArc, ...]
    #: "+ 2,914 others at 1,203 companies", or None when everyone is drawn
    others: str | None
    #: the field the colours refer to, for the legend
    field_name: str | None


def plan_drawing(model: ReferralModel, analysis: Analysis, *, top: int = 40) -> Drawing:
    """The picture of ``analysis``: whom to draw (at most ``top`` people besides you),
    in which colour, and where; ``model`` is the one the analysis was made with."""
    network = model.network
    reports = analysis.targets
    paths = _paths(reports)
    people = _people(model, reports, paths, top)
    colour, field_name = _colours(network, people)
    nodes, arcs = _placed(model, reports, people, colour)
    drawn = {node.id for node in nodes}
    hidden = [contact for contact in network.contacts if contact.id not in drawn]
    others = None
    if hidden:
        companies = len({contact.company for contact in hidden if contact.company})
        others = f"+ {len(hidden):,} others at {companies:,} companies"
    me_name = visible(network.me.name, newlines=False)
    aimed = (
        visible(", ".join(target_label(report) for report in reports), newlines=False)
        or "no target"
    )
    return Drawing(
        title=f"{me_name}'s network, as of {analysis.as_of.isoformat()}\nbest paths to {aimed}",
        nodes=tuple(nodes),
        edges=_edges(model, drawn),
        paths=tuple(paths),
        companies=tuple(arcs),
        others=others,
        field_name=field_name,
    )


def _paths(reports: Sequence[TargetReport]) -> list[DrawnPath]:
    """The best paths of each target, PATHS_PER_TARGET of them."""
    paths: list[DrawnPath] = []
    for number, report in enumerate(reports):
        ranked = [c for c in report.candidates if c.path and c.action != "apply-directly"]
        for place, candidate in enumerate(ranked[:PATHS_PER_TARGET], start=1):
            paths.append(
                DrawnPath(
                    target=visible(target_label(report), newlines=False),
                    number=number,
                    rank=place,
                    nodes=candidate.path,
                )
            )
    return paths


def _people(
    model: ReferralModel, reports: Sequence[TargetReport], paths: Sequence[DrawnPath], top: int
) -> list[str]:
    """Everyone on the best paths, then the best candidates (up to half of ``top``) and your
    strongest ties, up to ``top`` in all."""
    selected: dict[str, None] = {}
    for path in paths:
        selected.update(dict.fromkeys(node for node in path.nodes if node != ME))
    ranked_people = sorted(
        (
            -model.ties[contact.id].strength if contact.id in model.ties else 0.0,
            contact.id,
        )
        for contact in model.network.contacts
    )
    candidates = [
        candidate.contact for report in reports for candidate in report.candidates if candidate.path
    ]
    for person in [*candidates[: top // 2], *(contact for _, contact in ranked_people)]:
        if len(selected) >= top:
            break
        selected.setdefault(person, None)
    return list(selected)


def _colours(
    network: Network, people: Sequence[str]
) -> tuple[Callable[[str], FieldColour], str | None]:
    """Each drawn person's colour (in the field you seek, next to it, or other), and the
    field's name for the legend."""
    taxonomy = Taxonomy.load()
    industries, _ = classify_industries(network, taxonomy, only=people)
    aimed_at = target_field(taxonomy, network.me.seeking.industries, (), strict=False)

    def colour(person: str) -> FieldColour:
        match = industries.get(person)
        if aimed_at.contains(match):
            return "field"
        return "adjacent" if aimed_at.adjacent(match) else "other"

    return colour, " / ".join(aimed_at.names) or None


def _placed(
    model: ReferralModel,
    reports: Sequence[TargetReport],
    people: Sequence[str],
    colour: Callable[[str], FieldColour],
) -> tuple[list[DrawnNode], list[CompanyArc]]:
    """Where each person goes: companies in angular order (targets first, then by how many
    people are drawn), each person at the radius of their tie."""
    network = model.network
    contacts = network.contacts_by_id
    actions = {
        candidate.contact: candidate.action
        for report in reports
        for candidate in report.candidates[:PATHS_PER_TARGET]
    }
    target_companies = [report.target.company for report in reports]
    hiring = {person for report in reports for person in model.hiring_team(report.target)}
    groups: dict[str, list[str]] = {}
    for person in people:
        groups.setdefault(contacts[person].company or "", []).append(person)
    order = sorted(
        groups,
        key=lambda company: (
            target_companies.index(company)
            if company in target_companies
            else len(target_companies),
            -len(groups[company]),
            company,
        ),
    )
    slots = sum(len(groups[company]) + 1 for company in order) or 1
    step = 2 * math.pi / slots
    nodes = [
        DrawnNode(
            id=ME,
            label="you",
            x=0.0,
            y=0.0,
            angle=0.0,
            colour="you",
            hiring_team=False,
            action=None,
            tie=1.0,
        )
    ]
    arcs = []
    position = 0.5
    for company in order:
        teams = _team_order(model, reports, company) if company in target_companies else {}
        members = sorted(
            groups[company],
            key=lambda person: (
                teams.get(contacts[person].team or "", len(teams)),
                _radius(person, model),
                person,
            ),
        )
        start = position * step + math.pi / 2
        team_start: dict[str, float] = {}
        for member in members:
            team = contacts[member].team
            if teams and team:
                team_start.setdefault(team, position * step + math.pi / 2)
            angle = position * step + math.pi / 2 + step / 2
            radius = _radius(member, model)
            tie = model.ties[member].strength if member in model.ties else 0.0
            name = contacts[member].name
            nodes.append(
                DrawnNode(
                    id=member,
                    label=visible(name, newlines=False),
                    x=round(radius * math.cos(angle), 6),
                    y=round(radius * math.sin(angle), 6),
                    angle=angle,
                    colour=colour(member),
                    hiring_team=member in hiring,
                    action=actions.get(member),
                    tie=round(tie, 3),
                )
            )
            position += 1
            if teams and team and _last_of_team(members, member, contacts):
                arcs.append(
                    CompanyArc(
                        name=visible(
                            network.companies_by_id[company].teams_by_id[team].name,
                            newlines=False,
                        ),
                        start=team_start[team],
                        end=position * step + math.pi / 2,
                        target=True,
                        team=True,
                    )
                )
        if company:
            arcs.append(
                CompanyArc(
                    name=visible(network.companies_by_id[company].name, newlines=False),
                    start=start,
                    end=position * step + math.pi / 2,
                    target=company in target_companies,
                )
            )
        position += 1
    return nodes, arcs


def _team_order(
    model: ReferralModel, reports: Sequence[TargetReport], company: str
) -> dict[str, int]:
    """The order of a target company's teams around its sector: the hiring teams first
    (in the order of the targets), then the others by id."""
    hiring = [r.target.team for r in reports if r.target.company == company and r.target.team]
    others = sorted(
        {
            contact.team
            for contact in model.network.contacts
            if contact.company == company and contact.team and contact.team not in hiring
        }
    )
    return {team: rank for rank, team in enumerate(dict.fromkeys([*hiring, *others]))}


def _last_of_team(members: Sequence[str], member: str, contacts: Any) -> bool:
    """Whether ``member`` is the last of their team in ``members`` (drawn in that order)."""
    index = members.index(member)
    return index + 1 == len(members) or contacts[members[index + 1]].team != contacts[member].team


def _edges(model: ReferralModel, drawn: set[str]) -> tuple[tuple[str, str, float], ...]:
    """The ties and links between drawn people, each once, from the person earlier in the
    file (you first), as wide as they are strong."""
    in_order = [ME, *(contact.id for contact in model.network.contacts if contact.id in drawn)]
    edges = [
        (person, other, round(1.5 * value, 3))
        for index, person in enumerate(in_order)
        for other in in_order[index + 1 :]
        for value in [_link_value(model, person, other)]
        if value is not None
    ]
    return tuple(sorted(edges))


def _radius(person: str, model: ReferralModel) -> float:
    tie = model.ties.get(person)
    if tie is not None and tie.strength > 0:
        return RING_STRONG + (RING_WEAK - RING_STRONG) * (1 - tie.strength)
    steps = _steps_from_you(model, person) or MAX_HOPS
    return RING_INDIRECT.get(steps, RING_INDIRECT[MAX_HOPS])


def path_colour(number: int) -> str:
    """The colour of the routes to the ``number``-th target (the colours repeat after
    PATH_COLOURS).

    >>> path_colour(0) == path_colour(len(PATH_COLOURS))
    True
    """
    return PATH_COLOURS[number % len(PATH_COLOURS)]


def legend_entries(drawing: Drawing) -> list[tuple[FieldColour | Literal["hiring"], str]]:
    """What the legend shows of the people, in order: each colour (or the hiring team's
    star) and its words; the routes' colours are named by their targets.

    >>> legend_entries(Drawing(title="", nodes=(), edges=(), paths=(), companies=(),
    ...                        others=None, field_name=None))
    [('you', 'you'), ('other', 'contact'), ('hiring', 'hiring team')]
    """
    entries: list[tuple[FieldColour | Literal["hiring"], str]] = [("you", "you")]
    if drawing.field_name:
        entries += [
            ("field", f"in {drawing.field_name}"),
            ("adjacent", "adjacent field"),
            ("other", "other"),
        ]
    else:
        entries.append(("other", "contact"))
    return [*entries, ("hiring", "hiring team")]


def target_label(report: TargetReport) -> str:
    """A target in a few words, for the legend: ``Voltgrid / Grid Storage Product``."""
    return report.company_name + (f" / {report.team_name}" if report.team_name else "")


def _link_value(model: ReferralModel, person: str, other: str) -> float | None:
    """How strongly two people are linked: your tie's strength when one is you, else the
    chance an introduction between them goes through; None when they are not linked."""
    if ME in (person, other):
        contact = other if person == ME else person
        strength = model.ties[contact].strength if contact in model.ties else 0.0
        return strength if strength > 0 else None
    return model.links.hop(person, other) if model.links.strength(person, other) else None


def _steps_from_you(model: ReferralModel, person: str) -> int | None:
    """How many steps ``person`` is from you (1: you know them yourself), up to MAX_HOPS;
    None when further."""
    if person in model.direct:
        return 1
    around = model.knows.get(person, {})
    if around.keys() & model.direct:
        return 2
    if any(model.knows.get(middle, {}).keys() & model.direct for middle in around):
        return 3
    return None
