"""The fields of the network file, each declared once.

One :class:`FieldSpec` per field drives everything that knows about fields: the loader
types each value by its :attr:`~FieldSpec.kind` (:mod:`warmreach.networkfile.build`),
the writer puts fields in this order (:mod:`warmreach.networkfile.dump`), edits place new
keys by it (:mod:`warmreach.networkfile.edit`), ``warmreach schema`` prints it as a JSON
Schema for editors, and ``docs/network-format.md`` documents the same fields (tests keep
the model's fields, the docs and the committed schema in step with these).

>>> [spec.name for spec in NETWORK.fields]
['me', 'companies', 'openings', 'contacts']
>>> CONTACT.field("trust").kind, CONTACT.field("trust").default
('scale', '1')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final, Literal, assert_never

from warmreach.model import (
    ASK_KINDS,
    AVAILABILITY_WORDS,
    OUTCOMES,
    SCALE_MAX,
    SCALE_MIN,
    STRENGTH_MAX,
    STRENGTH_MIN,
    TOLD_ITEMS,
    Contact,
)
from warmreach.text import ID_JSON_PATTERN

Kind = Literal[
    "text",  # one line of text (numbers and words like NO stay text)
    "id",  # a stable id: letters, digits, '.', '-', '_'
    "texts",  # a list of text
    "scale",  # a whole number 0..5
    "strength",  # a whole number 1..5
    "count",  # a whole number, 0 or more
    "date",  # YYYY, YYYY-MM or YYYY-MM-DD
    "available",  # now, later or a date
    "choice",  # one of the field's choices
    "told",  # role / aspiration / availability: a list (each item a word or {word: day}),
    #  or a mapping of words to the day each was told
    "past",  # a list of companies, each a name or {name, until}
    "company",  # a company, by free text linked to the companies (name, alias, fuzzily)
    "companies",  # a list of companies, each as for "company"
    "team",  # a team of the record's company, by name
    "teams",  # a list of teams of the same company, by name
    "person",  # a contact, by name or id
    "knows",  # a list of people: a name or id, or {name, strength}
    "object",  # a mapping of the fields given
    "objects",  # a list of mappings of the fields given
]

#: the range of each kind of whole number
NUMBER_RANGES: Final[dict[Kind, tuple[int, int]]] = {
    "scale": (SCALE_MIN, SCALE_MAX),
    "strength": (STRENGTH_MIN, STRENGTH_MAX),
    "count": (0, 10**9),
}


@dataclass(frozen=True, kw_only=True)
class FieldSpec:
    """One field of the file: its name, kind, meaning and default."""

    #: the key as written in YAML, and the name of the model's attribute
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
    #: the words a ``choice`` takes
    choices: tuple[str, ...] = ()

    def field(self, name: str) -> FieldSpec:
        """The sub-field called ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The names of the sub-fields, in documented order (the order files are written in)."""
        return tuple(spec.name for spec in self.fields)

    @cached_property
    def known(self) -> frozenset[str]:
        """The names of the sub-fields, for membership tests."""
        return frozenset(self.names)

    @cached_property
    def required_names(self) -> tuple[str, ...]:
        """The names of the required sub-fields, in documented order."""
        return tuple(spec.name for spec in self.fields if spec.required)


def model_default(record: type[Any], name: str) -> str:
    """The default of a model attribute, as the docs write it.

    >>> model_default(Contact, "knows_my_work")
    '0'
    """
    (found,) = (field for field in dataclasses.fields(record) if field.name == name)
    if found.default is dataclasses.MISSING:
        raise ValueError(f"{record.__name__}.{name} has no plain default")
    return str(found.default)


SEEKING: Final = FieldSpec(
    name="seeking",
    kind="object",
    doc="What you are looking for.",
    fields=(
        FieldSpec(name="roles", kind="texts", doc="Roles you want.", default="[]"),
        FieldSpec(
            name="industries", kind="texts", doc="Industries or fields you want.", default="[]"
        ),
        FieldSpec(
            name="companies", kind="companies", doc="Companies you want to join.", default="[]"
        ),
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
        FieldSpec(name="company", kind="company", doc="Where you work now."),
        FieldSpec(name="industry", kind="text", doc="Your current industry."),
        SEEKING,
        FieldSpec(
            name="available",
            kind="available",
            doc="When you can start: now, later, or a date.",
            default="now",
        ),
        FieldSpec(
            name="plans_since",
            kind="date",
            doc="When your current aspiration and availability took effect; "
            "what people were told before then is out of date.",
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
            kind="teams",
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
        FieldSpec(name="company", kind="company", doc="The company hiring.", required=True),
        FieldSpec(name="team", kind="team", doc="The hiring team."),
        FieldSpec(name="role", kind="text", doc="The role."),
        FieldSpec(
            name="hiring_manager",
            kind="person",
            doc="The hiring manager: a contact's name or id.",
        ),
        FieldSpec(name="closes", kind="date", doc="When applications close."),
    ),
)

KNOWS: Final = FieldSpec(
    name="knows",
    kind="knows",
    doc="People this contact knows, by name or id; the link is mutual.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="person", doc="A contact's name or id.", required=True),
        FieldSpec(
            name="strength",
            kind="strength",
            doc="1 acquaintance ... 5 close.",
            default="estimated from the contacts the two share",
        ),
    ),
)

PAST_COMPANY: Final = FieldSpec(
    name="past_companies",
    kind="past",
    doc="Where they worked before: a company's name, or {name, until} with the day they left.",
    default="[]",
    fields=(
        FieldSpec(name="name", kind="company", doc="The company.", required=True),
        FieldSpec(name="until", kind="date", doc="When they left."),
    ),
)

ASK: Final = FieldSpec(
    name="asks",
    kind="objects",
    doc="What you asked them for, and what came of it (warmreach log --asked writes these).",
    default="[]",
    fields=(
        FieldSpec(
            name="asked",
            kind="choice",
            doc="referral (to refer you) or intro (to introduce you to someone).",
            required=True,
            choices=ASK_KINDS,
        ),
        FieldSpec(name="company", kind="company", doc="The company it is for.", required=True),
        FieldSpec(name="team", kind="team", doc="The team it is for, within that company."),
        FieldSpec(
            name="to",
            kind="person",
            doc="For an intro: the person they were to introduce you to, by name or id.",
        ),
        FieldSpec(name="date", kind="date", doc="When you asked."),
        FieldSpec(
            name="outcome",
            kind="choice",
            doc="What came of it: referred, introduced, declined or no-reply.",
            default="pending",
            choices=OUTCOMES,
        ),
        FieldSpec(name="answered", kind="date", doc="When they answered."),
    ),
)

EVIDENCE: Final = FieldSpec(
    name="evidence",
    kind="objects",
    doc="What imports found of your dealings with them (warmreach import writes these; "
    "what you write yourself wins).",
    default="[]",
    fields=(
        FieldSpec(
            name="source",
            kind="text",
            doc="The import: linkedin, mbox FILE or ics FILE.",
            required=True,
        ),
        FieldSpec(name="first", kind="date", doc="The first day you dealt with each other."),
        FieldSpec(name="last", kind="date", doc="The last day you dealt with each other."),
        FieldSpec(name="sent", kind="count", doc="Messages you sent them.", default="0"),
        FieldSpec(name="received", kind="count", doc="Messages they sent you.", default="0"),
        FieldSpec(
            name="meetings", kind="count", doc="Meetings of the two of you alone.", default="0"
        ),
        FieldSpec(name="together", kind="count", doc="Meetings with a few others.", default="0"),
        FieldSpec(name="recommended_you", kind="date", doc="When they recommended you."),
        FieldSpec(name="you_recommended", kind="date", doc="When you recommended them."),
        FieldSpec(
            name="endorsed_you", kind="count", doc="Skills of yours they endorsed.", default="0"
        ),
        FieldSpec(name="connected", kind="date", doc="The day you connected (LinkedIn)."),
        FieldSpec(
            name="brought_together",
            kind="count",
            doc="Times they brought you together with others: a small meeting they set up, "
            "a mail to you they copied someone on.",
            default="0",
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
        FieldSpec(name="company", kind="company", doc="Where they work now."),
        FieldSpec(name="team", kind="team", doc="Their team at that company."),
        FieldSpec(name="since", kind="date", doc="When they joined that company."),
        FieldSpec(name="title", kind="text", doc="Their job title."),
        FieldSpec(name="industry", kind="text", doc="Their industry.", default="the company's"),
        PAST_COMPANY,
        FieldSpec(
            name="trust",
            kind="scale",
            doc="0 stranger (no direct tie) ... 5 would risk their reputation for you.",
            default=model_default(Contact, "trust"),
        ),
        FieldSpec(
            name="knows_my_work",
            kind="scale",
            doc="0 never seen your work ... 5 depended on it daily.",
            default=model_default(Contact, "knows_my_work"),
        ),
        FieldSpec(name="met", kind="date", doc="When the relationship began."),
        FieldSpec(name="last_contact", kind="date", doc="When you were last in touch."),
        FieldSpec(
            name="told",
            kind="told",
            doc="What they know of your plans: role, aspiration, availability; each item "
            "may carry the day it was told ({availability: 2026-11-02}).",
            default="[]",
        ),
        KNOWS,
        ASK,
        EVIDENCE,
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
        case "text" | "company" | "team" | "person":
            schema = {"type": "string"}
        case "id":
            schema = {"type": "string", "pattern": ID_JSON_PATTERN}
        case "texts" | "companies" | "teams":
            schema = {"type": "array", "items": {"type": "string"}}
        case "scale" | "strength" | "count":
            low, high = NUMBER_RANGES[spec.kind]
            schema = {"type": "integer", "minimum": low, "maximum": high}
        case "date":
            schema = {"type": ["string", "integer"], "pattern": _DATE_PATTERN}
        case "choice":
            schema = {"enum": list(spec.choices)}
        case "available":
            schema = {
                "anyOf": [
                    {"enum": list(AVAILABILITY_WORDS)},
                    {"type": "string", "pattern": _DATE_PATTERN},
                ]
            }
        case "told":
            told_on = {
                "type": "object",
                "propertyNames": {"enum": list(TOLD_ITEMS)},
                "additionalProperties": {"type": ["string", "integer", "null"]},
            }
            schema = {
                "anyOf": [
                    {"type": "array", "items": {"anyOf": [{"enum": list(TOLD_ITEMS)}, told_on]}},
                    told_on,
                ]
            }
        case "past" | "knows":
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
    if spec.required_names:
        schema["required"] = list(spec.required_names)
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
