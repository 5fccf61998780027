"""What the plan aims at: targets, each with a weight, and the chance each is still open.

A **target** is a team (or a whole company) you want a referral into. The openings of the
file on one team share one target, since one referral into the team serves them all.
Targets are weighted by how much you want them: an opening (OPENING_WEIGHT) above a
company you seek (SOUGHT_WEIGHT) above a company of the field you aim at
(FIELD_WEIGHT). An opening that closes soon is worth less to an ask that may come too
late: a referral takes about REFERRAL_DAYS to go through.

>>> from warmreach.model import PartialDate
>>> target = Target(openings=(Opening(company="voltgrid", closes=PartialDate.parse("2026-12-08")),),
...                 company_name="Voltgrid", weight=OPENING_WEIGHT, kind="opening")
>>> target.open_chance(dt.date(2026, 11, 24)), target.open_chance(dt.date(2026, 12, 1))
(1.0, 0.5)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from warmreach.model import Opening

#: how much a referral into each kind of target is worth to you (our assumption: an
#: opening you found is what you want most; a company you seek has no known opening yet;
#: a company of your field is one you would consider)
OPENING_WEIGHT: Final = 1.0
SOUGHT_WEIGHT: Final = 0.6
FIELD_WEIGHT: Final = 0.25
#: days a referral takes to reach the hiring team: an ask closer than this to the day an
#: opening closes may come too late (our assumption)
REFERRAL_DAYS: Final = 14

TargetKind = Literal["opening", "sought", "field"]


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
        """The chance that a referral asked on ``day`` (None: on a day not known yet) still
        reaches an opening of the target before it closes: 1 without a closing day."""
        best = 0.0
        for opening in self.openings:
            if opening.closes is None:
                return 1.0
            if day is None:
                continue
            left = (opening.closes.last_day() - day).days
            best = max(best, min(1.0, max(0.0, left / REFERRAL_DAYS)))
        return best

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


__all__ = [
    "FIELD_WEIGHT",
    "OPENING_WEIGHT",
    "REFERRAL_DAYS",
    "SOUGHT_WEIGHT",
    "Target",
    "TargetKind",
    "group_openings",
]
