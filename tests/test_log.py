"""``warmreach log``: edits that keep the user's file as they wrote it, or change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.helpers import SAMPLES
from warmreach.cli import app
from warmreach.errors import InvalidNetwork
from warmreach.log import LogEntry, log_contact, record
from warmreach.matching import find_contact
from warmreach.networkfile import load_network
from warmreach.networkfile.edit import open_document
from warmreach.plan.week import plan_actions

DAY = "2026-11-25"
NETWORK = """\
# My network: hand-written, with comments that must survive.
me:
  name: Ana Lima
  role: Strategy Officer
  seeking: {companies: [Voltgrid]}   # where I want to go

companies:
  - name: Voltgrid
    teams:
      - {name: Grid Storage}

openings:
  - {company: Voltgrid, team: Grid Storage}

contacts:
  # people at Voltgrid
  - name: Bob Chen        # met at the 2019 battery summit
    company: Voltgrid
    team: Grid Storage
    trust: 5
    knows_my_work: 4
    met: 2019-04
    last_contact: 2026-09-14
    told: [role, aspiration]
    knows:
      - Eva Berg

  # people I know of
  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, trust: 0}
  - name: Bob Stone
    trust: 2
"""


def write(tmp_path: Path, text: str = NETWORK) -> Path:
    path = tmp_path / "network.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["log", *args, "--date", DAY])


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_told_and_contacted_change_only_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob chen", "--told", "availability", "--contacted")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"{path}: bob-chen: told availability; last contact 2026-11-25\n")
    assert changed_lines(NETWORK, path.read_text(encoding="utf-8")) == [
        "-    last_contact: 2026-09-14",
        "-    told: [role, aspiration]",
        "+    last_contact: 2026-11-25",
        "+    told: [role, aspiration, {availability: 2026-11-25}]",
    ]


def test_new_keys_go_where_the_documentation_puts_them_and_comments_stay(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert (
        run(str(path), "bob-stone", "--told", "aspiration", "--note", "coffee in May").exit_code
        == 0
    )
    assert run(str(path), "Eva Berg", "--trust", "2").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert changed_lines(NETWORK, after) == [
        "-  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, trust: 0}",
        "+  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, trust: 2}",
        "+    told: {aspiration: 2026-11-25}",
        "+    notes: '2026-11-25: coffee in May'",
    ]
    assert after.count("#") == NETWORK.count("#")


def test_a_new_last_key_goes_above_the_blank_line_and_comment_that_follow(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert run(str(path), "bob-chen", "--note", "asked for an intro").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert (
        "      - Eva Berg\n    notes: '2026-11-25: asked for an intro'\n\n  # people I know of\n"
    ) in after


def test_a_second_note_makes_a_block_of_dated_lines(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert run(str(path), "bob-chen", "--note", "first").exit_code == 0
    assert run(str(path), "bob-chen", "--note", "second").exit_code == 0
    assert run(str(path), "bob-chen", "--note", "third").exit_code == 0
    bob = load_network(path).contacts_by_id["bob-chen"]
    assert bob.notes == "2026-11-25: first\n2026-11-25: second\n2026-11-25: third"
    assert (
        "    notes: |-\n"
        "      2026-11-25: first\n"
        "      2026-11-25: second\n"
        "      2026-11-25: third\n"
        "\n"
        "  # people I know of\n"
    ) in path.read_text(encoding="utf-8")


def test_telling_again_records_the_day_and_logging_it_twice_changes_nothing(
    tmp_path: Path,
) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob-chen", "--told", "role")
    assert result.stdout == f"{path}: bob-chen: told role\n"  # told before, on no known day
    assert changed_lines(NETWORK, path.read_text(encoding="utf-8")) == [
        "-    told: [role, aspiration]",
        "+    told: [{role: 2026-11-25}, aspiration]",
    ]
    once = path.read_text(encoding="utf-8")
    before = path.stat().st_mtime_ns
    result = run(str(path), "bob-chen", "--told", "role")
    assert result.stdout == f"{path}: bob-chen: nothing to change\n"
    assert path.read_text(encoding="utf-8") == once
    assert path.stat().st_mtime_ns == before


def test_an_ambiguous_name_lists_the_candidates_and_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "Bob", "--told", "availability")
    assert result.exit_code == 2
    assert result.stderr == (
        "warmreach: 'Bob' could be Bob Chen (bob-chen, Voltgrid) or Bob Stone (bob-stone); name one by id\n"
    )
    assert path.read_text(encoding="utf-8") == NETWORK


def test_an_unknown_name_suggests_the_nearest(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "Eve Borg", "--contacted")
    assert result.exit_code == 2
    assert result.stderr == (
        "warmreach: no contact in the network is called 'Eve Borg'; did you mean 'Eva Berg'?\n"
    )


def test_an_edit_that_would_make_the_file_invalid_leaves_it_unchanged(tmp_path: Path) -> None:
    path = write(tmp_path)
    entry = LogEntry(trust=9, today=dt.date(2026, 11, 25))  # the command line refuses 9 earlier
    with pytest.raises(InvalidNetwork) as raised:
        log_contact(path, lambda network: "bob-chen", entry)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{path}:20:12: contacts[0].trust must be a whole number from 0 to 5, not '9' "
        "(after the edit; the file was not changed)"
    ]
    assert path.read_text(encoding="utf-8") == NETWORK


def test_a_file_with_problems_is_not_edited(tmp_path: Path) -> None:
    path = write(tmp_path, NETWORK.replace("knows_my_work: 4", "knows_my_wrok: 4"))
    result = run(str(path), "bob-chen", "--contacted")
    assert result.exit_code == 3
    assert result.stderr == (
        f"{path}:21:5: contacts[0]: unknown field 'knows_my_wrok'; did you mean 'knows_my_work'?\n"
    )


@pytest.mark.parametrize("crash", [OSError("disk full"), KeyboardInterrupt()])
def test_a_crash_before_the_replace_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash: BaseException
) -> None:
    path = write(tmp_path)

    def fail(self: Path, target: object) -> None:
        raise crash

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises((type(crash), Exception)):
        log_contact(
            path,
            lambda network: "bob-chen",
            LogEntry(contacted=dt.date(2026, 11, 25), today=dt.date(2026, 11, 25)),
        )
    assert path.read_text(encoding="utf-8") == NETWORK
    assert [entry.name for entry in tmp_path.iterdir()] == ["network.yaml"]


def test_the_file_keeps_its_permissions_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + NETWORK.encode())
    path.chmod(0o600)
    assert run(str(path), "bob-chen", "--contacted").exit_code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# My network")
    assert path.stat().st_mode & 0o777 == 0o600


def test_every_sample_round_trips_exactly(tmp_path: Path) -> None:
    for sample in SAMPLES:
        document = open_document(sample)
        assert document.dump() == sample.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "sample", [*SAMPLES, None], ids=lambda path: path.stem if path else "network"
)
def test_editing_one_contact_alone_writes_what_editing_the_whole_file_writes(
    sample: Path | None, tmp_path: Path
) -> None:
    text = sample.read_text(encoding="utf-8") if sample else NETWORK
    path = write(tmp_path, text)
    entry = LogEntry(
        told=("availability",),
        contacted=dt.date(2026, 11, 25),
        note="met for coffee",
        asked="referral",
        target=None,
        today=dt.date(2026, 11, 25),
    )
    # every contact edited in one document each way: the contacts' lines do not overlap,
    # so a difference in any one contact's edit shows in the text (one round trip of the
    # whole file, not one per contact)
    by_parts, whole = open_document(path), open_document(path)
    whole.by_parts = False
    contacts = load_network(path).contacts
    for document in (by_parts, whole):
        for contact in contacts:
            record(document, contact.id, dataclasses.replace(entry, asked=None))
    assert "_round_trip" not in by_parts.__dict__ and len(by_parts._parts) == len(contacts)
    assert by_parts.dump().splitlines() == whole.dump().splitlines()


def test_the_plan_follows_what_is_logged_and_never_asks_twice(tmp_path: Path) -> None:
    path = write(tmp_path)
    day = dt.date(2026, 11, 25)
    first = plan_actions(load_network(path), as_of=day)
    assert [(step.contact, step.action, step.tell) for step in first.steps] == [
        ("bob-chen", "signal-then-ask", ("availability",))
    ]
    assert (
        run(
            str(path),
            "bob-chen",
            "--told",
            "availability",
            "--asked",
            "referral",
            "--for",
            "Voltgrid/Grid Storage",
        ).exit_code
        == 0
    )
    waiting = plan_actions(load_network(path), as_of=day)
    assert all(step.contact != "bob-chen" for step in waiting.steps)
    assert [(q.day, q.action, q.contact) for q in waiting.queued] == [
        (dt.date(2026, 12, 2), "follow-up", "bob-chen")
    ]
    asked = float(str(first.steps[0].reasons[0].fact("after")))  # the referral ask alone
    assert waiting.targets[0].before == pytest.approx(asked, abs=1e-3)
    assert run(str(path), "bob-chen", "--outcome", "referred").exit_code == 0
    referred = plan_actions(load_network(path), as_of=day)
    assert referred.targets[0].before > asked  # the referral is made
    assert all(item.action != "ask-referral" for step in referred.steps for item in step.items)


def test_saying_nothing_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob-chen")
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "say what happened: --told, --contacted, --trust, --knows-my-work, --team," in said
    assert "--knows, --asked, --outcome or --note" in said


def test_find_contact_prefers_an_exact_name_to_a_fuzzy_one(tmp_path: Path) -> None:
    network = load_network(write(tmp_path))
    assert find_contact(network, "Bob Chen") == "bob-chen"
    assert find_contact(network, "bob stone") == "bob-stone"


def test_an_ask_is_written_on_one_line_with_its_day_and_counts_as_contact(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob chen", "--asked", "referral", "--for", "voltgrid/grid storage")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{path}: bob-chen: asked for a referral for Voltgrid / Grid Storage; "
        "last contact 2026-11-25\n"
    )
    assert changed_lines(NETWORK, path.read_text(encoding="utf-8")) == [
        "-    last_contact: 2026-09-14",
        "+    last_contact: 2026-11-25",
        "+    asks: [{asked: referral, company: Voltgrid, team: Grid Storage, date: 2026-11-25}]",
    ]
    (ask,) = load_network(path).contacts_by_id["bob-chen"].asks
    assert (ask.asked, ask.key, ask.pending, str(ask.date)) == (
        "referral",
        "voltgrid/grid-storage",
        True,
        "2026-11-25",
    )


def test_an_ask_waiting_for_an_answer_is_never_recorded_twice(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert (
        run(
            str(path), "bob-chen", "--asked", "intro", "--for", "Voltgrid", "--to", "eva berg"
        ).exit_code
        == 0
    )
    once = path.read_text(encoding="utf-8")
    result = run(str(path), "bob-chen", "--asked", "intro", "--for", "Voltgrid", "--to", "Eva Berg")
    assert result.exit_code == 2
    assert result.stderr == (
        "warmreach: you asked Bob Chen for this on 2026-11-25 and no answer is recorded; "
        "record what came of it with --outcome\n"
    )
    assert path.read_text(encoding="utf-8") == once


def test_an_outcome_answers_the_ask_waiting_for_it(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert (
        run(
            str(path), "bob-chen", "--asked", "intro", "--for", "Voltgrid", "--to", "eva-berg"
        ).exit_code
        == 0
    )
    result = CliRunner().invoke(
        app, ["log", str(path), "bob-chen", "--outcome", "introduced", "--date", "2026-11-27"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{path}: bob-chen: an intro to Eva Berg (Voltgrid): introduced\n"
    assert (
        "    asks: [{asked: intro, company: Voltgrid, to: Eva Berg, date: 2026-11-25, "
        "outcome: introduced, answered: 2026-11-27}]\n"
    ) in path.read_text(encoding="utf-8")
    (ask,) = load_network(path).contacts_by_id["bob-chen"].asks
    assert (ask.outcome, str(ask.answered)) == ("introduced", "2026-11-27")


def test_an_outcome_must_say_which_ask_when_several_wait(tmp_path: Path) -> None:
    path = write(tmp_path)
    for ask in (["referral", "--for", "Voltgrid/Grid Storage"], ["intro", "--for", "Voltgrid"]):
        extra = ["--to", "Eva Berg"] if ask[0] == "intro" else []
        assert run(str(path), "bob-chen", "--asked", *ask, *extra).exit_code == 0
    result = run(str(path), "bob-chen", "--outcome", "declined")
    assert result.exit_code == 2
    assert result.stderr == (
        "warmreach: Bob Chen has 2 asks waiting for an answer (a referral for Voltgrid / Grid "
        "Storage and an intro to Eva Berg (Voltgrid)); say which with --for (and --to)\n"
    )
    assert run(str(path), "bob-chen", "--outcome", "declined", "--to", "Eva Berg").exit_code == 0
    asks = load_network(path).contacts_by_id["bob-chen"].asks
    assert [ask.outcome for ask in asks] == [None, "declined"]
    assert run(str(path), "bob-chen", "--outcome", "referred").exit_code == 0
    assert [ask.outcome for ask in load_network(path).contacts_by_id["bob-chen"].asks] == [
        "referred",
        "declined",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--asked", "intro", "--for", "Voltgrid"], "--asked intro needs --to PERSON"),
        (
            ["--asked", "referral", "--for", "Voltgrid", "--to", "Eva Berg"],
            "--to is for --asked intro; a referral is for the team (--for)",
        ),
        (["--asked", "referral"], "--asked needs --for COMPANY[/TEAM]"),
        (
            ["--asked", "referral", "--for", "Voltgrid", "--outcome", "introduced"],
            "a referral ask ends in referred, declined or no-reply, not introduced",
        ),
        (
            ["--outcome", "referred", "--for", "Voltgrid"],
            "no ask of Bob Chen for Voltgrid is waiting for an answer",
        ),
        (["--asked", "intro", "--for", "Voltgrid", "--to", "bob chen"], "cannot introduce you"),
    ],
)
def test_asks_that_cannot_be_recorded_say_why_and_change_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob-chen", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert path.read_text(encoding="utf-8") == NETWORK


def test_an_ask_added_to_a_block_list_keeps_the_comments_below_it(tmp_path: Path) -> None:
    text = NETWORK.replace(
        "    knows:\n      - Eva Berg\n",
        "    knows:\n      - Eva Berg\n    asks:\n"
        "      - {asked: referral, company: Voltgrid, date: 2026-01-10, outcome: declined}\n",
    )
    path = write(tmp_path, text)
    assert (
        run(
            str(path), "bob-chen", "--asked", "intro", "--for", "Voltgrid", "--to", "Eva Berg"
        ).exit_code
        == 0
    )
    assert changed_lines(text, path.read_text(encoding="utf-8")) == [
        "-    last_contact: 2026-09-14",
        "+    last_contact: 2026-11-25",
        "+      - {asked: intro, company: Voltgrid, to: Eva Berg, date: 2026-11-25}",
    ]
    assert "date: 2026-11-25}\n\n  # people I know of\n" in path.read_text(encoding="utf-8")


def test_for_and_to_alone_are_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob-chen", "--to", "Eva Berg")
    assert result.exit_code == 2
    assert "--for and --to go with --asked or --outcome" in result.stderr


def test_knowledge_of_work_team_title_and_links_change_only_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = run(
        str(path), "Bob Stone", "--knows-my-work", "3", "--title", "Product Manager",
        "--knows", "Eva Berg:4", "--knows", "bob-chen",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{path}: bob-stone: knows your work 0 → 3; title Product Manager; "
        "knows Eva Berg (4/5); knows Bob Chen\n"
    )
    after = path.read_text(encoding="utf-8")
    assert changed_lines(NETWORK, after) == [
        "+    title: Product Manager",
        "+    knows_my_work: 3",
        "+    knows: [{name: Eva Berg, strength: 4}, Bob Chen]",
    ]
    assert after.count("#") == NETWORK.count("#")
    stone = load_network(path).contacts_by_id["bob-stone"]
    assert stone.knows_my_work == 3 and stone.title == "Product Manager"
    assert {(link.contact, link.strength) for link in stone.knows} == {
        ("eva-berg", 4),
        ("bob-chen", None),
    }
    # a link written already gets the new strength in place; the same again changes nothing
    assert run(str(path), "bob-stone", "--knows", "eva-berg:2").stdout == (
        f"{path}: bob-stone: knows Eva Berg: strength 4 → 2\n"
    )
    assert run(str(path), "bob-stone", "--knows", "Eva Berg:2").stdout == (
        f"{path}: bob-stone: nothing to change\n"
    )


def test_a_job_change_moves_the_old_company_to_the_past_and_clears_its_team(
    tmp_path: Path,
) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob chen", "--company", "Northwind", "--title", "Director")
    assert result.exit_code == 0, result.stderr
    bob = load_network(path).contacts_by_id["bob-chen"]
    assert (bob.company, bob.team, bob.title) == ("northwind", None, "Director")
    assert bob.past_company_ids == ("voltgrid",)
    assert "team cleared" in result.stdout
    # the same company again, written otherwise, is no change
    assert "nothing to change" in run(str(path), "bob chen", "--company", "northwind").stdout
    # a team given with the move is kept
    assert (
        run(str(path), "bob chen", "--company", "Voltgrid", "--team", "Grid Storage").exit_code == 0
    )
    bob = load_network(path).contacts_by_id["bob-chen"]
    assert (bob.company, bob.team, bob.past_company_ids) == (
        "voltgrid",
        "grid-storage",
        ("voltgrid", "northwind"),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--knows", "Eva Berg:9"], "the strength is 1 (acquaintance) .. 5 (close), not 9"),
        (["--knows", "Nobody Here"], "Nobody Here"),
        (["--knows", "bob-chen"], "cannot be linked to themself"),
        (["--knows-my-work", "6"], "6 is not from 0 to 5"),
        (["--team", " "], "--team needs a value"),
    ],
)
def test_bad_new_facts_change_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    path = write(tmp_path)
    result = run(str(path), "bob-chen", *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert path.read_text(encoding="utf-8") == NETWORK


def test_windows_line_endings_and_a_byte_order_mark_stay_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    original = "\ufeff" + NETWORK.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    result = run(str(path), "bob chen", "--told", "availability", "--contacted")
    assert result.exit_code == 0, result.stderr
    expected = NETWORK.replace(
        "    last_contact: 2026-09-14", "    last_contact: 2026-11-25"
    ).replace(
        "    told: [role, aspiration]", "    told: [role, aspiration, {availability: 2026-11-25}]"
    )
    assert path.read_bytes() == ("\ufeff" + expected.replace("\n", "\r\n")).encode("utf-8")


def test_a_flow_entry_wrapped_over_lines_is_written_anew_in_block_style_and_said(
    tmp_path: Path,
) -> None:
    text = (
        "me: {name: Ana, seeking: {companies: [Voltgrid]}}\n"
        "contacts:\n"
        "  # my people\n"
        "  - {name: Bob Chen, company: Voltgrid,\n"
        "     trust: 3}\n"
        "  - {name: Cy Ode}   # keep me\n"
    )
    path = write(tmp_path, text)
    result = run(str(path), "bob chen", "--asked", "referral", "--for", "Voltgrid")
    assert result.exit_code == 0, result.stderr
    assert "Bob Chen's entry written in block style" in result.stdout
    assert path.read_text(encoding="utf-8") == (
        "me: {name: Ana, seeking: {companies: [Voltgrid]}}\n"
        "contacts:\n"
        "  # my people\n"
        "  - name: Bob Chen\n"
        "    company: Voltgrid\n"
        "    trust: 3\n"
        "    last_contact: 2026-11-25\n"
        "    asks: [{asked: referral, company: Voltgrid, date: 2026-11-25}]\n"
        "  - {name: Cy Ode}   # keep me\n"
    )


def test_mixed_line_endings_take_the_files_own_and_a_lone_cr_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_bytes(b"me:\r\n  name: Ana\ncontacts:\r\n  - name: Bob\r\n")
    assert run(str(path), "bob", "--contacted").exit_code == 0
    assert path.read_bytes() == (
        b"me:\r\n  name: Ana\r\ncontacts:\r\n  - name: Bob\r\n    last_contact: 2026-11-25\r\n"
    )
    path.write_bytes(b"me:\r  name: Ana\rcontacts:\r  - name: Bob\r")
    result = run(str(path), "bob", "--contacted")
    assert result.exit_code == 1
    assert "lone CR" in result.stderr
    assert path.read_bytes() == b"me:\r  name: Ana\rcontacts:\r  - name: Bob\r"
