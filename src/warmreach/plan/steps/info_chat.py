"""A short message to a weak tie at a target company, asking for a first chat."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Contact
from warmreach.plan.steps.base import (
    MESSAGE,
    Context,
    Doing,
    Facts,
    Option,
    RelationshipOption,
    TargetedOption,
    built,
    told,
)
from warmreach.plan.steps.search import Search
from warmreach.scoring import Action

#: the chance a weak tie answers a short message and talks to you (our assumption), and
#: the days from the chat to the ask it prepares
INFO_CHAT_REPLY: Final = 0.3
INFO_CHAT_WAIT: Final = 14


@dataclass(frozen=True, kw_only=True)
class InfoChatOption(RelationshipOption, TargetedOption):
    """A short message asking a weak tie at a target company for a 15-minute chat."""

    actions: ClassVar[tuple[Action, ...]] = ("info-chat",)
    reconnects: ClassVar[bool] = True

    def changed(self, person: Contact, doing: Doing) -> Contact:
        if not doing.succeeded:
            return person  # a message without an answer changes nothing
        return built(told(person, self.tell, doing.as_of))

    def facts(self, context: Context) -> Facts:
        return {"company": context.company(context.targets[self.target_index].company)}


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """A short message to each weak tie at a target company, for a first chat."""
    pricer = search.pricer
    options: list[Option] = []
    for build in search.builds:
        if build.chat is None:
            continue
        contact = pricer.network.contacts_by_id[build.person]
        tie = pricer.model.ties[build.person]
        draft = InfoChatOption(
            person=build.person,
            minutes=MESSAGE,
            chances=(),
            tell=search.tell(build.person),  # in the chat, if they reply
            target_index=build.chat,
            relevance=pricer.relevance(contact),
        )
        day = pricer.ask_day(pricer.vouches_from(contact, tie, INFO_CHAT_WAIT))
        option = pricer.prepare(draft, build.asks, day, INFO_CHAT_REPLY, True)
        if option is not None:
            options.append(option)
    return options


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = InfoChatOption

__all__ = ["INFO_CHAT_REPLY", "INFO_CHAT_WAIT", "KIND", "InfoChatOption", "find"]
