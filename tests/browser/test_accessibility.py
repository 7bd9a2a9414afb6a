"""axe-core finds no WCAG 2.2 A/AA violation on the pages readers use, at both widths and in
both palettes, with the search dialog open too."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from .conftest import DESKTOP, PHONE

AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = {
    "article": "articles/putin-in-baku/",
    "glossary index": "glossary/",
    "entry": "glossary/zangezur-corridor/",
    "explainer": "explainers/minsk-group-mediation/",
    "home": "",
    "map": "map/",
    "timeline": "timeline/",
}


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + json.dumps([node["target"] for node in v["nodes"][:3]])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_violations(visit, name: str, viewport: dict, scheme: str) -> None:
    page = visit(PAGES[name], viewport=viewport, scheme=scheme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_dialog_has_no_violations(visit, viewport: dict, scheme: str) -> None:
    page = visit(PAGES["article"], viewport=viewport, scheme=scheme)
    page.keyboard.press("s")  # Material's shortcut opens search
    page.locator(".md-search__input").press_sequentially("Zangezur", delay=30)
    page.wait_for_selector(".md-search-result__item")
    assert axe_violations(page) == []
