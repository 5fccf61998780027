"""Who is who in an import: the people an export names more than once, the file's contacts
by LinkedIn address, e-mail, name and company (for a merge), and who to leave out.

A person's keys are their identity keys (LinkedIn address, e-mail) and their name's;
:class:`Seen` spots the same person twice in one export, :class:`FileIndex` finds them
among the file's contacts (``warmreach import --merge``).

>>> from warmreach.importers.records import Incoming
>>> seen = Seen()
>>> seen.first(Incoming(line=2, name="Bo", email="bo@x.example"))
>>> seen.again(Incoming(line=9, name="Bo Lee", email="BO@x.example"))
Skipped(line=9, reason='the same person as line 2')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cached_property

from warmreach.importers.evidence import work_domain
from warmreach.importers.records import Export, Incoming, Skipped, keys_of
from warmreach.matching import (
    CompanyMatcher,
    Taxonomy,
    classify_industries,
    company_id,
    company_industries,
    company_matches,
    identity_keys,
    similar_names,
    target_field,
)
from warmreach.model import Network
from warmreach.text import linkedin_key, slugify


class Seen:
    """People already met in this export, by LinkedIn address and e-mail."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}

    def first(self, person: Incoming) -> int | None:
        """The line the person was first met on, or None (now they are met)."""
        keys = identity(person)
        for key in keys:
            if key in self.lines:
                return self.lines[key]
        for key in keys:
            self.lines[key] = person.line
        return None

    def again(self, person: Incoming) -> Skipped | None:
        """The record skipping ``person`` when the export named them before, else None."""
        first = self.first(person)
        if first is None:
            return None
        return Skipped(person.line, f"the same person as line {first}")


def identity(person: Incoming) -> list[str]:
    """The identity keys of a person (LinkedIn address, e-mail)."""
    return identity_keys(email=person.email, linkedin=person.linkedin)


def linked_keys(export: Export) -> set[str]:
    return {key for link in export.links for key in (link.one, link.other)}


def is_left_out(person: Incoming, linked: set[str]) -> bool:
    """Whether to leave someone out: known of only (one-way mail), with no link to reach
    them by."""
    return person.known_of and not linked & set(keys_of(person))


def link_strength(count: int) -> int:
    """The strength of a link from how often two people were seen together: once 2, two or
    three times 3, more 4 (our assumption; a strength of 5, close, is only ever written)."""
    return 2 if count <= 1 else (3 if count <= 3 else 4)


def links(export: Export, ids: Mapping[str, str]) -> list[tuple[str, str, int]]:
    """The export's links between contacts (by id), each once, with its strength."""
    found: dict[tuple[str, str], int] = {}
    for link in export.links:
        one, other = ids.get(link.one), ids.get(link.other)
        if one is None or other is None or one == other:
            continue
        pair = (one, other) if one < other else (other, one)
        found[pair] = max(found.get(pair, 0), link_strength(link.count))
    return [(one, other, strength) for (one, other), strength in sorted(found.items())]


def with_domain(person: Incoming, domains: Mapping[str, str]) -> Incoming:
    """``person`` with the company their work address shows, when the export gives none."""
    if person.company or not person.email:
        return person
    domain = work_domain(person.email)
    company = domains.get(domain or "")
    return dataclasses.replace(person, company=company) if company else person


class FileIndex:
    """The file's contacts by LinkedIn address, e-mail, name and company."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.contacts = network.contacts
        #: the contact under each identity key (LinkedIn address, e-mail; the last listed)
        self.by_key: dict[str, str] = {}
        for contact in self.contacts:
            for key in identity_keys(email=contact.email, linkedin=contact.linkedin):
                self.by_key[key] = contact.id
        self.by_name: dict[str, list[str]] = {}
        for contact in self.contacts:
            self.by_name.setdefault(slugify(contact.name), []).append(contact.id)
        self.companies = CompanyMatcher()
        for company in network.companies:
            for name in (company.name, *company.aliases):
                self.companies.add(name, company.id)

    @cached_property
    def aimed(self) -> frozenset[str]:
        """The ids of the companies you aim at: an opening's, one you seek, one of the
        field you seek (by its industry)."""
        network = self.network
        found = {opening.company for opening in network.openings}
        found |= set(network.me.seeking.companies)
        if network.me.seeking.industries:
            taxonomy = Taxonomy.load()
            field = target_field(taxonomy, network.me.seeking.industries, [], strict=False)
            companies = company_industries(network, taxonomy)
            people, _ = classify_industries(network, taxonomy, companies)
            matches = company_matches(network, companies, people)
            found |= {company for company, match in matches.items() if field.contains(match)}
        return frozenset(found)

    def company(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.companies.match(name) or company_id(name)

    def by_identity(self, person: Incoming) -> list[str]:
        """The contact with one of the person's identity keys (LinkedIn address, e-mail)."""
        for key in identity_keys(email=person.email, linkedin=person.linkedin):
            if key in self.by_key:
                return [self.by_key[key]]
        return []

    def exact(self, person: Incoming) -> list[str]:
        return self.by_identity(person) or list(self.by_name.get(slugify(person.name), ()))

    def fuzzy(self, people: Sequence[Incoming]) -> list[list[str]]:
        """For each person, the contacts whose names come close, best first."""
        names = [contact.name for contact in self.contacts]
        found = similar_names([person.name for person in people], names)
        return [[self.contacts[index].id for index in indices] for indices in found]

    def choose(self, person: Incoming, candidates: list[str]) -> str | list[str] | None:
        """The one contact among ``candidates``: alone, or the only one at their company.

        Someone whose LinkedIn address differs from the incoming one is someone else.
        """
        contacts = self.network.contacts_by_id
        if person.linkedin:
            url = linkedin_key(person.linkedin)
            candidates = [
                c
                for c in candidates
                if not contacts[c].linkedin or linkedin_key(str(contacts[c].linkedin)) == url
            ]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        company = self.company(person.company)
        same = [c for c in candidates if company and contacts[c].company == company]
        return same[0] if len(same) == 1 else candidates


__all__ = [
    "FileIndex",
    "Seen",
    "identity",
    "is_left_out",
    "link_strength",
    "linked_keys",
    "links",
    "with_domain",
]
