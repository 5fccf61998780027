"""Taking back the review queue filled in as a spreadsheet.

The worksheet (written by :func:`warmreach.reports.review.worksheet_csv`) has one row per
person of the queue, with the columns :data:`COLUMNS`: who they are and why they are
asked, then one cell per question (``told`` as ``role;aspiration;availability``). A blank
cell leaves that fact as it is. A cell that would start a formula (:data:`FORMULA_STARTS`)
is written with a leading ``'`` so that it stays text; the ``'`` is taken off again here.

Taking it back accepts what spreadsheets make of a CSV file: a byte-order mark, ``;`` or
a tab as the delimiter, CRLF line ends, Windows-1252 text. Every cell is checked first;
if any is wrong, each problem is reported as ``FILE:LINE:COL: message`` and nothing is
written. Otherwise every answer is written in one locked, atomic edit.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import Any, Final

from warmreach.errors import InvalidNetwork, Problem, WarmreachError
from warmreach.log import record
from warmreach.model import Network
from warmreach.networkfile import DEFAULT_MAX_BYTES, load_network
from warmreach.networkfile.edit import editing, save_document
from warmreach.review.answers import Answers, BadAnswer, read_answer
from warmreach.review.queue import Facet
from warmreach.review.session import (
    ReviewResult,
    TargetsOf,
    advice_changes,
    advised_actions,
    chosen_targets,
    entry_of,
)

#: the worksheet's columns: who, why, then the answers
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
#: what makes a spreadsheet read a cell as a formula (a cell written so starts with ``'``)
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
#: the largest worksheet taken back
MAX_BYTES: Final = 20_000_000


def _unsafe(text: str) -> str:
    """A cell as written before the ``'`` that keeps a formula-looking one text."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def read_worksheet(file: Path, network: Network, *, today: dt.date) -> list[tuple[str, Answers]]:
    """Every row's answers, by contact id; :class:`InvalidNetwork` with every problem."""
    shown = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise WarmreachError(f"{shown}: {size:,} bytes; a worksheet is at most {MAX_BYTES:,}")
        data = file.read_bytes()
    except OSError as error:
        raise WarmreachError(f"{shown}: cannot read: {error.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    try:
        header = [cell.strip().casefold() for cell in next(reader, [])]
    except csv.Error as error:
        raise InvalidNetwork([_problem(shown, 1, 1, f"not a CSV file: {error}")]) from None
    if "contact" not in header:
        raise InvalidNetwork(
            [_problem(shown, 1, 1, "the first row must name the columns, 'contact' among them")]
        )
    where: dict[str, int] = {name: header.index(name) for name in COLUMNS if name in header}
    found: list[tuple[str, Answers]] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            values: dict[str, Any] = {}
            person = _cell(row, where, "contact")
            if person not in network.contacts_by_id:
                problems.append(
                    _problem(shown, line, where["contact"] + 1, f"no contact with id '{person}'")
                )
                continue
            if person in seen:
                problems.append(
                    _problem(shown, line, where["contact"] + 1,
                            f"{person} is answered twice (first on line {seen[person]})")
                )  # fmt: skip
                continue
            seen[person] = line
            for facet in ANSWERS:
                cell = _cell(row, where, facet)
                if cell == "-":
                    continue
                try:
                    values[facet] = read_answer(facet, cell, today=today)
                except BadAnswer as error:
                    problems.append(_problem(shown, line, where[facet] + 1, str(error)))
            found.append((person, Answers(
                trust=values.get("trust"),
                knows_my_work=values.get("knows_my_work"),
                last_contact=values.get("last_contact"),
                told=values.get("told") or (),
                team=values.get("team"),
            )))  # fmt: skip
    except csv.Error as error:
        problems.append(_problem(shown, reader.line_num, 1, f"not a CSV row: {error}"))
    if problems:
        raise InvalidNetwork(problems)
    return [(person, answers) for person, answers in found if not answers.empty]


def _problem(file: str, line: int, col: int, message: str) -> Problem:
    return Problem(file=file, line=line, col=col, message=message)


def _cell(row: list[str], where: dict[str, int], name: str) -> str:
    index = where.get(name)
    return _unsafe(row[index].strip()) if index is not None and index < len(row) else ""


def apply_worksheet(
    path: str | os.PathLike[str],
    file: Path,
    *,
    targets: TargetsOf | None = None,
    as_of: dt.date,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ReviewResult:
    """Write a filled-in worksheet's answers into the network at ``path``: all, or nothing
    when any cell is wrong."""
    with editing(path, max_bytes=max_bytes) as document:
        network = document.network
        chosen = chosen_targets(network, targets)
        rows = read_worksheet(file, network, today=as_of)
        before = advised_actions(network, chosen, as_of)
        result = ReviewResult(asked=len(rows), queue=len(rows))
        for person, answers in rows:
            changed = record(document, person, entry_of(answers, as_of))
            if changed:
                result.answered += 1
                result.written.append((network.contacts_by_id[person].name, changed))
        if result.written:
            save_document(document)
    result.changes = advice_changes(before, load_network(path, max_bytes=max_bytes), chosen, as_of)
    return result


__all__ = ["ANSWERS", "COLUMNS", "FORMULA_STARTS", "apply_worksheet", "read_worksheet"]
