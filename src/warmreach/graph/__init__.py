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

from typing import TYPE_CHECKING

from warmreach._lazy import lazy_names
from warmreach.graph.index import NetworkIndex
from warmreach.graph.knows import KnowsMatrix

if TYPE_CHECKING:
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

# the graph for library users, and the summary of validate: imported when first used
__getattr__, __dir__ = lazy_names(
    globals(),
    {name: "warmreach.graph.nxgraph" for name in __all__ if name not in globals()},
)
