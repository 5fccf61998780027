"""What several test modules share: where things are, how to read a network's problems,
and how to read the report page's elements and data."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
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


def page_data(page: str) -> object:
    """The data the report page's script reads."""
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [name for name, _ in attrs]))


def page_elements(page: str) -> list[tuple[str, list[str]]]:
    """Every element a browser's parser finds, with its attributes' names."""
    parser = _Elements()
    parser.feed(page)
    return parser.found
