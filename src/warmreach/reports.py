"""Results as text for people and machines; this module never writes files.

>>> from warmreach.graph import NetworkSummary
>>> summary = NetworkSummary(contacts=3, direct_ties=2, known_through_others=1,
...                          companies=2, teams=1, openings=1, links=2)
>>> print(summary_text("network.yaml", summary))
network.yaml is valid
  3 contacts: 2 direct ties, 1 known only through others
  2 companies, 1 team, 1 opening
  2 links between contacts
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Literal, assert_never, get_args

from rich.console import Console
from rich.table import Table
from rich.text import Text

from warmreach.graph import NetworkSummary
from warmreach.scoring import DIRECT, REFERRED, Analysis, TargetReport


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless there is exactly one.

    >>> plural(1, "team"), plural(0, "company", "companies")
    ('1 team', '0 companies')
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def summary_text(file: str, summary: NetworkSummary) -> str:
    """The few lines ``warmreach validate`` prints for a valid network."""
    return "\n".join(
        [
            f"{file} is valid",
            f"  {plural(summary.contacts, 'contact')}: "
            f"{plural(summary.direct_ties, 'direct tie')}, "
            f"{summary.known_through_others} known only through others",
            f"  {plural(summary.companies, 'company', 'companies')}, "
            f"{plural(summary.teams, 'team')}, {plural(summary.openings, 'opening')}",
            f"  {plural(summary.links, 'link')} between contacts",
        ]
    )


# -- analyze --------------------------------------------------------------------------------

Format = Literal["table", "markdown", "json"]
#: the output formats, for the command line
FORMATS: tuple[Format, ...] = get_args(Format)

_SCALE_NOTE = (
    f"Scores estimate the chance of an interview through each person: {DIRECT:.2f} when "
    f"applying directly, up to {REFERRED:.2f} for an ideal referral (docs/scoring.md)."
)


def render_analysis(analysis: Analysis, fmt: Format, *, width: int = 120) -> str:
    """The analysis as a table (for terminals), markdown (to keep) or json (for scripts)."""
    match fmt:
        case "table":
            return analysis_table(analysis, width=width)
        case "markdown":
            return analysis_markdown(analysis)
        case "json":
            return analysis_json(analysis)
        case _:
            assert_never(fmt)


def _target_title(report: TargetReport) -> str:
    title = report.company_name
    if report.team_name:
        title += f" — {report.team_name}"
    if report.target.role:
        title += f" ({report.target.role})"
    return title


def _path_text(path: Sequence[str], names: Mapping[str, str]) -> str:
    return " → ".join(names.get(person, person) for person in path) if path else "—"


def score_bar(score: float, width: int = 10) -> str:
    """A bar of eighth blocks for a score in 0..1.

    >>> score_bar(0.58)
    '█████▊    '
    >>> score_bar(0.0), score_bar(1.0)
    ('          ', '██████████')
    """
    eighths = round(max(0.0, min(1.0, score)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")
    return bar.ljust(width)


def analysis_table(analysis: Analysis, *, width: int = 120) -> str:
    """Rich tables, one per target, rendered to plain text of the given width."""
    console = Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False
    )
    console.print(
        f"Referral report for {analysis.generated_for}, as of {analysis.as_of}", markup=False
    )
    console.print(_SCALE_NOTE, markup=False)
    for report in analysis.targets:
        table = Table(title=_target_title(report), title_justify="left", expand=True)
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
        console.print()
        if report.candidates:
            console.print(table)
        else:
            console.print(
                f"{_target_title(report)}: nobody in your network is there.", markup=False
            )
        for line in _bridge_lines(report, analysis.names):
            console.print(line, markup=False)
    return _strip_trailing_spaces(console.file.getvalue())  # type: ignore[attr-defined]


def _strip_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _bridge_lines(report: TargetReport, names: Mapping[str, str]) -> list[str]:
    return [
        f"Bridge: {bridge.name} can introduce you to "
        + ", ".join(names.get(person, person) for person in bridge.reaches)
        for bridge in report.bridges
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def analysis_markdown(analysis: Analysis) -> str:
    """A report a person can keep: a section per target, a table of candidates."""
    lines = [
        f"# Referral report for {analysis.generated_for}",
        "",
        f"As of {analysis.as_of}. {_SCALE_NOTE}",
    ]
    for report in analysis.targets:
        lines += ["", f"## {_target_title(report)}", ""]
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
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
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
    """The stable JSON of ``analyze --format json`` (fields in PRODUCT.md), indented."""
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
