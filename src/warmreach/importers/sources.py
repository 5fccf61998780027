"""The exports ``warmreach import`` reads: one registry, for the command line, its help,
the docs and the tests.

Each source is declared once in :data:`SOURCES`, with what the user gives it (for the
help text) and how it is read from a path (:class:`Reading`). Adding a source is its
reader (a module of this package) and one entry here. A reader's module is imported when
its source is read, so that the help and every other command do not load them all.

>>> list(SOURCES)
['linkedin', 'google', 'vcard', 'mbox', 'ics']
>>> SOURCES["mbox"].gives
'a mailbox'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from warmreach.errors import WarmreachError

if TYPE_CHECKING:
    from warmreach.importers.records import Export

Source = Literal["linkedin", "google", "vcard", "mbox", "ics"]


@dataclass(frozen=True, kw_only=True)
class Reading:
    """What a reader is given: the file (or folder) and the limits of this import."""

    path: Path
    #: the largest file read whole
    max_bytes: int
    #: your e-mail addresses (for a mailbox or a calendar)
    own: Sequence[str] = ()
    #: told the bytes read, for a reader that streams
    progress: Callable[[int], None] | None = None

    @property
    def name(self) -> str:
        return str(self.path)

    def data(self) -> bytes:
        """The whole file, read with the care every file of a user gets."""
        from warmreach.networkfile import read_network_file  # the one careful reader

        return read_network_file(self.path, max_bytes=self.max_bytes)


@dataclass(frozen=True, kw_only=True)
class SourceSpec:
    """One kind of export."""

    #: what the user gives, in a few words (for the help text)
    gives: str
    #: reads it
    read: Callable[[Reading], Export]
    #: read as a stream whatever its size (progress is shown by bytes read)
    streamed: bool = False


def _linkedin(reading: Reading) -> Export:
    from warmreach.importers.archive import read_archive
    from warmreach.importers.csvfiles import read_linkedin

    path = reading.path
    if path.is_dir() or path.suffix.lower() == ".zip":
        return read_archive(path, max_bytes=reading.max_bytes)
    return read_linkedin(reading.data(), reading.name)


def _google(reading: Reading) -> Export:
    from warmreach.importers.csvfiles import read_google

    return read_google(reading.data(), reading.name)


def _vcard(reading: Reading) -> Export:
    from warmreach.importers.vcard import read_vcard

    return read_vcard(reading.data(), reading.name)


def _ics(reading: Reading) -> Export:
    from warmreach.importers.calendar import read_ics

    return read_ics(reading.data(), reading.name, own=reading.own)


def _mbox(reading: Reading) -> Export:
    from warmreach.atomic import kind_of
    from warmreach.importers.mailbox import read_mbox

    file = reading.path
    try:
        kind = kind_of(file.stat().st_mode)
        if kind is not None:
            raise WarmreachError(f"{file} is {kind}, not a regular file; give an mbox file")
        with file.open("rb") as stream:
            return read_mbox(stream, reading.name, own=reading.own, progress=reading.progress)
    except OSError as error:
        raise WarmreachError(f"{file}: cannot read the file: {error.strerror or error}") from error


#: every source, in the order the help lists them
SOURCES: Final[Mapping[Source, SourceSpec]] = {
    "linkedin": SourceSpec(
        gives="Connections.csv, or the data archive: .zip or its folder", read=_linkedin
    ),
    "google": SourceSpec(gives="Contacts CSV", read=_google),
    "vcard": SourceSpec(gives=".vcf", read=_vcard),
    "mbox": SourceSpec(gives="a mailbox", read=_mbox, streamed=True),
    "ics": SourceSpec(gives="a calendar", read=_ics),
}


def read_export(
    source: Source,
    path: str | os.PathLike[str],
    *,
    max_bytes: int,
    own: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Export:
    """The export of kind ``source`` at ``path``: a file read whole within ``max_bytes``,
    or a mailbox streamed whatever its size (``progress`` is told the bytes read); ``own``
    are your e-mail addresses."""
    reading = Reading(path=Path(path), max_bytes=max_bytes, own=own, progress=progress)
    return SOURCES[source].read(reading)


def sources_help() -> str:
    """The sources as the help text lists them: ``linkedin (…), google (…) … or ics (…)``."""
    parts = [f"{name} ({spec.gives})" for name, spec in SOURCES.items()]
    return ", ".join(parts[:-1]) + f" or {parts[-1]}"


__all__ = ["SOURCES", "Reading", "Source", "SourceSpec", "read_export", "sources_help"]
