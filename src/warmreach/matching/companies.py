"""Company names: normalising them, their ids, and linking free text to known companies.

A contact's ``company`` is free text. :class:`CompanyMatcher` ties it to a known
company by exact normalised name first (case, accents, punctuation, ``&``, legal forms
aside), then by a unique prefix up to generic words, then by a strict fuzzy score.

>>> normalize_company("Voltgrid, Inc."), normalize_company("Northvolt AB")
('voltgrid', 'northvolt')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

from warmreach.text import fold_accents, slugify

#: legal-form words ignored at the end of company names (after dots are removed)
LEGAL_SUFFIXES: Final = frozenset(
    """
    ab ag aps as asa bhd bv co corp corporation gmbh inc incorporated kg kk limited llc llp
    lp ltd nv oy oyj plc pte pty sa sarl sas se sl spa srl ug
    """.split()
)

#: fuzzy score (0..100, :func:`rapidfuzz.fuzz.ratio` on normalised names) at or above
#: which two company names are taken to be the same company. Strict on purpose:
#: ``Meta``/``Metro`` (67) and ``ING``/``Inge`` (86) stay apart, ``Nortvolt``/``Northvolt``
#: (94) are joined.
COMPANY_MATCH_CUTOFF: Final = 90.0

_PUNCTUATION: Final = re.compile(r"[^\w\s]+")
_DOMAIN: Final = re.compile(r"\.(com|net|org|io|ai|co)\b")
_SPACES: Final = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize_company(name: str) -> str:
    """Lower-case a company name, drop accents, punctuation, a web domain ending and
    trailing legal forms; ``&`` is ``and``.

    >>> normalize_company("  Société Générale S.A. "), normalize_company("Amazon.com, Inc.")
    ('societe generale', 'amazon')
    >>> normalize_company("Harbor & Finch"), normalize_company("Smith & Co.")
    ('harbor and finch', 'smith')
    >>> normalize_company("AB")
    'ab'
    """
    text = fold_accents(_DOMAIN.sub(" ", name.casefold()).replace("&", " and ").replace(".", ""))
    words = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).split()
    while len(words) > 1 and (words[-1] in LEGAL_SUFFIXES or words[-1] == "and"):
        words.pop()
    return " ".join(words)


def company_id(name: str) -> str:
    """The id of a company: the slug of its name without legal forms.

    >>> company_id("Voltgrid AB"), company_id("Kelp Labs, Inc.")
    ('voltgrid', 'kelp-labs')
    """
    return slugify(normalize_company(name)) or slugify(name)


#: descriptive words that may follow a company's name: "Nordport" means "Nordport
#: Logistics" when no other listed company starts with "Nordport"
GENERIC_COMPANY_WORDS: Final = frozenset(
    """
    ai analytics bank banking bio capital carbon cloud companies company consulting data digital
    energy foods games global group health holding holdings industries international lab labs
    line lines logistics marine media motors network networks partners pharma platforms power
    robotics search service services shipping software solar solutions studio studios systems
    tech technologies technology therapeutics ventures wind
    """.split()
)


def _core(words: Sequence[str]) -> tuple[str, ...]:
    core = list(words)
    while len(core) > 1 and core[-1] in GENERIC_COMPANY_WORDS:
        core.pop()
    return tuple(core)


class CompanyMatcher:
    """Links free-text company names to company ids; grows as companies are added.

    A name matches, in order: a company's name or alias after normalisation
    (:func:`normalize_company`); the one company whose name it starts, or that starts
    it, up to generic words ("Nordport" and "Nordport Logistics Group" for "Nordport
    Logistics"); a strict fuzzy match (:data:`COMPANY_MATCH_CUTOFF`).

    >>> matcher = CompanyMatcher()
    >>> matcher.add("Northvolt", "northvolt")
    >>> matcher.add("Nordport Logistics", "nordport")
    >>> matcher.match("NORTHVOLT ab"), matcher.match("Nortvolt"), matcher.match("Metro")
    ('northvolt', 'northvolt', None)
    >>> matcher.match_many(["Nordport", "Northvolt Systems", "Nordport Marine"])
    ['nordport', 'northvolt', None]
    """

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._keys: list[str] = []
        self._cores: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self._seen: dict[str, str | None] = {}

    def add(self, name: str, company: str) -> None:
        """Make ``name`` (a company's name or alias) lead to the company id ``company``."""
        key = normalize_company(name)
        if key and key not in self._ids:
            self._ids[key] = company
            self._keys.append(key)
            words = tuple(key.split())
            self._cores.setdefault(_core(words), []).append(words)
        self._seen.clear()

    def match(self, name: str) -> str | None:
        """The id of the company ``name`` means, or None when no company is close enough."""
        return self.match_many([name])[0]

    def match_many(self, names: Sequence[str]) -> list[str | None]:
        """Match many names at once: each distinct name once, exact and prefix matches
        by lookup, the rest in whole-column fuzzy passes blocked by length."""
        keys = [normalize_company(name) for name in names]
        for key in dict.fromkeys(keys):
            if key not in self._seen:
                self._seen[key] = self._ids.get(key) or self._by_prefix(key)
        fuzzy = [key for key in dict.fromkeys(keys) if key and self._seen[key] is None]
        for key, column in zip(fuzzy, self._fuzzy(fuzzy), strict=True):
            self._seen[key] = None if column is None else self._ids[self._keys[column]]
        return [self._seen[key] for key in keys]

    def _by_prefix(self, key: str) -> str | None:
        words = tuple(key.split())
        found = {
            self._ids[" ".join(other)]
            for other in self._cores.get(_core(words), ())
            if other[: len(words)] == words or words[: len(other)] == other
        }
        return found.pop() if len(found) == 1 else None

    def _fuzzy(self, queries: Sequence[str]) -> list[int | None]:
        """The best key (index) for each query with ``fuzz.ratio`` at or above the cutoff.

        Two strings can score 90 only if their lengths are within a ratio of 0.9/1.1,
        so queries are grouped by length and compared to the keys of that band only.
        """
        best: list[int | None] = [None] * len(queries)
        if not queries or not self._keys:
            return best
        low, high = (
            COMPANY_MATCH_CUTOFF / (200 - COMPANY_MATCH_CUTOFF),
            (200 - COMPANY_MATCH_CUTOFF) / COMPANY_MATCH_CUTOFF,
        )
        by_length: dict[int, list[int]] = {}
        for index, query in enumerate(queries):
            by_length.setdefault(len(query), []).append(index)
        for length, rows in by_length.items():
            columns = [
                column
                for column, key in enumerate(self._keys)
                if length * low <= len(key) <= length * high
            ]
            if not columns:
                continue
            scores = process.cdist(
                [queries[row] for row in rows],
                [self._keys[column] for column in columns],
                scorer=fuzz.ratio,
                score_cutoff=COMPANY_MATCH_CUTOFF,
                workers=-1,
            )
            for row, scored in zip(rows, scores, strict=True):
                column = int(scored.argmax())
                if scored[column] >= COMPANY_MATCH_CUTOFF:
                    best[row] = columns[column]
        return best
