"""One person, one key: validate warns about two spellings of a LinkedIn address exactly
when import --merge takes them for one person."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import examples
from warmreach import parse_network
from warmreach.importers import Export, Incoming
from warmreach.importers.merge import import_export
from warmreach.matching import identity_keys
from warmreach.networkfile.dump import emit
from warmreach.validation import SamePerson, validate

HANDLES = ["annlee", "ann-lee", "annlee2", "AnnLee", "bob-chen"]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A LinkedIn address as people write it, and the handle it names."""
    handle = draw(st.sampled_from(HANDLES))
    scheme = draw(st.sampled_from(["", "http://", "https://", "HTTPS://"]))
    host = draw(st.sampled_from(["", "www.", "de.", "WWW."]))
    slash = draw(st.sampled_from(["", "/"]))
    tail = draw(st.sampled_from(["", "?trk=people", "#about", "?a=1#b"]))
    spelled = draw(st.sampled_from([handle, handle.upper(), handle.lower()]))
    return f"{scheme}{host}linkedin.com/in/{spelled}{slash}{tail}", handle.lower()


def _warned(first: str, second: str) -> bool:
    text = emit(
        {
            "me": {"name": "Ana"},
            "contacts": [
                {"name": "Ann Lee", "linkedin": first},
                {"name": "Zed Quist", "linkedin": second},
            ],
        }
    )
    notices = validate(parse_network(text))
    return any(isinstance(n, SamePerson) and n.why == "linkedin" for n in notices)


def _merged(first: str, second: str, folder: Path) -> bool:
    path = folder / "network.yaml"
    mine = {"me": {"name": "Ana"}, "contacts": [{"name": "Ann Lee", "linkedin": first}]}
    path.write_text(emit(mine), encoding="utf-8")
    export = Export(
        file="Connections.csv",
        source="linkedin",
        people=(Incoming(line=2, name="Zed Quist", linkedin=second),),
    )
    summary = import_export(export, path, merge=True, today=dt.date(2026, 11, 25))
    return not summary.added


@given(spellings(), spellings())
@settings(max_examples=examples(200), deadline=None)
def test_validate_warns_exactly_when_a_merge_takes_them_for_one_person(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        merged = _merged(first[0], second[0], Path(folder))
    assert _warned(first[0], second[0]) == merged == (first[1] == second[1])


def test_the_spellings_of_the_issue_are_one_person() -> None:
    one = identity_keys(email=None, linkedin="https://www.linkedin.com/in/annlee/")
    other = identity_keys(email=None, linkedin="linkedin.com/in/annlee")
    assert one == other == ["linkedin:linkedin.com/in/annlee"]
