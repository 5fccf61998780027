"""What every reader of an export produces: the people it found, and what it skipped.

Each reader turns a file's bytes into :class:`Incoming` people with the line they start
on, and lists the records it skipped and why (:class:`Export`). Text is kept literally
(a name starting with ``=`` stays a name), as one tidy line (:func:`clean`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.model import Evidence, PartialDate
from warmreach.text import identity_keys, name_key, slugify

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
    #: what the export shows of your dealings with them (never what was said)
    evidence: Evidence | None = None
    #: seen only beside others (copied on a mail, in a group meeting), no dealings of
    #: your own: someone you know of (trust 0), reachable through those others
    known_of: bool = False


def keys_of(person: Incoming) -> list[str]:
    """Every key an export may name a person by, in its links and tallies: their identity
    keys (LinkedIn address, e-mail), then their name's."""
    return [*identity_keys(email=person.email, linkedin=person.linkedin), name_key(person.name)]


@dataclass(frozen=True, kw_only=True)
class CoLink:
    """Two people an export shows together (a mail to you copied to both, one small
    meeting), by identity key, and how often: they know each other."""

    one: str
    other: str
    count: int


@dataclass(frozen=True, kw_only=True)
class MeRecord:
    """You, as an export describes you (LinkedIn's profile, positions and preferences)."""

    name: str | None = None
    role: str | None = None
    company: str | None = None
    roles: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A record of the export that was not imported."""

    line: int
    reason: str


@dataclass(frozen=True, kw_only=True)
class Export:
    """What a reader found in one file."""

    file: str
    #: the source it was read as (a name of ``importers.sources.SOURCES``)
    source: str
    people: tuple[Incoming, ...]
    skipped: tuple[Skipped, ...] = ()
    #: people seen together, who therefore know each other
    links: tuple[CoLink, ...] = ()
    #: you, when the export says who you are
    me: MeRecord | None = None
    #: what was left out on purpose, counted: bulk mail, unreadable messages, large
    #: meetings; each (what one is called, what many are called, how many)
    ignored: tuple[tuple[str, str, int], ...] = ()


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


def unfold(
    text: str, soft_break: Callable[[str, str], bool] | None = None
) -> list[tuple[int, str]]:
    """Logical lines of a vCard or iCalendar file with their first physical line: a line
    starting with a space or tab continues the one before (RFC 6350, RFC 5545); with
    ``soft_break`` (given the logical line's first line and its text so far), a line it
    says ends in a soft break is joined to the next without its last character
    (quoted-printable ``=``). Each logical line is gathered in parts and joined once, so
    the work is linear in the file however long a folded line is.

    >>> unfold("FN:Bo\\n Lee\\nORG:Acme\\n")
    [(1, 'FN:BoLee'), (3, 'ORG:Acme')]
    """
    logical: list[tuple[int, str]] = []
    parts: list[str] = []
    first = 0
    soft = False
    for number, line in enumerate(text.splitlines(), start=1):
        if parts and soft:
            parts[-1] = parts[-1][:-1]  # the soft break's "="
            parts.append(line)
        elif parts and line[:1] in (" ", "\t"):
            parts.append(line[1:])
        else:
            if parts:
                logical.append((first, "".join(parts)))
            parts, first = [line], number
        soft = soft_break is not None and soft_break(parts[0], parts[-1])
    if parts:
        logical.append((first, "".join(parts)))
    return logical


def split_content_line(text: str) -> tuple[str, str, str]:
    """A vCard or iCalendar content line's ``NAME;PARAMS``, its colon and its value, split
    at the first colon outside quotes (RFC 6350 3.3, RFC 5545 3.1): a quoted parameter
    may hold a colon. The colon is empty when the line has none.

    >>> split_content_line('ATTENDEE;CN="Berg: Jonas":mailto:jo@a.test')
    ('ATTENDEE;CN="Berg: Jonas"', ':', 'mailto:jo@a.test')
    """
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], ":", text[index + 1 :]
    return text, "", ""


def parameters(parts: Sequence[str]) -> dict[str, str]:
    """A content line's parameters (``KEY=value``, the value unquoted) by upper-case key;
    a bare parameter (vCard 2.1's ``WORK``, ``QUOTED-PRINTABLE``) under its own name, or
    under ``ENCODING`` for an encoding.

    >>> parameters(['CN="Lee, Bo"', "partstat=DECLINED", "QUOTED-PRINTABLE"])
    {'CN': 'Lee, Bo', 'PARTSTAT': 'DECLINED', 'ENCODING': 'QUOTED-PRINTABLE'}
    """
    found: dict[str, str] = {}
    for part in parts:
        key, equals, value = part.partition("=")
        if equals:
            found[key.strip().upper()] = value.strip().strip('"')
        else:
            found.setdefault("ENCODING" if key.upper() == "QUOTED-PRINTABLE" else key.upper(), key)
    return found
