"""Where your network lacks people in the field you aim at, and what to do about it.

The field comes from ``me.seeking`` (industries, roles, companies) or from the caller.
Contacts' industries are read through the taxonomy (:mod:`warmreach.matching.industries`);
a contact without one gets it inferred from their company or title, and every inference
is listed with its source and confidence, never mixed silently with what was written.

>>> import datetime as dt
>>> from warmreach.networkfile import parse_network
>>> network = parse_network('''
... me: {name: Ana, seeking: {industries: [Climate Tech], companies: [Sunforge]}}
... companies: [{name: Voltgrid, industry: Energy Storage}]
... contacts:
...   - {name: Bob, company: Voltgrid AB, trust: 4, knows_my_work: 3, last_contact: 2026-10}
...   - {name: Cy, company: Acme Shipping, trust: 5}
... ''')
>>> report = find_gaps(network, as_of=dt.date(2026, 11, 25))
>>> [(gap.name, gap.status) for gap in report.companies]
[('Sunforge', 'no-path'), ('Voltgrid', 'covered')]
>>> report.inferred[0].source
"company Voltgrid (industry 'Energy Storage')"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal

from warmreach.gaps.people import Person, people_of, read_field
from warmreach.gaps.suggestions import (
    AskRoleHolders,
    AskWhomTheyKnow,
    FewInField,
    IntroductionAt,
    NobodyAt,
    ReconnectAt,
    RouteAt,
    Suggestion,
    TellAspiration,
    UnknownIndustries,
)
from warmreach.graph import NetworkIndex
from warmreach.matching import Inference, TargetField, Taxonomy, company_matches
from warmreach.model import Network, Opening
from warmreach.scoring import (
    BANDS,
    DIRECT,
    Candidate,
    ReferralModel,
    default_targets,
    model_for,
    rank,
)
from warmreach.text import join_words

#: a direct tie at least this strong (see docs/scoring.md) counts as a strong tie
STRONG_TIE: Final = 0.5
#: the companies named as those whose missing industry leaves the most contacts unplaced
UNKNOWN_COMPANIES: Final = 3

Status = Literal["covered", "weak", "no-path"]


@dataclass(frozen=True, kw_only=True)
class CompanyGap:
    """How well your network reaches one company of the field."""

    #: company id
    company: str
    #: display name
    name: str
    #: whether you listed it in ``me.seeking.companies``
    sought: bool
    #: the best referral score there (DIRECT when nobody helps)
    best_score: float
    #: contact id of the best candidate, if any
    best_contact: str | None
    #: what to do about the best candidate
    best_action: str | None
    #: the contact to ask for an introduction to the best candidate, if that is the route
    best_bridge: str | None
    #: ids of the people working there
    contacts: tuple[str, ...]
    #: ids of those with a strong direct tie to you
    strong_ties: tuple[str, ...]
    #: covered (someone can vouch for you), weak (only introductions or ties to
    #: cultivate), no-path (nobody who helps)
    status: Status


@dataclass(frozen=True, kw_only=True)
class GapReport:
    """The answer of ``warmreach gaps``."""

    generated_for: str
    as_of: dt.date
    field: TargetField
    #: the field's companies in your file and the companies you seek, sought first
    companies: tuple[CompanyGap, ...]
    #: people in the field, strongest tie first
    contacts_in_field: tuple[Person, ...]
    #: people who hold a role you want
    role_holders: tuple[Person, ...]
    #: direct ties in adjacent fields who could bridge you in
    adjacent: tuple[Person, ...]
    #: industries warmreach filled in or read loosely
    inferred: tuple[Inference, ...]
    #: contacts whose industry stays unknown
    unknown_industry: tuple[str, ...]
    #: what to do, most useful first (worded by ``warmreach.reports.gaps``)
    suggestions: tuple[Suggestion, ...]


def _status(candidates: Iterable[Candidate]) -> Status:
    """covered: someone you can ask yourself for a referral, on a route a coach would take
    (a good band or better); weak: only introductions, reaching out, relationships to
    build, or a referral only a fair or weak route gives; no-path: nothing better than
    applying."""
    weak = False
    for candidate in candidates:
        direct = len(candidate.path) == 2 and candidate.action != "reach-out"
        if direct and candidate.action in _ASKED_YOURSELF and candidate.score >= COVERED:
            return "covered"
        weak = weak or candidate.action != "apply-directly"
    return "weak" if weak else "no-path"


#: the least score of a route that covers a company: the good band
COVERED: Final = next(least for band, least in BANDS if band == "good")


#: the actions that, on a route of your own, make a company covered
_ASKED_YOURSELF: Final = frozenset(
    {"referred", "follow-up", "ask-referral", "signal-then-ask", "ask-later"}
)


def find_gaps(
    network: Network,
    *,
    field: Sequence[str] | None = None,
    roles: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    model: ReferralModel | None = None,
    index: NetworkIndex | None = None,
    targets: Sequence[Opening] | None = None,
) -> GapReport:
    """The gap report for ``field`` (default: ``me.seeking.industries``) and ``roles``
    (default: ``me.seeking.roles``).

    Raises :class:`~warmreach.errors.UnknownName` for a field given here that the
    taxonomy does not know, and :class:`~warmreach.errors.UsageError` when there is
    nothing to look for. ``model``, a :class:`ReferralModel` of this network on this
    day, saves building one; ``index``, the network's
    :class:`~warmreach.graph.NetworkIndex`, saves building that. ``targets`` (``--target``)
    stand for ``me.seeking.companies``: their companies are the ones you seek.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana, seeking: {industries: [Climate Tech]}}
    ... contacts: [{name: Bo, company: Sunforge Solar, trust: 5, knows_my_work: 4},
    ...            {name: Cy, company: Acme}]
    ... ''')
    >>> report = find_gaps(network, as_of=dt.date(2026, 11, 25))
    >>> [(gap.name, gap.status) for gap in report.companies]
    [('Sunforge Solar', 'covered')]
    """
    reading = read_field(network, field, roles, targets)
    model = model_for(network, as_of, model, index)
    named, target = reading.named, reading.field
    matches = company_matches(network, reading.from_companies, reading.industries)
    chosen = list(named)
    chosen += [
        company.id
        for company in network.companies
        if company.id not in chosen
        and company.id != network.me.company  # where you work now is no gap to fill
        and target.contains(matches[company.id])
    ]
    analysed = list(targets) if targets else default_targets(network)
    working: dict[str, list[str]] = {}
    for contact in network.contacts:
        if contact.company is not None:
            working.setdefault(contact.company, []).append(contact.id)
    gaps = []
    for company_id in chosen:
        company = network.companies_by_id[company_id]
        # the targets analyze ranks for the company (its openings), so the scores agree
        aims = [t for t in analysed if t.company == company_id] or [Opening(company=company_id)]
        ranked = sorted(
            (candidate for aim in aims for candidate in rank(model, aim).candidates),
            key=lambda candidate: (-candidate.score, candidate.contact),
        )
        there = working.get(company_id, [])
        strong = [
            contact
            for contact in there
            if contact in model.ties and model.ties[contact].strength >= STRONG_TIE
        ]
        best = ranked[0] if ranked else None
        gaps.append(
            CompanyGap(
                company=company_id,
                name=company.name,
                sought=company_id in named,
                best_score=best.score if best else DIRECT,
                best_contact=best.contact if best else None,
                best_action=best.action if best else None,
                best_bridge=best.bridge if best else None,
                contacts=tuple(there),
                strong_ties=tuple(strong),
                status=_status(ranked),
            )
        )
    gaps.sort(key=lambda gap: (not gap.sought, -gap.best_score, gap.company))
    people = people_of(network, model, reading)
    industries = reading.industries
    unknown = tuple(contact.id for contact in network.contacts if contact.id not in industries)
    report = GapReport(
        generated_for=network.me.name,
        as_of=model.as_of,
        field=target,
        companies=tuple(gaps),
        contacts_in_field=people.contacts_in_field,
        role_holders=people.role_holders,
        adjacent=people.adjacent,
        inferred=tuple(reading.inferred),
        unknown_industry=unknown,
        suggestions=(),
    )
    suggestions = _suggestions(report, network, model, reading.taxonomy)
    return replace(report, suggestions=tuple(suggestions))


def _suggestions(
    report: GapReport,
    network: Network,
    model: ReferralModel,
    taxonomy: Taxonomy,
) -> list[Suggestion]:
    # the field in the user's own words ("Consumer Tech"), the taxonomy's only when they
    # named none (roles alone)
    field_name = join_words(list(report.field.asked)) or join_words(
        [taxonomy.fields[f].name for f in report.field.fields]
    )
    contacts = network.contacts_by_id
    direct_in_field = [p for p in report.contacts_in_field if p.tie > 0]
    helpers = direct_in_field or list(report.adjacent)
    found: list[Suggestion] = []
    for gap in report.companies:
        if gap.status == "no-path":
            there = set(gap.contacts)
            friends = sorted(
                (
                    -len(known),
                    -model.ties[contact.id].strength,
                    contact.id,
                    sorted(known),
                )
                for contact in network.contacts
                if contact.is_direct and contact.company != gap.company
                for known in [there.intersection(model.knows[contact.id])]
                if known
            )
            known_directly = [
                contacts[person] for person in gap.contacts if contacts[person].is_direct
            ]
            if known_directly:
                people = tuple(person.name for person in known_directly[:2])
                found.append(ReconnectAt(company=gap.name, people=people))
            elif friends:
                *_, friend, known_there = friends[0]
                people = tuple(contacts[person].name for person in known_there)
                found.append(
                    IntroductionAt(company=gap.name, friend=contacts[friend].name, people=people)
                )
            elif helpers:
                found.append(
                    AskWhomTheyKnow(
                        company=gap.name, helper=helpers[0].name, industry=helpers[0].industry
                    )
                )
            else:
                found.append(NobodyAt(company=gap.name, field=field_name))
        elif gap.status == "weak" and gap.best_contact is not None:
            bridge = contacts[gap.best_bridge].name if gap.best_bridge is not None else None
            person = contacts[gap.best_contact].name
            found.append(
                RouteAt(
                    company=gap.name,
                    person=person,
                    bridge=bridge,
                    action=gap.best_action or "info-chat",
                    score=gap.best_score,
                )
            )
    untold = [
        p.name
        for p in direct_in_field
        if contacts[p.contact].trust >= 2 and "aspiration" not in contacts[p.contact].told
    ]
    if untold:
        found.append(TellAspiration(people=tuple(untold), field=field_name))
    if report.role_holders:
        holders = tuple(person.name for person in report.role_holders)
        found.append(AskRoleHolders(people=holders, roles=report.field.roles))
    direct = sum(1 for contact in network.contacts if contact.is_direct)
    if len(direct_in_field) < min(5, direct) and report.field.fields:
        found.append(
            FewInField(
                count=len(direct_in_field),
                direct=direct,
                field=field_name,
                adjacent=tuple(person.name for person in report.adjacent),
            )
        )
    if report.unknown_industry:
        counts: dict[str, int] = {}
        for person_id in report.unknown_industry:
            company = contacts[person_id].company
            if company is not None:
                counts[company] = counts.get(company, 0) + 1
        top = sorted(counts, key=lambda company: (-counts[company], company))[:UNKNOWN_COMPANIES]
        named = tuple((network.companies_by_id[c].name, counts[c]) for c in top)
        found.append(UnknownIndustries(count=len(report.unknown_industry), companies=named))
    return found


__all__ = [
    "STRONG_TIE",
    "AskRoleHolders",
    "AskWhomTheyKnow",
    "CompanyGap",
    "FewInField",
    "GapReport",
    "IntroductionAt",
    "NobodyAt",
    "Person",
    "ReconnectAt",
    "RouteAt",
    "Status",
    "Suggestion",
    "TellAspiration",
    "UnknownIndustries",
    "find_gaps",
]
