"""The companies and teams of a file: the listed ones, and every one named elsewhere.

A company named anywhere (a contact's ``company``, ``past_companies``, an opening, you)
links to a listed company by name, alias or fuzzy match (:class:`CompanyMatcher`), or
becomes a company of its own; a team links within its company the same way, or is added
to it. Companies keep the order they were first seen in: listed ones first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warmreach.matching import CompanyMatcher, company_id, match_name
from warmreach.model import Company, CompanyLink, Location, PastCompany, Team
from warmreach.networkfile.build.typed import Reader, no_id
from warmreach.networkfile.tree import MappingNode, Node
from warmreach.schema import COMPANY, PAST_COMPANY, TEAM
from warmreach.text import slugify


@dataclass
class TeamDraft:
    id: str
    name: str
    near: list[str] = field(default_factory=list)


@dataclass
class CompanyDraft:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    industry: str | None = None
    teams: list[TeamDraft] = field(default_factory=list)
    listed: bool = False
    location: Location | None = None

    def freeze(self) -> Company:
        teams = tuple(
            Team(id=team.id, name=team.name, near=tuple(team.near)) for team in self.teams
        )
        return Company(
            id=self.id,
            name=self.name,
            aliases=self.aliases,
            industry=self.industry,
            teams=teams,
            listed=self.listed,
            location=self.location,
        )


class Companies:
    """Every company of the file, by id, as it is being read."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.drafts: dict[str, CompanyDraft] = {}
        self.places: dict[str, tuple[str, Node]] = {}
        self.matcher = CompanyMatcher()
        #: names taken for a company of another name, with how and where
        self.links: list[CompanyLink] = []

    def add(self, name: str, node: Node, path: str) -> CompanyDraft | None:
        """A listed company; None when its id is taken."""
        company = company_id(name)
        if not company:
            self.reader.problem(node, no_id(f"{path}.name", name))
            return None
        if company in self.drafts:
            first_path, first = self.places[company]
            self.reader.problem(
                node,
                f"{path}: company id '{company}' is already used by {first_path} "
                f"at line {first.line}",
            )
            return None
        other = self.matcher.named(name)
        if other is not None:  # the name would lead to the other company, as its alias does
            self.reader.problem(
                node, f"{path}.name '{name}' is already an alias of company '{other}'"
            )
            return None
        draft = CompanyDraft(id=company, name=name, listed=True, location=self._where(node))
        self.drafts[company] = draft
        self.places[company] = (path, node)
        self.matcher.add(name, company)
        return draft

    def _where(self, node: Node) -> Location:
        return Location(file=self.reader.file, line=node.line, col=node.col)

    def ref(self, name: str, node: Node, path: str | None = None) -> CompanyDraft | None:
        """The company a free-text name (written at ``path``) means, added as a new company
        when none matches."""
        found = self.matcher.match(name)
        if found is not None:
            how = self.matcher.link(name)
            if how is not None and how != "exact":
                self.links.append(
                    CompanyLink(
                        written=name,
                        company=found,
                        how=how,
                        location=self._where(node),
                        path=path,
                    )
                )
            return self.drafts[found]
        company = company_id(name)
        if not company:
            self.reader.problem(node, no_id("company name", name))
            return None
        if company not in self.drafts:
            self.drafts[company] = CompanyDraft(id=company, name=name, location=self._where(node))
            self.places[company] = ("a company named here", node)
        self.matcher.add(name, company)
        return self.drafts[company]

    def refs(self, node: Node | None, path: str) -> tuple[str, ...]:
        """The ids of the companies a list names, each once, in file order."""
        found: list[str] = []
        for text, item, item_path in self.reader.texts(node, path):
            draft = self.ref(text, item, item_path)
            if draft is not None and draft.id not in found:
                found.append(draft.id)
        return tuple(found)

    def past(self, node: Node | None, path: str) -> tuple[PastCompany, ...]:
        """A contact's past companies, each once in file order: names, or ``{name, until}``."""
        reader = self.reader
        found: dict[str, PastCompany] = {}
        for item, item_path in reader.items(node, path):
            until = None
            if isinstance(item, MappingNode):
                fields = reader.fields(item, PAST_COMPANY, item_path)
                if fields is None:
                    continue
                until = reader.date(fields.get("until"), f"{item_path}.until")
                name_node = fields.get("name")
                text = reader.text(name_node, f"{item_path}.name")
            else:
                name_node = item
                text = reader.text(item, item_path)
            draft = (
                None if text is None or name_node is None else self.ref(text, name_node, item_path)
            )
            if draft is not None and draft.id not in found:
                found[draft.id] = PastCompany(company=draft.id, until=until)
        return tuple(found.values())

    def team_ref(self, company: CompanyDraft, name: str, node: Node, path: str) -> str | None:
        """The team of ``company`` a name means, added as a new team when none matches."""
        team = slugify(name)
        if any(existing.id == team for existing in company.teams):
            return team  # team ids are slugs of their names: the common, exact case
        index = match_name(name, [existing.name for existing in company.teams])
        if index is not None:
            return company.teams[index].id
        if not team:
            self.reader.problem(node, no_id(path, name))
            return None
        company.teams.append(TeamDraft(id=team, name=name))
        return team

    def read_listed(self, node: Node | None) -> None:
        """The ``companies`` list: names, aliases, industries, teams, then ``near`` teams
        (once every listed team is known)."""
        reader = self.reader
        listed: list[tuple[CompanyDraft, list[tuple[TeamDraft, Node | None, str]]]] = []
        for found, name, path in reader.named_records(node, COMPANY, "companies"):
            draft = self.add(name, found["name"], path)
            if draft is None:
                continue
            draft.industry = reader.text(found.get("industry"), f"{path}.industry")
            aliases = reader.texts(found.get("aliases"), f"{path}.aliases")
            draft.aliases = tuple(dict.fromkeys(alias for alias, _, _ in aliases))
            for alias, alias_node, alias_path in aliases:
                other = self.matcher.match(alias)
                if other is not None and other != draft.id:
                    reader.problem(
                        alias_node, f"{alias_path} '{alias}' already names company '{other}'"
                    )
                else:
                    self.matcher.add(alias, draft.id)
            listed.append((draft, self._read_teams(draft, found.get("teams"), f"{path}.teams")))
        for draft, nears in listed:
            for team_draft, near_node, near_path in nears:
                for near_name, near_item, item_path in reader.texts(near_node, near_path):
                    near = self.team_ref(draft, near_name, near_item, item_path)
                    if near == team_draft.id:
                        reader.problem(near_item, f"{item_path}: a team cannot be near itself")
                    elif near is not None and near not in team_draft.near:
                        team_draft.near.append(near)

    def _read_teams(
        self, draft: CompanyDraft, node: Node | None, path: str
    ) -> list[tuple[TeamDraft, Node | None, str]]:
        """A listed company's teams, with their ``near`` lists still to resolve."""
        reader = self.reader
        nears: list[tuple[TeamDraft, Node | None, str]] = []
        for team_fields, team_name, team_path in reader.named_records(node, TEAM, path):
            team = slugify(team_name)
            if not team:
                reader.problem(team_fields["name"], no_id(f"{team_path}.name", team_name))
                continue
            if any(existing.id == team for existing in draft.teams):
                reader.problem(team_fields["name"], f"{team_path}: team '{team}' is listed twice")
                continue
            draft.teams.append(TeamDraft(id=team, name=team_name))
            nears.append((draft.teams[-1], team_fields.get("near"), f"{team_path}.near"))
        return nears

    def freeze(self) -> tuple[Company, ...]:
        return tuple(draft.freeze() for draft in self.drafts.values())
