"""The command line's frame: the Typer app, exit codes, the options several commands
share, and the one place errors become messages and exit codes (:func:`reporting`).

Every problem in a user's file is one ``FILE:LINE:COL: message`` line on stderr, never a
traceback unless ``--debug`` asks for one. Settings of the whole run (``--debug``,
``--no-cache``) travel in Typer's context.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from warmreach._gc import paused_gc
from warmreach.atomic import write_atomic
from warmreach.cli.bars import done_busy
from warmreach.errors import InvalidNetwork, UsageError, WarmreachError
from warmreach.graph import NetworkIndex
from warmreach.model import Network, Opening
from warmreach.networkfile import DEFAULT_MAX_BYTES, parse_network
from warmreach.networkfile.cache import NetworkCache
from warmreach.reports.common import FORMATS, Format
from warmreach.text import visible


class ExitCode(IntEnum):
    """What the process exit status means."""

    OK = 0
    #: something went wrong that is not the input's fault (e.g. a file cannot be read)
    ERROR = 1
    #: the command line was wrong (click reports these itself)
    USAGE = 2
    #: the network file has problems
    INVALID_INPUT = 3


@dataclass(frozen=True)
class Settings:
    """What the options before the command set for the whole run."""

    debug: bool = False
    cache: bool = True


app = typer.Typer(
    name="warmreach",
    help="Find who can refer you into the team you want, from your own network. Offline.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _amount(value: str, unit: str) -> float:
    """A number of ``unit``, 0 or more and finite, as written on the command line."""
    try:
        amount = float(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a number of {unit}") from None
    if not amount >= 0 or amount == float("inf"):
        raise typer.BadParameter(f"'{value}' is not a number of {unit}, 0 or more")
    return amount


def parse_megabytes(value: str | int) -> int:
    """``--max-size MB`` as a number of bytes (the default is given in bytes already)."""
    if isinstance(value, int):
        return value
    return int(_amount(value, "megabytes") * 1_000_000)


def whole(low: int, high: int | None = None) -> Callable[[str | int], int]:
    """A parser of a whole number from ``low`` (to ``high``), saying what is wrong in
    warmreach's words.

    >>> whole(0, 5)("3"), whole(1)(10)
    (3, 10)
    """

    def parse(value: str | int) -> int:
        if isinstance(value, int):
            return value
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise typer.BadParameter(f"'{value}' is not a whole number")
        number = int(text)
        if number < low or (high is not None and number > high):
            span = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise typer.BadParameter(f"{number} is not {span}")
        return number

    return parse


def parse_hours(value: str | float) -> float:
    """Hours, a number 0 or more."""
    if isinstance(value, float | int):
        return float(value)
    return _amount(value, "hours")


def parse_format(value: str | None) -> Format | None:
    """``--format``: one of the report formats."""
    if value is None:
        return None
    for fmt in FORMATS:
        if value.strip().casefold() == fmt:
            return fmt
    raise typer.BadParameter(f"'{value}' is not one of {', '.join(FORMATS)}")


def parse_day(value: str) -> dt.date:
    """A day written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date written YYYY-MM-DD") from None


NetworkArgument = Annotated[
    Path,
    typer.Argument(
        help="The network file (YAML); - reads it from standard input.",
        metavar="NETWORK",
        dir_okay=False,
        show_default=False,
    ),
]
TargetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--target",
        metavar="COMPANY[/TEAM]",
        help="COMPANY or COMPANY/TEAM; repeatable. "
        "Default: the file's openings, else me.seeking.companies.",
        show_default=False,
    ),
]
PersonOption = Annotated[
    list[str] | None,
    typer.Option(
        "--person",
        metavar="NAME",
        help="Someone to reach: a contact's name or id, or 'Name@Company' for someone not in "
        "the file; repeatable.",
        show_default=False,
    ),
]
TargetsFromOption = Annotated[
    Path | None,
    typer.Option(
        "--targets-from",
        metavar="POSTINGS.csv",
        help="Aim at the postings of this list: a CSV with company, title, and optionally "
        "team, url, closes, weight (docs/targets.md).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        metavar="table|markdown|json",
        parser=parse_format,
        help="table, markdown or json. Default: from --output's extension (.json, .md), "
        "else table.",
        show_default=False,
    ),
]
#: the report format each extension of ``--output`` stands for
EXTENSIONS: dict[str, Format] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}


def report_format(fmt: Format | None, output: Path | None) -> Format:
    """The format of a report: ``--format``, else the one ``--output``'s extension stands
    for, else a table; a format the extension contradicts is a usage error.

    >>> report_format(None, Path("r.json")), report_format("markdown", None)
    ('json', 'markdown')
    """
    implied = EXTENSIONS.get(output.suffix.casefold()) if output is not None else None
    if fmt is not None and implied is not None and fmt != implied:
        raise typer.BadParameter(
            f"--format {fmt} writes {fmt}, but {output} is named for {implied}; "
            "drop --format or rename the file",
            param_hint="--format",
        )
    return fmt or implied or "table"


OutputOption = Annotated[
    Path | None,
    typer.Option(metavar="FILE", help="Write the report to this file instead of printing it."),
]
ForceOption = Annotated[bool, typer.Option(help="Overwrite --output if it exists.")]
TopOption = Annotated[
    int,
    typer.Option(help="Show at most this many people per target.", metavar="N", parser=whole(1)),
]
HoursOption = Annotated[
    float,
    typer.Option(
        help="Hours you can give to networking this week.", metavar="H", parser=parse_hours
    ),
]
AsOfOption = Annotated[
    dt.date | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        parser=parse_day,
        help="Score as of this day, for reproducible output. Default: today.",
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-size",
        metavar="MB",
        parser=parse_megabytes,
        help=f"Refuse network files larger than this many MB. Default: "
        f"{DEFAULT_MAX_BYTES / 1_000_000:g}.",
        show_default=False,
    ),
]


def show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"warmreach {version('warmreach')}")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse the network file even if an unchanged copy is cached."
        ),
    ] = False,
    _show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Find who can refer you into the team you want, from your own network. Offline."""
    ctx.obj = Settings(debug=debug, cache=not no_cache)


def settings_of(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    return found if found is not None else Settings()


def network_cache(ctx: typer.Context) -> NetworkCache:
    """The cache commands read network files through, each entry with the network's index
    (turned off by ``--no-cache``); edits read through it too, and leave what they write
    in it."""
    return NetworkCache(derive=_prepared_index, warn=warn, enabled=settings_of(ctx).cache)


def _prepared_index(network: Network) -> NetworkIndex:
    """The index an entry keeps, with what every ranking asks of it first."""
    from warmreach.scoring import prepared_index  # the ranking's: only when an entry is made

    return prepared_index(network)


@contextmanager
def reporting(ctx: typer.Context) -> Iterator[None]:
    """Turn warmreach errors into messages on stderr and an exit code."""
    debug = settings_of(ctx).debug
    try:
        yield
    except InvalidNetwork as error:
        if debug:
            raise
        for problem in error.problems:
            typer.echo(visible(str(problem), newlines=False), err=True)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except UsageError as error:
        if debug:
            raise
        typer.echo(f"warmreach: {visible(str(error), newlines=False)}", err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    except WarmreachError as error:
        if debug:
            raise
        typer.echo(f"warmreach: {visible(str(error), newlines=False)}", err=True)
        raise typer.Exit(ExitCode.ERROR) from None


def warn(message: str) -> None:
    typer.echo(f"warmreach: warning: {visible(message, newlines=False)}", err=True)


def load(ctx: typer.Context, path: Path, max_bytes: int) -> tuple[Network, NetworkIndex]:
    """The network at ``path`` and its index, through the cache unless it is turned off;
    ``-`` is standard input."""
    with paused_gc():
        if str(path) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            network = parse_network(data, file="<stdin>", max_bytes=max_bytes)
            index = NetworkIndex.build(network)
        else:
            network, index = network_cache(ctx).load(path, max_bytes=max_bytes)
        # the network lives until the command ends: keep the collector from scanning its
        # million objects once it is back on, and at every full collection after; and
        # keep it from being freed when the command returns (`run` exits without freeing)
        gc.freeze()
    _LOADED[:] = [network, index]
    return network, index


#: the network the running command loaded (the last one, in a process that runs several)
_LOADED: list[object] = []


@dataclass(frozen=True)
class Aims:
    """What a command aims at, from ``--target``, ``--person`` and ``--targets-from``."""

    #: the targets named (None: the file's own)
    targets: list[Opening] | None
    #: the people named, each (id or None, their target, their name)
    people: list[tuple[str | None, Opening, str]]
    #: each target's weight (a posting's ``weight``; 1 for the others)
    weights: list[float] | None

    @property
    def all_targets(self) -> list[Opening] | None:
        """The targets, with each person's (for commands that aim at teams only)."""
        from warmreach.scoring import with_people

        return with_people(self.targets, self.people)[0]

    @property
    def all_weights(self) -> list[float] | None:
        """The weight of each of :attr:`all_targets`, when postings gave weights."""
        from warmreach.scoring import with_people

        return with_people(self.targets, self.people, self.weights)[1]


def aims(
    network: Network,
    target: list[str] | None,
    person: list[str] | None = None,
    targets_from: Path | None = None,
) -> Aims:
    """What ``--target``, ``--person`` and ``--targets-from`` name in ``network``; each
    posting of the list whose company nobody works at is a warning. Names are matched
    fuzzily (rapidfuzz is loaded only when a name is given)."""
    targets: list[Opening] = []
    for text in target or ():
        from warmreach.matching import find_targets

        targets += find_targets(network, text)
    weights = [1.0] * len(targets)
    if targets_from is not None:
        from warmreach.postings import read_postings
        from warmreach.sheets import read_file

        for posting in read_postings(read_file(targets_from), str(targets_from), network):
            if posting.target is None:
                hint = f"; {posting.hint}" if posting.hint else ""
                warn(
                    f"{targets_from}:{posting.line}: nobody in your network works at "
                    f"'{posting.company}'{hint}"
                )
                continue
            targets.append(posting.target)
            weights.append(posting.weight)
    people = []
    for text in person or ():
        from warmreach.matching import find_person

        people.append(find_person(network, text))
    named = bool(target or targets_from)
    return Aims(
        targets=targets if named else None,
        people=people,
        weights=weights if targets_from is not None else None,
    )


def emit(text: str, output: Path | None, force: bool) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    done_busy()
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text, force=force)


def output_width() -> int:
    """The terminal's width when printing to one, else a fixed width for stable output."""
    return shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
