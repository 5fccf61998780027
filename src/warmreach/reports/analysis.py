"""``warmreach analyze`` as a table, markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text

from warmreach.reports.common import (
    Format,
    by_format,
    cell,
    console,
    console_text,
    score_bar,
)
from warmreach.scoring import DIRECT, REFERRED, Analysis, TargetReport

_SCALE_NOTE = (
    f"Scores estimate the chance of an interview through each person: {DIRECT:.2f} when "
    f"applying directly, up to {REFERRED:.2f} for an ideal referral (docs/scoring.md)."
)


def render_analysis(analysis: Analysis, fmt: Format, *, width: int = 120) -> str:
    """The analysis as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return by_format(
        fmt,
        table=lambda: analysis_table(analysis, width=width),
        markdown=lambda: analysis_markdown(analysis),
        data=lambda: analysis_json(analysis),
    )


def _path_text(path: Sequence[str], names: Mapping[str, str]) -> str:
    return " → ".join(names.get(person, person) for person in path) if path else "—"


def analysis_table(analysis: Analysis, *, width: int = 120) -> str:
    """Rich tables, one per target, rendered to plain text of the given width."""
    out = console(width)
    out.print(f"Referral report for {analysis.generated_for}, as of {analysis.as_of}", markup=False)
    out.print(_SCALE_NOTE, markup=False)
    for report in analysis.targets:
        table = Table(title=report.title, title_justify="left", expand=True)
        table.add_column("#", justify="right", width=2)
        table.add_column("person", ratio=2)
        table.add_column("score", no_wrap=True, width=15)
        table.add_column("action", no_wrap=True, width=15)
        table.add_column("path", ratio=3)
        table.add_column("reasons", ratio=5)
        for rank, candidate in enumerate(report.candidates, start=1):
            table.add_row(
                str(rank),
                Text(candidate.name),
                f"{score_bar(candidate.score)} {candidate.score:.2f}",
                candidate.action,
                Text(_path_text(candidate.path, analysis.names)),
                Text("; ".join(candidate.reasons)),
            )
        out.print()
        if report.candidates:
            out.print(table)
        else:
            out.print(f"{report.title}: nobody in your network is there.", markup=False)
        for line in _bridge_lines(report, analysis.names):
            out.print(line, markup=False)
    return console_text(out)


def _bridge_lines(report: TargetReport, names: Mapping[str, str]) -> list[str]:
    return [
        f"Bridge: {bridge.name} can introduce you to "
        + ", ".join(names.get(person, person) for person in bridge.reaches)
        for bridge in report.bridges
    ]


def analysis_markdown(analysis: Analysis) -> str:
    """A report a person can keep: a section per target, a table of candidates."""
    lines = [
        f"# Referral report for {analysis.generated_for}",
        "",
        f"As of {analysis.as_of}. {_SCALE_NOTE}",
    ]
    for report in analysis.targets:
        lines += ["", f"## {report.title}", ""]
        if report.target.hiring_manager:
            manager = analysis.names.get(report.target.hiring_manager, report.target.hiring_manager)
            lines += [f"Hiring manager: {manager}.", ""]
        if not report.candidates:
            lines.append("Nobody in your network is there yet.")
            continue
        lines += [
            "| # | person | score | action | path | reasons |",
            "|---:|---|---:|---|---|---|",
        ]
        for rank, candidate in enumerate(report.candidates, start=1):
            cells = [
                str(rank),
                candidate.name,
                f"{candidate.score:.2f}",
                f"`{candidate.action}`",
                _path_text(candidate.path, analysis.names),
                "; ".join(candidate.reasons),
            ]
            lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
        alternatives = [
            f"- {candidate.name}: "
            + "; ".join(_path_text(path, analysis.names) for path in candidate.alternatives)
            for candidate in report.candidates
            if candidate.alternatives
        ]
        if alternatives:
            lines += ["", "Other paths:", "", *alternatives]
        bridges = _bridge_lines(report, analysis.names)
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
                "candidates": [
                    {
                        "contact": candidate.contact,
                        "name": candidate.name,
                        "score": candidate.score,
                        "path": list(candidate.path),
                        "action": candidate.action,
                        "reasons": list(candidate.reasons),
                        "position": str(candidate.position),
                        "bridge": candidate.bridge,
                        "alternatives": [list(path) for path in candidate.alternatives],
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
