"""The ``warmreach`` command: parse options, call one library function, print.

Errors are mapped to exit codes in one place (:func:`_reporting`): every problem in
a user's file is one ``FILE:LINE:COL: message`` line on stderr, never a traceback
unless ``--debug`` asks for one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from warmreach.errors import InvalidNetwork, WarmreachError
from warmreach.graph import summarize
from warmreach.loading import DEFAULT_MAX_BYTES, load_network
from warmreach.model import Network
from warmreach.reports import summary_text
from warmreach.schema import json_schema


class ExitCode(IntEnum):
    """What the process exit status means."""

    OK = 0
    #: something went wrong that is not the input's fault (e.g. a file cannot be read)
    ERROR = 1
    #: the command line was wrong (click reports these itself)
    USAGE = 2
    #: the network file has problems
    INVALID_INPUT = 3


app = typer.Typer(
    name="warmreach",
    help="Find who can refer you into the team you want, from your own network. Offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"debug": False}

NetworkArgument = Annotated[
    Path,
    typer.Argument(help="The network file (YAML).", dir_okay=False, show_default=False),
]
MaxSizeOption = Annotated[
    float,
    typer.Option("--max-size", help="Refuse network files larger than this many MB.", min=0.0),
]


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
) -> None:
    """Find who can refer you into the team you want, from your own network. Offline."""
    _state["debug"] = debug


@contextmanager
def _reporting() -> Iterator[None]:
    """Turn warmreach errors into messages on stderr and an exit code."""
    try:
        yield
    except InvalidNetwork as error:
        if _state["debug"]:
            raise
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except WarmreachError as error:
        if _state["debug"]:
            raise
        typer.echo(f"warmreach: {error}", err=True)
        raise typer.Exit(ExitCode.ERROR) from None


def _load(path: Path, max_size: float) -> Network:
    return load_network(path, max_bytes=int(max_size * 1_000_000))


@app.command()
def validate(
    network: NetworkArgument,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Check a network file: print a summary, or every problem as FILE:LINE:COL: message."""
    with _reporting():
        summary = summarize(_load(network, max_size))
    typer.echo(summary_text(str(network), summary))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the network file, for editor completion and checks."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    """Run the command line."""
    app(prog_name="warmreach")
