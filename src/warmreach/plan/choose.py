"""Choosing the week: the options that raise the week's value most for the minutes.

The value (:mod:`warmreach.plan.value`) is monotone and submodular in the set of asks: an
ask never lowers it, and adds less the more the target already has. For such a value
under a budget of minutes, taking the option with the best **gain per minute** that
fits, over and over, and comparing the result with the best **single** option, is
within a factor (1 - 1/e)/2 ≈ 0.32 of the best possible plan when every option has a
fixed cost (Khuller, Moss & Naor 1999; Leskovec et al. 2007). Here an option's cost
depends on the conversation it joins (the first item of a conversation pays its length,
each further one EXTRA_ITEM minutes), so the guarantee is not proved for our costs;
``benchmarks/plan_optimality.py`` measures the ratio to the optimum found by brute force,
and the tests check it against that bound.

Two refinements make the plan behave as a person expects. The greedy run is started
once from nothing and once from the best single option, and the better kept. And it is
run for every budget from 0 up to yours in steps of the smallest unit of minutes
(STEP_MINUTES), keeping the best: so more hours never give a worse plan.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from warmreach.plan.steps.base import EXTRA_ITEM, Option
from warmreach.plan.value import Chance, discounted, interview_chance, week_value
from warmreach.scoring import ACTIONS

#: every option's minutes are a multiple of this
STEP_MINUTES: Final = 5
#: gains below this are no gain (rounding noise)
NO_GAIN: Final = 1e-9

OrderKey = tuple[float, float, int, tuple[float, ...], str, str]


class State:
    """The chances held after some options, and each target's interview chance, kept up
    to date as options are added (only the targets an option touches are recomputed)."""

    def __init__(self, chances: Iterable[Chance], weights: Sequence[float]) -> None:
        self.weights = list(weights)
        self.chances: dict[tuple[str, ...], Chance] = {}
        self.by_person: dict[str, set[tuple[str, ...]]] = {}
        self.by_target: list[set[tuple[str, ...]]] = [set() for _ in self.weights]
        #: each chance's (chance it comes through, interview chance it gives), discounted
        self.worth: dict[tuple[str, ...], tuple[float, float]] = {}
        self.values = [interview_chance(()) for _ in self.weights]
        self.add(chances)

    def copy(self) -> State:
        other = State((), self.weights)
        other.chances = dict(self.chances)
        other.by_person = {person: set(keys) for person, keys in self.by_person.items()}
        other.by_target = [set(keys) for keys in self.by_target]
        other.worth = dict(self.worth)
        other.values = list(self.values)
        return other

    @property
    def total(self) -> float:
        return math.fsum(w * v for w, v in zip(self.weights, self.values, strict=True))

    def _after(
        self, new: Sequence[Chance]
    ) -> tuple[
        dict[tuple[str, ...], Chance], dict[tuple[str, ...], tuple[float, float]], dict[int, float]
    ]:
        """The chances replaced or added, the worths that change, and the targets' new
        interview chances, if ``new`` were added."""
        merged = {chance.key: chance for chance in new}
        people = {chance.person for chance in new}
        changed: dict[tuple[str, ...], tuple[float, float]] = {}
        for person in people:
            keys = set(self.by_person.get(person, ())) | {
                key for key, chance in merged.items() if chance.person == person
            }
            listed = [merged.get(key) or self.chances[key] for key in sorted(keys)]
            for chance, worth in zip(listed, discounted(listed, self.weights), strict=True):
                changed[chance.key] = worth
        targets: dict[int, set[tuple[str, ...]]] = {}
        for key in changed:
            chance = merged.get(key) or self.chances[key]
            old = self.chances.get(key)
            targets.setdefault(chance.target, set()).add(key)
            if old is not None and old.target != chance.target:  # pragma: no cover - keys fix it
                targets.setdefault(old.target, set())
        values = {
            target: interview_chance(
                changed.get(key, self.worth.get(key, (0.0, 0.0)))
                for key in self.by_target[target] | keys
            )
            for target, keys in targets.items()
        }
        return merged, changed, values

    def gain(self, new: Sequence[Chance]) -> float:
        """What adding ``new`` would add to the week's value."""
        _, _, values = self._after(new)
        return math.fsum(
            self.weights[target] * (value - self.values[target]) for target, value in values.items()
        )

    def add(self, new: Iterable[Chance]) -> None:
        listed = list(new)
        if not listed:
            return
        merged, changed, values = self._after(listed)
        for key, chance in merged.items():
            self.chances[key] = chance
            self.by_person.setdefault(chance.person, set()).add(key)
            self.by_target[chance.target].add(key)
        self.worth.update(changed)
        for target, value in values.items():
            self.values[target] = value


@dataclass(frozen=True)
class Taken:
    """One option as a run took it."""

    option: Option
    gain: float
    minutes: int
    before: list[float]
    after: list[float]


@dataclass
class Choice:
    """One run of the greedy: the options taken, in order, with their gains and minutes."""

    state: State
    #: the options taken, each with its gain, its minutes, and the targets' interview
    #: chances before and after it
    taken: list[Taken] = field(default_factory=list)
    items: dict[str, list[Option]] = field(default_factory=dict)
    calls: set[str] = field(default_factory=set)
    minutes: int = 0
    #: whether an option with a gain was left out for lack of minutes
    constrained: bool = False

    @property
    def value(self) -> float:
        return self.state.total

    def cost(self, option: Option) -> int | None:
        """The minutes ``option`` adds to the week, or None when it cannot join it: one
        conversation per person, one item of each slot in it."""
        if option.person in self.calls or any(
            person in self.calls or person in self.items for person, _ in option.calls
        ):
            return None
        items = self.items.get(option.person, [])
        if any(item.slot == option.slot for item in items):
            return None
        before = conversation_minutes(items)
        extra = sum(minutes for _, minutes in option.calls)
        return conversation_minutes([*items, option]) - before + extra

    def take(self, option: Option, gain: float, minutes: int) -> None:
        before = list(self.state.values)
        self.state.add(option.chances)
        self.taken.append(Taken(option, gain, minutes, before, list(self.state.values)))
        self.items.setdefault(option.person, []).append(option)
        self.calls.update(person for person, _ in option.calls)
        self.minutes += minutes


def conversation_minutes(items: Sequence[Option]) -> int:
    """A conversation's length: its longest item, and EXTRA_ITEM for each other one."""
    if not items:
        return 0
    return max(item.minutes for item in items) + EXTRA_ITEM * (len(items) - 1)


def week_minutes(options: Iterable[Option]) -> int | None:
    """The minutes a set of options takes, or None when it breaks a rule of the week: one
    conversation per person (the person an introduction is to included), one item of a
    slot in each."""
    items: dict[str, list[Option]] = {}
    calls: dict[str, int] = {}
    for option in options:
        conversation = items.setdefault(option.person, [])
        if any(item.slot == option.slot for item in conversation):
            return None
        conversation.append(option)
        for person, minutes in option.calls:
            if person in calls:
                return None
            calls[person] = minutes
    if calls.keys() & items.keys():
        return None
    return sum(conversation_minutes(c) for c in items.values()) + sum(calls.values())


def brute_force(options: Sequence[Option], base: State, budget: int) -> float:
    """The best value any set of ``options`` that fits ``budget`` gives, every set tried:
    the yardstick the greedy is measured against on small weeks (2^n sets)."""
    best = base.total
    for size in range(1, len(options) + 1):
        for subset in itertools.combinations(options, size):
            minutes = week_minutes(subset)
            if minutes is None or minutes > budget:
                continue
            held = dict(base.chances)
            for option in subset:
                held.update({chance.key: chance for chance in option.chances})
            best = max(best, week_value(held, base.weights))
    return best


def order_key(option: Option, gain: float, minutes: int) -> OrderKey:
    """Best gain per minute first, then the larger gain; then the kind of step, the more
    relevant people (``Pricer.relevance``), and ids."""
    return (
        -gain / minutes,
        -gain,
        ACTIONS.index(option.action),
        option.relevance,
        option.person,
        "/".join(chance.key[2] + chance.key[3] for chance in option.chances),
    )


def greedy(
    options: Sequence[Option], base: State, budget: int, seed: Option | None = None
) -> Choice:
    """The greedy run within ``budget`` minutes, started from ``seed`` when given.

    Lazily evaluated (Minoux's accelerated greedy): gains only shrink as options are
    taken, so a gain worked out in an earlier round bounds the current one, and an option
    is re-evaluated only when it reaches the top. Costs fall when a conversation with
    the same person starts, so those options are re-evaluated at once.
    """
    choice = Choice(state=base.copy())
    if seed is not None:
        minutes = choice.cost(seed)
        if minutes is not None and minutes <= budget:
            choice.take(seed, choice.state.gain(seed.chances), minutes)
    heap: list[tuple[OrderKey, int, int]] = []
    latest: dict[int, int] = {}
    evaluated: dict[int, tuple[int, float, int]] = {}  # option -> (round, gain, minutes)
    parked: dict[str, list[int]] = {}
    by_person: dict[str, list[int]] = {}
    rounds = 0
    tags = itertools.count()

    def evaluate(index: int) -> None:
        option = options[index]
        minutes = choice.cost(option)
        if minutes is None:
            return  # it can no longer join the week
        gain = choice.state.gain(option.chances)
        if gain <= NO_GAIN:
            return
        if choice.minutes + minutes > budget:
            choice.constrained = True
            parked.setdefault(option.person, []).append(index)
            return
        tag = next(tags)
        latest[index] = tag
        evaluated[index] = (rounds, gain, minutes)
        heapq.heappush(heap, (order_key(option, gain, max(minutes, 1)), tag, index))

    for index, option in enumerate(options):
        if option is seed and choice.taken:
            continue
        by_person.setdefault(option.person, []).append(index)
        evaluate(index)
    while heap:
        _, tag, index = heapq.heappop(heap)
        if latest.get(index) != tag:
            continue
        done, gain, minutes = evaluated[index]
        if done != rounds:
            evaluate(index)
            continue
        option = options[index]
        choice.take(option, gain, minutes)
        latest.pop(index)
        rounds += 1
        for other in [*parked.pop(option.person, []), *by_person[option.person]]:
            if other != index and (other in latest or other not in evaluated):
                latest.pop(other, None)
                evaluate(other)
    return choice


def best_single(options: Sequence[Option], base: State, budget: int) -> Option | None:
    """The option worth most on its own within ``budget`` (ties as :func:`order_key`)."""
    empty = Choice(state=base)
    found: tuple[tuple[float, OrderKey], Option] | None = None
    for option in options:
        minutes = empty.cost(option)
        if minutes is None or minutes > budget:
            continue
        gain = base.gain(option.chances)
        if gain <= NO_GAIN:
            continue
        key = (-gain, order_key(option, gain, max(minutes, 1)))
        if found is None or key < found[0]:
            found = (key, option)
    return None if found is None else found[1]


#: with more options than this, the greedy sees a shortlist: the best SHORTLIST options by
#: gain per minute and the best SHORTLIST by gain (a week of a few hours holds a dozen
#: conversations; an option's gain only falls as others join)
SHORTLIST: Final = 400


def shortlist(options: Sequence[Option], base: State) -> list[Option]:
    """The options worth weighing, in their order: all of them when they are few, else the
    best by gain per minute and the best by gain (see SHORTLIST)."""
    gains = [base.gain(option.chances) for option in options]
    useful = [index for index, gain in enumerate(gains) if gain > NO_GAIN]
    if len(useful) <= SHORTLIST:
        return [options[index] for index in useful]
    empty = Choice(state=base)
    minutes = {index: max(empty.cost(options[index]) or 1, 1) for index in useful}

    def ranked(by: Callable[[int], float]) -> list[int]:
        return sorted(useful, key=lambda i: (by(i), order_key(options[i], gains[i], minutes[i])))

    kept = {*ranked(lambda i: -gains[i] / minutes[i])[:SHORTLIST]}
    kept |= {*ranked(lambda i: -gains[i])[:SHORTLIST]}
    return [options[index] for index in sorted(kept)]


def choose(options: Sequence[Option], base: State, budget: int) -> Choice:
    """The best plan the greedy finds for any budget up to ``budget``, from nothing or
    from the best single option, among the :func:`shortlist`. Budgets past the first one
    that constrains neither run give the same runs, and are skipped."""
    useful = shortlist(options, base)
    best = Choice(state=base.copy())
    for minutes in sorted({*range(0, budget + 1, STEP_MINUTES), budget}):
        seed = best_single(useful, base, minutes)
        runs = [greedy(useful, base, minutes)]
        if seed is not None:
            runs.append(greedy(useful, base, minutes, seed))
        for run in runs:
            if run.value > best.value + NO_GAIN:
                best = run
        if not any(run.constrained for run in runs):
            break
    return best


__all__ = [
    "SHORTLIST",
    "STEP_MINUTES",
    "Choice",
    "State",
    "Taken",
    "best_single",
    "choose",
    "conversation_minutes",
    "greedy",
    "shortlist",
]
