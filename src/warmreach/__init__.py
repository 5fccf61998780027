"""warmreach: find who can refer you into the team you want, from your own network.

The library API, in the order data flows (file → model → index → analyses):

>>> import warmreach
>>> network = warmreach.parse_network("me: {name: Ana}\\ncontacts: [{name: Bob Chen, trust: 4}]")
>>> graph = warmreach.build_graph(network)
>>> graph.edges["me", "bob-chen"]["trust"]
4
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from warmreach._lazy import lazy_names
from warmreach.errors import InvalidNetwork, Problem, WarmreachError
from warmreach.model import Company, Contact, Link, Me, Network, Opening, PartialDate, Seeking, Team

if TYPE_CHECKING:
    from warmreach.gaps import GapReport, find_gaps
    from warmreach.graph import NetworkIndex, summarize
    from warmreach.networkfile import dump_network, load_network, parse_network
    from warmreach.plan.result import Plan, Step
    from warmreach.plan.week import plan_actions
    from warmreach.scoring import Analysis, Candidate, analyze, build_graph, rank_referrers
    from warmreach.validation import Notice, validate

#: the module of each name imported when first used, so that ``import warmreach`` (and
#: every command's start) loads no more than it needs: NumPy, YAML and fuzzy matching
#: come with the first network read
_LAZY: Final = {
    **dict.fromkeys(["GapReport", "find_gaps"], "warmreach.gaps"),
    **dict.fromkeys(["NetworkIndex", "summarize"], "warmreach.graph"),
    **dict.fromkeys(["dump_network", "load_network", "parse_network"], "warmreach.networkfile"),
    **dict.fromkeys(["Plan", "Step"], "warmreach.plan.result"),
    "plan_actions": "warmreach.plan.week",
    **dict.fromkeys(
        ["Analysis", "Candidate", "analyze", "build_graph", "rank_referrers"], "warmreach.scoring"
    ),
    **dict.fromkeys(["Notice", "validate"], "warmreach.validation"),
}


_api_name, __dir__ = lazy_names(globals(), _LAZY)


def __getattr__(name: str) -> object:
    """A name of the API, imported from its module on first use; ``__version__``."""
    if name == "__version__":
        from importlib.metadata import version

        return version("warmreach")
    return _api_name(name)


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
