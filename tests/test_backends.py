"""warmreach's NetworkX calls go through NetworkX's backend dispatch.

A user with a GPU who installs nx-cugraph and sets ``NETWORKX_BACKEND_PRIORITY=cugraph``
gets it without changes to warmreach. These tests install a small backend that runs
NetworkX's own code and records what it was asked, then check that analysing a sample
network goes through it and gives the same report as NetworkX itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from networkx.utils import backends as dispatch

from tests.helpers import SAMPLES
from warmreach.networkfile import load_network
from warmreach.reports import analysis_json
from warmreach.scoring import analyze

AS_OF = dt.date(2026, 11, 25)


class RecordedGraph(nx.Graph):  # type: ignore[misc]  # networkx has no type hints
    """A graph that belongs to the recording backend."""

    __networkx_backend__ = "recording"


class RecordingBackend:
    """A NetworkX backend that runs NetworkX's implementations and records their names."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    @staticmethod
    def convert_from_nx(graph: nx.Graph, **options: Any) -> RecordedGraph:
        return RecordedGraph(graph)

    @staticmethod
    def convert_to_nx(result: Any, **options: Any) -> Any:
        return result

    @staticmethod
    def can_run(name: str, args: Any, kwargs: Any) -> bool:
        return True

    @staticmethod
    def should_run(name: str, args: Any, kwargs: Any) -> bool:
        return True

    def __getattr__(self, name: str) -> Callable[..., Any]:
        implementation = dispatch._registered_algorithms[name].orig_func

        def run(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return implementation(*args, **kwargs)

        return run


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingBackend]:
    """The recording backend, installed as NetworkX's conftest installs its test backend
    and first in ``nx.config.backend_priority``, as NETWORKX_BACKEND_PRIORITY would put it."""
    backend = RecordingBackend()
    monkeypatch.setitem(dispatch.backends, "recording", None)
    monkeypatch.setitem(dispatch._loaded_backends, "recording", backend)
    monkeypatch.setitem(dispatch.backend_info, "recording", {})
    monkeypatch.setattr(
        nx.config, "backends", nx.utils.Config(recording=nx.utils.Config(), **nx.config.backends)
    )
    monkeypatch.setattr(
        dispatch._dispatchable, "__call__", dispatch._dispatchable._call_if_any_backends_installed
    )
    monkeypatch.setattr(nx.config.backend_priority, "algos", ["recording"])
    monkeypatch.setattr(nx.config, "warnings_to_ignore", {"cache"})
    yield backend


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_analyze_runs_on_the_backend_nx_config_names(
    sample: Path, recording: RecordingBackend
) -> None:
    network = load_network(sample)
    with nx.config(backend_priority={"algos": []}):
        expected = analysis_json(analyze(network, as_of=AS_OF, paths=2))
    assert recording.calls == []
    assert analysis_json(analyze(network, as_of=AS_OF, paths=2)) == expected
    assert "pagerank" in recording.calls
    assert "shortest_simple_paths" in recording.calls
