"""Reading contacts as they are parsed (:func:`build_from_text`) against reading the
whole tree first (:func:`build_network`): the same network, the same located problems,
for files in any order, with problems anywhere, hostile text included."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import SAMPLES, examples
from tests.test_fuzz import hostile_networks
from warmreach.errors import InvalidNetwork
from warmreach.networkfile import blocks as blocks_module
from warmreach.networkfile import build as build_module
from warmreach.networkfile.build import StreamingBuilder, build_from_text, build_network
from warmreach.networkfile.tree import MappingNode, Node, SequenceNode, parse_tree

FILE = "n.yaml"


def outcome(read: Any, text: str) -> object:
    """What reading ``text`` gives: the network (with where each contact starts), or the
    problems as the user sees them."""
    try:
        network = read(text)
    except InvalidNetwork as error:
        return str(error)
    return repr(network), [contact.location for contact in network.contacts]


def whole(text: str) -> object:
    return build_network(parse_tree(text, FILE), FILE)


def streamed(text: str) -> object:
    return build_from_text(text, FILE)


NAMES = ["Bo Chen", "Ann Lee", "Cy Diaz", "Dee Ma", "Ed Ng", "Flo Ruiz", "Gus Aho"]
COMPANIES = st.sampled_from(["Acme", "ACME Inc.", "Beta Labs", "beta labs", "Gamma", "Acme Corp"])
#: companies listed under ``companies`` (the contacts write them in other spellings too)
LISTED = st.sampled_from(["Acme", "Beta Labs", "Gamma"])
#: what may be wrong in a contact, once in a while: each a problem of the schema
FLAWS = [("trust", 6), ("met", "2031-02-30"), ("trsut", 3), ("knows", ["Nobody Here"])]


@st.composite
def networks(draw: st.DrawFn) -> str:
    """A network file with its top-level keys in any order, companies listed or not,
    contacts naming companies in other spellings and each other by name; now and then
    a contact with a problem, or one that is not a mapping."""
    people = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    contacts: list[Any] = []
    for name in people:
        contact: dict[str, Any] = {"name": name, "trust": draw(st.integers(0, 5))}
        if draw(st.booleans()):
            contact["company"] = draw(COMPANIES)
        if draw(st.booleans()):
            others = [other for other in people if other != name] or NAMES[:1]
            contact["knows"] = draw(st.lists(st.sampled_from(others), max_size=3, unique=True))
        if draw(st.booleans()):
            contact["met"] = draw(st.sampled_from(["2020-01", "2019", "2024-02-29"]))
        if draw(st.integers(0, 9)) == 9:
            key, value = draw(st.sampled_from(FLAWS))
            contact[key] = value
        contacts.append(contact)
        if draw(st.integers(0, 9)) == 9:
            contacts.append(draw(st.sampled_from([None, "just text", ["a list"]])))
    parts: dict[str, Any] = {
        "me": {"name": "Ana", "company": draw(COMPANIES)},
        "contacts": contacts,
        "openings": [{"company": draw(COMPANIES), "role": "PM"}],
    }
    if draw(st.booleans()):
        parts["companies"] = [
            {"name": name} for name in draw(st.lists(LISTED, min_size=1, max_size=3, unique=True))
        ]
    order = draw(st.permutations(list(parts)))
    return yaml.safe_dump({key: parts[key] for key in order}, sort_keys=False)


#: damage a line of a file may take: each a problem of the parser or of the schema
DAMAGE = [
    lambda line: "",
    lambda line: line + "\n" + line,
    lambda line: line + " *anchor",
    lambda line: "\t" + line,
    lambda line: line.replace(":", ": &a", 1),
    lambda line: line.replace(":", ": !!str", 1),
    lambda line: line[: len(line) // 2],
    lambda line: line + "\n---\nme: {name: B}",
]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = draw(networks()).splitlines()
    at = draw(st.integers(0, len(lines) - 1))
    lines[at] = draw(st.sampled_from(DAMAGE))(lines[at])
    return "\n".join(lines) + "\n"


@given(st.one_of(networks(), damaged(), hostile_networks()))
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reading_contacts_as_they_are_parsed_changes_nothing(text: str) -> None:
    assert outcome(streamed, text) == outcome(whole, text)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_are_read_the_same_either_way(sample: Any) -> None:
    text = sample.read_text(encoding="utf-8")
    assert outcome(streamed, text) == outcome(whole, text)


class _Counting(StreamingBuilder):
    """A builder that counts the contacts handed to it while parsing."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.indices: list[int] = []

    def item(self, node: Node, index: int) -> None:
        self.indices.append(index)
        super().item(node, index)


def test_the_tree_never_holds_the_contacts_when_me_comes_first() -> None:
    text = "me: {name: Ana}\ncontacts:\n  - {name: Bo}\n  - ~\n  - {name: Cy, knows: [Bo]}\n"
    builder = _Counting(FILE)
    root = parse_tree(text, FILE, stream=builder)
    assert isinstance(root, MappingNode)
    contacts = {key.value: value for key, value in root.items}["contacts"]
    assert isinstance(contacts, SequenceNode) and contacts.items == []
    assert builder.streamed and builder.indices == [0, 1, 2]
    network = builder.build(root)
    assert [contact.id for contact in network.contacts] == ["bo", "cy"]
    assert network.contacts[1].knows[0].contact == "bo"


def test_contacts_before_me_are_read_from_the_whole_tree() -> None:
    builder = _Counting(FILE)
    parse_tree("contacts: [{name: Bo}]\nme: {name: Ana}\n", FILE, stream=builder)
    assert not builder.streamed and builder.indices == []


def test_companies_after_the_contacts_start_again_on_the_whole_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The listed company's spelling names the company of the contact who wrote it
    otherwise: read before the companies, the contact would make a company of its own."""
    text = (
        "me: {name: Ana}\ncontacts: [{name: Bo, company: ACME Inc.}]\ncompanies: [{name: Acme}]\n"
    )
    parses: list[bool] = []
    parse = blocks_module.read_tree

    def counted(text: str, file: str, stream: Any = None) -> Node | None:
        parses.append(stream is not None)
        return parse(text, file, stream)

    monkeypatch.setattr(build_module, "read_tree", counted)
    network = build_from_text(text, FILE)
    assert parses == [True, False]
    assert network == whole(text)
    assert [company.id for company in network.companies] == ["acme"]


def test_a_problem_after_the_contacts_is_reported_as_reading_the_tree_reports_it() -> None:
    text = "me: {name: Ana}\ncontacts: [{name: Bo, trsut: 3}]\nme: {name: Bea}\n"
    with pytest.raises(InvalidNetwork) as streamed_error:
        build_from_text(text, FILE)
    assert str(streamed_error.value) == outcome(whole, text)
    assert "appears twice" in str(streamed_error.value)
    assert "trsut" not in str(streamed_error.value)  # parse problems come alone, as ever
