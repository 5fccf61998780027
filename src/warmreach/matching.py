"""Fuzzy matching of names: the only module that imports rapidfuzz.

Two jobs live here. *Linking*: a free-text company name (``Voltgrid, Inc.``) is tied
to a known company by exact normalised name first and by a strict fuzzy score
second. *Suggesting*: when a field or a person is unknown, the nearest known names
become a "did you mean" hint.

>>> normalize_company("Voltgrid, Inc.")
'voltgrid'
>>> normalize_company("Northvolt AB")
'northvolt'
>>> suggest("trsut", ["trust", "title", "team"])
['trust']
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from rapidfuzz import fuzz, process, utils

from warmreach.errors import Problem, UnknownName, UsageError
from warmreach.model import Contact, Network, Opening, slugify

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
#: fuzzy score at or above which a name is offered as a "did you mean" hint
SUGGEST_CUTOFF: Final = 60.0

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
    text = _DOMAIN.sub(" ", name.casefold()).replace("&", " and ").replace(".", "")
    if not text.isascii():  # ASCII has no accents to drop
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
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


def match_name(name: str, known: Sequence[str]) -> int | None:
    """The index in ``known`` of the name that means ``name`` (case, accents and
    punctuation aside, or by a strict fuzzy score), else None.

    >>> match_name("battery system", ["Cell Manufacturing", "Battery Systems"])
    1
    >>> match_name("Recycling", ["Cell Manufacturing", "Battery Systems"]) is None
    True
    """
    slug = slugify(name)
    slugs = [slugify(candidate) for candidate in known]
    if slug in slugs:
        return slugs.index(slug)
    best = process.extractOne(
        name,
        known,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=COMPANY_MATCH_CUTOFF,
    )
    return None if best is None else int(best[2])


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c``.

    >>> join_words(["role"]), join_words(["a", "b", "c"]), join_words(["x", "y"], "or")
    ('role', 'a, b and c', 'x or y')
    """
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def suggest(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known names nearest to ``word``, best first, for a "did you mean" hint.

    >>> suggest("Eva Burg", ["Eva Berg", "Bob Chen", "Eve Borg"])
    ['Eva Berg', 'Eve Borg']
    >>> suggest("zzz", ["trust"])
    []
    """
    unique = sorted(set(choices))
    found = process.extract(
        word,
        unique,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=SUGGEST_CUTOFF,
        limit=limit,
    )
    return [choice for choice, _score, _index in sorted(found, key=lambda hit: (-hit[1], hit[0]))]


def find_target(network: Network, text: str) -> Opening:
    """The target ``COMPANY[/TEAM]`` names, with the role and hiring manager of a
    matching opening when the file has one.

    The company is matched by name, alias or fuzzily, the team within it; an unknown
    one raises :class:`~warmreach.errors.UnknownName` with the nearest names.

    >>> from warmreach.loading import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... companies: [{name: Voltgrid, aliases: [VG], teams: [{name: Battery Systems}]}]
    ... openings: [{company: Voltgrid, team: Battery Systems, role: PM}]
    ... ''')
    >>> find_target(network, "voltgrid ab/battery systems")
    Opening(company='voltgrid', team='battery-systems', role='PM', hiring_manager=None)
    >>> find_target(network, "VG")
    Opening(company='voltgrid', team=None, role=None, hiring_manager=None)
    >>> find_target(network, "Voltgrid/Batery")
    Traceback (most recent call last):
    ...
    warmreach.errors.UnknownName: Voltgrid has no team 'Batery'; its teams: Battery Systems
    >>> try:
    ...     find_target(network, "Voltgird")
    ... except UnknownName as error:
    ...     print(error)
    no company in the network is called 'Voltgird'; did you mean 'Voltgrid'?
    """
    company_text, _, team_text = text.partition("/")
    matcher = CompanyMatcher()
    for listed in network.companies:
        for name in (listed.name, *listed.aliases):
            matcher.add(name, listed.id)
    found = matcher.match(company_text.strip())
    if found is None:
        names = [listed.name for listed in network.companies]
        near = suggest(company_text, names)
        hint = f"; did you mean {' or '.join(repr(name) for name in near)}?" if near else ""
        raise UnknownName(f"no company in the network is called '{company_text.strip()}'{hint}")
    company = network.companies_by_id[found]
    team = None
    if team_text.strip():
        teams = [listed.name for listed in company.teams]
        index = match_name(team_text.strip(), teams)
        if index is None:
            listing = ", ".join(teams) if teams else "none listed"
            raise UnknownName(
                f"{company.name} has no team '{team_text.strip()}'; its teams: {listing}"
            )
        team = company.teams[index].id
    for opening in network.openings:
        if opening.company == found and opening.team == team:
            return opening
    return Opening(company=found, team=team)


#: fuzzy score (WRatio) at or above which a name given on the command line may mean a contact
CONTACT_MATCH_CUTOFF: Final = 86.0
#: candidates within this many points of the best are too close to choose between
CONTACT_AMBIGUITY: Final = 4.0


def find_contact(network: Network, text: str) -> str:
    """The id of the contact ``text`` names: by id, by name (case and accents aside), or
    fuzzily when one name stands out.

    Raises :class:`~warmreach.errors.UnknownName` when nobody matches, and
    :class:`~warmreach.errors.UsageError` listing the candidates when several might.

    >>> from warmreach.loading import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... contacts: [{name: Bob Chen}, {name: Bob Stone}, {name: Eva Berg, id: eva}]
    ... ''')
    >>> [find_contact(network, text) for text in ("eva", "bob chen", "Eva Berk")]
    ['eva', 'bob-chen', 'eva']
    >>> try:
    ...     find_contact(network, "Bob")
    ... except UsageError as error:
    ...     print(error)
    'Bob' could be Bob Chen (bob-chen) or Bob Stone (bob-stone); name one by id
    """
    contacts = network.contacts
    if text in network.contacts_by_id:
        return text
    slug = slugify(text)
    found = [contact for contact in contacts if contact.id == slug or slugify(contact.name) == slug]
    if not found:
        hits = process.extract(
            text,
            [contact.name for contact in contacts],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=CONTACT_MATCH_CUTOFF,
            limit=None,
        )
        hits.sort(key=lambda hit: (-hit[1], hit[2]))
        found = [
            contacts[index] for _, score, index in hits if score >= hits[0][1] - CONTACT_AMBIGUITY
        ]
    if len(found) == 1:
        return found[0].id
    if not found:
        near = suggest(text, [contact.name for contact in contacts])
        hint = f"; did you mean {' or '.join(repr(name) for name in near)}?" if near else ""
        raise UnknownName(f"no contact in the network is called '{text}'{hint}")
    listing = [f"{contact.name} ({contact.id})" for contact in found[:6]]
    raise UsageError(f"'{text}' could be {join_words(listing, 'or')}; name one by id")


# -- industries ----------------------------------------------------------------------------

#: fuzzy score (fuzz.ratio on normalised text) at or above which an industry text is
#: taken to mean a taxonomy term: "renewable energies" (97) and "clean technologies" are
#: joined, "fintech"/"biotech" (57) and "retail"/"rental" (67) stay apart
INDUSTRY_MATCH_CUTOFF: Final = 88.0
#: synonyms shorter than this are matched only as a whole text, never as words inside a
#: longer one ("it", "ev" and "pe" are too common inside names and titles)
MIN_WORD_SYNONYM: Final = 4

_PLURAL_IES: Final = re.compile(r"ies$")


def normalize_term(text: str) -> str:
    """Normalise an industry or title for matching: case, accents, punctuation, ``&``,
    plurals.

    >>> normalize_term("Renewables & Environment"), normalize_term("Clean Technologies")
    ('renewable and environment', 'clean technology')
    """
    text = unicodedata.normalize("NFKD", text.casefold().replace("&", " and "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = []
    for word in re.sub(r"[^\w]+", " ", text).split():
        if len(word) > 4 and word.endswith("ies"):
            word = _PLURAL_IES.sub("y", word)
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True, kw_only=True)
class Industry:
    """A canonical industry of the taxonomy."""

    #: slug of the name
    id: str
    #: canonical name
    name: str
    #: id of the field it belongs to
    field: str
    #: other ways to write it
    synonyms: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Field:
    """A field a job seeker can aim at: a group of industries."""

    #: the key in the taxonomy file
    id: str
    #: display name
    name: str
    #: the sector it belongs to
    sector: str
    #: words that name the whole field
    synonyms: tuple[str, ...]
    #: ids of fields whose people can bridge you into this one
    adjacent: tuple[str, ...]
    #: ids of its industries
    industries: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class IndustryMatch:
    """What a piece of text says about industry."""

    #: canonical industry id, None when the text names a whole field
    industry: str | None
    #: field id
    field: str
    #: 0..1: 1 for an exact match, the fuzzy score otherwise, lower for words found inside
    confidence: float
    #: how it was found: ``exact``, ``fuzzy`` or ``words``
    method: str


class Taxonomy:
    """The industry taxonomy shipped in ``warmreach/data/industries.toml``.

    >>> taxonomy = Taxonomy.load()
    >>> len(taxonomy.industries) >= 150
    True
    >>> found = taxonomy.match_many(["cleantech", "Renewable energies", "Fintech"])
    >>> [taxonomy.describe(match) for match in found]
    ['Climate Tech', 'Renewable Energy (Climate Tech)', 'Fintech']
    """

    def __init__(self, fields: Sequence[Field], industries: Sequence[Industry]) -> None:
        self.fields = {field.id: field for field in fields}
        self.industries = {industry.id: industry for industry in industries}
        self._exact: dict[str, tuple[str | None, str]] = {}
        for kind, owner_terms in (
            ("field", [(None, field.id, (field.name, *field.synonyms)) for field in fields]),
            ("industry", [(i.id, i.field, (i.name, *i.synonyms)) for i in industries]),
        ):
            seen: dict[str, tuple[str | None, str]] = {}
            for industry, field, terms in owner_terms:
                for term in terms:
                    key = normalize_term(term)
                    if key in seen and seen[key] != (industry, field):
                        raise ValueError(f"taxonomy: {kind} term '{term}' is listed twice")
                    seen[key] = (industry, field)
            self._exact.update(seen)  # industries overwrite fields: the more specific wins
        self._keys = sorted(self._exact)
        self._word_keys = sorted(
            (key for key in self._keys if len(key) >= MIN_WORD_SYNONYM),
            key=lambda key: (-len(key.split()), -len(key), key),
        )

    @property
    def term_count(self) -> int:
        """How many distinct terms (names and synonyms) texts are matched against."""
        return len(self._keys)

    @classmethod
    @cache
    def load(cls) -> Taxonomy:
        """The shipped taxonomy (read once)."""
        text = resources.files("warmreach").joinpath("data/industries.toml").read_text("utf-8")
        data = tomllib.loads(text)
        fields, industries = [], []
        for key, entry in data["fields"].items():
            members = []
            for name, *synonyms in entry["industries"]:
                industry = Industry(
                    id=slugify(name), name=name, field=key, synonyms=tuple(synonyms)
                )
                industries.append(industry)
                members.append(industry.id)
            fields.append(
                Field(
                    id=key,
                    name=entry["name"],
                    sector=entry["sector"],
                    synonyms=tuple(entry["synonyms"]),
                    adjacent=tuple(entry["adjacent"]),
                    industries=tuple(members),
                )
            )
        return cls(fields, industries)

    def describe(self, match: IndustryMatch | None) -> str:
        """``Industry (Field)``, or the field alone, for messages."""
        if match is None:
            return "unknown"
        field = self.fields[match.field].name
        if match.industry is None:
            return field
        return f"{self.industries[match.industry].name} ({field})"

    def match_many(self, texts: Sequence[str]) -> list[IndustryMatch | None]:
        """Match many industry texts at once: exact normalised terms first, then one
        whole-column fuzzy pass over what is left (each distinct text once)."""
        keys = [normalize_term(text) for text in texts]
        found: dict[str, IndustryMatch | None] = {}
        for key in keys:
            if key in self._exact and key not in found:
                industry, field = self._exact[key]
                found[key] = IndustryMatch(
                    industry=industry, field=field, confidence=1.0, method="exact"
                )
        rest = sorted({key for key in keys if key and key not in found})
        if rest:
            scores = process.cdist(
                rest, self._keys, scorer=fuzz.ratio, score_cutoff=INDUSTRY_MATCH_CUTOFF, workers=-1
            )
            for row, key in enumerate(rest):
                column = int(scores[row].argmax())
                score = float(scores[row][column])
                if score >= INDUSTRY_MATCH_CUTOFF:
                    industry, field = self._exact[self._keys[column]]
                    found[key] = IndustryMatch(
                        industry=industry,
                        field=field,
                        confidence=round(score / 100, 2),
                        method="fuzzy",
                    )
                else:
                    found[key] = self.find_in_words(key)
        return [found.get(key) for key in keys]

    def match(self, text: str) -> IndustryMatch | None:
        """Match one industry text."""
        return self.match_many([text])[0]

    def find_in_words(self, text: str) -> IndustryMatch | None:
        """The longest taxonomy term written as whole words inside ``text`` (a company
        name, a title), e.g. "Sunforge Solar" -> Solar Energy; confidence 0.6.

        >>> taxonomy = Taxonomy.load()
        >>> taxonomy.describe(taxonomy.find_in_words("Nordport Logistics AB"))
        'Logistics & Supply Chain (Transportation & Logistics)'
        >>> taxonomy.find_in_words("Kelp Labs") is None
        True
        """
        padded = f" {normalize_term(text)} "
        for key in self._word_keys:
            if f" {key} " in padded:
                industry, field = self._exact[key]
                return IndustryMatch(industry=industry, field=field, confidence=0.6, method="words")
        return None

    def field_of(self, text: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """What a field given by the user covers: (industry ids, field ids).

        A field ("Climate Tech", "cleantech") covers all its industries and itself; an
        industry ("Solar Energy") covers only itself.

        >>> industries, fields = Taxonomy.load().field_of("clean tech")
        >>> "solar-energy" in industries, sorted(fields)
        (True, ['climate-tech'])
        """
        match = self.match(text)
        if match is None:
            return None
        if match.industry is None:
            field = self.fields[match.field]
            return frozenset(field.industries), frozenset({field.id})
        return frozenset({match.industry}), frozenset()


# -- titles and roles -----------------------------------------------------------------------

#: words about rank, not about the job; dropped before comparing titles to roles
SENIORITY: Final = frozenset(
    """
    senior sr snr junior jr lead principal staff associate assistant intern internship
    trainee graduate entry level mid i ii iii iv v global regional group deputy acting
    interim founding
    """.split()
)
#: leadership words: "Head of Product" and "VP Engineering" hold the role "X manager"
LEADERSHIP: Final = frozenset({"head", "director", "vp", "vice", "president", "chief", "of"})
#: abbreviations written in titles, expanded before comparing
TITLE_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "pm": "product manager",
    "tpm": "technical program manager",
    "swe": "software engineer",
    "sde": "software engineer",
    "sre": "site reliability engineer",
    "em": "engineering manager",
    "ds": "data scientist",
    "da": "data analyst",
    "ba": "business analyst",
    "po": "product owner",
    "qa": "quality assurance",
    "ux": "user experience",
    "ui": "user interface",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "mgr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "cto": "chief technology officer",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cpo": "chief product officer",
    "cmo": "chief marketing officer",
    "hr": "human resources",
}
#: fuzzy score (token_sort_ratio on normalised titles) for a title to hold a role when
#: the role's words are not found in it as they are: catches typos and "Manager,
#: Product", keeps "Project Manager" and "Product Marketing Manager" apart from
#: "Product Manager"
TITLE_MATCH_CUTOFF: Final = 92.0


def normalize_title(title: str) -> str:
    """The job in a title: abbreviations expanded, rank words dropped.

    >>> normalize_title("Sr. PM, Payments"), normalize_title("Head of Product")
    ('product manager payment', 'product manager')
    >>> normalize_title("VP Engineering"), normalize_title("Staff SWE")
    ('engineering manager', 'software engineer')
    """
    words = []
    for word in normalize_term(title.replace(".", " ")).split():
        words.extend(TITLE_ABBREVIATIONS.get(word, word).split())
    leader = any(word in LEADERSHIP for word in words) and not (
        "officer" in words or ("president" in words and "vice" not in words)
    )
    core = [word for word in words if word not in SENIORITY and not (leader and word in LEADERSHIP)]
    if leader and len(core) == 1:
        core.append("manager")
    return " ".join(core)


#: rank words and their level; a title holds a senior role only at its level or above
RANKS: Final[Mapping[str, int]] = {
    "intern": 0, "internship": 0, "trainee": 0, "junior": 0, "jr": 0, "associate": 0,
    "graduate": 0, "entry": 0,
    "senior": 2, "sr": 2, "snr": 2,
    "lead": 3, "staff": 3,
    "principal": 4, "distinguished": 5,
}  # fmt: skip


def title_rank(title: str) -> int:
    """The level of a title's rank words (1 when it has none).

    >>> title_rank("Staff SWE"), title_rank("Software Engineer"), title_rank("Jr. Analyst")
    (3, 1, 0)
    """
    levels = [
        RANKS[word] for word in normalize_term(title.replace(".", " ")).split() if word in RANKS
    ]
    return max(levels) if levels else 1


def holds_role(titles: Sequence[str], role: str) -> list[bool]:
    """For each title, whether it is the role (at its rank or above when the role names a
    senior rank), in one whole-column pass.

    >>> holds_role(["Senior Product Manager", "Product Marketing Manager", "Prodct Manager",
    ...             "Project Manager", "Manager, Product"], "Product Manager")
    [True, False, True, False, True]
    >>> holds_role(["Senior SWE", "Principal Software Engineer"], "Staff Software Engineer")
    [False, True]
    """
    wanted = normalize_title(role)
    if not wanted:
        return [False] * len(titles)
    rank = title_rank(role)  # a senior role asks for that rank; any other, for the job at any rank
    cores = [
        normalize_title(title) if rank <= 1 or title_rank(title) >= rank else "" for title in titles
    ]
    found = [bool(core) and f" {wanted} " in f" {core} " for core in cores]
    unsure = sorted({core for core, hit in zip(cores, found, strict=True) if core and not hit})
    if unsure:
        scores = process.cdist(
            unsure,
            [wanted],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=TITLE_MATCH_CUTOFF,
            workers=-1,
        )
        close = {
            core for core, row in zip(unsure, scores, strict=True) if row[0] >= TITLE_MATCH_CUTOFF
        }
        found = [hit or core in close for core, hit in zip(cores, found, strict=True)]
    return found


# -- people written twice -------------------------------------------------------------------

#: name similarity (token_sort_ratio) from which two contacts may be one person
DUPLICATE_NAME_CUTOFF: Final = 90.0


def likely_duplicates(contacts: Sequence[Contact]) -> list[tuple[int, int, str]]:
    """Pairs of contacts (by index, earlier first) that may be one person, with why.

    Same e-mail or LinkedIn address; or names alike (spelling, order, accents) where
    the companies do not differ. Names are compared in blocks that share a word, each
    block in one whole-column pass.

    >>> people = [Contact(id="eva-berg", name="Eva Berg", company="voltgrid"),
    ...           Contact(id="eva-bergh", name="Eva Bergh", company="voltgrid"),
    ...           Contact(id="berg-eva", name="Berg, Eva", company="sunforge")]
    >>> likely_duplicates(people)
    [(0, 1, 'similar names at the same company')]
    """
    found: dict[tuple[int, int], str] = {}
    for attribute in ("email", "linkedin"):
        seen: dict[str, int] = {}
        for index, contact in enumerate(contacts):
            value = getattr(contact, attribute)
            if value:
                key = value.strip().casefold().rstrip("/")
                if key in seen:
                    found.setdefault((seen[key], index), f"the same {attribute}")
                else:
                    seen[key] = index
    names = [utils.default_process(contact.name) for contact in contacts]
    blocks: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        for word in set(name.split()):
            if len(word) >= 2 and not word.isdigit():
                blocks.setdefault(word, []).append(index)
    for members in blocks.values():
        if len(members) < 2:
            continue
        scores = process.cdist(
            [names[i] for i in members],
            [names[i] for i in members],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=DUPLICATE_NAME_CUTOFF,
            workers=-1,
        )
        rows, columns = (scores >= DUPLICATE_NAME_CUTOFF).nonzero()
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            first, second = members[row], members[column]
            if first >= second:
                continue
            one, other = contacts[first], contacts[second]
            if one.company and other.company and one.company != other.company:
                continue
            if _digits(names[first]) != _digits(names[second]):
                continue  # "Sam Lee 2" and "Sam Lee 3" are told apart on purpose
            reason = "similar names at the same company" if one.company else "similar names"
            found.setdefault((first, second), reason)
    return [(first, second, reason) for (first, second), reason in sorted(found.items())]


def _digits(name: str) -> list[str]:
    return [word for word in name.split() if word.isdigit()]


def duplicate_warnings(network: Network) -> list[Problem]:
    """:func:`likely_duplicates` as located warnings for ``warmreach validate``."""
    contacts = network.contacts
    warnings = []
    for first, second, reason in likely_duplicates(contacts):
        one, other = contacts[first], contacts[second]
        where = other.location
        line_of_first = f" at line {one.location.line}" if one.location else ""
        warnings.append(
            Problem(
                file=where.file if where else network.source or "<string>",
                line=where.line if where else 1,
                col=where.col if where else 1,
                message=f"warning: contacts[{second}] '{other.id}' may be the same person as "
                f"contacts[{first}] '{one.id}'{line_of_first} ({reason})",
            )
        )
    return sorted(warnings)
