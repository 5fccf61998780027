"""The ``warmreach`` command: parse options, call one library function, print.

- :mod:`~warmreach.cli.app`: the Typer app, exit codes, shared options, and the one
  place errors become messages and exit codes;
- :mod:`~warmreach.cli.reports`: ``analyze``, ``gaps``, ``plan``, ``jobs``, ``render``;
- :mod:`~warmreach.cli.files`: ``validate``, ``log``, ``import``, ``schema``;
- :mod:`~warmreach.cli.review`: ``review``.

The commands are registered here, in the order ``warmreach --help`` lists them.
"""

from __future__ import annotations

import sys

import typer

from warmreach.cli import streams
from warmreach.cli.app import ExitCode, app
from warmreach.cli.files import import_, log, schema, validate
from warmreach.cli.reports import analyze, gaps, jobs, plan, render
from warmreach.cli.review import review
from warmreach.cli.streams import plain_streams
from warmreach.text import visible

app.command()(validate)
app.command()(analyze)
app.command()(gaps)
app.command()(plan)
app.command()(jobs)
app.command()(render)
app.command()(review)
app.command()(log)
app.command("import")(import_)
app.command()(schema)


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
        app(prog_name="warmreach")
    finally:
        if streams.replaced:
            typer.echo(
                "warmreach: this terminal cannot show every character; some were written "
                "plainly (--output FILE writes UTF-8)",
                err=True,
            )


__all__ = ["ExitCode", "app", "main"]
