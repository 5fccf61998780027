"""The commands that aim at your targets: ``analyze``, ``gaps``, ``plan``, ``render``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from warmreach.cli.app import (
    AsOfOption,
    ForceOption,
    FormatOption,
    MaxSizeOption,
    NetworkArgument,
    OutputOption,
    TargetOption,
    emit,
    load,
    output_width,
    reporting,
)
from warmreach.gaps import find_gaps
from warmreach.graph import NetworkIndex
from warmreach.matching import find_target
from warmreach.model import Network, Opening, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.networkfile.atomic import write_atomic
from warmreach.plan import DEFAULT_HOURS, plan_actions
from warmreach.reports import (
    Format,
    render_analysis,
    render_gaps,
    render_plan,
    review_hint_text,
)
from warmreach.review.hint import review_hint
from warmreach.scoring import analyze as analyze_network


def _hint(
    path: Path,
    network: Network,
    targets: list[Opening] | None,
    fmt: Format,
    as_of: dt.date,
    index: NetworkIndex,
) -> str:
    """The line pointing to ``warmreach review`` when most ties to the targets are unknown
    (reports for people only: JSON keeps its fields)."""
    if fmt == "json":
        return ""
    unknown, useful = review_hint(network, targets, as_of=as_of, index=index)
    return review_hint_text(str(path), unknown, useful) if useful else ""


def analyze(
    ctx: typer.Context,
    network: NetworkArgument,
    target: TargetOption = None,
    top: Annotated[int, typer.Option(help="Show at most this many people per target.", min=1)] = 10,
    paths: Annotated[
        int,
        typer.Option("--paths", help="Also list up to this many other paths per person.", min=0),
    ] = 0,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Rank who could refer you for each target, with the action to take and the reasons."""
    with reporting(ctx):
        loaded, index = load(ctx, network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        analysis = analyze_network(loaded, targets, as_of=as_of, top=top, paths=paths, index=index)
        text = render_analysis(analysis, fmt, width=output_width())
        emit(text + _hint(network, loaded, targets, fmt, analysis.as_of, index), output, force)


def gaps(
    ctx: typer.Context,
    network: NetworkArgument,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="INDUSTRY",
            help="An industry or field you aim at (e.g. 'Climate Tech'); repeatable. "
            "Default: me.seeking.industries.",
            show_default=False,
        ),
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            metavar="ROLE",
            help="A role you want; repeatable. Default: me.seeking.roles.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show where your network lacks people in the field you aim at, and what to do."""
    with reporting(ctx):
        loaded, index = load(ctx, network, max_size)
        report = find_gaps(loaded, field=field, roles=role, as_of=as_of, index=index)
        emit(render_gaps(report, fmt, width=output_width()), output, force)


def plan(
    ctx: typer.Context,
    network: NetworkArgument,
    hours: Annotated[
        float, typer.Option(help="Hours you can give to networking this week.", min=0.0)
    ] = DEFAULT_HOURS,
    messages: Annotated[
        bool, typer.Option(help="End with a draft message for each conversation.")
    ] = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """This week's conversations within your hours, and what they queue for later weeks."""
    with reporting(ctx):
        loaded, index = load(ctx, network, max_size)
        chosen = plan_actions(loaded, hours=hours, as_of=as_of, index=index)
        text = render_plan(chosen, fmt, width=output_width(), messages=messages)
        emit(text + _hint(network, loaded, None, fmt, resolve_day(as_of), index), output, force)


def render(
    ctx: typer.Context,
    network: NetworkArgument,
    output: Annotated[
        Path,
        typer.Option(help="The picture to write: .png, .svg or .pdf.", show_default=False),
    ],
    target: TargetOption = None,
    top: Annotated[int, typer.Option(help="Draw at most this many people.", min=1)] = 40,
    redact: Annotated[bool, typer.Option(help="Draw initials instead of names.")] = False,
    dpi: Annotated[int, typer.Option(help="Resolution of a PNG.", min=30, max=1200)] = 150,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Draw the network around you, with the best paths to each target highlighted."""
    from warmreach.render import image_format, render_network

    try:
        fmt = image_format(output.suffix)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--output") from None
    with reporting(ctx):
        loaded, index = load(ctx, network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        picture = render_network(
            loaded, fmt, targets=targets, top=top, redact=redact, as_of=as_of, dpi=dpi, index=index
        )
        write_atomic(output, picture, force=force)
