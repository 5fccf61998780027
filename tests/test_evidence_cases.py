"""Evidence counts what it shows: the cases a real import got wrong, each written from its
description with its own small archive, mailbox or calendar.

- a LinkedIn connection of five days is a new connection, however much you wrote;
- someone who set up a meeting with you and a person at your target, or copied a colleague
  on a mail to you, has acted on your behalf and can introduce you to them;
- someone first seen only beside others becomes a tie when you deal with them directly;
- a long mail thread is one conversation, not one per day;
- a recommender spelt otherwise than the connection is that connection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from tests.helpers import examples
from warmreach.cli import app
from warmreach.importers import read_archive, read_mbox
from warmreach.model import Contact, Evidence, Me, Opening, PartialDate
from warmreach.networkfile import load_network
from warmreach.scoring import analyze
from warmreach.scoring.ties import MIN_VOUCH_TRUST, NEW_MONTHS, tie_strength

AS_OF = dt.date(2026, 11, 25)
LIMIT = 50_000_000
PROFILE = "First Name,Last Name,Headline\nMira,Okafor,Analyst\n"
MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)
MIRA = "https://www.linkedin.com/in/mira-okafor-x"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def merge(network: Path, source: str, export: Path) -> None:
    """Merge ``export`` into ``network``, Mira's address given."""
    result = run(
        "import",
        source,
        str(export),
        "--output",
        str(network),
        "--merge",
        "--me-email",
        "mira@home.example",
    )
    assert result.exit_code == 0, result.output


def merge_mail(network: Path, *messages: tuple[str, str]) -> None:
    """Merge a mailbox of ``messages`` (from, to), one a day from 3 November 2026."""
    mbox = network.with_name("mail.mbox")
    mbox.write_text(
        "".join(
            f"From x@y Mon Nov {day:2d} 10:00:00 +0000 2026\nFrom: {one}\nTo: {other}\n"
            f"Date: Mon, {day} Nov 2026 10:00:00 +0000\n\nbody\n\n"
            for day, (one, other) in enumerate(messages, start=3)
        ),
        encoding="utf-8",
    )
    merge(network, "mbox", mbox)


def archive(folder: Path, connections: str, messages: str = "", **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Profile.csv").write_text(PROFILE, encoding="utf-8")
    (folder / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + connections,
        encoding="utf-8",
    )
    (folder / "messages.csv").write_text(MESSAGES_HEADER + messages, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def chat(sender: str, sender_url: str, to: str, to_url: str, day: str) -> str:
    return f"c1,,{sender},{sender_url},{to},{to_url},{day} 10:00:00 UTC,,never kept,INBOX\n"


def test_a_connection_of_five_days_is_not_asked_however_much_you_wrote(tmp_path: Path) -> None:
    new = "https://www.linkedin.com/in/nell-new-x"
    messages = "".join(
        chat("Nell New", new, "Mira Okafor", MIRA, f"2026-11-{day}")
        + chat("Mira Okafor", MIRA, "Nell New", new, f"2026-11-{day}")
        for day in (21, 22, 23, 24)
    )
    folder = archive(tmp_path / "a", f"Nell,New,{new},,Voltgrid,Engineer,20 Nov 2026\n", messages)
    (nell,) = read_archive(folder, max_bytes=LIMIT).people
    assert nell.evidence is not None and str(nell.evidence.connected) == "2026-11-20"
    # even when the file gives no met (a contact added by hand earlier): LinkedIn's day is
    contact = Contact(id="nell", name="Nell New", evidence=(nell.evidence,), trust_written=False)
    tie = tie_strength(contact, Me(name="Mira"), AS_OF)
    assert tie.is_new and not tie.can_vouch
    output = tmp_path / "net.yaml"
    assert run("import", "linkedin", str(folder), "--output", str(output)).exit_code == 0
    network = load_network(output)
    target = Opening(company=network.contacts[0].company or "")
    (candidate,) = analyze(network, [target], as_of=AS_OF).targets[0].candidates
    assert candidate.action not in ("ask-referral", "signal-then-ask", "ask-intro")


@settings(max_examples=examples(100), deadline=None)
@given(
    st.integers(0, int(NEW_MONTHS * 30) - 1),
    st.integers(0, 60),
    st.integers(0, 60),
    st.integers(0, 10),
    st.integers(0, 5),
    st.booleans(),
    st.sampled_from(["met", "connected"]),
)
def test_evidence_never_makes_a_connection_younger_than_new_months_askable(
    days: int, sent: int, received: int, meetings: int, brought: int, recommended: bool, how: str
) -> None:
    day = PartialDate.of(AS_OF - dt.timedelta(days=days))
    evidence = Evidence(
        source="linkedin",
        first=PartialDate(year=2019),  # an old mailbox says nothing against the connection
        sent=sent,
        received=received,
        meetings=meetings,
        brought_together=brought,
        recommended_you=PartialDate(year=2026) if recommended else None,
        connected=day if how == "connected" else None,
    )
    contact = Contact(
        id="x",
        name="X",
        met=day if how == "met" else None,
        evidence=(evidence,),
        trust_written=False,
        work_written=False,
    )
    if how == "connected":  # the connection day stands in for met; a first message older
        contact = dataclasses.replace(
            contact, evidence=(dataclasses.replace(evidence, first=None),)
        )
    assert not tie_strength(contact, Me(name="Mira"), AS_OF).can_vouch


NETWORK = """\
me: {name: Mira Okafor, seeking: {companies: [Voltgrid]}}
contacts:
  - name: Olle Old
    email: olle@old.example
    met: 2015
    evidence:
      - {source: linkedin, connected: 2015-03-01, endorsed_you: 1}
  - {name: Tia Team, company: Voltgrid, email: tia@voltgrid.example, trust: 0}
"""

CALENDAR = """\
BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART:20260920T090000Z
ORGANIZER;CN=Olle Old:mailto:olle@old.example
ATTENDEE;CN=Mira Okafor:mailto:mira@home.example
ATTENDEE;CN=Olle Old:mailto:olle@old.example
ATTENDEE;CN=Tia Team:mailto:tia@voltgrid.example
END:VEVENT
END:VCALENDAR
"""


def _route_to_tia(tmp_path: Path, source: str, name: str, text: str) -> tuple[float, list[str]]:
    """Olle's trust, and the route to Tia, after importing ``text``."""
    network = tmp_path / "net.yaml"
    network.write_text(NETWORK, encoding="utf-8")
    export = tmp_path / name
    export.write_text(text, encoding="utf-8")
    merge(network, source, export)
    loaded = load_network(network)
    olle = tie_strength(loaded.contacts_by_id["olle-old"], loaded.me, AS_OF)
    analysis = analyze(loaded, as_of=AS_OF)
    tia = next(c for c in analysis.targets[0].candidates if c.contact == "tia-team")
    return olle.trust, list(tia.path)


def test_someone_who_set_up_a_meeting_with_you_and_a_person_there_can_introduce_you(
    tmp_path: Path,
) -> None:
    trust, path = _route_to_tia(tmp_path, "ics", "cal.ics", CALENDAR)
    assert trust >= MIN_VOUCH_TRUST  # one endorsement alone would leave Olle at 1
    assert path == ["me", "olle-old", "tia-team"]


def test_someone_who_copied_a_colleague_on_a_mail_to_you_can_introduce_you(
    tmp_path: Path,
) -> None:
    mbox = (
        "From x@y Mon Sep 21 10:00:00 +0000 2026\n"
        "From: Olle Old <olle@old.example>\nTo: Mira Okafor <mira@home.example>\n"
        "Cc: Tia Team <tia@voltgrid.example>\n"
        "Date: Mon, 21 Sep 2026 10:00:00 +0000\nMessage-ID: <intro-1@old.example>\n"
        "\nYou two should meet.\n\n"
    )
    trust, path = _route_to_tia(tmp_path, "mbox", "mail.mbox", mbox)
    assert trust >= MIN_VOUCH_TRUST
    assert path == ["me", "olle-old", "tia-team"]


def test_a_long_thread_of_a_few_is_one_conversation() -> None:
    thread = ""
    for day in range(2, 12):  # ten replies on ten days, one conversation
        reference = (
            "" if day == 2 else "In-Reply-To: <t-2@a.example>\nReferences: <t-2@a.example>\n"
        )
        thread += (
            f"From x@y Mon Nov {day:2d} 10:00:00 +0000 2026\n"
            f"From: Bo <bo@a.example>\nTo: Mira <mira@home.example>, Cy <cy@a.example>\n"
            f"Date: Mon, {day} Nov 2026 10:00:00 +0000\nMessage-ID: <t-{day}@a.example>\n"
            f"{reference}\nbody\n\n"
        )
    export = read_mbox(io.BytesIO(thread.encode()), "m.mbox", own=["mira@home.example"])
    bo = next(person for person in export.people if person.name == "Bo")
    assert bo.evidence is not None
    assert bo.evidence.brought_together == 1
    assert [(link.one, link.other, link.count) for link in export.links] == [
        ("email:bo@a.example", "email:cy@a.example", 1)
    ]


def test_someone_first_seen_beside_others_becomes_a_tie_when_you_deal_with_them(
    tmp_path: Path,
) -> None:
    network = tmp_path / "net.yaml"
    calendar = tmp_path / "cal.ics"
    calendar.write_text(CALENDAR, encoding="utf-8")
    assert (
        run(
            "import",
            "ics",
            str(calendar),
            "--output",
            str(network),
            "--me",
            "Mira Okafor",
            "--me-email",
            "mira@home.example",
        ).exit_code
        == 0
    )
    tia = load_network(network).contacts_by_id["tia-team"]
    assert (tia.trust, tia.trust_written) == (0, False)  # known of, as the evidence says
    merge_mail(
        network,
        ("Tia Team <tia@voltgrid.example>", "Mira <mira@home.example>"),
        ("Mira <mira@home.example>", "Tia Team <tia@voltgrid.example>"),
    )
    assert load_network(network).contacts_by_id["tia-team"].trust > 0


def test_a_merge_lifts_the_zero_an_older_import_wrote_once_you_deal_directly(
    tmp_path: Path,
) -> None:
    network = tmp_path / "net.yaml"
    network.write_text(
        "me: {name: Mira Okafor}\ncontacts:\n"
        "  - name: Tia Team\n    email: tia@voltgrid.example\n    trust: 0\n"
        "    evidence:\n      - {source: ics cal.ics, together: 1}\n"
        "  - {name: Hal Hand, email: hal@x.example, trust: 0}\n",
        encoding="utf-8",
    )
    merge_mail(
        network,
        ("<tia@voltgrid.example>", "<mira@home.example>"),
        ("<mira@home.example>", "<tia@voltgrid.example>"),
        ("<hal@x.example>", "<mira@home.example>"),
        ("<mira@home.example>", "<hal@x.example>"),
    )
    contacts = load_network(network).contacts_by_id
    assert contacts["tia-team"].trust > 0 and not contacts["tia-team"].trust_written
    # a 0 you wrote yourself, with no import's evidence behind it, stays
    assert (contacts["hal-hand"].trust, contacts["hal-hand"].trust_written) == (0, True)


def test_a_recommender_spelt_otherwise_is_the_connection(tmp_path: Path) -> None:
    folder = archive(
        tmp_path / "a",
        "Zoë,Lindqvist,https://www.linkedin.com/in/zoe-l-x,,Sunforge,PM,12 Mar 2018\n",
        Recommendations_Received=(
            "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
            "Zoe,Lindqvist,Sunforge,PM,never kept,2023-06-05,VISIBLE\n"
        ),
    )
    (zoe,) = read_archive(folder, max_bytes=LIMIT).people
    assert zoe.name == "Zoë Lindqvist"
    assert zoe.evidence is not None and zoe.evidence.recommended_you is not None
