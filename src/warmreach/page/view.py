"""The page's network view: the picture ``warmreach render`` lays out, written as SVG.

The layout is :func:`warmreach.render.plan_drawing`'s, so the page and the picture agree
on where everyone is; this module only writes it as SVG elements the page's script can
find: each person a focusable ``<g class="person">`` whose classes name the targets
whose highlighted routes run through them (``t0``, ``t1`` …), each route a ``<polyline
class="route t0">``. Layout units are scaled by :data:`SCALE` and ``y`` is flipped (SVG
counts down). Nothing here reads the clock or a random source: the same drawing gives
the same text.
"""

from __future__ import annotations

import math
from typing import Final

from warmreach.model import ME
from warmreach.page.markup import text
from warmreach.render.draw import TEAM_RADIUS, path_line, upright
from warmreach.render.layout import COLOURS, LABEL_RADIUS, Drawing, DrawnNode

#: SVG user units per layout unit
SCALE: Final = 100
#: half the width of the square the view shows at first, in user units, at least
EXTENT: Final = 640
#: the most characters of a name written on the rim (a longer one ends in "…"; the
#: details panel and the tables have it whole)
LABEL_CHARS: Final = 32
#: the width of a character of a name, as a share of its size (a wide letter's)
CHAR_WIDTH: Final = 0.62
#: a route's width and opacity by its rank among its target's routes
ROUTE_WIDTH: Final = {1: 4.8, 2: 3.0}
ROUTE_OPACITY: Final = {1: 0.95, 2: 0.7}


def _point(x: float, y: float) -> str:
    return f"{x * SCALE:.1f},{-y * SCALE:.1f}"


def _polar(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.cos(angle), radius * math.sin(angle)


def person_key(number: int) -> str:
    """The id of the ``number``-th person drawn (1 for the first after you): never a
    contact id, which would spell a redacted name."""
    return f"p{number}"


def view_svg(drawing: Drawing, *, title: str, description: str) -> str:
    """The drawing as one ``<svg>`` element, with ``title`` and ``description`` as its
    text alternative."""
    half = extent(drawing)
    parts = [
        f'<svg id="view" viewBox="{-half} {-half} {2 * half} {2 * half}" '
        'xmlns="http://www.w3.org/2000/svg" role="group" '
        'aria-labelledby="view-title" aria-describedby="view-desc">',
        f'<title id="view-title">{text(title)}</title>',
        f'<desc id="view-desc">{text(description)}</desc>',
        '<g id="stage">',
        *_sectors(drawing),
        *_edges(drawing),
        *_routes(drawing),
        f'<g font-size="{name_size(drawing):.1f}">',
        *_people(drawing),
        "</g></g></svg>",
    ]
    return "".join(parts)


#: the least and the largest size of a name on the rim, in user units
NAME_SIZES: Final = (9.0, 16.0)


def name_size(drawing: Drawing) -> float:
    """The size of the names on the rim: as large as the room between neighbours allows
    (each person and each company takes a slot of the circle), within NAME_SIZES.

    >>> from warmreach.render.layout import Drawing
    >>> name_size(Drawing(title="", nodes=(), edges=(), paths=(), companies=(),
    ...                   others=None, field_name=None))
    16.0
    """
    slots = len(drawing.nodes) + sum(1 for arc in drawing.companies if not arc.team)
    room = 2 * math.pi * LABEL_RADIUS * SCALE / max(slots, 1)
    least, largest = NAME_SIZES
    return max(least, min(largest, 0.8 * room))


def label(node: DrawnNode) -> str:
    """What the rim says of a person: their name (cut at LABEL_CHARS) and action.

    >>> from warmreach.render.layout import DrawnNode
    >>> node = DrawnNode(id="x", label="A" * 40, x=0, y=0, angle=0, colour="other",
    ...                  hiring_team=False, action="ask-intro", tie=0.5)
    >>> label(node)
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA… · ask-intro'
    """
    return _name(node) + _action(node)


def _name(node: DrawnNode) -> str:
    return node.label if len(node.label) <= LABEL_CHARS else node.label[: LABEL_CHARS - 1] + "…"


def _action(node: DrawnNode) -> str:
    return f" · {node.action}" if node.action else ""


def extent(drawing: Drawing) -> int:
    """Half the side of the square the view shows at first: room for the longest label on
    the rim, and at least EXTENT."""
    longest = max((len(label(node)) for node in drawing.nodes[1:]), default=0)
    needed = LABEL_RADIUS * SCALE + CHAR_WIDTH * name_size(drawing) * longest + 16
    return max(EXTENT, math.ceil(needed))


def _sectors(drawing: Drawing) -> list[str]:
    """The target companies shaded, each company's name on its sector, each team of a
    target company as an arc with its name."""
    parts = []
    for arc in drawing.companies:
        middle = (arc.start + arc.end) / 2
        if arc.team:
            gap = min(0.02, (arc.end - arc.start) / 8)
            start, end = arc.start + gap, arc.end - gap
            parts.append(
                f'<path class="team" d="M{_point(*_polar(TEAM_RADIUS, start))} '
                f"A{TEAM_RADIUS * SCALE:.1f},{TEAM_RADIUS * SCALE:.1f} 0 "
                f'{int(end - start > math.pi)} 0 {_point(*_polar(TEAM_RADIUS, end))}"/>'
            )
            radius, kind = TEAM_RADIUS - 0.22, "team-name"
        else:
            if arc.target:
                parts.append(_wedge(LABEL_RADIUS - 0.25, 0.35, arc.start, arc.end))
            radius, kind = LABEL_RADIUS - 0.4, "company target" if arc.target else "company"
        x, y = _polar(radius, middle)
        rotation = -upright(math.degrees(middle) - 90)
        parts.append(
            f'<text class="{kind}" x="{x * SCALE:.1f}" y="{-y * SCALE:.1f}" '
            f'transform="rotate({rotation:.1f} {x * SCALE:.1f} {-y * SCALE:.1f})">'
            f"{text(arc.name)}</text>"
        )
    return parts


def _wedge(outer: float, inner: float, start: float, end: float) -> str:
    """An annular sector from ``start`` to ``end`` (radians), the shade of a target."""
    large = int(end - start > math.pi)
    o, i = outer * SCALE, inner * SCALE
    return (
        f'<path class="sector" d="M{_point(*_polar(outer, start))} '
        f"A{o:.1f},{o:.1f} 0 {large} 0 {_point(*_polar(outer, end))} "
        f"L{_point(*_polar(inner, end))} "
        f'A{i:.1f},{i:.1f} 0 {large} 1 {_point(*_polar(inner, start))}Z"/>'
    )


def _edges(drawing: Drawing) -> list[str]:
    nodes = {node.id: node for node in drawing.nodes}
    return [
        f'<line class="tie" x1="{nodes[u].x * SCALE:.1f}" y1="{-nodes[u].y * SCALE:.1f}" '
        f'x2="{nodes[v].x * SCALE:.1f}" y2="{-nodes[v].y * SCALE:.1f}" '
        f'stroke-width="{1.5 * width:.2f}"/>'
        for u, v, width in drawing.edges
    ]


def _routes(drawing: Drawing) -> list[str]:
    """The best routes, the best of each target drawn last (on top)."""
    nodes = {node.id: node for node in drawing.nodes}
    return [
        f'<polyline class="route t{path.number}" '
        f'points="{" ".join(_point(x, y) for x, y in path_line([(nodes[n].x, nodes[n].y) for n in path.nodes]))}" '  # noqa: E501
        f'stroke="{path.colour}" '
        f'stroke-width="{ROUTE_WIDTH.get(path.rank, 1.8)}" '
        f'stroke-opacity="{ROUTE_OPACITY.get(path.rank, 0.5)}"/>'
        for path in sorted(drawing.paths, key=lambda path: (-path.rank, path.number))
    ]


def _people(drawing: Drawing) -> list[str]:
    """You, then each person: a mark, a line to their label on the rim, the label."""
    on_routes: dict[str, list[int]] = {}
    for path in drawing.paths:
        for person in path.nodes:
            if path.number not in on_routes.setdefault(person, []):
                on_routes[person].append(path.number)
    parts = []
    for number, node in enumerate(drawing.nodes):
        if node.id == ME:
            parts.append(
                f'<g class="me"><circle r="16" fill="{COLOURS["you"]}"/>'
                '<text class="you" y="38">you</text></g>'
            )
            continue
        targets = "".join(f" t{target}" for target in sorted(on_routes.get(node.id, [])))
        parts.append(
            f'<g class="person{targets}{" candidate" if node.action else ""}" '
            f'id="{person_key(number)}" tabindex="0" role="button" '
            f'aria-label="{text(node.label + _action(node))}">'
            f"{_mark(node)}{_rim(node)}</g>"
        )
    return parts


def _mark(node: DrawnNode) -> str:
    """A dot as large as the tie is strong, a star for the hiring team, ringed when the
    person is one of a target's best."""
    radius = 6 + 5 * node.tie
    fill = COLOURS[node.colour]
    ring = ' stroke="#0f172a" stroke-width="2"' if node.action else ' stroke="#ffffff"'
    x, y = node.x * SCALE, -node.y * SCALE
    if not node.hiring_team:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{fill}"{ring}/>'
    outer = radius * 1.6
    points = " ".join(
        f"{x + r * math.sin(k * math.pi / 5):.1f},{y - r * math.cos(k * math.pi / 5):.1f}"
        for k in range(10)
        for r in [outer if k % 2 == 0 else outer * 0.45]
    )
    return f'<polygon points="{points}" fill="{fill}"{ring}/>'


def _rim(node: DrawnNode) -> str:
    """The line out to the rim and the label there, along the person's angle, never
    upside down."""
    lx, ly = _polar(LABEL_RADIUS, node.angle)
    degrees = math.degrees(node.angle) % 360
    left = 90 < degrees < 270
    rotation = -(degrees - 180 if left else degrees)
    anchor = ' text-anchor="end"' if left else ""
    x, y = lx * SCALE, -ly * SCALE
    return (
        f'<line class="leader" x1="{node.x * SCALE:.1f}" y1="{-node.y * SCALE:.1f}" '
        f'x2="{x:.1f}" y2="{y:.1f}"/>'
        f'<text class="name" x="{x:.1f}" y="{y:.1f}"{anchor} '
        f'transform="rotate({rotation:.1f} {x:.1f} {y:.1f})">{text(_name(node))}'
        f'<tspan class="action">{text(_action(node))}</tspan></text>'
    )
