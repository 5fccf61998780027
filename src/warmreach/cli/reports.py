"""The commands that aim at your targets: ``analyze``, ``gaps``, ``plan``, ``render``,
``report``, ``jobs``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from warmreach.atomic import write_atomic
from warmreach.cli.app import (
    Aims,
    AsOfOption,
    ForceOption,
    FormatOption,
    HoursOption,
    MaxSizeOption,
    NetworkArgument,
    OutputOption,
    PersonOption,
    TargetOption,
    TargetsFromOption,
    TopOption,
    aims,
    emit,
    load,
    output_width,
    report_format,
    reporting,
    whole,
)
from warmreach.cli.bars import busy
from warmreach.graph import NetworkIndex
from warmreach.model import Network, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.page import DRAWN
from warmreach.plan import DEFAULT_HOURS
from warmreach.reports.common import Format

# Each command imports what only it uses in its body, so that one command's start does not
# load the others' modules (tests/test_startup.py pins what ``analyze`` loads).


def _hint(
    path: Path,
    network: Network,
    aimed: Aims,
    fmt: Format,
    as_of: dt.date,
    index: NetworkIndex,
) -> str:
    """The line pointing to ``warmreach review`` when most ties to the targets are unknown
    (reports for people only: JSON keeps its fields)."""
    if fmt == "json":
        return ""
    from warmreach.reports.review import review_hint_text
    from warmreach.review.hint import review_hint

    unknown, useful = review_hint(network, aimed.all_targets, as_of=as_of, index=index)
    return review_hint_text(str(path), unknown, useful) if useful else ""


def analyze(
    ctx: typer.Context,
    network: NetworkArgument,
    target: TargetOption = None,
    person: PersonOption = None,
    targets_from: TargetsFromOption = None,
    top: TopOption = 10,
    paths: Annotated[
        int,
        typer.Option(
            "--paths",
            help="Also list up to this many other paths per person.",
            metavar="K",
            parser=whole(0),
        ),
    ] = 0,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Rank who could refer you for each target, with the action to take and the reasons."""
    from warmreach.reports.analysis import next_steps_text, render_analysis
    from warmreach.scoring import analyze as analyze_network

    fmt = report_format(fmt, output)
    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        aimed = aims(loaded, target, person, targets_from)
        analysis = analyze_network(
            loaded, aimed.targets, as_of=as_of, top=top, paths=paths, index=index,
            people=aimed.people,
        )  # fmt: skip
        text = render_analysis(analysis, fmt, width=output_width())
        hint = _hint(network, loaded, aimed, fmt, analysis.as_of, index)
        named = "NETWORK" if str(network) == "-" else str(network)
        more = next_steps_text(named) if fmt == "table" else ""
        emit(text + more + hint, output, force)


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
    target: TargetOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show where your network lacks people in the field you aim at, and what to do."""
    from warmreach.gaps import find_gaps
    from warmreach.reports.gaps import render_gaps

    fmt = report_format(fmt, output)
    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        targets = aims(loaded, target).targets
        report = find_gaps(
            loaded, field=field, roles=role, as_of=as_of, index=index, targets=targets
        )
        emit(render_gaps(report, fmt, width=output_width()), output, force)


def plan(
    ctx: typer.Context,
    network: NetworkArgument,
    hours: HoursOption = DEFAULT_HOURS,
    target: TargetOption = None,
    person: PersonOption = None,
    targets_from: TargetsFromOption = None,
    messages: Annotated[
        bool, typer.Option(help="End with a draft message for each conversation.")
    ] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """This week's conversations within your hours, and what they queue for later weeks."""
    from warmreach.plan.week import plan_actions
    from warmreach.reports.plan import render_plan

    fmt = report_format(fmt, output)
    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        aimed = aims(loaded, target, person, targets_from)
        targets = aimed.all_targets
        chosen = plan_actions(
            loaded, hours=hours, as_of=as_of, index=index, targets=targets,
            weights=aimed.all_weights,
        )  # fmt: skip
        text = render_plan(chosen, fmt, width=output_width(), messages=messages)
        hint = _hint(network, loaded, aimed, fmt, resolve_day(as_of), index)
        emit(text + hint, output, force)


def render(
    ctx: typer.Context,
    network: NetworkArgument,
    output: Annotated[
        Path,
        typer.Option(
            metavar="FILE", help="The picture to write: .png, .svg or .pdf.", show_default=False
        ),
    ],
    target: TargetOption = None,
    person: PersonOption = None,
    top: Annotated[
        int, typer.Option(help="Draw at most this many people.", metavar="N", parser=whole(1))
    ] = 40,
    redact: Annotated[bool, typer.Option(help="Draw initials instead of names.")] = False,
    dpi: Annotated[
        int,
        typer.Option(help="Resolution of a PNG.", metavar="DPI", parser=whole(30, 1200)),
    ] = 150,
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
    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        targets = aims(loaded, target, person).all_targets
        picture = render_network(
            loaded, fmt, targets=targets, top=top, redact=redact, as_of=as_of, dpi=dpi, index=index
        )
        write_atomic(output, picture, force=force)


def jobs(
    ctx: typer.Context,
    network: NetworkArgument,
    postings: Annotated[
        Path,
        typer.Argument(
            help="Your saved postings: a CSV with company, title, and optionally team, url, "
            "closes, weight (docs/targets.md).",
            metavar="POSTINGS.csv",
            dir_okay=False,
            show_default=False,
        ),
    ],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Rank your saved postings by the best warm route to each."""
    fmt = report_format(fmt, output)
    if str(network) == "-" and str(postings) == "-":
        raise typer.BadParameter("only one of NETWORK and POSTINGS.csv can be -")
    from warmreach.jobs import rank_jobs
    from warmreach.postings import read_postings
    from warmreach.reports.jobs import render_jobs
    from warmreach.sheets import read_file

    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        shown = "<stdin>" if str(postings) == "-" else str(postings)
        listed = read_postings(read_file(postings), shown, loaded)
        ranked = rank_jobs(loaded, listed, as_of=as_of, index=index)
        emit(render_jobs(ranked, fmt, width=output_width()), output, force)


def report(
    ctx: typer.Context,
    network: NetworkArgument,
    output: Annotated[
        Path,
        typer.Option(metavar="FILE", help="The page to write: a .html file.", show_default=False),
    ],
    target: TargetOption = None,
    person: PersonOption = None,
    targets_from: TargetsFromOption = None,
    hours: HoursOption = DEFAULT_HOURS,
    top: TopOption = 10,
    draw: Annotated[
        int,
        typer.Option(
            help="Draw at most this many people in the network view.",
            metavar="N",
            parser=whole(1),
        ),
    ] = DRAWN,
    redact: Annotated[
        bool, typer.Option(help="Initials instead of names, everywhere on the page.")
    ] = False,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Write one offline HTML page with everything: who could refer you, this week's plan
    with its messages, your gaps, and a network view to explore."""
    from warmreach.page.report import report_page

    if output.suffix.lower() not in {".html", ".htm"}:
        raise typer.BadParameter(
            f"cannot write a page to '{output.suffix or output.name}': use .html",
            param_hint="--output",
        )
    with reporting(ctx), busy(f"working on {network}"):
        loaded, index = load(ctx, network, max_size)
        aimed = aims(loaded, target, person, targets_from)
        page = report_page(
            loaded, targets=aimed.targets, people=aimed.people, weights=aimed.weights,
            hours=hours, redact=redact, as_of=as_of, top=top, drawn=draw, index=index,
        )  # fmt: skip
        emit(page, output, force)
