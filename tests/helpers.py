"""What several test modules share: where things are, and how to read a network's problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmreach import InvalidNetwork, parse_network

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_networks").glob("*.yaml"))


def problems(data: bytes | str, file: str = "n.yaml") -> list[str]:
    """The lines an invalid network is reported with (fails if it is valid)."""
    with pytest.raises(InvalidNetwork) as caught:
        parse_network(data, file=file)
    return [str(problem) for problem in caught.value.problems]
