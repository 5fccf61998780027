"""The gap report: the field, coverage per company, inferences, suggestions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.helpers import ROOT
from warmreach import parse_network
from warmreach.cli import ExitCode, app
from warmreach.errors import UnknownName, UsageError
from warmreach.gaps import GapReport, find_gaps
from warmreach.gaps.people import field_people
from warmreach.reports.gaps import suggestion_text
from warmreach.synthetic import generate_network

AS_OF = dt.date(2026, 11, 25)

NETWORK = """\
me:
  name: Ana Lima
  seeking: {industries: [Climate Tech], roles: [Product Manager], companies: [Sunforge, Voltgrid]}
companies:
  - {name: Voltgrid, industry: Energy Storage}
contacts:
  - {name: Bob Chen, company: Voltgrid AB, title: Engineering Manager, trust: 5, knows_my_work: 4,
     last_contact: 2026-10, told: [aspiration, availability]}
  - {name: Cleo Clean, company: Brightside, industry: cleantech, trust: 3, last_contact: 2026-09}
  - {name: Rene Renew, company: Windward, industry: Renewables/Environment, trust: 2, last_contact: 2026-01}
  - {name: Cara Carbon, company: Deep Air, industry: carbon removal, trust: 0}
  - {name: Finn Fintech, company: Paylane, industry: Fintech, title: Sr. PM, trust: 4, last_contact: 2026-11}
  - {name: Sol Solar, company: Sunforge Solar Works, trust: 1, met: 2020}
  - {name: Mo Maritime, company: Acme Shipping, industry: Shipping, trust: 5, knows: [Cara Carbon]}
  - {name: Una Known, company: Quiet Co, trust: 2}
"""


@pytest.fixture
def report() -> GapReport:
    return find_gaps(parse_network(NETWORK), as_of=AS_OF)


def test_loose_industry_words_fall_in_the_field(report: GapReport) -> None:
    in_field = [person.contact for person in report.contacts_in_field]
    assert {"cleo-clean", "rene-renew", "cara-carbon", "bob-chen"} <= set(in_field)
    assert "finn-fintech" not in in_field
    assert report.field.fields == ("climate-tech",)


def test_industry_is_inferred_from_a_company_written_with_a_legal_suffix(report: GapReport) -> None:
    bob = next(inference for inference in report.inferred if inference.contact == "bob-chen")
    assert bob.value == "Energy Storage (Climate Tech)"
    assert bob.source == "company Voltgrid (industry 'Energy Storage')"
    assert bob.confidence == 0.9


def test_industry_is_inferred_from_words_in_the_company_name(report: GapReport) -> None:
    sol = next(inference for inference in report.inferred if inference.contact == "sol-solar")
    assert (sol.value, sol.source, sol.confidence) == (
        "Solar Energy (Climate Tech)",
        "company name 'Sunforge Solar Works'",
        0.6,
    )


def test_written_industries_read_loosely_are_listed_too(report: GapReport) -> None:
    rene = next(inference for inference in report.inferred if inference.contact == "rene-renew")
    assert (rene.value, rene.source) == (
        "Renewable Energy (Climate Tech)",
        "written 'Renewables/Environment'",
    )
    assert 0.88 <= rene.confidence < 1
    exact = {"cleo-clean", "finn-fintech", "cara-carbon"}  # "cleantech" is a synonym as written
    assert not any(inference.contact in exact for inference in report.inferred)


def test_a_sought_company_with_nobody_is_no_path(report: GapReport) -> None:
    sunforge = next(gap for gap in report.companies if gap.company == "sunforge")
    assert sunforge.contacts == ()
    assert sunforge.status == "no-path"
    assert sunforge.best_score == 0.26
    voltgrid = next(gap for gap in report.companies if gap.company == "voltgrid")
    assert (voltgrid.status, voltgrid.strong_ties) == ("covered", ("bob-chen",))


def test_companies_list_sought_ones_first(report: GapReport) -> None:
    assert [(gap.company, gap.sought) for gap in report.companies][:2] == [
        ("voltgrid", True),
        ("sunforge", True),
    ]
    assert {gap.company for gap in report.companies} >= {"brightside", "windward", "deep-air"}


def test_role_holders_and_adjacent_fields(report: GapReport) -> None:
    assert [person.contact for person in report.role_holders] == ["finn-fintech"]
    assert [person.contact for person in report.adjacent] == ["mo-maritime"]
    assert report.unknown_industry == ("una-known",)


def test_suggestions_are_concrete(report: GapReport) -> None:
    assert tuple(map(suggestion_text, report.suggestions)) == (
        "You have no one at Sunforge: ask Bob Chen, who works in Energy Storage (Climate Tech), "
        "whom they know there.",
        # trust 3 elsewhere at the company, work unknown: a fair route, not a covered company
        "At Brightside only Cleo Clean could refer you, and their word would count for little "
        "(0.32): keep in touch, and look for someone nearer the team.",
        "You know Rene Renew at Windward, but not well enough to ask for a referral yet: "
        "reconnect and tell them what you are aiming at.",
        "No one at Deep Air can refer you yet; Mo Maritime knows Cara Carbon there: start with "
        "that introduction.",
        "At Sunforge Solar Works your best contact, Sol Solar, needs cultivating first.",
        "Tell Cleo Clean and Rene Renew that you are aiming at Climate Tech: they work in it and "
        "do not know yet.",
        "Finn Fintech holds the role you want (Product Manager): ask how they got there.",
        "Only 4 of your 7 direct ties work in Climate Tech; Mo Maritime works in adjacent fields "
        "and can bridge you in.",
        "1 contact has no industry warmreach could read or infer; add `industry:` to Quiet Co "
        "under companies to place it.",
    )


def test_field_and_roles_can_be_given() -> None:
    report = find_gaps(
        parse_network(NETWORK), field=["Fintech"], roles=["Engineering Manager"], as_of=AS_OF
    )
    # Bob works at Voltgrid, a company you seek: always in the field, whatever field is asked
    assert [person.contact for person in report.contacts_in_field] == ["bob-chen", "finn-fintech"]
    assert [person.contact for person in report.role_holders] == ["bob-chen"]


def test_unknown_field_is_named_with_hints() -> None:
    with pytest.raises(
        UnknownName,
        match=r"'Climat Tek' is not an industry or field warmreach knows; did you mean 'Climate Tech'\?",
    ):
        find_gaps(parse_network(NETWORK), field=["Climat Tek"], as_of=AS_OF)


def test_nothing_to_look_for_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="nothing to look for"):
        find_gaps(parse_network("me: {name: Ana}"), as_of=AS_OF)


def test_cli_gaps_json_has_the_stable_fields(tmp_path: Path) -> None:
    import json

    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["gaps", str(path), "--format", "json", "--as-of", "2026-11-25"]
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert {"field", "companies", "contacts_in_field", "inferred", "suggestions"} <= set(document)
    for company in document["companies"]:
        assert {"company", "best_score", "contacts", "strong_ties", "status"} <= set(company)
        assert company["status"] in ("covered", "weak", "no-path")
    for inference in document["inferred"]:
        assert set(inference) == {"contact", "attribute", "value", "source", "confidence"}


def test_cli_gaps_unknown_field_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    result = CliRunner().invoke(app, ["gaps", str(path), "--field", "Climat Tek"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "warmreach: 'Climat Tek' is not an industry or field warmreach knows; "
        "did you mean 'Climate Tech'?\n"
    )


def test_validate_warns_about_likely_duplicate_contacts(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(
        "me: {name: Ana}\ncontacts:\n"
        "  - {name: Eva Berg, company: Voltgrid}\n"
        "  - {name: Eva Bergh, company: Voltgrid AB}\n"
        "  - {name: Tom Lee, email: tom@example.org}\n"
        "  - {name: Thomas Lee, email: TOM@example.org}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.OK
    assert result.stderr == (
        f"{path}:4:5: warning: contacts[1] 'eva-bergh' may be the same person as contacts[0] "
        "'eva-berg' at line 3 (similar names at the same company)\n"
        f"{path}:6:5: warning: contacts[3] 'thomas-lee' may be the same person as contacts[2] "
        "'tom-lee' at line 5 (the same email)\n"
    )
    assert result.stdout.startswith(f"{path} is valid\n")


@pytest.mark.parametrize(
    "text",
    [
        NETWORK,
        *(
            (ROOT / "sample_networks" / name).read_text(encoding="utf-8")
            for name in ("career-switcher.yaml", "new-graduate.yaml", "senior-engineer.yaml")
        ),
        *(yaml.safe_dump(generate_network(300, 4, seed=seed)) for seed in (1, 2)),
    ],
    ids=[
        "gaps",
        "career-switcher",
        "new-graduate",
        "senior-engineer",
        "generated-1",
        "generated-2",
    ],
)
def test_the_plans_field_people_are_the_gap_reports(text: str) -> None:
    """The plan reads the people of the field without ranking every company
    (``field_people``); they are the people ``gaps`` lists, in the same order."""
    network = parse_network(text)
    if not (network.me.seeking.industries or network.me.seeking.roles):
        pytest.skip("seeks no field")
    report = find_gaps(network, as_of=AS_OF)
    people = field_people(network, as_of=AS_OF)
    assert people.field == report.field
    assert people.contacts_in_field == report.contacts_in_field
    assert people.role_holders == report.role_holders
    assert people.adjacent == report.adjacent


def test_a_terminal_lists_the_strongest_people_and_says_how_many_more() -> None:
    """Thousands in the field would scroll past: the table shows SHOWN_PEOPLE, strongest
    first, and how many more the other formats list."""
    from warmreach.reports.gaps import SHOWN_PEOPLE, gaps_json, gaps_table

    network = parse_network(yaml.safe_dump(generate_network(600, 4, seed=3)))
    report = find_gaps(network, as_of=AS_OF)
    hidden = len(report.contacts_in_field) - SHOWN_PEOPLE
    assert hidden > 0
    text = gaps_table(report)
    assert f"… and {hidden:,} more (--format markdown or json lists everyone)" in text
    assert report.contacts_in_field[SHOWN_PEOPLE - 1].name in text
    section = text.split("People in the field")[1].split("… and")[0]
    assert len(re.findall(r"│ \d\.\d\d │", section)) == SHOWN_PEOPLE  # one tie per row
    assert len(json.loads(gaps_json(report))["contacts_in_field"]) == len(report.contacts_in_field)
