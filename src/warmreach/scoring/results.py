"""What an analysis returns: candidates with their routes, actions and reasons, per target.

Plain data for the report layer: reasons are structured (:class:`Reason`, a kind and its
fields) and :mod:`warmreach.reports` turns them into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal, get_args

from warmreach.model import Opening

#: what to do about a person: one vocabulary for the analysis (a candidate's action) and
#: the plan (a step of the week), in the order ties between steps are broken
Action = Literal[
    "referred",
    "follow-up",
    "ask-referral",
    "signal-then-ask",
    "reach-out",
    "ask-intro",
    "ask-later",
    "signal",
    "info-chat",
    "nurture",
    "grow",
    "apply-directly",
]
#: the actions, in that order
ACTIONS: Final[tuple[Action, ...]] = get_args(Action)
#: the actions that ask someone for something now
ASKS: Final = frozenset({"ask-referral", "ask-intro", "reach-out"})

#: the factors of an analysis: where a candidate stands, the route, the tie, what they
#: know, what you asked them (each has its words in ``warmreach.reports.words``)
FactorKind = Literal[
    "asked",
    "referred-you",
    "declined",
    "no-reply",
    "hiring-manager",
    "on-team",
    "near-team",
    "recruiter",
    "at-company",
    "close-to-team",
    "connected-at-company",
    "formerly-at",
    "new-joiner",
    "introduction",
    "word-to-manager",
    "word-from",
    "trust",
    "knows-work",
    "in-touch",
    "recommended-you",
    "endorsed-you",
    "shared-contacts",
    "new-connection",
    "known-for",
    "last-contact-unknown",
    "out-of-touch",
    "last-contact",
    "not-told",
    "told-long-ago",
    "available-later",
    "available-from",
    "no-better-than-applying",
    "no-route",
    "cannot-refer",
]
#: why a plan stops before its minutes do
StopKind = Literal["no-time", "nothing-left"]
#: why a step grows your network in the field: telling someone in it what you aim at, a
#: first chat with someone in it, asking a tie next to it whom they know there
GrowthKind = Literal["field-signal", "field-chat", "field-bridge"]
#: why ``warmreach review`` asks about someone: they hold the role you seek, they know
#: people at a target, the evidence shows dealings the file does not, what is not known
ReviewKind = Literal["holds-role", "knows-at", "seen", "unknown"]
#: every kind of reason: a factor of the analysis, a step of the plan (its action, one of
#: ``warmreach.plan.STEP_ACTIONS``), why the plan stops, or why a review asks
ReasonKind = FactorKind | Action | StopKind | GrowthKind | ReviewKind


class Position(StrEnum):
    """Where a candidate sits relative to the hiring team, best first."""

    HIRING_MANAGER = "hiring-manager"
    ON_TEAM = "on-team"
    NEAR_TEAM = "near-team"
    RECRUITER = "recruiter"
    AT_COMPANY = "at-company"
    FORMERLY_AT_COMPANY = "formerly-at-company"


Band = Literal["strong", "good", "fair", "weak", "none"]
#: the bands of the score, best first, with the least score of each (docs/scoring.md)
BANDS: Final[tuple[tuple[Band, float], ...]] = (
    ("strong", 0.60),
    ("good", 0.45),
    ("fair", 0.35),
    ("weak", 0.30),
    ("none", 0.0),
)


def band_of(score: float) -> Band:
    """The band a score falls in.

    >>> band_of(0.72), band_of(0.31), band_of(0.26)
    ('strong', 'weak', 'none')
    """
    return next(name for name, least in BANDS if score >= least)


@dataclass(frozen=True)
class Reason:
    """One factor behind a score or an action: a kind, and the facts it names.

    The kinds, and their words, are listed in ``warmreach.reports.words``.
    """

    kind: ReasonKind
    #: the facts: names, numbers, days (text, numbers or None only)
    facts: tuple[tuple[str, str | int | float | None], ...] = ()

    @classmethod
    def of(cls, kind: ReasonKind, **facts: str | int | float | None) -> Reason:
        """A reason of ``kind`` with ``facts``.

        >>> Reason.of("trust", value=5).fact("value")
        5
        """
        return cls(kind, tuple(facts.items()))

    def fact(self, name: str) -> str | int | float | None:
        """One fact by name."""
        return dict(self.facts)[name]


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """One person who could refer you for a target, ranked and explained."""

    #: contact id
    contact: str
    #: display name
    name: str
    #: the expected interview chance of the best route through them: DIRECT .. about 0.9
    score: float
    #: the chance that route ends in the referral (or the word) at all: 0 .. 1
    chance: float
    #: the interview chance once they have referred you (or put in their word)
    if_referred: float
    #: ids from ``"me"`` to the candidate along the best route; empty when there is none
    path: tuple[str, ...]
    #: what to do now
    action: Action
    #: the factors behind the score and the action, most telling first
    reasons: tuple[Reason, ...]
    #: where the candidate sits relative to the hiring team
    position: Position
    #: the first person on the path when it is an introduction, else None
    bridge: str | None = None
    #: other routes to the candidate, best first (when asked for)
    alternatives: tuple[tuple[str, ...], ...] = ()
    #: the day you may ask, when you are not available yet (for ``ask-later``)
    ask_from: dt.date | None = None
    #: for ``follow-up``, the day to follow up the ask that waits for an answer
    follow_up_on: dt.date | None = None

    @property
    def band(self) -> Band:
        """How to read the score: strong, good, fair, weak or none."""
        return band_of(self.score)


@dataclass(frozen=True, kw_only=True)
class Spelling:
    """A name your contacts write for a target's company that warmreach took for it by a
    rule (another name of a well-known company, a generic word, a typing slip, ...)."""

    #: the name as written
    written: str
    #: how many of your contacts write it, for where they work now or worked before
    people: int
    #: how it was taken for the company (``warmreach.model.CompanyLink.how``)
    how: str


@dataclass(frozen=True, kw_only=True)
class Bridge:
    """One of your contacts through whom introductions to the target run."""

    #: contact id
    contact: str
    #: display name
    name: str
    #: ids of the candidates whose best route starts with this person
    reaches: tuple[str, ...]
    #: the sum of what those routes add over applying directly
    value: float


@dataclass(frozen=True, kw_only=True)
class TargetReport:
    """The ranking for one target."""

    #: the target (an opening, or a company and team named on the command line)
    target: Opening
    #: display name of the company
    company_name: str
    #: display name of the team, when the target has one
    team_name: str | None
    #: candidates, best first (ties broken by relevance, then id); the best ``--top`` only
    candidates: tuple[Candidate, ...]
    #: your contacts who bridge you to candidates, most valuable first
    bridges: tuple[Bridge, ...] = ()
    #: how many candidates there are in all (more than listed when ``--top`` cut them)
    total: int = 0
    #: names written for the company that were taken for it by a rule, most people first
    spellings: tuple[Spelling, ...] = ()
    #: for ``--person``: the name of the person aimed at, and their id when they are in the
    #: file (their routes only are listed); None for a target
    person_name: str | None = None
    person: str | None = None


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """The answer of ``warmreach analyze``."""

    #: your name
    generated_for: str
    #: the day the scores are computed for
    as_of: dt.date
    #: one report per target, in the order asked
    targets: tuple[TargetReport, ...]
    #: display names of everyone named in the reports, by id (``"me"`` is ``"you"``)
    names: Mapping[str, str] = field(default_factory=dict)
