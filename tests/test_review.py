"""``warmreach review``: from a raw export to advice you trust.

The scenario of the issue: a realistic LinkedIn export of 330 people (a target company
with its own staff, one of them in the role you seek, people in that role elsewhere) and
a calendar whose small meetings show a few bridges. Right after the import every person
at the target scores about the same and nobody can be asked; the review asks first about
the people who matter, and a handful of answers turns the advice into real actions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from warmreach.cli import app
from warmreach.graph import NetworkIndex
from warmreach.model import Network
from warmreach.networkfile import load_network
from warmreach.networkfile.build import build_from_text
from warmreach.plan.week import plan_actions
from warmreach.progress import Progress
from warmreach.reports.words import reason_text
from warmreach.review import Question, review_queue
from warmreach.review.session import advised_actions
from warmreach.scoring import default_targets

DAY = "2026-12-01"
AS_OF = dt.date(2026, 12, 1)
TARGET = "Northwind Robotics"
#: the target's staff: the one who holds the role you seek comes first
STAFF = [
    ("Nadia Quist", "Product Manager"),
    ("Amir Soto", "Engineering Manager"),
    ("Lena Brook", "Senior Software Engineer"),
    ("Omar Lind", "Software Engineer"),
    ("Rita Vale", "Software Engineer"),
    ("Tess Moor", "Technical Recruiter"),
    ("Ugo Pratt", "Product Designer"),
    ("Hana Wolfe", "Data Scientist"),
    ("Ivo Stark", "Sales Director"),
    ("Ruth Kern", "Customer Success Lead"),
]
#: friends elsewhere whom the calendar shows meeting someone at the target with you
BRIDGES = [("Bea Lowell", "Acme Labs", "Nadia Quist"), ("Cole Hart", "Fjord Systems", "Amir Soto")]
FIRST = """Ada Ben Cleo Dev Eli Fay Gus Hal Iris Jon Kim Leo Mia Ned Ola Pia Raj Sia Ted Uma Val
Wes Xia Yan Zed Amy Bo Cam Dee Ezra Finn Gia Hope Ike Jay Kai Lou Max Nia Otto""".split()
LAST = """Abbot Baker Cruz Dunn Ellis Frost Grant Hayes Ibsen Jonas Kerr Lowe Marsh Nash Oakes
Price Quint Reyes Stone Tate Upton Voss Wade Young Zhou""".split()
COMPANIES = [
    f"{first} {second}"
    for first in "Acme Bluefin Cobalt Dynamo Ember Fjord Gale Harbor Indigo Juno".split()
    for second in ("Labs", "Systems", "Energy", "Health", "Logistics", "Bank")
]
TITLES = """Software Engineer|Senior Software Engineer|Data Analyst|Account Executive|Designer|
Operations Manager|Consultant|Marketing Manager|Product Manager|Engineering Manager""".replace(
    "\n", ""
).split("|")


def connections_csv(seed: int = 7) -> str:
    """A LinkedIn Connections.csv of 330 invented people, as LinkedIn writes it."""
    rng = random.Random(seed)
    rows = [(name, TARGET, title) for name, title in STAFF]
    rows += [(name, company, "Operations Manager") for name, company, _ in BRIDGES]
    used = {name for name, _, _ in rows}
    while len(rows) < 330:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            rows.append((name, rng.choice(COMPANIES), rng.choice(TITLES)))
    rng.shuffle(rows)
    out = io.StringIO()
    out.write('Notes:\n"When exporting your connection data, you may notice..."\n\n')
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    months = "Jan Mar Jun Sep Nov".split()
    for name, company, title in rows:
        first, last = name.split(" ", 1)
        connected = f"{rng.randint(1, 28):02d} {rng.choice(months)} {rng.randint(2014, 2024)}"
        writer.writerow([first, last, "", "", company, title, connected])
    return out.getvalue()


def calendar_ics() -> str:
    """Small meetings of you, a friend elsewhere and someone at the target."""
    events = []
    for number, (friend, _, inside) in enumerate(BRIDGES, start=1):
        people = [("Sam Doe", "sam@doe.example"), (friend, _mail(friend)), (inside, _mail(inside))]
        attendees = "".join(
            f"ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{mail}\r\n" for name, mail in people
        )
        events.append(
            f"BEGIN:VEVENT\r\nUID:m{number}@cal.example\r\nDTSTART:2026100{number}T090000Z\r\n"
            f"ORGANIZER;CN={friend}:mailto:{_mail(friend)}\r\n{attendees}END:VEVENT\r\n"
        )
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _mail(name: str) -> str:
    return name.lower().replace(" ", ".") + "@mail.example"


def why_of(question: Question) -> list[str]:
    return [reason_text(reason) for reason in question.why]


def invoke(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """The export and the calendar imported, and what you seek written in, as a user would."""
    (tmp_path / "Connections.csv").write_text(connections_csv(), encoding="utf-8")
    (tmp_path / "calendar.ics").write_text(calendar_ics(), encoding="utf-8")
    network = tmp_path / "network.yaml"
    done = invoke("import", "linkedin", str(tmp_path / "Connections.csv"), "--output",
                  str(network), "--me", "Sam Doe")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    done = invoke("import", "ics", str(tmp_path / "calendar.ics"), "--output", str(network),
                  "--merge", "--me-email", "sam@doe.example")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    text = network.read_text(encoding="utf-8").replace(
        "me:\n  name: Sam Doe\n",
        f"me:\n  name: Sam Doe\n  seeking: {{roles: [Product Manager], companies: [{TARGET}]}}\n",
    )
    network.write_text(text, encoding="utf-8")
    return network


REAL = {"ask-referral", "signal-then-ask", "ask-intro", "reach-out"}


def test_a_handful_of_answers_turns_a_raw_export_into_real_actions(imported: Path) -> None:
    network = load_network(imported)
    targets = default_targets(network)
    before = advised_actions(network, targets, AS_OF)
    assert not set(before.values()) & REAL  # nobody can be asked yet
    queue = review_queue(network, as_of=AS_OF)
    ids = {contact.name: contact.id for contact in network.contacts}
    staff = {ids[name] for name, _ in STAFF}
    bridges = {ids[name] for name, _, _ in BRIDGES}
    # first the people at the target (the one in the sought role among the very first),
    # then the bridges; nobody else
    first = [question.contact for question in queue[:12]]
    assert set(first) <= staff | bridges
    assert ids["Nadia Quist"] in first[:3]
    assert bridges <= {question.contact for question in queue}
    assert {question.contact for question in queue} <= staff | bridges
    bea = next(question for question in queue if question.contact == ids["Bea Lowell"])
    assert f"knows 1 person at {TARGET}: could introduce you or put in a word" in why_of(bea)

    # the plan for one hour leaves out the person who holds the role
    week = plan_actions(network, hours=1, as_of=AS_OF)
    assert ids["Nadia Quist"] not in {step.contact for step in week.steps}

    # answer the first four people the queue asks about; the rest is left for later
    nadia = {"trust": "4", "knows_my_work": "4", "last_contact": "2026-10",
             "told": "role;aspiration;availability"}  # fmt: skip
    hardly = {"trust": "1", "knows_my_work": "0", "last_contact": "2023"}  # hardly known
    lines = [
        (nadia if question.name == "Nadia Quist" else hardly).get(facet, "")
        for question in queue[:4]
        for facet in question.facets
    ]
    result = invoke("review", str(imported), "--as-of", DAY, "--limit", "4",
                    stdin="\n".join(lines) + "\n")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "How your advice changed:" in result.stdout
    assert "Nadia Quist: info-chat → " in result.stdout or "Nadia Quist: apply-directly → " in (
        result.stdout
    )
    after_network = load_network(imported)
    after = advised_actions(after_network, targets, AS_OF)
    assert after[ids["Nadia Quist"]] in REAL
    week = plan_actions(after_network, hours=1, as_of=AS_OF)
    assert ids["Nadia Quist"] in {step.contact for step in week.steps}


def test_a_review_ranks_the_network_once_and_reads_it_again_only_after_answers(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue and the advice before share one ranking; the file is read again for the
    advice after only when an answer was written."""
    from warmreach.review import session
    from warmreach.scoring import ranking

    reads: list[object] = []
    read = session.read_network

    def counted_read(*args: Any) -> Any:
        reads.append(args)
        return read(*args)

    models: list[object] = []
    start = ranking.ReferralModel.__init__

    def counted_start(model: ranking.ReferralModel, *args: Any, **options: Any) -> None:
        models.append(model)
        start(model, *args, **options)

    monkeypatch.setattr(session, "read_network", counted_read)
    monkeypatch.setattr(ranking.ReferralModel, "__init__", counted_start)
    quit_at_once = invoke("review", str(imported), "--as-of", DAY, stdin="q\n")
    assert quit_at_once.exit_code == 0, quit_at_once.stderr
    assert "answers about 0 of" in quit_at_once.stdout
    assert "How your advice changed" not in quit_at_once.stdout
    assert (len(reads), len(models)) == (1, 1)
    answered = invoke("review", str(imported), "--as-of", DAY, "--limit", "1", stdin="4\n")
    assert answered.exit_code == 0, answered.stderr
    assert (len(reads), len(models)) == (3, 3)  # the advice after: read and ranked again


def test_analyze_and_plan_point_to_review_when_most_ties_are_unknown(imported: Path) -> None:
    for command in ("analyze", "plan"):
        result = invoke(command, str(imported), "--as-of", DAY)
        assert result.exit_code == 0, result.stderr
        last = result.stdout.rstrip().splitlines()[-1]
        assert f"warmreach review {imported}" in last
        assert last.startswith(
            "10 people at your targets have a tie to you the file does not describe; "
            "answers about 12 people would change this advice"
        )
        # JSON keeps its fields
        assert (
            "review"
            not in invoke(command, str(imported), "--as-of", DAY, "--format", "json").stdout
        )


def test_piped_answers_are_written_as_given_and_a_wrong_one_stops(imported: Path) -> None:
    before = imported.read_text(encoding="utf-8")
    result = invoke("review", str(imported), "--as-of", DAY, "--limit", "1", stdin="high\n")
    assert result.exit_code == 2
    assert "trust must be 0..5, not 'high'" in result.stderr
    assert imported.read_text(encoding="utf-8") == before
    # the end of the input ends the review; what was answered stays
    result = invoke("review", str(imported), "--as-of", DAY, "--limit", "3", stdin="3\n2\n")
    assert result.exit_code == 0, result.stderr
    assert "answers about 1 of 1 people written" in result.stdout
    after = imported.read_text(encoding="utf-8")
    assert after.count("\n") == before.count("\n") + 2  # trust and knows_my_work
    assert after.splitlines()[:3] == before.splitlines()[:3]  # the comments stay


def test_the_queue_is_deterministic_and_asks_nobody_whose_answers_change_nothing(
    imported: Path,
) -> None:
    network = load_network(imported)
    first = review_queue(network, as_of=AS_OF)
    assert first == review_queue(load_network(imported), as_of=AS_OF)
    asked = {question.contact for question in first}
    # nobody is asked about who is neither at the target nor linked to someone there
    index = NetworkIndex.build(network)
    staff = set(index.staff[slug(TARGET)])
    linked = {person for person in index.knows if staff & set(index.knows[person])}
    assert asked <= staff | linked
    assert len(asked) == 12


def slug(text: str) -> str:
    return text.lower().replace(" ", "-")


# -- a real terminal --------------------------------------------------------------------------


def test_in_a_terminal_a_wrong_answer_is_asked_again_and_q_keeps_what_was_said(
    imported: Path,
) -> None:
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "warmreach", "review", str(imported), "--as-of", DAY, "--limit", "2"],
        stdin=follower, stdout=follower, stderr=follower, close_fds=True,
        env={**os.environ, "COLUMNS": "200", "TERM": "dumb"},
    )  # fmt: skip
    os.close(follower)
    seen = ""

    def until(text: str) -> None:
        nonlocal seen
        deadline = time.monotonic() + 60
        while text not in seen:
            assert time.monotonic() < deadline, f"no {text!r} in {seen[-500:]!r}"
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    seen += os.read(leader, 4096).decode("utf-8", "replace")
                except OSError:
                    break

    until("How well do they know you? 0 know of them only")
    os.write(leader, b"seven\r")
    until("trust must be 0..5, not 'seven'; try again, or Enter to skip")
    os.write(leader, b"5\r")
    until("How well do they know your work?")
    os.write(leader, b"q\r")
    until("answers about")
    process.wait(timeout=60)
    os.close(leader)
    assert process.returncode == 0
    assert "answers about 1 of 1 people written" in seen
    network = load_network(imported)
    assert any(contact.trust == 5 and contact.trust_written for contact in network.contacts)


# -- worksheets -------------------------------------------------------------------------------


def worksheet_of(network: Path, tmp_path: Path) -> tuple[Path, list[list[str]]]:
    sheet = tmp_path / "queue.csv"
    done = invoke("review", str(network), "--as-of", DAY, "--worksheet", str(sheet))
    assert done.exit_code == 0, done.stderr
    assert f"then: warmreach review {network} --apply {sheet}" in done.stdout
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))
    return sheet, rows


def test_a_worksheet_lists_the_queue_and_blank_rows_change_nothing(
    imported: Path, tmp_path: Path
) -> None:
    sheet, rows = worksheet_of(imported, tmp_path)
    assert rows[0] == ["contact", "name", "company", "title", "why", "trust", "knows_my_work",
                       "last_contact", "told", "team"]  # fmt: skip
    queue = review_queue(load_network(imported), as_of=AS_OF, limit=10)
    assert [row[0] for row in rows[1:]] == [question.contact for question in queue]
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8 by its BOM
    before = imported.read_bytes()
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    assert imported.read_bytes() == before  # not even rewritten
    # writing the sheet again refuses to overwrite it without --force
    again = invoke("review", str(imported), "--as-of", DAY, "--worksheet", str(sheet))
    assert again.exit_code == 1 and "exists" in again.stderr


def test_a_filled_worksheet_applies_and_says_how_the_advice_changed(
    imported: Path, tmp_path: Path
) -> None:
    sheet, rows = worksheet_of(imported, tmp_path)
    nadia = next(row for row in rows if row[1] == "Nadia Quist")
    nadia[5:9] = ["4", "4", "2026-10-20", "role;aspiration;availability"]
    write_rows(sheet, rows)
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    assert "answers about 1 of 1 people written" in applied.stdout
    assert "Nadia Quist: info-chat → ask-referral" in applied.stdout
    person = next(c for c in load_network(imported).contacts if c.name == "Nadia Quist")
    assert (person.trust, person.knows_my_work, str(person.last_contact)) == (4, 4, "2026-10-20")
    assert person.told == ("role", "aspiration", "availability")


def test_applying_a_worksheet_through_the_cache_parses_only_what_it_writes(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read from the entry the worksheet left, with its index (the advice
    before is ranked with it), the bytes written are parsed and indexed once to be
    checked, and the advice after is read from what that check kept: the same report as
    without the cache."""
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(tmp_path / "cache"))
    sheet, rows = worksheet_of(imported, tmp_path)
    nadia = next(row for row in rows if row[1] == "Nadia Quist")
    nadia[5:9] = ["4", "4", "2026-10-20", "role;aspiration;availability"]
    write_rows(sheet, rows)
    uncached = tmp_path / "uncached.yaml"
    uncached.write_bytes(imported.read_bytes())
    parsed: list[str] = []
    indexed: list[Network] = []

    def counted(text: str, file: str, progress: Progress) -> Network:
        parsed.append(file)
        return build_from_text(text, file, progress)

    build_index = NetworkIndex.build

    def index_counted(network: Network, knows: Any = None) -> NetworkIndex:
        indexed.append(network)
        return build_index(network, knows)

    # what parse_network calls for every file it reads, and what makes every index
    monkeypatch.setattr("warmreach.networkfile.build.build_from_text", counted)
    monkeypatch.setattr(NetworkIndex, "build", index_counted)
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    assert "Nadia Quist: info-chat → ask-referral" in applied.stdout
    assert parsed == [str(imported)]
    assert len(indexed) == 1
    plain = invoke("--no-cache", "review", str(uncached), "--as-of", DAY, "--apply", str(sheet))
    assert plain.stdout == applied.stdout.replace(str(imported), str(uncached))
    assert uncached.read_bytes() == imported.read_bytes()


def write_rows(sheet: Path, rows: list[list[str]], *, delimiter: str = ",", bom: str = "\ufeff",
               end: str = "\r\n") -> None:  # fmt: skip
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator=end).writerows(rows)
    sheet.write_text(bom + text.getvalue(), encoding="utf-8", newline="")


def test_a_bad_cell_changes_nothing_and_every_one_is_located(
    imported: Path, tmp_path: Path
) -> None:
    sheet, rows = worksheet_of(imported, tmp_path)
    rows[1][5] = "high"
    rows[2][7] = "25/11/2026"
    rows[3][8] = "role;salary"
    rows[4][0] = "nobody-here"
    write_rows(sheet, rows)
    before = imported.read_bytes()
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 3
    assert applied.stderr.splitlines() == [
        f"{sheet}:2:6: trust must be 0..5, not 'high'",
        f"{sheet}:3:8: last_contact must be written YYYY-MM-DD (2026-11-25), YYYY-MM or YYYY, "
        "not '25/11/2026'",
        f"{sheet}:4:9: told must be any of role, aspiration, availability (separated by ';'), "
        "not 'salary'",
        f"{sheet}:5:1: no contact with id 'nobody-here'",
    ]
    assert imported.read_bytes() == before


def test_a_sheet_saved_by_a_spreadsheet_with_semicolons_and_a_bom_applies(
    imported: Path, tmp_path: Path
) -> None:
    sheet, rows = worksheet_of(imported, tmp_path)
    rows[1][5] = "3"
    rows[1][8] = "aspiration"
    write_rows(sheet, rows, delimiter=";", end="\r\n")
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    person = load_network(imported).contacts_by_id[rows[1][0]]
    assert (person.trust, person.told) == (3, ("aspiration",))
    # Windows-1252 without a BOM, as an older spreadsheet saves "CSV"
    rows[1][5] = "5"
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    sheet.write_bytes(text.getvalue().replace("→", "->").encode("cp1252", errors="replace"))
    applied = invoke("review", str(imported), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    assert load_network(imported).contacts_by_id[rows[1][0]].trust == 5


def test_formula_looking_names_stay_text_in_the_sheet(tmp_path: Path) -> None:
    network = tmp_path / "network.yaml"
    network.write_text(
        "me: {name: Ana, seeking: {companies: [Voltgrid]}}\n"
        "contacts:\n"
        '  - {name: \'=HYPERLINK("http://evil.example","x")\', company: Voltgrid, '
        "title: '+1 Engineer', met: 2020}\n"
        "  - {name: '@SUM(A1)', company: Voltgrid, title: '-Lead', met: 2021}\n",
        encoding="utf-8",
    )
    sheet, rows = worksheet_of(network, tmp_path)
    cells = [cell for row in rows[1:] for cell in row[:5]]
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    # and the sheet applies back, the quote a spreadsheet keeps taken off
    rows[1][5] = "2"
    write_rows(sheet, rows)
    applied = invoke("review", str(network), "--as-of", DAY, "--apply", str(sheet))
    assert applied.exit_code == 0, applied.stderr
    assert load_network(network).contacts_by_id[rows[1][0]].trust == 2


# -- properties -------------------------------------------------------------------------------

from hypothesis import event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.helpers import examples  # noqa: E402
from tests.test_scoring_properties import AS_OF as PROPERTY_DAY  # noqa: E402
from tests.test_scoring_properties import networks, replace_contact  # noqa: E402
from warmreach.model import Contact, Evidence  # noqa: E402
from warmreach.plan.value import interview_chance as combined_chance  # noqa: E402
from warmreach.review import queue as queues  # noqa: E402
from warmreach.review import weigh  # noqa: E402
from warmreach.scoring import ReferralModel  # noqa: E402


@st.composite
def unsure_networks(draw: st.DrawFn) -> Network:
    """Networks where some ties are left to the defaults, as imports leave them, and some
    people written as known of have since been seen dealing with you."""
    network = draw(networks())
    for index, contact in enumerate(network.contacts):
        if contact.trust == 0:
            if draw(st.booleans()):
                seen = Evidence(source="mbox mail.mbox", sent=2, received=draw(st.integers(1, 9)))
                network = replace_contact(network, index, evidence=(seen,))
            continue
        unwritten = draw(st.booleans())
        network = replace_contact(
            network, index, trust=1 if unwritten else contact.trust,
            knows_my_work=0 if unwritten else contact.knows_my_work, trust_written=not unwritten,
            work_written=not unwritten, last_contact=None if unwritten else contact.last_contact,
        )  # fmt: skip
    return network


def fresh_chances(network: Network) -> list[float]:
    """Each target's chance, from a model built afresh."""
    model = ReferralModel(network, as_of=PROPERTY_DAY)
    return [
        combined_chance(weigh.entry(item) for item in model.evaluate(target))
        for target in default_targets(network)
    ]


def answered(network: Network, contact: Contact, answer: weigh.Answer) -> Network:
    """``network`` with ``answer`` written into ``contact``'s record."""
    return replace_contact(
        network, network.contacts.index(contact),
        trust=contact.trust if answer.trust is None else answer.trust,
        knows_my_work=contact.knows_my_work if answer.work is None else answer.work,
        trust_written=contact.trust_written or answer.trust is not None,
        work_written=contact.work_written or answer.work is not None,
        last_contact=answer.last or contact.last_contact,
    )  # fmt: skip


@given(unsure_networks())
@settings(max_examples=examples(150), deadline=None)
def test_each_answer_is_weighed_as_a_fresh_analysis_of_the_answered_file_scores_it(
    network: Network,
) -> None:
    model = ReferralModel(network, as_of=PROPERTY_DAY)
    targets = default_targets(network)
    base = weigh.Chances(model, targets)
    weighed = 0
    for contact in network.contacts:
        for answer in queues._answers(
            model, contact, targets, queues._facets(model, contact, targets)
        ):
            if answer.team is not None:
                continue  # weighed by the person's own standing only (docs/review.md)
            view = weigh.changed_model(model, contact, answer)
            fresh = fresh_chances(answered(network, contact, answer))
            for number, target in enumerate(targets):
                chance = base._chance(view, contact, number, target, answer)
                assert chance == pytest.approx(fresh[number], abs=1e-9), contact.id
            weighed += 1
    event(f"answers weighed: {min(weighed, 10)}+")


@given(unsure_networks(), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_an_answer_that_raises_a_tie_lowers_nobodys_score(
    network: Network, data: st.DataObject
) -> None:
    model = ReferralModel(network, as_of=PROPERTY_DAY)
    targets = default_targets(network)
    contact = data.draw(st.sampled_from(network.contacts))
    before = ReferralModel(network, as_of=PROPERTY_DAY)
    for answer in queues._answers(model, contact, targets, queues._facets(model, contact, targets)):
        if answer.last is not None or (answer.trust or 0) < contact.trust:
            continue
        if answer.work is not None and answer.work < contact.knows_my_work:
            continue
        after = ReferralModel(answered(network, contact, answer), as_of=PROPERTY_DAY)
        for target in targets:
            old = {item.contact.id: item.score for item in before.evaluate(target)}
            for item in after.evaluate(target):
                assert item.score >= old[item.contact.id] - 1e-9, item.contact.id


@given(unsure_networks(), st.randoms(use_true_random=False))
@settings(max_examples=examples(120), deadline=None)
def test_the_queue_is_the_same_in_any_file_order_and_asks_only_what_could_change_a_route(
    network: Network, random_order: random.Random
) -> None:
    queue = review_queue(network, as_of=PROPERTY_DAY)
    contacts = list(network.contacts)
    random_order.shuffle(contacts)
    shuffled = review_queue(
        dataclasses_replace(network, contacts=tuple(contacts)), as_of=PROPERTY_DAY
    )
    assert [(q.contact, round(q.value, 9)) for q in queue] == [
        (q.contact, round(q.value, 9)) for q in shuffled
    ]
    model = ReferralModel(network, as_of=PROPERTY_DAY)
    near = set()
    for target in default_targets(network):
        for item in model.evaluate(target):
            near |= weigh.reach(model, item.contact.id)
    for question in queue:
        assert question.contact in near  # a candidate, or within two links of one
        assert question.value >= queues.MIN_VALUE
        contact = network.contacts_by_id[question.contact]
        # something about them is open: an unwritten tie, an unknown last contact or team
        assert (
            not contact.trust_written
            or not contact.work_written
            or contact.last_contact is None
            or "team" in question.facets
            or question.seen is not None
        )


def dataclasses_replace(network: Network, **changes: object) -> Network:
    import dataclasses

    return dataclasses.replace(network, **changes)  # type: ignore[arg-type]


def test_the_worked_example_of_the_docs_is_what_the_queue_computes() -> None:
    import re

    from warmreach.networkfile import parse_network

    doc = (Path(__file__).parents[1] / "docs" / "review.md").read_text(encoding="utf-8")
    example = doc.split("### A worked example", 1)[1]
    network = parse_network(example.split("```yaml\n", 1)[1].split("```", 1)[0])
    queue = review_queue(network, as_of=AS_OF)
    assert [(q.name, f"{q.value:.3f}") for q in queue] == [
        ("Bob Chen", "0.097"),
        ("Eva Berg", "0.082"),
    ]
    assert (
        "Bob's value is the sum, 0.097; Eva's (her tie, her last contact and her team) is 0.082"
        in (" ".join(example.split()))
    )
    model = ReferralModel(network, as_of=AS_OF)
    targets = default_targets(network)
    bob = network.contacts_by_id["bob-chen"]
    base = weigh.Chances(model, targets)
    assert f"your chance at the opening is {base.chances[0]:.3f}" in " ".join(example.split())
    rows = re.findall(r"^\| (?:an|a) [a-z ]+ \| [a-z ]+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$",
                      example, re.MULTILINE)  # fmt: skip
    answers = queues._answers(model, bob, targets, queues._facets(model, bob, targets))
    computed = []
    for answer in answers:
        chance = base._chance(weigh.changed_model(model, bob, answer), bob, 0, targets[0], answer)
        computed.append((f"{answer.weight:.2f}", f"{chance:.3f}",
                         f"{answer.weight * abs(chance - base.chances[0]):.4f}"))  # fmt: skip
    assert rows == computed


def test_someone_known_of_whom_the_evidence_shows_you_deal_with_is_asked_about() -> None:
    from warmreach.networkfile import parse_network

    network = parse_network(
        """
me: {name: Ana, seeking: {companies: [Voltgrid]}}
contacts:
  - name: Eva Berg
    company: Voltgrid
    trust: 0
    evidence: [{source: mbox mail.mbox, sent: 5, received: 4, last: 2026-10-02}]
  - {name: Omar Lind, company: Voltgrid, trust: 0}
"""
    )
    queue = review_queue(network, as_of=AS_OF)
    assert [question.name for question in queue] == ["Eva Berg"]  # Omar: nothing to ask
    (eva,) = queue
    assert why_of(eva)[-3:] == [
        "9 messages both ways, last on 2 October 2026",
        "the file has them as someone you know of, but you deal with each other: do you know them?",
        "not known: how well they know you, how well they know your work",
    ]
    assert eva.facets[0] == "trust"


@given(unsure_networks())
@settings(max_examples=examples(150), deadline=None)
def test_skipping_the_answers_between_the_weakest_and_the_strongest_changes_no_one_asked(
    network: Network,
) -> None:
    model = ReferralModel(network, as_of=PROPERTY_DAY)
    targets = default_targets(network)
    base = weigh.Chances(model, targets)
    for contact in network.contacts:
        answers = queues._answers(model, contact, targets, queues._facets(model, contact, targets))
        if not answers:
            continue
        around = weigh.reach(model, contact.id)
        full = sum(
            answer.weight * sum(base._changes(contact, answer, around)) for answer in answers
        ) / len(targets)
        quick = base.value_of(contact, answers)
        if full >= queues.MIN_VALUE:
            assert quick == pytest.approx(full, abs=1e-12)
        else:
            assert quick < queues.MIN_VALUE


def test_answers_go_into_a_windows_file_as_its_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_bytes(
        b"me: {name: Ana, seeking: {companies: [Voltgrid]}}\r\ncontacts:\r\n"
        b"  - name: Bob Chen\r\n    company: Voltgrid\r\n    met: 2020\r\n"
    )
    result = invoke("review", str(path), "--as-of", DAY, stdin="4\n3\n2026-10\n\n")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == (
        b"me: {name: Ana, seeking: {companies: [Voltgrid]}}\r\ncontacts:\r\n"
        b"  - name: Bob Chen\r\n    company: Voltgrid\r\n    trust: 4\r\n    knows_my_work: 3\r\n"
        b"    met: 2020\r\n    last_contact: 2026-10\r\n"
    )
