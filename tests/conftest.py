"""Fixtures every test gets, and the hypothesis profiles.

``quick`` (the default) keeps local runs short and draws new examples every run, to find
what no one thought of; CI runs with ``HYPOTHESIS_PROFILE=ci``, which gives every
property its full number of examples (see ``tests.helpers.examples``) drawn the same way
every run, so that a run on an unchanged tree gives the same verdict; ``fuzz`` is long
and random.
"""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests.helpers import PROFILE, examples

settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.register_profile("fuzz", deadline=None, print_blob=True)
settings.register_profile("quick", deadline=None, max_examples=examples(100))
settings.load_profile(PROFILE)


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the network cache of every test away from the user's own cache."""
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
