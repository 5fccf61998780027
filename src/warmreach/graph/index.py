"""The network's index: who knows whom, who works where, which teams are near, built once.

Every analysis reads the network through one :class:`NetworkIndex`; the cache stores it
beside the network, so a large unchanged file is indexed once.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana}
... companies: [{name: Voltgrid, teams: [{name: Grid, near: [Cells]}]}]
... contacts:
...   - {name: Bob, company: Voltgrid, team: Grid, knows: [Cy]}
...   - {name: Cy, company: Voltgrid, team: Cells, past_companies: [Acme]}
... ''')
>>> index = NetworkIndex.build(network)
>>> dict(index.knows["cy"]), index.members[("voltgrid", "grid")], index.staff["acme"]
({'bob': 0}, ('bob',), ('cy',))
>>> sorted(index.near[("voltgrid", "cells")])
['grid']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from warmreach._gc import paused_gc
from warmreach.graph.knows import KnowsMatrix
from warmreach.model import Network


@dataclass(frozen=True, kw_only=True)
class NetworkIndex:
    """What the analyses look up about a network, computed from it once."""

    #: for every contact, the people they know and how well (mutual, the stronger side)
    knows: KnowsMatrix
    #: for each (company id, team id), the teams of the company it is near (mutual)
    near: Mapping[tuple[str, str], frozenset[str]]
    #: for each (company id, team id), the ids of its members, in file order
    members: Mapping[tuple[str, str], tuple[str, ...]]
    #: for each company id, the ids of the people who work or worked there, in file order
    staff: Mapping[str, tuple[str, ...]]

    @classmethod
    def build(cls, network: Network, knows: KnowsMatrix | None = None) -> NetworkIndex:
        """Index ``network``; ``knows``, when given, stands for its contacts' ``knows``
        lists (links given as columns: :meth:`KnowsMatrix.from_pairs`)."""
        with paused_gc():
            contacts = network.contacts
            if knows is None:
                knows = KnowsMatrix.build([c.id for c in contacts], [c.knows for c in contacts])
            near: dict[tuple[str, str], set[str]] = {}
            for company in network.companies:
                for team in company.teams:
                    near.setdefault((company.id, team.id), set())
                    for other in team.near:
                        near[(company.id, team.id)].add(other)
                        near.setdefault((company.id, other), set()).add(team.id)
            members: dict[tuple[str, str], list[str]] = {}
            staff: dict[str, list[str]] = {}
            for contact in contacts:
                works_at = contact.company
                if works_at is not None and contact.team is not None:
                    members.setdefault((works_at, contact.team), []).append(contact.id)
                if contact.past_companies:
                    for company_id in dict.fromkeys([works_at, *contact.past_company_ids]):
                        if company_id is not None:
                            staff.setdefault(company_id, []).append(contact.id)
                elif works_at is not None:
                    staff.setdefault(works_at, []).append(contact.id)
            return cls(
                knows=knows,
                near={key: frozenset(value) for key, value in near.items()},
                members={key: tuple(value) for key, value in members.items()},
                staff={key: tuple(value) for key, value in staff.items()},
            )
