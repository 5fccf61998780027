"""Asking for a referral (telling them your plans first when they lack them), approaching the
hiring manager, or asking for an introduction, now: each along the route the analysis
advises for the candidate.

An introduction is asked of the bridge who knows the person it is to (a link in the file
or from evidence); for a chain of two, that person knows the candidate. It takes the call
with the person introduced too; a friend's word beside your own ask takes a message to
that friend. A tie silent for RECONNECT_MONTHS or more is asked in a longer conversation
that catches up first (Levin, Walter & Murnighan 2011: reconnecting and asking in one talk
works), priced on the tie as it stands.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Ask, Contact, PartialDate, Told
from warmreach.plan.pricing import Pricer
from warmreach.plan.steps.base import (
    CALL,
    COFFEE,
    MESSAGE,
    AskSpec,
    Context,
    Doing,
    Facts,
    Option,
    told,
)
from warmreach.plan.steps.search import MAX_ASKS, Advised, Search
from warmreach.scoring import Action

#: months of silence from which an ask is made in a conversation that reconnects first
#: (COFFEE minutes, not a CALL; our assumption)
RECONNECT_MONTHS: Final = 12.0


@dataclass(frozen=True, kw_only=True)
class AskOption(Option):
    """An ask made now, along the route the analysis advises."""

    actions: ClassVar[tuple[Action, ...]] = (
        "ask-referral",
        "signal-then-ask",
        "reach-out",
        "ask-intro",
    )
    ask: AskSpec
    #: made in a longer conversation that catches up with a tie silent for long
    reconnect: bool = False

    @property
    def action(self) -> Action:
        telling = {"aspiration", "availability"} & set(self.tell)
        if self.ask.asked == "referral" and not self.ask.manager and telling:
            return "signal-then-ask"
        return self.ask.action

    @property
    def slot(self) -> str:
        return f"ask {self.ask.target} {self.ask.to}"

    @property
    def target(self) -> int:
        return self.ask.target

    @property
    def to(self) -> str | None:
        return self.ask.to

    def changed(self, person: Contact, doing: Doing) -> Contact:
        changed = told(person, self.tell, doing.as_of, touch=doing.record)
        if not doing.record:
            return changed
        target = doing.targets[self.ask.target].openings[0]
        ask = Ask(
            asked=self.ask.asked,
            company=target.company,
            team=target.team,
            to=self.ask.to,
            date=PartialDate.of(doing.as_of),
        )
        return dataclasses.replace(changed, asks=(*changed.asks, ask))

    def facts(self, context: Context) -> Facts:
        ask = self.ask
        facts: Facts = {
            "to": context.name(ask.to) if ask.to else None,
            "via": context.name(ask.via) if ask.via else None,
            "word": context.name(ask.word) if ask.word else None,
        }
        if ask.manager and ask.to:
            facts["manager"] = 1
        if self.reconnect:
            tie = context.model.ties[self.person]
            facts["reconnect"] = round(tie.months_silent or 0.0)  # months out of touch
        return facts


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """While you can ask: each ask the analysis advises, the MAX_ASKS best per target."""
    pricer = search.pricer
    if not pricer.model.can_ask:
        return []
    per_target: dict[int, list[AskOption]] = {}
    for person, asks in search.asks.items():
        tell = search.tell(person)
        for advice in asks:
            option = _ask(pricer, advice, tell)
            if option is not None:
                per_target.setdefault(advice.ask.target, []).append(option)
    options: list[Option] = []
    for listed in per_target.values():
        listed.sort(key=lambda option: (-option.chances[0].worth, option.person, option.to or ""))
        options += listed[:MAX_ASKS]
    return options


def _ask(pricer: Pricer, advice: Advised, tell: tuple[Told, ...]) -> AskOption | None:
    person, ask = advice.person, advice.ask
    tie = pricer.model.ties[person]
    reconnect = tie.months_silent is not None and tie.months_silent >= RECONNECT_MONTHS
    calls: tuple[tuple[str, int], ...] = ()
    if ask.to is not None:
        calls = ((ask.via or ask.to, CALL),)
    if ask.word is not None:
        calls += ((ask.word, MESSAGE),)
    draft = AskOption(
        person=person,
        minutes=COFFEE if reconnect else (MESSAGE if ask.to is not None else CALL),
        chances=(),
        tell=tell,
        ask=ask,
        reconnect=reconnect,
        calls=calls,
    )
    model = pricer.rescored(draft, None, False)
    chance = pricer.chance(model, person=person, ask=ask, s=1.0, day=pricer.as_of)
    if chance is None:
        return None
    contacts = pricer.network.contacts_by_id
    return dataclasses.replace(
        draft, chances=(chance,), relevance=pricer.relevance(contacts[ask.to or person])
    )


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = AskOption

__all__ = ["KIND", "RECONNECT_MONTHS", "AskOption", "find"]
