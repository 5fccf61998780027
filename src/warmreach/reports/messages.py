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

from warmreach.model import Me, PartialDate
from warmreach.plan import Item, Plan, Queued, Step
from warmreach.plan.targets import Target
from warmreach.reports.common import date_words
from warmreach.text import join_words


def first_name(name: str) -> str:
    """The first word of a name, for greetings (``Hi Bob``).

    >>> first_name("Bob Chen"), first_name("someone Bob knows at Voltgrid")
    ('Bob', 'there')
    """
    if name.startswith("someone "):
        return "there"
    return name.split()[0] if name.split() else name


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
    return " ".join(part for part in (sentence, timing) if part)


def _target_words(target: Target | None) -> str:
    """A target as a sentence names it: ``the Product Manager role on the Grid Storage team
    at Voltgrid``."""
    if target is None:
        return "the teams I'm aiming at"
    roles = [opening.role for opening in target.openings if opening.role]
    where = target.company_name
    if target.team_name:
        where = f"the {target.team_name} team at {where}"
    on = "on" if target.team_name else "at"
    if roles:
        distinct = list(dict.fromkeys(roles))
        plural = "s" if len(distinct) > 1 else ""
        return f"the {join_words(distinct, 'or')} role{plural} {on} {where}"
    return f"a role {on} {where}"


def _ask_sentence(
    action: str, item_target: Target | None, to: str | None, plan: Plan, extra: Item | None
) -> str:
    what = _target_words(item_target)
    match action:
        case "ask-referral":
            return (
                f"Would you be comfortable referring me for {what}, or passing my name to the "
                "hiring manager? I'm happy to send my CV and a short note you can forward."
            )
        case "reach-out":
            return (
                f"I'd love 15 minutes to hear what you are looking for in {what}, and to tell "
                "you a little about my work."
            )
        case "ask-intro":
            whom = plan.name(to) if to else "someone on the team"
            return (
                f"I noticed you know {whom}. Would you be willing to introduce me, with a line on "
                f"how you know my work? I'm interested in {what}, and I'll take it from there."
            )
        case "info-chat":
            company = item_target.company_name if item_target else "your company"
            return (
                f"I'm exploring {company} and would really value your perspective. Would you "
                "have 15 minutes for a quick chat in the next couple of weeks?"
            )
        case "grow":
            company = (plan.companies or {}).get(to or "", "the company")
            return (
                f"Do you know anyone at {company}? I'd be grateful for a name, and an "
                "introduction if you feel comfortable."
            )
        case "follow-up":
            return (
                f"Just following up on my note about {what}. No pressure at all; I know things "
                "get busy."
            )
        case "signal":
            when = (
                f" I'll be in touch again around {date_words(extra.ask_on, with_day=False)}."
                if (extra and extra.ask_on)
                else ""
            )
            return (
                "No need to do anything now: I wanted you to know, in case you hear of "
                f"something.{when}"
            )
        case _:
            return ""


_OPENINGS = {
    "reconnect": "It's been far too long! How have you been? I'd love to catch up over a call "
    "in the next couple of weeks.",
    "build": "I really enjoyed our conversation and would love to get to know you better. "
    "Could we have a coffee (or a video call) in the coming weeks?",
}


def _draft(
    plan: Plan,
    name: str,
    items: Sequence[tuple[str, str | None, str | None, Item | None]],
    *,
    opening: str | None = None,
) -> str:
    targets = {outlook.target.key: outlook.target for outlook in plan.targets}
    first_target = next((targets.get(t or "") for _, t, _, _ in items if t), None)
    lines = [f"Hi {first_name(name)},", ""]
    if opening:
        lines.append(opening)
    about = introduction(plan.me, plan.me_company, first_target)
    if about:
        lines.append(about)
    for action, target, to, extra in items:
        sentence = _ask_sentence(action, targets.get(target or ""), to, plan, extra)
        if sentence:
            lines.append(sentence)
    lines += ["", "Thanks,", first_name(plan.me.name)]
    paragraph = lines[2:-3]
    return "\n".join([*lines[:2], " ".join(paragraph), *lines[-3:]])


def step_message(plan: Plan, step: Step) -> str:
    """The draft for one conversation of the week."""
    opening = None
    if step.action == "nurture":
        facts = dict(step.reasons[0].facts)
        opening = _OPENINGS["reconnect" if facts.get("reconnect") else "build"]
    items = [
        (item.action, item.target, item.to, item) for item in step.items if item.action != "nurture"
    ]
    return _draft(plan, step.name, items, opening=opening)


def queued_message(plan: Plan, queued: Queued) -> str:
    """The draft for something queued for a later day."""
    return _draft(plan, queued.name, [(queued.action, queued.target, queued.to, None)])


__all__ = ["first_name", "introduction", "queued_message", "step_message"]
