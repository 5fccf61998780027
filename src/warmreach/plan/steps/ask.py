"""Asking for a referral, approaching the hiring manager, or asking for an introduction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Ask, AskKind, Contact, PartialDate, Told
from warmreach.plan.pricing import Pricer
from warmreach.plan.steps.base import (
    CALL,
    MESSAGE,
    Context,
    Facts,
    Option,
    TargetedOption,
    ask_action,
    told,
)
from warmreach.plan.steps.search import MAX_ASKS, Search
from warmreach.plan.targets import Target
from warmreach.scoring import Action


@dataclass(frozen=True, kw_only=True)
class AskOption(TargetedOption):
    """Ask for a referral, approach the hiring manager, or ask for an introduction, now."""

    actions: ClassVar[tuple[Action, ...]] = ("ask-referral", "reach-out", "ask-intro")
    asked: AskKind
    #: the person an introduction is to
    whom: str | None = None
    manager: bool = False

    @property
    def action(self) -> Action:
        return ask_action(self.asked, manager=self.manager)

    @property
    def slot(self) -> str:
        return f"ask {self.target_index} {self.whom}"

    @property
    def to(self) -> str | None:
        return self.whom

    def changed(
        self,
        person: Contact,
        targets: Sequence[Target],
        *,
        as_of: dt.date,
        succeeded: bool,
        record: bool,
    ) -> Contact:
        changed = told(person, self.tell, as_of)
        if not record:
            return changed
        target = targets[self.target_index].openings[0]
        ask = Ask(
            asked=self.asked,
            company=target.company,
            team=target.team,
            to=self.whom,
            date=PartialDate.of(as_of),
        )
        return dataclasses.replace(changed, asks=(*changed.asks, ask))

    def facts(self, context: Context) -> Facts:
        facts: Facts = {"to": context.name(self.whom) if self.whom else None}
        if self.manager and self.whom:
            facts["manager"] = 1
        return facts


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """While you can ask: each ask worth making now, the MAX_ASKS best per target."""
    pricer = search.pricer
    if not pricer.model.can_ask:
        return []
    per_target: dict[int, list[AskOption]] = {}
    for person, asks in search.asks.items():
        tell = search.tell(person)
        for asked, target, to, manager in asks:
            option = _ask(pricer, person, asked, target, to, manager, tell)
            if option is not None:
                per_target.setdefault(target, []).append(option)
    options: list[Option] = []
    for listed in per_target.values():
        listed.sort(key=lambda option: (-option.chances[0].q, option.person, option.to or ""))
        options += listed[:MAX_ASKS]
    return options


def _ask(
    pricer: Pricer,
    person: str,
    asked: AskKind,
    target: int,
    to: str | None,
    manager: bool,
    tell: tuple[Told, ...],
) -> AskOption | None:
    draft = AskOption(
        person=person,
        minutes=CALL,
        chances=(),
        tell=tell,
        asked=asked,
        target_index=target,
        whom=to,
        manager=manager,
    )
    model = pricer.rescored(draft, None, False)
    chance = pricer.chance(
        model, person=person, asked=asked, target=target, to=to, s=1.0, day=pricer.as_of
    )
    if chance is None:
        return None
    contacts = pricer.network.contacts_by_id
    return dataclasses.replace(
        draft,
        minutes=MESSAGE if to is not None else CALL,
        chances=(chance,),
        calls=() if to is None else (to,),
        relevance=pricer.relevance(contacts[to or person]),
    )


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = AskOption

__all__ = ["KIND", "AskOption", "find"]
