"""``warmreach plan`` as a table, markdown or JSON."""

from __future__ import annotations

import json

from rich.table import Table
from rich.text import Text

from warmreach.plan import Plan
from warmreach.reports.common import (
    Format,
    by_format,
    console,
    console_text,
    markdown_table,
    plural,
)


def render_plan(plan: Plan, fmt: Format, *, width: int = 120) -> str:
    """The plan as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return by_format(
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
    out = console(width)
    out.print(f"Plan for {plan.generated_for}, week of {plan.as_of}", markup=False)
    out.print(_plan_heading(plan), markup=False)
    out.print()
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
        out.print(table)
    else:
        out.print("Nothing to do that would raise your odds this week.", markup=False)
    out.print()
    for line in _plan_footer(plan):
        out.print(Text(line))
    return console_text(out)


def plan_markdown(plan: Plan) -> str:
    """A plan a person can keep."""
    lines = [
        f"# Plan for {plan.generated_for}, week of {plan.as_of}",
        "",
        _plan_heading(plan) + ".",
    ]
    lines.append("")
    if plan.actions:
        lines += markdown_table(
            ["#", "action", "person", "minutes", "gain", "why"], _plan_rows(plan)
        )
    else:
        lines.append("Nothing to do that would raise your odds this week.")
    *outlook, note = _plan_footer(plan)
    lines += ["", "## If these succeed", "", *(f"- {line}" for line in outlook), "", note]
    return "\n".join(lines) + "\n"


def plan_json(plan: Plan) -> str:
    """The stable JSON of ``plan --format json`` (fields in docs/output-format.md), indented."""
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
