"""Whom to ask about first: the people whose answers would change your advice the most.

For each target, your chance of an interview through a referral counts every candidate's
best route, backups included (:func:`warmreach.plan.value.interview_chance`, the plan's
own value). For a person the file leaves uncertain about (their trust, what they know of
your work, when you were last in touch, their team at a target company, a tie the
evidence shows but the file does not), a few **plausible answers** are weighed, each with
a prior chance; each answer gives another model of your network and another chance per
target. A person's **value of information** is the expected change of those chances,
averaged over the targets::

    value(person) = mean over targets t of  sum over answers a of  P(a) x |chance_t(a) - chance_t|

The queue is everyone whose value is at least :data:`MIN_VALUE`, most valuable first (ties
by id); nobody whose answers could not change a route is asked. ``docs/review.md`` explains
the rule with a worked example.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from warmreach.dates import PartialDate
from warmreach.graph import NetworkIndex
from warmreach.model import Contact, Evidence, Network, Opening
from warmreach.review.weigh import MIN_VALUE, Answer, Chances, reach
from warmreach.scoring import (
    Reason,
    ReferralModel,
    default_targets,
    evidence_reasons,
    model_for,
    position_reasons,
)
from warmreach.scoring.ranking import sought_roles
from warmreach.scoring.results import Position
from warmreach.scoring.standing import position_of

#: what a review can ask about a person
Facet = Literal["trust", "knows_my_work", "last_contact", "told", "team", "knows"]

#: the plausible answers to "how well do they know you, and your work", with their prior
#: chances (our assumption, after Granovetter and Rajkumar et al.: most of a network are
#: acquaintances, a few are close): an acquaintance, a friend, a close colleague
TIE_ANSWERS: Final[tuple[tuple[int, int, float], ...]] = ((1, 0, 0.45), (3, 2, 0.35), (5, 4, 0.20))
#: the plausible answers to "when were you last in touch", in months ago, with their chances
LAST_ANSWERS: Final[tuple[tuple[int, float], ...]] = ((1, 0.4), (24, 0.6))
#: the chance someone at a target company whose team is not written is on the hiring team
#: (our assumption: teams of a handful to a dozen, a few teams near the role)
ON_TEAM: Final = 0.15
#: the most people weighed: the targets' candidates first, then the people linked to most
#: of them (a network of 30,000 can have thousands within two links of a target)
POOL_LIMIT: Final = 600


@dataclass(frozen=True, kw_only=True)
class Question:
    """One person in the review queue: who, why, and what to ask them about."""

    #: contact id
    contact: str
    name: str
    #: the company's and the team's names as the file has them, when known
    company: str | None
    title: str | None
    #: the expected change of your targets' interview chances an answer brings (0 .. 1)
    value: float
    #: why they are in the queue, most telling first (``warmreach.reports`` gives words)
    why: tuple[Reason, ...]
    #: what to ask, in the order asked
    facets: tuple[Facet, ...]
    #: for ``team`` and ``knows``: the target company to ask about, by name
    about: str | None = None
    #: evidence of a tie the file does not record (trust 0, or trust left to the evidence)
    seen: Evidence | None = None


def review_queue(
    network: Network,
    targets: Sequence[Opening] | None = None,
    *,
    as_of: dt.date,
    index: NetworkIndex | None = None,
    limit: int | None = None,
    model: ReferralModel | None = None,
) -> list[Question]:
    """The people to ask about, most valuable first (at most ``limit``). ``model``, a
    :class:`ReferralModel` of this network on this day, saves building one (and shares
    its rankings with whoever else uses it)."""
    chosen = list(default_targets(network) if targets is None else targets)
    if not chosen:
        return []
    model = model_for(network, as_of, model, index)
    base = Chances(model, chosen)
    found: list[Question] = []
    for contact in _pool(model, chosen):
        facets = _facets(model, contact, chosen)
        answers = _answers(model, contact, chosen, facets)
        if not answers:
            continue
        value = base.value_of(contact, answers)
        if value < MIN_VALUE:
            continue
        found.append(_question(model, contact, chosen, facets, value))
    relevance = _relevance(model, chosen)
    found.sort(key=lambda question: (-round(question.value, 3), *relevance(question.contact)))
    return found if limit is None else found[:limit]


def _relevance(
    model: ReferralModel, targets: Sequence[Opening]
) -> Callable[[str], tuple[int, int, str]]:
    """Among people an answer about is worth as much (to 0.001): those nearer a hiring team
    first, then those who hold the role you seek, then by id."""
    from warmreach.matching import holds_any

    contacts = model.network.contacts_by_id
    roles = sought_roles(model.network, targets)
    ranks = list(Position)

    def key(person: str) -> tuple[int, int, str]:
        contact = contacts[person]
        nearest = min(
            (
                ranks.index(position_of(model.index, contact, target))
                for target in targets
                if person in model.index.staff.get(target.company, ())
                or person == target.hiring_manager
            ),
            default=len(ranks),
        )
        return (nearest, 0 if holds_any(contact.title, roles) else 1, person)

    return key


def _pool(model: ReferralModel, targets: Sequence[Opening]) -> list[Contact]:
    """Everyone an answer could matter for: each target's candidates, then the people who
    could carry a request to them (within two links), those linked to more candidates
    first, then by id; at most POOL_LIMIT people."""
    candidates: dict[str, None] = {}
    for target in targets:
        candidates.update((item.contact.id, None) for item in model.evaluate(target))
    links: dict[str, int] = {}
    for candidate in candidates:
        for person in reach(model, candidate) - candidates.keys():
            links[person] = links.get(person, 0) + 1
    bridges = sorted(links, key=lambda person: (-links[person], person))
    chosen = [*candidates, *bridges][:POOL_LIMIT]
    contacts = model.network.contacts_by_id
    return [contacts[person] for person in chosen]


def _facets(model: ReferralModel, contact: Contact, targets: Sequence[Opening]) -> list[Facet]:
    """What the file leaves open about ``contact`` that a review can ask."""
    facets: list[Facet] = []
    tie = model.ties.get(contact.id)
    seen = _seen(contact)
    if contact.is_direct or seen is not None:
        if not contact.trust_written or (seen is not None and not contact.is_direct):
            facets.append("trust")
        if not contact.work_written:
            facets.append("knows_my_work")
        known_last = contact.last_contact is not None or (seen is not None and seen.last)
        if (tie is None and not known_last) or (tie is not None and tie.months_silent is None):
            facets.append("last_contact")
    if _team_target(model, contact, targets) is not None:
        facets.append("team")
    return facets


def _team_target(
    model: ReferralModel, contact: Contact, targets: Sequence[Opening]
) -> Opening | None:
    """The first target with a team at the company ``contact`` works at, when the file does
    not say their team."""
    if contact.team is not None or contact.company is None:
        return None
    return next((t for t in targets if t.team is not None and t.company == contact.company), None)


def _seen(contact: Contact) -> Evidence | None:
    """The evidence of a tie with ``contact`` the file's trust does not stand on: someone
    written as known of only (trust 0), or whose trust the evidence sets."""
    if not contact.evidence or (contact.trust > 0 and contact.trust_written):
        return None
    total = Evidence.total(contact.evidence)
    return total if total.shows_a_tie else None


def _answers(
    model: ReferralModel, contact: Contact, targets: Sequence[Opening], facets: Iterable[Facet]
) -> list[Answer]:
    """The plausible answers about ``contact``: every combination of the plausible answers
    to each open question, with the product of their chances."""
    asked = set(facets)
    ties: list[Answer] = [Answer(1.0)]
    if "trust" in asked or "knows_my_work" in asked:
        ties = [
            Answer(
                weight,
                trust=trust if "trust" in asked else None,
                work=work if "knows_my_work" in asked else None,
            )
            for trust, work, weight in TIE_ANSWERS
        ]
    if "last_contact" in asked:
        ties = [
            dataclasses.replace(
                answer, weight=answer.weight * weight, last=_months_ago(model.as_of, months)
            )
            for answer in ties
            for months, weight in LAST_ANSWERS
        ]
    team = _team_target(model, contact, targets) if "team" in asked else None
    if team is None or team.team is None:
        return [answer for answer in ties if answer.about_tie]
    on = (team.company, team.team)
    return [
        dataclasses.replace(answer, weight=answer.weight * (1 - ON_TEAM))
        for answer in ties
        if answer.about_tie
    ] + [dataclasses.replace(answer, weight=answer.weight * ON_TEAM, team=on) for answer in ties]


def _months_ago(day: dt.date, months: int) -> PartialDate:
    """The month ``months`` before ``day``."""
    total = day.year * 12 + day.month - 1 - months
    return PartialDate(year=total // 12, month=total % 12 + 1)


def _question(
    model: ReferralModel,
    contact: Contact,
    targets: Sequence[Opening],
    facets: list[Facet],
    value: float,
) -> Question:
    network = model.network
    company = network.companies_by_id.get(contact.company or "")
    about = _about(model, contact, targets)
    seen = _seen(contact)
    asked: list[Facet] = list(facets)
    if (contact.is_direct or seen is not None) and len(contact.told) < 3:
        asked.append("told")
    if about is not None:
        asked.append("knows")
    order: tuple[Facet, ...] = ("trust", "knows_my_work", "last_contact", "told", "team", "knows")
    return Question(
        contact=contact.id,
        name=contact.name,
        company=company.name if company is not None else None,
        title=contact.title,
        value=value,
        why=tuple(_why(model, contact, targets, facets, seen)),
        facets=tuple(facet for facet in order if facet in asked),
        about=about,
        seen=seen,
    )


def _why(
    model: ReferralModel,
    contact: Contact,
    targets: Sequence[Opening],
    facets: list[Facet],
    seen: Evidence | None,
) -> Iterator[Reason]:
    """Why ``contact`` is asked about: where they stand for the first target they are a
    candidate for (and whether they hold the role you seek), whom they know at a target,
    what the evidence shows, what is not known."""
    from warmreach.matching import holds_any

    for target in targets:
        item = next((i for i in model.evaluate(target) if i.contact.id == contact.id), None)
        if item is not None:
            yield from position_reasons(model, item, target)
            roles = sought_roles(model.network, (target,))
            if holds_any(contact.title, roles):
                yield Reason.of("holds-role", role=roles[0])
            break
    knows = model.knows.get(contact.id, {})
    for company in dict.fromkeys(target.company for target in targets):
        if company == contact.company:
            continue
        linked = len((set(model.index.staff.get(company, ())) - {contact.id}) & knows.keys())
        if linked:
            name = model.network.companies_by_id[company].name
            yield Reason.of("knows-at", count=linked, company=name)
    if seen is not None:
        yield from evidence_reasons(seen)
        yield Reason.of("seen", known_of=int(not contact.is_direct))
    open_facts = {"trust": "trust", "work": "knows_my_work", "last": "last_contact", "team": "team"}
    if facets:
        yield Reason.of(
            "unknown", **{name: int(facet in facets) for name, facet in open_facts.items()}
        )


def _about(model: ReferralModel, contact: Contact, targets: Sequence[Opening]) -> str | None:
    """The target company to ask "whom do they know there" about: the first target's that
    they do not work at."""
    companies = model.network.companies_by_id
    for target in targets:
        if target.company != contact.company:
            return companies[target.company].name
    return None


__all__ = [
    "LAST_ANSWERS",
    "MIN_VALUE",
    "ON_TEAM",
    "POOL_LIMIT",
    "TIE_ANSWERS",
    "Facet",
    "Question",
    "review_queue",
]
