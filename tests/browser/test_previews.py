"""Previews that nest: a name inside a note or a preview previews in turn, by mouse (after
the pointer rests on it, closing a moment after it leaves), by keyboard and by touch.

Ilham Aliyev's note stands at ¶ 1, so his name in ¶ 16 opens a preview, whose summary names
his father, Heydar Aliyev: an entry with no note on the page, whose preview comes from his
own page. Heydar Aliyev's summary names Azerbaijan in turn.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

ARTICLE = "articles/putin-in-baku/"
ILHAM = "#p16 .cmp-text a.cmp-term[data-entry=ilham-aliyev]"
FIRST, SECOND, THIRD = "#cmp-preview", "#cmp-preview-1", "#cmp-preview-2"


def centre(page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_by_mouse_a_preview_waits_for_intent_nests_beside_its_parent_and_lingers(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP)
    page.locator(ILHAM).scroll_into_view_if_needed()
    started = time.monotonic()
    page.mouse.move(*centre(page, ILHAM))
    page.wait_for_timeout(250)
    assert page.locator(FIRST).count() == 0, "the preview opened before the pointer rested"
    expect(page.locator(FIRST)).to_contain_text("Ilham Aliyev")
    assert time.monotonic() - started >= 0.45

    # A name in the preview opens its own, beside it, from the entry's page.
    father = f"{FIRST} a.cmp-term:text('Heydar Aliyev')"
    page.mouse.move(*centre(page, father))
    expect(page.locator(SECOND)).to_contain_text("Azerbaijan’s president from 1993 to 2003")
    parent, child = page.locator(FIRST).bounding_box(), page.locator(SECOND).bounding_box()
    beside = (
        child["x"] >= parent["x"] + parent["width"] or child["x"] + child["width"] <= parent["x"]
    )
    assert beside, (parent, child)
    # And deeper.
    page.mouse.move(*centre(page, f"{SECOND} a.cmp-term >> nth=0"))
    expect(page.locator(THIRD)).to_be_visible()

    # Back in the first preview, away from its names: the deeper ones close after a moment.
    head = page.locator(f"{FIRST} .cmp-note__kind").bounding_box()
    page.mouse.move(head["x"] + 2, head["y"] + head["height"] / 2)
    page.wait_for_timeout(100)
    assert page.locator(THIRD).count() == 1, "a preview closed without a grace period"
    expect(page.locator(SECOND)).to_have_count(0)
    expect(page.locator(THIRD)).to_have_count(0)
    expect(page.locator(FIRST)).to_be_visible()
    # Out of the chain altogether: all of it closes.
    page.mouse.move(5, DESKTOP["height"] - 5)
    expect(page.locator(FIRST)).to_have_count(0)


def test_by_keyboard_tab_enters_a_preview_a_name_there_opens_the_next_and_escape_closes_one(
    visit,
) -> None:
    page = visit(ARTICLE, viewport=DESKTOP)
    page.locator("#p16 .cmp-pnum").focus()
    page.keyboard.press("ArrowRight")  # ¶ 16: "Aliyev and Putin did not mention the consulate…"
    expect(page.locator(FIRST)).to_contain_text("Ilham Aliyev")
    # Tab goes on from the term into its preview, and from a name there into the next one.
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Heydar Aliyev":
            break
    assert page.evaluate(f"document.querySelector('{FIRST}').contains(document.activeElement)")
    assert page.evaluate("document.activeElement.textContent") == "Heydar Aliyev"
    expect(page.locator(SECOND)).to_contain_text("Heydar Aliyev")
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.querySelector('{SECOND}').contains(document.activeElement)")
    # Escape closes the innermost preview and gives focus back to the name that opened it.
    page.keyboard.press("Escape")
    expect(page.locator(SECOND)).to_have_count(0)
    expect(page.locator(FIRST)).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Heydar Aliyev"
    page.keyboard.press("Escape")
    expect(page.locator(FIRST)).to_have_count(0)
    assert page.evaluate("document.activeElement.dataset.entry") == "ilham-aliyev"


def test_by_touch_a_tap_previews_a_name_inside_a_preview_and_a_second_tap_follows_it(
    visit,
) -> None:
    page = visit(ARTICLE, viewport=PHONE, has_touch=True, is_mobile=True)
    expect(page.locator(".cmp-controls__keys")).to_be_hidden()  # no keyboard to use them
    page.locator(ILHAM).tap()
    expect(page.locator(FIRST)).to_contain_text("Ilham Aliyev")
    father = page.locator(f"{FIRST} a.cmp-term", has_text="Heydar Aliyev")
    father.tap()
    expect(page.locator(SECOND)).to_contain_text("Heydar Aliyev")
    assert page.url.endswith(ARTICLE)
    page.locator(f"{FIRST} a.cmp-term", has_text="Heydar Aliyev").tap()
    page.wait_for_url(re.compile(r"glossary/heydar-aliyev/"))


def test_on_a_wide_screen_names_in_a_lit_note_open_previews_that_nest_and_stay(visit) -> None:
    """Putin's note stands beside ¶ 1 and is lit, not repeated; its summary names Russia,
    whose preview opens beside it, and a name there opens a third card. By keyboard, Tab
    goes from the term into its lit note and on into the preview."""
    page = visit(ARTICLE, viewport=DESKTOP)
    putin = "#p1 .cmp-text a.cmp-term[data-entry=vladimir-putin]"
    page.mouse.move(*centre(page, putin))
    expect(page.locator("#note-vladimir-putin")).to_have_class(re.compile(r"cmp-note--active"))
    page.mouse.move(*centre(page, "#note-vladimir-putin .cmp-note__summary a.cmp-term >> nth=0"))
    expect(page.locator(SECOND)).to_contain_text("Russia")
    page.mouse.move(*centre(page, f"{SECOND} .cmp-note__summary a.cmp-term >> nth=0"))
    expect(page.locator(THIRD)).to_be_visible()
    page.wait_for_timeout(500)  # past the grace period: nothing the pointer is in closes
    expect(page.locator(SECOND)).to_be_visible()
    expect(page.locator("#note-vladimir-putin")).to_have_class(re.compile(r"cmp-note--active"))

    page.mouse.move(5, DESKTOP["height"] - 5)
    expect(page.locator(SECOND)).to_have_count(0)
    page.locator("#p1 .cmp-pnum").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#note-vladimir-putin') !== null")
    expect(page.locator(SECOND)).to_contain_text("Russia")
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.querySelector('{SECOND}').contains(document.activeElement)")
