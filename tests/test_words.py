"""Every kind has its words: each reason of an analysis, each step of a plan (why, its
draft sentence, what it is when queued) and each reason a plan stops, from one registry
each; a kind added without words fails here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import get_args

import pytest

from tests.helpers import SAMPLES
from warmreach.gaps import Suggestion
from warmreach.networkfile import load_network
from warmreach.plan.result import Plan, Queued
from warmreach.plan.steps import STEP_ACTIONS, STEP_KINDS
from warmreach.plan.week import plan_actions
from warmreach.reports.gaps import suggestion_text
from warmreach.reports.steps import STEPS, Draft
from warmreach.reports.words import REASON_WORDS
from warmreach.scoring import ACTIONS, FactorKind, GrowthKind, ReviewKind, StopKind

AS_OF = dt.date(2026, 11, 25)
#: facts whose words read them as dates
DAYS = {"last", "on", "ask_on", "since", "met", "day", "ask_from", "follow_up_on", "left"}


class AnyFacts(Mapping[str, str | int | float | None]):
    """Facts that have every name: a day for the names read as days, else ``count``."""

    def __init__(self, count: int = 1) -> None:
        self.count = count

    def __getitem__(self, name: str) -> str | int:
        return "2026-11-03" if name in DAYS else self.count

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@pytest.fixture(scope="module")
def plan() -> Plan:
    sample = next(path for path in SAMPLES if path.stem == "career-switcher")
    return plan_actions(load_network(sample), hours=2, as_of=AS_OF)


REASON_KINDS = [
    *get_args(FactorKind),
    *STEP_ACTIONS,
    *get_args(StopKind),
    *get_args(GrowthKind),
    *get_args(ReviewKind),
]


@pytest.mark.parametrize("kind", REASON_KINDS)
def test_every_kind_of_reason_has_words(kind: str) -> None:
    assert REASON_WORDS[kind](AnyFacts()).strip()


@pytest.mark.parametrize("kind", REASON_KINDS)
@pytest.mark.parametrize("count", [0, 2])
def test_every_kind_of_reason_reads_with_none_and_two(kind: str, count: int) -> None:
    text = REASON_WORDS[kind](AnyFacts(count))
    assert text.strip() and "  " not in text and " ." not in text and " ," not in text, text
    assert not re.findall(r"\b2 (?:more )?(?:colleague|year|month|person|message|meeting)\b", text)


@pytest.mark.parametrize("kind", REASON_KINDS)
def test_one_of_anything_is_said_in_the_singular(kind: str) -> None:
    """Every count in ``AnyFacts`` is 1: "1 colleagues", "1 years" would be wrong."""
    assert not re.findall(r"\b1 (?:more )?[a-z]+s\b", REASON_WORDS[kind](AnyFacts()))


def test_every_kind_of_step_is_an_action_with_words() -> None:
    declared = {action for kind in STEP_KINDS for action in kind.actions}
    assert declared == set(STEP_ACTIONS) and set(STEP_ACTIONS) <= set(ACTIONS)
    assert set(STEPS) == set(STEP_ACTIONS)


@pytest.mark.parametrize("action", STEP_ACTIONS)
def test_every_kind_of_step_drafts_a_message_and_says_what_it_is_when_queued(
    plan: Plan, action: str
) -> None:
    words = STEPS[action]  # type: ignore[index]
    target = plan.targets[0].target
    draft = Draft(plan=plan, target=target, to=plan.steps[0].contact, facts=AnyFacts())
    assert words.draft(draft).strip()
    queued = Queued(day=AS_OF, contact="x", name="X", action=action, target=target.key)  # type: ignore[arg-type]
    assert words.queued(plan, queued).strip()


# -- every suggestion of the gap report, with none, one and two of everything -----------------

NAMES = ("Ana Lima", "Bo Chen", "Cy Dahl")


def _filled(cls: type, count: int, field: str) -> object:
    """An instance of ``cls`` with ``count`` of every number and list (one name at least),
    ``field`` as the field."""
    values: dict[str, object] = {}
    for item in dataclasses.fields(cls):
        kind = str(item.type)
        if item.name == "field":
            values[item.name] = field
        elif "tuple[tuple" in kind:
            values[item.name] = tuple((f"Co {i}", count) for i in range(count))
        elif "tuple" in kind:  # a suggestion always names someone
            values[item.name] = NAMES[: max(count, 1)]
        elif kind in ("int", "float"):
            values[item.name] = count
        elif "None" in kind:
            values[item.name] = None if count == 0 else NAMES[2]
        else:
            values[item.name] = NAMES[count % 3] if item.name != "action" else "ask-referral"
    return cls(**values)


@pytest.mark.parametrize("cls", get_args(Suggestion), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("field", ["Climate Tech", ""])
def test_every_suggestion_reads_well_with_none_one_and_two(
    cls: type, count: int, field: str
) -> None:
    text = suggestion_text(_filled(cls, count, field))  # type: ignore[arg-type]
    assert text.endswith("."), text
    assert "  " not in text and " :" not in text and " ." not in text and " ," not in text, text
    assert not re.findall(r"\b1 (?:more )?[a-z]+s\b", text), text
    assert not re.findall(r"\bin (?:\.|;|:|,)", text), text  # "work in ." with no field


def test_the_inferred_industries_line_is_singular_for_one() -> None:
    from warmreach.reports.gaps import inferred_line

    assert inferred_line(1).startswith("1 industry was inferred")
    assert inferred_line(2).startswith("2 industries were inferred")
