"""The report page in a real browser: headless Chromium driven by Playwright.

The page is opened from a ``file://`` address, as a user opens it. Every request is
recorded and refused (the test fails on any but the page itself), every console message
and script error fails it, and a dialog (``alert`` from a hostile name) fails it.
Screenshots at a desktop's and a phone's width go to ``$WARMREACH_SCREENSHOTS`` (or the
test's own folder).

The tests need Playwright's Python package (in the test extras) and a Chromium
(Debian's ``chromium``; ``$WARMREACH_CHROMIUM`` names another). Without one they are
skipped, unless ``WARMREACH_BROWSER_TESTS=required`` (as ``.ci/run`` sets), which makes
a missing browser a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.test_page import HOSTILE, HOSTILE_NETWORK
from warmreach import load_network, parse_network
from warmreach.page.report import report_page
from warmreach.plan.week import plan_actions
from warmreach.scoring import analyze

AS_OF = dt.date(2026, 11, 25)
SAMPLE = ROOT / "sample_networks" / "career-switcher.yaml"
CHROMIUM = os.environ.get("WARMREACH_CHROMIUM") or shutil.which("chromium")
REQUIRED = os.environ.get("WARMREACH_BROWSER_TESTS") == "required"
#: what the machine's closed network needs Chromium not to try (it would, at start)
ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        if REQUIRED:
            raise
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    if CHROMIUM is None:  # pragma: no cover - depends on the machine
        if REQUIRED:
            pytest.fail("no Chromium: install Debian's chromium or set WARMREACH_CHROMIUM")
        pytest.skip("no Chromium here (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file, with what it asked for and said."""

    def __init__(self, browser: Any, path: Path, viewport: dict[str, int]) -> None:
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.messages: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport=viewport)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.messages.append(message.text))
        self.page.on("pageerror", lambda error: self.messages.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)

    def _route(self, route: Any) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:  # pragma: no cover - only when the page asks for something
            route.abort()

    def _dialog(self, dialog: Any) -> None:  # pragma: no cover - only when a name runs
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check_quiet(self) -> None:
        """Nothing asked for but the page, nothing said, nothing run."""
        assert self.requests == [self.url]
        assert self.messages == []
        assert self.dialogs == []

    def close(self) -> None:
        self.context.close()


def _shots() -> Path | None:
    folder = os.environ.get("WARMREACH_SCREENSHOTS")
    return Path(folder) if folder else None


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "report.html"
    path.write_text(report_page(load_network(SAMPLE), as_of=AS_OF), encoding="utf-8")
    return path


@pytest.fixture
def desktop(browser: Any, sample_page: Path) -> Iterator[Opened]:
    opened = Opened(browser, sample_page, DESKTOP)
    yield opened
    opened.check_quiet()
    opened.close()


def test_the_page_shows_every_ranked_person_and_every_planned_step(desktop: Opened) -> None:
    network = load_network(SAMPLE)
    text = desktop.page.inner_text("body")
    for report in analyze(network, as_of=AS_OF, top=10).targets:
        for candidate in report.candidates:
            assert candidate.name in text
    for step in plan_actions(network, as_of=AS_OF).steps:
        assert f"To {step.name} ({step.action})" in text
        assert step.name in desktop.page.locator("#plan table").first.inner_text()


def test_the_view_is_drawn_and_its_controls_shown(desktop: Opened) -> None:
    page = desktop.page
    assert page.locator("#controls").is_visible()
    assert page.locator("#view .person").count() == 30
    assert page.locator("#view .route").count() >= 4
    box = page.locator("#view").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 500
    assert page.locator("#details h3").inner_text() == "Your network"
    assert _outside(page) == []


def _outside(page: Any) -> list[str]:
    """The texts of the view that reach outside its first view (they would be cut)."""
    return list(
        page.evaluate(
            """() => {
            const view = document.getElementById("view").viewBox.baseVal;
            return Array.from(document.querySelectorAll("#view text")).filter((text) => {
                const box = text.getBBox();
                const m = text.getCTM(), s = document.getElementById("view").getCTM();
                const corners = [[box.x, box.y], [box.x + box.width, box.y],
                    [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
                    .map(([x, y]) => new DOMPoint(x, y).matrixTransform(s.inverse().multiply(m)));
                return corners.some((p) => p.x < view.x || p.y < view.y
                    || p.x > view.x + view.width || p.y > view.y + view.height);
            }).map((text) => text.textContent);
        }"""
        )
    )


def test_choosing_a_target_highlights_its_routes_and_dims_the_rest(desktop: Opened) -> None:
    page = desktop.page
    page.click("[data-target='1']")
    assert page.get_attribute("[data-target='1']", "aria-pressed") == "true"
    assert page.get_attribute("[data-target='']", "aria-pressed") == "false"
    assert page.locator("#view .route.t0.dim").count() == page.locator("#view .route.t0").count()
    assert page.locator("#view .route.t1.dim").count() == 0
    assert page.locator("#view .person.t1:not(.dim)").count() >= 1
    assert page.locator("#details h3").inner_text() == "Sunforge — Solar Platform (Product Owner)"
    assert "Jonas Weber: signal-then-ask" in page.locator("#details").inner_text()
    page.click("[data-target='']")
    assert page.locator("#view .dim").count() == 0


def test_searching_finds_a_person_and_enter_goes_to_them(desktop: Opened) -> None:
    page = desktop.page
    page.fill("#find", "WEBER")
    assert page.locator("#found").inner_text() == "1 person found; Enter goes to the first."
    match = page.locator("#view .person.match")
    assert match.count() == 1
    assert match.get_attribute("aria-label") == "Jonas Weber · signal-then-ask"
    page.press("#find", "Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Jonas Weber · signal-then-ask"
    )
    details = page.locator("#details").inner_text()
    (jonas,) = [
        candidate
        for report in analyze(load_network(SAMPLE), as_of=AS_OF).targets
        for candidate in report.candidates
        if candidate.name == "Jonas Weber"
    ]
    assert f"signal-then-ask · {jonas.score:.2f} {jonas.band} · you → Jonas Weber" in details
    page.fill("#find", "nobody-like-this")
    assert page.locator("#found").inner_text().startswith("Nobody drawn is called that")


def test_people_can_be_reached_with_the_keyboard(desktop: Opened) -> None:
    page = desktop.page
    page.focus("#zoom-reset")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "p1"
    name = page.evaluate("document.activeElement.getAttribute('aria-label')").split(" · ")[0]
    assert page.locator("#details h3").inner_text() == name
    assert "Your tie" in page.locator("#details").inner_text() or "through others" in (
        page.locator("#details").inner_text()
    )
    before = page.get_attribute("#view", "viewBox")
    page.keyboard.press("+")
    after = page.get_attribute("#view", "viewBox")
    assert before is not None and after is not None
    assert float(after.split()[2]) < float(before.split()[2])
    page.click("#zoom-reset")
    assert page.get_attribute("#view", "viewBox") == before


def test_dragging_moves_the_view_and_the_wheel_zooms(desktop: Opened) -> None:
    page = desktop.page
    box = page.locator("#view").bounding_box()
    assert box is not None
    before = page.get_attribute("#view", "viewBox")
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 140, box["y"] + 90, steps=5)
    page.mouse.up()
    moved = page.get_attribute("#view", "viewBox")
    assert moved is not None and before is not None
    assert float(moved.split()[0]) < float(before.split()[0])
    page.mouse.wheel(0, -300)
    zoomed = page.get_attribute("#view", "viewBox")
    assert zoomed is not None and float(zoomed.split()[2]) < float(moved.split()[2])


def test_two_fingers_pinch_to_zoom(desktop: Opened) -> None:
    page = desktop.page
    before = page.get_attribute("#view", "viewBox")
    page.evaluate(
        """() => {
        const view = document.getElementById("view");
        const box = view.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const touch = (type, id, dx) => view.dispatchEvent(new PointerEvent(type, {
            pointerId: id, pointerType: "touch", clientX: x + dx, clientY: y, bubbles: true}));
        touch("pointerdown", 11, -20);
        touch("pointerdown", 12, 20);
        touch("pointermove", 11, -80);
        touch("pointermove", 12, 80);
        touch("pointerup", 11, -80);
        touch("pointerup", 12, 80);
    }"""
    )
    after = page.get_attribute("#view", "viewBox")
    assert before is not None and after is not None
    assert float(after.split()[2]) < float(before.split()[2]) / 2


def test_printed_the_controls_go_and_the_view_stays(desktop: Opened) -> None:
    page = desktop.page
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert not page.locator("nav").is_visible()
    assert page.locator("#view").is_visible()
    assert page.locator("#plan table").first.is_visible()


def test_screenshots_at_a_desktop_and_a_phone_width(
    browser: Any, sample_page: Path, tmp_path: Path
) -> None:
    folder = _shots() or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, viewport in [("desktop", DESKTOP), ("phone", PHONE)]:
        opened = Opened(browser, sample_page, viewport)
        page = opened.page
        # nothing wider than the screen: no sideways scrolling on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(folder / f"report-{name}.png"))
        page.locator("#view").scroll_into_view_if_needed()
        page.click("[data-target='0']")
        page.screenshot(path=str(folder / f"report-{name}-target.png"))
        page.screenshot(path=str(folder / f"report-{name}-full.png"), full_page=True)
        opened.check_quiet()
        opened.close()
        assert (folder / f"report-{name}.png").stat().st_size > 10_000


def test_a_hostile_name_shows_as_text(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(report_page(parse_network(HOSTILE_NETWORK), as_of=AS_OF), encoding="utf-8")
    opened = Opened(browser, path, DESKTOP)
    page = opened.page
    people = page.locator("#view .person")
    labels = [people.nth(index).get_attribute("aria-label") for index in range(people.count())]
    rim = page.locator("#view .person .name").all_text_contents()
    for name in HOSTILE[:3]:
        assert any((label or "").startswith(name) for label in labels), name
        assert any(shown.startswith(name[:31]) for shown in rim), name
    for index in range(1, page.locator("#view .person").count() + 1):
        page.focus(f"#p{index}")
        page.dispatch_event(f"#p{index}", "mouseenter")
        page.keyboard.press("Enter")
    text = page.inner_text("body")
    for name in HOSTILE[:3]:
        assert name in text
    assert _outside(page) == []
    assert page.evaluate("document.querySelectorAll('img, iframe, b, i').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    opened.check_quiet()
    opened.close()


def test_a_network_of_two_thousand_opens_and_answers(browser: Any, tmp_path: Path) -> None:
    import yaml

    from warmreach.page import DRAWN
    from warmreach.synthetic import generate_network

    network = parse_network(yaml.safe_dump(generate_network(2000, 5, seed=3)))
    path = tmp_path / "large.html"
    path.write_text(report_page(network, as_of=AS_OF), encoding="utf-8")
    opened = Opened(browser, path, DESKTOP)
    page = opened.page
    assert page.locator("#view .person").count() == DRAWN
    assert _outside(page) == []
    assert "not drawn: 1," in page.locator("#network").inner_text()
    first = page.get_attribute("#p1", "aria-label")
    assert first is not None
    page.fill("#find", first.split(" · ")[0])
    assert page.locator("#view .person.match").count() >= 1
    page.click("[data-target='2']")
    assert (
        page.locator("#view .route.t2:not(.dim)").count() == page.locator("#view .route.t2").count()
    )
    opened.check_quiet()
    opened.close()
