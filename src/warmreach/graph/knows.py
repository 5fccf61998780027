"""Who knows whom: the ``knows`` lists of a network as one sparse, symmetric matrix.

The one place the rule is applied: a link is mutual whichever side wrote it, and when
both sides give a strength the stronger counts. Built once per network with NumPy
(compressed sparse rows), so that it scales to an organisation's merged networks
(``benchmarks/bench_org.py``); neighbourhoods and PageRank are computed on the arrays
directly. It reads like a mapping: ``knows[person]`` is ``{other: strength}``, with the
people in file order.

>>> from warmreach.model import Link
>>> written = [[Link(contact="b", strength=2)], [Link(contact="a", strength=4), Link(contact="c")]]
>>> knows = KnowsMatrix.build(["a", "b", "c"], [*written, []])
>>> dict(knows["b"]), dict(knows["c"]), "d" in knows, knows.pair_count
({'a': 4, 'c': 2}, {'b': 2}, False, 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from operator import itemgetter
from typing import Any, Protocol

import networkx as nx
import numpy as np
import numpy.typing as npt

#: row numbers, or positions in the rows' arrays
_Rows = npt.NDArray[np.intp]


class _Link(Protocol):
    @property
    def contact(self) -> str: ...
    @property
    def strength(self) -> int: ...


class KnowsMatrix(Mapping[str, Mapping[str, int]]):
    """For every person, the people they know, whichever side wrote the link, with the
    stronger of the strengths stated on either side (compressed sparse rows)."""

    def __init__(
        self,
        ids: Sequence[str],
        indptr: npt.NDArray[np.int64],
        indices: npt.NDArray[np.int32],
        strengths: npt.NDArray[np.int8],
    ) -> None:
        self.ids = tuple(ids)
        #: row ``i`` holds ``indices[indptr[i]:indptr[i + 1]]``, in increasing order
        self.indptr = indptr
        self.indices = indices
        self.strengths = strengths

    @classmethod
    def build(cls, ids: Sequence[str], knows: Sequence[Sequence[_Link]]) -> KnowsMatrix:
        """The links of people ``ids``, where ``knows[i]`` lists the links person ``i``
        wrote; a person known but not in ``ids`` is added after the others."""
        everyone = list(ids)
        index = {person: number for number, person in enumerate(everyone)}
        known = [link.contact for written in knows for link in written]
        try:
            found = itemgetter(*known)(index) if known else ()
        except KeyError:  # people known, yet not among ``ids``: added after them
            for person in known:
                if person not in index:
                    index[person] = len(everyone)
                    everyone.append(person)
            found = itemgetter(*known)(index)
        count = len(everyone)
        sources = np.repeat(
            np.arange(len(knows), dtype=np.int64), [len(written) for written in knows]
        )
        ends = np.array(found, dtype=np.int64, ndmin=1)
        strength = np.array([link.strength for written in knows for link in written], dtype=np.int8)
        # both directions, no one knowing themself, one entry per pair with its strongest
        pair = np.concatenate([sources * count + ends, ends * count + sources])
        strength = np.concatenate([strength, strength])
        distinct = pair // count != pair % count
        pair, strength = pair[distinct], strength[distinct]
        order = np.argsort(pair, kind="stable")
        pair, strength = pair[order], strength[order]
        starts = np.flatnonzero(np.concatenate([[pair.size > 0], pair[1:] != pair[:-1]]))
        strength = np.maximum.reduceat(strength, starts) if pair.size else strength
        pair = pair[starts]
        rows, columns = pair // count, pair % count
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=indptr[1:])
        return cls(everyone, indptr, columns.astype(np.int32), strength)

    @property
    def pair_count(self) -> int:
        """How many pairs of people know each other."""
        return len(self.indices) // 2

    @cached_property
    def index(self) -> dict[str, int]:
        """The row of each person."""
        return {person: number for number, person in enumerate(self.ids)}

    @cached_property
    def _rows(self) -> dict[str, Mapping[str, int]]:
        """The rows read so far, as mappings (a search reads the same rows many times)."""
        return {}

    def __getitem__(self, person: str) -> Mapping[str, int]:
        """``{other: strength}`` for everyone ``person`` knows; shared, do not change it."""
        found = self._rows.get(person)
        if found is None:
            row = self.index[person]
            start, end = self.indptr[row], self.indptr[row + 1]
            ids = self.ids
            found = self._rows[person] = {
                ids[other]: strength
                for other, strength in zip(
                    self.indices[start:end].tolist(),
                    self.strengths[start:end].tolist(),
                    strict=True,
                )
            }
        return found

    def __contains__(self, person: object) -> bool:
        return person in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getstate__(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in ("ids", "indptr", "indices", "strengths")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _entries(
        self, rows: npt.NDArray[np.intp]
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """Where the entries of ``rows`` are (row after row), and how many each row has."""
        starts = self.indptr[rows]
        counts = (self.indptr[rows + 1] - starts).astype(np.intp)
        before = np.cumsum(counts) - counts
        positions = np.repeat(starts - before, counts) + np.arange(int(counts.sum()))
        return positions.astype(np.intp), counts

    def within(self, people: Iterable[str], steps: int) -> npt.NDArray[np.intp]:
        """The rows of everyone at most ``steps`` links from any of ``people``, in order."""
        reached = np.zeros(len(self.ids), dtype=bool)
        frontier = np.array(sorted({self.index[person] for person in people}), dtype=np.intp)
        reached[frontier] = True
        for _ in range(steps):
            if not len(frontier):
                break
            neighbours = np.unique(self.indices[self._entries(frontier)[0]]).astype(np.intp)
            frontier = neighbours[~reached[neighbours]]
            reached[frontier] = True
        return np.flatnonzero(reached)

    def pagerank(
        self, rows: npt.NDArray[np.intp], personal: Iterable[str], alpha: float
    ) -> dict[str, float]:
        """Personalised PageRank over the links among ``rows``, restarting at ``personal``
        (empty when there are no such links).

        The computation of NetworkX's ``pagerank`` (SciPy variant, with its defaults: at
        most 100 rounds, tolerance 1e-6 per node) step for step, each sum taken in the
        same order, so the numbers are the same to the last bit (tested); but on the
        entries cut from these rows, without building a NetworkX graph and a SciPy matrix
        (most of ``nx.pagerank``'s time on large graphs) or importing SciPy.
        """
        size = len(rows)
        if size == 0:
            return {}
        column_of = np.full(len(self.ids), -1, dtype=np.intp)
        column_of[rows] = np.arange(size)
        positions, counts = self._entries(rows)
        columns = column_of[self.indices[positions]]
        inside = columns >= 0
        if not inside.any():
            return {}
        owners = np.repeat(np.arange(size), counts)[inside]  # the row of each entry
        columns = columns[inside]
        weights = self.strengths[positions][inside].astype(float)
        totals = np.bincount(owners, weights=weights, minlength=size)  # whole numbers: exact
        nonzero = totals != 0
        totals[nonzero] = 1.0 / totals[nonzero]
        weights = weights * totals[owners]  # each row scaled to sum to 1, as Q @ A does
        ids = [self.ids[row] for row in rows.tolist()]
        chosen = set(personal)
        restart = np.array([1.0 if person in chosen else 0.0 for person in ids])
        restart /= restart.sum()
        dangling = np.where(totals == 0)[0]
        rank = np.repeat(1.0 / size, size)
        for _ in range(100):
            last = rank
            # rank @ A: into each column, row after row, as SciPy's sparse product adds
            spread = np.bincount(columns, weights=weights * rank[owners], minlength=size)
            rank = alpha * (spread + sum(rank[dangling]) * restart) + (1 - alpha) * restart
            if np.absolute(rank - last).sum() < size * 1.0e-6:
                return dict(zip(ids, map(float, rank), strict=True))
        raise nx.PowerIterationFailedConvergence(100)


def networkx_pagerank(
    knows: KnowsMatrix, rows: npt.NDArray[np.intp], personal: Iterable[str], alpha: float
) -> dict[str, float]:
    """:meth:`KnowsMatrix.pagerank` through ``nx.pagerank``, which NetworkX dispatches to a
    configured backend (nx-cugraph on a GPU, say); empty when there are no links."""
    ids = [knows.ids[row] for row in rows.tolist()]
    kept = set(ids)
    around = nx.Graph()
    around.add_nodes_from(ids)
    around.add_edges_from(
        (u, v, {"strength": strength}) for u in ids for v, strength in knows[u].items() if v in kept
    )
    if around.number_of_edges() == 0:
        return {}
    return nx.pagerank(  # type: ignore[no-any-return]
        around, alpha=alpha, personalization=dict.fromkeys(personal, 1.0), weight="strength"
    )


def closeness_rank(
    knows: KnowsMatrix, rows: npt.NDArray[np.intp], personal: Iterable[str], alpha: float
) -> dict[str, float]:
    """Personalised PageRank over the links among ``rows``: through NetworkX when a
    NetworkX backend is configured (so the backend runs it), else on these arrays (the
    same numbers)."""
    if nx.config.backend_priority.algos:
        return networkx_pagerank(knows, rows, personal, alpha)
    return knows.pagerank(rows, personal, alpha)
