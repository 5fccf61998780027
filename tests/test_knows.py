"""Who knows whom as a sparse matrix, and PageRank computed on it."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import SAMPLES, examples
from tests.test_scoring_properties import networks, tied_networks
from warmreach import Link, Network, load_network
from warmreach.graph import KnowsMatrix, NetworkIndex
from warmreach.graph.knows import networkx_pagerank
from warmreach.scoring import PAGERANK_ALPHA
from warmreach.synthetic import generate_organisation


def expected_links(network: Network) -> dict[str, dict[str, int]]:
    """Who knows whom, written out from the file's ``knows`` lists: every link both ways,
    the stronger strength where both sides give one."""
    found: dict[str, dict[str, int]] = {contact.id: {} for contact in network.contacts}
    for contact in network.contacts:
        for link in contact.knows:
            strength = max(link.strength, found[contact.id].get(link.contact, 0))
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


def test_links_survive_pickling_as_a_cached_index_keeps_them() -> None:
    network = generate_organisation(2000, 5, seed=3)
    links = knows(network)
    back = pickle.loads(pickle.dumps(NetworkIndex.build(network))).knows
    assert back.ids == links.ids
    assert all(dict(back[person]) == dict(links[person]) for person in links.ids[:200])


@given(st.one_of(networks(), tied_networks()), st.data())
@settings(max_examples=examples(200), deadline=None)
def test_sparse_pagerank_is_networkx_pagerank_to_the_last_bit(
    network: Network, data: st.DataObject
) -> None:
    ids = [contact.id for contact in network.contacts]
    seeds = sorted(data.draw(st.sets(st.sampled_from(ids), min_size=1)))
    links = knows(network)
    rows = links.within(seeds, 2)
    expected = networkx_pagerank(links, rows, seeds, PAGERANK_ALPHA)
    assert links.pagerank(rows, seeds, PAGERANK_ALPHA) == expected


#: the samples, and an organisation whose hiring teams have over 1,000 people nearby
NETWORKS: dict[str, Callable[[], Network]] = {
    **{path.stem: partial(load_network, path) for path in SAMPLES},
    "organisation": partial(generate_organisation, 4000, 8, seed=2),
}


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_sparse_pagerank_is_networkx_pagerank_around_each_hiring_team(name: str) -> None:
    network = NETWORKS[name]()
    links = knows(network)
    largest = 0
    for opening in network.openings:
        seeds = sorted(
            contact.id
            for contact in network.contacts
            if contact.company == opening.company and contact.team == opening.team
        )
        if seeds:
            rows = links.within(seeds, 2)
            sparse = links.pagerank(rows, seeds, PAGERANK_ALPHA)
            assert sparse
            assert sparse == networkx_pagerank(links, rows, seeds, PAGERANK_ALPHA)
            largest = max(largest, len(rows))
    assert largest > (1000 if name == "organisation" else 0)


def test_within_counts_steps_over_links() -> None:
    network = generate_organisation(3000, 4, seed=5)
    links = knows(network)
    start = network.contacts[0].id
    one = {links.ids[row] for row in links.within([start], 1)}
    assert one == {start, *links[start]}
    two = {links.ids[row] for row in links.within([start], 2)}
    assert two == one | {other for person in one for other in links[person]}


def test_someone_known_but_not_listed_gets_a_row_after_everyone() -> None:
    written = [[Link(contact="zoe", strength=4)], [Link(contact="ana")]]
    links = KnowsMatrix.build(["ana", "bo"], written)
    assert links.ids == ("ana", "bo", "zoe")
    assert dict(links["zoe"]) == {"ana": 4}
    assert dict(links["ana"]) == {"bo": 2, "zoe": 4}
