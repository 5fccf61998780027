"""What starting warmreach loads: only what the command uses (by ``sys.modules``, never by
time). ``benchmarks/bench_all.py`` measures what it costs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT
from warmreach.synthetic import generate_network

SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"
#: the libraries that cost most to import
HEAVY = [
    "networkx",
    "numpy",
    "matplotlib",
    "rapidfuzz",
    "rich",
    "typer",
    "yaml",
    "ruamel",
    "spellchecker",
    "PIL",
    "pydantic",
]
#: modules of the other commands: the planner (and what it aims with), the field's gaps,
#: the industry taxonomy, the file's warnings, the page, the picture, the importers'
#: readers and merge, the review session
OTHERS = [
    "warmreach.plan.week",
    "warmreach.plan.steps",
    "warmreach.plan.targets",
    "warmreach.gaps",
    "warmreach.matching.taxonomy",
    "warmreach.validation",
    "warmreach.page.report",
    "warmreach.render",
    "warmreach.importers.mailbox",
    "warmreach.importers.archive",
    "warmreach.importers.merge",
    "warmreach.review.session",
    "email",
]
_LOADED = """
import json, sys
heavy, arguments = json.loads(sys.argv[1]), json.loads(sys.argv[2])
if arguments:
    sys.argv = ["warmreach", *arguments]
    from warmreach.cli import main
    try:
        main()
    except SystemExit:
        pass
else:
    import warmreach
print(json.dumps([name for name in heavy if name in sys.modules]), file=sys.stderr)
"""


def _loaded(
    *arguments: str, among: list[str] = HEAVY, env: dict[str, str] | None = None
) -> set[str]:
    """The modules ``among`` (the heavy libraries) that a fresh process has imported after
    running ``arguments`` (or only ``import warmreach``), with ``env`` added to its
    environment."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, json.dumps(among), json.dumps(arguments)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_importing_warmreach_loads_none_of_the_heavy_libraries() -> None:
    assert _loaded() == set()


def test_a_plain_analyze_loads_only_what_reading_and_ranking_need(tmp_path: Path) -> None:
    """The JSON of ``analyze``: YAML to read the file the first time (then the network
    comes from the cache), fuzzy matching for company names, Typer for the command line;
    no NumPy (the index of who knows whom is built without it at this size), NetworkX
    (library users' graphs), matplotlib (pictures), rich (terminal tables) or ruamel.yaml
    (edits). pyspellchecker's word list only the first time: the everyday words picked
    out of it are kept in the cache folder."""
    env = {"WARMREACH_CACHE_DIR": str(tmp_path / "cache")}
    arguments = ("analyze", str(SAMPLE), "--format", "json", "--as-of", "2026-11-25")
    assert _loaded(*arguments, env=env) == {"rapidfuzz", "spellchecker", "typer", "yaml"}
    assert _loaded(*arguments, env=env) == {"rapidfuzz", "typer"}


def test_a_network_from_the_cache_needs_no_yaml_and_no_reader(tmp_path: Path) -> None:
    """An unchanged file is read back from the cache: neither YAML nor the modules
    that read and check files are loaded (the first run, which parses, loads them)."""
    path = tmp_path / "network.json"
    path.write_text(json.dumps(generate_network(1_000, 5, seed=0)), encoding="utf-8")
    env = {"WARMREACH_CACHE_DIR": str(tmp_path / "cache")}
    arguments = ("analyze", str(path), "--format", "json", "--as-of", "2026-11-25")
    reader = ["yaml", "warmreach.networkfile.build", "warmreach.networkfile.tree"]
    assert _loaded(*arguments, among=reader, env=env) == set(reader)
    assert _loaded(*arguments, among=reader, env=env) == set()


def test_a_large_network_from_the_cache_needs_no_numpy(tmp_path: Path) -> None:
    """More than PLAIN_MAX links are indexed with NumPy when the file is parsed; the cache
    keeps the index in the standard library's arrays, with who each person knows among
    your direct ties already found, so an analysis of the unchanged file imports none."""
    path = tmp_path / "network.json"
    path.write_text(json.dumps(generate_network(5_000, 5, seed=0)), encoding="utf-8")
    env = {"WARMREACH_CACHE_DIR": str(tmp_path / "cache")}
    arguments = ("analyze", str(path), "--format", "json", "--as-of", "2026-11-25")
    assert "numpy" in _loaded(*arguments, env=env)
    assert "numpy" not in _loaded(*arguments, env=env)


def test_a_table_for_a_terminal_loads_rich_and_still_no_networkx() -> None:
    loaded = _loaded("analyze", str(SAMPLE), "--as-of", "2026-11-25")
    assert "rich" in loaded and "networkx" not in loaded


def test_a_plain_analyze_loads_none_of_the_other_commands() -> None:
    """Each command imports its own modules when it runs: ``analyze`` loads neither the
    planner, the page, the picture, the importers nor the review session; nor does its
    table, which ends with a hint of what ``review`` would ask (aimed as analyze aims)."""
    arguments = ("analyze", str(SAMPLE), "--format", "json", "--as-of", "2026-11-25")
    assert _loaded(*arguments, among=OTHERS) == set()
    assert _loaded(*arguments[:2], "--as-of", "2026-11-25", among=OTHERS) == set()


def test_the_help_loads_no_command() -> None:
    """Nor fuzzy matching, which only names given on the command line and the file's
    roles and companies need."""
    among = [*OTHERS, "warmreach.scoring", "rapidfuzz"]
    assert _loaded("--help", among=among) == set()
    assert _loaded("schema", among=among) == set()
