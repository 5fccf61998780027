"""Who knows whom as a sparse matrix: every link both ways, the stronger side's strength."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from tests.test_scoring_properties import networks, tied_networks
from warmreach import Link, Network
from warmreach.graph import KnowsMatrix, NetworkIndex
from warmreach.graph import knows as knows_module
from warmreach.model import ME
from warmreach.scoring import ReferralModel
from warmreach.scoring.paths import (
    RECEPTIVE,
    LinkStrengths,
    Route,
    Vouchers,
    hop_chance,
    introductions,
    transfer_share,
)
from warmreach.scoring.standing import CLOSENESS_SCALE, COMPANY_REACH, closeness
from warmreach.synthetic import generate_organisation, organisation

AS_OF = dt.date(2026, 11, 25)


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


def test_links_given_as_columns_index_as_the_same_links_written_in_lists() -> None:
    """An organisation's links as columns (no Link objects) give the matrix its written
    lists give: the fast path of bench_org against the file's."""
    columns = organisation(3000, 6, seed=5)
    written = generate_organisation(3000, 6, seed=5)
    ids = [contact.id for contact in columns.network.contacts]
    given = NetworkIndex.build(
        columns.network,
        KnowsMatrix.from_pairs(ids, columns.sources, columns.ends, columns.strengths),
    )
    read = NetworkIndex.build(written)
    assert given.knows.ids == read.knows.ids
    assert given.knows.indptr.tolist() == read.knows.indptr.tolist()
    assert given.knows.indices.tolist() == read.knows.indices.tolist()
    assert given.knows.strengths.tolist() == read.knows.strengths.tolist()
    assert (given.members, given.staff, given.near) == (read.members, read.staff, read.near)


@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(0, 5)), max_size=40))
@settings(max_examples=examples(200), deadline=None)
def test_columns_follow_the_one_rule_of_links(pairs: list[tuple[int, int, int]]) -> None:
    """Both ways, nobody knowing themself, the stronger strength: as expected_links says
    for the same links written in lists."""
    ids = [f"p{number}" for number in range(8)]
    written: list[list[Link]] = [[] for _ in ids]
    for source, end, strength in pairs:
        written[source].append(Link(contact=ids[end], strength=strength or None))
    columns = KnowsMatrix.from_pairs(
        ids, [p[0] for p in pairs], [p[1] for p in pairs], [p[2] for p in pairs]
    )
    listed = KnowsMatrix.build(ids, written)
    assert {person: dict(columns[person]) for person in ids} == {
        person: dict(listed[person]) for person in ids
    }


#: links among ten people given as columns (source, end, strength), and some people (p10
#: and p11 are not in the matrix)
_PAIRS = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(0, 7)), max_size=60)
_CHOSEN = st.sets(st.integers(0, 11))


@given(_PAIRS, _CHOSEN)
@settings(max_examples=examples(300), deadline=None)
def test_a_matrix_built_without_numpy_is_the_one_numpy_builds(
    pairs: list[tuple[int, int, int]], chosen: set[int]
) -> None:
    """Small networks are put together in plain Python (no NumPy to import): the same
    arrays, rows, sizes, rows among some people and pickles as NumPy's."""
    ids = [f"p{number}" for number in range(10)]
    columns = [[pair[part] for pair in pairs] for part in range(3)]
    plain = KnowsMatrix.from_pairs(ids, *columns, plain=True)
    arrays = KnowsMatrix.from_pairs(ids, *columns, plain=False)
    people = {f"p{number}" for number in chosen}  # p10 and p11: not in the matrix
    for built in (plain, arrays, plain.among(people), arrays.among(people)):
        assert pickle.loads(pickle.dumps(built)).indices.tolist() == built.indices.tolist()
    for one, other in ((plain, arrays), (plain.among(people), arrays.among(people))):
        assert type(one.indices) is not type(other.indices)
        for part in ("indptr", "indices", "strengths"):
            assert getattr(one, part).tolist() == getattr(other, part).tolist()
        assert {p: dict(one[p]) for p in ids} == {p: dict(other[p]) for p in ids}
        assert dict(one.sizes) == dict(other.sizes) and one.pair_count == other.pair_count
    for plain_strengths in (True, False):
        with pytest.raises(ValueError, match="a strength is 0 to 7"):
            KnowsMatrix.from_pairs(ids, [0], [1], [8], plain=plain_strengths)


@given(_PAIRS, _CHOSEN)
@settings(max_examples=examples(300), deadline=None)
def test_a_matrix_read_back_from_the_cache_is_plain_and_answers_as_numpys(
    pairs: list[tuple[int, int, int]], chosen: set[int]
) -> None:
    """Pickled (the cache), a matrix NumPy built comes back in the standard library's
    arrays, so reading it imports no NumPy, with the same rows; ``among`` on it gives
    NumPy's answer whether it is small (plain Python's way) or large (NumPy's, on those
    arrays); its last answer for a frozenset travels with it and is given again."""
    ids = [f"p{number}" for number in range(10)]
    columns = [[pair[part] for pair in pairs] for part in range(3)]
    arrays = KnowsMatrix.from_pairs(ids, *columns, plain=False)
    people = frozenset(f"p{number}" for number in chosen)
    expected = arrays.among(set(people))
    parts = ("indptr", "indices", "strengths")
    for limit in (knows_module.PLAIN_MAX, 0):  # 0: every matrix is large
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(knows_module, "PLAIN_MAX", limit)
            back = pickle.loads(pickle.dumps(arrays))
            assert all(type(getattr(back, part)) is array for part in parts)
            assert {p: dict(back[p]) for p in ids} == {p: dict(arrays[p]) for p in ids}
            found = back.among(people)
            assert found is back.among(people)  # kept
            for part in parts:
                assert getattr(found, part).tolist() == getattr(expected, part).tolist()
            again = pickle.loads(pickle.dumps(back))
            kept = again.among(people)
            assert vars(again)["_among"][1] is kept and kept is again.among(set(people))
            assert {p: dict(kept[p]) for p in ids} == {p: dict(expected[p]) for p in ids}
            other = again.among(people | {"p0"})
            assert {p: dict(other[p]) for p in ids} == {
                p: dict(arrays.among(people | {"p0"})[p]) for p in ids
            }


@given(st.one_of(networks(), tied_networks()), st.data())
@settings(max_examples=examples(200), deadline=None)
def test_rows_among_some_people_keep_just_those_people_in_file_order(
    network: Network, data: st.DataObject
) -> None:
    links = knows(network)
    people = data.draw(st.sets(st.sampled_from([*links.ids, "nobody"])))
    among = links.among(people)
    for person in links:
        expected = {other: s for other, s in links[person].items() if other in people}
        assert list(among[person].items()) == list(expected.items())
        assert among.sizes[person] == len(expected)
    assert "nobody" not in among


def defined_introductions(model: ReferralModel, candidate: str, manager: bool) -> list[Route]:
    """The introductions to ``candidate`` as paths.py defines them, written out plainly:
    every path you -> bridge (a tie who can vouch) -> candidate, and you -> bridge ->
    middle -> candidate, each link's chance and share of the word multiplied along it,
    reading every person's whole row."""
    links, knows, bridges = model.links, model.knows, model.bridges
    receptive = 1.0 if manager else RECEPTIVE
    found = []
    for bridge in knows[candidate]:
        tie = bridges.get(bridge)
        if tie is not None:
            strength = links.strength(bridge, candidate)
            found.append(
                Route(
                    path=(ME, bridge, candidate),
                    chance=tie.willingness * hop_chance(strength) * receptive,
                    vouch=tie.strength * transfer_share(strength, to_manager=manager),
                )
            )
    for middle in knows[candidate]:
        last = links.strength(candidate, middle)
        for bridge in knows[middle]:
            tie = bridges.get(bridge)
            if tie is None or bridge == candidate:
                continue
            strength = links.strength(bridge, middle)
            found.append(
                Route(
                    path=(ME, bridge, middle, candidate),
                    chance=tie.willingness * hop_chance(strength) * hop_chance(last) * receptive,
                    vouch=tie.strength
                    * transfer_share(strength)
                    * transfer_share(last, to_manager=manager),
                )
            )
    return found


@given(st.one_of(networks(), tied_networks()), st.booleans())
@settings(max_examples=examples(200), deadline=None)
def test_introductions_are_every_path_through_a_tie_who_can_vouch(
    network: Network, manager: bool
) -> None:
    """The routes' fast path (vouchers read among the people you know, each worked out
    once and kept) against the definition written out plainly: the same routes, in the
    same order, with the same chances to the last bit; read from whole rows, the same."""
    model = ReferralModel(network, as_of=AS_OF)
    mine = Vouchers(model.links, model.bridges, model.knows.among(model.direct))
    whole = Vouchers(model.links, model.bridges)
    for contact in network.contacts:
        defined = defined_introductions(model, contact.id, manager)
        assert list(introductions(contact.id, mine, manager=manager)) == defined
        assert list(introductions(contact.id, whole, manager=manager)) == defined


@given(st.one_of(networks(), tied_networks()), st.booleans())
@settings(max_examples=examples(100), deadline=None)
def test_introductions_through_one_tie_are_those_of_every_tie_that_begin_with_them(
    network: Network, manager: bool
) -> None:
    """Asking about one first person (what the plan prices) gives the routes the whole
    search finds through them, in the same order."""
    model = ReferralModel(network, as_of=AS_OF)
    for contact in network.contacts:
        every = list(introductions(contact.id, model.vouchers, manager=manager))
        for first in [*model.direct, "nobody"]:
            through = introductions(contact.id, model.vouchers, manager=manager, through=first)
            assert list(through) == [route for route in every if route.path[1] == first]


@given(st.one_of(networks(), tied_networks()), st.booleans(), st.data())
@settings(max_examples=examples(200), deadline=None)
def test_closeness_read_from_the_seeds_side_is_closeness_read_from_each_middle(
    network: Network, team_named: bool, data: st.DataObject
) -> None:
    """closeness() reads the links into the seeds from the seeds' rows; the definition
    reads them from each middle person's row. The same numbers, to the last bit."""
    links = LinkStrengths(knows(network))
    rows = links.knows
    seeds = data.draw(st.lists(st.sampled_from([c.id for c in network.contacts]), unique=True))
    found = closeness(network.contacts, seeds, links, team_named=team_named)
    for contact in network.contacts:
        person = contact.id
        if person in seeds and team_named:
            assert person not in found
            continue
        parts = [links.hop(person, middle) for middle in rows[person] if middle in seeds]
        if team_named:
            for middle in rows[person]:
                into = math.fsum(links.hop(middle, seed) for seed in rows[middle] if seed in seeds)
                if into > 1e-12:
                    parts.append(links.hop(person, middle) * into)
        assert found[person].team_links == sum(1 for m in rows[person] if m in seeds)
        scale = CLOSENESS_SCALE * (1.0 if team_named else max(1.0, len(seeds) / COMPANY_REACH))
        assert found[person].closeness == 1 - math.exp(-math.fsum(parts) / scale)
