"""The ranking principles of docs/scoring.md as properties over generated networks (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from warmreach import Contact, Link, Network, Opening, PartialDate
from warmreach.model import ME, Ask, Company, Me, Outcome, PastCompany, Team
from warmreach.reports import analysis_json
from warmreach.scoring import (
    ACTIONS,
    ASKS,
    CEILING,
    DIRECT,
    MAX_HOPS,
    Candidate,
    Position,
    ReferralModel,
    analyze,
    rank,
)

AS_OF = dt.date(2026, 11, 25)
TARGET = Opening(company="voltgrid", team="grid", hiring_manager="c0")
COMPANY_TARGET = Opening(company="voltgrid")
COMPANIES = (
    Company(
        id="voltgrid",
        name="Voltgrid",
        teams=(
            Team(id="grid", name="Grid", near=("cells",)),
            Team(id="cells", name="Cells"),
            Team(id="sales", name="Sales"),
        ),
    ),
    Company(id="acme", name="Acme"),
)
DATES = st.one_of(
    st.none(),
    st.builds(
        PartialDate,
        year=st.integers(2005, 2026),
        month=st.one_of(st.none(), st.integers(1, 12)),
    ),
)
PLACES = st.sampled_from(
    [
        ("voltgrid", "grid"),
        ("voltgrid", "cells"),
        ("voltgrid", "sales"),
        ("voltgrid", None),
        ("acme", None),
        (None, None),
    ]
)
TITLES = st.sampled_from([None, "Product Manager", "Technical Recruiter", "Engineer"])
STRENGTHS = st.one_of(st.none(), st.integers(1, 5))
TOLD = st.sets(st.sampled_from(["role", "aspiration", "availability"]))
NOW = st.just("now")


def _knows(
    draw: st.DrawFn, contact: str, ids: list[str], most: int, strengths: st.SearchStrategy[Any]
) -> tuple[Link, ...]:
    """Up to ``most`` of the others, each known with a strength drawn from ``strengths``."""
    others = [other for other in ids if other != contact]
    known = draw(st.lists(st.sampled_from(others), unique=True, max_size=most))
    return tuple(Link(contact=other, strength=draw(strengths)) for other in known)


@st.composite
def networks(draw: st.DrawFn, available: st.SearchStrategy[Any] = NOW) -> Network:
    size = draw(st.integers(2, 9))
    ids = [f"c{index}" for index in range(size)]
    contacts = []
    for contact in ids:
        company, team = draw(PLACES)
        told = tuple(item for item in ("role", "aspiration", "availability") if item in draw(TOLD))
        contacts.append(
            Contact(
                id=contact,
                name=contact.upper(),
                company=company,
                team=team,
                title=draw(TITLES),
                since=draw(DATES) if company else None,
                past_companies=(
                    (PastCompany(company="voltgrid", until=draw(DATES)),)
                    if company == "acme" and draw(st.booleans())
                    else ()
                ),
                trust=draw(st.integers(0, 5)),
                knows_my_work=draw(st.integers(0, 5)),
                met=draw(DATES),
                last_contact=draw(DATES),
                told=told,
                told_on=tuple((item, day) for item in told if (day := draw(DATES)) is not None),
                knows=_knows(draw, contact, ids, 3, STRENGTHS),
            )
        )
    return Network(
        me=Me(name="Ana", available=draw(available)),
        companies=COMPANIES,
        openings=(TARGET,),
        contacts=tuple(contacts),
    )


def ranked(network: Network, target: Opening = TARGET) -> list[Candidate]:
    return list(rank(ReferralModel(network, as_of=AS_OF), target).candidates)


def scores(network: Network, target: Opening = TARGET) -> dict[str, float]:
    """Each candidate's score, unrounded (rounding could tip a tiny change either way)."""
    model = ReferralModel(network, as_of=AS_OF)
    return {item.contact.id: item.score for item in model.evaluate(target)}


def replace_contact(network: Network, index: int, **changes: Any) -> Network:
    contacts = list(network.contacts)
    contacts[index] = dataclasses.replace(contacts[index], **changes)
    return dataclasses.replace(network, contacts=tuple(contacts))


def never_lower(before: dict[str, float], after: dict[str, float]) -> None:
    for contact, score in before.items():
        assert after[contact] >= score - 1e-9, contact


def _pick(network: Network, data: st.DataObject) -> tuple[int, Contact]:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    return index, network.contacts[index]


TARGETS = st.sampled_from([TARGET, COMPANY_TARGET])


# -- more of anything good never lowers a score --------------------------------------------


@given(networks(), st.data(), TARGETS)
@settings(max_examples=examples(150), deadline=None)
def test_more_trust_never_lowers_a_score(
    network: Network, data: st.DataObject, target: Opening
) -> None:
    index, contact = _pick(network, data)
    more = data.draw(st.integers(contact.trust, 5))
    changed = replace_contact(network, index, trust=more)
    never_lower(scores(network, target), scores(changed, target))


@given(networks(), st.data(), TARGETS)
@settings(max_examples=examples(150), deadline=None)
def test_more_knowledge_of_your_work_never_lowers_a_score(
    network: Network, data: st.DataObject, target: Opening
) -> None:
    index, contact = _pick(network, data)
    more = data.draw(st.integers(contact.knows_my_work, 5))
    changed = replace_contact(network, index, knows_my_work=more)
    never_lower(scores(network, target), scores(changed, target))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_telling_someone_your_plans_today_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index, contact = _pick(network, data)
    more = data.draw(st.sets(st.sampled_from(["role", "aspiration", "availability"])))
    today = PartialDate(year=AS_OF.year, month=AS_OF.month, day=AS_OF.day)
    told = tuple(i for i in ("role", "aspiration", "availability") if i in {*contact.told, *more})
    told_on = tuple((i, d) for i, d in contact.told_on if i not in more) + tuple(
        (item, today) for item in sorted(more)
    )
    changed = replace_contact(network, index, told=told, told_on=told_on)
    never_lower(scores(network), scores(changed))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_recent_contact_never_lowers_a_score(network: Network, data: st.DataObject) -> None:
    index, contact = _pick(network, data)
    assume(contact.last_contact is not None)  # unknown is its own case: nothing to compare
    assert contact.last_contact is not None
    floor = contact.last_contact.last_day().year
    recent = PartialDate(year=data.draw(st.integers(floor + 1, 2027)), month=12)
    never_lower(scores(network), scores(replace_contact(network, index, last_contact=recent)))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_a_longer_or_filled_in_relationship_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index, contact = _pick(network, data)
    latest = contact.met.first_day().year if contact.met is not None else 2026
    earlier = PartialDate(year=data.draw(st.integers(1990, latest)), month=1)
    never_lower(scores(network), scores(replace_contact(network, index, met=earlier)))


@given(networks(), st.data(), TARGETS)
@settings(max_examples=examples(200), deadline=None)
def test_adding_a_knows_link_never_lowers_any_score(
    network: Network, data: st.DataObject, target: Opening
) -> None:
    ids = [contact.id for contact in network.contacts]
    one, other = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    linked = {(c.id, link.contact) for c in network.contacts for link in c.knows}
    assume((one, other) not in linked and (other, one) not in linked)
    index = ids.index(one)
    strength = data.draw(STRENGTHS)
    added = replace_contact(
        network,
        index,
        knows=(*network.contacts[index].knows, Link(contact=other, strength=strength)),
    )
    never_lower(scores(network, target), scores(added, target))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_moving_onto_the_hiring_team_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index, contact = _pick(network, data)
    assume(contact.id != TARGET.hiring_manager)
    before = scores(network).get(contact.id, DIRECT)
    near = replace_contact(network, index, company="voltgrid", team="cells", past_companies=())
    on = replace_contact(network, index, company="voltgrid", team="grid", past_companies=())
    assert scores(on)[contact.id] >= scores(near)[contact.id] - 1e-9
    if contact.company == "voltgrid":
        assert scores(on)[contact.id] >= before - 1e-9


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_an_extra_hop_never_raises_a_score(network: Network, data: st.DataObject) -> None:
    """Put a new person between two who know each other: nobody's score goes up."""
    links = [
        (index, link) for index, contact in enumerate(network.contacts) for link in contact.knows
    ]
    assume(links)
    index, link = data.draw(st.sampled_from(links))
    contact = network.contacts[index]
    other_side = network.contacts_by_id[link.contact]
    # a link stated on both sides would not go by removing one side
    assume(not any(known.contact == contact.id for known in other_side.knows))
    middle = Contact(id="middle", name="Middle", trust=0, knows=(dataclasses.replace(link),))
    longer = replace_contact(
        network,
        index,
        knows=tuple(
            Link(contact="middle", strength=link.strength) if known == link else known
            for known in contact.knows
        ),
    )
    longer = dataclasses.replace(longer, contacts=(*longer.contacts, middle))
    before, after = scores(network), scores(longer)
    for candidate, score in after.items():
        if candidate in before:
            assert score <= before[candidate] + 1e-9, candidate


# -- whom to ask, and how -------------------------------------------------------------------


@given(networks())
@settings(max_examples=examples(200), deadline=None)
def test_an_introduced_stranger_never_outranks_a_friend_who_can_vouch_as_well(
    network: Network,
) -> None:
    """A person reached through an introduction scores no more than a friend at the company
    who can vouch for you and whose tie to you is at least as good as the bridge's."""
    model = ReferralModel(network, as_of=AS_OF)
    candidates = rank(model, TARGET).candidates
    for stranger in candidates:
        if stranger.bridge is None or stranger.contact in model.direct:
            continue
        bridge = model.ties[stranger.bridge]
        for friend in candidates:
            contact = network.contacts_by_id[friend.contact]
            tie = model.ties.get(friend.contact)
            if (
                tie is None
                or not tie.can_vouch
                or contact.company != "voltgrid"
                or friend.position is Position.HIRING_MANAGER
            ):
                continue
            if tie.strength >= bridge.strength and tie.willingness >= bridge.willingness:
                assert friend.score >= stranger.score - 1e-9, (friend.contact, stranger.contact)


@given(networks())
@settings(max_examples=examples(200), deadline=None)
def test_nobody_you_can_ask_yourself_is_reached_through_an_introduction(network: Network) -> None:
    model = ReferralModel(network, as_of=AS_OF)
    for candidate in rank(model, TARGET).candidates:
        tie = model.ties.get(candidate.contact)
        if tie is not None and tie.can_vouch and candidate.position is not Position.HIRING_MANAGER:
            assert candidate.action != "ask-intro", candidate.contact
            assert candidate.bridge is None


@given(networks())
@settings(max_examples=examples(200), deadline=None)
def test_nobody_new_or_thin_is_asked_to_vouch_directly_or_as_a_bridge(network: Network) -> None:
    model = ReferralModel(network, as_of=AS_OF)
    for candidate in rank(model, TARGET, paths=3).candidates:
        contact = network.contacts_by_id[candidate.contact]
        formerly = candidate.position is Position.FORMERLY_AT_COMPANY
        asked = ("ask-referral", "signal-then-ask", "ask-later")
        if candidate.action in asked or (candidate.action == "info-chat" and formerly):
            new = contact.met is not None and (AS_OF - contact.met.first_day()).days < 90
            assert contact.trust >= 2 and not new, candidate.contact
            assert model.ties[candidate.contact].can_vouch
        for path in (candidate.path, *candidate.alternatives):
            if len(path) > 2:
                assert model.ties[path[1]].can_vouch, path


@given(networks(available=st.sampled_from(["later", PartialDate(year=2027, month=6)])))
@settings(max_examples=examples(150), deadline=None)
def test_nothing_is_asked_while_you_are_unavailable(network: Network) -> None:
    for candidate in ranked(network):
        assert candidate.action not in ASKS | {"signal-then-ask"}, candidate.contact


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_a_refusal_closes_every_route_through_that_person_for_that_target_only(
    network: Network, data: st.DataObject
) -> None:
    index, person = _pick(network, data)
    outcome: Outcome = data.draw(st.sampled_from(["declined", "no-reply"]))
    ask = Ask(asked="referral", company="voltgrid", team="grid", outcome=outcome)
    closed = replace_contact(network, index, asks=(ask,))
    for candidate in ranked(closed):
        for path in (candidate.path, *candidate.alternatives):
            assert person.id not in path, (candidate.contact, path)
        if candidate.contact == person.id:
            assert candidate.action == "apply-directly"
            assert candidate.score == DIRECT
            assert candidate.reasons[0].kind == outcome
    other = Opening(company="voltgrid", team="cells")
    assert ranked(closed, other) == ranked(network, other)


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_an_ask_waiting_for_an_answer_is_followed_up_not_made_again(
    network: Network, data: st.DataObject
) -> None:
    index, person = _pick(network, data)
    ask = Ask(asked="referral", company="voltgrid", team="grid", date=PartialDate(year=2026))
    waiting = replace_contact(network, index, asks=(ask,))
    before = {candidate.contact: candidate for candidate in ranked(network)}
    for candidate in ranked(waiting):
        if candidate.contact == person.id:
            assert candidate.action == "follow-up"
            assert candidate.score == before[person.id].score  # nothing has changed yet
            assert candidate.follow_up_on is not None
            assert candidate.reasons[0].kind == "asked"


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_a_referral_made_is_certain_and_an_introduction_made_is_a_tie(
    network: Network, data: st.DataObject
) -> None:
    index, person = _pick(network, data)
    others = [contact for contact in network.contacts if contact.id != person.id]
    assume(others)
    to = data.draw(st.sampled_from(others))
    day = PartialDate(year=2026, month=11, day=20)
    asks = (
        Ask(asked="referral", company="voltgrid", team="grid", outcome="referred"),
        Ask(asked="intro", company="voltgrid", to=to.id, outcome="introduced", answered=day),
    )
    model = ReferralModel(replace_contact(network, index, asks=asks), as_of=AS_OF)
    met = model.network.contacts_by_id[to.id]
    assert met.trust >= 2 and met.last_contact is not None
    assert met.last_contact.last_day() >= day.last_day()
    assert model.ties[to.id].trust == met.trust
    for item in model.evaluate(TARGET):
        if item.contact.id == person.id:
            assert item.action == "referred"
            assert item.routes[0].chance == 1.0


@given(networks())
@settings(max_examples=examples(150), deadline=None)
def test_the_hiring_manager_is_approached_never_asked_to_refer_you(network: Network) -> None:
    for candidate in ranked(network):
        if candidate.contact == TARGET.hiring_manager:
            assert candidate.action in ("reach-out", "ask-intro", "apply-directly", "ask-later")
            assert candidate.position is Position.HIRING_MANAGER


@given(networks(), TARGETS)
@settings(max_examples=examples(150), deadline=None)
def test_scores_are_in_range_paths_are_routes_and_the_order_is_by_score(
    network: Network, target: Opening
) -> None:
    model = ReferralModel(network, as_of=AS_OF)
    report = rank(model, target, paths=2)
    for candidate in report.candidates:
        assert DIRECT <= candidate.score <= CEILING
        assert 0 <= candidate.chance <= 1 and DIRECT <= candidate.if_referred <= CEILING
        assert candidate.action in ACTIONS
        assert candidate.reasons
        for path in (candidate.path, *candidate.alternatives):
            if path:
                assert path[0] == ME and path[-1] == candidate.contact
                assert len(path) - 1 <= MAX_HOPS and len(set(path)) == len(path)
                for one, other in itertools.pairwise(path[1:]):
                    assert model.links.strength(one, other) is not None
        assert candidate.path not in candidate.alternatives
    scores_in_order = [candidate.score for candidate in report.candidates]
    assert scores_in_order == sorted(scores_in_order, reverse=True)


@given(networks())
@settings(max_examples=examples(100), deadline=None)
def test_a_missing_last_contact_does_not_depend_on_when_you_met(network: Network) -> None:
    """An unknown last contact is unknown: it is not "silent since you met"."""
    for index, contact in enumerate(network.contacts):
        if contact.is_direct and contact.last_contact is None:
            old = replace_contact(network, index, met=PartialDate(year=1995))
            recent = replace_contact(network, index, met=PartialDate(year=2020))
            one = ReferralModel(old, as_of=AS_OF).ties[contact.id]
            two = ReferralModel(recent, as_of=AS_OF).ties[contact.id]
            assert one.recency == two.recency
            assert one.strength >= two.strength


@given(networks())
@settings(max_examples=examples(50), deadline=None)
def test_output_is_deterministic(network: Network) -> None:
    first = analysis_json(analyze(network, as_of=AS_OF, paths=2))
    assert analysis_json(analyze(network, as_of=AS_OF, paths=2)) == first


@st.composite
def tied_networks(draw: st.DrawFn) -> Network:
    """Networks where many routes have exactly the same worth: few distinct ties and strengths."""
    size = draw(st.integers(2, 14))
    ids = [f"c{index}" for index in range(size)]
    contacts = []
    for contact in ids:
        contacts.append(
            Contact(
                id=contact,
                name=contact.upper(),
                company="voltgrid" if draw(st.booleans()) else None,
                team="grid" if draw(st.booleans()) else None,
                trust=draw(st.sampled_from([0, 3, 5])),
                knows_my_work=3,
                told=("role", "aspiration", "availability"),
                knows=_knows(draw, contact, ids, 4, st.sampled_from([2, 5])),
            )
        )
    contacts = [c if c.company else dataclasses.replace(c, team=None) for c in contacts]
    return Network(me=Me(name="Ana"), companies=COMPANIES, contacts=tuple(contacts))


@given(tied_networks())
@settings(max_examples=examples(100), deadline=None)
def test_equal_scores_are_ordered_by_relevance_then_id(network: Network) -> None:
    order = list(Position)
    candidates = ranked(network, TARGET)
    for one, two in itertools.pairwise(candidates):
        if one.score == two.score:
            assert order.index(one.position) <= order.index(two.position)
            if one.position is two.position:  # no titles and no dates here: then by id
                assert one.contact < two.contact
