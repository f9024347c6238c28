"""The HTML page in a real browser: Debian's chromium driven by Playwright, fully offline."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kg.export.html import write_html
from kg.export.nx import to_networkx
from kg.vocab import IRIs

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOVAK = str(IRIs().entity("Anna Novak"))
BERG = str(IRIs().entity("Jonas Berg"))

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A page opened from file:// that records every problem a test must fail on."""

    def __init__(self, browser, path: Path):
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        self.page.on("requestfailed", lambda req: self.problems.append(f"request failed: {req.url}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.wait_until_settled()

    def wait_until_settled(self, timeout: float = 60.0) -> None:
        """Poll vis-network's own flag with page.evaluate (wait_for_function would need eval,
        which the page's Content-Security-Policy forbids)."""
        deadline = time.monotonic() + timeout
        settled = "window.kg !== undefined && kg.ready === true && kg.network.physics.stabilized === true"
        while not self.page.evaluate(settled):
            assert time.monotonic() < deadline, f"the layout did not settle in {timeout} s"
            time.sleep(0.05)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.problems.append(f"external request: {route.request.url}")
            route.abort()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def evaluate(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def click_node(self, node_id: str) -> None:
        x, y = self.evaluate(
            "id => { const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);"
            " return [p.x, p.y]; }",
            node_id,
        )
        box = self.page.locator("#kg-graph canvas").bounding_box()
        self.page.mouse.click(box["x"] + x, box["y"] + y)

    def details(self) -> str:
        return self.page.locator("#kg-details").inner_text()

    def search(self, text: str) -> None:
        self.page.fill("#kg-search", text)
        self.page.press("#kg-search", "Enter")

    def close(self) -> None:
        self.page.close()
        assert self.problems == []
        assert self.dialogs == []


@pytest.fixture
def open_page(browser):
    pages: list[Page] = []

    def _open(path: Path) -> Page:
        page = Page(browser, path)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.close()


@pytest.mark.parametrize("events", [False, True])
def test_page_loads_offline_and_draws_the_projection(news_graph, tmp_path, open_page, events):
    path = tmp_path / "graph.html"
    stats = write_html(news_graph, path, events=events)
    page = open_page(path)
    projection = to_networkx(news_graph, events=events)
    counts = page.evaluate("[kg.nodes.length, kg.edges.length]")
    assert counts == [projection.number_of_nodes(), projection.number_of_edges()]
    assert counts == [stats.nodes, stats.edges]
    ids = page.evaluate("kg.nodes.getIds().sort()")
    assert ids == sorted(projection.nodes)
    assert page.evaluate("kg.network.physics.physicsEnabled") is False
    assert "2 articles" in page.page.locator("#kg-summary").inner_text()
    assert page.problems == []


def test_search_by_alias_selects_the_entity(news_graph, tmp_path, open_page):
    path = tmp_path / "graph.html"
    write_html(news_graph, path)
    page = open_page(path)
    page.search("novak")
    assert page.evaluate("kg.network.getSelectedNodes()") == [NOVAK]
    assert page.details().startswith("Anna Novak")
    page.search("no such person")
    assert "No entity matches" in page.page.locator("#kg-status").inner_text()


def test_clicking_a_node_shows_aliases_roles_and_evidence(news_graph, tmp_path, open_page):
    path = tmp_path / "graph.html"
    write_html(news_graph, path)
    page = open_page(path)
    page.click_node(NOVAK)
    assert page.evaluate("kg.network.getSelectedNodes()") == [NOVAK]
    text = page.details()
    assert "Novak" in text.split("ALSO CALLED", 1)[1]
    assert "Foreign Minister of Ruritania" in text
    assert "Foreign Minister Anna Novak met Jonas Berg in Strelsau on Friday." in text
    assert "Ministers meet in Strelsau (2024-03-01)" in text
    assert "the talks were constructive" in text


def test_clicking_an_edge_shows_its_evidence(news_graph, tmp_path, open_page):
    path = tmp_path / "graph.html"
    write_html(news_graph, path)
    page = open_page(path)
    edge = page.evaluate(
        "([a, b]) => kg.edges.get().find(e => e.from === b && e.to !== a && e.label === 'meet').id",
        [NOVAK, BERG],
    )
    x, y = page.evaluate(
        "id => { const e = kg.edges.get(id); const p = kg.network.getPositions([e.from, e.to]);"
        " const c = kg.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2,"
        " y: (p[e.from].y + p[e.to].y) / 2}); return [c.x, c.y]; }",
        edge,
    )
    box = page.page.locator("#kg-graph canvas").bounding_box()
    page.page.mouse.click(box["x"] + x, box["y"] + y)
    text = page.details()
    assert "Berg did not meet the alliance envoy." in text
    assert "negated" in text


def test_filters_hide_types_relations_and_articles(news_graph, tmp_path, open_page):
    path = tmp_path / "graph.html"
    write_html(news_graph, path)
    page = open_page(path)
    total = page.evaluate("kg.nodeView.length")
    page.page.get_by_label("Person").uncheck()
    assert page.evaluate("kg.nodeView.length") == total - 2
    page.page.get_by_label("Person").check()
    page.page.get_by_label("holds office").uncheck()
    assert page.evaluate("kg.edgeView.get().map(e => e.label).sort()") == ["call on", "meet", "meet"]
    page.page.select_option("#kg-article", label="2024-03-02 \u2014 Alliance calls for talks")
    assert page.evaluate("kg.edgeView.get().map(e => e.label).sort()") == ["call on", "meet"]


def test_focus_view_selects_the_focus(news_graph, tmp_path, open_page):
    path = tmp_path / "focus.html"
    stats = write_html(news_graph, path, focus="Jonas Berg", depth=1)
    page = open_page(path)
    assert page.evaluate("kg.nodes.length") == stats.nodes == 3
    assert page.evaluate("kg.network.getSelectedNodes()") == [BERG]
    assert page.details().startswith("Jonas Berg")


def test_markup_in_articles_is_shown_as_text_and_never_runs(xss_graph, tmp_path, open_page):
    path = tmp_path / "xss.html"
    write_html(xss_graph, path, title="<img src=x onerror=alert('title')>")
    page = open_page(path)
    assert page.page.locator("h1").inner_text() == "<img src=x onerror=alert('title')>"
    page.search("<script>alert(1)</script>")
    text = page.details()
    assert text.startswith("<script>alert(1)</script>")
    assert "<img src=x onerror=alert(1)>" in text
    assert "<script>alert(1)</script> met <img src=x onerror=alert(1)> at \"HQ\" & 'base'." in text
    assert "<script>alert('headline')</script> (2024-01-01)" in text
    page.search("O'Brien")
    text = page.details()
    assert text.startswith("O'Brien \"Quotes\" & Co </script>")
    assert "<svg onload=alert(3)>" in text
    assert "</script><script>alert(2)</script> said <b>bold</b>." in text
    # Nothing from the data became an element.
    assert page.evaluate("document.querySelectorAll('img, svg, b, #kg-details script').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.dialogs == []


def test_empty_graph_settles_and_says_so(tmp_path, open_page):
    path = tmp_path / "empty.html"
    write_html(Graph(), path)
    page = open_page(path)
    assert page.evaluate("[kg.nodes.length, kg.edges.length]") == [0, 0]
    assert page.page.locator("#kg-status").inner_text() == "The graph has no entities to draw."


def test_screenshots(news_graph, tmp_path, open_page):
    """Save PNGs of the whole graph, the event view and a focus view; KG_SHOTS=DIR keeps them."""
    shots = Path(os.environ.get("KG_SHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    views = {
        "graph": {},
        "events": {"events": True},
        "focus": {"focus": "Anna Novak", "depth": 1},
    }
    for name, options in views.items():
        html_path = shots / f"{name}.html"
        write_html(news_graph, html_path, title=f"News graph ({name})", **options)
        page = open_page(html_path)
        if name == "graph":
            page.click_node(NOVAK)
        page.page.screenshot(path=str(shots / f"{name}.png"))
        assert (shots / f"{name}.png").stat().st_size > 10_000
    if "KG_SHOTS" not in os.environ:
        shutil.rmtree(shots)
