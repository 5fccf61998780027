"""vCard files (2.1, 3.0 and 4.0): folded lines, escapes, quoted-printable with a charset.

>>> card = b"BEGIN:VCARD\\nVERSION:3.0\\nFN:Bob Chen\\nORG:Voltgrid AB;Grid\\nEND:VCARD\\n"
>>> export = read_vcard(card, "c.vcf")
>>> export.people[0].name, export.people[0].company
('Bob Chen', 'Voltgrid AB')
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from warmreach.errors import WarmreachError
from warmreach.importers.records import (
    Export,
    Incoming,
    Skipped,
    clean,
    company_name,
    parameters,
    split_content_line,
    unfold,
)
from warmreach.networkfile import decode_text


@dataclass(frozen=True)
class _Property:
    line: int
    name: str
    params: Mapping[str, str]
    value: str


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with their first physical line: folded lines joined, and
    quoted-printable soft breaks (a line ending in ``=``)."""

    def soft_break(head: str, last: str) -> bool:
        return last.endswith("=") and "QUOTED-PRINTABLE" in head.split(":", 1)[0].upper()

    return unfold(text, soft_break)


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
    head, colon, value = split_content_line(text)
    if not colon:
        return None
    name, *raw_params = _split_unescaped(head, ";")
    params = parameters(raw_params)
    if params.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        charset = params.get("CHARSET", "utf-8")
        raw = quopri.decodestring(value.encode("ascii", "replace"))
        if not _is_text_encoding(charset):
            raise _UnknownCharset(line, charset)
        value = raw.decode(charset, "replace")
    return _Property(line=line, name=name.rpartition(".")[2].upper(), params=params, value=value)


class _UnknownCharset(Exception):
    def __init__(self, line: int, charset: str) -> None:
        super().__init__(charset)
        self.line = line
        self.charset = charset


def _is_text_encoding(name: str) -> bool:
    """Whether ``name`` is a character set bytes can be decoded from (not ``idna``,
    ``undefined``, or a codec of bytes to bytes)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    if not getattr(info, "_is_text_encoding", True) or info.name in ("undefined", "idna"):
        return False
    try:
        b"a".decode(info.name, "replace")
    except (UnicodeError, ValueError, TypeError):
        return False
    return True


def read_vcard(data: bytes, file: str) -> Export:
    """A vCard file (3.0 or 4.0, and 2.1's quoted-printable) with one or more cards."""
    text = decode_text(data, file)
    people: list[Incoming] = []
    skipped: list[Skipped] = []
    card: list[_Property] | None = None
    start = 0
    seen_card = False
    bad_card: int | None = None
    for line, raw in _unfold(text):
        try:
            found = _property(line, raw)
        except _UnknownCharset as error:
            if card is not None and bad_card is None:
                bad_card = start
                charset = error.charset[:40]
                skipped.append(
                    Skipped(error.line, f"CHARSET={charset} is not a character set warmreach reads")
                )
            continue
        if found is None:
            continue
        if found.name == "BEGIN" and found.value.strip().upper() == "VCARD":
            card, start, seen_card, bad_card = [], line, True, None
        elif found.name == "END" and found.value.strip().upper() == "VCARD" and card is not None:
            if bad_card is not None:  # reported already; the card is left out
                card = None
                continue
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
