"""A list of job postings as targets: the CSV a job seeker keeps, read into openings.

The columns are found by header name, in any order (:mod:`warmreach.sheets`): ``company``
(required), ``title``, ``team``, ``url``, ``closes`` (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``) and ``weight`` (how much you want it, a number, default 1); other columns are
kept. A header written otherwise by common tools is taken too (``Company Name``,
``Position``, ``Job Title``, ``Role``, ``Link``, ``Deadline``).

Each posting's company is matched as ``--target`` matches one (by name, alias, legal
suffixes aside, or a spelling the matcher joins); its title becomes the opening's role
(the "holds the role you seek" rule reads it). A team the file does not know is left
out (the company is the target). The file's own opening at that company and team (or its
one opening at that company) gives the team and hiring manager. A posting whose company
is in nobody's network is kept, with the nearest names as a hint: nobody can help there
yet.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network("me: {name: Ana}\\ncontacts: [{name: Bob, company: Voltgrid AB}]")
>>> data = "Company,Title,Link\\nVoltgrid,Product Manager,https://jobs.example/1\\nVoltgrd,PM,\\n"
>>> postings = read_postings(data.encode(), "jobs.csv", network)
>>> [(p.company, p.target.key if p.target else None, p.target.role if p.target else None)
...  for p in postings]
[('Voltgrid', 'voltgrid', 'Product Manager'), ('Voltgrd', 'voltgrid', 'PM')]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from warmreach.dates import PartialDate
from warmreach.errors import InvalidNetwork, Problem, UnknownName
from warmreach.matching import find_target, find_targets
from warmreach.model import Network, Opening
from warmreach.sheets import Row, Sheet, read_sheet
from warmreach.text import shown

#: other names tools give each column
ALIASES: Final = {
    "company": ("company name", "employer", "organization", "organisation"),
    "title": ("position", "job title", "role", "job"),
    "team": ("department",),
    "url": ("link", "job url", "posting url"),
    "closes": ("deadline", "closing date", "closes on"),
    "weight": ("priority",),
}
#: the most postings read from one list
MAX_POSTINGS: Final = 5000


@dataclass(frozen=True, kw_only=True)
class Posting:
    """One saved job posting, and the target it stands for."""

    #: its line in the list
    line: int
    #: the company, title and team as written
    company: str
    title: str | None = None
    team: str | None = None
    url: str | None = None
    closes: PartialDate | None = None
    #: how much you want it, relative to the others
    weight: float = 1.0
    #: the target it stands for; None when no company in the network has its name
    target: Opening | None = None
    #: for a company nobody works at: the nearest names in the network
    hint: str = ""
    #: every cell by its header name
    cells: dict[str, str] = field(default_factory=dict)


def read_postings(data: bytes, file: str, network: Network) -> list[Posting]:
    """The postings in ``data``; :class:`InvalidNetwork` with every problem located."""
    sheet = read_sheet(data, file).renamed(ALIASES).require(("company",))
    problems: list[Problem] = []
    postings: list[Posting] = []
    for row in sheet.rows[:MAX_POSTINGS]:
        posting = _posting(sheet, row, network, problems)
        if posting is not None:
            postings.append(posting)
    if len(sheet.rows) > MAX_POSTINGS:
        message = f"{len(sheet.rows)} postings; a list is read up to {MAX_POSTINGS}"
        problems.append(sheet.problem(sheet.rows[MAX_POSTINGS], None, message))
    if problems:
        raise InvalidNetwork(problems)
    return postings


def _posting(sheet: Sheet, row: Row, network: Network, problems: list[Problem]) -> Posting | None:
    company = row.cell("company")
    if not company:
        problems.append(sheet.problem(row, "company", "a posting needs its company"))
        return None
    closes = None
    if row.cell("closes"):
        try:
            closes = PartialDate.parse(row.cell("closes"))
        except ValueError as error:
            text = shown(row.cell("closes"))
            problems.append(sheet.problem(row, "closes", f"closes '{text}' {error}"))
    weight = 1.0
    if row.cell("weight"):
        try:
            weight = float(row.cell("weight"))
        except ValueError:
            weight = -1.0
        if not (weight >= 0 and math.isfinite(weight)):
            text = shown(row.cell("weight"))
            problems.append(sheet.problem(row, "weight", f"weight must be 0 or more, not '{text}'"))
            weight = 1.0
    title, team = row.cell("title") or None, row.cell("team") or None
    target, hint = _target(network, company, team)
    if target is not None:
        target = Opening(
            company=target.company,
            team=target.team,
            role=title or target.role,
            hiring_manager=target.hiring_manager,
            closes=closes or target.closes,
        )
    return Posting(
        line=row.line,
        company=company,
        title=title,
        team=team,
        url=row.cell("url") or None,
        closes=closes,
        weight=weight,
        target=target,
        hint=hint,
        cells=row.extra,
    )


def _target(network: Network, company: str, team: str | None) -> tuple[Opening | None, str]:
    """The target of a posting at ``company`` (and ``team``, when the file knows it), or
    None and the hint of the nearest names."""
    try:
        found = find_targets(network, company)
    except UnknownName as error:
        text = str(error)
        return None, text[text.index(";") + 2 :] if ";" in text else ""
    if team:
        try:
            return find_target(network, f"{company}/{team}"), ""
        except UnknownName:
            pass  # a team the file does not know: the company is the target
    if len(found) == 1:
        return found[0], ""  # the file's one opening there, or the company
    return Opening(company=found[0].company), ""  # several openings: which is not known


__all__ = ["ALIASES", "MAX_POSTINGS", "Posting", "read_postings"]
