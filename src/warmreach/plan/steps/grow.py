"""Asking a trusted contact whom they know at a company where nobody helps yet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final

from warmreach.model import Contact, Link, Network
from warmreach.plan.steps.base import (
    MESSAGE,
    NEXT_WEEK,
    AskSpec,
    Context,
    Facts,
    Option,
    TargetedOption,
)
from warmreach.plan.steps.search import Search
from warmreach.scoring import Action

#: the chance a friend knows someone at the company and introduces you (our assumption)
GROW_FINDS: Final = 0.5


@dataclass(frozen=True, kw_only=True)
class GrowOption(TargetedOption):
    """Ask a trusted contact whom they know at a company where nobody helps yet."""

    actions: ClassVar[tuple[Action, ...]] = ("grow",)
    company: str

    @property
    def slot(self) -> str:
        return f"grow {self.company}"

    @property
    def to(self) -> str:
        return self.company

    def added(self, network: Network) -> tuple[Contact, ...]:
        return (someone_known(self.person, self.company),)

    def facts(self, context: Context) -> Facts:
        return {"company": context.company(self.company)}


def find(search: Search, found: Sequence[Option]) -> list[Option]:
    """For each target where nothing found so far helps, ask your strongest tie who can
    vouch (in the field first) whom they know there."""
    pricer = search.pricer
    model = pricer.model
    helped = {chance.target for option in found for chance in option.chances}
    helped |= {entry.target for entry in pricer.recorded}
    first = [helper for helper in search.helpers if helper in model.bridges]
    others: list[str] | None = None

    def helpers() -> Iterator[str]:
        """The field's helpers, then every other tie who can vouch, strongest first:
        those are sorted only when the field's are all at a target's company (sorting
        means weighing every tie you have)."""
        nonlocal others
        yield from first
        if others is None:
            listed = set(first)
            others = sorted(
                (helper for helper in model.bridges if helper not in listed),
                key=lambda helper: (-model.ties[helper].strength, helper),
            )
        yield from others

    options: list[Option] = []
    for index, goal in enumerate(search.targets):
        if index in helped:
            continue
        staff = {
            contact.id for contact in pricer.network.contacts if contact.company == goal.company
        }
        for helper in helpers():
            if helper in staff:
                continue
            draft = GrowOption(
                person=helper,
                minutes=MESSAGE,
                chances=(),
                target_index=index,
                company=goal.company,
                relevance=pricer.relevance(pricer.network.contacts_by_id[helper]),
            )
            day = pricer.ask_day(pricer.as_of + dt.timedelta(days=NEXT_WEEK))
            found_person = someone_known_id(helper, goal.company)
            option = pricer.prepare(
                draft,
                [AskSpec(asked="intro", target=index, to=found_person)],
                day,
                GROW_FINDS,
                True,
            )
            if option is not None:
                options.append(option)
            break
    return options


def someone_known_id(helper: str, company: str) -> str:
    """The id of the person ``helper`` may know at ``company``, as a grow step hopes to
    find them (never a contact's id: ids have no ``--``)."""
    return f"{helper}--at--{company}"


def someone_known(helper: str, company: str) -> Contact:
    """The person ``helper`` knows at ``company``, as a grow step hopes to find them."""
    found = someone_known_id(helper, company)
    return Contact(
        id=found,
        name=found,  # never shown: reports word it from ``helper`` and ``company``
        company=company,
        trust=0,
        knows=(Link(contact=helper),),  # how well: estimated, as for any link left unrated
    )


#: the kind this module declares, found by ``warmreach.plan.steps``
KIND: Final = GrowOption

__all__ = ["GROW_FINDS", "KIND", "GrowOption", "find", "someone_known", "someone_known_id"]
