"""What to do about a candidate now: the action policy, and when you may ask at all.

:func:`choose_action` is a pure function of where the candidate stands, your tie to them,
their routes with scores, and whether you can ask yet; the vocabulary of actions is
:data:`~warmreach.scoring.results.Action`. ``docs/scoring.md`` ("The action") states the
rules.

>>> from warmreach.scoring.paths import Route
>>> own = Route(path=("me", "bo"), chance=0.6, vouch=0.9)
>>> choose_action(position=Position.AT_COMPANY, tie=None, scored=[(0.5, own)], can_ask=True)
('info-chat', Route(path=('me', 'bo'), chance=0.6, vouch=0.9, supporter=None))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from warmreach.model import PartialDate
from warmreach.scoring.chances import DIRECT, MIN_LIFT
from warmreach.scoring.paths import Route
from warmreach.scoring.results import Action, Position
from warmreach.scoring.ties import TieStrength

#: you ask for referrals from this many weeks before the day you can start
ASK_LEAD_WEEKS: Final = 6
#: how much a friend's word must add to asking someone yourself to be asked for (and named)
WORD_WORTH: Final = 0.02


def worth_a_word(with_word: float, alone: float) -> bool:
    """Whether a friend's word beside your own ask, scoring ``with_word`` against
    ``alone`` without it, adds enough to ask the friend for it: a message to them costs
    your time, and a word that adds next to nothing is not advised, named or planned.

    >>> worth_a_word(0.52, 0.45), worth_a_word(0.46, 0.45)
    (True, False)
    """
    return with_word - alone >= WORD_WORTH


def ask_from(available: str | PartialDate, as_of: dt.date) -> tuple[bool, dt.date | None]:
    """Whether you can ask for referrals now, and when you can when not yet (None: you have
    not said when).

    >>> ask_from("now", dt.date(2026, 11, 25)), ask_from("later", dt.date(2026, 11, 25))
    ((True, None), (False, None))
    >>> ask_from(PartialDate(year=2027, month=3), dt.date(2026, 11, 25))
    (False, datetime.date(2027, 1, 18))
    """
    if available == "now":
        return True, None
    if available == "later" or not isinstance(available, PartialDate):
        return False, None
    start = available.first_day() - dt.timedelta(weeks=ASK_LEAD_WEEKS)
    return (True, None) if as_of >= start else (False, start)


def choose_action(
    *,
    position: Position,
    tie: TieStrength | None,
    scored: Sequence[tuple[float, Route]],
    can_ask: bool,
) -> tuple[Action, Route | None]:
    """What to do about a candidate now, and by which route: ``scored`` are their routes
    with scores, best first; ``tie`` your direct tie to them, if any."""
    worth = DIRECT + MIN_LIFT
    # asking them yourself, with a friend's word when one can be given (the best of it)
    # and it is worth asking for
    own = next(((s, r) for s, r in scored if not r.is_introduction), None)
    alone = next(((s, r) for s, r in scored if not r.is_introduction and r.supporter is None), None)
    if own is not None and alone is not None and not worth_a_word(own[0], alone[0]):
        own = alone
    intro = next(((s, r) for s, r in scored if r.is_introduction), None)
    if position is Position.HIRING_MANAGER:
        if intro is not None and intro[0] >= worth and (alone is None or intro[0] > alone[0]):
            # a word through a friend beats your own approach
            return ("ask-intro" if can_ask else "ask-later"), intro[1]
        if own is not None:
            return ("reach-out" if can_ask else "ask-later"), own[1]
        return "apply-directly", None
    if own is not None and tie is not None and tie.can_vouch:
        if own[0] < worth:
            return "apply-directly", None
        if position is Position.FORMERLY_AT_COMPANY:
            return "info-chat", own[1]
        if not can_ask:
            return "ask-later", own[1]
        if not {"aspiration", "availability"} <= set(tie.told):
            return "signal-then-ask", own[1]
        return "ask-referral", own[1]
    if intro is not None and intro[0] >= worth and position is not Position.FORMERLY_AT_COMPANY:
        return ("ask-intro" if can_ask else "ask-later"), intro[1]
    if own is not None and (own[0] >= worth or position is not Position.FORMERLY_AT_COMPANY):
        # a tie of yours there who cannot vouch yet: reconnect first when out of touch for
        # years, else talk about their work first (a first chat), and ask later
        stale = tie is not None and tie.is_stale
        return ("nurture" if stale else "info-chat"), own[1]
    return "apply-directly", None


__all__ = ["ASK_LEAD_WEEKS", "WORD_WORTH", "ask_from", "choose_action", "worth_a_word"]
