"""What a route is worth: the interview chance a referral gives, and a route's score.

For a candidate ``c`` and a route ``r`` to them::

    referral    = vouch(r) x standing(c)                     what their word is worth
    if_referred = DIRECT + (CEILING - DIRECT) x (1 - exp(-referral / TAU))
    score       = DIRECT + chance(r) x (if_referred - DIRECT)

``if_referred`` is the interview chance once they have referred you, calibrated so that
an average referral (a friend who trusts you, elsewhere at the company) sits at
REFERRED, Fernandez & Weinberg's rate for referred applicants; ``score`` is what the
route gives on average, counting the chance it ends in no referral at all.
``docs/scoring.md`` gives every constant with its source or as our assumption.

>>> [round(interview_chance(worth), 3) for worth in (0.0, REFERENCE, 1.0)]
[0.26, 0.8, 0.908]
>>> round(route_score(Route(path=("me", "bob"), chance=0.5, vouch=1.0), standing=1.0), 3)
0.584
"""

from __future__ import annotations

import math
from typing import Final

from warmreach.scoring.paths import Route
from warmreach.scoring.results import Position
from warmreach.scoring.standing import STANDING
from warmreach.scoring.ties import written_quality

#: interview rate of a direct application (Fernandez & Weinberg 1997: 26%)
DIRECT: Final = 0.26
#: interview rate of an average referred applicant (Fernandez & Weinberg 1997: 80%): a raw
#: rate (referred applicants also had better-suited résumés), read as the level an average
#: referral brings you to (our reading, docs/scoring.md)
REFERRED: Final = 0.80
#: the interview rate no referral goes beyond
CEILING: Final = 0.92
#: what the average referral of Fernandez & Weinberg's study is worth here: an employee who
#: trusts you (4 of 5) and has seen your work (3 of 5), elsewhere in the company
REFERENCE_TRUST: Final = 4
REFERENCE_WORK: Final = 3
#: a route must add this much to the interview chance to be worth more than applying
MIN_LIFT: Final = 0.04

#: the worth of the average referral, and how fast the interview chance rises with a
#: referral's worth: set so that the average referral gives REFERRED
REFERENCE: Final = written_quality(REFERENCE_TRUST, REFERENCE_WORK) * STANDING[Position.AT_COMPANY]
TAU: Final = -REFERENCE / math.log(1 - (REFERRED - DIRECT) / (CEILING - DIRECT))


def interview_chance(referral: float) -> float:
    """The interview chance once referred by someone whose word is worth ``referral``."""
    return DIRECT + (CEILING - DIRECT) * (1 - math.exp(-referral / TAU))


def route_score(route: Route, standing: float) -> float:
    """The expected interview chance of a route to someone of this standing."""
    return DIRECT + route.chance * (interview_chance(route.vouch * standing) - DIRECT)


__all__ = [
    "CEILING",
    "DIRECT",
    "MIN_LIFT",
    "REFERENCE",
    "REFERENCE_TRUST",
    "REFERENCE_WORK",
    "REFERRED",
    "TAU",
    "interview_chance",
    "route_score",
]
