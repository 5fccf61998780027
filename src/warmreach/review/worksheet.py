"""Taking back the review queue filled in as a spreadsheet.

The worksheet (written by :func:`warmreach.reports.review.worksheet_csv`) has one row per
person of the queue, with the columns :data:`~warmreach.review.answers.COLUMNS`: who they
are and why they are asked, then one cell per question (``told`` as
``role;aspiration;availability``). A blank cell leaves that fact as it is.

Taking it back accepts what spreadsheets make of a CSV file (:mod:`warmreach.sheets`).
Every cell is checked first; if any is wrong, each problem is reported as
``FILE:LINE:COL: message`` and nothing is written. Otherwise every answer is written in
one locked, atomic edit.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from warmreach.errors import InvalidNetwork, Problem
from warmreach.log import record
from warmreach.model import Network
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.networkfile.cache import NetworkCache
from warmreach.networkfile.edit import editing, save_document
from warmreach.review.answers import ANSWERS, Answers, BadAnswer, read_answer
from warmreach.review.session import (
    ReviewResult,
    TargetsOf,
    advice_changes,
    advised_actions,
    chosen_targets,
    entry_of,
    index_of,
    read_network,
)
from warmreach.sheets import read_file, read_sheet


def read_worksheet(file: Path, network: Network, *, today: dt.date) -> list[tuple[str, Answers]]:
    """Every row's answers, by contact id; :class:`InvalidNetwork` with every problem."""
    sheet = read_sheet(read_file(file), str(file), required=("contact",))
    problems: list[Problem] = []
    found: list[tuple[str, Answers]] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        values: dict[str, Any] = {}
        person = row.cell("contact")
        if person not in network.contacts_by_id:
            problems.append(sheet.problem(row, "contact", f"no contact with id '{person}'"))
            continue
        if person in seen:
            message = f"{person} is answered twice (first on line {seen[person]})"
            problems.append(sheet.problem(row, "contact", message))
            continue
        seen[person] = row.line
        for facet in ANSWERS:
            cell = row.cell(facet)
            if cell == "-":
                continue
            try:
                values[facet] = read_answer(facet, cell, today=today)
            except BadAnswer as error:
                problems.append(sheet.problem(row, facet, str(error)))
        found.append((person, Answers.of(values)))
    if problems:
        raise InvalidNetwork(problems)
    return [(person, answers) for person, answers in found if not answers.empty]


def apply_worksheet(
    path: str | os.PathLike[str],
    file: Path,
    *,
    targets: TargetsOf | None = None,
    as_of: dt.date,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> ReviewResult:
    """Write a filled-in worksheet's answers into the network at ``path``: all, or nothing
    when any cell is wrong (read through ``cache``, which keeps what is written)."""
    with editing(path, max_bytes=max_bytes, cache=cache) as document:
        network = document.network
        chosen = chosen_targets(network, targets)
        rows = read_worksheet(file, network, today=as_of)
        result = ReviewResult(asked=len(rows), queue=len(rows))
        for person, answers in rows:
            changed = record(document, person, entry_of(answers, as_of))
            if changed:
                result.answered += 1
                result.written.append((network.contacts_by_id[person].name, changed))
        if not result.written:  # nothing to write: the advice is as it was
            return result
        save_document(document)
    # the network as read (edits keep it), with the index the cache kept for it
    before = advised_actions(network, chosen, as_of, index=index_of(document.derived))
    after, index = read_network(path, max_bytes, cache)  # as saved: the cache keeps it
    result.changes = advice_changes(before, after, chosen, as_of, index=index)
    return result


__all__ = ["apply_worksheet", "read_worksheet"]
