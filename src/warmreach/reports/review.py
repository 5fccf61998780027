"""The words of ``warmreach review``: a person of the queue, each question with its scale,
the worksheet's rows, what the review changed, and the line analyze and plan end with when
most ties are unknown.

>>> from warmreach.review import Question
>>> from warmreach.scoring import Reason
>>> bob = Question(contact="bob", name="Bob Chen", company="Voltgrid", title="PM",
...                value=0.1, why=(Reason.of("on-team"),), facets=("trust",))
>>> print("\\n".join(person_lines(bob, 1, 3)))
<BLANKLINE>
[1/3] Bob Chen — PM, Voltgrid
  on the hiring team
>>> prompt_text(bob, "last_contact")
'When were you last in touch? YYYY-MM-DD, YYYY-MM or YYYY'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from warmreach.reports.common import plural
from warmreach.reports.words import reason_text
from warmreach.review import Facet, Question
from warmreach.review.answers import ANSWERS, COLUMNS
from warmreach.sheets import safe_cell

if TYPE_CHECKING:
    from warmreach.review.session import ReviewResult

#: each question as asked, with its scale
PROMPTS: Final[Mapping[Facet, str]] = {
    "trust": "How well do they know you? 0 know of them only · 1 acquaintance · 3 friend · "
    "5 would risk their reputation for you",
    "knows_my_work": "How well do they know your work? 0 never seen it · 2 seen some · "
    "5 depended on it daily",
    "last_contact": "When were you last in touch? YYYY-MM-DD, YYYY-MM or YYYY",
    "told": "What do they know of your plans? any of role, aspiration, availability",
    "team": "Their team at {company}",
    "knows": "Whom they know at {company}, names separated by ';'",
}


def prompt_text(question: Question, facet: Facet) -> str:
    """One question about ``question``'s person, with its scale."""
    return PROMPTS[facet].format(company=question.about or question.company or "")


def person_lines(question: Question, number: int, total: int) -> list[str]:
    """A person of the queue: who, and why they are asked."""
    where = ", ".join(part for part in (question.title, question.company) if part)
    lines = ["", f"[{number}/{total}] {question.name}" + (f" — {where}" if where else "")]
    return lines + [f"  {reason_text(reason)}" for reason in question.why]


def begin_text(shown: int, queued: int) -> str:
    """What a review starts with: how many people it asks about."""
    if not shown:
        return "Nothing to ask: no answer about anyone would change your advice."
    more = f" (of {queued})" if queued > shown else ""
    return (
        f"{plural(shown, 'person', 'people')}{more} whose answers would change your advice "
        "most. Enter leaves a fact as it is; q stops (what you answered is kept)."
    )


def saved_text(changes: Sequence[str]) -> str:
    return "  saved: " + ("; ".join(changes) if changes else "nothing to change")


def retry_text(message: str) -> str:
    return f"  {message}; try again, or Enter to skip"


def review_summary_text(path: str, result: ReviewResult) -> str:
    """What a review wrote, and how each person's action changed."""
    lines = ["", f"{path}: answers about {result.answered} of {result.asked} people written."]
    if result.changes:
        lines.append("How your advice changed:")
        lines += [f"  {change.name}: {change.before} → {change.after}" for change in result.changes]
    elif result.answered:
        lines.append("Your advice is unchanged: no person's action moved.")
    left = result.queue - result.asked
    if left > 0:
        lines.append(
            f"{plural(left, 'more person', 'more people')} could change it: "
            "run warmreach review again."
        )
    return "\n".join(lines) + "\n"


def worksheet_csv(queue: Sequence[Question]) -> str:
    """The queue as a spreadsheet to fill in (UTF-8 with a byte-order mark, CRLF): who, why,
    then an empty cell per question asked (``-`` where nothing is asked)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for question in queue:
        why = "; ".join(reason_text(reason) for reason in question.why)
        known = [question.contact, question.name, question.company or "", question.title or ""]
        cells = [safe_cell(cell) for cell in (*known, why)]
        cells += ["" if facet in question.facets else "-" for facet in ANSWERS]
        writer.writerow(cells)
    return "\ufeff" + text.getvalue()


def worksheet_written_text(worksheet: str, network: str, people: int) -> str:
    return (
        f"{worksheet}: {plural(people, 'person', 'people')} to answer about; fill in what you "
        f"know, then: warmreach review {network} --apply {worksheet}\n"
    )


def review_hint_text(file: str, unknown: int, useful: int) -> str:
    """The line analyze and plan end with when most ties to your targets are unknown."""
    people = "person" if unknown == 1 else "people"
    answers = "an answer about one person" if useful == 1 else f"answers about {useful} people"
    return (
        f"\n{unknown} {people} at your targets have a tie to you the file does not describe; "
        f"{answers} would change this advice: warmreach review {file}\n"
    )


__all__ = [
    "PROMPTS",
    "begin_text",
    "person_lines",
    "prompt_text",
    "retry_text",
    "review_hint_text",
    "review_summary_text",
    "saved_text",
    "worksheet_csv",
    "worksheet_written_text",
]
