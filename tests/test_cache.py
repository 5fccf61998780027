"""The cache of validated networks: hits, misses, damage, privacy."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import stat
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.helpers import SAMPLES
from warmreach import InvalidNetwork, Network, analyze, load_network, plan_actions
from warmreach.cli import app
from warmreach.graph import NetworkIndex
from warmreach.log import LogEntry, log_contact
from warmreach.model import Contact, Link, Location
from warmreach.networkfile import cache as cache_module
from warmreach.networkfile import parse_network
from warmreach.networkfile.cache import (
    MAX_ENTRIES,
    NetworkCache,
    code_digest,
    load_network_cached,
)
from warmreach.reports import analysis_json, plan_json

NETWORK = "me: {name: Ana}\ncontacts: [{name: Bob Chen, trust: 4}]\n"


@pytest.fixture
def network_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    return path


def load(path: Path, folder: Path) -> Network:
    network, _ = load_network_cached(path, cache_dir=folder)
    return network


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("warmreach-*.entry"))


def never_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, reading a file through the cache must find it there."""
    monkeypatch.setattr(
        cache_module, "parse_network", lambda *args, **kwargs: pytest.fail("parsed again")
    )


def test_an_unchanged_file_is_read_from_the_cache(
    network_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    first = load(network_file, folder)
    assert first == load_network(network_file)
    monkeypatch.setattr(
        cache_module, "parse_network", lambda *args, **kwargs: pytest.fail("parsed again")
    )
    assert load(network_file, folder) == first


_LINKS = st.lists(
    st.builds(
        Link,
        contact=st.text(min_size=1, max_size=5),
        strength=st.none() | st.integers(min_value=1, max_value=5),
    ),
    max_size=6,
).map(tuple)


@given(links=_LINKS)
def test_a_pickled_contact_makes_its_links_when_they_are_read(links: tuple[Link, ...]) -> None:
    """The cache's form of a contact: its ``knows`` and ``location`` flat until read, then
    the very links and place it had; pickled again before or after, it is still the same
    contact."""
    where = Location(file="network.yaml", line=12, col=5)
    contact = Contact(id="bo", name="Bo", trust=3, knows=links, location=where)
    unread = pickle.loads(pickle.dumps(contact))
    assert not {"knows", "location"} & vars(unread).keys()
    assert pickle.loads(pickle.dumps(unread)).location == where
    assert unread.location == where and type(unread.location) is Location
    again = pickle.loads(pickle.dumps(unread))  # never read: pickled flat as it came
    assert replace(unread, name="Bo B").knows == links
    assert unread == contact and hash(unread) == hash(contact) and repr(unread) == repr(contact)
    assert unread.knows == links and all(type(link) is Link for link in unread.knows)
    assert again == contact and pickle.loads(pickle.dumps(unread)).knows == links
    with pytest.raises(AttributeError, match="no attribute 'knowz'"):
        getattr(unread, "knowz")  # noqa: B009 - any other name is still missing
    assert Contact(id="al", name="Al").knows == ()


def test_reading_contacts_back_looks_up_no_missing_attribute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Unpickling asks each object for ``__setstate__``: a contact answers at once,
    never through ``__getattr__`` (which raises an AttributeError, at a cost, for every
    name but ``knows``)."""
    asked: list[str] = []
    missing = Contact.__getattr__  # type: ignore[attr-defined]

    def counted(self: Contact, name: str) -> object:
        asked.append(name)
        return missing(self, name)

    monkeypatch.setattr(Contact, "__getattr__", counted)
    contacts = [Contact(id=f"c{i}", name="C", knows=(Link(contact="x"),)) for i in range(50)]
    again = pickle.loads(pickle.dumps(contacts))
    assert again == contacts and asked == ["knows"] * 50  # equality reads each one's links


_MAYBE_TEXT = st.none() | st.text(max_size=4)
_SCALE = st.integers(min_value=0, max_value=5)
_CONTACTS = st.builds(
    Contact,
    id=st.text(min_size=1, max_size=4),
    name=st.text(max_size=4),
    company=_MAYBE_TEXT,
    title=_MAYBE_TEXT,
    trust=_SCALE,
    knows_my_work=_SCALE,
    told=st.sampled_from([(), ("role",), ("role", "available")]),
    knows=_LINKS,
    location=st.none() | st.builds(Location, file=st.just("f"), line=_SCALE, col=_SCALE),
    trust_written=st.booleans(),
    work_written=st.booleans(),
)


@given(contact=_CONTACTS)
def test_a_pickled_contact_has_every_field_it_had(contact: Contact) -> None:
    """A contact is pickled with only the fields that differ from their defaults: read
    back, every field (those left out of equality too) has the value and type it had,
    whether it was a default or not (0 is not False, an empty name is not a missing one)."""
    again = pickle.loads(pickle.dumps(contact))
    for field in fields(Contact):
        before, after = getattr(contact, field.name), getattr(again, field.name)
        assert after == before and type(after) is type(before), field.name
    assert again == contact and hash(again) == hash(contact)
    assert pickle.loads(pickle.dumps(again)) == contact
    assert (
        not {"trust_written", "company", "told"}
        & vars(pickle.loads(pickle.dumps(Contact(id="a", name="A")))).keys()
    )


def test_a_changed_file_is_parsed_again(network_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(network_file, folder)
    network_file.write_text(NETWORK.replace("trust: 4", "trust: 5"), encoding="utf-8")
    assert load(network_file, folder).contacts[0].trust == 5
    assert len(entries(folder)) == 2


def test_a_damaged_entry_is_ignored_and_removed(network_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(network_file, folder)
    (entry,) = entries(folder)
    entry.write_bytes(b"not a pickle")
    assert load(network_file, folder) == load_network(network_file)
    entry.write_bytes(pickle.dumps({"not": "a network"}))
    assert load(network_file, folder) == load_network(network_file)
    assert len(entries(folder)) == 1


@pytest.mark.parametrize("at", [0, 40, 100, -1])
def test_an_entry_changed_in_any_byte_is_never_unpickled(
    at: int, network_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry is pickled straight into its file and signed as it is written: the
    signature covers every byte after it, the first and the last included."""
    folder = tmp_path / "cache"
    load(network_file, folder)
    (entry,) = entries(folder)
    data = bytearray(entry.read_bytes())
    assert pickle.loads(data[len(cache_module.MAGIC) + 32 :])[0] == load_network(network_file)
    data[len(cache_module.MAGIC) + 32 + at if at >= 0 else at] ^= 1
    entry.write_bytes(bytes(data))
    monkeypatch.setattr(pickle, "loads", lambda *args: pytest.fail("unpickled"))
    assert load(network_file, folder) == load_network(network_file)


def test_invalid_files_are_never_cached(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path = tmp_path / "bad.yaml"
    path.write_text("me: {name: Ana}\ncontacts: [{name: Bob, trust: 9}]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InvalidNetwork):
            load(path, folder)
    assert entries(folder) == []


def test_entries_are_private(network_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load(network_file, folder)
    (entry,) = entries(folder)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_opting_out_skips_the_cache(
    network_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WARMREACH_NO_CACHE", "1")
    load(network_file, folder)
    assert not folder.exists() or entries(folder) == []


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    for index in range(MAX_ENTRIES + 3):
        path = tmp_path / f"n{index}.yaml"
        path.write_text(NETWORK, encoding="utf-8")
        load(path, folder)
    assert len(entries(folder)) == MAX_ENTRIES


def test_cli_no_cache_parses_every_time(
    network_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = Path(str(tmp_path / "cli-cache"))
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(folder))
    runner = CliRunner()
    assert runner.invoke(app, ["--no-cache", "validate", str(network_file)]).exit_code == 0
    assert not folder.exists()
    assert runner.invoke(app, ["validate", str(network_file)]).exit_code == 0
    assert len(entries(folder)) == 1


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_a_cached_network_gives_the_same_reports(sample: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_network_cached(sample, cache_dir=folder, derive=NetworkIndex.build)
    cached, index = load_network_cached(sample, cache_dir=folder, derive=NetworkIndex.build)
    assert len(entries(folder)) == 1
    fresh = load_network(sample)
    day = dt.date(2026, 11, 25)
    assert analysis_json(analyze(cached, as_of=day, paths=2, index=index)) == analysis_json(
        analyze(fresh, as_of=day, paths=2)
    )
    fresh_plan = plan_actions(fresh, as_of=day)
    assert plan_json(plan_actions(cached, as_of=day, index=index)) == plan_json(fresh_plan)
    fresh_knows = NetworkIndex.build(fresh).knows
    assert {person: dict(index.knows[person]) for person in index.knows} == {
        person: dict(fresh_knows[person]) for person in fresh_knows
    }


@pytest.mark.parametrize(("bom", "newline"), [("", "\n"), ("\ufeff", "\r\n")])
def test_an_edit_reads_through_the_cache_and_leaves_what_it_wrote_there(
    bom: str, newline: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """log after analyze reads the file from the cache; the command after log finds the
    file as written (byte-order mark and CRLF kept) cached: the network and the index a
    fresh parse gives."""
    path = tmp_path / "network.yaml"
    text = SAMPLES[0].read_text(encoding="utf-8")
    path.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    cache = NetworkCache(derive=NetworkIndex.build, folder=tmp_path / "cache")
    before, _ = cache.load(path)
    someone = before.contacts[0].id
    parsed: list[str] = []  # by the edit: only the edited text, to validate it

    def counted(data: bytes, **options: Any) -> Network:
        parsed.append(options["file"])
        return parse_network(data, **options)

    with monkeypatch.context() as patched:
        patched.setattr(cache_module, "parse_network", counted)
        _, changes = log_contact(
            path,
            lambda network: someone,
            LogEntry(note="met at the meetup", today=dt.date(2026, 11, 25)),
            cache=cache,
        )
        assert changes and parsed == [str(path)]  # the edit's check: the read was cached
        never_parse(patched)
        cached, index = cache.load(path)
    fresh = load_network(path)
    assert path.read_bytes().startswith(bom.encode("utf-8"))
    assert cached == fresh and cached.contacts_by_id[someone].notes != before.contacts[0].notes
    assert [c.location for c in cached.contacts] == [c.location for c in fresh.contacts]
    assert index.knows.ids == NetworkIndex.build(fresh).knows.ids
    assert len(entries(tmp_path / "cache")) == 2


def test_log_then_analyze_parses_the_file_once_and_keeps_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "network.yaml"
    path.write_bytes(SAMPLES[0].read_bytes())
    runner = CliRunner()
    first = load_network(path).contacts[0]
    logged = runner.invoke(app, ["log", str(path), first.name, "--note", "coffee"])
    assert logged.exit_code == 0, logged.output
    assert len(entries(tmp_path / "cache")) == 1  # the file as written, not as it was
    never_parse(monkeypatch)
    done = runner.invoke(app, ["analyze", str(path), "--as-of", "2026-11-25"])
    assert done.exit_code == 0, done.output


def test_a_review_worksheet_reads_through_the_cache_unless_it_is_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``review --worksheet`` only reads the file, as ``analyze`` does: through the cache;
    ``--no-cache`` turns that off for it as for every command."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(folder))
    path = tmp_path / "network.yaml"
    path.write_bytes(SAMPLES[0].read_bytes())
    sheet = [str(path), "--worksheet", str(tmp_path / "sheet.csv"), "--force"]
    runner = CliRunner()
    off = runner.invoke(app, ["--no-cache", "review", *sheet])
    assert off.exit_code == 0, off.output
    assert not folder.exists()
    first = runner.invoke(app, ["review", *sheet])
    assert first.exit_code == 0, first.output
    assert len(entries(folder)) == 1
    never_parse(monkeypatch)
    again = runner.invoke(app, ["review", *sheet])
    assert again.exit_code == 0, again.output
    assert again.output == first.output


def test_the_code_digest_changes_with_any_module(tmp_path: Path) -> None:
    """Entries are keyed by the code that made them: a module changed (in size, or in its
    time of last change, as Python tells a stale compiled module), added or renamed gives
    another digest; compiled files and other files do not count."""
    package = tmp_path / "package"
    (package / "graph" / "__pycache__").mkdir(parents=True)
    module = package / "graph" / "index.py"
    module.write_text("INDEX = 1\n", encoding="utf-8")
    (package / "model.py").write_text("MODEL = 1\n", encoding="utf-8")
    os.utime(module, ns=(10**18, 10**18))
    digests = [code_digest(package)]
    (package / "graph" / "__pycache__" / "index.py").write_text("x", encoding="utf-8")
    (package / "notes.txt").write_text("x", encoding="utf-8")
    assert code_digest(package) == digests[0]
    os.utime(module, ns=(10**18, 10**18 + 1))
    digests.append(code_digest(package))
    module.write_text("INDEX = 10\n", encoding="utf-8")
    os.utime(module, ns=(10**18, 10**18 + 1))
    digests.append(code_digest(package))
    (package / "graph" / "knows.py").write_text("", encoding="utf-8")
    digests.append(code_digest(package))
    module.rename(package / "index.py")
    digests.append(code_digest(package))
    assert len(set(digests)) == len(digests)
