"""Errors warmreach raises, and the located problems it reports about a user's file.

Every problem found in a network file becomes a :class:`Problem` that prints as
``FILE:LINE:COL: message``. The loader collects all of them and raises one
:class:`InvalidNetwork`, so a user fixing a file sees everything in one run.

>>> problem = Problem(file="network.yaml", line=42, col=5, message="contacts[3].trust must be 0..5")
>>> print(problem)
network.yaml:42:5: contacts[3].trust must be 0..5
>>> print(InvalidNetwork([problem]))
network.yaml:42:5: contacts[3].trust must be 0..5
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Place(Protocol):
    """Where something stands in a file (a :class:`~warmreach.model.Location`)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def col(self) -> int: ...


@dataclass(frozen=True, kw_only=True, order=True)
class Problem:
    """One thing wrong in a user's file, with where it is."""

    #: the file as the user named it (or ``<string>``)
    file: str
    #: 1-based line of the offending text
    line: int
    #: 1-based column (in characters) of the offending text
    col: int
    #: what is wrong, naming positions and ids, never whole records
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    @classmethod
    def at(cls, where: Place | None, message: str, *, file: str | None) -> Problem:
        """A problem at ``where``, or, for a record that has no place (one made in code),
        at the top of ``file`` (``<string>`` when that is unknown too).

        >>> str(Problem.at(None, "warning: two names", file=None))
        '<string>:1:1: warning: two names'
        """
        if where is None:
            return cls(file=file or "<string>", line=1, col=1, message=message)
        return cls(file=where.file, line=where.line, col=where.col, message=message)


class WarmreachError(Exception):
    """Base class of every error warmreach raises on purpose."""


class InvalidNetwork(WarmreachError):
    """A network file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class UsageError(WarmreachError):
    """A request the network cannot answer as asked (reported like a command-line mistake)."""


class UnknownName(UsageError):
    """A name given on the command line (a company, a team) that the network does not have."""
