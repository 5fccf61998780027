"""What the command line shows of work while it runs, on stderr and in a terminal only:
a progress bar through the stages of long work (:func:`shown_progress`) and a spinner for
work that turns out slow (:func:`busy`). Neither leaves a trace when it ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from warmreach.progress import SILENT, Progress
from warmreach.text import visible

if TYPE_CHECKING:
    import rich.progress

#: a bar for reading a file from this many bytes on (a mailbox)
READING_SHOWN_FROM: Final = 50_000_000
#: a bar for importing from this many people on
PEOPLE_SHOWN_FROM: Final = 2000


class _Bar:
    """One stage of the work at a time, as a task of a rich progress display: of known
    length, a bar; else a pulse."""

    def __init__(self, display: rich.progress.Progress) -> None:
        self._display = display
        self._task: rich.progress.TaskID | None = None

    def stage(self, description: str, total: int | None = None) -> None:
        from rich.markup import escape

        if self._task is not None:
            self._display.remove_task(self._task)
        # a file's name is the user's text: shown as it is, never read as markup
        self._task = self._display.add_task(
            escape(visible(description, newlines=False)), total=total
        )
        self._display.refresh()  # each stage is shown, however short

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._display.advance(self._task, steps)


@contextmanager
def shown_progress(size: int, *, shown_from: int) -> Iterator[Progress]:
    """A progress bar on stderr for work of ``size`` (bytes, people) when it is at least
    ``shown_from`` and stderr is a terminal; else progress nobody sees."""
    if size < shown_from or not sys.stderr.isatty():
        yield SILENT
        return
    from rich.console import Console
    from rich.progress import Progress as Display

    with Display(transient=True, console=Console(stderr=True)) as display:
        yield _Bar(display)


#: how long work runs before a terminal is shown that warmreach is busy
BUSY_AFTER: Final = 1.0


@contextmanager
def busy(description: str) -> Iterator[None]:
    """A spinner on stderr saying what warmreach is doing, once the work has taken more
    than BUSY_AFTER seconds, in a terminal only (it leaves no trace when it ends)."""
    if not sys.stderr.isatty():
        yield
        return
    import threading

    from rich.console import Console
    from rich.markup import escape

    status = Console(stderr=True).status(escape(visible(description, newlines=False)))
    lock = threading.Lock()
    state = {"started": False, "done": False}

    def start() -> None:
        with lock:
            if not state["done"]:
                status.start()
                state["started"] = True

    def stop() -> None:
        timer.cancel()
        with lock:
            if state["started"] and not state["done"]:
                status.stop()
            state["done"] = True

    timer = threading.Timer(BUSY_AFTER, start)
    timer.daemon = True
    _BUSY.append(stop)
    timer.start()
    try:
        yield
    finally:
        stop()
        _BUSY.remove(stop)


#: how to stop the spinner that is running, before a report is printed
_BUSY: list[Callable[[], None]] = []


def done_busy() -> None:
    """Stop any spinner, so that what is printed next is not mixed with it."""
    for stop in list(_BUSY):
        stop()
