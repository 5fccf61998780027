"""The report page, read as text: what it holds, that it asks for nothing, escaping,
redaction, determinism, scale and the command line. (tests/test_page_browser.py opens
it in a real browser.)"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.helpers import ROOT, SAMPLES, page_data, page_elements
from warmreach import load_network, parse_network
from warmreach.cli import ExitCode, app
from warmreach.model import Network
from warmreach.page import DRAWN
from warmreach.page.report import report_page
from warmreach.plan.week import plan_actions
from warmreach.scoring import analyze
from warmreach.synthetic import generate_network

AS_OF = dt.date(2026, 11, 25)
SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"

#: names and words a hostile export could hold: each must be shown as text, nowhere obeyed
HOSTILE = [
    "</script><script>alert(1)</script>",
    '" onmouseover="alert(2)',
    "<img src=x onerror=alert(3)>",
    "Eve \u202eresu\u202c Mallory",
]
HOSTILE_NETWORK = f"""
me:
  name: Ana Lima
  seeking: {{companies: ["<b>Acme</b> & Co"]}}
openings:
  - {{company: "<b>Acme</b> & Co", team: "<i>Core</i>", role: "</style><script>x()</script>"}}
contacts:
  - name: {json.dumps(HOSTILE[0])}
    company: "<b>Acme</b> & Co"
    team: "<i>Core</i>"
    title: "<svg onload=alert(4)>"
    trust: 5
    knows_my_work: 4
    met: 2019
    last_contact: 2026-11
    told: [aspiration, availability]
    knows: [{json.dumps(HOSTILE[1])}]
  - name: {json.dumps(HOSTILE[1])}
    company: "<b>Acme</b> & Co"
    team: "<i>Core</i>"
    trust: 3
    met: 2018
  - name: {json.dumps(HOSTILE[2])}
    company: "{HOSTILE[2]} GmbH"
    trust: 4
    knows_my_work: 3
    met: 2015
    last_contact: 2026-10
  - name: {json.dumps(HOSTILE[3])}
    company: "<b>Acme</b> & Co"
    trust: 2
    met: 2020
"""


@pytest.fixture(scope="module")
def sample() -> Network:
    return load_network(SAMPLE)


@pytest.fixture(scope="module")
def page(sample: Network) -> str:
    return report_page(sample, as_of=AS_OF)


def _visible_text(page: str) -> str:
    """The page's text, as a reader sees it (tags dropped, references decoded)."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_the_page_holds_every_ranked_person_and_every_planned_step(
    sample: Network, page: str
) -> None:
    text = _visible_text(page)
    analysis = analyze(sample, as_of=AS_OF, top=10)
    for report in analysis.targets:
        for candidate in report.candidates:
            assert candidate.name in text
    plan = plan_actions(sample, as_of=AS_OF)
    assert plan.steps
    for step in plan.steps:
        assert f"To {step.name} ({step.action})" in text
    for heading in ["Who could refer you", "This week", "Where your network is thin"]:
        assert heading in text
    assert "Suggestions" in text and "Bridges:" in text


def test_the_view_draws_you_and_the_people_with_the_best_routes(page: str) -> None:
    assert page.count('class="me"') == 1
    people = re.findall(r'<g class="person[^"]*" id="p(\d+)"', page)
    assert [int(key) for key in people] == list(range(1, len(people) + 1))
    assert len(people) == 30  # the sample's everyone
    assert re.search(r'<polyline class="route t0"', page)
    assert re.search(r'<polyline class="route t1"', page)
    data = page_data(page)
    assert isinstance(data, dict)
    assert len(data["people"]) == len(people)
    assert [target["title"] for target in data["targets"]] == [
        "Voltgrid — Grid Storage Product (Product Manager)",
        "Sunforge — Solar Platform (Product Owner)",
    ]


def test_the_page_asks_for_nothing(page: str) -> None:
    """No address to fetch, no external resource, and a policy that forbids any."""
    addresses = re.findall(r"https?://[^\s\"'<>]+", page)
    assert set(addresses) <= {"http://www.w3.org/2000/svg"}
    assert not re.search(r"\s(src|href)=\"(?!#)", page)
    assert "@import" not in page and "url(" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    for tag, kind in [("style", "style-src"), ("script", "script-src")]:
        (source,) = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy.group(1)


def test_the_same_input_gives_the_same_bytes(sample: Network, page: str) -> None:
    assert report_page(sample, as_of=AS_OF) == page
    again = load_network(SAMPLE)
    assert report_page(again, as_of=AS_OF, redact=True) == report_page(
        sample, as_of=AS_OF, redact=True
    )


def _names_and_words(network: Network) -> tuple[set[str], set[str]]:
    names = {network.me.name, *(contact.name for contact in network.contacts)}
    ids = {contact.id for contact in network.contacts}
    other = " ".join(
        [company.name for company in network.companies]
        + [team.name for company in network.companies for team in company.teams]
    )
    words = {
        word
        for name in names
        for word in re.findall(r"\w{3,}", name)
        if word.lower() not in other.lower()
    }
    return names | ids, words


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_a_redacted_page_names_nobody(path: Path) -> None:
    """No name, no word of a name and no id (a slug of a name) anywhere: text,
    attributes or data."""
    network = load_network(path)
    page = report_page(network, as_of=AS_OF, redact=True)
    names, words = _names_and_words(network)
    lowered = page.lower()
    for name in names:
        assert name.lower() not in lowered, name
    for word in words:
        assert not re.search(rf"\b{re.escape(word.lower())}\b", lowered), word
    assert "A.L." in page or network.me.name not in page


def test_a_redacted_page_gives_the_same_advice(sample: Network) -> None:
    shown = _visible_text(report_page(sample, as_of=AS_OF))
    redacted = _visible_text(report_page(sample, as_of=AS_OF, redact=True))
    actions = re.findall(r"\b(?:ask-referral|signal-then-ask|ask-intro|nurture|reach-out)\b", shown)
    assert actions == re.findall(
        r"\b(?:ask-referral|signal-then-ask|ask-intro|nurture|reach-out)\b", redacted
    )


def test_hostile_text_is_shown_never_obeyed() -> None:
    network = parse_network(HOSTILE_NETWORK)
    page = report_page(network, as_of=AS_OF)
    # the page's own elements only: two scripts, one style, one svg, no handler attribute
    elements = page_elements(page)
    tags = [tag for tag, _ in elements]
    assert tags.count("script") == 2 and tags.count("style") == 1 and tags.count("svg") == 1
    assert not {"img", "b", "i", "iframe", "object"} & set(tags)
    assert not [name for _, names in elements for name in names if name.startswith("on")]
    text = _visible_text(page)
    for name in HOSTILE[:3]:
        assert name in text
    assert "\u202e" not in page and "\\u202e" in text
    data = page_data(page)
    assert isinstance(data, dict)
    assert {person["name"] for person in data["people"]} >= set(HOSTILE[:3])


def test_a_long_name_is_cut_on_the_rim_and_whole_elsewhere() -> None:
    long = "Maximiliana Theodora Wolkenstein-Rodenegg y Bourbon-Parma"
    network = parse_network(
        "me: {name: Ana, seeking: {companies: [Acme]}}\ncontacts:\n"
        f"  - {{name: {long}, company: Acme, trust: 4, knows_my_work: 3, met: 2019}}\n"
    )
    page = report_page(network, as_of=AS_OF)
    rim = re.findall(r'<text class="name"[^>]*>([^<]*)<', page)
    assert rim == [long[:31] + "…"]
    assert f'aria-label="{long} · ' in page
    assert long in _visible_text(page.split("</svg>", 1)[1])
    side = re.search(r'viewBox="(-\d+) ', page)
    assert side is not None and int(side.group(1)) < -640  # room for the longer label


def test_a_network_of_two_thousand_draws_the_part_that_matters_and_says_so() -> None:
    network = parse_network(yaml.safe_dump(generate_network(2000, 5, seed=3)))
    page = report_page(network, as_of=AS_OF)
    drawn = len(re.findall(r'<g class="person', page))
    assert drawn == DRAWN
    text = _visible_text(page)
    assert f"Drawn: the {DRAWN} people who matter most here" in text
    assert re.search(r"not drawn: [\d,]+ others at [\d,]+ companies", text)
    assert len(page) < 1_000_000


def test_people_aimed_at_and_hours_reach_the_page(sample: Network) -> None:
    from warmreach.matching import find_person

    eva = find_person(sample, "Eva Berg")
    page = report_page(sample, as_of=AS_OF, people=[eva], hours=0.5)
    text = _visible_text(page)
    assert "Your routes to Eva Berg" in text
    assert "this week's conversations in 0.5 hours" in text


runner = CliRunner()


def test_the_command_writes_the_page_and_keeps_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    arguments = ["report", str(SAMPLE), "--output", str(out), "--as-of", "2026-11-25"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == ExitCode.OK, result.output
    first = out.read_bytes()
    assert first.startswith(b"<!DOCTYPE html>")
    again = runner.invoke(app, arguments)
    assert again.exit_code == ExitCode.ERROR
    assert again.output == f"warmreach: {out} exists; pass --force to overwrite it\n"
    assert out.read_bytes() == first
    forced = runner.invoke(app, [*arguments, "--force"])
    assert forced.exit_code == ExitCode.OK
    assert out.read_bytes() == first


def test_the_command_writes_html_only(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(SAMPLE), "--output", str(tmp_path / "r.png")])
    assert result.exit_code == ExitCode.USAGE
    assert "cannot write a page to '.png': use .html" in result.output


def test_the_command_aims_at_a_target_and_redacts(tmp_path: Path) -> None:
    out = tmp_path / "coach.html"
    result = runner.invoke(
        app,
        ["report", str(SAMPLE), "--output", str(out), "--target", "Sunforge", "--redact",
         "--as-of", "2026-11-25"],
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.output
    page = out.read_text(encoding="utf-8")
    assert "Sunforge — Solar Platform" in page and "Voltgrid — Grid Storage" not in page
    assert "Jonas Weber" not in page and "J.W." in page
