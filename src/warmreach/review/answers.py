"""Reading answers: one rule per question, for the terminal, piped answers and worksheets.

An answer is text; blank means "leave as is". A wrong one raises :class:`BadAnswer`
saying what is expected, so each way of asking can locate it or ask again.

>>> read_answer("trust", " 4 ")
4
>>> read_answer("told", "role; Availability")
('role', 'availability')
>>> try:
...     read_answer("last_contact", "25/11/2026")
... except BadAnswer as error:
...     print(error)
last_contact must be written YYYY-MM-DD (2026-11-25), YYYY-MM or YYYY, not '25/11/2026'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, assert_never

from warmreach.dates import PartialDate
from warmreach.model import TOLD_ITEMS
from warmreach.review.queue import Facet
from warmreach.text import shown

#: the columns of the review's worksheet: who, why, then the answers (written by
#: :func:`warmreach.reports.review.worksheet_csv`, read by
#: :func:`warmreach.review.worksheet.read_worksheet`)
COLUMNS: Final = (
    "contact",
    "name",
    "company",
    "title",
    "why",
    "trust",
    "knows_my_work",
    "last_contact",
    "told",
    "team",
)
#: the columns that hold answers, each a question of the review
ANSWERS: Final[tuple[Facet, ...]] = ("trust", "knows_my_work", "last_contact", "told", "team")

#: a date written day first or month first, as spreadsheets in many places save one
_SLASHED = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\s*")


class BadAnswer(ValueError):
    """An answer that does not read as its question expects."""


@dataclass(frozen=True, kw_only=True)
class Answers:
    """What was answered about one person (None or empty: left as is)."""

    trust: int | None = None
    knows_my_work: int | None = None
    last_contact: PartialDate | None = None
    told: tuple[str, ...] = ()
    team: str | None = None
    knows: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Answers:
        """The answers read for each question (by its facet; a missing one: left as is)."""
        return cls(
            trust=values.get("trust"),
            knows_my_work=values.get("knows_my_work"),
            last_contact=values.get("last_contact"),
            told=values.get("told") or (),
            team=values.get("team"),
            knows=values.get("knows") or (),
        )

    @property
    def empty(self) -> bool:
        return self == Answers()


def read_answer(facet: Facet, text: str, *, today: dt.date | None = None) -> Any:
    """The value ``text`` gives for ``facet``, None when blank; :class:`BadAnswer` when it
    is not one."""
    text = text.strip()
    if not text:
        return None
    match facet:
        case "trust" | "knows_my_work":
            if not text.isdigit() or not 0 <= int(text) <= 5:
                raise BadAnswer(f"{facet} must be 0..5, not '{shown(text)}'")
            return int(text)
        case "last_contact":
            return _day(text, today)
        case "told":
            items = [item.strip().casefold() for item in re.split(r"[;,]", text) if item.strip()]
            wrong = [item for item in items if item not in TOLD_ITEMS]
            if wrong:
                raise BadAnswer(
                    f"told must be any of {', '.join(TOLD_ITEMS)} (separated by ';'), "
                    f"not '{shown(wrong[0])}'"
                )
            return tuple(item for item in TOLD_ITEMS if item in items)
        case "team":
            return text
        case "knows":
            return tuple(name.strip() for name in text.split(";") if name.strip())
        case _:
            assert_never(facet)


def _day(text: str, today: dt.date | None) -> PartialDate:
    slashed = _SLASHED.fullmatch(text)
    if slashed is not None:
        raise BadAnswer(
            f"last_contact must be written YYYY-MM-DD (2026-11-25), YYYY-MM or YYYY, "
            f"not '{shown(text)}'"
        )
    try:
        day = PartialDate.parse(text)
    except ValueError as error:
        raise BadAnswer(f"last_contact '{shown(text)}' {error}") from None
    if today is not None and day.first_day() > today:
        raise BadAnswer(f"last_contact {day} is after today ({today})")
    return day


__all__ = ["ANSWERS", "COLUMNS", "Answers", "BadAnswer", "read_answer"]
