"""The well-known companies warmreach ships (``warmreach/data/companies.toml``): the names
each is written under, and its industry.

Every name of one company, normalised (:func:`normalize_company`), leads to that
company's key; two companies never share a name. :class:`~warmreach.matching.companies.
CompanyMatcher` checks these before any rule, and never joins a name of the list to a
company by a guess.

>>> known = known_names()
>>> known["meta platforms"], known["facebook"], known["meta"]
('meta', 'meta', 'meta')
>>> known["spotify"] == known["shopify"]
False
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import warmreach.matching.normal
import warmreach.text
from warmreach.cachefolder import kept_lines
from warmreach.matching.normal import normalize_company


def _list() -> bytes:
    return resources.files("warmreach").joinpath("data/companies.toml").read_bytes()


@cache
def _data() -> Mapping[str, Any]:
    import tomllib  # only when the list is read, not when its names are kept

    return tomllib.loads(_list().decode("utf-8"))


@cache
def known_names() -> Mapping[str, str]:
    """Each name of a well-known company, normalised, and its company's key (the
    normalised first name under ``[names]``, or its one name under ``[companies]``).

    Worked out once (reading the list and normalising its names: about 15 ms) and kept
    in the cache folder (:func:`~warmreach.cachefolder.kept_lines`) under a digest of
    the list and of the code that normalises names, so that a change to either works
    them out again.
    """
    digest = hashlib.sha256(_list())
    try:
        for module in (warmreach.matching.normal, warmreach.text):
            digest.update(Path(str(module.__file__)).read_bytes())
    except OSError:  # the code is not in files: nothing to key the kept names by
        return _names()
    # a line a name, a tab, its key: normalised names are words between single spaces
    kept = kept_lines("known-names", digest.hexdigest(), lambda: map("\t".join, _names().items()))
    return dict(line.split("\t", 1) for line in kept)


def _names() -> dict[str, str]:
    data = _data()
    found: dict[str, str] = {}
    for company, others in data["names"].items():
        key = normalize_company(company)
        for name in (company, *others):
            other = found.setdefault(normalize_company(name), key)
            if other != key:
                raise ValueError(f"companies.toml: '{name}' names both {other} and {key}")
    for name in data["companies"]:
        found.setdefault(normalize_company(name), normalize_company(name))
    return found


@cache
def known_industries() -> Mapping[str, str]:
    """Each name of a well-known company, normalised, and the name of its industry (one
    given for any of its names)."""
    names = known_names()
    by_key = {
        names[normalize_company(name)]: industry for name, industry in _data()["companies"].items()
    }
    return {name: by_key[key] for name, key in names.items() if key in by_key}


__all__ = ["known_industries", "known_names"]
