"""The value of a week: your chance of an interview at each target, weighted by target.

Each ask is a **chance**: the probability ``q`` that it ends in a referral that gets you
the interview (the route's chance times what the referral adds over applying, the same
numbers ``warmreach analyze`` scores with), times the probability ``s`` that the step
setting it up succeeds (1 for an ask made now). Asks of different people are
independent, so a target's interview chance is::

    P(target) = 1 - (1 - DIRECT) x product over its chances of (1 - s x q x REPEAT^k)

where ``k`` counts the earlier asks of the same person (REPEAT: asking one person for a
second thing is worth half as much). A single ask gives exactly the analysis score of
its route. The week's value is the sum of the targets' P weighted by target; it grows
with every chance added, and each chance adds less the more a target already has
(``1 - product``: a noisy OR), which is what makes a second or third warm route into a
team worth having but worth less than the first.

>>> chances = [Chance(key=("bob", "a"), target=0, person="bob", q=0.5)]
>>> round(target_chances(chances, 1)[0], 3)
0.63
>>> both = chances + [Chance(key=("mei", "a"), target=0, person="mei", q=0.5)]
>>> round(target_chances(both, 1)[0], 3)
0.815
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.scoring import DIRECT

#: what a second ask of the same person is worth, relative to the first (our assumption:
#: goodwill is spent by asking; each further ask is worth half the one before)
REPEAT: Final = 0.5


@dataclass(frozen=True, kw_only=True)
class Chance:
    """One ask's chance of getting you an interview at one target."""

    #: what the ask is, for replacing it: (person asked, target key, whom to, ...)
    key: tuple[str, ...]
    #: the index of the target
    target: int
    #: the person asked (the repeat discount counts their asks)
    person: str
    #: the chance the ask ends in a referral that gets you the interview: 0 .. 1
    q: float
    #: the chance the step that sets it up succeeds
    s: float = 1.0
    #: an ask the file already records (counted before any new ask of the same person)
    recorded: bool = False

    @property
    def worth(self) -> float:
        return self.s * self.q


def interview_chance(qs: Iterable[float]) -> float:
    """One target's interview chance from the chances of its asks (a noisy OR over
    applying directly)."""
    missed = math.prod(1.0 - q for q in qs)
    return 1.0 - (1.0 - DIRECT) * missed


def discounted(chances: Iterable[Chance], weights: Sequence[float] | None = None) -> list[float]:
    """Each chance's ``s x q``, discounted by REPEAT for each earlier ask of the same person
    (recorded asks first, then the most valuable)."""
    listed = list(chances)
    by_person: dict[str, list[int]] = {}
    for index, chance in enumerate(listed):
        by_person.setdefault(chance.person, []).append(index)
    found = [0.0] * len(listed)
    for indices in by_person.values():
        indices.sort(
            key=lambda i: (
                not listed[i].recorded,
                -(listed[i].worth * (weights[listed[i].target] if weights else 1.0)),
                listed[i].key,
            )
        )
        for rank, index in enumerate(indices):
            found[index] = listed[index].worth * REPEAT**rank
    return found


def target_chances(
    chances: Iterable[Chance], targets: int, weights: Sequence[float] | None = None
) -> list[float]:
    """Every target's interview chance (``targets`` of them) given ``chances``."""
    listed = list(chances)
    per_target: list[list[float]] = [[] for _ in range(targets)]
    for chance, worth in zip(listed, discounted(listed, weights), strict=True):
        per_target[chance.target].append(worth)
    return [interview_chance(qs) for qs in per_target]


def week_value(chances: Mapping[tuple[str, ...], Chance], weights: Sequence[float]) -> float:
    """The weighted sum of the targets' interview chances."""
    values = target_chances(chances.values(), len(weights), weights)
    return math.fsum(weight * value for weight, value in zip(weights, values, strict=True))


__all__ = ["REPEAT", "Chance", "discounted", "interview_chance", "target_chances", "week_value"]
