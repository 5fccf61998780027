"""Golden reports: each sample network's analysis, byte for byte.

After a deliberate change to scoring or reports, regenerate them with
``WARMREACH_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SAMPLES
from warmreach.cli import app

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("WARMREACH_UPDATE_GOLDEN") == "1"
ARGS = ["--as-of", "2026-11-25", "--paths", "2"]


def _check(path: Path, text: str) -> None:
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing {path.name}; run with WARMREACH_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize(
    ("fmt", "suffix"), [("markdown", ".md"), ("json", ".json"), ("table", ".txt")]
)
def test_analyze_report_matches_golden(
    sample: Path, fmt: str, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app, ["analyze", str(sample.relative_to(ROOT)), "--format", fmt, *ARGS]
    )
    assert result.exit_code == 0, result.stderr
    _check(GOLDEN / f"analyze-{sample.stem}{suffix}", result.stdout)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize(("fmt", "suffix"), [("markdown", ".md"), ("json", ".json")])
def test_gaps_report_matches_golden(
    sample: Path, fmt: str, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    command = ["gaps", str(sample.relative_to(ROOT)), "--format", fmt, "--as-of", "2026-11-25"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.stderr
    _check(GOLDEN / f"gaps-{sample.stem}{suffix}", result.stdout)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize(
    ("fmt", "suffix"), [("markdown", ".md"), ("json", ".json"), ("table", ".txt")]
)
def test_plan_matches_golden(
    sample: Path, fmt: str, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    command = ["plan", str(sample.relative_to(ROOT)), "--format", fmt, "--as-of", "2026-11-25"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.stderr
    _check(GOLDEN / f"plan-{sample.stem}{suffix}", result.stdout)


def test_output_does_not_depend_on_hash_seeds() -> None:
    sample = SAMPLES[0]
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "warmreach", "analyze", str(sample), "--format", "json", *ARGS],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
