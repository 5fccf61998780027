"""Inferring industries: each company's, and each contact's, with where it came from.

A contact who wrote no industry gets one inferred from their company (its written
``industry``, warmreach's list of well-known companies, words in its name) or from the
words of their title that name an industry (:func:`classify_industries`); each inference
is kept with its source and confidence, never mixed silently with what was written.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana}
... contacts: [{name: Bo, company: Sunforge Solar}, {name: Cy, company: Kelp Labs}]
... ''')
>>> found, inferred = classify_industries(network, Taxonomy.load())
>>> sorted(found), inferred[0].source
(['bo'], "company name 'Sunforge Solar'")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Final, overload

from warmreach.matching.known import known_industries
from warmreach.matching.normal import normalize_company
from warmreach.matching.taxonomy import IndustryMatch, Taxonomy
from warmreach.model import Contact, Network

#: confidence kept when an industry is taken from the contact's company
FROM_COMPANY: Final = 0.9
#: confidence of an industry taken from warmreach's list of well-known companies
FROM_KNOWN_COMPANY: Final = 0.85
#: confidence of an industry read from words in a company name or a title
FROM_NAME_WORDS: Final = 0.6
FROM_TITLE_WORDS: Final = 0.4


@dataclass(frozen=True, kw_only=True)
class Inference:
    """An attribute warmreach filled in, with where it came from."""

    #: contact id
    contact: str
    #: the attribute filled in (``industry``)
    attribute: str
    #: the value, as a canonical name
    value: str
    #: where it came from, in words
    source: str
    #: 0..1
    confidence: float


@dataclass(frozen=True, kw_only=True)
class CompanyIndustry:
    """What a company's industry is, read from its ``industry`` or else its name."""

    #: the industry, None when neither says
    match: IndustryMatch | None
    #: where it came from, in words
    source: str
    #: confidence passed on to its people
    confidence: float


@cache
def known_companies() -> Mapping[str, str]:
    """The well-known companies shipped in ``warmreach/data/companies.toml``: each of
    their names, normalised as company names are, and the id of its industry."""
    taxonomy = Taxonomy.load()
    by_name = {industry.name: industry.id for industry in taxonomy.industries.values()}
    return {name: by_name[industry] for name, industry in known_industries().items()}


def company_industries(network: Network, taxonomy: Taxonomy) -> dict[str, CompanyIndustry]:
    """Each company's industry, read once: its written ``industry`` (in one whole-column
    pass over all companies), else warmreach's list of well-known companies (its name or
    an alias, exactly), else words in its name."""
    written = taxonomy.match_many([company.industry or "" for company in network.companies])
    known = known_companies()
    found = {}
    for company, match in zip(network.companies, written, strict=True):
        listed = next(
            (
                known[key]
                for name in (company.name, *company.aliases)
                if (key := normalize_company(name)) in known
            ),
            None,
        )
        if company.industry and match is not None:
            source = f"company {company.name} (industry '{company.industry}')"
            found[company.id] = CompanyIndustry(
                match=match, source=source, confidence=FROM_COMPANY * match.confidence
            )
        elif listed is not None:
            industry = taxonomy.industries[listed]
            found[company.id] = CompanyIndustry(
                match=IndustryMatch(
                    industry=industry.id, field=industry.field, confidence=1.0, method="exact"
                ),
                source=f"well-known company {company.name}",
                confidence=FROM_KNOWN_COMPANY,
            )
        else:
            found[company.id] = CompanyIndustry(
                match=taxonomy.find_in_words(company.name),
                source=f"company name '{company.name}'",
                confidence=FROM_NAME_WORDS,
            )
    return found


def classify_industries(
    network: Network,
    taxonomy: Taxonomy,
    companies: dict[str, CompanyIndustry] | None = None,
    *,
    only: Iterable[str] | None = None,
) -> tuple[dict[str, IndustryMatch], Inferences]:
    """Each contact's industry in the taxonomy, and the inferences that filled gaps.

    Written industries are read exactly or fuzzily; a missing one is taken from the
    company's industry, else the list of well-known companies, else words in the
    company's name, else the words of the title that name an industry (never a function:
    :data:`TITLE_FUNCTIONS`).
    ``companies`` (from :func:`company_industries`) is computed when not given;
    ``only`` limits the work to the contacts with these ids.
    """
    if companies is None:
        companies = company_industries(network, taxonomy)
    chosen = (
        network.contacts if only is None else [network.contacts_by_id[contact] for contact in only]
    )
    texts = [contact.industry for contact in chosen if contact.industry]
    matched = dict(zip(texts, taxonomy.match_many(texts), strict=True))
    found: dict[str, IndustryMatch] = {}
    inferred: list[_Inferred] = []

    def infer(
        contact: Contact, match: IndustryMatch | None, source: str, confidence: float
    ) -> bool:
        if match is None:
            return False
        found[contact.id] = match
        inferred.append((contact.id, match, source, confidence))
        return True

    for contact in chosen:
        company = companies[contact.company] if contact.company else None
        if contact.industry:
            match = matched[contact.industry]
            if match is not None and match.method == "exact":
                found[contact.id] = match
            else:
                infer(
                    contact,
                    match,
                    f"written '{contact.industry}'",
                    match.confidence if match else 0,
                )
            continue
        if company is not None and infer(
            contact, company.match, company.source, company.confidence
        ):
            continue
        if contact.title:  # words that name an industry, never a function
            infer(
                contact,
                taxonomy.find_in_words(contact.title, functions=False),
                f"title '{contact.title}'",
                FROM_TITLE_WORDS,
            )
    return found, Inferences(taxonomy, inferred)


#: an inference as found: contact id, industry, source, confidence
_Inferred = tuple[str, IndustryMatch, str, float]


class Inferences(Sequence[Inference]):
    """The inferences of :func:`classify_industries`, each made into an
    :class:`Inference` when first read: most commands only need the industries, and at
    30,000 contacts making them all took most of the classification."""

    def __init__(self, taxonomy: Taxonomy, found: list[_Inferred]) -> None:
        self._taxonomy = taxonomy
        self._found = found

    @cached_property
    def _made(self) -> tuple[Inference, ...]:
        describe = self._taxonomy.describe
        return tuple(
            Inference(
                contact=contact,
                attribute="industry",
                value=describe(match),
                source=source,
                confidence=round(confidence, 2),
            )
            for contact, match, source, confidence in self._found
        )

    @overload
    def __getitem__(self, index: int) -> Inference: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Inference, ...]: ...
    def __getitem__(self, index: int | slice) -> Inference | tuple[Inference, ...]:
        return self._made[index]

    def __len__(self) -> int:
        return len(self._found)


def company_matches(
    network: Network,
    companies: Mapping[str, CompanyIndustry],
    people: Mapping[str, IndustryMatch],
) -> dict[str, IndustryMatch | None]:
    """Each company's industry: its own (:func:`company_industries`), else what one of
    its people wrote of their own work (``people``, from :func:`classify_industries`)."""
    found = {company: known.match for company, known in companies.items()}
    for contact in network.contacts:
        if contact.company and contact.industry and found[contact.company] is None:
            found[contact.company] = people.get(contact.id)
    return found
