"""Names given on the command line: a target ``COMPANY[/TEAM]``, a contact to log.

Both match as the file's own references do (names, aliases, case and accents aside,
strictly fuzzy), and an unknown or ambiguous name is an error naming the nearest ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from rapidfuzz import fuzz, process, utils

from warmreach.errors import UnknownName, UsageError
from warmreach.matching.names import hint, match_name
from warmreach.matching.normal import normalize_company
from warmreach.model import Contact, Network, Opening
from warmreach.text import join_words, slugify

if TYPE_CHECKING:
    from warmreach.matching.companies import CompanyMatcher

#: the company matcher of the last few networks looked up in (a list of postings looks up
#: hundreds of names in one network)
_MATCHERS: dict[int, tuple[Network, CompanyMatcher]] = {}


def companies_of(network: Network) -> CompanyMatcher:
    """A matcher of the names and aliases of ``network``'s companies, built once per network."""
    from warmreach.matching.companies import CompanyMatcher  # the well-known names with it

    known = _MATCHERS.get(id(network))
    if known is not None and known[0] is network:
        return known[1]
    matcher = CompanyMatcher()
    for listed in network.companies:
        for name in (listed.name, *listed.aliases):
            matcher.add(name, listed.id)
    if len(_MATCHERS) >= 4:
        _MATCHERS.pop(next(iter(_MATCHERS)))
    _MATCHERS[id(network)] = (network, matcher)
    return matcher


def find_target(network: Network, text: str) -> Opening:
    """The target ``COMPANY[/TEAM]`` names, with the role and hiring manager of a
    matching opening when the file has one.

    The company is matched by name, alias or fuzzily, the team within it; an unknown
    one raises :class:`~warmreach.errors.UnknownName` with the nearest names.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... companies: [{name: Voltgrid, aliases: [VG], teams: [{name: Battery Systems}]}]
    ... openings: [{company: Voltgrid, team: Battery Systems, role: PM}]
    ... ''')
    >>> find_target(network, "voltgrid ab/battery systems")
    Opening(company='voltgrid', team='battery-systems', role='PM', hiring_manager=None, closes=None)
    >>> find_target(network, "VG")
    Opening(company='voltgrid', team=None, role=None, hiring_manager=None, closes=None)
    >>> find_target(network, "Voltgrid/Batery")
    Traceback (most recent call last):
    ...
    warmreach.errors.UnknownName: Voltgrid has no team 'Batery'; its teams: Battery Systems
    >>> try:
    ...     find_target(network, "Voltgrod")
    ... except UnknownName as error:
    ...     print(error)
    no company in the network is called 'Voltgrod'; did you mean 'Voltgrid'?
    """
    company_text, _, team_text = text.partition("/")
    name = company_text.strip()
    found = _named(network, name) or companies_of(network).match(name)
    if found is None:
        near = hint(company_text, [listed.name for listed in network.companies])
        raise UnknownName(f"no company in the network is called '{name}'{near}")
    company = network.companies_by_id[found]
    team = None
    if team_text.strip():
        teams = [listed.name for listed in company.teams]
        index = match_name(team_text.strip(), teams)
        if index is None:
            listing = ", ".join(teams) if teams else "none listed"
            raise UnknownName(
                f"{company.name} has no team '{team_text.strip()}'; its teams: {listing}"
            )
        team = company.teams[index].id
    return _opening_at(network, found, team)


def _named(network: Network, name: str) -> str | None:
    """The company whose name is ``name`` exactly, found without building the matcher: it
    is the company the matcher finds, as in a valid file no company's name normalises as
    another company's name (their ids are made of it) or alias does (the loader says so).
    A name that normalises to nothing the matcher does not find."""
    for company in network.companies:
        if company.name == name:
            return company.id if normalize_company(name) else None
    return None


def _opening_at(network: Network, company: str, team: str | None) -> Opening:
    """The file's opening at ``company`` and ``team`` (ids), else a target of them alone."""
    for opening in network.openings:
        if (opening.company, opening.team) == (company, team):
            return opening
    return Opening(company=company, team=team)


def find_targets(network: Network, text: str) -> list[Opening]:
    """What ``--target COMPANY[/TEAM]`` aims at: a team as :func:`find_target` finds it; a
    company, the file's openings there (with their hiring managers and roles), else the
    company itself.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... companies: [{name: Voltgrid, teams: [{name: Grid}, {name: Cells}]}]
    ... openings: [{company: Voltgrid, team: Grid, role: PM}, {company: Voltgrid, team: Cells}]
    ... ''')
    >>> [(t.key, t.role) for t in find_targets(network, "Voltgrid")]
    [('voltgrid/grid', 'PM'), ('voltgrid/cells', None)]
    >>> [t.key for t in find_targets(network, "Voltgrid/Cells")]
    ['voltgrid/cells']
    """
    target = find_target(network, text)
    if target.team is not None or target in network.openings:
        return [target]
    there = [opening for opening in network.openings if opening.company == target.company]
    return there or [target]


def find_person(network: Network, text: str) -> tuple[str | None, Opening, str]:
    """What ``--person NAME`` aims at: (the contact's id, the target of their team, their
    name). ``Name@Company`` names someone who may not be in the file: reached through the
    people at that company (the id is then None).

    The contact is found as :func:`find_contact` finds one; their target is their team's
    (the file's opening there when it has one), else their company's. Someone with no
    company in the file cannot be aimed at: :class:`UsageError` says how to add one.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... contacts: [{name: Eva Berg, company: Voltgrid, team: Grid}]
    ... ''')
    >>> person, target, name = find_person(network, "eva berg")
    >>> person, target.key, name
    ('eva-berg', 'voltgrid/grid', 'Eva Berg')
    >>> person, target, name = find_person(network, "Sam Hale@Voltgrid")
    >>> person, target.key, name
    (None, 'voltgrid', 'Sam Hale')
    """
    name, at, company = text.rpartition("@")
    if at and name.strip() and company.strip():
        try:
            person: str | None = find_contact(network, name.strip())
        except UsageError:
            person = None
        target = find_target(network, company.strip())
        if person is None or network.contacts_by_id[person].company != target.company:
            return None, target, name.strip()
    else:
        person = find_contact(network, text)
    contact = network.contacts_by_id[person]
    if contact.company is None:
        raise UsageError(
            f"{contact.name} has no company in the file: warmreach reaches a person through "
            f"where they work; add it with: warmreach log NETWORK {contact.id} --company COMPANY"
        )
    return person, _opening_at(network, contact.company, contact.team), contact.name


#: fuzzy score (WRatio) at or above which a name given on the command line may mean a contact


CONTACT_MATCH_CUTOFF: Final = 86.0
#: candidates within this many points of the best are too close to choose between
CONTACT_AMBIGUITY: Final = 4.0


def find_contact(network: Network, text: str) -> str:
    """The id of the contact ``text`` names: by id, by name (case and accents aside), or
    fuzzily when one name stands out.

    Raises :class:`~warmreach.errors.UnknownName` when nobody matches, and
    :class:`~warmreach.errors.UsageError` listing the candidates when several might.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network('''
    ... me: {name: Ana}
    ... contacts: [{name: Bob Chen, company: Voltgrid, title: PM}, {name: Bob Stone},
    ...            {name: Eva Berg, id: eva}]
    ... ''')
    >>> [find_contact(network, text) for text in ("eva", "bob chen", "Eva Berk")]
    ['eva', 'bob-chen', 'eva']
    >>> try:
    ...     find_contact(network, "Bob")
    ... except UsageError as error:
    ...     print(error)
    'Bob' could be Bob Chen (bob-chen, PM at Voltgrid) or Bob Stone (bob-stone); name one by id
    """
    contacts = network.contacts
    if text in network.contacts_by_id:
        return text
    slug = slugify(text)
    found = [contact for contact in contacts if contact.id == slug or slugify(contact.name) == slug]
    if not found:
        hits = process.extract(
            text,
            [contact.name for contact in contacts],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=CONTACT_MATCH_CUTOFF,
            limit=None,
        )
        hits.sort(key=lambda hit: (-hit[1], hit[2]))
        found = [
            contacts[index] for _, score, index in hits if score >= hits[0][1] - CONTACT_AMBIGUITY
        ]
    if len(found) == 1:
        return found[0].id
    if not found:
        near = hint(text, [contact.name for contact in contacts])
        raise UnknownName(f"no contact in the network is called '{text}'{near}")
    listing = [f"{contact.name} ({_described(network, contact)})" for contact in found[:6]]
    raise UsageError(f"'{text}' could be {join_words(listing, 'or')}; name one by id")


def _described(network: Network, contact: Contact) -> str:
    """A contact's id, with their title and company when the file has them:
    ``bob-chen, Engineering Manager at Voltgrid``."""
    company = network.companies_by_id[contact.company].name if contact.company else None
    work = " at ".join(part for part in (contact.title, company) if part)
    return f"{contact.id}, {work}" if work else contact.id
