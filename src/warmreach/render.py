"""A picture of the network around you, with the best paths to each target highlighted.

Two steps, so that what is drawn can be tested without drawing it:

1. :func:`plan_drawing` chooses the people (you, everyone on the best paths, then the
   strongest ties and the best candidates, up to ``top``) and lays them out around you:
   the stronger your tie, the closer to the centre; people of one company side by side,
   so that a target company reads as one cluster; every label on the rim, at its
   person's angle, so that labels never pile up.
2. :func:`draw` turns that plan into PNG, SVG or PDF bytes with matplotlib (Agg,
   imported only here), with names drawn literally (no mathtext) and no dates in the
   file's metadata, so the same input gives the same bytes.

>>> import datetime as dt
>>> from warmreach.loading import parse_network
>>> network = parse_network('''
... me: {name: Ana Lima, seeking: {companies: [Voltgrid]}}
... contacts:
...   - {name: Bob Chen, company: Voltgrid, trust: 5, knows_my_work: 4, last_contact: 2026-11}
...   - {name: Eva Berg, company: Voltgrid, trust: 0, knows: [Bob Chen]}
... ''')
>>> drawing = plan_drawing(network, as_of=dt.date(2026, 11, 25))
>>> [node.id for node in drawing.nodes], drawing.paths[0].nodes
(['me', 'bob-chen', 'eva-berg'], ('me', 'bob-chen'))
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, assert_never

from warmreach.gaps import classify_industries, target_field
from warmreach.matching import Taxonomy
from warmreach.model import ME, Network, Opening
from warmreach.scoring import MAX_HOPS, ReferralModel, TargetReport, default_targets

ImageFormat = Literal["png", "svg", "pdf"]
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
    #: the name, or initials when redacted
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
    #: 1 for the target's best candidate
    rank: int
    nodes: tuple[str, ...]
    #: index into PATH_COLOURS
    colour: int


@dataclass(frozen=True, kw_only=True)
class CompanyArc:
    """The angular sector of a company's people."""

    name: str
    start: float
    end: float
    target: bool


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


def initials(name: str) -> str:
    """Initials of a name, for redacted pictures.

    >>> initials("Ana Lima"), initials("王伟"), initials("O'Neil")
    ('A.L.', '王.', 'O.N.')
    """
    return "".join(f"{word[0].upper()}." for word in name.replace("'", " ").split()[:3] if word)


def plan_drawing(
    network: Network,
    *,
    targets: Sequence[Opening] | None = None,
    top: int = 40,
    redact: bool = False,
    as_of: dt.date | None = None,
) -> Drawing:
    """Choose whom to draw (at most ``top`` people besides you) and where."""
    day = as_of or dt.date.today()
    model = ReferralModel(network, as_of=day)
    chosen_targets = list(default_targets(network) if targets is None else targets)
    reports = [model.rank(target) for target in chosen_targets]
    contacts = network.contacts_by_id

    paths: list[DrawnPath] = []
    for index, report in enumerate(reports):
        label = _target_label(report)
        ranked = [candidate for candidate in report.candidates if candidate.path]
        for rank, candidate in enumerate(ranked[:PATHS_PER_TARGET], start=1):
            paths.append(
                DrawnPath(
                    target=label,
                    rank=rank,
                    nodes=candidate.path,
                    colour=index % len(PATH_COLOURS),
                )
            )
    actions = {
        candidate.contact: candidate.action
        for report in reports
        for candidate in report.candidates[:PATHS_PER_TARGET]
    }

    selected: dict[str, None] = {}
    for path in paths:
        selected.update(dict.fromkeys(node for node in path.nodes if node != ME))
    ranked_people = sorted(
        (
            -model.ties[contact.id].probability if contact.id in model.ties else 0.0,
            contact.id,
        )
        for contact in network.contacts
    )
    candidates = [
        candidate.contact for report in reports for candidate in report.candidates if candidate.path
    ]
    for person in [*candidates[: top // 2], *(contact for _, contact in ranked_people)]:
        if len(selected) >= top:
            break
        selected.setdefault(person, None)
    people = list(selected)  # every path's people, then up to ``top`` in all

    taxonomy = Taxonomy.load()
    industries, _ = classify_industries(network, taxonomy, only=people)
    aimed_at = target_field(taxonomy, network.me.seeking.industries, (), strict=False)
    target_fields = {taxonomy.industries[industry].field for industry in aimed_at.industries}
    adjacent = {
        other for field in target_fields for other in taxonomy.fields[field].adjacent
    } - target_fields

    def colour(person: str) -> FieldColour:
        match = industries.get(person)
        if match is None or not target_fields:
            return "other"
        if match.field in target_fields:
            return "field"
        return "adjacent" if match.field in adjacent else "other"

    target_companies = [target.company for target in chosen_targets]
    hiring = {person for target in chosen_targets for person in model.hiring_team(target)}

    # companies in angular order: targets first, then by how many people are drawn
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
        members = sorted(groups[company], key=lambda person: (_radius(person, model), person))
        start = position * step + math.pi / 2
        for member in members:
            angle = position * step + math.pi / 2 + step / 2
            radius = _radius(member, model)
            tie = model.ties[member].probability if member in model.ties else 0.0
            name = contacts[member].name
            nodes.append(
                DrawnNode(
                    id=member,
                    label=initials(name) if redact else name,
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
        if company:
            arcs.append(
                CompanyArc(
                    name=network.companies_by_id[company].name,
                    start=start,
                    end=position * step + math.pi / 2,
                    target=company in target_companies,
                )
            )
        position += 1

    drawn = {node.id for node in nodes}
    in_order = [ME, *(contact.id for contact in network.contacts if contact.id in drawn)]
    edges = [  # each edge once, from the person earlier in the file (you first)
        (person, other, round(1.5 * math.exp(-length), 3))
        for index, person in enumerate(in_order)
        for other in in_order[index + 1 :]
        for length in [model.length(person, other)]
        if length is not None
    ]
    hidden = [contact for contact in network.contacts if contact.id not in drawn]
    others = None
    if hidden:
        companies = len({contact.company for contact in hidden if contact.company})
        others = f"+ {len(hidden):,} others at {companies:,} companies"
    me_name = initials(network.me.name) if redact else network.me.name
    aimed = ", ".join(_target_label(report) for report in reports) or "no target"
    field_names = [taxonomy.fields[field].name for field in sorted(target_fields)]
    return Drawing(
        title=f"{me_name}'s network, as of {day.isoformat()}\nbest paths to {aimed}",
        nodes=tuple(nodes),
        edges=tuple(sorted(edges)),
        paths=tuple(paths),
        companies=tuple(arcs),
        others=others,
        field_name=" / ".join(field_names) or None,
    )


def _target_label(report: TargetReport) -> str:
    return report.company_name + (f" / {report.team_name}" if report.team_name else "")


def _radius(person: str, model: ReferralModel) -> float:
    tie = model.ties.get(person)
    if tie is not None and tie.probability > 0:
        return RING_STRONG + (RING_WEAK - RING_STRONG) * (1 - tie.probability)
    found = model.path_to(person)
    hops = MAX_HOPS if found is None else min(len(found[1]) - 1, MAX_HOPS)
    return RING_INDIRECT.get(hops, RING_INDIRECT[MAX_HOPS])


def draw(drawing: Drawing, fmt: ImageFormat, *, dpi: int = 150) -> bytes:
    """The picture as PNG, SVG or PDF bytes; the same drawing gives the same bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Wedge

    settings: dict[Any, Any] = {
        "text.parse_math": False,  # "$5 fund" is a name, not mathematics
        "text.usetex": False,
        "svg.hashsalt": "warmreach",
        "svg.fonttype": "none",
        "pdf.fonttype": 42,
        "font.family": "DejaVu Sans",
        "axes.unicode_minus": False,
    }
    with plt.rc_context(settings):
        figure, axes = plt.subplots(figsize=(11, 11))
        try:
            _draw_on(axes, drawing, Wedge)
            handles = _legend(drawing, Line2D)
            axes.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
            axes.set_title(drawing.title, fontsize=11)
            axes.set_xlim(-6.2, 6.2)
            axes.set_ylim(-6.2, 6.2)
            axes.set_aspect("equal")
            axes.axis("off")
            buffer = io.BytesIO()
            match fmt:
                case "png":
                    metadata: dict[str, str | None] = {"Software": None}
                case "svg":
                    metadata = {"Date": None, "Creator": None}
                case "pdf":
                    metadata = {
                        "CreationDate": None,
                        "ModDate": None,
                        "Creator": None,
                        "Producer": None,
                    }
                case _:
                    assert_never(fmt)
            figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
        finally:
            plt.close(figure)
    return buffer.getvalue()


def _draw_on(axes: Any, drawing: Drawing, wedge: Any) -> None:
    plot, text, scatter, add_patch = axes.plot, axes.text, axes.scatter, axes.add_patch
    nodes = {node.id: node for node in drawing.nodes}

    for arc in drawing.companies:
        if arc.target:
            add_patch(
                wedge(
                    (0, 0),
                    LABEL_RADIUS - 0.25,
                    math.degrees(arc.start),
                    math.degrees(arc.end),
                    width=LABEL_RADIUS - 0.6,
                    facecolor="#f1f5f9",
                    edgecolor="none",
                    zorder=0,
                )
            )
        middle = (arc.start + arc.end) / 2
        radius = LABEL_RADIUS - 0.4  # between the outer ring and the names
        text(
            radius * math.cos(middle),
            radius * math.sin(middle),
            arc.name,
            fontsize=8 if arc.target else 6.5,
            fontweight="bold" if arc.target else "normal",
            color="#1e293b" if arc.target else "#64748b",
            ha="center",
            va="center",
            rotation=_upright(math.degrees(middle) - 90),
            rotation_mode="anchor",
            zorder=4,
        )
    for u, v, width in drawing.edges:
        a, b = nodes[u], nodes[v]
        plot([a.x, b.x], [a.y, b.y], color="#cbd5e1", linewidth=width, zorder=1)
    for path in sorted(drawing.paths, key=lambda path: -path.rank):
        xs = [nodes[node].x for node in path.nodes]
        ys = [nodes[node].y for node in path.nodes]
        plot(
            xs,
            ys,
            color=PATH_COLOURS[path.colour],
            linewidth={1: 3.2, 2: 2.0}.get(path.rank, 1.2),
            alpha={1: 0.95, 2: 0.7}.get(path.rank, 0.5),
            zorder=2,
            solid_capstyle="round",
        )
    for node in drawing.nodes:
        size = 260 if node.id == ME else 50 + 150 * node.tie
        if node.hiring_team:
            size *= 2.2
        scatter(
            [node.x],
            [node.y],
            s=size,
            c=COLOURS[node.colour],
            marker="*" if node.hiring_team else "o",
            edgecolors="#0f172a" if node.action else "white",
            linewidths=1.2 if node.action else 0.6,
            zorder=3,
        )
        if node.id == ME:
            text(0, -0.35, "you", ha="center", va="top", fontsize=9, fontweight="bold")
            continue
        lx, ly = LABEL_RADIUS * math.cos(node.angle), LABEL_RADIUS * math.sin(node.angle)
        plot([node.x, lx], [node.y, ly], color="#e2e8f0", linewidth=0.5, zorder=1)
        label = node.label + (f" · {node.action}" if node.action else "")
        degrees = math.degrees(node.angle) % 360
        left = 90 < degrees < 270
        text(
            lx,
            ly,
            label,
            fontsize=7,
            ha="right" if left else "left",
            va="center",
            rotation=degrees - 180 if left else degrees,
            rotation_mode="anchor",
            color="#0f172a" if node.action else "#475569",
        )
    if drawing.others:
        text(0, -6.0, drawing.others, ha="center", fontsize=8, color="#475569")


def _upright(degrees: float) -> float:
    degrees = (degrees + 180) % 360 - 180
    return degrees + 180 if degrees < -90 or degrees > 90 else degrees


def _legend(drawing: Drawing, line: Any) -> list[Any]:
    handles: list[Any] = []
    field = drawing.field_name
    entries = [("you", "you")]
    if field:
        entries += [("field", f"in {field}"), ("adjacent", "adjacent field"), ("other", "other")]
    else:
        entries += [("other", "contact")]
    for key, label in entries:
        handles.append(
            line([], [], marker="o", linestyle="", color=COLOURS[key], markersize=7, label=label)
        )
    handles.append(
        line([], [], marker="*", linestyle="", color="#64748b", markersize=10, label="hiring team")
    )
    seen = []
    for path in drawing.paths:
        if path.target not in seen:
            seen.append(path.target)
            handles.append(
                line(
                    [],
                    [],
                    color=PATH_COLOURS[path.colour],
                    linewidth=3,
                    label=f"best paths to {path.target}",
                )
            )
    return handles


def image_format(suffix: str) -> ImageFormat:
    """The image format of a file suffix; ValueError for others.

    >>> image_format(".SVG")
    'svg'
    """
    match suffix.lower().lstrip("."):
        case "png":
            return "png"
        case "svg":
            return "svg"
        case "pdf":
            return "pdf"
    raise ValueError(f"cannot draw to '{suffix}': use .png, .svg or .pdf")


def render_network(
    network: Network,
    fmt: ImageFormat,
    *,
    targets: Sequence[Opening] | None = None,
    top: int = 40,
    redact: bool = False,
    as_of: dt.date | None = None,
    dpi: int = 150,
) -> bytes:
    """Plan and draw the picture of ``network`` in one call."""
    drawing = plan_drawing(network, targets=targets, top=top, redact=redact, as_of=as_of)
    return draw(drawing, fmt, dpi=dpi)
