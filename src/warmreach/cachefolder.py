"""The cache folder: where it is, whether it can be trusted, and small data kept there as
text so that it is worked out once per machine rather than at every start.

The folder is ``$WARMREACH_CACHE_DIR``, else ``$XDG_CACHE_HOME/warmreach``, else
``~/.cache/warmreach``. It is used only when it is yours and nobody else can write to it
(as git's ``safe.directory`` and SSH demand); ``WARMREACH_NO_CACHE=1`` turns it off.
:mod:`warmreach.networkfile.cache` keeps validated networks there (signed pickles);
:func:`kept_lines` keeps lines of text (plain text: reading them runs no code): the
everyday English words that :mod:`warmreach.matching.words` picks out of a word list of
160,000 entries (about 0.1 s; reading them back takes about 13 ms), and the normalised
names of the well-known companies (:mod:`warmreach.matching.known`, about 15 ms; 5 ms).

>>> import tempfile
>>> folder, made = Path(tempfile.mkdtemp()), []
>>> def make():
...     made.append(1)
...     return ["apple", "summit"]
>>> first = kept_lines("example", "version 1", make, folder=folder)
>>> first, kept_lines("example", "version 1", make, folder=folder), len(made)
(['apple', 'summit'], ['apple', 'summit'], 1)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from warmreach.atomic import write_atomic
from warmreach.errors import WarmreachError

#: how a file of :func:`kept_lines` starts: its format, then the number of its lines
LINES_FORMAT: Final = "warmreach-lines-1"
#: files of one kind kept at most (the most recently used): two installs sharing the
#: folder (a project's environment and a tool's) each keep theirs
KEPT_PER_KIND: Final = 4


def default_cache_dir() -> Path:
    """Where the cache lives (see the module's documentation)."""
    if explicit := os.environ.get("WARMREACH_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warmreach"


def cache_turned_off() -> bool:
    """Whether ``WARMREACH_NO_CACHE=1`` turns the cache off."""
    return os.environ.get("WARMREACH_NO_CACHE") == "1"


def mine(status: os.stat_result) -> bool:
    """Whether a file (by its status) belongs to the user running warmreach."""
    return not hasattr(os, "geteuid") or status.st_uid == os.geteuid()


def trusted_folder(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the cache (None: it can), making it when missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = folder.stat()
    except OSError as error:
        return f"the cache folder {folder} cannot be used: {error.strerror or error}"
    if not stat.S_ISDIR(status.st_mode):
        return f"the cache folder {folder} is not a folder"
    if not mine(status):
        return f"the cache folder {folder} belongs to someone else"
    if status.st_mode & 0o022:
        return (
            f"the cache folder {folder} can be written by others (mode {status.st_mode & 0o777:o})"
        )
    return None


def kept_lines(
    kind: str, version: str, make: Callable[[], Iterable[str]], *, folder: Path | None = None
) -> list[str]:
    """The lines ``make`` gives, worked out once and then read back from the cache folder
    (``folder``; None: :func:`default_cache_dir`).

    They are kept in ``KIND-DIGEST.txt``, the digest of ``version``: a text naming
    everything they depend on (the files they come from, their sizes and times, the
    rule that picks them), so that any change to those makes them again; of the files of
    a ``kind``, the KEPT_PER_KIND most recently used are kept (of yours). A file is read
    only when it is a regular file of yours in a trusted folder and whole (its first
    line counts the rest); otherwise the lines are made again and the file written anew.
    With the cache turned off or no trusted folder, they are made every time and nothing
    is written. Lines that hold a line break are never kept.
    """
    folder = folder or default_cache_dir()
    if cache_turned_off() or trusted_folder(folder) is not None:
        return list(make())
    digest = hashlib.sha256(f"{kind}\0{version}".encode("utf-8", "surrogateescape"))
    path = folder / f"{kind}-{digest.hexdigest()[:32]}.txt"
    content = read_own(path)
    found = None if content is None else _lines(content)
    if found is not None:
        return found
    lines = list(make())
    # written over only when it is missing or a file of yours (a link is not the cache's)
    writable = content is not None or not os.path.lexists(path)
    if writable and not any("\n" in line or "\r" in line for line in lines):
        text = "".join([f"{LINES_FORMAT} {len(lines)}\n", *(f"{line}\n" for line in lines)])
        with contextlib.suppress(OSError, WarmreachError, UnicodeEncodeError):
            write_atomic(path, text, force=True, durable=False)
            prune(folder, re.compile(rf"{re.escape(kind)}-[0-9a-f]{{32}}\.txt"), KEPT_PER_KIND)
    return lines


def read_own(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of yours, read without following a
    link (None: it is not, or it cannot be read), marked as just used (its time), so that
    :func:`prune` keeps it longest."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or not mine(status):
            return None  # not the cache's: never read, never removed
        content = stream.read()
        with contextlib.suppress(OSError, NotImplementedError):
            os.utime(stream.fileno() if os.utime in os.supports_fd else path)
    return content


def prune(folder: Path, name: re.Pattern[str], keep: int) -> None:
    """Remove the regular files of yours in ``folder`` whose whole name is ``name``'s,
    beyond the ``keep`` most recently used; nothing else in the folder is touched."""
    found = []
    for entry in os.scandir(folder):
        if name.fullmatch(entry.name):
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(status.st_mode) and mine(status):
                found.append((status.st_mtime_ns, entry.name, entry.path))
    for *_, path in sorted(found, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            Path(path).unlink()


def _lines(content: bytes) -> list[str] | None:
    """The lines of a file :func:`kept_lines` wrote (None: it is damaged)."""
    try:
        header, _, body = content.decode("utf-8").partition("\n")
    except UnicodeDecodeError:
        return None
    lines = body.split("\n")  # the last line ends with a line break: an empty one follows
    if header != f"{LINES_FORMAT} {len(lines) - 1}" or lines[-1]:
        return None
    return lines[:-1]
