"""The ranking principles of docs/scoring.md as properties over generated networks (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from warmreach import Contact, Link, Network, Opening, PartialDate
from warmreach.model import ME, Company, Me, Team
from warmreach.reports import analysis_json
from warmreach.scoring import (
    ACTIONS,
    DIRECT,
    MAX_HOPS,
    REFERRED,
    ReferralModel,
    analyze,
    hop_bounded_paths,
)

AS_OF = dt.date(2026, 11, 25)
TARGET = Opening(company="voltgrid", team="grid", hiring_manager="c0")
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


def _knows(
    draw: st.DrawFn, contact: str, ids: list[str], most: int, strengths: st.SearchStrategy[int]
) -> tuple[Link, ...]:
    """Up to ``most`` of the others, each known with a strength drawn from ``strengths``."""
    others = [other for other in ids if other != contact]
    known = draw(st.lists(st.sampled_from(others), unique=True, max_size=most))
    return tuple(Link(contact=other, strength=draw(strengths)) for other in known)


@st.composite
def networks(draw: st.DrawFn) -> Network:
    size = draw(st.integers(2, 9))
    ids = [f"c{index}" for index in range(size)]
    contacts = []
    for contact in ids:
        company, team = draw(PLACES)
        contacts.append(
            Contact(
                id=contact,
                name=contact.upper(),
                company=company,
                team=team,
                past_companies=("voltgrid",) if company == "acme" and draw(st.booleans()) else (),
                trust=draw(st.integers(0, 5)),
                knows_my_work=draw(st.integers(0, 5)),
                met=draw(DATES),
                last_contact=draw(DATES),
                told=tuple(draw(st.sets(st.sampled_from(["role", "aspiration", "availability"])))),
                knows=_knows(draw, contact, ids, 3, st.integers(1, 5)),
            )
        )
    return Network(
        me=Me(name="Ana"), companies=COMPANIES, openings=(TARGET,), contacts=tuple(contacts)
    )


def scores(network: Network, *, centrality: bool = True) -> dict[str, float]:
    report = ReferralModel(network, as_of=AS_OF).rank(TARGET, centrality=centrality)
    return {candidate.contact: candidate.score for candidate in report.candidates}


def replace_contact(network: Network, index: int, **changes: Any) -> Network:
    contacts = list(network.contacts)
    contacts[index] = dataclasses.replace(contacts[index], **changes)
    return dataclasses.replace(network, contacts=tuple(contacts))


def never_lower(before: dict[str, float], after: dict[str, float]) -> None:
    for contact, score in before.items():
        assert after[contact] >= score, contact


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_more_trust_never_lowers_a_score(network: Network, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    contact = network.contacts[index]
    more = data.draw(st.integers(contact.trust, 5))
    never_lower(scores(network), scores(replace_contact(network, index, trust=more)))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_more_knowledge_of_your_work_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    more = data.draw(st.integers(network.contacts[index].knows_my_work, 5))
    never_lower(scores(network), scores(replace_contact(network, index, knows_my_work=more)))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_telling_someone_your_plans_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    told = network.contacts[index].told
    more = data.draw(st.sets(st.sampled_from(["role", "aspiration", "availability"])))
    never_lower(
        scores(network), scores(replace_contact(network, index, told=tuple({*told, *more})))
    )


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_recent_contact_never_lowers_a_score(network: Network, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    contact = network.contacts[index]
    assume(contact.last_contact is not None)  # unknown is its own case: nothing to compare
    assert contact.last_contact is not None
    floor = contact.last_contact.last_day().year
    recent = PartialDate(year=data.draw(st.integers(floor + 1, 2027)), month=12)
    never_lower(scores(network), scores(replace_contact(network, index, last_contact=recent)))


@given(networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_moving_onto_the_hiring_team_never_lowers_a_score(
    network: Network, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(network.contacts) - 1))
    contact = network.contacts[index]
    moved = replace_contact(network, index, company="voltgrid", team="grid")
    before = scores(network).get(contact.id, DIRECT)
    assert scores(moved)[contact.id] >= before


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
    middle = Contact(id="middle", name="Middle", trust=0, knows=(dataclasses.replace(link),))
    longer = replace_contact(
        network,
        index,
        knows=tuple(
            Link(contact="middle", strength=link.strength) if known == link else known
            for known in contact.knows
        ),
    )
    other_side = next(c for c in longer.contacts if c.id == link.contact)
    # a link stated on both sides would not go by removing one side
    assume(not any(known.contact == contact.id for known in other_side.knows))
    longer = dataclasses.replace(longer, contacts=(*longer.contacts, middle))
    before, after = scores(network, centrality=False), scores(longer, centrality=False)
    for candidate, score in after.items():
        if candidate in before:
            assert score <= before[candidate], candidate


@given(networks())
@settings(max_examples=examples(150), deadline=None)
def test_scores_are_in_range_and_actions_known(network: Network) -> None:
    report = ReferralModel(network, as_of=AS_OF).rank(TARGET, paths=2)
    for candidate in report.candidates:
        assert 0 <= DIRECT <= candidate.score <= REFERRED <= 1
        assert candidate.action in ACTIONS
        assert candidate.reasons
        if candidate.path:
            assert candidate.path[0] == "me" and candidate.path[-1] == candidate.contact
            assert len(candidate.path) - 1 <= 3
        for path in candidate.alternatives:
            assert path[0] == "me" and path[-1] == candidate.contact and path != candidate.path
        contact = next(c for c in network.contacts if c.id == candidate.contact)
        if candidate.action == "ask-referral":
            assert contact.trust >= 2
            assert candidate.path == ("me", candidate.contact)
    ordered = [(-candidate.score, candidate.contact) for candidate in report.candidates]
    assert ordered == sorted(ordered)


@given(networks())
@settings(max_examples=examples(100), deadline=None)
def test_new_connections_and_strangers_are_never_asked(network: Network) -> None:
    report = ReferralModel(network, as_of=AS_OF).rank(TARGET)
    contacts = {contact.id: contact for contact in network.contacts}
    for candidate in report.candidates:
        contact = contacts[candidate.contact]
        new = contact.met is not None and (AS_OF - contact.met.first_day()).days < 90
        if contact.trust <= 1 or new:
            assert candidate.action not in ("ask-referral", "signal-then-ask")


@given(networks())
@settings(max_examples=examples(50), deadline=None)
def test_output_is_deterministic(network: Network) -> None:
    first = analysis_json(analyze(network, as_of=AS_OF, paths=2))
    assert analysis_json(analyze(network, as_of=AS_OF, paths=2)) == first


@st.composite
def tied_networks(draw: st.DrawFn) -> Network:
    """Networks where many routes have exactly the same length: few distinct ties and strengths."""
    size = draw(st.integers(2, 14))
    ids = [f"c{index}" for index in range(size)]
    contacts = []
    for contact in ids:
        contacts.append(
            Contact(
                id=contact,
                name=contact.upper(),
                trust=draw(st.sampled_from([0, 3, 5])),
                knows_my_work=3,
                told=("role", "aspiration", "availability"),
                knows=_knows(draw, contact, ids, 4, st.sampled_from([2, 5])),
            )
        )
    return Network(me=Me(name="Ana"), companies=COMPANIES, contacts=tuple(contacts))


@given(st.one_of(networks(), tied_networks()))
@settings(max_examples=examples(300), deadline=None)
def test_paths_searched_from_the_contact_are_the_paths_searched_from_you(
    network: Network,
) -> None:
    model = ReferralModel(network, as_of=AS_OF)
    from_you = hop_bounded_paths(model.people, ME, "length", MAX_HOPS)
    for contact in network.contacts:
        assert model.path_to(contact.id) == from_you.get(contact.id), contact.id


@given(st.one_of(networks(), tied_networks()))
@settings(max_examples=examples(200), deadline=None)
def test_lengths_from_someone_are_the_hop_bounded_lengths_that_avoid_you(
    network: Network,
) -> None:
    model = ReferralModel(network, as_of=AS_OF)
    everyone = {contact.id for contact in network.contacts}
    for contact in network.contacts:
        for hops in (1, 2):
            found = hop_bounded_paths(
                model.people,
                contact.id,
                lambda u, v, data: None if ME in (u, v) else data["length"],
                hops,
            )
            expected = {node: length for node, (length, _) in found.items() if node in everyone}
            assert model.lengths_from(contact.id, everyone, hops) == expected
