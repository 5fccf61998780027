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
import datetime as dt
import hashlib
import io
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from warmreach.errors import InvalidNetwork, WarmreachError
from warmreach.model import Contact, Network
from warmreach.networkfile import parse_network
from warmreach.networkfile.atomic import real_path, write_atomic
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES, read_network_file
from warmreach.schema import NETWORK

#: indentations tried, most common first: (mapping, sequence, offset of the dash)
_LAYOUTS: Final = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 2, 2), (3, 3, 1))


@dataclass
class _Part:
    """One contact's lines, round-tripped on their own (see :meth:`Document.contact_node`)."""

    #: the lines of the file it spans: [start, end)
    start: int
    end: int
    yaml: YAML
    #: ``{contacts: [the contact]}``: the item in the same context as in the file
    tree: Any

    @property
    def node(self) -> CommentedMap:
        found: CommentedMap = self.tree["contacts"][0]
        return found

    def text(self) -> str:
        return _dump(self.yaml, self.tree).removeprefix(_WRAPPER)


@dataclass
class Document:
    """A network file open for editing: its text, the network, and (when an edit needs it)
    the round-trip tree, read on first use because it is slow on large files.

    An edit of one contact (:meth:`contact_node`) reads only that contact's lines when it
    can (a block list of contacts): the work is that of the edit, not of the file.
    """

    path: Path
    #: the file's text, without a byte-order mark
    text: str
    network: Network
    #: whether the file starts with a UTF-8 byte-order mark (kept when saving)
    bom: bool = False
    #: a digest of the bytes read, to refuse replacing a file that changed since
    digest: str = ""
    #: the size limit the file was read with (the edited file must keep to it too)
    max_bytes: int = DEFAULT_MAX_BYTES
    #: whether a contact may be edited on its own lines (:meth:`contact_node`)
    by_parts: bool = True
    #: the contacts edited on their own, by id
    _parts: dict[str, _Part] = field(default_factory=dict)

    @cached_property
    def _round_trip(self) -> tuple[YAML, Any]:
        if self._parts:  # pragma: no cover - a document is edited one way or the other
            raise WarmreachError(f"{self.path}: edited by parts already")
        return _round_trip(self.text, str(self.path), 0)

    @property
    def tree(self) -> Any:
        """The round-trip tree; edits to it are what :func:`save_document` writes."""
        return self._round_trip[1]

    @property
    def edited(self) -> bool:
        """Whether the round-trip tree or a contact's part has been read (and so may have
        been changed)."""
        return "_round_trip" in self.__dict__ or bool(self._parts)

    def dump(self) -> str:
        if "_round_trip" in self.__dict__ or not self._parts:
            yaml, tree = self._round_trip
            return _dump(yaml, tree)
        lines = self.text.splitlines(keepends=True)
        for part in sorted(self._parts.values(), key=lambda part: -part.start):
            lines[part.start : part.end] = [part.text()]
        return "".join(lines)

    @cached_property
    def _indices(self) -> dict[str, int]:
        return {contact.id: index for index, contact in enumerate(self.network.contacts)}

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.splitlines(keepends=True)

    def contact_node(self, contact_id: str) -> CommentedMap:
        """The round-trip mapping of the contact with this id: from its own lines when
        the contacts are a block list and the whole tree has not been read, else from
        the whole tree."""
        if self.by_parts and "_round_trip" not in self.__dict__:
            part = self._parts.get(contact_id) or self._part(contact_id)
            if part is not None:
                self._parts[contact_id] = part
                return part.node
        found: CommentedMap = self.tree["contacts"][self._indices[contact_id]]
        return found

    def _part(self, contact_id: str) -> _Part | None:
        """The lines of one contact, round-tripped alone, or None when they cannot be."""
        if "\r" in self.text:
            return None
        index = self._indices[contact_id]
        contacts = self.network.contacts
        span = _item_span(self._lines, contacts[index], contacts[index + 1 : index + 2])
        if span is None:
            return None
        start, end = span
        lines = "".join(self._lines[start:end])
        try:
            yaml, tree = _round_trip(_WRAPPER + lines, str(self.path), start - 1)
        except WarmreachError:
            return None
        items = tree.get("contacts") if isinstance(tree, CommentedMap) else None
        if not (isinstance(items, CommentedSeq) and len(items) == 1):
            return None
        part = _Part(start=start, end=end, yaml=yaml, tree=tree)
        if part.text() != lines or not isinstance(items[0], CommentedMap):
            return None
        return part


#: what a contact's lines are read under when edited alone: the key of their list
_WRAPPER: Final = "contacts:\n"


def _item_span(
    lines: Sequence[str], contact: Contact, following: Sequence[Contact]
) -> tuple[int, int] | None:
    """The lines [start, end) of a contact's item in a block list; None when the item is
    not written ``- key: ...`` on the line it starts."""
    where = contact.location
    if where is None:
        return None
    start = where.line - 1
    line = lines[start] if start < len(lines) else ""
    before = line[: where.col - 1]
    if before.strip() != "-":
        return None
    indent = len(before) - len(before.lstrip(" "))
    if following:
        after = following[0].location
        if after is None or after.line - 1 <= start:
            return None
        end = after.line - 1
        nxt = lines[end] if end < len(lines) else ""
        if nxt[: after.col - 1].strip() != "-":
            return None
        return start, end
    end = start + 1
    while end < len(lines):
        text = lines[end]
        stripped = text.lstrip(" ")
        if stripped.strip() and not stripped.startswith("#"):
            column = len(text) - len(stripped)
            if column < indent or (column == indent and not stripped.startswith("-")):
                break
        end += 1
    while end > start + 1 and lines[end - 1].strip() == "":
        end -= 1  # blank lines before what follows stay outside the item
    return start, end


def _round_trip(text: str, file: str, first_line: int) -> tuple[YAML, Any]:
    """``text`` as a round-trip tree, with the indentation that writes it back exactly;
    refused, naming the first line that would change, when none does."""
    if "\r" in text:
        raise WarmreachError(
            f"{file}: has Windows line endings; warmreach edits files with Unix line "
            "endings only, so that nothing else in it changes"
        )
    yaml = _round_trip_yaml(*_LAYOUTS[0])
    try:
        tree = yaml.load(text)
    except YAMLError as error:  # pragma: no cover - our loader accepted the file
        raise WarmreachError(f"{file}: cannot be edited: {error}") from error
    best: tuple[int, str, str] | None = None
    for layout in sorted(_LAYOUTS, key=lambda layout: layout != _guess_layout(text)):
        yaml.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
        written = _dump(yaml, tree)
        if written == text:
            return yaml, tree
        differs = _first_difference(text, written)
        if best is None or differs[0] > best[0]:
            best = differs
    assert best is not None
    number, was, would = best
    raise WarmreachError(
        f"{file}:{first_line + number}: warmreach cannot keep this line as written when "
        f"editing the file ('{was.strip()[:60]}' would be written '{would.strip()[:60]}'); "
        "make the change by hand"
    )


def _first_difference(text: str, written: str) -> tuple[int, str, str]:
    """The first line (1-based) where ``written`` differs from ``text``, and both lines."""
    for number, (was, would) in enumerate(
        itertools.zip_longest(text.splitlines(), written.splitlines(), fillvalue=""), start=1
    ):
        if was != would:
            return number, was, would
    return 1, "", ""  # pragma: no cover - the texts differ


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
    """Read and validate ``path`` for editing (the real file, when it is a symbolic link).

    Raises :class:`InvalidNetwork` when the file has problems (fix them first). Reading
    the round-trip tree, on the first edit, raises :class:`WarmreachError` when no layout
    reproduces the file exactly. Edit under :func:`editing`, which locks the file.
    """
    file = Path(path)
    data = read_network_file(file, max_bytes=max_bytes)
    network = parse_network(data, file=str(file), max_bytes=max_bytes)
    bom = data.startswith(codecs.BOM_UTF8)
    return Document(
        path=file,
        text=data.decode("utf-8-sig"),
        network=network,
        bom=bom,
        digest=hashlib.sha256(data).hexdigest(),
        max_bytes=max_bytes,
    )


@contextmanager
def editing(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document]:
    """The document at ``path``, for the whole of a read, an edit and a save, with the
    file locked against other warmreach edits (:func:`file_lock`)."""
    with file_lock(real_path(path)):
        yield open_document(path, max_bytes=max_bytes)


#: how long an edit waits for another warmreach edit of the same file to finish
LOCK_WAIT: Final = 30.0


@contextmanager
def file_lock(path: Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold warmreach's edit lock on the folder of ``path``: an advisory lock (``flock``)
    on the folder itself, so no lock file is left beside yours, and two warmreach edits of
    files in one folder take turns. The operating system releases it when the process
    ends, so a killed run leaves no stale lock. Where such locks are not available, edits
    rely on the check that the file did not change (:func:`save_document`)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        handle = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise WarmreachError(
            f"{path}: cannot lock its folder for editing: {error.strerror or error}"
        ) from error
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarmreachError(
                        f"{path} is being edited by another warmreach run; try again when it "
                        "has finished"
                    ) from None
                time.sleep(0.05)
            except OSError:  # a file system without locks: the change check still holds
                break
        yield
    finally:
        os.close(handle)  # releases the lock


def _round_trip_yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the user wrote on one
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [role, {availability: 2026-11-02}]
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def save_document(document: Document) -> bool:
    """Validate the edited tree and write it over the file atomically; False if unchanged.

    Raises :class:`InvalidNetwork` with the problems when the result would not load, and
    :class:`WarmreachError` when the file changed since it was read (by another program:
    warmreach's own edits wait for each other under :func:`editing`): in both cases the
    file is left as it was.
    """
    if not document.edited:
        return False
    text = document.dump()
    if text == document.text:
        return False
    limit = document.max_bytes
    try:
        parse_network(text, file=str(document.path), max_bytes=limit)
    except InvalidNetwork as error:
        raise InvalidNetwork(
            replace(
                problem, message=f"{problem.message} (after the edit; the file was not changed)"
            )
            for problem in error.problems
        ) from None

    def unchanged() -> None:
        try:
            now = read_network_file(document.path, max_bytes=max(limit, len(document.text) * 4))
        except (InvalidNetwork, WarmreachError):
            now = b""
        if hashlib.sha256(now).hexdigest() != document.digest:
            raise WarmreachError(
                f"{document.path} changed while warmreach was editing it; nothing was written: "
                "run the command again"
            )

    data = ("\ufeff" if document.bom else "") + text
    write_atomic(document.path, data, force=True, check=unchanged)
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
    "LOCK_WAIT",
    "Document",
    "add_to_list",
    "append_item",
    "append_record",
    "delete_key",
    "editing",
    "extend_list",
    "file_lock",
    "flow_list",
    "flow_map",
    "list_items",
    "open_document",
    "put_item",
    "record_told",
    "save_document",
    "set_key",
    "text_value",
]
