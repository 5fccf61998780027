"""This week's networking: the actions that raise your referral odds most for the time you have.

Every action the analysis and the gap report make possible is a candidate:

- ``signal``: tell a trusted contact what they lack of your role, aspiration and
  availability (a message);
- ``nurture``: reconnect with a relevant tie gone stale (a call), or keep building one that
  is new or thin (a coffee); never a referral ask;
- ``ask-referral`` / ``ask-intro``: the asks ``warmreach analyze`` advises;
- ``grow``: where nobody in your network helps at a company of your field, ask a trusted
  contact in or next to the field whom they know there.

Each action's **gain** is computed by re-scoring the network as if it succeeded
(:func:`apply_action` is that change): for a signal, a nurture or a grow, the rise of the
best referral score of each target; for an ask, the lift of that referral over what the plan
already holds for its target (applying directly, DIRECT, until an earlier ask). Actions are
then chosen greedily by gain per minute within the budget, each choice changing the network
the next gains are computed on. ``docs/plan.md`` gives the defaults and their reasons.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal, get_args

from warmreach.errors import UsageError
from warmreach.gaps import find_gaps
from warmreach.graph import NetworkIndex
from warmreach.model import (
    DEFAULT_STRENGTH,
    SCALE_MAX,
    TOLD_ITEMS,
    Contact,
    Link,
    Network,
    Opening,
    PartialDate,
    Told,
    resolve_day,
)
from warmreach.scoring import (
    DIRECT,
    MIN_VOUCH_TRUST,
    ReferralModel,
    TieStrength,
    default_targets,
    tie_strength,
)
from warmreach.text import join_words

#: minutes of a message, a call and a coffee (or video call)
MESSAGE: Final = 10
CALL: Final = 30
COFFEE: Final = 60
#: hours a week when none are given
DEFAULT_HOURS: Final = 2.0
#: companies of the field where nobody helps that the plan looks for a way into, at most
GROW_COMPANIES: Final = 3

PlanAction = Literal["signal", "ask-referral", "ask-intro", "nurture", "grow"]
#: the kinds of planned action
PLAN_ACTIONS: Final[tuple[PlanAction, ...]] = get_args(PlanAction)


@dataclass(frozen=True, kw_only=True)
class Step:
    """One action of the plan."""

    #: the contact to act on (id): whom you tell, ask, meet or ask for an introduction
    contact: str
    #: their display name
    name: str
    #: what to do
    action: PlanAction
    #: the time it takes you
    minutes: int
    #: how much it raises your best referral scores if it succeeds (see the module)
    gain: float
    #: one sentence a person can act on
    why: str
    #: the target an ask is for, as ``company`` or ``company/team``
    target: str | None = None
    #: for ask-intro, the person they introduce you to; for grow, the company (ids)
    to: str | None = None
    #: what to tell them (signal, nurture)
    tell: tuple[Told, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Outlook:
    """One target's best referral score before and after the plan's actions succeed."""

    target: Opening
    #: display title ("Voltgrid — Grid Storage Product (Product Manager)")
    title: str
    before: float
    after: float


@dataclass(frozen=True, kw_only=True)
class Plan:
    """The answer of ``warmreach plan``."""

    generated_for: str
    as_of: dt.date
    #: minutes available
    budget: int
    #: the chosen actions, in the order chosen (best gain per minute first)
    actions: tuple[Step, ...]
    #: the targets the gains are measured on
    targets: tuple[Outlook, ...]
    #: actions with a gain that did not fit in the budget
    left_out: int

    @property
    def minutes(self) -> int:
        """The time the chosen actions take."""
        return sum(step.minutes for step in self.actions)


# -- what an action changes -------------------------------------------------------------------


def apply_action(network: Network, step: Step, *, as_of: dt.date) -> Network:
    """The network as it would be once ``step`` has succeeded on the day ``as_of``.

    A signal adds what was told and sets ``last_contact``; a nurture also raises a new or
    thin tie's trust by one; a grow adds the person the helper knows at the company. Asks
    change nobody's tie: they return the network unchanged.
    """
    contacts = network.contacts_by_id
    match step.action:
        case "signal" | "nurture":
            person = contacts[step.contact]
            builds = _builds_trust(person, tie_strength(person, network.me, as_of))
            contact = _strengthened(person, step, as_of, builds)
            changed = tuple(contact if c.id == step.contact else c for c in network.contacts)
            return dataclasses.replace(network, contacts=changed)
        case "grow":
            assert step.to is not None
            return dataclasses.replace(
                network, contacts=(*network.contacts, _introduced(network, step.contact, step.to))
            )
        case _:
            return network


def _builds_trust(contact: Contact, tie: TieStrength) -> bool:
    """Whether nurturing this contact means building trust (a coffee), not reconnecting."""
    return contact.trust < MIN_VOUCH_TRUST or tie.is_new


def _strengthened(contact: Contact, step: Step, as_of: dt.date, builds_trust: bool) -> Contact:
    today = PartialDate(year=as_of.year, month=as_of.month, day=as_of.day)
    told = tuple(item for item in TOLD_ITEMS if item in contact.told or item in step.tell)
    told_on = tuple((item, day) for item, day in contact.told_on if item not in step.tell)
    told_on += tuple((item, today) for item in step.tell)
    trust = contact.trust
    if step.action == "nurture" and builds_trust:
        trust = min(SCALE_MAX, trust + 1)
    return dataclasses.replace(contact, told=told, told_on=told_on, trust=trust, last_contact=today)


def _introduced(network: Network, helper: str, company: str) -> Contact:
    """The person ``helper`` knows at ``company``, as a grow action hopes to find them."""
    name = network.contacts_by_id[helper].name
    return Contact(
        id=f"{helper}--at--{company}",
        name=f"someone {name} knows at {network.companies_by_id[company].name}",
        company=company,
        trust=0,
        knows=(Link(contact=helper, strength=DEFAULT_STRENGTH),),
    )


# -- the plan ---------------------------------------------------------------------------------


def plan_actions(
    network: Network,
    *,
    hours: float = DEFAULT_HOURS,
    as_of: dt.date | None = None,
    targets: Sequence[Opening] | None = None,
    index: NetworkIndex | None = None,
) -> Plan:
    """This week's actions within ``hours``, best gain per minute first.

    The targets are the file's openings (or sought companies) and, when ``me.seeking``
    names a field, the gap report's companies of that field. ``index``, the network's
    :class:`~warmreach.graph.NetworkIndex`, is built when not given.
    """
    if hours < 0 or not math.isfinite(hours):
        raise UsageError(f"--hours must be a number of hours, 0 or more, not {hours}")
    day = resolve_day(as_of)
    chosen = list(default_targets(network) if targets is None else targets)
    model = ReferralModel(network, as_of=day, index=index)
    growth: list[tuple[str, list[str]]] = []
    if targets is None and _has_field(network):
        report = find_gaps(network, as_of=day, model=model)
        covered = {target.company for target in chosen}
        chosen += [
            Opening(company=gap.company) for gap in report.companies if gap.company not in covered
        ]
        # who may know people in the field: its people you know, then those next to it
        helpers = [person.contact for person in report.contacts_in_field if person.tie > 0]
        helpers += [person.contact for person in report.adjacent]
        growth = [
            (gap.company, [helper for helper in helpers if helper not in gap.contacts])
            for gap in report.companies
            if gap.status == "no-path"
        ][:GROW_COMPANIES]
    if not chosen:
        raise UsageError(
            "nothing to plan for: the file has no openings, no me.seeking.companies and no "
            "company of the field you seek; add an opening or me.seeking.companies"
        )
    planner = _Planner(model, chosen)
    budget = round(hours * 60)
    actions, left_out = planner.choose(budget, growth)
    outlooks = tuple(
        Outlook(target=target, title=planner.title(index), before=before, after=after)
        for index, (target, before, after) in enumerate(
            zip(chosen, planner.initial, planner.best, strict=True)
        )
    )
    return Plan(
        generated_for=network.me.name,
        as_of=day,
        budget=budget,
        actions=tuple(actions),
        targets=outlooks,
        left_out=left_out,
    )


def _has_field(network: Network) -> bool:
    seeking = network.me.seeking
    return bool(seeking.industries or seeking.roles)


@dataclass
class _Option:
    step: Step
    #: signal, nurture: the contact as they would be after success
    changed: Contact | None = None
    #: asks: the target's index and the referral's score in today's analysis
    ask: tuple[int, float] | None = None
    #: signal, nurture: the reach of each candidate through the changed tie, once computed
    through: dict[str, float] | None = None


class _Planner:
    """Re-scores the targets as actions succeed: each option's gain is the rise of the
    targets' best scores once the network is changed as the action would change it (a
    fresh analysis), or, for an ask, its referral's score over what the plan already holds.
    """

    def __init__(self, model: ReferralModel, targets: Sequence[Opening]) -> None:
        self.targets = list(targets)
        self.as_of = model.as_of
        self.model = model
        self.network = model.network
        self.best = self._best(model)
        self.initial = list(self.best)
        self.secured = [DIRECT] * len(self.targets)
        self.candidates = [model.rank(target).candidates for target in self.targets]

    def _best(self, model: ReferralModel) -> list[float]:
        return [round(model.best_score(target), 3) for target in self.targets]

    def title(self, index: int) -> str:
        return self.model.report(self.targets[index]).title

    # -- options --

    def options(self, growth: Sequence[tuple[str, Sequence[str]]]) -> list[_Option]:
        found: list[_Option] = []
        contacts = self.network.contacts_by_id
        starts = sorted(
            {
                candidate.path[1]
                for ranked in self.candidates
                for candidate in ranked
                if candidate.path
            }
            | {candidate.contact for ranked in self.candidates for candidate in ranked}
        )
        for contact in starts:
            option = self._relationship(contacts[contact])
            if option is not None:
                found.append(option)
        for index, candidates in enumerate(self.candidates):
            target = self.targets[index].key
            for candidate in candidates:
                if candidate.action == "ask-referral":
                    who, minutes, to = candidate.contact, CALL, None
                    kind: PlanAction = "ask-referral"
                elif candidate.action == "ask-intro" and candidate.bridge is not None:
                    who, minutes, to = candidate.bridge, MESSAGE, candidate.contact
                    kind = "ask-intro"
                else:
                    continue
                step = Step(
                    contact=who,
                    name=contacts[who].name,
                    action=kind,
                    minutes=minutes,
                    gain=0.0,
                    why="",
                    target=target,
                    to=to,
                )
                found.append(_Option(step=step, ask=(index, candidate.score)))
        for company, helpers in growth:
            option = self._grow(company, helpers)
            if option is not None:
                found.append(option)
        return found

    def _tellable(self, contact: Contact) -> tuple[Told, ...]:
        me = self.network.me
        known = set(self.model.ties[contact.id].told) if contact.id in self.model.ties else set()
        return tuple(
            item
            for item in TOLD_ITEMS
            if item not in known
            and not (item == "availability" and me.available == "later")
            and not (item == "role" and not me.role)
        )

    def _relationship(self, contact: Contact) -> _Option | None:
        """Signal or nurture for a contact who starts a route to a target."""
        if not contact.is_direct:
            return None
        tie = self.model.ties[contact.id]
        tell = self._tellable(contact)
        kind: PlanAction
        if _builds_trust(contact, tie):
            kind, minutes = "nurture", COFFEE
        elif tie.is_stale:
            kind, minutes = "nurture", CALL
        elif tell:
            kind, minutes = "signal", MESSAGE
        else:
            return None
        step = Step(
            contact=contact.id,
            name=contact.name,
            action=kind,
            minutes=minutes,
            gain=0.0,
            why="",
            tell=tell,
        )
        return _Option(
            step=step, changed=_strengthened(contact, step, self.as_of, _builds_trust(contact, tie))
        )

    def _grow(self, company: str, helpers: Sequence[str]) -> _Option | None:
        """Ask the strongest of ``helpers`` who can vouch whom they know at ``company``."""
        contacts = self.network.contacts_by_id
        able = [
            contacts[helper]
            for helper in helpers
            if helper in self.model.ties and self.model.ties[helper].can_vouch
        ]
        if not able:
            return None
        chosen = able[0]  # helpers come strongest tie first, those in the field before the rest
        step = Step(
            contact=chosen.id,
            name=chosen.name,
            action="grow",
            minutes=MESSAGE,
            gain=0.0,
            why="",
            to=company,
        )
        return _Option(step=step)

    # -- gains --

    def gain(self, option: _Option) -> tuple[float, list[float]]:
        """The option's gain if it succeeded now, and the targets' best scores after it."""
        if option.ask is not None:
            index, score = option.ask
            return max(0.0, round(score - self.secured[index], 3)), self.best
        network = apply_action(self.network, option.step, as_of=self.as_of)
        best = self._best(ReferralModel(network, as_of=self.as_of))
        return round(sum(best) - sum(self.best), 3), best

    def take(self, option: _Option, best: list[float]) -> None:
        if option.ask is not None:
            index, score = option.ask
            self.secured[index] = max(self.secured[index], score)
            return
        self.network = apply_action(self.network, option.step, as_of=self.as_of)
        self.best = best

    def choose(
        self, budget: int, growth: Sequence[tuple[str, Sequence[str]]]
    ) -> tuple[list[Step], int]:
        """Greedy by gain per minute, each choice changing the network the next gains are
        computed on."""
        options = self.options(growth)
        chosen: list[Step] = []
        left = budget
        while options:
            scored = []
            for option in options:
                gain, best = self.gain(option)
                if gain > 0:
                    scored.append((_order(gain, option.step), option, gain, best))
            if not scored:
                break
            fitting = [entry for entry in scored if entry[1].step.minutes <= left]
            if not fitting:
                return chosen, len(scored)
            _, option, gain, best = min(fitting, key=lambda entry: entry[0])
            chosen.append(dataclasses.replace(option.step, gain=gain, why=self.why(option, best)))
            self.take(option, best)
            left -= option.step.minutes
            options = [other for other in options if other is not option]
        return chosen, 0

    # -- words --

    def why(self, option: _Option, best: Sequence[float]) -> str:
        step = option.step
        if option.ask is not None:
            index, score = option.ask
            held = self.secured[index]
            against = "applying directly" if held == DIRECT else "the referral already asked for"
            odds = f"{score:.2f} against {held:.2f} for {against}"
            if step.action == "ask-intro":
                name = self.network.contacts_by_id[str(step.to)].name
                return f"ask them to introduce you to {name} for {self.title(index)}: {odds}"
            return f"ask for a referral for {self.title(index)}: {odds}"
        rises = [
            (after - before, index)
            for index, (before, after) in enumerate(zip(self.best, best, strict=True))
            if after > before
        ]
        _, top = max(rises, key=lambda rise: (rise[0], -rise[1]))
        effect = (
            f"your best route to {self.title(top)} rises from {self.best[top]:.2f} "
            f"to {best[top]:.2f}"
        )
        if len(rises) > 1:
            effect += f", and {len(rises) - 1} more target{'s' if len(rises) > 2 else ''} gain"
        tell = f"tell them your {join_words(step.tell)}" if step.tell else ""
        match step.action:
            case "signal":
                return f"{tell}: {effect}"
            case "nurture":
                contact = self.network.contacts_by_id[step.contact]
                tie = self.model.ties[contact.id]
                if step.minutes == CALL:
                    years = (tie.months_silent or 0) / 12
                    what = f"out of touch for {years:.0f} years: reconnect"
                elif tie.is_new:
                    what = f"a new connection (met {contact.met}): meet to build trust"
                else:
                    what = f"trust {contact.trust}/5: meet to build trust"
                return f"{what}{' and ' + tell if tell else ''}; if it goes well {effect}"
            case _:
                assert step.to is not None
                company = self.network.companies_by_id[step.to].name
                return (
                    f"nobody in your network can help at {company} yet: ask whom they know "
                    f"there; if they know someone {effect}"
                )


def _order(gain: float, step: Step) -> tuple[float, float, int, str, str, str]:
    """Best gain per minute first, then the larger gain; ties broken by kind and ids."""
    return (
        -gain / step.minutes,
        -gain,
        PLAN_ACTIONS.index(step.action),
        step.contact,
        step.target or "",
        step.to or "",
    )


__all__ = [
    "CALL",
    "COFFEE",
    "DEFAULT_HOURS",
    "MESSAGE",
    "PLAN_ACTIONS",
    "Outlook",
    "Plan",
    "PlanAction",
    "Step",
    "apply_action",
    "plan_actions",
]
