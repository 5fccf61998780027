"""People written twice: the keys that identify a person, and names that are nearly the same.

One person is recognised by their LinkedIn address and their e-mail, whatever the
spelling (:func:`~warmreach.text.identity_keys`): ``warmreach validate`` warns about two
contacts with one key (:func:`likely_duplicates`), and ``warmreach import --merge`` takes
an incoming person with a contact's key for that contact, so the two always agree.

>>> identity_keys(email="Bob@Example.com", linkedin="https://www.linkedin.com/in/bob/")
['linkedin:linkedin.com/in/bob', 'email:bob@example.com']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final, Literal

from rapidfuzz import fuzz, process, utils

from warmreach.model import Contact
from warmreach.text import identity_keys

#: fuzzy score (token_sort_ratio on normalised names) at or above which an incoming name
#: may be a contact of the file: "Jon Smith"/"John Smith" (95), "Ana Strong"/"Ana Stone" (84)
NAME_MATCH_CUTOFF: Final = 92.0
#: rows of names compared with the known names at once (memory: rows x known)
_CHUNK: Final = 2000


def similar_names(queries: Sequence[str], names: Sequence[str]) -> list[list[int]]:
    """For each query, the indices of ``names`` that come close (spelling, order,
    accents: token_sort_ratio at least :data:`NAME_MATCH_CUTOFF`), best first.

    >>> similar_names(["Jon Smith", "Zed"], ["John Smith", "Ana Stone"])
    [[0], []]
    """
    found: list[list[int]] = []
    for start in range(0, len(queries), _CHUNK):
        chunk = queries[start : start + _CHUNK]
        if not names:
            found += [[] for _ in chunk]
            continue
        scores = process.cdist(
            chunk,
            names,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=NAME_MATCH_CUTOFF,
            dtype="uint8",
            workers=-1,
        )
        for row in scores:
            near = row.nonzero()[0]
            found.append(sorted(near.tolist(), key=lambda index: (-int(row[index]), index)))
    return found


#: name similarity (token_sort_ratio) from which two contacts may be one person
DUPLICATE_NAME_CUTOFF: Final = 90.0


#: why two contacts may be one person: the same e-mail, the same LinkedIn address, names
#: alike (at the same company, or where one or both give none)
DuplicateReason = Literal["email", "linkedin", "names-at-company", "names"]


def likely_duplicates(contacts: Sequence[Contact]) -> list[tuple[int, int, DuplicateReason]]:
    """Pairs of contacts (by index, earlier first) that may be one person, with why.

    Same e-mail or LinkedIn address; or names alike (spelling, order, accents) where
    the companies do not differ. Names are compared in the groups of
    :func:`comparison_groups`, each in one pass.

    >>> people = [Contact(id="eva-berg", name="Eva Berg", company="voltgrid"),
    ...           Contact(id="eva-bergh", name="Eva Bergh", company="voltgrid"),
    ...           Contact(id="berg-eva", name="Berg, Eva", company="sunforge")]
    >>> likely_duplicates(people)
    [(0, 1, 'names-at-company')]
    """
    found: dict[tuple[int, int], DuplicateReason] = {}
    keys = [identity_keys(email=c.email, linkedin=c.linkedin) for c in contacts]
    kinds: tuple[DuplicateReason, ...] = ("email", "linkedin")
    for kind in kinds:  # a pair with both is reported for its e-mail
        seen: dict[str, int] = {}
        for index, key in ((i, key) for i, own in enumerate(keys) for key in own):
            if not key.startswith(f"{kind}:"):
                continue
            if key in seen:
                found.setdefault((seen[key], index), kind)
            else:
                seen[key] = index
    names = [utils.default_process(contact.name) for contact in contacts]
    companies = [contact.company for contact in contacts]
    numbers = [_digits(name) for name in names]
    for members in comparison_groups(names):
        for rows, columns in _may_pair(members, companies):
            scores = process.cdist(
                [names[i] for i in rows],
                [names[i] for i in columns],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=DUPLICATE_NAME_CUTOFF,
                dtype="uint8",
                workers=1,  # at most MAX_BLOCK square: threads would cost more than they save
            )
            close = (scores >= DUPLICATE_NAME_CUTOFF).nonzero()
            for row, column in zip(close[0].tolist(), close[1].tolist(), strict=True):
                first, second = sorted((rows[row], columns[column]))
                if first == second or (first, second) in found:
                    continue  # a name with itself (most of the hits), or a pair seen
                company, other = companies[first], companies[second]
                if company and other and company != other:
                    continue
                if numbers[first] != numbers[second]:
                    continue  # "Sam Lee 2" and "Sam Lee 3" are told apart on purpose
                found[(first, second)] = "names-at-company" if company else "names"
    return [(first, second, reason) for (first, second), reason in sorted(found.items())]


def _may_pair(
    members: list[int], companies: Sequence[str | None]
) -> list[tuple[list[int], list[int]]]:
    """The names of a group worth comparing, as (rows, columns) of a comparison: a contact
    who gives no company with every member; the others only with members of the same
    company, so those alone at their company in the group are left out (two companies
    that differ rule a pair out whatever the names: most pairs of a large network's).

    >>> _may_pair([0, 1, 2, 3], ["a", "b", "a", "c"])
    [([0, 2], [0, 2])]
    >>> _may_pair([0, 1, 2], ["a", None, "b"])
    [([1], [0, 1, 2])]
    """
    count = Counter(companies[index] for index in members)
    loose = [index for index in members if not companies[index]]
    shared = [index for index in members if companies[index] and count[companies[index]] > 1]
    return [(rows, columns) for rows, columns in ((loose, members), (shared, shared)) if rows]


#: names that share a word are compared as one block up to this many; a larger block is
#: sorted by its names' words and compared in overlapping windows of this size, so the
#: work (and memory) grows with the number of names, not its square
MAX_BLOCK: Final = 200


def comparison_groups(names: Sequence[str]) -> list[list[int]]:
    """The groups of names (by index) compared with each other for duplicates: those that
    share a word of two or more letters, large blocks cut into overlapping windows of
    MAX_BLOCK names in the order of their sorted words.

    >>> comparison_groups(["eva berg", "eva bergh", "bob chen"])
    [[0, 1]]
    """
    blocks: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        for word in set(name.split()):
            if len(word) >= 2 and not word.isdigit():
                blocks.setdefault(word, []).append(index)
    groups: list[list[int]] = []
    for word in sorted(blocks):
        members = blocks[word]
        if len(members) < 2:
            continue
        if len(members) <= MAX_BLOCK:
            groups.append(members)
            continue
        ordered = sorted(members, key=lambda index: (sorted(names[index].split()), index))
        step = MAX_BLOCK // 2
        for start in range(0, len(ordered) - step, step):
            groups.append(ordered[start : start + MAX_BLOCK])
    return groups


def _digits(name: str) -> list[str]:
    return [word for word in name.split() if word.isdigit()]
