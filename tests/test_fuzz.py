"""Fuzzing kept in the repository: arbitrary text through every report, arbitrary exports
through every importer. Nothing may raise but warmreach's own errors, and no report may
carry a character a terminal would obey.

CI runs these at a modest size (``HYPOTHESIS_PROFILE=ci``); for a long local run::

    HYPOTHESIS_PROFILE=fuzz pytest tests/test_fuzz.py -p no:cacheprovider

(fifty times the CI size; see docs/security.md for the counts run before a release).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.helpers import examples, page_data, page_elements
from warmreach import WarmreachError, parse_network
from warmreach.gaps import find_gaps
from warmreach.importers import SOURCES, Source, read_export
from warmreach.page.report import report_page
from warmreach.plan.week import plan_actions
from warmreach.reports import render_analysis, render_gaps, render_plan
from warmreach.scoring import analyze
from warmreach.text import visible

AS_OF = dt.date(2026, 11, 25)
#: what a report may never hold raw: controls but the line feed, DEL, C1, direction marks
OBEYED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: text as hostile as a file can hold it: markup, escapes, quotes, bidi marks, any letter
HOSTILE = st.text(
    st.one_of(
        st.sampled_from(list("[]/\\<>&|*_`$#:{}\"'\x1b\x07\x9b\u202e\u2066\t\r")),
        st.characters(exclude_categories=["Cs"]),
    ),
    min_size=1,
    max_size=24,
).filter(lambda text: text.strip() != "")


@st.composite
def hostile_networks(draw: st.DrawFn) -> str:
    company, team, role = draw(HOSTILE), draw(HOSTILE), draw(HOSTILE)
    people = draw(st.lists(HOSTILE, min_size=1, max_size=4, unique_by=lambda name: name.casefold()))
    contacts = [
        {
            "name": name,
            "id": f"c{index}",
            "company": company if index % 2 == 0 else draw(HOSTILE),
            "team": team,
            "title": draw(HOSTILE),
            "trust": draw(st.integers(0, 5)),
            "knows_my_work": draw(st.integers(0, 5)),
            "notes": draw(HOSTILE),
            "knows": [f"c{other}" for other in range(index)],
        }
        for index, name in enumerate(people)
    ]
    tree: dict[str, Any] = {
        "me": {"name": draw(HOSTILE), "role": draw(HOSTILE), "seeking": {"roles": [role]}},
        "openings": [{"company": company, "team": team, "role": role}],
        "contacts": contacts,
    }
    return yaml.safe_dump(tree, allow_unicode=True)


@given(hostile_networks())
@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_in_a_file_reaches_every_report_as_text(text: str) -> None:
    try:
        network = parse_network(text)
    except WarmreachError:
        event("refused")
        return  # refused with located problems: fine
    event("read")
    reports = [
        lambda fmt: render_analysis(analyze(network, as_of=AS_OF, paths=1), fmt),
        lambda fmt: render_gaps(find_gaps(network, as_of=AS_OF), fmt),
        lambda fmt: render_plan(plan_actions(network, as_of=AS_OF), fmt, messages=True),
    ]
    for report in reports:
        for fmt in ("table", "markdown", "json"):
            try:
                out = report(fmt)  # type: ignore[no-untyped-call]
            except WarmreachError:
                continue  # e.g. nothing to plan for
            assert not OBEYED.search(out), (fmt, out)
            if fmt == "json":
                json.loads(out)
            if fmt == "markdown":
                assert "<" not in out


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


LINKEDIN = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
CELLS = st.one_of(HOSTILE, st.sampled_from(["", "12 Mar 2024", "2024-13-45", '"', "a,b"]))


@st.composite
def exports(draw: st.DrawFn) -> tuple[Source, bytes]:
    source = draw(st.sampled_from(list(SOURCES)))
    if source == "vcard":
        lines = draw(
            st.lists(
                st.one_of(
                    st.sampled_from(
                        [
                            "BEGIN:VCARD",
                            "END:VCARD",
                            "VERSION:2.1",
                            "N;CHARSET=idna;ENCODING=QUOTED-PRINTABLE:=C3=A9",
                            "FN;ENCODING=QUOTED-PRINTABLE:Ann=",
                            " folded",
                            "ORG:Voltgrid\\;AB;Grid",
                        ]
                    ),
                    HOSTILE.map(lambda text: f"FN:{text}"),
                    HOSTILE,
                ),
                max_size=30,
            )
        )
        return source, "\n".join(lines).encode("utf-8", "surrogatepass")
    header = (
        LINKEDIN
        if source == "linkedin"
        else ["Name", "Given Name", "Family Name", "Organization 1 - Name"]
    )
    rows = draw(st.lists(st.lists(CELLS, min_size=1, max_size=len(header) + 1), max_size=12))
    text = _csv([header, *rows])
    if draw(st.booleans()):  # a stray quote somewhere
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + '"' + text[cut:]
    return source, text.encode("utf-8", "surrogatepass")


def _read(source: Source, data: bytes) -> None:
    """Read ``data`` as the command line reads an export of ``source``: from a file."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "export"
        file.write_bytes(data)
        with contextlib.suppress(WarmreachError):
            read_export(source, file, max_bytes=1_000_000)


@given(exports())
@settings(max_examples=examples(300), deadline=None)
def test_any_export_is_read_or_refused_with_a_warmreach_error(
    export: tuple[Source, bytes],
) -> None:
    _read(*export)


@given(st.sampled_from(list(SOURCES)), st.binary(max_size=2000))
@settings(max_examples=examples(300), deadline=None)
def test_any_bytes_are_read_or_refused_with_a_warmreach_error(source: Source, data: bytes) -> None:
    _read(source, data)


NUMBERISH = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.text("0123456789", min_size=1, max_size=6000),
    st.sampled_from(["1e9999", "-0", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000", "3.5", "٣"]),
)
LONG_NAMES = st.one_of(
    st.text(min_size=1, max_size=20).filter(lambda text: text.strip() != ""),
    st.integers(1000, 60_000).map(lambda length: "N" * length),
    st.sampled_from(["()", "[]", "{}", "…", "'", '"', "\\", "- x", "? y", "& a", "* b", "!t"]),
)


@given(NUMBERISH, NUMBERISH, NUMBERISH, LONG_NAMES, LONG_NAMES)
@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_numbers_and_names_at_their_limits_load_or_give_located_problems(
    trust: str, work: str, count: str, name: str, company: str
) -> None:
    text = yaml.safe_dump(
        {
            "me": {"name": "Ana"},
            "contacts": [
                {
                    "name": name,
                    "company": company,
                    "trust": trust,
                    "knows_my_work": work,
                    "evidence": [{"source": "linkedin", "sent": count}],
                }
            ],
        },
        allow_unicode=True,
    ).replace("'", "")  # numbers as plain scalars, as a person would write them
    try:
        parse_network(text, max_bytes=2_000_000)
    except WarmreachError as error:
        assert all(len(line) < 600 for line in str(error).splitlines()), str(error)[:200]


#: every element the report page is made of: a name can add none
PAGE_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "nav", "a", "main", "section", "div", "button", "span", "label", "input", "svg", "desc",
    "g", "path", "text", "line", "polyline", "circle", "polygon", "tspan", "aside", "ul", "ol",
    "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "code", "article",
    "blockquote", "footer", "script",
}  # fmt: skip


@given(hostile_networks())
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_in_a_file_reaches_the_page_as_text(text: str) -> None:
    try:
        network = parse_network(text)
    except WarmreachError:
        event("refused")
        return
    event("read")
    page = report_page(network, as_of=AS_OF)
    assert not OBEYED.search(page.replace("\t", " "))
    elements = page_elements(page)
    assert {tag for tag, _ in elements} <= PAGE_ELEMENTS
    assert [tag for tag, _ in elements].count("script") == 2
    assert not [name for _, names in elements for name in names if name.startswith("on")]
    data = page_data(page)
    assert isinstance(data, dict)
    drawn = {person["name"] for person in data["people"]}
    assert drawn <= {visible(contact.name, newlines=False) for contact in network.contacts}
