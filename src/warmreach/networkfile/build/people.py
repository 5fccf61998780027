"""The people of a file: their ids, and the references to them by name or id.

Every contact is registered under its id (the ``id`` field, else the slug of its name)
before any reference is resolved, so ``knows`` and ``hiring_manager`` may name people
listed later in the file. An unknown name is reported with the nearest names; a name two
contacts share is reported with their ids.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from warmreach.matching.names import Hints
from warmreach.model import ME, Link
from warmreach.networkfile.build.typed import Placed, Reader
from warmreach.networkfile.tree import MappingNode, Node, ScalarNode
from warmreach.schema import KNOWS
from warmreach.text import is_valid_id, slugify

#: unknown names of people that get "did you mean" hints, at most (each costs a pass over
#: every name; the rest are reported without one)
MAX_HINTS: Final = 50


class KnowsRef(NamedTuple):
    """One ``knows`` item as written, its person not yet resolved (a tuple: files hold
    hundreds of thousands)."""

    ref: str
    #: as written; None when the file gives none
    strength: int | None
    #: where it is written (its node is let go with the rest of the tree): a problem found
    #: when it is resolved is reported here
    line: int
    col: int
    path: str


class People:
    """The contacts of the file by id and by name, as they are being read."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.places: dict[str, tuple[str, Node]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.names: dict[str, str] = {}
        self._hints: Hints | None = None
        self._links: dict[tuple[str, int | None], Link] = {}

    def register(self, found: dict[str, Node], name: str, path: str) -> str | None:
        """The id of a contact, registered for references; None (reported) when unusable."""
        reader = self.reader
        explicit = reader.text(found.get("id"), f"{path}.id")
        place = found.get("id", found["name"])
        if explicit is not None and not is_valid_id(explicit):
            reader.problem(
                place, f"{path}.id '{explicit}' may hold only letters, digits, '.', '-' and '_'"
            )
            return None
        contact = explicit if explicit is not None else slugify(name)
        if not contact:
            reader.problem(
                place, f"{path}.name '{name}' has no letters or digits; give the contact an id"
            )
            return None
        if contact == ME:
            reader.problem(place, f"{path}: the id '{ME}' means you; give this contact another id")
            return None
        if contact in self.places:
            first_path, first = self.places[contact]
            reader.problem(
                place,
                f"{path}: id '{contact}' is already used by {first_path} at line {first.line}; "
                "give one of them an id",
            )
            return None
        self.places[contact] = (path, place)
        self.by_name.setdefault(name.casefold(), []).append(contact)
        self.names[contact] = name
        return contact

    def ref(self, ref: str, node: Placed, path: str) -> str | None:
        """The id of the contact a name or id means; unknown and ambiguous ones are reported."""
        if ref in self.places:
            return ref
        ids = self.by_name.get(ref.casefold(), [])
        if len(ids) == 1:
            return ids[0]
        if ids:
            listed = " or ".join(f"'{contact}'" for contact in ids)
            self.reader.problem(node, f"{path}: '{ref}' could be {listed}; write the id")
            return None
        if self._hints is None:  # every contact is registered before references resolve
            self._hints = Hints(self.names.values(), most=MAX_HINTS)
        near = self._hints(ref)
        near = near or "; add them to contacts (trust: 0 if you know them only through others)"
        self.reader.problem(node, f"{path}: no contact is called '{ref}'{near}")
        return None

    def read_knows(self, node: Node | None, path: str) -> list[KnowsRef]:
        """A ``knows`` list as written: names or ids, each with its strength."""
        reader = self.reader
        knows: list[KnowsRef] = []
        for item, item_path in reader.items(node, path):
            if isinstance(item, MappingNode):
                link = reader.fields(item, KNOWS, item_path)
                if link is None:
                    continue
                ref = reader.text(link.get("name"), f"{item_path}.name")
                strength = None
                if "strength" in link:
                    strength = reader.number(link["strength"], f"{item_path}.strength", "strength")
                    if strength is None:  # reported; the link is left out
                        continue
                if ref is not None:
                    knows.append(KnowsRef(ref, strength, item.line, item.col, item_path))
            else:
                ref = reader.text(item, item_path)
                if ref is not None and isinstance(item, ScalarNode):
                    knows.append(KnowsRef(ref, None, item.line, item.col, item_path))
        return knows

    def _link(self, contact: str, strength: int | None) -> Link:
        """One object for each link of the same person and strength (links are values:
        many people know one person as well; the cache entry holds each once)."""
        key = (contact, strength)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = Link(contact=contact, strength=strength)
        return found

    def resolve_knows(self, contact: str, knows: list[KnowsRef]) -> tuple[Link, ...]:
        """The links of ``contact``, each person resolved once; bad ones reported."""
        links: dict[str, Link] = {}
        places: dict[str, KnowsRef] = {}
        for item in knows:
            other = self.ref(item.ref, item, item.path)
            if other is None:
                continue
            if other == contact:
                self.reader.problem(item, f"{item.path}: '{contact}' cannot know themself")
            elif other in links:
                self.reader.problem(
                    item,
                    f"{item.path}: '{other}' is already listed at line {places[other].line}",
                )
            else:
                links[other] = self._link(other, item.strength)
                places[other] = item
        return tuple(links.values())
