"""Reconnecting with a tie out of touch for years, or building a thin or new one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Contact
from warmreach.plan.steps.base import (
    CALL,
    COFFEE,
    NEXT_WEEK,
    Context,
    Doing,
    Facts,
    Option,
    RelationshipOption,
    built,
    told,
)
from warmreach.plan.steps.search import Search
from warmreach.scoring import Action

#: the chance each step succeeds (our assumptions): a call to an old friend brings the tie
#: back, a coffee makes a thin tie one that can vouch for you
RECONNECT_SUCCEEDS: Final = 0.7
BUILD_SUCCEEDS: Final = 0.5


@dataclass(frozen=True, kw_only=True)
class NurtureOption(RelationshipOption):
    """Reconnect (a call) or build a tie (a coffee) before it can be asked."""

    actions: ClassVar[tuple[Action, ...]] = ("nurture",)
    reconnects: ClassVar[bool] = True
    #: reconnect with a tie out of touch for years, else build a thin or new one
    reconnect: bool

    def changed(self, person: Contact, doing: Doing) -> Contact:
        changed = told(person, self.tell, doing.as_of)
        return built(changed) if doing.succeeded and not self.reconnect else changed

    def facts(self, context: Context) -> Facts:
        tie = context.model.ties.get(self.person)
        silent = tie.months_silent if tie is not None else None
        return {
            "reconnect": int(self.reconnect),
            "years": None if silent is None else round(silent / 12),
            "trust": context.network.contacts_by_id[self.person].trust,
            "new": int(tie is not None and tie.is_new),
        }


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """A call to reconnect with each tie out of touch for years, or a coffee to build
    each thin or new one, that starts a route to a target."""
    pricer = search.pricer
    options: list[Option] = []
    for build in search.builds:
        if build.chat is not None:
            continue
        contact = pricer.network.contacts_by_id[build.person]
        tie = pricer.model.ties[build.person]
        draft = NurtureOption(
            person=build.person,
            minutes=CALL if tie.is_stale else COFFEE,
            chances=(),
            tell=search.tell(build.person),
            reconnect=tie.is_stale,
            relevance=pricer.relevance(contact),
        )
        if tie.is_stale:
            day = pricer.ask_day(pricer.as_of + dt.timedelta(days=NEXT_WEEK))
            option = pricer.prepare(draft, build.asks, day, RECONNECT_SUCCEEDS, True)
        else:
            day = pricer.ask_day(pricer.vouches_from(contact, tie, NEXT_WEEK))
            option = pricer.prepare(draft, build.asks, day, BUILD_SUCCEEDS, True)
        if option is not None:
            options.append(option)
    return options


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = NurtureOption

__all__ = ["BUILD_SUCCEEDS", "KIND", "RECONNECT_SUCCEEDS", "NurtureOption", "find"]
