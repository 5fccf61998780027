"""The ``warmreach`` command: parse options, call one library function, print.

Errors are mapped to exit codes in one place (:func:`_reporting`): every problem in
a user's file is one ``FILE:LINE:COL: message`` line on stderr, never a traceback
unless ``--debug`` asks for one. Settings of the whole run (``--debug``,
``--no-cache``) travel in Typer's context, options shared by several commands are
declared once below.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from importlib.metadata import version
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warmreach._gc import paused_gc
from warmreach.errors import InvalidNetwork, UsageError, WarmreachError
from warmreach.gaps import find_gaps
from warmreach.graph import NetworkIndex, summarize
from warmreach.importers import SOURCES, Source, read_export, sources_help
from warmreach.matching import find_contact, find_target
from warmreach.model import TOLD_ITEMS, AskKind, Network, Outcome, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES, load_network
from warmreach.networkfile.atomic import write_atomic
from warmreach.networkfile.cache import load_network_cached
from warmreach.plan import DEFAULT_HOURS, plan_actions
from warmreach.reports import (
    Format,
    import_summary_text,
    notice_problem,
    render_analysis,
    render_gaps,
    render_plan,
    summary_text,
)
from warmreach.schema import json_schema
from warmreach.scoring import analyze as analyze_network
from warmreach.text import visible
from warmreach.validation import validate as validate_network


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
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# -- options shared by several commands ------------------------------------------------------


def _megabytes(value: str | int) -> int:
    """``--max-size MB`` as a number of bytes (the default is given in bytes already)."""
    if isinstance(value, int):
        return value
    try:
        megabytes = float(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a number of megabytes") from None
    if not megabytes >= 0 or megabytes == float("inf"):
        raise typer.BadParameter(f"'{value}' is not a number of megabytes, 0 or more")
    return int(megabytes * 1_000_000)


def _day(value: str) -> dt.date:
    """A day written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date written YYYY-MM-DD") from None


NetworkArgument = Annotated[
    Path,
    typer.Argument(
        help="The network file (YAML).", metavar="NETWORK", dir_okay=False, show_default=False
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
FormatOption = Annotated[Format, typer.Option("--format", help="table, markdown or json.")]
OutputOption = Annotated[
    Path | None, typer.Option(help="Write the report to this file instead of printing it.")
]
ForceOption = Annotated[bool, typer.Option(help="Overwrite --output if it exists.")]
AsOfOption = Annotated[
    dt.date | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        parser=_day,
        help="Score as of this day, for reproducible output. Default: today.",
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-size",
        metavar="MB",
        parser=_megabytes,
        help="Refuse network files larger than this many MB.",
        show_default=f"{DEFAULT_MAX_BYTES / 1_000_000:g}",
    ),
]


def _version(value: bool) -> None:
    if value:
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
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Find who can refer you into the team you want, from your own network. Offline."""
    ctx.obj = Settings(debug=debug, cache=not no_cache)


def _settings(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    return found if found is not None else Settings()


@contextmanager
def _reporting(ctx: typer.Context) -> Iterator[None]:
    """Turn warmreach errors into messages on stderr and an exit code."""
    debug = _settings(ctx).debug
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


def _warn(message: str) -> None:
    typer.echo(f"warmreach: warning: {visible(message, newlines=False)}", err=True)


def _load(ctx: typer.Context, path: Path, max_bytes: int) -> tuple[Network, NetworkIndex]:
    """The network at ``path`` and its index, through the cache unless it is turned off."""
    with paused_gc():
        if _settings(ctx).cache:
            network, index = load_network_cached(
                path, derive=NetworkIndex.build, max_bytes=max_bytes, warn=_warn
            )
        else:
            network = load_network(path, max_bytes=max_bytes)
            index = NetworkIndex.build(network)
        # the network lives until the command ends: keep the collector from scanning its
        # million objects once it is back on, and at every full collection after
        gc.freeze()
    return network, index


def _emit(text: str, output: Path | None, force: bool) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text, force=force)


def _width() -> int:
    """The terminal's width when printing to one, else a fixed width for stable output."""
    return shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120


# -- the commands ----------------------------------------------------------------------------


@app.command()
def validate(
    ctx: typer.Context,
    network: NetworkArgument,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="List every company name linked to one written otherwise."
        ),
    ] = False,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Check a network file: print a summary, or every problem as FILE:LINE:COL: message."""
    with _reporting(ctx):
        loaded, index = _load(ctx, network, max_size)
        summary = summarize(loaded, index)
    warnings = sorted(notice_problem(notice) for notice in validate_network(loaded, links=verbose))
    for warning in warnings:
        typer.echo(visible(str(warning), newlines=False), err=True)
    typer.echo(visible(summary_text(str(network), summary, links=len(loaded.company_links))))


@app.command()
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
    with _reporting(ctx):
        loaded, index = _load(ctx, network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        analysis = analyze_network(loaded, targets, as_of=as_of, top=top, paths=paths, index=index)
        _emit(render_analysis(analysis, fmt, width=_width()), output, force)


@app.command()
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
    with _reporting(ctx):
        loaded, index = _load(ctx, network, max_size)
        report = find_gaps(loaded, field=field, roles=role, as_of=as_of, index=index)
        _emit(render_gaps(report, fmt, width=_width()), output, force)


@app.command()
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
    with _reporting(ctx):
        loaded, index = _load(ctx, network, max_size)
        chosen = plan_actions(loaded, hours=hours, as_of=as_of, index=index)
        _emit(render_plan(chosen, fmt, width=_width(), messages=messages), output, force)


@app.command()
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
    with _reporting(ctx):
        loaded, index = _load(ctx, network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        picture = render_network(
            loaded, fmt, targets=targets, top=top, redact=redact, as_of=as_of, dpi=dpi, index=index
        )
        write_atomic(output, picture, force=force)


def _told_items(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    items = tuple(item.strip() for item in text.split(",") if item.strip())
    for item in items:
        if item not in TOLD_ITEMS:
            raise typer.BadParameter(
                f"'{item}' is not one of {', '.join(TOLD_ITEMS)}", param_hint="'--told'"
            )
    return items


@app.command()
def log(
    ctx: typer.Context,
    network: NetworkArgument,
    contact: Annotated[
        str,
        typer.Argument(
            help="The contact's id or name (matched fuzzily).",
            metavar="CONTACT",
            show_default=False,
        ),
    ],
    told: Annotated[
        str | None,
        typer.Option(
            metavar="ITEMS",
            help="What you told them, comma-separated: role, aspiration, availability.",
            show_default=False,
        ),
    ] = None,
    contacted: Annotated[
        bool, typer.Option("--contacted", help="You were in touch: set last_contact to --date.")
    ] = False,
    trust: Annotated[
        int | None,
        typer.Option(help="Set how much they trust you, 0..5.", min=0, max=5, show_default=False),
    ] = None,
    asked: Annotated[
        AskKind | None,
        typer.Option(
            help="You asked them for a referral or an introduction (with --for, and --to).",
            show_default=False,
        ),
    ] = None,
    for_: Annotated[
        str | None,
        typer.Option(
            "--for",
            metavar="COMPANY[/TEAM]",
            help="What the ask was for: a company, or a team of it.",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON",
            help="For --asked intro: whom they are to introduce you to.",
            show_default=False,
        ),
    ] = None,
    outcome: Annotated[
        Outcome | None,
        typer.Option(
            help="What came of an ask: of --asked, or of the one waiting for an answer.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option(help="Add a dated line to their notes.", show_default=False)
    ] = None,
    date: Annotated[
        dt.date | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            parser=_day,
            help="The day it happened (what you told, asked, heard back, noted). Default: today.",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Record what you did with a contact, in the file itself, keeping its comments and layout."""
    from warmreach.log import LogEntry, log_contact  # ruamel.yaml: only log and import need it

    day = resolve_day(date)
    items = _told_items(told)
    if (for_ is not None or to is not None) and asked is None and outcome is None:
        raise typer.BadParameter("--for and --to go with --asked or --outcome", param_hint="--for")
    if not (items or contacted or trust is not None or note or asked or outcome):
        raise typer.BadParameter(
            "say what happened: --told, --contacted, --trust, --asked, --outcome or --note",
            param_hint="CONTACT",
        )
    entry = LogEntry(
        told=items,
        contacted=day if contacted else None,
        trust=trust,
        note=note,
        asked=asked,
        outcome=outcome,
        target=for_,
        to=to,
        today=day,
    )
    with _reporting(ctx):
        found, changes = log_contact(
            network, lambda loaded: find_contact(loaded, contact), entry, max_bytes=max_size
        )
    if changes:
        typer.echo(visible(f"{network}: {found}: " + "; ".join(changes)))
    else:
        typer.echo(f"{network}: {found}: nothing to change")


@app.command("import")
def import_(
    ctx: typer.Context,
    source: Annotated[
        Source,
        typer.Argument(
            help=sources_help() + ".",
            metavar="SOURCE",
            show_default=False,
        ),
    ],
    file: Annotated[
        Path,
        typer.Argument(help="The export file (or folder).", metavar="FILE", show_default=False),
    ],
    output: Annotated[
        Path,
        typer.Option(
            help="The network file to write, or to update with --merge.", show_default=False
        ),
    ],
    merge: Annotated[
        bool,
        typer.Option(help="Update --output in place, keeping everything written in it."),
    ] = False,
    force: Annotated[
        bool, typer.Option(help="Replace --output if it exists (without --merge).")
    ] = False,
    me: Annotated[
        str | None,
        typer.Option(
            "--me",
            metavar="NAME",
            help="Your name, for a new network file (a LinkedIn archive gives it).",
            show_default=False,
        ),
    ] = None,
    me_email: Annotated[
        list[str] | None,
        typer.Option(
            "--me-email",
            metavar="ADDRESS",
            help="Your e-mail address, for mbox and ics (repeatable; found in the file if not "
            "given).",
            show_default=False,
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Build a network file from an export, or merge one into it, with the evidence of what
    you did."""
    from warmreach.importers.merge import import_export  # ruamel.yaml: only import and log

    with _reporting(ctx):
        if not file.exists():
            raise WarmreachError(f"{file}: no such file")
        size = file.stat().st_size if SOURCES[source].streamed and file.is_file() else 0
        with _bytes_progress(size, f"reading {file.name}") as advance:
            export = read_export(
                source, file, max_bytes=max_size, own=me_email or (), progress=advance
            )
        with _progress(len(export.people), f"importing {file.name}") as tick:
            summary = import_export(
                export, output, merge=merge, force=force, me=me, progress=tick, max_bytes=max_size
            )
    typer.echo(visible(import_summary_text(str(file), summary, export)))


@contextmanager
def _bytes_progress(total: int, description: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for reading a large file, when stderr is a terminal."""
    if total < 50_000_000 or not sys.stderr.isatty():
        yield lambda read: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(description, total=total)
        yield lambda read: bar.advance(task, read)


@contextmanager
def _progress(total: int, description: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long work, when stderr is a terminal."""
    if total < 2000 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the network file, for editor completion and checks."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


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
    app(prog_name="warmreach")
