"""Fuzzy matching: the only package that imports rapidfuzz.

- :mod:`~warmreach.matching.companies`: company names, their ids, linking free text;
- :mod:`~warmreach.matching.names`: "did you mean" hints, team names;
- :mod:`~warmreach.matching.people`: the keys of a person, people written twice, names
  alike (for merges);
- :mod:`~warmreach.matching.titles`: jobs and ranks in titles, who holds a role;
- :mod:`~warmreach.matching.taxonomy`: the industry taxonomy, reading industry texts;
- :mod:`~warmreach.matching.field`: the field you aim at, and what is in it or next to it;
- :mod:`~warmreach.matching.industries`: inferring companies' and contacts' industries;
- :mod:`~warmreach.matching.lookup`: names given on the command line.

Each name below is imported from its module when first used: reading a file matches
company names without loading the industry taxonomy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmreach._lazy import lazy_names

if TYPE_CHECKING:
    from warmreach.matching.companies import (
        CompanyMatcher,
        NearDuplicate,
        NearReason,
        company_id,
        near_duplicates,
        normalize_company,
    )
    from warmreach.matching.field import TargetField, target_field
    from warmreach.matching.industries import (
        CompanyIndustry,
        Inference,
        Inferences,
        classify_industries,
        company_industries,
        company_matches,
        known_companies,
    )
    from warmreach.matching.lookup import find_contact, find_person, find_target, find_targets
    from warmreach.matching.names import hint, match_name, suggest
    from warmreach.matching.normal import normalize_term
    from warmreach.matching.people import DuplicateReason, likely_duplicates, similar_names
    from warmreach.matching.taxonomy import Field, Industry, IndustryMatch, Taxonomy
    from warmreach.matching.titles import (
        holds_any,
        holds_role,
        normalize_title,
        title_rank,
        title_words,
    )
    from warmreach.text import identity_keys

__getattr__, __dir__ = lazy_names(
    globals(),
    {
        **dict.fromkeys(
            [
                "CompanyMatcher",
                "NearDuplicate",
                "NearReason",
                "company_id",
                "near_duplicates",
                "normalize_company",
            ],
            "warmreach.matching.companies",
        ),
        **dict.fromkeys(["TargetField", "target_field"], "warmreach.matching.field"),
        **dict.fromkeys(
            [
                "CompanyIndustry",
                "Inference",
                "Inferences",
                "classify_industries",
                "company_industries",
                "company_matches",
                "known_companies",
            ],
            "warmreach.matching.industries",
        ),
        **dict.fromkeys(
            ["find_contact", "find_person", "find_target", "find_targets"],
            "warmreach.matching.lookup",
        ),
        **dict.fromkeys(["hint", "match_name", "suggest"], "warmreach.matching.names"),
        **dict.fromkeys(
            ["DuplicateReason", "likely_duplicates", "similar_names"], "warmreach.matching.people"
        ),
        **dict.fromkeys(
            ["Field", "Industry", "IndustryMatch", "Taxonomy"],
            "warmreach.matching.taxonomy",
        ),
        **dict.fromkeys(
            ["holds_any", "holds_role", "normalize_title", "title_rank", "title_words"],
            "warmreach.matching.titles",
        ),
        "identity_keys": "warmreach.text",
        "normalize_term": "warmreach.matching.normal",
    },
)

__all__ = [
    "CompanyIndustry",
    "CompanyMatcher",
    "DuplicateReason",
    "Field",
    "Industry",
    "IndustryMatch",
    "Inference",
    "Inferences",
    "NearDuplicate",
    "NearReason",
    "TargetField",
    "Taxonomy",
    "classify_industries",
    "company_id",
    "company_industries",
    "company_matches",
    "find_contact",
    "find_person",
    "find_target",
    "find_targets",
    "hint",
    "holds_any",
    "holds_role",
    "identity_keys",
    "known_companies",
    "likely_duplicates",
    "match_name",
    "near_duplicates",
    "normalize_company",
    "normalize_term",
    "normalize_title",
    "similar_names",
    "suggest",
    "target_field",
    "title_rank",
    "title_words",
]
