"""Everyday English words, told from distinctive names: "Apple Bank" may be any bank
named after the fruit, "Voltgrid Technologies" is Voltgrid.

A word is everyday when it is common in English text: EVERYDAY or more occurrences in
pyspellchecker's English word frequencies (built from subtitles and web text). Company
names coined for a brand (Voltgrid, Klarna, Sony) fall below it; words such as apple,
summit, harbor, beacon or pioneer are above it.

>>> everyday("apple"), everyday("summit"), everyday("voltgrid"), everyday("klarna")
(True, True, False, False)
>>> distinctive(["silver", "lake"]), distinctive(["deutsche"])
(False, True)
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from warmreach.cachefolder import kept_lines

#: occurrences in the English word list from which a word is everyday (our assumption:
#: "acme" has 130 and is a name in company names, "evergreen" has 389 and is a word)
EVERYDAY: Final = 250


def _word_file() -> Traversable:
    return resources.files("spellchecker").joinpath("resources", "en.json.gz")


def _word_path() -> Path | None:
    """Where the word file is, found without importing pyspellchecker (None: not a file
    of a folder, e.g. in a zip)."""
    spec = importlib.util.find_spec("spellchecker")
    folders = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(folders)), "resources", "en.json.gz") if folders else None


@cache
def everyday_words() -> frozenset[str]:
    """The words of pyspellchecker's English list used at least EVERYDAY times.

    Picked out of the list once (:func:`picked_words`, about 0.1 s) and kept in the cache
    folder (:func:`~warmreach.cachefolder.kept_lines`; read back in a few milliseconds),
    under the word file's place, size and time and the rule that picks them: another
    pyspellchecker, or another EVERYDAY, picks them again.
    """
    source = _word_path()
    try:
        status = None if source is None else source.stat()
    except OSError:
        status = None
    if status is None:
        return frozenset(picked_words())
    version = f"{source} {status.st_size} {status.st_mtime_ns} {EVERYDAY} {_COMMON.pattern!r}"
    return frozenset(kept_lines("everyday-words", version, picked_words))


def picked_words() -> list[str]:
    """The words of pyspellchecker's English list used at least EVERYDAY times, picked
    out of it, in the list's order.

    Picked straight out of the package's word-frequency file (a JSON object, one
    ``"word": count`` per line) by :data:`_COMMON`, which reads only the words counted a
    hundred times or more, of which those counted EVERYDAY times or more are kept: faster
    than decoding the whole object (0.10 s against 0.19 s here) and than building a
    ``SpellChecker`` (0.4 s). Through ``SpellChecker`` when the file is not where the
    package keeps it or not as described (a test checks that both give the same words).
    """
    try:
        text = gzip.decompress(_word_file().read_bytes())
    except (OSError, ValueError, EOFError):
        text = b""
    if text.startswith(b"{") and b"\\" not in text:
        pairs = _COMMON.findall(text)
        return [word.decode() for word, count in pairs if int(count) >= EVERYDAY]
    counts = spelling_counts()
    return [word for word, count in counts.items() if count >= EVERYDAY]


#: a word of the frequency file counted at least 100 times (as many digits as EVERYDAY)
_COMMON: Final = re.compile(rb'"([^"\\]*)": ([1-9]\d{%d,})[,\n}]' % (len(str(EVERYDAY)) - 1))


def spelling_counts() -> Mapping[str, int]:
    """Every word of pyspellchecker's English list with its count, as ``SpellChecker``
    reads them."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


#: British endings and their American forms: the word list spells as Americans do
BRITISH: Final = (("our", "or"), ("tre", "ter"), ("ise", "ize"), ("yse", "yze"), ("ogue", "og"))


def everyday(word: str) -> bool:
    """Whether ``word`` (lower case) is a common English word, spelt either way.

    >>> everyday("harbour"), everyday("centre"), everyday("voltgrid")
    (True, True, False)
    """
    words = everyday_words()
    forms = [word] + [
        word.removesuffix(british) + american
        for british, american in BRITISH
        if word.endswith(british)
    ]
    return any(form in words for form in forms)


def distinctive(words: Sequence[str]) -> bool:
    """Whether a name (its words, lower case) is more than everyday words: one of them at
    least is not everyday."""
    return any(not everyday(word) for word in words)


__all__ = ["EVERYDAY", "distinctive", "everyday"]
