"""Aiming at what a job seeker has: a person (``--person``), a company or team
(``--target`` on every command that aims), and a list of saved postings (``jobs``,
``--targets-from``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from tests.helpers import ROOT
from warmreach.cli import app
from warmreach.jobs import rank_jobs
from warmreach.matching import find_person
from warmreach.networkfile import parse_network
from warmreach.postings import read_postings
from warmreach.scoring import analyze

DAY = "2026-11-25"
AS_OF = dt.date(2026, 11, 25)
NETWORK = """\
me: {name: Ana Lima, seeking: {roles: [Product Manager]}}
companies:
  - {name: Voltgrid, teams: [{name: Grid Storage}, {name: Cells}]}
openings:
  - {company: Voltgrid, team: Grid Storage, role: Product Manager, hiring_manager: Eva Berg}
contacts:
  - {name: Bob Chen, company: Voltgrid, team: Cells, trust: 5, knows_my_work: 4, met: 2019,
     last_contact: 2026-10, told: [aspiration, availability], knows: [Eva Berg]}
  - {name: Eva Berg, company: Voltgrid, team: Grid Storage, trust: 0}
  - {name: Cy Ode, company: Acme, trust: 4, knows_my_work: 3, met: 2018, last_contact: 2026-09,
     knows: [{name: Dan Moe, strength: 5}]}
  - {name: Dan Moe, company: Northwind, trust: 0, knows: [{name: Fay Lund, strength: 5}]}
  - {name: Fay Lund, company: Northwind, team: Robotics, trust: 0}
  - {name: Gus Hale, company: Keystone, trust: 0}
  - {name: Ida Berg, company: Keystone, trust: 2, met: 2024}
  - {name: Ida Berg, id: ida-berg-2, company: Fjord, trust: 2, met: 2024}
"""


def run(path: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [args[0], str(path), *args[1:], "--as-of", DAY])


@pytest.fixture
def network_file(tmp_path: Path) -> Path:
    path = tmp_path / "network.yaml"
    path.write_text(NETWORK, encoding="utf-8")
    return path


def person_report(path: Path, person: str) -> Any:
    result = run(path, "analyze", "--person", person, "--format", "json")
    assert result.exit_code == 0, result.stderr
    (target,) = json.loads(result.stdout)["targets"]
    return target


# -- --person ---------------------------------------------------------------------------------


def test_a_person_you_know_is_reached_directly(network_file: Path) -> None:
    target = person_report(network_file, "bob chen")
    assert target["person"] == "bob-chen" and target["person_name"] == "Bob Chen"
    (bob,) = target["candidates"]
    assert bob["path"] == ["me", "bob-chen"]
    assert bob["action"] in {"ask-referral", "signal-then-ask"}


def test_a_person_one_bridge_away_is_reached_through_the_bridge(network_file: Path) -> None:
    (eva,) = person_report(network_file, "Eva Berg")["candidates"]
    assert eva["path"] == ["me", "bob-chen", "eva-berg"]
    assert eva["position"] == "hiring-manager"  # the opening of her team is kept


def test_a_person_two_steps_away_is_reached_through_a_chain(network_file: Path) -> None:
    (fay,) = person_report(network_file, "fay lund")["candidates"]
    assert fay["path"] == ["me", "cy-ode", "dan-moe", "fay-lund"]
    assert fay["action"] == "ask-intro"


def test_a_person_nobody_reaches_gets_no_route(network_file: Path) -> None:
    (gus,) = person_report(network_file, "Gus Hale")["candidates"]
    assert gus["path"] == [] and gus["action"] == "apply-directly"
    text = run(network_file, "analyze", "--person", "Gus Hale").stdout
    assert "Your routes to Gus Hale (Keystone)" in text


def test_a_name_two_people_share_must_be_said_by_id(network_file: Path) -> None:
    result = run(network_file, "analyze", "--person", "Ida Berg")
    assert result.exit_code == 2
    assert (
        "could be Ida Berg (ida-berg, Keystone) or Ida Berg (ida-berg-2, Fjord); name one by id"
        in (" ".join(result.stderr.split()))
    )
    assert person_report(network_file, "ida-berg-2")["person"] == "ida-berg-2"


def test_someone_not_in_the_file_is_reached_through_the_people_at_their_company(
    network_file: Path,
) -> None:
    target = person_report(network_file, "Sam Patel@Northwind")
    assert target["person"] is None and target["person_name"] == "Sam Patel"
    assert {c["contact"] for c in target["candidates"]} == {"dan-moe", "fay-lund"}


def test_someone_with_no_company_is_a_clear_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("me: {name: Ana}\ncontacts: [{name: Bo Lee}]\n", encoding="utf-8")
    result = run(path, "analyze", "--person", "Bo Lee")
    assert result.exit_code == 2
    assert "Bo Lee has no company in the file" in result.stderr
    assert "warmreach log NETWORK bo-lee --company COMPANY" in result.stderr


@pytest.mark.parametrize("name", ["Eva Berg", "Fay Lund", "Bob Chen", "Gus Hale"])
def test_a_person_has_the_route_and_score_of_the_target_of_their_team(
    network_file: Path, name: str
) -> None:
    network = parse_network(NETWORK)
    person, target, _ = find_person(network, name)
    by_person = person_report(network_file, name)["candidates"][0]
    team = run(network_file, "analyze", "--target", target_text(network, target), "--format",
               "json", "--top", "50")  # fmt: skip
    assert team.exit_code == 0, team.stderr
    (report,) = json.loads(team.stdout)["targets"]
    same = next(c for c in report["candidates"] if c["contact"] == person)
    assert (same["path"], same["score"], same["action"]) == (
        by_person["path"],
        by_person["score"],
        by_person["action"],
    )


def target_text(network: object, target: object) -> str:
    from warmreach.model import Network, Opening

    assert isinstance(network, Network) and isinstance(target, Opening)
    company = network.companies_by_id[target.company]
    return company.name + (f"/{company.teams_by_id[target.team].name}" if target.team else "")


# -- --target on every command that aims -------------------------------------------------------


def test_a_company_target_keeps_the_files_opening_there(network_file: Path) -> None:
    result = run(network_file, "analyze", "--target", "voltgrid", "--format", "json")
    (target,) = json.loads(result.stdout)["targets"]
    assert (target["team"], target["role"], target["hiring_manager"]) == (
        "grid-storage",
        "Product Manager",
        "eva-berg",
    )
    eva = next(c for c in target["candidates"] if c["contact"] == "eva-berg")
    assert eva["position"] == "hiring-manager"  # not "elsewhere at Voltgrid"


def test_plan_gaps_and_render_take_targets(network_file: Path, tmp_path: Path) -> None:
    plan = run(network_file, "plan", "--target", "Northwind", "--format", "json")
    assert plan.exit_code == 0, plan.stderr
    steps = json.loads(plan.stdout)["actions"]
    assert steps and all(step["target"] in (None, "northwind") for step in steps)
    gaps = run(network_file, "gaps", "--target", "Keystone", "--format", "json")
    assert gaps.exit_code == 0, gaps.stderr
    assert [c["company"] for c in json.loads(gaps.stdout)["companies"]][:1] == ["keystone"]
    picture = tmp_path / "n.svg"
    drawn = run(network_file, "render", "--person", "Fay Lund", "--output", str(picture))
    assert drawn.exit_code == 0, drawn.stderr
    assert "Fay Lund" in picture.read_text(encoding="utf-8")


def test_plan_aims_at_a_person(network_file: Path) -> None:
    plan = run(network_file, "plan", "--person", "Fay Lund", "--format", "json")
    assert plan.exit_code == 0, plan.stderr
    assert {step["contact"] for step in json.loads(plan.stdout)["actions"]} & {"cy-ode"}


# -- jobs --------------------------------------------------------------------------------------


def spellings(name: str, rng: random.Random) -> str:
    """A company name as a posting site might write it."""
    return rng.choice(
        [name, name.upper(), f"{name} Inc.", f"{name} AB", f"{name}, Ltd", name.lower()]
    )


def generated(tmp_path: Path) -> tuple[Path, Path]:
    """A network of 400 people over 60 companies, and 200 postings over them and over
    companies nobody works at, saved as a spreadsheet saves them (a BOM, ';')."""
    import yaml

    from warmreach.synthetic import generate_network

    tree = generate_network(400, 4, seed=3)
    network = tmp_path / "network.yaml"
    network.write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
    loaded = parse_network(network.read_text(encoding="utf-8"))
    rng = random.Random(5)
    names = sorted({c.name for c in loaded.companies})[:60]
    roles = ["Product Manager", "Data Scientist", "Software Engineer", "Designer"]
    rows = [["Company", "Title", "URL", "Notes"]]
    for number in range(200):
        if number % 10 == 9:
            company = f"Nowhere Works {number}"
        else:
            company = spellings(names[number % len(names)], rng)
        rows.append([company, rng.choice(roles), f"https://jobs.example/{number}", "saved"])
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    postings = tmp_path / "postings.csv"
    postings.write_bytes(("\ufeff" + text.getvalue()).encode("utf-8"))
    return network, postings


def test_jobs_ranks_each_posting_as_analyze_ranks_it_alone(tmp_path: Path) -> None:
    network_path, postings_path = generated(tmp_path)
    network = parse_network(network_path.read_text(encoding="utf-8"))
    postings = read_postings(postings_path.read_bytes(), str(postings_path), network)
    assert len(postings) == 200
    assert sum(1 for p in postings if p.target is None) == 20  # the companies nobody works at
    assert all(p.cells["notes"] == "saved" for p in postings)  # extra columns kept
    jobs = rank_jobs(network, postings, as_of=AS_OF)
    for job in jobs.jobs:
        if job.posting.target is None:
            assert job.best is None and not job.helps
            continue
        alone = analyze(network, [job.posting.target], as_of=AS_OF, top=1).targets[0]
        expected = alone.candidates[0] if alone.candidates else None
        assert job.best == expected, job.posting.line
    helped = [job for job in jobs.jobs if job.helps]
    assert helped and [job.best.score for job in helped if job.best] == sorted(
        (job.best.score for job in helped if job.best), reverse=True
    )
    assert all(not job.helps for job in jobs.jobs[len(helped) :])
    result = CliRunner().invoke(
        app, ["jobs", str(network_path), str(postings_path), "--as-of", DAY, "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)["jobs"]
    assert [job["line"] for job in listed] == [job.posting.line for job in jobs.jobs]


def test_a_bad_posting_is_located_and_nothing_is_ranked(network_file: Path, tmp_path: Path) -> None:
    postings = tmp_path / "jobs.csv"
    postings.write_text(
        "title,company,closes,weight\nPM,Voltgrid,25/12/2026,1\nPM,,2026-12,high\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["jobs", str(network_file), str(postings)])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{postings}:2:3: closes '25/12/2026' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
        f"{postings}:3:2: a posting needs its company",
    ]


def test_a_posting_at_an_unknown_company_gets_the_nearest_names(
    network_file: Path, tmp_path: Path
) -> None:
    postings = tmp_path / "jobs.csv"
    postings.write_text("company,title\nNorthwinds Robotics Group,PM\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["jobs", str(network_file), str(postings), "--as-of", DAY])
    assert result.exit_code == 0, result.stderr
    assert "line 2: Northwinds Robotics Group — PM: nobody in your network works there" in (
        result.stdout
    )


def test_plan_takes_the_postings_as_targets_weighted(network_file: Path, tmp_path: Path) -> None:
    postings = tmp_path / "jobs.csv"
    postings.write_text(
        "company,title,weight\nVoltgrid,Product Manager,1\nNorthwind,Robotics PM,0\n",
        encoding="utf-8",
    )
    plan = run(network_file, "plan", "--targets-from", str(postings), "--format", "json")
    assert plan.exit_code == 0, plan.stderr
    targets = {step["target"] for step in json.loads(plan.stdout)["actions"]}
    assert "voltgrid/grid-storage" in targets
    assert "northwind" not in targets  # weight 0: not wanted


def test_the_worked_example_of_the_docs_is_the_real_output(tmp_path: Path) -> None:
    doc = (Path(__file__).parents[1] / "docs" / "targets.md").read_text(encoding="utf-8")
    example = doc.split("## A worked example", 1)[1]
    blocks = [block.split("\n", 1)[1] for block in example.split("```")[1::2]]
    network_text, postings_text, jobs_text, person_text = blocks
    assert network_text == NETWORK
    network, postings = tmp_path / "network.yaml", tmp_path / "postings.csv"
    network.write_text(network_text, encoding="utf-8")
    postings.write_text(postings_text, encoding="utf-8")
    jobs = CliRunner().invoke(app, ["jobs", str(network), str(postings), "--as-of", DAY,
                                    "--format", "markdown"])  # fmt: skip
    assert jobs.stdout == jobs_text
    person = run(network, "analyze", "--person", "Fay Lund", "--format", "markdown").stdout
    assert person.split("## ", 1)[1] == person_text.removeprefix("## ")


def test_postings_can_come_from_standard_input(network_file: Path) -> None:
    piped = CliRunner().invoke(
        app, ["jobs", str(network_file), "-", "--as-of", DAY, "--format", "json"],
        input="company,title\nVoltgrid,Product Manager\n",
    )  # fmt: skip
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout)["jobs"][0]["target"] == "voltgrid/grid-storage"
    both = CliRunner().invoke(app, ["jobs", "-", "-"], input="")
    assert both.exit_code == 2 and "only one of NETWORK and POSTINGS.csv can be -" in both.stderr


_TRICKY = """
me: {name: Ana, company: Acme Labs}
companies:
  - {name: Acme AB, aliases: [Acme Sweden]}
  - {name: ACME Labs}
  - {name: Meta Platforms, aliases: [Facebook]}
  - {name: Zürich Re}
  - {name: Nordbank Group}
  - {name: "  Kelp  "}
  - {name: Bolt, aliases: [Harbour Inc]}
contacts:
  - {name: Bo, company: Kelp Lab}
  - {name: Cy, company: Acme Inc}
  - {name: Di, company: "meta"}
  - {name: Ed, company: Nordbank}
  - {name: Fa, company: Zurich Re}
"""

_PARTS = st.sampled_from(
    ["Acme", "ACME", "Acme AB", "Acme Labs", "acme labs", "Kelp", "Kelp Lab", "Meta",
     "Facebook", "Zürich", "Zurich", "Nordbank", "Nordbank Group", "Bank", "Group", "Ab"]
)  # fmt: skip


def _exactly_as_the_matcher(network_text: str) -> None:
    from warmreach.matching import find_target
    from warmreach.matching.lookup import companies_of

    network = parse_network(network_text)
    matcher = companies_of(network)
    for company in network.companies:
        for name in (company.name, *company.aliases, company.name.upper(), f" {company.name} "):
            expected = matcher.match(name.strip())
            assert expected is not None, name
            assert find_target(network, name).company == expected, name


def test_a_company_named_exactly_is_the_one_the_matcher_finds() -> None:
    """A target named as the file names its company is found without building the fuzzy
    matcher, and is always the company the matcher finds (names a rule would join, well-
    known names, accents, spaces, case, aliases)."""
    _exactly_as_the_matcher(_TRICKY)
    for sample in sorted((ROOT / "sample_networks").glob("*.yaml")):
        _exactly_as_the_matcher(sample.read_text(encoding="utf-8"))


@given(
    names=st.lists(st.tuples(_PARTS, st.lists(_PARTS, max_size=2)), min_size=1, max_size=5),
    written=st.lists(_PARTS, max_size=4),
)
def test_any_company_named_exactly_is_the_one_the_matcher_finds(
    names: list[tuple[str, list[str]]], written: list[str]
) -> None:
    """Any valid file (two companies of one normalised name are not), aliases too."""
    from warmreach.errors import InvalidNetwork

    listed = ", ".join(
        f"{{name: {json.dumps(name)}, aliases: {json.dumps(aliases)}}}"
        for name, aliases in dict(names).items()
    )
    people = ", ".join(f"{{name: P{i}, company: {json.dumps(n)}}}" for i, n in enumerate(written))
    text = f"me: {{name: Ana}}\ncompanies: [{listed}]\ncontacts: [{people}]\n"
    try:
        _exactly_as_the_matcher(text)
    except InvalidNetwork:
        assume(False)
