"""``warmreach jobs``: your saved postings, ranked by the best warm route to each.

Every posting with a company in the network is a target (:mod:`warmreach.postings`);
they are ranked in one analysis, so each posting's best person, score and action are
what ``analyze`` gives that posting's target, and the work shared by postings at one
company is done once. Postings where someone helps (an action better than applying
directly) come first, best score first, then the others, each in the list's order.

>>> from warmreach.networkfile import parse_network
>>> from warmreach.postings import read_postings
>>> network = parse_network('''
... me: {name: Ana}
... contacts:
...   - {name: Bob, company: Voltgrid, trust: 5, knows_my_work: 4, met: 2019,
...      last_contact: 2026-10, told: [aspiration, availability]}
... ''')
>>> postings = read_postings(b"company,title\\nNorthwind,PM\\nVoltgrid,PM\\n", "jobs.csv", network)
>>> jobs = rank_jobs(network, postings, as_of=dt.date(2026, 11, 25))
>>> [(job.posting.company, job.best.name if job.best else None, job.helps) for job in jobs.jobs]
[('Voltgrid', 'Bob', True), ('Northwind', None, False)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from warmreach.graph import NetworkIndex
from warmreach.model import Network, resolve_day
from warmreach.postings import Posting
from warmreach.scoring import Candidate, ReferralModel, analyze


@dataclass(frozen=True, kw_only=True)
class Job:
    """A posting and the best warm route to it."""

    posting: Posting
    #: its best candidate, as ``analyze`` ranks them; None when nobody is there
    best: Candidate | None

    @property
    def helps(self) -> bool:
        """Whether someone helps: a route better than applying directly."""
        return self.best is not None and self.best.action != "apply-directly"


@dataclass(frozen=True, kw_only=True)
class JobList:
    """The answer of ``warmreach jobs``."""

    generated_for: str
    as_of: dt.date
    #: the postings, the ones someone helps with first (best score first), then the others
    jobs: tuple[Job, ...]
    #: display names of everyone on a path, by id (``"me"`` is ``"you"``)
    names: Mapping[str, str]


def rank_jobs(
    network: Network,
    postings: Sequence[Posting],
    *,
    as_of: dt.date | None = None,
    index: NetworkIndex | None = None,
) -> JobList:
    """Each posting with its best warm route, ranked."""
    day = resolve_day(as_of)
    model = ReferralModel(network, as_of=day, index=index)
    aimed = [posting for posting in postings if posting.target is not None]
    analysis = analyze(
        network, [p.target for p in aimed if p.target], top=1, model=model, allow_none=True
    )
    best: dict[int, Candidate | None] = {
        posting.line: report.candidates[0] if report.candidates else None
        for posting, report in zip(aimed, analysis.targets, strict=True)
    }
    jobs = [Job(posting=posting, best=best.get(posting.line)) for posting in postings]
    jobs.sort(
        key=lambda job: (
            not job.helps,
            -(job.best.score if job.best and job.helps else 0.0),
            job.posting.line,
        )
    )
    return JobList(generated_for=network.me.name, as_of=day, jobs=tuple(jobs), names=analysis.names)


__all__ = ["Job", "JobList", "rank_jobs"]
