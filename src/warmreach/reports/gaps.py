"""``warmreach gaps`` as a table, markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Final, assert_never

from warmreach.gaps import (
    AskRoleHolders,
    AskWhomTheyKnow,
    FewInField,
    GapReport,
    IntroductionAt,
    NobodyAt,
    Person,
    ReconnectAt,
    RouteAt,
    Suggestion,
    TellAspiration,
    UnknownIndustries,
)
from warmreach.reports.common import (
    Format,
    by_format,
    console,
    console_text,
    markdown_table,
    plural,
)
from warmreach.text import join_words

#: the columns of the companies' table
GAP_COLUMNS: Final = ["company", "status", "best score", "people", "strong ties"]
#: what a company's status means
STATUS_NOTE = (
    "`covered`: someone there can vouch for you; `weak`: only introductions or ties to "
    "cultivate; `no-path`: nobody who helps yet. Scores as in `warmreach analyze`."
)


def render_gaps(report: GapReport, fmt: Format, *, width: int = 120) -> str:
    """The gap report as a table (for terminals), markdown (to keep) or json (for scripts)."""
    return by_format(
        fmt,
        table=lambda: gaps_table(report, width=width),
        markdown=lambda: gaps_markdown(report),
        data=lambda: gaps_json(report),
    )


def _names(people: Sequence[str], limit: int = 3) -> str:
    """At most ``limit`` names, and how many more: ``A, B, C and 4 more``."""
    shown = list(people[:limit])
    if len(people) > limit:
        shown.append(f"{len(people) - limit} more")
    return join_words(shown)


def suggestion_text(suggestion: Suggestion) -> str:
    """One suggestion of the gap report, in words."""
    match suggestion:
        case ReconnectAt(company=company, people=people):
            return (
                f"You know {' and '.join(people)} at {company}, but not well enough to ask for a "
                "referral yet: reconnect and tell them what you are aiming at."
            )
        case IntroductionAt(company=company, friend=friend, people=people):
            return (
                f"No one at {company} can refer you yet; {friend} knows {' and '.join(people)} "
                "there: start with that introduction."
            )
        case AskWhomTheyKnow(company=company, helper=helper, industry=industry):
            return (
                f"You have no one at {company}: ask {helper}, who works in {industry}, whom they "
                "know there."
            )
        case NobodyAt(company=company, field=field):
            return f"You have no one at {company}, and no one in {field or 'the field'} to ask."
        case RouteAt(company=company, person=person, bridge=None, action="info-chat" | "nurture"):
            return f"At {company} your best contact, {person}, needs cultivating first."
        case RouteAt(company=company, person=person, bridge=None, score=score):
            return (
                f"At {company} only {person} could refer you, and their word would count for "
                f"little ({score:.2f}): keep in touch, and look for someone nearer the team."
            )
        case RouteAt(company=company, person=person, bridge=bridge):
            return f"At {company} your best route is an introduction to {person} through {bridge}."
        case TellAspiration(people=people, field=""):
            return (
                f"Tell {_names(people)} what you are aiming at: they can help and do not know yet."
            )
        case TellAspiration(people=people, field=field):
            return (
                f"Tell {_names(people)} that you are aiming at {field}: they work in it and do "
                "not know yet."
            )
        case AskRoleHolders(people=people, roles=roles):
            verb = "holds" if len(people) == 1 else "hold"
            return (
                f"{_names(people)} {verb} the role you want ({' or '.join(roles)}): ask how they "
                "got there."
            )
        case FewInField(count=count, direct=direct, field=field, adjacent=adjacent):
            line = (
                f"Only {count} of your {plural(direct, 'direct tie')} work in "
                f"{field or 'the field you seek'}"
            )
            if adjacent:
                verb = "works" if len(adjacent) == 1 else "work"
                line += f"; {_names(adjacent)} {verb} in adjacent fields and can bridge you in"
            return line + "."
        case UnknownIndustries(count=count, companies=companies):
            return _unknown_industries(count, companies)
        case _:
            assert_never(suggestion)


def inferred_line(count: int) -> str:
    """How many industries were inferred or read loosely, and where to see them."""
    were = "was" if count == 1 else "were"
    return (
        f"{plural(count, 'industry', 'industries')} {were} inferred or read loosely; "
        "--format markdown or json lists them with their sources."
    )


def _unknown_industries(count: int, companies: Sequence[tuple[str, int]]) -> str:
    line = (
        f"{count} contact{'s have' if count != 1 else ' has'} no industry warmreach could read "
        "or infer"
    )
    covered = sum(contacts for _, contacts in companies)
    if len(companies) == 1 and covered == count:
        them = "them" if count != 1 else "it"
        line += f"; add `industry:` to {companies[0][0]} under companies to place {them}"
    elif companies:
        named = join_words([f"{name} ({plural(n, 'contact')})" for name, n in companies])
        line += f"; add `industry:` to {named} under companies to place {covered} of them"
    else:
        line += "; add `industry:` to them or to their companies to see them here"
    return line + "."


def field_title(report: GapReport) -> str:
    wanted = ", ".join(report.field.asked) or "the companies you seek"
    if report.field.roles:
        wanted += " — " + " or ".join(report.field.roles)
    return wanted


def gap_rows(report: GapReport) -> list[list[str]]:
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
    return [
        [
            person.name,
            f"{person.tie:.2f}",
            person.industry,
            person.title or "",
            person.company or "",
        ]
        for person in people
    ]


#: the columns of every table of people
PEOPLE_COLUMNS = ["person", "tie", "industry", "role", "company"]
#: people a terminal's table lists per section, the strongest ties first (a large network
#: has thousands in the field; markdown and JSON list everyone)
SHOWN_PEOPLE: Final = 25


def more_people_text(hidden: int) -> str:
    """The line under a terminal's table of people that leaves some out.

    >>> more_people_text(1210)
    '… and 1,210 more (--format markdown or json lists everyone)'
    """
    return f"… and {hidden:,} more (--format markdown or json lists everyone)"


def gaps_table(report: GapReport, *, width: int = 120) -> str:
    """Rich tables for the companies and people, then the suggestions, as plain text."""
    from rich.table import Table
    from rich.text import Text

    out = console(width)
    out.print(f"Gap report for {report.generated_for}, as of {report.as_of}", markup=False)
    out.print(f"Aiming at: {field_title(report)}", markup=False)
    sections: list[tuple[str, list[str], list[list[str]]]] = [
        (
            "Companies",
            GAP_COLUMNS,
            gap_rows(report),
        ),
        (
            "People in the field",
            PEOPLE_COLUMNS,
            _people_rows(report.contacts_in_field),
        ),
        (
            "People who hold the role you want",
            PEOPLE_COLUMNS,
            _people_rows(report.role_holders),
        ),
        (
            "Adjacent fields: people who could bridge you in",
            PEOPLE_COLUMNS,
            _people_rows(report.adjacent),
        ),
    ]
    for title, columns, rows in sections:
        out.print()
        if not rows:
            out.print(f"{title}: none", markup=False)
            continue
        table = Table(title=Text(title), title_justify="left", expand=False)
        for column in columns:
            table.add_column(column)
        shown = rows if columns == GAP_COLUMNS else rows[:SHOWN_PEOPLE]  # every company
        for row in shown:
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)
        if len(shown) < len(rows):
            out.print(more_people_text(len(rows) - len(shown)), markup=False)
    out.print()
    out.print("Suggestions:", markup=False)
    for line in map(suggestion_text, report.suggestions):
        out.print(Text(f"- {line}"))
    if report.inferred:
        out.print()
        out.print(inferred_line(len(report.inferred)), markup=False)
    return console_text(out)


def gaps_markdown(report: GapReport) -> str:
    """A gap report a person can keep."""
    lines = [
        f"# Gap report for {report.generated_for}",
        "",
        f"As of {report.as_of}. Aiming at: {field_title(report)}.",
        "",
        "## Suggestions",
        "",
        *(f"- {suggestion_text(line)}" for line in report.suggestions),
        "",
        "## Companies",
        "",
        STATUS_NOTE,
        "",
        *markdown_table(GAP_COLUMNS, gap_rows(report)),
    ]
    people_sections = [
        ("People in the field", report.contacts_in_field),
        ("People who hold the role you want", report.role_holders),
        ("Adjacent fields: people who could bridge you in", report.adjacent),
    ]
    for title, people in people_sections:
        lines += ["", f"## {title}", ""]
        if people:
            lines += markdown_table(PEOPLE_COLUMNS, _people_rows(people))
        else:
            lines.append("None yet.")
    if report.inferred:
        lines += [
            "",
            "## Industries warmreach filled in",
            "",
            *markdown_table(
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
    """The stable JSON of ``gaps --format json`` (fields in docs/output-format.md), indented."""

    def people(found: Sequence[Person]) -> list[dict[str, object]]:
        return [
            {
                "contact": p.contact,
                "name": p.name,
                "tie": p.tie,
                "industry": p.industry,
                "where": p.where,
                "title": p.title,
                "company_name": p.company,
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
        "suggestions": [suggestion_text(line) for line in report.suggestions],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
