"""The value of a week: your chance of an interview at each target, weighted by target.

Each ask is a **chance**: the probability ``p`` that it ends in a referral (the route's
chance, the number ``warmreach analyze`` scores with), the interview chance ``v`` that
referral gives (its ``if_referred``), and the probability ``s`` that the step setting it
up succeeds (1 for an ask made now). Asks of different people are independent; a
target's interview chance is what the best referral you get gives, on average::

    P(target) = DIRECT + E[ max over the asks that come through of (v - DIRECT) ]

with each ask coming through with probability ``s x p x REPEAT^k`` (``k`` counts the
earlier asks of the same person: asking one person for a second thing is worth half as
much). A single ask gives exactly the analysis score of its route; two asks give more
than either (a backup raises the chance that at least one referral happens) but never
more than the best referral gives once made, so no plan goes beyond the model's
ceiling. The week's value is the targets' P weighted by target; it grows with every
chance added, and each adds less the more a target already has.

>>> bob = Chance(key=("bob", "a"), target=0, person="bob", p=0.8, v=0.9)
>>> round(target_chances([bob], 1)[0], 3)  # what analyze scores bob's route
0.772
>>> mei = Chance(key=("mei", "a"), target=0, person="mei", p=0.8, v=0.9)
>>> round(target_chances([bob, mei], 1)[0], 3)  # at least one of two: never above 0.9
0.874
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
    #: the chance the ask ends in the referral (or the word reaching the hiring manager)
    p: float
    #: the interview chance once that referral is made: DIRECT .. CEILING
    v: float
    #: the chance the step that sets it up succeeds
    s: float = 1.0
    #: an ask the file already records (counted before any new ask of the same person)
    recorded: bool = False

    @property
    def worth(self) -> float:
        """What it adds to a target that has nothing else: ``s x p x (v - DIRECT)``."""
        return self.s * self.p * (self.v - DIRECT)


def interview_chance(asks: Iterable[tuple[float, float]]) -> float:
    """One target's interview chance from its asks, each (the chance it comes through,
    the interview chance its referral gives): the best referral that comes through
    counts, on average.

    >>> interview_chance([]), round(interview_chance([(0.5, 0.8)]), 2)
    (0.26, 0.53)
    """
    total, missed = DIRECT, 1.0
    for chance, value in sorted(asks, key=lambda ask: -ask[1]):
        total += missed * chance * (value - DIRECT)
        missed *= 1.0 - chance
    return total


def discounted(
    chances: Iterable[Chance], weights: Sequence[float] | None = None
) -> list[tuple[float, float]]:
    """Each chance as (the chance it comes through, ``v``): ``s x p``, discounted by REPEAT
    for each earlier ask of the same person (recorded asks first, then the most valuable)."""
    listed = list(chances)
    by_person: dict[str, list[int]] = {}
    for index, chance in enumerate(listed):
        by_person.setdefault(chance.person, []).append(index)
    found = [(0.0, DIRECT)] * len(listed)
    for indices in by_person.values():
        indices.sort(
            key=lambda i: (
                not listed[i].recorded,
                -(listed[i].worth * (weights[listed[i].target] if weights else 1.0)),
                listed[i].key,
            )
        )
        for rank, index in enumerate(indices):
            chance = listed[index]
            found[index] = (chance.s * chance.p * REPEAT**rank, chance.v)
    return found


def target_chances(
    chances: Iterable[Chance], targets: int, weights: Sequence[float] | None = None
) -> list[float]:
    """Every target's interview chance (``targets`` of them) given ``chances``."""
    listed = list(chances)
    per_target: list[list[tuple[float, float]]] = [[] for _ in range(targets)]
    for chance, ask in zip(listed, discounted(listed, weights), strict=True):
        per_target[chance.target].append(ask)
    return [interview_chance(asks) for asks in per_target]


def week_value(chances: Mapping[tuple[str, ...], Chance], weights: Sequence[float]) -> float:
    """The weighted sum of the targets' interview chances."""
    values = target_chances(chances.values(), len(weights), weights)
    return math.fsum(weight * value for weight, value in zip(weights, values, strict=True))


__all__ = ["REPEAT", "Chance", "discounted", "interview_chance", "target_chances", "week_value"]
