"""Matching quality on a labelled set, and the behaviours gaps relies on."""

from __future__ import annotations

import csv
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, examples
from warmreach.matching import CompanyMatcher, Taxonomy, company_id, holds_role, normalize_term
from warmreach.matching.companies import near_duplicates
from warmreach.model import Contact

PAIRS = list(
    csv.DictReader((ROOT / "tests" / "data" / "matching-pairs.csv").read_text("utf-8").splitlines())
)
TAXONOMY = Taxonomy.load()
#: the companies a network knows: every target of the set, and a second Acme
COMPANIES = sorted(
    {row["target"] for row in PAIRS if row["kind"] == "company"} | {"Acme Logistics"}
)
#: groups of pairs that are one company written another way, whose recall must be high
SPELLINGS = frozenset(
    {
        "legal form",
        "case and punctuation",
        "accents",
        "ampersand",
        "spacing",
        "typing slip",
        "short name",
        "organisation word",
    }
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


def scores(rows: list[dict[str, str]]) -> tuple[float | None, float | None, list[str]]:
    """Precision and recall of the matcher on ``rows`` (None when undefined), and the
    pairs it gets wrong."""
    said = [PREDICT[row["kind"]](row["query"], row["target"]) for row in rows]
    truth = [row["expected"] == "1" for row in rows]
    hits = sum(1 for s, t in zip(said, truth, strict=True) if s and t)
    claimed, real = sum(said), sum(truth)
    wrong = [
        f"{row['query']} ~ {row['target']}"
        for row, s, t in zip(rows, said, truth, strict=True)
        if s != t
    ]
    return (hits / claimed if claimed else None), (hits / real if real else None), wrong


def table() -> list[tuple[str, str, int, float | None, float | None]]:
    """Precision and recall per kind and per group of the labelled set."""
    found = []
    for kind in ("company", "title", "industry"):
        rows = [row for row in PAIRS if row["kind"] == kind]
        precision, recall, _ = scores(rows)
        found.append((kind, "all", len(rows), precision, recall))
        for group in sorted({row["group"] for row in rows}):
            chosen = [row for row in rows if row["group"] == group]
            precision, recall, _ = scores(chosen)
            found.append((kind, group, len(chosen), precision, recall))
    return found


def test_the_quality_table_in_the_docs_is_the_measured_one() -> None:
    """docs/gaps.md gives precision and recall per kind on the labelled set: they are the
    ones measured here (printed per group with ``pytest -s``)."""
    doc = (ROOT / "docs" / "gaps.md").read_text(encoding="utf-8")
    for kind, group, count, precision, recall in table():
        shown = [f"{value:.2f}" if value is not None else "\u2013" for value in (precision, recall)]
        print(f"{kind:8} {group:24} {count:4} precision {shown[0]:>5} recall {shown[1]:>5}")
        if group == "all":
            row = next(line for line in doc.splitlines() if line.startswith(f"| {kind}, all |"))
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            assert cells[1] == str(count), kind
            assert cells[5:7] == shown, kind


def test_no_company_is_merged_with_a_different_one() -> None:
    negatives = [row for row in PAIRS if row["kind"] == "company" and row["expected"] == "0"]
    assert len(negatives) >= 40
    merged = [row for row in negatives if PREDICT["company"](row["query"], row["target"])]
    assert merged == []


def test_spellings_of_one_company_are_found() -> None:
    rows = [row for row in PAIRS if row["kind"] == "company" and row["group"] in SPELLINGS]
    _, recall, wrong = scores(rows)
    assert recall is not None and recall >= 0.95, wrong


@pytest.mark.parametrize("kind", ["industry", "title"])
def test_precision_and_recall_on_the_labelled_set(kind: str) -> None:
    rows = [row for row in PAIRS if row["kind"] == kind]
    assert len(rows) >= 50
    precision, recall, wrong = scores(rows)
    assert precision is not None and precision >= 0.97, wrong
    assert recall is not None and recall >= 0.95, wrong


def test_extra_words_are_refused_and_each_refusal_is_flagged() -> None:
    rows = [row for row in PAIRS if row["group"] == "extra word (refused)"]
    for row in rows:
        if not PREDICT["company"](row["query"], row["target"]):
            assert near_duplicates([row["query"], row["target"]]), row


def test_the_labelled_set_is_large_enough() -> None:
    assert len(PAIRS) >= 300


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


def test_the_everyday_words_read_from_the_file_are_those_spellchecker_counts() -> None:
    """The fast read of the word list gives the very words ``SpellChecker`` would."""
    from warmreach.matching.words import EVERYDAY, everyday_words, spelling_counts

    counts = spelling_counts()
    assert everyday_words() == frozenset(w for w, count in counts.items() if count >= EVERYDAY)


#: coined names, and slips of them (a letter left out, doubled, changed or swapped)
_SLIPPY = st.sampled_from(
    ["voltgrid", "voltgird", "votlgrid", "voltgrd", "northwind", "northwnd", "nortwind",
     "kelpora", "kelporra", "kelpra", "tidepoint", "tidepont", "tidepoint labs"]
) | st.text(alphabet="abcde ", min_size=3, max_size=9)  # fmt: skip


@given(st.lists(st.tuples(st.booleans(), _SLIPPY), max_size=30))
@example([(True, "voltgrid"), (False, "zzzz"), (True, "northwind"), (False, "northwnd")])
@settings(max_examples=examples(300), deadline=None)
def test_a_matcher_answers_as_one_made_afresh_whenever_names_were_added(
    steps: list[tuple[bool, str]],
) -> None:
    """Names added and looked up in any order (slips among them: a few letters only) get
    the answers of a matcher given the same names at once: the variants a slip is found
    by, made when first needed, cover every name added since."""
    matcher, added = CompanyMatcher(), list[str]()
    for adds, name in steps:
        if adds:
            matcher.add(name, f"c{len(added)}")
            added.append(name)
            continue
        afresh = CompanyMatcher()
        for number, earlier in enumerate(added):
            afresh.add(earlier, f"c{number}")
        assert matcher.match(name) == afresh.match(name)
        assert matcher.link(name) == afresh.link(name)


_FIRST_NAMES = ["Sam", "Samm", "Ana", "Anna", "Jon", "John", "Eva", "Li"]
_LAST_NAMES = ["Lee", "Berg", "Bergh", "Smith", "Smyth", "Lee 2", "Lee 3", "Ng"]
_PEOPLE = st.lists(
    st.builds(
        lambda first, last, company, flipped: Contact(
            id="x",
            name=f"{last}, {first}" if flipped else f"{first} {last}",
            company=company,
        ),
        st.sampled_from(_FIRST_NAMES),
        st.sampled_from(_LAST_NAMES),
        st.sampled_from([None, "voltgrid", "sunforge"]),
        st.booleans(),
    ),
    max_size=30,
)


@given(_PEOPLE)
@settings(max_examples=examples(300), deadline=None)
def test_duplicate_names_are_every_close_pair_sharing_a_word(people: list[Contact]) -> None:
    """Within one block of names (fewer than MAX_BLOCK share a word), the pairs the fast
    pass finds are those the definition gives, pair by pair: names sharing a word whose
    token_sort_ratio is at least the cutoff, their numbers the same, their companies not
    different; reported as at a company when the first has one."""
    from rapidfuzz import fuzz, utils

    from warmreach.matching.people import DUPLICATE_NAME_CUTOFF, likely_duplicates

    names = [utils.default_process(person.name) for person in people]

    def words(name: str) -> set[str]:
        return {word for word in name.split() if len(word) >= 2 and not word.isdigit()}

    def numbers(name: str) -> list[str]:
        return [word for word in name.split() if word.isdigit()]

    defined = [
        (first, second, "names-at-company" if one.company else "names")
        for first, one in enumerate(people)
        for second, other in enumerate(people)
        if first < second
        and words(names[first]) & words(names[second])
        and fuzz.token_sort_ratio(names[first], names[second]) >= DUPLICATE_NAME_CUTOFF
        and numbers(names[first]) == numbers(names[second])
        and not (one.company and other.company and one.company != other.company)
    ]
    assert likely_duplicates(people) == defined


@given(
    st.lists(
        st.tuples(st.sampled_from(_FIRST_NAMES), st.sampled_from([None, "a", "b", "c", "d"])),
        min_size=250,
        max_size=450,
    )
)
@settings(max_examples=examples(10), deadline=None)
def test_duplicate_names_in_large_blocks_are_every_close_pair_of_each_window(
    people: list[tuple[str, str | None]],
) -> None:
    """A block larger than MAX_BLOCK is compared in windows; within each window every
    pair is weighed (only pairs whose companies differ are left out before comparing):
    the same pairs as comparing each window whole, pair by pair."""
    from rapidfuzz import fuzz, utils

    from warmreach.matching.people import (
        DUPLICATE_NAME_CUTOFF,
        comparison_groups,
        likely_duplicates,
    )

    contacts = [
        Contact(id=f"p{i}", name=f"{first} Berg", company=company)
        for i, (first, company) in enumerate(people)
    ]
    names = [utils.default_process(contact.name) for contact in contacts]
    expected = set()
    for members in comparison_groups(names):
        for at, first in enumerate(members):
            for second in members[at + 1 :]:
                one, other = sorted((first, second))
                companies = contacts[one].company, contacts[other].company
                if all(companies) and companies[0] != companies[1]:
                    continue
                if fuzz.token_sort_ratio(names[one], names[other]) >= DUPLICATE_NAME_CUTOFF:
                    reason = "names-at-company" if companies[0] else "names"
                    expected.add((one, other, reason))
    assert likely_duplicates(contacts) == sorted(expected)
