"""Pictures of the network: :mod:`~warmreach.render.layout` decides what is drawn and
where (testable without drawing), :mod:`~warmreach.render.draw` draws it as PNG, SVG or
PDF with matplotlib."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from warmreach.graph import NetworkIndex
from warmreach.model import Network, Opening, redacted, resolve_day
from warmreach.render.draw import ImageFormat, draw, image_format
from warmreach.render.layout import Drawing, DrawnNode, DrawnPath, plan_drawing
from warmreach.scoring import ReferralModel, analyze, default_targets
from warmreach.text import initials

__all__ = [
    "Drawing",
    "DrawnNode",
    "DrawnPath",
    "ImageFormat",
    "draw",
    "image_format",
    "initials",
    "plan_drawing",
    "render_network",
]


def render_network(
    network: Network,
    fmt: ImageFormat,
    *,
    targets: Sequence[Opening] | None = None,
    top: int = 40,
    redact: bool = False,
    as_of: dt.date | None = None,
    dpi: int = 150,
    index: NetworkIndex | None = None,
) -> bytes:
    """Plan and draw the picture of ``network`` in one call; ``redact`` draws initials
    instead of names (:func:`~warmreach.model.redacted`)."""
    if redact:
        network = redacted(network)
    model = ReferralModel(network, as_of=resolve_day(as_of), index=index)
    chosen = default_targets(network) if targets is None else targets
    analysis = analyze(network, chosen, model=model, allow_none=True)
    return draw(plan_drawing(model, analysis, top=top), fmt, dpi=dpi)
