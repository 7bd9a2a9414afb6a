"""Browser fixtures: the real site served on 127.0.0.1, Debian's Chromium driven by Playwright.

Playwright never downloads a browser here: it launches the Chromium found on PATH, Debian's
headless shell when it is there (the same engine, in about half the time).
Every request a page makes is recorded, and a test fails if one leaves the site's origin.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator

import pytest

from conftest import RealSite
from helpers import REPO

playwright_api = pytest.importorskip("playwright.sync_api")
sys.path.insert(0, str(REPO / "scripts"))
from screenshots import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 (one place for the browser)

DESKTOP = {"width": 1440, "height": 900}
# What tests that never search are served for Material's search index: nothing to index (a
# refused request would end in a script error, which every test checks for).
EMPTY_INDEX = {
    "config": {
        "lang": ["en"],
        "separator": r"[\s\-]+",
        "pipeline": [],
        "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 1e6}},
    },
    "docs": [],
}
PHONE = {"width": 390, "height": 844}

if CHROMIUM is None:
    reason = "Chromium is not installed (./dev test installs it when run as root)"
    if os.environ.get("CI"):
        raise RuntimeError(reason)  # CI must run the browser tests, never skip them
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="session")
def base_url(built_real_site: RealSite) -> Iterator[str]:
    """The real site, served over HTTP on 127.0.0.1 at the address it was built for."""
    thread = threading.Thread(target=built_real_site.server.serve_forever, daemon=True)
    thread.start()
    yield built_real_site.base_url
    built_real_site.server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[playwright_api.Browser]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """Open pages in a fresh context and record every request they make."""

    def __init__(self, browser: playwright_api.Browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []  # uncaught script errors, ours or Material's
        self.contexts: list[playwright_api.BrowserContext] = []

    def __call__(
        self,
        path: str,
        *,
        viewport: dict = DESKTOP,
        scheme: str = "default",
        search: bool = False,
        **options: object,
    ) -> playwright_api.Page:
        """Open ``path`` in a fresh context. Without ``search``, the search index is not
        served: Material's worker would spend about a second of CPU building it after every
        load, for tests that never search (a third of the suite's time went there)."""
        context = self.browser.new_context(viewport=viewport, **options)
        self.contexts.append(context)
        if not search:
            index = "**/search/search_index.json"
            context.route(index, lambda route: route.fulfill(json=EMPTY_INDEX))
        index = 0 if scheme == "default" else 1
        context.add_init_script(
            "localStorage.setItem('/.__palette', JSON.stringify("
            f"{{index: {index}, color: {{scheme: '{scheme}'}}}}))"
        )
        page = context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(f"{path}: {error}"))
        page.goto(self.base_url + path, wait_until="load")
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def visit(browser: playwright_api.Browser, base_url: str) -> Iterator[Visit]:
    visitor = Visit(browser, base_url)
    yield visitor
    visitor.close()
    # Privacy: nothing may be fetched from another origin.
    foreign = [url for url in visitor.requests if not url.startswith((base_url, "data:", "blob:"))]
    assert foreign == [], f"requests left the site: {foreign}"
    # No script stops with an error: one in Material's stops its instant navigation.
    assert visitor.errors == []
