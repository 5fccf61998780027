"""The short summaries ``warmreach validate`` and ``warmreach import`` print.

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

from typing import TYPE_CHECKING, Final, assert_never

from warmreach.errors import Problem
from warmreach.graph import NetworkSummary
from warmreach.reports.common import LINK_WORDS, plural
from warmreach.validation import CompanyLinked, Notice, SameCompany, SamePerson

if TYPE_CHECKING:  # the merge imports ruamel.yaml, which only import and log need
    from warmreach.importers import Export
    from warmreach.importers.merge import ImportSummary


def summary_text(file: str, summary: NetworkSummary, *, links: int = 0) -> str:
    """The few lines ``warmreach validate`` prints for a valid network; ``links`` company
    names were taken for companies written otherwise."""
    lines = [
        f"{file} is valid",
        f"  {plural(summary.contacts, 'contact')}: "
        f"{plural(summary.direct_ties, 'direct tie')}, "
        f"{summary.known_through_others} known only through others",
        f"  {plural(summary.companies, 'company', 'companies')}, "
        f"{plural(summary.teams, 'team')}, {plural(summary.openings, 'opening')}",
        f"  {plural(summary.links, 'link')} between contacts",
    ]
    if links:
        names = plural(links, "company name")
        lines.append(f"  {names} taken for a company written otherwise (see them with --verbose)")
    return "\n".join(lines)


#: skipped records listed one by one; the rest are counted
SKIPPED_SHOWN = 20


def import_summary_text(source: str, summary: ImportSummary, export: Export | None = None) -> str:
    """What ``warmreach import`` did, for a person: counts, job changes, skipped lines,
    and what the reader left out on purpose."""
    counts = (
        f"{len(summary.added)} new, {len(summary.updated)} updated "
        f"({plural(len(summary.job_changes), 'job change')}), {summary.unchanged} unchanged"
    )
    if summary.links:
        counts += f", {plural(summary.links, 'link')} between contacts"
    if summary.skipped:
        counts += f"; {plural(len(summary.skipped), 'record')} skipped"
    lines = [f"{source} → {summary.output}: {counts}"]
    left_out = [
        plural(count, one, many or None)
        for one, many, count in (export.ignored if export else ())
        if count
    ]
    if summary.ignored:
        left_out.append(
            plural(summary.ignored, "person", "people") + " seen only in one-way mail, not added"
        )
    if left_out:
        lines.append("Left out: " + ", ".join(left_out))
    if not summary.written:
        lines.append(f"{summary.output} already says all this: nothing changed")
    aimed = summary.job_changes[: summary.job_changes_aimed]
    others = summary.job_changes[summary.job_changes_aimed :]
    if aimed:
        lines += [
            "Job changes at companies you aim at:",
            *(f"  {change}" for change in aimed),
        ]
    if others:
        lines += ["Other job changes:" if aimed else "Job changes:"]
        lines += [f"  {change}" for change in others]
    if summary.promotions:
        lines += ["Promotions:", *(f"  {change}" for change in summary.promotions)]
    if summary.skipped:
        lines.append("Skipped:")
        ordered = sorted(summary.skipped, key=lambda skipped: skipped.line)
        lines += [f"  line {item.line}: {item.reason}" for item in ordered[:SKIPPED_SHOWN]]
        if len(ordered) > SKIPPED_SHOWN:
            lines.append(f"  … and {len(ordered) - SKIPPED_SHOWN} more")
    if summary.added:
        review = f"warmreach review {summary.output}"
        if not summary.aimed:  # review needs a target (the file names none yet)
            review += " --target COMPANY"
        lines.append(
            f"Next: an export cannot say whom you know well; {review} asks about the people "
            "whose answers change the advice most"
        )
    return "\n".join(lines)


_SAME_PERSON: Final = {
    "email": "the same email",
    "linkedin": "the same linkedin",
    "names-at-company": "similar names at the same company",
    "names": "similar names",
}
_SAME_COMPANY: Final = {
    "more-words": "one is the other with more words",
    "letters-apart": "the names are one or two letters apart",
}


def notice_problem(notice: Notice) -> Problem:
    """A warning of ``warmreach validate`` as the located line it prints."""
    match notice:
        case SamePerson():
            first_line = f" at line {notice.first_line}" if notice.first_line else ""
            message = (
                f"warning: contacts[{notice.second}] '{notice.second_id}' may be the same person "
                f"as contacts[{notice.first}] '{notice.first_id}'{first_line} "
                f"({_SAME_PERSON[notice.why]})"
            )
        case SameCompany():
            why = (
                f"{notice.short} may be short for {notice.long}"
                if notice.why == "acronym"
                else _SAME_COMPANY[notice.why]
            )
            fix = (
                f"add '{notice.alias}' to the aliases of '{notice.keep}' under companies"
                if notice.keep_listed
                else f"list '{notice.keep}' under companies with the alias '{notice.alias}'"
            )
            message = (
                f"warning: '{notice.later}' and '{notice.earlier}' may be one company ({why}); "
                f"if so, {fix}"
            )
        case CompanyLinked():
            message = (
                f"note: '{notice.link.written}' is taken for {notice.company} "
                f"({LINK_WORDS[notice.link.how]}); "
                "if it is another company, list it under companies"
            )
        case _:
            assert_never(notice)
    return Problem.at(notice.location, message, file=notice.file)
