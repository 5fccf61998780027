"""What the gap report suggests doing, structured; ``warmreach.reports.gaps`` words it."""

from __future__ import annotations

from dataclasses import dataclass


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
