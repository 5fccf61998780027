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

from typing import TYPE_CHECKING

from warmreach.graph import NetworkSummary
from warmreach.reports.common import plural

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
    return "\n".join(lines)
