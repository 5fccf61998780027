"""Properties of the loader over generated input (hypothesis)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from warmreach import InvalidNetwork, Network, dump_network, parse_network


def _parse_or_reject(data: bytes | str) -> Network | None:
    try:
        return parse_network(data)
    except InvalidNetwork as error:
        assert error.problems, "an InvalidNetwork always carries its problems"
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert "\n" not in problem.message
        return None


@given(st.binary(max_size=2000))
@settings(max_examples=examples(300))
def test_arbitrary_bytes_raise_nothing_but_invalid_network(data: bytes) -> None:
    _parse_or_reject(data)


YAML_ALPHABET = st.sampled_from(
    [*" \n\t:-[]{},&*!#'\"|>?%@`~\\\r\x00\ufeffé", "me", "name", "contacts", "a", "1"]
)


@given(st.lists(YAML_ALPHABET, max_size=200).map("".join))
@settings(max_examples=examples(400))
def test_yaml_like_text_raises_nothing_but_invalid_network(text: str) -> None:
    _parse_or_reject(text)
    _parse_or_reject("me: {name: Ana}\ncontacts:\n  - " + text)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.sampled_from(["me", "name", "Bob", "2024-02-30", "NO", ""]),
)
KEYS = st.sampled_from(
    [
        "me",
        "name",
        "contacts",
        "companies",
        "openings",
        "trust",
        "knows",
        "teams",
        "near",
        "told",
        "met",
        "x",
    ]
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=30,
)


@given(TREES)
@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
def test_any_yaml_document_raises_nothing_but_invalid_network(tree: Any) -> None:
    _parse_or_reject(yaml.safe_dump(tree))


# -- valid networks survive dump -> load ----------------------------------------------------

PEOPLE = [
    "Ana Lima",
    "Bob Chen",
    "Carl Ode",
    "Eva Berg",
    "Åsa Öberg",
    "王伟",
    "Noor Haddad",
    "O'Neil",
]
COMPANIES = ["Voltgrid", "Voltgrid AB", "Sunforge Inc.", "Kelp Labs", "Acme Shipping", "NO"]
TEAMS = ["Battery Systems", "Data", "Cell Manufacturing", "Growth"]
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20
).filter(lambda text: text.strip() != "")
DATES = st.sampled_from(["2019", "2019-04", "2024-02-29", "2026-11-25", "1999-12"])
SCALE = st.integers(0, 5)
WORDS = st.sampled_from(["role", "aspiration", "availability"])
#: what was told: a list of words and {word: day}, or a mapping of words to days (or none)
TOLD = st.one_of(
    st.lists(st.one_of(WORDS, st.dictionaries(WORDS, DATES, min_size=1, max_size=1)), max_size=3),
    st.dictionaries(WORDS, st.one_of(st.none(), DATES), max_size=3),
)
PAST = st.fixed_dictionaries({"name": st.sampled_from(COMPANIES), "until": DATES})


@st.composite
def asks(draw: st.DrawFn, others: list[str]) -> dict[str, Any]:
    """One ask: a referral, or an intro to one of ``others``, with or without an answer."""
    kind = draw(st.sampled_from(["referral", "intro"] if others else ["referral"]))
    ask: dict[str, Any] = {"asked": kind, "company": draw(st.sampled_from(COMPANIES))}
    if draw(st.booleans()):
        ask["team"] = draw(st.sampled_from(TEAMS))
    if kind == "intro":
        ask["to"] = draw(st.sampled_from(others))
    if draw(st.booleans()):
        ask["date"] = "2026-11-02"
    if draw(st.booleans()):
        ask["outcome"] = draw(
            st.sampled_from(["referred" if kind == "referral" else "introduced", "declined"])
        )
        if draw(st.booleans()):
            ask["answered"] = "2026-11-20"
    return ask


@st.composite
def network_files(draw: st.DrawFn) -> dict[str, Any]:
    people = draw(st.lists(st.sampled_from(PEOPLE), unique=True, min_size=1, max_size=len(PEOPLE)))
    contacts = []
    for name in people:
        contact: dict[str, Any] = {"name": name}
        if draw(st.booleans()):
            contact["company"] = draw(st.sampled_from(COMPANIES))
            if draw(st.booleans()):
                contact["team"] = draw(st.sampled_from(TEAMS))
        fields: list[tuple[str, st.SearchStrategy[Any]]] = [
            ("title", TEXT),
            ("notes", TEXT),
            ("trust", SCALE),
            ("knows_my_work", SCALE),
            ("met", DATES),
            ("last_contact", DATES),
            ("told", TOLD),
            ("past_companies", st.lists(st.one_of(st.sampled_from(COMPANIES), PAST), max_size=2)),
            ("since", DATES),
        ]
        for key, strategy in fields:
            if draw(st.booleans()):
                contact[key] = draw(strategy)
        others = [other for other in people if other != name]
        if draw(st.booleans()):
            contact["asks"] = draw(st.lists(asks(others), max_size=2))
        if bool(others) and draw(st.booleans()):
            known = draw(st.lists(st.sampled_from(others), unique=True, max_size=3))
            items: list[str | dict[str, Any]] = []
            for other in known:
                strength = draw(st.one_of(st.none(), st.integers(1, 5)))
                items.append(other if strength is None else {"name": other, "strength": strength})
            contact["knows"] = items
        contacts.append(contact)
    companies = [
        {
            "name": name,
            "industry": draw(TEXT),
            "teams": [
                {
                    "name": "Data",
                    "near": draw(
                        st.lists(
                            st.sampled_from([team for team in TEAMS if team != "Data"]), max_size=2
                        )
                    ),
                }
            ],
        }
        for name in draw(st.lists(st.sampled_from(["Voltgrid", "Kelp Labs"]), unique=True))
    ]
    me: dict[str, Any] = {
        "name": draw(TEXT),
        "available": draw(st.sampled_from(["now", "later", "2027-01"])),
    }
    if draw(st.booleans()):
        me["plans_since"] = draw(DATES)
    if draw(st.booleans()):
        me["seeking"] = {
            "roles": draw(st.lists(TEXT, max_size=2)),
            "companies": draw(st.lists(st.sampled_from(COMPANIES), max_size=2)),
        }
    file: dict[str, Any] = {"me": me, "companies": companies, "contacts": contacts}
    if draw(st.booleans()):
        file["openings"] = [
            {
                "company": draw(st.sampled_from(COMPANIES)),
                "team": draw(st.sampled_from(TEAMS)),
                "hiring_manager": draw(st.sampled_from(people)),
                **({"closes": draw(DATES)} if draw(st.booleans()) else {}),
            }
        ]
    return file


@given(network_files())
@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
def test_valid_network_survives_dump_and_load(file: dict[str, Any]) -> None:
    first = parse_network(yaml.safe_dump(file, allow_unicode=True))
    dumped = dump_network(first)
    second = parse_network(dumped)
    assert second == first
    assert dump_network(second) == dumped
