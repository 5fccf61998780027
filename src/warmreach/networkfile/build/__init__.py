"""Stage 3 of reading a network file: the raw tree, checked against the schema, as a model.

Each record (you, an opening, a contact) is read field by field in the schema's order,
each value by its field's kind (:func:`Builder.record`); companies and teams are
resolved by :class:`~warmreach.networkfile.build.companies.Companies`, people by
:class:`~warmreach.networkfile.build.people.People`. Every problem is collected, and
:func:`build_network` raises one :class:`~warmreach.errors.InvalidNetwork` with all of
them, sorted by place.

>>> from warmreach.networkfile.tree import parse_tree
>>> root = parse_tree("me: {name: Ana}\\ncontacts: [{name: Bob Chen, trust: 4}]", "n.yaml")
>>> build_network(root, "n.yaml").contacts[0].trust
4
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final, assert_never

from warmreach.errors import InvalidNetwork, Problem
from warmreach.model import (
    OUTCOMES_OF,
    Ask,
    Contact,
    Evidence,
    Location,
    Me,
    Network,
    Opening,
    Seeking,
)
from warmreach.networkfile.blocks import read_tree
from warmreach.networkfile.build.companies import Companies, CompanyDraft
from warmreach.networkfile.build.people import KnowsRef, People
from warmreach.networkfile.build.typed import Reader, is_null
from warmreach.networkfile.tree import STREAMED, MappingNode, Node
from warmreach.progress import SILENT, Progress
from warmreach.schema import ASK, CONTACT, EVIDENCE, ME_SPEC, NETWORK, OPENING, FieldSpec
from warmreach.text import join_words

__all__ = ["StreamingBuilder", "build_from_text", "build_network"]


#: a contact's fields read apart from the others (:meth:`Builder.contact`)
_READ_APART: Final = frozenset({"name", "id", "asks", "evidence"})


@dataclass
class _ContactDraft:
    """A contact's typed fields, its ``knows`` still unresolved."""

    values: dict[str, Any]
    knows: list[KnowsRef]
    #: the ``asks`` list as written, read once every contact is known (it names people)
    asks: Node | None = None
    path: str = ""


class Builder:
    """Types a parsed tree against the schema and resolves every reference."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.reader = Reader(file)
        self.companies = Companies(self.reader)
        self.people = People(self.reader)
        self._me: Me | None = None
        #: the contacts read so far, once reading them has begun
        self._drafts: list[_ContactDraft] | None = None

    def _begin(self, companies: Node | None, me: Node | None) -> None:
        """Read the listed companies and you, the first of a file's records."""
        self.companies.read_listed(None if companies is None or is_null(companies) else companies)
        self._me = self.me(None if me is None or is_null(me) else me)
        self._drafts = []

    def record(
        self,
        found: dict[str, Node],
        spec: FieldSpec,
        path: str,
        *,
        skip: frozenset[str] = frozenset(),
    ) -> dict[str, Any]:
        """The values of a record's fields, typed by their kind, in the schema's order.

        A field left out is absent; a field whose value is wrong is reported and None.
        A ``team`` belongs to the record's ``company``; ``knows`` items keep their
        people unresolved (:class:`KnowsRef`) until every contact is known.
        """
        reader = self.reader
        values: dict[str, Any] = {}
        company: CompanyDraft | None = None
        company_text: str | None = None
        for field in spec.fields:
            node = found.get(field.name)
            if node is None or field.name in skip:
                continue
            where = f"{path}.{field.name}"
            value: Any
            match field.kind:
                case "text":
                    value = reader.text(node, where)
                case "texts":
                    value = reader.unique_texts(node, where)
                case "scale" | "strength" | "count":
                    value = reader.number(node, where, field.kind)
                case "date":
                    value = reader.date(node, where)
                case "available":
                    value = reader.available(node, where)
                case "choice":
                    value = reader.choice(node, where, field.choices)
                case "told":
                    value, values["told_on"] = reader.told(node, where)
                case "past":
                    value = self.companies.past(node, where)
                case "company":
                    company_text = reader.text(node, where)
                    company = (
                        None
                        if company_text is None
                        else self.companies.ref(company_text, node, where)
                    )
                    value = None if company is None else company.id
                case "companies":
                    value = self.companies.refs(node, where)
                case "team":
                    text = reader.text(node, where)
                    value = None
                    if text is not None and company is not None:
                        value = self.companies.team_ref(company, text, node, where)
                    elif (  # a required company missing is reported as such
                        text is not None
                        and company_text is None
                        and "company" not in spec.required_names
                    ):
                        reader.problem(node, f"{where} needs a company")
                case "person":
                    text = reader.text(node, where)
                    value = None if text is None else self.people.ref(text, node, where)
                case "knows":
                    value = self.people.read_knows(node, where)
                case "object":
                    inner = reader.fields(node, field, where)
                    value = None if inner is None else self.record(inner, field, where)
                case "id" | "teams" | "objects":
                    raise ValueError(f"{where}: a {field.kind} field is read by its owner")
                case _:
                    assert_never(field.kind)
            values[field.name] = value
        return values

    def me(self, node: Node | None) -> Me | None:
        if node is None:
            return None
        found = self.reader.fields(node, ME_SPEC, "me")
        if found is None:
            return None
        values = self.record(found, ME_SPEC, "me")
        seeking = values.pop("seeking", None)
        if seeking is not None:
            values["seeking"] = Seeking(**_given(seeking))
        if values.get("name") is None or ("available" in values and values["available"] is None):
            return None
        return Me(**_given(values))

    def contact(self, node: Node, path: str) -> _ContactDraft | None:
        """A contact's typed fields, registered under its id."""
        found = self.reader.fields(node, CONTACT, path)
        if found is None or not isinstance(node, MappingNode):
            return None
        name = self.reader.text(found.get("name"), f"{path}.name")
        contact = None if name is None else self.people.register(found, name, path)
        values = self.record(found, CONTACT, path, skip=_READ_APART)
        if contact is None:
            return None
        knows = values.pop("knows", [])
        evidence = tuple(
            Evidence(**_given(record))
            for _, _, record, _ in self.objects(found.get("evidence"), EVIDENCE, f"{path}.evidence")
            if record.get("source") is not None
        )
        if (
            "trust" not in found
            and "met" not in found
            and evidence
            and not Evidence.total(evidence).shows_a_tie
        ):
            # seen only beside others, or only writing to you, and not met (a LinkedIn
            # connection has met: the day you connected): known of
            values["trust"] = 0
        values.update(
            id=contact,
            name=name,
            location=Location(file=self.file, line=node.line, col=node.col),
            evidence=evidence,
            trust_written="trust" in found,
            work_written="knows_my_work" in found,
        )
        return _ContactDraft(values=values, knows=knows, asks=found.get("asks"), path=path)

    def objects(
        self, node: Node | None, spec: FieldSpec, path: str
    ) -> Iterator[tuple[Node, dict[str, Node], dict[str, Any], str]]:
        """The mappings of a list of records, each read by its fields: the mapping, its
        fields' nodes, its values and its path."""
        for item, item_path in self.reader.items(node, path):
            fields = self.reader.fields(item, spec, item_path)
            if fields is not None:
                yield item, fields, self.record(fields, spec, item_path), item_path

    def asks(self, draft: _ContactDraft) -> tuple[Ask, ...]:
        """A contact's asks, each checked: an intro names whom to, an outcome fits the ask,
        an answer comes after the question."""
        found: list[Ask] = []
        reader = self.reader
        for item, fields, values, path in self.objects(draft.asks, ASK, f"{draft.path}.asks"):
            asked, to, outcome = values.get("asked"), values.get("to"), values.get("outcome")
            problems = len(reader.problems)
            if asked == "intro" and "to" not in fields:
                reader.problem(
                    item, f"{path}: an intro needs 'to', the person they were to introduce you to"
                )
            if asked == "referral" and "to" in fields:
                reader.problem(
                    fields["to"], f"{path}.to: only an intro has a 'to'; a referral is for the team"
                )
            if asked == "intro" and to is not None and to == draft.values["id"]:
                reader.problem(fields["to"], f"{path}.to: '{to}' cannot introduce you to themself")
            if asked is not None and outcome is not None and outcome not in OUTCOMES_OF[asked]:
                fits = join_words(OUTCOMES_OF[asked], "or")
                reader.problem(
                    fields["outcome"],
                    f"{path}.outcome '{outcome}' is not what a {asked} ask ends in ({fits})",
                )
            answered, day = values.get("answered"), values.get("date")
            if "answered" in fields and "outcome" not in fields:
                reader.problem(fields["answered"], f"{path}.answered needs the outcome too")
            if answered is not None and day is not None and answered.last_day() < day.first_day():
                reader.problem(
                    fields["answered"], f"{path}.answered {answered} is before the ask ({day})"
                )
            if len(reader.problems) == problems and None not in (asked, values.get("company")):
                found.append(Ask(**_given(values)))
        return tuple(found)

    def opening(self, node: Node, path: str) -> Opening | None:
        found = self.reader.fields(node, OPENING, path)
        if found is None:
            return None
        values = self.record(found, OPENING, path)
        if values.get("company") is None:
            return None
        if "hiring_manager" in values and values["hiring_manager"] is None:
            return None
        return Opening(**_given(values))

    def build(self, root: Node | None) -> Network:
        if root is None or is_null(root):
            message = "the file is empty; a network needs at least 'me: {name: ...}'"
            raise InvalidNetwork([Problem(file=self.file, line=1, col=1, message=message)])
        reader = self.reader
        top = reader.fields(root, NETWORK, "")
        if top is None:
            raise InvalidNetwork(reader.problems)
        if self._drafts is None:  # not streamed
            self._begin(top.get("companies"), top.get("me"))
            assert self._drafts is not None
            self._drafts.extend(
                draft
                for item, path in reader.items(top.get("contacts"), "contacts", let_go=True)
                if (draft := self.contact(item, path)) is not None
            )
        me, drafts = self._me, self._drafts
        openings = [
            opening
            for item, path in reader.items(top.get("openings"), "openings")
            if (opening := self.opening(item, path)) is not None
        ]
        contacts = [
            Contact(
                knows=self.people.resolve_knows(draft.values["id"], draft.knows),
                asks=self.asks(draft),
                **_given(draft.values),
            )
            for draft in drafts
        ]
        if reader.problems or me is None:
            raise InvalidNetwork(sorted(reader.problems))
        return Network(
            me=me,
            companies=self.companies.freeze(),
            openings=tuple(openings),
            contacts=tuple(contacts),
            source=self.file,
            company_links=tuple(self.companies.links),
        )


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """The values that were given and could be read (the model's defaults stand for the rest)."""
    return {key: value for key, value in values.items() if value is not None}


def build_network(root: Node | None, file: str) -> Network:
    """The network a parsed tree describes; raises InvalidNetwork with every problem."""
    return Builder(file).build(root)


class StreamingBuilder(Builder):
    """A builder that reads each contact as it is parsed (the tree's
    :class:`~warmreach.networkfile.tree.ItemStream`), so the tree never holds them all:
    at 100,000 contacts it would be most of the memory a load takes."""

    def __init__(self, file: str, progress: Progress = SILENT) -> None:
        super().__init__(file)
        #: whether the contacts were read as they were parsed (:meth:`start`)
        self.streamed = False
        #: told of each contact read
        self.progress = progress
        #: the contacts told of so far (read again after :meth:`restart`, they are not)
        self._told = 0

    def start(self, root: MappingNode) -> bool:
        """Begin when ``me`` came before the contacts: read it and the companies now, as
        :meth:`build` would first, then each contact as it comes. (A file whose
        ``companies`` come after the contacts is read again whole: :func:`build_from_text`.)"""
        found = {key.value: value for key, value in root.items}
        if "me" not in found:
            return False
        self._begin(found.get("companies"), found["me"])
        self.streamed = True
        return True

    def item(self, node: Node, index: int) -> None:
        """One item of ``contacts``, read as :meth:`build` would read it."""
        assert self._drafts is not None, "start() comes first"
        if not is_null(node) and (draft := self.contact(node, f"contacts[{index}]")) is not None:
            self._drafts.append(draft)
        if index >= self._told:
            self._told = index + 1
            self.progress.advance()

    def restart(self) -> None:
        """Forget what was read: the contacts come again from the first."""
        Builder.__init__(self, self.file)
        self.streamed = False


def build_from_text(text: str, file: str, progress: Progress = SILENT) -> Network:
    """The network ``text`` describes, each contact read as it is parsed
    (:class:`StreamingBuilder`, which tells ``progress``); raises InvalidNetwork with
    every problem.

    The contacts are read before the rest of the file only when ``me`` comes before them
    (the order warmreach writes); a file whose ``companies`` come after them is read
    again whole, so the network is the one :func:`build_network` makes of the tree.
    """
    builder = StreamingBuilder(file, progress)
    root = read_tree(text, file, stream=builder)
    if builder.streamed and isinstance(root, MappingNode):
        keys = [key.value for key, _ in root.items]
        if "companies" in keys and keys.index("companies") > keys.index(STREAMED):
            return build_network(read_tree(text, file), file)
    return builder.build(root)
