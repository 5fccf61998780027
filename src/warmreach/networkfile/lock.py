"""warmreach's edit lock: two warmreach edits of files in one folder take turns.

>>> import tempfile
>>> with file_lock(Path(tempfile.mkdtemp(), "network.yaml")):
...     pass
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from warmreach.errors import WarmreachError

#: how long an edit waits for another warmreach edit of the same file to finish
LOCK_WAIT: Final = 30.0


@contextmanager
def file_lock(path: Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold warmreach's edit lock on the folder of ``path``: an advisory lock (``flock``)
    on the folder itself, so no lock file is left beside yours, and two warmreach edits of
    files in one folder take turns. The operating system releases it when the process
    ends, so a killed run leaves no stale lock. Where such locks are not available, edits
    rely on the check that the file did not change (:func:`save_document`)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        handle = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise WarmreachError(
            f"{path}: cannot lock its folder for editing: {error.strerror or error}"
        ) from error
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarmreachError(
                        f"{path} is being edited by another warmreach run; try again when it "
                        "has finished"
                    ) from None
                time.sleep(0.05)
            except OSError:  # a file system without locks: the change check still holds
                break
        yield
    finally:
        os.close(handle)  # releases the lock


__all__ = ["LOCK_WAIT", "file_lock"]
