"""The command line, through typer's CliRunner: exit codes and exact messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warmreach
from tests.helpers import ROOT
from warmreach.cli import ExitCode, app, for_arguments

runner = CliRunner()
SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"


def test_validate_prints_a_summary() -> None:
    result = runner.invoke(app, ["validate", str(SAMPLE)])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == (
        f"{SAMPLE} is valid\n"
        "  30 contacts: 23 direct ties, 7 known only through others\n"
        "  10 companies, 10 teams, 2 openings\n"
        "  31 links between contacts\n"
    )
    assert result.stderr == ""


def test_validate_lists_every_problem_and_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(
        "me: {name: Ana}\ncontacts:\n  - name: Bob\n    trsut: 5\n    met: 2024-02-30\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:4:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?\n"
        f"{path}:5:10: contacts[0].met '2024-02-30' is not a real date (February 2024 has no day 30)\n"
    )


def test_messages_with_brackets_are_printed_as_written(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text(
        "me: {name: Ana}\ncontacts:\n  - name: '[bold]x'\n    knows: ['[red]y']\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert "no contact is called '[red]y'" in result.stderr


def test_unreadable_file_exits_1() -> None:
    result = runner.invoke(app, ["validate", "no-such-file.yaml"])
    assert result.exit_code == ExitCode.ERROR
    assert (
        result.stderr
        == "warmreach: no-such-file.yaml: cannot read the file: No such file or directory\n"
    )


def test_max_size_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--max-size", "0.001", str(SAMPLE)])
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "over the 0.001 MB limit; raise it with --max-size" in result.stderr


@pytest.mark.parametrize("size", ["lots", "-1", "nan"])
def test_max_size_must_be_megabytes(size: str) -> None:
    result = runner.invoke(app, ["validate", "--max-size", size, str(SAMPLE)])
    assert result.exit_code == ExitCode.USAGE
    assert "is not a number of megabytes" in result.stderr


def test_version_comes_from_the_package_metadata() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == f"warmreach {version('warmreach')}\n"
    assert warmreach.__version__ == version("warmreach")


def test_dash_h_is_help() -> None:
    assert runner.invoke(app, ["-h"]).stdout == runner.invoke(app, ["--help"]).stdout
    assert "Usage: warmreach" in runner.invoke(app, ["-h"]).stdout


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text("- not a mapping\n", encoding="utf-8")
    result = runner.invoke(app, ["--debug", "validate", str(path)])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "InvalidNetwork"


def test_usage_errors_exit_2() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == ExitCode.USAGE
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == ExitCode.USAGE


def test_schema_is_json_and_matches_the_committed_copy() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == ExitCode.OK
    schema = json.loads(result.stdout)
    assert schema["required"] == ["me"]
    committed = (ROOT / "docs" / "network.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run: warmreach schema > docs/network.schema.json"


def _commands() -> dict[str, str | None]:
    """Every command's name and the docstring of its function."""
    found = {}
    for command in app.registered_commands:
        assert command.callback is not None
        found[command.name or command.callback.__name__] = command.callback.__doc__
    return found


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_has_help(command: str) -> None:
    for flag in ("--help", "-h"):
        result = runner.invoke(app, [command, flag])
        assert result.exit_code == 0
        assert "Usage: warmreach " + command in result.stdout
    assert _commands()[command]


def test_python_dash_m_runs_the_same_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "warmreach", "validate", str(SAMPLE)], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith(f"{SAMPLE} is valid\n")


def test_the_command_exits_with_all_its_output_and_its_status(tmp_path: Path) -> None:
    """The process leaves without freeing what it built (``warmreach.cli.run``): what it
    printed is there whole, pipe or not, and the status is the one the command set."""
    arguments = ["analyze", str(SAMPLE), "--as-of", "2026-11-25", "--format", "json"]
    env = {**os.environ, "WARMREACH_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the file parsed, then the network from the cache
        done = subprocess.run(
            [sys.executable, "-m", "warmreach", *arguments], capture_output=True, env=env
        )
        assert done.returncode == ExitCode.OK
        assert done.stdout == runner.invoke(app, arguments).stdout_bytes
    broken = tmp_path / "broken.yaml"
    broken.write_text("me: {name: Ana}\ncontacts:\n  - name: Bob\n    trsut: 5\n")
    for command, status in (
        (["validate", str(broken)], ExitCode.INVALID_INPUT),
        (["analyze", str(SAMPLE), "--top", "0"], ExitCode.USAGE),
        (["validate", str(tmp_path / "missing.yaml")], ExitCode.ERROR),
    ):
        failed = subprocess.run(
            [sys.executable, "-m", "warmreach", *command], capture_output=True, text=True, env=env
        )
        assert failed.returncode == status, failed.stderr
        assert failed.stderr.strip(), command


def test_an_exit_status_is_pythons_own(capsys: pytest.CaptureFixture[str]) -> None:
    from warmreach.cli import exit_status

    assert [exit_status(code) for code in (None, 0, 3, ExitCode.INVALID_INPUT)] == [0, 0, 3, 3]
    assert exit_status("stopped") == 1
    assert capsys.readouterr().err == "stopped\n"


# -- analyze --------------------------------------------------------------------------------

ANALYZE = ["analyze", str(SAMPLE), "--as-of", "2026-11-25"]


def test_analyze_json_has_the_stable_fields() -> None:
    result = runner.invoke(app, [*ANALYZE, "--format", "json", "--top", "2"])
    assert result.exit_code == ExitCode.OK
    report = json.loads(result.stdout)
    assert report["generated_for"] == "Ana Lima"
    first = report["targets"][0]
    assert (first["company"], first["team"], first["role"]) == (
        "voltgrid",
        "grid-storage-product",
        "Product Manager",
    )
    assert len(first["candidates"]) == 2
    for candidate in first["candidates"]:
        assert {"contact", "name", "score", "path", "action", "reasons"} <= set(candidate)
        assert candidate["path"][0] == "me"


def test_analyze_targets_named_on_the_command_line() -> None:
    result = runner.invoke(
        app, [*ANALYZE, "--format", "json", "--target", "voltgrid ab", "--target", "Kelp Labs"]
    )
    assert result.exit_code == ExitCode.OK
    targets = json.loads(result.stdout)["targets"]
    # a company with an opening in the file is aimed at through that opening: its team,
    # role and hiring manager kept
    assert [(t["company"], t["team"], t["hiring_manager"]) for t in targets] == [
        ("voltgrid", "grid-storage-product", "eva-berg"),
        ("kelp-labs", None, None),
    ]


def test_analyze_target_with_team_takes_the_opening() -> None:
    result = runner.invoke(
        app, [*ANALYZE, "--format", "json", "--target", "Voltgrid/grid storage product"]
    )
    target = json.loads(result.stdout)["targets"][0]
    assert target["hiring_manager"] == "eva-berg"


def test_analyze_unknown_target_is_a_usage_error_with_a_hint() -> None:
    result = runner.invoke(app, [*ANALYZE, "--target", "Voltgard"])
    assert result.exit_code == ExitCode.USAGE
    assert (
        result.stderr
        == "warmreach: no company in the network is called 'Voltgard'; did you mean 'Voltgrid'?\n"
    )
    result = runner.invoke(app, [*ANALYZE, "--target", "Voltgrid/Marketing"])
    assert result.stderr == (
        "warmreach: Voltgrid has no team 'Marketing'; its teams: Grid Storage Product, "
        "Battery Systems, Data Platform, Customer Success, Cell Manufacturing\n"
    )


def test_analyze_bad_date_is_a_usage_error() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--as-of", "25/11/2026"])
    assert result.exit_code == ExitCode.USAGE
    assert "'25/11/2026' is not a date written YYYY-MM-DD" in result.stderr


def test_analyze_writes_output_atomically_and_never_over_a_file(tmp_path: Path) -> None:
    output = tmp_path / "report.md"
    result = runner.invoke(app, [*ANALYZE, "--format", "markdown", "--output", str(output)])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert output.read_text(encoding="utf-8").startswith("# Referral report for Ana Lima\n")
    output.write_text("my notes\n", encoding="utf-8")
    result = runner.invoke(app, [*ANALYZE, "--output", str(output)])
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == f"warmreach: {output} exists; pass --force to overwrite it\n"
    assert output.read_text(encoding="utf-8") == "my notes\n"
    result = runner.invoke(app, [*ANALYZE, "--output", str(output), "--force"])
    assert result.exit_code == ExitCode.OK
    # the extension says markdown
    assert output.read_text(encoding="utf-8").startswith("# Referral report for Ana Lima")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.md"]


def test_analyze_an_invalid_file_lists_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text("me: {name: Ana}\ncontacts: [{name: Bob, trust: 9}]\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert (
        result.stderr
        == f"{path}:2:31: contacts[0].trust must be a whole number from 0 to 5, not '9'\n"
    )


def test_analyze_a_network_without_targets_says_so(tmp_path: Path) -> None:
    path = tmp_path / "network.yaml"
    path.write_text("me: {name: Ana}\ncontacts: [{name: Bob}]\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "warmreach: nothing to analyze: the file has no openings and no me.seeking.companies; "
        "name a target with --target COMPANY[/TEAM]\n"
    )


@pytest.mark.parametrize("command", ["analyze", "gaps", "plan"])
def test_output_takes_its_format_from_the_extension(command: str, tmp_path: Path) -> None:
    args = [command, str(SAMPLE), "--as-of", "2026-11-25", "--output"]
    assert runner.invoke(app, [*args, str(tmp_path / "r.json")]).exit_code == 0
    json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert runner.invoke(app, [*args, str(tmp_path / "r.md")]).exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    assert runner.invoke(app, [*args, str(tmp_path / "r.txt")]).exit_code == 0
    assert "┃" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    # --format wins where the extension says nothing, and a contradiction writes nothing
    assert runner.invoke(app, [*args, str(tmp_path / "r.out"), "--format", "json"]).exit_code == 0
    json.loads((tmp_path / "r.out").read_text(encoding="utf-8"))
    clash = runner.invoke(app, [*args, str(tmp_path / "c.json"), "--format", "markdown"])
    assert clash.exit_code == 2
    assert "is named for json" in " ".join(clash.stderr.split())
    assert not (tmp_path / "c.json").exists()


EXPORTS = ROOT / "tests" / "data" / "exports"


@pytest.mark.parametrize(
    ("name", "what", "source"),
    [
        ("linkedin-connections.csv", "LinkedIn's Connections.csv", "linkedin"),
        ("google-contacts.csv", "contacts export (CSV)", "google"),
        ("contacts-v3.vcf", "a vCard file", "vcard"),
        ("mail.mbox", "a mailbox (mbox)", "mbox"),
        ("calendar.ics", "a calendar (iCalendar)", "ics"),
    ],
)
def test_an_export_given_as_the_network_says_which_import_reads_it(
    name: str, what: str, source: str
) -> None:
    path = EXPORTS / name
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == ExitCode.INVALID_INPUT
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{path}:1:1: this looks like ") and what in line
    assert line.endswith(
        f"make one from it with: warmreach import {source} {path} --output network.yaml"
    )


def test_a_binary_file_given_as_the_network_is_one_line() -> None:
    picture = ROOT / "docs" / "career-switcher.png"
    result = runner.invoke(app, ["validate", str(picture)])
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert (
        result.stderr == f"{picture}:1:1: this looks like a PNG image, not a network file (YAML)\n"
    )


def test_a_dash_reads_the_network_from_standard_input() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    result = runner.invoke(app, ["validate", "-"], input=text)
    assert result.exit_code == ExitCode.OK and result.stdout.startswith("<stdin> is valid")
    piped = runner.invoke(app, ["analyze", "-", "--as-of", "2026-11-25"], input=text)
    report, _, after = piped.stdout.partition("\nNext: ")
    assert report == runner.invoke(app, ANALYZE).stdout.partition("\nNext: ")[0]
    assert after.startswith("warmreach plan NETWORK --messages")
    broken = runner.invoke(app, ["validate", "-"], input="me: [\n")
    assert broken.exit_code == ExitCode.INVALID_INPUT and broken.stderr.startswith("<stdin>:")
    edit = runner.invoke(app, ["log", "-", "bob", "--contacted"], input=text)
    assert edit.exit_code == 2 and "give its path, not -" in edit.stderr


def test_a_plan_with_no_hours_says_so() -> None:
    result = runner.invoke(app, ["plan", str(SAMPLE), "--as-of", "2026-11-25", "--hours", "0"])
    assert result.exit_code == 0
    assert "No hours to plan with: give some with --hours" in result.stdout
    assert "Nothing to do" not in result.stdout


def test_help_shows_defaults_plainly() -> None:
    text = " ".join(runner.invoke(app, ["plan", "-h"]).stdout.split())
    assert "Default: 20." in text and "(20)" not in text


def test_every_command_shows_an_example_that_uses_its_own_options() -> None:
    import re
    import shlex

    from warmreach.cli import COMMANDS, EXAMPLES

    for name, _ in COMMANDS:
        help_text = runner.invoke(app, [name, "-h"]).stdout
        assert "Example:" in help_text, name
        for line in EXAMPLES[name].splitlines():
            words = shlex.split(line.strip())
            assert words[:2] == ["warmreach", name], line
            assert line.strip() in help_text
            for option in (word for word in words if word.startswith("--")):
                assert re.search(rf"{re.escape(option)}\b", help_text), (name, option)


def test_shell_completion_is_offered() -> None:
    # in a process of its own: completion reads the program's name from how it was run;
    # the script for bash asked for as the installed completion asks (--show-completion
    # detects the shell this runs in, which a test runner may not have)
    result = subprocess.run(
        [sys.executable, "-m", "warmreach"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "_WARMREACH_COMPLETE": "source_bash"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout and "COMP_WORDS" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", str(SAMPLE), "--format", "xml"], "'xml' is not one of table, markdown, json"),
        (["analyze", str(SAMPLE), "--top", "x"], "'x' is not a whole number"),
        (["analyze", str(SAMPLE), "--top", "0"], "0 is not 1 or more"),
        (["plan", str(SAMPLE), "--hours", "-1"], "'-1' is not a number of hours, 0 or more"),
        (["plan", str(SAMPLE), "--hours", "nan"], "'nan' is not a number of hours, 0 or more"),
        (["render", str(SAMPLE), "--output", "x.png", "--dpi", "5"], "5 is not from 30 to 1200"),
        (["review", str(SAMPLE), "--limit", "0"], "0 is not 1 or more"),
    ],
)
def test_a_wrong_option_value_is_said_in_warmreachs_words(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert "Input should" not in result.stderr and "Value error" not in result.stderr


def test_help_shows_plain_placeholders() -> None:
    for command in ("analyze", "plan", "render", "review", "log"):
        text = runner.invoke(app, [command, "-h"]).stdout
        assert "range>" not in text and "<integer>" not in text, command


@pytest.mark.parametrize(
    "arguments",
    [
        ["analyze", str(SAMPLE), "--as-of", "2026-11-25", "--top", "2"],
        ["--no-cache", "analyze", str(SAMPLE), "--format", "json", "--as-of", "2026-11-25"],
        ["--debug", "validate", str(SAMPLE)],
        ["validate", "--max-size", "lots", str(SAMPLE)],
        ["analyze", "--help"],
        ["import", "--help"],
        ["plan", "--bogus"],
        ["analyze"],
        ["schema", "extra"],
    ],
    ids=lambda arguments: " ".join(arguments[:2]),
)
def test_a_command_run_on_its_own_says_what_the_whole_app_says(arguments: list[str]) -> None:
    """The command line builds only the command it runs (the others' options are not
    needed): its output, errors, help and exit code are the whole app's."""
    only = for_arguments(arguments)
    assert only is not app and len(only.registered_commands) == 1
    alone, whole = runner.invoke(only, arguments), runner.invoke(app, arguments)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )


@pytest.mark.parametrize("arguments", [[], ["--help"], ["--version"], ["anlyze", "x.yaml"]])
def test_without_a_command_the_whole_app_answers(arguments: list[str]) -> None:
    """Help lists every command, and a mistyped one is told apart from the rest."""
    assert for_arguments(arguments) is app
