"""What the plan aims at: targets, each with a weight, and the chance each is still open.

A **target** is a team (or a whole company) you want a referral into. The openings of the
file on one team share one target, since one referral into the team serves them all.
Targets are what you named, weighted by how much you want them: an opening
(OPENING_WEIGHT) above a company you seek (SOUGHT_WEIGHT). A company of the field you aim
at that you did not name is no target: nobody is asked for a referral there (the plan
grows your network in the field instead). An ask is worth its full value while an
opening of the target is still open on the day it is made, and nothing after every
opening has closed.

>>> from warmreach.model import PartialDate
>>> target = Target(openings=(Opening(company="voltgrid", closes=PartialDate.parse("2026-12-08")),),
...                 company_name="Voltgrid", weight=OPENING_WEIGHT, kind="opening")
>>> target.open_chance(dt.date(2026, 12, 8)), target.open_chance(dt.date(2026, 12, 9))
(1.0, 0.0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from warmreach.gaps.people import FieldPeople, field_people
from warmreach.model import Opening
from warmreach.scoring import ReferralModel, target_report

#: how much a referral into each kind of target is worth to you (our assumption: an
#: opening you found is what you want most; a company you seek has no known opening yet)
OPENING_WEIGHT: Final = 1.0
SOUGHT_WEIGHT: Final = 0.6
#: what an ask is worth this week, relative to its full value, when it could as well be
#: made next week (the opening stays open): a referral a week later is worth a little
#: less, but an ask that must happen this week is worth all of it (our assumption)
CAN_WAIT: Final = 0.75
#: days until the same time next week
WEEK_DAYS: Final = 7
TargetKind = Literal["opening", "sought"]


@dataclass(frozen=True, kw_only=True)
class Target:
    """One team or company the plan aims at."""

    #: the openings it stands for (one team's openings share a target), or the company
    openings: tuple[Opening, ...]
    #: the names of its company and team
    company_name: str
    team_name: str | None = None
    #: how much a referral into it is worth to you
    weight: float
    #: why it is a target
    kind: TargetKind

    @property
    def key(self) -> str:
        """``company`` or ``company/team``."""
        return self.openings[0].key

    @property
    def company(self) -> str:
        return self.openings[0].company

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles of its openings, each once, in file order."""
        return tuple(dict.fromkeys(opening.role for opening in self.openings if opening.role))

    def open_chance(self, day: dt.date | None) -> float:
        """Whether a referral asked on ``day`` (None: on a day not known yet) still finds an
        opening of the target open: 1 when one is open that day (or has no closing day),
        else 0. A referral made before the last day is in time (our assumption: a referrer
        can pass a name on the day they are asked)."""
        for opening in self.openings:
            if opening.closes is None:
                return 1.0
            if day is not None and day <= opening.closes.last_day():
                return 1.0
        return 0.0

    def urgency(self, as_of: dt.date) -> float:
        """How much this week's asks count for the target: 1 when it closes before the same
        day next week (this week is the last to ask), else CAN_WAIT."""
        return 1.0 if self.open_chance(as_of + dt.timedelta(days=WEEK_DAYS)) <= 0 else CAN_WAIT

    def is_closed(self, as_of: dt.date) -> bool:
        """Whether every opening of the target closed before ``as_of``."""
        return all(
            opening.closes is not None and opening.closes.last_day() < as_of
            for opening in self.openings
        )


def group_openings(openings: Sequence[Opening]) -> list[tuple[Opening, ...]]:
    """Openings grouped by team (a company-wide opening by company), in file order.

    >>> groups = group_openings([Opening(company="a", team="t", role="PM"), Opening(company="b"),
    ...                          Opening(company="a", team="t", role="PO")])
    >>> [[(opening.key, opening.role) for opening in group] for group in groups]
    [[('a/t', 'PM'), ('a/t', 'PO')], [('b', None)]]
    """
    groups: dict[tuple[str, str | None], list[Opening]] = {}
    for opening in openings:
        groups.setdefault((opening.company, opening.team), []).append(opening)
    return [tuple(group) for group in groups.values()]


def plan_targets(
    model: ReferralModel, given: Sequence[Opening] | None, weights: Sequence[float] | None = None
) -> tuple[list[Target], tuple[Target, ...], FieldPeople | None]:
    """The plan's targets (what you named), the targets left out because they have closed,
    and the people of the field you seek (the gap report's), when you seek one.
    ``weights`` weigh the openings given (a team's target weighs as its most wanted
    opening)."""
    network = model.network
    day = model.as_of
    goals: list[Target] = []
    closed: list[Target] = []
    field: FieldPeople | None = None

    def add(openings: tuple[Opening, ...], weight: float, kind: TargetKind) -> None:
        report = target_report(model, openings[0])
        goal = Target(
            openings=openings,
            company_name=report.company_name,
            team_name=report.team_name,
            weight=weight,
            kind=kind,
        )
        (closed if goal.is_closed(day) else goals).append(goal)

    openings = list(network.openings if given is None else given)
    wanted: dict[Opening, float] = {}
    if given is not None and weights is not None:
        for opening, weight in zip(given, weights, strict=True):
            wanted[opening] = max(wanted.get(opening, 0.0), weight)
    for group in group_openings(openings):
        weight = max((wanted.get(opening, 1.0) for opening in group), default=1.0)
        add(group, OPENING_WEIGHT * weight, "opening")
    if given is None:
        covered = {goal.company for goal in goals}
        for company in network.me.seeking.companies:
            if company not in covered:
                covered.add(company)
                add((Opening(company=company),), SOUGHT_WEIGHT, "sought")
    seeking = network.me.seeking
    if seeking.industries or seeking.roles:
        field = field_people(network, as_of=day, model=model)
    return goals, tuple(closed), field


__all__ = [
    "CAN_WAIT",
    "OPENING_WEIGHT",
    "SOUGHT_WEIGHT",
    "WEEK_DAYS",
    "Target",
    "TargetKind",
    "group_openings",
    "plan_targets",
]
