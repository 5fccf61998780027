"""The loader gives the same answers when libyaml is missing (PyYAML's pure-Python parser
then reads every file, the fast line reader of :mod:`warmreach.networkfile.blocks` left
out too, so it is PyYAML's parser that is tested)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import SAMPLES, problems
from tests.test_loading_errors import CASES
from warmreach import parse_network
from warmreach.networkfile import blocks, tree


def without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def outside(text: str, stream: object = None) -> None:
        raise blocks.OutsideBlocks("every text")

    monkeypatch.setattr(blocks, "read_blocks", outside)
    monkeypatch.setattr(tree, "_Loader", yaml.SafeLoader)


@pytest.fixture
def pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    without_libyaml(monkeypatch)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_samples_load_the_same(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = sample.read_bytes()
    as_usual = parse_network(data)
    without_libyaml(monkeypatch)
    assert parse_network(data) == as_usual


STRUCTURAL = [
    "duplicate key names both lines",
    "anchor and alias",
    "python object tag",
    "nesting 21 deep",
    "misspelled field",
    "two documents",
    "tab indentation",
    "Latin-1 bytes",
    "NUL byte",
    "empty file",
    "top level a list",
]


@pytest.mark.usefixtures("pure_python")
@pytest.mark.parametrize("case", STRUCTURAL)
def test_rejections_are_the_same(case: str) -> None:
    data, expected = CASES[case]
    assert problems(data) == expected


@pytest.mark.usefixtures("pure_python")
def test_deep_nesting_without_libyaml_limit() -> None:
    # PyYAML's pure-Python scanner is quadratic in flow nesting, so 300 levels, not 3,000
    data = "me: {name: Ana}\nx: " + "[" * 300 + "]" * 300 + "\n"
    assert problems(data) == ["n.yaml:2:23: nesting is deeper than 20 levels"]
