"""Evidence from what you did: the LinkedIn data archive, a mailbox and a calendar.

The fixtures in tests/data/exports (``linkedin-archive/``, ``mail.mbox``, ``calendar.ics``)
are invented people with every quirk the readers must survive: a byte-order mark and a
preamble, a renamed ``messages (1).csv``, a cold recruiter, bulk and no-reply mail, an
encoded and an 8-bit name, a header nobody can read, a mailbox cut off in a header, an
Outlook "Last, First" name folded over two lines, a room, a declined invitation, a
cancelled meeting and an all-hands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from tests.helpers import ROOT, examples
from warmreach.cli import app
from warmreach.errors import WarmreachError
from warmreach.importers import read_archive, read_ics, read_mbox
from warmreach.importers.archive import MAX_RATIO
from warmreach.importers.evidence import MAX_TOGETHER, learn_domains, work_domain
from warmreach.importers.records import Export, Incoming
from warmreach.model import Contact, Evidence, Me, PartialDate
from warmreach.networkfile import load_network, parse_network
from warmreach.scoring import analyze, default_targets
from warmreach.scoring.ties import (
    MIN_VOUCH_TRUST,
    RECOMMENDED_WORK,
    evidence_trust,
    evidence_work,
    may_vouch,
    tie_strength,
    written_quality,
)

EXPORTS = ROOT / "tests" / "data" / "exports"
ARCHIVE = EXPORTS / "linkedin-archive"
MBOX = EXPORTS / "mail.mbox"
ICS = EXPORTS / "calendar.ics"
TODAY = dt.date(2026, 12, 1)
LIMIT = 50_000_000


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def by_name(export: Export) -> dict[str, Incoming]:
    return {person.name: person for person in export.people}


def zipped(folder: Path, target: Path, extra: dict[str, bytes] | None = None) -> Path:
    """The folder as LinkedIn's zip, with ``extra`` members."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, str(file.relative_to(folder)))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return target


def mail(sender: str, to: str, day: int, *, cc: str = "", label: str = "", extra: str = "") -> str:
    """One message of an mbox, on a day of November 2026."""
    return (
        f"From x@y Mon Nov {day:2d} 10:00:00 +0000 2026\n"
        f"From: {sender}\nTo: {to}\n"
        + (f"Cc: {cc}\n" if cc else "")
        + f"Date: Mon, {day} Nov 2026 10:00:00 +0000\n"
        + (f"X-Gmail-Labels: {label}\n" if label else "")
        + extra
        + "\nA body, never read.\n\n"
    )


# -- the LinkedIn archive ---------------------------------------------------------------------


def test_the_archive_gives_you_your_role_and_what_you_seek() -> None:
    me = read_archive(ARCHIVE, max_bytes=LIMIT).me
    assert me is not None
    assert (me.name, me.role, me.company) == (
        "Mira Okafor",
        "Senior Data Analyst",  # the current position, not the headline or a past one
        "Brightwave Analytics AB",
    )
    assert (me.roles, me.industries, me.companies) == (
        ("Data Product Manager",),
        ("Renewable Energy",),
        ("Voltgrid",),
    )


def test_the_archive_counts_messages_endorsements_and_recommendations() -> None:
    export = read_archive(ARCHIVE, max_bytes=LIMIT)
    people = by_name(export)
    jonas = people["Jonas Berg"].evidence
    # two messages from him, one to him and one to the group conversation he is in;
    # the rejected endorsement (Lena's) is not counted
    assert jonas is not None
    assert (jonas.sent, jonas.received, jonas.endorsed_you) == (2, 2, 2)
    assert (str(jonas.first), str(jonas.last)) == ("2026-06-01", "2026-10-04")
    assert people["Lena Vik"].evidence is None
    sofia, priya = people["Sofia Lund"].evidence, people["Priya Raman"].evidence
    assert sofia is not None and str(sofia.recommended_you) == "2021-02-14"
    assert priya is not None and str(priya.you_recommended) == "2025-11-02"
    # an invitation's note is a message; an invitation without one is not
    oskar = people["Oskar Nyberg"].evidence
    assert oskar is not None and (oskar.sent, oskar.received) == (2, 1)
    assert "Dana Frost" not in people
    # the recruiter wrote twice and had no answer: someone you know of at most
    assert people["Kim Hale"].known_of
    # one group conversation, however many messages: the two in it know each other once
    assert [(link.one, link.other, link.count) for link in export.links] == [
        (
            "linkedin:linkedin.com/in/jonas-berg-example",
            "linkedin:linkedin.com/in/oskar-nyberg-example",
            1,
        ),
    ]


def test_a_zip_reads_as_its_folder(tmp_path: Path) -> None:
    folder = read_archive(ARCHIVE, max_bytes=LIMIT)
    archive = read_archive(
        zipped(ARCHIVE, tmp_path / "Basic_LinkedInDataExport.zip"), max_bytes=LIMIT
    )
    assert archive.people == folder.people
    assert archive.me == folder.me
    assert archive.links == folder.links


def test_a_zip_member_outside_the_archive_is_refused_and_counted(tmp_path: Path) -> None:
    evil = b"CONVERSATION ID,FROM,TO,DATE\n1,Eve,Mira Okafor,2026-01-01 00:00:00 UTC\n"
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(ARCHIVE / "Profile.csv", folder)
    export = read_archive(
        zipped(folder, tmp_path / "evil.zip", {"../messages.csv": evil}), max_bytes=LIMIT
    )
    assert [skip.reason for skip in export.skipped] == [
        "../messages.csv: a path outside the archive"
    ]
    assert export.people == ()


def test_a_zip_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Connections.csv", "w") as member,
    ):
        for _ in range(20):
            member.write(b"\0" * 1_000_000)
    with pytest.raises(WarmreachError, match="refused as a zip bomb"):
        read_archive(bomb, max_bytes=LIMIT)
    result = run("import", "linkedin", str(bomb), "--output", str(tmp_path / "n.yaml"))
    assert result.exit_code != 0
    assert "zip bomb" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "n.yaml").exists()
    assert MAX_RATIO < 1000  # what twenty megabytes of zeros expand by


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a LinkedIn archive"),
        (b"PK\x03\x04" + b"\0" * 40, "not a LinkedIn archive"),
    ],
)
def test_a_broken_zip_is_one_located_line(tmp_path: Path, data: bytes, message: str) -> None:
    file = tmp_path / "export.zip"
    file.write_bytes(data)
    result = run("import", "linkedin", str(file), "--output", str(tmp_path / "n.yaml"))
    assert result.exit_code != 0
    assert result.stderr.startswith(f"warmreach: {file}") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_without_the_archive_s_files_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    result = run("import", "linkedin", str(tmp_path), "--output", str(tmp_path / "n.yaml"))
    assert result.exit_code != 0
    assert "none of the LinkedIn archive's files" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_member_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as members:
        members.writestr("Invitations.csv", b"From,To,Direction\n" + b"x" * 5000)
    with pytest.raises(WarmreachError, match=r"over the 0\.004 MB limit"):
        read_archive(archive, max_bytes=4000)


# -- the mailbox ------------------------------------------------------------------------------


def test_the_mailbox_counts_both_ways_and_leaves_out_bulk_and_broken_mail() -> None:
    with MBOX.open("rb") as stream:
        export = read_mbox(stream, "mail.mbox")
    people = by_name(export)
    # yours are found from the mail labelled Sent; the mail cut off at the end is not read
    jonas = people["Jonas Berg"].evidence
    assert jonas is not None and (jonas.sent, jonas.received) == (2, 3)
    assert (str(jonas.first), str(jonas.last)) == ("2026-11-02", "2026-11-10")
    # an 8-bit name and an encoded one; a one-way cold message makes no tie
    assert "René Dubois" in people and "Hugo Åström" in people
    assert people["Kim Hale"].known_of and not people["Jonas Berg"].known_of
    # the newsletter, the shop and the no-reply sender are nobody
    assert {"Grid Weekly", "Shop", "Voltgrid Careers"}.isdisjoint(people)
    assert all("gridweekly" not in (person.email or "") for person in export.people)
    assert {one: count for one, _, count in export.ignored} == {
        "bulk message": 3,
        "message that could not be read": 1,
        "message cut off at the end of the file": 1,
    }
    # Jonas copied Hugo on a mail to you: they know each other; Hugo is someone you know of
    assert [(link.one, link.other) for link in export.links] == [
        ("email:hugo.astrom@voltgrid.example", "email:jonas.berg@voltgrid.example")
    ]
    assert people["Hugo Åström"].known_of and people["Hugo Åström"].evidence is None


def test_your_addresses_can_be_given_or_are_the_commonest_recipient() -> None:
    box = (
        mail("Bo Lee <bo@acme.test>", "me@home.test", 2)
        + mail("me@home.test", "Bo Lee <bo@acme.test>", 3)
        + mail("Cy Dahl <cy@beta.test>", "me@home.test", 4)
    )
    found = read_mbox(io.BytesIO(box.encode()), "box")
    given_ = read_mbox(io.BytesIO(box.encode()), "box", own=["ME@home.test"])
    for export in (found, given_):
        people = by_name(export)
        bo = people["Bo Lee"].evidence
        assert bo is not None and (bo.sent, bo.received) == (1, 1)
        assert "me@home.test" not in {person.email for person in export.people}


def test_a_from_line_in_a_body_is_not_a_message() -> None:
    box = mail("Bo Lee <bo@acme.test>", "me@home.test", 2).replace(
        "A body, never read.", "A body.\n\nFrom the harbour we sailed at dawn.\nFrom: not a header"
    ) + mail("me@home.test", "bo@acme.test", 3)
    export = read_mbox(io.BytesIO(box.encode()), "box", own=["me@home.test"])
    assert [
        (p.name, p.evidence and (p.evidence.sent, p.evidence.received)) for p in export.people
    ] == [("Bo Lee", (1, 1))]


def test_a_header_that_never_ends_is_a_counted_skip() -> None:
    endless = mail("Bo <bo@acme.test>", "me@home.test", 2, extra="X-Junk: " + "x" * 300_000 + "\n")
    box = endless + mail("me@home.test", "bo@acme.test", 3)
    export = read_mbox(io.BytesIO(box.encode()), "box", own=["me@home.test"])
    assert {one: count for one, _, count in export.ignored}["message that could not be read"] == 1


def test_a_file_with_no_message_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("Dear diary,\nFrom today on I keep notes.\n")
    result = run("import", "mbox", str(file), "--output", str(tmp_path / "n.yaml"), "--me", "Ana")
    assert result.exit_code != 0
    assert (
        result.stderr.strip()
        == f"warmreach: {file}: no message found; an mbox file starts with 'From '"
    )


def test_nothing_but_counts_and_days_is_kept(tmp_path: Path) -> None:
    output = import_all(tmp_path)
    text = output.read_text()
    for private in (
        "Private",
        "never read",
        "never kept",
        "Exciting opportunity",
        "Room 4",
        "Forecast review",
        "Cold recruiter",
        "grid meetup",
        "Dashboards",
    ):
        assert private not in text


# -- the calendar -----------------------------------------------------------------------------


def test_the_calendar_counts_meetings_alone_and_in_a_few() -> None:
    export = read_ics(ICS.read_bytes(), "calendar.ics")
    people = by_name(export)
    # Outlook's "Berg, Jonas", his address folded over two lines
    jonas = people["Jonas Berg"].evidence
    assert jonas is not None and (jonas.meetings, jonas.together) == (2, 0)
    assert not people["Jonas Berg"].known_of
    # Priya invited you twice to meet Tomas: they know each other, and Tomas you know of
    tomas = people["Tomas Eklund"]
    assert tomas.known_of and tomas.evidence is not None and tomas.evidence.together == 2
    assert [(link.one, link.other, link.count) for link in export.links] == [
        ("email:priya.raman@brightwave.example", "email:tomas.eklund@voltgrid.example", 2)
    ]
    # the room, Lena who declined, Oskar's cancelled meeting and the all-hands are left out
    assert set(people) == {"Jonas Berg", "Priya Raman", "Tomas Eklund"}
    assert export.ignored == (("large event", "large events", 1),)


@pytest.mark.parametrize("size", [MAX_TOGETHER, MAX_TOGETHER + 1])
def test_links_come_from_meetings_of_at_most_eight(size: int) -> None:
    attendees = "".join(
        f"ATTENDEE;CN=Guest {i}:mailto:guest{i}@acme.test\n" for i in range(1, size)
    )
    ics = (
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261103T090000Z\n"
        f"ORGANIZER:mailto:me@home.test\nATTENDEE:mailto:me@home.test\n{attendees}"
        "END:VEVENT\nEND:VCALENDAR\n"
    )
    export = read_ics(ics.encode(), "c.ics", own=["me@home.test"])
    pairs = (size - 1) * (size - 2) // 2
    assert len(export.links) == (pairs if size <= MAX_TOGETHER else 0)


def test_a_mail_to_more_than_eight_makes_no_link() -> None:
    def copied(count: int) -> str:
        return ", ".join(f"p{i}@acme.test" for i in range(count))

    few = read_mbox(
        io.BytesIO(mail("a@acme.test", "me@home.test", 2, cc=copied(6)).encode()),
        "b",
        own=["me@home.test"],
    )
    many = read_mbox(
        io.BytesIO(mail("a@acme.test", "me@home.test", 2, cc=copied(7)).encode()),
        "b",
        own=["me@home.test"],
    )
    assert len(few.links) == 21 and many.links == ()  # 8 people with you; then 9


def test_a_file_that_is_not_a_calendar_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "c.ics"
    file.write_text("BEGIN:VCARD\nFN:Bo\nEND:VCARD\n")
    result = run("import", "ics", str(file), "--output", str(tmp_path / "n.yaml"), "--me", "Ana")
    assert result.exit_code != 0
    assert "no BEGIN:VCALENDAR" in result.stderr and "Traceback" not in result.stderr


# -- companies from e-mail domains ------------------------------------------------------------


def test_a_domain_names_a_company_only_when_one_company_has_it() -> None:
    assert learn_domains([("Acme", "bo@acme.test"), ("Acme AB", "cy@acme.test")]) == {
        "acme.test": "Acme"
    }
    assert learn_domains([("Acme", "bo@acme.test"), ("Beta", "cy@acme.test")]) == {}
    # free mail says nothing of an employer, however many people of one company use it
    assert learn_domains([("Acme", "bo@gmail.com"), ("Acme", "cy@gmail.com")]) == {}
    assert work_domain("bo@GMAIL.com") is None and work_domain("bo@Acme.Test.") == "acme.test"


def test_imported_people_get_the_company_of_their_work_address(tmp_path: Path) -> None:
    network = load_network(import_all(tmp_path))
    contacts = network.contacts_by_id
    # Jonas's Voltgrid address teaches voltgrid.example; Oskar's Gmail teaches nothing
    assert contacts["tomas-eklund"].company == contacts["jonas-berg"].company == "voltgrid"
    assert contacts["hugo-astrom"].company == "voltgrid"
    assert contacts["rene-dubois"].company is None  # sunforge.example: no one to learn it from


# -- the network file: evidence apart, yours always wins --------------------------------------


def import_all(tmp_path: Path) -> Path:
    output = tmp_path / "network.yaml"
    for source, file, *merge in (
        ("linkedin", ARCHIVE),
        ("mbox", MBOX, "--merge"),
        ("ics", ICS, "--merge"),
    ):
        result = run("import", source, str(file), "--output", str(output), *map(str, merge))
        assert result.exit_code == 0, result.stderr
    return output


def test_importing_everything_again_changes_nothing(tmp_path: Path) -> None:
    output = import_all(tmp_path)
    before = output.read_bytes()
    for source, file in (("ics", ICS), ("linkedin", ARCHIVE), ("mbox", MBOX)):
        result = run("import", source, str(file), "--output", str(output), "--merge")
        assert result.exit_code == 0, result.stderr
        assert "nothing changed" in result.stdout
    assert output.read_bytes() == before


def test_the_import_summary_says_what_was_left_out(tmp_path: Path) -> None:
    output = tmp_path / "n.yaml"
    run("import", "linkedin", str(ARCHIVE), "--output", str(output))
    result = run("import", "mbox", str(MBOX), "--output", str(output), "--merge")
    assert result.stdout.splitlines()[1] == (
        "Left out: 3 bulk messages, 1 message that could not be read, 1 message cut off at "
        "the end of the file, 1 person seen only in one-way mail, not added"
    )


def test_a_new_file_from_an_archive_that_names_dream_companies_needs_no_target(
    tmp_path: Path,
) -> None:
    """The archive's job preferences name Voltgrid: the new file seeks it, so the review
    the summary suggests needs no --target, and runs as suggested."""
    output = tmp_path / "n.yaml"
    result = run("import", "linkedin", str(ARCHIVE), "--output", str(output))
    assert result.exit_code == 0, result.stderr
    assert load_network(output).me.seeking.companies == ("voltgrid",)
    assert f"; warmreach review {output} asks" in result.stdout
    assert "--target" not in result.stdout
    sheet = tmp_path / "queue.csv"
    followed = run("review", str(output), "--as-of", "2026-11-25", "--worksheet", str(sheet))
    assert followed.exit_code == 0, followed.stderr


def test_people_met_only_beside_others_are_known_of_and_linked(tmp_path: Path) -> None:
    network = load_network(import_all(tmp_path))
    contacts = network.contacts_by_id
    assert "kim-hale" not in contacts  # one-way mail, no one to reach them by: left out
    tomas = contacts["tomas-eklund"]
    # known of, as the evidence says, not as written: a later import may find more
    assert (tomas.trust, tomas.trust_written) == (0, False)
    priya = contacts["priya-raman"]
    assert [(link.contact, link.strength) for link in priya.knows] == [("tomas-eklund", 3)]
    assert [(link.contact, link.strength) for link in contacts["hugo-astrom"].knows] == [
        ("jonas-berg", 2)
    ]
    # the file leaves trust out for the people you deal with: evidence tells
    assert not contacts["jonas-berg"].trust_written
    assert [record.source for record in contacts["jonas-berg"].evidence] == [
        "linkedin",
        "mbox mail.mbox",
        "ics calendar.ics",
    ]


def test_a_merge_never_changes_what_you_wrote(tmp_path: Path) -> None:
    written = (
        "me: {name: Mira Okafor}\n"
        "contacts:\n"
        "  - name: Jonas Berg  # my old team lead\n"
        "    trust: 2\n"
        "    knows_my_work: 1\n"
        "    met: 2015\n"
        "    last_contact: 2026-11-30\n"
    )
    output = tmp_path / "network.yaml"
    output.write_text(written + "    email: jonas.berg@voltgrid.example\n")
    result = run("import", "mbox", str(MBOX), "--output", str(output), "--merge")
    assert result.exit_code == 0, result.stderr
    assert output.read_text().startswith(written)  # evidence goes below, before email
    jonas = load_network(output).contacts_by_id["jonas-berg"]
    tie = tie_strength(jonas, Me(name="Mira Okafor"), TODAY)
    assert tie.trust == 2 and tie.quality == pytest.approx(written_quality(2, 1))


# -- evidence in the model --------------------------------------------------------------------


def test_one_way_mail_makes_no_tie() -> None:
    assert evidence_trust(Evidence(source="x", received=400)) == 1.0
    assert evidence_trust(Evidence(source="x", sent=400)) == 1.0
    assert evidence_trust(Evidence(source="x", sent=8, received=8)) > 2.5


def test_a_recommendation_they_wrote_is_strong_knowledge_of_your_work() -> None:
    recommended = Evidence(source="linkedin", recommended_you=PartialDate(year=2023))
    endorsed = Evidence(source="linkedin", endorsed_you=9)
    assert evidence_work(recommended) == RECOMMENDED_WORK == 4.0
    assert evidence_work(endorsed) == 2.0 < evidence_work(recommended)


def test_last_contact_is_the_later_of_yours_and_the_evidence() -> None:
    me = Me(name="Ana")
    recent = Evidence(source="mbox m", sent=3, received=3, last=PartialDate.parse("2026-11-20"))
    old = Evidence(source="mbox m", sent=3, received=3, last=PartialDate.parse("2019-01-02"))
    written = PartialDate.parse("2025-06")
    for evidence, expected in ((recent, "2026-11-20"), (old, "2025-06")):
        contact = Contact(id="c", name="C", last_contact=written, evidence=(evidence,))
        months = tie_strength(contact, me, TODAY).months_silent
        assert months is not None
        assert months == pytest.approx(
            tie_strength(
                Contact(id="c", name="C", last_contact=PartialDate.parse(expected)), me, TODAY
            ).months_silent
        )


def test_a_mailbox_that_starts_last_month_makes_nobody_new() -> None:
    evidence = Evidence(source="mbox m", sent=5, received=5, first=PartialDate.parse("2026-11-20"))
    contact = Contact(id="c", name="C", trust_written=False, evidence=(evidence,))
    tie = tie_strength(contact, Me(name="Ana"), TODAY)
    assert not tie.is_new and tie.months_known is None


def test_reasons_name_the_evidence_in_words(tmp_path: Path) -> None:
    result = run("analyze", str(import_all(tmp_path)), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "9 messages both ways and 2 meetings one to one, last on 17 November 2026" in " ".join(
        result.stdout.split()
    )


counts = st.integers(min_value=0, max_value=60)
days = st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2026, 11, 30)).map(
    lambda day: PartialDate(year=day.year, month=day.month, day=day.day)
)
evidence_records = st.builds(
    Evidence,
    source=st.sampled_from(["linkedin", "mbox m", "ics c"]),
    first=days,
    last=days,
    sent=counts,
    received=counts,
    meetings=counts,
    together=counts,
    recommended_you=days,
    you_recommended=days,
    endorsed_you=counts,
)


@settings(max_examples=examples(300))
@given(
    evidence=st.lists(evidence_records, min_size=1, max_size=3),
    trust=st.integers(1, 5),
    work=st.integers(0, 5),
    which=st.sampled_from(["trust", "work", "both"]),
)
def test_what_you_wrote_always_wins(
    evidence: list[Evidence], trust: int, work: int, which: str
) -> None:
    """Whatever imports found, a trust or knowledge of your work you wrote is the one used."""
    contact = Contact(
        id="c",
        name="C",
        trust=trust,
        knows_my_work=work,
        evidence=tuple(evidence),
        trust_written=which in ("trust", "both"),
        work_written=which in ("work", "both"),
    )
    tie = tie_strength(contact, Me(name="Ana"), TODAY)
    total = Evidence.total(evidence)
    expected_trust = trust if contact.trust_written else evidence_trust(total)
    expected_work = work if contact.work_written else evidence_work(total)
    assert tie.trust == expected_trust
    if not tie.structural:
        assert tie.quality == pytest.approx(written_quality(expected_trust, expected_work))


@settings(max_examples=examples(300))
@given(
    evidence=st.lists(evidence_records, max_size=2),
    trust=st.integers(0, 5),
    which=st.sampled_from(["trust", "work", "both", "neither"]),
    met=days,
    last=days,
    day=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
)
def test_who_may_vouch_is_told_by_the_file_alone(
    evidence: list[Evidence],
    trust: int,
    which: str,
    met: PartialDate | None,
    last: PartialDate | None,
    day: dt.date,
) -> None:
    """Someone ``may_vouch`` rules out (their written trust too low, and no evidence to
    stand in for it) cannot vouch on any day, whatever the tie says; the routes pass
    them over without working their tie out."""
    contact = Contact(
        id="c",
        name="C",
        trust=trust,
        met=met,
        last_contact=last,
        evidence=tuple(evidence),
        trust_written=which in ("trust", "both"),
        work_written=which in ("work", "both"),
    )
    if not may_vouch(contact):
        assert not tie_strength(contact, Me(name="Ana"), day).can_vouch
    if trust and (contact.trust_written or not evidence):
        assert may_vouch(contact) == (trust >= MIN_VOUCH_TRUST)


@settings(max_examples=examples(300))
@given(
    base=evidence_records,
    more=st.sampled_from(["sent", "received", "meetings", "together", "endorsed_you"]),
    by=st.integers(1, 30),
    recommended=st.booleans(),
    later=st.integers(0, 900),
)
def test_more_of_the_same_evidence_never_lowers_a_tie(
    base: Evidence, more: str, by: int, recommended: bool, later: int
) -> None:
    """More messages, meetings or endorsements, a recommendation, a later last contact:
    never a weaker tie, nor a worse score for the person."""
    last = base.last.first_day() if base.last is not None else None
    moved = None if last is None else min(dt.date(2026, 11, 30), last + dt.timedelta(days=later))
    richer = dataclasses.replace(
        base,
        **{more: getattr(base, more) + by},
        recommended_you=base.recommended_you or (PartialDate(year=2024) if recommended else None),
        last=None
        if moved is None
        else PartialDate(year=moved.year, month=moved.month, day=moved.day),
    )
    me = Me(name="Ana", company="brightwave")
    for company in (None, "brightwave"):
        before = Contact(
            id="c",
            name="C",
            company=company,
            trust_written=False,
            work_written=False,
            evidence=(base,),
        )
        after = dataclasses.replace(before, evidence=(richer,))
        weak, strong = tie_strength(before, me, TODAY), tie_strength(after, me, TODAY)
        assert strong.strength >= weak.strength - 1e-12
        assert strong.trust >= weak.trust and strong.quality >= weak.quality - 1e-12


# -- end to end -------------------------------------------------------------------------------


def test_archive_mailbox_and_calendar_make_advice_from_what_you_did(tmp_path: Path) -> None:
    """Jonas and Lena look alike on LinkedIn (same company, title and day connected); you
    talk to Jonas. Tomas, Voltgrid's hiring manager, you met only in meetings your colleague
    Priya set up: the way to him is through her."""
    output = import_all(tmp_path)
    with output.open("a") as file:
        file.write(
            "\nopenings:\n"
            "  - company: Voltgrid\n"
            "    team: Grid Storage\n"
            "    role: Data Product Manager\n"
            "    hiring_manager: Tomas Eklund\n"
        )
    network = load_network(output)
    jonas, lena = (network.contacts_by_id[id] for id in ("jonas-berg", "lena-vik"))
    assert (jonas.company, jonas.title, jonas.met) == (lena.company, lena.title, lena.met)
    report = analyze(network, default_targets(network), as_of=TODAY)
    candidates = {c.contact: (rank, c) for rank, c in enumerate(report.targets[0].candidates)}
    assert candidates["jonas-berg"][0] < candidates["lena-vik"][0]
    assert candidates["jonas-berg"][1].score > candidates["lena-vik"][1].score
    _, tomas = candidates["tomas-eklund"]
    assert tomas.path == ("me", "priya-raman", "tomas-eklund")
    assert tomas.action == "ask-intro"
    assert tomas.score > candidates["lena-vik"][1].score


def test_a_file_written_by_hand_reads_evidence_too() -> None:
    network = parse_network(
        "me: {name: Ana}\n"
        "contacts:\n"
        "  - name: Bo\n"
        "    evidence:\n"
        "      - {source: mbox m, first: 2020-02, last: 2026-11-03, sent: 12, received: 29}\n"
        "      - {source: linkedin, recommended_you: 2023-06-05}\n"
    )
    bo = network.contacts_by_id["bo"]
    assert not bo.trust_written and [record.sent for record in bo.evidence] == [12, 0]
    tie = tie_strength(bo, network.me, TODAY)
    assert tie.from_evidence and tie.trust > 3.0 and tie.months_known is not None


def test_an_evidence_record_with_a_bad_count_is_located() -> None:
    from tests.helpers import problems

    assert problems(
        "me: {name: Ana}\ncontacts:\n  - name: Bo\n    evidence:\n      - {source: x, sent: -3}\n"
    ) == ["n.yaml:5:27: contacts[0].evidence[0].sent must be a whole number, 0 or more, not '-3'"]


def test_the_plain_file_comes_before_a_renamed_copy(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(ARCHIVE, folder)
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE\n"
        "9,Lena Vik,https://www.linkedin.com/in/lena-vik-example,Mira Okafor,,2026-11-01 10:00:00 UTC\n"
    )
    people = by_name(read_archive(folder, max_bytes=LIMIT))
    lena, jonas = people["Lena Vik"].evidence, people["Jonas Berg"].evidence
    assert lena is not None and lena.received == 1
    assert jonas is not None and (jonas.sent, jonas.received) == (0, 0)  # only endorsements


addresses = st.sampled_from(
    ["me@home.test", "bo@acme.test", "cy@acme.test", "di@beta.test", "ed@gmail.com", "fa@beta.test"]
)
names_ = st.sampled_from(
    ["", "Bo Lee", "Lee, Bo", "Zoë Ångström", "=?utf-8?q?Cy_D=C3=A5hl?=", "Di"]
)
messages = st.lists(
    st.tuples(
        addresses,
        names_,
        st.lists(addresses, min_size=1, max_size=4),
        st.integers(1, 30),
        st.booleans(),
    ),
    min_size=1,
    max_size=25,
)


def mailbox(found: list[tuple[str, str, list[str], int, bool]]) -> bytes:
    return "".join(
        mail(
            f"{name} <{sender}>" if name else sender,
            ", ".join(to),
            day,
            label="Sent" if sender == "me@home.test" else "Inbox",
            extra="List-Unsubscribe: <mailto:u@x.test>\n" if bulk else "",
        )
        for sender, name, to, day, bulk in found
    ).encode()


@settings(max_examples=examples(100))
@given(first=messages, second=messages)
def test_importing_a_mailbox_again_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[tuple[str, str, list[str], int, bool]],
    second: list[tuple[str, str, list[str], int, bool]],
) -> None:
    """Whatever the mail, a second import of the same mailbox leaves the file byte for byte."""
    folder = tmp_path_factory.mktemp("mail")
    output = folder / "network.yaml"
    output.write_text(
        "me: {name: Ana}\ncontacts:\n  - {name: Bo Lee, trust: 4, email: bo@acme.test}\n"
    )
    for number, found in enumerate((first, second)):
        box = folder / f"mail{number}.mbox"
        box.write_bytes(mailbox(found))
        command = ("import", "mbox", str(box), "--output", str(output), "--merge")
        result = run(*command, "--me-email", "me@home.test")
        assert result.exit_code == 0, result.stderr
        before = output.read_bytes()
        again = run(*command, "--me-email", "me@home.test")
        assert again.exit_code == 0, again.stderr
        assert output.read_bytes() == before
        network = load_network(output)
        bo = network.contacts_by_id["bo-lee"]
        assert (bo.trust, bo.trust_written) == (4, True)  # what you wrote stays yours


@pytest.mark.parametrize(
    ("facts", "words"),
    [
        (
            {"messages": 41, "both_ways": 1, "meetings": 0, "last": "2026-11-03"},
            "41 messages both ways, last on 3 November 2026",
        ),
        (
            {"messages": 3, "both_ways": 0, "meetings": 0, "last": "2026-09"},
            "messages one way only (no tie from them), last in September 2026",
        ),
        ({"messages": 0, "both_ways": 0, "meetings": 1, "last": None}, "1 meeting one to one"),
    ],
)
def test_evidence_in_words(facts: dict[str, str | int | None], words: str) -> None:
    from warmreach.reports.words import reason_text
    from warmreach.scoring.results import Reason

    assert reason_text(Reason.of("in-touch", **facts)) == words


def test_a_cold_mail_from_a_namesake_is_no_one_s_evidence(tmp_path: Path) -> None:
    """A stranger who wrote once, one way, under a contact's name is not that contact."""
    output = tmp_path / "network.yaml"
    written = "me: {name: Ana}\ncontacts:\n  - {name: Bo Lee, trust: 4, email: bo@acme.test}\n"
    output.write_text(written)
    box = tmp_path / "m.mbox"
    box.write_text(mail("Bo Lee <bo.lee@elsewhere.test>", "me@home.test", 2))
    for _ in range(2):
        result = run("import", "mbox", str(box), "--output", str(output), "--merge",
                     "--me-email", "me@home.test")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "1 person seen only in one-way mail, not added" in result.stdout
        assert output.read_text() == written
    # from the address the file has, the same mail is the contact's
    box.write_text(mail("Bo Lee <bo@acme.test>", "me@home.test", 2))
    run(
        "import", "mbox", str(box), "--output", str(output), "--merge", "--me-email", "me@home.test"
    )
    bo = load_network(output).contacts_by_id["bo-lee"]
    assert [(record.received, record.sent) for record in bo.evidence] == [(1, 0)]


def test_a_connection_seen_later_only_in_a_group_keeps_the_tie() -> None:
    network = parse_network(
        """
me: {name: Ana}
contacts:
  - name: Nadia Quist
    met: 2024-01-01
    evidence: [{source: ics cal.ics, first: 2026-10-01, last: 2026-10-01, together: 1}]
  - name: Omar Lind
    evidence: [{source: ics cal.ics, first: 2026-10-01, last: 2026-10-01, together: 1}]
"""
    )
    nadia, omar = network.contacts
    assert nadia.is_direct and not nadia.trust_written  # a LinkedIn connection: a tie
    assert not omar.is_direct  # seen only beside you and others: known of
