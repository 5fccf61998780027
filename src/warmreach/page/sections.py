"""The page's reading parts: the analysis, the week's plan and the gap report, in the
words of :mod:`warmreach.reports` (the same sentences as the terminal and markdown
reports), laid out as HTML sections and tables."""

from __future__ import annotations

from warmreach.gaps import GapReport
from warmreach.page.document import swatch
from warmreach.page.markup import prose, table, text
from warmreach.plan.result import Plan
from warmreach.reports.analysis import (
    NOBODY_THERE,
    SCALE_NOTE,
    alternative_lines,
    analysis_notes,
    bridge_lines,
    hidden_line,
    others_line,
    reasons_text,
    report_title,
    shown_candidates,
    spelling_line,
)
from warmreach.reports.common import path_text, plural, score_words
from warmreach.reports.gaps import (
    GAP_COLUMNS,
    STATUS_NOTE,
    field_title,
    gap_rows,
    suggestion_text,
)
from warmreach.reports.messages import step_message
from warmreach.reports.plan import (
    ODDS,
    QUEUED_COLUMNS,
    STEP_COLUMNS,
    empty_plan,
    odds_lines,
    plan_heading,
    plan_notes,
    queued_rows,
    step_rows,
)
from warmreach.scoring import Analysis


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{prose(line)}</p>" for line in lines)


def analysis_section(analysis: Analysis) -> str:
    """Each target's ranked people with score and band, action, path and reasons, then
    the people no better than applying directly, and the bridges."""
    parts = [
        '<section id="analysis" aria-labelledby="analysis-h">',
        '<h2 id="analysis-h">Who could refer you</h2>',
        _paragraphs([SCALE_NOTE, *analysis_notes(analysis)]),
    ]
    if not analysis.targets:
        parts.append(
            "<p>No target: add openings or <code>me.seeking.companies</code> to your file, "
            "or name one with <code>--target</code>.</p>"
        )
    for number, report in enumerate(analysis.targets):
        rows, others = shown_candidates(report)
        parts.append(f'<section class="target" id="target-{number}">')
        parts.append(f"<h3>{swatch(number)}{text(report_title(report))}</h3>")
        if report.target.hiring_manager:
            manager = analysis.names.get(report.target.hiring_manager, "")
            parts.append(f"<p>Hiring manager: {text(manager)}.</p>")
        if rows:
            parts.append(
                table(
                    ["#", "person", "score", "action", "path", "reasons"],
                    [
                        [
                            str(rank),
                            candidate.name,
                            score_words(candidate.score, candidate.band),
                            candidate.action,
                            path_text(candidate.path, analysis.names),
                            reasons_text(candidate),
                        ]
                        for rank, candidate in enumerate(rows, start=1)
                    ],
                    numeric=(0,),
                    keep=(2, 3),
                )
            )
        elif not others:
            parts.append(f"<p>{text(NOBODY_THERE)}</p>")
        lines = [others_line(report, others) + "."] if others else []
        lines += [line for line in (hidden_line(report), spelling_line(report)) if line]
        parts.append(_paragraphs(lines))
        alternatives = alternative_lines(report, analysis.names)
        if alternatives:
            parts.append(f"<p>{text(alternatives[0])}</p>")
            parts.append(_list([line.strip() for line in alternatives[1:]]))
        bridges = bridge_lines(report, analysis.names)
        if bridges:
            parts.append("<p>Bridges:</p>")
            parts.append(_list([line.removeprefix("Bridge: ") for line in bridges]))
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{prose(line)}</li>" for line in lines) + "</ul>"


def plan_section(plan: Plan) -> str:
    """The week: the conversations with minutes and gains, what is queued, your odds, and
    a draft message for each conversation."""
    parts = [
        '<section id="plan" aria-labelledby="plan-h">',
        '<h2 id="plan-h">This week</h2>',
        f"<p>{text(plan_heading(plan))}.</p>",
    ]
    if plan.steps:
        parts.append(
            table(
                STEP_COLUMNS,
                step_rows(plan),
                numeric=(0, 3, 4),
                keep=(1,),
            )
        )
    else:
        parts.append(f"<p>{prose(empty_plan(plan))}</p>")
    if plan.queued:
        parts.append("<h3>Queued for later weeks</h3>")
        parts.append(
            table(
                QUEUED_COLUMNS,
                queued_rows(plan),
                numeric=(3,),
                keep=(0, 1),
            )
        )
    parts.append(f"<h3>{text(ODDS.rstrip(':'))}</h3>")
    parts.append(_list(odds_lines(plan)))
    parts.append(_paragraphs(plan_notes(plan)))
    if plan.steps:
        parts.append("<h3>Messages to edit and send</h3>")
        for rank, step in enumerate(plan.steps, start=1):
            parts.append(
                '<article class="message">'
                f"<h4>{rank}. To {text(step.name)} ({text(step.action)})</h4>"
                f"<blockquote>{text(step_message(plan, step), newlines=True)}</blockquote>"
                "</article>"
            )
    parts.append("</section>")
    return "".join(parts)


def gaps_section(report: GapReport) -> str:
    """The gap report's summary: what you aim at, the suggestions, the companies, and how
    many people you have in the field."""
    counts = [
        plural(len(report.contacts_in_field), "person", "people") + " in the field",
        plural(len(report.role_holders), "person", "people") + " who hold the role you want",
        plural(len(report.adjacent), "direct tie") + " in adjacent fields",
    ]
    parts = [
        '<section id="gaps" aria-labelledby="gaps-h">',
        '<h2 id="gaps-h">Where your network is thin</h2>',
        f"<p>Aiming at: {text(field_title(report))}. You have "
        f"{text(', '.join(counts))} (<code>warmreach gaps</code> lists them).</p>",
        "<h3>Suggestions</h3>",
        _list([suggestion_text(line) for line in report.suggestions])
        if report.suggestions
        else "<p>None: your network covers the field you aim at.</p>",
    ]
    if report.companies:
        parts.append("<h3>Companies</h3>")
        parts.append(f"<p>{prose(STATUS_NOTE)}</p>")
        parts.append(
            table(
                GAP_COLUMNS,
                gap_rows(report),
                numeric=(2, 3, 4),
            )
        )
    parts.append("</section>")
    return "".join(parts)
