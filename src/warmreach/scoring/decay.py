"""Time in the model: one length of a month, and one shape of decay.

Everything that fades with time fades the same way: a share that halves every
``half_life`` months, down to a ``floor`` it keeps however long it has been
(:class:`Decay`). Each curve of the model is declared here once, with its constants
(``docs/scoring.md`` gives their sources); a cut-off that depends on time (when a tie is
too stale to ask) is read off its curve, not set beside it.

>>> round(RECENCY(24), 3), round(LEFT(12), 3)
(0.7, 0.5)
>>> STALE_MONTHS, round(RECENCY(STALE_MONTHS), 3)
(36.0, 0.612)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from warmreach.model import PartialDate

#: the days of an average month of the Gregorian calendar
MONTH_DAYS: Final = 365.2425 / 12


@dataclass(frozen=True)
class Decay:
    """A share that halves every ``half_life`` months and never falls below ``floor``."""

    #: months after which the fading part has halved
    half_life: float
    #: the share kept however long it has been
    floor: float = 0.0

    def __call__(self, months: float) -> float:
        """The share left after ``months``: 1 at 0, falling towards ``floor``."""
        fading: float = 0.5 ** (months / self.half_life)
        return self.floor + (1 - self.floor) * fading

    def months_at(self, half_lives: float) -> float:
        """The months after which the fading part has halved ``half_lives`` times."""
        return self.half_life * half_lives


#: what a tie keeps of its value after months without contact
RECENCY_FLOOR: Final = 0.4
RECENCY_HALF_LIFE: Final = 24.0
RECENCY: Final = Decay(RECENCY_HALF_LIFE, floor=RECENCY_FLOOR)
#: a tie is stale (reconnect before asking) once its fading part has halved this many
#: times: STALE_MONTHS
STALE_HALF_LIVES: Final = 1.5
STALE_MONTHS: Final = RECENCY.months_at(STALE_HALF_LIVES)
#: what a former employee knows of the company, halving every LEFT_HALF_LIFE months
LEFT_HALF_LIFE: Final = 12.0
LEFT: Final = Decay(LEFT_HALF_LIFE)


def months_between(earlier: dt.date, later: dt.date) -> float:
    """Months from ``earlier`` to ``later``, never negative.

    >>> round(months_between(dt.date(2025, 11, 25), dt.date(2026, 11, 25)), 1)
    12.0
    """
    return max(0.0, (later - earlier).days / MONTH_DAYS)


def months_since(
    date: PartialDate | None, as_of: dt.date, day: Callable[[PartialDate], dt.date]
) -> float | None:
    """Months from ``day(date)`` (its first or last day) to ``as_of``; None when unknown."""
    if date is None:
        return None
    return months_between(min(day(date), as_of), as_of)


def after_months(day: dt.date, months: float) -> dt.date:
    """The first whole day at least ``months`` after ``day``.

    >>> after_months(dt.date(2026, 9, 1), 3)
    datetime.date(2026, 12, 2)
    """
    return day + dt.timedelta(days=math.ceil(months * MONTH_DAYS))


__all__ = [
    "LEFT",
    "LEFT_HALF_LIFE",
    "MONTH_DAYS",
    "RECENCY",
    "RECENCY_FLOOR",
    "RECENCY_HALF_LIFE",
    "STALE_HALF_LIVES",
    "STALE_MONTHS",
    "Decay",
    "after_months",
    "months_between",
    "months_since",
]
