"""The words of every reason: each kind of :class:`~warmreach.scoring.Reason` as a phrase a
job seeker can read. Analyses never build sentences; only the report layer does (the
steps of a plan have theirs in :mod:`warmreach.reports.steps`).

>>> from warmreach.scoring import Reason
>>> reason_text(Reason.of("near-team", team="Battery Systems"))
'works closely with the hiring team (Battery Systems)'
>>> facts = dict(bridge="Al", trust=4, via="Bea", strength=4.0, estimated=0)
>>> reason_text(Reason.of("introduction", **facts))
'ask Al (trust 4/5) to introduce you to Bea, who knows them 4/5'
>>> reason_text(Reason.of("word-from", name="Mei", trust=3, strength=3.5, estimated=1))
'Mei (trust 3/5), who knows them, can put in a word for you'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from warmreach.model import PartialDate
from warmreach.reports.common import date_words, plural
from warmreach.reports.steps import STEPS
from warmreach.scoring import Reason

Facts = Mapping[str, str | int | float | None]


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _knows(facts: Facts, whom: str = "them") -> str:
    if facts["estimated"]:
        return f"who knows {whom}"
    return f"who knows {whom} {_number(facts['strength'])}/5"


def _introduction(facts: Facts) -> str:
    bridge = f"{facts['bridge']} (trust {facts['trust']}/5)"
    if facts["via"] is None:
        return f"introduction through {bridge}, {_knows(facts)}"
    return f"ask {bridge} to introduce you to {facts['via']}, {_knows(facts)}"


def _word_to_manager(facts: Facts) -> str:
    bridge = f"{facts['bridge']} (trust {facts['trust']}/5)"
    if facts["via"] is None:
        return f"{bridge}, {_knows(facts, 'the hiring manager')}, can put in a word"
    return f"ask {bridge} to introduce you to {facts['via']}, {_knows(facts, 'the hiring manager')}"


def _in_touch(facts: Facts) -> str:
    """What imports counted of your dealings: "9 messages both ways and 2 meetings one to
    one, last on 17 November 2026"; one-way mail said to make no tie."""
    parts = []
    if facts["messages"] and facts["both_ways"]:
        parts.append(f"{plural(facts['messages'], 'message')} both ways")
    elif facts["messages"]:
        parts.append("messages one way only (no tie from them)")
    if facts["meetings"]:
        parts.append(f"{plural(facts['meetings'], 'meeting')} one to one")
    last = ""
    if facts["last"]:
        day = PartialDate.parse(str(facts["last"]))
        last = f", last {'in' if day.day is None else 'on'} {date_words(day)}"
    return " and ".join(parts) + last


def _close(facts: Facts) -> str:
    parts = []
    if facts["links"]:
        parts.append(f"knows {facts['links']} of them")
    if facts["routes"]:
        parts.append(f"reaches them through {plural(facts['routes'], 'colleague')}")
    return "close to the hiring team" + (f" ({' and '.join(parts)})" if parts else "")


def _connected(facts: Facts) -> str:
    links = facts["links"]
    known = f" (knows {plural(links, 'person', 'people')} there)" if links else ""
    return f"well connected at {facts['company']}{known}"


def _told(facts: Facts, what: str) -> str:
    who = f"{facts['name']} " if facts["name"] else ""
    return f"{who}{what} your {facts['items']}"


def _asked(facts: Facts) -> str:
    what = "an introduction" if facts["ask"] == "intro" else "a referral"
    who = (
        f"you asked {facts['through']} for {what}" if facts["through"] else f"you asked for {what}"
    )
    when = f" on {facts['on']}" if facts["on"] else ""
    return f"{who}{when}, no answer yet: follow up from {facts['follow_up_on']}"


WORDS: Final[Mapping[str, Callable[[Facts], str]]] = {
    "hiring-manager": lambda f: "the hiring manager",
    "on-team": lambda f: "on the hiring team",
    "near-team": lambda f: f"works closely with the hiring team ({f['team']})",
    "recruiter": lambda f: f"a recruiter at {f['company']}: a route to the hiring team",
    "at-company": lambda f: f"elsewhere at {f['company']}",
    "close-to-team": _close,
    "connected-at-company": _connected,
    "formerly-at": lambda f: (
        f"left {f['company']} in {f['left']}" if f["left"] else f"formerly at {f['company']}"
    ),
    "new-joiner": lambda f: f"joined {f['company']} only in {f['since']}",
    "trust": lambda f: f"trust {f['value']}/5",
    "in-touch": _in_touch,
    "recommended-you": lambda f: f"recommended you in {f['year']}",
    "endorsed-you": lambda f: f"endorsed {f['count']} of your skills",
    "knows-work": lambda f: f"knows your work {f['value']}/5",
    "shared-contacts": lambda f: f"{plural(f['count'], 'contact')} in common",
    "new-connection": lambda f: f"a new connection (met {f['met']}): too soon to ask",
    "known-for": lambda f: f"known for {plural(f['years'], 'year')}",
    "last-contact-unknown": lambda f: "last contact not written",
    "out-of-touch": lambda f: f"out of touch for {plural(f['years'], 'year')}: reconnect first",
    "last-contact": lambda f: f"last in touch {plural(f['years'], 'year')} ago",
    "word-from": lambda f: (
        f"{f['name']} (trust {f['trust']}/5), {_knows(f)}, can put in a word for you"
    ),
    "introduction": _introduction,
    "word-to-manager": _word_to_manager,
    "not-told": lambda f: _told(f, "not told"),
    "told-long-ago": lambda f: _told(f, "told long ago:"),
    "available-from": lambda f: (
        f"you can start in {f['day']}: ask for referrals from {f['ask_from']}"
    ),
    "available-later": lambda f: "you are not available yet: ask once you know when you can start",
    "asked": lambda f: _asked(f),
    "referred-you": lambda f: "referred you" + (f" on {f['on']}" if f["on"] else ""),
    "declined": lambda f: "declined when you asked" + (f" on {f['on']}" if f["on"] else ""),
    "no-reply": lambda f: "did not reply when you asked" + (f" on {f['on']}" if f["on"] else ""),
    "no-route": lambda f: "no route from you within 3 steps",
    "no-better-than-applying": lambda f: "no better than applying directly",
    "cannot-refer": lambda f: "no longer works there: can tell you whom to talk to, not refer you",
}


def _nothing_left(facts: Facts) -> str:
    parts = ["Nothing else raises your odds this week"]
    if facts["unavailable"] == "later":
        parts.append("nobody can be asked until you know when you can start")
    elif facts["unavailable"]:
        parts.append(f"nobody can be asked for a referral before {facts['unavailable']}")
    if facts["nobody"]:
        parts.append(
            f"nobody you know reaches {facts['nobody']} yet: see `warmreach gaps` for where "
            "to grow your network"
        )
    return "; ".join(parts) + "."


def _growth(facts: Facts, what: str) -> str:
    role = " (the role you want)" if facts["role"] else ""
    title = f"{facts['title']}{role}: " if facts["title"] else ""
    return f"{title}{what}; it grows your network in {facts['field']}"


#: why a step grows your network in the field
GROWTH_WORDS: Final[Mapping[str, Callable[[Facts], str]]] = {
    "field-signal": lambda f: _growth(
        f,
        "works in the field and can vouch for you, but does not "
        "know you are aiming at it: tell them",
    ),
    "field-chat": lambda f: _growth(
        f, "a tie you barely know: ask for a 15-minute chat about their work"
    ),
    "field-bridge": lambda f: _growth(
        f, "works next to the field and can vouch for you: ask whom they know in it"
    ),
}


#: why a plan stops before its minutes do
STOP_WORDS: Final[Mapping[str, Callable[[Facts], str]]] = {
    "no-time": lambda f: (
        f"{plural(f['more'], 'more step')} would raise your odds but "
        + (
            f"{'do' if f['more'] != 1 else 'does'} not fit in the {f['left']} minutes left "
            f"(the shortest takes {f['shortest']})"
            if f["left"]
            else "the week is full"
        )
        + "; give more time with --hours."
    ),
    "nothing-left": _nothing_left,
}


def _unknown(facts: Facts) -> str:
    parts = [
        words
        for name, words in (
            ("trust", "how well they know you"),
            ("work", "how well they know your work"),
            ("last", "when you were last in touch"),
            ("team", "their team"),
        )
        if facts[name]
    ]
    return "not known: " + ", ".join(parts) if parts else "all the file can say is said"


#: why a review asks about someone
REVIEW_WORDS: Final[Mapping[str, Callable[[Facts], str]]] = {
    "holds-role": lambda f: f"holds the role you seek ({f['role']})",
    "knows-at": lambda f: (
        f"knows {plural(f['count'], 'person', 'people')} at {f['company']}: "
        "could introduce you or put in a word"
    ),
    "seen": lambda f: (
        "the file has them as someone you know of, but you deal with each other: do you know them?"
        if f["known_of"]
        else "only the evidence says how well they know you: is it right?"
    ),
    "unknown": _unknown,
}


#: the words of every kind of reason: the analysis's factors, the plan's steps, its stops,
#: a review's questions
REASON_WORDS: Final[Mapping[str, Callable[[Facts], str]]] = {
    **WORDS,
    **{action: words.why for action, words in STEPS.items()},
    **GROWTH_WORDS,
    **STOP_WORDS,
    **REVIEW_WORDS,
}


def reason_text(reason: Reason, facts: Facts | None = None) -> str:
    """The words of one reason: of an analysis, of a step of the plan, or of why a plan
    stops; ``facts`` replace the reason's own (a report that resolved what they refer to)."""
    return REASON_WORDS[reason.kind](dict(reason.facts) if facts is None else facts)
