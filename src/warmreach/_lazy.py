"""Names of a package imported from their modules when first used (PEP 562).

A package whose ``__init__`` imports everything it offers makes every command pay for
every part: ``import warmreach.plan`` for a constant would load the whole planner. A
package that uses :func:`lazy_names` keeps its ``__init__`` light and still offers
``from package import name`` for each name it lists.

>>> import types
>>> package = types.ModuleType("example")
>>> package.__getattr__, package.__dir__ = lazy_names(vars(package), {"dumps": "json"})
>>> package.dumps({"a": 1}), "dumps" in dir(package)
('{"a": 1}', True)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    namespace: dict[str, Any], modules: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__``: each name of ``modules`` (name →
    module) imported from its module on first use and kept in ``namespace``."""

    def __getattr__(name: str) -> object:
        if name not in modules:
            raise AttributeError(f"module {namespace.get('__name__')!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(modules[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *modules])

    return __getattr__, __dir__
