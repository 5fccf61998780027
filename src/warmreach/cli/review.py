"""``warmreach review``: the questions whose answers change your advice, asked in a
terminal, read from piped input, or written as a worksheet and taken back."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from warmreach.cli.app import (
    AsOfOption,
    ForceOption,
    MaxSizeOption,
    NetworkArgument,
    TargetOption,
    aims,
    reporting,
    whole,
)
from warmreach.model import Network, Opening, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES, load_network
from warmreach.networkfile.atomic import write_atomic
from warmreach.reports.review import (
    begin_text,
    person_lines,
    prompt_text,
    retry_text,
    review_summary_text,
    saved_text,
    worksheet_csv,
    worksheet_written_text,
)
from warmreach.review import Facet, Question, review_queue
from warmreach.text import visible


class _Shown:
    """What both ways of asking show, through ``say``."""

    interactive = False

    def say(self, text: str) -> None:
        raise NotImplementedError

    def begin(self, shown: int, queued: int) -> None:
        self.say(begin_text(shown, queued))

    def person(self, question: Question, number: int, total: int) -> None:
        for line in person_lines(question, number, total):
            self.say(line)

    def retry(self, message: str) -> None:
        self.say(retry_text(message))

    def saved(self, changes: list[str]) -> None:
        self.say(saved_text(changes))


class TerminalAsker(_Shown):
    """Questions asked of a person at a terminal; a wrong answer is asked again."""

    interactive = True

    def __init__(self) -> None:
        from rich.console import Console

        self._console = Console(highlight=False)

    def say(self, text: str) -> None:
        self._console.print(visible(text), markup=False)

    def ask(self, question: Question, facet: Facet) -> str | None:
        prompt = "  " + visible(prompt_text(question, facet), newlines=False) + ": "
        try:
            return self._console.input(prompt, markup=False)
        except (EOFError, KeyboardInterrupt):
            self._console.print()
            return None


class LineAsker(_Shown):
    """Answers read one per line (piped input), each shown after its question; a wrong
    answer stops the review."""

    def __init__(self, lines: Iterator[str], say: Callable[[str], None]) -> None:
        self._lines = lines
        self._say = say

    def say(self, text: str) -> None:
        self._say(visible(text))

    def ask(self, question: Question, facet: Facet) -> str | None:
        line = next(self._lines, None)
        if line is None:
            return None
        answer = line.rstrip("\r\n")
        self.say(f"  {prompt_text(question, facet)}: {answer}")
        return answer


def review(
    ctx: typer.Context,
    network: NetworkArgument,
    target: TargetOption = None,
    limit: Annotated[
        int,
        typer.Option(help="Ask about at most this many people.", metavar="N", parser=whole(1)),
    ] = 10,
    worksheet: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.csv",
            help="Write the questions as a spreadsheet to fill in, instead of asking them.",
            show_default=False,
        ),
    ] = None,
    apply: Annotated[
        Path | None,
        typer.Option(
            "--apply",
            metavar="FILE.csv",
            help="Write the answers of a filled-in worksheet into the network file.",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Ask the few questions whose answers change your advice most, and write the answers
    into the file."""
    from warmreach.review.session import chosen_targets, run_review
    from warmreach.review.worksheet import apply_worksheet

    if str(network) == "-":
        raise typer.BadParameter("review writes into the file: give its path, not -")
    if worksheet is not None and apply is not None:
        raise typer.BadParameter("give --worksheet or --apply, not both", param_hint="--apply")
    day = resolve_day(as_of)

    def targets(loaded: Network) -> list[Opening] | None:
        return aims(loaded, target).targets

    with reporting(ctx):
        if worksheet is not None:
            loaded = load_network(network, max_bytes=max_size)
            chosen = chosen_targets(loaded, targets)
            queue = review_queue(loaded, chosen, as_of=day, limit=limit)
            write_atomic(worksheet, worksheet_csv(queue), force=force)
            typer.echo(visible(worksheet_written_text(str(worksheet), str(network), len(queue))))
            return
        if apply is not None:
            result = apply_worksheet(network, apply, targets=targets, as_of=day, max_bytes=max_size)
        else:
            asker: TerminalAsker | LineAsker
            if sys.stdin.isatty():
                asker = TerminalAsker()
            else:
                asker = LineAsker(iter(sys.stdin), typer.echo)
            result = run_review(
                network, asker, targets=targets, as_of=day, limit=limit, max_bytes=max_size
            )
    typer.echo(visible(review_summary_text(str(network), result)))


__all__ = ["LineAsker", "TerminalAsker", "review"]
