"""The words of every reason: each kind of :class:`~warmreach.scoring.Reason` as a phrase a
job seeker can read. Analyses never build sentences; only this module does.

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


def _close(facts: Facts) -> str:
    parts = []
    if facts["links"]:
        parts.append(f"knows {facts['links']} of them")
    if facts["routes"]:
        parts.append(f"and reaches them through {facts['routes']} colleagues")
    return "close to the hiring team" + (f" ({' '.join(parts)})" if parts else "")


def _connected(facts: Facts) -> str:
    known = f" (knows {facts['links']} people there)" if facts["links"] else ""
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
    "knows-work": lambda f: f"knows your work {f['value']}/5",
    "shared-contacts": lambda f: f"{f['count']} contacts in common",
    "new-connection": lambda f: f"a new connection (met {f['met']}): too soon to ask",
    "known-for": lambda f: f"known for {f['years']} years",
    "last-contact-unknown": lambda f: "last contact not written",
    "out-of-touch": lambda f: f"out of touch for {f['years']} years: reconnect first",
    "last-contact": lambda f: f"last in touch {_number(f['years'])} years ago",
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


def reason_text(reason: Reason) -> str:
    """The words of one reason."""
    return WORDS[reason.kind](dict(reason.facts))
