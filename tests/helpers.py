"""What several test modules share: where things are, and how to read a network's problems."""

from __future__ import annotations

import os
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


#: the hypothesis profile of this run: ``ci`` runs every property at its full size,
#: ``quick`` (the default, for local runs) at a fifth of it, ``fuzz`` (long local runs)
#: at fifty times it
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")


def examples(full: int) -> int:
    """How many examples a property runs: ``full`` in CI, a fifth (at least 10) locally,
    fifty times ``full`` in a fuzzing run.

    >>> examples(200) in (40, 200, 10_000)
    True
    """
    if PROFILE == "fuzz":
        return 50 * full
    return full if PROFILE == "ci" else max(10, full // 5)
