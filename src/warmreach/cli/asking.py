"""How ``warmreach review`` asks: at a terminal, or one answer per line of piped input."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from warmreach.reports.review import begin_text, person_lines, prompt_text, retry_text, saved_text
from warmreach.review import Facet, Question
from warmreach.text import visible


class _Shown:
    """What both ways of asking show, through ``say``."""

    interactive = False

    def say(self, text: str) -> None:
        raise NotImplementedError

    def begin(self, shown: int, queued: int) -> None:
        self.say(begin_text(shown, queued))

    def person(self, question: Question, number: int, total: int) -> None:
        for line in person_lines(question, number, total):
            self.say(line)

    def retry(self, message: str) -> None:
        self.say(retry_text(message))

    def saved(self, changes: list[str]) -> None:
        self.say(saved_text(changes))


class TerminalAsker(_Shown):
    """Questions asked of a person at a terminal; a wrong answer is asked again."""

    interactive = True

    def __init__(self) -> None:
        from rich.console import Console

        self._console = Console(highlight=False)

    def say(self, text: str) -> None:
        self._console.print(visible(text), markup=False)

    def ask(self, question: Question, facet: Facet) -> str | None:
        prompt = "  " + visible(prompt_text(question, facet), newlines=False) + ": "
        try:
            return self._console.input(prompt, markup=False)
        except (EOFError, KeyboardInterrupt):
            self._console.print()
            return None


class LineAsker(_Shown):
    """Answers read one per line (piped input), each shown after its question; a wrong
    answer stops the review."""

    def __init__(self, lines: Iterator[str], say: Callable[[str], None]) -> None:
        self._lines = lines
        self._say = say

    def say(self, text: str) -> None:
        self._say(visible(text))

    def ask(self, question: Question, facet: Facet) -> str | None:
        line = next(self._lines, None)
        if line is None:
            return None
        answer = line.rstrip("\r\n")
        self.say(f"  {prompt_text(question, facet)}: {answer}")
        return answer


__all__ = ["LineAsker", "TerminalAsker"]
