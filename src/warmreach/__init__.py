"""warmreach: find who can refer you into the team you want, from your own network.

The library API, in the order data flows (file → model → index → analyses):

>>> import warmreach
>>> network = warmreach.parse_network("me: {name: Ana}\\ncontacts: [{name: Bob Chen, trust: 4}]")
>>> graph = warmreach.build_graph(network)
>>> graph.edges["me", "bob-chen"]["trust"]
4
"""

from __future__ import annotations

from importlib.metadata import version

from warmreach.errors import InvalidNetwork, Problem, WarmreachError
from warmreach.gaps import GapReport, find_gaps
from warmreach.graph import NetworkIndex, summarize
from warmreach.model import Company, Contact, Link, Me, Network, Opening, PartialDate, Seeking, Team
from warmreach.networkfile import dump_network, load_network, parse_network
from warmreach.plan import Plan, Step, plan_actions
from warmreach.scoring import Analysis, Candidate, analyze, build_graph, rank_referrers
from warmreach.validation import Notice, validate

__all__ = [
    "Analysis",
    "Candidate",
    "Company",
    "Contact",
    "GapReport",
    "InvalidNetwork",
    "Link",
    "Me",
    "Network",
    "NetworkIndex",
    "Notice",
    "Opening",
    "PartialDate",
    "Plan",
    "Problem",
    "Seeking",
    "Step",
    "Team",
    "WarmreachError",
    "analyze",
    "build_graph",
    "dump_network",
    "find_gaps",
    "load_network",
    "parse_network",
    "plan_actions",
    "rank_referrers",
    "summarize",
    "validate",
]
__version__ = version("warmreach")
