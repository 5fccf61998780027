"""The validated network: frozen, keyword-only dataclasses with stable ids.

The loader (:mod:`warmreach.networkfile`) turns a YAML file into a :class:`Network`;
everything downstream reads only these types. Every reference between records is
by id: contact ids, company ids, and team ids (unique within their company).
Display names are kept for people to read, never used as keys. These are plain data:
the indexes built from them (who knows whom, who works where) live in
:mod:`warmreach.graph`.

Dates known to the year, month or day (:class:`PartialDate`) live in
:mod:`warmreach.dates`.

>>> Contact(id="bo", name="Bo", met=PartialDate.parse("2019-04")).is_direct
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Final, Literal, get_args

# re-exported: the model's dates, as every layer reads them
from warmreach.dates import PartialDate as PartialDate
from warmreach.dates import later as later
from warmreach.dates import resolve_day as resolve_day
from warmreach.text import initials

#: the graph id of the person the network belongs to
ME: Final = "me"

#: trust of a listed contact who does not say (a connection you barely know)
DEFAULT_TRUST: Final = 1
#: knowledge of your work of a contact who does not say (has never seen it)
DEFAULT_KNOWS_MY_WORK: Final = 0
#: the strength a written ``knows`` link gets when a new one is made for someone (the plan's
#: "grow" action): they know them, not closely. A link written without a strength has
#: none here: scoring estimates it from the contacts the two share
DEFAULT_STRENGTH: Final = 2

#: the 0..5 scale of ``trust`` and ``knows_my_work``
SCALE_MIN: Final = 0
SCALE_MAX: Final = 5
#: the 1..5 scale of ``knows[].strength``
STRENGTH_MIN: Final = 1
STRENGTH_MAX: Final = 5

Told = Literal["role", "aspiration", "availability"]
#: what a contact can know about your plans, in the order reports list it
TOLD_ITEMS: Final[tuple[Told, ...]] = get_args(Told)

Availability = Literal["now", "later"]
AVAILABILITY_WORDS: Final[tuple[Availability, ...]] = get_args(Availability)

AskKind = Literal["referral", "intro"]
#: what you can ask a contact for: to refer you, or to introduce you to someone
ASK_KINDS: Final[tuple[AskKind, ...]] = get_args(AskKind)

Outcome = Literal["referred", "introduced", "declined", "no-reply"]
#: what came of an ask; an ask without one is pending
OUTCOMES: Final[tuple[Outcome, ...]] = get_args(Outcome)
#: the outcomes each kind of ask can have
OUTCOMES_OF: Final[Mapping[AskKind, tuple[Outcome, ...]]] = {
    "referral": ("referred", "declined", "no-reply"),
    "intro": ("introduced", "declined", "no-reply"),
}


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where a record starts in its file, for messages about it."""

    #: the file as the user named it
    file: str
    #: 1-based line
    line: int
    #: 1-based column
    col: int


@dataclass(frozen=True, kw_only=True)
class Seeking:
    """What you are looking for."""

    #: roles you want, as written (``Product Manager``)
    roles: tuple[str, ...] = ()
    #: industries or fields you want, as written (``Climate Tech``)
    industries: tuple[str, ...] = ()
    #: ids of companies you want to work at
    companies: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Me:
    """The person the network belongs to; its graph id is always ``"me"``."""

    #: your name, as it appears on reports
    name: str
    #: what you do now
    role: str | None = None
    #: id of the company you work at now
    company: str | None = None
    #: your current industry, as written
    industry: str | None = None
    #: what you are looking for
    seeking: Seeking = field(default_factory=Seeking)
    #: when you can start: ``now``, ``later`` or a date
    available: Availability | PartialDate = "now"
    #: when your current aspiration and availability took effect: what people were told
    #: before then is out of date
    plans_since: PartialDate | None = None


@dataclass(frozen=True, kw_only=True)
class Team:
    """A team inside a company."""

    #: slug of the name, unique within the company
    id: str
    #: the name as written
    name: str
    #: ids of teams of the same company that work closely with this one
    near: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Company:
    """A company, listed in ``companies`` or first named by a contact or opening."""

    #: slug of the name without legal suffixes (``Voltgrid AB`` -> ``voltgrid``)
    id: str
    #: the name as written where the company was first seen
    name: str
    #: other names of the company (``Northvolt AB``)
    aliases: tuple[str, ...] = ()
    #: its industry, as written
    industry: str | None = None
    #: its teams: listed ones first, then ones named by contacts, openings and ``near``
    teams: tuple[Team, ...] = ()
    #: whether it is listed under ``companies`` (else first named by a contact, an
    #: opening or you); not part of equality (a file written back lists every company)
    listed: bool = field(default=False, compare=False)
    #: where it is first written; not part of equality
    location: Location | None = field(default=None, compare=False, repr=False)

    @cached_property
    def teams_by_id(self) -> Mapping[str, Team]:
        """The company's teams by id."""
        return {team.id: team for team in self.teams}


@dataclass(frozen=True, kw_only=True)
class Opening:
    """A concrete role you are aiming at."""

    #: id of the company hiring
    company: str
    #: id of the hiring team within the company, when known
    team: str | None = None
    #: the role, as written
    role: str | None = None
    #: contact id of the hiring manager, when known
    hiring_manager: str | None = None
    #: when applications close, when known
    closes: PartialDate | None = None

    @property
    def key(self) -> str:
        """The target as ids: ``company`` or ``company/team``.

        >>> Opening(company="voltgrid", team="grid-storage").key
        'voltgrid/grid-storage'
        """
        return self.company + (f"/{self.team}" if self.team else "")


@dataclass(frozen=True, kw_only=True)
class Link:
    """One person a contact knows."""

    #: contact id of the person known
    contact: str
    #: 1 acquaintance ... 5 close; None when the file does not say
    strength: int | None = None


@dataclass(frozen=True, kw_only=True)
class PastCompany:
    """A company a contact worked at before."""

    #: the company's id
    company: str
    #: when they left, when known
    until: PartialDate | None = None


@dataclass(frozen=True, kw_only=True)
class Ask:
    """Something you asked a contact for, and what came of it.

    >>> ask = Ask(asked="intro", company="voltgrid", team="grid", to="eva")
    >>> ask.pending, ask.key, ask.concerns(Opening(company="voltgrid"))
    (True, 'voltgrid/grid', True)
    """

    #: ``referral`` (to refer you) or ``intro`` (to introduce you to ``to``)
    asked: AskKind
    #: id of the company the ask is for
    company: str
    #: id of the team within it, when the ask is for one team
    team: str | None = None
    #: for an introduction, the contact id of the person to be introduced to
    to: str | None = None
    #: the day you asked, when known
    date: PartialDate | None = None
    #: what came of it; None while you wait for an answer
    outcome: Outcome | None = None
    #: the day they answered, when known
    answered: PartialDate | None = None

    @property
    def pending(self) -> bool:
        """Whether the answer is still to come."""
        return self.outcome is None

    @property
    def key(self) -> str:
        """What the ask is for, as ids: ``company`` or ``company/team``."""
        return self.company + (f"/{self.team}" if self.team else "")

    def concerns(self, target: Opening) -> bool:
        """Whether the ask is for ``target``: the same company, and the same team unless
        either is for the whole company."""
        return self.company == target.company and (
            self.team is None or target.team is None or self.team == target.team
        )


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """What one import found of your dealings with a contact: counts and days only,
    never what was said. Imports own these records and rewrite them; what you write
    about a contact yourself always wins over them.

    >>> mail = Evidence(source="mbox mail.mbox", sent=3, received=5,
    ...                 first=PartialDate.parse("2021-04"), last=PartialDate.parse("2026-11-03"))
    >>> chat = Evidence(source="linkedin", sent=1, received=1, last=PartialDate.parse("2026-11-20"))
    >>> both = Evidence.total([mail, chat])
    >>> both.sent, both.received, str(both.first), str(both.last)
    (4, 6, '2021-04', '2026-11-20')
    """

    #: which import found it: ``linkedin``, ``mbox FILE``, ``ics FILE``
    source: str
    #: the first and the last day you dealt with each other, as far as the source knows
    first: PartialDate | None = None
    last: PartialDate | None = None
    #: messages you sent them, and they sent you (bulk mail left out)
    sent: int = 0
    received: int = 0
    #: meetings of the two of you alone, and with a few others
    meetings: int = 0
    together: int = 0
    #: when they recommended you, and you them (LinkedIn)
    recommended_you: PartialDate | None = None
    you_recommended: PartialDate | None = None
    #: skills of yours they endorsed (LinkedIn)
    endorsed_you: int = 0
    #: the day you connected (LinkedIn): when you met, as far as LinkedIn knows
    connected: PartialDate | None = None
    #: times they brought you together with others: a small meeting they set up with you
    #: and someone else, a mail to you they copied someone on (acting on your behalf)
    brought_together: int = 0

    @property
    def shows_a_tie(self) -> bool:
        """Whether it shows you deal with each other directly: messages both ways, a
        meeting, a recommendation or endorsement, a connection, or acting on your behalf;
        not someone seen only beside others, or who only wrote to you.

        >>> Evidence(source="x", together=3, received=2).shows_a_tie
        False
        >>> Evidence(source="x", sent=1, received=1).shows_a_tie
        True
        """
        return bool(
            min(self.sent, self.received)
            or self.meetings
            or self.recommended_you
            or self.you_recommended
            or self.endorsed_you
            or self.connected
            or self.brought_together
        )

    @classmethod
    def total(cls, records: Sequence[Evidence]) -> Evidence:
        """All ``records`` together: counts added, the earliest first and latest last day."""

        def earliest(days: Sequence[PartialDate | None]) -> PartialDate | None:
            known = [day for day in days if day is not None]
            return min(known, key=PartialDate.first_day) if known else None

        def latest(days: Sequence[PartialDate | None]) -> PartialDate | None:
            known = [day for day in days if day is not None]
            return max(known, key=PartialDate.last_day) if known else None

        return cls(
            source="all",
            first=earliest([record.first for record in records]),
            last=latest([record.last for record in records]),
            sent=sum(record.sent for record in records),
            received=sum(record.received for record in records),
            meetings=sum(record.meetings for record in records),
            together=sum(record.together for record in records),
            recommended_you=earliest([record.recommended_you for record in records]),
            you_recommended=earliest([record.you_recommended for record in records]),
            endorsed_you=sum(record.endorsed_you for record in records),
            connected=earliest([record.connected for record in records]),
            brought_together=sum(record.brought_together for record in records),
        )


@dataclass(frozen=True, kw_only=True)
class Contact:
    """A person in your network: a direct tie (trust > 0) or someone you know of (trust 0)."""

    #: stable id: the ``id`` field, else the slug of the name
    id: str
    #: the name as written
    name: str
    #: id of the company they work at now
    company: str | None = None
    #: id of their team within ``company``
    team: str | None = None
    #: their job title, as written
    title: str | None = None
    #: their industry as written (else inferred later from the company)
    industry: str | None = None
    #: when they joined ``company``, when known
    since: PartialDate | None = None
    #: companies they worked at before, each with when they left when known
    past_companies: tuple[PastCompany, ...] = ()
    #: 0 stranger (no direct tie) ... 5 would risk their reputation for you
    trust: int = DEFAULT_TRUST
    #: 0 never seen your work ... 5 depended on it daily
    knows_my_work: int = DEFAULT_KNOWS_MY_WORK
    #: when the relationship began
    met: PartialDate | None = None
    #: when you were last in touch
    last_contact: PartialDate | None = None
    #: what they know of your plans, in :data:`TOLD_ITEMS` order
    told: tuple[Told, ...] = ()
    #: the day each item of ``told`` was told, for the items whose day is known
    told_on: tuple[tuple[Told, PartialDate], ...] = ()
    #: people they know, as written (the graph makes these links mutual)
    knows: tuple[Link, ...] = ()
    #: what you asked them for, in file order, and what came of it
    asks: tuple[Ask, ...] = ()
    #: what imports found of your dealings with them, one record per source
    evidence: tuple[Evidence, ...] = ()
    #: e-mail address
    email: str | None = None
    #: LinkedIn profile address or handle
    linkedin: str | None = None
    #: free notes
    notes: str | None = None
    #: where the record starts in its file; not part of equality
    location: Location | None = field(default=None, compare=False, repr=False)
    #: whether the file gives ``trust`` and ``knows_my_work`` (else the evidence may)
    trust_written: bool = True
    work_written: bool = True

    @property
    def is_direct(self) -> bool:
        """Whether you know them yourself (trust above 0)."""
        return self.trust > 0

    @property
    def past_company_ids(self) -> tuple[str, ...]:
        """The ids of the companies they worked at before."""
        return tuple(job.company for job in self.past_companies)

    def told_date(self, item: Told) -> PartialDate | None:
        """The day ``item`` was told, when known."""
        return next((day for told, day in self.told_on if told == item), None)

    # Pickled (the cache), a contact keeps only its fields that differ from their defaults
    # (class attributes answer for the rest), ``knows`` (ids, strengths) and ``location`` as
    # flat tuples made into objects when first read (the commands that read the index never
    # do); read back, its ``__setstate__`` is found at once, not through ``__getattr__``.
    def __getstate__(self) -> dict[str, object]:
        state = {key: value for key, value in vars(self).items() if not _at_default(key, value)}
        links: tuple[Link, ...] | None = state.pop("knows", None)
        if links is not None:  # else the flat form is in the state already
            state[_FLAT["knows"]] = (*[k.contact for k in links], *[k.strength for k in links])
        if (where := state.pop("location", None)) is not None:  # (None: no flat form)
            state[_FLAT["location"]] = (where.file, where.line, where.col)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        object.__setattr__(self, "__dict__", state)  # the unpickled dict itself, not a copy

    if not TYPE_CHECKING:  # to the type checker a contact has its fields only

        def __getattr__(self, name: str) -> object:
            flat = self.__dict__.get(_FLAT.get(name, ""))
            if name == "location":  # no flat form: it was None
                value = None if flat is None else Location(file=flat[0], line=flat[1], col=flat[2])
            elif flat is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            else:
                pairs = zip(flat[: len(flat) // 2], flat[len(flat) // 2 :], strict=True)
                value = tuple(
                    Link(contact=contact, strength=strength) for contact, strength in pairs
                )
            object.__setattr__(self, name, value)
            return value


#: the keys of a pickled contact's fields in flat form (see ``Contact.__getstate__``)
_FLAT: Final = {"knows": "_knows_flat", "location": "_location_flat"}
_NO_DEFAULT: Final = object()


def _at_default(name: str, value: object) -> bool:
    """Whether ``value`` is the default (the class attribute) of the contact field ``name``."""
    default = getattr(Contact, name, _NO_DEFAULT)
    return type(default) is type(value) and default == value


# their defaults stay in ``__init__``: class attributes would hide the pickled flat forms
del Contact.knows, Contact.location


@dataclass(frozen=True, kw_only=True)
class CompanyLink:
    """A company name written in the file that was taken for a company of another name
    (not the same once normalised): what ``warmreach validate`` reports, to be checked."""

    #: the name as written
    written: str
    #: the id of the company it was taken for
    company: str
    #: how: ``known name`` (of a well-known company), ``spacing``, ``organisation`` (a word
    #: like Group), ``generic word`` (a word like Bank), ``short name``, ``spelling``
    how: str
    location: Location | None = field(default=None, compare=False)
    #: where in the file it is written (``contacts[3].company``), when known
    path: str | None = field(default=None, compare=False)


@dataclass(frozen=True, kw_only=True)
class Network:
    """A whole network file, validated, with every reference resolved to an id."""

    #: you
    me: Me
    #: every company: listed ones first, then ones first named elsewhere, in file order
    companies: tuple[Company, ...] = ()
    #: the openings you target
    openings: tuple[Opening, ...] = ()
    #: the people in your network, in file order
    contacts: tuple[Contact, ...] = ()
    #: the file it was read from, if any; not part of equality
    source: str | None = field(default=None, compare=False)
    #: names taken for a company of another name, in file order; not part of equality
    company_links: tuple[CompanyLink, ...] = field(default=(), compare=False)

    @cached_property
    def contacts_by_id(self) -> Mapping[str, Contact]:
        """Contacts by id."""
        return {contact.id: contact for contact in self.contacts}

    @cached_property
    def companies_by_id(self) -> Mapping[str, Company]:
        """Companies by id."""
        return {company.id: company for company in self.companies}


def redacted(network: Network) -> Network:
    """``network`` with every person's name replaced by its initials, and what else could
    name them (e-mail, LinkedIn, notes, the file's name) left out: the rule of every
    redacted picture and page. Ids, ties and links are kept, so the advice is the same.

    >>> network = Network(me=Me(name="Ana Lima"), contacts=(Contact(id="bo", name="Bo Chen"),))
    >>> shown = redacted(network)
    >>> shown.me.name, shown.contacts[0].name, shown.contacts[0].id
    ('A.L.', 'B.C.', 'bo')
    """
    return replace(
        network,
        me=replace(network.me, name=initials(network.me.name)),
        contacts=tuple(
            replace(contact, name=initials(contact.name), email=None, linkedin=None, notes=None)
            for contact in network.contacts
        ),
        source=None,
    )
