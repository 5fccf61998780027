"""Job titles and roles: what job a title names, at what rank, and whether it is a role.

>>> normalize_title("Sr. PM, Payments"), title_rank("Staff SWE")
('product manager payment', 3)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

from warmreach.matching.normal import normalize_term

#: words about rank, not about the job; dropped before comparing titles to roles
SENIORITY: Final = frozenset(
    """
    senior sr snr junior jr lead principal staff associate assistant intern internship
    trainee graduate entry level mid i ii iii iv v global regional group deputy acting
    interim founding
    """.split()
)
#: leadership words: "Head of Product" and "VP Engineering" hold the role "X manager"
LEADERSHIP: Final = frozenset({"head", "director", "vp", "vice", "president", "chief", "of"})
#: abbreviations written in titles, expanded before comparing
TITLE_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "pm": "product manager",
    "tpm": "technical program manager",
    "swe": "software engineer",
    "sde": "software engineer",
    "sre": "site reliability engineer",
    "em": "engineering manager",
    "ds": "data scientist",
    "da": "data analyst",
    "ba": "business analyst",
    "po": "product owner",
    "qa": "quality assurance",
    "ux": "user experience",
    "ui": "user interface",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "mgr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "cto": "chief technology officer",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cpo": "chief product officer",
    "cmo": "chief marketing officer",
    "hr": "human resources",
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "avp": "assistant vice president",
    "md": "managing director",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
}
#: words of rank or leadership that are a role on their own when a title has nothing
#: else ("Associate" at a law firm, "Principal" at a consultancy, "VP", "Director")
RANK_ROLES: Final = frozenset(
    "associate principal director vice-president president partner intern head chief "
    "staff lead fellow".split()
)
#: rank words that only qualify another word, never a role on their own
_QUALIFIERS: Final = frozenset(
    "senior sr snr junior jr mid i ii iii iv v global regional group deputy acting interim "
    "founding executive assistant of entry level".split()
)
#: fuzzy score (token_sort_ratio on normalised titles) for a title to hold a role when
#: the role's words are not found in it as they are: catches typos and "Manager,
#: Product", keeps "Project Manager" and "Product Marketing Manager" apart from
#: "Product Manager"
TITLE_MATCH_CUTOFF: Final = 92.0


def title_words(title: str) -> list[str]:
    """A title's words: normalised, abbreviations expanded, rank words kept, "vice
    president" one word.

    >>> title_words("Sr. VP, Sales"), title_words("SVP Engineering")
    (['senior', 'vice-president', 'sale'], ['senior', 'vice-president', 'engineering'])
    """
    words: list[str] = []
    for word in normalize_term(title.replace(".", " ")).split():
        words.extend(TITLE_ABBREVIATIONS.get(word, word).split())
    joined: list[str] = []
    for word in words:
        if word == "president" and joined and joined[-1] == "vice":
            joined[-1] = "vice-president"
        else:
            joined.append(word)
    return joined


#: titles repeat (a network of 30,000 people has a few thousand distinct ones): each is
#: read once per process
@lru_cache(maxsize=1 << 16)
def normalize_title(title: str) -> str:
    """The job in a title: abbreviations expanded, rank words dropped; a title that is
    only rank words is its rank ("Senior Associate" is an associate).

    >>> normalize_title("Sr. PM, Payments"), normalize_title("Head of Product")
    ('product manager payment', 'product manager')
    >>> normalize_title("VP Engineering"), normalize_title("Staff SWE")
    ('engineering manager', 'software engineer')
    >>> normalize_title("Senior Associate"), normalize_title("VP"), normalize_title("Director")
    ('associate', 'vice-president', 'director')
    """
    words = title_words(title)
    leading = {"head", "director", "vice-president", "chief", "of"}
    leader = any(word in leading for word in words) and "officer" not in words
    core = [word for word in words if word not in SENIORITY and not (leader and word in leading)]
    if leader and len(core) == 1:
        core.append("manager")
    if not core:  # nothing but rank: the rank is the role
        core = [word for word in words if word not in _QUALIFIERS]
    return " ".join(core)


def _rank_role(role: str) -> list[str] | None:
    """The words of a role that names only a rank ("Associate", "VP", "Managing
    Partner" is not one), else None."""
    words = [word for word in title_words(role) if word not in _QUALIFIERS]
    return words if words and all(word in RANK_ROLES for word in words) else None


#: rank words and their level; a title holds a senior role only at its level or above
RANKS: Final[Mapping[str, int]] = {
    "intern": 0, "internship": 0, "trainee": 0, "junior": 0, "jr": 0, "associate": 0,
    "graduate": 0, "entry": 0,
    "senior": 2, "sr": 2, "snr": 2,
    "lead": 3, "staff": 3,
    "principal": 4, "distinguished": 5,
}  # fmt: skip


@lru_cache(maxsize=1 << 16)
def title_rank(title: str) -> int:
    """The level of a title's rank words (1 when it has none).

    >>> title_rank("Staff SWE"), title_rank("Software Engineer"), title_rank("Jr. Analyst")
    (3, 1, 0)
    """
    levels = [
        RANKS[word] for word in normalize_term(title.replace(".", " ")).split() if word in RANKS
    ]
    return max(levels) if levels else 1


def holds_role(titles: Sequence[str], role: str) -> list[bool]:
    """For each title, whether it is the role (at its rank or above when the role names a
    senior rank), in one whole-column pass.

    >>> holds_role(["Senior Product Manager", "Product Marketing Manager", "Prodct Manager",
    ...             "Project Manager", "Manager, Product"], "Product Manager")
    [True, False, True, False, True]
    >>> holds_role(["Senior SWE", "Principal Software Engineer"], "Staff Software Engineer")
    [False, True]
    >>> holds_role(["Senior Associate", "Associate Attorney", "Paralegal"], "Associate")
    [True, True, False]
    """
    rank_role = _rank_role(role)
    if rank_role is not None:  # "Director": every title with the rank, whatever else it says
        wanted_words = f" {' '.join(rank_role)} "
        return [wanted_words in f" {' '.join(title_words(title))} " for title in titles]
    wanted = normalize_title(role)
    if not wanted:
        return [False] * len(titles)
    rank = title_rank(role)  # a senior role asks for that rank; any other, for the job at any rank
    cores = [
        normalize_title(title) if rank <= 1 or title_rank(title) >= rank else "" for title in titles
    ]
    found = [bool(core) and f" {wanted} " in f" {core} " for core in cores]
    unsure = sorted({core for core, hit in zip(cores, found, strict=True) if core and not hit})
    if len(unsure) > BULK:
        scores = process.cdist(
            unsure,
            [wanted],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=TITLE_MATCH_CUTOFF,
            workers=-1,
        )
        close = {
            core for core, row in zip(unsure, scores, strict=True) if row[0] >= TITLE_MATCH_CUTOFF
        }
    else:  # a few: one call each is faster than starting the threads of a whole-column pass
        close = {
            core
            for core in unsure
            if fuzz.token_sort_ratio(core, wanted, score_cutoff=TITLE_MATCH_CUTOFF)
        }
    return [hit or core in close for core, hit in zip(cores, found, strict=True)]


#: from this many titles, holds_role compares them in one whole-column pass
BULK: Final = 64


@lru_cache(maxsize=1 << 16)
def holds_any(title: str | None, roles: tuple[str, ...]) -> bool:
    """Whether one title is any of ``roles`` (:func:`holds_role`), remembered per title and
    roles: the plan and the rankings ask it for every person and target.

    >>> holds_any("Senior Product Manager", ("Data Scientist", "Product Manager"))
    True
    >>> holds_any(None, ("Product Manager",))
    False
    """
    return bool(title) and any(holds_role([str(title)], role)[0] for role in roles)
