"""A short draft message for every step of a plan, to edit and send.

Each draft is built from the three things people need to know before they can help you
(your current role, the move you want, when you can start) and the one thing you ask:
a referral to a team, an introduction to a person, a 15-minute chat, a name. The
templates are fixed, so the same plan gives the same drafts; nothing leaves your
machine. Names and other text from your file are inserted as they are written (plain
text: the report layer escapes them wherever markup could read them).

>>> from warmreach.model import Me, Seeking
>>> me = Me(name="Ana Lima", role="Strategy Officer",
...         seeking=Seeking(roles=("Product Manager",), industries=("Climate Tech",)))
>>> import textwrap
>>> print(textwrap.fill(introduction(me, "Acme Shipping"), 80))
I'm a Strategy Officer at Acme Shipping, and I'm looking to move into a Product
Manager role in Climate Tech. I can start right away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from warmreach.model import Me, PartialDate
from warmreach.plan.result import Plan, Queued, Step
from warmreach.plan.targets import Target
from warmreach.reports.common import date_words
from warmreach.reports.steps import STEPS, Draft
from warmreach.scoring import Action
from warmreach.text import given_name, join_words


def _article(word: str) -> str:
    return "an" if word[:1].casefold() in "aeiou" else "a"


def introduction(me: Me, company: str | None, target: Target | None = None) -> str:
    """What you tell people about yourself: your role, the move you want, your timing."""
    parts = []
    if me.role:
        where = f" at {company}" if company else ""
        parts.append(f"I'm {_article(me.role)} {me.role}{where}")
    roles = list(me.seeking.roles)
    if target is not None:
        roles = [o.role for o in target.openings if o.role] or roles
    want = ""
    if roles:
        role = join_words(roles, "or")
        want = f"I'm looking to move into {_article(role)} {role} role"
        if me.seeking.industries:
            want += f" in {join_words(list(me.seeking.industries), 'or')}"
    elif me.seeking.industries:
        want = f"I'm looking to move into {join_words(list(me.seeking.industries), 'or')}"
    sentence = ""
    if parts and want:
        sentence = f"{parts[0]}, and {want}."
    elif parts or want:
        sentence = f"{(parts or [want])[0]}."
    match me.available:
        case "now":
            timing = "I can start right away."
        case "later":
            timing = ""
        case PartialDate() as day:
            timing = f"I can start from {date_words(day, with_day=False)}."
        case unknown:
            assert_never(unknown)
    return " ".join(part for part in (sentence, timing) if part)


def _draft(plan: Plan, name: str, items: Sequence[tuple[Action, str | None, Draft]]) -> str:
    """A message to ``name``: the sentences of the items that lead it (a relationship to
    tend), what you say of yourself (for the target of the first item that asks for
    something), then the sentence of each other item. ``items`` are (action, target key,
    what it is about)."""
    first_target = next(
        (plan.target(key) for action, key, _ in items if key and not STEPS[action].leads), None
    )
    lead = [STEPS[action].draft(draft) for action, _, draft in items if STEPS[action].leads]
    rest = [STEPS[action].draft(draft) for action, _, draft in items if not STEPS[action].leads]
    about = introduction(plan.me, plan.me_company, first_target)
    paragraph = [sentence for sentence in (*lead, about, *rest) if sentence]
    return "\n".join(
        [
            f"Hi {given_name(name)},",
            "",
            " ".join(paragraph),
            "",
            "Thanks,",
            given_name(plan.me.name),
        ]
    )


def step_message(plan: Plan, step: Step) -> str:
    """The draft for one conversation of the week."""
    items = [
        (
            item.action,
            item.target,
            Draft(
                plan=plan,
                target=plan.target(item.target),
                to=item.to,
                via=item.via,
                item=item,
                facts=dict(reason.facts),
            ),
        )
        for item, reason in zip(step.items, step.reasons, strict=True)
    ]
    return _draft(plan, step.name, items)


def queued_message(plan: Plan, queued: Queued) -> str:
    """The draft for something queued for a later day."""
    draft = Draft(plan=plan, target=plan.target(queued.target), to=queued.to, via=queued.via)
    return _draft(plan, queued.name, [(queued.action, queued.target, draft)])


__all__ = ["introduction", "queued_message", "step_message"]
