"""The fields of the network file, described once.

The loader checks a file against :data:`NETWORK` (which fields exist, which are
required, what kind of value each takes), ``warmreach schema`` prints it as a JSON
Schema for editors, and ``docs/network-format.md`` documents the same fields (a test
keeps the two in step).

>>> [spec.name for spec in NETWORK.fields]
['me', 'companies', 'openings', 'contacts']
>>> CONTACT.field("trust").kind
'scale'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final, Literal, assert_never

from warmreach.model import (
    AVAILABILITY_WORDS,
    DEFAULT_KNOWS_MY_WORK,
    DEFAULT_STRENGTH,
    DEFAULT_TRUST,
    SCALE_MAX,
    SCALE_MIN,
    STRENGTH_MAX,
    STRENGTH_MIN,
    TOLD_ITEMS,
)

Kind = Literal[
    "text",  # one line of text (numbers and words like NO stay text)
    "id",  # a stable id: letters, digits, '.', '-', '_'
    "texts",  # a list of text
    "scale",  # a whole number 0..5
    "strength",  # a whole number 1..5
    "date",  # YYYY, YYYY-MM or YYYY-MM-DD
    "available",  # now, later or a date
    "told",  # a list of role / aspiration / availability
    "knows",  # a list of people: a name or id, or {name, strength}
    "object",  # a mapping of the fields given
    "objects",  # a list of mappings of the fields given
]


@dataclass(frozen=True, kw_only=True)
class FieldSpec:
    """One field of the file: its name, kind, meaning and default."""

    #: the key as written in YAML
    name: str
    #: the kind of value it takes
    kind: Kind
    #: one sentence for the JSON Schema and editors
    doc: str
    #: whether leaving it out is an error
    required: bool = False
    #: the default when left out, as documented (None: no value)
    default: str | None = None
    #: the fields of an ``object``, of each item of ``objects``, or of a ``knows`` item
    fields: tuple[FieldSpec, ...] = ()

    def field(self, name: str) -> FieldSpec:
        """The sub-field called ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The names of the sub-fields, in documented order."""
        return tuple(spec.name for spec in self.fields)

    @cached_property
    def known(self) -> frozenset[str]:
        """The names of the sub-fields, for membership tests."""
        return frozenset(self.names)

    @cached_property
    def required_names(self) -> tuple[str, ...]:
        """The names of the required sub-fields, in documented order."""
        return tuple(spec.name for spec in self.fields if spec.required)


SEEKING: Final = FieldSpec(
    name="seeking",
    kind="object",
    doc="What you are looking for.",
    fields=(
        FieldSpec(name="roles", kind="texts", doc="Roles you want.", default="[]"),
        FieldSpec(
            name="industries", kind="texts", doc="Industries or fields you want.", default="[]"
        ),
        FieldSpec(name="companies", kind="texts", doc="Companies you want to join.", default="[]"),
    ),
)

ME_SPEC: Final = FieldSpec(
    name="me",
    kind="object",
    doc="You: the person the network belongs to.",
    required=True,
    fields=(
        FieldSpec(name="name", kind="text", doc="Your name.", required=True),
        FieldSpec(name="role", kind="text", doc="What you do now."),
        FieldSpec(name="company", kind="text", doc="Where you work now."),
        FieldSpec(name="industry", kind="text", doc="Your current industry."),
        SEEKING,
        FieldSpec(
            name="available",
            kind="available",
            doc="When you can start: now, later, or a date.",
            default="now",
        ),
    ),
)

TEAM: Final = FieldSpec(
    name="teams",
    kind="objects",
    doc="Teams inside the company.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="text", doc="The team's name.", required=True),
        FieldSpec(
            name="near",
            kind="texts",
            doc="Teams of the same company that work closely with this one.",
            default="[]",
        ),
    ),
)

COMPANY: Final = FieldSpec(
    name="companies",
    kind="objects",
    doc="Companies, with their teams. Companies named only by contacts are added for you.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="text", doc="The company's name.", required=True),
        FieldSpec(name="industry", kind="text", doc="The company's industry."),
        FieldSpec(name="aliases", kind="texts", doc="Other names of the company.", default="[]"),
        TEAM,
    ),
)

OPENING: Final = FieldSpec(
    name="openings",
    kind="objects",
    doc="Concrete roles you are aiming at.",
    default="[]",
    fields=(
        FieldSpec(name="company", kind="text", doc="The company hiring.", required=True),
        FieldSpec(name="team", kind="text", doc="The hiring team."),
        FieldSpec(name="role", kind="text", doc="The role."),
        FieldSpec(
            name="hiring_manager", kind="text", doc="The hiring manager: a contact's name or id."
        ),
    ),
)

KNOWS: Final = FieldSpec(
    name="knows",
    kind="knows",
    doc="People this contact knows, by name or id; the link is mutual.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="text", doc="A contact's name or id.", required=True),
        FieldSpec(
            name="strength",
            kind="strength",
            doc="1 acquaintance ... 5 close.",
            default=str(DEFAULT_STRENGTH),
        ),
    ),
)

CONTACT: Final = FieldSpec(
    name="contacts",
    kind="objects",
    doc="The people in your network.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="text", doc="Their name.", required=True),
        FieldSpec(name="id", kind="id", doc="A stable id.", default="slug of the name"),
        FieldSpec(name="company", kind="text", doc="Where they work now."),
        FieldSpec(name="team", kind="text", doc="Their team at that company."),
        FieldSpec(name="title", kind="text", doc="Their job title."),
        FieldSpec(name="industry", kind="text", doc="Their industry.", default="the company's"),
        FieldSpec(
            name="past_companies", kind="texts", doc="Where they worked before.", default="[]"
        ),
        FieldSpec(
            name="trust",
            kind="scale",
            doc="0 stranger (no direct tie) ... 5 would risk their reputation for you.",
            default=str(DEFAULT_TRUST),
        ),
        FieldSpec(
            name="knows_my_work",
            kind="scale",
            doc="0 never seen your work ... 5 depended on it daily.",
            default=str(DEFAULT_KNOWS_MY_WORK),
        ),
        FieldSpec(name="met", kind="date", doc="When the relationship began."),
        FieldSpec(name="last_contact", kind="date", doc="When you were last in touch."),
        FieldSpec(
            name="told",
            kind="told",
            doc="What they know of your plans: role, aspiration, availability.",
            default="[]",
        ),
        KNOWS,
        FieldSpec(name="email", kind="text", doc="E-mail address."),
        FieldSpec(name="linkedin", kind="text", doc="LinkedIn profile address or handle."),
        FieldSpec(name="notes", kind="text", doc="Free notes."),
    ),
)

NETWORK: Final = FieldSpec(
    name="network",
    kind="object",
    doc="A warmreach network file.",
    fields=(ME_SPEC, COMPANY, OPENING, CONTACT),
)

_DATE_PATTERN: Final = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _json_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON Schema of one field's value."""
    schema: dict[str, Any]
    match spec.kind:
        case "text":
            schema = {"type": "string"}
        case "id":
            schema = {"type": "string", "pattern": r"^[^\s:/]+$"}
        case "texts":
            schema = {"type": "array", "items": {"type": "string"}}
        case "scale":
            schema = {"type": "integer", "minimum": SCALE_MIN, "maximum": SCALE_MAX}
        case "strength":
            schema = {"type": "integer", "minimum": STRENGTH_MIN, "maximum": STRENGTH_MAX}
        case "date":
            schema = {"type": ["string", "integer"], "pattern": _DATE_PATTERN}
        case "available":
            schema = {
                "anyOf": [
                    {"enum": list(AVAILABILITY_WORDS)},
                    {"type": "string", "pattern": _DATE_PATTERN},
                ]
            }
        case "told":
            schema = {"type": "array", "items": {"enum": list(TOLD_ITEMS)}, "uniqueItems": True}
        case "knows":
            schema = {
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, _object_schema(spec)]},
            }
        case "object":
            schema = _object_schema(spec)
        case "objects":
            schema = {"type": "array", "items": _object_schema(spec)}
        case _:
            assert_never(spec.kind)
    schema["description"] = spec.doc
    if spec.default is not None:
        schema["description"] += f" Default: {spec.default}."
    return schema


def _object_schema(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {sub.name: _json_schema(sub) for sub in spec.fields},
        "additionalProperties": False,
    }
    required = [sub.name for sub in spec.fields if sub.required]
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a network file, for editors.

    >>> schema = json_schema()
    >>> schema["required"], schema["properties"]["contacts"]["items"]["required"]
    (['me'], ['name'])
    """
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "warmreach network",
    }
    schema.update(_json_schema(NETWORK))
    return schema
