"""What every report shares: the formats, the plain-text console, tables, words.

Text from a user's file is data, never instructions: it reaches rich as
:class:`rich.text.Text`, never as markup, so brackets in a name are printed as written;
every report is passed through :func:`~warmreach.text.visible` (control characters and
direction marks shown as escapes, so a name cannot move the cursor, retitle the
terminal or reorder a line); markdown has ``<``, ``[`` and ``]`` written as character
references (:func:`inert_markdown`: no HTML, link, image or autolink from an export
reaches a rendered page; warmreach's own markdown uses none of them); JSON has the
characters it allows raw but terminals obey escaped too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, Literal, assert_never, get_args

from warmreach.model import PartialDate
from warmreach.text import json_visible, visible

if TYPE_CHECKING:  # rich is imported for terminal tables only, when one is made
    from rich.console import Console

Format = Literal["table", "markdown", "json"]
#: the output formats, for the command line
FORMATS: tuple[Format, ...] = get_args(Format)


def by_format(
    fmt: Format, *, table: Callable[[], str], markdown: Callable[[], str], data: Callable[[], str]
) -> str:
    """The output of the renderer for ``fmt``, made safe to show (see the module)."""
    match fmt:
        case "table":
            return visible(table())
        case "markdown":
            return inert_markdown(visible(markdown()))
        case "json":
            return json_visible(data())
        case _:
            assert_never(fmt)


#: what a markdown report writes as a character reference: HTML and autolinks start with
#: ``<``, links and images with ``[`` (``![t](http://…)`` would fetch the address)
_INERT: Final = str.maketrans({"<": "&lt;", "[": "&#91;", "]": "&#93;"})


def inert_markdown(text: str) -> str:
    """Markdown with nothing a renderer would fetch or follow: no HTML, no autolink, no
    link or image, whatever a name holds (a backslash before them changes nothing).

    >>> inert_markdown("![t](http://evil.example/t.png) <b>x</b>")
    '!&#91;t&#93;(http://evil.example/t.png) &lt;b>x&lt;/b>'
    """
    return text.translate(_INERT)


def console(width: int) -> Console:
    """A rich console that renders plain text of a fixed width into a string."""
    from rich.console import Console

    return Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False
    )


def strip_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def console_text(out: Console) -> str:
    """What a :func:`console` has printed, without trailing spaces."""
    return strip_trailing_spaces(out.file.getvalue())  # type: ignore[attr-defined]


#: the widest a column of names grows to keep every name on one line (a longer name folds)
NAME_WIDTH: Final = 32
#: below this many columns a score is shown without its bar
BAR_WIDTH: Final = 100
#: below this many columns a report's people are listed a few lines each, not in a table
TABLE_WIDTH: Final = 90


def name_width(names: Iterable[str]) -> int:
    """The width of a column of ``names`` that prints each whole, on one line.

    >>> name_width(["Bob Chen", "Priscilla Nkemelu"]), name_width([])
    (17, 6)
    """
    return min(NAME_WIDTH, max([len("person"), *(len(name) for name in names)]))


def score_cell(score: float, width: int) -> str:
    """A score, with its bar when the table is wide enough for one."""
    return f"{score_bar(score)} {score:.2f}" if width >= BAR_WIDTH else f"{score:.2f}"


def score_words(score: float, band: str) -> str:
    """A score with its band, as the reports write it.

    >>> score_words(0.7612, "strong")
    '0.76 strong'
    """
    return f"{score:.2f} {band}"


def path_text(path: Sequence[str], names: Mapping[str, str]) -> str:
    """A route as names: ``you → Bob Chen → Eva Berg``; a dash when there is none."""
    return " → ".join(names.get(person, person) for person in path) if path else "—"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in rows]
    return lines


def plural(count: object, word: str, many: str | None = None) -> str:
    """``count`` (a number, or a fact holding one) and ``word``, in the plural unless there
    is exactly one.

    >>> plural(1, "team"), plural(0, "company", "companies"), plural(1.5, "year")
    ('1 team', '0 companies', '1.5 years')
    """
    number = float(str(count))
    shown = f"{number:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word if number == 1 else many or word + 's'}"


def date_words(day: dt.date | PartialDate, *, with_day: bool = True) -> str:
    """A date in words, as far as it is known: ``3 November 2026``, ``November 2026``,
    ``2026``; ``with_day=False`` stops at the month.

    >>> date_words(PartialDate.parse("2026-11-03"))
    '3 November 2026'
    >>> date_words(dt.date(2026, 11, 3), with_day=False)
    'November 2026'
    >>> date_words(PartialDate.parse("2026-09")), date_words(PartialDate.parse("2026"))
    ('September 2026', '2026')
    """
    if day.month is None:
        return str(day.year)
    month = f"{calendar.month_name[day.month]} {day.year}"
    return f"{day.day} {month}" if with_day and day.day is not None else month


def target_title(company: str, team: str | None, roles: Sequence[str] = ()) -> str:
    """A target as headings name it: ``Voltgrid — Grid Storage Product (Product Manager)``.

    >>> target_title("Voltgrid", "Grid", ["Product Manager", "Product Owner"])
    'Voltgrid — Grid (Product Manager, Product Owner)'
    >>> target_title("Sunforge", None)
    'Sunforge'
    """
    title = company + (f" — {team}" if team else "")
    return title + (f" ({', '.join(roles)})" if roles else "")


def score_bar(score: float, width: int = 10) -> str:
    """A bar of eighth blocks for a score in 0..1.

    >>> score_bar(0.58)
    '█████▊    '
    >>> score_bar(0.0), score_bar(1.0)
    ('          ', '██████████')
    """
    eighths = round(max(0.0, min(1.0, score)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")
    return bar.ljust(width)


#: how a written company name was taken for a company of another name, in words
LINK_WORDS: Final[Mapping[str, str]] = {
    "known name": "another name of the same well-known company",
    "spacing": "the same letters spaced otherwise",
    "organisation": "the same name but for a word like Group or Holding",
    "generic word": "the same name but for a word like Bank or Technologies",
    "short name": "the start of its name",
    "spelling": "one letter apart",
}
