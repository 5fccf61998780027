"""Writing HTML from text that may come from a user's file: everything is escaped.

Every text goes through :func:`text` (or :func:`prose`, which also writes warmreach's own
```code``` spans): characters a terminal or a bidirectional layout would obey are shown
as escapes first (:func:`~warmreach.text.visible`), then ``& < > " '`` become character
references, so a name is shown as written in an element and in an attribute alike. The
data the page's script reads goes through :func:`script_data`: JSON with ``<``, ``>``,
``&`` and the two line separators JavaScript refuses written as ``\\u`` escapes, so no
text can close the ``<script>`` element that holds it.

>>> text('</script><script>alert(1)</script>')
'&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
>>> table(["name"], [['" onmouseover="x']])[-74:]
'<td data-label="name">&quot; onmouseover=&quot;x</td></tr></tbody></table>'
>>> script_data({"name": "</script>"})
'{"name":"\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Final

from warmreach.text import visible

#: characters JSON may hold raw that would end or confuse the ``<script>`` holding it
_SCRIPT_UNSAFE: Final = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
#: warmreach's own words mark commands and fields as `code`
_CODE: Final = re.compile(r"`([^`]+)`")


def text(value: object, *, newlines: bool = False) -> str:
    """``value`` as text for an element or an attribute: shown, never obeyed."""
    return html.escape(visible(str(value), newlines=newlines), quote=True)


def prose(value: str) -> str:
    """A sentence of warmreach's, escaped, with its ```code``` spans as ``<code>``.

    >>> prose("Record it with `warmreach log` <now>")
    'Record it with <code>warmreach log</code> &lt;now&gt;'
    """
    return _CODE.sub(r"<code>\1</code>", text(value))


def table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
    numeric: Sequence[int] = (),
    keep: Sequence[int] = (),
) -> str:
    """A table of text cells; ``numeric`` columns are right-aligned, ``keep`` columns
    (short words such as an action's name) are not broken across lines. On a narrow
    screen each row becomes a block whose cells are named by their column (the
    stylesheet)."""

    def kind(index: int) -> str:
        classes = ["num"] * (index in numeric) + ["keep"] * (index in keep)
        return f' class="{" ".join(classes)}"' if classes else ""

    head = "".join(
        f'<th scope="col"{kind(index)}>{text(column)}</th>' for index, column in enumerate(columns)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td{kind(index)} data-label="{text(columns[index])}">{text(cell)}</td>'
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    title = f"<caption>{text(caption)}</caption>" if caption else ""
    return f'<table class="rows">{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def script_data(data: object) -> str:
    """``data`` as JSON safe inside ``<script type="application/json">``; the same data
    gives the same text."""
    shown = json.dumps(_visible(data), ensure_ascii=False, separators=(",", ":"))
    return shown.translate(_SCRIPT_UNSAFE)


def _visible(data: object) -> object:
    """``data`` with every text shown, never obeyed (:func:`~warmreach.text.visible`)."""
    if isinstance(data, str):
        return visible(data, newlines=False)
    if isinstance(data, dict):
        return {key: _visible(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_visible(value) for value in data]
    return data
