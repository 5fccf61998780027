"""The schema is the one declaration of the fields: the model, the loader, the writer, the
editor's key order and the JSON Schema all follow it."""

from __future__ import annotations

import dataclasses
import sys
import unicodedata

import pytest

from warmreach.model import Company, Contact, Link, Me, Network, Opening, Seeking, Team
from warmreach.schema import (
    COMPANY,
    CONTACT,
    KNOWS,
    ME_SPEC,
    NETWORK,
    OPENING,
    SEEKING,
    TEAM,
    FieldSpec,
    json_schema,
)
from warmreach.text import ID_JSON_PATTERN, ID_PUNCTUATION, is_valid_id

#: each record of the file, the model class it becomes, and the model's own attributes
#: (what the loader works out rather than reads: ids, positions, the source file)
RECORDS: list[tuple[FieldSpec, type, set[str]]] = [
    (NETWORK, Network, {"source", "company_links"}),
    (ME_SPEC, Me, set()),
    (SEEKING, Seeking, set()),
    (COMPANY, Company, {"id", "listed", "location"}),
    (TEAM, Team, {"id"}),
    (OPENING, Opening, set()),
    (CONTACT, Contact, {"location", "told_on", "trust_written", "work_written"}),
    (KNOWS, Link, set()),
]


@pytest.mark.parametrize(
    ("spec", "model", "own"), RECORDS, ids=lambda value: getattr(value, "__name__", "")
)
def test_the_models_fields_are_the_schemas(spec: FieldSpec, model: type, own: set[str]) -> None:
    fields = {field.name for field in dataclasses.fields(model)}
    if spec is KNOWS:  # a knows item names its person; the model keeps the resolved id
        fields = {"name" if name == "contact" else name for name in fields}
    assert fields - own == set(spec.names)


def test_documented_defaults_are_the_models() -> None:
    assert CONTACT.field("trust").default == str(Contact(id="x", name="X").trust)
    assert CONTACT.field("knows_my_work").default == str(Contact(id="x", name="X").knows_my_work)
    assert Link(contact="x").strength is None  # estimated when not written
    assert KNOWS.field("strength").default == "estimated from the contacts the two share"
    assert ME_SPEC.field("available").default == Me(name="X").available


def test_the_json_schema_id_pattern_is_the_loaders_rule() -> None:
    """``\\p{L}`` and ``\\p{N}`` are the Unicode letter and number categories; the loader's
    rule must be exactly them, for every code point."""
    assert ID_JSON_PATTERN == r"^[\p{L}\p{N}][\p{L}\p{N}._-]*$"
    contacts = json_schema()["properties"]["contacts"]["items"]["properties"]
    assert contacts["id"]["pattern"] == ID_JSON_PATTERN
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        letter_or_digit = unicodedata.category(char)[0] in "LN"
        assert is_valid_id(char) == letter_or_digit, hex(code)
        assert is_valid_id("a" + char) == (letter_or_digit or char in ID_PUNCTUATION), hex(code)


@pytest.mark.parametrize("bad", ["_bob", "bob!chen", "bob chen", "team/x", "-x", ".x", ""])
def test_ids_the_loader_refuses_the_schema_refuses(bad: str) -> None:
    assert not is_valid_id(bad)
