"""Writing files safely: atomically, and never over a file without ``force``.

The one way warmreach writes a file (reports, pictures, network files, cache entries):
the data goes to a temporary file in the same folder, is flushed to disk, and then
replaces the target in one step, so readers see the old file or the new one, never a
half-written one; if anything goes wrong the temporary file is removed.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "report.md", "# Report\\n")
>>> write_atomic(folder / "report.md", "# Again\\n")
Traceback (most recent call last):
...
warmreach.errors.WarmreachError: ... exists; pass --force to overwrite it
>>> write_atomic(folder / "report.md", "# Again\\n", force=True)
>>> (folder / "report.md").read_text()
'# Again\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from warmreach.errors import WarmreachError


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    force: bool = False,
    mode: int | None = None,
    prefix: str | None = None,
    durable: bool = True,
) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file in the same folder.

    An existing file is replaced only with ``force``. The file gets ``mode``, else the
    mode of the file it replaces, else the usual mode of a new file (0666 less the
    umask). ``prefix`` names the temporary file (default: ``.NAME.``). Without ``durable``
    the data is not forced to disk first (for files that can be made again, like a cache).
    """
    target = Path(path)
    if target.exists() and not force:
        raise WarmreachError(f"{target} exists; pass --force to overwrite it")
    if target.is_dir():
        raise WarmreachError(f"{target} is a folder")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=prefix or f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
    try:
        if mode is None:
            mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
        Path(temporary).chmod(mode)  # mkstemp makes 0600
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException as error:  # the original stays whole; do not leave the copy behind
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
        raise


def _default_mode() -> int:
    """The mode a new file gets here: 0666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
