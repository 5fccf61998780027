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

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from warmreach.matching.normal import normalize_company


@cache
def _data() -> Mapping[str, Any]:
    text = resources.files("warmreach").joinpath("data/companies.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def known_names() -> Mapping[str, str]:
    """Each name of a well-known company, normalised, and its company's key (the
    normalised first name under ``[names]``, or its one name under ``[companies]``)."""
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
