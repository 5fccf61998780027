"""The cases a careful reviewer and a career coach would try, each a test of one principle of
docs/scoring.md. Every case is written from its description; the people are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import ROOT
from warmreach import Candidate, load_network, parse_network, rank_referrers
from warmreach.reports import analysis_table, render_analysis
from warmreach.reports.words import reason_text
from warmreach.scoring import (
    DIRECT,
    REFERRED,
    ReferralModel,
    analyze,
    interview_chance,
    tie_strength,
)
from warmreach.scoring.chances import REFERENCE
from warmreach.scoring.ties import recency_factor

AS_OF = dt.date(2026, 11, 25)

BASE = """\
me: {name: Ana Lima, role: Product Lead, seeking: {roles: [Product Manager]}}
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

TEAMMATE = """\
  - name: Bob Chen
    company: Voltgrid
    team: Grid Storage
    trust: 5
    knows_my_work: 5
    met: 2018-03
    last_contact: 2026-10-30
    told: [role, aspiration, availability]
"""


def network_of(contacts: str, base: str = BASE) -> ReferralModel:
    return ReferralModel(parse_network(base + contacts), as_of=AS_OF)


def rank(contacts: str, base: str = BASE) -> list[Candidate]:
    network = parse_network(base + contacts)
    return rank_referrers(network, network.openings[0], as_of=AS_OF)


def by_id(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {candidate.contact: candidate for candidate in candidates}


def kinds(candidate: Candidate) -> list[str]:
    return [reason.kind for reason in candidate.reasons]


def words(candidate: Candidate) -> list[str]:
    return [reason_text(reason) for reason in candidate.reasons]


# -- 1. the person at the end of an introduction vouches only through the bridge -------------


def test_your_teammate_of_four_years_is_asked_directly_not_through_a_friend() -> None:
    network = load_network(ROOT / "sample_networks" / "senior-engineer.yaml")
    orbital = network.openings[0]
    kavya = by_id(rank_referrers(network, orbital, as_of=AS_OF))["kavya-iyer"]
    assert kavya.path == ("me", "kavya-iyer")
    assert kavya.bridge is None
    assert kavya.action == "ask-later"  # Priya can start in 2027-03: she asks from mid-January


def test_a_stranger_two_introductions_away_does_not_outrank_a_trusted_friend_elsewhere() -> None:
    contacts = """\
  - name: Fred Friend
    company: Voltgrid
    team: Sales
    trust: 5
    knows_my_work: 4
    met: 2015
    last_contact: 2026-11
    told: [role, aspiration, availability]
  - name: Al Ally
    trust: 5
    knows_my_work: 4
    met: 2012
    last_contact: 2026-11
    told: [role, aspiration, availability]
    knows: [{name: Bea Bond, strength: 5}]
  - {name: Bea Bond, trust: 0, knows: [{name: Cy Stone, strength: 5}]}
  - {name: Cy Stone, company: Voltgrid, team: Grid Storage, trust: 0}
"""
    found = by_id(rank(contacts))
    cy, fred = found["cy-stone"], found["fred-friend"]
    assert cy.path == ("me", "al-ally", "bea-bond", "cy-stone")
    assert fred.action == "ask-referral"
    assert fred.score > cy.score
    assert "ask Al Ally (trust 5/5) to introduce you to Bea Bond, who knows them 5/5" in words(cy)


def test_an_introduced_stranger_is_worth_less_than_the_friend_who_introduces_them() -> None:
    contacts = """\
  - name: Fred Friend
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 3
    met: 2015
    last_contact: 2026-11
    told: [role, aspiration, availability]
    knows: [{name: Sue Stranger, strength: 5}]
  - {name: Sue Stranger, company: Voltgrid, team: Grid Storage, trust: 0}
"""
    found = by_id(rank(contacts))
    sue, fred = found["sue-stranger"], found["fred-friend"]
    assert sue.action == "ask-intro" and sue.bridge == "fred-friend"
    assert fred.score > sue.score > DIRECT


# -- 2. missing data is unknown, never worse than known -------------------------------------


def test_knowing_since_when_you_know_a_teammate_never_lowers_her_score() -> None:
    without = TEAMMATE.replace("    met: 2018-03\n", "").replace(
        "    last_contact: 2026-10-30\n", ""
    )
    since_2010 = without.replace("    trust: 5\n", "    trust: 5\n    met: 2010\n")
    plain, long_known = by_id(rank(without))["bob-chen"], by_id(rank(since_2010))["bob-chen"]
    assert long_known.score >= plain.score
    assert "last contact not written" in words(long_known)
    assert not any("out of touch" in text for text in words(long_known))


def test_an_import_with_connected_on_dates_does_not_say_out_of_touch() -> None:
    imported = "  - {name: Lin Import, company: Voltgrid, team: Sales, trust: 3, met: 2009-05-12}\n"
    lin = by_id(rank(imported))["lin-import"]
    assert "out-of-touch" not in kinds(lin)
    assert lin.action in ("signal-then-ask", "ask-referral")


def test_a_link_without_a_strength_is_estimated_from_the_contacts_the_two_share() -> None:
    model = network_of(
        """\
  - {name: Pat Pal, trust: 4, knows_my_work: 3, knows: [Ola One, Tom Two, Uli Three]}
  - {name: Ola One, trust: 0, knows: [Tom Two, Uli Three]}
  - {name: Tom Two, trust: 0}
  - {name: Uli Three, trust: 0, knows: [{name: Tom Two, strength: 1}]}
"""
    )
    assert model.links.strength("ola-one", "pat-pal") == 4.0  # two people in common
    assert model.links.strength("pat-pal", "tom-two") == 4.0
    assert model.links.strength("uli-three", "tom-two") == 1.0  # written: kept
    assert model.links.estimated("pat-pal", "ola-one")
    lone = network_of(
        "  - {name: Pat Pal, trust: 4, knows: [Ola One]}\n  - {name: Ola One, trust: 0}\n"
    )
    assert lone.links.strength("pat-pal", "ola-one") == 3.0  # nobody in common: the base


def test_an_introduction_over_an_unwritten_link_is_worth_asking_for() -> None:
    contacts = """\
  - name: Pat Pal
    trust: 5
    knows_my_work: 4
    met: 2014
    last_contact: 2026-11
    told: [role, aspiration, availability]
    knows: [Tia Team]
  - {name: Tia Team, company: Voltgrid, team: Grid Storage, trust: 0}
"""
    tia = by_id(rank(contacts))["tia-team"]
    assert tia.action == "ask-intro"
    assert "introduction through Pat Pal (trust 5/5), who knows them" in words(tia)
    assert tia.reasons[1].fact("estimated") == 1


# -- 3. your availability -------------------------------------------------------------------


@pytest.mark.parametrize("available", ["later", "2027-04"])
def test_while_you_are_unavailable_nobody_is_asked_for_a_referral_yet(available: str) -> None:
    base = BASE.replace("seeking: {roles: [Product Manager]}}", f"available: {available}}}")
    bob = by_id(rank(TEAMMATE, base))["bob-chen"]
    assert bob.action == "ask-later"
    if available == "later":
        assert bob.ask_from is None and "available-later" in kinds(bob)
    else:
        assert bob.ask_from == dt.date(2027, 2, 18)  # six weeks before 1 April
        assert "you can start in 2027-04: ask for referrals from 2027-02-18" in words(bob)


def test_a_start_date_six_weeks_away_allows_asking_now() -> None:
    base = BASE.replace("seeking: {roles: [Product Manager]}}", "available: 2027-01-05}")
    assert by_id(rank(TEAMMATE, base))["bob-chen"].action == "ask-referral"


# -- 4. what people were told goes out of date ----------------------------------------------


def test_plans_told_thirty_months_ago_are_not_current() -> None:
    old = TEAMMATE.replace(
        "told: [role, aspiration, availability]",
        "told: {role: 2024-05, aspiration: 2024-05, availability: 2024-05}",
    )
    fresh, stale = by_id(rank(TEAMMATE))["bob-chen"], by_id(rank(old))["bob-chen"]
    assert fresh.action == "ask-referral"
    assert stale.action == "signal-then-ask"
    assert "told long ago: your aspiration, availability" in words(stale)
    assert stale.score < fresh.score


def test_what_was_told_before_your_plans_changed_is_out_of_date() -> None:
    dated = TEAMMATE.replace(
        "told: [role, aspiration, availability]",
        "told: [role, {aspiration: 2026-09-01}, {availability: 2026-09-01}]",
    )
    changed = BASE.replace("seeking: {roles: [Product Manager]}}", "plans_since: 2026-10}")
    assert by_id(rank(dated))["bob-chen"].action == "ask-referral"
    assert by_id(rank(dated, changed))["bob-chen"].action == "signal-then-ask"


# -- 5. the hiring manager ------------------------------------------------------------------


def test_the_hiring_manager_you_barely_know_is_reached_through_your_close_friend() -> None:
    contacts = """\
  - name: Fay Friend
    company: Elsewhere Inc
    trust: 5
    knows_my_work: 4
    met: 2010
    last_contact: 2026-11-01
    told: [role, aspiration, availability]
    knows: [{name: Eva Berg, strength: 5}]
"""
    eva_slightly = BASE.replace(
        "title: Director, trust: 0}", "title: Director, trust: 1, knows_my_work: 3, met: 2021}"
    )
    eva = by_id(rank(contacts, eva_slightly))["eva-berg"]
    assert eva.action == "ask-intro"
    assert eva.path == ("me", "fay-friend", "eva-berg")
    assert "word-to-manager" in kinds(eva)


def test_the_hiring_manager_you_know_well_is_approached_not_asked_to_refer_you() -> None:
    eva_well = BASE.replace(
        "title: Director, trust: 0}",
        "title: Director, trust: 4, knows_my_work: 4, met: 2016, last_contact: 2026-10}",
    )
    eva = by_id(rank("", eva_well))["eva-berg"]
    assert eva.action == "reach-out"
    assert eva.path == ("me", "eva-berg")


# -- 6. a new connection is not asked to vouch, not even as a bridge -------------------------


def test_a_connection_made_two_weeks_ago_is_not_the_bridge_to_the_hiring_manager() -> None:
    contacts = """\
  - name: Nico New
    trust: 4
    knows_my_work: 2
    met: 2026-11-11
    last_contact: 2026-11-11
    told: [role, aspiration, availability]
    knows: [{name: Eva Berg, strength: 5}]
"""
    eva = by_id(rank(contacts))["eva-berg"]
    assert eva.bridge is None
    assert eva.action == "apply-directly"


def test_a_connection_made_two_weeks_ago_on_the_team_gets_a_first_chat_not_an_ask() -> None:
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
    assert nina.action == "info-chat"
    assert "a new connection (met 2026-11-11): too soon to ask" in words(nina)


# -- 7. tenure ------------------------------------------------------------------------------


def test_someone_who_left_last_month_knows_more_than_someone_who_left_long_ago() -> None:
    def former(until: str) -> str:
        return TEAMMATE.replace(
            "company: Voltgrid\n    team: Grid Storage", "company: Acme"
        ).replace(
            "    trust: 5\n",
            f"    past_companies: [{{name: Voltgrid, until: {until}}}]\n    trust: 5\n",
        )

    recent, old = (
        by_id(rank(former("2026-10")))["bob-chen"],
        by_id(rank(former("2016-10")))["bob-chen"],
    )
    assert recent.score > old.score
    assert recent.action == "info-chat"
    assert "left Voltgrid in 2026-10" in words(recent)


def test_a_day_one_joiner_cannot_vouch_like_a_three_year_colleague() -> None:
    joined = TEAMMATE.replace(
        "    team: Grid Storage\n", "    team: Grid Storage\n    since: 2026-11-24\n"
    )
    veteran = TEAMMATE.replace(
        "    team: Grid Storage\n", "    team: Grid Storage\n    since: 2023-11\n"
    )
    new, old = by_id(rank(joined))["bob-chen"], by_id(rank(veteran))["bob-chen"]
    assert old.score > new.score
    assert "joined Voltgrid only in 2026-11-24" in words(new)


# -- 8. more links never move anyone further away ------------------------------------------


def test_a_link_between_two_other_people_never_lowers_a_friends_score() -> None:
    friend = """\
  - name: Fred Friend
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 3
    met: 2015
    last_contact: 2026-11
    knows: [{name: Tess Team, strength: 4}]
  - {name: Tess Team, company: Voltgrid, team: Grid Storage, trust: 0}
  - {name: Otto Other, company: Voltgrid, team: Sales, trust: 0}
"""
    linked = friend.replace(
        "trust: 0}\n  - {name: Otto", "trust: 0, knows: [Eva Berg]}\n  - {name: Otto"
    )
    before = by_id(rank(friend))["fred-friend"].score
    after = by_id(rank(linked))["fred-friend"].score
    assert after >= before


# -- 9. structure counts, and every route into the team adds up ------------------------------


def test_when_no_team_is_named_the_better_connected_of_two_equal_friends_ranks_first() -> None:
    base = "me: {name: Ana, seeking: {companies: [Voltgrid]}}\ncontacts:\n"
    contacts = """\
  - {name: Cleo Connected, company: Voltgrid, trust: 3, knows_my_work: 3, knows: [Pia, Quin, Rui]}
  - {name: Ivan Isolated, company: Voltgrid, trust: 3, knows_my_work: 3}
  - {name: Pia, company: Voltgrid, trust: 0}
  - {name: Quin, company: Voltgrid, trust: 0}
  - {name: Rui, company: Voltgrid, trust: 0}
"""
    network = parse_network(base + contacts)
    ranked = analyze(network, as_of=AS_OF).targets[0].candidates
    assert [c.contact for c in ranked[:2]] == ["cleo-connected", "ivan-isolated"]
    assert ranked[0].score > ranked[1].score
    assert "connected-at-company" in kinds(ranked[0])


def test_in_a_large_company_with_no_team_named_ten_colleagues_count_more_than_two() -> None:
    # with forty staff, two-step routes reach nearly everyone and a fixed scale saturates:
    # how many colleagues an insider knows directly must still separate them
    base = "me: {name: Ana, seeking: {companies: [Voltgrid]}}\ncontacts:\n"
    staff = "".join(f"  - {{name: S{i}, company: Voltgrid, trust: 0}}\n" for i in range(40))
    many = ", ".join(f"S{i}" for i in range(10))
    friends = f"""\
  - {{name: Hub Friend, company: Voltgrid, trust: 3, knows_my_work: 3, knows: [{many}]}}
  - {{name: Pair Friend, company: Voltgrid, trust: 3, knows_my_work: 3, knows: [S20, S21]}}
  - {{name: Lone Friend, company: Voltgrid, trust: 3, knows_my_work: 3}}
"""
    found = by_id(
        list(analyze(parse_network(base + staff + friends), as_of=AS_OF).targets[0].candidates)
    )
    hub, pair, lone = (found[f"{n}-friend"].score for n in ("hub", "pair", "lone"))
    assert hub > pair > lone
    assert hub - lone > 3 * (pair - lone)  # not saturated: ten links count far more than two
    assert "knows 10 people there" in " ".join(words(found["hub-friend"]))


def test_five_routes_into_the_hiring_team_beat_one() -> None:
    team = "".join(
        f"  - {{name: T{i}, company: Voltgrid, team: Grid Storage, trust: 0}}\n" for i in range(5)
    )
    middles = "".join(
        f"  - {{name: M{i}, company: Voltgrid, team: Sales, trust: 0, knows: [T{i}]}}\n"
        for i in range(5)
    )
    adviser = """\
  - name: Ada Adviser
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 3
    knows: [M0, M1, M2, M3, M4]
  - name: One Route
    company: Voltgrid
    team: Sales
    trust: 4
    knows_my_work: 3
    knows: [M0]
"""
    found = by_id(rank(team + middles + adviser))
    assert found["ada-adviser"].score > found["one-route"].score
    assert "reaches them through 5 colleagues" in " ".join(words(found["ada-adviser"]))


def test_a_recruiter_at_the_company_is_a_route_to_the_hiring_team() -> None:
    def colleague(title: str) -> str:
        return f"  - {{name: Rita, company: Voltgrid, team: Sales, title: {title}, trust: 4, knows_my_work: 2}}\n"

    recruiter = by_id(rank(colleague("Senior Technical Recruiter")))["rita"]
    other = by_id(rank(colleague("Account Executive")))["rita"]
    assert recruiter.position == "recruiter"
    assert recruiter.score > other.score


def test_a_weak_tie_who_shares_several_contacts_is_worth_more_than_one_who_shares_none() -> None:
    friends = "".join(f"  - {{name: F{i}, trust: 3, knows: [Wes Weak]}}\n" for i in range(4))
    weak = "  - {name: Wes Weak, company: Voltgrid, team: Battery Systems, trust: 1}\n"
    alone = "  - {name: Wes Weak, company: Voltgrid, team: Battery Systems, trust: 1}\n"
    shared = by_id(rank(friends + weak))["wes-weak"]
    lone = by_id(rank(alone))["wes-weak"]
    assert shared.score > lone.score
    assert "4 contacts in common" in words(shared)


# -- 10. the numbers -------------------------------------------------------------------------


def test_an_average_referral_gives_fernandez_and_weinbergs_interview_rate() -> None:
    assert interview_chance(0.0) == DIRECT
    assert interview_chance(REFERENCE) == pytest.approx(REFERRED)
    assert REFERRED < interview_chance(1.0) < 1.0


def test_a_trusted_friend_elsewhere_at_the_company_is_an_average_referral_once_made() -> None:
    friend = "  - {name: Fred, company: Voltgrid, team: Sales, trust: 4, knows_my_work: 3, last_contact: 2026-11, told: [role, aspiration, availability]}\n"
    fred = by_id(rank(friend))["fred"]
    assert fred.if_referred == pytest.approx(REFERRED, abs=0.01)
    assert fred.score < fred.if_referred  # the score counts the chance they do not come through


def test_a_stranger_at_the_company_is_barely_better_than_applying() -> None:
    stranger = "  - {name: Sam Stone, company: Voltgrid, team: Sales, trust: 0}\n"
    sam = by_id(rank(stranger))["sam-stone"]
    assert sam.score == DIRECT
    assert sam.action == "apply-directly"
    assert kinds(sam) == ["at-company", "no-route"]


def test_dormant_ties_keep_value() -> None:
    assert recency_factor(0) == 1.0
    assert recency_factor(24) == pytest.approx(0.7)
    assert recency_factor(10_000) == pytest.approx(0.4)
    values = [recency_factor(months) for months in range(0, 240, 6)]
    assert values == sorted(values, reverse=True)


def test_a_missing_last_contact_is_a_year_of_silence_whatever_met_says() -> None:
    network = parse_network(
        "me: {name: A}\ncontacts:\n  - {name: B, trust: 4, met: 2026-10}\n  - {name: C, trust: 4, met: 2001}\n"
    )
    b, c = (tie_strength(contact, network.me, AS_OF) for contact in network.contacts)
    assert b.months_silent is None and c.months_silent is None
    assert b.recency == c.recency == pytest.approx(recency_factor(12))


# -- 11. readable reports -------------------------------------------------------------------


def test_equal_scores_put_the_one_who_holds_the_role_you_want_first() -> None:
    contacts = """\
  - {name: Aa Analyst, company: Voltgrid, team: Sales, title: Analyst, trust: 3, knows_my_work: 3}
  - {name: Zz Product, company: Voltgrid, team: Sales, title: Product Manager, trust: 3, knows_my_work: 3}
"""
    ranked = [c.contact for c in rank(contacts) if c.contact != "eva-berg"]
    assert ranked == ["zz-product", "aa-analyst"]


def test_people_no_better_than_applying_are_one_line_per_company() -> None:
    strangers = "".join(
        f"  - {{name: S{i} Stone, company: Voltgrid, team: Sales, trust: 0}}\n" for i in range(8)
    )
    network = parse_network(BASE + TEAMMATE + strangers)
    table = analysis_table(analyze(network, as_of=AS_OF))
    assert (
        "and 9 others at Voltgrid: no better than applying directly (Eva Berg, S0 Stone, S1 Stone and 6 more)"
        in table
    )
    assert table.count("S7 Stone") == 0
    document = render_analysis(analyze(network, as_of=AS_OF), "json")
    assert document.count('"action": "apply-directly"') == 9  # scripts still get everyone


# -- what you asked for, and what came of it ------------------------------------------------

FRIEND_OF_MANAGER = """\
  - name: Ines Duarte
    trust: 5
    knows_my_work: 4
    met: 2016
    last_contact: 2026-11-01
    told: [role, aspiration, availability]
    knows: [{name: Eva Berg, strength: 5}]
"""


def test_an_intro_waiting_for_an_answer_is_followed_up_a_week_after_the_ask() -> None:
    asked = FRIEND_OF_MANAGER.replace(
        "    knows:",
        "    asks: [{asked: intro, company: Voltgrid, to: Eva Berg, date: 2026-11-12}]\n    knows:",
    )
    (eva,) = [candidate for candidate in rank(asked) if candidate.contact == "eva-berg"]
    assert (eva.action, eva.path, eva.follow_up_on) == (
        "follow-up",
        ("me", "ines-duarte", "eva-berg"),
        dt.date(2026, 11, 19),
    )
    assert reason_text(eva.reasons[0]) == (
        "you asked Ines Duarte for an introduction on 2026-11-12, no answer yet: "
        "follow up from 2026-11-19"
    )


def test_an_introduction_made_lets_you_approach_the_manager_yourself() -> None:
    introduced = FRIEND_OF_MANAGER.replace(
        "    knows:",
        "    asks: [{asked: intro, company: Voltgrid, to: Eva Berg, date: 2026-11-12,\n"
        "            outcome: introduced, answered: 2026-11-14}]\n    knows:",
    )
    (eva,) = [candidate for candidate in rank(introduced) if candidate.contact == "eva-berg"]
    assert eva.action == "reach-out"
    assert eva.path == ("me", "eva-berg")
    assert "new-connection" in [reason.kind for reason in eva.reasons]


def test_a_bridge_who_declined_closes_the_introduction_but_not_other_targets() -> None:
    declined = FRIEND_OF_MANAGER.replace(
        "    knows:",
        "    asks: [{asked: intro, company: Voltgrid, team: Grid Storage, to: Eva Berg,\n"
        "            outcome: declined}]\n    knows:",
    )
    (eva,) = [candidate for candidate in rank(declined) if candidate.contact == "eva-berg"]
    assert (eva.action, eva.score) == ("apply-directly", DIRECT)
    other = BASE.replace(
        "openings:\n", "openings:\n  - {company: Voltgrid, team: Sales, hiring_manager: Eva Berg}\n"
    )
    network = parse_network(other + declined)
    (sales,) = [o for o in network.openings if o.team == "sales"]
    eva_sales = next(
        c for c in rank_referrers(network, sales, as_of=AS_OF) if c.contact == "eva-berg"
    )
    assert eva_sales.action == "ask-intro"


def test_a_referral_made_is_what_it_is_worth_once_made() -> None:
    referred = TEAMMATE + "    asks: [{asked: referral, company: Voltgrid, outcome: referred}]\n"
    (bob,) = [candidate for candidate in rank(referred) if candidate.contact == "bob-chen"]
    assert (bob.action, bob.chance) == ("referred", 1.0)
    assert bob.score == bob.if_referred
    assert reason_text(bob.reasons[0]) == "referred you"


def test_while_unavailable_introductions_and_the_manager_wait_too() -> None:
    later = BASE.replace("me: {name: Ana Lima,", "me: {name: Ana Lima, available: 2027-09,")
    ranked = rank(FRIEND_OF_MANAGER + TEAMMATE, base=later)
    assert {candidate.contact: candidate.action for candidate in ranked} == {
        "bob-chen": "ask-later",
        "eva-berg": "ask-later",
    }
    assert next(c for c in ranked if c.contact == "eva-berg").ask_from == dt.date(2027, 7, 21)


def test_a_close_friend_out_of_touch_for_years_is_reconnected_with_first() -> None:
    dormant = """\
  - name: Olga Old
    company: Voltgrid
    team: Grid Storage
    trust: 5
    knows_my_work: 4
    met: 2012
    last_contact: 2022-06
    told: [aspiration, availability]
"""
    olga = by_id(rank(dormant))["olga-old"]
    assert olga.action == "nurture"
    assert "out of touch for 4 years: reconnect first" in words(olga)


def test_a_friends_word_that_adds_next_to_nothing_is_not_advised() -> None:
    """Bob Chen trusts Ana 5/5; Mei Tanaka could put in a word beside Ana's own ask, but
    it adds less than WORD_WORTH: the advice is Ana's own ask, with no word to ask for
    (the plan then spends no message on it); Jonas Weber trusts her 2/5, and Rosa
    Alvarez's word beside the ask is worth it, so it is advised."""
    from warmreach.scoring import default_targets
    from warmreach.scoring.actions import WORD_WORTH
    from warmreach.scoring.chances import route_score

    network = load_network(ROOT / "sample_networks" / "career-switcher.yaml")
    model = ReferralModel(network, as_of=AS_OF)
    advised = {}
    for target in default_targets(network):
        for item in model.evaluate(target):
            if item.contact.id in ("bob-chen", "jonas-weber"):
                worth = {
                    route.supporter: route_score(route, item.standing.value)
                    for route in item.routes
                    if not route.is_introduction
                }
                advised[item.contact.id] = (item.advised, worth)
    bob, bob_worth = advised["bob-chen"]
    assert 0 < bob_worth["mei-tanaka"] - bob_worth[None] < WORD_WORTH
    assert bob is not None and bob.supporter is None and bob.path == ("me", "bob-chen")
    jonas, jonas_worth = advised["jonas-weber"]
    assert jonas_worth["rosa-alvarez"] - jonas_worth[None] >= WORD_WORTH
    assert jonas is not None and jonas.supporter == "rosa-alvarez"
