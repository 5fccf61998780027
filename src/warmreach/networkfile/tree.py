"""Stage 2 of reading a network file: YAML text as a tree of text, mappings and lists.

YAML *events* (libyaml's when present) are assembled into a small tree, iteratively,
so no input can exhaust the stack. Every scalar is kept as the text that was written
(``NO`` and ``012`` stay text; the schema types them later) with its line and column.
Aliases, anchors, tags, duplicate keys, non-text keys, nesting deeper than
:data:`MAX_DEPTH` and several documents are refused here, each reported where it is.

The contacts are most of a large file, so they may be handed on as each is read
(:class:`ItemStream`) instead of being held in the tree all at once.

>>> root = parse_tree("me: {name: Ana}\\ncontacts: [Bob]\\n", "n.yaml")
>>> [(key.value, describe(value)) for key, value in root.items]
[('me', 'a mapping'), ('contacts', 'a list')]
>>> root.items[1][1].items[0]
ScalarNode(value='Bob', plain=True, line=2, col=12)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Final, Protocol, assert_never

import yaml

from warmreach.errors import InvalidNetwork, Problem
from warmreach.networkfile.decode import Positions

#: mappings and lists may nest this deep (the top-level mapping is level 1)
MAX_DEPTH: Final = 20

_Loader: Final[type[Any]] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOO_DEEP: Final = f"nesting is deeper than {MAX_DEPTH} levels"
#: the top-level key whose list may be streamed (:class:`ItemStream`)
STREAMED: Final = "contacts"


@dataclass(slots=True)
class ScalarNode:
    """A scalar, kept as the text that was written."""

    value: str
    #: written without quotes (only plain scalars can mean "no value")
    plain: bool
    line: int
    col: int


@dataclass(slots=True)
class MappingNode:
    """A mapping with text keys, in file order."""

    line: int
    col: int
    items: list[tuple[ScalarNode, Node]] = field(default_factory=list)


@dataclass(slots=True)
class SequenceNode:
    """A list, in file order."""

    line: int
    col: int
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class RejectedNode:
    """Where a value was refused during parsing (already reported); it is skipped later."""

    line: int
    col: int


Node = ScalarNode | MappingNode | SequenceNode | RejectedNode


def describe(node: Node) -> str:
    match node:
        case MappingNode():
            return "a mapping"
        case SequenceNode():
            return "a list"
        case ScalarNode():
            return "text"
        case RejectedNode():
            return "a rejected value"
        case unknown:
            assert_never(unknown)


class ItemStream(Protocol):
    """Takes the items of the top-level ``contacts`` list as each one is complete, so the
    tree never holds them all: they are left out of it (see :func:`parse_tree`)."""

    def start(self, root: MappingNode) -> bool:
        """Whether to take the items; asked as the list begins, with the top-level mapping
        as read so far (its keys before ``contacts``)."""
        ...

    def item(self, node: Node, index: int) -> None:
        """One item, complete; ``index`` counts every item of the list."""
        ...

    def restart(self) -> None:
        """The items begin again from the first: a reader stopped part-way and another
        reads the text from its start (:func:`~warmreach.networkfile.blocks.read_tree`)."""
        ...


@dataclass(slots=True)
class _Frame:
    node: MappingNode | SequenceNode
    #: key waiting for its value (mappings only)
    key: ScalarNode | None = None
    #: the pending key was refused, so its value is dropped
    drop_value: bool = False
    #: first place of each key (mappings only)
    seen: dict[str, ScalarNode] = field(default_factory=dict)
    is_mapping: bool = False

    def __post_init__(self) -> None:
        self.is_mapping = isinstance(self.node, MappingNode)


class _TreeBuilder:
    """Assembles YAML events into a tree, iteratively, refusing what the format forbids."""

    def __init__(self, file: str, stream: ItemStream | None = None) -> None:
        self.file = file
        self.stream = stream
        #: the list whose items go to ``stream``, once it has begun; and how many did
        self._streamed: _Frame | None = None
        self._handed = 0
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.documents = 0
        self._stack: list[_Frame] = []
        self._skip = 0  # depth inside a refused collection whose content is ignored
        #: each distinct text once: a file repeats its keys, names (in knows lists),
        #: companies, titles and dates, and the tree is the largest thing a load holds
        self._texts: dict[str, str] = {}
        self._line = 0

    def problem(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=line, col=col, message=message))

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; False once parsing should stop."""
        if (
            type(event) is yaml.ScalarEvent
            and event.anchor is None
            and event.tag is None
            and not self._skip
        ):  # the common case, kept short: most events are plain scalars
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            if line == self._line:  # a key and its value: one number object for the line
                line = self._line
            self._line = line
            value = self._texts.setdefault(event.value, event.value)
            self._attach(ScalarNode(value, not event.style, line, col))
            return True
        if self._skip:
            if isinstance(event, yaml.CollectionStartEvent):
                self._skip += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                self._skip -= 1
            return True
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        match event:
            case yaml.DocumentStartEvent():
                self.documents += 1
                if self.documents > 1:
                    self.problem(
                        line, col, "a network file holds one YAML document; a second starts here"
                    )
                    return False
            case yaml.AliasEvent():
                self.problem(
                    line,
                    col,
                    f"YAML aliases (*{event.anchor}) are not allowed; write the value out",
                )
                self._attach(RejectedNode(line, col))
            case yaml.ScalarEvent() | yaml.CollectionStartEvent():
                self._node_start(event, line, col)
            case yaml.CollectionEndEvent():
                frame = self._stack.pop()
                if not self._stack:
                    self.root = frame.node
                elif self._stack[-1] is self._streamed:
                    self._hand_on(frame.node)
        return True

    def _node_start(
        self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, line: int, col: int
    ) -> None:
        if event.anchor is not None:
            self.problem(
                line, col, f"YAML anchors (&{event.anchor}) are not allowed; write values out"
            )
        is_collection = isinstance(event, yaml.CollectionStartEvent)
        refused = False
        if event.tag is not None:
            self.problem(line, col, f"YAML tags ({_show_tag(event.tag)}) are not allowed")
            refused = True
        elif self._expects_key() and is_collection:
            kind = "a mapping" if isinstance(event, yaml.MappingStartEvent) else "a list"
            self.problem(line, col, f"keys must be text, not {kind}")
            refused = True
        elif is_collection and len(self._stack) >= MAX_DEPTH:
            self.problem(line, col, _TOO_DEEP)
            refused = True
        if refused:
            self._attach(RejectedNode(line, col))
            if is_collection:
                self._skip = 1
            return
        match event:
            case yaml.ScalarEvent():
                self._attach(ScalarNode(event.value, not event.style, line, col))
            case yaml.MappingStartEvent():
                self._push(MappingNode(line, col))
            case yaml.SequenceStartEvent():
                self._push(SequenceNode(line, col))

    def _expects_key(self) -> bool:
        if not self._stack:
            return False
        frame = self._stack[-1]
        return isinstance(frame.node, MappingNode) and frame.key is None and not frame.drop_value

    def _push(self, node: MappingNode | SequenceNode) -> None:
        streams = self._streams(node)
        self._attach(node)
        self._stack.append(_Frame(node))
        if streams:
            self._streamed = self._stack[-1]

    def _streams(self, node: MappingNode | SequenceNode) -> bool:
        """Whether ``node`` is the top-level ``contacts`` list and ``stream`` takes its
        items (never once a problem is found: the tree is then only reported)."""
        if self.stream is None or self._streamed is not None or len(self._stack) != 1:
            return False
        top = self._stack[0]
        return (
            isinstance(node, SequenceNode)
            and isinstance(top.node, MappingNode)
            and top.key is not None
            and top.key.value == STREAMED
            and STREAMED not in top.seen
            and not self.problems
            and self.stream.start(top.node)
        )

    def _hand_on(self, node: Node) -> None:
        """An item of the streamed list, complete: to ``stream``, not into the tree."""
        if self.stream is not None and not self.problems:
            self.stream.item(node, self._handed)
        self._handed += 1

    def _attach(self, node: Node) -> None:
        if not self._stack:
            self.root = node
            return
        frame = self._stack[-1]
        if not frame.is_mapping:
            if frame is not self._streamed:
                frame.node.items.append(node)  # type: ignore[arg-type]
            elif not isinstance(node, MappingNode | SequenceNode):
                self._hand_on(node)  # a collection is handed on when it ends
        elif frame.drop_value:
            frame.drop_value = False
        elif frame.key is None:
            if isinstance(node, ScalarNode):
                frame.key = node
            else:
                frame.drop_value = True
        else:
            key, frame.key = frame.key, None
            first = frame.seen.get(key.value)
            if first is not None:
                self.problem(
                    key.line,
                    key.col,
                    f"key '{key.value}' appears twice in this mapping, at lines {first.line} "
                    f"and {key.line}",
                )
            else:
                frame.seen[key.value] = key
                frame.node.items.append((key, node))  # type: ignore[arg-type]


def _show_tag(tag: str) -> str:
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    positions = Positions(text)
    line_text = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if positions.char_at(line, col) == "\t" or "\t" in line_text[: col - 1].lstrip(" "):
        return Problem(
            file=file, line=line, col=col, message="tabs cannot indent YAML; indent with spaces"
        )
    message = f"YAML syntax error: {error.problem or 'cannot parse this'}"
    if error.context and error.context_mark is not None:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return Problem(file=file, line=line, col=col, message=message)


def parse_tree(text: str, file: str, stream: ItemStream | None = None) -> Node | None:
    """Parse YAML text into a tree, or raise InvalidNetwork with every problem found.

    With ``stream``, the items of the top-level ``contacts`` list go to it as each is
    read, when it takes them, and that list stays empty in the tree. No item goes to it
    once a problem is found (the problems are raised when the text is read).
    """
    builder = _TreeBuilder(file, stream)
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while event is not None and builder.feed(event):
            event = loader.get_event()
    except yaml.MarkedYAMLError as error:
        problem = _syntax_problem(error, text, file)
        if "nesting depth" in str(error.problem):  # libyaml's own limit, far above ours
            problem = replace(problem, message=_TOO_DEEP)
        if all(seen.message != problem.message for seen in builder.problems):
            builder.problems.append(problem)
    except yaml.YAMLError as error:  # an unmarked error from the reader
        builder.problem(1, 1, f"YAML syntax error: {error}")
    finally:
        loader.dispose()
    if builder.problems:
        raise InvalidNetwork(sorted(builder.problems))
    return builder.root
