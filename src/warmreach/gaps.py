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

from warmreach.errors import UsageError
from warmreach.graph import NetworkIndex
from warmreach.matching import (
    Inference,
    TargetField,
    Taxonomy,
    classify_industries,
    company_industries,
    company_matches,
    holds_role,
    target_field,
)
from warmreach.model import Contact, Network, Opening, resolve_day
from warmreach.scoring import BANDS, DIRECT, Candidate, ReferralModel, default_targets, rank
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
    taxonomy = Taxonomy.load()
    seeking = network.me.seeking
    names = list(field) if field else list(seeking.industries)
    wanted_roles = list(roles) if roles else list(seeking.roles)
    named = tuple(dict.fromkeys(t.company for t in targets)) if targets else seeking.companies
    if not names and not wanted_roles and not named:
        raise UsageError(
            "nothing to look for: set me.seeking (industries, roles, companies) "
            "or pass --field and --role"
        )
    target = target_field(taxonomy, names, wanted_roles, strict=bool(field))
    day = resolve_day(as_of)
    if model is None or model.network is not network or model.as_of != day:
        model = ReferralModel(network, as_of=day, index=index)  # another's cannot be reused
    from_companies = company_industries(network, taxonomy)
    industries, inferred = classify_industries(network, taxonomy, from_companies)

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

    def by_tie(people: Iterable[Person]) -> tuple[Person, ...]:
        return tuple(sorted(people, key=lambda p: (-p.tie, p.contact)))

    matches = company_matches(network, from_companies, industries)
    chosen = list(named)
    chosen += [
        company.id
        for company in network.companies
        if company.id not in chosen
        and company.id != network.me.company  # where you work now is no gap to fill
        and target.contains(matches[company.id])
    ]
    analysed = list(targets) if targets else default_targets(network)
    gaps = []
    for company_id in chosen:
        company = network.companies_by_id[company_id]
        # the targets analyze ranks for the company (its openings), so the scores agree
        aims = [t for t in analysed if t.company == company_id] or [Opening(company=company_id)]
        ranked = sorted(
            (candidate for aim in aims for candidate in rank(model, aim).candidates),
            key=lambda candidate: (-candidate.score, candidate.contact),
        )
        working = [contact.id for contact in network.contacts if contact.company == company_id]
        strong = [
            contact
            for contact in working
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
                contacts=tuple(working),
                strong_ties=tuple(strong),
                status=_status(ranked),
            )
        )
    gaps.sort(key=lambda gap: (not gap.sought, -gap.best_score, gap.company))

    sought = set(named)

    def works_in_field(contact: Contact) -> bool:
        """In the field: by industry, or at a company you seek (which always counts)."""
        return target.contains(industries.get(contact.id)) or contact.company in sought

    in_field_people = by_tie(
        person(contact) for contact in network.contacts if works_in_field(contact)
    )
    holders: list[Person] = []
    titled = [contact for contact in network.contacts if contact.title]
    if wanted_roles and titled:
        holds = [False] * len(titled)
        for role in wanted_roles:
            found = holds_role([str(contact.title) for contact in titled], role)
            holds = [a or b for a, b in zip(holds, found, strict=True)]
        holders = [person(contact) for contact, hit in zip(titled, holds, strict=True) if hit]
    adjacent = by_tie(
        person(contact)
        for contact in network.contacts
        if contact.is_direct
        and target.adjacent(industries.get(contact.id))
        and not works_in_field(contact)
    )
    unknown = tuple(contact.id for contact in network.contacts if contact.id not in industries)
    report = GapReport(
        generated_for=network.me.name,
        as_of=day,
        field=target,
        companies=tuple(gaps),
        contacts_in_field=in_field_people,
        role_holders=by_tie(holders),
        adjacent=adjacent[:10],
        inferred=tuple(inferred),
        unknown_industry=unknown,
        suggestions=(),
    )
    suggestions = _suggestions(report, network, model, taxonomy)
    return replace(report, suggestions=tuple(suggestions))


@dataclass(frozen=True, kw_only=True)
class ReconnectAt:
    """Nobody at a company can refer you yet, but you know some of its people."""

    company: str
    #: the people you know there (names), at most two
    people: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class IntroductionAt:
    """Nobody at a company can refer you yet; a contact of yours knows people there."""

    company: str
    #: who can introduce you, and whom they know there (names)
    friend: str
    people: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class AskWhomTheyKnow:
    """You know nobody at a company: ask someone in (or next to) the field."""

    company: str
    #: whom to ask (a name), and their industry
    helper: str
    industry: str


@dataclass(frozen=True, kw_only=True)
class NobodyAt:
    """You know nobody at a company, and nobody in the field to ask."""

    company: str
    #: the field in your words
    field: str


@dataclass(frozen=True, kw_only=True)
class RouteAt:
    """A company's best route is an introduction (``bridge``), a tie to cultivate, or an
    ask of your own that would count for little (its score below the good band)."""

    company: str
    #: the best candidate (a name), and the bridge of their introduction (None: your own)
    person: str
    bridge: str | None
    #: what analyze says to do about them, and their score
    action: str = "info-chat"
    score: float = 0.0


@dataclass(frozen=True, kw_only=True)
class TellAspiration:
    """People in the field who can vouch for you but do not know what you are aiming at."""

    #: their names, the most useful first
    people: tuple[str, ...]
    field: str


@dataclass(frozen=True, kw_only=True)
class AskRoleHolders:
    """People who hold a role you want."""

    people: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class FewInField:
    """Few of your direct ties work in the field; some in fields next to it can bridge."""

    #: your direct ties in the field, and all your direct ties
    count: int
    direct: int
    field: str
    #: people in the fields next to it (names), strongest tie first
    adjacent: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class UnknownIndustries:
    """Contacts whose industry stays unknown, and the companies where adding one places
    most of them."""

    count: int
    #: (company name, its contacts of unknown industry), most first
    companies: tuple[tuple[str, int], ...]


#: something to do about a gap, structured; ``warmreach.reports.gaps`` words it
Suggestion = (
    ReconnectAt
    | IntroductionAt
    | AskWhomTheyKnow
    | NobodyAt
    | RouteAt
    | TellAspiration
    | AskRoleHolders
    | FewInField
    | UnknownIndustries
)


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
