"""What ``warmreach plan`` returns: this week's conversations, what they queue, and the odds.

Plain data for the report layer: each step carries structured reasons (a kind and its
facts), which :mod:`warmreach.reports.plan` words and turns into messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from warmreach.model import Me, Told
from warmreach.plan.targets import Target
from warmreach.scoring import Action, Reason


@dataclass(frozen=True, kw_only=True)
class Item:
    """One thing done in a conversation."""

    action: Action
    #: the target it is for, as ``company`` or ``company/team`` ids (None: several)
    target: str | None = None
    #: the person an introduction leads to (id), or the company of a grow step
    to: str | None = None
    #: for a chain of two introductions, the person the first one is to
    via: str | None = None
    #: the chance the step works (1 for an ask made now)
    works: float = 1.0
    #: for a step that prepares asks, the day they can be made (None: not known yet)
    ask_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class Step:
    """One conversation of the week."""

    #: whom you talk to (id) and their name
    contact: str
    name: str
    #: what the conversation is mainly for: its first item
    action: Action
    #: the time it takes you, with the call with anyone introduced to you in it
    minutes: int
    #: what it adds to the week's value (the weighted chance of an interview)
    gain: float
    #: what is done in it, in the order chosen
    items: tuple[Item, ...]
    #: what you tell them of your plans in it
    tell: tuple[Told, ...] = ()
    #: why, one reason per item (worded by the report layer)
    reasons: tuple[Reason, ...] = ()

    @property
    def target(self) -> str | None:
        return self.items[0].target

    @property
    def to(self) -> str | None:
        return self.items[0].to


@dataclass(frozen=True, kw_only=True)
class Queued:
    """Something to do on a later day: an ask a step prepares, or a follow-up."""

    #: the day (None: once you know when you can start)
    day: dt.date | None
    contact: str
    name: str
    action: Action
    target: str | None = None
    to: str | None = None
    #: for a chain of two introductions, the person the first one is to
    via: str | None = None
    minutes: int = 0
    #: the chance it happens at all (the step preparing it must work)
    works: float = 1.0
    #: the step of this week it depends on, if any
    after: Action | None = None


@dataclass(frozen=True, kw_only=True)
class Outlook:
    """One target's chance of an interview before the plan and with it."""

    target: Target
    before: float
    after: float


@dataclass(frozen=True, kw_only=True)
class Plan:
    """The answer of ``warmreach plan``."""

    generated_for: str
    #: you, for the messages, and the name of the company you work at
    me: Me
    me_company: str | None = None
    as_of: dt.date
    #: the minutes available
    budget: int
    #: this week's conversations, in the order chosen
    steps: tuple[Step, ...]
    #: what comes later, soonest first
    queued: tuple[Queued, ...]
    #: each target's chance of an interview before and with the plan
    targets: tuple[Outlook, ...]
    #: why the plan stops short of the budget, when it does
    stop: Reason | None = None
    #: the targets nobody you know reaches yet, when the plan stops for want of steps
    unreached: tuple[Target, ...] = ()
    #: steps with a gain that did not fit in the minutes
    left_out: int = 0
    #: targets left out because their openings have closed
    closed: tuple[Target, ...] = ()
    #: targets past the most a plan weighs (``MAX_TARGETS``), left out
    unweighed: int = 0
    #: names of everyone the plan names, and of the companies, by id
    names: dict[str, str] | None = None
    companies: dict[str, str] | None = None
    #: the people grow steps hope to find, by id: (whom you ask, the company)
    sought_people: dict[str, tuple[str, str]] | None = None

    @property
    def minutes(self) -> int:
        """The time the week's conversations take."""
        return sum(step.minutes for step in self.steps)

    @property
    def value(self) -> tuple[float, float]:
        """The week's value before and with the plan: the weighted interview chances."""
        before = sum(outlook.target.weight * outlook.before for outlook in self.targets)
        after = sum(outlook.target.weight * outlook.after for outlook in self.targets)
        return before, after

    def target(self, key: str | None) -> Target | None:
        """The target with this key (``company`` or ``company/team``), if any."""
        return next((outlook.target for outlook in self.targets if outlook.target.key == key), None)


__all__ = ["Item", "Outlook", "Plan", "Queued", "Step"]
