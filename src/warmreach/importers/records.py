"""What every reader of an export produces: the people it found, and what it skipped.

Each reader turns a file's bytes into :class:`Incoming` people with the line they start
on, and lists the records it skipped and why (:class:`Export`). Text is kept literally
(a name starting with ``=`` stays a name), as one tidy line (:func:`clean`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal, get_args

from warmreach.model import PartialDate
from warmreach.text import slugify

Source = Literal["linkedin", "google", "vcard"]
#: the export formats ``warmreach import`` reads
SOURCES: Final[tuple[Source, ...]] = get_args(Source)

_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_SPACE: Final = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Incoming:
    """One person as an export lists them."""

    #: the line of the export their record starts on
    line: int
    name: str
    company: str | None = None
    title: str | None = None
    email: str | None = None
    linkedin: str | None = None
    #: when you connected (LinkedIn's "Connected On")
    met: PartialDate | None = None


@dataclass(frozen=True)
class Skipped:
    """A record of the export that was not imported."""

    line: int
    reason: str


@dataclass(frozen=True, kw_only=True)
class Export:
    """What a reader found in one file."""

    file: str
    source: Source
    people: tuple[Incoming, ...]
    skipped: tuple[Skipped, ...] = ()


def clean(text: str | None) -> str | None:
    """Text as one tidy line: control characters dropped, spaces collapsed; None if empty.

    >>> clean("  Ana \\t Lima\\n"), clean("\\u200b"), clean(None)
    ('Ana Lima', None, None)
    """
    if text is None:
        return None
    if not text.isprintable():  # rare: drop what cannot be seen (control, format characters)
        text = "".join(
            char
            for char in text
            if char.isspace() or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")
        )
    tidy = _SPACE.sub(" ", text).strip()
    return tidy or None


def company_name(text: str | None) -> str | None:
    """A company as :func:`clean` gives it, or None when it has no letters or digits to make
    an id from (exports write ``-`` or ``--`` for none).

    >>> company_name(" Voltgrid  AB "), company_name("--")
    ('Voltgrid AB', None)
    """
    tidy = clean(text)
    return tidy if tidy and slugify(tidy) else None


def parse_connected_on(text: str | None) -> PartialDate | None:
    """LinkedIn's ``12 Mar 2024`` (or an ISO date) as a date; None when unreadable.

    Month names are read in English whatever the machine's locale is.

    >>> parse_connected_on("12 Mar 2024"), parse_connected_on("2024-03-12")
    (PartialDate(year=2024, month=3, day=12), PartialDate(year=2024, month=3, day=12))
    >>> parse_connected_on("sometime") is None
    True
    """
    if not text:
        return None
    words = text.strip().replace(",", " ").split()
    try:
        if len(words) == 3 and words[1][:3].lower() in _MONTHS:
            return PartialDate.parse(
                f"{int(words[2]):04d}-{_MONTHS[words[1][:3].lower()]:02d}-{int(words[0]):02d}"
            )
        return PartialDate.parse(text.strip())
    except ValueError:
        return None
