"""LinkedIn's data archive ("Get a copy of your data"): the ``.zip`` or its folder.

What is read, and nothing else: ``Profile.csv`` and ``Positions.csv`` (you: name, current
role and company), ``Jobs/Job Seeker Preferences.csv`` (what you seek), ``Connections.csv``
(people, as ``import linkedin Connections.csv`` reads it), and for evidence, counts and
days only: ``messages.csv`` and ``Invitations.csv`` (who wrote to whom, when; never the
subject or the text), ``Endorsement_Received_Info.csv`` (who endorsed you),
``Recommendations_Received.csv`` and ``Recommendations_Given.csv`` (who recommended whom,
when). Files may be missing, renamed with a number (``messages (1).csv``), or start with a
byte-order mark and preamble lines. A zip is never extracted: its members are read in
memory, each within the size limit, and a member that expands suspiciously (a zip bomb)
or names a path outside the archive is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from warmreach.errors import WarmreachError
from warmreach.importers.csvfiles import csv_records, read_linkedin
from warmreach.importers.evidence import Tally
from warmreach.importers.identify import FileIndex
from warmreach.importers.records import (
    Export,
    Incoming,
    MeRecord,
    Skipped,
    clean,
    company_name,
)
from warmreach.matching import company_id
from warmreach.model import Contact, Me, Network
from warmreach.text import identity_keys, name_key, slugify

#: a member that expands more than this many times its compressed size is a zip bomb
MAX_RATIO: Final = 200
#: the archive's files warmreach reads, by the start of their names
FILES: Final = (
    "profile",
    "positions",
    "job seeker preferences",
    "connections",
    "messages",
    "invitations",
    "endorsement_received_info",
    "recommendations_received",
    "recommendations_given",
)
_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1
    )
}
_ISO: Final = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_US: Final = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})")
_MONTH_YEAR: Final = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")


def parse_day(text: str | None) -> dt.date | None:
    """A day in any of the archive's ways of writing one; None when unreadable.

    >>> [parse_day(t) for t in ("2026-10-02 21:05:19 UTC", "2023/06/05 15:47:58 UTC")]
    [datetime.date(2026, 10, 2), datetime.date(2023, 6, 5)]
    >>> [parse_day(t) for t in ("07/21/09, 12:11 PM", "Mar 2021", "later")]
    [datetime.date(2009, 7, 21), datetime.date(2021, 3, 1), None]
    """
    if not text:
        return None
    text = text.strip()
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _US.match(text):
            year = int(match[3])
            year += 2000 if year < 100 and year < 70 else (1900 if year < 100 else 0)
            return dt.date(year, int(match[1]), int(match[2]))
        if (match := _MONTH_YEAR.match(text)) and match[1].lower() in _MONTHS:
            return dt.date(int(match[2]), _MONTHS[match[1].lower()], 1)
    except ValueError:
        return None
    return None


class _Files:
    """The archive's files, from a zip or a folder, by the start of their names."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.refused: list[str] = []
        self._found: dict[str, str] = {}
        self._zip: zipfile.ZipFile | None = None
        if path.is_dir():
            names = [str(p.relative_to(path)) for p in sorted(path.rglob("*.csv")) if p.is_file()]
        else:
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as error:
                raise WarmreachError(
                    f"{path}: not a LinkedIn archive (a .zip or its folder): {error}"
                ) from None
            names = sorted(info.filename for info in self._zip.infolist() if not info.is_dir())
        # the plain name before a renamed copy (``messages.csv`` before ``messages (1).csv``)
        for name in sorted(names, key=lambda name: (len(name), name)):
            base = name.replace("\\", "/").rsplit("/", 1)[-1]
            stem = re.sub(r"[\s_-]*(\(\d+\)|\d+)?\.csv$", "", base.lower())
            for wanted in FILES:
                if stem.replace("_", " ") == wanted.replace("_", " ") and wanted not in self._found:
                    self._found[wanted] = name
        if not self._found:
            raise WarmreachError(
                f"{path}: none of the LinkedIn archive's files (Connections.csv, messages.csv, "
                "Profile.csv, …) is in it; give the archive as downloaded, or its folder"
            )

    def read(self, wanted: str) -> tuple[bytes, str] | None:
        """The bytes of one file and how to name it in messages, or None when missing."""
        name = self._found.get(wanted)
        if name is None:
            return None
        shown = f"{self.path}/{name}"
        if self._zip is None:
            file = self.path / name
            if not file.resolve().is_relative_to(self.path.resolve()):
                # unzip restores links: a hostile archive can point one anywhere
                self.refused.append(f"{name}: a link to a file outside the archive")
                return None
            if file.stat().st_size > self.max_bytes:
                raise WarmreachError(f"{shown}: over the {self.max_bytes / 1e6:g} MB limit")
            return file.read_bytes(), shown
        info = self._zip.getinfo(name)
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            self.refused.append(f"{name}: a path outside the archive")
            return None
        if info.file_size > self.max_bytes:
            raise WarmreachError(f"{shown}: over the {self.max_bytes / 1e6:g} MB limit")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1_000_000:
            raise WarmreachError(
                f"{shown}: expands {info.file_size // max(info.compress_size, 1)} times; "
                "refused as a zip bomb"
            )
        with self._zip.open(info) as stream:
            data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise WarmreachError(f"{shown}: over the {self.max_bytes / 1e6:g} MB limit")
        return data, shown

    def records(self, wanted: str, *columns: str) -> Iterator[tuple[int, dict[str, str]]]:
        found = self.read(wanted)
        if found is None:
            return
        data, shown = found

        def is_header(keys: set[str]) -> bool:
            return set(columns) <= keys

        yield from csv_records(data, shown, is_header, f"LinkedIn's {wanted}.csv")


def _key(url: str | None, name: str | None) -> str | None:
    """The key of someone the archive names by profile address, else by name."""
    keys = identity_keys(email=None, linkedin=url)
    if keys:
        return keys[0]
    return name_key(name) if name and slugify(name) else None


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in re.split(r"[,;|]", text or "") if part.strip()]


def read_archive(path: str | Path, *, max_bytes: int) -> Export:
    """The people, the evidence and you, from a LinkedIn archive (see the module)."""
    files = _Files(Path(path), max_bytes)
    me = _me(files)
    you = slugify(me.name or "")
    tally = Tally("linkedin")
    connections: list[Incoming] = []
    skipped: list[Skipped] = []
    found = files.read("connections")
    if found is not None:
        export = read_linkedin(*found)
        connections, skipped = list(export.people), list(export.skipped)
    groups: dict[str, list[str]] = {}  # who is in each group conversation, but you
    for line, row in files.records("messages", "from", "to"):
        day = parse_day(row.get("date"))
        sender = clean(row.get("from"))
        sender_url = clean(row.get("sender profile url"))
        recipients = _names(row.get("to"))
        urls = _names(row.get("recipient profile urls"))
        keys = [
            _key(urls[index] if index < len(urls) else None, recipient)
            for index, recipient in enumerate(recipients)
        ]
        others = [
            key
            for key, recipient in zip(keys, recipients, strict=True)
            if key is not None and slugify(recipient) != you
        ]
        if sender and slugify(sender) == you:
            for key, recipient in zip(keys, recipients, strict=True):
                if key is not None and slugify(recipient) != you:
                    tally.message(key, recipient, sent=True, day=day)
        else:
            from_key = _key(sender_url, sender)
            if from_key is None:
                continue
            tally.message(from_key, sender, sent=False, day=day)
            others.append(from_key)
        if len(set(others)) >= 2:  # a group conversation: counted once, however long
            groups.setdefault(clean(row.get("conversation id")) or str(line), []).extend(others)
    for members in groups.values():
        tally.together(members)
    for _, row in files.records("invitations", "direction"):
        if not clean(row.get("message")):
            continue  # an invitation without a note is not a message
        day = parse_day(row.get("sent at"))
        outgoing = (row.get("direction") or "").strip().upper() == "OUTGOING"
        side = "to" if outgoing else "from"
        invited = _key(
            row.get("inviteeprofileurl" if outgoing else "inviterprofileurl"), row.get(side)
        )
        if invited:
            tally.message(invited, clean(row.get(side)), sent=outgoing, day=day)
    for _, row in files.records("endorsement_received_info", "endorser first name"):
        if (row.get("endorsement status") or "ACCEPTED").strip().upper() not in ("ACCEPTED", ""):
            continue
        endorser_name = clean(
            f"{row.get('endorser first name', '')} {row.get('endorser last name', '')}"
        )
        endorser = _key(row.get("endorser public url"), endorser_name)
        if endorser:
            tally.person(endorser, endorser_name).endorsed_you += 1
    for wanted, mine in (("recommendations_received", False), ("recommendations_given", True)):
        for _, row in files.records(wanted, "first name", "last name"):
            named = clean(f"{row.get('first name', '')} {row.get('last name', '')}")
            recommender = _key(None, named)
            if recommender is None:
                continue
            person = tally.person(recommender, named)
            day = parse_day(row.get("creation date"))
            if mine:
                person.you_recommended = day or dt.date(1900, 1, 1)
            else:
                person.recommended_you = day or dt.date(1900, 1, 1)
            person.company = person.company or company_name(row.get("company"))
            person.title = person.title or clean(row.get("job title"))
    found_people = _join(connections, tally.people())
    skipped += [Skipped(0, reason) for reason in files.refused]
    return Export(
        file=str(path),
        source="linkedin",
        people=tuple(found_people),
        skipped=tuple(skipped),
        links=tuple(tally.links()),
        me=me,
    )


def _join(connections: Sequence[Incoming], seen: Sequence[Incoming]) -> list[Incoming]:
    """Connections with the evidence found for them, found as a merge finds a contact
    (:class:`~warmreach.importers.identify.FileIndex`: LinkedIn address, e-mail, name,
    then a name spelt otherwise that only one connection, or one at their company, has),
    then the people seen in the evidence who are not connections. A connection's evidence
    carries the day you connected."""
    index = FileIndex(
        Network(
            me=Me(name="you"),
            contacts=tuple(
                Contact(
                    id=f"c{number}",
                    name=connection.name,
                    company=company_id(connection.company) if connection.company else None,
                    email=connection.email,
                    linkedin=connection.linkedin,
                )
                for number, connection in enumerate(connections)
            ),
        )
    )
    people = list(connections)
    extra: list[Incoming] = []
    for person in seen:
        chosen = index.choose(person, index.exact(person) or index.fuzzy([person])[0])
        if not isinstance(chosen, str):
            extra.append(dataclasses.replace(person, linkedin=_profile(person.linkedin)))
            continue
        known = people[int(chosen.removeprefix("c"))]
        evidence = person.evidence
        if evidence is not None and known.met is not None:
            evidence = dataclasses.replace(evidence, connected=known.met)
        people[int(chosen.removeprefix("c"))] = dataclasses.replace(
            known,
            evidence=evidence,
            known_of=False,
            company=known.company or person.company,
            title=known.title or person.title,
        )
    return people + extra


def _profile(key: str | None) -> str | None:
    """A profile address from its key (``linkedin.com/in/x``), as the file should write it."""
    return f"https://www.{key}" if key else None


def _me(files: _Files) -> MeRecord:
    name = role = company = None
    for _, row in files.records("profile", "first name", "last name"):
        name = clean(f"{row.get('first name', '')} {row.get('last name', '')}")
        role = clean(row.get("headline"))
        break
    current: tuple[dt.date, str | None, str | None] | None = None
    for _, row in files.records("positions", "company name", "title"):
        if clean(row.get("finished on")):
            continue
        started = parse_day(row.get("started on")) or dt.date(1900, 1, 1)
        if current is None or started > current[0]:
            current = (started, company_name(row.get("company name")), clean(row.get("title")))
    if current is not None:
        company, role = current[1], current[2] or role
    roles: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    for _, row in files.records("job seeker preferences", "job titles"):
        roles = tuple(_names(row.get("job titles")))
        industries = tuple(_names(row.get("industries")))
        companies = tuple(_names(row.get("dream companies")))
        break
    return MeRecord(
        name=name,
        role=role,
        company=company,
        roles=roles,
        industries=industries,
        companies=companies,
    )


__all__ = ["MAX_RATIO", "parse_day", "read_archive"]
