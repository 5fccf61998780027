"""Changing a user's network file in place without losing their comments, order or layout.

The file is read with ruamel.yaml's round-trip loader (:mod:`.layout`), which keeps
comments, key order, quoting and flow style. New keys go where the schema's order puts
them. Before any edit, the file must come back byte for byte from a round trip with the
indentation we detect, so an edit can change nothing but what it means to. Every result
is validated with warmreach's own loader before it replaces the file, atomically.

Edits of a few contacts, and contacts added after the last one, are made on those lines
alone (:meth:`Document.contact_node`, :meth:`Document.add_contact`): on a large file the
round-trip parser, which is pure Python, reads only what changes.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from warmreach.atomic import real_path
from warmreach.errors import InvalidNetwork, WarmreachError
from warmreach.model import Contact, Network
from warmreach.networkfile.cache import NO_CACHE, NetworkCache
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES, read_network_file
from warmreach.networkfile.dump import emit
from warmreach.networkfile.layout import (
    EMITTED,
    dump_tree,
    guess_layout,
    round_trip,
    round_trip_yaml,
)
from warmreach.networkfile.lock import file_lock
from warmreach.networkfile.nodes import append_item, set_key
from warmreach.progress import SILENT, Progress
from warmreach.schema import NETWORK
from warmreach.text import slugify


@dataclass
class _Part:
    """One contact's lines, round-tripped on their own (see :meth:`Document.contact_node`)."""

    #: the lines of the file it spans: [start, end)
    start: int
    end: int
    yaml: YAML
    #: ``{contacts: [the contact]}``: the item in the same context as in the file
    tree: Any
    #: whether the item is written anew in block style (its layout could not be kept)
    rewritten: bool = False

    @property
    def node(self) -> CommentedMap:
        found: CommentedMap = self.tree["contacts"][0]
        return found

    def text(self) -> str:
        return dump_tree(self.yaml, self.tree).removeprefix(_WRAPPER)


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
    #: what the cache derived from ``network`` when it had the file (None: it was parsed)
    derived: Any = None
    #: whether the file starts with a UTF-8 byte-order mark (kept when saving)
    bom: bool = False
    #: whether the file's lines end in CRLF (``text`` has LF; kept when saving)
    crlf: bool = False
    #: a digest of the bytes read, to refuse replacing a file that changed since
    digest: str = ""
    #: the size limit the file was read with (the edited file must keep to it too)
    max_bytes: int = DEFAULT_MAX_BYTES
    #: whether a contact may be edited on its own lines (:meth:`contact_node`)
    by_parts: bool = True
    #: the cache the file was read through, which keeps what :func:`save_document` writes
    cache: NetworkCache | None = None
    #: the contacts edited on their own, by id
    _parts: dict[str, _Part] = field(default_factory=dict)
    #: contacts added after the last one on lines of their own (:meth:`add_contact`)
    #: by id (the ``id`` written, else the slug of the name, as the loader makes it)
    _added: dict[str, CommentedMap] = field(default_factory=dict)

    @cached_property
    def _round_trip(self) -> tuple[YAML, Any]:
        if self._parts or self._added:
            raise EditedByParts(f"{self.path}: edited by parts already")
        return round_trip(self.text, str(self.path), 0)

    @property
    def tree(self) -> Any:
        """The round-trip tree; edits to it are what :func:`save_document` writes."""
        return self._round_trip[1]

    @property
    def edited(self) -> bool:
        """Whether the round-trip tree or a contact's part has been read (and so may have
        been changed)."""
        return "_round_trip" in self.__dict__ or bool(self._parts) or bool(self._added)

    def dump(self) -> str:
        if "_round_trip" in self.__dict__ or not (self._parts or self._added):
            yaml, tree = self._round_trip
            return dump_tree(yaml, tree)
        lines = self.text.splitlines(keepends=True)
        edits = {part.start: (part.end, part.text()) for part in self._parts.values()}
        if self._added:
            tail, added = self._tail, self._addition()
            assert tail is not None
            last = max(edits, default=-1)
            if last < tail < edits.get(last, (0, ""))[0]:
                # the last contact is edited too: the addition goes between its lines and
                # the comments that end the list, which its text ends with
                end, text = edits[last]
                comments = "".join(lines[tail:end])
                if comments and text.endswith(comments):
                    text = text.removesuffix(comments) + added + comments
                else:
                    text += added
                edits[last] = (end, text)
            else:
                edits[tail] = (tail, added)
        for start in sorted(edits, reverse=True):
            end, text = edits[start]
            lines[start:end] = [text]
        return "".join(lines)

    @property
    def contact_count(self) -> int | None:
        """How many contacts the edited file holds (None: not known without reading it)."""
        if "_round_trip" in self.__dict__:
            contacts = self.tree.get("contacts") if isinstance(self.tree, dict) else None
            return len(contacts) if isinstance(contacts, list) else None
        return len(self.network.contacts) + len(self._added)

    def whole(self) -> Document:
        """The same file as read, to be edited again from the start as one round-trip
        tree: what an edit by parts that had to give up (:class:`EditedByParts`) goes on
        with, without reading and parsing the file again."""
        return replace(self, by_parts=False, _parts={}, _added={})

    def add_contact(self, node: CommentedMap) -> bool:
        """Add a contact after the last one, on lines of its own, when the contacts are a
        block list whose layout the new lines can follow; False when the whole tree must
        take it (:func:`append_record`). The file's other lines are not read again."""
        if not self.by_parts or "_round_trip" in self.__dict__ or self._tail is None:
            return False
        contact_id = node.get("id", slugify(str(node.get("name", ""))))
        assert contact_id not in self._added, f"two new contacts with the id {contact_id}"
        self._added[contact_id] = node
        return True

    def added_contact(self, contact_id: str) -> CommentedMap | None:
        """The mapping of a contact :meth:`add_contact` added, by id."""
        return self._added.get(contact_id)

    @cached_property
    def _tail(self) -> int | None:
        """The line after the last contact's own lines (the comments that end the list
        stay below what is added, as in the whole tree), or None when contacts cannot be
        added on their own lines: no block list, lines ending in CR, or a list whose
        dashes are not where the file's layout writes them."""
        contacts = self.network.contacts
        if "\r" in self.text or not contacts:
            return None
        span = _item_span(self._lines, contacts[-1], [])
        if span is None:
            return None
        start, end = span
        dash = len(self._lines[start]) - len(self._lines[start].lstrip(" "))
        if dash != self._layout[2]:
            return None
        while end > start + 1 and self._lines[end - 1].lstrip(" ").startswith(("#", "\n")):
            end -= 1
        return end

    def _addition(self) -> str:
        """The lines of the added contacts (they go at _tail): written as a new file
        writes them (:func:`~warmreach.networkfile.dump.emit`) when the file is laid out
        as new files are, else in the file's layout by the round-trip writer (which is
        pure Python: slow for many)."""
        tail = self._tail
        assert tail is not None
        contacts = CommentedMap([("contacts", CommentedSeq(self._added.values()))])
        layout = self._layout
        fast = layout == EMITTED
        text = emit(contacts) if fast else dump_tree(round_trip_yaml(*layout), contacts)
        ended = self._lines[tail - 1].endswith("\n")
        return ("" if ended else "\n") + text.removeprefix(_WRAPPER)

    @cached_property
    def _indices(self) -> dict[str, int]:
        return {contact.id: index for index, contact in enumerate(self.network.contacts)}

    @cached_property
    def _layout(self) -> tuple[int, int, int]:
        """The file's indentation (read once: every contact edited alone needs it)."""
        return guess_layout(self.text)

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

    @property
    def rewritten(self) -> list[str]:
        """The contacts (ids) an edit writes anew in block style: their layout could not
        be kept."""
        return [contact for contact, part in self._parts.items() if part.rewritten]

    def _part(self, contact_id: str) -> _Part | None:
        """The lines of one contact, round-tripped alone (or written anew in block style
        when no layout keeps them as they are), or None when they cannot be."""
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
            yaml, tree = round_trip(_WRAPPER + lines, str(self.path), start - 1)
        except WarmreachError:
            return self._rewritten(start, end, lines)
        if _only_contact(tree) is None:
            return None
        part = _Part(start=start, end=end, yaml=yaml, tree=tree)
        return part if part.text() == lines else self._rewritten(start, end, lines)

    def _rewritten(self, start: int, end: int, lines: str) -> _Part | None:
        """One contact's lines read and written anew in block style, in the file's
        indentation: for a layout no writer keeps (a flow mapping wrapped over lines)."""
        yaml = round_trip_yaml(*self._layout)
        try:
            tree = yaml.load(_WRAPPER + lines)
        except YAMLError:
            return None
        item = _only_contact(tree)
        if item is None:
            return None
        item.fa.set_block_style()
        return _Part(start=start, end=end, yaml=yaml, tree=tree, rewritten=True)


class EditedByParts(WarmreachError):
    """The whole tree was asked for after contacts were edited or added on their own
    lines: the edit must start again on the whole tree (``by_parts`` off)."""


def _only_contact(tree: Any) -> CommentedMap | None:
    """The one contact of ``{contacts: [contact]}`` read from a contact's lines, or None
    when the lines hold something else."""
    items = tree.get("contacts") if isinstance(tree, CommentedMap) else None
    if isinstance(items, CommentedSeq) and len(items) == 1 and isinstance(items[0], CommentedMap):
        found: CommentedMap = items[0]
        return found
    return None


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


def open_document(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> Document:
    """Read and validate ``path`` for editing (the real file, when it is a symbolic link),
    through ``cache`` when given (which then keeps the file as saved).

    Raises :class:`InvalidNetwork` when the file has problems (fix them first). Reading
    the round-trip tree, on the first edit, raises :class:`WarmreachError` when no layout
    reproduces the file exactly. Edit under :func:`editing`, which locks the file.
    """
    file = Path(path)
    data = read_network_file(file, max_bytes=max_bytes)
    network, derived = (cache or NO_CACHE).edited(data, str(file), max_bytes=max_bytes)
    bom = data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    # CRLF when most lines end so (a line ending in LF alone is then written with CRLF
    # too); a lone CR is refused when the round-trip tree is read
    crlf = "\r" not in text.replace("\r\n", "") and 2 * text.count("\r\n") > text.count("\n")
    return Document(
        path=file,
        text=text.replace("\r\n", "\n") if crlf else text,
        network=network,
        derived=derived,
        bom=bom,
        crlf=crlf,
        digest=hashlib.sha256(data).hexdigest(),
        max_bytes=max_bytes,
        cache=cache,
    )


@contextmanager
def editing(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: NetworkCache | None = None,
) -> Iterator[Document]:
    """The document at ``path``, for the whole of a read, an edit and a save, with the
    file locked against other warmreach edits (:func:`file_lock`)."""
    with file_lock(real_path(path)):
        yield open_document(path, max_bytes=max_bytes, cache=cache)


def save_document(document: Document, progress: Progress = SILENT) -> bool:
    """Validate the edited tree and write it over the file atomically; False if unchanged.
    The document's cache, if any, keeps the network written for the next command.
    ``progress`` is told of each stage: writing the text, checking it (a step a contact),
    keeping it.

    Raises :class:`InvalidNetwork` with the problems when the result would not load, and
    :class:`WarmreachError` when the file changed since it was read (by another program:
    warmreach's own edits wait for each other under :func:`editing`): in both cases the
    file is left as it was.
    """
    if not document.edited:
        return False
    name = document.path.name
    progress.stage(f"writing {name}")
    text = document.dump()
    if text == document.text:
        return False
    limit = document.max_bytes
    data = (
        ("\ufeff" if document.bom else "") + (text.replace("\n", "\r\n") if document.crlf else text)
    ).encode("utf-8", errors="surrogatepass")  # a lone surrogate: refused by the check

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

    (document.cache or NO_CACHE).save(
        document.path,
        data,
        unwritten="after the edit; the file was not changed",
        contacts=document.contact_count,
        max_bytes=limit,
        progress=progress,
        force=True,
        check=unchanged,
    )
    return True


def append_record(document: Document, section: str, values: Mapping[str, Any]) -> None:
    """Add a record (a mapping of ``values``) at the end of the list ``section`` (for
    example ``contacts``), making the list when the file has none. A contact goes on
    lines of its own after the last when it can (:meth:`Document.add_contact`)."""
    node = CommentedMap()
    for key, value in values.items():
        node[key] = value
    if section == "contacts" and document.add_contact(node):
        return
    tree = document.tree
    if isinstance(tree.get(section), CommentedSeq):
        append_item(tree[section], node)
    else:  # the list is made with its first item, so comments after it find their place
        set_key(tree, section, CommentedSeq([node]), NETWORK.names)


__all__ = [
    "Document",
    "EditedByParts",
    "append_record",
    "editing",
    "open_document",
    "save_document",
]
