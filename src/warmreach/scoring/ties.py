"""Your direct ties: how strong each is, how willing they are to act for you, what they know.

A tie's **strength** (0..1) is what the person can say about you: the quality of the
relationship (trust and knowledge of your work, or, for a tie you barely know, the
contacts you share), faded by time without contact down to a floor, and raised a little
by its duration. Their **willingness** is the chance they act on a request now: the
strength, times how much of your plans they know (**readiness**), times a ceiling below
one. Every constant is named in ``docs/scoring.md`` with its source or marked as an
assumption.

>>> import datetime as dt
>>> from warmreach.model import Contact, Me, PartialDate
>>> bob = Contact(id="bob", name="Bob", trust=5, knows_my_work=4, met=PartialDate(year=2015),
...               last_contact=PartialDate(year=2026, month=11), told=("aspiration",))
>>> tie = tie_strength(bob, Me(name="Ana"), dt.date(2026, 11, 25))
>>> round(tie.strength, 3), tie.readiness, tie.untold
(1.0, 0.8, ('role', 'availability'))
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.model import (
    SCALE_MAX,
    TOLD_ITEMS,
    Contact,
    Evidence,
    Me,
    PartialDate,
    Told,
    later,
)
from warmreach.scoring.decay import RECENCY, STALE_MONTHS, months_between, months_since

#: weight of trust in the quality of a tie (the rest is knowledge of your work)
TRUST_WEIGHT: Final = 0.55
#: months of silence assumed when ``last_contact`` is not known (whatever ``met`` says)
UNKNOWN_SILENCE: Final = 12.0
#: a relationship younger than this many months cannot vouch for you yet
NEW_MONTHS: Final = 3.0
#: a relationship of DURATION_FULL months or more is this much stronger than a new one
DURATION_BONUS: Final = 0.15
DURATION_FULL: Final = 60.0
#: the least trust that can be asked to vouch for you, directly or as a bridge
MIN_VOUCH_TRUST: Final = 2
#: the chance that even the most willing contact acts on a request
ACCEPT_MAX: Final = 0.9
#: how much of a tie's willingness is lost while they lack each item of your plans (our
#: assumption; Marin 2012: people pass on a job to a contact it suits about a quarter of the
#: time, more readily when they know the contact wants it)
READINESS_LOSS: Final[Mapping[Told, float]] = {
    "role": 0.05,
    "aspiration": 0.2,
    "availability": 0.15,
}
#: months after which what was told is out of date
TOLD_FRESH: Final[Mapping[Told, float]] = {
    "role": 24.0,
    "aspiration": 12.0,
    "availability": 6.0,
}
#: what evidence says when you wrote neither trust nor knowledge of your work: two-way
#: messages and one-to-one meetings raise trust from 1 towards EVIDENCE_TRUST_MAX (the
#: top of the scale, a reputation risked, is only ever your word), two-way messages
#: counting MAIL_SCALE, meetings MEETING_SCALE, for about two thirds of the way (our
#: assumptions; Gilbert & Karahalios 2009 found frequency, two-way exchange and the days
#: since the last contact to predict tie strength best)
EVIDENCE_TRUST_MAX: Final = 4.0
MAIL_SCALE: Final = 8.0
MEETING_SCALE: Final = 3.0
#: a recommendation either way means at least a friendly colleague (trust 3); one they
#: wrote for you means they know your work well (4 of 5), an endorsement a little (1 each,
#: up to 2) (our assumptions)
RECOMMENDED_TRUST: Final = 3.0
#: someone who has brought you together with others (set up a small meeting with you and
#: someone else, copied someone on a mail to you) has acted on your behalf: trust 2.5 at
#: least, enough to be asked to introduce you again (our assumption: between an
#: acquaintance, 2, and a friendly colleague, 3)
ACTED_TRUST: Final = 2.5
RECOMMENDED_WORK: Final = 4.0
ENDORSED_WORK_MAX: Final = 2.0
#: a colleague at your company you deal with (messages both ways, meetings) sees your
#: work: 2 of 5, what sitting near someone shows (our assumption)
COLLEAGUE_WORK: Final = 2.0
#: shared contacts at which a tie you barely know has the most value from structure
MUTUAL_PEAK: Final = 4
#: the quality the contacts you share can give a tie you barely know (trust 2, no known
#: work, is 0.22)
WEAK_TIE_VALUE: Final = 0.3


def recency_factor(months_silent: float | None) -> float:
    """The share of a tie's value left after ``months_silent`` months without contact
    (UNKNOWN_SILENCE when not known).

    >>> recency_factor(0), round(recency_factor(24), 3), round(recency_factor(None), 3)
    (1.0, 0.7, 0.824)
    """
    return RECENCY(UNKNOWN_SILENCE if months_silent is None else months_silent)


def duration_factor(months_known: float | None) -> float:
    """How much longer relationships count: 1 for a new or unknown one, rising to
    1 + DURATION_BONUS at DURATION_FULL months.

    >>> duration_factor(None), duration_factor(0), duration_factor(30), duration_factor(120)
    (1.0, 1.0, 1.075, 1.15)
    """
    if months_known is None:
        return 1.0
    return 1.0 + DURATION_BONUS * min(1.0, months_known / DURATION_FULL)


def evidence_trust(evidence: Evidence) -> float:
    """The trust evidence shows, 1 (a connection) .. EVIDENCE_TRUST_MAX: only an exchange
    both ways counts (one-way mail, a newsletter or a cold message, makes no tie).

    >>> evidence_trust(Evidence(source="x", received=40)), evidence_trust(Evidence(source="x"))
    (1.0, 1.0)
    >>> round(evidence_trust(Evidence(source="x", sent=20, received=21)), 2)
    3.75
    """
    exchange = min(evidence.sent, evidence.received)
    weight = exchange / MAIL_SCALE + evidence.meetings / MEETING_SCALE
    trust = 1.0 + (EVIDENCE_TRUST_MAX - 1.0) * (1.0 - math.exp(-weight))
    if evidence.recommended_you is not None or evidence.you_recommended is not None:
        trust = max(trust, RECOMMENDED_TRUST)
    if evidence.brought_together:
        trust = max(trust, ACTED_TRUST)
    return trust


def evidence_work(evidence: Evidence, *, colleague: bool = False) -> float:
    """How well evidence shows they know your work, 0 .. RECOMMENDED_WORK; ``colleague``:
    they work at your company now.

    >>> evidence_work(Evidence(source="x", endorsed_you=5)), evidence_work(Evidence(source="x"))
    (2.0, 0.0)
    >>> evidence_work(Evidence(source="x", sent=2, received=1), colleague=True)
    2.0
    """
    if evidence.recommended_you is not None:
        return RECOMMENDED_WORK
    work = min(ENDORSED_WORK_MAX, float(evidence.endorsed_you))
    dealings = min(evidence.sent, evidence.received) or evidence.meetings or evidence.together
    if colleague and dealings:
        work = max(work, COLLEAGUE_WORK)
    return work


def written_quality(trust: float, knows_my_work: float) -> float:
    """The quality of a tie from what you wrote: trust weighs TRUST_WEIGHT, knowledge of
    your work the rest.

    >>> round(written_quality(4, 3), 2), written_quality(5, 5)
    (0.71, 1.0)
    """
    return TRUST_WEIGHT * trust / SCALE_MAX + (1 - TRUST_WEIGHT) * knows_my_work / SCALE_MAX


def structural_quality(mutual: int) -> float:
    """The quality the contacts you share with someone give a tie you barely know: rising
    to WEAK_TIE_VALUE at MUTUAL_PEAK shared contacts, then level.

    >>> structural_quality(0), structural_quality(2), structural_quality(9)
    (0.0, 0.15, 0.3)
    """
    return WEAK_TIE_VALUE * min(1.0, mutual / MUTUAL_PEAK)


def fresh_told(
    contact: Contact, me: Me, as_of: dt.date
) -> tuple[tuple[Told, ...], tuple[Told, ...]]:
    """What a contact knows of your plans that is still current, and what they were told
    but is out of date (older than TOLD_FRESH, or told before ``me.plans_since``; an item
    told on an unknown day counts as current unless ``plans_since`` is set).

    >>> from warmreach.model import Contact, Me, PartialDate
    >>> told = Contact(id="a", name="A", told=("aspiration", "availability"),
    ...                told_on=(("availability", PartialDate(year=2025, month=1)),))
    >>> fresh_told(told, Me(name="Me"), dt.date(2026, 11, 25))
    (('aspiration',), ('availability',))
    """
    current: list[Told] = []
    expired: list[Told] = []
    since = me.plans_since.first_day() if me.plans_since is not None else None
    for item in contact.told:
        day = contact.told_date(item)
        if day is None:
            stale = since is not None
        else:
            told = min(day.last_day(), as_of)
            stale = months_between(told, as_of) > TOLD_FRESH[item] or (
                since is not None and told < since
            )
        (expired if stale else current).append(item)
    return tuple(current), tuple(expired)


def readiness_factor(told: Iterable[Told]) -> float:
    """The share of a tie's willingness left while they lack some of your plans.

    >>> readiness_factor(["role", "aspiration", "availability"]), readiness_factor([])
    (1.0, 0.6)
    """
    known = set(told)
    lost = sum((loss for item, loss in READINESS_LOSS.items() if item not in known), 0.0)
    return round(1.0 - lost, 6)


@dataclass(frozen=True, kw_only=True)
class TieStrength:
    """Your direct tie to one contact, and the factors that made it."""

    #: the trust written in the file, or, where the file gives none, what evidence shows
    trust: float
    #: from trust and knowledge of your work, or from shared contacts: 0 .. 1
    quality: float
    #: whether the shared contacts, not what you wrote, set ``quality``
    structural: bool
    #: your direct ties this person knows
    mutual: int
    #: from the months since you were last in touch: RECENCY_FLOOR .. 1
    recency: float
    #: from the age of the relationship: 1 .. 1 + DURATION_BONUS
    duration: float
    #: months since you were last in touch, None when unknown
    months_silent: float | None
    #: months since you met, None when unknown
    months_known: float | None
    #: what they know of your plans that is still current, in TOLD_ITEMS order
    told: tuple[Told, ...]
    #: what they were told that is out of date
    expired: tuple[Told, ...]
    #: all imports found of your dealings, when any did; and whether it set the trust or
    #: the knowledge of your work (what the file does not say)
    evidence: Evidence | None = None
    from_evidence: bool = False

    @cached_property
    def strength(self) -> float:
        """What they can say about you: 0 .. 1."""
        return min(1.0, self.quality * self.recency * self.duration)

    @cached_property
    def readiness(self) -> float:
        """How much of your plans they know (current items only): 0.6 .. 1."""
        return readiness_factor(self.told)

    @property
    def untold(self) -> tuple[Told, ...]:
        """What they do not know (or knew long ago), in TOLD_ITEMS order."""
        return tuple(item for item in TOLD_ITEMS if item not in self.told)

    @cached_property
    def willingness(self) -> float:
        """The chance they act on a request from you now: 0 .. ACCEPT_MAX."""
        return ACCEPT_MAX * self.strength * self.readiness

    @property
    def is_new(self) -> bool:
        """A relationship younger than NEW_MONTHS (unknown ``met``: not new)."""
        return self.months_known is not None and self.months_known < NEW_MONTHS

    @property
    def is_stale(self) -> bool:
        """Out of touch for longer than STALE_MONTHS (unknown: not stale)."""
        return self.months_silent is not None and self.months_silent > STALE_MONTHS

    @property
    def can_vouch(self) -> bool:
        """Whether they can be asked to vouch for you now, directly or as a bridge: trusted
        enough (as written), not a new connection, not out of touch for years."""
        return self.trust >= MIN_VOUCH_TRUST and not self.is_new and not self.is_stale


def trust_from_evidence(contact: Contact) -> bool:
    """Whether what imports found sets ``contact``'s trust: the file gives none (an
    imported person's record), they are a direct tie, and there is evidence."""
    return not contact.trust_written and contact.trust > 0 and bool(contact.evidence)


def may_vouch(contact: Contact) -> bool:
    """Whether ``contact`` can vouch for you on some day, as far as the file tells: the
    trust it gives is MIN_VOUCH_TRUST or more, or evidence sets it. When not,
    :attr:`TieStrength.can_vouch` is False whatever the day: their tie need not be worked
    out to know it (most people a route passes are never asked to vouch).

    >>> from warmreach.model import Contact
    >>> may_vouch(Contact(id="a", name="A", trust=1)), may_vouch(Contact(id="b", name="B", trust=2))
    (False, True)
    """
    return contact.trust >= MIN_VOUCH_TRUST or trust_from_evidence(contact)


def tie_strength(contact: Contact, me: Me, as_of: dt.date, *, mutual: int = 0) -> TieStrength:
    """Your direct tie to ``contact`` on the day ``as_of``; ``mutual`` is how many of your
    direct ties they know.

    ``met`` counts from the first day it can mean, ``last_contact`` from the last. Where
    imports found evidence (``contact.evidence``), it stands in for what the file does not
    say: the trust and knowledge of your work the file leaves out (:func:`evidence_trust`,
    :func:`evidence_work`), ``met`` (the first interaction, when it is NEW_MONTHS old or
    more: how long you have known them at least), and the last contact (the later of the
    file's and the evidence's).

    >>> from warmreach.model import Contact, Me
    >>> quiet = Contact(id="q", name="Q", trust=1)
    >>> tie_strength(quiet, Me(name="Ana"), dt.date(2026, 11, 25), mutual=4).quality
    0.3
    """
    evidence = Evidence.total(contact.evidence) if contact.evidence else None
    trust: float = contact.trust
    work: float = contact.knows_my_work
    from_evidence = False
    if evidence is not None and contact.trust > 0:
        if trust_from_evidence(contact):
            trust, from_evidence = evidence_trust(evidence), True
        if not contact.work_written:
            colleague = contact.company is not None and contact.company == me.company
            work, from_evidence = evidence_work(evidence, colleague=colleague), True
    written = written_quality(trust, work) if trust > 0 else 0.0
    structure = structural_quality(mutual) if trust > 0 else 0.0
    last = later(contact.last_contact, evidence.last if evidence is not None else None)
    months_known = months_since(contact.met, as_of, PartialDate.first_day)
    if months_known is None and evidence is not None:
        # the day you connected is when you met, as far as LinkedIn knows, however recent;
        # the first interaction another source saw says you have known them at least that
        # long, and a recent one nothing (the mailbox may begin last month)
        seen = months_since(evidence.first, as_of, PartialDate.first_day)
        known = [months_since(evidence.connected, as_of, PartialDate.first_day)]
        known.append(seen if seen is not None and seen >= NEW_MONTHS else None)
        months_known = max((months for months in known if months is not None), default=None)
    months_silent = months_since(last, as_of, PartialDate.last_day)
    told, expired = fresh_told(contact, me, as_of)
    return TieStrength(
        trust=trust,
        quality=max(written, structure),
        structural=structure > written,
        mutual=mutual,
        recency=recency_factor(months_silent),
        duration=duration_factor(months_known),
        months_silent=months_silent,
        months_known=months_known,
        told=told,
        expired=expired,
        evidence=evidence,
        from_evidence=from_evidence,
    )
