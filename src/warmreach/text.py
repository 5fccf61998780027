"""Small ideas about text, each written once: accents, slugs and ids, hints, lists, addresses.

Everything here is plain Python: no fuzzy matching (that is :mod:`warmreach.matching`),
no YAML, no output formats.

>>> slugify("  Åsa Öberg-Lind ")
'asa-oberg-lind'
>>> is_valid_id("bob-chen"), is_valid_id("_bob"), is_valid_id("bob!chen")
(True, False, False)
>>> did_you_mean(["Eva Berg", "Eve Borg"])
"; did you mean 'Eva Berg' or 'Eve Borg'?"
>>> linkedin_key("https://www.linkedin.com/in/Ann-Lee/?trk=x")
'linkedin.com/in/ann-lee'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Final

_NON_WORD: Final = re.compile(r"[\W_]+")


def fold_accents(text: str) -> str:
    """``text`` without accents and other combining marks (``Ørsted`` stays, ``é`` is ``e``).

    Compatibility forms are unfolded too (a ligature, a full-width letter).

    >>> fold_accents("Société Générale"), fold_accents("\uff26intech")
    ('Societe Generale', 'Fintech')
    """
    if text.isascii():  # ASCII has no accents to drop
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", without_marks)


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """Make the stable id of a name: lower case, accents dropped, words joined by ``-``.

    Letters of any script are kept, so names in any language have ids.

    >>> slugify("Voltgrid, Inc."), slugify("王伟"), slugify("!!!")
    ('voltgrid-inc', '王伟', '')
    """
    return _NON_WORD.sub("-", fold_accents(text.casefold())).strip("-")


#: characters an id may hold after its first, besides letters and digits of any script
ID_PUNCTUATION: Final = "._-"
#: an explicit id: a letter or digit of any script, then letters, digits and ID_PUNCTUATION
#: (in Python, ``\w`` is exactly the letters and digits of Unicode, and ``_``)
ID_PATTERN: Final = re.compile(rf"[^\W_][\w{re.escape(ID_PUNCTUATION)}]*")
#: the same rule as a JSON Schema pattern (ECMA-262 in Unicode mode: ``\p{L}`` letters,
#: ``\p{N}`` digits; in a class, ``.`` and ``_`` need no escape and a last ``-`` is literal)
ID_JSON_PATTERN: Final = (
    r"^[\p{L}\p{N}][\p{L}\p{N}" + "".join(sorted(ID_PUNCTUATION, key="-".__eq__)) + "]*$"
)


def is_valid_id(text: str) -> bool:
    """Whether ``text`` can be an explicit id (:data:`ID_PATTERN`).

    >>> is_valid_id("bob-chen"), is_valid_id("bob chen"), is_valid_id("team/x"), is_valid_id("王伟")
    (True, False, False, True)
    """
    return ID_PATTERN.fullmatch(text) is not None


def quoted(text: str) -> str:
    """Text as messages quote a name or value: ``'Eva Berg'``.

    >>> quoted("O'Neil")
    "'O'Neil'"
    """
    return f"'{text}'"


#: the most of a wrong value a message repeats
SHOWN_CHARS: Final = 40


def shown(text: str) -> str:
    """A value as a message repeats it: at most SHOWN_CHARS characters.

    >>> shown("9" * 5000)
    '9999999999999999999999999999999999999999… (5000 characters)'
    """
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}… ({len(text)} characters)"


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c``.

    >>> join_words(["role"]), join_words(["a", "b", "c"]), join_words(["x", "y"], "or")
    ('role', 'a, b and c', 'x or y')
    >>> join_words([])
    ''
    """
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def did_you_mean(suggestions: Sequence[str]) -> str:
    """The end of a message offering the nearest known names, or ``""`` when there are none.

    >>> did_you_mean(["trust"]), did_you_mean([])
    ("; did you mean 'trust'?", '')
    """
    if not suggestions:
        return ""
    return "; did you mean " + " or ".join(quoted(name) for name in suggestions) + "?"


_URL_PREFIX: Final = re.compile(r"^(https?://)?(www\.|[a-z]{2}\.)?", re.IGNORECASE)


def linkedin_key(address: str) -> str:
    """A LinkedIn profile address as a key, so that two spellings of one profile are equal:
    no scheme, ``www.`` or country subdomain, query or fragment, trailing slash or case.

    >>> linkedin_key("https://www.linkedin.com/in/Bob-Chen/?trk=x")
    'linkedin.com/in/bob-chen'
    >>> linkedin_key("de.linkedin.com/in/bob-chen#about")
    'linkedin.com/in/bob-chen'
    """
    bare = _URL_PREFIX.sub("", address.strip()).split("?")[0].split("#")[0]
    return bare.rstrip("/").lower()


def email_key(address: str) -> str:
    """An e-mail address as a key: surrounding space and case do not count.

    >>> email_key(" Bob.Chen@Example.com ")
    'bob.chen@example.com'
    """
    return address.strip().lower()


def identity_keys(*, email: str | None, linkedin: str | None) -> list[str]:
    """The keys a person is known by, most telling first: their LinkedIn address, their
    e-mail, each normalised (:func:`linkedin_key`, :func:`email_key`).

    >>> identity_keys(email="Bob@Example.com", linkedin="https://www.linkedin.com/in/bob/")
    ['linkedin:linkedin.com/in/bob', 'email:bob@example.com']
    """
    keys = [f"linkedin:{linkedin_key(linkedin)}"] if linkedin and linkedin_key(linkedin) else []
    if email and email_key(email):
        keys.append(f"email:{email_key(email)}")
    return keys


def name_key(name: str) -> str:
    """A key for a person known only by name, beside :func:`identity_keys`'s.

    >>> name_key("Åsa Öberg")
    'name:asa-oberg'
    """
    return f"name:{slugify(name)}"


#: characters a terminal may act on or that reorder what is shown: C0 controls (but the
#: line feed), DEL, C1 controls, and the marks that change the direction of text
_INVISIBLE: Final = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_INVISIBLE_OR_NEWLINE: Final = re.compile(f"{_INVISIBLE.pattern[:-1]}\n]")
#: what JSON leaves as they are but a terminal would act on (JSON escapes the rest)
_JSON_INVISIBLE: Final = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = True) -> str:
    r"""``text`` with every character a terminal could act on written as an escape
    (``\x1b``), so that text from a file is shown, never obeyed; line feeds are kept
    unless ``newlines`` is False (for messages that must stay on one line).

    >>> visible("Bob\x1b]0;title\x07 Chen"), visible("a\nb", newlines=False)
    ('Bob\\x1b]0;title\\x07 Chen', 'a\\x0ab')
    >>> visible("\u202egnp.exe")
    '\\u202egnp.exe'
    """
    return (_INVISIBLE if newlines else _INVISIBLE_OR_NEWLINE).sub(_escaped, text)


def json_visible(document: str) -> str:
    r"""A JSON document with the characters JSON allows raw but a terminal would act on
    (DEL, C1 controls, direction marks) written as ``\uXXXX`` escapes: the same JSON.

    >>> json_visible('{"name": "a\x9bb"}')
    '{"name": "a\\u009bb"}'
    """
    return _JSON_INVISIBLE.sub(lambda match: f"\\u{ord(match[0]):04x}", document)


#: words before a name that are a title, not a name (compared without dots, lower case)
HONORIFICS: Final = frozenset(
    """
    dr prof professor mr mrs ms miss mx sir dame lord lady rev revd fr hon herr frau
    mme mlle mons sr sra srta dott dssa ing mag dipl dra don dona
    """.split()
)
#: what a doctorate is in, after "Dr." ("Dr. med.", "Dr. rer. nat."): no name then
DOCTORATES: Final = frozenset("med rer nat jur phil habil hc dent vet".split())
#: words after a name that are a generation, degree or credential, not a name
SUFFIXES: Final = frozenset(
    """
    jr sr ii iii iv v phd dphil md mba msc ma mphil ba bsc beng meng cpa cfa pmp esq dds
    rn pe peng cissp acca aca frcs llm jd mpa mph obe mbe cbe
    """.split()
)
_NICKNAME: Final = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]|\(([^()]+)\)")
#: marks that belong in a name: a space, initials' dots, a comma, apostrophes, hyphens
_NAME_MARKS: Final = " .,'\u2019-"


@cache
def _cjk() -> re.Pattern[str]:
    """Letters of Chinese, Japanese and Korean scripts (compiled when first needed: its
    ranges take milliseconds to compile, and only messages greet people by name)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _word(token: str) -> str:
    return token.replace(".", "").casefold()


def _name_only(text: str) -> str:
    """``text`` without emoji, symbols and tags in square brackets, and without what
    follows ``|`` or a spaced dash ("Sara Kim | Hiring")."""
    text = re.split(r"\s[|\u2013\u2014-]\s|\|", text, maxsplit=1)[0]
    text = re.sub(r"\[[^\[\]]*\]", " ", text)  # tags such as "[bold]" are not names
    kept = (
        char
        for char in text
        if unicodedata.category(char)[0] in "LMN" or char in _NAME_MARKS or char.isspace()
    )
    return " ".join("".join(kept).split())


def initials(name: str) -> str:
    """Initials of a name, shown instead of it where names are redacted.

    >>> initials("Ana Lima"), initials("王伟"), initials("O'Neil")
    ('A.L.', '王.', 'O.N.')
    """
    return "".join(f"{word[0].upper()}." for word in name.replace("'", " ").split()[:3] if word)


def given_name(name: str) -> str:
    """The name to greet someone by: their given name, without titles ("Dr.", "Prof."),
    credentials and generations ("PhD", "Jr."), emoji, pronouns or initials; a nickname
    in quotes or brackets when they give one; the name in full when the order of its parts
    cannot be told (a name in Chinese, Japanese or Korean script, or only an initial and
    a family name).

    >>> given_name("Dr. Olga Novak, PhD"), given_name("✨ Sara Kim"), given_name("Berg, Jonas")
    ('Olga', 'Sara', 'Jonas')
    >>> given_name('Robert "Bob" Chen'), given_name("J. Robert Smith"), given_name("TANAKA Hiroshi")
    ('Bob', 'Robert', 'Hiroshi')
    >>> given_name("王伟"), given_name("J. Smith"), given_name("Jean-Luc Picard")
    ('王伟', 'J. Smith', 'Jean-Luc')
    """
    if _cjk().search(name):
        return _name_only(name) or name.strip()
    for match in _NICKNAME.finditer(name):
        nickname = _name_only(match[1] or match[2] or "")
        if nickname and "/" not in (match[0]) and len(nickname.split()) == 1:
            return nickname
    text = _name_only(_NICKNAME.sub(" ", name))
    if "," in text:
        before, _, after = text.partition(",")
        rest = [word for word in after.replace(",", " ").split() if _word(word) not in SUFFIXES]
        # "Berg, Jonas": a family name first; "Olga Novak, PhD": credentials after
        text = f"{' '.join(rest)} {before}" if rest else before
    words = [word for word in text.replace(",", " ").split() if word.strip(_NAME_MARKS.strip(" ,"))]
    titled = False
    while len(words) > 1 and (
        _word(words[0]) in HONORIFICS or (titled and _word(words[0]) in DOCTORATES)
    ):
        titled = True
        words.pop(0)
    while len(words) > 1 and _word(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return name.strip()
    first = words[0]
    if (
        len(words) > 1
        and first.isupper()
        and first.isalpha()
        and len(first) > 1
        and not words[1].isupper()
    ):
        words = [*words[1:], words[0]]  # "TANAKA Hiroshi": the family name in capitals
    initials = 0
    while initials < len(words) - 1 and len(words[initials].strip(".")) == 1:
        initials += 1
    if initials and initials >= len(words) - 1:
        return " ".join(words)  # "J. Smith": only initials before the family name
    given = words[initials]
    return given.title() if given.isupper() and len(given) > 2 else given
