"""``warmreach analyze`` as a table, markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from warmreach.reports.common import (
    LINK_WORDS,
    TABLE_WIDTH,
    Format,
    by_format,
    cell,
    console,
    console_text,
    name_width,
    path_text,
    plural,
    score_cell,
    score_words,
    target_title,
)
from warmreach.reports.words import reason_text
from warmreach.scoring import BANDS, DIRECT, REFERRED, Analysis, Candidate, TargetReport

if TYPE_CHECKING:  # rich is imported for terminal tables only
    from rich.console import Console

SCALE_NOTE = (
    f"Score: the chance of an interview through each person, counting the chance they do not "
    f"come through; {DIRECT:.2f} is applying directly, and an average referral, once made, "
    f"gives {REFERRED:.2f}. "
    + ", ".join(f"{name} from {least:.2f}" for name, least in BANDS[:-1])
    + " (docs/scoring.md)."
)


#: what a target nobody in your network is at says
NOBODY_THERE = "Nobody in your network is there yet."


def render_analysis(analysis: Analysis, fmt: Format, *, width: int = 120) -> str:
    """The analysis as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return by_format(
        fmt,
        table=lambda: analysis_table(analysis, width=width),
        markdown=lambda: analysis_markdown(analysis),
        data=lambda: analysis_json(analysis),
    )


def report_title(report: TargetReport) -> str:
    role = report.target.role
    title = target_title(report.company_name, report.team_name, [role] if role else [])
    if report.person_name is None:
        return title
    if report.person is None:
        return f"{report.person_name}, through the people at {title}"
    return f"Your routes to {report.person_name} ({title})"


#: reasons said once above the tables rather than on every row
_ONCE: frozenset[str] = frozenset({"available-from", "available-later"})


def reasons_text(candidate: Candidate) -> str:
    return "; ".join(reason_text(r) for r in candidate.reasons if r.kind not in _ONCE)


def analysis_notes(analysis: Analysis) -> list[str]:
    """What holds for every row: when you can ask."""
    said = {
        reason_text(reason)
        for report in analysis.targets
        for candidate in report.candidates
        for reason in candidate.reasons
        if reason.kind in _ONCE
    }
    return [text[0].upper() + text[1:] + "." for text in sorted(said)]


def shown_candidates(report: TargetReport) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates worth a row, and those no better than applying directly (one line)."""
    rows = [c for c in report.candidates if c.action != "apply-directly"]
    return rows, [c for c in report.candidates if c.action == "apply-directly"]


def hidden_line(report: TargetReport) -> str | None:
    """``Showing the best 2 of 7 people at Voltgrid; --top 7 lists them all.``"""
    hidden = report.total - len(report.candidates)
    if hidden <= 0:
        return None
    return (
        f"Showing the best {len(report.candidates)} of {report.total} people at "
        f"{report.company_name}; --top {report.total} lists them all."
    )


def others_line(report: TargetReport, others: Sequence[Candidate]) -> str:
    """``and 8 others at Fernway: no better than applying directly (A, B, C and 5 more)``."""
    names = [candidate.name for candidate in others[:3]]
    if len(others) > 3:
        names.append(f"{len(others) - 3} more")
    listing = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    count = plural(len(others), "other")
    lead = "and " if len(others) < len(report.candidates) else ""
    return f"{lead}{count} at {report.company_name}: no better than applying directly ({listing})"


def _print_stacked(
    out: Console, rank: int, candidate: Candidate, names: Mapping[str, str], width: int
) -> None:
    """One candidate as a few lines, for a terminal too narrow for the table: no line is
    broken by warmreach (the terminal wraps them), so no name is cut or split."""
    from rich.text import Text

    score = score_cell(candidate.score, width)
    out.print(Text(f"{rank:>2}. {candidate.name}  {score}  {candidate.action}"), soft_wrap=True)
    out.print(Text(f"    {path_text(candidate.path, names)}"), soft_wrap=True)
    out.print(Text(f"    {reasons_text(candidate)}"), soft_wrap=True)


def analysis_table(analysis: Analysis, *, width: int = 120) -> str:
    """Rich tables, one per target, rendered to plain text of the given width; below
    TABLE_WIDTH columns each person is a few lines instead."""
    from rich.table import Table
    from rich.text import Text

    out = console(width)
    out.print(f"Referral report for {analysis.generated_for}, as of {analysis.as_of}", markup=False)
    out.print(SCALE_NOTE, markup=False)
    for note in analysis_notes(analysis):
        out.print(Text(note))
    for report in analysis.targets:
        table = Table(title=Text(report_title(report)), title_justify="left", expand=True)
        rows, others = shown_candidates(report)
        table.add_column("#", justify="right", width=2)
        table.add_column("person", ratio=2, min_width=name_width(c.name for c in rows))
        table.add_column("score", no_wrap=True, width=15)
        table.add_column("action", no_wrap=True, width=15)
        table.add_column("path", ratio=3)
        table.add_column("reasons", ratio=5)
        for rank, candidate in enumerate(rows, start=1):
            table.add_row(
                str(rank),
                Text(candidate.name),
                score_cell(candidate.score, width),
                candidate.action,
                Text(path_text(candidate.path, analysis.names)),
                Text(reasons_text(candidate)),
            )
        out.print()
        if rows and width < TABLE_WIDTH:
            out.print(Text(report_title(report)))
            for rank, candidate in enumerate(rows, start=1):
                _print_stacked(out, rank, candidate, analysis.names, width)
        elif rows:
            out.print(table)
        elif not others:
            out.print(Text(f"{report_title(report)}: nobody in your network is there."))
        else:
            out.print(Text(report_title(report)))
        if others:
            out.print(Text(others_line(report, others)))
        for line in (hidden_line(report), spelling_line(report)):
            if line:
                out.print(Text(line))
        for line in alternative_lines(report, analysis.names):
            out.print(Text(line))
        for line in bridge_lines(report, analysis.names):
            out.print(line, markup=False)
    return console_text(out)


def spelling_line(report: TargetReport) -> str | None:
    """``Counted as Meta: 3 people at 'Meta Platforms, Inc.' (another name of ...)``."""
    if not report.spellings:
        return None
    parts = [
        f"{plural(spelling.people, 'person', 'people')} at '{spelling.written}' "
        f"({LINK_WORDS[spelling.how]})"
        for spelling in report.spellings
    ]
    return (
        f"Counted as {report.company_name}: {'; '.join(parts)}. If one is another company, "
        "list it under companies (warmreach validate --verbose shows where each is written)."
    )


def alternative_lines(report: TargetReport, names: Mapping[str, str]) -> list[str]:
    """ "Other paths:" and a line per candidate who has other routes (``--paths``, and
    ``--person``)."""
    lines = [
        f"  {candidate.name}: "
        + "; ".join(path_text(path, names) for path in candidate.alternatives)
        for candidate in report.candidates
        if candidate.alternatives
    ]
    return ["Other paths:", *lines] if lines else []


def bridge_lines(report: TargetReport, names: Mapping[str, str]) -> list[str]:
    return [
        f"Bridge: {bridge.name} can introduce you to "
        + ", ".join(names.get(person, person) for person in bridge.reaches)
        for bridge in report.bridges
    ]


def next_steps_text(file: str) -> str:
    """The line an analysis in a terminal ends with: what else warmreach answers."""
    return (
        f"\nNext: warmreach plan {file} --messages drafts this week's conversations; "
        f"warmreach report {file} --output report.html puts everything on one page to "
        "explore and share.\n"
    )


def analysis_markdown(analysis: Analysis) -> str:
    """A report a person can keep: a section per target, a table of candidates."""
    lines = [
        f"# Referral report for {analysis.generated_for}",
        "",
        f"As of {analysis.as_of}. {SCALE_NOTE}",
        *(["", *analysis_notes(analysis)] if analysis_notes(analysis) else []),
    ]
    for report in analysis.targets:
        lines += ["", f"## {report_title(report)}", ""]
        if report.target.hiring_manager:
            manager = analysis.names.get(report.target.hiring_manager, report.target.hiring_manager)
            lines += [f"Hiring manager: {manager}.", ""]
        if not report.candidates:
            lines.append(NOBODY_THERE)
            continue
        rows, others = shown_candidates(report)
        if rows:
            lines += [
                "| # | person | score | action | path | reasons |",
                "|---:|---|---:|---|---|---|",
            ]
        for rank, candidate in enumerate(rows, start=1):
            cells = [
                str(rank),
                candidate.name,
                score_words(candidate.score, candidate.band),
                f"`{candidate.action}`",
                path_text(candidate.path, analysis.names),
                reasons_text(candidate),
            ]
            lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
        if others:
            lines += ["", others_line(report, others) + "."]
        for line in (hidden_line(report), spelling_line(report)):
            if line:
                lines += ["", line]
        alternatives = alternative_lines(report, analysis.names)
        if alternatives:
            lines += ["", alternatives[0], "", *(f"- {line.strip()}" for line in alternatives[1:])]
        bridges = bridge_lines(report, analysis.names)
        if bridges:
            lines += [
                "",
                "Bridges:",
                "",
                *(f"- {line.removeprefix('Bridge: ')}" for line in bridges),
            ]
    return "\n".join(lines) + "\n"


def analysis_json(analysis: Analysis) -> str:
    """The stable JSON of ``analyze --format json`` (fields in docs/output-format.md), indented."""
    document = {
        "generated_for": analysis.generated_for,
        "as_of": analysis.as_of.isoformat(),
        "targets": [
            {
                "company": report.target.company,
                "team": report.target.team,
                "role": report.target.role,
                "hiring_manager": report.target.hiring_manager,
                "total": report.total,
                **(
                    {"person": report.person, "person_name": report.person_name}
                    if report.person_name is not None
                    else {}
                ),
                "spellings": [
                    {"written": spelling.written, "people": spelling.people, "how": spelling.how}
                    for spelling in report.spellings
                ],
                "candidates": [
                    {
                        "contact": candidate.contact,
                        "name": candidate.name,
                        "score": candidate.score,
                        "band": candidate.band,
                        "chance": candidate.chance,
                        "if_referred": candidate.if_referred,
                        "path": list(candidate.path),
                        "action": candidate.action,
                        "reasons": [reason_text(reason) for reason in candidate.reasons],
                        "factors": [
                            {"kind": reason.kind, **dict(reason.facts)}
                            for reason in candidate.reasons
                        ],
                        "position": str(candidate.position),
                        "bridge": candidate.bridge,
                        "alternatives": [list(path) for path in candidate.alternatives],
                        "ask_from": candidate.ask_from.isoformat() if candidate.ask_from else None,
                        "follow_up_on": (
                            candidate.follow_up_on.isoformat() if candidate.follow_up_on else None
                        ),
                    }
                    for candidate in report.candidates
                ],
                "bridges": [
                    {
                        "contact": bridge.contact,
                        "name": bridge.name,
                        "reaches": list(bridge.reaches),
                        "value": bridge.value,
                    }
                    for bridge in report.bridges
                ],
            }
            for report in analysis.targets
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
