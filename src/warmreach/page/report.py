"""The report page: the analysis, the plan, the gaps and the view of one model, written
as one document.

>>> import datetime as dt
>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana Lima, seeking: {companies: [Sunforge]}}
... contacts:
...   - {name: "<b>Mei</b> Tanaka", company: Sunforge, trust: 4, knows_my_work: 3, met: 2020}
... ''')
>>> page = report_page(network, as_of=dt.date(2026, 11, 25))
>>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;Mei&lt;/b&gt; Tanaka" in page, "<b>" in page
(True, True, False)
>>> "Tanaka" in report_page(network, as_of=dt.date(2026, 11, 25), redact=True)
False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from warmreach.gaps import find_gaps
from warmreach.graph import NetworkIndex
from warmreach.model import Network, Opening, redacted, resolve_day
from warmreach.page import DRAWN
from warmreach.page.document import Parts, write_page
from warmreach.page.people import view_data
from warmreach.page.sections import analysis_section, gaps_section, plan_section
from warmreach.page.view import view_svg
from warmreach.plan import DEFAULT_HOURS
from warmreach.plan.week import plan_actions
from warmreach.render.layout import Drawing, legend_entries, plan_drawing
from warmreach.reports.analysis import report_title
from warmreach.reports.common import plural
from warmreach.scoring import ReferralModel, analyze, with_people
from warmreach.text import initials

__all__ = ["report_page"]


def report_page(
    network: Network,
    *,
    targets: Sequence[Opening] | None = None,
    people: Sequence[tuple[str | None, Opening, str]] = (),
    weights: Sequence[float] | None = None,
    hours: float = DEFAULT_HOURS,
    redact: bool = False,
    as_of: dt.date | None = None,
    top: int = 10,
    drawn: int = DRAWN,
    index: NetworkIndex | None = None,
) -> str:
    """The report page of ``network``: ``targets`` (the file's own when None) and
    ``people`` aimed at as ``warmreach analyze`` takes them, ``weights`` of the targets as
    ``plan`` does, ``hours`` for the week, ``top`` people per target in the tables and
    ``drawn`` in the view; ``redact`` puts initials for every name
    (:func:`~warmreach.model.redacted`). The same input gives the same text."""
    if redact:
        network = redacted(network)
        people = [(person, target, initials(name)) for person, target, name in people]
    day = resolve_day(as_of)
    model = ReferralModel(network, as_of=day, index=index)
    analysis = analyze(network, targets, model=model, top=top, people=people, allow_none=True)
    aimed, weighed = with_people(targets, people, weights)
    plan = plan_actions(
        network, hours=hours, as_of=day, targets=aimed, weights=weighed, model=model
    )
    gaps = find_gaps(network, as_of=day, model=model, targets=targets)
    drawing = plan_drawing(model, analysis, top=drawn)
    me = network.me.name
    titles = tuple(report_title(report) for report in analysis.targets)
    return write_page(
        Parts(
            title=f"Referral report for {me}",
            subtitle=f"As of {day.isoformat()}: who could refer you, this week's "
            f"conversations in {plural(hours, 'hour')}, and where your network is thin.",
            targets=titles,
            view=view_svg(
                drawing,
                title=f"{me}'s network around you",
                description=_description(drawing, titles),
            ),
            drawn=_drawn(drawing, len(network.contacts)),
            legend=tuple(legend_entries(drawing)),
            sections=analysis_section(analysis) + plan_section(plan) + gaps_section(gaps),
            data=view_data(model, analysis, plan, drawing),
        )
    )


def _drawn(drawing: Drawing, contacts: int) -> str:
    """What the view shows and what it leaves out."""
    shown = len(drawing.nodes) - 1
    lead = (
        "You at the centre; the stronger your tie, the closer a person; people of one "
        "company side by side, your targets shaded, the best routes to each in its colour."
    )
    if drawing.others is None:
        return f"{lead} All {plural(contacts, 'person', 'people')} in your network are drawn."
    return (
        f"{lead} Drawn: the {shown} people who matter most here (everyone on the best "
        f"routes, the best candidates, your strongest ties); not drawn: "
        f"{drawing.others.removeprefix('+ ')}. The tables below rank everyone."
    )


def _description(drawing: Drawing, titles: Sequence[str]) -> str:
    """The view in words, for people who cannot see it."""
    names = {node.id: node.label for node in drawing.nodes}
    best = [
        f"to {titles[path.number]}: " + " → ".join(names[person] for person in path.nodes)
        for path in drawing.paths
        if path.rank == 1
    ]
    words = f"{plural(len(drawing.nodes) - 1, 'person', 'people')} around you"
    if best:
        words += "; the best routes: " + "; ".join(best)
    return words + "."
