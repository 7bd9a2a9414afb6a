"""axe-core finds no WCAG 2.2 A/AA violation on the pages readers use, at both widths and in
both palettes, with the search dialog open too.

Each page is loaded once per width. At desktop width every rule runs in the light palette,
then the page is switched to the dark one, as Material's toggle does, and the rules that
depend on colour run again (the rest see the same page either way). At phone width a page
has the same markup laid out again: every rule runs on the article (its notes fold under
their paragraphs there, in both palettes) and on one ordinary page (Material's phone header
and drawer, the same on every page); on the others the rules that depend on the layout.
"""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from .conftest import DESKTOP, PHONE

AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Rules whose outcome depends on where things are drawn and how big, not only on the markup.
LAYOUT_RULES = [*COLOUR_RULES, "target-size", "scrollable-region-focusable"]
# Pages checked with every rule at phone width (see the module's docstring).
PHONE_IN_FULL = {"article", "glossary index"}
PAGES = {
    "article": "articles/putin-in-baku/",
    "glossary index": "glossary/",
    "entry": "glossary/zangezur-corridor/",
    "place entry": "glossary/karabakh/",  # a region, with its locator map
    "explainer": "explainers/minsk-group-mediation/",
    "home": "",
    "map": "map/",
    "timeline": "timeline/",
}


def axe_violations(page, rules: list[str] | None = None, within: str | None = None) -> list[str]:
    """What axe finds on the page (or only in the element ``within`` selects): every rule
    of ``TAGS``, or only ``rules``."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SOURCE)
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": TAGS}
    # Only violations are gathered: on a page of hundreds of notes, passes cost seconds.
    options = {"runOnly": only, "resultTypes": ["violations"]}
    result = page.evaluate(
        "async ([within, options]) => await axe.run(within ? {include: [within]} : document,"
        " options)",
        [within, options],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + json.dumps([node["target"] for node in v["nodes"][:3]])
        for v in result["violations"]
    ]


def in_both_palettes(
    page, *, dark: bool = True, within: str | None = None, rules: list[str] | None = None
) -> dict[str, list[str]]:
    """Violations in the light palette (all rules, or ``rules``), then in the dark one
    (colour rules)."""
    found = {"default": axe_violations(page, rules, within), "slate": []}
    if not dark:
        return found
    # No colour transitions: axe would measure colours halfway between the palettes.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the dark palette did not apply"
    found["slate"] = axe_violations(page, COLOUR_RULES, within)
    return found


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_violations(visit, name: str, viewport: dict) -> None:
    page = visit(PAGES[name], viewport=viewport)
    dark = viewport is DESKTOP or name == "article"
    rules = None if viewport is DESKTOP or name in PHONE_IN_FULL else LAYOUT_RULES
    assert in_both_palettes(page, dark=dark, rules=rules) == {"default": [], "slate": []}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_dialog_has_no_violations(visit, viewport: dict) -> None:
    page = visit(PAGES["article"], viewport=viewport, search=True)
    page.keyboard.press("s")  # Material's shortcut opens search
    page.locator(".md-search__input").press_sequentially("Zangezur", delay=30)
    page.wait_for_selector(".md-search-result__item")
    # The page behind the dialog is checked above; here only what the dialog adds.
    assert in_both_palettes(page, within=".md-search") == {"default": [], "slate": []}
