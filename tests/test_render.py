"""The picture: formats, determinism, redaction, literal names, the top-N cap, the paths."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.helpers import ROOT
from warmreach import Network, build_graph, load_network, parse_network
from warmreach.cli import ExitCode, app
from warmreach.graph import EdgeKind
from warmreach.render import Drawing, draw, image_format, initials, plan_drawing, render_network
from warmreach.scoring import ReferralModel, analyze

AS_OF = dt.date(2026, 11, 25)


def drawing_of(network: Network, top: int = 40) -> Drawing:
    """The picture's plan of ``network``'s analysis on AS_OF."""
    model = ReferralModel(network, as_of=AS_OF)
    return plan_drawing(model, analyze(network, model=model, allow_none=True), top=top)


SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"


@pytest.fixture(scope="module")
def network() -> Network:
    return load_network(SAMPLE)


@pytest.mark.parametrize(
    ("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")]
)
def test_each_format_is_produced_with_a_sensible_size(
    network: Network, fmt: str, magic: bytes
) -> None:
    data = render_network(network, image_format(fmt), as_of=AS_OF, dpi=80)
    assert data.startswith(magic)
    assert 10_000 < len(data) < 3_000_000
    if fmt == "png":
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (880, 880)


def test_the_same_network_gives_the_same_svg_and_png(network: Network) -> None:
    assert render_network(network, "svg", as_of=AS_OF) == render_network(
        network, "svg", as_of=AS_OF
    )
    assert render_network(network, "png", as_of=AS_OF, dpi=60) == render_network(
        network, "png", as_of=AS_OF, dpi=60
    )


def test_a_redacted_svg_names_nobody(network: Network) -> None:
    svg = render_network(network, "svg", as_of=AS_OF, redact=True).decode("utf-8")
    for person in [network.me.name, *(contact.name for contact in network.contacts)]:
        assert person not in svg
        for word in person.split():
            assert f">{word}" not in svg and f"{word}<" not in svg, word
    assert "A.L.'s network" in svg
    assert "B.C." in svg


def test_names_with_dollar_signs_are_drawn_literally() -> None:
    network = parse_network(
        "me: {name: Ana, seeking: {companies: [Acme]}}\ncontacts:\n"
        "  - {name: Ba$$in, company: Acme, trust: 4, last_contact: 2026-11}\n"
        "  - {name: '$5 fund', company: Acme, trust: 3, last_contact: 2026-10}\n"
    )
    svg = render_network(network, "svg", as_of=AS_OF).decode("utf-8")
    assert "Ba$$in" in svg
    assert "$5 fund" in svg


def test_top_caps_the_people_drawn(network: Network) -> None:
    drawing = drawing_of(network, top=8)
    path_people = {node for path in drawing.paths for node in path.nodes} - {"me"}
    assert len(drawing.nodes) - 1 == max(8, len(path_people))
    assert drawing.others is not None
    assert drawing.others.startswith(f"+ {30 - (len(drawing.nodes) - 1)} others at ")
    assert drawing_of(network, top=200).others is None


def test_highlighted_paths_are_analyze_best(network: Network) -> None:
    drawing = drawing_of(network)
    analysis = analyze(network, as_of=AS_OF)
    for report in analysis.targets:
        label = report.company_name + (f" / {report.team_name}" if report.team_name else "")
        drawn = [path.nodes for path in drawing.paths if path.target == label]
        worth = [c for c in report.candidates if c.path and c.action != "apply-directly"]
        best = [candidate.path for candidate in worth][:3]  # no better than applying: not drawn
        assert drawn == best
        assert drawn[0] == ("me", "bob-chen") if report.company_name == "Voltgrid" else True


@pytest.mark.parametrize("top", [3, 12, 40])
def test_drawn_edges_are_the_ties_and_links_between_drawn_people(
    network: Network, top: int
) -> None:
    drawing = drawing_of(network, top=top)
    drawn = {node.id for node in drawing.nodes}
    model = ReferralModel(network, as_of=AS_OF)
    graph = build_graph(network)  # the typed graph: its tie and knows edges are the people's links
    order = {"me": -1, **{contact.id: i for i, contact in enumerate(network.contacts)}}
    expected = sorted(
        (u, v, round(1.5 * value, 3))
        for a, b, kind in graph.edges(data="kind")
        if kind in (EdgeKind.TIE, EdgeKind.KNOWS)
        for u, v in [sorted((a, b), key=order.__getitem__)]
        if u in drawn and v in drawn
        for value in [model.ties[v].strength if u == "me" else model.links.hop(u, v)]
        if value > 0
    )
    assert list(drawing.edges) == expected
    assert any(u == "me" for u, _, _ in expected)
    assert any("me" not in (u, v) for u, v, _ in expected)


def test_layout_puts_strong_ties_nearer_and_targets_together(network: Network) -> None:
    drawing = drawing_of(network)
    nodes = {node.id: node for node in drawing.nodes}
    assert (nodes["marta-costa"].x ** 2 + nodes["marta-costa"].y ** 2) < (
        nodes["hannah-brandt"].x ** 2 + nodes["hannah-brandt"].y ** 2
    )
    voltgrid = next(arc for arc in drawing.companies if arc.name == "Voltgrid")
    assert voltgrid.target
    at_voltgrid = [
        node for node in drawing.nodes if node.id in {"bob-chen", "eva-berg", "mei-tanaka"}
    ]
    assert all(voltgrid.start <= node.angle <= voltgrid.end for node in at_voltgrid)
    assert nodes["eva-berg"].hiring_team


def test_initials() -> None:
    assert initials("Priscilla Nkemelu") == "P.N."


def test_cli_render_writes_atomically_and_refuses_to_overwrite(tmp_path: Path) -> None:
    output = tmp_path / "network.svg"
    runner = CliRunner()
    result = runner.invoke(
        app, ["render", str(SAMPLE), "--output", str(output), "--as-of", "2026-11-25"]
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    first = output.read_bytes()
    result = runner.invoke(app, ["render", str(SAMPLE), "--output", str(output)])
    assert result.exit_code == ExitCode.ERROR
    assert output.read_bytes() == first
    result = runner.invoke(app, ["render", str(SAMPLE), "--output", str(tmp_path / "x.jpg")])
    assert result.exit_code == ExitCode.USAGE
    assert "cannot draw to '.jpg': use .png, .svg or .pdf" in result.stderr


def test_draw_is_separate_from_planning(network: Network) -> None:
    drawing = drawing_of(network, top=5)
    assert draw(drawing, "svg") == draw(drawing, "svg")


def test_a_name_with_emoji_draws_without_a_warning(tmp_path: Path) -> None:
    import subprocess
    import sys

    network = tmp_path / "n.yaml"
    network.write_text(
        "me: {name: Ana, seeking: {companies: [Voltgrid]}}\ncontacts:\n"
        '  - {name: "Zoë 🚀 Star", company: Voltgrid, trust: 4, knows_my_work: 3, met: 2019}\n'
        '  - {name: "Bo ✨", company: Voltgrid, trust: 2}\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-W", "default", "-m", "warmreach", "render", str(network),
         "--output", str(tmp_path / "n.png")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (tmp_path / "n.png").read_bytes().startswith(b"\x89PNG")


def _drawn_boxes(
    network: object, **options: object
) -> tuple[list[tuple[str, list[tuple[float, float]]]], tuple[int, int]]:
    """The texts of the picture ``render_network`` draws, with their boxes, and its size."""
    import importlib

    draw = importlib.import_module("warmreach.render.draw")
    found: dict[str, object] = {}
    settle = draw._settle

    def spy(figure: object, companies: list[object]) -> None:
        settle(figure, companies)
        found["boxes"] = [(t.get_text(), c) for t, c in draw.text_boxes(figure)]
        found["size"] = figure.canvas.get_width_height()  # type: ignore[attr-defined]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(draw, "_settle", spy)
        render_network(network, "png", as_of=dt.date(2026, 11, 25), **options)  # type: ignore[arg-type]
    return found["boxes"], found["size"]  # type: ignore[return-value]


def _network(which: str | int) -> Any:
    """A sample network by name, or a generated one of ``which`` people."""
    from warmreach.networkfile import load_network

    if isinstance(which, int):
        return _generated(which)
    return load_network(ROOT / "sample_networks" / f"{which}.yaml")


def _generated(size: int) -> object:
    import yaml

    from warmreach.networkfile import parse_network
    from warmreach.synthetic import generate_network

    return parse_network(yaml.safe_dump(generate_network(size, 3, seed=2), sort_keys=False))


@pytest.mark.parametrize(
    "which", ["career-switcher", "senior-engineer", "new-graduate", 20, 60, 200]
)
def test_no_two_texts_of_the_picture_overlap_and_none_leaves_it(which: str | int) -> None:
    from itertools import combinations

    from warmreach.render.draw import overlap

    network = _network(which)
    boxes, (width, height) = _drawn_boxes(network)
    assert len(boxes) > 10
    crossing = [(a, b) for (a, pa), (b, pb) in combinations(boxes, 2) if overlap(pa, pb)]
    assert crossing == []
    outside = [t for t, c in boxes if any(not (0 <= x <= width and 0 <= y <= height) for x, y in c)]
    assert outside == []


def test_the_overlap_test_sees_boxes_that_cross() -> None:
    from warmreach.render.draw import overlap

    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    diamond = [(12.0, 5.0), (17.0, 0.0), (22.0, 5.0), (17.0, 10.0)]
    assert overlap(square, [(x + 5, y + 5) for x, y in square])
    assert not overlap(square, diamond)
    assert overlap(square, [(x - 3, y) for x, y in diamond])  # a tip inside


@pytest.mark.parametrize(
    "which", ["career-switcher", "senior-engineer", "new-graduate", 20, 60, 200]
)
def test_a_chain_is_drawn_as_a_path_never_through_you(which: str | int) -> None:
    import math

    from warmreach.render.draw import CLEARANCE, path_line
    from warmreach.scoring import ReferralModel, analyze

    network = _network(which)
    model = ReferralModel(network, as_of=dt.date(2026, 11, 25))
    drawing = plan_drawing(model, analyze(network, model=model))
    nodes = {node.id: node for node in drawing.nodes}
    chains = [path for path in drawing.paths if len(path.nodes) > 2]
    for path in chains:
        points = [(nodes[node].x, nodes[node].y) for node in path.nodes]
        line = path_line(points)
        after = line[2:]  # past the step from you to the first person
        nearest = min(math.hypot(x, y) for x, y in points[1:])
        assert min(math.hypot(x, y) for x, y in after) >= min(CLEARANCE, nearest) - 1e-9


def test_teams_at_a_target_company_are_drawn_as_groups_the_hiring_team_first() -> None:
    from warmreach.networkfile import load_network
    from warmreach.scoring import ReferralModel, analyze

    network = load_network(ROOT / "sample_networks" / "career-switcher.yaml")
    model = ReferralModel(network, as_of=dt.date(2026, 11, 25))
    analysis = analyze(network, model=model)
    drawing = plan_drawing(model, analysis)
    teams = [arc for arc in drawing.companies if arc.team]
    voltgrid = next(arc for arc in drawing.companies if arc.name == "Voltgrid" and not arc.team)
    inside = [arc for arc in teams if voltgrid.start <= arc.start and arc.end <= voltgrid.end]
    assert inside and inside[0].name == "Grid Storage Product"  # the hiring team first
    contacts = network.contacts_by_id
    teams_of = network.companies_by_id["voltgrid"].teams_by_id
    for arc in inside:  # each team's people sit together, within its arc
        members = [
            node
            for node in drawing.nodes
            if node.id in contacts
            and contacts[node.id].company == "voltgrid"
            and contacts[node.id].team in teams_of
            and teams_of[str(contacts[node.id].team)].name == arc.name
        ]
        assert members and all(arc.start <= node.angle <= arc.end for node in members)
