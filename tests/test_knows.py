"""Who knows whom as a sparse matrix: every link both ways, the stronger side's strength."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from tests.test_scoring_properties import networks, tied_networks
from warmreach import Link, Network
from warmreach.graph import KnowsMatrix, NetworkIndex
from warmreach.synthetic import generate_organisation


def expected_links(network: Network) -> dict[str, dict[str, int]]:
    """Who knows whom, written out from the file's ``knows`` lists: every link both ways,
    the stronger strength where both sides give one (0 where neither does)."""
    found: dict[str, dict[str, int]] = {contact.id: {} for contact in network.contacts}
    for contact in network.contacts:
        for link in contact.knows:
            strength = max(link.strength or 0, found[contact.id].get(link.contact, 0))
            found[contact.id][link.contact] = found[link.contact][contact.id] = strength
    return found


def knows(network: Network) -> KnowsMatrix:
    return NetworkIndex.build(network).knows


@given(st.one_of(networks(), tied_networks()))
@settings(max_examples=examples(200), deadline=None)
def test_links_are_every_knows_link_both_ways_with_the_stronger_strength(
    network: Network,
) -> None:
    links = knows(network)
    expected = expected_links(network)
    assert {person: dict(links[person]) for person in links} == expected
    order = {contact.id: index for index, contact in enumerate(network.contacts)}
    for person in links:
        assert list(links[person]) == sorted(links[person], key=order.__getitem__)
    assert links.pair_count == sum(len(row) for row in expected.values()) // 2


def test_links_survive_pickling_as_a_cached_index_keeps_them() -> None:
    network = generate_organisation(2000, 5, seed=3)
    links = knows(network)
    back = pickle.loads(pickle.dumps(NetworkIndex.build(network))).knows
    assert back.ids == links.ids
    assert all(dict(back[person]) == dict(links[person]) for person in links.ids[:200])


def test_someone_known_but_not_listed_gets_a_row_after_everyone() -> None:
    written = [[Link(contact="zoe", strength=4)], [Link(contact="ana")]]
    links = KnowsMatrix.build(["ana", "bo"], written)
    assert links.ids == ("ana", "bo", "zoe")
    assert dict(links["zoe"]) == {"ana": 4}
    assert dict(links["ana"]) == {"bo": 0, "zoe": 4}
