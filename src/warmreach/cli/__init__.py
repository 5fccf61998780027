"""The ``warmreach`` command: parse options, call one library function, print.

- :mod:`~warmreach.cli.app`: the Typer app, exit codes, shared options, and the one
  place errors become messages and exit codes;
- :mod:`~warmreach.cli.reports`: ``analyze``, ``gaps``, ``plan``, ``jobs``, ``render``,
  ``report``;
- :mod:`~warmreach.cli.files`: ``validate``, ``log``, ``import``, ``schema``;
- :mod:`~warmreach.cli.review`: ``review``.

The commands are registered here, in the order ``warmreach --help`` lists them.
"""

from __future__ import annotations

import copy
import os
import sys
from typing import NoReturn

import typer

from warmreach.cli import streams
from warmreach.cli.app import ExitCode, app
from warmreach.cli.files import import_, log, schema, validate
from warmreach.cli.reports import analyze, gaps, jobs, plan, render, report
from warmreach.cli.review import review
from warmreach.cli.streams import plain_streams
from warmreach.text import visible

#: an example of each command, shown at the end of its help
EXAMPLES: dict[str, str] = {
    "validate": "warmreach validate network.yaml",
    "analyze": "warmreach analyze network.yaml --target Voltgrid --top 5\n"
    "  warmreach analyze network.yaml --person 'Eva Berg' --output routes.md",
    "gaps": "warmreach gaps network.yaml --field 'Climate Tech' --role 'Product Manager'",
    "plan": "warmreach plan network.yaml --hours 2 --messages",
    "jobs": "warmreach jobs network.yaml saved-postings.csv --output jobs.md",
    "render": "warmreach render network.yaml --output network.png --redact",
    "report": "warmreach report network.yaml --output report.html --hours 3\n"
    "  warmreach report network.yaml --output for-my-coach.html --redact",
    "review": "warmreach review network.yaml --limit 5\n"
    "  warmreach review network.yaml --worksheet queue.csv",
    "log": "warmreach log network.yaml 'Bob Chen' --told aspiration,availability --contacted",
    "import": "warmreach import linkedin Connections.csv --output network.yaml --me 'Ana Lima'",
    "schema": "warmreach schema > network.schema.json",
}
COMMANDS = (
    ("validate", validate),
    ("analyze", analyze),
    ("gaps", gaps),
    ("plan", plan),
    ("jobs", jobs),
    ("render", render),
    ("report", report),
    ("review", review),
    ("log", log),
    ("import", import_),
    ("schema", schema),
)
for name, command in COMMANDS:
    # "\b" keeps the example's lines as written (the help would re-wrap them)
    app.command(name, epilog=f"Example:\n\n\b\n  {EXAMPLES[name]}")(command)


def for_arguments(arguments: list[str]) -> typer.Typer:
    """The app with only the command ``arguments`` name (the first that is not an option:
    the options before a command take no value), else the whole app (help, a mistyped
    command, shell completion). Building every command's options takes longer than most
    runs' own work; a test holds both to the same output."""
    name = next((argument for argument in arguments if not argument.startswith("-")), None)
    named = [info for info in app.registered_commands if info.name == name]
    if not named:
        return app
    only = copy.copy(app)
    only.registered_commands = named
    return only


def main() -> None:
    """Run the command line."""
    for position, argument in enumerate(sys.argv[1:], start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8, kept as lone surrogates
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            typer.echo(
                f"warmreach: argument {position} ({visible(shown, newlines=False)}) is not "
                "valid UTF-8; write it in UTF-8",
                err=True,
            )
            raise SystemExit(ExitCode.USAGE) from None
    plain_streams([sys.stdout, sys.stderr])
    try:
        for_arguments(sys.argv[1:])(prog_name="warmreach")
    finally:
        if streams.replaced:
            typer.echo(
                "warmreach: this terminal cannot show every character; some were written "
                "plainly (--output FILE writes UTF-8)",
                err=True,
            )


def run() -> NoReturn:
    """The ``warmreach`` command and ``python -m warmreach``: :func:`main`, then an exit
    that leaves what the command built for the operating system to take back at once.
    Freeing a large network object by object takes longer than a small command's own
    work; files are written atomically and closed before a command returns, so what is
    left is to flush the standard streams. The exit status is Python's own for the same
    ``SystemExit`` (a failed flush: 120, as Python's)."""
    try:
        main()
        status = 0
    except SystemExit as done:
        status = exit_status(done.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, or a stream closed already
            status = status or 120
    os._exit(status)


def exit_status(code: object) -> int:
    """The status Python exits with for ``SystemExit(code)``: 0 for None, the number,
    else 1 after printing ``code`` to standard error.

    >>> exit_status(None), exit_status(2), exit_status(ExitCode.USAGE)
    (0, 2, 2)
    """
    if code is None:
        return 0
    if isinstance(code, int):
        return int(code)
    print(code, file=sys.stderr)
    return 1


__all__ = ["ExitCode", "app", "exit_status", "for_arguments", "main", "run"]
