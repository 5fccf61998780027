r"""Reading a table a spreadsheet saved as CSV: the one reader for review worksheets and
job lists.

What spreadsheets make of a CSV file is accepted: a byte-order mark, ``;`` or a tab as
the delimiter (whichever the header row has most of), CRLF line ends, Windows-1252 text
when the bytes are not UTF-8. Columns are found by header name, in any order, case
aside. A cell that would start a formula is written by warmreach with a leading ``'``
(:func:`safe_cell`), taken off again when read (:func:`plain_cell`).

>>> data = "\ufeffCompany;Title\r\nVoltgrid;PM\r\n\r\n".encode()
>>> table = read_sheet(data, "jobs.csv", required=("company",))
>>> table.columns, [(row.line, row.cell("company"), row.cell("title")) for row in table.rows]
(('company', 'title'), [(2, 'Voltgrid', 'PM')])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from warmreach.errors import InvalidNetwork, Problem, WarmreachError

#: what makes a spreadsheet read a cell as a formula
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
#: the largest table read
MAX_BYTES: Final = 20_000_000


def safe_cell(text: str) -> str:
    """A cell a spreadsheet keeps as text: a leading ``'`` before what would start a formula.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("Ana")
    ('\\'=HYPERLINK("http://x")', 'Ana')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_cell(text: str) -> str:
    """A cell as it was before :func:`safe_cell`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Row:
    """One row of a table, with its line in the file."""

    line: int
    cells: tuple[str, ...]
    #: the column of each header name
    where: dict[str, int]

    def cell(self, name: str) -> str:
        """The cell under ``name``, stripped and made plain; empty when there is none."""
        index = self.where.get(name)
        if index is None or index >= len(self.cells):
            return ""
        return plain_cell(self.cells[index].strip())

    def column(self, name: str) -> int:
        """The 1-based column of ``name`` (for a located problem)."""
        return self.where.get(name, 0) + 1

    @property
    def extra(self) -> dict[str, str]:
        """Every cell by its header name."""
        return {name: self.cell(name) for name in self.where}


@dataclass(frozen=True)
class Sheet:
    """A table: its header names (casefolded) and its non-blank rows."""

    file: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def problem(self, row: Row | None, column: str | None, message: str) -> Problem:
        """A problem located at a row's cell (line 1 for the header)."""
        line = 1 if row is None else row.line
        col = 1 if column is None or row is None else row.column(column)
        return Problem(file=self.file, line=line, col=col, message=message)

    def require(self, names: Sequence[str]) -> Sheet:
        """The sheet; :class:`InvalidNetwork` when its header lacks one of ``names``."""
        missing = [name for name in names if name not in self.columns]
        if missing:
            listed = ", ".join(f"'{name}'" for name in missing)
            message = f"the first row must name the columns, {listed} among them"
            raise InvalidNetwork([self.problem(None, None, message)])
        return self

    def renamed(self, aliases: Mapping[str, Sequence[str]]) -> Sheet:
        """The sheet with a column written by another name (``aliases``: each name's
        others) known by its name, when the sheet has no column of that name."""
        rename = {
            alias: name
            for name, others in aliases.items()
            if name not in self.columns
            for alias in others
            if alias in self.columns
        }
        if not rename:
            return self
        rows = tuple(
            Row(
                line=row.line,
                cells=row.cells,
                where={rename.get(name, name): index for name, index in row.where.items()},
            )
            for row in self.rows
        )
        columns = tuple(dict.fromkeys(rename.get(name, name) for name in self.columns))
        return Sheet(file=self.file, columns=columns, rows=rows)


def read_file(path: Path) -> bytes:
    """The bytes of a table (``-``: standard input), refusing one larger than
    :data:`MAX_BYTES`."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise WarmreachError(
                f"standard input: over {MAX_BYTES:,} bytes; a table is at most that"
            )
        return data
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise WarmreachError(f"{path}: {size:,} bytes; a table is at most {MAX_BYTES:,}")
        return path.read_bytes()
    except OSError as error:
        raise WarmreachError(f"{path}: cannot read: {error.strerror}") from None


def read_sheet(data: bytes, file: str, *, required: Sequence[str] = ()) -> Sheet:
    """The table in ``data``; :class:`InvalidNetwork` when it is not one or lacks a
    ``required`` column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = tuple(cell.strip().casefold() for cell in next(reader, []))
        where = {name: index for index, name in reversed(list(enumerate(header))) if name}
        rows = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                rows.append(Row(line=start, cells=tuple(cells), where=where))
    except csv.Error as error:
        problem = Problem(file=file, line=reader.line_num, col=1, message=f"not a CSV row: {error}")
        raise InvalidNetwork([problem]) from None
    columns = tuple(dict.fromkeys(name for name in header if name))
    return Sheet(file=file, columns=columns, rows=tuple(rows)).require(required)


__all__ = [
    "FORMULA_STARTS",
    "MAX_BYTES",
    "Row",
    "Sheet",
    "plain_cell",
    "read_file",
    "read_sheet",
    "safe_cell",
]
