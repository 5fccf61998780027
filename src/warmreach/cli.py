"""The ``warmreach`` command: parse options, call one library function, print.

Errors are mapped to exit codes in one place (:func:`_reporting`): every problem in
a user's file is one ``FILE:LINE:COL: message`` line on stderr, never a traceback
unless ``--debug`` asks for one.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warmreach._gc import paused_gc
from warmreach.cache import load_network_cached
from warmreach.errors import InvalidNetwork, UsageError, WarmreachError
from warmreach.files import write_atomic
from warmreach.gaps import find_gaps
from warmreach.graph import summarize
from warmreach.importers import READERS, Source
from warmreach.loading import DEFAULT_MAX_BYTES, load_network, read_network_file
from warmreach.matching import duplicate_warnings, find_contact, find_target
from warmreach.model import TOLD_ITEMS, Network
from warmreach.plan import DEFAULT_HOURS, plan_actions
from warmreach.reports import (
    Format,
    import_summary_text,
    render_analysis,
    render_gaps,
    render_plan,
    summary_text,
)
from warmreach.schema import json_schema
from warmreach.scoring import analyze as analyze_network


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

_state = {"debug": False, "cache": True}

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
    str | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        help="Score as of this day, for reproducible output. Default: today.",
    ),
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Parse the network file even if an unchanged copy is cached."
        ),
    ] = False,
) -> None:
    """Find who can refer you into the team you want, from your own network. Offline."""
    _state["debug"] = debug
    _state["cache"] = not no_cache


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
    except UsageError as error:
        if _state["debug"]:
            raise
        typer.echo(f"warmreach: {error}", err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    except WarmreachError as error:
        if _state["debug"]:
            raise
        typer.echo(f"warmreach: {error}", err=True)
        raise typer.Exit(ExitCode.ERROR) from None


def _load(path: Path, max_size: float) -> Network:
    max_bytes = int(max_size * 1_000_000)
    with paused_gc():
        if _state["cache"]:
            network = load_network_cached(path, max_bytes=max_bytes)
        else:
            network = load_network(path, max_bytes=max_bytes)
        # the network lives until the command ends: keep the collector from scanning its
        # million objects once it is back on, and at every full collection after
        gc.freeze()
    return network


@app.command()
def validate(
    network: NetworkArgument,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Check a network file: print a summary, or every problem as FILE:LINE:COL: message."""
    with _reporting():
        loaded = _load(network, max_size)
        summary = summarize(loaded)
    for warning in duplicate_warnings(loaded):
        typer.echo(str(warning), err=True)
    typer.echo(summary_text(str(network), summary))


def _as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{text}' is not a date written YYYY-MM-DD") from None


def _emit(text: str, output: Path | None, force: bool) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text, force=force)


def _width() -> int:
    """The terminal's width when printing to one, else a fixed width for stable output."""
    return shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120


@app.command()
def analyze(
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
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Rank who could refer you for each target, with the action to take and the reasons."""
    day = _as_of(as_of)
    with _reporting():
        loaded = _load(network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        analysis = analyze_network(loaded, targets, as_of=day, top=top, paths=paths)
        _emit(render_analysis(analysis, fmt, width=_width()), output, force)


@app.command()
def gaps(
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
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Show where your network lacks people in the field you aim at, and what to do."""
    day = _as_of(as_of)
    with _reporting():
        report = find_gaps(_load(network, max_size), field=field, roles=role, as_of=day)
        _emit(render_gaps(report, fmt, width=_width()), output, force)


@app.command()
def plan(
    network: NetworkArgument,
    hours: Annotated[
        float, typer.Option(help="Hours you can give to networking this week.", min=0.0)
    ] = DEFAULT_HOURS,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """This week's actions: whom to tell, ask, ask for an introduction, meet, within your hours."""
    day = _as_of(as_of)
    with _reporting():
        chosen = plan_actions(_load(network, max_size), hours=hours, as_of=day)
        _emit(render_plan(chosen, fmt, width=_width()), output, force)


@app.command()
def render(
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
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Draw the network around you, with the best paths to each target highlighted."""
    from warmreach.render import image_format, render_network  # matplotlib only when drawing

    day = _as_of(as_of)
    try:
        fmt = image_format(output.suffix)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--output") from None
    with _reporting():
        loaded = _load(network, max_size)
        targets = [find_target(loaded, text) for text in target] if target else None
        picture = render_network(
            loaded, fmt, targets=targets, top=top, redact=redact, as_of=day, dpi=dpi
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
    note: Annotated[
        str | None, typer.Option(help="Add a dated line to their notes.", show_default=False)
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The day it happened, for --contacted and --note. Default: today.",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Record what you did with a contact, in the file itself, keeping its comments and layout."""
    from warmreach.editing import LogEntry, log_contact  # ruamel.yaml: only this command needs it

    day = _as_of(date)
    items = _told_items(told)
    if not (items or contacted or trust is not None or note):
        raise typer.BadParameter(
            "say what happened: --told, --contacted, --trust or --note", param_hint="CONTACT"
        )
    entry = LogEntry(
        told=items, contacted=day if contacted else None, trust=trust, note=note, today=day
    )
    with _reporting():
        found, changes = log_contact(
            network,
            lambda loaded: find_contact(loaded, contact),
            entry,
            max_bytes=int(max_size * 1_000_000),
        )
    if changes:
        typer.echo(f"{network}: {found}: " + "; ".join(changes))
    else:
        typer.echo(f"{network}: {found}: nothing to change")


@app.command("import")
def import_(
    source: Annotated[
        Source,
        typer.Argument(
            help="linkedin (Connections.csv), google (Contacts CSV) or vcard (.vcf).",
            metavar="SOURCE",
            show_default=False,
        ),
    ],
    file: Annotated[
        Path,
        typer.Argument(help="The export file.", metavar="FILE", dir_okay=False, show_default=False),
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
            "--me", metavar="NAME", help="Your name, for a new network file.", show_default=False
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES / 1_000_000,
) -> None:
    """Build a network file from a LinkedIn, Google or vCard export, or merge one into it."""
    from warmreach.merging import import_export  # ruamel.yaml: only import and log need it

    with _reporting():
        max_bytes = int(max_size * 1_000_000)
        export = READERS[source](read_network_file(file, max_bytes=max_bytes), str(file))
        with _progress(len(export.people), f"importing {file.name}") as tick:
            summary = import_export(
                export, output, merge=merge, force=force, me=me, progress=tick, max_bytes=max_bytes
            )
    typer.echo(import_summary_text(str(file), summary))


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
    app(prog_name="warmreach")
