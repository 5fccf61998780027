"""The attacks and accidents an audit tried on warmreach, each reproduced, each refused.

A poisoned cache, two edits at once, a file changed behind an edit, links, devices and
FIFOs, inputs that used to take quadratic time or gigabytes, text that a terminal or a
page would obey, files created for anyone to read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import pickle
import stat
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from warmreach import WarmreachError, parse_network
from warmreach.atomic import STALE_SECONDS
from warmreach.cli import app
from warmreach.errors import InvalidNetwork
from warmreach.importers import read_linkedin, read_vcard
from warmreach.importers.vcard import _unfold
from warmreach.log import LogEntry, log_contact, record
from warmreach.matching.people import comparison_groups
from warmreach.networkfile import cache as cache_module
from warmreach.networkfile import decode_text, load_network
from warmreach.networkfile.build.people import MAX_HINTS
from warmreach.networkfile.cache import MAGIC, load_network_cached
from warmreach.networkfile.edit import editing, save_document

NETWORK = """\
# hand-written
me: {name: Ana Lima, seeking: {companies: [Voltgrid]}}
contacts:
  - name: Bob Chen   # a friend
    company: Voltgrid
    trust: 4
  - name: Eva Berg
    company: Voltgrid
    trust: 2
"""
DAY = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, text: str = NETWORK, name: str = "network.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def warmreach(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "warmreach", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


# -- the cache --------------------------------------------------------------------------------


class _Marker:
    """A pickle that touches a file when loaded: what an attacker would plant."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return (Path.touch, (self.path,))


def _entry_name(path: Path) -> str:
    return f"warmreach-{cache_module._key(os.fspath(path), path.read_bytes())}.entry"


def test_a_planted_entry_in_a_folder_others_can_write_is_never_loaded(tmp_path: Path) -> None:
    network = write(tmp_path)
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)  # a shared or pre-made cache folder
    marker = tmp_path / "pwned"
    (folder / _entry_name(network)).write_bytes(pickle.dumps(_Marker(marker)))
    warnings: list[str] = []
    loaded, _ = load_network_cached(network, cache_dir=folder, warn=warnings.append)
    assert loaded == load_network(network)
    assert not marker.exists()
    assert warnings == [
        f"the cache folder {folder} can be written by others (mode 777); not using the cache"
    ]


def test_a_cache_folder_of_someone_else_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = write(tmp_path)
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    if os.geteuid() == 0:  # as the audit did: a folder that belongs to another user
        os.chown(folder, 65534, 65534)
    else:  # the refusal path, as if we were another user
        real = os.geteuid()
        monkeypatch.setattr(os, "geteuid", lambda: real + 1)
    warnings: list[str] = []
    load_network_cached(network, cache_dir=folder, warn=warnings.append)
    assert warnings == [f"the cache folder {folder} belongs to someone else; not using the cache"]
    assert list(folder.iterdir()) == []


def test_an_entry_without_our_signature_is_never_unpickled(tmp_path: Path) -> None:
    network = write(tmp_path)
    folder = tmp_path / "cache"
    load_network_cached(network, cache_dir=folder)  # makes the key
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Marker(marker))
    forged = MAGIC + hmac.new(b"a guess" * 5, payload, hashlib.sha256).digest() + payload
    entry = folder / _entry_name(network)
    entry.write_bytes(forged)
    loaded, _ = load_network_cached(network, cache_dir=folder)
    assert loaded == load_network(network) and not marker.exists()
    assert entry.read_bytes() != forged  # replaced by a signed entry


def test_a_key_others_can_read_makes_the_cache_unusable(tmp_path: Path) -> None:
    network = write(tmp_path)
    folder = tmp_path / "cache"
    load_network_cached(network, cache_dir=folder)
    (folder / "key").chmod(0o644)
    warnings: list[str] = []
    load_network_cached(network, cache_dir=folder, warn=warnings.append)
    assert warnings == [
        f"the cache key {folder / 'key'} can be read by others (mode 644); not using the cache"
    ]


def test_pruning_never_deletes_files_the_cache_did_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir(mode=0o700)
    theirs = [folder / f"model-{index}.pickle" for index in range(30)]
    for path in theirs:
        path.write_bytes(b"someone's model")
    for index in range(cache_module.MAX_ENTRIES + 5):
        network = write(
            tmp_path, NETWORK.replace("trust: 4", f"trust: {index % 5}"), f"n{index}.yaml"
        )
        load_network_cached(network, cache_dir=folder)
    assert all(path.exists() for path in theirs)
    assert len(list(folder.glob("warmreach-*.entry"))) == cache_module.MAX_ENTRIES


def test_the_commands_say_once_why_the_cache_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    monkeypatch.setenv("WARMREACH_CACHE_DIR", str(folder))
    result = CliRunner().invoke(app, ["validate", str(write(tmp_path, NETWORK))])
    assert result.exit_code == 0
    assert result.stderr == (
        f"warmreach: warning: the cache folder {folder} can be written by others (mode 777); "
        "not using the cache\n"
    )


# -- edits that cannot lose anything ----------------------------------------------------------


def test_two_edits_at_once_both_land(tmp_path: Path) -> None:
    path = write(tmp_path)
    for round_ in range(4):
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "warmreach",
                    "log",
                    str(path),
                    who,
                    "--note",
                    f"{who} {round_}",
                ],
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for who in ("bob-chen", "eva-berg")
        ]
        for run in runs:
            _, errors = run.communicate(timeout=60)
            assert run.returncode == 0, errors
        network = load_network(path)
        for who in ("bob-chen", "eva-berg"):
            assert f"{who} {round_}" in (network.contacts_by_id[who].notes or ""), round_


def test_a_file_changed_behind_an_edit_is_not_replaced(tmp_path: Path) -> None:
    path = write(tmp_path)
    with editing(path) as document:
        record(document, "bob-chen", LogEntry(note="from warmreach", today=DAY))
        saved_by_the_editor = NETWORK.replace("trust: 2", "trust: 3")
        path.write_text(saved_by_the_editor, encoding="utf-8")
        with pytest.raises(WarmreachError, match="changed while warmreach was editing it"):
            save_document(document)
    assert path.read_text(encoding="utf-8") == saved_by_the_editor


def test_a_symlinked_network_is_edited_where_it_lives(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = write(tmp_path / "real")
    link = tmp_path / "network-link.yaml"
    link.symlink_to(real)
    log_contact(link, lambda network: "bob-chen", LogEntry(note="hello", today=DAY))
    assert link.is_symlink()
    assert "hello" in real.read_text(encoding="utf-8")


def test_an_edit_keeps_the_mode_and_group_of_the_file(tmp_path: Path) -> None:
    path = write(tmp_path)
    path.chmod(0o640)
    before = path.stat()
    log_contact(path, lambda network: "bob-chen", LogEntry(note="hello", today=DAY))
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


@pytest.mark.parametrize("case", ["hard link", "read-only"])
def test_files_an_edit_would_break_are_refused(tmp_path: Path, case: str) -> None:
    path = write(tmp_path)
    if case == "hard link":
        os.link(path, tmp_path / "other-name.yaml")
        message = "has 2 hard links"
    else:
        path.chmod(0o444)  # read-only for root too: the mode bits are asked, not os.access
        message = "is read-only"
    with pytest.raises(WarmreachError, match=message):
        log_contact(path, lambda network: "bob-chen", LogEntry(note="x", today=DAY))
    assert path.read_text(encoding="utf-8") == NETWORK


def test_a_device_is_never_replaced_even_with_force(tmp_path: Path) -> None:
    network = write(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(network), "--output", os.devnull, "--force"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"warmreach: {os.devnull} is a character device, not a regular file; warmreach will "
        "not replace it\n"
    )
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_fifo_given_as_the_network_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "network.yaml"
    os.mkfifo(fifo)
    result = warmreach("validate", str(fifo), timeout=30)  # it used to wait forever
    assert result.returncode == 1
    assert (
        result.stderr == f"warmreach: {fifo} is a FIFO, not a regular file; give a network file\n"
    )


def test_temporary_copies_a_killed_run_left_are_removed(tmp_path: Path) -> None:
    path = write(tmp_path)
    old = tmp_path / ".network.yaml.abc123.warmreach-tmp"
    young = tmp_path / ".network.yaml.def456.warmreach-tmp"
    for leftover in (old, young):
        leftover.write_text("half a file", encoding="utf-8")
    long_ago = time.time() - STALE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    log_contact(path, lambda network: "bob-chen", LogEntry(note="x", today=DAY))
    assert not old.exists()
    assert young.exists()  # perhaps another run's, still being written


def test_files_warmreach_creates_are_private_and_replaced_ones_keep_their_mode(
    tmp_path: Path,
) -> None:
    network = write(tmp_path)
    report = tmp_path / "report.md"
    assert (
        CliRunner().invoke(app, ["analyze", str(network), "--output", str(report)]).exit_code == 0
    )
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    report.chmod(0o644)
    args = ["analyze", str(network), "--output", str(report), "--force"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_the_size_limit_holds_after_an_edit(tmp_path: Path) -> None:
    path = write(tmp_path)
    limit = len(NETWORK.encode()) + 20
    entry = LogEntry(note="a note long enough to cross the limit", today=DAY)
    with pytest.raises(InvalidNetwork, match="over the"):
        log_contact(path, lambda network: "bob-chen", entry, max_bytes=limit)
    assert path.read_text(encoding="utf-8") == NETWORK


def test_an_entry_whose_layout_cannot_be_kept_is_written_anew_and_said(tmp_path: Path) -> None:
    odd = "  -   name: Eva Berg\n      company: Voltgrid\n      trust: 2\n"
    mixed = NETWORK.replace("  - name: Eva Berg\n    company: Voltgrid\n    trust: 2\n", odd)
    assert odd in mixed
    path = write(tmp_path, mixed)
    _, changes = log_contact(path, lambda network: "eva-berg", LogEntry(note="x", today=DAY))
    assert changes[-1] == "Eva Berg's entry written in block style"
    after = path.read_text(encoding="utf-8")
    before_lines, after_lines = mixed.split(odd), after.split("  - name: Eva Berg\n")
    assert after.startswith(before_lines[0])  # every line before her entry as it was
    assert after_lines[1].startswith("    company: Voltgrid\n    trust: 2\n")
    assert after.endswith(before_lines[1])  # and every line after it


# -- bounded work on every input --------------------------------------------------------------


def _time(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def test_unfolding_a_vcard_line_grows_with_its_length_not_its_square() -> None:
    def card(parts: int) -> str:
        return "BEGIN:VCARD\nNOTE:" + "\n x" * parts + "\nEND:VCARD\n"

    small, large = card(20_000), card(160_000)
    assert len(_unfold(large)[1][1]) == len("NOTE:") + 160_000
    ratio = _time(lambda: _unfold(large)) / max(_time(lambda: _unfold(small)), 1e-4)
    assert ratio < 30  # 8 times the input: about 8 times the work (it was 64)


def test_unknown_names_get_a_bounded_number_of_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    from rapidfuzz import process

    real = process.extract

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(process, "extract", counted)
    people = "".join(f"  - {{name: Person {i}, knows: [Stranger {i}]}}\n" for i in range(500))
    with pytest.raises(InvalidNetwork) as raised:
        parse_network("me: {name: Ana}\ncontacts:\n" + people)
    assert len(raised.value.problems) == 500
    assert calls <= MAX_HINTS


def test_duplicate_detection_compares_a_bounded_number_of_pairs() -> None:
    def pairs(count: int) -> int:
        names = [f"ana lima {index}" for index in range(count)]
        return sum(len(group) ** 2 for group in comparison_groups(names))

    assert pairs(8000) <= 2.5 * pairs(4000)  # linear, not quadratic (it was 64 million pairs)


def test_a_binary_file_stops_early_in_time_and_memory() -> None:
    binary = os.urandom(5_000_000)
    tracemalloc.start()
    with pytest.raises(InvalidNetwork) as raised:
        decode_text(binary, "n.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(raised.value.problems) == 51
    assert peak < 10 * len(binary)  # it kept one match per bad byte: 2.6 GB for 19 MB


# -- clean errors and text shown, never obeyed ------------------------------------------------

HOSTILE = """\
me: {name: Ana Lima, seeking: {companies: ["Volt[/x]grid"]}}
companies:
  - name: "Volt[/x]grid"
    teams: [{name: "[bold]Grid[/bold]"}]
openings:
  - {company: "Volt[/x]grid", team: "[bold]Grid[/bold]", role: "PM [word]"}
contacts:
  - name: "Bob \\e]0;pwned\\a Chen"
    company: "Volt[/x]grid"
    team: "[bold]Grid[/bold]"
    title: "<script>alert(1)</script> [lead]"
    trust: 5
    knows_my_work: 4
    told: [role, aspiration, availability]
  - {name: "Eve \\e[2J\\u202e", company: "Volt[/x]grid", trust: 3, knows_my_work: 3}
"""


@pytest.mark.parametrize("command", ["analyze", "gaps", "plan"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_markup_and_escapes_in_a_file_are_shown_never_obeyed(
    tmp_path: Path, command: str, fmt: str
) -> None:
    path = write(tmp_path, HOSTILE)
    result = CliRunner().invoke(app, [command, str(path), "--format", fmt, "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not any(char in out for char in "\x1b\x07\u202e")
    if command != "gaps":  # brackets are written as they are, or as references in markdown
        assert ("Volt&#91;/x&#93;grid" if fmt == "markdown" else "Volt[/x]grid") in out
    if command == "analyze":
        shown = {"json": "\\u001b]0;pwned\\u0007", "markdown": "\\x1b&#93;0;pwned"}
        assert shown.get(fmt, "\\x1b]0;pwned") in out
    if fmt == "markdown":
        assert "<script>" not in out


def test_an_error_about_a_name_stays_on_one_line_and_shows_escapes(tmp_path: Path) -> None:
    path = write(
        tmp_path, 'me: {name: Ana}\ncontacts:\n  - {name: Bob, knows: ["Ev\\e[2Ja\\nB"]}\n'
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "\\x1b[2J" in result.stderr and "\x1b" not in result.stderr


def test_a_runaway_quote_in_an_export_is_a_located_error() -> None:
    csv = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        'Bob,"Chen,,,Voltgrid,Engineer,12 Mar 2024\n' + "Ann,Lee,,,Acme,PM,12 Mar 2024\n" * 20_000
    )
    with pytest.raises(WarmreachError, match=r"^c\.csv:2: a quoted field runs on for"):
        read_linkedin(csv.encode(), "c.csv")


def test_a_long_field_within_the_size_limit_is_read() -> None:
    csv = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Bob,Chen,,,Voltgrid,{'x' * 90_000},12 Mar 2024\n"
    )
    assert len(read_linkedin(csv.encode(), "c.csv").people[0].title or "") == 90_000


@pytest.mark.parametrize("charset", ["idna", "undefined", "base64", "no-such-charset"])
def test_a_vcard_charset_that_is_not_one_skips_the_card_with_its_line(charset: str) -> None:
    card = (
        "BEGIN:VCARD\nVERSION:2.1\nFN:Ann Lee\nEND:VCARD\n"
        f"BEGIN:VCARD\nVERSION:2.1\nN;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:Chen;Bob\n"
        "END:VCARD\n"
    )
    export = read_vcard(card.encode(), "c.vcf")
    assert [person.name for person in export.people] == ["Ann Lee"]
    (skipped,) = export.skipped
    assert skipped.line == 7 and f"CHARSET={charset} is not a character set" in skipped.reason


def test_a_contact_called_me_in_an_export_gets_an_id_of_its_own(tmp_path: Path) -> None:
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Me,,,,Acme,Founder,12 Mar 2024\n",
        encoding="utf-8",
    )
    output = tmp_path / "network.yaml"
    args = ["import", "linkedin", str(export), "--output", str(output), "--me", "Ana"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert [contact.id for contact in load_network(output).contacts] == ["me-2"]
    merged = CliRunner().invoke(
        app, ["import", "linkedin", str(export), "--output", str(output), "--merge"]
    )
    assert merged.exit_code == 0, merged.stderr


def test_an_argument_that_is_not_utf8_is_a_clean_usage_error(tmp_path: Path) -> None:
    export = write(tmp_path, "First Name,Last Name\nBob,Chen\n", "c.csv")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "warmreach",
            "import",
            "linkedin",
            str(export),
            "--output",
            str(tmp_path / "n.yaml"),
            "--me",
            os.fsdecode(b"Ana \xff"),
        ],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == b"warmreach: argument 7 (Ana \\xff) is not valid UTF-8; write it in UTF-8\n"
    )
