"""The classic referral cases, each a test of one principle of docs/scoring.md."""

from __future__ import annotations

import datetime as dt

import pytest

from warmreach import Candidate, parse_network, rank_referrers
from warmreach.scoring import DIRECT, ReferralModel, TieStrength, recency_factor, tie_strength

AS_OF = dt.date(2026, 11, 25)

BASE = """\
me: {name: Ana Lima}
companies:
  - name: Voltgrid
    teams:
      - {name: Grid Storage, near: [Battery Systems]}
      - {name: Battery Systems}
      - {name: Sales}
openings:
  - {company: Voltgrid, team: Grid Storage, role: Product Manager, hiring_manager: Eva Berg}
contacts:
  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, title: Director, trust: 0}
"""


def rank(contacts: str) -> list[Candidate]:
    network = parse_network(BASE + contacts)
    return rank_referrers(network, network.openings[0], as_of=AS_OF)


def by_id(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {candidate.contact: candidate for candidate in candidates}


TEAMMATE = """\
  - name: Bob Chen
    company: Voltgrid
    team: Grid Storage
    trust: 5
    knows_my_work: 5
    met: 2018-03
    last_contact: 2026-10-30
    told: [role, aspiration, availability]
    knows: [{name: Eva Berg, strength: 5}]
"""


def test_trusted_teammate_of_the_hiring_manager_ranks_first_and_is_asked() -> None:
    stranger = "  - {name: Sam Stone, company: Voltgrid, team: Sales, trust: 0}\n"
    candidates = rank(TEAMMATE + stranger)
    assert candidates[0].contact == "bob-chen"
    assert candidates[0].action == "ask-referral"
    assert candidates[0].reasons == ("on the hiring team", "trust 5/5", "knows your work 5/5")
    assert candidates[0].path == ("me", "bob-chen")


def test_the_same_teammate_not_told_your_availability_gets_signal_then_ask() -> None:
    candidates = rank(
        TEAMMATE.replace("told: [role, aspiration, availability]", "told: [role, aspiration]")
    )
    bob = by_id(candidates)["bob-chen"]
    assert bob.action == "signal-then-ask"
    assert bob.reasons[-1] == "not told your availability"
    told = by_id(rank(TEAMMATE))["bob-chen"]
    assert told.action == "ask-referral"
    # someone who does not know you are available now is less likely to refer you
    assert bob.score < told.score


def test_a_friend_who_does_not_know_your_plans_can_fall_behind_one_who_does() -> None:
    untold = TEAMMATE.replace("told: [role, aspiration, availability]", "told: []")
    colleague = """\
  - name: Carl Ode
    company: Voltgrid
    team: Grid Storage
    trust: 4
    knows_my_work: 4
    met: 2018-03
    last_contact: 2026-10-30
    told: [role, aspiration, availability]
"""
    candidates = rank(untold + colleague)
    assert [candidate.contact for candidate in candidates[:2]] == ["carl-ode", "bob-chen"]
    assert [candidate.action for candidate in candidates[:2]] == [
        "ask-referral",
        "signal-then-ask",
    ]


def test_connection_made_two_weeks_ago_on_the_hiring_team_is_not_asked() -> None:
    newcomer = """\
  - name: Nina New
    company: Voltgrid
    team: Grid Storage
    trust: 3
    knows_my_work: 2
    met: 2026-11-11
    last_contact: 2026-11-11
    told: [aspiration, availability]
"""
    nina = by_id(rank(newcomer))["nina-new"]
    assert nina.action == "nurture"
    assert "new connection (met 2026-11-11)" in nina.reasons


def test_stranger_elsewhere_in_the_company_scores_at_the_baseline() -> None:
    stranger = "  - {name: Sam Stone, company: Voltgrid, team: Sales, trust: 0}\n"
    sam = by_id(rank(stranger))["sam-stone"]
    assert sam.score == DIRECT
    assert sam.action == "apply-directly"
    assert sam.path == ()
    assert sam.reasons == ("elsewhere at Voltgrid", "no path from you within 3 steps")


def test_barely_known_connection_elsewhere_is_no_better_than_applying() -> None:
    weak = "  - {name: Sam Stone, company: Voltgrid, team: Sales, trust: 1, met: 2020}\n"
    sam = by_id(rank(weak))["sam-stone"]
    assert DIRECT < sam.score < DIRECT + 0.05
    assert sam.action == "apply-directly"
    assert sam.reasons[-1] == "no better than applying directly"


def test_close_friend_of_the_hiring_manager_beats_a_stranger_inside_the_team() -> None:
    contacts = """\
  - name: Fay Friend
    company: Elsewhere Inc
    trust: 5
    knows_my_work: 4
    met: 2010
    last_contact: 2026-11-01
    knows: [{name: Eva Berg, strength: 5}]
  - name: Tim Team
    company: Voltgrid
    team: Grid Storage
    trust: 1
    met: 2021
"""
    candidates = rank(contacts)
    eva, tim = by_id(candidates)["eva-berg"], by_id(candidates)["tim-team"]
    assert eva.action == "ask-intro"
    assert eva.bridge == "fay-friend"
    assert eva.path == ("me", "fay-friend", "eva-berg")
    assert "introduction through Fay Friend (trust 5/5), who knows them 5/5" in eva.reasons
    assert eva.score > tim.score
    assert tim.action == "nurture"
    assert [candidate.contact for candidate in candidates][:2] == ["eva-berg", "tim-team"]


def test_dormant_trusted_teammate_sits_between_the_active_one_and_the_stranger() -> None:
    def teammate(last_contact: str) -> str:
        return TEAMMATE.replace(
            "last_contact: 2026-10-30", f"last_contact: {last_contact}"
        ).replace("    knows: [{name: Eva Berg, strength: 5}]\n", "")

    recent = by_id(rank(teammate("2026-10-30")))["bob-chen"]
    dormant = by_id(rank(teammate("2019-11-01")))["bob-chen"]
    stranger = by_id(
        rank("  - {name: Sam Stone, company: Voltgrid, team: Grid Storage, trust: 0}\n")
    )["sam-stone"]
    assert recent.score > dormant.score > stranger.score
    assert dormant.action == "nurture"
    assert "out of touch for 7 years" in dormant.reasons


def test_near_team_ranks_between_the_team_and_the_rest_of_the_company() -> None:
    def at(team: str) -> float:
        contact = TEAMMATE.replace("team: Grid Storage", f"team: {team}").replace(
            "    knows: [{name: Eva Berg, strength: 5}]\n", ""
        )
        return by_id(rank(contact))["bob-chen"].score

    former = TEAMMATE.replace(
        "company: Voltgrid\n    team: Grid Storage", "company: Acme\n    past_companies: [Voltgrid]"
    )
    former_score = by_id(rank(former.replace("    knows: [{name: Eva Berg, strength: 5}]\n", "")))[
        "bob-chen"
    ].score
    assert at("Grid Storage") > at("Battery Systems") > at("Sales") > former_score > DIRECT


def test_the_hiring_manager_is_a_candidate_even_unknown() -> None:
    eva = by_id(rank(""))["eva-berg"]
    assert eva.position == "hiring-manager"
    assert eva.action == "apply-directly"
    assert eva.reasons == ("the hiring manager", "no path from you within 3 steps")


def test_centrality_finds_the_person_close_to_the_hiring_team() -> None:
    """Two equally trusted friends elsewhere at Voltgrid; one works with three people of the
    hiring team every day. Tie strength alone ranks the other first (a slightly
    stronger tie); proximity by personalised PageRank puts the connected one ahead."""
    contacts = """\
  - {name: Tess Team, company: Voltgrid, team: Grid Storage, trust: 0, knows: [{name: Eva Berg, strength: 4}]}
  - {name: Uma Team, company: Voltgrid, team: Grid Storage, trust: 0, knows: [Eva Berg]}
  - name: Cleo Connected
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 3
    met: 2015
    last_contact: 2026-11
    knows: [{name: Eva Berg, strength: 4}, {name: Tess Team, strength: 4}, {name: Uma Team, strength: 4}]
  - name: Ivan Isolated
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 4
    met: 2015
    last_contact: 2026-11
"""
    network = parse_network(BASE + contacts)
    model = ReferralModel(network, as_of=AS_OF)
    target = network.openings[0]
    with_centrality = [
        c.contact
        for c in model.rank(target, centrality=True).candidates
        if c.position == "at-company"
    ]
    tie_strength_only = [
        c.contact
        for c in model.rank(target, centrality=False).candidates
        if c.position == "at-company"
    ]
    assert tie_strength_only == ["ivan-isolated", "cleo-connected"]
    assert with_centrality == ["cleo-connected", "ivan-isolated"]
    cleo = by_id(list(model.rank(target).candidates))["cleo-connected"]
    assert cleo.reasons[:2] == (
        "elsewhere at Voltgrid",
        "close to the hiring team (knows 3 of them, closeness 1.00)",
    )
    assert cleo.proximity == 0.7  # as close as a team listed as near


def test_tie_strength_decays_with_a_floor() -> None:
    assert recency_factor(0) == 1.0
    assert recency_factor(12) == pytest.approx(0.7)
    assert recency_factor(10_000) == pytest.approx(0.4)
    values = [recency_factor(months) for months in range(0, 240, 6)]
    assert values == sorted(values, reverse=True)


def test_missing_last_contact_falls_back_to_met_then_to_two_years() -> None:
    network = parse_network(
        "me: {name: A}\ncontacts:\n  - {name: B, trust: 4, met: 2026-10}\n  - {name: C, trust: 4}\n"
    )
    b, c = (tie_strength(contact, AS_OF) for contact in network.contacts)
    assert isinstance(b, TieStrength)
    assert b.months_silent == b.months_known
    assert c.months_silent is None
    assert c.recency == pytest.approx(recency_factor(24))
