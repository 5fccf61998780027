"""Matching quality on a labelled set, and the behaviours gaps relies on."""

from __future__ import annotations

import csv
from collections.abc import Callable

import pytest

from tests.helpers import ROOT
from warmreach.matching import CompanyMatcher, Taxonomy, company_id, holds_role, normalize_term

PAIRS = list(
    csv.DictReader((ROOT / "tests" / "data" / "matching-pairs.csv").read_text("utf-8").splitlines())
)
TAXONOMY = Taxonomy.load()
COMPANIES = sorted(
    {row["target"] for row in PAIRS if row["kind"] == "company"} | {"Acme Logistics"}
)


def _industry(query: str, target: str) -> bool:
    field = next((f for f in TAXONOMY.fields.values() if f.name == target), None)
    match = TAXONOMY.match(query)
    if match is None:
        return False
    if field is not None:
        return match.field == field.id
    return match.industry is not None and TAXONOMY.industries[match.industry].name == target


def _company() -> Callable[[str, str], bool]:
    matcher = CompanyMatcher()
    for name in COMPANIES:
        matcher.add(name, company_id(name))
    return lambda query, target: matcher.match(query) == company_id(target)


def _title(query: str, target: str) -> bool:
    return holds_role([query], target)[0]


PREDICT = {"industry": _industry, "company": _company(), "title": _title}


@pytest.mark.parametrize("kind", ["industry", "company", "title"])
def test_precision_and_recall_on_the_labelled_set(kind: str) -> None:
    rows = [row for row in PAIRS if row["kind"] == kind]
    assert len(rows) >= 50
    predict = PREDICT[kind]
    outcomes = [(predict(row["query"], row["target"]), row["expected"] == "1") for row in rows]
    true_pos = sum(1 for said, truth in outcomes if said and truth)
    false_pos = [
        row for row, (said, truth) in zip(rows, outcomes, strict=True) if said and not truth
    ]
    false_neg = [
        row for row, (said, truth) in zip(rows, outcomes, strict=True) if truth and not said
    ]
    precision = true_pos / (true_pos + len(false_pos))
    recall = true_pos / (true_pos + len(false_neg))
    print(f"{kind}: {len(rows)} pairs, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95, [(row["query"], row["target"]) for row in false_pos]
    assert recall >= 0.90, [(row["query"], row["target"]) for row in false_neg]


def test_the_labelled_set_is_large_enough() -> None:
    assert len(PAIRS) >= 150


@pytest.mark.parametrize(
    "word", ["cleantech", "Renewable energy", "carbon removal", "Clean Technology", "EV charging"]
)
def test_loose_industry_words_fall_in_climate_tech(word: str) -> None:
    climate = TAXONOMY.field_of("Climate Tech")
    assert climate is not None
    _, fields = climate
    match = TAXONOMY.match(word)
    assert match is not None
    assert match.field in fields


def test_fintech_is_not_climate_tech() -> None:
    match = TAXONOMY.match("Fintech")
    assert match is not None and match.field == "fintech"


def test_taxonomy_shape() -> None:
    assert len(TAXONOMY.industries) >= 150
    for field in TAXONOMY.fields.values():
        assert field.industries, field.id
        for other in field.adjacent:
            assert other in TAXONOMY.fields, (field.id, other)
    climate = TAXONOMY.fields["climate-tech"]
    names = {TAXONOMY.industries[industry].name for industry in climate.industries}
    assert {
        "Renewable Energy",
        "Solar Energy",
        "Wind Energy",
        "Energy Storage",
        "Electric Vehicles",
        "Carbon Removal",
    } <= names


def test_terms_are_normalised_alike() -> None:
    assert normalize_term("Renewables & Environment") == normalize_term(
        "renewable and environments"
    )
