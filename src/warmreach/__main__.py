"""``python -m warmreach``: the same as the ``warmreach`` command."""

from __future__ import annotations

from warmreach.cli import run

if __name__ == "__main__":
    run()
