"""The industry taxonomy, and reading the industry texts people write.

The taxonomy (``warmreach/data/industries.toml``) groups canonical industries into
fields a job seeker aims at, each field with the fields next to it. Texts people write
("cleantech", "Renewable energies") are read exactly or fuzzily
(:meth:`Taxonomy.match_many`), or found as words inside a name or a title
(:meth:`Taxonomy.find_in_words`).

>>> taxonomy = Taxonomy.load()
>>> taxonomy.describe(taxonomy.match("renewable energies"))
'Renewable Energy (Climate Tech)'
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from rapidfuzz import fuzz, process

from warmreach.matching.normal import normalize_term
from warmreach.text import slugify

#: fuzzy score (fuzz.ratio on normalised text) at or above which an industry text is
#: taken to mean a taxonomy term: "renewable energies" (97) and "clean technologies" are
#: joined, "fintech"/"biotech" (57) and "retail"/"rental" (67) stay apart
INDUSTRY_MATCH_CUTOFF: Final = 88.0
#: synonyms shorter than this are matched only as a whole text, never as words inside a
#: longer one ("it", "ev" and "pe" are too common inside names and titles)
MIN_WORD_SYNONYM: Final = 4


#: industries whose words, in a job title, name what a person does rather than where
#: ("Data Analyst", "Director, Retail Credit", "Product Insights Analyst", "Software
#: Engineer" at a bank): a title is read for its industry words only, never these
TITLE_FUNCTIONS: Final = frozenset(
    {
        "Artificial Intelligence", "Data Infrastructure", "Data & Analytics",
        "Computer Software", "Information Technology & Services", "Cloud Computing",
        "Developer Tools", "Computer & Network Security", "Enterprise Software",
        "Financial Services", "Accounting", "Capital Markets",
        "Management Consulting", "Human Resources", "Staffing & Recruiting",
        "Marketing & Advertising", "Public Relations & Communications", "Market Research",
        "Design", "Program Development", "Outsourcing/Offshoring",
        "Business Supplies & Equipment", "Retail", "E-Commerce", "Wholesale",
        "Law Practice", "Legal Services", "Mechanical or Industrial Engineering",
        "Industrial Automation", "Civil Engineering", "Facilities Services",
        "Architecture & Planning", "Logistics & Supply Chain", "Professional Training & Coaching",
        "Translation & Localization", "Security & Investigations", "Research", "Public Policy",
        "Events Services", "Photography", "Online Media", "Publishing",
    }
)  # fmt: skip
#: fields whose own words, in a title, name a function ("data", "finance", "consulting")
TITLE_FUNCTION_FIELDS: Final = frozenset(
    {"ai-data", "software", "financial-services", "consulting", "legal", "media",
     "consumer-retail", "government-nonprofit"}
)  # fmt: skip


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

    def find_in_words(self, text: str, *, functions: bool = True) -> IndustryMatch | None:
        """The longest taxonomy term written as whole words inside ``text`` (a company
        name, a title), e.g. "Sunforge Solar" -> Solar Energy; confidence 0.6.

        >>> taxonomy = Taxonomy.load()
        >>> taxonomy.describe(taxonomy.find_in_words("Nordport Logistics AB"))
        'Logistics & Supply Chain (Transportation & Logistics)'
        >>> taxonomy.find_in_words("Kelp Labs") is None
        True
        >>> taxonomy.find_in_words("Data Analyst", functions=False) is None
        True
        """
        padded = f" {normalize_term(text)} "
        for key in self._word_keys:
            if f" {key} " in padded:
                industry, field = self._exact[key]
                if not functions and self.is_function(industry, field):
                    continue
                return IndustryMatch(industry=industry, field=field, confidence=0.6, method="words")
        return None

    def is_function(self, industry: str | None, field: str) -> bool:
        """Whether a term of this industry (or of this whole field) names a function in a
        job title (:data:`TITLE_FUNCTIONS`)."""
        if industry is None:
            return field in TITLE_FUNCTION_FIELDS
        return self.industries[industry].name in TITLE_FUNCTIONS

    def name_of(self, text: str) -> str:
        """The canonical name of the industry or field a text names (the text itself when
        it names none).

        >>> Taxonomy.load().name_of("clean tech"), Taxonomy.load().name_of("solar power")
        ('Climate Tech', 'Solar Energy')
        """
        match = self.match(text)
        if match is None:
            return text
        if match.industry is None:
            return self.fields[match.field].name
        return self.industries[match.industry].name

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
