"""``warmreach import``: every quirk of real exports, and merges that lose nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from tests.helpers import ROOT, examples
from warmreach.cli import app
from warmreach.errors import InvalidNetwork
from warmreach.importers import Incoming, read_google, read_linkedin, read_vcard
from warmreach.importers.merge import import_export
from warmreach.matching import find_target
from warmreach.model import PartialDate
from warmreach.networkfile import load_network, parse_network
from warmreach.networkfile.dump import dump_network, network_text
from warmreach.scoring import analyze
from warmreach.text import slugify

EXPORTS = ROOT / "tests" / "data" / "exports"


def read(name: str) -> bytes:
    return (EXPORTS / name).read_bytes()


def names(people: tuple[Incoming, ...]) -> list[str]:
    return [person.name for person in people]


# -- readers ----------------------------------------------------------------------------------


def test_linkedin_export_with_preamble_bom_quotes_and_hidden_profiles() -> None:
    export = read_linkedin(read("linkedin-connections.csv"), "Connections.csv")
    assert names(export.people) == [
        "Bob Chen",
        "Ana Strong",
        "=Eve Hack",  # kept literally, never evaluated
        "Zoë Ångström",
        "Łukasz Wiśniewski-Núñez",
    ]
    bob, ana, eve, *_ = export.people
    assert bob == Incoming(
        line=5,
        name="Bob Chen",
        company="Voltgrid AB",
        title="Engineering Manager",
        linkedin="https://www.linkedin.com/in/bob-chen-example",
        met=PartialDate(year=2024, month=3, day=12),
    )
    assert ana.title == "Head of Product, Storage"  # a quoted comma
    assert ana.email == "ana.strong@example.org"
    assert eve.company == 'Acme "Quoted" Ltd'
    assert eve.title == "Data Lead (two lines in the export)"  # a quoted newline
    assert [(skipped.line, skipped.reason) for skipped in export.skipped] == [
        (7, "no name (a hidden profile)"),
        (12, "no name (a hidden profile)"),
    ]


def test_older_linkedin_export_without_url_and_with_crlf() -> None:
    export = read_linkedin(read("linkedin-old-export.csv"), "Connections.csv")
    assert [(p.name, p.linkedin, p.email, p.line) for p in export.people] == [
        ("Carl Ode", None, "carl.ode@example.org", 2),
        ("Mei Tanaka", None, None, 3),
    ]
    assert export.people[0].met == PartialDate(year=2017, month=9, day=9)


def test_a_file_without_the_header_is_refused_with_a_hint() -> None:
    result = CliRunner().invoke(
        app,
        [
            "import",
            "linkedin",
            str(EXPORTS / "google-contacts-legacy.csv"),
            "--output",
            "/tmp/never-written.yaml",
            "--me",
            "Ana",
        ],
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"warmreach: {EXPORTS / 'google-contacts-legacy.csv'}: no header row found; is this "
        "LinkedIn's Connections.csv (First Name, Last Name, Company, Position …)?\n"
    )


def test_google_current_export() -> None:
    export = read_google(read("google-contacts.csv"), "contacts.csv")
    noor, jonas = export.people
    assert (noor.name, noor.company, noor.title, noor.email, noor.linkedin) == (
        "Noor Haddad",
        "Nordport Logistics",
        "Product Manager",
        "noor.haddad@example.org",  # the first of several
        "https://www.linkedin.com/in/noor-haddad-example",
    )
    assert jonas.name == "Jonas K. Weber"
    assert [(skipped.line, skipped.reason) for skipped in export.skipped] == [(4, "no name")]


def test_google_legacy_export() -> None:
    export = read_google(read("google-contacts-legacy.csv"), "contacts.csv")
    assert [(p.name, p.company, p.title, p.email) for p in export.people] == [
        ("Marta Costa", "Acme Shipping", "Head of Strategy", "marta.costa@example.org"),
        ("Paulo Reis", "Acme Shipping", "Fleet Operations Manager", None),
    ]


def test_vcard_3_with_folding_escapes_and_quoted_printable() -> None:
    export = read_vcard(read("contacts-v3.vcf"), "contacts.vcf")
    sofia, bjorn = export.people
    assert sofia.linkedin == "https://www.linkedin.com/in/sofia-lindqvist-example"  # folded
    assert (sofia.company, sofia.title) == ("Voltgrid", "Senior Product Manager")
    assert (bjorn.name, bjorn.company) == ("Björn Åberg", "Södra Kraft AB")
    assert [(skipped.line, skipped.reason) for skipped in export.skipped] == [
        (20, "no name (FN or N)")
    ]


def test_vcard_4_with_crlf_folding_and_a_name_only_in_n() -> None:
    export = read_vcard(read("contacts-v4.vcf"), "contacts.vcf")
    ingrid, henrik = export.people
    assert ingrid.title == "Chief Commercial Officer"
    assert ingrid.linkedin == "https://www.linkedin.com/in/ingrid-holm-example"
    assert (henrik.name, henrik.line) == ("Henrik Dahl", 11)


# -- new files --------------------------------------------------------------------------------


def run_import(*args: str) -> Result:
    return CliRunner().invoke(app, ["import", *args])


def test_an_imported_file_validates_and_analyses(tmp_path: Path) -> None:
    output = tmp_path / "network.yaml"
    result = run_import(
        "linkedin", str(EXPORTS / "linkedin-connections.csv"), "--output", str(output),
        "--me", "Ana Lima",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{EXPORTS / 'linkedin-connections.csv'} → {output}: 5 new, 0 updated (0 job changes), "
        "0 unchanged; 2 records skipped\n"
        "Skipped:\n"
        "  line 7: no name (a hidden profile)\n"
        "  line 12: no name (a hidden profile)\n"
        f"Next: an export cannot say whom you know well; warmreach review {output} --target "
        "COMPANY asks about the people whose answers change the advice most\n"
    )
    network = load_network(output)
    assert [contact.trust for contact in network.contacts] == [1] * 5
    assert network.contacts_by_id["eve-hack"].name == "=Eve Hack"
    assert network.contacts_by_id["bob-chen"].company == "voltgrid"
    report = analyze(network, [find_target(network, "Voltgrid")], as_of=dt.date(2026, 11, 25))
    assert [candidate.contact for candidate in report.targets[0].candidates] == ["bob-chen"]


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    output = tmp_path / "network.yaml"
    output.write_text("me: {name: Ana}\n", encoding="utf-8")
    args = ["vcard", str(EXPORTS / "contacts-v4.vcf"), "--output", str(output), "--me", "Ana"]
    result = run_import(*args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"warmreach: {output} exists; pass --merge to update it, or --force to replace it\n"
    )
    assert output.read_text(encoding="utf-8") == "me: {name: Ana}\n"
    assert run_import(*args, "--force").exit_code == 0
    assert len(load_network(output).contacts) == 2


def test_a_new_file_needs_your_name(tmp_path: Path) -> None:
    result = run_import(
        "vcard", str(EXPORTS / "contacts-v4.vcf"), "--output", str(tmp_path / "n.yaml")
    )
    assert result.exit_code == 2
    assert result.stderr == "warmreach: a new network file needs your name: pass --me NAME\n"


def test_a_company_of_only_punctuation_is_left_out() -> None:
    export = read_linkedin(
        b"First Name,Last Name,Company,Position\nSam,Lee,--,Analyst\n", "Connections.csv"
    )
    assert (export.people[0].company, export.people[0].title) == (None, "Analyst")


def test_people_with_the_same_name_get_their_own_ids(tmp_path: Path) -> None:
    export = read_linkedin(
        b"First Name,Last Name,URL,Company,Position\n"
        b"Sam,Lee,https://linkedin.com/in/sam-lee-1,Voltgrid,Analyst\n"
        b"Sam,Lee,https://linkedin.com/in/sam-lee-2,Sunforge,Designer\n"
        b"Sam,Lee,https://www.linkedin.com/in/sam-lee-1/,Voltgrid,Analyst\n",
        "Connections.csv",
    )
    summary = import_export(export, tmp_path / "n.yaml", me="Ana")
    assert summary.added == ["sam-lee", "sam-lee-2"]
    assert [(s.line, s.reason) for s in summary.skipped] == [(4, "the same person as line 2")]
    assert [c.id for c in load_network(tmp_path / "n.yaml").contacts] == ["sam-lee", "sam-lee-2"]


TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")), min_size=1
).filter(lambda text: text.strip())


@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5))
@settings(max_examples=examples(200), deadline=None)
def test_any_names_and_companies_are_written_so_that_they_read_back(
    people: list[tuple[str, str]],
) -> None:
    contacts = [
        {"name": " ".join(name.split()), "id": f"c{i}", "company": " ".join(company.split())}
        for i, (name, company) in enumerate(people)
        if slugify(company)  # a company needs letters or digits for its id (readers drop others)
    ]
    network = parse_network(network_text("NO", contacts))
    assert network.me.name == "NO"
    assert [(c.name, c.id) for c in network.contacts] == [
        (contact["name"], contact["id"]) for contact in contacts
    ]


# -- merges -----------------------------------------------------------------------------------

MINE = """\
# Ana's network, written by hand.
me:
  name: Ana Lima
  seeking: {companies: [Voltgrid]}

companies:
  - name: Voltgrid
    aliases: [Voltgrid AB]
    teams:
      - {name: Grid Storage}

contacts:
  - name: Ana Strong    # my old team lead
    company: Voltgrid
    team: Grid Storage
    title: Product Lead
    trust: 4
    knows_my_work: 5
    notes: ask about the storage roadmap

  # from the conference
  - name: Bob Chen
    company: Voltgrid
    trust: 2
"""


def merge(
    tmp_path: Path, export: str = "linkedin-connections.csv", source: str = "linkedin"
) -> tuple[Result, Path]:
    output = tmp_path / "network.yaml"
    if not output.exists():
        output.write_text(MINE, encoding="utf-8")
    return run_import(source, str(EXPORTS / export), "--output", str(output), "--merge"), output


def test_the_review_an_import_suggests_runs_as_suggested(tmp_path: Path) -> None:
    """A new file names nothing to aim at, so the review its import suggests names a
    company, and runs so; a merge into a file that seeks a company suggests the review
    as it is, which runs too."""
    runner = CliRunner()
    fresh = tmp_path / "fresh.yaml"
    result = run_import(
        "linkedin", str(EXPORTS / "linkedin-connections.csv"), "--output", str(fresh),
        "--me", "Ana Lima",
    )  # fmt: skip
    assert f"; warmreach review {fresh} --target COMPANY asks" in result.stdout
    review = ["review", str(fresh), "--as-of", "2026-11-25", "--worksheet"]
    bare = runner.invoke(app, [*review, str(tmp_path / "bare.csv")])
    assert bare.exit_code == 2 and "name a target with --target" in bare.stderr
    aimed = runner.invoke(app, [*review, str(tmp_path / "aimed.csv"), "--target", "Voltgrid"])
    assert aimed.exit_code == 0, aimed.stderr
    result, output = merge(tmp_path)
    assert f"; warmreach review {output} asks" in result.stdout
    assert "--target" not in result.stdout
    followed = runner.invoke(
        app,
        ["review", str(output), "--as-of", "2026-11-25", "--worksheet", str(tmp_path / "m.csv")],
    )
    assert followed.exit_code == 0, followed.stderr


def test_a_merge_keeps_annotations_and_comments_and_reports_a_job_change(tmp_path: Path) -> None:
    result, output = merge(tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        f"{EXPORTS / 'linkedin-connections.csv'} → {output}: 3 new, 2 updated (1 job change), "
        "0 unchanged; 2 records skipped",
        "Job changes at companies you aim at:",
        "  Ana Strong: Voltgrid → Sunforge",
    ]
    text = output.read_text(encoding="utf-8")
    assert text.startswith(MINE.split("  - name: Ana Strong")[0])  # header, me, companies
    assert "  - name: Ana Strong    # my old team lead\n" in text
    assert "\n  # from the conference\n  - name: Bob Chen\n" in text
    network = load_network(output)
    ana = network.contacts_by_id["ana-strong"]
    assert (ana.company, ana.past_company_ids, ana.team) == ("sunforge", ("voltgrid",), None)
    assert (ana.trust, ana.knows_my_work, ana.notes) == (4, 5, "ask about the storage roadmap")
    assert ana.title == "Head of Product, Storage"
    bob = network.contacts_by_id["bob-chen"]
    assert (bob.company, bob.trust, bob.title) == ("voltgrid", 2, "Engineering Manager")
    assert bob.linkedin == "https://www.linkedin.com/in/bob-chen-example"
    assert [c.id for c in network.contacts][2:] == [
        "eve-hack",
        "zoe-angstrom",
        "łukasz-wisniewski-nunez",
    ]


def test_merging_the_same_export_twice_changes_nothing(tmp_path: Path) -> None:
    merge(tmp_path)
    once = (tmp_path / "network.yaml").read_bytes()
    result, output = merge(tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        f"{EXPORTS / 'linkedin-connections.csv'} → {output}: 0 new, 0 updated (0 job changes), "
        "5 unchanged; 2 records skipped",
        f"{output} already says all this: nothing changed",
    ]
    assert output.read_bytes() == once


def test_people_are_matched_by_email_then_name(tmp_path: Path) -> None:
    output = tmp_path / "network.yaml"
    output.write_text(
        MINE + "  - {name: C. Ode, email: Carl.Ode@example.org, trust: 3}\n"
        "  - {name: Mei Tanaka, company: Voltgrid, trust: 2}\n",
        encoding="utf-8",
    )
    result, _ = merge(tmp_path, "linkedin-old-export.csv")
    assert result.exit_code == 0, result.stderr
    network = load_network(output)
    assert [c.id for c in network.contacts] == ["ana-strong", "bob-chen", "c-ode", "mei-tanaka"]
    assert network.contacts_by_id["c-ode"].title == "Customer Success Lead"
    assert network.contacts_by_id["mei-tanaka"].met == PartialDate(year=2022, month=2, day=28)


def network_of(tmp_path: Path, *contacts: str) -> Path:
    """A network file of Ana and these contacts, each a flow mapping."""
    output = tmp_path / "network.yaml"
    lines = ["me: {name: Ana}", "contacts:", *(f"  - {contact}" for contact in contacts)]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return output


def test_a_name_shared_by_two_contacts_at_other_companies_is_not_guessed(tmp_path: Path) -> None:
    output = network_of(
        tmp_path,
        "{name: Sam Lee, company: Acme, trust: 3}",
        "{name: Sam Lee, id: sam-lee-2, company: Beta, trust: 2}",
    )
    export = read_linkedin(
        b"First Name,Last Name,Company,Position\nSam,Lee,Gamma,Analyst\n", "c.csv"
    )
    summary = import_export(export, output, merge=True)
    assert [(s.line, s.reason) for s in summary.skipped] == [
        (2, "'Sam Lee' could be sam-lee, sam-lee-2; give them a LinkedIn address or e-mail")
    ]
    assert not summary.written


def test_a_different_linkedin_address_is_a_different_person(tmp_path: Path) -> None:
    output = network_of(
        tmp_path, "{name: Sam Lee, company: Acme, linkedin: 'https://linkedin.com/in/sam-lee-1'}"
    )
    export = read_linkedin(
        b"First Name,Last Name,URL,Company,Position\n"
        b"Sam,Lee,https://linkedin.com/in/sam-lee-9,Beta,Analyst\n",
        "c.csv",
    )
    summary = import_export(export, output, merge=True)
    assert (summary.added, summary.job_changes) == (["sam-lee-2"], [])


def test_a_crash_while_writing_a_merge_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: Path, target: object) -> None:
        raise KeyboardInterrupt

    output = tmp_path / "network.yaml"
    output.write_text(MINE, encoding="utf-8")
    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        import_export(read_linkedin(read("linkedin-connections.csv"), "c.csv"), output, merge=True)
    assert output.read_text(encoding="utf-8") == MINE
    assert [entry.name for entry in tmp_path.iterdir()] == ["network.yaml"]


def test_merging_into_an_imported_file_keeps_its_layout(tmp_path: Path) -> None:
    output = tmp_path / "network.yaml"
    first = ["linkedin", str(EXPORTS / "linkedin-connections.csv"), "--output", str(output)]
    assert run_import(*first, "--me", "Ana Lima").exit_code == 0
    before = output.read_text(encoding="utf-8")
    result = run_import(
        "google", str(EXPORTS / "google-contacts.csv"), "--output", str(output), "--merge"
    )
    assert result.exit_code == 0, result.stderr
    after = output.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "  - name: Noor Haddad\n"
        "    company: Nordport Logistics\n"
        "    title: Product Manager\n"
        "    email: noor.haddad@example.org\n"
        "    linkedin: https://www.linkedin.com/in/noor-haddad-example\n"
        "  - name: Jonas K. Weber\n"
        "    company: Sunforge\n"
        "    title: Operations Manager\n"
    )


def test_fuzzy_names_match_a_spelling_but_not_another_person(tmp_path: Path) -> None:
    output = network_of(
        tmp_path,
        "{name: John Smith, company: Acme, trust: 3}",
        "{name: Ana Strong, company: Acme, trust: 3}",
    )
    export = read_linkedin(
        b"First Name,Last Name,Company,Position\nJon,Smith,Acme,Analyst\nAna,Stone,Acme,Designer\n",
        "c.csv",
    )
    summary = import_export(export, output, merge=True)
    assert summary.updated == [("john-smith", ["title Analyst"])]
    assert summary.added == ["ana-stone"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "me: {name: Ana}  # me\n# the end\n",
            "me: {name: Ana}  # me\ncontacts:\n  - name: Henrik Dahl\n"
            "    company: Nordport Logistics\n# the end\n",
        ),
        (
            "me: {name: Ana}\ncontacts:\n  - name: Bob   # b\n  # more to come\n",
            "me: {name: Ana}\ncontacts:\n  - name: Bob   # b\n  - name: Henrik Dahl\n"
            "    company: Nordport Logistics\n  # more to come\n",
        ),
    ],
)
def test_comments_closing_the_file_stay_below_new_people(
    tmp_path: Path, before: str, after: str
) -> None:
    output = tmp_path / "network.yaml"
    output.write_text(before, encoding="utf-8")
    export = read_vcard(
        b"BEGIN:VCARD\nN:Dahl;Henrik;;;\nORG:Nordport Logistics\nEND:VCARD\n", "c.vcf"
    )
    import_export(export, output, merge=True)
    assert output.read_text(encoding="utf-8") == after


def test_a_promotion_is_a_change_and_moves_you_aim_at_come_first(tmp_path: Path) -> None:
    mine = (
        "me: {name: Ana Lima, seeking: {companies: [Voltgrid]}}\n"
        "contacts:\n"
        "  - {name: Bo Lee, company: Acme, title: Data Engineer}\n"
        "  - {name: Cy Dahl, company: Beta Freight, title: Analyst}\n"
        "  - {name: Di Holm, company: Gamma Foods, title: Chef}\n"
    )
    output = tmp_path / "network.yaml"
    output.write_text(mine, encoding="utf-8")
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bo,Lee,,,Acme,Senior Data Engineer,12 Mar 2024\n"
        "Cy,Dahl,,,Delta Freight,Analyst,12 Mar 2024\n"
        "Di,Holm,,,Voltgrid,Chef,12 Mar 2024\n",
        encoding="utf-8",
    )
    result = run_import("linkedin", str(export), "--output", str(output), "--merge")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "Job changes at companies you aim at:",
        "  Di Holm: Gamma Foods → Voltgrid",
        "Other job changes:",
        "  Cy Dahl: Beta Freight → Delta Freight",
        "Promotions:",
        "  Bo Lee: Data Engineer → Senior Data Engineer",
    ]
    assert load_network(output).contacts_by_id["bo-lee"].title == "Senior Data Engineer"


def test_a_merge_into_a_windows_file_keeps_its_line_endings_and_mark(tmp_path: Path) -> None:
    output = tmp_path / "network.yaml"
    output.write_bytes(
        "\ufeffme:\r\n  name: Ana Lima\r\ncontacts:\r\n  - name: Bob Chen  # from the summit\r\n"
        "    company: Voltgrid\r\n".encode()
    )
    result = run_import("linkedin", str(EXPORTS / "linkedin-connections.csv"), "--output",
                        str(output), "--merge")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfme:\r\n  name: Ana Lima\r\ncontacts:\r\n")
    assert b"  - name: Bob Chen  # from the summit\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")  # every line still ends in CRLF
    assert len(load_network(output).contacts) == 5


# -- merges patch the file's lines: the same bytes as a merge on the whole tree -------------

#: files a merge patches: hand-written, with comments after the last contact, the last
#: contact changed by the merge, other indentations, a flow list (the whole tree takes it)
PATCHED = {
    "hand-written": MINE,
    "closing comments": MINE + "  # more to come\n\n# the end\n",
    "last one changes job": MINE.replace(
        "  - name: Bob Chen\n    company: Voltgrid\n    trust: 2\n",
        "  - name: Bob Chen\n    company: Gridline\n    trust: 2   # colleague\n  # done\n",
    ),
    "indented by four": "me: {name: Ana}\ncontacts:\n    - name: Bob Chen\n      trust: 2\n",
    "dash at the key's column": "me: {name: Ana}\ncontacts:\n- name: Bob Chen\n  trust: 2\n",
    "flow list": "me: {name: Ana}\ncontacts: [{name: Bob Chen, trust: 2}]\n",
    "flow last item": "me: {name: Ana}\ncontacts:\n  - name: Eve\n  - {name: Bob Chen, trust: 2}\n",
    "openings after": MINE + "openings:\n  - {company: Voltgrid, team: Grid Storage}\n",
    **{
        name: (ROOT / "sample_networks" / name).read_text(encoding="utf-8")
        for name in ("career-switcher.yaml", "senior-engineer.yaml")
    },
}
MERGED_EXPORTS = {
    "linkedin": lambda: read_linkedin(read("linkedin-connections.csv"), "c.csv"),
    "google": lambda: read_google(read("google-contacts.csv"), "g.csv"),
    "vcard": lambda: read_vcard(read("contacts-v4.vcf"), "c.vcf"),
}


@pytest.mark.parametrize("export", list(MERGED_EXPORTS))
@pytest.mark.parametrize("name", list(PATCHED))
def test_a_patched_merge_writes_what_a_whole_tree_merge_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, export: str
) -> None:
    """A merge changes the lines of the contacts it changes and adds new ones after the
    last; the result reads back as what reading and writing the whole file gives, and is
    byte for byte the same but for the new contacts, which a file laid out as warmreach
    writes files gets in the new-file writer's quoting (``"=Eve Hack"``)."""
    from warmreach.importers import merge as merging
    from warmreach.networkfile.edit import open_document

    patched, whole = tmp_path / "patched.yaml", tmp_path / "whole.yaml"
    for path in (patched, whole):
        path.write_text(PATCHED[name], encoding="utf-8")
    first = import_export(MERGED_EXPORTS[export](), patched, merge=True)

    def whole_tree(path: Path, **options: Any) -> object:
        document = open_document(path, **options)
        document.by_parts = False
        return document

    monkeypatch.setattr(merging, "open_document", whole_tree)
    second = import_export(MERGED_EXPORTS[export](), whole, merge=True)
    assert (first.added, first.updated, first.links) == (second.added, second.updated, second.links)
    assert dump_network(load_network(patched)) == dump_network(load_network(whole))
    ours, theirs = (path.read_text(encoding="utf-8").splitlines() for path in (patched, whole))
    assert len(ours) == len(theirs)
    differ = [i for i, (one, other) in enumerate(zip(ours, theirs, strict=True)) if one != other]
    # only new contacts' lines, and only by quotes
    assert all(
        ours[i].replace("\\", "").replace('"', "") == theirs[i].replace('"', "") for i in differ
    )


@pytest.mark.parametrize("name", [name for name in PATCHED if not name.startswith("flow")])
def test_a_merge_into_a_block_list_never_reads_the_whole_round_trip_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """What makes a merge scale: only the contacts it changes are read by the slow
    round-trip parser, never the whole file."""
    from warmreach.networkfile import edit
    from warmreach.networkfile.layout import round_trip as whole_file

    def only_parts(text: str, file: str, first_line: int) -> object:
        assert text.startswith(edit._WRAPPER), "the whole file was read for a merge"
        return whole_file(text, file, first_line)

    monkeypatch.setattr(edit, "round_trip", only_parts)
    output = tmp_path / "network.yaml"
    output.write_text(PATCHED[name], encoding="utf-8")
    summary = import_export(MERGED_EXPORTS["linkedin"](), output, merge=True)
    assert summary.added and summary.written


def test_a_merge_that_starts_again_on_the_whole_tree_reads_the_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a contact cannot be edited on its own lines (here: none can) after new people
    were added on lines of their own, the merge starts again on the whole round-trip
    tree, from the file as it first read it (under the same lock)."""
    from warmreach.importers import merge as merging
    from warmreach.networkfile import decode, edit

    reads: list[object] = []
    read = decode.read_network_file

    def counted(*args: Any, **options: Any) -> bytes:
        reads.append(args)
        return read(*args, **options)

    restarts: list[object] = []
    whole = edit.Document.whole

    def restarted(document: edit.Document) -> edit.Document:
        restarts.append(document)
        return whole(document)

    monkeypatch.setattr(edit, "read_network_file", counted)
    monkeypatch.setattr(edit.Document, "whole", restarted)
    monkeypatch.setattr(edit.Document, "_part", lambda document, contact_id: None)
    output = tmp_path / "network.yaml"
    output.write_text(MINE, encoding="utf-8")
    export = MERGED_EXPORTS["linkedin"]()
    newest_first = dataclasses.replace(export, people=export.people[::-1])  # added, then changed
    told = Told()
    summary = merging.import_export(newest_first, output, merge=True, progress=told)
    assert summary.added and summary.updated and summary.written
    # read once to edit, and once more just before writing, to check it did not change
    assert len(restarts) == 1 and len(reads) == 2
    # the progress bar starts over, and counts every person on the whole tree too
    people = len(newest_first.people)
    merging_stage = (f"merging {people:,} people into network.yaml", people)
    (first, again, *_) = told.stages
    assert first[:2] == merging_stage == again[:2]
    assert 0 < first[2] < people and again[2] == people
    contacts = len(load_network(output).contacts)  # the whole tree's count, checked
    assert told.stages[-1] == ("checking network.yaml", contacts, contacts)


class Told:
    """Progress as a list of stages: (description, total, steps advanced)."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, int | None, int]] = []

    def stage(self, description: str, total: int | None = None) -> None:
        self.stages.append((description, total, 0))

    def advance(self, steps: int = 1) -> None:
        description, total, done = self.stages[-1]
        self.stages[-1] = (description, total, done + steps)


def test_an_import_and_a_merge_tell_each_stage_and_count_every_step(tmp_path: Path) -> None:
    """What the progress bar shows: the people read (a new file) or merged, then the file
    as it will be written, checked contact by contact, then kept for the next command
    (when there is a cache to keep it in)."""
    from warmreach.networkfile.cache import NetworkCache

    export = MERGED_EXPORTS["linkedin"]()
    people = len(export.people)
    output = tmp_path / "new.yaml"
    told = Told()
    summary = import_export(export, output, me="Ana Lima", progress=told)
    added = len(summary.added)
    assert told.stages == [
        (f"reading {people:,} people", people, people),
        ("writing new.yaml", None, 0),
        ("checking new.yaml", added, added),
    ]  # no cache given: nothing kept
    told = Told()
    cache = NetworkCache(folder=tmp_path / "cache")
    import_export(export, output, me="Ana Lima", progress=told, cache=cache, force=True)
    assert told.stages[2:] == [
        ("checking new.yaml", added, added),
        ("keeping new.yaml for the next command", None, 0),
    ]

    output = tmp_path / "network.yaml"
    output.write_text(MINE, encoding="utf-8")
    told = Told()
    summary = import_export(export, output, merge=True, progress=told, cache=cache)
    contacts = len(load_network(output).contacts)
    assert summary.added and told.stages == [
        (f"merging {people:,} people into network.yaml", people, people),
        ("writing network.yaml", None, 0),
        ("checking network.yaml", contacts, contacts),
        ("keeping network.yaml for the next command", None, 0),
    ]


def test_a_new_file_is_read_before_it_is_written_and_kept_for_the_next_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh import reads the file it is about to write as every command will; the
    network read is what the next command gets from the cache, without parsing."""
    from warmreach.networkfile import cache as cache_module
    from warmreach.networkfile.cache import NetworkCache

    export = MERGED_EXPORTS["linkedin"]()
    output = tmp_path / "new.yaml"
    cache = NetworkCache(folder=tmp_path / "cache")
    import_export(export, output, me="Ana Lima", cache=cache)
    monkeypatch.setattr(
        cache_module, "parse_network", lambda *args, **kwargs: pytest.fail("parsed again")
    )
    cached, _ = cache.load(output)
    fresh = load_network(output)
    assert cached == fresh and len(fresh.contacts) == len(export.people)
    assert [c.location for c in cached.contacts] == [c.location for c in fresh.contacts]


@pytest.mark.parametrize("existing", [False, True])
def test_a_new_file_that_would_not_load_is_not_written(
    existing: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the writer ever make a file that does not load, the import says what is
    wrong in it and writes nothing: no new file, and one it was to replace (``--force``)
    left as it was."""
    import warmreach.importers.newfile as newfile_module

    def broken(name: str, contacts: list[dict[str, Any]], **options: Any) -> str:
        return network_text(name, contacts, **options) + "openings: [{team: Grid}]\n"

    monkeypatch.setattr(newfile_module, "network_text", broken)
    output = tmp_path / "new.yaml"
    if existing:
        output.write_text(MINE, encoding="utf-8")
    with pytest.raises(InvalidNetwork) as raised:
        import_export(MERGED_EXPORTS["linkedin"](), output, me="Ana Lima", force=existing)
    messages = [problem.message for problem in raised.value.problems]
    assert messages and all(
        message.endswith("(in the file this import would write; nothing was written)")
        for message in messages
    )
    assert "openings[0].company is required" in messages[0]
    if existing:
        assert output.read_text(encoding="utf-8") == MINE
    else:
        assert not output.exists()
    assert [path.name for path in tmp_path.iterdir()] == (["new.yaml"] if existing else [])
