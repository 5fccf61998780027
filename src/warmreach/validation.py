"""What ``warmreach validate`` warns about in a network that loaded: contacts that may be one
person, companies that may be one company, and (on request) every company name the file
linked to a company written otherwise. Each is structured data with where it stands;
``warmreach.reports.summaries`` words it.

>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana}
... contacts:
...   - {name: Eva Berg, company: Voltgrid}
...   - {name: Eva Bergh, company: Voltgrid}
...   - {name: Bo, company: Fernway}
...   - {name: Cy, company: Fernway Travel}
... ''')
>>> [(type(notice).__name__, notice.why) for notice in validate(network)]
[('SamePerson', 'names-at-company'), ('SameCompany', 'more-words')]
"""

from __future__ import annotations

from dataclasses import dataclass

from warmreach.matching import DuplicateReason, NearReason, likely_duplicates, near_duplicates
from warmreach.model import CompanyLink, Location, Network


@dataclass(frozen=True, kw_only=True)
class SamePerson:
    """Two contacts that may be one person (the second is where the warning stands)."""

    #: the file, and where the second contact stands in it
    file: str | None
    location: Location | None
    #: the two, by position in ``contacts`` and id; the line of the first, when known
    first: int
    first_id: str
    first_line: int | None
    second: int
    second_id: str
    why: DuplicateReason


@dataclass(frozen=True, kw_only=True)
class SameCompany:
    """Two companies that may be one company, and the alias that would make them one."""

    file: str | None
    location: Location | None
    #: the two names, the one written later first
    later: str
    earlier: str
    why: NearReason
    #: for an acronym, the acronym and the name it may stand for
    short: str | None = None
    long: str | None = None
    #: the company to keep, whether it is listed under ``companies``, and the alias to add
    keep: str
    keep_listed: bool
    alias: str


@dataclass(frozen=True, kw_only=True)
class CompanyLinked:
    """A company name the file linked to a company written otherwise."""

    file: str | None
    location: Location | None
    link: CompanyLink
    #: the name of the company it was linked to
    company: str


#: something ``validate`` warns about
Notice = SamePerson | SameCompany | CompanyLinked


def validate(network: Network, *, links: bool = False) -> list[Notice]:
    """What may be wrong in a network that loaded: contacts that may be one person,
    companies that may be one company (two companies both listed under ``companies`` are
    two on purpose); with ``links``, every company name linked to one written otherwise.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network("{me: {name: Ana}, contacts: [{name: Bo, email: b@x.example},"
    ...                         " {name: Bo B, email: B@x.example}]}")
    >>> [(notice.first_id, notice.second_id, notice.why) for notice in validate(network)]
    [('bo', 'bo-b', 'email')]
    """
    found: list[Notice] = []
    contacts = network.contacts
    for first, second, why in likely_duplicates(contacts):
        one, other = contacts[first], contacts[second]
        found.append(
            SamePerson(
                file=network.source,
                location=other.location,
                first=first,
                first_id=one.id,
                first_line=one.location.line if one.location else None,
                second=second,
                second_id=other.id,
                why=why,
            )
        )
    companies = network.companies
    names = [company.name for company in companies]
    for pair in near_duplicates(names):
        earlier, later = companies[pair.first], companies[pair.second]
        if earlier.listed and later.listed:
            continue
        keep, alias = (later, earlier) if later.listed else (earlier, later)
        acronym = pair.acronym
        found.append(
            SameCompany(
                file=network.source,
                location=later.location or earlier.location,
                later=later.name,
                earlier=earlier.name,
                why=pair.why,
                short=names[acronym].strip() if acronym is not None else None,
                long=names[pair.second if acronym == pair.first else pair.first]
                if acronym is not None
                else None,
                keep=keep.name,
                keep_listed=keep.listed,
                alias=alias.name,
            )
        )
    if links:
        for link in network.company_links:
            found.append(
                CompanyLinked(
                    file=network.source,
                    location=link.location,
                    link=link,
                    company=network.companies_by_id[link.company].name,
                )
            )
    return found


__all__ = ["CompanyLinked", "Notice", "SameCompany", "SamePerson", "validate"]
