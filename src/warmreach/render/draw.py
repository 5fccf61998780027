"""Drawing a planned picture with matplotlib (Agg, imported only when drawing).

Names are drawn literally (no mathtext) and no dates go into the file's metadata, so
the same drawing gives the same bytes.
"""

from __future__ import annotations

import io
import math
import warnings
from typing import Any, Literal, assert_never

from warmreach.model import ME
from warmreach.render.layout import COLOURS, LABEL_RADIUS, PATH_COLOURS, Drawing

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
            with warnings.catch_warnings():
                # a character no font here has is drawn as a box; matplotlib's warning
                # about it (with its own source path) is no message for a user
                warnings.filterwarnings("ignore", message="Glyph .* missing from")
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
