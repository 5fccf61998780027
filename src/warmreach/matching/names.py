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


class Hints:
    """ "Did you mean" endings for many words against one list of names, with bounded
    work: the names are prepared once, and after ``most`` words have been given hints
    the rest get none (a file with thousands of unknown names still reads in linear
    time; its first problems carry the hints).

    >>> hints = Hints(["Eva Berg", "Bob Chen"], most=1)
    >>> hints("Eva Burg"), hints("Bob Chan")
    ("; did you mean 'Eva Berg'?", '')
    """

    def __init__(self, choices: Iterable[str], *, most: int) -> None:
        self._choices = sorted(set(choices))
        self._processed = [utils.default_process(choice) for choice in self._choices]
        self._left = most
        self._given: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        known = self._given.get(word)
        if known is not None:
            return known
        if self._left <= 0:
            return ""
        self._left -= 1
        found = process.extract(
            utils.default_process(word),
            self._processed,
            scorer=fuzz.ratio,
            score_cutoff=SUGGEST_CUTOFF,
            limit=3,
        )
        names = [self._choices[index] for _, _, index in sorted(found, key=lambda h: (-h[1], h[2]))]
        self._given[word] = ending = did_you_mean(names)
        return ending
