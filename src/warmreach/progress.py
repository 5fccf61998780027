"""How long work says how far it has got: in stages, each of a known or unknown length.

Work that can take long on a large file (an import, a merge: matching people, checking
the file as it will be written, keeping it for the next command) begins each stage with
:meth:`Progress.stage` and counts its steps with :meth:`Progress.advance`. The command
line shows a bar (``warmreach.cli.bars``); a library caller passes nothing, or its own.

>>> class Told:
...     def stage(self, description, total=None): print(description, total)
...     def advance(self, steps=1): pass
>>> progress: Progress = Told()
>>> progress.stage("checking network.yaml", 30_000)
checking network.yaml 30000
"""

from __future__ import annotations

from typing import Final, Protocol


class Progress(Protocol):
    """What long work tells of how far it has got."""

    def stage(self, description: str, total: int | None = None) -> None:
        """A stage begins (the one before, if any, is over): what it does, and how many
        steps it takes (None: not known). The same stage begun again starts over."""
        ...

    def advance(self, steps: int = 1) -> None:
        """``steps`` more of the stage are done."""
        ...


class _Silent:
    def stage(self, description: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


#: progress nobody is shown
SILENT: Final[Progress] = _Silent()

__all__ = ["SILENT", "Progress"]
