"""Ranking who could refer you for a target: where each candidate stands, their best route,
their score, and what to do now.

For a candidate ``c`` and a route ``r`` to them::

    referral  = vouch(r) x standing(c)                     what their word is worth
    if_referred = DIRECT + (CEILING - DIRECT) x (1 - exp(-referral / TAU))
    score     = DIRECT + chance(r) x (if_referred - DIRECT)

``if_referred`` is the interview chance once they have referred you, calibrated so that
an average referral (a friend who trusts you, elsewhere at the company) sits at
REFERRED, Fernandez & Weinberg's rate for referred applicants; ``score`` is what the
route gives on average, counting the chance it ends in no referral at all. A candidate's
score is their best route's; the action is the step that can be taken now.
``docs/scoring.md`` gives every constant with its source or as our assumption.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from warmreach.graph import NetworkIndex
from warmreach.model import ME, Ask, Contact, Network, Opening, PartialDate
from warmreach.scoring.asks import AskState, ask_state, follow_up_day, with_introductions
from warmreach.scoring.decay import LEFT, months_since
from warmreach.scoring.paths import LinkStrengths, Route, introductions, supported
from warmreach.scoring.results import Action, Position, TargetReport
from warmreach.scoring.ties import TieStrength, tie_strength, written_quality

#: interview rate of a direct application (Fernandez & Weinberg 1997: 26%)
DIRECT: Final = 0.26
#: interview rate of an average referred applicant (Fernandez & Weinberg 1997: 80%)
REFERRED: Final = 0.80
#: the interview rate no referral goes beyond
CEILING: Final = 0.92
#: what the average referral of Fernandez & Weinberg's study is worth here: an employee who
#: trusts you (4 of 5) and has seen your work (3 of 5), elsewhere in the company
REFERENCE_TRUST: Final = 4
REFERENCE_WORK: Final = 3
#: a route must add this much to the interview chance to be worth more than applying
MIN_LIFT: Final = 0.04


#: what a referral from each position is worth, relative to one from the hiring team
STANDING: Final[Mapping[Position, float]] = {
    Position.HIRING_MANAGER: 1.0,
    Position.ON_TEAM: 1.0,
    Position.NEAR_TEAM: 0.8,
    Position.RECRUITER: 0.8,
    Position.AT_COMPANY: 0.6,
    Position.FORMERLY_AT_COMPANY: 0.3,
}
#: the worth of the average referral, and how fast the interview chance rises with a
#: referral's worth: set so that the average referral gives REFERRED
REFERENCE: Final = written_quality(REFERENCE_TRUST, REFERENCE_WORK) * STANDING[Position.AT_COMPANY]
TAU: Final = -REFERENCE / math.log(1 - (REFERRED - DIRECT) / (CEILING - DIRECT))
#: routes into the hiring team at which someone elsewhere in the company is counted halfway
#: to near the team (closeness = 1 - exp(-routes / CLOSENESS_SCALE))
CLOSENESS_SCALE: Final = 1.0
#: a new joiner's referral counts TENURE_START as much, rising to full at TENURE_FULL months
TENURE_START: Final = 0.5
TENURE_FULL: Final = 12.0
#: a former employee's knowledge of the company fades (decay.LEFT); when they left is not
#: known, it counts UNKNOWN_LEFT
UNKNOWN_LEFT: Final = 0.25
#: you ask for referrals from this many weeks before the day you can start
ASK_LEAD_WEEKS: Final = 6

#: words in a title that make someone a recruiter, a route to the hiring team
_RECRUITER: Final = re.compile(
    r"\b(recruit\w*|talent acquisition|talent partner|sourcer|sourcing)\b", re.IGNORECASE
)
#: positions whose people are worth cultivating even when no route is worth asking yet
_WORTH_CULTIVATING: Final = frozenset(
    {Position.HIRING_MANAGER, Position.ON_TEAM, Position.NEAR_TEAM, Position.RECRUITER}
)


def interview_chance(referral: float) -> float:
    """The interview chance once referred by someone whose word is worth ``referral``.

    >>> [round(interview_chance(worth), 3) for worth in (0.0, REFERENCE, 1.0)]
    [0.26, 0.8, 0.908]
    """
    return DIRECT + (CEILING - DIRECT) * (1 - math.exp(-referral / TAU))


def route_score(route: Route, standing: float) -> float:
    """The expected interview chance of a route to someone of this standing."""
    return DIRECT + route.chance * (interview_chance(route.vouch * standing) - DIRECT)


def is_recruiter(title: str | None) -> bool:
    """Whether a job title is a recruiter's.

    >>> is_recruiter("Senior Technical Recruiter"), is_recruiter("Talent Acquisition Lead")
    (True, True)
    >>> is_recruiter("Recruitment Marketing Designer"), is_recruiter("Engineer")
    (True, False)
    """
    return title is not None and _RECRUITER.search(title) is not None


def ask_from(available: str | PartialDate, as_of: dt.date) -> tuple[bool, dt.date | None]:
    """Whether you can ask for referrals now, and when you can when not yet (None: you have
    not said when).

    >>> ask_from("now", dt.date(2026, 11, 25)), ask_from("later", dt.date(2026, 11, 25))
    ((True, None), (False, None))
    >>> ask_from(PartialDate(year=2027, month=3), dt.date(2026, 11, 25))
    (False, datetime.date(2027, 1, 18))
    """
    if available == "now":
        return True, None
    if available == "later" or not isinstance(available, PartialDate):
        return False, None
    start = available.first_day() - dt.timedelta(weeks=ASK_LEAD_WEEKS)
    return (True, None) if as_of >= start else (False, start)


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where a candidate stands for a target, and why."""

    position: Position
    #: what their referral is worth relative to the hiring team's: 0 .. 1
    value: float
    #: how close someone elsewhere in the company sits to the hiring team: 0 .. 1
    closeness: float = 0.0
    #: their links into the hiring team, and their two-step routes into it
    team_links: int = 0
    team_routes: int = 0
    #: months at the company, when known
    months_in: float | None = None
    #: months since they left, for a former employee, when known
    months_out: float | None = None


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    """A candidate's routes, score and action for one target, before they are explained."""

    contact: Contact
    standing: Standing
    #: every route to them, best first: asking them yourself (with a friend's word when
    #: someone can give one), and introductions through people who can vouch for you
    routes: tuple[Route, ...]
    #: the score of the best route (DIRECT when there is none)
    score: float
    #: the route the action takes (None: apply directly), and its score
    advised: Route | None
    advised_score: float
    action: Action
    #: the ask of the file behind the action (follow-up, referred) or behind closing
    #: every route (declined, no reply), and the person it was asked of
    ask: Ask | None = None
    asked: str | None = None
    #: for ``follow-up``, the day to follow up
    follow_up_on: dt.date | None = None

    @property
    def best(self) -> Route | None:
        return self.routes[0] if self.routes else None


class _Ties(Mapping[str, TieStrength]):
    """Your tie to each direct contact, worked out when first looked up."""

    def __init__(
        self,
        model: ReferralModel,
        *,
        override: Mapping[str, TieStrength] | None = None,
        fallback: Mapping[str, TieStrength] | None = None,
    ) -> None:
        self._model = model
        #: ties known already (``override``: given for a view); ``fallback``: the ties of
        #: the model a view is of, on the same day
        self._known: dict[str, TieStrength] = dict(override or {})
        self._fallback = fallback

    def __getitem__(self, contact: str) -> TieStrength:
        found = self._known.get(contact)
        if found is None and self._fallback is not None:
            found = self._fallback[contact]
        if found is None:
            if contact not in self:
                raise KeyError(contact)
            model = self._model
            person = model.network.contacts_by_id[contact]
            mutual = len(model.direct.intersection(model.knows.get(contact, {})))
            found = tie_strength(person, model.network.me, model.as_of, mutual=mutual)
            self._known[contact] = found
        return found

    def __contains__(self, contact: object) -> bool:
        return isinstance(contact, str) and contact in self._model.direct

    def __iter__(self) -> Iterator[str]:
        return (contact.id for contact in self._model.network.contacts if contact.is_direct)

    def __len__(self) -> int:
        return len(self._model.direct)


class _Bridges(Mapping[str, TieStrength]):
    """Your ties who can vouch for you, looked up one by one (most are never asked about)."""

    def __init__(self, ties: Mapping[str, TieStrength]) -> None:
        self._ties = ties

    def __getitem__(self, contact: str) -> TieStrength:
        tie = self._ties[contact]
        if not tie.can_vouch:
            raise KeyError(contact)
        return tie

    def __contains__(self, contact: object) -> bool:
        return contact in self._ties and self._ties[str(contact)].can_vouch

    def __iter__(self) -> Iterator[str]:
        return (contact for contact in self._ties if self._ties[contact].can_vouch)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class ReferralModel:
    """Scores every candidate of a network for any target, computing shared work once.

    Your ties, the links' strengths and the routes to each person do not depend on the
    target, so analysing several targets reuses them.
    """

    def __init__(
        self, network: Network, *, as_of: dt.date, index: NetworkIndex | None = None
    ) -> None:
        #: the network, with a direct tie to everyone an introduction was made to (the
        #: index does not change: introductions add no link)
        self.network = network = with_introductions(network)
        self.as_of = as_of
        #: the network's index (built when not given)
        self.index = index or NetworkIndex.build(network)
        #: the people each contact knows, with the strength either side wrote (0: none)
        self.knows = self.index.knows
        #: the strength of each link, written or estimated
        self.links = LinkStrengths(self.knows)
        #: your tie to each direct contact
        self.ties: Mapping[str, TieStrength] = _Ties(self)
        #: whether you can ask for referrals now, and from when if not
        self.can_ask, self.ask_from = ask_from(network.me.available, as_of)
        self._evaluations: dict[Opening, list[Evaluation]] = {}
        self._routes: dict[tuple[str, bool], list[Route]] = {}
        self._asks: dict[Opening, AskState] = {}
        #: each person's closeness to each target's decision makers (links only: views share it)
        self._closeness: dict[tuple[Opening, str], Standing] = {}

    @cached_property
    def direct(self) -> frozenset[str]:
        """The ids of the contacts you know yourself."""
        return frozenset(contact.id for contact in self.network.contacts if contact.is_direct)

    @cached_property
    def bridges(self) -> Mapping[str, TieStrength]:
        """Your ties who can vouch for you, and so carry a request to others."""
        return _Bridges(self.ties)

    # -- targets ---------------------------------------------------------------------------

    def asks(self, target: Opening) -> AskState:
        """What the file's asks mean for ``target``."""
        found = self._asks.get(target)
        if found is None:
            found = self._asks[target] = ask_state(self.network, target)
        return found

    def report(self, target: Opening) -> TargetReport:
        """A report on ``target`` with its display names and no candidates yet."""
        company = self.network.companies_by_id[target.company]
        team = company.teams_by_id[target.team].name if target.team else None
        return TargetReport(target=target, company_name=company.name, team_name=team, candidates=())

    def hiring_team(self, target: Opening) -> list[str]:
        """The people known to be on the hiring team: its members and the hiring manager."""
        seeds = {target.hiring_manager} if target.hiring_manager else set()
        if target.team is not None:
            seeds.update(self.index.members.get((target.company, target.team), ()))
        return sorted(seeds)

    def decision_makers(self, target: Opening) -> list[str]:
        """Whom closeness is measured to: the hiring team, else (a company with no team or
        hiring manager named) everyone who works there now."""
        seeds = self.hiring_team(target)
        if seeds:
            return seeds
        contacts = self.network.contacts_by_id
        return [
            person
            for person in self.index.staff.get(target.company, ())
            if contacts[person].company == target.company
        ]

    def candidates(self, target: Opening) -> list[Contact]:
        """Everyone who works or worked at the company, and the hiring manager."""
        contacts = self.network.contacts_by_id
        found = [contacts[person] for person in self.index.staff.get(target.company, ())]
        manager = contacts.get(target.hiring_manager or "")
        if manager is not None and manager not in found:
            found.append(manager)
        return found

    # -- where they stand ------------------------------------------------------------------

    def position(self, contact: Contact, target: Opening) -> Position:
        if contact.id == target.hiring_manager:
            return Position.HIRING_MANAGER
        if contact.company != target.company:
            return Position.FORMERLY_AT_COMPANY
        if target.team is not None and contact.team is not None:
            if contact.team == target.team:
                return Position.ON_TEAM
            if contact.team in self.index.near.get((target.company, target.team), ()):
                return Position.NEAR_TEAM
        if is_recruiter(contact.title):
            return Position.RECRUITER
        return Position.AT_COMPANY

    def standing(
        self, contact: Contact, target: Opening, closeness: Mapping[str, Standing]
    ) -> Standing:
        position = self.position(contact, target)
        if position is Position.FORMERLY_AT_COMPANY:
            left = next(
                (job.until for job in contact.past_companies if job.company == target.company), None
            )
            months_out = months_since(left, self.as_of, PartialDate.last_day)
            fresh = UNKNOWN_LEFT if months_out is None else LEFT(months_out)
            return Standing(
                position=position, value=STANDING[position] * fresh, months_out=months_out
            )
        months_in = months_since(contact.since, self.as_of, PartialDate.first_day)
        tenure = 1.0
        if months_in is not None and position is not Position.HIRING_MANAGER:
            tenure = TENURE_START + (1 - TENURE_START) * min(1.0, months_in / TENURE_FULL)
        if position is Position.AT_COMPANY:
            near = closeness.get(contact.id)
            if near is not None:
                low, high = STANDING[Position.AT_COMPANY], STANDING[Position.NEAR_TEAM]
                value = (low + (high - low) * near.closeness) * tenure
                return dataclasses.replace(near, value=value, months_in=months_in)
        return Standing(position=position, value=STANDING[position] * tenure, months_in=months_in)

    def closeness(self, target: Opening, people: Sequence[Contact]) -> dict[str, Standing]:
        """How close each of ``people`` sits to the people who decide: every route of one or
        two links into them counts, weighted by its links, so a new link anywhere never
        moves anyone further away."""
        seeds = set(self.decision_makers(target))
        links, knows = self.links, self.knows
        into: dict[str, float] = {}  # for a middle person: their links into the seeds

        def reach(middle: str) -> float:
            found = into.get(middle)
            if found is None:
                row = knows.get(middle, {})
                hops = [links.hop(middle, seed) for seed in row.keys() & seeds]
                found = into[middle] = math.fsum(hops)  # the same whatever the order
            return found

        found: dict[str, Standing] = {}
        for contact in people:
            person = contact.id
            if person in seeds and target.team is not None:
                continue
            parts: list[float] = []
            direct, routes = 0, 0
            for middle in knows.get(person, {}):
                hop = links.hop(person, middle)
                if middle in seeds:
                    parts.append(hop)
                    direct += 1
                onward = reach(middle) - (links.hop(middle, person) if person in seeds else 0.0)
                if onward > 1e-12:
                    parts.append(hop * onward)
                    routes += 1
            near = 1 - math.exp(-math.fsum(parts) / CLOSENESS_SCALE)
            found[person] = Standing(
                position=Position.AT_COMPANY,
                value=0.0,
                closeness=near,
                team_links=direct,
                team_routes=routes,
            )
        return found

    # -- routes ----------------------------------------------------------------------------

    def routes(self, contact: str, *, manager: bool = False) -> list[Route]:
        """Every route to ``contact``, unsorted: asking them yourself (with the best word a
        friend can put in beside it), and introductions through your ties who can vouch."""
        key = (contact, manager)
        found = self._routes.get(key)
        if found is None:
            found = list(introductions(contact, self.links, self.bridges, manager=manager))
            if contact in self.direct:
                tie = self.ties[contact]
                own = Route(path=(ME, contact), chance=tie.willingness, vouch=tie.strength)
                # with each friend who knows them putting in a word (the ranking keeps the best)
                words = [supported(own, route) for route in found if len(route.path) == 3]
                found += [own, *words]
            self._routes[key] = found
        return found

    def route_through(
        self, candidate: str, target: Opening, first: str
    ) -> tuple[Route, float] | None:
        """The best open route to ``candidate`` for ``target`` whose first step is ``first``,
        and its score: asking them yourself (without a friend's word) when ``first`` is
        the candidate, else an introduction through ``first``; None when there is none.

        This is what asking one person for one thing is worth, as the plan prices it.
        """
        contact = self.network.contacts_by_id[candidate]
        state = self.asks(target)
        if first in state.closed or candidate in state.closed or candidate in state.referred:
            return None  # refused, or their referral is made
        closeness: Mapping[str, Standing] = {}
        if self.position(contact, target) is Position.AT_COMPANY:
            known = self._closeness.get((target, candidate))
            if known is None:
                found = self.closeness(target, [contact]).get(candidate)
                if found is not None:
                    self._closeness[(target, candidate)] = known = found
            closeness = {} if known is None else {candidate: known}
        standing = self.standing(contact, target, closeness)
        manager = standing.position is Position.HIRING_MANAGER
        if first == candidate:
            if candidate not in self.ties:
                return None
            tie = self.ties[candidate]
            routes = [Route(path=(ME, candidate), chance=tie.willingness, vouch=tie.strength)]
        elif state.introduced.get(candidate) == first:
            return None  # that introduction is made
        else:
            routes = [
                route
                for route in introductions(
                    candidate, self.links, self.bridges, manager=manager, through=first
                )
                if not any(person in state.closed for person in route.path)
            ]
        if not routes:
            return None
        score, route = min(
            ((route_score(route, standing.value), route) for route in routes),
            key=lambda item: (-item[0], len(item[1].path), item[1].path),
        )
        return route, score

    def with_tie(self, contact: Contact, *, as_of: dt.date | None = None) -> ReferralModel:
        """A view of this model in which your tie to ``contact`` (an existing direct
        contact) is as ``contact`` has it (trust, what they were told, when you were last
        in touch), on the day ``as_of``: what pricing one person's step needs.

        Links, standing, asks and the network are this model's; ties to everyone else are
        this model's on the same day, and worked out afresh for another. Routes through
        the view are those a fresh analysis of the changed network finds (the plan's
        tests check it); reading the view's network shows the contact unchanged.
        """
        old = self.network.contacts_by_id[contact.id]
        assert (old.knows, old.asks, old.company, old.team, old.is_direct) == (
            contact.knows,
            contact.asks,
            contact.company,
            contact.team,
            contact.is_direct,
        ), "only the tie may change"
        day = self.as_of if as_of is None else as_of
        view = copy.copy(self)
        view.as_of = day
        view.can_ask, view.ask_from = ask_from(self.network.me.available, day)
        view._evaluations = {}
        view._routes = {}
        view.__dict__.pop("bridges", None)  # it reads the ties, which differ
        mutual = len(self.direct.intersection(self.knows.get(contact.id, {})))
        tie = tie_strength(contact, self.network.me, day, mutual=mutual)
        fallback = self.ties if day == self.as_of else None
        view.ties = _Ties(view, override={contact.id: tie}, fallback=fallback)
        return view

    def link_value(self, person: str, other: str) -> float | None:
        """How strongly two people are linked: your tie's strength when one is you, else the
        chance an introduction between them goes through; None when they are not linked."""
        if ME in (person, other):
            contact = other if person == ME else person
            strength = self.ties[contact].strength if contact in self.ties else 0.0
            return strength if strength > 0 else None
        return self.links.hop(person, other) if self.links.strength(person, other) else None

    def steps_from_you(self, person: str) -> int | None:
        """How many steps ``person`` is from you (1: you know them yourself), up to MAX_HOPS;
        None when further."""
        if person in self.direct:
            return 1
        around = self.knows.get(person, {})
        if around.keys() & self.direct:
            return 2
        if any(self.knows.get(middle, {}).keys() & self.direct for middle in around):
            return 3
        return None

    # -- ranking ---------------------------------------------------------------------------

    def evaluate(self, target: Opening) -> list[Evaluation]:
        """Every candidate for ``target`` with their routes and action, best first.

        Computed once per target; do not change the list returned.
        """
        found = self._evaluations.get(target)
        if found is not None:
            return found
        people = self.candidates(target)
        closeness = self.closeness(
            target, [c for c in people if self.position(c, target) is Position.AT_COMPANY]
        )
        found = [self._evaluate(contact, target, closeness) for contact in people]
        found.sort(key=self._order_key(target))
        self._evaluations[target] = found
        return found

    def _evaluate(
        self, contact: Contact, target: Opening, closeness: Mapping[str, Standing]
    ) -> Evaluation:
        standing = self.standing(contact, target, closeness)
        manager = standing.position is Position.HIRING_MANAGER
        state = self.asks(target)
        routes = self.open_routes(contact.id, state, manager=manager)
        referral = state.referred.get(contact.id)
        if referral is not None:  # their referral is made: that route has happened
            strength = self.ties[contact.id].strength if contact.id in self.ties else 0.0
            routes = [Route(path=(ME, contact.id), chance=1.0, vouch=strength)]
        scored = sorted(
            ((route_score(route, standing.value), route) for route in routes),
            key=lambda item: (-item[0], len(item[1].path), item[1].path),
        )
        ordered = tuple(route for _, route in scored)
        score = scored[0][0] if scored else DIRECT
        ask, asked, follow_up = state.closed.get(contact.id), contact.id, None
        waiting = state.waiting_for(contact.id)
        if referral is not None:
            action: Action = "referred"
            advised: Route | None = ordered[0]
            ask = referral
        elif waiting is not None:
            asked, ask = waiting
            action = "follow-up"
            advised = next(
                (route for route in ordered if route.path[1] == asked),
                ordered[0] if ordered else None,
            )
            follow_up = follow_up_day(ask, self.network.contacts_by_id[asked], self.as_of)
        else:
            action, advised = self._action(contact, standing, scored)
        advised_score = DIRECT if advised is None else route_score(advised, standing.value)
        return Evaluation(
            contact=contact,
            standing=standing,
            routes=ordered,
            score=score,
            advised=advised,
            advised_score=advised_score,
            action=action,
            ask=ask,
            asked=asked if ask is not None else None,
            follow_up_on=follow_up,
        )

    def open_routes(self, contact: str, state: AskState, *, manager: bool) -> list[Route]:
        """The routes to ``contact`` that no declined or unanswered ask has closed, and not
        the introduction already made to them."""
        routes = self.routes(contact, manager=manager)
        introducer = state.introduced.get(contact)
        if introducer is not None:
            routes = [
                route
                for route in routes
                if not (route.is_introduction and route.path[1] == introducer)
            ]
        closed = state.closed
        if not closed:
            return routes
        return [
            route
            for route in routes
            if route.supporter not in closed and not any(person in closed for person in route.path)
        ]

    def _action(
        self, contact: Contact, standing: Standing, scored: Sequence[tuple[float, Route]]
    ) -> tuple[Action, Route | None]:
        """What to do about a candidate now, and by which route."""
        worth = DIRECT + MIN_LIFT
        tie = self.ties.get(contact.id)
        # asking them yourself, with a friend's word when one can be given (the best of it)
        own = next(((s, r) for s, r in scored if not r.is_introduction), None)
        intro = next(((s, r) for s, r in scored if r.is_introduction), None)
        position = standing.position
        if position is Position.HIRING_MANAGER:
            alone = next(
                (s for s, r in scored if not r.is_introduction and r.supporter is None), None
            )
            if intro is not None and intro[0] >= worth and (alone is None or intro[0] > alone):
                # a word through a friend beats your own approach
                return ("ask-intro" if self.can_ask else "ask-later"), intro[1]
            if own is not None:
                return ("reach-out" if self.can_ask else "ask-later"), own[1]
            return "apply-directly", None
        if own is not None and tie is not None and tie.can_vouch:
            if own[0] < worth:
                return "apply-directly", None
            if position is Position.FORMERLY_AT_COMPANY:
                return "info-chat", own[1]
            if not self.can_ask:
                return "ask-later", own[1]
            if not {"aspiration", "availability"} <= set(tie.told):
                return "signal-then-ask", own[1]
            return "ask-referral", own[1]
        if intro is not None and intro[0] >= worth and position is not Position.FORMERLY_AT_COMPANY:
            return ("ask-intro" if self.can_ask else "ask-later"), intro[1]
        if own is not None and (own[0] >= worth or position in _WORTH_CULTIVATING):
            return "nurture", own[1]
        return "apply-directly", None

    def _order_key(self, target: Opening):  # type: ignore[no-untyped-def]
        """Best score first; among equal scores, people on or nearer the team, then those
        who hold the role you want, then those you were in touch with more recently, then id."""
        from warmreach.matching import holds_role

        roles = [role for role in (target.role, *self.network.me.seeking.roles) if role]

        def key(item: Evaluation) -> tuple[float, int, int, float, str]:
            title = item.contact.title
            holds = bool(title) and any(holds_role([str(title)], role)[0] for role in roles)
            tie = self.ties.get(item.contact.id)
            silent = (
                tie.months_silent if tie is not None and tie.months_silent is not None else math.inf
            )
            return (
                -round(item.score, 3),
                list(Position).index(item.standing.position),
                0 if holds else 1,
                silent,
                item.contact.id,
            )

        return key

    def rank(self, target: Opening, *, top: int | None = None, paths: int = 0) -> TargetReport:
        """The ranking for ``target``, explained; ``paths`` other routes are listed for each."""
        from warmreach.scoring.explanation import bridges, explain  # explains this model

        evaluated = self.evaluate(target)
        if top is not None:
            evaluated = evaluated[:top]
        candidates = tuple(explain(self, item, target, paths) for item in evaluated)
        return dataclasses.replace(
            self.report(target), candidates=candidates, bridges=bridges(self, target, candidates)
        )

    def best_score(self, target: Opening) -> float:
        """The target's best score: its best candidate's, or applying directly."""
        return max([DIRECT, *(item.score for item in self.evaluate(target))])
