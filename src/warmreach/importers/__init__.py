"""Reading exports and merging them into a network file: LinkedIn (``Connections.csv`` or
the whole data archive), Google Contacts, vCard, a mailbox, a calendar.

- :mod:`~warmreach.importers.sources`: the registry of sources, and reading one from a path;
- :mod:`~warmreach.importers.records`: what a reader yields (:class:`Incoming` people with
  their evidence, :class:`Skipped` records, links between people);
- :mod:`~warmreach.importers.csvfiles`: LinkedIn's ``Connections.csv``, Google Contacts;
- :mod:`~warmreach.importers.vcard`: vCard files;
- :mod:`~warmreach.importers.archive`: LinkedIn's data archive (zip or folder);
- :mod:`~warmreach.importers.mailbox`: an mbox file, headers only, streamed;
- :mod:`~warmreach.importers.calendar`: an iCalendar file;
- :mod:`~warmreach.importers.evidence`: counting messages, meetings and who was together;
- :mod:`~warmreach.importers.merge`: a new network file, or a merge into one.

Each name below is imported from its module when first used: ``warmreach import`` loads
the reader of the one source it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmreach._lazy import lazy_names

if TYPE_CHECKING:
    from warmreach.importers.archive import read_archive
    from warmreach.importers.calendar import read_ics
    from warmreach.importers.csvfiles import read_google, read_linkedin
    from warmreach.importers.mailbox import read_mbox
    from warmreach.importers.records import (
        Export,
        Incoming,
        Skipped,
        clean,
        company_name,
        parse_connected_on,
    )
    from warmreach.importers.sources import (
        SOURCES,
        Reading,
        Source,
        SourceSpec,
        read_export,
        sources_help,
    )
    from warmreach.importers.vcard import read_vcard

__getattr__, __dir__ = lazy_names(
    globals(),
    {
        "read_archive": "warmreach.importers.archive",
        "read_ics": "warmreach.importers.calendar",
        **dict.fromkeys(["read_google", "read_linkedin"], "warmreach.importers.csvfiles"),
        "read_mbox": "warmreach.importers.mailbox",
        **dict.fromkeys(
            ["Export", "Incoming", "Skipped", "clean", "company_name", "parse_connected_on"],
            "warmreach.importers.records",
        ),
        **dict.fromkeys(
            ["SOURCES", "Reading", "Source", "SourceSpec", "read_export", "sources_help"],
            "warmreach.importers.sources",
        ),
        "read_vcard": "warmreach.importers.vcard",
    },
)

__all__ = [
    "SOURCES",
    "Export",
    "Incoming",
    "Reading",
    "Skipped",
    "Source",
    "SourceSpec",
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
    "sources_help",
]
