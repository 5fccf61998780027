"""One company under every spelling, and two companies never one: the adversarial set of
company names (tests/data/company-pairs.csv), the shipped list of well-known companies,
and what the reports say about names taken for a company.

The set was written before the rules it measures: spellings as exports write them (legal
names, former names, acronyms, a generic word added), and hard negatives first (two real
companies a letter apart, a common word before "Bank", a parent and its spin-off).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import ROOT
from warmreach import parse_network
from warmreach.cli import app
from warmreach.matching import CompanyMatcher, company_id, near_duplicates, normalize_company
from warmreach.matching.companies import slip_apart
from warmreach.matching.known import known_names
from warmreach.scoring import analyze

AS_OF = dt.date(2026, 11, 25)
PAIRS = list(
    csv.DictReader((ROOT / "tests" / "data" / "company-pairs.csv").read_text("utf-8").splitlines())
)
KNOWN = known_names()


def linked(written: str, company: str) -> bool:
    """Whether ``written`` is taken for ``company``, in a network that lists it alone."""
    matcher = CompanyMatcher()
    matcher.add(company, company_id(company))
    return matcher.match(written) == company_id(company)


def listed(row: dict[str, str]) -> bool:
    """Whether a name of the pair is in the shipped list of well-known companies."""
    return any(normalize_company(row[side]) in KNOWN for side in ("written", "company"))


def measured(rows: list[dict[str, str]]) -> tuple[float | None, float | None, list[str]]:
    """Precision and recall on ``rows`` (None when undefined), and the pairs got wrong."""
    said = [linked(row["written"], row["company"]) for row in rows]
    truth = [row["same"] == "1" for row in rows]
    hits = sum(1 for s, t in zip(said, truth, strict=True) if s and t)
    wrong = [
        f"{row['written']} ~ {row['company']}"
        for row, s, t in zip(rows, said, truth, strict=True)
        if s != t
    ]
    claimed, real = sum(said), sum(truth)
    return (hits / claimed if claimed else None), (hits / real if real else None), wrong


def table() -> list[tuple[str, int, float | None, float | None, int]]:
    """Precision and recall on the whole set, by whether the list knows a name, by group."""
    parts: list[tuple[str, list[dict[str, str]]]] = [
        ("all", PAIRS),
        ("a name in the list", [row for row in PAIRS if listed(row)]),
        ("no name in the list", [row for row in PAIRS if not listed(row)]),
    ]
    parts += [
        (group, [row for row in PAIRS if row["group"] == group])
        for group in dict.fromkeys(row["group"] for row in PAIRS)
    ]
    found = []
    for name, rows in parts:
        precision, recall, _ = measured(rows)
        merged = sum(1 for r in rows if r["same"] == "0" and linked(r["written"], r["company"]))
        found.append((name, len(rows), precision, recall, merged))
    return found


def test_the_set_is_large_and_hard() -> None:
    assert len(PAIRS) >= 400
    negatives = [row for row in PAIRS if row["same"] == "0"]
    assert len(negatives) >= 200
    assert len({row["group"] for row in negatives}) >= 6
    assert sum(1 for row in PAIRS if not listed(row)) >= 200  # the rules, not the list


@pytest.mark.parametrize(
    "part", ["all", "no name in the list"], ids=["all", "names the list does not know"]
)
def test_precision_and_recall_on_the_set(part: str) -> None:
    rows = PAIRS if part == "all" else [row for row in PAIRS if not listed(row)]
    precision, recall, wrong = measured(rows)
    assert precision is not None and precision >= 0.99, wrong
    assert recall is not None and recall >= 0.95, wrong


def test_two_well_known_companies_are_never_one() -> None:
    rows = [row for row in PAIRS if row["group"] == "two known companies"]
    assert [
        f"{r['written']} ~ {r['company']}" for r in rows if linked(r["written"], r["company"])
    ] == []


def test_the_table_in_the_docs_is_the_measured_one() -> None:
    """docs/gaps.md gives precision and recall on the set, per part and group: these
    (printed with ``pytest -s``)."""
    doc = (ROOT / "docs" / "gaps.md").read_text(encoding="utf-8")
    for name, count, precision, recall, merged in table():
        shown = [f"{value:.2f}" if value is not None else "\u2013" for value in (precision, recall)]
        row = f"| {name} | {count} | {shown[0]} | {shown[1]} | {merged} |"
        print(row)
        assert row in doc, row


def test_no_two_names_of_the_list_are_joined_by_a_typing_slip() -> None:
    """Two well-known companies a slip apart ("Nokia", "Nokian") are never one, whichever
    is in your file and whichever a contact writes."""
    names = sorted(KNOWN)
    near = [
        (one, other)
        for one, other in itertools.combinations(names, 2)
        if KNOWN[one] != KNOWN[other] and slip_apart(one.split(), other.split())
    ]
    for one, other in near:
        assert not linked(one, other) and not linked(other, one), (one, other)


def test_every_name_of_the_list_leads_to_its_company() -> None:
    for name, key in KNOWN.items():
        assert linked(name, key), name


@pytest.mark.parametrize(
    ("written", "company", "same"),
    [
        ("Meta Platforms, Inc.", "Meta", True),  # the list's legal name
        ("Facebook", "Meta", True),  # a former name
        ("Voltgrid Technologies", "Voltgrid", True),  # a generic word after a coined name
        ("Klarna Bank AB", "Klarna", True),
        ("Apple Bank", "Apple", False),  # a common word before "Bank"
        ("Harbour Group", "Harbour", False),  # British spellings are words too
        ("Summit Bank", "Summit", False),
        ("Stripes", "Stripe", False),  # a plural only after the name, never of it
        ("Kelp Lab", "Kelp Labs", True),
        ("United Parcel Service (UPS)", "UPS", True),  # a note in brackets
        ("Spotify", "Shopify", False),
        ("Siemens Energy", "Siemens", False),
    ],
)
def test_each_rule(written: str, company: str, same: bool) -> None:
    assert linked(written, company) is same


def test_validate_does_not_warn_about_two_well_known_companies() -> None:
    assert near_duplicates(["Spotify", "Shopify", "Siemens", "Siemens Energy"]) == []
    assert near_duplicates(["Kelp", "Kelp Labs"])  # not in the list: it may be one


META = """\
me: {name: Ana, seeking: {companies: [Meta]}}
contacts:
  - {name: Bo Ng, company: "Meta Platforms, Inc.", title: Product Manager, trust: 4,
     knows_my_work: 4}
  - {name: Cy Ode, company: "Meta Platforms, Inc.", trust: 2}
  - {name: Di Roe, company: Facebook, trust: 3}
  - {name: Ed Ito, company: Acme, past_companies: ["Meta Platforms, Inc."], trust: 3}
  - {name: Fa Lee, company: Meta, trust: 3}
"""


def test_a_company_under_two_spellings_is_one_and_the_report_says_so() -> None:
    analysis = analyze(parse_network(META), as_of=AS_OF)
    (report,) = analysis.targets
    assert {c.contact for c in report.candidates} == {
        "bo-ng",
        "cy-ode",
        "di-roe",
        "ed-ito",
        "fa-lee",
    }
    assert [(s.written, s.people, s.how) for s in report.spellings] == [
        ("Meta Platforms, Inc.", 3, "known name"),
        ("Facebook", 1, "known name"),
    ]


def test_analyze_names_the_spellings_it_counted(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(META, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["analyze", str(path), "--as-of", "2026-11-25", "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Counted as Meta: 3 people at 'Meta Platforms, Inc.' (another name of the same "
        "well-known company); 1 person at 'Facebook'"
    ) in result.stdout
