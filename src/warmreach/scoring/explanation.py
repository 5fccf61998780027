"""Why: each candidate's score and action as structured reasons (a kind and its facts).

The words live in :mod:`warmreach.reports.words`; tests of the analysis assert kinds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import assert_never

from warmreach.model import Contact, Evidence, Network, Opening
from warmreach.scoring.actions import worth_a_word
from warmreach.scoring.chances import DIRECT, interview_chance, route_score
from warmreach.scoring.paths import Route
from warmreach.scoring.ranking import Evaluation, ReferralModel
from warmreach.scoring.results import (
    Bridge,
    Candidate,
    FactorKind,
    Position,
    Reason,
    Spelling,
    TargetReport,
)
from warmreach.scoring.ties import TieStrength

#: closeness from which someone elsewhere in the company is said to be close to the team
CLOSE: float = 0.1
#: months known from which the length of a relationship is named
LONG_KNOWN: float = 24.0


def target_report(model: ReferralModel, target: Opening) -> TargetReport:
    """A report on ``target`` with its display names, the names your contacts write for
    its company that were taken for it by a rule, and no candidates yet."""
    company = model.network.companies_by_id[target.company]
    team = company.teams_by_id[target.team].name if target.team else None
    return TargetReport(
        target=target,
        company_name=company.name,
        team_name=team,
        candidates=(),
        spellings=spellings(model.network, target.company),
    )


def spellings(network: Network, company: str) -> tuple[Spelling, ...]:
    """The names contacts write for ``company`` that were taken for it by a rule: each
    with how many contacts write it, most first (then in file order)."""
    people: dict[str, set[str]] = {}
    how: dict[str, str] = {}
    for link in network.company_links:
        if link.company == company and link.path and link.path.startswith("contacts["):
            people.setdefault(link.written, set()).add(link.path.split(".", 1)[0])
            how.setdefault(link.written, link.how)
    order = sorted(people, key=lambda written: -len(people[written]))
    return tuple(
        Spelling(written=written, people=len(people[written]), how=how[written])
        for written in order
    )


def rank(
    model: ReferralModel, target: Opening, *, top: int | None = None, paths: int = 0
) -> TargetReport:
    """The ranking for ``target``, explained; ``paths`` other routes are listed for each."""
    evaluated = model.evaluate(target)
    total = len(evaluated)
    if top is not None:
        evaluated = evaluated[:top]
    candidates = tuple(explain(model, item, target, paths) for item in evaluated)
    return dataclasses.replace(
        target_report(model, target),
        candidates=candidates,
        bridges=bridges(model, target, candidates),
        total=total,
    )


def explain(model: ReferralModel, item: Evaluation, target: Opening, paths: int = 0) -> Candidate:
    """The candidate as reports show it: rounded, with the action's route and the reasons."""
    best = item.best
    shown = item.advised or best
    path = shown.path if shown is not None else ()
    reasons = [
        *_asked(model, item),
        *position_reasons(model, item, target),
        *_route(model, item, shown),
    ]
    if item.action == "ask-later":
        reasons.append(_availability(model))
    if item.action == "apply-directly" and item.ask is None:
        reasons.append(Reason.of("no-better-than-applying" if path else "no-route"))
    if item.standing.position is Position.FORMERLY_AT_COMPANY:
        reasons.append(Reason.of("cannot-refer"))
    alternatives: tuple[tuple[str, ...], ...] = ()
    if paths and item.routes:
        seen = {path}
        others = []
        for route in item.routes:
            if route.path not in seen:
                seen.add(route.path)
                others.append(route.path)
        alternatives = tuple(others[:paths])
    chance = best.chance if best is not None else 0.0
    vouch = best.vouch if best is not None else 0.0
    return Candidate(
        contact=item.contact.id,
        name=item.contact.name,
        score=round(item.score, 3),
        chance=round(chance, 3),
        if_referred=round(interview_chance(vouch * item.standing.value) if best else DIRECT, 3),
        path=path,
        action=item.action,
        reasons=tuple(reasons),
        position=item.standing.position,
        bridge=path[1] if len(path) > 2 else None,
        alternatives=alternatives,
        ask_from=model.ask_from if item.action == "ask-later" else None,
        follow_up_on=item.follow_up_on,
    )


def _asked(model: ReferralModel, item: Evaluation) -> Iterator[Reason]:
    """What the file's asks say about the candidate: a referral made, an ask waiting for
    an answer, a refusal."""
    ask = item.ask
    if ask is None:
        return
    asked = str(ask.date) if ask.date else None
    answered = str(ask.answered) if ask.answered else None
    match ask.outcome:
        case None:
            yield _waiting(model, item, asked)
        case "referred":
            yield Reason.of("referred-you", on=answered)
        case "declined" | "no-reply" as refused:
            yield Reason.of(refused, on=answered or asked)
        case "introduced":  # an introduction made closes no route: its tie is counted
            pass
        case unknown:
            assert_never(unknown)


def _waiting(model: ReferralModel, item: Evaluation, asked: str | None) -> Reason:
    """An ask that waits for an answer, and when to follow it up."""
    ask = item.ask
    assert ask is not None
    person = item.asked
    through = (
        model.network.contacts_by_id[person].name
        if person is not None and person != item.contact.id
        else None
    )
    return Reason.of(
        "asked",
        ask=ask.asked,
        on=asked,
        through=through,
        follow_up_on=item.follow_up_on.isoformat() if item.follow_up_on else None,
    )


def position_reasons(model: ReferralModel, item: Evaluation, target: Opening) -> Iterator[Reason]:
    """Where a candidate stands for ``target``, as reasons."""
    company = model.network.companies_by_id[target.company]
    standing = item.standing
    match standing.position:
        case Position.HIRING_MANAGER:
            yield Reason.of("hiring-manager")
        case Position.ON_TEAM:
            yield Reason.of("on-team")
        case Position.NEAR_TEAM:
            yield Reason.of("near-team", team=company.teams_by_id[str(item.contact.team)].name)
        case Position.RECRUITER:
            yield Reason.of("recruiter", company=company.name)
        case Position.AT_COMPANY:
            yield Reason.of("at-company", company=company.name)
            if standing.closeness >= CLOSE:
                kind: FactorKind = (
                    "close-to-team" if model.hiring_team(target) else "connected-at-company"
                )
                yield Reason.of(
                    kind,
                    links=standing.team_links,
                    routes=standing.team_routes,
                    company=company.name,
                )
        case Position.FORMERLY_AT_COMPANY:
            left = next(
                (
                    str(job.until)
                    for job in item.contact.past_companies
                    if job.company == target.company and job.until
                ),
                None,
            )
            yield Reason.of("formerly-at", company=company.name, left=left)
        case unknown:
            assert_never(unknown)
    if (
        standing.months_in is not None
        and standing.months_in < 12
        and standing.position is not Position.HIRING_MANAGER
    ):
        yield Reason.of("new-joiner", since=str(item.contact.since), company=company.name)


def _route(model: ReferralModel, item: Evaluation, route: Route | None) -> Iterator[Reason]:
    if route is None:
        return
    contacts = model.network.contacts_by_id
    if not route.is_introduction:
        tie = model.ties[item.contact.id]
        yield from _tie(item.contact, tie)
        alone = next(
            (
                route_score(other, item.standing.value)
                for other in item.routes
                if other.path == route.path and other.supporter is None
            ),
            DIRECT,
        )
        if route.supporter is not None and worth_a_word(
            route_score(route, item.standing.value), alone
        ):
            yield _word(model, route.supporter, item.contact.id)
        yield from _told(item.contact.name, tie, carrier=None)
        return
    bridge = contacts[route.path[1]]
    manager = item.standing.position is Position.HIRING_MANAGER
    if len(route.path) == 3 and item.contact.id in model.ties and not manager:
        # someone you know already who cannot vouch yet: a friend's word, not an introduction
        yield _word(model, bridge.id, item.contact.id)
        yield from _tie(item.contact, model.ties[item.contact.id])
        yield from _told(bridge.name, model.ties[bridge.id], carrier=bridge.name)
        return
    middle = contacts[route.path[2]].name if len(route.path) > 3 else None
    yield Reason.of(
        "word-to-manager" if manager else "introduction",
        bridge=bridge.name,
        trust=_trust(model, bridge),
        via=middle,
        strength=_strength(model, route.path[-2], route.path[-1]),
        estimated=int(model.links.estimated(route.path[-2], route.path[-1])),
    )
    if item.contact.id in model.ties:
        yield from _tie(item.contact, model.ties[item.contact.id])
    yield from _told(bridge.name, model.ties[bridge.id], carrier=bridge.name)


def _word(model: ReferralModel, friend: str, contact: str) -> Reason:
    person = model.network.contacts_by_id[friend]
    return Reason.of(
        "word-from",
        name=person.name,
        trust=_trust(model, person),
        strength=_strength(model, friend, contact),
        estimated=int(model.links.estimated(friend, contact)),
    )


def _trust(model: ReferralModel, contact: Contact) -> int:
    """The trust a reason shows: what the file says, or what the evidence showed."""
    tie = model.ties.get(contact.id)
    return contact.trust if tie is None else round(tie.trust)


def _strength(model: ReferralModel, u: str, v: str) -> float:
    return round(model.links.strength(u, v) or 0.0, 1)


def _tie(contact: Contact, tie: TieStrength) -> Iterator[Reason]:
    evidence = tie.evidence
    if contact.trust_written or evidence is None:
        yield Reason.of("trust", value=contact.trust)
    if contact.work_written or evidence is None:
        yield Reason.of("knows-work", value=contact.knows_my_work)
    if evidence is not None:
        yield from evidence_reasons(evidence)
    if tie.structural:
        yield Reason.of("shared-contacts", count=tie.mutual)
    if tie.is_new:
        yield Reason.of("new-connection", met=str(contact.met))
    elif tie.months_known is not None and tie.months_known >= LONG_KNOWN:
        yield Reason.of("known-for", years=int(tie.months_known // 12))
    if tie.months_silent is None:
        yield Reason.of("last-contact-unknown")
    elif tie.is_stale:
        yield Reason.of("out-of-touch", years=round(tie.months_silent / 12))
    elif tie.months_silent >= 12:
        yield Reason.of("last-contact", years=round(tie.months_silent / 12, 1))


def evidence_reasons(evidence: Evidence) -> Iterator[Reason]:
    """What imports found, in the reasons: messages, meetings, recommendations."""
    if evidence.sent or evidence.received or evidence.meetings:
        yield Reason.of(
            "in-touch",
            messages=evidence.sent + evidence.received,
            both_ways=int(bool(evidence.sent and evidence.received)),
            meetings=evidence.meetings,
            last=str(evidence.last) if evidence.last else None,
        )
    if evidence.recommended_you is not None:
        yield Reason.of("recommended-you", year=evidence.recommended_you.year)
    elif evidence.endorsed_you:
        yield Reason.of("endorsed-you", count=evidence.endorsed_you)


def _told(name: str, tie: TieStrength, carrier: str | None) -> Iterator[Reason]:
    missing = [item for item in ("aspiration", "availability") if item not in tie.told]
    expired = [item for item in missing if item in tie.expired]
    untold = [item for item in missing if item not in tie.expired]
    if untold:
        yield Reason.of("not-told", name=carrier, items=", ".join(untold))
    if expired:
        yield Reason.of("told-long-ago", name=carrier, items=", ".join(expired))


def _availability(model: ReferralModel) -> Reason:
    available = model.network.me.available
    if model.ask_from is None:
        return Reason.of("available-later")
    return Reason.of("available-from", day=str(available), ask_from=model.ask_from.isoformat())


def bridges(
    model: ReferralModel, target: Opening, candidates: tuple[Candidate, ...]
) -> tuple[Bridge, ...]:
    """Your contacts through whom the advised introductions run, most valuable first."""
    found: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.action in ("ask-intro", "ask-later") and candidate.bridge is not None:
            found.setdefault(candidate.bridge, []).append(candidate)
    advised = {item.contact.id: item.advised_score for item in model.evaluate(target)}
    result = [
        Bridge(
            contact=bridge,
            name=model.network.contacts_by_id[bridge].name,
            reaches=tuple(candidate.contact for candidate in reached),
            value=round(sum(advised[candidate.contact] - DIRECT for candidate in reached), 3),
        )
        for bridge, reached in found.items()
    ]
    return tuple(sorted(result, key=lambda bridge: (-bridge.value, bridge.contact)))
