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
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Final

#: occurrences in the English word list from which a word is everyday (our assumption:
#: "acme" has 130 and is a name in company names, "evergreen" has 389 and is a word)
EVERYDAY: Final = 250


@cache
def everyday_words() -> frozenset[str]:
    """The words of pyspellchecker's English list used at least EVERYDAY times.

    Picked straight out of the package's word-frequency file (a JSON object, one
    ``"word": count`` per line) by :data:`_COMMON`, which reads only the words counted a
    hundred times or more, of which those counted EVERYDAY times or more are kept: faster
    than decoding the whole object (0.10 s against 0.19 s here) and than building a
    ``SpellChecker`` (0.4 s), at every start that needs it. Through ``SpellChecker`` when
    the file is not where the package keeps it or not as described (a test checks that
    both give the same words).
    """
    try:
        packed = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
        text = gzip.decompress(packed)
    except (OSError, ValueError, EOFError):
        text = b""
    if text.startswith(b"{") and b"\\" not in text:
        pairs = _COMMON.findall(text)
        return frozenset(word.decode() for word, count in pairs if int(count) >= EVERYDAY)
    counts = spelling_counts()
    return frozenset(word for word, count in counts.items() if count >= EVERYDAY)


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
