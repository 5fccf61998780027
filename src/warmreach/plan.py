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
import heapq
import math
from collections.abc import Mapping, Sequence
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
    KNOWS_LENGTH,
    MAX_HOPS,
    MIN_VOUCH_TRUST,
    POSITION_WEIGHT,
    Position,
    ReferralModel,
    TieStrength,
    best_score,
    can_vouch,
    default_targets,
    score_of,
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
            contact = _strengthened(contacts[step.contact], step, as_of)
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


def _strengthened(contact: Contact, step: Step, as_of: dt.date) -> Contact:
    told = tuple(item for item in TOLD_ITEMS if item in contact.told or item in step.tell)
    trust = contact.trust
    if step.action == "nurture" and _builds_trust(contact, tie_strength(contact, as_of)):
        trust = min(SCALE_MAX, trust + 1)
    today = PartialDate(year=as_of.year, month=as_of.month, day=as_of.day)
    return dataclasses.replace(contact, told=told, trust=trust, last_contact=today)


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
    """Re-scores the targets as actions succeed, without re-running the whole analysis.

    A signal or a nurture only strengthens one of your direct ties, which can only shorten
    the paths that start with that person: a candidate's new best reach is the better of
    the old one and the one through the strengthened tie. A grow adds a person; taking one
    re-analyses the network. Asks are valued on today's analysis (a referral is asked of
    people as they are now), so no choice makes another worth more: gains only shrink as
    the plan grows, and the greedy order is by gain per minute.
    """

    def __init__(self, model: ReferralModel, targets: Sequence[Opening]) -> None:
        self.targets = list(targets)
        self.as_of = model.as_of
        self._analyse(model)
        self.initial = list(self.best)
        self.secured = [DIRECT] * len(self.targets)
        model = self.model
        self.candidates = [
            [model.explain(item, target) for item in scored]
            for target, scored in zip(self.targets, self.scored, strict=True)
        ]

    def _analyse(self, model: ReferralModel) -> None:
        self.network = model.network
        self.model = model
        self.scored = [self.model.scored(target) for target in self.targets]
        self.reach = {
            item.contact.id: item.reach for candidates in self.scored for item in candidates
        }
        #: where each candidate counts: (target index, proximity) pairs
        self.places: dict[str, list[tuple[int, float]]] = {}
        for index, candidates in enumerate(self.scored):
            for item in candidates:
                self.places.setdefault(item.contact.id, []).append((index, item.proximity))
        self.best = [best_score(candidates) for candidates in self.scored]

    # -- scores --

    def _raised(self, reaches: Mapping[str, float]) -> list[float]:
        """The targets' best scores if these candidates could be reached this well."""
        best = list(self.best)
        for candidate, reach in reaches.items():
            if reach > self.reach[candidate]:
                for index, proximity in self.places[candidate]:
                    best[index] = max(best[index], score_of(reach * proximity))
        return best

    def _through(self, contact: Contact) -> dict[str, float]:
        """The reach of every candidate by the paths that start with ``contact``."""
        carry = tie_strength(contact, self.as_of).carry
        if carry <= 0:
            return {}
        lengths = self.model.lengths_from(contact.id, self.reach, MAX_HOPS - 1)
        return {candidate: carry * math.exp(-length) for candidate, length in lengths.items()}

    def _carry(self, contact: str) -> float:
        """Your tie to ``contact`` as the plan has changed it so far."""
        return tie_strength(self.network.contacts_by_id[contact], self.as_of).carry

    def _grown(self, step: Step) -> list[float]:
        """The targets' best scores once ``step``'s helper knows someone at the company.

        The new person is a leaf known only by the helper: reached through the helper in
        at most three steps, at the company but on no team, so they change no one else's
        path. Only when the helper is on or next to a hiring team would they also change
        its closeness; that case is analysed afresh.
        """
        assert step.to is not None
        helper = step.contact
        known = self.model.knows.get(helper, {})
        for target in self.targets:
            seeds = self.model.hiring_team(target)
            if helper in seeds or any(seed in known for seed in seeds):
                network = apply_action(self.network, step, as_of=self.as_of)
                model = ReferralModel(network, as_of=self.as_of)
                return [best_score(model.scored(target)) for target in self.targets]
        lengths = [-math.log(carry) for carry in [self._carry(helper)] if carry > 0]
        lengths += [
            -math.log(carry) + KNOWS_LENGTH[strength]
            for other, strength in known.items()
            for carry in [self._carry(other)]
            if carry > 0
        ]
        best = list(self.best)
        if not lengths:
            return best
        reach = math.exp(-(min(lengths) + KNOWS_LENGTH[DEFAULT_STRENGTH]))
        score = score_of(reach * POSITION_WEIGHT[Position.AT_COMPANY])
        for index, target in enumerate(self.targets):
            if target.company == step.to:
                best[index] = max(best[index], score)
        return best

    def title(self, index: int) -> str:
        return self.model.report(self.targets[index]).title

    # -- options --

    def options(self, growth: Sequence[tuple[str, Sequence[str]]]) -> list[_Option]:
        found: list[_Option] = []
        # everyone who starts a route to a candidate, and the candidates you know yourself
        starts = sorted(
            {item.path[1] for scored in self.scored for item in scored if item.path}
            | {item.contact.id for scored in self.scored for item in scored}
        )
        contacts = self.network.contacts_by_id
        for contact in starts:
            option = self._relationship(contacts[contact])
            if option is not None:
                found.append(option)
        for index, candidates in enumerate(self.candidates):
            target = self.targets[index].key
            for candidate in candidates:
                if candidate.action == "ask-referral":
                    who = candidate.contact
                    minutes, to = CALL, None
                elif candidate.action == "ask-intro" and candidate.bridge is not None:
                    who, minutes, to = candidate.bridge, MESSAGE, candidate.contact
                else:
                    continue
                step = Step(
                    contact=who,
                    name=contacts[who].name,
                    action=candidate.action,
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
        return tuple(
            item
            for item in TOLD_ITEMS
            if item not in contact.told
            and not (item == "availability" and me.available == "later")
            and not (item == "role" and not me.role)
        )

    def _relationship(self, contact: Contact) -> _Option | None:
        """Signal or nurture for a contact who starts a route to a target."""
        if not contact.is_direct:
            return None
        tie = tie_strength(contact, self.as_of)
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
        return _Option(step=step, changed=_strengthened(contact, step, self.as_of))

    def _grow(self, company: str, helpers: Sequence[str]) -> _Option | None:
        """Ask the strongest of ``helpers`` who can vouch whom they know at ``company``."""
        contacts = self.network.contacts_by_id
        able = [
            contacts[helper]
            for helper in helpers
            if can_vouch(contacts[helper], tie_strength(contacts[helper], self.as_of))
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
        if option.changed is None:
            best = self._grown(option.step)
        else:
            if option.through is None:
                option.through = self._through(option.changed)
            best = self._raised(option.through)
        return round(sum(best) - sum(self.best), 3), best

    def take(self, option: _Option, best: list[float]) -> None:
        step = option.step
        if option.ask is not None:
            index, score = option.ask
            self.secured[index] = max(self.secured[index], score)
            return
        if option.changed is None:  # grow: a new person, analysed afresh
            network = apply_action(self.network, step, as_of=self.as_of)
            self._analyse(ReferralModel(network, as_of=self.as_of))
            return
        assert option.through is not None
        for candidate, reach in option.through.items():
            self.reach[candidate] = max(self.reach[candidate], reach)
        self.network = apply_action(self.network, step, as_of=self.as_of)
        self.best = best

    def choose(
        self, budget: int, growth: Sequence[tuple[str, Sequence[str]]]
    ) -> tuple[list[Step], int]:
        """Greedy by gain per minute, lazily: gains only shrink as actions are taken, so
        an option whose fresh gain still beats every other's last known gain is the best."""
        queue: list[tuple[tuple[float, float, int, str, str, str], int, _Option]] = []
        for number, option in enumerate(self.options(growth)):
            gain, _ = self.gain(option)
            if gain > 0:
                queue.append((_order(gain, option.step), number, option))
        heapq.heapify(queue)
        chosen: list[Step] = []
        too_long: list[_Option] = []
        left = budget
        while queue:
            _, number, option = heapq.heappop(queue)
            if option.step.minutes > left:
                too_long.append(option)
                continue
            gain, best = self.gain(option)
            if gain <= 0:
                continue
            key = _order(gain, option.step)
            if queue and key > queue[0][0]:
                heapq.heappush(queue, (key, number, option))
                continue
            step = dataclasses.replace(option.step, gain=gain, why=self.why(option, best))
            self.take(option, best)
            chosen.append(step)
            left -= step.minutes
        return chosen, sum(1 for option in too_long if self.gain(option)[0] > 0)

    # -- words --

    def why(self, option: _Option, best: Sequence[float]) -> str:
        step = option.step
        if option.ask is not None:
            index, score = option.ask
            candidate = next(
                candidate
                for candidate in self.candidates[index]
                if candidate.contact == (step.to or step.contact) and candidate.score == score
            )
            held = self.secured[index]
            against = "applying directly" if held == DIRECT else "the referral already asked for"
            odds = f"{score:.2f} against {held:.2f} for {against}"
            if step.action == "ask-intro":
                where = candidate.reasons[0]
                return (
                    f"ask them to introduce you to {candidate.name} ({where}) for "
                    f"{self.title(index)}: {odds}"
                )
            reasons = ", ".join(candidate.reasons)
            return f"ask for a referral for {self.title(index)} ({reasons}): {odds}"
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
                tie = tie_strength(contact, self.as_of)
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
