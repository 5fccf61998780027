"""Writing result files safely: atomically, and never over a file without ``force``.

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


def write_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Readers see the old file or the new one, never a half-written one. An existing
    file is replaced only with ``force``.
    """
    target = Path(path)
    if target.exists() and not force:
        raise WarmreachError(f"{target} exists; pass --force to overwrite it")
    if target.is_dir():
        raise WarmreachError(f"{target} is a folder")
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise WarmreachError(f"{target}: cannot write: {error.strerror or error}") from error
