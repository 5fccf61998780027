"""``warmreach review``: the questions whose answers change your advice, asked in a
terminal, read from piped input (:mod:`~warmreach.cli.asking`), or written as a
worksheet and taken back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from warmreach.atomic import write_atomic
from warmreach.cli.app import (
    AsOfOption,
    ForceOption,
    MaxSizeOption,
    NetworkArgument,
    TargetOption,
    aims,
    network_cache,
    reporting,
    whole,
)
from warmreach.model import Network, Opening, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.text import visible


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
    from warmreach.cli.asking import LineAsker, TerminalAsker
    from warmreach.reports.review import (
        review_summary_text,
        worksheet_csv,
        worksheet_written_text,
    )
    from warmreach.review import review_queue
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
            loaded, index = network_cache(ctx).load(network, max_bytes=max_size)
            chosen = chosen_targets(loaded, targets)
            queue = review_queue(loaded, chosen, as_of=day, limit=limit, index=index)
            write_atomic(worksheet, worksheet_csv(queue), force=force)
            typer.echo(visible(worksheet_written_text(str(worksheet), str(network), len(queue))))
            return
        if apply is not None:
            result = apply_worksheet(
                network,
                apply,
                targets=targets,
                as_of=day,
                max_bytes=max_size,
                cache=network_cache(ctx),
            )
        else:
            asker: TerminalAsker | LineAsker
            if sys.stdin.isatty():
                asker = TerminalAsker()
            else:
                asker = LineAsker(iter(sys.stdin), typer.echo)
            result = run_review(
                network,
                asker,
                targets=targets,
                as_of=day,
                limit=limit,
                max_bytes=max_size,
                cache=network_cache(ctx),
            )
    typer.echo(visible(review_summary_text(str(network), result)))


__all__ = ["review"]
