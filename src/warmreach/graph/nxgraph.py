"""The network as a NetworkX graph, for library users: typed nodes and edges.

Node keys are strings that cannot collide: ``"me"``, contact ids as they are,
``"company:<id>"`` and ``"team:<company id>/<team id>"``. Every node has a ``kind``
(:class:`NodeKind`) and a ``label``; every edge has a ``kind`` (:class:`EdgeKind`).
Given the strengths scoring computes (:class:`Strengths`; ``warmreach.build_graph``
gives them), the edges between people carry them too, with a ``weight`` for NetworkX's
weighted algorithms. See ``docs/graph.md`` for every attribute.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana Lima, company: Acme Shipping}
... companies:
...   - name: Northvolt
...     teams: [{name: Battery Systems, near: [Cell Manufacturing]}]
... contacts:
...   - {name: Bob Chen, company: Northvolt, team: Battery Systems, trust: 4,
...      knows: [{name: Eva Berg, strength: 3}]}
...   - {name: Eva Berg, company: Northvolt AB, trust: 0}
... ''')
>>> graph = network_graph(network)
>>> sorted(graph["me"])
['bob-chen', 'company:acme-shipping']
>>> graph.edges["bob-chen", "eva-berg"]["written"]
3
>>> graph.nodes[team_node("northvolt", "battery-systems")]["label"]
'Battery Systems'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from warmreach._gc import paused_gc
from warmreach.graph.index import NetworkIndex
from warmreach.graph.knows import KnowsMatrix
from warmreach.model import ME, Contact, Network

if TYPE_CHECKING:  # NetworkX is imported when a graph is built, not with warmreach
    import networkx as nx


class NodeKind(StrEnum):
    """What a node stands for."""

    ME = "me"
    CONTACT = "contact"
    COMPANY = "company"
    TEAM = "team"


class EdgeKind(StrEnum):
    """What an edge stands for."""

    #: you and a contact you know yourself (trust > 0)
    TIE = "tie"
    #: two contacts who know each other
    KNOWS = "knows"
    #: a person (you or a contact) and the company they work at now
    WORKS_AT = "works-at"
    #: a contact and a company they worked at before
    WORKED_AT = "worked-at"
    #: a contact and their team
    MEMBER_OF = "member-of"
    #: a team and its company
    PART_OF = "part-of"
    #: two teams of one company that work closely together
    NEAR = "near"


def company_node(company: str) -> str:
    """The node key of a company id.

    >>> company_node("northvolt")
    'company:northvolt'
    """
    return f"company:{company}"


def team_node(company: str, team: str) -> str:
    """The node key of a team, by company id and team id.

    >>> team_node("northvolt", "battery-systems")
    'team:northvolt/battery-systems'
    """
    return f"team:{company}/{team}"


class Strengths(Protocol):
    """What scoring computes of the edges between people (``warmreach.build_graph`` gives
    one): each 0..1, and a link's strength on the file's scale."""

    def tie(self, contact: str) -> tuple[float, float]:
        """Your tie to a direct contact: its strength, and the chance they act on a
        request from you."""
        ...

    def link(self, u: str, v: str) -> tuple[float, bool, float]:
        """A link between two contacts: its strength (1..5), whether it is estimated (no
        side wrote one), and the chance an introduction over it goes through."""
        ...


def distance(chance: float) -> float:
    """An edge's ``weight``: ``-ln(chance)``, so that the shortest path is the route most
    likely to go through (infinite for a chance of 0).

    >>> distance(1.0), round(distance(0.5), 3), distance(0.0)
    (0.0, 0.693, inf)
    """
    return max(0.0, -math.log(chance)) if chance > 0 else math.inf


def network_graph(
    network: Network, index: NetworkIndex | None = None, *, strengths: Strengths | None = None
) -> nx.Graph:
    """Build the undirected graph of a network (``index``, its index, is built when not
    given); with ``strengths``, the edges between people carry them and a ``weight``.

    ``knows`` links are mutual: when both people list each other, the edge keeps the
    stronger of the two strengths. A contact with trust 0 has no edge to ``"me"``.
    """
    with paused_gc():
        return _build_graph(network, index or NetworkIndex.build(network), strengths)


def _build_graph(network: Network, index: NetworkIndex, strengths: Strengths | None) -> nx.Graph:
    import networkx as nx

    graph = nx.Graph(name=network.me.name)
    me = network.me
    graph.add_node(ME, kind=NodeKind.ME, label=me.name, company=me.company)
    for company in network.companies:
        graph.add_node(
            company_node(company.id),
            kind=NodeKind.COMPANY,
            label=company.name,
            company=company.id,
            industry=company.industry,
        )
        for team in company.teams:
            key = team_node(company.id, team.id)
            graph.add_node(
                key, kind=NodeKind.TEAM, label=team.name, company=company.id, team=team.id
            )
            graph.add_edge(key, company_node(company.id), kind=EdgeKind.PART_OF)
        for team in company.teams:
            for near in team.near:
                graph.add_edge(
                    team_node(company.id, team.id), team_node(company.id, near), kind=EdgeKind.NEAR
                )
    if me.company is not None:
        graph.add_edge(ME, company_node(me.company), kind=EdgeKind.WORKS_AT)

    for contact in network.contacts:
        graph.add_node(
            contact.id,
            kind=NodeKind.CONTACT,
            label=contact.name,
            company=contact.company,
            team=contact.team,
            title=contact.title,
            industry=contact.industry,
            trust=contact.trust,
            knows_my_work=contact.knows_my_work,
        )
        if contact.is_direct:
            graph.add_edge(ME, contact.id, **_tie_attributes(contact, strengths))
        if contact.company is not None:
            graph.add_edge(contact.id, company_node(contact.company), kind=EdgeKind.WORKS_AT)
            if contact.team is not None:
                graph.add_edge(
                    contact.id, team_node(contact.company, contact.team), kind=EdgeKind.MEMBER_OF
                )
        for past in contact.past_company_ids:
            if past != contact.company:
                graph.add_edge(contact.id, company_node(past), kind=EdgeKind.WORKED_AT)

    graph.add_edges_from(
        (a, b, _knows_attributes(a, b, written, strengths))
        for (a, b), written in knows_pairs(network, index.knows)
    )
    return graph


def _knows_attributes(
    a: str, b: str, written: int | None, strengths: Strengths | None
) -> dict[str, Any]:
    attributes: dict[str, Any] = {"kind": EdgeKind.KNOWS, "written": written}
    if strengths is not None:
        strength, estimated, chance = strengths.link(a, b)
        attributes.update(
            strength=strength, estimated=estimated, chance=chance, weight=distance(chance)
        )
    return attributes


def knows_pairs(network: Network, knows: KnowsMatrix) -> list[tuple[tuple[str, str], int | None]]:
    """Every pair who know each other once, as (id, id) in the order the file first
    wrote them, with their strength in ``knows`` (the stronger side's; None when neither
    side wrote one).

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... contacts:
    ...   - {name: A, knows: [{name: B, strength: 2}]}
    ...   - {name: B, knows: [{name: A, strength: 4}, C]}
    ...   - {name: C}
    ... ''')
    >>> knows_pairs(network, NetworkIndex.build(network).knows)
    [(('a', 'b'), 4), (('b', 'c'), None)]
    """
    seen: set[tuple[str, str]] = set()
    pairs: list[tuple[tuple[str, str], int | None]] = []
    for contact in network.contacts:
        row = knows[contact.id]
        for link in contact.knows:
            pair = (contact.id, link.contact)
            if pair not in seen and pair[::-1] not in seen:
                seen.add(pair)
                pairs.append((pair, row[link.contact] or None))
    return pairs


def _tie_attributes(contact: Contact, strengths: Strengths | None) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "kind": EdgeKind.TIE,
        "trust": contact.trust,
        "knows_my_work": contact.knows_my_work,
        "met": contact.met,
        "last_contact": contact.last_contact,
        "told": contact.told,
    }
    if strengths is not None:
        strength, chance = strengths.tie(contact.id)
        attributes.update(strength=strength, chance=chance, weight=distance(chance))
    return attributes


@dataclass(frozen=True, kw_only=True)
class NetworkSummary:
    """Counts that describe a network at a glance."""

    #: people listed in ``contacts``
    contacts: int
    #: contacts you know yourself (trust > 0)
    direct_ties: int
    #: contacts you know only through others (trust 0)
    known_through_others: int
    #: companies, listed or named by contacts and openings
    companies: int
    #: teams across all companies
    teams: int
    #: openings you target
    openings: int
    #: mutual ``knows`` links between contacts
    links: int


def summarize(network: Network, index: NetworkIndex | None = None) -> NetworkSummary:
    """Count what a network holds (``index``, its index, is built when not given).

    >>> from warmreach.networkfile import parse_network
    >>> text = "me: {name: Ana}\\ncontacts: [{name: Bo, knows: [Cy]}, {name: Cy, trust: 0}]"
    >>> network = parse_network(text)
    >>> summary = summarize(network)
    >>> summary.direct_ties, summary.known_through_others, summary.links
    (1, 1, 1)
    """
    if index is None:
        index = NetworkIndex.build(network)
    direct = sum(1 for contact in network.contacts if contact.is_direct)
    return NetworkSummary(
        contacts=len(network.contacts),
        direct_ties=direct,
        known_through_others=len(network.contacts) - direct,
        companies=len(network.companies),
        teams=sum(len(company.teams) for company in network.companies),
        openings=len(network.openings),
        links=index.knows.pair_count,
    )
