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

from warmreach.graph import NetworkSummary


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
