"""Stage 1 of reading a network file: its bytes, size-checked, as text.

UTF-8 (a byte-order mark is allowed). Bad bytes and control characters are reported
by line and column, all of them (up to :data:`MAX_CHARACTER_PROBLEMS`), in one
:class:`~warmreach.errors.InvalidNetwork`.

>>> decode_text("name: Ana\\n".encode(), "n.yaml")
'name: Ana\\n'
>>> try:
...     decode_text(b"name: An\\xe1\\n", "n.yaml")
... except InvalidNetwork as error:
...     print(error)
n.yaml:1:9: byte 0xE1 is not valid UTF-8; save the file as UTF-8
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import os
import re
from pathlib import Path
from typing import Final

from warmreach.atomic import kind_of
from warmreach.errors import InvalidNetwork, Problem, WarmreachError

#: files larger than this many bytes are refused unless the caller raises the limit
DEFAULT_MAX_BYTES: Final = 20_000_000
#: at most this many bad characters are listed one by one
MAX_CHARACTER_PROBLEMS: Final = 50

#: characters YAML does not allow in a file, and bad bytes kept as lone surrogates
_BAD_CHARACTER: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
#: line breaks as YAML (and libyaml) count them
_LINE_BREAK: Final = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class Positions:
    """Line and column (1-based) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def char_at(self, line: int, col: int) -> str:
        """The character at a 1-based line and column, or '' past the end."""
        if not 1 <= line <= len(self._starts):
            return ""
        offset = self._starts[line - 1] + col - 1
        return self._text[offset : offset + 1]


def _character_message(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"byte 0x{code - 0xDC00:02X} is not valid UTF-8; save the file as UTF-8"
    if code == 0:
        return "NUL byte is not allowed in a text file"
    return f"character U+{code:04X} is not allowed in a YAML file"


def decode_text(data: bytes, file: str) -> str:
    """Decode UTF-8 (BOM allowed), reporting every bad byte and control character (the
    first MAX_CHARACTER_PROBLEMS; the search stops there, so a binary file costs little)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = data.decode("utf-8", errors="surrogateescape")
    found = _BAD_CHARACTER.finditer(text)
    bad = list(itertools.islice(found, MAX_CHARACTER_PROBLEMS + 1))
    if not bad:
        return text
    positions = Positions(text)
    problems = []
    for match in bad[:MAX_CHARACTER_PROBLEMS]:
        line, col = positions(match.start())
        problems.append(
            Problem(file=file, line=line, col=col, message=_character_message(match[0]))
        )
    if len(bad) > MAX_CHARACTER_PROBLEMS:
        line, col = positions(bad[MAX_CHARACTER_PROBLEMS].start())
        message = "more bad characters from here on; is this a text file?"
        problems.append(Problem(file=file, line=line, col=col, message=message))
    raise InvalidNetwork(problems)


#: what the first bytes of a file say it is, when it is no network file
_MAGIC: Final = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (
        b"PK\x03\x04",
        "a zip archive (a LinkedIn data archive is read by: warmreach import "
        "linkedin FILE --output network.yaml)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
#: exports warmreach imports, by what their text starts with or their header row holds
_EXPORTS: Final = (
    ("BEGIN:VCARD", "a vCard file", "vcard"),
    ("BEGIN:VCALENDAR", "a calendar (iCalendar)", "ics"),
    ("From ", "a mailbox (mbox)", "mbox"),
)


def sniff(data: bytes, file: str) -> None:
    """Refuse, in one line, a file that is plainly no network file: a binary file, or an
    export warmreach imports (saying which command makes a network of it).

    >>> try:
    ...     sniff(b"First Name,Last Name,Company,Position,Connected On\\n", "c.csv")
    ... except InvalidNetwork as error:
    ...     print(str(error).replace("; ", ";\\n"))
    c.csv:1:1: this looks like LinkedIn's Connections.csv, not a network file (YAML);
    make one from it with: warmreach import linkedin c.csv --output network.yaml
    """
    head = data[:4096]
    what = next((name for magic, name in _MAGIC if head.startswith(magic)), None)
    if what is None and head.count(b"\x00") > 8:  # a stray NUL is reported where it is
        what = "a binary file"
    command = None
    if what is None:
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
        first = text.lstrip().split("\n", 1)[0]
        for start, name, source in _EXPORTS:
            if first.startswith(start):
                what, command = name, source
        header = next(
            (
                line.casefold()
                for line in text.splitlines()[:8]
                if "first name" in line.casefold() or "given name" in line.casefold()
            ),
            "",
        )
        if what is None and "first name" in header and "last name" in header:
            if "connected on" in header or "position" in header:
                what, command = "LinkedIn's Connections.csv", "linkedin"
            else:
                what, command = "a contacts export (CSV)", "google"
        elif what is None and "given name" in header:
            what, command = "a Google Contacts export (CSV)", "google"
    if what is None:
        return
    message = f"this looks like {what}, not a network file (YAML)"
    if command is not None:
        message += (
            f"; make one from it with: warmreach import {command} {file} --output network.yaml"
        )
    raise InvalidNetwork([Problem(file=file, line=1, col=1, message=message)])


def read_network_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a network file, refused before reading when over ``max_bytes`` or
    when it is not a regular file (a FIFO would block, a device never end).

    Raises :class:`~warmreach.errors.InvalidNetwork` for a file too large, and
    :class:`~warmreach.errors.WarmreachError` when it cannot be read.
    """
    file = os.fspath(path)
    try:
        kind = kind_of(Path(file).stat().st_mode)
        if kind is not None:
            raise WarmreachError(f"{file} is {kind}, not a regular file; give a network file")
        # not blocking: should a FIFO take the file's place after the check, reading ends
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            kind = kind_of(status.st_mode)
            if kind is not None:
                raise WarmreachError(f"{file} is {kind}, not a regular file; give a network file")
            if status.st_size > max_bytes:
                raise InvalidNetwork([too_large(file, status.st_size, max_bytes)])
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise WarmreachError(f"{file}: cannot read the file: {error.strerror or error}") from error
    if len(data) > max_bytes:  # it grew while being read
        raise InvalidNetwork([too_large(file, len(data), max_bytes)])
    return data


def too_large(file: str, size: int, limit: int) -> Problem:
    """The problem of a file over the size limit."""
    message = (
        f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit; "
        "raise it with --max-size if the file is right"
    )
    return Problem(file=file, line=1, col=1, message=message)
