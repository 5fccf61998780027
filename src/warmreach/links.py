"""Who knows whom, for every contact: the ``knows`` links as a sparse adjacency.

Built once per network with NumPy (a recruiting team's merged networks reach
1,000,000 people and 10,000,000 links; a dict of dicts of that size takes tens of
seconds and gigabytes to build) and kept with a cached network. It reads like a
mapping: ``links[person]`` is ``{other: strength}``, with the people in file order.

>>> from warmreach.model import Link
>>> knows = [[Link(contact="b", strength=2)], [Link(contact="a", strength=4), Link(contact="c")]]
>>> links = KnowsLinks.build(["a", "b", "c"], [*knows, []])
>>> dict(links["b"]), dict(links["c"]), "d" in links
({'a': 4, 'c': 2}, {'b': 2}, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from operator import itemgetter
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt


class _Link(Protocol):
    @property
    def contact(self) -> str: ...
    @property
    def strength(self) -> int: ...


class KnowsLinks(Mapping[str, Mapping[str, int]]):
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
    def build(cls, ids: Sequence[str], knows: Sequence[Sequence[_Link]]) -> KnowsLinks:
        """The links of people ``ids``, where ``knows[i]`` lists the links person ``i``
        wrote; a person known but not in ``ids`` is added after the others."""
        everyone = list(ids)
        index = {person: number for number, person in enumerate(everyone)}
        known = [link.contact for written in knows for link in written]
        if not index.keys() >= set(known):  # people known, yet not among ``ids``
            for person in known:
                if person not in index:
                    index[person] = len(everyone)
                    everyone.append(person)
        count = len(everyone)
        sources = np.repeat(
            np.arange(len(knows), dtype=np.int64), [len(written) for written in knows]
        )
        ends = np.array(itemgetter(*known)(index) if known else (), dtype=np.int64, ndmin=1)
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

    @cached_property
    def index(self) -> dict[str, int]:
        """The row of each person."""
        return {person: number for number, person in enumerate(self.ids)}

    def __getitem__(self, person: str) -> Mapping[str, int]:
        row = self.index[person]
        start, end = self.indptr[row], self.indptr[row + 1]
        ids = self.ids
        return {
            ids[other]: strength
            for other, strength in zip(
                self.indices[start:end].tolist(), self.strengths[start:end].tolist(), strict=True
            )
        }

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

    @cached_property
    def matrix(self) -> Any:
        """The strengths as a SciPy sparse matrix (``csr_array``), one row per person."""
        from scipy import sparse

        size = len(self.ids)
        return sparse.csr_array((self.strengths, self.indices, self.indptr), shape=(size, size))

    def within(self, people: Iterable[str], steps: int) -> npt.NDArray[np.intp]:
        """The rows of everyone at most ``steps`` links from any of ``people``, in order."""
        reached = np.zeros(len(self.ids), dtype=bool)
        frontier = np.array(sorted({self.index[person] for person in people}), dtype=np.intp)
        reached[frontier] = True
        for _ in range(steps):
            if not len(frontier):
                break
            neighbours = np.unique(self.matrix[frontier].indices)
            frontier = neighbours[~reached[neighbours]]
            reached[frontier] = True
        return np.flatnonzero(reached)

    def pagerank(
        self, rows: npt.NDArray[np.intp], personal: Iterable[str], alpha: float
    ) -> dict[str, float]:
        """Personalised PageRank over the links among ``rows``, restarting at ``personal``
        (empty when there are no such links).

        The computation of NetworkX's ``pagerank`` (SciPy variant, its defaults: at most
        100 rounds, tolerance 1e-6 per node) step for step, on the same matrix, so the
        numbers are the same; the matrix is cut from :attr:`matrix` instead of being
        built from a NetworkX graph (most of ``nx.pagerank``'s time on large graphs).
        """
        import networkx as nx
        from scipy import sparse

        size = len(rows)
        if size == 0:
            return {}
        adjacency = self.matrix[rows][:, rows].astype(float)
        if adjacency.nnz == 0:
            return {}
        adjacency.sort_indices()
        totals = adjacency.sum(axis=1)
        totals[totals != 0] = 1.0 / totals[totals != 0]
        weights = sparse.dia_array((totals.T, 0), shape=adjacency.shape).tocsr()
        adjacency = weights @ adjacency
        ids = [self.ids[row] for row in rows.tolist()]
        chosen = set(personal)
        restart = np.array([1.0 if person in chosen else 0.0 for person in ids])
        restart /= restart.sum()
        dangling = np.where(totals == 0)[0]
        rank = np.repeat(1.0 / size, size)
        for _ in range(100):
            last = rank
            rank = (
                alpha * (rank @ adjacency + sum(rank[dangling]) * restart) + (1 - alpha) * restart
            )
            if np.absolute(rank - last).sum() < size * 1.0e-6:
                return dict(zip(ids, map(float, rank), strict=True))
        raise nx.PowerIterationFailedConvergence(100)
