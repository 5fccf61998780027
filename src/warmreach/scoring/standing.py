"""Where a candidate stands for a target: their position relative to the hiring team,
how close someone elsewhere in the company sits to it, and how long they have been there
(or how long ago they left).

>>> from warmreach.model import Contact
>>> standing_of(Contact(id="bo", name="Bo", company="acme"), Position.NEAR_TEAM, None,
...             dt.date(2026, 11, 25), target_company="acme").value
0.8
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.graph import NetworkIndex
from warmreach.model import Contact, Network, Opening, PartialDate
from warmreach.scoring.decay import LEFT, months_since
from warmreach.scoring.paths import LinkStrengths
from warmreach.scoring.results import Position

#: what a referral from each position is worth, relative to one from the hiring team
STANDING: Final[Mapping[Position, float]] = {
    Position.HIRING_MANAGER: 1.0,
    Position.ON_TEAM: 1.0,
    Position.NEAR_TEAM: 0.8,
    Position.RECRUITER: 0.8,
    Position.AT_COMPANY: 0.6,
    Position.FORMERLY_AT_COMPANY: 0.3,
}
#: routes into the hiring team at which someone elsewhere in the company is counted halfway
#: to near the team (closeness = 1 - exp(-routes / CLOSENESS_SCALE))
CLOSENESS_SCALE: Final = 1.0
#: where no team or hiring manager is named, closeness is to everyone who works there, and
#: the routes that count halfway grow with them: CLOSENESS_SCALE for each COMPANY_REACH of
#: the staff (knowing a fifth of the company well makes an insider central)
COMPANY_REACH: Final = 5.0
#: a new joiner's referral counts TENURE_START as much, rising to full at TENURE_FULL months
TENURE_START: Final = 0.5
TENURE_FULL: Final = 12.0
#: a former employee's knowledge of the company fades (decay.LEFT); when they left is not
#: known, it counts UNKNOWN_LEFT
UNKNOWN_LEFT: Final = 0.25

#: words in a title that make someone a recruiter, a route to the hiring team
_RECRUITER: Final = re.compile(
    r"\b(recruit\w*|talent acquisition|talent partner|sourcer|sourcing)\b", re.IGNORECASE
)


def is_recruiter(title: str | None) -> bool:
    """Whether a job title is a recruiter's.

    >>> is_recruiter("Senior Technical Recruiter"), is_recruiter("Talent Acquisition Lead")
    (True, True)
    >>> is_recruiter("Recruitment Marketing Designer"), is_recruiter("Engineer")
    (True, False)
    """
    return title is not None and _RECRUITER.search(title) is not None


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where a candidate stands for a target, and why."""

    position: Position
    #: what their referral is worth relative to the hiring team's: 0 .. 1
    value: float
    #: how close someone elsewhere in the company sits to the hiring team: 0 .. 1
    closeness: float = 0.0
    #: their links into the hiring team, and their two-step routes into it
    team_links: int = 0
    team_routes: int = 0
    #: whether closeness is to a named hiring team (else to everyone at the company)
    team_named: bool = True
    #: months at the company, when known
    months_in: float | None = None
    #: months since they left, for a former employee, when known
    months_out: float | None = None


def hiring_team(index: NetworkIndex, target: Opening) -> list[str]:
    """The people known to be on the hiring team: its members and the hiring manager."""
    seeds = {target.hiring_manager} if target.hiring_manager else set()
    if target.team is not None:
        seeds.update(index.members.get((target.company, target.team), ()))
    return sorted(seeds)


def decision_makers(network: Network, index: NetworkIndex, target: Opening) -> list[str]:
    """Whom closeness is measured to: the hiring team, else (a company with no team or
    hiring manager named) everyone who works there now."""
    seeds = hiring_team(index, target)
    if seeds:
        return seeds
    contacts = network.contacts_by_id
    return [
        person
        for person in index.staff.get(target.company, ())
        if contacts[person].company == target.company
    ]


def candidates(network: Network, index: NetworkIndex, target: Opening) -> list[Contact]:
    """Everyone who works or worked at the company, and the hiring manager."""
    contacts = network.contacts_by_id
    found = [contacts[person] for person in index.staff.get(target.company, ())]
    manager = contacts.get(target.hiring_manager or "")
    if manager is not None and manager not in found:
        found.append(manager)
    return found


def position_of(index: NetworkIndex, contact: Contact, target: Opening) -> Position:
    """Where ``contact`` sits relative to the target's hiring team."""
    if contact.id == target.hiring_manager:
        return Position.HIRING_MANAGER
    if contact.company != target.company:
        return Position.FORMERLY_AT_COMPANY
    if target.team is not None and contact.team is not None:
        if contact.team == target.team:
            return Position.ON_TEAM
        if contact.team in index.near.get((target.company, target.team), ()):
            return Position.NEAR_TEAM
    if is_recruiter(contact.title):
        return Position.RECRUITER
    return Position.AT_COMPANY


def standing_of(
    contact: Contact,
    position: Position,
    near: Standing | None,
    as_of: dt.date,
    *,
    target_company: str,
) -> Standing:
    """What a referral from ``contact`` at ``position`` is worth, on ``as_of``: the
    position's value, for someone elsewhere in the company raised by their closeness
    (``near``, from :func:`closeness`), scaled by their time there (or since they left)."""
    if position is Position.FORMERLY_AT_COMPANY:
        left = next(
            (job.until for job in contact.past_companies if job.company == target_company), None
        )
        months_out = months_since(left, as_of, PartialDate.last_day)
        fresh = UNKNOWN_LEFT if months_out is None else LEFT(months_out)
        return Standing(position=position, value=STANDING[position] * fresh, months_out=months_out)
    months_in = months_since(contact.since, as_of, PartialDate.first_day)
    tenure = 1.0
    if months_in is not None and position is not Position.HIRING_MANAGER:
        tenure = TENURE_START + (1 - TENURE_START) * min(1.0, months_in / TENURE_FULL)
    if position is Position.AT_COMPANY and near is not None:
        # close to a named team: up to near it; central in a company with no team named:
        # up to on it (they are likely to know whoever hires, and the opening)
        top = Position.NEAR_TEAM if near.team_named else Position.ON_TEAM
        low, high = STANDING[Position.AT_COMPANY], STANDING[top]
        value = (low + (high - low) * near.closeness) * tenure
        return dataclasses.replace(near, value=value, months_in=months_in)
    return Standing(position=position, value=STANDING[position] * tenure, months_in=months_in)


def closeness(
    people: Iterable[Contact], seeds: Sequence[str], links: LinkStrengths, *, team_named: bool
) -> dict[str, Standing]:
    """How close each of ``people`` sits to the people who decide (``seeds``), so a new link
    anywhere never moves anyone further away. ``team_named``: the seeds are a hiring team
    (whose own members are not measured), and every route of one or two links into them
    counts, weighted by its links; else they are everyone at the company, and an insider
    is as central as their links to colleagues make them (each weighted, one step only:
    in a company, two-step routes reach nearly everyone)."""
    chosen = set(seeds)
    scale = CLOSENESS_SCALE * (1.0 if team_named else max(1.0, len(chosen) / COMPANY_REACH))
    knows = links.knows
    # for each middle person: their links into the seeds, read from the seeds' side (a
    # link is as strong both ways) so that nobody else's links are read
    hops: dict[str, list[float]] = {}
    if team_named:
        for seed in chosen:
            for middle in knows.get(seed, {}):
                hops.setdefault(middle, []).append(links.hop(seed, middle))
    into = {middle: math.fsum(found) for middle, found in hops.items()}  # any order: same

    found: dict[str, Standing] = {}
    for contact in people:
        person = contact.id
        if person in chosen and team_named:
            continue
        parts: list[float] = []
        direct, routes = 0, 0
        for middle in knows.get(person, {}):
            hop = links.hop(person, middle)
            if middle in chosen:
                parts.append(hop)
                direct += 1
            if not team_named:
                continue
            onward = into.get(middle, 0.0)  # the person is no seed: seeds are skipped above
            if onward > 1e-12:
                parts.append(hop * onward)
                routes += 1
        near = 1 - math.exp(-math.fsum(parts) / scale)
        found[person] = Standing(
            position=Position.AT_COMPANY,
            value=0.0,
            closeness=near,
            team_links=direct,
            team_routes=routes,
            team_named=team_named,
        )
    return found


__all__ = [
    "CLOSENESS_SCALE",
    "COMPANY_REACH",
    "STANDING",
    "TENURE_FULL",
    "TENURE_START",
    "UNKNOWN_LEFT",
    "Standing",
    "candidates",
    "closeness",
    "decision_makers",
    "hiring_team",
    "is_recruiter",
    "position_of",
    "standing_of",
]
