"""Reading exports (LinkedIn, Google Contacts, vCard) and merging them into a network file.

- :mod:`~warmreach.importers.records`: what a reader yields (:class:`Incoming` people,
  :class:`Skipped` records);
- :mod:`~warmreach.importers.csvfiles`: LinkedIn's ``Connections.csv``, Google Contacts;
- :mod:`~warmreach.importers.vcard`: vCard files;
- :mod:`~warmreach.importers.merge`: a new network file, or a merge into one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from warmreach.importers.csvfiles import read_google, read_linkedin
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

READERS: Final[Mapping[Source, Callable[[bytes, str], Export]]] = {
    "linkedin": read_linkedin,
    "google": read_google,
    "vcard": read_vcard,
}

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
    "read_google",
    "read_linkedin",
    "read_vcard",
]
