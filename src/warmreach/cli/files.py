"""The commands that read or change your file: ``validate``, ``log``, ``import``, ``schema``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from warmreach.cli.app import (
    MaxSizeOption,
    NetworkArgument,
    load,
    network_cache,
    parse_day,
    reporting,
    whole,
)
from warmreach.cli.bars import PEOPLE_SHOWN_FROM, READING_SHOWN_FROM, shown_progress
from warmreach.errors import WarmreachError
from warmreach.importers.sources import SOURCES, Source, read_export, sources_help
from warmreach.model import TOLD_ITEMS, AskKind, Outcome, resolve_day
from warmreach.networkfile import DEFAULT_MAX_BYTES
from warmreach.text import visible


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
    from warmreach.graph import summarize
    from warmreach.reports.summaries import notice_problem, summary_text
    from warmreach.validation import validate as validate_network

    with reporting(ctx):
        loaded, index = load(ctx, network, max_size)
        summary = summarize(loaded, index)
    warnings = sorted(notice_problem(notice) for notice in validate_network(loaded, links=verbose))
    for warning in warnings:
        typer.echo(visible(str(warning), newlines=False), err=True)
    shown = "<stdin>" if str(network) == "-" else str(network)
    typer.echo(visible(summary_text(shown, summary, links=len(loaded.company_links))))


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


def _knows_items(texts: list[str] | None) -> tuple[tuple[str, int | None], ...]:
    """``--knows PERSON[:STRENGTH]`` values as (person, strength or None)."""
    found: list[tuple[str, int | None]] = []
    for text in texts or ():
        person, colon, tail = text.rpartition(":")
        if colon and tail.strip().isdigit():
            strength = int(tail.strip())
            if not 1 <= strength <= 5:
                raise typer.BadParameter(
                    f"'{text}': the strength is 1 (acquaintance) .. 5 (close), not {strength}",
                    param_hint="'--knows'",
                )
            found.append((person.strip(), strength))
        else:
            found.append((text.strip(), None))
        if not found[-1][0]:
            raise typer.BadParameter(f"'{text}' names nobody", param_hint="'--knows'")
    return tuple(found)


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
        typer.Option(
            help="Set how much they trust you, 0..5.",
            metavar="N",
            parser=whole(0, 5),
            show_default=False,
        ),
    ] = None,
    knows_my_work: Annotated[
        int | None,
        typer.Option(
            help="Set how well they know your work, 0..5.",
            metavar="N",
            parser=whole(0, 5),
            show_default=False,
        ),
    ] = None,
    team: Annotated[
        str | None,
        typer.Option(metavar="TEAM", help="Their team at their company.", show_default=False),
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TITLE", help="Their job title.", show_default=False)
    ] = None,
    company: Annotated[
        str | None,
        typer.Option(
            metavar="COMPANY",
            help="Where they work now (the company the file has moves to past_companies).",
            show_default=False,
        ),
    ] = None,
    knows: Annotated[
        list[str] | None,
        typer.Option(
            metavar="PERSON[:STRENGTH]",
            help="Someone they know (strength 1 acquaintance .. 5 close); repeatable.",
            show_default=False,
        ),
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
        str | None,
        typer.Option(metavar="TEXT", help="Add a dated line to their notes.", show_default=False),
    ] = None,
    date: Annotated[
        dt.date | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            parser=parse_day,
            help="The day it happened (what you told, asked, heard back, noted). Default: today.",
        ),
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Record what you did with a contact, in the file itself, keeping its comments and layout."""
    from warmreach.log import LogEntry, log_contact  # ruamel.yaml: only log and import need it
    from warmreach.matching import find_contact  # rapidfuzz: a name may be misspelled

    if str(network) == "-":
        raise typer.BadParameter("log writes into the file: give its path, not -")
    day = resolve_day(date)
    items = _told_items(told)
    links = _knows_items(knows)
    if (for_ is not None or to is not None) and asked is None and outcome is None:
        raise typer.BadParameter("--for and --to go with --asked or --outcome", param_hint="--for")
    facts = (trust, knows_my_work, team, title, company)
    if not (items or contacted or links or note or asked or outcome) and all(
        fact is None for fact in facts
    ):
        raise typer.BadParameter(
            "say what happened: --told, --contacted, --trust, --knows-my-work, --team, "
            "--title, --company, --knows, --asked, --outcome or --note",
            param_hint="CONTACT",
        )
    entry = LogEntry(
        told=items,
        contacted=day if contacted else None,
        trust=trust,
        knows_my_work=knows_my_work,
        team=team,
        title=title,
        company=company,
        knows=links,
        note=note,
        asked=asked,
        outcome=outcome,
        target=for_,
        to=to,
        today=day,
    )
    with reporting(ctx):
        found, changes = log_contact(
            network,
            lambda loaded: find_contact(loaded, contact),
            entry,
            max_bytes=max_size,
            cache=network_cache(ctx),
        )
    if changes:
        typer.echo(visible(f"{network}: {found}: " + "; ".join(changes)))
    else:
        typer.echo(f"{network}: {found}: nothing to change")


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
            metavar="NETWORK",
            help="The network file to write, or to update with --merge.",
            show_default=False,
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
    from warmreach.reports.summaries import import_summary_text

    with reporting(ctx):
        if not file.exists():
            raise WarmreachError(f"{file}: no such file")
        size = file.stat().st_size if SOURCES[source].streamed and file.is_file() else 0
        with shown_progress(size, shown_from=READING_SHOWN_FROM) as shown:
            shown.stage(f"reading {file.name}", size)
            export = read_export(
                source, file, max_bytes=max_size, own=me_email or (), progress=shown.advance
            )
        with shown_progress(len(export.people), shown_from=PEOPLE_SHOWN_FROM) as shown:
            summary = import_export(
                export,
                output,
                merge=merge,
                force=force,
                me=me,
                progress=shown,
                max_bytes=max_size,
                cache=network_cache(ctx),
            )
    typer.echo(visible(import_summary_text(str(file), summary, export)))


def schema() -> None:
    """Print the JSON Schema of the network file, for editor completion and checks."""
    from warmreach.schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
