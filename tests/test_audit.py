"""The time-and-memory audit as a test: every hostile input of benchmarks/hostile.py, at
1 MB, through the command it targets, within 30 s and 2 GB and with a result or one of
warmreach's own messages, never a traceback. The full audit (20 MB each) is
``python benchmarks/hostile.py``; docs/security.md gives its table.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.helpers import ROOT

_SPEC = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
assert _SPEC is not None and _SPEC.loader is not None
hostile = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("hostile", hostile)  # its dataclasses look their module up
_SPEC.loader.exec_module(hostile)


@pytest.fixture(scope="module")
def outcomes() -> list[object]:
    return list(hostile.run(1_000_000))


def test_every_command_keeps_its_bounds_on_every_hostile_input(outcomes: list[object]) -> None:
    assert len(outcomes) == len(hostile.cases())
    broken = [outcome for outcome in outcomes if not outcome.kept]  # type: ignore[attr-defined]
    assert broken == []
