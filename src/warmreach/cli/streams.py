"""Output that survives every terminal and stream: a character the stream cannot encode
(a box-drawing line, an arrow, an accent on a Windows code page or in ASCII) is written
plainly instead of ending the command with a traceback and an empty report.

Each such character becomes its plain form, one character for one so that tables stay
aligned (:data:`PLAIN`: ``→`` is ``>``, a table's lines are ``-``, ``|`` and ``+``, a
score bar's blocks are ``#``), else the letter without its accent, else ``?``. A report
written with ``--output`` is always UTF-8.

>>> import io
>>> raw = io.BytesIO()
>>> stream = io.TextIOWrapper(raw, encoding="cp1252")
>>> plain_streams([stream])
>>> _ = stream.write("Zoë → Ørsted ┃ █▌ Łukasz\\n"); stream.flush()
>>> raw.getvalue().decode("cp1252")
'Zoë > Ørsted | #| Lukasz\\n'
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable
from typing import Final

from warmreach.text import fold_accents

#: the characters warmreach's reports use beyond Latin-1, and their plain forms
PLAIN: Final[dict[str, str]] = {
    "→": ">",
    "—": "-",
    "\u2013": "-",
    "·": "-",
    "…": "~",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    # letters that have no accent to drop
    **dict(zip("ŁłØøĐđıßÆæŒœÞþ", "LlOoDdisAaOoTt", strict=True)),
    "█": "#",
    **dict.fromkeys("▉▊▋▌▍▎▏", "|"),
    **dict.fromkeys("─━═", "-"),
    **dict.fromkeys("│┃║", "|"),
    **dict.fromkeys("┏┓└┘┡┩┳┴╇┌┐┬┼├┤╋┣┫┗┛┻╭╮╯╰", "+"),
}
_HANDLER: Final = "warmreach-plain"
#: whether a character had to be written plainly in this run
replaced = False


def _plain(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: the unencodable run, written plainly."""
    global replaced
    if not isinstance(error, UnicodeEncodeError):
        raise error
    replaced = True
    text = error.object[error.start : error.end]
    out = []
    for character in text:
        plain = PLAIN.get(character) or fold_accents(character)
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = "?"
        out.append(plain)
    return "".join(out), error.end


codecs.register_error(_HANDLER, _plain)


def plain_streams(streams: Iterable[object]) -> None:
    """Make each text stream write what its encoding cannot hold plainly."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors=_HANDLER)


__all__ = ["PLAIN", "plain_streams"]
