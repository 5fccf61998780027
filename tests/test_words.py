"""Every kind has its words: each reason of an analysis, each step of a plan (why, its
draft sentence, what it is when queued) and each reason a plan stops, from one registry
each; a kind added without words fails here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import get_args

import pytest

from tests.helpers import SAMPLES
from warmreach.networkfile import load_network
from warmreach.plan import STEP_ACTIONS, Plan, Queued, plan_actions
from warmreach.plan.steps import STEP_KINDS
from warmreach.reports.steps import STEPS, Draft
from warmreach.reports.words import REASON_WORDS
from warmreach.scoring import ACTIONS, FactorKind, GrowthKind, StopKind

AS_OF = dt.date(2026, 11, 25)
#: facts whose words read them as dates
DAYS = {"last", "on", "ask_on", "since", "met", "day", "ask_from", "follow_up_on", "left"}


class AnyFacts(Mapping[str, str | int | float | None]):
    """Facts that have every name: a day for the names read as days, else 1."""

    def __getitem__(self, name: str) -> str | int:
        return "2026-11-03" if name in DAYS else 1

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@pytest.fixture(scope="module")
def plan() -> Plan:
    sample = next(path for path in SAMPLES if path.stem == "career-switcher")
    return plan_actions(load_network(sample), hours=2, as_of=AS_OF)


REASON_KINDS = [*get_args(FactorKind), *STEP_ACTIONS, *get_args(StopKind), *get_args(GrowthKind)]


@pytest.mark.parametrize("kind", REASON_KINDS)
def test_every_kind_of_reason_has_words(kind: str) -> None:
    assert REASON_WORDS[kind](AnyFacts()).strip()


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
