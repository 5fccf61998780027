"""Reading people from exports: LinkedIn's Connections.csv, Google Contacts CSV, vCard.

Each reader turns a file's bytes into :class:`Incoming` people with the line they start
on, and lists the rows it skipped and why. Columns are found by their header names, never
by position; text is kept literally (a name starting with ``=`` stays a name).

>>> export = read_linkedin(b'''Notes:
... "Some e-mail addresses may be missing."
...
... First Name,Last Name,URL,Email Address,Company,Position,Connected On
... Bob,Chen,https://www.linkedin.com/in/bob-chen,,Voltgrid AB,Engineering Manager,12 Mar 2024
... ,,,,,,03 Feb 2021
... ''', "Connections.csv")
>>> export.people[0].name, export.people[0].met, export.people[0].line
('Bob Chen', PartialDate(year=2024, month=3, day=12), 5)
>>> export.skipped
(Skipped(line=6, reason='no name (a hidden profile)'),)
"""

from __future__ import annotations

import csv
import io
import quopri
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, get_args

from warmreach.errors import WarmreachError
from warmreach.loading import decode_text
from warmreach.model import PartialDate, slugify

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


# -- CSV ------------------------------------------------------------------------------------


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; quoted fields may hold commas and newlines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).lower()


def _read_csv(
    data: bytes,
    file: str,
    source: Source,
    is_header: Callable[[set[str]], bool],
    person: Callable[[Mapping[str, str], int], Incoming | Skipped],
    what: str,
) -> Export:
    text = decode_text(data, file)
    rows = _rows(text)
    header: list[str] | None = None
    for _line, row in rows:
        keys = [_header_key(cell) for cell in row]
        if is_header(set(keys)):
            header = keys
            break
    if header is None:
        raise WarmreachError(f"{file}: no header row found; is this {what}?")
    people: list[Incoming] = []
    skipped: list[Skipped] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        found = person(record, line)
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            people.append(found)
    return Export(file=file, source=source, people=tuple(people), skipped=tuple(skipped))


def read_linkedin(data: bytes, file: str) -> Export:
    """LinkedIn's ``Connections.csv``, with or without its ``Notes:`` preamble and ``URL``."""

    def person(record: Mapping[str, str], line: int) -> Incoming | Skipped:
        name = clean(f"{record.get('first name', '')} {record.get('last name', '')}")
        if name is None:
            return Skipped(line, "no name (a hidden profile)")
        return Incoming(
            line=line,
            name=name,
            company=company_name(record.get("company")),
            title=clean(record.get("position")),
            email=clean(record.get("email address")),
            linkedin=clean(record.get("url")),
            met=parse_connected_on(record.get("connected on")),
        )

    return _read_csv(
        data,
        file,
        "linkedin",
        lambda keys: {"first name", "last name"} <= keys and bool({"company", "position"} & keys),
        person,
        "LinkedIn's Connections.csv (First Name, Last Name, Company, Position …)",
    )


#: Google Contacts columns, the current export's name first, then the legacy one
_GOOGLE: Final = {
    "first": ("first name", "given name"),
    "middle": ("middle name", "additional name"),
    "last": ("last name", "family name"),
    "name": ("name", "file as", "nickname"),
    "company": ("organization name", "organization 1 - name"),
    "title": ("organization title", "organization 1 - title"),
    "email": ("e-mail 1 - value",),
}


def read_google(data: bytes, file: str) -> Export:
    """A Google Contacts CSV export, current or legacy ("Outlook"-free Google CSV)."""

    def column(record: Mapping[str, str], field: str) -> str | None:
        for key in _GOOGLE[field]:
            value = clean(record.get(key))
            if value:
                return value
        return None

    def person(record: Mapping[str, str], line: int) -> Incoming | Skipped:
        parts = [column(record, field) for field in ("first", "middle", "last")]
        name = clean(" ".join(part for part in parts if part)) or column(record, "name")
        if name is None:
            return Skipped(line, "no name")
        email = column(record, "email")
        websites = [
            value
            for key, value in record.items()
            if key.startswith("website") and key.endswith("value") and "linkedin." in value.lower()
        ]
        return Incoming(
            line=line,
            name=name,
            company=company_name(column(record, "company")),
            title=column(record, "title"),
            email=clean(email.split(":::")[0]) if email else None,  # several are joined by :::
            linkedin=clean(websites[0].split(":::")[0]) if websites else None,
        )

    return _read_csv(
        data,
        file,
        "google",
        lambda keys: (
            bool({"first name", "given name", "name"} & keys)
            and bool({"organization name", "organization 1 - name", "e-mail 1 - value"} & keys)
        ),
        person,
        "a Google Contacts CSV export (First Name, Last Name, Organization Name …)",
    )


# -- vCard ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Property:
    line: int
    name: str
    params: Mapping[str, str]
    value: str


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with their first physical line: folded lines (starting with a space
    or tab) and quoted-printable soft breaks (a line ending in ``=``) are joined."""
    logical: list[tuple[int, str]] = []
    soft_break = False
    for number, line in enumerate(text.splitlines(), start=1):
        if logical and line[:1] in (" ", "\t") and not soft_break:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif logical and soft_break:
            logical[-1] = (logical[-1][0], logical[-1][1][:-1] + line)
        else:
            logical.append((number, line))
        current = logical[-1][1] if logical else ""
        soft_break = (
            current.endswith("=") and "QUOTED-PRINTABLE" in current.split(":", 1)[0].upper()
        )
    return logical


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], text)


def _property(line: int, text: str) -> _Property | None:
    head, colon, value = _split_head(text)
    if not colon:
        return None
    name, *raw_params = _split_unescaped(head, ";")
    params: dict[str, str] = {}
    for param in raw_params:
        key, equals, param_value = param.partition("=")
        if equals:
            params[key.strip().upper()] = param_value.strip().strip('"')
        else:  # vCard 2.1 bare parameters: QUOTED-PRINTABLE, WORK …
            params.setdefault("ENCODING" if key.upper() == "QUOTED-PRINTABLE" else key.upper(), key)
    if params.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        charset = params.get("CHARSET", "utf-8")
        try:
            value = quopri.decodestring(value.encode("ascii", "replace")).decode(charset, "replace")
        except LookupError:
            value = quopri.decodestring(value.encode("ascii", "replace")).decode("utf-8", "replace")
    return _Property(line=line, name=name.rpartition(".")[2].upper(), params=params, value=value)


def _split_head(text: str) -> tuple[str, str, str]:
    """``NAME;PARAMS`` and the value, split at the first colon outside quotes."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], ":", text[index + 1 :]
    return text, "", ""


def read_vcard(data: bytes, file: str) -> Export:
    """A vCard file (3.0 or 4.0, and 2.1's quoted-printable) with one or more cards."""
    text = decode_text(data, file)
    people: list[Incoming] = []
    skipped: list[Skipped] = []
    card: list[_Property] | None = None
    start = 0
    seen_card = False
    for line, raw in _unfold(text):
        found = _property(line, raw)
        if found is None:
            continue
        if found.name == "BEGIN" and found.value.strip().upper() == "VCARD":
            card, start, seen_card = [], line, True
        elif found.name == "END" and found.value.strip().upper() == "VCARD" and card is not None:
            result = _card(card, start)
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                people.append(result)
            card = None
        elif card is not None:
            card.append(found)
    if not seen_card:
        raise WarmreachError(f"{file}: no BEGIN:VCARD found; is this a vCard (.vcf) file?")
    return Export(file=file, source="vcard", people=tuple(people), skipped=tuple(skipped))


def _card(properties: Sequence[_Property], line: int) -> Incoming | Skipped:
    first: dict[str, _Property] = {}
    for found in properties:
        first.setdefault(found.name, found)
    name = clean(_unescape(first["FN"].value)) if "FN" in first else None
    if name is None and "N" in first:
        family, given, middle, *_ = [*_split_unescaped(first["N"].value, ";"), "", "", ""]
        name = clean(" ".join(_unescape(part) for part in (given, middle, family)))
    if name is None:
        return Skipped(line, "no name (FN or N)")
    company = None
    if "ORG" in first:
        company = company_name(_unescape(_split_unescaped(first["ORG"].value, ";")[0]))
    linkedin = None
    for found in properties:
        value = _unescape(found.value).strip()
        if found.name in ("URL", "X-SOCIALPROFILE") and "linkedin." in value.lower():
            linkedin = clean(value.removeprefix("x-apple:"))
            break
    return Incoming(
        line=line,
        name=name,
        company=company,
        title=clean(_unescape(first["TITLE"].value)) if "TITLE" in first else None,
        email=clean(_unescape(first["EMAIL"].value)) if "EMAIL" in first else None,
        linkedin=linkedin,
    )


READERS: Final[Mapping[Source, Callable[[bytes, str], Export]]] = {
    "linkedin": read_linkedin,
    "google": read_google,
    "vcard": read_vcard,
}

__all__ = [
    "READERS",
    "SOURCES",
    "Export",
    "Incoming",
    "Skipped",
    "Source",
    "clean",
    "company_name",
    "parse_connected_on",
    "read_google",
    "read_linkedin",
    "read_vcard",
]
