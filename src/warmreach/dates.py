"""Dates as a network file writes them: known to the year, the month or the day
(``2019``, ``2019-04``, ``2019-04-12``), and the day a result is for.

>>> PartialDate.parse("2019-04")
PartialDate(year=2019, month=4, day=None)
>>> str(PartialDate.parse("2024-02-29"))
'2024-02-29'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

_DATE_RE: Final = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def resolve_day(as_of: dt.date | None) -> dt.date:
    """The day a result is computed for: ``as_of``, or today when not given.

    >>> resolve_day(dt.date(2026, 11, 25))
    datetime.date(2026, 11, 25)
    """
    return dt.date.today() if as_of is None else as_of


@dataclass(frozen=True, kw_only=True)
class PartialDate:
    """A date known to the year, the month or the day: ``2019``, ``2019-04``, ``2019-04-12``."""

    #: four-digit year
    year: int
    #: 1..12, or None when only the year is known
    month: int | None = None
    #: 1..31, or None when only the year (and month) is known
    day: int | None = None

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """A whole day as a date of the file.

        >>> str(PartialDate.of(dt.date(2026, 11, 3)))
        '2026-11-03'
        """
        return cls(year=day.year, month=day.month, day=day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError says what is wrong.

        >>> PartialDate.parse("2024-02-30")
        Traceback (most recent call last):
        ...
        ValueError: is not a real date (February 2024 has no day 30)
        """
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise ValueError("is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if year < 1900:
            raise ValueError("is before 1900")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"is not a real date (there is no month {month})")
        if month is not None and day is not None:
            days_in_month = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days_in_month:
                month_name = calendar.month_name[month]
                raise ValueError(f"is not a real date ({month_name} {year} has no day {day})")
        return cls(year=year, month=month, day=day)

    def first_day(self) -> dt.date:
        """The earliest day the date can mean.

        >>> PartialDate(year=2019).first_day()
        datetime.date(2019, 1, 1)
        """
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day the date can mean.

        >>> PartialDate(year=2024, month=2).last_day()
        datetime.date(2024, 2, 29)
        """
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


def later(one: PartialDate | None, other: PartialDate | None) -> PartialDate | None:
    """The later of two dates, by the last day each can mean: ``other`` only when it is
    later than ``one``; either may be unknown.

    >>> str(later(PartialDate.parse("2026-11"), PartialDate.parse("2026-11-30")))
    '2026-11'
    >>> str(later(None, PartialDate.parse("2025"))), later(None, None)
    ('2025', None)
    """
    if one is None or other is None:
        return one or other
    return other if other.last_day() > one.last_day() else one


__all__ = ["PartialDate", "later", "resolve_day"]
