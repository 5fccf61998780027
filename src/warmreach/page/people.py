"""What the page's script shows about a person or a target: the details panel's data.

For each person drawn (in the order of :func:`~warmreach.page.view.person_key`): their
name, where they work, your tie, each target they are a route to (action, score and
band, path, reasons) and what this week's plan does with them; for each target, its
title and best people. The same words as the tables (:mod:`warmreach.reports`).
"""

from __future__ import annotations

from typing import Any, Final

from warmreach.plan.result import Plan
from warmreach.render.layout import Drawing
from warmreach.reports.analysis import reasons_text, report_title, shown_candidates
from warmreach.reports.common import path_text, score_words
from warmreach.reports.plan import queued_what, queued_when, why
from warmreach.scoring import Analysis, ReferralModel

#: how many of a target's people the panel lists when the target is chosen
BEST_LISTED: Final = 5


def view_data(
    model: ReferralModel, analysis: Analysis, plan: Plan, drawing: Drawing
) -> dict[str, Any]:
    """The panel's data: ``targets`` and ``people`` (lists, in key order)."""
    return {
        "targets": [
            {
                "title": report_title(report),
                "best": [
                    f"{candidate.name}: {candidate.action} "
                    f"({score_words(candidate.score, candidate.band)})"
                    for candidate in shown_candidates(report)[0][:BEST_LISTED]
                ],
            }
            for number, report in enumerate(analysis.targets)
        ],
        "people": [_person(model, analysis, plan, node.id) for node in drawing.nodes[1:]],
    }


def _person(model: ReferralModel, analysis: Analysis, plan: Plan, person: str) -> dict[str, Any]:
    network = model.network
    contact = network.contacts_by_id[person]
    company = network.companies_by_id[contact.company] if contact.company else None
    where = [contact.title or ""]
    if company is not None:
        team = company.teams_by_id.get(contact.team or "")
        where.append(f"at {company.name}" + (f" ({team.name})" if team else ""))
    routes = [
        {
            "target": number,
            "title": report_title(report),
            "action": candidate.action,
            "score": score_words(candidate.score, candidate.band),
            "path": path_text(candidate.path, analysis.names),
            "reasons": reasons_text(candidate),
        }
        for number, report in enumerate(analysis.targets)
        for candidate in report.candidates
        if candidate.contact == person
    ]
    week = [
        f"This week: {step.action}, {step.minutes} min: {why(plan, step)}"
        for step in plan.steps
        if step.contact == person
    ]
    week += [
        f"Queued for {queued_when(queued)}: {queued_what(plan, queued)}"
        for queued in plan.queued
        if queued.contact == person
    ]
    return {
        "name": contact.name,
        "where": " ".join(part for part in where if part),
        "tie": _tie(model, person),
        "routes": routes,
        "week": week,
    }


def _tie(model: ReferralModel, person: str) -> str:
    """Your tie in words: its strength and what you wrote of it, or how you know of them."""
    contact = model.network.contacts_by_id[person]
    tie = model.ties.get(person)
    if tie is None or not contact.is_direct:
        return "You know of them through others."
    said = (
        "estimated from what imports found"
        if tie.from_evidence
        else f"trust {contact.trust}/5, knows your work {contact.knows_my_work}/5"
    )
    return f"Your tie: {tie.strength:.2f} of 1 ({said})."
