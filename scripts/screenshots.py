"""Take the README's screenshots of the built site in headless Chromium.

Usage: ./dev build && .venv/bin/python scripts/screenshots.py [--out screenshots]

Chromium comes from the system (Debian's ``chromium-headless-shell`` package, or its full
``chromium``); Playwright only drives it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# The system's Chromium, for these screenshots, the search benchmark and the browser tests:
# the headless shell first, which draws the same pages in about half the time.
CHROMIUM = (
    shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = [
    # name, page, width, height, palette, full page
    ("home", "", 1440, 1000, "default", False),
    ("article-desktop", "articles/putin-in-baku/", 1440, 1000, "default", False),
    ("article-phone", "articles/putin-in-baku/#p9", 390, 844, "default", False),
    ("article-desktop-dark", "articles/putin-in-baku/#p8", 1440, 1000, "slate", False),
    ("article-phone-dark", "articles/putin-in-baku/#p9", 390, 844, "slate", False),
    ("glossary-index", "glossary/", 1440, 1000, "default", False),
    ("entry", "glossary/zangezur-corridor/", 1440, 1000, "default", False),
    ("map", "map/", 1440, 1100, "default", False),
    ("map-phone-dark", "map/#the-map", 390, 844, "slate", False),
    ("entry-region-dark", "glossary/karabakh/", 1440, 1000, "slate", False),
    ("timeline", "timeline/", 1440, 1000, "default", False),
    ("search", "articles/putin-in-baku/", 1440, 900, "default", False),
]
# Shots taken with words typed into the search box.
SEARCHES = {"search": "hidden Kremlin agenda"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line for each request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 over HTTP (Material's scripts need http, not file://)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="take only these shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, width, height, scheme, full in SHOTS:
            if args.only and name not in args.only:
                continue
            page = browser.new_page(viewport={"width": width, "height": height})
            page.add_init_script(
                f"localStorage.setItem('/.__palette', JSON.stringify("
                f"{{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))"
            )
            page.goto(base + path, wait_until="networkidle")
            if name in SEARCHES:
                page.keyboard.press("s")  # Material's shortcut opens search
                page.locator(".md-search__input").press_sequentially(SEARCHES[name], delay=30)
                page.wait_for_selector(".md-search-result__item")
                page.wait_for_timeout(500)  # the last letters' results
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=full)
            page.close()
        browser.close()
    print(f"Screenshots written to {args.out}")


if __name__ == "__main__":
    main()
