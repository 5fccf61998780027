"""Reading the raw tree against the schema: shapes checked, scalars typed, problems kept.

A :class:`Reader` answers "what does this node mean as this kind of field", reporting
what is wrong at the node's line and column and answering None, so that reading goes
on and every problem of a file is found in one run.

>>> from warmreach.networkfile.tree import parse_tree
>>> root = parse_tree("trust: 7\\nmet: 2024-02-30\\ntold: [role]\\n", "n.yaml")
>>> reader = Reader("n.yaml")
>>> found = dict((key.value, value) for key, value in root.items)
>>> reader.number(found["trust"], "trust", "scale"), reader.date(found["met"], "met")
(None, None)
>>> reader.told(found["told"], "told")
('role',)
>>> for problem in reader.problems:
...     print(problem)
n.yaml:1:8: trust must be a whole number from 0 to 5, not '7'
n.yaml:2:6: met '2024-02-30' is not a real date (February 2024 has no day 30)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Final, Protocol, TypeVar

from warmreach.errors import Problem
from warmreach.matching import hint
from warmreach.model import (
    AVAILABILITY_WORDS,
    TOLD_ITEMS,
    Availability,
    PartialDate,
    Told,
    later,
)
from warmreach.networkfile.tree import (
    MappingNode,
    Node,
    RejectedNode,
    ScalarNode,
    SequenceNode,
    describe,
)
from warmreach.schema import NUMBER_RANGES, FieldSpec, Kind
from warmreach.text import shown

#: plain scalars that mean "no value"
_NULL_WORDS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_WHOLE_NUMBER: Final = re.compile(r"[0-9]{1,12}")
T = TypeVar("T")
#: what stands in the tree for an item read and let go
_LET_GO: Final = RejectedNode(0, 0)


def is_null(node: Node) -> bool:
    """Whether a node means "no value" (empty, ``~`` or ``null`` written plain)."""
    return isinstance(node, ScalarNode) and node.plain and node.value.strip() in _NULL_WORDS


def no_id(path: str, name: str) -> str:
    """The message for a name that cannot make an id."""
    return f"{path} '{name}' has no letters or digits to make an id from"


class Placed(Protocol):
    """Where something was written: a node, or what is kept of it once the node is read
    (a problem found later is reported there; the tree can then be let go)."""

    @property
    def line(self) -> int: ...

    @property
    def col(self) -> int: ...


@lru_cache(maxsize=1 << 14)
def read_date(text: str) -> PartialDate:
    """A date of the file (:meth:`PartialDate.parse`), one object for each distinct text:
    a network repeats its dates, and the cache entry and memory then hold each once
    (unpickling a cached network of 30,000 contacts: 14% faster)."""
    return PartialDate.parse(text)


class Reader:
    """Typed accessors over the raw tree, collecting the problems they find."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, node: Placed, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=node.line, col=node.col, message=message))

    def fields(self, node: Node, spec: FieldSpec, path: str) -> dict[str, Node] | None:
        """The fields of a mapping that have a value; unknown and missing ones are reported."""
        if isinstance(node, RejectedNode):
            return None
        if not isinstance(node, MappingNode):
            names = ", ".join(spec.names)
            label = path or "the top level"
            self.problem(
                node, f"{label} must be a mapping with the fields {names}, not {describe(node)}"
            )
            return None
        found: dict[str, Node] = {}
        known = spec.known
        for key, value in node.items:
            if key.value not in known:
                unknown = f"unknown field '{key.value}'{hint(key.value, spec.names)}"
                self.problem(key, f"{path}: {unknown}" if path else unknown)
            elif not is_null(value):
                found[key.value] = value
        for name in spec.required_names:
            if name not in found:
                message = f"{path}.{name} is required" if path else f"'{name}' is required"
                self.problem(node, message)
        return found

    def named_records(
        self, node: Node | None, spec: FieldSpec, path: str
    ) -> Iterator[tuple[dict[str, Node], str, str]]:
        """The mappings of a list that have a readable ``name``: their fields, name, path."""
        for item, item_path in self.items(node, path):
            found = self.fields(item, spec, item_path)
            if found is None:
                continue
            name = self.text(found.get("name"), f"{item_path}.name")
            if name is not None:
                yield found, name, item_path

    def scalar(self, node: Node, path: str) -> ScalarNode | None:
        if isinstance(node, ScalarNode):
            return node
        if not isinstance(node, RejectedNode):
            self.problem(node, f"{path} must be text, not {describe(node)}")
        return None

    def text(self, node: Node | None, path: str) -> str | None:
        """One line of text, surrounding space dropped; empty text is a problem."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.scalar(node, path)  # reported there
            return None
        value = node.value.strip()
        if not value:
            self.problem(node, f"{path} must not be empty")
            return None
        return value

    def items(
        self, node: Node | None, path: str, *, let_go: bool = False
    ) -> Iterator[tuple[Node, str]]:
        """Items of a list (a single value counts as a list of one), with their paths;
        ``let_go``: each item is dropped from the tree once read (the contacts, which are
        most of a large file: the tree need not be held whole beside the model)."""
        if node is None or isinstance(node, RejectedNode):
            return
        if isinstance(node, SequenceNode):
            items = node.items
            for index, item in enumerate(items):
                if not is_null(item):
                    yield item, f"{path}[{index}]"
                if let_go:
                    items[index] = _LET_GO
        elif isinstance(node, MappingNode):
            self.problem(node, f"{path} must be a list, not a mapping")
        else:
            yield node, path

    def texts(self, node: Node | None, path: str) -> list[tuple[str, Node, str]]:
        """The text items of a list, each with its node and path."""
        found = []
        for item, item_path in self.items(node, path):
            value = self.text(item, item_path)
            if value is not None:
                found.append((value, item, item_path))
        return found

    def unique_texts(self, node: Node | None, path: str) -> tuple[str, ...]:
        """The text items of a list, each once, in file order."""
        return tuple(dict.fromkeys(text for text, _, _ in self.texts(node, path)))

    def number(self, node: Node | None, path: str, kind: Kind) -> int | None:
        """A whole number in the range of ``kind`` (``scale``, ``strength`` or ``count``)."""
        low, high = NUMBER_RANGES[kind]
        text = self.text(node, path)
        if text is None or node is None:
            return None
        if _WHOLE_NUMBER.fullmatch(text) and low <= (number := int(text)) <= high:
            return number
        if kind == "count":
            self.problem(node, f"{path} must be a whole number, 0 or more, not '{shown(text)}'")
        else:
            self.problem(
                node, f"{path} must be a whole number from {low} to {high}, not '{shown(text)}'"
            )
        return None

    def date(self, node: Node | None, path: str) -> PartialDate | None:
        text = self.text(node, path)
        if text is None or node is None:
            return None
        try:
            return read_date(text)
        except ValueError as error:
            self.problem(node, f"{path} '{text}' {error}")
            return None

    def choice(self, node: Node, path: str, choices: Sequence[T]) -> T | None:
        text = self.text(node, path)
        if text is None:
            return None
        for choice in choices:
            if text.casefold() == str(choice):
                return choice
        words = ", ".join(str(choice) for choice in choices)
        near = hint(text, [str(choice) for choice in choices])
        self.problem(node, f"{path} '{text}' is not one of {words}{near}")
        return None

    def told(
        self, node: Node | None, path: str
    ) -> tuple[tuple[Told, ...], tuple[tuple[Told, PartialDate], ...]]:
        """What a contact was told, each item once in :data:`TOLD_ITEMS` order, and the day
        each was told where given (the latest, when an item is given twice).

        Written as a list of words and ``{word: day}`` items, or as a mapping of words to
        days (an empty day: not known).
        """
        entries: list[tuple[Node, Node | None, str]] = []  # (the word, its day, the path)
        if isinstance(node, MappingNode):
            entries = [(key, value, f"{path}.{key.value}") for key, value in node.items]
        else:
            for item, item_path in self.items(node, path):
                if not isinstance(item, MappingNode):
                    entries.append((item, None, item_path))
                elif len(item.items) == 1:
                    key, value = item.items[0]
                    entries.append((key, value, f"{item_path}.{key.value}"))
                else:
                    words = " or ".join(TOLD_ITEMS)
                    self.problem(
                        item, f"{item_path} must be a word ({words}) or {{word: day}}, one each"
                    )
        told: dict[Told, PartialDate | None] = {}
        for word, day_node, where in entries:
            choice = self.choice(word, where, TOLD_ITEMS)
            if choice is None:
                continue
            day = None if day_node is None or is_null(day_node) else self.date(day_node, where)
            told[choice] = later(told.get(choice), day)
        items = tuple(item for item in TOLD_ITEMS if item in told)
        return items, tuple((item, day) for item in items if (day := told[item]) is not None)

    def available(self, node: Node, path: str) -> Availability | PartialDate | None:
        text = self.text(node, path)
        if text is None:
            return None
        for word in AVAILABILITY_WORDS:
            if text.casefold() == word:
                return word
        try:
            return read_date(text)
        except ValueError:
            self.problem(node, f"{path} '{text}' must be now, later or a date (YYYY-MM-DD)")
            return None
