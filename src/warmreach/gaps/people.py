"""The people of the gap report: who works in the field you seek, who holds a role you
want, your ties next to the field; and the field and everyone's industry, read once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from warmreach.errors import UsageError
from warmreach.graph import NetworkIndex
from warmreach.matching import (
    CompanyIndustry,
    IndustryMatch,
    Inferences,
    TargetField,
    Taxonomy,
    classify_industries,
    company_industries,
    holds_role,
    target_field,
)
from warmreach.model import Contact, Network, Opening
from warmreach.scoring import ReferralModel, model_for


@dataclass(frozen=True, kw_only=True)
class Person:
    """A contact as the gap report lists them."""

    #: contact id
    contact: str
    #: display name
    name: str
    #: strength of your direct tie (0 when you know them only through others)
    tie: float
    #: their industry, canonical, with its field
    industry: str
    #: their job title and the name of their company, when known
    title: str | None = None
    company: str | None = None

    @property
    def where(self) -> str:
        """Their title and company, for the reader: ``Director of Product, Voltgrid``."""
        return ", ".join(part for part in (self.title, self.company) if part)


@dataclass(frozen=True, kw_only=True)
class FieldPeople:
    """The people of the gap report: who works in the field, who holds a role you want,
    and your ties next to the field (what the plan's growth steps are chosen from)."""

    field: TargetField
    #: people in the field, strongest tie first
    contacts_in_field: tuple[Person, ...]
    #: people who hold a role you want
    role_holders: tuple[Person, ...]
    #: direct ties in adjacent fields who could bridge you in, the ten strongest
    adjacent: tuple[Person, ...]


@dataclass(frozen=True, kw_only=True)
class Reading:
    """The field and everyone's industry, read once for the whole report."""

    taxonomy: Taxonomy
    field: TargetField
    roles: tuple[str, ...]
    #: the companies you seek (ids): ``me.seeking.companies`` or the targets' companies
    named: tuple[str, ...]
    from_companies: dict[str, CompanyIndustry]
    industries: dict[str, IndustryMatch]
    inferred: Inferences


def read_field(
    network: Network,
    field: Sequence[str] | None,
    roles: Sequence[str] | None,
    targets: Sequence[Opening] | None,
) -> Reading:
    taxonomy = Taxonomy.load()
    seeking = network.me.seeking
    names = list(field) if field else list(seeking.industries)
    wanted_roles = tuple(roles) if roles else tuple(seeking.roles)
    named = tuple(dict.fromkeys(t.company for t in targets)) if targets else seeking.companies
    if not names and not wanted_roles and not named:
        raise UsageError(
            "nothing to look for: set me.seeking (industries, roles, companies) "
            "or pass --field and --role"
        )
    target = target_field(taxonomy, names, list(wanted_roles), strict=bool(field))
    from_companies = company_industries(network, taxonomy)
    industries, inferred = classify_industries(network, taxonomy, from_companies)
    return Reading(
        taxonomy=taxonomy,
        field=target,
        roles=wanted_roles,
        named=tuple(named),
        from_companies=from_companies,
        industries=industries,
        inferred=inferred,
    )


def field_people(
    network: Network,
    *,
    as_of: dt.date | None = None,
    model: ReferralModel | None = None,
    index: NetworkIndex | None = None,
) -> FieldPeople:
    """The people of the gap report of the field you seek (``me.seeking``), without the
    report's companies: what the plan needs, at a fraction of the cost of ranking
    everyone at every company of the field. The same people as :func:`find_gaps`."""
    model = model_for(network, as_of, model, index)
    return people_of(network, model, read_field(network, None, None, None))


def people_of(network: Network, model: ReferralModel, reading: Reading) -> FieldPeople:
    taxonomy, target, industries = reading.taxonomy, reading.field, reading.industries
    sought = set(reading.named)

    def person(contact: Contact) -> Person:
        tie = model.ties.get(contact.id)
        return Person(
            contact=contact.id,
            name=contact.name,
            tie=round(tie.strength, 3) if tie else 0.0,
            industry=taxonomy.describe(industries.get(contact.id)),
            title=contact.title,
            company=network.companies_by_id[contact.company].name if contact.company else None,
        )

    def works_in_field(contact: Contact) -> bool:
        """In the field: by industry, or at a company you seek (which always counts)."""
        return target.contains(industries.get(contact.id)) or contact.company in sought

    in_field_people = _by_tie(
        person(contact) for contact in network.contacts if works_in_field(contact)
    )
    holders: list[Person] = []
    titled = [contact for contact in network.contacts if contact.title]
    if reading.roles and titled:
        holds = [False] * len(titled)
        for role in reading.roles:
            found = holds_role([str(contact.title) for contact in titled], role)
            holds = [a or b for a, b in zip(holds, found, strict=True)]
        holders = [person(contact) for contact, hit in zip(titled, holds, strict=True) if hit]
    adjacent = _by_tie(
        person(contact)
        for contact in network.contacts
        if contact.is_direct
        and target.adjacent(industries.get(contact.id))
        and not works_in_field(contact)
    )
    return FieldPeople(
        field=target,
        contacts_in_field=in_field_people,
        role_holders=_by_tie(holders),
        adjacent=adjacent[:10],
    )


def _by_tie(people: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(sorted(people, key=lambda p: (-p.tie, p.contact)))
