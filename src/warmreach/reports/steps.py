"""The words of every kind of step of a plan, declared once per action: why it is in the
week, the sentence of its draft message, and what it is when queued for a later day.

:data:`STEPS` holds one :class:`StepWords` for every action a step can take
(:data:`~warmreach.plan.STEP_ACTIONS`); a test walks them all.

>>> from warmreach.plan.steps import STEP_ACTIONS
>>> sorted(STEPS) == sorted(STEP_ACTIONS)
True
>>> facts = {"target": "Voltgrid", "before": 0.26, "after": 0.6, "others": 0, "tell": None}
>>> STEPS["ask-referral"].why(facts)
'ask for a referral: your chance of an interview at Voltgrid 0.26 → 0.60'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from warmreach.reports.common import date_words, plural
from warmreach.scoring import Action
from warmreach.text import join_words

if TYPE_CHECKING:  # the planner's types only: the analysis's words need no planner
    from warmreach.plan.result import Item, Plan, Queued
    from warmreach.plan.targets import Target

Facts = Mapping[str, str | int | float | None]


@dataclass(frozen=True, kw_only=True)
class Draft:
    """What the sentence of one item of a draft message is about."""

    plan: Plan
    #: the target it is for (None: several, or none)
    target: Target | None
    #: the person an introduction leads to, or the company of a grow step
    to: str | None
    #: for a chain of two introductions, the person the first one is to
    via: str | None = None
    #: the item of this week's step (None: something queued)
    item: Item | None = None
    #: the facts of the item's reason (empty for something queued)
    facts: Facts | None = None


@dataclass(frozen=True, kw_only=True)
class StepWords:
    """Everything a kind of step says."""

    #: why it is in the week: a clause, from the facts of its reason
    why: Callable[[Facts], str]
    #: its sentence in a draft message
    draft: Callable[[Draft], str]
    #: what it is when queued for a later day (before the target and any condition)
    queued: Callable[[Plan, Queued], str]
    #: whether its sentence opens the message, before what you say of yourself
    leads: bool = False


def person_name(plan: Plan, person: str) -> str:
    """A person the plan names: a contact's name, or the one a grow step hopes to find
    ("someone Bob Chen knows at Voltgrid")."""
    names = plan.names or {}
    sought = (plan.sought_people or {}).get(person)
    if sought is not None:
        helper, company = sought
        where = (plan.companies or {}).get(company, company)
        return f"someone {names.get(helper, helper)} knows at {where}"
    return names.get(person, person)


def target_words(target: Target | None) -> str:
    """A target as a sentence names it: ``the Product Manager role on the Grid Storage team
    at Voltgrid``."""
    if target is None:
        return "the teams I'm aiming at"
    roles = list(target.roles)
    where = target.company_name
    if target.team_name:
        where = f"the {target.team_name} team at {where}"
    on = "on" if target.team_name else "at"
    if roles:
        role = "role" if len(roles) == 1 else "roles"
        return f"the {join_words(roles, 'or')} {role} {on} {where}"
    return f"a role {on} {where}"


# -- why -------------------------------------------------------------------------------------


def _odds(facts: Facts) -> str:
    before, after = float(str(facts["before"])), float(str(facts["after"]))
    rise = f"your chance of an interview at {facts['target']} {before:.2f} → {after:.2f}"
    others = facts["others"]
    if others:
        rise += f", with gains at {plural(others, 'more target')}"
    return rise


def _telling(facts: Facts, first: str = ", telling them your {} first") -> str:
    return first.format(facts["tell"]) if facts["tell"] else ""


def _when(facts: Facts) -> str:
    return f"from {facts['ask_on']}" if facts["ask_on"] else "once you know when you can start"


def _works(facts: Facts) -> str:
    share = float(str(facts["works"]))
    return {0.3: "about 1 in 3", 0.5: "about half the time"}.get(share, f"about {share:.0%}")


def _intro(facts: Facts) -> str:
    whom = f"{facts['to']}, the hiring manager" if facts.get("manager") else facts["to"]
    if facts.get("via"):
        return (
            f"ask them to introduce you to {facts['via']}, who knows {whom} (then a call with "
            f"{facts['via']}, who can introduce you on){_telling(facts)}: " + _odds(facts)
        )
    return (
        f"ask them to introduce you to {whom} (then a call with {facts['to']}){_telling(facts)}: "
        + _odds(facts)
    )


def _ask(what: str) -> Callable[[Facts], str]:
    """Why an ask of one's own: catching up first with a tie silent for long, telling them
    your plans first, a friend putting in a word beside it."""

    def words(facts: Facts) -> str:
        lead = ""
        if facts.get("reconnect"):
            lead = f"catch up first (out of touch for {plural(facts['reconnect'], 'month')}), then "
        word = (
            f", with {facts['word']} putting in a word (a message to them)"
            if facts.get("word")
            else ""
        )
        return f"{lead}{what}{_telling(facts)}{word}: " + _odds(facts)

    return words


def _nurture(facts: Facts) -> str:
    if facts["reconnect"]:
        what = f"out of touch for {plural(facts['years'], 'year')}: reconnect"
    elif facts["new"]:
        what = "a new connection: meet to get to know each other"
    else:
        what = f"trust {facts['trust']}/5: meet to build trust"
    return (
        f"{what}{_telling(facts, ' and tell them your {}')}; if it goes well "
        f"({_works(facts)}), ask them {_when(facts)}: " + _odds(facts)
    )


def _follow_up(facts: Facts) -> str:
    what = f"an introduction to {facts['to']}" if facts["asked"] == "intro" else "a referral"
    when = f" on {facts['on']}" if facts["on"] else ""
    return f"you asked for {what}{when} and have no answer: a short reminder: " + _odds(facts)


# -- drafts ----------------------------------------------------------------------------------


def _draft_referral(draft: Draft) -> str:
    return (
        f"Would you be comfortable referring me for {target_words(draft.target)}, or passing my "
        "name to the hiring manager? I'm happy to send my CV and a short note you can forward."
    )


def _draft_reach_out(draft: Draft) -> str:
    return (
        f"I'd love 15 minutes to hear what you are looking for in {target_words(draft.target)}, "
        "and to tell you a little about my work."
    )


def _draft_intro(draft: Draft) -> str:
    whom = person_name(draft.plan, draft.to) if draft.to else "someone on the team"
    if draft.via:
        via = person_name(draft.plan, draft.via)
        return (
            f"I noticed you know {via}. Would you be willing to introduce me, with a line on "
            f"how you know my work? I'm interested in {target_words(draft.target)}, and I "
            f"understand {via} knows {whom}."
        )
    return (
        f"I noticed you know {whom}. Would you be willing to introduce me, with a line on "
        f"how you know my work? I'm interested in {target_words(draft.target)}, and I'll take "
        "it from there."
    )


def _draft_info_chat(draft: Draft) -> str:
    field = (draft.facts or {}).get("field")
    company = draft.target.company_name if draft.target else (field or "your company")
    return (
        f"I'm exploring {company} and would really value your perspective. Would you "
        "have 15 minutes for a quick chat in the next couple of weeks?"
    )


def _draft_grow(draft: Draft) -> str:
    field = (draft.facts or {}).get("field")
    company = (draft.plan.companies or {}).get(draft.to or "", "the company")
    where = f"working in {field}" if field and draft.to is None else f"at {company}"
    return (
        f"Do you know anyone {where}? I'd be grateful for a name, and an "
        "introduction if you feel comfortable."
    )


def _draft_follow_up(draft: Draft) -> str:
    return (
        f"Just following up on my note about {target_words(draft.target)}. No pressure at all; "
        "I know things get busy."
    )


def _draft_signal(draft: Draft) -> str:
    item = draft.item
    when = (
        f" I'll be in touch again around {date_words(item.ask_on, with_day=False)}."
        if (item and item.ask_on)
        else ""
    )
    return f"No need to do anything now: I wanted you to know, in case you hear of something.{when}"


def _draft_nurture(draft: Draft) -> str:
    if (draft.facts or {}).get("reconnect"):
        return (
            "It's been far too long! How have you been? I'd love to catch up over a call "
            "in the next couple of weeks."
        )
    return (
        "I really enjoyed our conversation and would love to get to know you better. "
        "Could we have a coffee (or a video call) in the coming weeks?"
    )


# -- queued ----------------------------------------------------------------------------------


def _queued_follow_up(plan: Plan, queued: Queued) -> str:
    what = "follow up if there is no answer"
    if queued.to:
        what += f" about the introduction to {person_name(plan, queued.to)}"
    return what


#: the words of every kind of step, by its action
STEPS: Final[Mapping[Action, StepWords]] = {
    "follow-up": StepWords(why=_follow_up, draft=_draft_follow_up, queued=_queued_follow_up),
    "ask-referral": StepWords(
        why=_ask("ask for a referral"),
        draft=_draft_referral,
        queued=lambda plan, queued: "ask for a referral",
    ),
    "signal-then-ask": StepWords(
        why=_ask("ask for a referral"),
        draft=_draft_referral,
        queued=lambda plan, queued: "tell them your plans and ask for a referral",
    ),
    "reach-out": StepWords(
        why=_ask("approach the hiring manager"),
        draft=_draft_reach_out,
        queued=lambda plan, queued: "approach the hiring manager",
    ),
    "ask-intro": StepWords(
        why=_intro,
        draft=_draft_intro,
        queued=lambda plan, queued: (
            f"ask for an introduction to {person_name(plan, queued.via or queued.to or '')}"
            + (f", who knows {person_name(plan, queued.to or '')}" if queued.via else "")
        ),
    ),
    "signal": StepWords(
        why=lambda f: f"tell them your {f['tell']} now, to ask them {_when(f)}: " + _odds(f),
        draft=_draft_signal,
        queued=lambda plan, queued: "tell them your plans",
    ),
    "info-chat": StepWords(
        why=lambda f: (
            f"a short message asking for a 15-minute chat about {f['company']}; if they reply "
            f"({_works(f)}), ask them {_when(f)}: " + _odds(f)
        ),
        draft=_draft_info_chat,
        queued=lambda plan, queued: "ask for a 15-minute chat",
    ),
    "nurture": StepWords(
        why=_nurture,
        draft=_draft_nurture,
        queued=lambda plan, queued: "get back in touch",
        leads=True,
    ),
    "grow": StepWords(
        why=lambda f: (
            f"nobody you know can help at {f['company']} yet: ask whom they know there; if they "
            f"know someone ({_works(f)}), ask for an introduction {_when(f)}: " + _odds(f)
        ),
        draft=_draft_grow,
        queued=lambda plan, queued: "ask whom they know there",
    ),
}


__all__ = ["STEPS", "Draft", "StepWords", "person_name", "target_words"]
