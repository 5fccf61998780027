"""Writing files safely: atomically, privately, and never over what should not be replaced.

The one way warmreach writes a file (reports, pictures, network files, cache entries):
the data goes to a temporary file in the same folder as the real file (a symbolic link
is followed, so the file it points to gets the data and the link stays), is flushed to
disk, and then replaces the file in one step, so readers see the old file or the new
one, never a half-written one. An existing file is replaced only with ``force``, keeps
its mode, owner and group, and must be a regular file you may write (a device, a FIFO,
a folder, a read-only file or a file with other hard links is refused, ``force`` or
not). A new file is private (mode 0600). Temporary files a killed run left behind are
removed the next time the same file is written.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "report.md", "# Report\\n")
>>> write_atomic(folder / "report.md", "# Again\\n")
Traceback (most recent call last):
...
warmreach.errors.WarmreachError: ... exists; pass --force to overwrite it
>>> write_atomic(folder / "report.md", "# Again\\n", force=True)
>>> (folder / "report.md").read_text(), oct((folder / "report.md").stat().st_mode & 0o777)
('# Again\\n', '0o600')
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Final

from warmreach.errors import WarmreachError

#: the mode of a file warmreach creates: private, as the personal data it holds
NEW_FILE_MODE: Final = 0o600
#: the end of the name of a temporary file
TEMPORARY_SUFFIX: Final = ".warmreach-tmp"
#: a file with none of these bits is read-only, whoever asks
WRITE_BITS: Final = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
#: a temporary file older than this many seconds was left by a run that was killed
STALE_SECONDS: Final = 600

_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file ``path`` names once symbolic links are followed (the file need not exist)."""
    return Path(os.path.realpath(path))


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is (``a FIFO``), or None for a regular one."""
    return next((name for test, name in _KINDS if test(mode)), None)


def check_replaceable(
    target: Path, *, force: bool, exists: str | None = None
) -> os.stat_result | None:
    """The status of the file at ``target`` if it may be replaced (None: there is none).

    Raises :class:`WarmreachError` for anything that must not be replaced (``exists``: the
    message for a file that exists without ``force``).
    """
    try:
        found = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
    kind = kind_of(found.st_mode)
    if kind is not None:
        raise WarmreachError(
            f"{target} is {kind}, not a regular file; warmreach will not replace it"
        )
    if not force:
        raise WarmreachError(exists or f"{target} exists; pass --force to overwrite it")
    if not found.st_mode & WRITE_BITS or not os.access(target, os.W_OK):
        # the mode bits too: for root, os.access says yes to every file
        raise WarmreachError(f"{target} is read-only; warmreach will not replace it")
    if found.st_nlink > 1:
        raise WarmreachError(
            f"{target} has {found.st_nlink} hard links, which replacing it would break; "
            "write to another file"
        )
    return found


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes | Callable[[BinaryIO], None],
    *,
    force: bool = False,
    mode: int | None = None,
    prefix: str | None = None,
    durable: bool = True,
    check: Callable[[], None] | None = None,
    exists: str | None = None,
) -> None:
    """Write ``data`` (text as UTF-8; a function writes to the open file itself, so large
    data need not be held in memory whole) to ``path`` through a temporary file beside
    the real file (see the module).

    The file gets ``mode``, else the mode of the file it replaces, else NEW_FILE_MODE.
    ``prefix`` names the temporary file (default: ``.NAME.``). Without ``durable`` the data
    is not forced to disk first (for files that can be made again, like a cache).
    ``check`` runs last, just before the file is replaced: it raises to stop the write
    (the edits use it to refuse replacing a file that changed meanwhile). Without
    ``force``, a new file is created only if none appeared meanwhile (the temporary file
    is linked to the name, which fails if it is taken): two runs writing one new file
    never both succeed; ``exists`` is the message then.
    """
    target = real_path(path)
    existing = check_replaceable(target, force=force, exists=exists)
    start = prefix or f".{target.name}."
    remove_stale(target.parent, start)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=start, suffix=TEMPORARY_SUFFIX
        )
    except OSError as error:
        raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), mode if mode is not None else _mode_of(existing))
            if existing is not None:
                _keep_owner(stream.fileno(), existing)
            if callable(data):
                data(stream)
            else:
                stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if check is not None:
            check()
        if existing is None and not force:
            _create(Path(temporary), target, exists)
        else:
            Path(temporary).replace(target)
    except BaseException as error:  # the original stays whole; do not leave the copy behind
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
        raise


def _create(temporary: Path, target: Path, exists: str | None) -> None:
    """Give ``temporary`` the name ``target`` only if no file has it: link, then unlink."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise WarmreachError(exists or f"{target} exists; pass --force to overwrite it") from None
    except OSError:  # a file system without hard links: replace (a moment's window)
        temporary.replace(target)
        return
    temporary.unlink()


def _mode_of(existing: os.stat_result | None) -> int:
    return NEW_FILE_MODE if existing is None else stat.S_IMODE(existing.st_mode)


def _keep_owner(handle: int, existing: os.stat_result) -> None:
    """Give the new file the owner and group of the one it replaces, as far as allowed
    (anyone may keep a group they belong to; only root may give a file to another user)."""
    if not hasattr(os, "fchown"):  # pragma: no cover - not on POSIX
        return
    for owner, group in ((existing.st_uid, existing.st_gid), (-1, existing.st_gid)):
        try:
            os.fchown(handle, owner, group)
            return
        except OSError:
            continue


def remove_stale(folder: Path, prefix: str) -> int:
    """Remove the temporary files starting with ``prefix`` in ``folder`` that a killed run
    left behind (older than STALE_SECONDS, and yours); returns how many went."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX)):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
            mine = not hasattr(os, "geteuid") or found.st_uid == os.geteuid()
            if stat.S_ISREG(found.st_mode) and mine and now - found.st_mtime > STALE_SECONDS:
                Path(entry.path).unlink()
                removed += 1
        except OSError:
            continue
    return removed


__all__ = [
    "NEW_FILE_MODE",
    "STALE_SECONDS",
    "TEMPORARY_SUFFIX",
    "check_replaceable",
    "kind_of",
    "real_path",
    "remove_stale",
    "write_atomic",
]
