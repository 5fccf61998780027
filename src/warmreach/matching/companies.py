"""Company names: normalising them, their ids, and linking free text to known companies.

A contact's ``company`` is free text. :class:`CompanyMatcher` ties it to a known
company only when that is no guess: the same name once normalised (case, accents,
punctuation, ``&``/``and``, legal forms in many languages), an alias, the same letters
spaced differently, a shorter form of exactly one company's name, or one typing slip
(see :func:`one_slip`). Anything else stays a company of its own, and
:func:`near_duplicates` lists the pairs that may be one company, for
:func:`warmreach.validation.validate` to suggest an alias.

>>> normalize_company("Voltgrid, Inc."), normalize_company("Northvolt AB")
('voltgrid', 'northvolt')
>>> normalize_company("Ørsted A/S"), normalize_company("McKinsey & Company")
('orsted', 'mckinsey')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, Indel

from warmreach.text import fold_accents, slugify

#: legal forms ignored at the end of company names (after dots are removed), from the
#: registers of many countries: Inc. and LLC, Ltd and PLC, GmbH and KG, AB, AS and Oy,
#: S.A., S.L., S.p.A. and S.r.l., N.V. and B.V., K.K., Pte and Pty, s.r.o. and Sp. z o.o.
LEGAL_SUFFIXES: Final = frozenset(
    """
    ab ag aps as asa bhd bv cia cie co company corp corporation cv doo ehf gmbh inc
    incorporated kft kg kk lda limited llc llp lp ltd ltda mbh nv oao ohg ooo oy oyj plc
    pjsc pt pte publ pty sa saa sab sae sal sarl sas sau se sl spa sprl sro srl ug ulc zrt
    """.split()
)
#: legal forms written as several words (after dots are removed)
LEGAL_PHRASES: Final = (
    ("sp", "z", "oo"),
    ("sp", "z", "o", "o"),
    ("s", "de", "rl"),
    ("s", "a"),
    ("a", "s"),
)
#: letters that are not accented forms of a Latin letter but are written as one
TRANSLITERATION: Final = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "\u0131": "i",  # dotless i
    }
)

_PUNCTUATION: Final = re.compile(r"[^\w\s]+")
_DOMAIN: Final = re.compile(r"\.(com|net|org|io|ai|co|de|se|fr|uk|eu)\b")
_SPACES: Final = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize_company(name: str) -> str:
    """Lower-case a company name, drop accents, punctuation, a web domain ending, a
    leading ``the`` and trailing legal forms; ``&`` is ``and``.

    >>> normalize_company("  Société Générale S.A. "), normalize_company("Amazon.com, Inc.")
    ('societe generale', 'amazon')
    >>> normalize_company("Harbor & Finch"), normalize_company("Smith & Co.")
    ('harbor and finch', 'smith')
    >>> normalize_company("The Walt Disney Company"), normalize_company("AB")
    ('walt disney', 'ab')
    """
    text = name.casefold().translate(TRANSLITERATION)
    text = fold_accents(_DOMAIN.sub(" ", text).replace("&", " and ").replace(".", ""))
    words = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1:
        phrase = next((p for p in LEGAL_PHRASES if tuple(words[-len(p) :]) == p), None)
        if phrase is not None and len(words) > len(phrase):
            del words[-len(phrase) :]
        elif words[-1] in LEGAL_SUFFIXES or words[-1] in ("and", "et", "y"):
            words.pop()
        else:
            break
    return " ".join(words)


def company_id(name: str) -> str:
    """The id of a company: the slug of its name without legal forms.

    >>> company_id("Voltgrid AB"), company_id("Kelp Labs, Inc.")
    ('voltgrid', 'kelp-labs')
    """
    return slugify(normalize_company(name)) or slugify(name)


#: words about a company's organisation, not its business: "Acme Group" is Acme
ORGANISATION_WORDS: Final = frozenset(
    "companies enterprises global group holding holdings international intl worldwide".split()
)
#: words about a company's business that may follow its name: "Nordport" is "Nordport
#: Logistics" when no other company's name starts so. Never the other way: "Siemens
#: Energy" is not Siemens
BUSINESS_WORDS: Final = frozenset(
    """
    ai analytics bank banking bio capital carbon cloud computing consulting data digital energy
    foods games health industries lab labs line lines logistics marine media motors
    network networks partners pharma platforms power robotics search service services
    shipping software solar solutions studio studios systems tech technologies technology
    therapeutics ventures wind
    """.split()
)
#: the shortest word a typing slip may be read in: shorter words are one letter from
#: too many other words and names ("Revolt"/"Revolut", "Bahn"/"Bank", "ING"/"Inge")
MIN_SLIP_WORD: Final = 7


def one_slip(written: str, known: str) -> bool:
    """Whether the word ``written`` is ``known`` with one typing slip: a letter left out
    or doubled, two neighbours swapped, or a plural ``s``; never a letter replaced by
    another, never at the first or last letter, never in a word under MIN_SLIP_WORD
    letters (a replaced letter, another first letter or a short word makes another
    name: "Shopping"/"Shipping", "Arbor"/"Harbor", "Pulsewize"/"Pulsewise", "Revolt").

    >>> one_slip("nortvolt", "northvolt"), one_slip("microsfot", "microsoft")
    (True, True)
    >>> one_slip("lab", "labs"), one_slip("carbn", "carbon")
    (True, False)
    >>> one_slip("shopping", "shipping"), one_slip("arbor", "harbor")
    (False, False)
    >>> one_slip("alphabeta", "alphabet"), one_slip("bahn", "bank")
    (False, False)
    """
    if written == known:
        return True
    if written + "s" == known or known + "s" == written:
        return min(len(written), len(known)) >= 3
    if min(len(written), len(known)) < MIN_SLIP_WORD:
        return False
    if written[0] != known[0] or written[-1] != known[-1]:
        return False
    if Indel.distance(written, known) == 1:
        return True  # a letter left out or added
    return (
        len(written) == len(known)
        and DamerauLevenshtein.distance(written, known) == 1
        and sorted(written) == sorted(known)  # two letters swapped, none replaced
    )


def _digits(words: Sequence[str]) -> list[str]:
    return [word for word in words if any(char.isdigit() for char in word)]


def slip_apart(written: Sequence[str], known: Sequence[str]) -> bool:
    """Whether two names (as words) are one company's name with one typing slip in one
    word (:func:`one_slip`), every other word and every number the same."""
    if len(written) != len(known) or _digits(written) != _digits(known):
        return False
    differing = [(a, b) for a, b in zip(written, known, strict=True) if a != b]
    return len(differing) == 1 and one_slip(*differing[0])


Link = Literal["exact", "spacing", "organisation", "short name", "spelling"]


@dataclass(frozen=True)
class _Found:
    company: str | None
    link: Link | None


class CompanyMatcher:
    """Links free-text company names to company ids; grows as companies are added.

    A name matches, in order: a company's name or alias after normalisation
    (:func:`normalize_company`); the same letters spaced otherwise ("Sun Forge"); the
    same name but for words about the organisation ("Acme Group"); the one company whose
    name it starts, the rest being words about the business ("Nordport" for "Nordport
    Logistics"); the one company it differs from by a typing slip (:func:`slip_apart`).
    Two candidates are no match. :meth:`link` says how a name was linked.

    >>> matcher = CompanyMatcher()
    >>> matcher.add("Northvolt", "northvolt")
    >>> matcher.add("Nordport Logistics", "nordport")
    >>> matcher.match("NORTHVOLT ab"), matcher.match("Nortvolt"), matcher.match("Metro")
    ('northvolt', 'northvolt', None)
    >>> matcher.match_many(["Nordport", "Northvolt Systems", "Nordport Marine"])
    ['nordport', None, None]
    >>> matcher.link("Nortvolt"), matcher.link("Nordport")
    ('spelling', 'short name')
    """

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._keys: list[str] = []
        self._compact: dict[str, set[str]] = {}
        self._organised: dict[str, set[str]] = {}
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._seen: dict[str, _Found] = {}

    def add(self, name: str, company: str) -> None:
        """Make ``name`` (a company's name or alias) lead to the company id ``company``."""
        key = normalize_company(name)
        if key and key not in self._ids:
            self._ids[key] = company
            self._keys.append(key)
            words = tuple(key.split())
            self._compact.setdefault(key.replace(" ", ""), set()).add(company)
            self._organised.setdefault(_without_organisation(words), set()).add(company)
            self._by_first.setdefault(words[0], []).append(words)
        self._seen.clear()

    def match(self, name: str) -> str | None:
        """The id of the company ``name`` means, or None when none is sure."""
        return self.match_many([name])[0]

    def link(self, name: str) -> Link | None:
        """How ``name`` was linked to its company (None: it was not)."""
        key = normalize_company(name)
        if key not in self._seen:
            self.match_many([name])
        return self._seen[key].link

    def match_many(self, names: Sequence[str]) -> list[str | None]:
        """Match many names at once: each distinct name once, exact and near-exact
        matches by lookup, the rest against candidates a whole-column fuzzy pass finds
        (blocked by length), each checked by the slip rule."""
        keys = [normalize_company(name) for name in names]
        for key in dict.fromkeys(keys):
            if key not in self._seen:
                self._seen[key] = self._lookup(key)
        unsure = [key for key in dict.fromkeys(keys) if key and self._seen[key].company is None]
        for key, found in zip(unsure, self._slips(unsure), strict=True):
            if found is not None:
                self._seen[key] = _Found(found, "spelling")
        return [self._seen[key].company for key in keys]

    def _lookup(self, key: str) -> _Found:
        if not key:
            return _Found(None, None)
        if key in self._ids:
            return _Found(self._ids[key], "exact")
        words = tuple(key.split())
        for found, link in (
            (self._compact.get(key.replace(" ", ""), set()), "spacing"),
            (self._organised.get(_without_organisation(words), set()), "organisation"),
            (self._short_name(words), "short name"),
        ):
            if len(found) == 1:
                return _Found(next(iter(found)), link)  # type: ignore[arg-type]
            if found:
                return _Found(None, None)  # two companies: no guess
        return _Found(None, None)

    def _short_name(self, words: tuple[str, ...]) -> set[str]:
        """The companies whose name starts with ``words``, the rest about their business."""
        return {
            self._ids[" ".join(other)]
            for other in self._by_first.get(words[0], ())
            if len(other) > len(words)
            and other[: len(words)] == words
            and all(word in BUSINESS_WORDS | ORGANISATION_WORDS for word in other[len(words) :])
        }

    def _slips(self, queries: Sequence[str]) -> list[str | None]:
        """For each query, the one company it is a typing slip from, if there is one."""
        found: list[str | None] = [None] * len(queries)
        if not queries or not self._keys:
            return found
        cutoff = 80.0  # candidates only: the slip rule decides
        low, high = cutoff / (200 - cutoff), (200 - cutoff) / cutoff
        by_length: dict[int, list[int]] = {}
        for index, query in enumerate(queries):
            by_length.setdefault(len(query), []).append(index)
        for length, rows in by_length.items():
            columns = [
                c for c, key in enumerate(self._keys) if length * low <= len(key) <= length * high
            ]
            if not columns:
                continue
            scores = process.cdist(
                [queries[row] for row in rows],
                [self._keys[column] for column in columns],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype="uint8",
                workers=-1,
            )
            for row, scored in zip(rows, scores, strict=True):
                words = queries[row].split()
                near = {
                    self._ids[self._keys[columns[column]]]
                    for column in scored.nonzero()[0].tolist()
                    if slip_apart(words, self._keys[columns[column]].split())
                }
                if len(near) == 1:
                    found[row] = near.pop()
        return found


def _without_organisation(words: Sequence[str]) -> str:
    kept = [word for word in words if word not in ORGANISATION_WORDS]
    return " ".join(kept or words)


def acronym_of(short: str, words: Sequence[str]) -> bool:
    """Whether ``short`` may be the acronym of ``words``: its letters, in order, start
    every word, and may also come from inside a word ("NBB" for "Northbridge Bank").

    >>> acronym_of("nbb", ["northbridge", "bank"]), acronym_of("ibm", ["ikea"])
    (True, False)
    """

    def fits(letter: int, word: int, at: int) -> bool:
        if word == len(words):
            return letter == len(short)
        text = words[word]
        if at == 0:
            return letter < len(short) and short[letter] == text[0] and fits(letter + 1, word, 1)
        if fits(letter, word + 1, 0):
            return True
        if letter < len(short):
            found = text.find(short[letter], at)
            while found >= 0:
                if fits(letter + 1, word, found + 1):
                    return True
                found = text.find(short[letter], found + 1)
        return False

    return 2 <= len(short) <= 5 and len(words) >= 2 and fits(0, 0, 0)


#: names compared with each other for near duplicates: this many neighbours, in the
#: order of their normalised names within a block of one first letter
NEAR_WINDOW: Final = 50


#: why two company names may be one company: one is the other with more words, one or two
#: letters apart, or one is an acronym of the other
NearReason = Literal["more-words", "letters-apart", "acronym"]


class NearDuplicate(NamedTuple):
    """Two company names (by index, earlier first) that may be one company."""

    first: int
    second: int
    why: NearReason
    #: for an acronym, the index of the name that is one
    acronym: int | None = None


def near_duplicates(names: Sequence[str]) -> list[NearDuplicate]:
    """Pairs of company names (by index, earlier first) that may be one company though
    they were kept apart, with why: one is the other with more words ("Fernway" and
    "Fernway Travel"), an acronym written in capitals ("NBB" and "Northbridge Bank"), or
    one or two letters apart in one word of six letters or more. Compared within blocks
    of one first letter, each name with its NEAR_WINDOW neighbours in alphabetical order
    (acronyms with the whole block), so the work grows with the number of names.

    >>> found = near_duplicates(["Fernway", "Fernway Travel", "NBB", "Northbridge Bank", "Acme"])
    >>> [tuple(pair) for pair in found]
    [(0, 1, 'more-words', None), (2, 3, 'acronym', 2)]
    """
    keys = [tuple(normalize_company(name).split()) for name in names]
    blocks: dict[str, list[int]] = {}
    for index, words in enumerate(keys):
        if words:
            blocks.setdefault(words[0][0], []).append(index)
    found: dict[tuple[int, int], tuple[NearReason, int | None]] = {}

    def note(one: int, other: int, reason: NearReason, acronym: int | None = None) -> None:
        if keys[one] != keys[other]:
            found.setdefault((min(one, other), max(one, other)), (reason, acronym))

    for members in blocks.values():
        ordered = sorted(members, key=lambda index: (keys[index], index))
        for position, first in enumerate(ordered):
            for second in ordered[position + 1 : position + 1 + NEAR_WINDOW]:
                one, other = keys[first], keys[second]
                shorter, longer = sorted((one, other), key=len)
                if len(shorter) < len(longer) and longer[: len(shorter)] == shorter:
                    note(first, second, "more-words")
                elif len(one) == len(other) and _two_slips(one, other):
                    note(first, second, "letters-apart")
        capitals = [i for i in members if names[i].strip().isupper() and len(keys[i]) == 1]
        for acronym in capitals:
            for candidate in members:
                if candidate != acronym and acronym_of(keys[acronym][0], keys[candidate]):
                    note(acronym, candidate, "acronym", acronym)
    return [
        NearDuplicate(first, second, why, acronym)
        for (first, second), (why, acronym) in sorted(found.items())
    ]


def _two_slips(one: Sequence[str], other: Sequence[str]) -> bool:
    if _digits(one) != _digits(other):
        return False
    differing = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    return min(len(a), len(b)) >= 6 and a[0] == b[0] and DamerauLevenshtein.distance(a, b) <= 2


__all__ = [
    "BUSINESS_WORDS",
    "LEGAL_SUFFIXES",
    "ORGANISATION_WORDS",
    "CompanyMatcher",
    "Link",
    "NearDuplicate",
    "NearReason",
    "acronym_of",
    "company_id",
    "near_duplicates",
    "normalize_company",
    "one_slip",
    "slip_apart",
]
