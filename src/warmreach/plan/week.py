"""The week's plan: the options of every kind of step, chosen within the hours you
have, with what each chosen step is for and what waits for later weeks.

>>> import datetime as dt
>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana, role: Analyst, seeking: {roles: [Product Manager]}}
... openings: [{company: Voltgrid, team: Grid}]
... contacts:
...   - {name: Bob, company: Voltgrid, team: Grid, trust: 5, knows_my_work: 4,
...      met: 2019, last_contact: 2026-11}
...   - {name: Mei, company: Voltgrid, team: Grid, trust: 4, knows_my_work: 3,
...      met: 2020, last_contact: 2026-10}
... ''')
>>> plan = plan_actions(network, hours=1, as_of=dt.date(2026, 11, 25))
>>> [(step.name, step.action, step.minutes) for step in plan.steps]
[('Bob', 'signal-then-ask', 30), ('Mei', 'signal-then-ask', 30)]
>>> [(round(o.before, 2), round(o.after, 2)) for o in plan.targets]
[(0.26, 0.89)]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from warmreach.errors import UsageError
from warmreach.gaps.people import FieldPeople
from warmreach.graph import NetworkIndex
from warmreach.model import Network, Opening, Told
from warmreach.plan import DEFAULT_HOURS
from warmreach.plan.choose import Choice, State, Taken, choose
from warmreach.plan.growth import growth_steps
from warmreach.plan.pricing import Pricer
from warmreach.plan.result import Item, Outlook, Plan, Queued, Step
from warmreach.plan.steps import (
    CALL,
    MESSAGE,
    AskOption,
    Context,
    Facts,
    FollowUpOption,
    GrowOption,
    Later,
    Option,
    Search,
    find_options,
    ready,
    someone_known_id,
)
from warmreach.plan.targets import Target, plan_targets
from warmreach.plan.value import Chance, target_chances
from warmreach.scoring import (
    ACTIONS,
    ASKS,
    FOLLOW_UP_DAYS,
    Action,
    Reason,
    ReferralModel,
    model_for,
)
from warmreach.text import join_words


def plan_actions(
    network: Network,
    *,
    hours: float = DEFAULT_HOURS,
    as_of: dt.date | None = None,
    targets: Sequence[Opening] | None = None,
    weights: Sequence[float] | None = None,
    index: NetworkIndex | None = None,
    model: ReferralModel | None = None,
) -> Plan:
    """This week's conversations within ``hours``, and what they queue.

    The targets are the file's openings (one per team), the companies of
    ``me.seeking.companies`` without one; or the openings given. Minutes the targets leave
    go to growing your network in the field ``me.seeking`` names (:mod:`~warmreach.plan.
    growth`), as does the whole week when nothing reaches a target. ``index``, the network's
    :class:`~warmreach.graph.NetworkIndex`, is built when not given; ``model``, a
    :class:`ReferralModel` of this network on this day, shares its rankings (an analysis's).

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana, seeking: {companies: [Voltgrid]}}
    ... contacts: [{name: Bob, company: Voltgrid, trust: 5, knows_my_work: 4, met: 2019,
    ...             last_contact: 2026-10, told: [aspiration, availability]}]
    ... ''')
    >>> plan = plan_actions(network, as_of=dt.date(2026, 11, 25))
    >>> [(step.name, step.action) for step in plan.steps]
    [('Bob', 'ask-referral')]
    """
    if hours < 0 or not math.isfinite(hours):
        raise UsageError(f"--hours must be a number of hours, 0 or more, not {hours}")
    week = week_options(
        network, as_of=as_of, targets=targets, weights=weights, index=index, model=model
    )
    budget = round(hours * 60)
    choice = choose(week.options, week.base, budget)
    grown: list[Step] = []
    if week.field is not None:
        busy = {*choice.items, *choice.calls}
        grown = growth_steps(
            week.model, week.field, busy=busy, minutes=budget - choice.minutes, roles=week.roles
        )
    return _plan(week, choice, budget, grown)


@dataclass(frozen=True)
class Week:
    """What a plan chooses from: the targets, every option, and the chances the file's
    asks already hold."""

    model: ReferralModel
    targets: list[Target]
    options: list[Option]
    base: State
    pricer: Pricer
    #: targets left out because their openings have closed
    closed: tuple[Target, ...]
    #: asks that need nothing this week, made on the day you can (``ask-later``)
    ready: list[tuple[Later, Chance]]
    #: the people of the field you seek (as the gap report lists them), when you seek one
    #: (for growth steps)
    field: FieldPeople | None
    #: the roles you want
    roles: list[str]
    #: targets past MAX_TARGETS, not weighed
    unweighed: int = 0


def week_options(
    network: Network,
    *,
    as_of: dt.date | None = None,
    targets: Sequence[Opening] | None = None,
    weights: Sequence[float] | None = None,
    index: NetworkIndex | None = None,
    model: ReferralModel | None = None,
) -> Week:
    """The targets and options of this week's plan (see :func:`plan_actions`)."""
    model = model_for(network, as_of, model, index)
    goals, closed, field = plan_targets(model, targets, weights)
    unweighed = max(0, len(goals) - MAX_TARGETS)
    goals = goals[:MAX_TARGETS]
    if not goals and field is None:
        raise UsageError(
            "nothing to plan for: the file has no open opening, no me.seeking.companies and no "
            "field you seek; add an opening, me.seeking.companies or me.seeking.industries"
        )
    roles = [
        *network.me.seeking.roles,
        *(o.role for goal in goals for o in goal.openings if o.role),
    ]
    pricer = Pricer(model, goals, roles=roles)
    helpers: list[str] = []
    if field is not None:
        helpers = [person.contact for person in field.contacts_in_field if person.tie > 0]
        helpers += [person.contact for person in field.adjacent]
    search = Search(pricer, helpers)
    options = find_options(search)
    ready_asks = ready(search)
    held = [entry.chance for entry in pricer.recorded] + [chance for _, chance in ready_asks]
    base = State(held, [goal.weight * goal.urgency(model.as_of) for goal in goals])
    return Week(
        model=model,
        targets=goals,
        options=options,
        base=base,
        pricer=pricer,
        closed=closed,
        ready=ready_asks,
        field=field,
        roles=roles,
        unweighed=unweighed,
    )


#: the most targets a plan weighs, the first in the file (a week's few conversations go
#: to a few of them; weighing thousands would take minutes)
MAX_TARGETS: Final = 100


def _plan(week: Week, choice: Choice, budget: int, grown: Sequence[Step] = ()) -> Plan:
    model, goals, options, base = week.model, week.targets, week.options, week.base
    network = model.network
    contacts = network.contacts_by_id
    context = Context(model=model, targets=goals)
    by_person: dict[str, list[Taken]] = {}
    for taken in choice.taken:
        by_person.setdefault(taken.option.person, []).append(taken)
    steps = []
    for person, entries in by_person.items():
        tell: list[Told] = []
        for entry in entries:
            tell += [item for item in entry.option.tell if item not in tell]
        steps.append(
            Step(
                contact=person,
                name=contacts[person].name,
                action=entries[0].option.action,
                minutes=sum(entry.minutes for entry in entries),
                gain=math.fsum(entry.gain for entry in entries),
                items=tuple(_item(entry.option, goals) for entry in entries),
                tell=tuple(tell),
                reasons=tuple(
                    _reason(context, entry, first=index == 0) for index, entry in enumerate(entries)
                ),
            )
        )
    left = [
        option
        for option in options
        if option not in {entry.option for entry in choice.taken}
        and choice.cost(option) is not None
        and choice.state.gain(option.chances) > 0
    ]
    left_out = [option for option in left if choice.minutes + (choice.cost(option) or 0) > budget]
    names = {contact.id: contact.name for contact in network.contacts}
    companies = {company.id: company.name for company in network.companies}
    sought = {
        someone_known_id(option.person, option.company): (option.person, option.company)
        for option in options
        if isinstance(option, GrowOption)
    }
    steps += grown
    used = choice.minutes + sum(step.minutes for step in grown)
    stop, unreached = _stop(model, goals, choice, budget - used, left_out)
    return Plan(
        generated_for=network.me.name,
        me=network.me,
        me_company=network.companies_by_id[network.me.company].name if network.me.company else None,
        as_of=model.as_of,
        budget=budget,
        steps=tuple(steps),
        queued=_queued(week, choice),
        targets=tuple(
            Outlook(target=goal, before=before, after=after)
            for goal, before, after in zip(goals, base.values, choice.state.values, strict=True)
        ),
        stop=stop,
        unreached=unreached,
        left_out=len(left_out),
        closed=week.closed,
        unweighed=week.unweighed,
        names=names,
        companies=companies,
        sought_people=sought,
    )


def _item(option: Option, goals: Sequence[Target]) -> Item:
    target, to = option.target, option.to
    if target is None and option.chances:
        targets = {chance.target for chance in option.chances}
        target = next(iter(targets)) if len(targets) == 1 else None
    later = option.later[0].day if option.later else None
    works = option.chances[0].s if option.later else 1.0
    via = option.ask.via if isinstance(option, AskOption) else None
    if to is None and len(option.later) == 1:  # the introduction a step prepares
        to, via = option.later[0].ask.to, option.later[0].ask.via
    return Item(
        action=option.action,
        target=None if target is None else goals[target].key,
        to=to,
        via=via,
        works=works,
        ask_on=later,
    )


def _main_target(taken: Taken, goals: Sequence[Target]) -> int:
    rises = [
        (goals[index].weight * (after - before), -index)
        for index, (before, after) in enumerate(zip(taken.before, taken.after, strict=True))
    ]
    best, index = max(rises)
    if best > 0:
        return -index
    return taken.option.chances[0].target


def _reason(context: Context, taken: Taken, *, first: bool = True) -> Reason:
    """Why a step: its kind and the facts a sentence about it needs (what you tell them
    is said with the first item of a conversation). ``target`` is the key of the target
    whose odds rise most."""
    option = taken.option
    goals = context.targets
    main = _main_target(taken, goals)
    others = sum(
        1
        for index, (before, after) in enumerate(zip(taken.before, taken.after, strict=True))
        if index != main and after > before + 1e-9
    )
    facts: Facts = {
        "target": goals[main].key,
        "before": round(taken.before[main], 3),
        "after": round(taken.after[main], 3),
        "others": others,
        "tell": join_words(option.tell) if option.tell and first else None,
    }
    ask_on = option.later[0].day if option.later else None
    if option.later:
        facts.update(
            works=option.chances[0].s,
            ask_on=ask_on.isoformat() if ask_on else None,
            asks=len(option.later),
        )
    facts.update(option.facts(context))
    return Reason.of(option.action, **facts)


def _queued(week: Week, choice: Choice) -> tuple[Queued, ...]:
    """The asks that need nothing this week, those this week's steps prepare, the
    follow-ups of the asks made this week, and the follow-ups of the file's asks that fall
    due later."""
    model, goals, pricer = week.model, week.targets, week.pricer
    contacts = model.network.contacts_by_id
    found: list[Queued] = []
    follow_up = model.as_of + dt.timedelta(days=FOLLOW_UP_DAYS)

    def later_ask(later: Later, works: float, after: Action | None) -> Queued:
        ask = later.ask
        return Queued(
            day=later.day,
            contact=later.person,
            name=contacts[later.person].name,
            action=later.action,
            target=goals[ask.target].key,
            to=ask.to,
            via=ask.via,
            minutes=CALL if ask.to is None else MESSAGE + CALL,
            works=works,
            after=after,
        )

    found += [later_ask(later, 1.0, None) for later, _ in week.ready]
    for taken in choice.taken:
        option = taken.option
        for later in option.later:
            found.append(later_ask(later, option.chances[0].s, option.action))
        if option.action in ASKS or option.action == "signal-then-ask":
            found.append(
                Queued(
                    day=follow_up,
                    contact=option.person,
                    name=contacts[option.person].name,
                    action="follow-up",
                    target=goals[option.target].key if option.target is not None else None,
                    to=option.to,
                    minutes=MESSAGE,
                    after=option.action,
                )
            )
    planned = {
        (taken.option.person, taken.option.ask.key, taken.option.ask.to)
        for taken in choice.taken
        if isinstance(taken.option, FollowUpOption)
    }
    for contact in model.network.contacts:
        for ask in contact.asks:
            if not ask.pending or (contact.id, ask.key, ask.to) in planned:
                continue
            target = next(
                (goal.key for goal in goals if any(ask.concerns(o) for o in goal.openings)), None
            )
            if target is None:
                continue
            _, reminder, due = pricer.reply(ask, contact)
            if reminder is not None and due is not None and due > model.as_of:
                found.append(
                    Queued(
                        day=due,
                        contact=contact.id,
                        name=contact.name,
                        action="follow-up",
                        target=target,
                        to=ask.to,
                        minutes=MESSAGE,
                    )
                )
    found.sort(
        key=lambda q: (
            q.day or dt.date.max,
            q.contact,
            ACTIONS.index(q.action),
            q.target or "",
            q.to or "",
        )
    )
    return tuple(dict.fromkeys(found))


def _stop(
    model: ReferralModel,
    goals: Sequence[Target],
    choice: Choice,
    minutes_left: int,
    left_out: Sequence[Option],
) -> tuple[Reason | None, tuple[Target, ...]]:
    """Why the plan ends before the budget does (``minutes_left`` are left), when it does,
    and the targets nobody you know reaches yet."""
    if left_out and minutes_left < min(choice.cost(option) or 0 for option in left_out):
        shortest = min(choice.cost(option) or 0 for option in left_out)
        reason = Reason.of("no-time", more=len(left_out), shortest=shortest, left=minutes_left)
        return reason, ()
    if minutes_left < MESSAGE:
        return None, ()
    untouched = tuple(
        goal
        for goal, value in zip(goals, choice.state.values, strict=True)
        if value <= target_chances((), 1)[0] + 1e-9
    )
    reason = Reason.of(
        "nothing-left",
        unavailable=None
        if model.can_ask
        else (model.ask_from.isoformat() if model.ask_from else "later"),
        nobody=len(untouched),
        left=minutes_left,
    )
    return reason, untouched


__all__ = ["MAX_TARGETS", "Week", "plan_actions", "week_options"]
