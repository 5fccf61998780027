"""Reading exports and merging them into a network file: LinkedIn (``Connections.csv`` or
the whole data archive), Google Contacts, vCard, a mailbox, a calendar.

- :mod:`~warmreach.importers.records`: what a reader yields (:class:`Incoming` people with
  their evidence, :class:`Skipped` records, links between people);
- :mod:`~warmreach.importers.csvfiles`: LinkedIn's ``Connections.csv``, Google Contacts;
- :mod:`~warmreach.importers.vcard`: vCard files;
- :mod:`~warmreach.importers.archive`: LinkedIn's data archive (zip or folder);
- :mod:`~warmreach.importers.mailbox`: an mbox file, headers only, streamed;
- :mod:`~warmreach.importers.calendar`: an iCalendar file;
- :mod:`~warmreach.importers.evidence`: counting messages, meetings and who was together;
- :mod:`~warmreach.importers.merge`: a new network file, or a merge into one.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final

from warmreach.errors import WarmreachError
from warmreach.importers.archive import read_archive
from warmreach.importers.calendar import read_ics
from warmreach.importers.csvfiles import read_google, read_linkedin
from warmreach.importers.mailbox import read_mbox
from warmreach.importers.records import (
    SOURCES,
    Export,
    Incoming,
    Skipped,
    Source,
    clean,
    company_name,
    parse_connected_on,
)
from warmreach.importers.vcard import read_vcard

#: the readers of each kind of export, from its bytes
READERS: Final[Mapping[Source, Callable[[bytes, str], Export]]] = {
    "linkedin": read_linkedin,
    "google": read_google,
    "vcard": read_vcard,
    "mbox": lambda data, file: read_mbox(io.BytesIO(data), file),
    "ics": read_ics,
}


def read_export(
    source: Source,
    path: str | os.PathLike[str],
    *,
    max_bytes: int,
    own: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Export:
    """The export at ``path``: a LinkedIn archive (zip or folder) or ``Connections.csv``;
    a mailbox, streamed whatever its size (``progress`` is told the bytes read); any other
    file read whole within ``max_bytes``. ``own`` are your e-mail addresses."""
    from warmreach.networkfile import read_network_file  # the one careful reader of files
    from warmreach.networkfile.atomic import kind_of

    file = Path(path)
    if source == "linkedin" and (file.is_dir() or file.suffix.lower() == ".zip"):
        return read_archive(file, max_bytes=max_bytes)
    if source == "mbox":
        try:
            kind = kind_of(file.stat().st_mode)
            if kind is not None:
                raise WarmreachError(f"{file} is {kind}, not a regular file; give an mbox file")
            with file.open("rb") as stream:
                return read_mbox(stream, str(file), own=own, progress=progress)
        except OSError as error:
            raise WarmreachError(
                f"{file}: cannot read the file: {error.strerror or error}"
            ) from error
    data = read_network_file(file, max_bytes=max_bytes)
    if source == "ics":
        return read_ics(data, str(file), own=own)
    return READERS[source](data, str(file))


__all__ = [
    "READERS",
    "SOURCES",
    "Export",
    "Incoming",
    "Skipped",
    "Source",
    "clean",
    "company_name",
    "parse_connected_on",
    "read_archive",
    "read_export",
    "read_google",
    "read_ics",
    "read_linkedin",
    "read_mbox",
    "read_vcard",
]
