"""The bundled sample networks and the synthetic generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, SAMPLES
from warmreach import load_network, parse_network
from warmreach.graph import summarize

GENERATE = ROOT / "sample_networks" / "generate.py"


def test_there_are_three_samples() -> None:
    assert [path.name for path in SAMPLES] == [
        "career-switcher.yaml",
        "new-graduate.yaml",
        "senior-engineer.yaml",
    ]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_sample_is_a_realistic_network(sample: Path) -> None:
    network = load_network(sample)
    summary = summarize(network)
    assert 25 <= summary.contacts <= 80
    assert summary.openings >= 2
    assert summary.links >= summary.contacts // 2
    assert summary.known_through_others >= 2
    assert any(
        company.teams and any(team.near for team in company.teams) for company in network.companies
    )
    assert any(contact.told for contact in network.contacts)
    assert any(contact.last_contact for contact in network.contacts)
    assert sample.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def _generate(tmp_path: Path, name: str, *args: str) -> Path:
    output = tmp_path / name
    subprocess.run(
        [sys.executable, str(GENERATE), "--output", str(output), *args],
        check=True,
        capture_output=True,
    )
    return output


def test_generator_is_deterministic_and_valid(tmp_path: Path) -> None:
    first = _generate(tmp_path, "a.yaml", "--contacts", "400", "--links", "6", "--seed", "3")
    second = _generate(tmp_path, "b.yaml", "--contacts", "400", "--links", "6", "--seed", "3")
    other = _generate(tmp_path, "c.yaml", "--contacts", "400", "--links", "6", "--seed", "4")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    summary = summarize(load_network(first))
    assert summary.contacts == 400
    assert 400 * 6 * 0.8 <= summary.links <= 400 * 6


def test_generator_does_not_overwrite_without_force(tmp_path: Path) -> None:
    output = tmp_path / "mine.yaml"
    output.write_text("me: {name: Precious}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(GENERATE), "--contacts", "10", "--output", str(output)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "exists; pass --force to overwrite it" in result.stderr
    assert output.read_text(encoding="utf-8") == "me: {name: Precious}\n"
    parse_network(output.read_bytes())
