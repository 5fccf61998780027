"""Stage 2, fast: the block-style YAML network files are written in, read line by line.

Most of a cold load went into libyaml's events (an object per scalar, a call per
event) and assembling the tree from them. The files warmreach writes, and the
samples people copy, use a small part of YAML: mappings and lists in blocks indented
with spaces, one-line plain and quoted scalars, one-line flow lists and mappings of
scalars, and comments. :func:`read_blocks` reads that part straight from the lines and builds the
very tree :func:`~warmreach.networkfile.tree.parse_tree` builds from libyaml's events
(the same nodes, texts, lines and columns), handing the contacts on as they end in
the same way.

Anything outside that part, and anything wrong (a duplicate key, a tab, an alias,
nesting too deep, a line indented where nothing awaits it), stops it with
:class:`OutsideBlocks`;
libyaml then reads the text and reports every problem as before. So what a user sees
never depends on which reader read the file; only the time does.

>>> read_blocks("me:\\n  name: Ana  # you\\ncontacts: [Bob, 'Eve']\\n")
... # doctest: +NORMALIZE_WHITESPACE
MappingNode(line=1, col=1, items=[(ScalarNode(value='me', plain=True, line=1, col=1),
  MappingNode(line=2, col=3, items=[(ScalarNode(value='name', plain=True, line=2, col=3),
  ScalarNode(value='Ana', plain=True, line=2, col=9))])),
  (ScalarNode(value='contacts', plain=True, line=3, col=1),
  SequenceNode(line=3, col=11, items=[ScalarNode(value='Bob', plain=True, line=3, col=12),
  ScalarNode(value='Eve', plain=False, line=3, col=17)]))])
>>> read_blocks("me: &you {name: Ana}\\n")
Traceback (most recent call last):
warmreach.networkfile.blocks.OutsideBlocks: line 1
"""

from __future__ import annotations

import re
from typing import Any, Final

from warmreach.networkfile.tree import (
    MAX_DEPTH,
    STREAMED,
    ItemStream,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    parse_tree,
)

#: characters that make the text more than this reader takes: tabs, line breaks other
#: than \\n and \\r, a byte-order mark, and what YAML does not allow at all
_OUTSIDE: Final = re.compile(
    "[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]"
)
#: characters a plain scalar must not start with (YAML's indicators): left to libyaml
_INDICATORS: Final = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: libyaml takes a key whose colon is at most 1,024 characters past its start (on one
#: line); further ones are its to refuse
_LONGEST_KEY: Final = 1000
#: the common lines, read at once: ``key: value``, ``- item`` and ``- key: value``,
#: where the key and item are plain, with no hash and no colon before a space or at
#: the end, and the value is too, or is quoted without quotes or escapes in it (runs
#: between colons, not a choice at each character: twice as fast)
_PLAIN_TEXT: Final = "[^-?:,\\[\\]{}#&*!|>'\"%@` ](?:[^:#]*(?::[^ :#][^:#]*)*)?(?<! )"
_COMMON: Final = re.compile(
    f"( *)(- )?({_PLAIN_TEXT})(?:: ({_PLAIN_TEXT}|'[^']*'|\"[^\"\\\\]*\"))?"
)
#: a plain scalar inside a flow collection, up to what may end it
_FLOW_PLAIN: Final = re.compile("[^,:\\[\\]{}#]+")
#: double-quoted escapes and the characters they stand for
_ESCAPES: Final = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES: Final = {"x": 2, "u": 4, "U": 8}


class OutsideBlocks(Exception):
    """The text is not (all) in the part of YAML :func:`read_blocks` reads."""


class _Level:
    """A mapping or list being read, and what it waits for."""

    __slots__ = ("empty", "indent", "items", "key", "mapping", "node", "seen", "streamed")

    def __init__(self, indent: int, node: MappingNode | SequenceNode, streamed: bool) -> None:
        #: the column (0-based) of its keys or dashes
        self.indent = indent
        self.node = node
        #: the node's items: (key, value) pairs of a mapping, a list's values
        self.items: list[Any] = node.items
        self.mapping = type(node) is MappingNode
        #: (mappings) the key whose value has not come yet
        self.key: ScalarNode | None = None
        #: (mappings) the keys read so far
        self.seen: set[str] = set()
        #: where a value left out would be: after the key's colon, or a list's dash
        self.empty: tuple[int, int] | None = None
        #: (lists) the top-level contacts, whose items go to the stream
        self.streamed = streamed


class _Reader:
    def __init__(self, stream: ItemStream | None) -> None:
        self.stream = stream
        self.streaming = False  # the contacts list has been handed to the stream
        self.handed = 0
        self.levels: list[_Level] = []
        self.root: Node | None = None
        self.texts: dict[str, str] = {}

    # structure ------------------------------------------------------------------

    def place(self, number: int, indent: int, dash: bool) -> None:
        """Close what a line at ``indent`` ends and open what it begins, so that the
        innermost level is the one it belongs to."""
        levels = self.levels
        while levels:
            top = levels[-1]
            if top.indent > indent:
                self.close()
            elif top.indent == indent:
                if top.mapping and dash:  # a list under its key, at the key's indent
                    if top.key is None:
                        raise OutsideBlocks(f"line {number}")
                    self.open(SequenceNode(number, indent + 1), indent)
                elif top.mapping or dash:
                    self.settle(top)
                else:  # a key at the indent of the list under the key before: it ends
                    self.close()
                    continue
                return
            else:
                if top.empty is None:  # more indented, and nothing awaits a value
                    raise OutsideBlocks(f"line {number}")
                node = SequenceNode(number, indent + 1) if dash else MappingNode(number, indent + 1)
                self.open(node, indent)
                return
        if self.root is not None:
            raise OutsideBlocks(f"line {number}")
        self.open(
            SequenceNode(number, indent + 1) if dash else MappingNode(number, indent + 1), indent
        )

    def open(self, node: MappingNode | SequenceNode, indent: int) -> None:
        levels = self.levels
        if len(levels) >= MAX_DEPTH:
            raise OutsideBlocks(f"line {node.line}")
        streamed = self.streams(node)
        if levels:
            self.attach(node)
        else:
            self.root = node
        levels.append(_Level(indent, node, streamed))

    def streams(self, node: MappingNode | SequenceNode) -> bool:
        """Whether ``node`` is the top-level contacts list and the stream takes its items
        (as :class:`~warmreach.networkfile.tree.ItemStream` describes)."""
        if self.stream is None or self.streaming or len(self.levels) != 1:
            return False
        top = self.levels[0]
        if not (
            type(node) is SequenceNode
            and isinstance(top.node, MappingNode)
            and top.key is not None
            and top.key.value == STREAMED
            and self.stream.start(top.node)
        ):
            return False
        self.streaming = True
        return True

    def settle(self, level: _Level) -> None:
        """A value left out, before the level's next key or item: YAML's empty value."""
        if level.empty is not None:
            line, col = level.empty
            self.attach(ScalarNode("", True, line, col))

    def close(self) -> None:
        level = self.levels[-1]
        self.settle(level)
        self.levels.pop()
        if self.levels and self.levels[-1].streamed:
            self.hand_on(level.node)

    def attach(self, node: Node) -> None:
        """``node`` as the value the innermost level waits for."""
        level = self.levels[-1]
        level.empty = None
        if level.mapping:
            key, level.key = level.key, None
            level.items.append((key, node))
        elif not level.streamed:
            level.items.append(node)
        elif type(node) is ScalarNode:
            self.hand_on(node)  # a collection is handed on when it ends

    def hand_on(self, node: Node) -> None:
        assert self.stream is not None
        self.stream.item(node, self.handed)
        self.handed += 1

    # lines ----------------------------------------------------------------------

    def key(self, number: int, col: int, content: str) -> None:
        """``key: value`` (or ``key:``) starting at 0-based ``col``, in the innermost
        mapping."""
        colon = _colon(content)
        key = content[:colon].rstrip(" ")
        if colon < 0 or not key or key[0] in _INDICATORS or " #" in key or key[-1] == ":":
            raise OutsideBlocks(f"line {number}")
        self.take_key(key, number, col, colon)
        rest = content[colon + 1 :]
        value = rest.lstrip(" ")
        if not value or value[0] == "#":
            self.levels[-1].empty = (number, col + colon + 2)
        else:
            self.value(number, col + colon + 1 + len(rest) - len(value), value)

    def take_key(self, key: str, number: int, col: int, reach: int) -> None:
        """A plain key at 0-based ``col`` of the innermost mapping, once in it, its colon
        ``reach`` characters on (libyaml's limit: :data:`_LONGEST_KEY`)."""
        level = self.levels[-1]
        if key in level.seen or reach > _LONGEST_KEY:
            raise OutsideBlocks(f"line {number}")
        level.seen.add(key)
        level.key = ScalarNode(self.texts.setdefault(key, key), True, number, col + 1)

    def entry(self, number: int, col: int, content: str) -> None:
        """What follows a list's dash, at 0-based ``col``: a value, or a mapping's first key."""
        first = content[0]
        if first not in "'\"[{" and _colon(content) >= 0:
            self.open(MappingNode(number, col + 1), col)
            self.key(number, col, content)
        else:
            self.value(number, col, content)

    def value(self, number: int, col: int, text: str) -> None:
        """A value on one line, at 0-based ``col``, as the innermost level's."""
        first = text[0]
        if first == "[" or first == "{":
            self.flow(number, col, text)
            return
        if first == "'" or first == '"':
            value, end = _quoted(text, 0)
            _after(text, end)
            plain = False
        elif first in _INDICATORS:
            raise OutsideBlocks(f"line {number}")
        else:
            comment = text.find(" #")
            value = (text if comment < 0 else text[:comment]).rstrip(" ")
            if ": " in value or value[-1] == ":":
                raise OutsideBlocks(f"line {number}")
            plain = True
        self.attach(ScalarNode(self.texts.setdefault(value, value), plain, number, col + 1))

    def flow(self, number: int, col: int, text: str) -> None:
        """A flow list or mapping of scalars on one line: ``[a, 'b']``, ``{name: Bo, x: 2}``."""
        mapping = text[0] == "{"
        closer = "}" if mapping else "]"
        self.open(MappingNode(number, col + 1) if mapping else SequenceNode(number, col + 1), -1)
        texts = self.texts
        at = _skip_spaces(text, 1)
        if text.startswith(closer, at):
            at += 1
        else:
            while True:
                if mapping:
                    start = at
                    key, plain, at = _flow_scalar(text, at)
                    if not plain or not text.startswith(": ", at):
                        raise OutsideBlocks(f"line {number}")
                    self.take_key(key, number, col + start, at - start)
                    at = _skip_spaces(text, at + 2)
                start = at
                value, plain, at = _flow_scalar(text, at)
                self.attach(
                    ScalarNode(texts.setdefault(value, value), plain, number, col + start + 1)
                )
                at = _skip_spaces(text, at)
                if text.startswith(",", at):
                    at = _skip_spaces(text, at + 1)
                    if text.startswith(closer, at):
                        raise OutsideBlocks(f"line {number}")  # a trailing comma
                elif text.startswith(closer, at):
                    at += 1
                    break
                else:
                    raise OutsideBlocks(f"line {number}")
        _after(text, at)
        self.close()

    def finish(self) -> Node | None:
        while self.levels:
            self.close()
        return self.root


def _colon(content: str) -> int:
    """Where the colon of ``key: value`` (or ``key:``) is, or -1 when ``content`` is no
    key (a comment begins before any such colon)."""
    comment = content.find(" #")
    head = content if comment < 0 else content[:comment]
    colon = head.find(": ")
    if colon < 0:
        head = head.rstrip(" ")
        if head.endswith(":"):
            return len(head) - 1
    return colon


def _flow_scalar(text: str, at: int) -> tuple[str, bool, int]:
    """A scalar in a flow collection starting at ``at``: its text, whether it is plain,
    and where it ends. A plain one ends before any of ``,:[]{}#`` (what follows must
    then be a comma, a colon or the closing bracket, or the reader stops)."""
    if at >= len(text):
        raise OutsideBlocks("a flow collection over several lines")
    first = text[at]
    if first == "'" or first == '"':
        value, at = _quoted(text, at)
        return value, False, at
    if first in _INDICATORS:
        raise OutsideBlocks("a flow collection holding more than scalars")
    match = _FLOW_PLAIN.match(text, at)
    assert match is not None  # the first character is none of those it stops at
    return match.group().rstrip(" "), True, match.end()


def _skip_spaces(text: str, at: int) -> int:
    end = len(text)
    while at < end and text[at] == " ":
        at += 1
    return at


def _quoted(text: str, at: int) -> tuple[str, int]:
    """The quoted scalar starting at ``at`` and where it ends, if it ends on this line."""
    quote = text[at]
    parts: list[str] = []
    start = at + 1
    if quote == "'":
        while True:
            close = text.find("'", start)
            if close < 0:
                raise OutsideBlocks("a quoted scalar over several lines")
            if text.startswith("'", close + 1):
                parts.append(text[start : close + 1])
                start = close + 2
                continue
            parts.append(text[start:close])
            return "".join(parts), close + 1
    close = text.find('"', start)
    while True:
        if close < 0:
            raise OutsideBlocks("a quoted scalar over several lines")
        slash = text.find("\\", start, close)
        if slash < 0:
            parts.append(text[start:close])
            return "".join(parts), close + 1
        parts.append(text[start:slash])
        code = text[slash + 1 : slash + 2]
        if code in _ESCAPES:
            parts.append(_ESCAPES[code])
            start = slash + 2
        elif code in _HEX_ESCAPES:
            digits = text[slash + 2 : slash + 2 + _HEX_ESCAPES[code]]
            if len(digits) != _HEX_ESCAPES[code] or not all(
                char in "0123456789abcdefABCDEF" for char in digits
            ):
                raise OutsideBlocks("an escape libyaml reports")
            point = int(digits, 16)
            if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
                raise OutsideBlocks("an escape libyaml reports")
            parts.append(chr(point))
            start = slash + 2 + len(digits)
        else:
            raise OutsideBlocks("an escape libyaml reports")
        if start > close:  # that quote was escaped: look for the next one (from here on)
            close = text.find('"', start)


def _after(text: str, at: int) -> None:
    """After a quoted scalar or a flow list: nothing, or a comment after a space."""
    rest = text[at:]
    if rest and (rest[0] != " " or rest.lstrip(" ")[:1] not in ("", "#")):
        raise OutsideBlocks("text after a closing quote or bracket")


def read_blocks(text: str, stream: ItemStream | None = None) -> Node | None:
    """The tree of ``text`` (as :func:`~warmreach.networkfile.tree.parse_tree` makes it),
    handing the contacts to ``stream`` as :class:`ItemStream` says; raises
    :class:`OutsideBlocks` as soon as the text is more than this reader takes (some
    items may have been handed on by then)."""
    if _OUTSIDE.search(text) is not None:
        raise OutsideBlocks("a character this reader leaves to libyaml")
    reader = _Reader(stream)
    texts = reader.texts
    common = _COMMON.fullmatch
    for number, line in enumerate(text.splitlines(), 1):
        if (found := common(line)) is not None and (found[2] or found[4]) is not None:
            pad, dash, key, value = found.groups()
            indent = len(pad)
            col = indent + 2 if dash else indent  # of the key or the item
            if dash:
                reader.place(number, indent, dash=True)
                if value is None:  # "- item"
                    reader.attach(ScalarNode(texts.setdefault(key, key), True, number, col + 1))
                    continue
                reader.open(MappingNode(number, col + 1), col)
            else:
                reader.place(number, indent, dash=False)
            reader.take_key(key, number, col, len(key))
            if value[0] == "'" or value[0] == '"':
                value, plain = value[1:-1], False
            else:
                plain = True
            value = texts.setdefault(value, value)
            reader.attach(ScalarNode(value, plain, number, col + len(key) + 3))
            continue
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        if content[0] == "-" and (len(content) == 1 or content[1] == " "):
            reader.place(number, indent, dash=True)
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                reader.levels[-1].empty = (number, indent + 2)
            else:
                reader.entry(number, len(line) - len(rest), rest)
        elif indent == 0 and content.startswith(("---", "...")):
            raise OutsideBlocks(f"line {number}: a document marker")
        else:
            reader.place(number, indent, dash=False)
            reader.key(number, indent, content)
    return reader.finish()


def read_tree(text: str, file: str, stream: ItemStream | None = None) -> Node | None:
    """The raw tree of ``text``, as :func:`~warmreach.networkfile.tree.parse_tree` makes
    it: read line by line when the text is in the part of YAML :func:`read_blocks` takes,
    else by libyaml, which reports every problem (``stream`` then starts again)."""
    try:
        return read_blocks(text, stream)
    except OutsideBlocks:
        if stream is not None:
            stream.restart()
        return parse_tree(text, file, stream)
