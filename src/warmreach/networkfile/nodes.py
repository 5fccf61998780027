"""Changing nodes of a round-trip tree (ruamel.yaml's) without moving the file's comments:
keys placed in the schema's order, items appended with the comments that closed a list
kept below them, lists and mappings written on one line when new, a record put in place.

>>> mapping = CommentedMap([("name", "Bob"), ("notes", "x")])
>>> set_key(mapping, "trust", 4, ["name", "trust", "notes"])
>>> list(mapping)
['name', 'trust', 'notes']
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString


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


def put_item(
    mapping: CommentedMap,
    key: str,
    value: Mapping[str, Any],
    same: Callable[[Mapping[str, Any]], bool],
    order: Sequence[str],
) -> bool:
    """Make the list under ``key`` hold ``value`` (a record, written on one line): in
    place of the item ``same`` picks, else added at the end; False when that item holds
    exactly ``value`` already (nothing is changed)."""
    items = mapping.get(key)
    for item in list_items(mapping, key):
        if not isinstance(item, Mapping) or not same(item):
            continue
        if {name: _plain(found) for name, found in item.items()} == dict(value):
            return False
        if isinstance(items, CommentedSeq):
            items[items.index(item)] = flow_map(value.items())
        else:
            set_key(mapping, key, flow_list([flow_map(value.items())]), order)
        return True
    add_to_list(mapping, key, flow_map(value.items()), order)
    return True


def _plain(value: Any) -> Any:
    """A value read back by the round trip as the writer would give it (dates as dates)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return str(value)
    return value


def flow_map(items: Iterable[tuple[str, Any]]) -> CommentedMap:
    """A mapping written on one line, ``{a: 1, b: 2}``."""
    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def record_told(
    mapping: CommentedMap, days: Mapping[str, Any], order: Sequence[str], key: str = "told"
) -> None:
    """Record under ``key`` that each item of ``days`` was told on its day (None: on a day
    not known), in whatever form the file writes it: a list (an item told before becomes
    ``{item: day}``, a new one is added so, or as a word without a day), a mapping of items
    to days, or nothing yet (a mapping on one line, or a list of words without days)."""
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
            told = item if day is None else flow_map([(item, day)])
            if place is None:
                existing.append(told)
            elif day is not None:
                existing[place] = told
        return
    entries: list[Any] = [] if existing is None else [existing]
    if existing is None and all(day is None for day in days.values()):
        set_key(mapping, key, flow_list(days), order)
    elif existing is None:
        set_key(mapping, key, flow_map(days.items()), order)
    else:
        entries += [
            item if day is None else flow_map([(item, day)])
            for item, day in days.items()
            if item != existing
        ]
        if existing in days and days[existing] is not None:
            entries[0] = flow_map([(existing, days[existing])])
        set_key(mapping, key, flow_list(entries), order)


def delete_key(mapping: CommentedMap, key: str) -> None:
    """Remove ``key`` from a mapping, if it is there."""
    if key in mapping:
        del mapping[key]


def text_value(text: str) -> str:
    """A string as YAML should write it: a literal block when it has several lines."""
    return LiteralScalarString(text) if "\n" in text else text


__all__ = [
    "add_to_list",
    "append_item",
    "delete_key",
    "extend_list",
    "flow_list",
    "flow_map",
    "list_items",
    "put_item",
    "record_told",
    "set_key",
    "text_value",
]
