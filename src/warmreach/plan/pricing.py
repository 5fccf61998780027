"""What a step is worth: each ask priced by re-scoring the network as the step leaves it.

The chance an ask adds is its route's score over applying, by the analysis's own routes
(:func:`~warmreach.scoring.route_through`), on a model of the network as the step
leaves it (:meth:`Pricer.rescored`: a view with one tie changed, or a fresh model when
the step finds someone new), times the chance the opening is still open on the day of
the ask. Asks the file records are priced as late as they are (:meth:`Pricer.reply`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.graph import NetworkIndex
from warmreach.model import TOLD_ITEMS, Ask, AskKind, Contact, Told
from warmreach.plan.steps.base import AskSpec, Doing, Effect, Later, Option
from warmreach.plan.targets import Target
from warmreach.plan.value import Chance
from warmreach.scoring import (
    DIRECT,
    MIN_LIFT,
    Priced,
    ReferralModel,
    follow_up_day,
    route_through,
)
from warmreach.scoring.decay import after_months
from warmreach.scoring.ties import NEW_MONTHS, TieStrength

#: the share of an ask's chance left once it has waited a week without an answer, after
#: one reminder, and once a reminder has also waited a week (our assumptions)
REPLY_LATE: Final = 0.35
REPLY_REMINDED: Final = 0.7
REPLY_GIVEN_UP: Final = 0.15
#: the asks a step that prepares them keeps for later: the best for each target, at most
#: this many in all (a person is asked for one or two things, not for everything)
MAX_PREPARED: Final = 2


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """An ask the file records that still counts, as the plan prices it."""

    contact: Contact
    ask: Ask
    target: int
    #: its chance, as late as it is (or made, for a referral)
    chance: Chance
    #: what a reminder would bring its chance to (None: none is due), and when one is due
    reminded: float | None = None
    due: dt.date | None = None


class Pricer:
    """Prices the asks of this week's steps on the network as each step leaves it."""

    def __init__(
        self, model: ReferralModel, targets: Sequence[Target], *, roles: Sequence[str] = ()
    ) -> None:
        self.model = model
        self.network = model.network
        self.as_of = model.as_of
        self.targets = list(targets)
        self.roles = [role for role in roles if role]
        self._rescored: dict[tuple[Effect, dt.date], ReferralModel] = {}

    # -- the network as a step leaves it --

    def rescored(self, option: Option, day: dt.date | None, succeeded: bool) -> ReferralModel:
        """The model of the network as ``option`` leaves it, on ``day`` (today when None).

        The ask an option makes is not recorded here: waiting for an answer changes no
        route (a test re-scores with it recorded)."""
        on = day or self.as_of
        doing = Doing(self.targets, self.as_of, succeeded=succeeded, record=False)
        effect = option.effect(self.network, doing)
        key = (effect, on)
        found = self._rescored.get(key)
        if found is None:
            if effect.added:
                network = effect.apply(self.network)
                found = ReferralModel(network, as_of=on, index=NetworkIndex.build(network))
            else:
                found = self.model.with_tie(effect.contact, as_of=on)
            self._rescored[key] = found
        return found

    def chance(
        self,
        model: ReferralModel,
        *,
        person: str,
        ask: AskSpec,
        s: float,
        day: dt.date | None,
        recorded: bool = False,
    ) -> Chance | None:
        """The chance one ask of ``person`` adds, on ``model``: its route (the one the
        analysis advises, or for an ask the file records any route through ``person``) to
        the best opening of the target still open on ``day``; None when it adds nothing."""
        goal = self.targets[ask.target]
        if goal.open_chance(day) <= 0:
            return None
        path = None if recorded else ask.path(person)
        best: Priced | None = None
        for opening in goal.openings:
            found = route_through(
                model, ask.to or person, opening, person, word=ask.word, path=path
            )
            if found is None or found.score < DIRECT + MIN_LIFT:
                continue
            if best is None or found.score > best.score:
                best = found
        if best is None:
            return None
        return Chance(
            key=chance_key(person, ask.asked, goal.key, ask.to),
            target=ask.target,
            person=person,
            p=best.route.chance,
            v=best.if_referred,
            s=s,
            recorded=recorded,
        )

    def prepare(
        self,
        draft: Option,
        asks: Sequence[AskSpec],
        day: dt.date | None,
        s: float,
        succeeded: bool,
    ) -> Option | None:
        """``draft`` with the asks it prepares for ``day``, each priced on the network as
        the step leaves it (as it hopes to leave it, with ``succeeded``); None when none
        is worth anything."""
        model = self.rescored(draft, day, succeeded)
        best: dict[int, tuple[Chance, Later]] = {}
        for ask in asks:
            chance = self.chance(model, person=draft.person, ask=ask, s=s, day=day)
            if chance is None:
                continue
            known = best.get(ask.target)
            if known is None or (chance.worth, known[0].key) > (known[0].worth, chance.key):
                best[ask.target] = (chance, Later(day=day, person=draft.person, ask=ask))
        if not best:
            return None
        weights = [goal.weight for goal in self.targets]
        kept = sorted(
            best.values(), key=lambda pair: (-pair[0].worth * weights[pair[0].target], pair[0].key)
        )
        kept = kept[:MAX_PREPARED]
        return dataclasses.replace(
            draft,
            chances=tuple(chance for chance, _ in kept),
            later=tuple(ask for _, ask in kept),
        )

    # -- days --

    def ask_day(self, earliest: dt.date) -> dt.date | None:
        """The first day from ``earliest`` on which you may ask (None: not known yet)."""
        model = self.model
        if model.can_ask:
            return earliest
        if model.ask_from is None:
            return None
        return max(earliest, model.ask_from)

    def vouches_from(self, contact: Contact, tie: TieStrength, wait: int) -> dt.date:
        """The first day ``wait`` days from now on which the tie is no longer new."""
        day = self.as_of + dt.timedelta(days=wait)
        if tie.is_new and contact.met is not None:
            day = max(day, after_months(contact.met.first_day(), NEW_MONTHS))
        return day

    def reply(self, ask: Ask, contact: Contact) -> tuple[float, float | None, dt.date | None]:
        """The share of an ask's chance left now, what a reminder would bring it to (None:
        none is due), and when one is due."""
        due = follow_up_day(ask, contact, self.as_of)
        asked = ask.date.last_day() if ask.date is not None else None
        last = contact.last_contact.first_day() if contact.last_contact is not None else None
        reminded_before = asked is not None and last is not None and last > asked
        if self.as_of < due:
            return 1.0, (None if reminded_before else REPLY_REMINDED), due
        if reminded_before:
            return REPLY_GIVEN_UP, None, None
        return REPLY_LATE, REPLY_REMINDED, due

    # -- people --

    def tellable(self, contact: str, model: ReferralModel | None = None) -> tuple[Told, ...]:
        """What a contact lacks of your plans that you can tell them now."""
        ties = (model or self.model).ties
        me = self.network.me
        known = set(ties[contact].told) if contact in ties else set()
        return tuple(
            item
            for item in TOLD_ITEMS
            if item not in known
            and not (item == "availability" and me.available == "later")
            and not (item == "role" and not me.role)
        )

    def relevance(self, contact: Contact) -> tuple[float, ...]:
        """How relevant a person is, for the order of ties (most first, never by name):
        those who hold a role you want, then the more senior, then those whose dealings
        with you an import found, then those you were in touch with more recently."""
        from warmreach.matching import holds_any, title_rank

        title = contact.title
        holds = holds_any(title, tuple(self.roles))
        rank = title_rank(str(title)) if title else 0
        tie = self.model.ties.get(contact.id)
        silent = tie.months_silent if tie is not None and tie.months_silent is not None else None
        dealings = 0 if contact.evidence else 1
        return (0 if holds else 1, -rank, dealings, math.inf if silent is None else silent)

    # -- the file's asks --

    @cached_property
    def recorded(self) -> list[Recorded]:
        """The file's asks that still count: each waiting one, as late as it is, and each
        referral made, with its chance."""
        found: list[Recorded] = []
        for contact in self.network.contacts:
            for ask in contact.asks:
                if ask.outcome not in (None, "referred"):
                    continue
                for index, goal in enumerate(self.targets):
                    if not any(ask.concerns(opening) for opening in goal.openings):
                        continue
                    if ask.outcome == "referred":
                        made = self._made(contact.id, ask, index)
                        if made is not None:
                            found.append(
                                Recorded(contact=contact, ask=ask, target=index, chance=made)
                            )
                        continue
                    now, reminded, due = self.reply(ask, contact)
                    spec = AskSpec(asked=ask.asked, target=index, to=ask.to)
                    chance = self.chance(
                        self.model,
                        person=contact.id,
                        ask=spec,
                        s=now,
                        recorded=True,
                        day=self.as_of,
                    )
                    if chance is not None:
                        found.append(
                            Recorded(
                                contact=contact,
                                ask=ask,
                                target=index,
                                chance=chance,
                                reminded=reminded,
                                due=due,
                            )
                        )
        return found

    def _made(self, person: str, ask: Ask, target: int) -> Chance | None:
        """A referral made: certain, worth what it is worth."""
        goal = self.targets[target]
        best = DIRECT
        for opening in goal.openings:
            for item in self.model.evaluate(opening):
                if item.contact.id == person and item.action == "referred":
                    best = max(best, item.score)
        if best <= DIRECT:
            return None
        return Chance(
            key=chance_key(person, ask.asked, goal.key, ask.to),
            target=target,
            person=person,
            p=1.0,
            v=best,
            recorded=True,
        )


def chance_key(person: str, asked: AskKind, target: str, to: str | None) -> tuple[str, ...]:
    """What identifies one ask: whom, what for, for which target, whom to."""
    return (person, asked, target, to or "")


__all__ = [
    "MAX_PREPARED",
    "REPLY_GIVEN_UP",
    "REPLY_LATE",
    "REPLY_REMINDED",
    "Pricer",
    "Recorded",
    "chance_key",
]
