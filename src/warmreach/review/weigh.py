"""Weighing an answer: how much one plausible answer about a person moves each target's
chance of an interview through a referral (the plan's value, backups included).

Only the routes an answer can change are scored again: those that start with the person
(asking them, an introduction through them) or carry their word; everyone's standing and
every other route stay as they were. Someone who becomes a direct tie changes the ties of
the people they know too: then every candidate is scored again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.dates import PartialDate
from warmreach.model import Contact, Opening
from warmreach.plan.value import interview_chance as combined_chance
from warmreach.scoring import ReferralModel
from warmreach.scoring.chances import interview_chance, route_score
from warmreach.scoring.paths import Route
from warmreach.scoring.ranking import Evaluation, route_through
from warmreach.scoring.results import Position
from warmreach.scoring.standing import standing_of

#: a person is asked about only when their answers could move a target's chance this much
MIN_VALUE: Final = 0.002


@dataclass(frozen=True)
class Answer:
    """One plausible answer about a person, and its prior chance."""

    weight: float
    trust: int | None = None
    work: int | None = None
    last: PartialDate | None = None
    #: the team id to put them on (a rebuilt model), when the answer is "on the team"
    team: tuple[str, str] | None = None

    @property
    def about_tie(self) -> bool:
        """Whether it says something of the tie (trust, knowledge of your work, last
        contact), not only of the team."""
        return self.trust is not None or self.work is not None or self.last is not None


def _strength(answer: Answer) -> tuple[int, int, dt.date]:
    """How strong a tie ``answer`` says (what is not answered counts as the least)."""
    last = answer.last.first_day() if answer.last is not None else dt.date.min
    return (answer.trust or 0, answer.work or 0, last)


class Chances:
    """Each target's candidates with their best route's chance and worth, and the target's
    interview chance: what answers are weighed against."""

    def __init__(self, model: ReferralModel, targets: Sequence[Opening]) -> None:
        self.model = model
        self.targets = targets
        self.evaluations = [
            {item.contact.id: item for item in model.evaluate(target)} for target in targets
        ]
        self.entries = [
            {person: entry(item) for person, item in found.items()} for found in self.evaluations
        ]
        #: the candidates with a route, per target (the others add nothing to a chance)
        self.reached = [
            {person: entry for person, entry in entries.items() if entry[0] > 0}
            for entries in self.entries
        ]
        self.chances = [combined_chance(entries.values()) for entries in self.entries]

    def value_of(self, contact: Contact, answers: Sequence[Answer]) -> float:
        """The expected change of the targets' chances over ``answers``, averaged.

        A score never falls with more trust, more knowledge of your work or more recent
        contact (the ranking's principles), so every answer's chance lies between those of
        the weakest and the strongest answer: when neither moves a chance by MIN_VALUE,
        no answer does, and the others are not weighed.
        """
        around = reach(self.model, contact.id)
        if len(answers) > 2 and all(answer.team is None for answer in answers):
            low = self._changes(contact, min(answers, key=_strength), around)
            high = self._changes(contact, max(answers, key=_strength), around)
            bound = sum(map(max, low, high)) / len(self.targets)
            if bound < MIN_VALUE:
                return bound
        total = sum(
            answer.weight * sum(self._changes(contact, answer, around)) for answer in answers
        )
        return total / len(self.targets)

    def _changes(self, contact: Contact, answer: Answer, around: set[str]) -> list[float]:
        """How much ``answer`` moves each target's chance."""
        changed = changed_model(self.model, contact, answer)
        return [
            abs(self._chance(changed, contact, number, target, answer, around) - before)
            for number, (target, before) in enumerate(zip(self.targets, self.chances, strict=True))
        ]

    def _chance(
        self,
        model: ReferralModel,
        contact: Contact,
        number: int,
        target: Opening,
        answer: Answer,
        around: set[str] | None = None,
    ) -> float:
        """The target's chance in ``model``, the network with ``answer`` given.

        Only routes that start with ``contact`` (asking them, an introduction through
        them) or carry their word change with their tie; every other route, and everyone's
        standing, stays as it was. Someone who becomes a direct tie changes the ties of the
        people they know too: then every candidate is scored again.
        """
        evaluations = self.evaluations[number]
        changed: dict[str, tuple[float, float]] = {}
        if model.direct != self.model.direct:  # a new direct tie: everyone afresh
            changed = {item.contact.id: entry(item) for item in model.evaluate(target)}
        else:
            if contact.id in evaluations:
                changed[contact.id] = entry(model.evaluate_one(contact.id, target))
            if contact.id in model.bridges or contact.id in self.model.bridges:
                # they carry (or carried) requests: the candidates they reach change too
                reached = reach(model, contact.id) if around is None else around
                for person in reached & evaluations.keys() - {contact.id}:
                    changed[person] = _through(model, evaluations[person], contact.id, target)
        if answer.team is not None and answer.team == (target.company, target.team):
            changed[contact.id] = _on_team(model, contact, target)
        entries = self.entries[number]
        changed = {
            person: found for person, found in changed.items() if found != entries.get(person)
        }
        if not changed:
            return self.chances[number]
        kept = [found for person, found in self.reached[number].items() if person not in changed]
        return combined_chance([*kept, *changed.values()])


def _through(
    model: ReferralModel, item: Evaluation, person: str, target: Opening
) -> tuple[float, float]:
    """``item``'s candidate's best route once the tie to ``person`` is as ``model`` has it:
    the best of their routes that do not start with ``person`` or carry their word, an
    introduction through ``person``, and asking them yourself with ``person``'s word."""
    standing = item.standing.value
    kept = next((r for r in item.routes if r.path[1] != person and r.supporter != person), None)
    found = [] if kept is None else [(route_score(kept, standing), kept)]
    candidate = item.contact.id
    for priced in (
        route_through(model, candidate, target, person),
        route_through(model, candidate, target, candidate, word=person)
        if candidate in model.ties
        else None,
    ):
        if priced is not None:
            found.append((priced.score, priced.route))
    if not found:
        return (0.0, 0.0)
    _, best = max(found, key=lambda pair: (pair[0], -len(pair[1].path)))
    return _worth(best, standing)


def _on_team(model: ReferralModel, contact: Contact, target: Opening) -> tuple[float, float]:
    """``contact``'s best route as a member of the target's hiring team (the answer "on the
    hiring team"; the standing of the others is left as it is)."""
    standing = standing_of(
        contact, Position.ON_TEAM, None, model.as_of, target_company=target.company
    )
    routes = model.open_routes(contact.id, model.asks(target), manager=False)
    if not routes:
        return (0.0, 0.0)
    best = max(routes, key=lambda route: (route_score(route, standing.value), route.path))
    return _worth(best, standing.value)


def entry(item: Evaluation) -> tuple[float, float]:
    """A candidate's best route as (the chance it ends in the referral, the interview
    chance that referral gives)."""
    route = item.best
    return (0.0, 0.0) if route is None else _worth(route, item.standing.value)


def _worth(route: Route, standing: float) -> tuple[float, float]:
    """A route to someone of this standing as (the chance it ends in the referral, the
    interview chance that referral gives)."""
    return (route.chance, interview_chance(route.vouch * standing))


def reach(model: ReferralModel, person: str) -> set[str]:
    """Whoever a route through ``person`` can reach: them, and the people within two links
    (an introduction runs through at most two people before the candidate)."""
    knows = model.knows
    first = set(knows.get(person, {}))
    second = {other for near in first for other in knows.get(near, {})}
    return {person} | first | second


def changed_model(model: ReferralModel, contact: Contact, answer: Answer) -> ReferralModel:
    """The model of the network once ``answer`` is given about ``contact``'s tie: a view of
    ``model`` (a new model, on the same index, when the answer makes someone known of a
    direct tie)."""
    if not answer.about_tie:
        return model
    person = dataclasses.replace(
        contact,
        trust=contact.trust if answer.trust is None else answer.trust,
        trust_written=contact.trust_written or answer.trust is not None,
        knows_my_work=contact.knows_my_work if answer.work is None else answer.work,
        work_written=contact.work_written or answer.work is not None,
        last_contact=contact.last_contact if answer.last is None else answer.last,
    )
    if person.is_direct == contact.is_direct:
        return model.with_tie(person)
    network = model.network
    contacts = tuple(person if other.id == person.id else other for other in network.contacts)
    changed = dataclasses.replace(network, contacts=contacts)
    return ReferralModel(changed, as_of=model.as_of, index=model.index)


__all__ = ["MIN_VALUE", "Answer", "Chances", "changed_model", "entry", "reach"]
