"""The second audit: inputs that hung, grew memory with one line, or raised a traceback,
and promises the docs made that were not kept. Each case is written from its report with
inputs of our own; bounds are checked by counting work or memory, or as a ratio to reading
the same bytes, never as seconds.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warmreach.cli import app
from warmreach.importers import read_mbox
from warmreach.networkfile import parse_network
from warmreach.plan.week import plan_actions

HEADER = (
    b"From bo@a.test Mon Nov  2 10:00:00 +0000 2026\n"
    b"From: Bo <bo@a.test>\nTo: Ana <ana@home.test>\nDate: Mon, 2 Nov 2026 10:00:00 +0000\n\n"
)


def _seconds(data: bytes) -> float:
    start = time.perf_counter()
    read_mbox(io.BytesIO(data), "m.mbox", own=["ana@home.test"])
    return time.perf_counter() - start


def test_a_body_line_that_looks_like_a_from_line_reads_in_linear_time() -> None:
    size = 1 << 20
    hostile = HEADER + b"From a 00:00 00:00 " + b"00:00 " * (size // 6) + b"\n"
    plain = HEADER + b"x" * (len(hostile) - len(HEADER) - 1) + b"\n"
    _seconds(plain)  # warm up
    ratio = min(_seconds(hostile) for _ in range(3)) / max(
        min(_seconds(plain) for _ in range(3)), 1e-3
    )
    assert ratio < 20, ratio  # it took minutes: quadratic backtracking


def test_one_line_of_twenty_megabytes_keeps_memory_flat() -> None:
    data = io.BytesIO(HEADER + b"y" * (20 << 20) + b"\n" + HEADER)
    tracemalloc.start()
    try:
        read_mbox(data, "m.mbox", own=["ana@home.test"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 << 20, peak  # the whole line was held: 2 GB for a 1.2 GB line


def test_a_from_header_of_a_thousand_brackets_is_a_skipped_message(tmp_path: Path) -> None:
    mbox = tmp_path / "m.mbox"
    mbox.write_bytes(
        b"From x@y Mon Nov  2 10:00:00 +0000 2026\nFrom: " + b"(" * 1000 + b"\nTo: a@b.test\n\nb\n"
    )
    result = CliRunner().invoke(
        app, ["import", "mbox", str(mbox), "--output", str(tmp_path / "n.yaml"), "--me", "Ana"]
    )
    assert result.exit_code == 0, result.output
    assert "1 message that could not be read" in result.stdout
    assert "Traceback" not in result.output


def test_a_number_of_five_thousand_digits_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("me: {name: Ana}\ncontacts:\n  - {name: Bo, trust: " + "9" * 5000 + "}\n")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 3  # invalid input
    assert result.stderr.startswith(f"{path}:3:23: contacts[0].trust must be a whole number")
    assert "(5000 characters)" in result.stderr and len(result.stderr) < 300


def test_near_duplicate_company_names_are_matched_with_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """6,000 contacts at 'Acme Corp 00001', 'Acme Corp 00002', ... took 45 s to validate:
    each name was compared again in Python with every other. Now a name is checked only
    against the names that share one of its one-letter variants."""
    import warmreach.matching.companies as companies

    checks = 0
    real = companies.slip_apart

    def counting(written: Sequence[str], known: Sequence[str]) -> bool:
        nonlocal checks
        checks += 1
        return real(written, known)

    monkeypatch.setattr(companies, "slip_apart", counting)
    count = 3000
    text = "me: {name: Ana}\ncontacts:\n" + "".join(
        f"  - {{name: P{i}, company: Acme Corp {i:05d}}}\n" for i in range(count)
    )
    network = parse_network(text)
    assert len(network.companies) == count  # numbers are never slips
    assert checks < count, checks


def test_the_role_of_each_title_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """400 openings and 800 contacts took 45 s to plan: whether a title is a role was read
    again for every contact and opening."""
    import warmreach.matching.titles as titles

    calls = 0
    real = titles.holds_role

    def counting(found: Sequence[str], role: str) -> list[bool]:
        nonlocal calls
        calls += 1
        return real(found, role)

    titles.holds_any.cache_clear()
    monkeypatch.setattr(titles, "holds_role", counting)
    roles = ["Product Manager", "Data Scientist", "Software Engineer", "Designer"]
    text = (
        "me: {name: Ana, seeking: {roles: [Product Manager, Data Scientist]}}\nopenings:\n"
        + "".join(
            f"  - {{company: Co {i % 20}, team: T{i}, role: {roles[i % 4]}}}\n" for i in range(100)
        )
        + "contacts:\n"
        + "".join(
            f"  - {{name: P{i}, company: Co {i % 20}, team: T{i % 100}, "
            f"title: Senior {roles[i % 4]}, trust: 3, knows_my_work: 2}}\n"
            for i in range(200)
        )
    )
    plan_actions(parse_network(text), hours=2, as_of=dt.date(2026, 11, 25))
    assert calls <= 4 * 4 * 3, calls  # titles and roles asked, each once (was tens of thousands)


def test_a_read_only_file_is_never_replaced_even_by_root_with_force(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("mine\n")
    report.chmod(0o444)
    network = tmp_path / "n.yaml"
    network.write_text("me: {name: Ana, seeking: {companies: [Acme]}}\ncontacts: []\n")
    result = CliRunner().invoke(
        app, ["analyze", str(network), "--output", str(report), "--force", "--format", "markdown"]
    )
    assert result.exit_code != 0 and "is read-only" in result.stderr
    assert report.read_text() == "mine\n"


def _import(export: Path, output: Path, *extra: str) -> int:
    return (
        CliRunner()
        .invoke(app, ["import", "linkedin", str(export), "--output", str(output), *extra])
        .exit_code
    )


def _connections(folder: Path, name: str, count: int) -> Path:
    rows = "".join(f"{name},P{i},,,Acme,Engineer,12 Mar 2020\n" for i in range(count))
    path = folder / f"{name}.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows)
    return path


def _race(exports: tuple[Path, Path], output: Path, *extra: str) -> list[int]:
    """Two imports started together onto ``output``: their exit codes."""
    command = [sys.executable, "-m", "warmreach", "import", "linkedin"]
    runs = [
        subprocess.Popen(
            [*command, str(export), "--output", str(output), "--me", "Ana", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for export in exports
    ]
    return [process.wait() for process in runs]


def test_two_merges_into_a_new_file_keep_both_exports_people(tmp_path: Path) -> None:
    """Two `import --merge` into an output that did not exist both exited 0, and one
    export's people were lost in 2 to 5 runs of 15 (the lock was taken only when the file
    existed). Fifty runs, both exports' people every time."""
    exports = _connections(tmp_path, "Ada", 6), _connections(tmp_path, "Bea", 6)
    lost = 0
    for run in range(50):
        output = tmp_path / f"n{run}.yaml"
        assert _race(exports, output, "--merge") == [0, 0]
        text = output.read_text()
        lost += not ("Ada P5" in text and "Bea P5" in text)
    assert lost == 0


def test_two_creating_imports_never_both_succeed(tmp_path: Path) -> None:
    """Two `import` without --force onto one new output both succeeded in 4 to 8 runs of
    12, and the second silently replaced the first: the existence check and the write
    were two steps. Now exactly one writes, and the file is all of its export."""
    exports = _connections(tmp_path, "Ada", 300), _connections(tmp_path, "Bea", 300)
    for run in range(20):
        output = tmp_path / f"n{run}.yaml"
        codes = _race(exports, output)
        assert sorted(codes)[0] == 0 and sorted(codes)[1] != 0, codes
        winner = "Ada" if codes[0] == 0 else "Bea"
        text = output.read_text()
        assert f"{winner} P299" in text and ("Bea" if winner == "Ada" else "Ada") not in text


def test_an_import_larger_than_the_size_limit_writes_nothing(tmp_path: Path) -> None:
    export = _connections(tmp_path, "Ada", 3000)
    output = tmp_path / "n.yaml"
    result = CliRunner().invoke(
        app,
        [
            "import",
            "linkedin",
            str(export),
            "--output",
            str(output),
            "--me",
            "A",
            "--max-size",
            "0.1",
        ],
    )
    assert result.exit_code != 0 and "--max-size" in result.stderr and not output.exists()


def test_a_name_that_is_a_markdown_image_or_link_stays_text(tmp_path: Path) -> None:
    network = tmp_path / "n.yaml"
    network.write_text(
        "me: {name: Ana, seeking: {companies: [Acme]}}\ncontacts:\n"
        '  - {name: "![t](http://evil.example/t.png)", company: Acme, trust: 4}\n'
        '  - {name: "[c](javascript:alert(1))", company: Acme, trust: 4}\n'
        '  - {name: "<http://evil.example/a>", company: Acme, trust: 4}\n'
        '  - {name: "\\\\[d](http://evil.example/d)", company: Acme, trust: 4}\n'
    )
    for command in ("analyze", "gaps", "plan"):
        result = CliRunner().invoke(
            app, [command, str(network), "--format", "markdown", "--as-of", "2026-11-25"]
        )
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "](" not in out.replace("&#93;(", "") and "<http" not in out, command
        assert "[" not in out and "<" not in out, command


def test_a_folder_archive_never_follows_a_link_out_of_the_folder(tmp_path: Path) -> None:
    from warmreach.importers import read_archive

    secret = tmp_path / "secret.csv"
    secret.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Private,Person,,,Elsewhere,Spy,1 Jan 2020\n"
    )
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "Profile.csv").write_text("First Name,Last Name\nAna,Lima\n")
    (folder / "Connections.csv").symlink_to(secret)
    export = read_archive(folder, max_bytes=1_000_000)
    assert [person.name for person in export.people] == []
    assert any("outside the archive" in skipped.reason for skipped in export.skipped)
