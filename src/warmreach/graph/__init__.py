"""The network as connections: who knows whom, and where everyone sits.

- :mod:`~warmreach.graph.knows`: the ``knows`` links as one sparse symmetric matrix
  (:class:`KnowsMatrix`, the only place links are made mutual);
- :mod:`~warmreach.graph.index`: :class:`NetworkIndex`, built once per network: the
  matrix, near teams, team members, each company's staff;
- :mod:`~warmreach.graph.nxgraph`: :func:`network_graph`, the network as a typed
  ``networkx.Graph`` for library users (``warmreach.build_graph`` adds scoring's
  strengths), and :func:`summarize`.
"""

from __future__ import annotations

from warmreach.graph.index import NetworkIndex
from warmreach.graph.knows import KnowsMatrix
from warmreach.graph.nxgraph import (
    EdgeKind,
    NetworkSummary,
    NodeKind,
    Strengths,
    company_node,
    distance,
    knows_pairs,
    network_graph,
    summarize,
    team_node,
)

__all__ = [
    "EdgeKind",
    "KnowsMatrix",
    "NetworkIndex",
    "NetworkSummary",
    "NodeKind",
    "Strengths",
    "company_node",
    "distance",
    "knows_pairs",
    "network_graph",
    "summarize",
    "team_node",
]
