"""Network files: bytes -> YAML nodes with positions -> a validated network.

The only module that imports ``yaml``. It reads in three stages, each of which
collects every problem it finds before giving up:

1. **decode**: UTF-8 (a BOM is allowed); bad bytes and control characters are
   reported by line and column;
2. **parse**: YAML *events* (libyaml's when present) are assembled into a small
   tree of text scalars, mappings and sequences, iteratively, so no input can
   exhaust the stack. Aliases, anchors, tags, duplicate keys, non-text keys,
   nesting deeper than :data:`MAX_DEPTH` and several documents are rejected here;
3. **build**: the tree is checked against :mod:`warmreach.schema`, scalars are
   typed (they were all kept as text, so ``NO`` and ``012`` stay text), and every
   reference (companies, teams, people) is resolved to an id.

Whatever the bytes, the only exception that leaves :func:`parse_network` is
:class:`~warmreach.errors.InvalidNetwork`.

>>> network = parse_network(b"me: {name: Ana Lima}\\ncontacts:\\n  - name: Bob Chen\\n")
>>> network.contacts[0].id, network.contacts[0].trust
('bob-chen', 1)
>>> try:
...     parse_network(b"me: {name: Ana}\\ncontacts:\\n  - name: Bob\\n    trsut: 5\\n")
... except InvalidNetwork as error:
...     print(error)
<string>:4:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml

from warmreach._gc import paused_gc
from warmreach.errors import InvalidNetwork, Problem, WarmreachError
from warmreach.matching import CompanyMatcher, company_id, match_name, suggest
from warmreach.model import (
    AVAILABILITY_WORDS,
    DEFAULT_STRENGTH,
    ME,
    SCALE_MAX,
    SCALE_MIN,
    STRENGTH_MAX,
    STRENGTH_MIN,
    TOLD_ITEMS,
    Availability,
    Company,
    Contact,
    Link,
    Location,
    Me,
    Network,
    Opening,
    PartialDate,
    Seeking,
    Team,
    Told,
    is_valid_id,
    slugify,
)
from warmreach.schema import COMPANY as COMPANY_SPEC
from warmreach.schema import CONTACT, KNOWS, ME_SPEC, NETWORK, OPENING, SEEKING, TEAM, FieldSpec

#: files larger than this many bytes are refused unless the caller raises the limit
DEFAULT_MAX_BYTES: Final = 20_000_000
#: mappings and lists may nest this deep (the top-level mapping is level 1)
MAX_DEPTH: Final = 20
#: at most this many bad characters are listed one by one
MAX_CHARACTER_PROBLEMS: Final = 50

_Loader: Final[type[Any]] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Final[type[Any]] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: characters YAML does not allow in a file, and bad bytes kept as lone surrogates
_BAD_CHARACTER: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
#: line breaks as YAML (and libyaml) count them
_LINE_BREAK: Final = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
#: plain scalars that mean "no value"
_NULL_WORDS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_WHOLE_NUMBER: Final = re.compile(r"[0-9]+")
_TOO_DEEP: Final = f"nesting is deeper than {MAX_DEPTH} levels"


# -- the raw tree ---------------------------------------------------------------------------


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


def _describe(node: Node) -> str:
    match node:
        case MappingNode():
            return "a mapping"
        case SequenceNode():
            return "a list"
        case ScalarNode():
            return "text"
        case RejectedNode():
            return "a rejected value"


# -- stage 1: bytes to text -----------------------------------------------------------------


class _Positions:
    """Line and column (1-based) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def char_at(self, line: int, col: int) -> str:
        """The character at a 1-based line and column, or '' past the end."""
        if not 1 <= line <= len(self._starts):
            return ""
        offset = self._starts[line - 1] + col - 1
        return self._text[offset : offset + 1]


def _character_message(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"byte 0x{code - 0xDC00:02X} is not valid UTF-8; save the file as UTF-8"
    if code == 0:
        return "NUL byte is not allowed in a text file"
    return f"character U+{code:04X} is not allowed in a YAML file"


def decode_text(data: bytes, file: str) -> str:
    """Decode UTF-8 (BOM allowed), reporting every bad byte and control character."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = data.decode("utf-8", errors="surrogateescape")
    bad = list(_BAD_CHARACTER.finditer(text))
    if not bad:
        return text
    positions = _Positions(text)
    problems = []
    for match in bad[:MAX_CHARACTER_PROBLEMS]:
        line, col = positions(match.start())
        problems.append(
            Problem(file=file, line=line, col=col, message=_character_message(match[0]))
        )
    if len(bad) > MAX_CHARACTER_PROBLEMS:
        line, col = positions(bad[MAX_CHARACTER_PROBLEMS].start())
        more = len(bad) - MAX_CHARACTER_PROBLEMS
        message = f"{more} more bad characters from here on; is this a text file?"
        problems.append(Problem(file=file, line=line, col=col, message=message))
    raise InvalidNetwork(problems)


# -- stage 2: text to a tree ----------------------------------------------------------------


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

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.root: Node | None = None
        self.documents = 0
        self._stack: list[_Frame] = []
        self._skip = 0  # depth inside a refused collection whose content is ignored

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
            self._attach(ScalarNode(event.value, not event.style, line, col))
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
        self._attach(node)
        self._stack.append(_Frame(node))

    def _attach(self, node: Node) -> None:
        if not self._stack:
            self.root = node
            return
        frame = self._stack[-1]
        if not frame.is_mapping:
            frame.node.items.append(node)  # type: ignore[arg-type]
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
    positions = _Positions(text)
    line_text = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if positions.char_at(line, col) == "\t" or "\t" in line_text[: col - 1].lstrip(" "):
        return Problem(
            file=file, line=line, col=col, message="tabs cannot indent YAML; indent with spaces"
        )
    message = f"YAML syntax error: {error.problem or 'cannot parse this'}"
    if error.context and error.context_mark is not None:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return Problem(file=file, line=line, col=col, message=message)


def _parse(text: str, file: str) -> Node | None:
    """Parse YAML text into a tree, or raise InvalidNetwork with every problem found."""
    builder = _TreeBuilder(file)
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


# -- stage 3: tree to model -----------------------------------------------------------------

T = TypeVar("T")


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.plain and node.value.strip() in _NULL_WORDS


def _no_id(path: str, name: str) -> str:
    return f"{path} '{name}' has no letters or digits to make an id from"


def _hint(word: str, choices: Iterable[str]) -> str:
    near = suggest(word, choices)
    if not near:
        return ""
    return "; did you mean " + " or ".join(f"'{choice}'" for choice in near) + "?"


@dataclass
class _TeamDraft:
    id: str
    name: str
    near: list[str] = field(default_factory=list)


@dataclass
class _CompanyDraft:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    industry: str | None = None
    teams: list[_TeamDraft] = field(default_factory=list)

    def freeze(self) -> Company:
        teams = tuple(
            Team(id=team.id, name=team.name, near=tuple(team.near)) for team in self.teams
        )
        return Company(
            id=self.id, name=self.name, aliases=self.aliases, industry=self.industry, teams=teams
        )


@dataclass
class _ContactDraft:
    node: MappingNode
    path: str
    fields: dict[str, Any]
    knows: list[tuple[str, int, ScalarNode | MappingNode, str]]


class _ModelBuilder:
    """Types a parsed tree against the schema and resolves every reference."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.companies: dict[str, _CompanyDraft] = {}
        self.company_places: dict[str, tuple[str, Node]] = {}
        self.matcher = CompanyMatcher()
        self.contact_ids: dict[str, tuple[str, Node]] = {}
        self.names: dict[str, list[str]] = {}
        self.contact_names: dict[str, str] = {}

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(file=self.file, line=node.line, col=node.col, message=message))

    # -- checking shapes and typing scalars --

    def fields(self, node: Node, spec: FieldSpec, path: str) -> dict[str, Node] | None:
        """The fields of a mapping that have a value; unknown and missing ones are reported."""
        if isinstance(node, RejectedNode):
            return None
        if not isinstance(node, MappingNode):
            names = ", ".join(spec.names)
            label = path or "the top level"
            self.problem(
                node, f"{label} must be a mapping with the fields {names}, not {_describe(node)}"
            )
            return None
        found: dict[str, Node] = {}
        known = spec.known
        for key, value in node.items:
            if key.value not in known:
                unknown = f"unknown field '{key.value}'{_hint(key.value, spec.names)}"
                self.problem(key, f"{path}: {unknown}" if path else unknown)
            elif not _is_null(value):
                found[key.value] = value
        for name in spec.required_names:
            if name not in found:
                message = f"{path}.{name} is required" if path else f"'{name}' is required"
                self.problem(node, message)
        return found

    def scalar(self, node: Node, path: str) -> ScalarNode | None:
        if isinstance(node, ScalarNode):
            return node
        if not isinstance(node, RejectedNode):
            self.problem(node, f"{path} must be text, not {_describe(node)}")
        return None

    def text(self, node: Node | None, path: str) -> str | None:
        if node is None:
            return None
        scalar = self.scalar(node, path)
        if scalar is None:
            return None
        value = scalar.value.strip()
        if not value:
            self.problem(scalar, f"{path} must not be empty")
            return None
        return value

    def items(self, node: Node | None, path: str) -> Iterator[tuple[Node, str]]:
        """Items of a list (a single value counts as a list of one), with their paths."""
        if node is None or isinstance(node, RejectedNode):
            return
        if isinstance(node, SequenceNode):
            for index, item in enumerate(node.items):
                if not _is_null(item):
                    yield item, f"{path}[{index}]"
        elif isinstance(node, MappingNode):
            self.problem(node, f"{path} must be a list, not a mapping")
        else:
            yield node, path

    def texts(self, node: Node | None, path: str) -> list[tuple[str, Node, str]]:
        found = []
        for item, item_path in self.items(node, path):
            value = self.text(item, item_path)
            if value is not None:
                found.append((value, item, item_path))
        return found

    def number(self, node: Node | None, path: str, low: int, high: int) -> int | None:
        text = self.text(node, path)
        if text is None or node is None:
            return None
        if _WHOLE_NUMBER.fullmatch(text) and low <= int(text) <= high:
            return int(text)
        self.problem(node, f"{path} must be a whole number from {low} to {high}, not '{text}'")
        return None

    def date(self, node: Node | None, path: str) -> PartialDate | None:
        text = self.text(node, path)
        if text is None or node is None:
            return None
        try:
            return PartialDate.parse(text)
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
        hint = _hint(text, [str(choice) for choice in choices])
        self.problem(node, f"{path} '{text}' is not one of {words}{hint}")
        return None

    # -- companies and teams --

    def add_company(self, name: str, node: Node, path: str) -> _CompanyDraft | None:
        """A listed company; None when its id is taken."""
        company = company_id(name)
        if not company:
            self.problem(node, _no_id(f"{path}.name", name))
            return None
        if company in self.companies:
            first_path, first = self.company_places[company]
            self.problem(
                node,
                f"{path}: company id '{company}' is already used by {first_path} "
                f"at line {first.line}",
            )
            return None
        draft = _CompanyDraft(id=company, name=name)
        self.companies[company] = draft
        self.company_places[company] = (path, node)
        self.matcher.add(name, company)
        return draft

    def company_ref(self, name: str, node: Node) -> _CompanyDraft | None:
        """The company a free-text name means, added as a new company when none matches."""
        found = self.matcher.match(name)
        if found is not None:
            return self.companies[found]
        company = company_id(name)
        if not company:
            self.problem(node, _no_id("company name", name))
            return None
        if company not in self.companies:
            self.companies[company] = _CompanyDraft(id=company, name=name)
            self.company_places[company] = ("a company named here", node)
        self.matcher.add(name, company)
        return self.companies[company]

    def team_ref(self, company: _CompanyDraft, name: str, node: Node, path: str) -> str | None:
        """The team of ``company`` a name means, added as a new team when none matches."""
        team = slugify(name)
        if any(existing.id == team for existing in company.teams):
            return team  # team ids are slugs of their names: the common, exact case
        index = match_name(name, [existing.name for existing in company.teams])
        if index is not None:
            return company.teams[index].id
        if not team:
            self.problem(node, _no_id(path, name))
            return None
        company.teams.append(_TeamDraft(id=team, name=name))
        return team

    def build_companies(self, node: Node | None) -> None:
        listed: list[tuple[_CompanyDraft, list[tuple[_TeamDraft, Node | None, str]]]] = []
        for item, path in self.items(node, "companies"):
            found = self.fields(item, COMPANY_SPEC, path)
            if found is None:
                continue
            name = self.text(found.get("name"), f"{path}.name")
            if name is None:
                continue
            draft = self.add_company(name, found["name"], path)
            if draft is None:
                continue
            draft.industry = self.text(found.get("industry"), f"{path}.industry")
            aliases = self.texts(found.get("aliases"), f"{path}.aliases")
            draft.aliases = tuple(dict.fromkeys(alias for alias, _, _ in aliases))
            for alias, alias_node, alias_path in aliases:
                other = self.matcher.match(alias)
                if other is not None and other != draft.id:
                    self.problem(
                        alias_node, f"{alias_path} '{alias}' already names company '{other}'"
                    )
                else:
                    self.matcher.add(alias, draft.id)
            nears: list[tuple[_TeamDraft, Node | None, str]] = []
            for team_node, team_path in self.items(found.get("teams"), f"{path}.teams"):
                team_fields = self.fields(team_node, TEAM, team_path)
                if team_fields is None:
                    continue
                team_name = self.text(team_fields.get("name"), f"{team_path}.name")
                if team_name is None:
                    continue
                team = slugify(team_name)
                if not team:
                    self.problem(team_fields["name"], _no_id(f"{team_path}.name", team_name))
                    continue
                if any(existing.id == team for existing in draft.teams):
                    self.problem(team_fields["name"], f"{team_path}: team '{team}' is listed twice")
                    continue
                draft.teams.append(_TeamDraft(id=team, name=team_name))
                nears.append((draft.teams[-1], team_fields.get("near"), f"{team_path}.near"))
            listed.append((draft, nears))
        for draft, nears in listed:
            for team_draft, near_node, near_path in nears:
                for near_name, near_item, item_path in self.texts(near_node, near_path):
                    near = self.team_ref(draft, near_name, near_item, item_path)
                    if near == team_draft.id:
                        self.problem(near_item, f"{item_path}: a team cannot be near itself")
                    elif near is not None and near not in team_draft.near:
                        team_draft.near.append(near)

    # -- you --

    def build_me(self, node: Node | None) -> Me | None:
        if node is None:
            return None
        found = self.fields(node, ME_SPEC, "me")
        if found is None:
            return None
        name = self.text(found.get("name"), "me.name")
        company = None
        company_text = self.text(found.get("company"), "me.company")
        if company_text is not None:
            draft = self.company_ref(company_text, found["company"])
            company = draft.id if draft else None
        seeking = Seeking()
        if "seeking" in found:
            wants = self.fields(found["seeking"], SEEKING, "me.seeking")
            if wants is not None:
                companies = []
                for text, item, _ in self.texts(wants.get("companies"), "me.seeking.companies"):
                    draft = self.company_ref(text, item)
                    if draft is not None and draft.id not in companies:
                        companies.append(draft.id)
                seeking = Seeking(
                    roles=self._unique_texts(wants.get("roles"), "me.seeking.roles"),
                    industries=self._unique_texts(wants.get("industries"), "me.seeking.industries"),
                    companies=tuple(companies),
                )
        available: Availability | PartialDate | None = "now"
        if "available" in found:
            available = self._available(found["available"])
        if name is None or available is None:
            return None
        return Me(
            name=name,
            role=self.text(found.get("role"), "me.role"),
            company=company,
            industry=self.text(found.get("industry"), "me.industry"),
            seeking=seeking,
            available=available,
        )

    def _unique_texts(self, node: Node | None, path: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(text for text, _, _ in self.texts(node, path)))

    def _available(self, node: Node) -> Availability | PartialDate | None:
        text = self.text(node, "me.available")
        if text is None:
            return None
        for word in AVAILABILITY_WORDS:
            if text.casefold() == word:
                return word
        try:
            return PartialDate.parse(text)
        except ValueError:
            self.problem(node, f"me.available '{text}' must be now, later or a date (YYYY-MM-DD)")
            return None

    # -- people --

    def contact_identity(self, found: dict[str, Node], name: str, path: str) -> str | None:
        """The id of a contact, registered for references; None (reported) when unusable."""
        explicit = self.text(found.get("id"), f"{path}.id")
        place = found.get("id", found["name"])
        if explicit is not None and not is_valid_id(explicit):
            self.problem(
                place, f"{path}.id '{explicit}' may hold only letters, digits, '.', '-' and '_'"
            )
            return None
        contact = explicit if explicit is not None else slugify(name)
        if not contact:
            self.problem(
                place, f"{path}.name '{name}' has no letters or digits; give the contact an id"
            )
            return None
        if contact == ME:
            self.problem(place, f"{path}: the id '{ME}' means you; give this contact another id")
            return None
        if contact in self.contact_ids:
            first_path, first = self.contact_ids[contact]
            self.problem(
                place,
                f"{path}: id '{contact}' is already used by {first_path} at line {first.line}; "
                "give one of them an id",
            )
            return None
        self.contact_ids[contact] = (path, place)
        self.names.setdefault(name.casefold(), []).append(contact)
        self.contact_names[contact] = name
        return contact

    def contact_fields(self, node: Node, path: str) -> _ContactDraft | None:
        """A contact's typed fields, its references to people still unresolved."""
        found = self.fields(node, CONTACT, path)
        if found is None or not isinstance(node, MappingNode):
            return None
        name = self.text(found.get("name"), f"{path}.name")
        contact = None if name is None else self.contact_identity(found, name, path)
        knows: list[tuple[str, int, ScalarNode | MappingNode, str]] = []
        for item, item_path in self.items(found.get("knows"), f"{path}.knows"):
            if isinstance(item, MappingNode):
                link = self.fields(item, KNOWS, item_path)
                if link is None:
                    continue
                ref = self.text(link.get("name"), f"{item_path}.name")
                strength = DEFAULT_STRENGTH
                if "strength" in link:
                    checked = self.number(
                        link["strength"], f"{item_path}.strength", STRENGTH_MIN, STRENGTH_MAX
                    )
                    if checked is None:
                        continue
                    strength = checked
                if ref is not None:
                    knows.append((ref, strength, item, item_path))
            else:
                ref = self.text(item, item_path)
                if ref is not None and isinstance(item, ScalarNode):
                    knows.append((ref, DEFAULT_STRENGTH, item, item_path))
        values: dict[str, Any] = {"id": contact, "name": name}
        for key in ("title", "industry", "email", "linkedin", "notes"):
            values[key] = self.text(found[key], f"{path}.{key}") if key in found else None
        for key in ("trust", "knows_my_work"):
            if key in found:
                values[key] = self.number(found[key], f"{path}.{key}", SCALE_MIN, SCALE_MAX)
        for key in ("met", "last_contact"):
            values[key] = self.date(found[key], f"{path}.{key}") if key in found else None
        told: set[Told] = set()
        for item, item_path in self.items(found.get("told"), f"{path}.told"):
            choice = self.choice(item, item_path, TOLD_ITEMS)
            if choice is not None:
                told.add(choice)
        values["told"] = tuple(item for item in TOLD_ITEMS if item in told)
        values["location"] = Location(file=self.file, line=node.line, col=node.col)
        company_draft = None
        company_text = self.text(found.get("company"), f"{path}.company")
        if company_text is not None:
            company_draft = self.company_ref(company_text, found["company"])
            values["company"] = company_draft.id if company_draft else None
        team_text = self.text(found.get("team"), f"{path}.team")
        if team_text is not None:
            if company_draft is not None:
                values["team"] = self.team_ref(
                    company_draft, team_text, found["team"], f"{path}.team"
                )
            elif company_text is None:
                self.problem(found["team"], f"{path}.team needs a company")
        past = []
        for text, item, _ in self.texts(found.get("past_companies"), f"{path}.past_companies"):
            draft = self.company_ref(text, item)
            if draft is not None and draft.id not in past:
                past.append(draft.id)
        values["past_companies"] = tuple(past)
        if contact is None:
            return None
        return _ContactDraft(node=node, path=path, fields=values, knows=knows)

    def person_ref(self, ref: str, node: Node, path: str) -> str | None:
        """The id of the contact a name or id means; unknown and ambiguous ones are reported."""
        if ref in self.contact_ids:
            return ref
        ids = self.names.get(ref.casefold(), [])
        if len(ids) == 1:
            return ids[0]
        if ids:
            listed = " or ".join(f"'{contact}'" for contact in ids)
            self.problem(node, f"{path}: '{ref}' could be {listed}; write the id")
            return None
        hint = _hint(ref, [self.contact_names[contact] for contact in self.contact_ids])
        hint = hint or "; add them to contacts (trust: 0 if you know them only through others)"
        self.problem(node, f"{path}: no contact is called '{ref}'{hint}")
        return None

    def resolve_knows(self, draft: _ContactDraft) -> tuple[Link, ...]:
        links: dict[str, Link] = {}
        places: dict[str, Node] = {}
        contact = draft.fields["id"]
        for ref, strength, node, path in draft.knows:
            other = self.person_ref(ref, node, path)
            if other is None:
                continue
            if other == contact:
                self.problem(node, f"{path}: '{contact}' cannot know themself")
            elif other in links:
                self.problem(
                    node, f"{path}: '{other}' is already listed at line {places[other].line}"
                )
            else:
                links[other] = Link(contact=other, strength=strength)
                places[other] = node
        return tuple(links.values())

    def build_opening(self, node: Node, path: str) -> Opening | None:
        found = self.fields(node, OPENING, path)
        if found is None:
            return None
        company_text = self.text(found.get("company"), f"{path}.company")
        company = self.company_ref(company_text, found["company"]) if company_text else None
        team_text = self.text(found.get("team"), f"{path}.team")
        team = None
        if company is not None and team_text is not None:
            team = self.team_ref(company, team_text, found["team"], f"{path}.team")
        manager = None
        manager_text = self.text(found.get("hiring_manager"), f"{path}.hiring_manager")
        if manager_text is not None:
            manager = self.person_ref(
                manager_text, found["hiring_manager"], f"{path}.hiring_manager"
            )
            if manager is None:
                return None
        if company is None:
            return None
        return Opening(
            company=company.id,
            team=team,
            role=self.text(found.get("role"), f"{path}.role"),
            hiring_manager=manager,
        )

    def build(self, root: Node | None) -> Network:
        if root is None or _is_null(root):
            raise InvalidNetwork(
                [
                    Problem(
                        file=self.file,
                        line=1,
                        col=1,
                        message="the file is empty; a network needs at least 'me: {name: ...}'",
                    )
                ]
            )
        top = self.fields(root, NETWORK, "")
        if top is None:
            raise InvalidNetwork(self.problems)
        self.build_companies(top.get("companies"))
        me = self.build_me(top.get("me"))
        drafts = []
        for item, path in self.items(top.get("contacts"), "contacts"):
            draft = self.contact_fields(item, path)
            if draft is not None:
                drafts.append(draft)
        openings = []
        for item, path in self.items(top.get("openings"), "openings"):
            opening = self.build_opening(item, path)
            if opening is not None:
                openings.append(opening)
        contacts = []
        for draft in drafts:
            knows = self.resolve_knows(draft)
            values = {key: value for key, value in draft.fields.items() if value is not None}
            contacts.append(Contact(knows=knows, **values))
        if self.problems or me is None:
            raise InvalidNetwork(sorted(self.problems))
        return Network(
            me=me,
            companies=tuple(draft.freeze() for draft in self.companies.values()),
            openings=tuple(openings),
            contacts=tuple(contacts),
            source=self.file,
        )


# -- the public API -------------------------------------------------------------------------


def parse_network(
    data: bytes | str, *, file: str = "<string>", max_bytes: int = DEFAULT_MAX_BYTES
) -> Network:
    """Read a network from the bytes (or text) of a file.

    Raises :class:`~warmreach.errors.InvalidNetwork` listing every problem found.
    """
    raw = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise InvalidNetwork([_too_large(file, len(raw), max_bytes)])
    text = decode_text(raw, file)
    with paused_gc():
        return _ModelBuilder(file).build(_parse(text, file))


def load_network(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Network:
    """Read and validate the network file at ``path``.

    Raises :class:`~warmreach.errors.InvalidNetwork` listing every problem in the
    file, or :class:`~warmreach.errors.WarmreachError` when it cannot be read.
    """
    file = os.fspath(path)
    return parse_network(
        read_network_file(file, max_bytes=max_bytes), file=file, max_bytes=max_bytes
    )


def read_network_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a network file, refused before reading when over ``max_bytes``.

    Raises :class:`~warmreach.errors.InvalidNetwork` for a file too large, and
    :class:`~warmreach.errors.WarmreachError` when it cannot be read.
    """
    file = os.fspath(path)
    try:
        with Path(file).open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise InvalidNetwork([_too_large(file, size, max_bytes)])
            return stream.read(max_bytes + 1)
    except OSError as error:
        raise WarmreachError(f"{file}: cannot read the file: {error.strerror or error}") from error


def _too_large(file: str, size: int, limit: int) -> Problem:
    message = (
        f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit; "
        "raise it with --max-size if the file is right"
    )
    return Problem(file=file, line=1, col=1, message=message)


def dump_network(network: Network) -> str:
    """Write a network as YAML that :func:`parse_network` reads back to an equal network.

    >>> network = parse_network("me: {name: Ana}\\ncontacts: [{name: 'NO', trust: 3}]")
    >>> print(dump_network(network), end="")
    me:
      name: Ana
    contacts:
    - name: 'NO'
      trust: 3
    >>> parse_network(dump_network(network)) == network
    True
    """
    companies = network.companies_by_id

    def company_name(company: str) -> str:
        return companies[company].name

    def team_name(company: str, team: str) -> str:
        return companies[company].teams_by_id[team].name

    me = network.me
    seeking = _compact(
        roles=list(me.seeking.roles),
        industries=list(me.seeking.industries),
        companies=[company_name(company) for company in me.seeking.companies],
    )
    tree: dict[str, Any] = {
        "me": _compact(
            name=me.name,
            role=me.role,
            company=company_name(me.company) if me.company else None,
            industry=me.industry,
            seeking=seeking or None,
            available=None if me.available == "now" else str(me.available),
        )
    }
    if network.companies:
        tree["companies"] = [
            _compact(
                name=company.name,
                industry=company.industry,
                aliases=list(company.aliases),
                teams=[
                    _compact(
                        name=team.name, near=[team_name(company.id, near) for near in team.near]
                    )
                    for team in company.teams
                ],
            )
            for company in network.companies
        ]
    if network.openings:
        tree["openings"] = [
            _compact(
                company=company_name(opening.company),
                team=team_name(opening.company, opening.team) if opening.team else None,
                role=opening.role,
                hiring_manager=opening.hiring_manager,
            )
            for opening in network.openings
        ]
    if network.contacts:
        tree["contacts"] = [
            _dump_contact(contact, company_name, team_name) for contact in network.contacts
        ]
    dumped: str = yaml.dump(
        tree,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return dumped


def _dump_contact(
    contact: Contact,
    company_name: Callable[[str], str],
    team_name: Callable[[str, str], str],
) -> dict[str, Any]:
    defaults = Contact(id=contact.id, name=contact.name)
    return _compact(
        name=contact.name,
        id=contact.id if contact.id != slugify(contact.name) else None,
        company=company_name(contact.company) if contact.company else None,
        team=team_name(contact.company, contact.team) if contact.company and contact.team else None,
        title=contact.title,
        industry=contact.industry,
        past_companies=[company_name(company) for company in contact.past_companies],
        trust=contact.trust if contact.trust != defaults.trust else None,
        knows_my_work=contact.knows_my_work
        if contact.knows_my_work != defaults.knows_my_work
        else None,
        met=str(contact.met) if contact.met else None,
        last_contact=str(contact.last_contact) if contact.last_contact else None,
        told=list(contact.told),
        knows=[
            link.contact
            if link.strength == DEFAULT_STRENGTH
            else {"name": link.contact, "strength": link.strength}
            for link in contact.knows
        ],
        email=contact.email,
        linkedin=contact.linkedin,
        notes=contact.notes,
    )


def _compact(**values: Any) -> dict[str, Any]:
    """The values that say something: no None, no empty list or mapping."""
    return {key: value for key, value in values.items() if value not in (None, [], {})}
