"""A cache of validated networks, so that an unchanged file is not parsed again.

Parsing YAML dominates the time of every command on large networks; reading a validated
network back from the cache is several times faster (``benchmarks/bench_all.py``
measures both). An entry holds the network and what ``derive`` computed from it (the
commands store the network's index, :class:`warmreach.graph.NetworkIndex`, so that it
too is built once per file). It is keyed by the file's path and bytes, by the code that
reads files and derives from them, and by the Python version, so any change to the file
or to that code misses it.

The cache lives in ``$WARMREACH_CACHE_DIR``, else ``$XDG_CACHE_HOME/warmreach``, else
``~/.cache/warmreach``. An entry is a pickle, which can run code when read, so nothing
is read that another user could have written:

- the folder must be yours and writable by nobody else (as git's ``safe.directory`` and
  SSH demand); otherwise the cache is not used, with a one-line warning;
- every entry is signed with a key only you can read (``key``, 32 random bytes, mode
  0600, made on first use): an entry whose signature does not verify is never
  unpickled;
- only the cache's own files (``warmreach-<digest>.entry``, yours) are ever pruned or
  removed: nothing else in the folder is touched.

Entries are private (mode 0600) and written atomically; a damaged entry is ignored and
removed. Files of every size are cached: reading an entry back needs neither the YAML
parser nor the model's builder, so it is quicker even for a file of a few contacts.
``warmreach --no-cache …`` or
``WARMREACH_NO_CACHE=1`` turns it off.

>>> import tempfile, pathlib, os
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "network.yaml"
>>> _ = path.write_text("me: {name: Ana}\\ncontacts: [{name: Bob}]\\n")
>>> def count(network): return len(network.contacts)
>>> options = dict(derive=count, cache_dir=folder / "cache")
>>> first, size = load_network_cached(path, **options)
>>> second, again = load_network_cached(path, **options)
>>> first == second, (size, again), sorted(p.suffix for p in (folder / "cache").iterdir())
(True, (1, 1), ['', '.entry'])
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import re
import secrets
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Final, TypeVar, overload

from warmreach._gc import paused_gc
from warmreach.atomic import write_atomic
from warmreach.cachefolder import (
    cache_turned_off,
    default_cache_dir,
    mine,
    prune,
    read_own,
    trusted_folder,
)
from warmreach.errors import InvalidNetwork, WarmreachError
from warmreach.model import Network
from warmreach.networkfile import parse_network
from warmreach.networkfile.decode import DEFAULT_MAX_BYTES, read_network_file
from warmreach.progress import SILENT, Progress

#: at most this many entries are kept; the least recently used go first
MAX_ENTRIES: Final = 16
#: changes whenever the pickled entry changes shape
FORMAT: Final = "warmreach-network-4"
#: how an entry's file starts, before its signature
MAGIC: Final = b"warmreach-cache-1\n"
#: the name of the signing key in the cache folder
KEY_FILE: Final = "key"
#: the names of the cache's own entries
ENTRY: Final = re.compile(r"warmreach-[0-9a-f]{64}\.entry")

T = TypeVar("T")
Warn = Callable[[str], None]


@cache
def _code_digest() -> str:
    """A digest of warmreach's code, so that an entry made by other code (a new release,
    or a developer's change to how files are read or indexed) is never read back."""
    return code_digest(Path(__file__).resolve().parents[1])


def code_digest(package: Path) -> str:
    """A digest of the modules under ``package``: each one's path, size and time of last
    change, which is how Python itself tells that a module's compiled code is out of date
    (reading every module instead took about three times as long, at every start).

    >>> import warmreach
    >>> package = Path(warmreach.__file__).parent
    >>> code_digest(package) == code_digest(package) != code_digest(package / "graph")
    True
    """
    found: list[str] = []
    folders = [package]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name != "__pycache__":
                    folders.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    state = entry.stat()
                    where = Path(entry.path).relative_to(package).as_posix()
                    found.append(f"{where}\0{state.st_size}\0{state.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(found)).encode("utf-8", "surrogateescape")).hexdigest()


def _key(path: str, data: bytes) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, _code_digest(), sys.version, path):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def signing_key(folder: Path) -> bytes | str:
    """The key entries are signed with (made on first use), or why there is none."""
    path = folder / KEY_FILE
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        secret = secrets.token_bytes(32)
        try:
            handle = os.open(
                path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
            )
        except FileExistsError:
            return signing_key(folder)  # another run made it meanwhile
        except OSError as error:
            return f"the cache key {path} cannot be made: {error.strerror or error}"
        with os.fdopen(handle, "wb") as stream:
            stream.write(secret)
        return secret
    except OSError as error:
        return f"the cache key {path} cannot be read: {error.strerror or error}"
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or not mine(status):
            return f"the cache key {path} is not a file of yours"
        if status.st_mode & 0o077:
            return f"the cache key {path} can be read by others (mode {status.st_mode & 0o777:o})"
        secret = stream.read(64)
    if len(secret) != 32:
        return f"the cache key {path} is damaged; remove it"
    return secret


@dataclass(frozen=True, kw_only=True)
class NetworkCache:
    """How a command keeps validated networks: what it derives from each (``derive``, kept
    in the entry too), where (``folder``; None: :func:`default_cache_dir`), and whom to
    ``warn`` when the folder cannot be trusted; when not ``enabled`` (``--no-cache``),
    every read parses and nothing is kept: the same calls.

    Commands read files through :meth:`read`; an edit keeps the network of the bytes it
    wrote (:meth:`keep`), so the command after it finds them cached.
    """

    derive: Callable[[Network], Any] | None = None
    folder: Path | None = None
    warn: Warn | None = None
    enabled: bool = True

    def load(
        self, path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> tuple[Network, Any]:
        """The network of the file at ``path`` (see :meth:`read`)."""
        file = os.fspath(path)
        return self.read(read_network_file(file, max_bytes=max_bytes), file, max_bytes=max_bytes)

    def read(
        self, data: bytes, file: str, *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> tuple[Network, Any]:
        """The network of ``data`` (the bytes of ``file``) and what ``derive`` makes of
        it: from the cache when an entry was made for these bytes, else parsed (and kept
        when it is valid)."""
        where = self._entry(data, file, warn=self.warn)
        cached = self._cached(where)
        if cached is not None:
            return cached
        network = parse_network(data, file=file, max_bytes=max_bytes)
        found = self._found(network)
        if where is not None:
            _write(*where, found)
        return found

    def edited(
        self, data: bytes, file: str, *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> tuple[Network, Any]:
        """The network of ``data`` for an edit, with what ``derive`` made of it: from the
        cache when there, else parsed and not kept (the edit keeps what it writes instead,
        :meth:`keep`), with None for what is derived (nobody may need it)."""
        cached = self._cached(self._entry(data, file, warn=self.warn))
        if cached is None:
            return parse_network(data, file=file, max_bytes=max_bytes), None
        return cached

    def _cached(self, where: tuple[Path, bytes] | None) -> tuple[Network, Any] | None:
        cached = None if where is None else _read(*where)
        if cached is not None and (self.derive is None) == (cached[1] is None):
            return cached
        return None

    def keep(self, data: bytes, file: str, network: Network) -> None:
        """Keep ``network``, just parsed from ``data`` (the bytes now in ``file``), for
        the next command that reads them."""
        where = self._entry(data, file, warn=None)  # read() warned already, if need be
        if where is not None:
            _write(*where, self._found(network))

    def save(
        self,
        path: Path,
        data: bytes,
        *,
        unwritten: str,
        contacts: int | None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress = SILENT,
        force: bool = False,
        exists: str | None = None,
        check: Callable[[], None] | None = None,
    ) -> Network:
        """Write ``data`` to ``path`` only once it reads as a network (as the next command
        will read it), then keep that network for that command; returns it.

        Raises :class:`InvalidNetwork` with the problems of bytes that would not load,
        each message ending with ``unwritten`` (what was left as it was); nothing is then
        written. ``force``, ``exists`` and ``check`` are :func:`write_atomic`'s.
        ``progress`` is told of each stage: checking (a step for each of ``contacts``,
        when known), keeping.
        """
        name = path.name
        progress.stage(f"checking {name}", contacts)
        try:  # the bytes to be written, as the next command will read them
            network = parse_network(data, file=str(path), max_bytes=max_bytes, progress=progress)
        except InvalidNetwork as error:
            raise InvalidNetwork(
                replace(problem, message=f"{problem.message} ({unwritten})")
                for problem in error.problems
            ) from None
        write_atomic(path, data, force=force, exists=exists, check=check)
        if self.enabled:
            progress.stage(f"keeping {name} for the next command")
            self.keep(data, str(path), network)
        return network

    def _found(self, network: Network) -> tuple[Network, Any]:
        _ = network.contacts_by_id  # computed now: the entry keeps it
        return network, None if self.derive is None else self.derive(network)

    def _entry(self, data: bytes, file: str, *, warn: Warn | None) -> tuple[Path, bytes] | None:
        """The entry for ``data`` and the key that signs it; None when these bytes are
        not cached (the cache is off, or its folder cannot be trusted)."""
        if not self.enabled or cache_turned_off():
            return None
        folder = self.folder or default_cache_dir()
        refused = trusted_folder(folder)
        secret = signing_key(folder) if refused is None else refused
        if isinstance(secret, str):
            if warn is not None:
                warn(f"{secret}; not using the cache")
            return None
        return folder / f"warmreach-{_key(file, data)}.entry", secret


#: reading without a cache, through the same calls (what an edit or a review given no
#: cache reads with)
NO_CACHE: Final = NetworkCache(enabled=False)


@overload
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    warn: Warn | None = None,
) -> tuple[Network, None]: ...
@overload
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: Callable[[Network], T],
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    warn: Warn | None = None,
) -> tuple[Network, T]: ...
def load_network_cached(
    path: str | os.PathLike[str],
    *,
    derive: Callable[[Network], Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache_dir: Path | None = None,
    warn: Warn | None = None,
) -> tuple[Network, Any]:
    """:func:`~warmreach.networkfile.load_network` through the cache, with what
    ``derive`` computes from the network (kept in the entry too).

    Only valid networks are cached; an invalid file is parsed every time, so its
    problems are always reported in full. When the cache cannot be trusted (see the
    module), the file is parsed and ``warn`` is told why.
    """
    cache = NetworkCache(derive=derive, folder=cache_dir, warn=warn)
    return cache.load(path, max_bytes=max_bytes)


def _signature(secret: bytes, payload: bytes | memoryview) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


class _Signing:
    """A file that signs what is written to it (the entry's payload, as it is pickled)."""

    def __init__(self, stream: BinaryIO, secret: bytes) -> None:
        self.stream = stream
        self.mac = hmac.new(secret, digestmod=hashlib.sha256)

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.stream.write(data)


def _read(entry: Path, secret: bytes) -> tuple[Network, Any] | None:
    """The entry, if it is the cache's own (a file of yours whose signature verifies)."""
    content = read_own(entry)  # marked as just used
    if content is None:
        return None  # not the cache's: never read, never removed
    signature = content[len(MAGIC) : len(MAGIC) + 32]
    payload = memoryview(content)[len(MAGIC) + 32 :]  # not copied
    if not content.startswith(MAGIC) or not hmac.compare_digest(
        signature, _signature(secret, payload)
    ):
        _remove(entry)  # damaged, or signed with another key: never unpickled
        return None
    try:
        with paused_gc():
            found = pickle.loads(payload)
    except Exception:  # signed by us but unreadable (another Python): a miss
        _remove(entry)
        return None
    if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], Network)):
        _remove(entry)
        return None
    return found


def _remove(entry: Path) -> None:
    with contextlib.suppress(OSError):
        entry.unlink()


def _write(entry: Path, secret: bytes, found: tuple[Network, Any]) -> None:
    """Store a signed entry atomically and privately, then keep the MAX_ENTRIES most
    recently used of the cache's own entries; a cache that cannot be written is skipped."""
    try:

        def signed(stream: BinaryIO) -> None:
            """The entry, pickled straight into the file (never whole in memory: 34 MB
            at 100,000 contacts), its signature put in place last."""
            stream.write(MAGIC + bytes(32))
            signing = _Signing(stream, secret)
            with paused_gc():  # pickling makes no cycles; collections would walk the network
                pickle.dump(found, signing, protocol=pickle.HIGHEST_PROTOCOL)
            stream.seek(len(MAGIC))
            stream.write(signing.mac.digest())

        write_atomic(entry, signed, force=True, mode=0o600, prefix=".entry.", durable=False)
        prune(entry.parent, ENTRY, MAX_ENTRIES)
    except (OSError, WarmreachError):
        return
