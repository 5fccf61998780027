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
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, assert_never, get_args

from rich.console import Console
from rich.table import Table
from rich.text import Text

from warmreach.gaps import GapReport, Person
from warmreach.graph import NetworkSummary
from warmreach.plan import Plan

if TYPE_CHECKING:
    from warmreach.merging import ImportSummary
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
    return _by_format(
        fmt,
        table=lambda: analysis_table(analysis, width=width),
        markdown=lambda: analysis_markdown(analysis),
        data=lambda: analysis_json(analysis),
    )


def _by_format(
    fmt: Format, *, table: Callable[[], str], markdown: Callable[[], str], data: Callable[[], str]
) -> str:
    """The output of the renderer for ``fmt``."""
    match fmt:
        case "table":
            return table()
        case "markdown":
            return markdown()
        case "json":
            return data()
        case _:
            assert_never(fmt)


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
    console = _console(width)
    console.print(
        f"Referral report for {analysis.generated_for}, as of {analysis.as_of}", markup=False
    )
    console.print(_SCALE_NOTE, markup=False)
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
        console.print()
        if report.candidates:
            console.print(table)
        else:
            console.print(f"{report.title}: nobody in your network is there.", markup=False)
        for line in _bridge_lines(report, analysis.names):
            console.print(line, markup=False)
    return _strip_trailing_spaces(console.file.getvalue())  # type: ignore[attr-defined]


def _console(width: int) -> Console:
    """A rich console that renders plain text of a fixed width into a string."""
    return Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False
    )


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


# -- gaps -----------------------------------------------------------------------------------


def render_gaps(report: GapReport, fmt: Format, *, width: int = 120) -> str:
    """The gap report as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return _by_format(
        fmt,
        table=lambda: gaps_table(report, width=width),
        markdown=lambda: gaps_markdown(report),
        data=lambda: gaps_json(report),
    )


def _field_title(report: GapReport) -> str:
    wanted = ", ".join(report.field.asked) or "the companies you seek"
    if report.field.roles:
        wanted += " — " + " or ".join(report.field.roles)
    return wanted


def _gap_rows(report: GapReport) -> list[list[str]]:
    return [
        [
            gap.name + (" (sought)" if gap.sought else ""),
            gap.status,
            f"{gap.best_score:.2f}",
            str(len(gap.contacts)),
            str(len(gap.strong_ties)),
        ]
        for gap in report.companies
    ]


def _people_rows(people: Sequence[Person]) -> list[list[str]]:
    return [[person.name, f"{person.tie:.2f}", person.industry, person.where] for person in people]


def gaps_table(report: GapReport, *, width: int = 120) -> str:
    """Rich tables for the companies and people, then the suggestions, as plain text."""
    console = _console(width)
    console.print(f"Gap report for {report.generated_for}, as of {report.as_of}", markup=False)
    console.print(f"Aiming at: {_field_title(report)}", markup=False)
    sections: list[tuple[str, list[str], list[list[str]]]] = [
        (
            "Companies",
            ["company", "status", "best score", "people", "strong ties"],
            _gap_rows(report),
        ),
        (
            "People in the field",
            ["person", "tie", "industry", "role"],
            _people_rows(report.contacts_in_field),
        ),
        (
            "People who hold the role you want",
            ["person", "tie", "industry", "role"],
            _people_rows(report.role_holders),
        ),
        (
            "Adjacent fields: people who could bridge you in",
            ["person", "tie", "industry", "role"],
            _people_rows(report.adjacent),
        ),
    ]
    for title, columns, rows in sections:
        console.print()
        if not rows:
            console.print(f"{title}: none", markup=False)
            continue
        table = Table(title=title, title_justify="left", expand=False)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
    console.print()
    console.print("Suggestions:", markup=False)
    for line in report.suggestions:
        console.print(Text(f"- {line}"))
    if report.inferred:
        console.print()
        console.print(
            f"{len(report.inferred)} industries were inferred or read loosely; "
            "--format markdown or json lists them with their sources.",
            markup=False,
        )
    return _strip_trailing_spaces(console.file.getvalue())  # type: ignore[attr-defined]


def _markdown_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def gaps_markdown(report: GapReport) -> str:
    """A gap report a person can keep."""
    lines = [
        f"# Gap report for {report.generated_for}",
        "",
        f"As of {report.as_of}. Aiming at: {_field_title(report)}.",
        "",
        "## Suggestions",
        "",
        *(f"- {line}" for line in report.suggestions),
        "",
        "## Companies",
        "",
        "`covered`: someone there can vouch for you; `weak`: only introductions or ties to "
        "cultivate; `no-path`: nobody who helps yet. Scores as in `warmreach analyze`.",
        "",
        *_markdown_table(
            ["company", "status", "best score", "people", "strong ties"], _gap_rows(report)
        ),
    ]
    people_sections = [
        ("People in the field", report.contacts_in_field),
        ("People who hold the role you want", report.role_holders),
        ("Adjacent fields: people who could bridge you in", report.adjacent),
    ]
    for title, people in people_sections:
        lines += ["", f"## {title}", ""]
        if people:
            lines += _markdown_table(["person", "tie", "industry", "role"], _people_rows(people))
        else:
            lines.append("None yet.")
    if report.inferred:
        lines += [
            "",
            "## Industries warmreach filled in",
            "",
            *_markdown_table(
                ["contact", "industry", "from", "confidence"],
                [
                    [
                        inference.contact,
                        inference.value,
                        inference.source,
                        f"{inference.confidence:.2f}",
                    ]
                    for inference in report.inferred
                ],
            ),
        ]
    return "\n".join(lines) + "\n"


def gaps_json(report: GapReport) -> str:
    """The stable JSON of ``gaps --format json`` (fields in PRODUCT.md), indented."""

    def people(found: Sequence[Person]) -> list[dict[str, object]]:
        return [
            {
                "contact": p.contact,
                "name": p.name,
                "tie": p.tie,
                "industry": p.industry,
                "where": p.where,
            }
            for p in found
        ]

    document = {
        "generated_for": report.generated_for,
        "as_of": report.as_of.isoformat(),
        "field": {
            "asked": list(report.field.asked),
            "fields": list(report.field.fields),
            "industries": list(report.field.industries),
            "roles": list(report.field.roles),
        },
        "companies": [
            {
                "company": gap.company,
                "name": gap.name,
                "sought": gap.sought,
                "best_score": gap.best_score,
                "best_contact": gap.best_contact,
                "best_action": gap.best_action,
                "contacts": list(gap.contacts),
                "strong_ties": list(gap.strong_ties),
                "status": gap.status,
            }
            for gap in report.companies
        ],
        "contacts_in_field": [person.contact for person in report.contacts_in_field],
        "people_in_field": people(report.contacts_in_field),
        "role_holders": people(report.role_holders),
        "adjacent": people(report.adjacent),
        "inferred": [
            {
                "contact": inference.contact,
                "attribute": inference.attribute,
                "value": inference.value,
                "source": inference.source,
                "confidence": inference.confidence,
            }
            for inference in report.inferred
        ],
        "unknown_industry": list(report.unknown_industry),
        "suggestions": list(report.suggestions),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- plan -----------------------------------------------------------------------------------


def render_plan(plan: Plan, fmt: Format, *, width: int = 120) -> str:
    """The plan as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return _by_format(
        fmt,
        table=lambda: plan_table(plan, width=width),
        markdown=lambda: plan_markdown(plan),
        data=lambda: plan_json(plan),
    )


def _plan_heading(plan: Plan) -> str:
    return (
        f"{plural(len(plan.actions), 'action')} in {plan.minutes} of your "
        f"{plan.budget} minutes, best gain per minute first"
    )


def _plan_footer(plan: Plan) -> list[str]:
    lines = [
        f"{outlook.title}: best referral {outlook.before:.2f} → {outlook.after:.2f}"
        for outlook in plan.targets
    ]
    if plan.left_out:
        lines.append(
            f"{plural(plan.left_out, 'more action')} with a gain did not fit; "
            "give more time with --hours."
        )
    lines.append(
        "Gains: the rise in your best referral scores if the action succeeds (docs/plan.md). "
        "Record what you did with `warmreach log`."
    )
    return lines


def _plan_rows(plan: Plan) -> list[list[str]]:
    return [
        [str(rank), step.action, step.name, str(step.minutes), f"{step.gain:+.3f}", step.why]
        for rank, step in enumerate(plan.actions, start=1)
    ]


def plan_table(plan: Plan, *, width: int = 120) -> str:
    """One rich table of the chosen actions, then the targets' outlook, as plain text."""
    console = _console(width)
    console.print(f"Plan for {plan.generated_for}, week of {plan.as_of}", markup=False)
    console.print(_plan_heading(plan), markup=False)
    console.print()
    if plan.actions:
        table = Table(expand=True)
        table.add_column("#", justify="right", width=2)
        table.add_column("action", no_wrap=True, width=12)
        table.add_column("person", ratio=2)
        table.add_column("min", justify="right", width=3)
        table.add_column("gain", justify="right", width=6)
        table.add_column("why", ratio=7)
        for row in _plan_rows(plan):
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
    else:
        console.print("Nothing to do that would raise your odds this week.", markup=False)
    console.print()
    for line in _plan_footer(plan):
        console.print(Text(line))
    return _strip_trailing_spaces(console.file.getvalue())  # type: ignore[attr-defined]


def plan_markdown(plan: Plan) -> str:
    """A plan a person can keep."""
    lines = [
        f"# Plan for {plan.generated_for}, week of {plan.as_of}",
        "",
        _plan_heading(plan) + ".",
    ]
    lines.append("")
    if plan.actions:
        lines += _markdown_table(
            ["#", "action", "person", "minutes", "gain", "why"], _plan_rows(plan)
        )
    else:
        lines.append("Nothing to do that would raise your odds this week.")
    *outlook, note = _plan_footer(plan)
    lines += ["", "## If these succeed", "", *(f"- {line}" for line in outlook), "", note]
    return "\n".join(lines) + "\n"


def plan_json(plan: Plan) -> str:
    """The stable JSON of ``plan --format json`` (fields in PRODUCT.md), indented."""
    document = {
        "generated_for": plan.generated_for,
        "as_of": plan.as_of.isoformat(),
        "budget_minutes": plan.budget,
        "minutes": plan.minutes,
        "actions": [
            {
                "contact": step.contact,
                "name": step.name,
                "action": step.action,
                "minutes": step.minutes,
                "gain": step.gain,
                "why": step.why,
                "target": step.target,
                "to": step.to,
                "tell": list(step.tell),
            }
            for step in plan.actions
        ],
        "targets": [
            {
                "company": outlook.target.company,
                "team": outlook.target.team,
                "role": outlook.target.role,
                "before": outlook.before,
                "after": outlook.after,
            }
            for outlook in plan.targets
        ],
        "left_out": plan.left_out,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- import ---------------------------------------------------------------------------------

#: skipped records listed one by one; the rest are counted
SKIPPED_SHOWN = 20


def import_summary_text(source: str, summary: ImportSummary) -> str:
    """What ``warmreach import`` did, for a person: counts, job changes, skipped lines."""
    counts = (
        f"{len(summary.added)} new, {len(summary.updated)} updated "
        f"({plural(len(summary.job_changes), 'job change')}), {summary.unchanged} unchanged"
    )
    if summary.skipped:
        counts += f"; {plural(len(summary.skipped), 'record')} skipped"
    lines = [f"{source} → {summary.output}: {counts}"]
    if not summary.written:
        lines.append(f"{summary.output} already says all this: nothing changed")
    if summary.job_changes:
        lines += ["Job changes:", *(f"  {change}" for change in summary.job_changes)]
    if summary.skipped:
        lines.append("Skipped:")
        ordered = sorted(summary.skipped, key=lambda skipped: skipped.line)
        lines += [f"  line {item.line}: {item.reason}" for item in ordered[:SKIPPED_SHOWN]]
        if len(ordered) > SKIPPED_SHOWN:
            lines.append(f"  … and {len(ordered) - SKIPPED_SHOWN} more")
    return "\n".join(lines)
