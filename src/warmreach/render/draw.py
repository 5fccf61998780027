"""Drawing a planned picture with matplotlib (Agg, imported only when drawing).

Names are drawn literally (no mathtext) and no dates go into the file's metadata, so
the same drawing gives the same bytes.
"""

from __future__ import annotations

import io
import itertools
import math
import warnings
from typing import Any, Final, Literal, assert_never

from warmreach.model import ME
from warmreach.render.layout import COLOURS, LABEL_RADIUS, Drawing, legend_entries

ImageFormat = Literal["png", "svg", "pdf"]


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
        "font.family": _fonts(),
        "axes.unicode_minus": False,
    }
    with plt.rc_context(settings), warnings.catch_warnings():
        # a character no font here has is drawn as a box; matplotlib's warning about it
        # (with its own source path) is no message for a user
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        figure, axes = plt.subplots(figsize=(11, 11))
        try:
            companies = _draw_on(axes, drawing, Wedge)
            handles = _legend(drawing, Line2D)
            # the legend and the count of people not drawn sit below the drawing, never on it
            figure.legend(
                handles=handles, loc="lower center", fontsize=8, frameon=False, ncol=3,
                bbox_to_anchor=(0.5, 0.015),
            )  # fmt: skip
            if drawing.others:
                figure.text(0.5, 0.095, drawing.others, ha="center", fontsize=8, color="#475569")
            axes.set_title(drawing.title, fontsize=11)
            axes.set_xlim(-6.2, 6.2)
            axes.set_ylim(-6.2, 6.2)
            axes.set_aspect("equal")
            axes.axis("off")
            figure.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.11)
            _settle(figure, companies)
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


#: the fonts names are drawn in, first to last: each character in the first that has it
#: (matplotlib's fallback), those present on this machine only
FONTS = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Noto Color Emoji",
    "Noto Emoji",
    "Segoe UI Symbol",
    "Segoe UI Emoji",
    "Apple Color Emoji",
)


def _fonts() -> list[str]:
    """The fonts of :data:`FONTS` this machine has (DejaVu Sans, which matplotlib ships,
    at least)."""
    from matplotlib import font_manager

    present = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in FONTS if name in present] or ["DejaVu Sans"]


def _draw_on(axes: Any, drawing: Drawing, wedge: Any) -> list[Any]:
    """Draw the picture; returns the company labels (placed again by :func:`_settle`)."""
    plot, text, scatter, add_patch = axes.plot, axes.text, axes.scatter, axes.add_patch
    nodes = {node.id: node for node in drawing.nodes}
    companies = []

    for arc in drawing.companies:
        if arc.team:  # a team within a target company: a thin arc inside its sector
            companies.append(_team(axes, arc))
            continue
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
        label = text(
            radius * math.cos(middle),
            radius * math.sin(middle),
            arc.name,
            fontsize=8 if arc.target else 6.5,
            fontweight="bold" if arc.target else "normal",
            color="#1e293b" if arc.target else "#64748b",
            ha="center",
            va="center",
            rotation=upright(math.degrees(middle) - 90),
            rotation_mode="anchor",
            zorder=4,
        )
        label.arc_middle = middle  # where _settle may move it, along its radius
        companies.append(label)
    for u, v, width in drawing.edges:
        a, b = nodes[u], nodes[v]
        plot([a.x, b.x], [a.y, b.y], color="#cbd5e1", linewidth=width, zorder=1)
    for path in sorted(drawing.paths, key=lambda path: -path.rank):
        xs, ys = zip(
            *path_line([(nodes[node].x, nodes[node].y) for node in path.nodes]), strict=True
        )
        plot(
            xs,
            ys,
            color=path.colour,
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
    return companies


#: how close to you a step between two other people may pass before it is drawn bent
CLEARANCE: Final = 0.9


def path_line(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The line a path is drawn along: straight from you to the first person, then each
    step between two others straight, or bent away from you when a straight line would
    pass within CLEARANCE of you (a chain must not read as two spokes of yours).

    >>> line = path_line([(0.0, 0.0), (-2.0, 0.1), (2.0, 0.1)])
    >>> min(math.hypot(x, y) for x, y in line[2:]) >= CLEARANCE
    True
    """
    line = [points[0]]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if (ax, ay) == points[0] or _distance_to_you(ax, ay, bx, by) >= CLEARANCE:
            line.append((bx, by))
        else:
            line += _bent(ax, ay, bx, by)
    return line


def _bent(ax: float, ay: float, bx: float, by: float) -> list[tuple[float, float]]:
    """A step drawn as a quadratic curve bulging away from you, as far as it takes to keep
    CLEARANCE from you (or the distance of its nearer end, when that is less)."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    mx, my = (ax + bx) / 2, (ay + by) / 2
    if nx * mx + ny * my < 0:  # the side of the step away from you
        nx, ny = -nx, -ny
    wanted = min(CLEARANCE, math.hypot(ax, ay), math.hypot(bx, by))
    bulge = 2 * (CLEARANCE + 0.2)
    curve: list[tuple[float, float]] = []
    for _ in range(12):
        cx, cy = mx + nx * bulge, my + ny * bulge
        curve = [
            (
                (1 - t) ** 2 * ax + 2 * (1 - t) * t * cx + t**2 * bx,
                (1 - t) ** 2 * ay + 2 * (1 - t) * t * cy + t**2 * by,
            )
            for t in (step / 24 for step in range(1, 25))
        ]
        if min(math.hypot(x, y) for x, y in curve) >= wanted - 1e-9:
            break
        bulge *= 1.5
    return curve


def _distance_to_you(ax: float, ay: float, bx: float, by: float) -> float:
    """How close the straight step from a to b passes to you (the origin)."""
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return math.hypot(ax + t * dx, ay + t * dy)


def text_boxes(figure: Any) -> list[tuple[Any, list[tuple[float, float]]]]:
    """Every text warmreach draws on ``figure`` (labels, title, legend, the count of
    people not drawn) with the corners of its box, rotated as drawn, in display
    coordinates."""
    renderer = figure.canvas.get_renderer()
    texts = [*figure.texts, *(text for legend in figure.legends for text in legend.get_texts())]
    for axes in figure.axes:
        texts += [*axes.texts, axes.title]
    return [
        (text, _corners(text, renderer))
        for text in texts
        if text.get_visible() and text.get_text().strip()
    ]


def _corners(text: Any, renderer: Any) -> list[tuple[float, float]]:
    """The corners of one text's box, rotated as drawn, in display coordinates."""
    angle = text.get_rotation()
    text.set_rotation(0)
    box = text.get_window_extent(renderer)
    text.set_rotation(angle)
    ax, ay = text.get_transform().transform(text.get_unitless_position())
    if text.get_rotation_mode() != "anchor":  # rotated about the box's centre
        ax, ay = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return [
        (ax + (x - ax) * cos - (y - ay) * sin, ay + (x - ax) * sin + (y - ay) * cos)
        for x, y in ((box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1))
    ]


def overlap(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Whether two convex boxes overlap by more than a hair (the separating axis test)."""
    for polygon in (a, b):
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            nx, ny = y2 - y1, x1 - x2
            first = [nx * x + ny * y for x, y in a]
            second = [nx * x + ny * y for x, y in b]
            scale = math.hypot(nx, ny) or 1.0
            if max(first) - min(second) < 0.5 * scale or max(second) - min(first) < 0.5 * scale:
                return False
    return True


def _settle(figure: Any, companies: list[Any]) -> None:
    """Move each company label that overlaps another text along its radius, smaller if
    need be, to the first place where it overlaps none (best effort: it stays where it
    was when no place is free)."""
    steps = [(0.0, 1.0), (-0.35, 1.0), (-0.7, 1.0), (0.0, 0.85), (-0.35, 0.85), (-0.7, 0.85),
             (-1.05, 0.85), (0.0, 0.7), (-0.35, 0.7), (-0.7, 0.7), (-1.05, 0.7)]  # fmt: skip
    figure.draw_without_rendering()  # lays out the legend, whose place the boxes below read
    renderer = figure.canvas.get_renderer()
    # every box is measured once; only the label being placed is measured again
    boxes = dict(text_boxes(figure))
    for label in companies:
        x, y = label.get_position()
        radius, middle, size = math.hypot(x, y), label.arc_middle, label.get_fontsize()
        others = [corners for text, corners in boxes.items() if text is not label]
        for inward, shrink in steps:
            label.set_position(((radius + inward) * math.cos(middle),
                                (radius + inward) * math.sin(middle)))  # fmt: skip
            label.set_fontsize(size * shrink)
            mine = _corners(label, renderer)
            if not any(overlap(mine, corners) for corners in others):
                break
        else:
            label.set_position((x, y))
            label.set_fontsize(size)
        boxes[label] = _corners(label, renderer)


#: where a target company's teams are drawn: an arc at this radius, named just inside it
TEAM_RADIUS: Final = LABEL_RADIUS - 1.05


def _team(axes: Any, arc: Any) -> Any:
    """Draw one team of a target company; returns its label (placed again by _settle)."""
    gap = min(0.02, (arc.end - arc.start) / 8)
    angles = [arc.start + gap + (arc.end - arc.start - 2 * gap) * i / 24 for i in range(25)]
    axes.plot(
        [TEAM_RADIUS * math.cos(a) for a in angles],
        [TEAM_RADIUS * math.sin(a) for a in angles],
        color="#94a3b8",
        linewidth=1.0,
        zorder=1,
        solid_capstyle="butt",
    )
    middle = (arc.start + arc.end) / 2
    radius = TEAM_RADIUS - 0.22
    label = axes.text(
        radius * math.cos(middle),
        radius * math.sin(middle),
        arc.name,
        fontsize=6,
        fontstyle="italic",
        color="#475569",
        ha="center",
        va="center",
        rotation=upright(math.degrees(middle) - 90),
        rotation_mode="anchor",
        zorder=4,
    )
    label.arc_middle = middle
    return label


def upright(degrees: float) -> float:
    """A text's rotation turned so that it never reads upside down.

    >>> upright(120.0), upright(-100.0), upright(30.0)
    (300.0, 80.0, 30.0)
    """
    degrees = (degrees + 180) % 360 - 180
    return degrees + 180 if degrees < -90 or degrees > 90 else degrees


def _legend(drawing: Drawing, line: Any) -> list[Any]:
    handles: list[Any] = []
    for key, label in legend_entries(drawing):
        if key == "hiring":
            handles.append(
                line([], [], marker="*", linestyle="", color="#64748b", markersize=10, label=label)
            )
        else:
            handles.append(
                line(
                    [], [], marker="o", linestyle="", color=COLOURS[key], markersize=7, label=label
                )
            )
    seen = []
    for path in drawing.paths:
        if path.target not in seen:
            seen.append(path.target)
            handles.append(
                line(
                    [],
                    [],
                    color=path.colour,
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
