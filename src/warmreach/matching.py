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
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from rapidfuzz import fuzz, process, utils

from warmreach.errors import UnknownName
from warmreach.model import Network, Opening, slugify

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

_PUNCTUATION: Final = re.compile(r"[^\w\s&]+")
_SPACES: Final = re.compile(r"\s+")


def normalize_company(name: str) -> str:
    """Lower-case a company name, drop accents, punctuation and trailing legal forms.

    >>> normalize_company("  Société Générale S.A. ")
    'societe generale'
    >>> normalize_company("AB")
    'ab'
    """
    text = unicodedata.normalize("NFKD", name.casefold().replace(".", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1] == "&":
        words.pop()
    return " ".join(words)


def company_id(name: str) -> str:
    """The id of a company: the slug of its name without legal forms.

    >>> company_id("Voltgrid AB"), company_id("Kelp Labs, Inc.")
    ('voltgrid', 'kelp-labs')
    """
    return slugify(normalize_company(name)) or slugify(name)


class CompanyMatcher:
    """Links free-text company names to company ids; grows as companies are added.

    >>> matcher = CompanyMatcher()
    >>> matcher.add("Northvolt", "northvolt")
    >>> matcher.add("Northvolt AB", "northvolt")
    >>> matcher.match("NORTHVOLT ab"), matcher.match("Nortvolt"), matcher.match("Metro")
    ('northvolt', 'northvolt', None)
    """

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._keys: list[str] = []
        self._seen: dict[str, str | None] = {}

    def add(self, name: str, company: str) -> None:
        """Make ``name`` (a company's name or alias) lead to the company id ``company``."""
        key = normalize_company(name)
        if key and key not in self._ids:
            self._ids[key] = company
            self._keys.append(key)
        self._seen.clear()

    def match(self, name: str) -> str | None:
        """The id of the company ``name`` means, or None when no company is close enough."""
        key = normalize_company(name)
        if key in self._seen:
            return self._seen[key]
        found = self._ids.get(key)
        if found is None and key:
            best = process.extractOne(
                key, self._keys, scorer=fuzz.ratio, score_cutoff=COMPANY_MATCH_CUTOFF
            )
            if best is not None:
                found = self._ids[best[0]]
        self._seen[key] = found
        return found


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
