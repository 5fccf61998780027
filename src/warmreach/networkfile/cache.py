"""A cache of validated networks, so that a large unchanged file is not parsed again.

Parsing YAML dominates the time of every command on large networks; reading a validated
network back from the cache is several times faster (``benchmarks/bench_all.py``
measures both). An entry holds the network and what ``derive`` computed from it (the
commands store the network's index, :class:`warmreach.graph.NetworkIndex`, so that it
too is built once per file). It is keyed by the file's path and bytes, by the code that
reads files and derives from them, and by the Python version, so any change to the file
or to that code misses it.

The cache lives in ``$WARMREACH_CACHE_DIR``, else ``$XDG_CACHE_HOME/warmreach``, else
``~/.cache/warmreach``; entries are private to the user (mode 0600), written atomically,
and a damaged or unreadable entry is ignored and removed. Only files of at least
:data:`MIN_CACHED_BYTES` are cached: smaller ones parse about as fast as an entry is
read back. ``warmreach --no-cache …`` or ``WARMREACH_NO_CACHE=1`` turns it off.

>>> import tempfile, pathlib, os
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "network.yaml"
>>> _ = path.write_text("me: {name: Ana}\\ncontacts: [{name: Bob}]\\n")
>>> def count(network): return len(network.contacts)
>>> options = dict(derive=count, cache_dir=folder / "cache", min_bytes=0)
>>> first, size = load_network_cached(path, **options)
>>> second, again = load_network_cached(path, **options)
>>> first == second, (size, again), len(list((folder / "cache").iterdir()))
(True, (1, 1), 1)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Final, TypeVar, overload

from warmreach._gc import paused_gc
from warmreach.errors import WarmreachError
from warmreach.model import Network
from warmreach.networkfile import parse_network
from warmreach.networkfile.atomic import write_atomic
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES, read_network_file

#: files smaller than this are always parsed (0.2 MB, about 700 contacts: parsing one
#: takes about as long as reading an entry back)
MIN_CACHED_BYTES: Final = 200_000
#: at most this many entries are kept; the least recently used go first
MAX_ENTRIES: Final = 16
#: changes whenever the pickled entry changes shape
FORMAT: Final = "warmreach-network-3"

T = TypeVar("T")


def default_cache_dir() -> Path:
    """Where the cache lives (see the module's documentation)."""
    if explicit := os.environ.get("WARMREACH_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warmreach"


@cache
def _code_digest() -> str:
    """A digest of warmreach's code, so that an entry made by other code (a new release,
    or a developer's change to how files are read or indexed) is never read back."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for module in sorted(package.rglob("*.py")):
        name = module.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def _key(path: str, data: bytes) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, _code_digest(), sys.version, path):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@overload
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    min_bytes: int = MIN_CACHED_BYTES,
) -> tuple[Network, None]: ...
@overload
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: Callable[[Network], T],
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    min_bytes: int = MIN_CACHED_BYTES,
) -> tuple[Network, T]: ...
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: Callable[[Network], Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    min_bytes: int = MIN_CACHED_BYTES,
) -> tuple[Network, Any]:
    """:func:`~warmreach.networkfile.load_network` through the cache when the file is
    large, with what ``derive`` computes from the network (kept in the entry too).

    Only valid networks are cached; an invalid file is parsed every time, so its
    problems are always reported in full.
    """

    def derived(network: Network) -> Any:
        return None if derive is None else derive(network)

    file = os.fspath(path)
    data = read_network_file(file, max_bytes=max_bytes)
    if len(data) < min_bytes or os.environ.get("WARMREACH_NO_CACHE") == "1":
        network = parse_network(data, file=file, max_bytes=max_bytes)
        return network, derived(network)
    folder = cache_dir or default_cache_dir()
    entry = folder / f"{_key(file, data)}.pickle"
    cached = _read(entry)
    if cached is not None and (derive is None) == (cached[1] is None):
        return cached
    network = parse_network(data, file=file, max_bytes=max_bytes)
    _ = network.contacts_by_id  # computed now: the entry keeps it
    found = (network, derived(network))
    _write(folder, entry, found)
    return found


def _read(entry: Path) -> tuple[Network, Any] | None:
    try:
        with paused_gc():
            found = pickle.loads(entry.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign entry is a miss, never an error
        with contextlib.suppress(OSError):
            entry.unlink()
        return None
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], Network)):
        with contextlib.suppress(OSError):
            entry.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # most recently used
    return found


def _write(folder: Path, entry: Path, found: tuple[Network, Any]) -> None:
    """Store an entry atomically and privately; a cache that cannot be written is skipped."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(entry, data, force=True, mode=0o600, prefix=".entry.", durable=False)
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            with contextlib.suppress(OSError):
                old.unlink()
    except (OSError, WarmreachError):
        return
