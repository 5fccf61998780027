"""One answer per person, plans for every situation: the cases a career coach checked, each
written here as a network of its own (or a bundled sample), with what a coach expects."""

from __future__ import annotations

import datetime as dt

from tests.helpers import SAMPLES
from warmreach import parse_network
from warmreach.model import Network
from warmreach.networkfile import load_network
from warmreach.plan.result import Plan
from warmreach.plan.week import plan_actions
from warmreach.reports.messages import queued_message, step_message
from warmreach.reports.plan import why
from warmreach.scoring import CEILING, DIRECT, ReferralModel, analyze

AS_OF = dt.date(2026, 11, 25)


def sample(name: str) -> Network:
    return load_network(next(path for path in SAMPLES if path.stem == name))


def plan_of(text: str, hours: float = 2, as_of: dt.date = AS_OF) -> Plan:
    return plan_actions(parse_network(text), hours=hours, as_of=as_of)


# -- introductions only through links that exist ---------------------------------------------


def test_introductions_run_only_through_links_in_the_file_and_drafts_say_only_those() -> None:
    network = sample("senior-engineer")
    model = ReferralModel(network, as_of=AS_OF)
    plan = plan_actions(network, hours=2, as_of=AS_OF)
    names = {contact.id: contact.name for contact in network.contacts}
    intros = [(q.contact, q.via, q.to, queued_message(plan, q)) for q in plan.queued]
    intros = [entry for entry in intros if (entry[2] and entry[1] is not None) or entry[2]]
    for step in plan.steps:
        for item in step.items:
            if item.action == "ask-intro":
                intros.append((step.contact, item.via, item.to, step_message(plan, step)))
    asked = [entry for entry in intros if entry[2] is not None and "introduce" in entry[3]]
    assert asked, "the sample has introductions to make"
    for bridge, via, to, message in asked:
        first = via or to
        assert first is not None and model.links.strength(bridge, first), (bridge, first)
        assert f"I noticed you know {names[first]}." in message
        if via is not None:
            assert model.links.strength(via, str(to))
    # Anjali, Elif and Kavya know neither hiring manager: they are asked to introduce nobody
    bridges = {bridge for bridge, *_ in asked}
    assert not bridges & {"anjali-mehta", "elif-arslan", "kavya-iyer"}
    # Ryo Sato, who knows both hiring managers, is: on the day Priya can ask
    ryo = [(q.day, q.to) for q in plan.queued if q.contact == "ryo-sato"]
    assert ryo == [(dt.date(2027, 1, 18), "laura-bianchi"), (dt.date(2027, 1, 18), "wei-zhang")]


def test_the_best_referrer_is_in_the_plan_even_when_nothing_is_needed_this_week() -> None:
    network = sample("senior-engineer")
    analysis = analyze(network, as_of=AS_OF)
    best = max((c for t in analysis.targets for c in t.candidates), key=lambda c: c.score)
    assert (best.contact, best.action) == ("stefan-larsen", "ask-later")
    plan = plan_actions(network, hours=2, as_of=AS_OF)
    (queued,) = [q for q in plan.queued if q.contact == "stefan-larsen"]
    assert (queued.day, queued.action, queued.after) == (dt.date(2027, 1, 18), "ask-referral", None)
    orbital = next(o for o in plan.targets if o.target.company == "orbital-cloud")
    assert orbital.before >= best.score - 1e-3  # his ask counts before the week's steps


def test_plan_and_analyze_give_each_candidate_one_action_and_one_route() -> None:
    network = sample("career-switcher")
    model = ReferralModel(network, as_of=AS_OF)
    plan = plan_actions(network, hours=10, as_of=AS_OF)
    steps = {
        (item.to or step.contact): (step.contact, item)
        for step in plan.steps
        for item in step.items
        if item.target is not None
    }
    for outlook in plan.targets:
        for opening in outlook.target.openings:
            for evaluation in model.evaluate(opening):
                found = steps.get(evaluation.contact.id)
                if found is None or found[1].target != outlook.target.key:
                    continue
                person, item = found
                route = evaluation.advised
                assert route is not None
                if evaluation.action == "ask-intro":
                    assert (item.action, person) == ("ask-intro", route.path[1])
                elif evaluation.action in ("ask-referral", "signal-then-ask", "reach-out"):
                    assert (item.action, person) == (evaluation.action, evaluation.contact.id)
    # Carl Ode: introduced by Bob Chen, as analyze says; never a chat of his own
    carl = [(step.contact, item.action) for step in plan.steps for item in step.items]
    assert ("carl-ode", "info-chat") not in carl


# -- targets are what you named, chances that add up honestly --------------------------------

FRIENDS = """\
me:
  name: Ana Lima
  role: Strategy Officer
  seeking: {roles: [Product Manager], industries: [Climate Tech]}
openings:
  - {company: Voltgrid, team: Grid, role: Product Manager}
contacts:
  - {name: Bob Chen, company: Voltgrid, team: Grid, trust: 5, knows_my_work: 5, met: 2015,
     last_contact: 2026-11, told: [role, aspiration, availability]}
  - {name: Mei Tanaka, company: Voltgrid, team: Grid, trust: 5, knows_my_work: 5, met: 2016,
     last_contact: 2026-11, told: [role, aspiration, availability]}
"""


def test_two_friends_on_one_team_never_raise_the_odds_past_one_referral() -> None:
    plan = plan_of(FRIENDS, hours=2)
    assert [step.contact for step in plan.steps] == ["bob-chen", "mei-tanaka"]
    (voltgrid,) = plan.targets
    best = max(
        c.if_referred for c in analyze(parse_network(FRIENDS), as_of=AS_OF).targets[0].candidates
    )
    assert voltgrid.after <= best <= CEILING
    one = plan_of(FRIENDS, hours=0.5).targets[0].after
    assert one < voltgrid.after  # a backup still helps: the chance of at least one referral


def test_a_company_of_your_field_that_nobody_named_gets_no_referral_ask() -> None:
    text = FRIENDS + (
        "  - {name: Cy Field, company: Acme, industry: Solar Energy, trust: 5, knows_my_work: 4,"
        " met: 2015, last_contact: 2026-11, told: [role, aspiration, availability]}\n"
    )
    plan = plan_of(text, hours=3)
    assert [outlook.target.company for outlook in plan.targets] == ["voltgrid"]
    cy = [step for step in plan.steps if step.contact == "cy-field"]
    assert all(
        item.target is None and item.action != "ask-referral" for s in cy for item in s.items
    )


# -- time in the value -----------------------------------------------------------------------

TWO_OPENINGS = """\
me: {name: Ana Lima, role: Analyst}
openings:
  - {company: Voltgrid, team: Grid, role: Product Manager, closes: 2026-11-28}
  - {company: Sunforge, team: Solar, role: Product Manager}
contacts:
  - {name: Bob Chen, company: Voltgrid, team: Grid, trust: 4, knows_my_work: 4, met: 2015,
     last_contact: 2026-11, told: [role, aspiration, availability]}
  - {name: Sol Sun, company: Sunforge, team: Solar, trust: 5, knows_my_work: 4, met: 2015,
     last_contact: 2026-11, told: [role, aspiration, availability]}
"""


def test_an_opening_that_closes_in_three_days_gets_the_only_call_of_the_week() -> None:
    analysis = analyze(parse_network(TWO_OPENINGS), as_of=AS_OF)
    bob, sol = (report.candidates[0] for report in analysis.targets)
    assert sol.score > bob.score  # Sunforge's friend is the better route...
    plan = plan_of(TWO_OPENINGS, hours=0.5)
    assert [step.contact for step in plan.steps] == ["bob-chen"]  # ...but Voltgrid cannot wait
    (step,) = plan.steps
    assert float(str(step.reasons[0].fact("after"))) == bob.score  # its full value, this week
    after = plan_of(TWO_OPENINGS, hours=0.5, as_of=dt.date(2026, 11, 30))
    assert [outlook.target.company for outlook in after.targets] == ["sunforge"]  # closed


def test_a_close_friend_silent_for_thirty_months_is_asked_after_catching_up() -> None:
    dormant = FRIENDS.replace(
        "met: 2015,\n     last_contact: 2026-11", "met: 2015,\n     last_contact: 2024-05"
    )
    plan = plan_of(dormant, hours=0.5)
    (step,) = plan.steps
    assert (step.contact, step.minutes) == ("mei-tanaka", 30)  # the friend in touch, first
    bob_alone = dormant.split("  - {name: Mei Tanaka")[0]
    plan = plan_of(bob_alone, hours=1)
    (step,) = plan.steps
    assert (step.contact, step.minutes) == ("bob-chen", 60)  # a longer talk that catches up
    assert "catch up first (out of touch for 30 months)" in why(plan, step)
    fresh = plan_of(FRIENDS.split("  - {name: Mei Tanaka")[0], hours=1)
    assert plan.targets[0].after < fresh.targets[0].after  # priced as silent as he has been


def test_a_friend_told_after_you_changed_plans_is_asked_before_one_told_before() -> None:
    text = FRIENDS.replace("  seeking:", "  plans_since: 2026-09\n  seeking:")
    text = text.replace(
        "told: [role, aspiration, availability]}\n  - {name: Mei",
        "told: {role: 2026-06, aspiration: 2026-06, availability: 2026-06}}\n  - {name: Mei",
    ).replace(
        "last_contact: 2026-11, told: [role, aspiration, availability]}\n",
        "last_contact: 2026-11, told: {role: 2026-10, aspiration: 2026-10, availability: 2026-10}}\n",
    )
    plan = plan_of(text, hours=0.5)
    assert [(step.contact, step.action) for step in plan.steps] == [("mei-tanaka", "ask-referral")]


# -- a plan for every situation --------------------------------------------------------------


NEXT_TO_THE_FIELD = """\
me:
  name: Ana Lima
  role: Strategy Officer
  seeking: {roles: [Product Manager], industries: [Climate Tech]}
contacts:
  - {name: Uma Grid, company: Nordic Power Utility, industry: Utilities, trust: 4,
     knows_my_work: 3, met: 2018, last_contact: 2026-10}
  - {name: Oli Oil, company: Petro North, industry: Oil & Energy, trust: 3, knows_my_work: 2,
     met: 2019, last_contact: 2026-08}
"""


def test_someone_who_knows_only_people_next_to_the_field_gets_a_plan_that_grows() -> None:
    plan = plan_of(NEXT_TO_THE_FIELD, hours=1)
    assert plan.targets == ()
    assert [(step.contact, step.action) for step in plan.steps] == [
        ("uma-grid", "grow"),
        ("oli-oil", "grow"),
    ]
    text = why(plan, plan.steps[0])
    assert "ask whom they know in it" in text and "Climate Tech" in text
    assert "Do you know anyone working in Climate Tech?" in step_message(plan, plan.steps[0])


def test_unavailable_for_eight_weeks_with_a_friend_told_is_never_told_nobody_reaches() -> None:
    text = FRIENDS.replace(
        "  role: Strategy Officer", "  role: Strategy Officer\n  available: 2027-01-20"
    )
    plan = plan_of(text, hours=2)
    assert plan.targets[0].before > DIRECT
    assert "bob-chen" in [q.contact for q in plan.queued]
    assert plan.stop is None or "nobody you know reaches" not in str(plan.stop.facts)
    assert not plan.unreached


def test_a_fresh_import_chats_with_the_most_relevant_people_never_by_alphabet() -> None:
    people = [("Aaron Alpha", "Sales Lead"), ("Abby Able", "Account Executive")]
    people += [(f"A{index:02d} Person", "Support Specialist") for index in range(60)]
    people += [("Zoe Zed", "Senior Product Manager"), ("Yan Young", "Product Manager")]
    contacts = "".join(
        f"  - {{name: {name}, company: Voltgrid, title: {title}, trust: 1, met: 2024}}\n"
        for name, title in people
    )
    text = (
        "me: {name: Ana, seeking: {roles: [Product Manager], companies: [Voltgrid]}}\n"
        "contacts:\n" + contacts
    )
    plan = plan_of(text, hours=0.5)
    chats = [step.contact for step in plan.steps if step.action == "info-chat"]
    assert chats[:2] == ["zoe-zed", "yan-young"]  # the role you want, the more senior first
    renamed = text.replace("Aaron Alpha", "Zzz Last")
    again = [step.contact for step in plan_of(renamed, hours=0.5).steps]
    assert again[:2] == chats[:2]
