"""What a valid file becomes: defaults, ids, text kept as text, references resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmreach import (
    InvalidNetwork,
    Link,
    Network,
    PartialDate,
    WarmreachError,
    load_network,
    parse_network,
)
from warmreach.model import DEFAULT_KNOWS_MY_WORK, DEFAULT_TRUST

NETWORK = """\
me:
  name: Ana Lima
  company: Acme Shipping Ltd
  seeking:
    roles: Product Manager
    companies: [Voltgrid AB, Sunforge]
  available: 2027-01
companies:
  - name: Voltgrid
    aliases: [VG Energy]
    industry: Energy Storage
    teams:
      - name: Battery Systems
        near: [Cell Manufacturing]
openings:
  - company: VOLTGRID, Inc.
    team: battery systems
    role: Product Manager
    hiring_manager: Eva Berg
contacts:
  - name: Bob Chen
    company: Voltgrid AB
    team: Battery Systems
    trust: 5
    knows_my_work: 4
    met: 2019-04
    last_contact: 2026-09-14
    told: [aspiration, role, role]
    knows:
      - Eva Berg
      - {name: carl, strength: 4}
  - name: Eva Berg
    company: VG Energy
    team: Cell Manufacturing
    trust: 0
  - name: Carl Ode
    id: carl
    company: Nortvolt
    past_companies: [Acme Shipping]
"""


@pytest.fixture
def network() -> Network:
    return parse_network(NETWORK, file="n.yaml")


def test_ids_are_slugs_unless_given(network: Network) -> None:
    assert [contact.id for contact in network.contacts] == ["bob-chen", "eva-berg", "carl"]


def test_defaults_are_documented_values(network: Network) -> None:
    carl = network.contacts_by_id["carl"]
    assert (carl.trust, carl.knows_my_work) == (DEFAULT_TRUST, DEFAULT_KNOWS_MY_WORK)
    assert carl.met is None and carl.told == ()
    assert network.contacts_by_id["bob-chen"].knows[0] == Link(contact="eva-berg", strength=None)


def test_companies_link_by_name_alias_suffix_and_fuzzy_match(network: Network) -> None:
    contacts = network.contacts_by_id
    assert contacts["bob-chen"].company == "voltgrid"  # legal suffix
    assert contacts["eva-berg"].company == "voltgrid"  # alias
    assert network.openings[0].company == "voltgrid"  # case and ", Inc."
    assert network.me.seeking.companies == ("voltgrid", "sunforge")
    assert network.me.company == "acme-shipping"


def test_unmatched_company_names_become_companies(network: Network) -> None:
    assert [company.id for company in network.companies] == [
        "voltgrid",
        "acme-shipping",
        "sunforge",
        "nortvolt",
    ]
    assert network.companies_by_id["nortvolt"].name == "Nortvolt"
    assert network.contacts_by_id["carl"].past_company_ids == ("acme-shipping",)


def test_teams_link_within_their_company_and_near_teams_are_added(network: Network) -> None:
    voltgrid = network.companies_by_id["voltgrid"]
    assert [(team.id, team.near) for team in voltgrid.teams] == [
        ("battery-systems", ("cell-manufacturing",)),
        ("cell-manufacturing", ()),
    ]
    assert network.openings[0].team == "battery-systems"
    assert network.contacts_by_id["eva-berg"].team == "cell-manufacturing"


def test_people_resolve_by_name_or_id(network: Network) -> None:
    bob = network.contacts_by_id["bob-chen"]
    assert bob.knows == (Link(contact="eva-berg"), Link(contact="carl", strength=4))
    assert network.openings[0].hiring_manager == "eva-berg"


def test_scalars_are_typed_by_the_schema(network: Network) -> None:
    bob = network.contacts_by_id["bob-chen"]
    assert bob.met == PartialDate(year=2019, month=4)
    assert bob.last_contact == PartialDate(year=2026, month=9, day=14)
    assert bob.told == ("role", "aspiration")
    assert network.me.available == PartialDate(year=2027, month=1)
    assert network.me.seeking.roles == ("Product Manager",)


@pytest.mark.parametrize("value", ["NO", "012", "1:30", "yes", "~x", "0x1F", "1e3", "2019-04-01"])
def test_text_fields_stay_text(value: str) -> None:
    network = parse_network(
        f"me: {{name: {value}, role: {value}}}\ncontacts:\n  - name: X\n    title: {value}\n"
    )
    assert network.me.name == value
    assert network.me.role == value
    assert network.contacts[0].title == value


def test_null_words_and_empty_values_mean_not_given() -> None:
    network = parse_network(
        "me: {name: Ana, role: ~, company: null}\ncontacts:\n  - name: B\n    trust:\n"
    )
    assert network.me.role is None and network.me.company is None
    assert network.contacts[0].trust == DEFAULT_TRUST


def test_quoted_null_word_is_text() -> None:
    assert parse_network("me: {name: 'null'}").me.name == "null"


def test_byte_order_mark_is_allowed() -> None:
    assert parse_network(b"\xef\xbb\xbfme: {name: Ana}\n").me.name == "Ana"


def test_years_and_months_are_dates() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts: [{name: B, met: 2019, last_contact: 2020-02}]"
    )
    contact = network.contacts[0]
    assert (contact.met, contact.last_contact) == (
        PartialDate(year=2019),
        PartialDate(year=2020, month=2),
    )
    assert contact.last_contact is not None and contact.last_contact.last_day().day == 29


def test_unicode_names_get_ids() -> None:
    network = parse_network("me: {name: Ana}\ncontacts: [{name: 王伟}, {name: Åsa Öberg}]")
    assert [contact.id for contact in network.contacts] == ["王伟", "asa-oberg"]


def test_contact_location_points_at_the_record(network: Network) -> None:
    location = network.contacts_by_id["eva-berg"].location
    assert location is not None
    assert (location.file, location.line, location.col) == ("n.yaml", 32, 5)


def test_load_network_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    assert load_network(path) == parse_network(NETWORK)
    assert load_network(path).source == str(path)


def test_load_network_reports_files_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(WarmreachError, match=r"missing\.yaml: cannot read the file: No such file"):
        load_network(tmp_path / "missing.yaml")
    with pytest.raises(WarmreachError, match="is a folder, not a regular file"):
        load_network(tmp_path)


def test_load_network_refuses_large_files_by_size(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    with pytest.raises(InvalidNetwork, match=r"over the 0\.0001 MB limit"):
        load_network(path, max_bytes=100)


def test_told_items_may_carry_the_day_they_were_told() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts:\n"
        "  - {name: A, told: [role, {availability: 2026-11-02}]}\n"
        "  - {name: B, told: {aspiration: 2025-01, availability: ~}}\n"
        "  - {name: C, told: [{aspiration: 2024-01}, {aspiration: 2025-06}]}\n"
        "  - {name: D, told: [{role: 2019-04}, {role: 2019}, {aspiration: 2019}]}\n"
    )
    a, b, c, d = network.contacts
    assert (a.told, a.told_on) == (
        ("role", "availability"),
        (("availability", PartialDate.parse("2026-11-02")),),
    )
    assert (b.told, b.told_on) == (
        ("aspiration", "availability"),
        (("aspiration", PartialDate.parse("2025-01")),),
    )
    assert c.told_date("aspiration") == PartialDate.parse("2025-06")  # the latest telling
    assert d.told_date("role") == PartialDate.parse("2019")  # "2019" may mean its December


def test_past_companies_may_carry_when_they_left_and_contacts_when_they_joined() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts:\n"
        "  - {name: A, company: Voltgrid, since: 2024-03, "
        "past_companies: [Acme, {name: Sunforge, until: 2024-02}]}\n"
    )
    (a,) = network.contacts
    assert a.since == PartialDate.parse("2024-03")
    assert [(job.company, job.until) for job in a.past_companies] == [
        ("acme", None),
        ("sunforge", PartialDate.parse("2024-02")),
    ]


def test_plans_since_is_a_date_of_yours() -> None:
    network = parse_network("me: {name: Ana, plans_since: 2026-10}\n")
    assert network.me.plans_since == PartialDate.parse("2026-10")
