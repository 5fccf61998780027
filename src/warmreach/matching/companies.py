"""Linking free-text company names to the companies of a network.

A contact's ``company`` is free text. :class:`CompanyMatcher` ties it to a known
company only when that is no guess: the same name once normalised
(:func:`~warmreach.matching.normal.normalize_company`), an alias, another name of the
same well-known company (:mod:`~warmreach.matching.known`), the same letters spaced
differently, the name with a generic word added ("Voltgrid Technologies") or a word
about its business left out ("Nordport"), or one typing slip (see :func:`one_slip`).
Anything else stays a company of its own, and :func:`near_duplicates` lists the pairs
that may be one company, for :func:`warmreach.validation.validate` to suggest an alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from rapidfuzz.distance import DamerauLevenshtein, Indel

from warmreach.matching.known import known_names
from warmreach.matching.normal import LEGAL_SUFFIXES, company_id, normalize_company
from warmreach.matching.words import distinctive

#: words about a company's organisation, not its business: "Acme Group" is Acme
ORGANISATION_WORDS: Final = frozenset(
    "companies enterprises global group holding holdings international intl worldwide".split()
)
#: words a company's legal or long name adds to the name it is known by: "Klarna Bank" and
#: "Voltgrid Technologies" are Klarna and Voltgrid, when the name before them is
#: distinctive (:func:`~warmreach.matching.words.distinctive`: "Apple Bank" is not Apple)
GENERIC_WORDS: Final = frozenset(
    "bank group holding holdings lab labs platform platforms technologies technology".split()
)
#: words about a company's business that may follow its name: "Nordport" is "Nordport
#: Logistics" when no other company's name starts so. Never the other way: "Siemens
#: Energy" is not Siemens
BUSINESS_WORDS: Final = frozenset(
    """
    ai analytics bank banking bio bioscience biosciences biotech capital carbon cloud computing
    consulting data digital energy
    foods games health industries lab labs line lines logistics marine media motors
    network networks partners pharma platforms power robotics search service services
    shipping software solar solutions studio studios systems tech technologies technology
    therapeutics ventures wind
    """.split()
)
_HAS_DIGIT: Final = re.compile(r"\d")
#: the longest word a typing slip is looked for in (longer ones are not names people type:
#: their variants would cost the square of their length)
LONGEST_WORD: Final = 40
#: the shortest word a typing slip may be read in: shorter words are one letter from
#: too many other words and names ("Revolt"/"Revolut", "Bahn"/"Bank", "ING"/"Inge")
MIN_SLIP_WORD: Final = 7


def one_slip(written: str, known: str, *, shortest: int = MIN_SLIP_WORD) -> bool:
    """Whether the word ``written`` is ``known`` with one typing slip: a letter left out
    or added, or two neighbours swapped; never a letter replaced by another, never at
    the first or last letter, never in a word under ``shortest`` letters (a replaced
    letter, another first letter or a short word makes another name:
    "Shopping"/"Shipping", "Arbor"/"Harbor", "Pulsewize"/"Pulsewise", "Revolt").

    >>> one_slip("nortvolt", "northvolt"), one_slip("microsfot", "microsoft")
    (True, True)
    >>> one_slip("carbn", "carbon"), one_slip("sytems", "systems", shortest=4)
    (False, True)
    >>> one_slip("shopping", "shipping"), one_slip("arbor", "harbor")
    (False, False)
    >>> one_slip("alphabeta", "alphabet"), one_slip("bahn", "bank")
    (False, False)
    >>> one_slip("zalanndo", "zalando"), one_slip("standford", "stanford")
    (True, True)
    """
    if written == known:
        return True
    if min(len(written), len(known)) < shortest:
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


def _one_word_apart(one: Sequence[str], other: Sequence[str]) -> tuple[int, str, str] | None:
    """The one word two names of as many words differ in, with its place, when it holds
    no digit (every number the same); else None."""
    if len(one) != len(other):
        return None
    differing = [
        (index, a, b) for index, (a, b) in enumerate(zip(one, other, strict=True)) if a != b
    ]
    if len(differing) != 1:
        return None
    _, a, b = differing[0]
    return None if _HAS_DIGIT.search(a) or _HAS_DIGIT.search(b) else differing[0]


def slip_apart(written: Sequence[str], known: Sequence[str]) -> bool:
    """Whether two names (as words) are one company's name with one typing slip in one
    word (:func:`one_slip`), every other word and every number the same. In a word after
    the first that says what the company does, a plural ``s`` is a slip too, and so is a
    slip in a word of four letters or more ("Kelp Lab", "Cobalt Sytems"); never in the
    first word: "Stripes" is not Stripe, nor "Canvas" Canva.

    >>> slip_apart(["kelp", "lab"], ["kelp", "labs"]), slip_apart(["stripes"], ["stripe"])
    (True, False)
    """
    apart = _one_word_apart(written, known)
    if apart is None:
        return False
    index, a, b = apart
    if index > 0 and (a in BUSINESS_WORDS or b in BUSINESS_WORDS):
        plural = (a + "s" == b or b + "s" == a) and min(len(a), len(b)) >= 3
        return plural or one_slip(a, b, shortest=4)
    return one_slip(a, b)


Link = Literal[
    "exact", "known name", "spacing", "organisation", "generic word", "short name", "spelling"
]


@dataclass(frozen=True)
class _Found:
    company: str | None
    link: Link | None


class CompanyMatcher:
    """Links free-text company names to company ids; grows as companies are added.

    A name matches, in order: a company's name or alias after normalisation
    (:func:`normalize_company`); another name of the same well-known company
    (:func:`~warmreach.matching.known.known_names`: "Facebook" is Meta), and a name of the
    list never matches any other way; the same letters spaced otherwise ("Sun Forge");
    the same name but for words about the organisation ("Acme Group") or generic words
    after a distinctive name ("Voltgrid Technologies", :data:`GENERIC_WORDS`); the one
    company whose name it starts, the rest being words about the business ("Nordport" for
    "Nordport Logistics"); the one company it differs from by a typing slip
    (:func:`slip_apart`). Two candidates are no match. :meth:`link` says how a name was
    linked.

    >>> matcher = CompanyMatcher()
    >>> matcher.add("Northvolt", "northvolt")
    >>> matcher.add("Nordport Logistics", "nordport")
    >>> matcher.match("NORTHVOLT ab"), matcher.match("Nortvolt"), matcher.match("Metro")
    ('northvolt', 'northvolt', None)
    >>> matcher.match_many(["Nordport", "Northvolt Systems", "Nordport Marine"])
    ['nordport', None, None]
    >>> matcher.link("Nortvolt"), matcher.link("Nordport")
    ('spelling', 'short name')
    >>> matcher.add("Meta", "meta")
    >>> matcher.match_many(["Meta Platforms, Inc.", "Facebook", "Metro", "Northvolt Labs"])
    ['meta', 'meta', None, 'northvolt']
    """

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._compact: dict[str, set[str]] = {}
        self._organised: dict[str, set[str]] = {}
        #: the companies whose names start with each run of words, the rest about business
        self._short: dict[tuple[str, ...], set[str]] = {}
        #: each name under itself and under every one-letter deletion of one of its words,
        #: marked with the word's place: two names a slip apart share one of these (made
        #: when a slip is first looked for: an exact name, most lookups, needs none)
        self._variants: dict[str, set[str]] = {}
        #: the names added since the variants were last made
        self._unvaried: list[tuple[str, ...]] = []
        #: each name looked up, with the number of names added when it was
        self._seen: dict[str, tuple[int, _Found]] = {}
        self._known = known_names()
        #: the company of each well-known company (by its key) among those added
        self._by_known: dict[str, str] = {}

    def add(self, name: str, company: str) -> None:
        """Make ``name`` (a company's name or alias) lead to the company id ``company``."""
        key = normalize_company(name)
        if key and key not in self._ids:
            self._ids[key] = company
            words = tuple(key.split())
            self._compact.setdefault(key.replace(" ", ""), set()).add(company)
            self._organised.setdefault(_without_organisation(words), set()).add(company)
            end = len(words)
            while end > 1 and words[end - 1] in BUSINESS_WORDS | ORGANISATION_WORDS:
                end -= 1
                self._short.setdefault(words[:end], set()).add(key)
            self._unvaried.append(words)
            if key in self._known:  # the company under the list's first name wins
                group = self._known[key]
                if key == group:
                    self._by_known[group] = company
                else:
                    self._by_known.setdefault(group, company)

    def named(self, name: str) -> str | None:
        """The company whose name or alias, normalised, is ``name`` normalised; no rule.

        >>> matcher = CompanyMatcher()
        >>> matcher.add("Northvolt", "northvolt")
        >>> matcher.named("NORTHVOLT AB"), matcher.named("Nortvolt")
        ('northvolt', None)
        """
        return self._ids.get(normalize_company(name))

    def match(self, name: str) -> str | None:
        """The id of the company ``name`` means, or None when none is sure."""
        return self.match_many([name])[0]

    def link(self, name: str) -> Link | None:
        """How ``name`` was linked to its company (None: it was not)."""
        key = normalize_company(name)
        self.match_many([name])
        return self._seen[key][1].link

    def match_many(self, names: Sequence[str]) -> list[str | None]:
        """Match many names at once: each distinct name once (again only when companies
        were added since), by lookups whose work grows with the name, not the companies."""
        keys = [normalize_company(name) for name in names]
        added = len(self._ids)
        for key in dict.fromkeys(keys):
            seen = self._seen.get(key)
            if seen is None or seen[0] != added:
                found = self._lookup(key)
                if found.company is None and key:
                    slip = self._slip(key)
                    found = _Found(slip, "spelling") if slip is not None else found
                self._seen[key] = (added, found)
        return [self._seen[key][1].company for key in keys]

    def _lookup(self, key: str) -> _Found:
        if not key:
            return _Found(None, None)
        if key in self._ids:
            return _Found(self._ids[key], "exact")
        if key in self._known and self._known[key] in self._by_known:
            return _Found(self._by_known[self._known[key]], "known name")
        words = tuple(key.split())
        for found, link in (
            (self._compact.get(key.replace(" ", ""), set()), "spacing"),
            (self._organisation(words), "organisation"),
            (self._generic(words), "generic word"),
            (self._short_name(words), "short name"),
        ):
            found = self._not_known(key, found)
            if len(found) == 1:
                return _Found(next(iter(found)), link)  # type: ignore[arg-type]
            if found:
                return _Found(None, None)  # two companies: no guess
        return _Found(None, None)

    def _not_known(self, key: str, companies: set[str]) -> set[str]:
        """``companies`` a name may be taken for by a rule: when the name is a well-known
        company's, never another well-known company (Spotify is not Shopify)."""
        if key not in self._known or not companies:
            return companies
        return companies - set(self._by_known.values())

    def _organisation(self, words: tuple[str, ...]) -> set[str]:
        """The companies whose name is ``words`` but for words about the organisation;
        when ``words`` add such words, only if the rest is distinctive ("Harbour Group"
        may be any group named Harbour)."""
        core = _without_organisation(words)
        if core != " ".join(words) and not distinctive(core.split()):
            return set()
        return self._organised.get(core, set())

    def _generic(self, words: tuple[str, ...]) -> set[str]:
        """The company named by ``words`` without generic words at their end, when the
        name left is distinctive: "Klarna Bank" is Klarna, "Apple Bank" is not Apple."""
        end = len(words)
        while end > 1 and words[end - 1] in GENERIC_WORDS:
            end -= 1
        if end == len(words) or not distinctive(words[:end]):
            return set()
        core = " ".join(words[:end])
        return {self._ids[core]} if core in self._ids else set()

    def _short_name(self, words: tuple[str, ...]) -> set[str]:
        """The companies whose name starts with ``words``, the rest about their business."""
        return {self._ids[key] for key in self._short.get(words, ())}

    def _slip(self, key: str) -> str | None:
        """The one company ``key`` is a typing slip from (:func:`slip_apart`), if there is
        one: the names sharing one of its variants, each checked."""
        for added in self._unvaried:
            name = " ".join(added)
            for variant in _variants(added):
                self._variants.setdefault(variant, set()).add(name)
        self._unvaried.clear()
        words = tuple(key.split())
        near = {other for variant in _variants(words) for other in self._variants.get(variant, ())}
        found = self._not_known(key, {self._ids[o] for o in near if slip_apart(words, o.split())})
        return found.pop() if len(found) == 1 else None


def _variants(words: Sequence[str]) -> Iterator[str]:
    """A name under each of its words' places, whole and with one letter of that word left
    out: two names one slip apart in one word share one of these.

    >>> [variant.replace("\\x00", "|") for variant in _variants(["kelp", "lab"])][:3]
    ['0| kelp lab', '0| elp lab', '0| klp lab']
    >>> set(_variants(["kelp", "lab"])) & set(_variants(["kelp", "labs"])) != set()
    True
    """
    for place, word in enumerate(words):
        before, after = " ".join(words[:place]), " ".join(words[place + 1 :])
        yield f"{place}\x00{before} {word} {after}"
        if 3 <= len(word) <= LONGEST_WORD and not _HAS_DIGIT.search(word):  # no number slips
            for index in range(len(word)):
                yield f"{place}\x00{before} {word[:index]}{word[index + 1 :]} {after}"


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


#: the most near duplicates listed for one name (a name that starts thousands of others is
#: one warning's worth, not thousands)
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
    one or two letters apart in one word of six letters or more. Each kind is found through
    an index (the names by their first words, by their words with up to two letters left
    out, by their initials), so the work grows with the names and what is found, never with
    their square; at most NEAR_WINDOW pairs are listed for one name. Two well-known
    companies are never listed: "Spotify" and "Shopify" are two.

    >>> found = near_duplicates(["Fernway", "Fernway Travel", "NBB", "Northbridge Bank", "Acme"])
    >>> [tuple(pair) for pair in found]
    [(0, 1, 'more-words', None), (2, 3, 'acronym', 2)]
    >>> [tuple(pair) for pair in near_duplicates(["Volkswagon", "Volkswagen", "Employer 15"])]
    [(0, 1, 'letters-apart', None)]
    """
    keys = [tuple(normalize_company(name).split()) for name in names]
    known = known_names()
    found: dict[tuple[int, int], tuple[NearReason, int | None]] = {}

    def note(one: int, other: int, reason: NearReason, acronym: int | None = None) -> None:
        if " ".join(keys[one]) in known and " ".join(keys[other]) in known:
            return
        if keys[one] != keys[other]:
            found.setdefault((min(one, other), max(one, other)), (reason, acronym))

    starting: dict[tuple[str, ...], list[int]] = {}  # names by each run of first words
    spelled: dict[str, list[int]] = {}  # names by their words with letters left out
    initials: dict[str, list[int]] = {}  # names of two words or more by their initials
    for index, words in enumerate(keys):
        for end in range(1, len(words)):
            starting.setdefault(words[:end], []).append(index)
        for variant in _far_variants(words):
            spelled.setdefault(variant, []).append(index)
        if len(words) >= 2:
            initials.setdefault("".join(word[0] for word in words), []).append(index)
    for index, words in enumerate(keys):
        for other in starting.get(words, ())[:NEAR_WINDOW]:
            note(index, other, "more-words")
    for members in spelled.values():
        for position, one in enumerate(members):
            for other in members[position + 1 : position + 1 + NEAR_WINDOW]:
                if _two_slips(keys[one], keys[other]):
                    note(one, other, "letters-apart")
    for acronym, words in enumerate(keys):
        if len(words) != 1 or not names[acronym].strip().isupper() or not 2 <= len(words[0]) <= 5:
            continue
        short = words[0]
        candidates = {
            other
            for letters in _subsequences(short)
            for other in initials.get(letters, ())[:NEAR_WINDOW]
        }
        for candidate in sorted(candidates):
            if acronym_of(short, keys[candidate]):
                note(acronym, candidate, "acronym", acronym)
    return [
        NearDuplicate(first, second, why, acronym)
        for (first, second), (why, acronym) in sorted(found.items())
    ]


def _far_variants(words: Sequence[str]) -> Iterator[str]:
    """A name under each of its words of six letters or more (no digit, at most
    LONGEST_WORD) with up to two letters after the first left out: two names one or two
    letters apart in one word share one of these."""
    for place, word in enumerate(words):
        if not 6 <= len(word) <= LONGEST_WORD or _HAS_DIGIT.search(word):
            continue
        before, after = " ".join(words[:place]), " ".join(words[place + 1 :])
        shapes = {word}
        for first in range(1, len(word)):
            once = word[:first] + word[first + 1 :]
            shapes.add(once)
            shapes.update(once[:second] + once[second + 1 :] for second in range(1, len(once)))
        for shape in shapes:
            yield f"{len(words)}\x00{place}\x00{before} {shape} {after}"


def _subsequences(short: str) -> Iterator[str]:
    """The initials an acronym may stand for: its first letter and any of the others, in
    order, two letters at least ("nbb": "nb", "nbb")."""
    rest = short[1:]
    for mask in range(1, 1 << len(rest)):
        yield short[0] + "".join(letter for bit, letter in enumerate(rest) if mask >> bit & 1)


def _two_slips(one: Sequence[str], other: Sequence[str]) -> bool:
    apart = _one_word_apart(one, other)
    if apart is None:
        return False
    _, a, b = apart
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
