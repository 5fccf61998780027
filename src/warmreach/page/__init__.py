"""``warmreach report``: one offline HTML page with everything, to read, explore and share.

The page holds the analysis (each target's ranked people, their action, path and
reasons, and the bridges), the week's plan with its messages, the gap report's summary,
and the network view: the layout of ``warmreach render`` written as SVG
(:mod:`~warmreach.page.view`), with a small script of the page's own to pan, zoom,
highlight a target's routes, find a person and show anyone's details. One model of the
network serves all of it, so every part gives a person the same route and action.

Why SVG and a hand-written script, not a JavaScript network library: the layout is the
one ``render`` already computes and tests (you at the centre, companies as sectors,
ties as rings), so the page and the picture agree; the script is about 230 lines and the
whole page about 60 KB for the samples; the output is deterministic and needs nothing
fetched, installed or vendored. A force-directed library would place people anew on
every open and hide the rings that say how strong each tie is.

The page is written by :func:`warmreach.page.report.report_page`; this module holds only
what the command line reads at start.
"""

from __future__ import annotations

from typing import Final

#: how many people the view draws besides you, at most
DRAWN: Final = 80

__all__ = ["DRAWN"]
