"""Telling someone your plans while you cannot ask yet, for the asks it prepares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.plan.steps.base import MESSAGE, Later, Option, RelationshipOption
from warmreach.plan.steps.search import Search
from warmreach.plan.value import Chance
from warmreach.scoring import Action


@dataclass(frozen=True, kw_only=True)
class SignalOption(RelationshipOption):
    """Tell a contact your plans now, for the asks you cannot make yet."""

    actions: ClassVar[tuple[Action, ...]] = ("signal",)


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """While you cannot ask yet: tell each person worth asking your plans now, for the asks
    it prepares for the day you can."""
    pricer = search.pricer
    if pricer.model.can_ask:
        return []
    options: list[Option] = []
    for person, asks in search.asks.items():
        tell = search.tell(person)
        if not tell:
            continue
        contact = pricer.network.contacts_by_id[person]
        draft = SignalOption(
            person=person,
            minutes=MESSAGE,
            chances=(),
            tell=tell,
            relevance=pricer.relevance(contact),
        )
        specs = [advice.ask for advice in asks]
        option = pricer.prepare(draft, specs, pricer.ask_day(pricer.as_of), 1.0, False)
        if option is not None:
            options.append(option)
    return options


def ready(search: Search) -> list[tuple[Later, Chance]]:
    """While you cannot ask yet: the asks of people who know your plans already, to make on
    the day you can; they need nothing this week (``warmreach analyze`` says ``ask-later``),
    so they count before the week's steps and are queued."""
    pricer = search.pricer
    if pricer.model.can_ask:
        return []
    found: list[tuple[Later, Chance]] = []
    for person, asks in search.asks.items():
        if search.tell(person):
            continue
        draft = SignalOption(person=person, minutes=0, chances=())
        specs = [advice.ask for advice in asks]
        option = pricer.prepare(draft, specs, pricer.ask_day(pricer.as_of), 1.0, False)
        if option is not None:
            found += zip(option.later, option.chances, strict=True)
    return found


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = SignalOption

__all__ = ["KIND", "SignalOption", "find", "ready"]
