"""The matching failures a real network showed, each written from its description: companies
merged that are not one, spellings of one kept apart, rank words as roles, industries guessed
from functions, promotions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warmreach import parse_network
from warmreach.cli import app
from warmreach.errors import UnknownName
from warmreach.gaps import find_gaps
from warmreach.matching import Taxonomy, classify_industries, find_target
from warmreach.reports.gaps import suggestion_text
from warmreach.scoring import analyze

AS_OF = dt.date(2026, 11, 25)


def companies_of(*names: str) -> dict[str, str]:
    """The company each name is read as, in a file with one contact per name."""
    contacts = "".join(f'  - {{name: "P{i}", company: "{name}"}}\n' for i, name in enumerate(names))
    network = parse_network("me: {name: Ana}\ncontacts:\n" + contacts)
    return {
        name: str(contact.company) for name, contact in zip(names, network.contacts, strict=True)
    }


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Employer 50", "Employer 150"),
        ("Deutsche Bank", "Deutsche Bahn"),
        ("Acme Shipping", "Acme Shopping"),
        ("Siemens", "Siemens Energy"),
        ("Harbor Consulting", "Arbor Consulting"),
    ],
)
def test_distinct_companies_stay_apart(one: str, other: str) -> None:
    found = companies_of(one, other)
    assert found[one] != found[other]


def test_a_target_is_never_a_near_namesake() -> None:
    network = parse_network(
        "me: {name: Ana}\ncontacts:\n"
        + "".join(
            f"  - {{name: P{n}, company: Employer {n}, trust: 3}}\n" for n in (5, 50, 145, 150)
        )
    )
    with pytest.raises(UnknownName, match="no company in the network is called 'Employer 15'"):
        find_target(network, "Employer 15")
    report = analyze(network, [find_target(network, "Employer 50")], as_of=AS_OF).targets[0]
    assert {candidate.contact for candidate in report.candidates} == {"p50"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ørsted", "Orsted"),
        ("McKinsey", "McKinsey & Company"),
        ("Nestlé S.A.", "Nestle"),
        ("Procter & Gamble", "Procter and Gamble"),
        ("Allegro sp. z o.o.", "Allegro"),
    ],
)
def test_spellings_of_one_company_are_one(one: str, other: str) -> None:
    found = companies_of(one, other)
    assert found[one] == found[other]


def test_validate_suggests_an_alias_for_companies_that_may_be_one(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(
        "me: {name: Ana}\n"
        "companies: [{name: Northbridge Bank}]\n"
        "contacts:\n"
        "  - {name: Bo, company: NBB}\n"
        "  - {name: Cy, company: Fernway Travel}\n"
        "  - {name: Di, company: Fernway}\n"
        "  - {name: Ed, company: Kelp}\n"
        "  - {name: Fa, company: Kelp Labs}\n"
        "  - {name: Gu, company: Nortvolt}\n"
        "  - {name: Ha, company: Northvolt}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}:4:25: warning: 'NBB' and 'Northbridge Bank' may be one company (NBB may be "
        "short for Northbridge Bank); if so, add 'NBB' to the aliases of 'Northbridge Bank' "
        "under companies",
        f"{path}:6:25: warning: 'Fernway' and 'Fernway Travel' may be one company (one is the "
        "other with more words); if so, list 'Fernway Travel' under companies with the alias "
        "'Fernway'",
        f"{path}:8:25: warning: 'Kelp Labs' and 'Kelp' may be one company (one is the "
        "other with more words); if so, list 'Kelp' under companies with the alias "
        "'Kelp Labs'",
    ]
    assert "1 company name taken for a company written otherwise" in result.stdout
    verbose = CliRunner().invoke(app, ["validate", str(path), "--verbose"])
    assert (
        f"{path}:10:25: note: 'Northvolt' is taken for Nortvolt (one letter apart); if it is "
        "another company, list it under companies"
    ) in verbose.stderr


LAW_FIRM = """\
me: {name: Ana, seeking: {roles: [Associate], companies: [Lex & Partners]}}
contacts:
  - {name: A1, company: Lex & Partners, title: Associate}
  - {name: A2, company: Lex & Partners, title: Senior Associate}
  - {name: A3, company: Lex & Partners, title: Associate Attorney}
  - {name: A4, company: Lex & Partners, title: Partner}
  - {name: A5, company: Lex & Partners, title: Paralegal}
"""


def test_a_rank_word_is_a_role() -> None:
    report = find_gaps(parse_network(LAW_FIRM), as_of=AS_OF)
    assert [person.contact for person in report.role_holders] == ["a1", "a2", "a3"]
    vps = find_gaps(parse_network(LAW_FIRM), roles=["VP"], as_of=AS_OF)
    assert vps.role_holders == ()


INDUSTRIES = """\
me: {name: Ana, seeking: {industries: [Consumer Tech], companies: [Lex & Partners]}}
contacts:
  - {name: Banker, company: Northbridge Bank, title: "Director, Retail Credit"}
  - {name: Analyst, title: Data Analyst}
  - {name: Insights, company: Soundwave Music, title: Product Insights Analyst}
  - {name: Payer, company: Stripe}
  - {name: Lender, company: Klarna}
  - {name: Lawyer, company: Lex & Partners, title: Associate, trust: 3}
  - {name: Solar, title: Solar Installer}
"""


def test_industries_come_from_companies_and_industry_words_never_from_functions() -> None:
    network = parse_network(INDUSTRIES)
    taxonomy = Taxonomy.load()
    found, _ = classify_industries(network, taxonomy)
    named = {contact: taxonomy.describe(match) for contact, match in found.items()}
    assert named["banker"] == "Banking (Financial Services)"
    assert "analyst" not in named  # "Data Analyst" is a job, not an industry
    assert named["insights"] == "Music (Media & Entertainment)"
    assert named["payer"] == "Payments (Fintech)"
    assert named["lender"] == "Lending Technology (Fintech)"
    assert named["solar"] == "Solar Energy (Climate Tech)"  # a title word naming an industry


def test_the_gap_report_speaks_your_words_and_counts_the_companies_you_seek() -> None:
    report = find_gaps(parse_network(INDUSTRIES), as_of=AS_OF)
    assert Taxonomy.load().industries[report.field.industries[0]].name == "Internet"
    assert "lawyer" in {person.contact for person in report.contacts_in_field}
    assert "lawyer" not in {person.contact for person in report.adjacent}
    words = [suggestion_text(suggestion) for suggestion in report.suggestions]
    text = " ".join(words)
    assert "Consumer Tech" in text and "Consumer & Retail" not in text
    assert "add `industry:` to Northbridge Bank" not in text  # its name says Banking: it is placed
    assert words[-1] == (  # the data analyst, and the lawyer at Lex & Partners
        "2 contacts have no industry warmreach could read or infer; add `industry:` to "
        "Lex & Partners (1 contact) under companies to place 1 of them."
    )
