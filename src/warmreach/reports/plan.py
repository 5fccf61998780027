"""``warmreach plan`` as a table, markdown or JSON: this week's conversations, what is
queued, and your odds."""

from __future__ import annotations

import json
import textwrap
from typing import Any, Final

from warmreach.plan.result import Plan, Queued, Step
from warmreach.plan.targets import Target
from warmreach.plan.week import MAX_TARGETS
from warmreach.reports.common import (
    TABLE_WIDTH,
    Format,
    by_format,
    console,
    console_text,
    markdown_table,
    plural,
    target_title,
)
from warmreach.reports.messages import queued_message, step_message
from warmreach.reports.steps import STEPS
from warmreach.reports.words import reason_text
from warmreach.scoring import Reason
from warmreach.text import join_words


def render_plan(plan: Plan, fmt: Format, *, width: int = 120, messages: bool = False) -> str:
    """The plan as a table (for terminals), markdown (to keep) or json (for scripts); with
    ``messages``, the table and markdown end with a draft message for each step (the JSON
    always has them)."""
    return by_format(
        fmt,
        table=lambda: plan_table(plan, width=width, messages=messages),
        markdown=lambda: plan_markdown(plan, messages=messages),
        data=lambda: plan_json(plan),
    )


def title(target: Target) -> str:
    """A target of the plan as headings name it."""
    return target_title(target.company_name, target.team_name, target.roles)


def shown_facts(plan: Plan, reason: Reason) -> dict[str, str | int | float | None]:
    """A reason's facts as words name them: the target a step is for by its title, the
    targets nobody reaches by theirs."""
    facts = dict(reason.facts)
    if "target" in facts:
        target = plan.target(str(facts["target"]))
        facts["target"] = title(target) if target is not None else facts["target"]
    if reason.kind == "nothing-left":
        facts["nobody"] = join_words([title(target) for target in plan.unreached]) or None
    return facts


def plan_reason(plan: Plan, reason: Reason) -> str:
    """The words of a reason of the plan: a step's, or why it stops."""
    return reason_text(reason, shown_facts(plan, reason))


def why(plan: Plan, step: Step) -> str:
    """Why a conversation, in words: one clause per thing done in it."""
    return "; and ".join(plan_reason(plan, reason) for reason in step.reasons)


#: what a plan with no steps says: nothing fits the hours, or nothing would help
_NO_TIME: Final = "No hours to plan with: give some with --hours (2 is a good start)."
_NOTHING: Final = "Nothing to do that would raise your odds this week."


def empty_plan(plan: Plan) -> str:
    return _NO_TIME if plan.budget == 0 else _NOTHING


def plan_heading(plan: Plan) -> str:
    return (
        f"{plural(len(plan.steps), 'conversation')} in {plan.minutes} of your "
        f"{plan.budget} minutes, best gain per minute first"
    )


def queued_what(plan: Plan, queued: Queued) -> str:
    """What a queued step does, in words, with its target."""
    found = plan.target(queued.target)
    target = title(found) if found is not None else queued.target or ""
    what = STEPS[queued.action].queued(plan, queued)
    if target:
        what += f" ({target})"
    if queued.after is not None and queued.works < 1:
        what += f", if the {queued.after} goes well"
    return what


def queued_when(queued: Queued) -> str:
    """When a queued step is due: its day, or when you can say."""
    return str(queued.day) if queued.day else "when you can say"


def queued_rows(plan: Plan) -> list[list[str]]:
    return [
        [
            queued_when(queued),
            queued.action,
            queued.name,
            str(queued.minutes),
            queued_what(plan, queued),
        ]
        for queued in plan.queued
    ]


def odds_lines(plan: Plan) -> list[str]:
    lines = [
        f"{title(outlook.target)}: {outlook.before:.2f} → {outlook.after:.2f}"
        for outlook in plan.targets
    ]
    lines += [f"{title(target)}: closed; left out" for target in plan.closed]
    if plan.unweighed:
        lines.append(
            f"{plural(plan.unweighed, 'more target')} in your file not weighed: a plan weighs "
            f"the first {MAX_TARGETS} open ones"
        )
    return lines


def plan_notes(plan: Plan) -> list[str]:
    notes = []
    if plan.stop is not None:
        notes.append(plan_reason(plan, plan.stop))
    notes.append(
        "Gains: the rise in your chance of an interview, weighted by target (docs/plan.md). "
        "Record what you do with `warmreach log` (--told, --asked, --outcome)."
    )
    return notes


def step_rows(plan: Plan) -> list[list[str]]:
    return [
        [
            str(rank),
            step.action,
            step.name,
            str(step.minutes),
            f"{step.gain:+.3f}" if step.gain else "—",
            why(plan, step),
        ]
        for rank, step in enumerate(plan.steps, start=1)
    ]


#: the columns of the week's conversations, and of what is queued, in kept reports
STEP_COLUMNS: Final = ["#", "action", "person", "minutes", "gain", "why"]
QUEUED_COLUMNS: Final = ["when", "action", "person", "minutes", "what"]

ODDS = "Your chance of an interview, with this week's plan and what it queues:"


def plan_table(plan: Plan, *, width: int = 120, messages: bool = False) -> str:
    """The week as a rich table, then what is queued and the odds, as plain text."""
    from rich.table import Table
    from rich.text import Text

    out = console(width)
    out.print(Text(f"Plan for {plan.generated_for}, week of {plan.as_of}"))
    out.print(Text(plan_heading(plan)))
    out.print()
    if plan.steps:
        table = Table(expand=True)
        table.add_column("#", justify="right", width=2)
        table.add_column("action", no_wrap=True, width=15)
        table.add_column("person", ratio=2)
        table.add_column("min", justify="right", width=3)
        table.add_column("gain", justify="right", width=6)
        table.add_column("why", ratio=7)
        rows = step_rows(plan)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        if width >= TABLE_WIDTH:
            out.print(table)
        for number, action, person, minutes, gain, why_text in rows if width < TABLE_WIDTH else ():
            line = f"{number:>2}. {action}  {person}  {minutes} min  {gain}"
            out.print(Text(line), soft_wrap=True)
            out.print(Text(f"    {why_text}"), soft_wrap=True)
    else:
        out.print(Text(empty_plan(plan)))
    if plan.queued:
        out.print()
        out.print(Text("Queued for later weeks:"))
        queued = Table(expand=True)
        queued.add_column("when", no_wrap=True, width=16)
        queued.add_column("action", no_wrap=True, width=15)
        queued.add_column("person", ratio=2)
        queued.add_column("min", justify="right", width=3)
        queued.add_column("what", ratio=6)
        later = queued_rows(plan)
        for row in later:
            queued.add_row(*(Text(cell) for cell in row))
        if width >= TABLE_WIDTH:
            out.print(queued)
        for when, action, person, minutes, what in later if width < TABLE_WIDTH else ():
            out.print(Text(f"  {when}: {action}  {person}  {minutes} min"), soft_wrap=True)
            out.print(Text(f"    {what}"), soft_wrap=True)
    out.print()
    out.print(Text(ODDS))
    for line in odds_lines(plan):
        out.print(Text(f"  {line}"))
    out.print()
    for note in plan_notes(plan):
        out.print(Text(note))
    if messages and plan.steps:
        out.print()
        out.print(Text("Messages to edit and send:"))
        for rank, step in enumerate(plan.steps, start=1):
            out.print()
            out.print(Text(f"{rank}. To {step.name} ({step.action})"))
            for line in step_message(plan, step).splitlines():
                wrapped = textwrap.wrap(line, width - 4) or [""]
                for part in wrapped:
                    out.print(Text(f"   {part}" if part else ""))
    return console_text(out)


def plan_markdown(plan: Plan, *, messages: bool = False) -> str:
    """A plan a person can keep."""
    lines = [
        f"# Plan for {plan.generated_for}, week of {plan.as_of}",
        "",
        plan_heading(plan) + ".",
        "",
    ]
    if plan.steps:
        lines += markdown_table(STEP_COLUMNS, step_rows(plan))
    else:
        lines.append(empty_plan(plan))
    if plan.queued:
        lines += ["", "## Queued for later weeks", ""]
        lines += markdown_table(QUEUED_COLUMNS, queued_rows(plan))
    lines += ["", "## " + ODDS.rstrip(":"), "", *(f"- {line}" for line in odds_lines(plan)), ""]
    lines += plan_notes(plan)
    if messages and plan.steps:
        lines += ["", "## Messages to edit and send"]
        for rank, step in enumerate(plan.steps, start=1):
            lines += ["", f"### {rank}. To {step.name} ({step.action})", ""]
            lines += [
                f"> {line}" if line else ">" for line in step_message(plan, step).splitlines()
            ]
    return "\n".join(lines) + "\n"


def plan_json(plan: Plan) -> str:
    """The stable JSON of ``plan --format json`` (fields in docs/output-format.md), indented."""
    before, after = plan.value
    document: dict[str, Any] = {
        "generated_for": plan.generated_for,
        "as_of": plan.as_of.isoformat(),
        "budget_minutes": plan.budget,
        "minutes": plan.minutes,
        "value": {"before": round(before, 4), "after": round(after, 4)},
        "actions": [
            {
                "contact": step.contact,
                "name": step.name,
                "action": step.action,
                "minutes": step.minutes,
                "gain": round(step.gain, 4),
                "why": why(plan, step),
                "target": step.target,
                "to": step.to,
                "via": step.items[0].via,
                "tell": list(step.tell),
                "items": [
                    {
                        "action": item.action,
                        "target": item.target,
                        "to": item.to,
                        "via": item.via,
                        "works": item.works,
                        "ask_on": item.ask_on.isoformat() if item.ask_on else None,
                    }
                    for item in step.items
                ],
                "factors": [{"kind": r.kind, **shown_facts(plan, r)} for r in step.reasons],
                "message": step_message(plan, step),
            }
            for step in plan.steps
        ],
        "queued": [
            {
                "day": queued.day.isoformat() if queued.day else None,
                "contact": queued.contact,
                "name": queued.name,
                "action": queued.action,
                "minutes": queued.minutes,
                "target": queued.target,
                "to": queued.to,
                "via": queued.via,
                "works": queued.works,
                "after": queued.after,
                "message": queued_message(plan, queued),
            }
            for queued in plan.queued
        ],
        "targets": [
            {
                "company": outlook.target.company,
                "team": outlook.target.openings[0].team,
                "roles": [o.role for o in outlook.target.openings if o.role],
                "title": title(outlook.target),
                "kind": outlook.target.kind,
                "weight": outlook.target.weight,
                "closes": _closes(outlook.target),
                "before": round(outlook.before, 4),
                "after": round(outlook.after, 4),
            }
            for outlook in plan.targets
        ],
        "closed": [title(target) for target in plan.closed],
        "unweighed": plan.unweighed,
        "stopped": plan_reason(plan, plan.stop) if plan.stop is not None else None,
        "left_out": plan.left_out,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _closes(target: Target) -> str | None:
    days = [str(o.closes) for o in target.openings if o.closes is not None]
    return max(days) if days and len(days) == len(target.openings) else None
