"""``warmreach jobs`` as a table, markdown or JSON: your postings by the best warm route."""

from __future__ import annotations

import json

from warmreach.jobs import Job, JobList
from warmreach.reports.common import (
    BAR_WIDTH,
    Format,
    by_format,
    console,
    console_text,
    markdown_table,
    name_width,
    path_text,
    plural,
    score_cell,
    score_words,
)
from warmreach.reports.words import reason_text


def render_jobs(jobs: JobList, fmt: Format, *, width: int = 120) -> str:
    """The ranked postings as a table (for terminals), markdown (to keep) or json."""
    return by_format(
        fmt,
        table=lambda: jobs_table(jobs, width=width),
        markdown=lambda: jobs_markdown(jobs),
        data=lambda: jobs_json(jobs),
    )


def _posting(job: Job) -> str:
    posting = job.posting
    return posting.company + (f" — {posting.title}" if posting.title else "")


def _nobody(jobs: JobList) -> list[str]:
    """The postings nobody helps with, a line each (with the nearest names of a company
    nobody works at)."""
    lines = []
    for job in jobs.jobs:
        if job.helps:
            continue
        posting = job.posting
        if posting.target is None:
            why = "nobody in your network works there" + (
                f"; {posting.hint}" if posting.hint else ""
            )
        elif job.best is None:
            why = "nobody in your network works there"
        else:
            why = f"no better than applying directly (best: {job.best.name})"
        lines.append(f"line {posting.line}: {_posting(job)}: {why}")
    return lines


def _summary(jobs: JobList) -> str:
    helped = sum(1 for job in jobs.jobs if job.helps)
    return (
        f"{plural(len(jobs.jobs), 'posting')}; someone can help with {helped}, "
        "best first (docs/targets.md)"
    )


def jobs_table(jobs: JobList, *, width: int = 120) -> str:
    from rich.table import Table
    from rich.text import Text

    out = console(width)
    out.print(f"Your postings for {jobs.generated_for}, as of {jobs.as_of}", markup=False)
    out.print(Text(_summary(jobs)))
    helped = [job for job in jobs.jobs if job.helps]
    if helped:
        table = Table(expand=True)
        table.add_column("#", justify="right", width=3)
        table.add_column("posting", ratio=3)
        table.add_column("score", no_wrap=True, width=15 if width >= BAR_WIDTH else 5)
        table.add_column("action", no_wrap=True, width=15)
        names = name_width(job.best.name for job in helped if job.best)
        table.add_column("person", ratio=2, min_width=names)
        table.add_column("path", ratio=3)
        for rank, job in enumerate(helped, start=1):
            assert job.best is not None
            table.add_row(
                str(rank),
                Text(_posting(job)),
                score_cell(job.best.score, width),
                job.best.action,
                Text(job.best.name),
                Text(path_text(job.best.path, jobs.names)),
            )
        out.print()
        out.print(table)
    nobody = _nobody(jobs)
    if nobody:
        out.print()
        out.print(Text(f"Nobody helps yet ({len(nobody)}):"))
        for line in nobody:
            out.print(Text(f"  {line}"))
    return console_text(out)


def jobs_markdown(jobs: JobList) -> str:
    lines = [
        f"# Your postings for {jobs.generated_for}",
        "",
        f"As of {jobs.as_of}. {_summary(jobs)}.",
    ]
    rows = [
        [
            str(rank),
            _posting(job),
            score_words(job.best.score, job.best.band),
            f"`{job.best.action}`",
            job.best.name,
            path_text(job.best.path, jobs.names),
        ]
        for rank, job in enumerate((job for job in jobs.jobs if job.helps), start=1)
        if job.best is not None
    ]
    if rows:
        lines += ["", *markdown_table(["#", "posting", "score", "action", "person", "path"], rows)]
    nobody = _nobody(jobs)
    if nobody:
        lines += ["", "Nobody helps yet:", "", *(f"- {line}" for line in nobody)]
    return "\n".join(lines) + "\n"


def jobs_json(jobs: JobList) -> str:
    """The stable JSON of ``jobs --format json`` (docs/output-format.md)."""
    document = {
        "generated_for": jobs.generated_for,
        "as_of": jobs.as_of.isoformat(),
        "jobs": [
            {
                "line": job.posting.line,
                "company": job.posting.company,
                "title": job.posting.title,
                "team": job.posting.team,
                "url": job.posting.url,
                "closes": str(job.posting.closes) if job.posting.closes else None,
                "target": job.posting.target.key if job.posting.target else None,
                "helps": job.helps,
                "score": job.best.score if job.best else None,
                "action": job.best.action if job.best else None,
                "contact": job.best.contact if job.best else None,
                "name": job.best.name if job.best else None,
                "path": list(job.best.path) if job.best else [],
                "reasons": [reason_text(r) for r in job.best.reasons] if job.best else [],
                "hint": job.posting.hint or None,
                "cells": job.posting.cells,
            }
            for job in jobs.jobs
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


__all__ = ["jobs_json", "jobs_markdown", "jobs_table", "render_jobs"]
