"""Company names normalised: case, accents, punctuation, ``&``/``and``, a web domain,
a leading ``the`` and legal forms in many languages set aside, and the id a name gives;
and industries and titles normalised for matching (:func:`normalize_term`).

>>> normalize_company("Voltgrid, Inc."), normalize_company("Northvolt AB")
('voltgrid', 'northvolt')
>>> normalize_company("Ørsted A/S"), normalize_company("McKinsey & Company")
('orsted', 'mckinsey')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from warmreach.text import fold_accents, slugify

#: legal forms ignored at the end of company names (after dots are removed), from the
#: registers of many countries: Inc. and LLC, Ltd and PLC, GmbH and KG, AB, AS and Oy,
#: S.A., S.L., S.p.A. and S.r.l., N.V. and B.V., K.K., Pte and Pty, s.r.o. and Sp. z o.o.
LEGAL_SUFFIXES: Final = frozenset(
    """
    ab abp ag aps as asa bhd bv cia cie co company corp corporation cv doo ehf gmbh inc
    incorporated kft kg kk lda limited llc llp lp ltd ltda mbh na nv oao ohg ooo oy oyj plc
    pjsc pt pte publ pty sa saa sab sae sal sarl sas sau se sl spa sprl sro srl ug ulc zrt
    """.split()
)
#: legal forms written as several words (after dots are removed)
LEGAL_PHRASES: Final = (
    ("sp", "z", "oo"),
    ("sp", "z", "o", "o"),
    ("s", "de", "rl"),
    ("s", "a"),
    ("a", "s"),
)
#: letters that are not accented forms of a Latin letter but are written as one
TRANSLITERATION: Final = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "\u0131": "i",  # dotless i
    }
)

_PUNCTUATION: Final = re.compile(r"[^\w\s]+")
_DOMAIN: Final = re.compile(r"\.(com|net|org|io|ai|co|de|se|fr|uk|eu)\b")
_SPACES: Final = re.compile(r"\s+")
#: a note in brackets at the end of a name: "(AWS)", "(UK)", "(formerly Statoil)"
_BRACKETED: Final = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


@lru_cache(maxsize=1 << 16)
def normalize_company(name: str) -> str:
    """Lower-case a company name, drop accents, punctuation, a web domain ending, a
    leading ``the``, a note in brackets at the end and trailing legal forms; ``&`` is
    ``and``.

    >>> normalize_company("  Société Générale S.A. "), normalize_company("Amazon.com, Inc.")
    ('societe generale', 'amazon')
    >>> normalize_company("Harbor & Finch"), normalize_company("Smith & Co.")
    ('harbor and finch', 'smith')
    >>> normalize_company("The Walt Disney Company"), normalize_company("AB")
    ('walt disney', 'ab')
    >>> normalize_company("United Parcel Service (UPS)"), normalize_company("Nordea Bank Abp")
    ('united parcel service', 'nordea bank')
    """
    text = name.casefold().translate(TRANSLITERATION)
    text = _BRACKETED.sub("", text) or text
    text = fold_accents(_DOMAIN.sub(" ", text).replace("&", " and ").replace(".", ""))
    words = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).split()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1:
        phrase = next((p for p in LEGAL_PHRASES if tuple(words[-len(p) :]) == p), None)
        if phrase is not None and len(words) > len(phrase):
            del words[-len(phrase) :]
        elif words[-1] in LEGAL_SUFFIXES or words[-1] in ("and", "et", "y"):
            words.pop()
        else:
            break
    return " ".join(words)


def company_id(name: str) -> str:
    """The id of a company: the slug of its name without legal forms.

    >>> company_id("Voltgrid AB"), company_id("Kelp Labs, Inc.")
    ('voltgrid', 'kelp-labs')
    """
    return slugify(normalize_company(name)) or slugify(name)


__all__ = ["LEGAL_SUFFIXES", "company_id", "normalize_company"]


_PLURAL_IES: Final = re.compile(r"ies$")


def normalize_term(text: str) -> str:
    """Normalise an industry or title for matching: case, accents, punctuation, ``&``,
    plurals.

    >>> normalize_term("Renewables & Environment"), normalize_term("Clean Technologies")
    ('renewable and environment', 'clean technology')
    """
    text = fold_accents(text.casefold().replace("&", " and "))
    words = []
    for word in re.sub(r"[^\w]+", " ", text).split():
        if len(word) > 4 and word.endswith("ies"):
            word = _PLURAL_IES.sub("y", word)
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)
