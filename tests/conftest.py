"""Fixtures every test gets."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the network cache of every test away from the user's own cache."""
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
