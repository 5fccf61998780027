"""Reminding someone of an ask that has waited a week without an answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Ask
from warmreach.plan.steps.base import MESSAGE, Context, Facts, Option, TargetedOption
from warmreach.plan.steps.search import Search
from warmreach.scoring import Action


@dataclass(frozen=True, kw_only=True)
class FollowUpOption(TargetedOption):
    """Remind someone of an ask that has waited a week without an answer."""

    actions: ClassVar[tuple[Action, ...]] = ("follow-up",)
    ask: Ask

    @property
    def slot(self) -> str:
        return f"follow-up {self.ask.key} {self.ask.to}"

    def facts(self, context: Context) -> Facts:
        ask = self.ask
        return {
            "asked": ask.asked,
            "on": str(ask.date) if ask.date else None,
            "to": context.name(ask.to) if ask.to else None,
        }


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """A reminder for each ask of the file that has waited a week without an answer (and
    has not been followed up already)."""
    pricer = search.pricer
    return [
        FollowUpOption(
            person=entry.contact.id,
            minutes=MESSAGE,
            chances=(dataclasses.replace(entry.chance, s=entry.reminded),),
            ask=entry.ask,
            target_index=entry.target,
            relevance=pricer.relevance(entry.contact),
        )
        for entry in pricer.recorded
        if entry.reminded is not None and entry.due is not None and entry.due <= pricer.as_of
    ]


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = FollowUpOption

__all__ = ["KIND", "FollowUpOption", "find"]
