"""Writing network files: the one YAML writer, for new files and imports alike.

:func:`emit` writes a tree of mappings, lists and scalars in the layout of the samples
(two-space indents, list items under their key, a blank line between top-level
sections). Each scalar is written plain when it reads back as the same text and
double-quoted otherwise (:func:`yaml_scalar`), so whatever a name holds it reads back as
written. :func:`dump_network` turns a model into such a tree field by field, in the
schema's order, leaving out what equals the default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, assert_never

from warmreach.model import Network
from warmreach.schema import NETWORK, FieldSpec
from warmreach.text import slugify

Scalar = str | int | dt.date

#: text that would not read back as text if written plain (YAML 1.1 and 1.2 readers alike)
_NOT_TEXT: Final = re.compile(
    r"(?i:y|n|yes|no|true|false|on|off|null|~|\.inf|\.nan)"
    r"|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
    r"|0[xob][0-9a-fA-F_]+|\d+(?::\d+)+(?:\.\d*)?|\d{4}-\d\d?-\d\d?.*"
)
#: text safe to write plain: starts with a letter or digit, no quotes, no character YAML
#: reads as a line break (nor ": ", " #" or a colon at the end, checked apart)
_PLAIN: Final = re.compile(
    "[^\\W_](?:[^\x00-\x1f\"'`\x85\u2028\u2029]*[^\\s\x00-\x1f\"'`\x85\u2028\u2029])?"
)
#: line breaks JSON leaves as they are but a YAML reader would fold
_YAML_BREAKS: Final = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def yaml_scalar(value: Scalar) -> str:
    """One value as YAML: plain when it reads back as the same text, else double-quoted.

    >>> [yaml_scalar(text) for text in ("Bob Chen", "=Eve", "NO", "2024", "a: b", 3)]
    ['Bob Chen', '"=Eve"', '"NO"', '"2024"', '"a: b"', '3']
    """
    if not isinstance(value, str):
        return str(value)
    plain = (
        _PLAIN.fullmatch(value)
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
    )
    if plain and not _NOT_TEXT.fullmatch(value):
        return value
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    for char, escape in _YAML_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def emit(tree: Mapping[str, Any]) -> str:
    """A tree (mappings, lists, scalars) as a YAML file laid out as the samples are."""
    sections = [_mapping(key, value, "") for key, value in tree.items()]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _mapping(key: str, value: Any, pad: str) -> list[str]:
    """The lines of ``key: value`` at indent ``pad``."""
    if isinstance(value, Mapping):
        return [f"{pad}{key}:", *_fields(value, pad + "  ")]
    if isinstance(value, list | tuple):
        return [f"{pad}{key}:", *(line for item in value for line in _item(item, pad + "  "))]
    return [f"{pad}{key}: {yaml_scalar(value)}"]


def _fields(mapping: Mapping[str, Any], pad: str) -> list[str]:
    return [line for key, value in mapping.items() for line in _mapping(key, value, pad)]


def _item(item: Any, pad: str) -> list[str]:
    """The lines of one list item at indent ``pad`` (its dash included)."""
    if not isinstance(item, Mapping):
        return [f"{pad}- {yaml_scalar(item)}"]
    lines = _fields(item, pad + "  ")
    return [f"{pad}- {lines[0].lstrip()}", *lines[1:]]


# -- a model as a tree ------------------------------------------------------------------------


def dump_network(network: Network) -> str:
    """Write a network as YAML that :func:`~warmreach.networkfile.parse_network` reads back
    to an equal network.

    >>> from warmreach.networkfile import parse_network
    >>> network = parse_network("me: {name: Ana}\\ncontacts: [{name: 'NO', trust: 3}]")
    >>> print(dump_network(network), end="")
    me:
      name: Ana
    <BLANKLINE>
    contacts:
      - name: "NO"
        trust: 3
    >>> parse_network(dump_network(network)) == network
    True
    """
    return emit(_Tree(network).record(network, NETWORK))


#: fields the file may write at their default on purpose (a trust of 1 written is
#: what you said; left out, evidence may tell), and the attribute that says so
_WRITTEN: Final = {"trust": "trust_written", "knows_my_work": "work_written"}


class _Tree:
    """Turns model records into mappings by their schema, names standing for ids."""

    def __init__(self, network: Network) -> None:
        self.companies = network.companies_by_id

    def company(self, company: str) -> str:
        return self.companies[company].name

    def team(self, company: str | None, team: str) -> str:
        assert company is not None, "a team belongs to the record's company"
        return self.companies[company].teams_by_id[team].name

    def record(self, record: Any, spec: FieldSpec, company: str | None = None) -> dict[str, Any]:
        """The fields of ``record`` that differ from the model's defaults, in schema order.

        ``company`` is the company whose teams a ``teams`` field names.
        """
        defaults = _defaults(type(record))
        company = getattr(record, "company", company)
        tree: dict[str, Any] = {}
        for field in spec.fields:
            value = getattr(record, field.name)
            written_out = getattr(record, _WRITTEN.get(field.name, ""), False)
            if field.name in defaults and value == defaults[field.name] and not written_out:
                continue  # the default, not written out in the file
            written: Any
            match field.kind:
                case (
                    "text"
                    | "person"
                    | "available"
                    | "date"
                    | "scale"
                    | "strength"
                    | "choice"
                    | "count"
                ):
                    written = value if isinstance(value, str | int) else str(value)
                case "texts":
                    written = list(value)
                case "told":
                    days = dict(record.told_on)
                    written = [
                        item if item not in days else {item: str(days[item])} for item in value
                    ]
                case "past":
                    written = [
                        self.company(job.company)
                        if job.until is None
                        else {"name": self.company(job.company), "until": str(job.until)}
                        for job in value
                    ]
                case "id":
                    if value == slugify(record.name):
                        continue
                    written = value
                case "company":
                    written = self.company(value)
                case "companies":
                    written = [self.company(item) for item in value]
                case "team":
                    written = self.team(company, value)
                case "teams":
                    written = [self.team(company, item) for item in value]
                case "knows":
                    written = [
                        link.contact
                        if link.strength is None
                        else {"name": link.contact, "strength": link.strength}
                        for link in value
                    ]
                case "object":
                    written = self.record(value, field)
                case "objects":
                    owner = getattr(record, "id", None)
                    written = [self.record(item, field, owner) for item in value]
                case _:
                    assert_never(field.kind)
            if written not in ([], {}):
                tree[field.name] = written
        return tree


def _defaults(record: type[Any]) -> dict[str, Any]:
    """The defaults of a model class's fields, by name."""
    found: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        if field.default is not dataclasses.MISSING:
            found[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            found[field.name] = field.default_factory()
    return found


def network_text(
    me: str, contacts: Sequence[Mapping[str, Any]], *, me_fields: Mapping[str, Any] | None = None
) -> str:
    """A new network file of you (by name, with ``me_fields``) and ``contacts``, each a
    mapping of fields."""
    tree: dict[str, Any] = {"me": {"name": me, **(me_fields or {})}}
    if contacts:
        tree["contacts"] = list(contacts)
    return emit(tree)


__all__ = ["dump_network", "emit", "network_text", "yaml_scalar"]
