"""Invariants of the graph built from a network."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from pathlib import Path

import networkx as nx
import pytest
import yaml

from tests.helpers import SAMPLES
from warmreach import Network, build_graph, load_network, parse_network
from warmreach.graph import EdgeKind, NodeKind, company_node, summarize, team_node
from warmreach.model import ME
from warmreach.scoring import ReferralModel
from warmreach.synthetic import generate_network


def _generated(contacts: int, links: int) -> Network:
    return parse_network(yaml.safe_dump(generate_network(contacts, links, seed=7)))


NETWORKS = [pytest.param(path, id=path.name) for path in SAMPLES] + [
    pytest.param("generated", id="generated-300")
]


AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(params=NETWORKS)
def network(request: pytest.FixtureRequest) -> Network:
    if request.param == "generated":
        return _generated(300, 4)
    return load_network(request.param)


def test_every_node_has_a_kind_and_a_label(network: Network) -> None:
    graph = build_graph(network)
    for _, data in graph.nodes(data=True):
        assert isinstance(data["kind"], NodeKind)
        assert data["label"]
    for _, _, kind in graph.edges(data="kind"):
        assert isinstance(kind, EdgeKind)


def test_contacts_with_a_company_are_linked_to_it(network: Network) -> None:
    graph = build_graph(network)
    for contact in network.contacts:
        assert graph.nodes[contact.id]["kind"] == NodeKind.CONTACT
        if contact.company is not None:
            edge = graph.edges[contact.id, company_node(contact.company)]
            assert edge["kind"] == EdgeKind.WORKS_AT
        if contact.team is not None:
            assert contact.company is not None
            edge = graph.edges[contact.id, team_node(contact.company, contact.team)]
            assert edge["kind"] == EdgeKind.MEMBER_OF
        companies = [
            node
            for node in graph[contact.id]
            if graph.edges[contact.id, node]["kind"] == EdgeKind.WORKS_AT
        ]
        assert len(companies) == (contact.company is not None)


def test_me_is_linked_exactly_to_contacts_with_trust(network: Network) -> None:
    graph = build_graph(network)
    ties = {node for node in graph[ME] if graph.edges[ME, node]["kind"] == EdgeKind.TIE}
    assert ties == {contact.id for contact in network.contacts if contact.trust > 0}
    for contact in network.contacts:
        if contact.trust > 0:
            assert graph.edges[ME, contact.id]["trust"] == contact.trust


def test_knows_links_are_mutual_and_keep_the_stronger_strength(network: Network) -> None:
    graph = build_graph(network)
    stated: dict[frozenset[str], int | None] = {}
    for contact in network.contacts:
        for link in contact.knows:
            pair = frozenset((contact.id, link.contact))
            stronger = max(stated.get(pair) or 0, link.strength or 0)
            stated[pair] = stronger or None  # None: neither side wrote a strength
    knows = {
        frozenset((a, b)): strength
        for a, b, data in graph.edges(data=True)
        if data["kind"] == EdgeKind.KNOWS
        for strength in [data["written"]]
    }
    assert knows == stated
    for pair in stated:
        a, b = sorted(pair)
        assert graph.has_edge(a, b) and graph.has_edge(b, a)


def test_teams_belong_to_their_company_and_near_is_mutual(network: Network) -> None:
    graph = build_graph(network)
    for company in network.companies:
        for team in company.teams:
            node = team_node(company.id, team.id)
            assert graph.edges[node, company_node(company.id)]["kind"] == EdgeKind.PART_OF
            for near in team.near:
                assert graph.edges[team_node(company.id, near), node]["kind"] == EdgeKind.NEAR


def test_summary_counts(network: Network) -> None:
    summary = summarize(network)
    assert summary.contacts == summary.direct_ties + summary.known_through_others
    assert summary.companies == len(network.companies)


def test_stated_twice_keeps_the_stronger() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts:\n"
        "  - {name: A, knows: [{name: B, strength: 2}]}\n"
        "  - {name: B, knows: [{name: A, strength: 5}]}\n"
    )
    graph = build_graph(network)
    assert graph.edges["a", "b"]["written"] == graph.edges["a", "b"]["strength"] == 5
    assert nx.number_of_edges(graph) == 3  # me-a, me-b, a-b


def test_people_edges_carry_scoring_strengths_and_a_weight_for_networkx(network: Network) -> None:
    """Every tie and knows edge has the strength scoring computes, the chance the step goes
    through, and weight = -ln(chance): stronger is shorter, and NetworkX's weighted
    algorithms find the likeliest route."""
    model = ReferralModel(network, as_of=AS_OF)
    graph = build_graph(network, as_of=AS_OF)
    for u, v, data in graph.edges(data=True):
        if data["kind"] == EdgeKind.TIE:
            contact = v if u == ME else u
            assert data["strength"] == model.ties[contact].strength
            assert data["chance"] == model.ties[contact].willingness
        elif data["kind"] == EdgeKind.KNOWS:
            assert data["strength"] == model.links.strength(u, v)
            assert data["estimated"] == (data["written"] is None)
            assert data["chance"] == model.links.hop(u, v)
        else:
            assert "weight" not in data
            continue
        assert data["weight"] == (
            max(0.0, -math.log(data["chance"])) if data["chance"] else math.inf
        )
    weight = lambda u, v, edge: edge.get("weight")  # noqa: E731 - structure edges hidden
    for person, length in nx.single_source_dijkstra_path_length(graph, ME, weight=weight).items():
        path = nx.shortest_path(graph, ME, person, weight=weight)
        chances = [graph.edges[a, b]["chance"] for a, b in itertools.pairwise(path)]
        assert math.isclose(math.exp(-length), math.prod(chances), rel_tol=1e-9)


def test_past_company_edge_is_worked_at() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts: [{name: A, company: X, past_companies: [Y, X]}]\n"
    )
    graph = build_graph(network)
    assert graph.edges["a", "company:y"]["kind"] == EdgeKind.WORKED_AT
    assert graph.edges["a", "company:x"]["kind"] == EdgeKind.WORKS_AT


def test_build_graph_keeps_the_garbage_collector_state(tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    build_graph(parse_network("me: {name: Ana}"))
    assert gc.isenabled()
