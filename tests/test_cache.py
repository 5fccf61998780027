"""The cache of validated networks: hits, misses, damage, privacy."""

from __future__ import annotations

import datetime as dt
import pickle
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import SAMPLES
from warmreach import InvalidNetwork, Network, analyze, load_network, plan_actions
from warmreach.cli import app
from warmreach.graph import NetworkIndex
from warmreach.networkfile import cache as cache_module
from warmreach.networkfile.cache import MAX_ENTRIES, load_network_cached
from warmreach.reports import analysis_json, plan_json

NETWORK = "me: {name: Ana}\ncontacts: [{name: Bob Chen, trust: 4}]\n"


@pytest.fixture
def network_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    return path


def load(path: Path, folder: Path) -> Network:
    network, _ = load_network_cached(path, cache_dir=folder, min_bytes=0)
    return network


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("warmreach-*.entry"))


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


def test_small_files_and_opting_out_skip_the_cache(
    network_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    load_network_cached(network_file, cache_dir=folder)  # far below MIN_CACHED_BYTES
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
    monkeypatch.setattr(cache_module, "MIN_CACHED_BYTES", 0)
    monkeypatch.setattr(
        cache_module.load_network_cached,
        "__kwdefaults__",
        {**(cache_module.load_network_cached.__kwdefaults__ or {}), "min_bytes": 0},
    )
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
    load_network_cached(sample, cache_dir=folder, min_bytes=0, derive=NetworkIndex.build)
    cached, index = load_network_cached(
        sample, cache_dir=folder, min_bytes=0, derive=NetworkIndex.build
    )
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
