"""Draft messages greet people by the name they go by: over the shapes names take in real
exports (titles, credentials, emoji, pronouns, nicknames, initials, family names first,
scripts without spaces), never "Hi Dr.," or "Hi ✨,"."""

from __future__ import annotations

import pytest

from warmreach.text import given_name

SHAPES = [
    ("Bob Chen", "Bob"),
    ("Dr. Olga Novak, PhD", "Olga"),
    ("Dr Olga Novak", "Olga"),
    ("Prof. Dr. Hans Müller", "Hans"),
    ("Sir Tim Berners-Lee", "Tim"),
    ("Mrs. Priya Raman", "Priya"),
    ("Ms Ana Lima", "Ana"),
    ("Mx. Sam Okafor", "Sam"),
    ("✨ Sara Kim", "Sara"),
    ("Sara Kim ✨", "Sara"),
    ("🚀 Leo Park 🚀", "Leo"),
    ("Sara Kim | Hiring!", "Sara"),
    ("Sara Kim - Recruiter", "Sara"),
    ("Ana Lima (she/her)", "Ana"),
    ("Jonathan (Jon) Smith", "Jon"),
    ('Robert "Bob" Chen', "Bob"),
    ("Robert “Bobby” Chen", "Bobby"),
    ("John Smith Jr.", "John"),
    ("John Smith III", "John"),
    ("Maria Garcia, MBA", "Maria"),
    ("Maria Garcia, MBA, PMP", "Maria"),
    ("Chen Li, CFA", "Chen"),
    ("Berg, Jonas", "Jonas"),
    ("O'Brien, Conor", "Conor"),
    ("van der Berg, Anna", "Anna"),
    ("Conor O'Brien", "Conor"),
    ("Jean-Luc Picard", "Jean-Luc"),
    ("Anne-Marie Dupont", "Anne-Marie"),
    ("María José García", "María"),
    ("Ludwig van Beethoven", "Ludwig"),
    ("J. Robert Smith", "Robert"),
    ("J Robert Smith", "Robert"),
    ("J. Smith", "J. Smith"),
    ("A.J. Styles", "A.J."),
    ("TANAKA Hiroshi", "Hiroshi"),
    ("ZHANG Wei", "Wei"),
    ("王伟", "王伟"),
    ("山田 太郎", "山田 太郎"),
    ("김민준", "김민준"),
    ("JOHN SMITH", "John"),
    ("bob chen", "bob"),
    ("Madonna", "Madonna"),
    ("Zoë Lindqvist", "Zoë"),
    ("Łukasz Nowak", "Łukasz"),
    ("Nnamdi Okafor-Eze", "Nnamdi"),
    ("Dr. med. Eva Berg", "Eva"),
    ("  Eva   Berg  ", "Eva"),
    ("Herr Klaus Weber", "Klaus"),
    ("[bold]Bob[/bold] Chen", "Bob"),
]


def test_there_are_forty_shapes_or_more() -> None:
    assert len(SHAPES) >= 40


@pytest.mark.parametrize(("name", "greeted"), SHAPES)
def test_a_greeting_uses_the_name_they_go_by(name: str, greeted: str) -> None:
    assert given_name(name) == greeted


@pytest.mark.parametrize("name", [name for name, _ in SHAPES])
def test_a_greeting_is_never_a_title_a_symbol_or_empty(name: str) -> None:
    greeted = given_name(name)
    assert greeted.strip()
    assert greeted.replace(".", "").casefold() not in {"dr", "prof", "mr", "mrs", "ms", "sir"}
    assert all(char.isalnum() or char in " .'\u2019-" for char in greeted)
