"""Asking the review's questions: in a terminal, or reading answers piped in, one per line.

Each person's answers are written into the file as soon as they are given, with the
same edit as ``warmreach log`` (comments and layout kept, locked, atomic), so quitting at
any point (``q``, end of input, Ctrl-C) loses nothing answered. A blank answer leaves
that fact as it is. At the end, how the advice changed: one line per person whose action
did.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from warmreach.errors import UsageError, WarmreachError
from warmreach.graph import NetworkIndex
from warmreach.log import LogEntry, log_contact
from warmreach.matching import find_contact
from warmreach.model import Network, Opening
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.networkfile.cache import NO_CACHE, NetworkCache
from warmreach.review.answers import Answers, BadAnswer, read_answer
from warmreach.review.queue import Facet, Question, review_queue
from warmreach.scoring import ReferralModel, analyze, default_targets


class Asker(Protocol):
    """Where questions go and answers come from: a terminal, or lines piped in."""

    #: whether a wrong answer can be asked again (a person at a terminal)
    interactive: bool

    def begin(self, shown: int, queued: int) -> None:
        """The review starts: ``shown`` people of the ``queued`` will be asked about."""

    def person(self, question: Question, number: int, total: int) -> None:
        """Show the next person: who, and why they are asked."""

    def ask(self, question: Question, facet: Facet) -> str | None:
        """One answer, or None when the input ends."""

    def retry(self, message: str) -> None:
        """Say what was wrong with an answer, before asking again."""

    def saved(self, changes: list[str]) -> None:
        """Say what was written for a person."""


@dataclass(frozen=True, kw_only=True)
class Change:
    """A person whose advised action changed with the answers."""

    contact: str
    name: str
    before: str
    after: str


@dataclass(kw_only=True)
class ReviewResult:
    """What a review did."""

    #: the people in the queue, and how many of them were answered
    asked: int = 0
    answered: int = 0
    queue: int = 0
    #: what was written, per person: (name, changes in words)
    written: list[tuple[str, list[str]]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


#: the targets a command names, read from the network (None: the file's own)
TargetsOf = Callable[[Network], Sequence[Opening] | None]


def chosen_targets(network: Network, targets: TargetsOf | None) -> list[Opening]:
    """The targets to review for: those named, else the file's (openings, sought
    companies); :class:`UsageError` when there are none."""
    found = targets(network) if targets is not None else None
    chosen = list(default_targets(network) if found is None else found)
    if not chosen:
        raise UsageError(
            "nothing to review for: the file has no openings and no me.seeking.companies; "
            "name a target with --target COMPANY[/TEAM]"
        )
    return chosen


class _Stop(Exception):
    """The user asked to stop (``q``) or the input ended."""


def advised_actions(
    network: Network,
    targets: Sequence[Opening],
    as_of: dt.date,
    *,
    index: NetworkIndex | None = None,
    model: ReferralModel | None = None,
) -> dict[str, str]:
    """Each candidate's action, from the target where their score is best (ties: the first
    target): the one action a person has across the advice. ``model``: as for
    :func:`~warmreach.scoring.analyze`."""
    best: dict[str, tuple[float, str]] = {}
    analysis = analyze(network, targets, as_of=as_of, allow_none=True, index=index, model=model)
    for report in analysis.targets:
        for candidate in report.candidates:
            known = best.get(candidate.contact)
            if known is None or candidate.score > known[0]:
                best[candidate.contact] = (candidate.score, candidate.action)
    return {person: action for person, (_, action) in best.items()}


def run_review(
    path: str | os.PathLike[str],
    asker: Asker,
    *,
    targets: TargetsOf | None = None,
    as_of: dt.date,
    limit: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> ReviewResult:
    """Ask about the people of the review queue of the file at ``path``, writing each
    person's answers into it as given (each edit reads the file through ``cache``, which
    keeps what the one before wrote)."""
    network, index = read_network(path, max_bytes, cache)
    chosen = chosen_targets(network, targets)
    model = ReferralModel(network, as_of=as_of, index=index)  # one ranking for both
    queue = review_queue(network, chosen, as_of=as_of, model=model)
    result = ReviewResult(queue=len(queue))
    before = advised_actions(network, chosen, as_of, model=model)
    shown = queue[:limit]
    asker.begin(len(shown), len(queue))
    for number, question in enumerate(shown, start=1):
        result.asked += 1
        asker.person(question, number, len(shown))
        answers, stop = _ask_person(asker, network, question, as_of)
        if not answers.empty:
            result.answered += 1
            changed = _write(path, question.contact, answers, as_of, max_bytes, cache)
            result.written.append((question.name, changed))
            asker.saved(changed)
        if stop:
            break
    if result.written:  # nothing written: the advice is as it was
        after, index = read_network(path, max_bytes, cache)  # as the edits left it
        result.changes = advice_changes(before, after, chosen, as_of, index=index)
    return result


def advice_changes(
    before: dict[str, str],
    network: Network,
    targets: Sequence[Opening],
    as_of: dt.date,
    *,
    index: NetworkIndex | None = None,
) -> list[Change]:
    """The people whose action differs in ``network`` from ``before``, by id."""
    after = advised_actions(network, targets, as_of, index=index)
    names = network.contacts_by_id
    return [
        Change(contact=person, name=names[person].name, before=old, after=new)
        for person in sorted(before.keys() | after.keys())
        if person in names
        and (old := before.get(person, "apply-directly"))
        != (new := after.get(person, "apply-directly"))
    ]


def _ask_person(
    asker: Asker, network: Network, question: Question, today: dt.date
) -> tuple[Answers, bool]:
    """What is answered about one person, and whether the user asked to stop (the
    answers given before are kept)."""
    values: dict[str, Any] = {}
    stop = False
    for facet in question.facets:
        try:
            values[facet] = _ask_one(asker, network, question, facet, today)
        except _Stop:
            stop = True
            break
    return Answers.of(values), stop


def _ask_one(
    asker: Asker, network: Network, question: Question, facet: Facet, today: dt.date
) -> Any:
    while True:
        text = asker.ask(question, facet)
        if text is None or text.strip().casefold() in {"q", "quit"}:
            raise _Stop
        try:
            value = read_answer(facet, text, today=today)
            if facet == "knows" and value:
                value = tuple(_person(network, name) for name in value)
            return value
        except (BadAnswer, WarmreachError) as error:
            if not asker.interactive:
                raise UsageError(f"answer '{text.strip()}': {error}") from None
            asker.retry(str(error))


def _person(network: Network, name: str) -> str:
    try:
        return find_contact(network, name)
    except WarmreachError as error:
        raise BadAnswer(str(error)) from None


def entry_of(answers: Answers, today: dt.date) -> LogEntry:
    """The edit ``warmreach log`` makes for ``answers``."""
    return LogEntry(
        trust=answers.trust,
        knows_my_work=answers.knows_my_work,
        contacted=answers.last_contact,
        knew=answers.told,
        team=answers.team,
        knows=tuple((person, None) for person in answers.knows),
        today=today,
    )


class _Gone(WarmreachError):
    """The person answered about is no longer in the file (it was edited meanwhile)."""


def read_network(
    path: str | os.PathLike[str], max_bytes: int, cache: NetworkCache | None
) -> tuple[Network, NetworkIndex | None]:
    """The network at ``path`` through ``cache`` (none: parsed), with its index when the
    cache keeps one (the commands' does), so the analyses do not build it again."""
    network, derived = (cache or NO_CACHE).load(path, max_bytes=max_bytes)
    return network, index_of(derived)


def index_of(derived: object) -> NetworkIndex | None:
    """The index a cache derived with the network, if it keeps one (the commands' does)."""
    return derived if isinstance(derived, NetworkIndex) else None


def _write(
    path: str | os.PathLike[str],
    contact: str,
    answers: Answers,
    today: dt.date,
    max_bytes: int,
    cache: NetworkCache | None,
) -> list[str]:
    """Write the answers about ``contact`` with log's edit; what changed, in words."""

    def find(network: Network) -> str:
        if contact not in network.contacts_by_id:
            raise _Gone(f"{contact} is no longer in the file; nothing written")
        return contact

    try:
        _, changes = log_contact(
            path, find, entry_of(answers, today), max_bytes=max_bytes, cache=cache
        )
    except _Gone as gone:
        return [str(gone)]
    return changes


__all__ = [
    "Asker",
    "Change",
    "ReviewResult",
    "TargetsOf",
    "advice_changes",
    "advised_actions",
    "chosen_targets",
    "entry_of",
    "index_of",
    "read_network",
    "run_review",
]
