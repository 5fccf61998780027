"""A cache of validated networks, so that a large unchanged file is not parsed again.

Parsing YAML dominates the time of every command on large networks (about 7 s for
30,000 contacts and 300,000 links); reading the validated network back from the cache
takes about 0.5 s. An entry is keyed by the file's path and bytes, by the code that
reads files and by the Python version, so any change to the file or to that code
misses it.

The cache lives in ``$WARMREACH_CACHE_DIR``, else ``$XDG_CACHE_HOME/warmreach``, else
``~/.cache/warmreach``; entries are private to the user (mode 0600), written atomically,
and a damaged or unreadable entry is ignored and removed. Only files of at least
:data:`MIN_CACHED_BYTES` are cached: smaller ones parse about as fast as an entry is
read back (which imports NumPy for the links, about 0.07 s). ``warmreach --no-cache …``
or ``WARMREACH_NO_CACHE=1`` turns it off.

>>> import tempfile, pathlib, os
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "network.yaml"
>>> _ = path.write_text("me: {name: Ana}\\ncontacts: [{name: Bob}]\\n")
>>> first = load_network_cached(path, cache_dir=folder / "cache", min_bytes=0)
>>> second = load_network_cached(path, cache_dir=folder / "cache", min_bytes=0)
>>> first == second, len(list((folder / "cache").iterdir()))
(True, 1)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from warmreach._gc import paused_gc
from warmreach.loading import DEFAULT_MAX_BYTES, parse_network, read_network_file
from warmreach.model import Network

#: files smaller than this are always parsed (0.2 MB, about 700 contacts: parsed in about
#: 0.1 s; 0.67 MB, 1,000 contacts with 20 links each, takes 0.4 s, read back 0.13 s)
MIN_CACHED_BYTES: Final = 200_000
#: at most this many entries are kept; the least recently used go first
MAX_ENTRIES: Final = 16
#: changes whenever the pickled model changes shape
FORMAT: Final = "warmreach-network-2"


def default_cache_dir() -> Path:
    """Where the cache lives (see the module's documentation)."""
    if explicit := os.environ.get("WARMREACH_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warmreach"


@cache
def _code_digest() -> str:
    """A digest of the code that turns a file into a network, so that an entry made by
    other code (a new release, or a developer's change) is never read back."""
    digest = hashlib.sha256()
    for module in ("model.py", "schema.py", "matching.py", "loading.py", "links.py"):
        digest.update(resources.files("warmreach").joinpath(module).read_bytes())
    return digest.hexdigest()


def _key(path: str, data: bytes) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, _code_digest(), sys.version, path):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def load_network_cached(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    min_bytes: int = MIN_CACHED_BYTES,
) -> Network:
    """:func:`~warmreach.loading.load_network`, through the cache when the file is large.

    Only valid networks are cached; an invalid file is parsed every time, so its
    problems are always reported in full.
    """
    file = os.fspath(path)
    data = read_network_file(file, max_bytes=max_bytes)
    if len(data) < min_bytes or os.environ.get("WARMREACH_NO_CACHE") == "1":
        return parse_network(data, file=file, max_bytes=max_bytes)
    folder = cache_dir or default_cache_dir()
    entry = folder / f"{_key(file, data)}.pickle"
    cached = _read(entry)
    if cached is not None:
        return cached
    network = parse_network(data, file=file, max_bytes=max_bytes)
    _write(folder, entry, network)
    return network


def _read(entry: Path) -> Network | None:
    try:
        with paused_gc():
            found = pickle.loads(entry.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign entry is a miss, never an error
        with contextlib.suppress(OSError):
            entry.unlink()
        return None
    if not isinstance(found, Network):
        with contextlib.suppress(OSError):
            entry.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # most recently used
    return found


def _write(folder: Path, entry: Path, network: Network) -> None:
    """Store an entry atomically and privately; a cache that cannot be written is skipped."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".entry.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                _ = (network.contacts_by_id, network.links)  # computed now: the entry keeps them
                pickle.dump(network, stream, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(entry)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            with contextlib.suppress(OSError):
                old.unlink()
    except OSError:
        return
