"""Synthetic networks for benchmarks and trials: deterministic, invented people.

``generate_network(contacts, links, seed)`` returns the tree of a network file (plain
dicts and lists, ready for a YAML dumper). The same arguments give the same tree. About a
fifth of the contacts write their company with a legal suffix (``Voltgrid AB``), as real
exports do, so that company matching is exercised too.

>>> tree = generate_network(50, 3, seed=1)
>>> len(tree["contacts"]), tree == generate_network(50, 3, seed=1)
(50, True)
>>> organisation = generate_organisation(1000, 5, seed=1)
>>> len(organisation.contacts), organisation == generate_organisation(1000, 5, seed=1)
(1000, True)
"""

from __future__ import annotations

import itertools
import random
from array import array
from dataclasses import dataclass, replace
from typing import Any

from warmreach.model import (
    Company,
    Contact,
    Link,
    Me,
    Network,
    Opening,
    PartialDate,
    Team,
)
from warmreach.text import slugify

FIRST = """Ana Bob Carl Dana Eva Femi Grace Hugo Ines Jonas Kai Lena Marta Noor Oskar Paulo Rosa Sam
Tara Umar Vera Wei Xena Yusuf Zoe Amara Bruno Chloe Dmitri Elif Felix Hana Ivan Jade Kavya Lars
Mei Nadia Omar Priya Quinn Ravi Sofia Tomas Ugo Vik Wanda Yara Zane Aisha Ben Chen Diane Erik
Fatima Gus Helen Isaac Julia Kofi Laura Mateo Nils Olga Peter Rita Sven Tom Ulla Vince
Will""".split()
LAST = """Lima Chen Ode Berg Adeyemi Osei Laurent Costa Weber Moreno Fischer Costa Haddad Lund Reis
Alvarez Okafor Quinn Farouk Petrova Zhang Carter Demir Nwosu Ferri Martin Volkov Arslan Wong
Kobayashi
Ivanova Iyer Eriksen Tanaka Karim Raman Rao Shah Lindqvist Novak Bianchi Silva Mehta Sato Bello
Asante Gray Kim Patel Hale Mendes Bell Lindholm Mensah Hoffmann Addo Gomes Adler Conti
Siddiqui""".split()
PREFIX = """Volt Sun Tide Kelp Nord Baltic Harbor Cobalt Orbit Helix Quanta Tessel Lattice North
Sky River Ember Frost Granite Cedar Aurora Delta Echo Falcon Lumen Meridian Nimbus Opal Prism Zenith
Atlas Beacon Comet Drift Ever Flux Glacier Halo Iris Juniper""".split()
SUFFIX = """grid forge works labs line port systems cloud search data wave path field stone point
bridge core logic matter scale""".split()
INDUSTRIES = """Energy Storage|Solar Energy|Carbon Removal|Maritime|Logistics|Fintech|Health Tech|
Cloud Computing|Enterprise Software|Developer Tools|Management Consulting|Higher Education|
Retail|Insurance|Biotechnology|Wind Energy|Electric Vehicles|Cybersecurity""".replace(
    "\n", ""
).split("|")
TEAMS = """Platform|Data|Product|Growth|Infrastructure|Operations|Research|Sales|Customer Success|
Security|Payments|Analytics|Design|Finance|Quality""".replace("\n", "").split("|")
TITLES = """Software Engineer|Senior Software Engineer|Product Manager|Data Analyst|Engineering
Manager|Director of Product|Recruiter|Operations Manager|Designer|Data Scientist|VP Engineering|
Account Executive|Analyst|Consultant""".replace("\n", " ").split("|")
LEGAL = ["AB", "Inc.", "GmbH", "Ltd", "LLC", "S.A."]
TOLD = ["role", "aspiration", "availability"]


def _names(count: int, rng: random.Random) -> list[str]:
    pairs = [f"{first} {last}" for first, last in itertools.product(FIRST, sorted(set(LAST)))]
    rng.shuffle(pairs)
    rounds = count // len(pairs) + 1
    names = [
        name if round_ == 0 else f"{name} {round_ + 1}"
        for round_ in range(rounds)
        for name in pairs
    ]
    return names[:count]


def _date(rng: random.Random, first_year: int, last_year: int) -> str:
    year = rng.randint(first_year, last_year)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def generate_network(contacts: int, links: int, seed: int = 0) -> dict[str, Any]:
    """A network with ``contacts`` people, each listing about ``links`` people they know."""
    rng = random.Random(seed)
    company_names = [f"{prefix}{suffix}" for prefix in PREFIX for suffix in SUFFIX]
    rng.shuffle(company_names)
    company_count = max(5, min(len(company_names), contacts // 8))
    companies: list[dict[str, Any]] = []
    for name in company_names[:company_count]:
        teams = rng.sample(TEAMS, rng.randint(2, 5))
        companies.append(
            {
                "name": name,
                "industry": rng.choice(INDUSTRIES),
                "aliases": [f"{name} {rng.choice(LEGAL)}"],
                "teams": [
                    {"name": team, **({"near": [teams[0]]} if index and rng.random() < 0.5 else {})}
                    for index, team in enumerate(teams)
                ],
            }
        )
    names = _names(contacts, rng)
    people: list[dict[str, Any]] = []
    for index, name in enumerate(names):
        company = companies[rng.randrange(company_count)]
        trust = rng.choices([0, 1, 2, 3, 4, 5], weights=[30, 30, 15, 12, 8, 5])[0]
        person: dict[str, Any] = {"name": name}
        written = company["name"]
        if rng.random() < 0.2:
            written = f"{written} {rng.choice(LEGAL)}"
        person["company"] = written
        if rng.random() < 0.6:
            person["team"] = rng.choice(company["teams"])["name"]
        person["title"] = rng.choice(TITLES)
        person["trust"] = trust
        if trust:
            person["knows_my_work"] = rng.randint(0, trust)
            met = _date(rng, 2005, 2026)
            person["met"] = met
            person["last_contact"] = max(met, _date(rng, 2015, 2026))
            told = [item for item in TOLD if rng.random() < 0.3]
            if told:
                person["told"] = told
        if index and rng.random() < 0.3:
            person["past_companies"] = [companies[rng.randrange(company_count)]["name"]]
        people.append(person)
    for index, person in enumerate(people):
        known = set()
        for _ in range(links):
            other = rng.randrange(contacts)
            if other != index and other not in known:
                known.add(other)
        if known:
            person["knows"] = [
                names[other]
                if rng.random() < 0.6
                else {"name": names[other], "strength": rng.randint(1, 5)}
                for other in sorted(known)
            ]
    openings = []
    for company in companies[:3]:
        opening = {
            "company": company["name"],
            "team": company["teams"][0]["name"],
            "role": "Product Manager",
        }
        openings.append(opening)
    return {
        "me": {
            "name": "Alex Example",
            "role": "Operations Lead",
            "company": companies[-1]["name"],
            "seeking": {
                "roles": ["Product Manager"],
                "industries": [companies[0]["industry"]],
                "companies": [company["name"] for company in companies[:3]],
            },
            "available": "now",
        },
        "companies": companies,
        "openings": openings,
        "contacts": people,
    }


@dataclass(frozen=True)
class Organisation:
    """A recruiting team's merged networks, with who knows whom as columns: person
    ``sources[k]`` (a place in ``network.contacts``) wrote that they know ``ends[k]`` with
    ``strengths[k]``. The contacts' own ``knows`` lists are empty: ten million ``Link``
    objects would take gigabytes (``graph.KnowsMatrix.from_pairs`` reads the columns)."""

    network: Network
    sources: array[int]
    ends: array[int]
    strengths: array[int]


def organisation(people: int, links: int, seed: int = 0) -> Organisation:
    """The merged networks of a recruiting team (a file of this size would be
    gigabytes): ``people`` people at up to 800 companies, each listing ``links`` people
    they know; one in fifty is a direct tie of the team. Three openings, each with a
    hiring manager, are the targets."""
    rng = random.Random(seed)
    company_names = [f"{prefix}{suffix}" for prefix in PREFIX for suffix in SUFFIX]
    companies = tuple(
        Company(
            id=f"company-{number}",
            name=name,
            industry=rng.choice(INDUSTRIES),
            teams=tuple(Team(id=slugify(team), name=team) for team in TEAMS),
        )
        for number, name in enumerate(company_names[: max(5, min(800, people // 1000))])
    )
    teams = [team.id for team in companies[0].teams]
    names = _names(people, rng)
    ids = [f"p{number}" for number in range(people)]
    contacts = []
    sources, ends, strengths = array("i"), array("i"), array("b")
    for number, name in enumerate(names):
        direct = rng.random() < 0.02
        trust = rng.randint(1, 5) if direct else 0
        known = sorted({rng.randrange(people) for _ in range(links)} - {number})
        contacts.append(
            Contact(
                id=ids[number],
                name=name,
                company=companies[rng.randrange(len(companies))].id,
                team=rng.choice(teams),
                trust=trust,
                knows_my_work=rng.randint(0, trust),
                met=PartialDate(year=rng.randint(2005, 2026)) if direct else None,
                last_contact=PartialDate(year=rng.randint(2020, 2026)) if direct else None,
                told=("role", "aspiration", "availability") if direct else (),
            )
        )
        sources.extend([number] * len(known))
        ends.extend(known)
        strengths.extend(rng.randint(1, 5) for _ in known)
    openings = tuple(
        Opening(
            company=company.id,
            team=teams[0],
            hiring_manager=next(
                (
                    contact.id
                    for contact in contacts
                    if contact.company == company.id and contact.team == teams[0]
                ),
                None,
            ),
        )
        for company in companies[:3]
    )
    network = Network(
        me=Me(name="Recruiting Team"),
        companies=companies,
        openings=openings,
        contacts=tuple(contacts),
    )
    return Organisation(network=network, sources=sources, ends=ends, strengths=strengths)


def generate_organisation(people: int, links: int, seed: int = 0) -> Network:
    """:func:`organisation` with each person's links written in their ``knows`` list, as
    a file holds them (for sizes whose ``Link`` objects fit in memory)."""
    found = organisation(people, links, seed)
    written: list[list[Link]] = [[] for _ in found.network.contacts]
    ids = [contact.id for contact in found.network.contacts]
    for source, end, strength in zip(found.sources, found.ends, found.strengths, strict=True):
        written[source].append(Link(contact=ids[end], strength=strength))
    contacts = tuple(
        replace(contact, knows=tuple(links_of))
        for contact, links_of in zip(found.network.contacts, written, strict=True)
    )
    return replace(found.network, contacts=contacts)
