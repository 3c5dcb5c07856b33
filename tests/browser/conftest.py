"""A live ``tacitus serve`` over the demo store and a headless Chromium page for the browser tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("TACITUS_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"


@pytest.fixture(scope="session")
def demo_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_api import build_demo_store  # the same cached demo store as the API tests

    cache = (
        Path(request.config.cache.mkdir("tacitus-demo-store"))
        if getattr(request.config, "cache", None)
        else tmp_path_factory.mktemp("demo-cache")
    )
    return build_demo_store(cache, tmp_path_factory.mktemp("browser") / "demo.duckdb")


@pytest.fixture(scope="session")
def base_url(demo_db: Path) -> Iterator[str]:
    from test_api import live_server  # imported by demo_db, with tests/ on the path

    with live_server(demo_db) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records console errors, failed requests and requests to other hosts."""
    # bypass_csp lets Playwright evaluate its wait conditions; it also means the markup tests
    # prove that escaping alone keeps article text inert, without help from the page's CSP.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url, bypass_csp=True)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def outside(request: Any) -> None:
        if not request.url.startswith(base_url) and not request.url.startswith("data:"):
            page.problems.append(f"request to another host: {request.url}")

    page.on("request", outside)
    yield page
    context.close()


@pytest.fixture()
def shoot(page: Any) -> Any:
    """Save a full-page screenshot under artifacts/browser/ for a person to look at."""

    def save(name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
