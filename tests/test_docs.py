"""The documentation says what the code does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import ROOT
from warmreach.cli import app
from warmreach.schema import NETWORK, FieldSpec

README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "network-format.md").read_text(encoding="utf-8")


HEADINGS = {
    "me.seeking": "### `me.seeking`",
    "companies.teams": "### `companies[].teams`",
    "contacts.knows": "### `contacts[].knows[]`",
    "contacts.past_companies": "### `contacts[].past_companies[]`",
    "contacts.asks": "### `contacts[].asks[]`",
    "contacts.evidence": "### `contacts[].evidence[]`",
}


def _fields(spec: FieldSpec, path: str = "") -> list[tuple[str, str]]:
    found = []
    for sub in spec.fields:
        found.append((path, sub.name))
        if sub.fields:
            found.extend(_fields(sub, f"{path}.{sub.name}" if path else sub.name))
    return found


@pytest.mark.parametrize(("section", "name"), _fields(NETWORK), ids=lambda value: value or "top")
def test_every_field_is_documented(section: str, name: str) -> None:
    if not section:
        assert f"## `{name}`" in FORMAT
        return
    heading = HEADINGS.get(section, f"## `{section}`")
    start = FORMAT.index(heading + ":")
    table = FORMAT[start + len(heading) :].split("\n#", 1)[0]
    assert f"| `{name}` |" in table, f"{section}.{name} is missing from docs/network-format.md"


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)


def test_quick_start_is_exactly_two_commands_and_ci_runs_them() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci.splitlines()


def test_readme_shows_real_validate_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "tests" / "data" / "network-with-problems.yaml", tmp_path / "network.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "network.yaml"])
    block = README.split("$ warmreach validate network.yaml\n", 1)[1].split("```", 1)[0]
    assert result.stderr == block


def test_samples_point_editors_at_the_committed_schema() -> None:
    for sample in (ROOT / "sample_networks").glob("*.yaml"):
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../docs/network.schema.json"


def test_readme_report_excerpt_is_the_real_output() -> None:
    excerpt = (
        README.split("What the first prints", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    )
    golden = (ROOT / "tests" / "golden" / "analyze-career-switcher.txt").read_text(encoding="utf-8")
    assert excerpt in golden


SCORING = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def _scoring_constants() -> list[tuple[str, float]]:
    """Every number the scoring modules declare (not those they import or derive)."""
    from warmreach.scoring import actions, chances, decay, paths, ranking, standing, ties

    derived = {"TAU", "REFERENCE", "SCALE_MAX", "STRENGTH_MAX", "STALE_MONTHS", "MONTH_DAYS"}
    return [
        (name, value)
        for module in (decay, ties, paths, chances, standing, actions, ranking)
        for name, value in vars(module).items()
        if name.isupper()
        and not name.startswith("_")
        and name not in derived
        and isinstance(value, int | float)
    ]


@pytest.mark.parametrize(("name", "value"), _scoring_constants(), ids=lambda v: str(v))
def test_every_scoring_constant_is_documented_with_its_value(name: str, value: float) -> None:
    row = re.search(rf"^\| `{name}` \| ([^|]+) \|", SCORING, flags=re.MULTILINE)
    assert row is not None, f"{name} has no row in docs/scoring.md"
    assert float(row[1].split()[0]) == value


def test_the_tables_of_scoring_hold_the_codes_values() -> None:
    from warmreach.scoring import BANDS
    from warmreach.scoring.standing import STANDING
    from warmreach.scoring.ties import READINESS_LOSS, TOLD_FRESH

    for item, loss in READINESS_LOSS.items():
        assert f"{item} {loss:g}" in SCORING
    for item, months in TOLD_FRESH.items():
        assert f"{item} {months:g}" in SCORING
    for name, least in BANDS[:-1]:
        assert f"| {name} | {least:.2f} |" in SCORING
    assert f"| {BANDS[-1][0]} | below |" in SCORING
    for position, standing in STANDING.items():
        assert f"| {standing} " in SCORING, position


def test_gaps_doc_states_the_real_sizes() -> None:
    import csv

    from warmreach.matching import Taxonomy

    text = (ROOT / "docs" / "gaps.md").read_text(encoding="utf-8")
    taxonomy = Taxonomy.load()
    sectors = {field.sector for field in taxonomy.fields.values()}
    assert (
        f"holds {len(taxonomy.industries)} canonical industries in {len(taxonomy.fields)} fields "
        f"and {len(sectors)}" in " ".join(text.split())
    )
    rows = list(
        csv.DictReader(
            (ROOT / "tests" / "data" / "matching-pairs.csv").read_text("utf-8").splitlines()
        )
    )
    kinds = {
        kind: sum(1 for row in rows if row["kind"] == kind)
        for kind in ("industry", "company", "title")
    }
    assert (
        f"has {len(rows)} labelled pairs ({kinds['industry']} industries, {kinds['company']} company "
        f"names, {kinds['title']} titles)" in " ".join(text.split())
    )


def test_readme_picture_exists_and_is_small() -> None:
    picture = ROOT / "docs" / "career-switcher.png"
    assert "(docs/career-switcher.png)" in README
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert picture.stat().st_size < 400_000


def test_readme_library_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    code = README.split("## Library", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})
    assert "Bob Chen" in capsys.readouterr().out


def test_docs_cite_the_projects_own_contract() -> None:
    """The JSON fields scripts rely on are documented in the repository, and cited from it."""
    assert (ROOT / "docs" / "output-format.md").exists()
    for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "src").rglob("*.py")]:
        assert "PRODUCT.md" not in path.read_text(encoding="utf-8"), path


def test_the_worked_example_of_the_plan_is_the_sample_plan() -> None:
    plan_doc = (ROOT / "docs" / "plan.md").read_text(encoding="utf-8")
    golden = (ROOT / "tests" / "golden" / "plan-career-switcher.md").read_text(encoding="utf-8")
    example = plan_doc.split("<!-- worked-example", 1)[1].split("<!-- end of worked example")[0]
    rows = [line for line in example.splitlines() if line.startswith("| ")]
    assert len(rows) >= 4
    for row in rows:
        assert row in golden, row


def test_every_import_source_is_documented() -> None:
    """The sources come from one registry; the README's command line, docs/import.md's table
    of exports and the command's help name each of them."""
    from warmreach.importers import SOURCES

    command = "`warmreach import " + "\\|".join(SOURCES) + " FILE"
    assert command in README
    imports = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    help_text = " ".join(CliRunner().invoke(app, ["import", "--help"]).stdout.split())
    for source, spec in SOURCES.items():
        assert f"\n| `{source}` |" in imports, source
        assert f"{source} ({spec.gives})" in help_text, source


def test_the_graph_doc_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "graph.md").read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict[str, object] = {}
    exec(compile(code, "docs/graph.md", "exec"), scope)
    assert scope["path"] == ["me", "bob-chen", "eva-berg"]
    assert 0 < float(str(scope["chance"])) < 1


def test_every_public_function_has_a_runnable_example() -> None:
    """The library's functions each show a call in their own docstring (run as doctests)."""
    import inspect

    import warmreach

    for name in warmreach.__all__:
        found = getattr(warmreach, name)
        if inspect.isfunction(found):
            assert ">>> " in (found.__doc__ or ""), name
