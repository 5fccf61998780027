"""Who knows whom: the ``knows`` lists of a network as one sparse, symmetric matrix.

The one place the rule is applied: a link is mutual whichever side wrote it, and when
both sides give a strength the stronger counts. Built once per network as compressed
sparse rows: with NumPy for large networks, so that it scales to an organisation's
merged networks (``benchmarks/bench_org.py``); in plain Python (the standard library's
arrays) up to :data:`PLAIN_MAX` links, where importing NumPy would cost more than the
matrix (the networks most people have: a command on them never imports it). Either
way it pickles as four arrays. It reads like a mapping:
``knows[person]`` is ``{other: strength}``, with the people in file order; a strength of 0
means neither side wrote one.

>>> from warmreach.model import Link
>>> written = [[Link(contact="b", strength=2)], [Link(contact="a", strength=4), Link(contact="c")]]
>>> knows = KnowsMatrix.build(["a", "b", "c"], [*written, []])
>>> dict(knows["b"]), dict(knows["c"]), "d" in knows, knows.pair_count
({'a': 4, 'c': 0}, {'b': 0}, False, 2)
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, overload

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    _Ints = npt.NDArray[np.integer[Any]] | array[int]

_T = TypeVar("_T")

#: matrices of at most this many written links are built without NumPy: 20,000 links take
#: about 0.03 s in plain Python, importing NumPy about 0.1 s
PLAIN_MAX: Final = 20_000

#: strengths are 0 (none given) to STRENGTH_MAX: they fit in the low bits of a sort key
_STRENGTH_BITS: Final = 3
_STRENGTHS: Final = 1 << _STRENGTH_BITS


class _Link(Protocol):
    @property
    def contact(self) -> str: ...
    @property
    def strength(self) -> int | None: ...


class KnowsMatrix(Mapping[str, Mapping[str, int]]):
    """For every person, the people they know, whichever side wrote the link, with the
    stronger of the strengths stated on either side (compressed sparse rows)."""

    def __init__(self, ids: Sequence[str], indptr: _Ints, indices: _Ints, strengths: _Ints) -> None:
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
        sources = [row for row, written in enumerate(knows) for _ in written]
        ends = list(found) if len(known) != 1 else [found]
        strength = [link.strength or 0 for written in knows for link in written]
        return cls.from_pairs(everyone, sources, ends, strength)

    @classmethod
    def from_pairs(
        cls,
        ids: Sequence[str],
        sources: npt.ArrayLike,
        ends: npt.ArrayLike,
        strengths: npt.ArrayLike,
        *,
        plain: bool | None = None,
    ) -> KnowsMatrix:
        """The links written as columns: person ``sources[k]`` (a row of ``ids``) wrote
        that they know ``ends[k]``, with ``strengths[k]`` (0: none given). What an
        organisation's merged networks give without a ``Link`` per pair
        (``benchmarks/bench_org.py``); :meth:`build` reads a file's lists into them.
        ``plain``: built without NumPy (None: when there are at most PLAIN_MAX links)."""
        if plain or (plain is None and len(sources) <= PLAIN_MAX):  # type: ignore[arg-type]
            return cls._plain(ids, _listed(sources), _listed(ends), _listed(strengths))
        import numpy as np

        count = len(ids)
        source = np.asarray(sources, dtype=np.int64)
        end = np.asarray(ends, dtype=np.int64)
        strength = np.asarray(strengths, dtype=np.int8)
        if strength.size and not 0 <= strength.min() <= strength.max() < _STRENGTHS:
            raise ValueError(f"a strength is 0 to {_STRENGTHS - 1}")
        # both directions, no one knowing themself, one entry per pair with its strongest
        distinct = source != end
        if not distinct.all():
            source, end, strength = source[distinct], end[distinct], strength[distinct]
        if count * count * _STRENGTHS < np.iinfo(np.int64).max:
            # one sort of each pair with its strength in the low bits (five times faster
            # than sorting the pairs and carrying the strengths): a pair's strongest is
            # last. Built in place: at an organisation's scale each copy is 160 MB.
            key = np.concatenate([source, end])
            key *= count
            key += np.concatenate([end, source])
            key <<= _STRENGTH_BITS
            key |= np.concatenate([strength, strength])
            key.sort()
            pair = key >> _STRENGTH_BITS
            last = np.flatnonzero(np.concatenate([pair[1:] != pair[:-1], [pair.size > 0]]))
            key = key[last]
            pair, strength = key >> _STRENGTH_BITS, (key & (_STRENGTHS - 1)).astype(np.int8)
        else:  # pragma: no cover - more than a billion people
            pair = np.concatenate([source * count + end, end * count + source])
            strength = np.concatenate([strength, strength])
            order = np.argsort(pair, kind="stable")
            pair, strength = pair[order], strength[order]
            starts = np.flatnonzero(np.concatenate([[pair.size > 0], pair[1:] != pair[:-1]]))
            strength = np.maximum.reduceat(strength, starts) if pair.size else strength
            pair = pair[starts]
        rows, columns = pair // count, pair % count
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=indptr[1:])
        return cls(ids, indptr, columns.astype(np.int32), strength)

    @classmethod
    def _plain(
        cls, ids: Sequence[str], sources: list[int], ends: list[int], strengths: list[int]
    ) -> KnowsMatrix:
        """:meth:`from_pairs` without NumPy: the same rows, in the same arrays' order."""
        if strengths and not 0 <= min(strengths) <= max(strengths) < _STRENGTHS:
            raise ValueError(f"a strength is 0 to {_STRENGTHS - 1}")
        count = len(ids)
        strongest: dict[int, int] = {}  # row * count + column: the strongest strength
        for source, end, strength in zip(sources, ends, strengths, strict=True):
            if source != end:
                for pair in (source * count + end, end * count + source):
                    if strongest.get(pair, -1) < strength:
                        strongest[pair] = strength
        pairs = sorted(strongest)
        sizes = [0] * count
        for pair in pairs:
            sizes[pair // count] += 1
        return cls(
            ids,
            array("q", accumulate(sizes, initial=0)),
            array("i", [pair % count for pair in pairs]),
            array("b", [strongest[pair] for pair in pairs]),
        )

    @property
    def pair_count(self) -> int:
        """How many pairs of people know each other."""
        return len(self.indices) // 2

    def among(self, people: AbstractSet[str]) -> KnowsMatrix:
        """The same rows, each keeping only the people of ``people`` (in the same order):
        who each person knows among ``people``, found without reading anyone's whole row.
        The last answer for a frozenset is kept (and pickled with the matrix): the cache
        keeps it for the people every ranking asks about, your direct ties.

        >>> from warmreach.model import Link
        >>> written = [[Link(contact="b")], [Link(contact="c")], []]
        >>> mine = KnowsMatrix.build(["a", "b", "c"], written).among({"a", "c"})
        >>> dict(mine["b"]), dict(mine["a"]), dict(mine.sizes)
        ({'a': 0, 'c': 0}, {}, {'a': 0, 'b': 2, 'c': 0})
        """
        kept: tuple[AbstractSet[str], KnowsMatrix] | None = self.__dict__.get("_among")
        if kept is not None and kept[0] == people:
            return kept[1]
        index = self.index
        rows = [index[person] for person in people if person in index]
        indptr, indices, strengths = self.indptr, self.indices, self.strengths
        if isinstance(indices, array) and len(indices) <= 2 * PLAIN_MAX:
            chosen = set(rows)
            at = [place for place, column in enumerate(indices) if column in chosen]
            found = KnowsMatrix(
                self.ids,
                array("q", [bisect_left(at, start) for start in indptr]),
                array("i", [indices[place] for place in at]),
                array("b", [strengths[place] for place in at]),
            )
        else:  # NumPy's arrays, or a large matrix read back from the cache as plain ones
            import numpy as np

            indices = np.asarray(indices)
            chosen_rows = np.zeros(len(self.ids), dtype=bool)
            chosen_rows[rows] = True
            where = np.flatnonzero(chosen_rows[indices])  # the chosen, row after row
            kept_strengths = np.asarray(strengths)[where]
            found = KnowsMatrix(
                self.ids, np.searchsorted(where, indptr), indices[where], kept_strengths
            )
        found.__dict__["index"] = index  # the same people: their rows need no second index
        if isinstance(people, frozenset):
            self.__dict__["_among"] = (people, found)
        return found

    @cached_property
    def sizes(self) -> Mapping[str, int]:
        """How many people each person knows (looked up one by one)."""
        ends = self.indptr.tolist()
        return _Sizes(self.index, [end - start for start, end in pairwise(ends)])

    @cached_property
    def index(self) -> dict[str, int]:
        """The row of each person."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    @cached_property
    def _rows(self) -> dict[str, Mapping[str, int]]:
        """The rows read so far, as mappings (a search reads the same rows many times)."""
        return {}

    def __getitem__(self, person: str) -> Mapping[str, int]:
        """``{other: strength}`` for everyone ``person`` knows; shared, do not change it."""
        found = self._rows.get(person)
        return self._row(person) if found is None else found

    @overload
    def get(self, person: str, /) -> Mapping[str, int] | None: ...
    @overload
    def get(self, person: str, /, default: Mapping[str, int] | _T) -> Mapping[str, int] | _T: ...
    def get(self, person: str, /, default: object = None) -> object:
        """``self[person]``, or ``default`` for someone not in the matrix (without the
        mapping protocol's generic path: routes ask this hundreds of thousands of times)."""
        found = self._rows.get(person)
        if found is None:
            return self._row(person) if person in self.index else default
        return found

    def _row(self, person: str) -> dict[str, int]:
        row = self.index[person]
        start, end = self.indptr[row], self.indptr[row + 1]
        ids = self.ids
        found = self._rows[person] = {
            ids[other]: strength
            for other, strength in zip(
                self.indices[start:end].tolist(), self.strengths[start:end].tolist(), strict=True
            )
        }
        return found

    def __contains__(self, person: object) -> bool:
        return person in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    # Pickled (the cache), the arrays are the standard library's whatever built them, so
    # that reading a matrix back never imports NumPy (about 0.1 s); with the last answer of
    # :meth:`among`.
    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = {
            "ids": self.ids,
            "indptr": _plain("q", self.indptr),
            "indices": _plain("i", self.indices),
            "strengths": _plain("b", self.strengths),
        }
        if "_among" in self.__dict__:
            state["_among"] = self.__dict__["_among"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


#: each array's NumPy type, by the standard library's type code
_NUMPY_TYPES: Final = {"q": "int64", "i": "int32", "b": "int8"}


def _plain(code: str, values: _Ints) -> array[int]:
    """``values`` as the standard library's array of type ``code`` (copied from NumPy's
    bytes, not number by number)."""
    if isinstance(values, array):
        return values
    found = array(code)
    found.frombytes(values.astype(_NUMPY_TYPES[code], copy=False).tobytes())
    return found


def _listed(values: Any) -> list[int]:
    """Numbers given as a list, a tuple or an array, as a list of ints."""
    listed = values.tolist() if hasattr(values, "tolist") else list(values)
    return [int(value) for value in listed]


class _Sizes(Mapping[str, int]):
    """A number for each row of a matrix, by person."""

    def __init__(self, index: Mapping[str, int], sizes: list[int]) -> None:
        self._index = index
        self._sizes = sizes

    def __getitem__(self, person: str) -> int:
        return self._sizes[self._index[person]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
