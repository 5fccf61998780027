"""Ranking who could refer you for a target: each candidate's routes, score and action, and
the order of candidates.

A candidate's score is their best route's (:func:`~warmreach.scoring.chances.route_score`,
with their :mod:`~warmreach.scoring.standing`); the action is the step that can be taken
now (:func:`~warmreach.scoring.actions.choose_action`). :class:`ReferralModel` keeps
the work that several targets share; :func:`~warmreach.scoring.explanation.rank` turns
its evaluations into the ranking reports show.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from warmreach.graph import KnowsMatrix, NetworkIndex
from warmreach.model import ME, Ask, Contact, Network, Opening
from warmreach.scoring.actions import ask_from, choose_action
from warmreach.scoring.asks import AskState, AskStates, follow_up_day, with_introductions
from warmreach.scoring.chances import DIRECT, interview_chance, route_score
from warmreach.scoring.paths import LinkStrengths, Route, Vouchers, introductions, supported
from warmreach.scoring.results import Action, Position
from warmreach.scoring.standing import (
    Standing,
    candidates,
    closeness,
    decision_makers,
    hiring_team,
    position_of,
    standing_of,
)
from warmreach.scoring.ties import TieStrength, may_vouch, tie_strength


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


@dataclass
class _Basis:
    """What a model and every view of it share: nothing here depends on the day or on
    your ties."""

    #: the network, with a direct tie to everyone an introduction was made to (the index
    #: does not change: introductions add no link)
    network: Network
    index: NetworkIndex
    knows: KnowsMatrix
    links: LinkStrengths
    #: the ids of the contacts you know yourself
    direct: frozenset[str]
    asks: AskStates
    #: each person's closeness to each target's decision makers (links only)
    closeness: dict[tuple[Opening, str], Standing] = field(default_factory=dict)

    @cached_property
    def among_direct(self) -> KnowsMatrix:
        """Who each person knows among the contacts you know yourself: all a route needs
        of a middle person's links, and (its rows' sizes) what a tie's quality needs when
        the file does not say: how many of your direct ties each person knows."""
        return self.knows.among(self.direct)

    @classmethod
    def of(cls, network: Network, index: NetworkIndex | None) -> _Basis:
        network = with_introductions(network)
        index = index or NetworkIndex.build(network)
        direct = frozenset(contact.id for contact in network.contacts if contact.is_direct)
        return cls(
            network=network,
            index=index,
            knows=index.knows,
            links=LinkStrengths(index.knows),
            direct=direct,
            asks=AskStates(network),
        )


class _Ties(Mapping[str, TieStrength]):
    """Your tie to each direct contact on one day, worked out when first looked up."""

    def __init__(
        self,
        basis: _Basis,
        as_of: dt.date,
        *,
        override: Mapping[str, TieStrength] | None = None,
        fallback: Mapping[str, TieStrength] | None = None,
    ) -> None:
        self._basis = basis
        self._as_of = as_of
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
            basis = self._basis
            person = basis.network.contacts_by_id[contact]
            mutual = basis.among_direct.sizes.get(contact, 0)
            found = tie_strength(person, basis.network.me, self._as_of, mutual=mutual)
            self._known[contact] = found
        return found

    def may_vouch(self, contact: str) -> bool:
        """:func:`~warmreach.scoring.ties.may_vouch` (a tie given for a view, as it is)."""
        person = self._basis.network.contacts_by_id.get(contact)
        return contact in self._known or (person is not None and may_vouch(person))

    def __contains__(self, contact: object) -> bool:
        return isinstance(contact, str) and contact in self._basis.direct

    def __iter__(self) -> Iterator[str]:
        return (contact.id for contact in self._basis.network.contacts if contact.is_direct)

    def __len__(self) -> int:
        return len(self._basis.direct)


class _Bridges(Mapping[str, TieStrength]):
    """Your ties who can vouch for you, looked up one by one (most are never asked about),
    each answer kept: routes look up the same people again and again."""

    def __init__(self, ties: _Ties) -> None:
        self._ties = ties
        self._known: dict[str, TieStrength | None] = {}

    def get(self, contact: str, default: TieStrength | None = None) -> TieStrength | None:  # type: ignore[override]
        try:
            found = self._known[contact]
        except KeyError:
            tie = self._ties.get(contact) if self._ties.may_vouch(contact) else None
            found = self._known[contact] = tie if tie is not None and tie.can_vouch else None
        return default if found is None else found

    def __getitem__(self, contact: str) -> TieStrength:
        found = self.get(contact)
        if found is None:
            raise KeyError(contact)
        return found

    def __contains__(self, contact: object) -> bool:
        return isinstance(contact, str) and self.get(contact) is not None

    def __iter__(self) -> Iterator[str]:
        return (contact for contact in self._ties if self.get(contact) is not None)

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
        self._start(_Basis.of(network, index), as_of, None)

    def _start(self, basis: _Basis, as_of: dt.date, ties: _Ties | None) -> None:
        self._basis = basis
        self.network = basis.network
        self.as_of = as_of
        #: the network's index (built when not given)
        self.index = basis.index
        #: the people each contact knows, with the strength either side wrote (0: none)
        self.knows = basis.knows
        #: the strength of each link, written or estimated
        self.links = basis.links
        #: the ids of the contacts you know yourself
        self.direct = basis.direct
        #: your tie to each direct contact
        self.ties: Mapping[str, TieStrength] = ties or _Ties(basis, as_of)
        #: your ties who can vouch for you, and so carry a request to others
        self.bridges: Mapping[str, TieStrength] = _Bridges(self.ties)
        #: whether you can ask for referrals now, and from when if not
        self.can_ask, self.ask_from = ask_from(self.network.me.available, as_of)
        self._evaluations: dict[Opening, list[Evaluation]] = {}
        self._routes: dict[tuple[str, bool], list[Route]] = {}

    def with_tie(self, contact: Contact, *, as_of: dt.date | None = None) -> ReferralModel:
        """A view of this model in which your tie to ``contact`` (an existing direct
        contact) is as ``contact`` has it (trust, what they were told, when you were last
        in touch), on the day ``as_of``: what pricing one person's step needs.

        Links, standing and asks are this model's; ties to everyone else are this
        model's on the same day, and worked out afresh for another. Routes through the
        view are those a fresh analysis of the changed network finds (the plan's tests
        check it); reading the view's network shows the contact unchanged.
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
        tie = tie_strength(
            contact, self.network.me, day, mutual=self._basis.among_direct.sizes[contact.id]
        )
        fallback = self.ties if day == self.as_of else None
        ties = _Ties(self._basis, day, override={contact.id: tie}, fallback=fallback)
        view = ReferralModel.__new__(ReferralModel)
        view._start(self._basis, day, ties)
        return view

    # -- targets ---------------------------------------------------------------------------

    def asks(self, target: Opening) -> AskState:
        """What the file's asks mean for ``target``."""
        return self._basis.asks(target)

    def hiring_team(self, target: Opening) -> list[str]:
        """The people known to be on the hiring team: its members and the hiring manager."""
        return hiring_team(self.index, target)

    def standing(self, contact: Contact, target: Opening) -> Standing:
        """Where ``contact`` stands for ``target`` today."""
        position = position_of(self.index, contact, target)
        near = None
        if position is Position.AT_COMPANY:
            near = self._closeness(target, [contact]).get(contact.id)
        return standing_of(contact, position, near, self.as_of, target_company=target.company)

    def _closeness(self, target: Opening, people: list[Contact]) -> dict[str, Standing]:
        """The closeness of ``people`` (elsewhere in the company) to the target's decision
        makers, each worked out once for every view."""
        known = self._basis.closeness
        missing = [contact for contact in people if (target, contact.id) not in known]
        if missing:
            seeds = decision_makers(self.network, self.index, target)
            found = closeness(missing, seeds, self.links, team_named=target.team is not None)
            known.update({(target, person): near for person, near in found.items()})
        return {c.id: known[(target, c.id)] for c in people if (target, c.id) in known}

    # -- routes ----------------------------------------------------------------------------

    @cached_property
    def vouchers(self) -> Vouchers:
        """Your ties who can vouch for you beside each person, read among the people you
        know yourself: where every introduction begins."""
        return Vouchers(self.links, self.bridges, self._basis.among_direct)

    def routes(self, contact: str, *, manager: bool = False) -> list[Route]:
        """Every route to ``contact``, unsorted: asking them yourself (with the best word a
        friend can put in beside it), and introductions through your ties who can vouch."""
        key = (contact, manager)
        found = self._routes.get(key)
        if found is None:
            found = list(introductions(contact, self.vouchers, manager=manager))
            if contact in self.direct:
                tie = self.ties[contact]
                own = Route(path=(ME, contact), chance=tie.willingness, vouch=tie.strength)
                # with each friend who knows them putting in a word (the ranking keeps the best)
                words = [supported(own, route) for route in found if len(route.path) == 3]
                found += [own, *words]
            self._routes[key] = found
        return found

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

    # -- ranking ---------------------------------------------------------------------------

    def evaluate(self, target: Opening) -> list[Evaluation]:
        """Every candidate for ``target`` with their routes and action, best first.

        Computed once per target; do not change the list returned.
        """
        found = self._evaluations.get(target)
        if found is not None:
            return found
        people = candidates(self.network, self.index, target)
        self._closeness(
            target,
            [c for c in people if position_of(self.index, c, target) is Position.AT_COMPANY],
        )
        found = [self._evaluate(contact, target) for contact in people]
        found.sort(key=order_key(self, target))
        self._evaluations[target] = found
        return found

    def evaluate_one(self, contact: str, target: Opening) -> Evaluation:
        """One candidate for ``target`` (by id) with their routes and action, as
        :meth:`evaluate` gives them."""
        person = self.network.contacts_by_id[contact]
        if position_of(self.index, person, target) is Position.AT_COMPANY:
            self._closeness(target, [person])
        return self._evaluate(person, target)

    def _evaluate(self, contact: Contact, target: Opening) -> Evaluation:
        standing = self.standing(contact, target)
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
            action, advised = choose_action(
                position=standing.position,
                tie=self.ties.get(contact.id),
                scored=scored,
                can_ask=self.can_ask,
            )
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

    def best_score(self, target: Opening) -> float:
        """The target's best score: its best candidate's, or applying directly."""
        return max([DIRECT, *(item.score for item in self.evaluate(target))])


def sought_roles(network: Network, targets: Iterable[Opening]) -> tuple[str, ...]:
    """The roles you seek for ``targets``: their roles, then ``me.seeking.roles``.

    >>> from warmreach.model import Me, Seeking
    >>> me = Me(name="Ana", seeking=Seeking(roles=("Product Owner",)))
    >>> sought_roles(Network(me=me), [Opening(company="a", role="PM"), Opening(company="b")])
    ('PM', 'Product Owner')
    """
    return tuple(role for role in (*(t.role for t in targets), *network.me.seeking.roles) if role)


def order_key(
    model: ReferralModel, target: Opening
) -> Callable[[Evaluation], tuple[float, int, int, float, str]]:
    """Best score first; among equal scores, people on or nearer the team, then those
    who hold the role you want, then those you were in touch with more recently, then id."""
    from warmreach.matching import holds_any

    roles = sought_roles(model.network, (target,))

    def key(item: Evaluation) -> tuple[float, int, int, float, str]:
        title = item.contact.title
        holds = holds_any(title, roles)
        tie = model.ties.get(item.contact.id)
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


class Priced(NamedTuple):
    """A route to a candidate for a target, with what it gives."""

    route: Route
    #: its score: the interview chance it gives on average (``route_score``)
    score: float
    #: the interview chance once the candidate has referred you along it
    if_referred: float


def route_through(
    model: ReferralModel,
    candidate: str,
    target: Opening,
    first: str,
    *,
    word: str | None = None,
    path: tuple[str, ...] | None = None,
) -> Priced | None:
    """The best open route to ``candidate`` for ``target`` whose first step is ``first``,
    and its score: asking them yourself when ``first`` is the candidate (with ``word``,
    that friend putting in a word beside it), else an introduction through ``first`` (only
    along ``path``, when given); None when there is none. What asking one person for one
    thing is worth, as the plan prices it: the analysis's routes and scores.
    """
    contact = model.network.contacts_by_id[candidate]
    state = model.asks(target)
    if first in state.closed or candidate in state.closed or candidate in state.referred:
        return None  # refused, or their referral is made
    standing = model.standing(contact, target)
    manager = standing.position is Position.HIRING_MANAGER
    if first == candidate:
        if candidate not in model.ties:
            return None
        tie = model.ties[candidate]
        own = Route(path=(ME, candidate), chance=tie.willingness, vouch=tie.strength)
        routes = [own]
        if word is not None and word not in state.closed:
            routes += [
                supported(own, route)
                for route in introductions(candidate, model.vouchers, manager=manager, through=word)
                if len(route.path) == 3
            ]
    elif state.introduced.get(candidate) == first:
        return None  # that introduction is made
    else:
        routes = [
            route
            for route in introductions(candidate, model.vouchers, manager=manager, through=first)
            if not any(person in state.closed for person in route.path)
            and (path is None or route.path == path)
        ]
    if not routes:
        return None
    score, route = min(
        ((route_score(route, standing.value), route) for route in routes),
        key=lambda item: (-item[0], len(item[1].path), item[1].path),
    )
    return Priced(route, score, interview_chance(route.vouch * standing.value))


__all__ = ["Evaluation", "Priced", "ReferralModel", "order_key", "route_through", "sought_roles"]
