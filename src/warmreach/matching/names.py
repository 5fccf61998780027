"""Names that are nearly the same: "did you mean" hints, and names of teams and fields.

>>> suggest("trsut", ["trust", "title", "team"])
['trust']
>>> hint("Eva Burg", ["Eva Berg", "Bob Chen"])
"; did you mean 'Eva Berg'?"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from rapidfuzz import fuzz, process, utils

from warmreach.text import did_you_mean, slugify

#: fuzzy score at or above which a name is offered as a "did you mean" hint
SUGGEST_CUTOFF: Final = 60.0
#: fuzzy score (:func:`rapidfuzz.fuzz.ratio`) at or above which a team's name written
#: differently is taken to mean it ("Battery System" for "Battery Systems")
TEAM_MATCH_CUTOFF: Final = 90.0


def match_name(name: str, known: Sequence[str]) -> int | None:
    """The index in ``known`` of the name that means ``name`` (case, accents and
    punctuation aside, or by a strict fuzzy score), else None.

    >>> match_name("battery system", ["Cell Manufacturing", "Battery Systems"])
    1
    >>> match_name("Recycling", ["Cell Manufacturing", "Battery Systems"]) is None
    True
    """
    slug = slugify(name)
    slugs = [slugify(candidate) for candidate in known]
    if slug in slugs:
        return slugs.index(slug)
    best = process.extractOne(
        name,
        known,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=TEAM_MATCH_CUTOFF,
    )
    return None if best is None else int(best[2])


def suggest(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known names nearest to ``word``, best first, for a "did you mean" hint.

    >>> suggest("Eva Burg", ["Eva Berg", "Bob Chen", "Eve Borg"])
    ['Eva Berg', 'Eve Borg']
    >>> suggest("zzz", ["trust"])
    []
    """
    unique = sorted(set(choices))
    found = process.extract(
        word,
        unique,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=SUGGEST_CUTOFF,
        limit=limit,
    )
    return [choice for choice, _score, _index in sorted(found, key=lambda hit: (-hit[1], hit[0]))]


def hint(word: str, choices: Iterable[str]) -> str:
    """The end of a message naming the known names nearest to ``word``, or ``""``.

    >>> hint("zzz", ["trust"])
    ''
    """
    return did_you_mean(suggest(word, choices))
