"""``warmreach review``: the few questions whose answers change your advice, asked of you.

- :mod:`~warmreach.review.queue`: whom to ask about first (the value of information);
- :mod:`~warmreach.review.answers`: reading an answer, one rule for every way of asking;
- :mod:`~warmreach.review.session`: asking in a terminal, or reading answers piped in;
- :mod:`~warmreach.review.worksheet`: the queue as a spreadsheet, and taking it back.

``docs/review.md`` explains the order of the queue.
"""

from __future__ import annotations

from warmreach.review.queue import MIN_VALUE, Facet, Question, review_queue

__all__ = ["MIN_VALUE", "Facet", "Question", "review_queue"]
