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

from tests.helpers import ROOT, SAMPLES
from warmreach.cli import app

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("WARMREACH_UPDATE_GOLDEN") == "1"
ARGS = ["--as-of", "2026-11-25", "--paths", "2"]


def _check(path: Path, text: str) -> None:
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing {path.name}; run with WARMREACH_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


FORMATS = {"markdown": ".md", "json": ".json", "table": ".txt"}
DAY = ["--as-of", "2026-11-25"]
#: (command, format, options): every report kept as a golden file per sample
REPORTS = [
    *(("analyze", fmt, ARGS) for fmt in FORMATS),
    *(("gaps", fmt, DAY) for fmt in FORMATS),
    *(("plan", fmt, DAY) for fmt in FORMATS),
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize(
    ("command", "fmt", "options"), REPORTS, ids=[f"{c}-{fmt}" for c, fmt, _ in REPORTS]
)
def test_report_matches_golden(
    sample: Path, command: str, fmt: str, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app, [command, str(sample.relative_to(ROOT)), "--format", fmt, *options]
    )
    assert result.exit_code == 0, result.stderr
    _check(GOLDEN / f"{command}-{sample.stem}{FORMATS[fmt]}", result.stdout)


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
