"""Changing a user's network file in place without losing their comments, order or layout.

The file is read with ruamel.yaml's round-trip loader, which keeps comments, key order,
quoting and flow style (the only module that imports it). New keys go where the schema's
order puts them. Before any edit, the file must
come back byte for byte from a round trip with the indentation we detect, so an edit can
change nothing but what it means to. Every result is validated with warmreach's own loader
before it replaces the file, atomically.
"""

from __future__ import annotations

import codecs
import copy
import io
import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from warmreach.errors import InvalidNetwork, WarmreachError
from warmreach.model import Network
from warmreach.networkfile import parse_network
from warmreach.networkfile.atomic import write_atomic
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES, read_network_file
from warmreach.schema import NETWORK

#: indentations tried, most common first: (mapping, sequence, offset of the dash)
_LAYOUTS: Final = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (3, 3, 1))


@dataclass
class Document:
    """A network file open for editing: its text, the network, and (when an edit needs it)
    the round-trip tree, read on first use because it is slow on large files."""

    path: Path
    #: the file's text, without a byte-order mark
    text: str
    network: Network
    #: whether the file starts with a UTF-8 byte-order mark (kept when saving)
    bom: bool = False

    @cached_property
    def _round_trip(self) -> tuple[YAML, Any]:
        if "\r" in self.text:
            raise WarmreachError(
                f"{self.path}: has Windows line endings; warmreach edits files with Unix line "
                "endings only, so that nothing else in it changes"
            )
        yaml = _round_trip_yaml(*_LAYOUTS[0])
        try:
            tree = yaml.load(self.text)
        except YAMLError as error:  # pragma: no cover - our loader accepted the file
            raise WarmreachError(f"{self.path}: cannot be edited: {error}") from error
        for layout in sorted(_LAYOUTS, key=lambda layout: layout != _guess_layout(self.text)):
            yaml.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
            if _dump(yaml, tree) == self.text:
                return yaml, tree
        raise WarmreachError(
            f"{self.path}: its layout cannot be kept exactly when editing it (mixed "
            "indentation?); make the change by hand"
        )

    @property
    def tree(self) -> Any:
        """The round-trip tree; edits to it are what :func:`save_document` writes."""
        return self._round_trip[1]

    @property
    def edited(self) -> bool:
        """Whether the round-trip tree has been read (and so may have been changed)."""
        return "_round_trip" in self.__dict__

    def dump(self) -> str:
        yaml, tree = self._round_trip
        return _dump(yaml, tree)

    @cached_property
    def _indices(self) -> dict[str, int]:
        return {contact.id: index for index, contact in enumerate(self.network.contacts)}

    def contact_node(self, contact_id: str) -> CommentedMap:
        """The round-trip mapping of the contact with this id."""
        node: CommentedMap = self.tree["contacts"][self._indices[contact_id]]
        return node


def _dump(yaml: YAML, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _guess_layout(text: str) -> tuple[int, int, int]:
    """The indentation of the first block list item under a key, and of mappings."""
    mapping = sequence = offset = None
    lines = text.splitlines()
    for previous, line in itertools.pairwise(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        parent = len(previous) - len(previous.lstrip(" "))
        if not stripped or stripped.startswith("#") or not previous.rstrip().endswith(":"):
            continue
        if stripped.startswith("- ") and sequence is None:
            offset = indent - parent
            rest = stripped[2:]
            sequence = offset + 2 + len(rest) - len(rest.lstrip(" "))
        elif not stripped.startswith("- ") and mapping is None and indent > parent:
            mapping = indent - parent
        if mapping is not None and sequence is not None:
            break
    return (mapping or 2, sequence or 4, offset if offset is not None else 2)


def open_document(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and validate ``path`` for editing.

    Raises :class:`InvalidNetwork` when the file has problems (fix them first). Reading
    the round-trip tree, on the first edit, raises :class:`WarmreachError` when no layout
    reproduces the file exactly.
    """
    file = Path(path)
    data = read_network_file(file, max_bytes=max_bytes)
    network = parse_network(data, file=str(file), max_bytes=max_bytes)
    bom = data.startswith(codecs.BOM_UTF8)
    return Document(path=file, text=data.decode("utf-8-sig"), network=network, bom=bom)


def _round_trip_yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the user wrote on one
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [role, {availability: 2026-11-02}]
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def save_document(document: Document) -> bool:
    """Validate the edited tree and write it over the file atomically; False if unchanged.

    Raises :class:`InvalidNetwork` with the problems when the result would not load;
    the file is then left as it was.
    """
    if not document.edited:
        return False
    text = document.dump()
    if text == document.text:
        return False
    try:
        parse_network(text, file=str(document.path))
    except InvalidNetwork as error:
        raise InvalidNetwork(
            replace(
                problem, message=f"{problem.message} (after the edit; the file was not changed)"
            )
            for problem in error.problems
        ) from None
    write_atomic(document.path, ("\ufeff" if document.bom else "") + text, force=True)
    return True


# -- editing a mapping without moving comments ---------------------------------------------


def set_key(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``, placing a new key where ``order`` puts it.

    A new key goes before the first existing key that ``order`` puts after it, else at
    the end, where the blank lines and comments that followed the old last line move
    below the new one, so they keep introducing whatever came next.
    """
    if key in mapping:
        was_block = isinstance(mapping[key], LiteralScalarString)
        mapping[key] = value
        entry = mapping.ca.items.get(key)
        if entry and entry[2] is not None and was_block != isinstance(value, LiteralScalarString):
            # a plain value's comment starts by ending its line; a block scalar ends its own
            token = entry[2]
            token.value = "\n" + token.value if was_block else token.value.removeprefix("\n")
        return
    later = set(order[order.index(key) + 1 :]) if key in order else set()
    for position, existing in enumerate(mapping):
        if existing in later:
            mapping.insert(position, key, value)
            return
    _add_last(mapping, key, value)


def append_item(sequence: CommentedSeq, value: Any) -> None:
    """Append to a list, the comments after its old last line staying below the new one."""
    _add_last(sequence, len(sequence), value)


def _add_last(container: Any, key: Any, value: Any) -> None:
    """Add ``value`` at the end of ``container`` under ``key`` (a mapping key or the new
    index), moving the blank lines and comments that ended the container below it."""
    holder = _last_comment_holder(container)
    if isinstance(container, CommentedSeq):
        container.append(value)
    else:
        container[key] = value
    if holder is None:
        return
    old_container, old_key, old_slot = holder
    entry = old_container.ca.items.get(old_key)
    if not entry or entry[old_slot] is None:
        return
    token = entry[old_slot]
    line_end, newline, after = token.value.partition("\n")
    if not after:
        return
    moved = copy.copy(token)
    if line_end.strip():  # a comment at the end of the old last line stays there
        token.value = line_end + newline
        moved.value = newline + after  # a comment slot's text starts by ending the line
    else:
        entry[old_slot] = None
        moved.value = token.value
    if isinstance(value, LiteralScalarString):
        moved.value = moved.value.removeprefix("\n")
    new_container, new_key, new_slot = _last_comment_holder(value) or (
        container,
        key,
        0 if isinstance(container, CommentedSeq) else 2,
    )
    slots: list[Any] = [None, None] if isinstance(new_container, CommentedSeq) else [None] * 4
    slots[new_slot] = moved
    new_container.ca.items[new_key] = slots


def _last_comment_holder(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment after the last line of a block node."""
    if isinstance(node, CommentedMap) and len(node) and not node.fa.flow_style():
        key = list(node)[-1]
        inner = _last_comment_holder(node[key])
        return inner or (node, key, 2)
    if isinstance(node, CommentedSeq) and len(node) and not node.fa.flow_style():
        inner = _last_comment_holder(node[len(node) - 1])
        return inner or (node, len(node) - 1, 0)
    return None


def flow_list(items: Iterable[Any]) -> CommentedSeq:
    """A list written on one line, ``[a, b]``."""
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def extend_list(
    mapping: CommentedMap, key: str, items: Sequence[Any], order: Sequence[str]
) -> None:
    """Add ``items`` to the list under ``key``: appended to a list the file has, else a new
    list on one line (holding the single value the file had there, if any)."""
    existing = mapping.get(key)
    if isinstance(existing, CommentedSeq):
        existing.extend(items)
    else:
        set_key(mapping, key, flow_list([*([] if existing is None else [existing]), *items]), order)


def add_to_list(mapping: CommentedMap, key: str, item: Any, order: Sequence[str]) -> None:
    """Add ``item`` at the end of the list under ``key``: appended to a list the file has
    (its closing comments staying below), a single value the file has there becoming the
    first of two, or a new list on one line."""
    existing = mapping.get(key)
    if isinstance(existing, CommentedSeq):
        append_item(existing, item)
    elif existing is None:
        set_key(mapping, key, flow_list([item]), order)
    else:
        set_key(mapping, key, CommentedSeq([existing, item]), order)


def list_items(mapping: CommentedMap, key: str) -> list[Any]:
    """The items under ``key`` as the loader counts them: a list without its empty items,
    or a single value as a list of one."""
    existing = mapping.get(key)
    if isinstance(existing, CommentedSeq):
        return [item for item in existing if item is not None]
    return [] if existing is None else [existing]


def flow_map(items: Iterable[tuple[str, Any]]) -> CommentedMap:
    """A mapping written on one line, ``{a: 1, b: 2}``."""
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def record_told(
    mapping: CommentedMap, days: Mapping[str, Any], order: Sequence[str], key: str = "told"
) -> None:
    """Record under ``key`` that each item of ``days`` was told on its day, in whatever form
    the file writes it: a list (an item told before becomes ``{item: day}``, a new one is
    added so), a mapping of items to days, or nothing yet (a mapping on one line)."""
    existing = mapping.get(key)
    if isinstance(existing, CommentedMap):
        for item, day in days.items():
            existing[item] = day
        return
    if isinstance(existing, CommentedSeq):
        for item, day in days.items():
            place = next(
                (
                    index
                    for index, entry in enumerate(existing)
                    if entry == item or (isinstance(entry, Mapping) and item in entry)
                ),
                None,
            )
            if place is None:
                existing.append(flow_map([(item, day)]))
            else:
                existing[place] = flow_map([(item, day)])
        return
    entries: list[Any] = [] if existing is None else [existing]
    if existing is None:
        set_key(mapping, key, flow_map(days.items()), order)
    else:
        entries += [flow_map([(item, day)]) for item, day in days.items() if item != existing]
        if existing in days:
            entries[0] = flow_map([(existing, days[existing])])
        set_key(mapping, key, flow_list(entries), order)


def delete_key(mapping: CommentedMap, key: str) -> None:
    """Remove ``key`` from a mapping, if it is there."""
    if key in mapping:
        del mapping[key]


def append_record(document: Document, section: str, values: Mapping[str, Any]) -> None:
    """Add a record (a mapping of ``values``) at the end of the list ``section`` (for
    example ``contacts``), making the list when the file has none."""
    tree = document.tree
    node = CommentedMap()
    for key, value in values.items():
        node[key] = value
    if isinstance(tree.get(section), CommentedSeq):
        append_item(tree[section], node)
    else:  # the list is made with its first item, so comments after it find their place
        set_key(tree, section, CommentedSeq([node]), NETWORK.names)


def text_value(text: str) -> str:
    """A string as YAML should write it: a literal block when it has several lines."""
    return LiteralScalarString(text) if "\n" in text else text


__all__ = [
    "Document",
    "add_to_list",
    "append_item",
    "append_record",
    "delete_key",
    "extend_list",
    "flow_list",
    "flow_map",
    "list_items",
    "open_document",
    "record_told",
    "save_document",
    "set_key",
    "text_value",
]
