"""``warmreach plan``: the budget, the principles, and gains that re-analysis confirms."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.helpers import SAMPLES, examples
from tests.test_scoring_properties import networks
from warmreach import parse_network
from warmreach.cli import app
from warmreach.model import Network, Opening
from warmreach.networkfile import load_network
from warmreach.plan import CALL, COFFEE, MESSAGE, Plan, apply_action, plan_actions
from warmreach.scoring import DIRECT, analyze, tie_strength

AS_OF = dt.date(2026, 11, 25)
ASKS = ("ask-referral", "ask-intro")


def best_scores(network: Network, targets: list[Opening]) -> list[float]:
    analysis = analyze(network, targets, as_of=AS_OF)
    return [
        max([DIRECT, *(candidate.score for candidate in report.candidates)])
        for report in analysis.targets
    ]


def check_gains_by_reanalysis(network: Network, plan: Plan) -> None:
    """Replay the plan: each gain is what analysing the changed network again gives."""
    targets = [outlook.target for outlook in plan.targets]
    today = analyze(network, targets, as_of=AS_OF)
    secured = dict.fromkeys(range(len(targets)), DIRECT)
    current = network
    for step in plan.actions:
        assert step.gain > 0, step
        if step.action in ASKS:
            index = next(
                i
                for i, target in enumerate(targets)
                if step.target == target.company + (f"/{target.team}" if target.team else "")
            )
            candidate = next(
                candidate
                for candidate in today.targets[index].candidates
                if candidate.contact == (step.to or step.contact)
                and candidate.action == step.action
            )
            assert step.gain == pytest.approx(candidate.score - secured[index], abs=1e-9)
            secured[index] = max(secured[index], candidate.score)
            assert apply_action(current, step, as_of=AS_OF) is current
        else:
            after = apply_action(current, step, as_of=AS_OF)
            rise = sum(best_scores(after, targets)) - sum(best_scores(current, targets))
            assert step.gain == pytest.approx(rise, abs=1e-9), step
            current = after
    final = best_scores(current, targets)
    assert [outlook.after for outlook in plan.targets] == pytest.approx(final, abs=1e-9)


def check_principles(network: Network, plan: Plan) -> None:
    assert plan.minutes <= plan.budget
    contacts = network.contacts_by_id
    for step in plan.actions:
        assert step.minutes in (MESSAGE, CALL, COFFEE)
        if step.action == "ask-referral":
            contact = contacts[step.contact]
            tie = tie_strength(contact, network.me, AS_OF)
            assert contact.trust > 1 and not tie.is_new, step


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("hours", [0, 0.25, 0.5, 2, 10])
def test_sample_plans_keep_to_the_budget_and_their_gains_hold(sample: Path, hours: float) -> None:
    network = load_network(sample)
    plan = plan_actions(network, hours=hours, as_of=AS_OF)
    assert plan.budget == round(hours * 60)
    check_principles(network, plan)
    check_gains_by_reanalysis(network, plan)


@given(networks(), st.floats(0, 4))
@settings(max_examples=examples(120), deadline=None)
def test_plans_of_generated_networks_keep_every_principle(network: Network, hours: float) -> None:
    plan = plan_actions(network, hours=hours, as_of=AS_OF)
    check_principles(network, plan)
    check_gains_by_reanalysis(network, plan)


BASE = """\
me: {name: Ana Lima, role: Strategy Officer}
companies:
  - name: Voltgrid
    teams: [{name: Grid Storage}, {name: Sales}]
openings:
  - {company: Voltgrid, team: Grid Storage, hiring_manager: Eva Berg}
contacts:
  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, trust: 0}
"""


def plan_of(contacts: str, hours: float = 2) -> Plan:
    return plan_actions(parse_network(BASE + contacts), hours=hours, as_of=AS_OF)


def test_a_trusted_teammate_who_lacks_your_availability_gets_a_signal() -> None:
    plan = plan_of(
        "  - {name: Bob Chen, company: Voltgrid, team: Grid Storage, trust: 5, knows_my_work: 4,\n"
        "     met: 2018, last_contact: 2026-10, told: [role, aspiration]}\n"
    )
    signal = next(step for step in plan.actions if step.action == "signal")
    assert (signal.contact, signal.tell, signal.minutes) == ("bob-chen", ("availability",), 10)
    assert signal.why == (
        "tell them your availability: your best route to Voltgrid — Grid Storage rises "
        "from 0.76 to 0.84"
    )
    assert all(step.action != "ask-referral" for step in plan.actions)  # signal first


def test_a_teammate_told_everything_is_asked_and_not_signalled() -> None:
    plan = plan_of(
        "  - {name: Bob Chen, company: Voltgrid, team: Grid Storage, trust: 5, knows_my_work: 4,\n"
        "     met: 2018, last_contact: 2026-10, told: [role, aspiration, availability]}\n"
    )
    assert [(step.action, step.contact) for step in plan.actions] == [("ask-referral", "bob-chen")]
    assert plan.actions[0].why == (
        "ask for a referral for Voltgrid — Grid Storage: 0.84 against 0.26 for applying directly"
    )


def test_new_connections_are_nurtured_not_asked() -> None:
    plan = plan_of(
        "  - {name: Nina New, company: Voltgrid, team: Grid Storage, trust: 3, knows_my_work: 2,\n"
        "     met: 2026-11-11, told: [role, aspiration, availability]}\n"
    )
    assert [(step.action, step.minutes) for step in plan.actions] == [("nurture", 60)]
    assert plan.actions[0].why.startswith(
        "a new connection (met 2026-11-11): meet to build trust; if it goes well"
    )


def test_a_stale_tie_is_reconnected_with_a_call_and_told_your_plans() -> None:
    plan = plan_of(
        "  - {name: Old Friend, company: Voltgrid, team: Sales, trust: 4, knows_my_work: 4,\n"
        "     met: 2012, last_contact: 2019-06}\n"
    )
    step = plan.actions[0]
    assert (step.action, step.minutes, step.tell) == (
        "nurture",
        30,
        ("role", "aspiration", "availability"),
    )
    assert step.why.startswith(
        "out of touch for 7 years: reconnect and tell them your role, aspiration and availability"
    )


def test_a_budget_too_small_for_anything_plans_nothing_and_says_what_was_left() -> None:
    plan = plan_of(
        "  - {name: Nina New, company: Voltgrid, team: Grid Storage, trust: 3, knows_my_work: 2,\n"
        "     met: 2026-11-11}\n",
        hours=0.5,
    )
    assert plan.actions == () and plan.left_out == 1


def test_availability_is_not_signalled_when_you_are_not_available() -> None:
    network = parse_network(
        BASE.replace("role: Strategy Officer}", "role: Strategy Officer, available: later}")
        + "  - {name: Bob Chen, company: Voltgrid, team: Grid Storage, trust: 5,\n"
        "     knows_my_work: 4, met: 2018, last_contact: 2026-10, told: [role]}\n"
    )
    plan = plan_actions(network, as_of=AS_OF)
    assert [step.tell for step in plan.actions if step.action == "signal"] == [("aspiration",)]


def test_grow_asks_someone_in_the_field_whom_they_know_where_nobody_helps() -> None:
    network = parse_network("""\
me:
  name: Ana Lima
  role: Strategy Officer
  seeking: {industries: [Climate Tech], companies: [Voltgrid]}
companies:
  - {name: Voltgrid, industry: Energy Storage}
  - {name: Kelp Labs, industry: Carbon Removal}
contacts:
  - {name: Bob Chen, company: Voltgrid, trust: 5, knows_my_work: 4, met: 2018,
     last_contact: 2026-10, told: [role, aspiration, availability]}
  - {name: Lucia Romano, company: Kelp Labs, trust: 0}
""")
    plan = plan_actions(network, as_of=AS_OF)
    grow = next(step for step in plan.actions if step.action == "grow")
    assert (grow.contact, grow.to, grow.minutes) == ("bob-chen", "kelp-labs", 10)
    assert grow.why.startswith(
        "nobody in your network can help at Kelp Labs yet: ask whom they know there; "
        "if they know someone your best route to Kelp Labs rises from 0.26 to"
    )
    check_gains_by_reanalysis(network, plan)


def test_nothing_to_plan_for_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("me: {name: Ana}\ncontacts: [{name: Bob, trust: 3}]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        "warmreach: nothing to plan for: the file has no openings, no me.seeking.companies and "
        "no company of the field you seek; add an opening or me.seeking.companies\n"
    )


def test_plan_json_has_the_fields_scripts_rely_on(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["plan", str(SAMPLES[0]), "--format", "json", "--as-of", "2026-11-25", "--hours", "1"]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["budget_minutes"] == 60
    assert sum(action["minutes"] for action in document["actions"]) <= 60
    for action in document["actions"]:
        assert {"contact", "action", "minutes", "gain", "why"} <= action.keys()
        assert action["gain"] > 0


def test_negative_hours_are_refused_by_the_command_line() -> None:
    result = CliRunner().invoke(app, ["plan", str(SAMPLES[0]), "--hours", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--hours': Input should be greater than or equal to 0" in (
        result.stderr
    )


def test_planning_is_deterministic_and_leaves_the_network_as_it_was() -> None:
    network = load_network(SAMPLES[0])
    first = plan_actions(network, as_of=AS_OF)
    assert network == load_network(SAMPLES[0])
    assert plan_actions(network, as_of=AS_OF) == first


def test_grow_through_a_friend_of_the_hiring_team_is_still_re_scored_exactly() -> None:
    # Bob knows the hiring manager, so the person he may know at Kelp Labs would also join
    # the hiring team's closeness computation: the one case analysed afresh
    network = parse_network("""\
me:
  name: Ana Lima
  role: Strategy Officer
  seeking: {industries: [Climate Tech]}
companies:
  - {name: Voltgrid, industry: Energy Storage, teams: [{name: Grid}]}
  - {name: Kelp Labs, industry: Carbon Removal}
openings:
  - {company: Voltgrid, team: Grid, hiring_manager: Eva Berg}
contacts:
  - {name: Bob Chen, company: Voltgrid, trust: 5, knows_my_work: 4, met: 2018,
     last_contact: 2026-10, told: [role], knows: [{name: Eva Berg, strength: 4}, Carl Ode]}
  - {name: Eva Berg, company: Voltgrid, team: Grid, trust: 0}
  - {name: Carl Ode, company: Voltgrid, trust: 0}
  - {name: Lucia Romano, company: Kelp Labs, trust: 0}
""")
    plan = plan_actions(network, as_of=AS_OF, hours=3)
    assert "grow" in [step.action for step in plan.actions]
    check_principles(network, plan)
    check_gains_by_reanalysis(network, plan)
