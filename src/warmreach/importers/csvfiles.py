"""CSV exports: LinkedIn's ``Connections.csv`` and Google Contacts.

Columns are found by their header names, never by position; a preamble before the
header (LinkedIn's ``Notes:``) and a byte-order mark are skipped; quoted fields may
hold commas, quotes and line breaks.

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
from collections.abc import Callable, Iterator, Mapping
from typing import Final

from warmreach.errors import WarmreachError
from warmreach.importers.records import (
    Export,
    Incoming,
    Skipped,
    clean,
    company_name,
    parse_connected_on,
)
from warmreach.networkfile import decode_text

#: a field longer than this, or holding more line breaks, is a quote left open (no export
#: holds such fields; the rest of the file would be read as one)
MAX_FIELD_CHARS: Final = 100_000
MAX_FIELD_LINES: Final = 200


def _rows(text: str, file: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; quoted fields may hold commas and newlines.

    A field may be as long as the file (the size limit bounds it); a field that runs on
    for MAX_FIELD_CHARS characters or MAX_FIELD_LINES lines is reported, where it starts,
    as a quote left open.
    """
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        start = 1
        try:
            for row in reader:
                for field in row:
                    if len(field) > MAX_FIELD_CHARS or field.count("\n") > MAX_FIELD_LINES:
                        raise WarmreachError(
                            f"{file}:{start}: a quoted field runs on for {len(field):,} "
                            f"characters (to line {reader.line_num}); is a closing quote missing?"
                        )
                yield start, row
                start = reader.line_num + 1
        except csv.Error as error:
            raise WarmreachError(f"{file}:{reader.line_num}: {error}") from None
    finally:
        csv.field_size_limit(limit)


def _header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).lower()


def csv_records(
    data: bytes, file: str, is_header: Callable[[set[str]], bool], what: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """The records of a CSV export after its header row (found among any preamble lines),
    each as {header key: cell} with the line it starts on; blank rows are left out."""
    text = decode_text(data, file)
    rows = _rows(text, file)
    header: list[str] | None = None
    for _line, row in rows:
        keys = [_header_key(cell) for cell in row]
        if is_header(set(keys)):
            header = keys
            break
    if header is None:
        raise WarmreachError(f"{file}: no header row found; is this {what}?")
    for line, row in rows:
        if any(cell.strip() for cell in row):
            yield line, dict(zip(header, row, strict=False))


def _read_csv(
    data: bytes,
    file: str,
    source: str,
    is_header: Callable[[set[str]], bool],
    person: Callable[[Mapping[str, str], int], Incoming | Skipped],
    what: str,
) -> Export:
    people: list[Incoming] = []
    skipped: list[Skipped] = []
    for line, record in csv_records(data, file, is_header, what):
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
