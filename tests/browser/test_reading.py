"""The reading experience in a real browser: layout at both widths, previews by mouse,
keyboard and touch, instant navigation, no JavaScript, print, and search."""

from __future__ import annotations

import io
import itertools
import re
from unicodedata import normalize

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import DESKTOP, PHONE

ARTICLE = "articles/putin-in-baku/"

LAYOUT = """() => Array.from(document.querySelectorAll('.cmp-article .cmp-unit')).map(u => {
  const r = (el) => {
    if (!el) return null;
    const b = el.getBoundingClientRect();
    return {top: b.top + scrollY, bottom: b.bottom + scrollY, left: b.left, right: b.right};
  };
  const q = (selector) => r(u.querySelector(selector));
  return {id: u.id, unit: r(u), text: q('.cmp-text'), notes: q('.cmp-notes .cmp-notes__list')};
})"""

# Characters per line as rendered: the text's length over the number of lines it takes
# (all lines but the last, which is usually short).
MEASURE = """(selector) => {
  const p = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(p);
  const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
  const lines = Array.from(tops).sort((a, b) => a - b);
  let full = 0, count = 0;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
      const rect = r.getClientRects()[0];
      if (rect && Math.round(rect.top) < lines[lines.length - 1] - 2) full++;
    }
  }
  return full / (lines.length - 1);
}"""


def test_desktop_text_runs_on_and_notes_stand_in_the_margin_near_their_paragraph(visit) -> None:
    """At 1440 px the paragraphs follow each other without gaps, as in a book with
    sidenotes: each paragraph's notes stand in the margin, starting beside it or just below
    the notes before them, never overlapping, never more than half a window away; the
    article is at most 1.3 times as tall as its text."""
    page = visit(ARTICLE, viewport=DESKTOP)
    units = page.evaluate(LAYOUT)
    assert len(units) == 23
    with_notes = [u for u in units if u["notes"]]
    assert len(with_notes) >= 20
    for unit in with_notes:
        text, notes = unit["text"], unit["notes"]
        assert notes["left"] >= text["right"], f"{unit['id']}: notes overlap the text"
        assert notes["right"] <= DESKTOP["width"]
        assert notes["top"] >= text["top"] - 12, f"{unit['id']}: notes start above the text"
        assert notes["top"] - text["top"] <= DESKTOP["height"] / 2, f"{unit['id']}: notes far"
    for current, following in itertools.pairwise(with_notes):
        assert following["notes"]["top"] >= current["notes"]["bottom"], f"{following['id']}"
    for current, following in itertools.pairwise(units):
        gap = following["text"]["top"] - current["text"]["bottom"]
        assert gap <= 40, f"a gap of {gap:.0f} px after {current['id']}"
    text_height = sum(u["text"]["bottom"] - u["text"]["top"] for u in units)
    article = page.locator(".cmp-article").bounding_box()["height"]
    assert article <= 1.3 * text_height, f"{article:.0f} px for {text_height:.0f} px of text"


def test_desktop_line_length_suits_long_reading(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP)
    characters = page.evaluate(MEASURE, "#p10 .cmp-text")
    assert 60 <= characters <= 80
    family = page.evaluate("getComputedStyle(document.querySelector('#p10 .cmp-text')).fontFamily")
    assert "serif" in family
    # The site navigation is hidden on the article, so nothing crowds the reading column.
    assert page.locator(".md-sidebar--primary").is_hidden()


# Pages that are not the article, each with a paragraph of running text of its own.
OTHER_PAGES = {
    "home": ("", ".md-content__inner > p"),
    "entry": ("glossary/zangezur-corridor/", ".md-content__inner > p:not(.cmp-crumb)"),
    "explainer": ("explainers/minsk-group-mediation/", ".md-content__inner > p:nth-of-type(3)"),
    "about": ("about/", ".md-content__inner > p"),
}


@pytest.mark.parametrize("name", list(OTHER_PAGES))
def test_every_page_shares_the_articles_type(visit, name: str) -> None:
    """Headings in the article's serif, bold; running text at a measure of 60–80 characters."""
    path, paragraph = OTHER_PAGES[name]
    page = visit(path, viewport=DESKTOP)
    heading = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.md-typeset h1'));"
        " return [s.fontFamily, Number(s.fontWeight)]; })()"
    )
    article = visit(ARTICLE, viewport=DESKTOP).evaluate(
        "getComputedStyle(document.querySelector('.cmp-article-head h1')).fontFamily"
    )
    assert heading == [article, 700]
    assert 60 <= page.evaluate(MEASURE, paragraph) <= 80


@pytest.mark.parametrize("width", [360, 390, 430])
def test_phone_folds_notes_under_their_paragraph(visit, width: int) -> None:
    page = visit(ARTICLE, viewport={"width": width, "height": 800})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page scrolls sideways"
    fold = page.locator("#p9 details.cmp-fold")
    assert fold.evaluate("d => d.open") is False
    label = fold.locator("summary")
    assert re.fullmatch(r"\d+ notes on ¶\s9", label.inner_text().strip())
    text_box = page.locator("#p9 .cmp-text").bounding_box()
    assert label.bounding_box()["y"] > text_box["y"] + text_box["height"] - 1
    assert page.locator("#note-zangezur-corridor").is_hidden()
    label.click()
    assert page.locator("#note-zangezur-corridor").is_visible()


def test_map_labels_stay_legible_and_apart_on_a_phone(visit) -> None:
    page = visit("map/", viewport={"width": 390, "height": 844})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page scrolls sideways"
    frame = page.locator(".cmp-map__frame")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "the map should pan instead"
    boxes = page.eval_on_selector_all(
        ".cmp-map__place:not(.cmp-map__place--beyond) text",
        "ts => ts.map(t => { const r = t.getBoundingClientRect();"
        " return [t.textContent, r.left, r.top, r.right, r.bottom]; })",
    )
    heights = [bottom - top for _, _, top, _, bottom in boxes]
    assert min(heights) >= 12, "labels too small to read"
    for i, (name, left, top, right, bottom) in enumerate(boxes):
        for other, left2, top2, right2, bottom2 in boxes[i + 1 :]:
            apart = right <= left2 or right2 <= left or bottom <= top2 or bottom2 <= top
            assert apart, f"{name!r} overlaps {other!r}"


# The map page, and a place entry with its locator map: the drawing and the one name the
# locator writes large (the map page's other names are checked above and below).
MAP_PAGES = {
    "map": ("map/", ".cmp-map__svg", ".cmp-map__svg text"),
    "place entry": ("glossary/karabakh/", ".cmp-locator svg", ".cmp-map__focus-name"),
}
BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(MAP_PAGES))
def test_maps_fit_and_their_names_stand_apart_inside_them(visit, name: str, viewport) -> None:
    path, drawing, names = MAP_PAGES[name]
    page = visit(path, viewport=viewport)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page scrolls sideways"
    svg = page.locator(drawing).first
    left, top, right, bottom = svg.evaluate(BOX)
    assert bottom - top >= 150, "the drawing is too small to read"
    if name == "place entry":
        assert right <= viewport["width"], "the locator map is cut off"
        assert page.locator(".cmp-locator figcaption").is_visible()
    labels = page.eval_on_selector_all(names, f"ts => ts.map(t => [t.textContent, ...({BOX})(t)])")
    assert labels
    for text, *box in labels:
        assert left <= box[0] < box[2] <= right, f"{text!r} runs out of the drawing"
        assert top <= box[1] < box[3] <= bottom, f"{text!r} runs out of the drawing"
        assert box[3] - box[1] >= 11, f"{text!r} is too small to read"
    inset = page.locator(f"{drawing} .cmp-map__inset").evaluate(BOX)
    for i, (text, *box) in enumerate(labels):
        apart = [box, inset] if name == "place entry" else [box, *(b for _, *b in labels[i + 1 :])]
        for other in apart[1:]:
            clear = (box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1]
                     or other[3] <= box[1])  # fmt: skip
            assert clear, f"{text!r} overlaps another name or the inset"


def preview_text(page) -> str:
    box = page.locator("#cmp-preview")
    box.wait_for(state="visible")
    return box.inner_text()


def test_hover_shows_a_preview_and_escape_closes_it(visit) -> None:
    page = visit(ARTICLE)
    # A later mention (¶ 16) previews the note that stands at the first one.
    term = page.locator("#p16 a.cmp-term[data-entry=ilham-aliyev]")
    term.hover()
    text = preview_text(page)
    assert "Ilham Aliyev" in text
    assert "person" in text
    preview = page.locator("#cmp-preview").bounding_box()
    text = page.locator("#p16 .cmp-text").bounding_box()
    assert preview["x"] >= text["x"] + text["width"], "the preview covers the paragraph"
    page.keyboard.press("Escape")
    assert page.locator("#cmp-preview").is_hidden()


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_preview_covers_neither_the_paragraph_nor_its_notes_and_stays_in_the_window(
    visit, where: str
) -> None:
    """¶ 10 names seven entries noted earlier, and stands beside notes of its own: each
    term's preview keeps clear of the paragraph's text and notes, with the paragraph at the
    top of the window or the term on its last line."""
    page = visit(ARTICLE, viewport=DESKTOP)
    unit = page.locator("#p10")
    assert unit.locator(".cmp-note").count() > 0, "¶ 10 has notes of its own"
    problems = []
    for term in unit.locator(".cmp-text a.cmp-term").all():
        entry = term.get_attribute("data-entry")
        box = term.bounding_box()
        # Scroll the page so that the term sits near the top, or on the window's last line.
        y = box["y"] + page.evaluate("scrollY")
        page.evaluate(f"scrollTo(0, {y - (80 if where == 'top' else DESKTOP['height'] - 40)})")
        # Focus opens the preview at once (and closes the last one), where the pointer would
        # after its pause: the place is the same (test_previews.py times the pointer).
        term.focus()
        card = page.locator("#cmp-preview")
        card.wait_for(state="visible")
        shown = card.bounding_box()
        own = [unit.locator(".cmp-text"), *unit.locator(".cmp-note").all()]
        covered = [part for part in own if overlaps(shown, part.bounding_box())]
        inside = shown["y"] >= 0 and shown["y"] + shown["height"] <= DESKTOP["height"]
        if covered or not inside:
            problems.append((entry, "covers" if covered else "", "" if inside else "outside"))
    assert problems == []


def test_a_note_beside_its_paragraph_is_lit_up_not_repeated(visit) -> None:
    page = visit(ARTICLE)
    page.locator("#p17 a.cmp-term[data-entry=ruben-vardanyan]").hover()
    note = page.locator("#note-ruben-vardanyan")
    expect(note).to_have_class(re.compile(r"\bcmp-note--active\b"))
    assert page.locator("#cmp-preview").count() == 0 or page.locator("#cmp-preview").is_hidden()
    described = page.locator("#p17 a.cmp-term[data-entry=ruben-vardanyan]").get_attribute(
        "aria-describedby"
    )
    assert described == "note-ruben-vardanyan"


def test_keyboard_focus_shows_a_preview(visit) -> None:
    page = visit(ARTICLE)
    page.locator("#p16 .cmp-pnum").focus()
    page.keyboard.press("ArrowRight")  # ¶ 16: "Aliyev and Putin did not mention the consulate…"
    assert page.evaluate("document.activeElement.dataset.entry") == "ilham-aliyev"
    assert "Ilham Aliyev" in preview_text(page)
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "cmp-preview"
    page.keyboard.press("Escape")
    assert page.locator("#cmp-preview").is_hidden()
    assert page.evaluate("document.activeElement.dataset.entry") == "ilham-aliyev"


def test_tap_shows_a_preview_without_leaving(visit) -> None:
    page = visit(ARTICLE, viewport=PHONE, has_touch=True, is_mobile=True)
    page.locator("#p14 a.cmp-term[data-entry=tass]").tap()
    assert "TASS" in preview_text(page)
    assert page.url.endswith(ARTICLE)
    page.locator("#cmp-preview a").first.click()
    page.wait_for_url(re.compile(r"glossary/tass/"))


def test_previews_survive_instant_navigation(visit) -> None:
    page = visit("")
    page.evaluate("window.__noReload = true")
    page.locator(".md-content a.md-button").click()
    page.wait_for_selector("#p1")
    assert page.evaluate("window.__noReload") is True, "the page reloaded: no instant navigation"
    page.locator("#p16 a.cmp-term[data-entry=ilham-aliyev]").hover()
    assert "Ilham Aliyev" in preview_text(page)
    page.locator("#p5 a.cmp-term[data-entry=mehriban-aliyeva]").hover()
    expect(page.locator("#note-mehriban-aliyeva")).to_have_class(re.compile(r"cmp-note--active"))


def test_without_javascript_notes_and_links_are_there(visit) -> None:
    page = visit(ARTICLE, viewport=PHONE, java_script_enabled=False)
    assert page.locator("#note-zangezur-corridor").is_visible()
    assert page.locator(".cmp-controls").is_hidden()  # its keys and switch need the script
    assert page.locator("#p9 a.cmp-term").count() >= 3
    assert (
        page.locator(".cmp-credit a")
        .first.get_attribute("href")
        .startswith("https://www.rferl.org/")
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["wide window", "phone"])
def test_printing_gives_the_article_with_every_note_and_no_blank_page(
    visit, viewport: dict
) -> None:
    """Printed to PDF by Chromium, from a wide window or a phone: every page holds text, the
    first names the source's address, every note is there and no fold label is."""
    page = visit(ARTICLE, viewport=viewport)
    notes = page.eval_on_selector_all(".cmp-note__term", "ts => ts.map(t => t.textContent)")
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # NFKC undoes the ligatures of the printed text ("ﬂ" for "fl").
    pages = [" ".join(normalize("NFKC", p.extract_text()).split()) for p in printed.pages]
    assert [n for n, text in enumerate(pages, 1) if not text] == [], "blank pages"
    assert "rferl.org/a/russia-azerbaijan-karabakh" in pages[0].replace(" ", "")
    text = " ".join(pages)
    assert [n for n in notes if " ".join(n.split()) not in text] == []
    assert re.findall(r"\d+ notes? on ¶", text) == []
    assert len(notes) > 40


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search dialog (opened with Material's "s" shortcut, or
    emptied when already open) and return the addresses of the results."""
    field = page.locator(".md-search__input")
    if not field.evaluate("field => field === document.activeElement"):
        page.keyboard.press("s")
    field.fill("")
    page.wait_for_selector(".md-search-result__item", state="detached")
    field.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item")
    # Results follow the typing: wait until the last query's have replaced the ones before.
    links, settled = None, False
    while not settled:
        page.wait_for_timeout(200)
        now = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
        links, settled = now, now == links
    return links


# A surname alone, a two-word term, an alias (the Azerbaijani name of Stepanakert).
ENTRY_QUERIES = {"Vardanyan": "ruben-vardanyan", "Minsk Group": "osce-minsk-group",
                 "Khankendi": "stepanakert"}  # fmt: skip


def test_search_finds_an_entry_by_term_or_alias(visit) -> None:
    page = visit("", search=True)  # one page and index, the dialog used for each query
    missed = {}
    for query, entry in ENTRY_QUERIES.items():
        links = search(page, query)
        if not any(f"glossary/{entry}/" in link for link in links[:3]):
            missed[query] = links[:5]
    assert missed == {}


# Phrases the article holds word for word, with the paragraph that holds them: one that two
# entries quote (¶ 13), and one of stop words only, which Material's index leaves out (¶ 2).
PHRASES = {"hidden Kremlin agenda": 13, "It was an": 2, "beaming Aliyev welcomed": 5}


def test_search_shows_the_paragraph_of_a_phrase_first(visit) -> None:
    page = visit("", search=True)
    for phrase, number in PHRASES.items():
        links = search(page, phrase)
        assert re.search(rf"articles/putin-in-baku/(\?h=[^#]*)?#p{number}$", links[1]), (
            phrase,
            links,
        )
        shown = page.locator(".md-search-result__item").first.inner_text()
        assert f"¶\u00a0{number}" in shown, (phrase, shown)
    # Of ¶ 13's three sentences, the result shows the one that holds the words.
    search(page, "hidden Kremlin agenda")
    teaser = page.locator(".md-search-result__item").first.locator("h2").inner_text()
    assert teaser.startswith("¶\u00a013 … But the news about a prospective Russian consulate")
    assert "In May" not in teaser


def test_search_opens_the_article_at_the_paragraph(visit) -> None:
    page = visit("", search=True)
    links = search(page, "marveled oasis")  # ¶ 1: "marveled at how Baku … an oasis"
    assert any(re.search(r"articles/putin-in-baku/(\?h=[^#]*)?#p1$", link) for link in links), links
    page.locator(".md-search-result__item a[href$='#p1']").first.click()
    page.wait_for_url(re.compile(r"#p1$"))
    unit = page.locator("#p1")
    assert unit.evaluate("u => u.matches(':target')")
    box = unit.bounding_box()
    assert 0 <= box["y"] < DESKTOP["height"] / 2, "the paragraph is not scrolled into view"
    marked = page.evaluate(
        "getComputedStyle(document.querySelector('#p1 .cmp-text')).backgroundColor"
    )
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent")


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed ``rgb(…)`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


STYLE = """(selector) => {
  const link = document.querySelector(selector);
  const style = getComputedStyle(link);
  return {style: style.textDecorationStyle, line: style.textDecorationColor,
          colour: style.color, page: getComputedStyle(document.body).backgroundColor};
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_terms_look_like_terms_and_read_well_when_pointed_at(visit, scheme: str) -> None:
    page = visit(ARTICLE, scheme=scheme)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    first = page.evaluate(STYLE, "#p1 a.cmp-term[data-entry='vladimir-putin']")
    again = page.evaluate(STYLE, "#p4 a.cmp-term--again[data-entry='vladimir-putin']")
    assert first["style"] == again["style"] == "dotted"  # not the solid line of a link
    assert first["line"] != again["line"]  # a repeat is quieter still
    page.focus("#p1 a.cmp-term[data-entry='vladimir-putin']")
    focused = page.evaluate(STYLE, "#p1 a.cmp-term[data-entry='vladimir-putin']")
    assert focused["style"] == "solid"
    assert contrast(focused["colour"], focused["page"]) >= 4.5
    page.hover("#p4 a.cmp-term--again")
    hovered = page.evaluate(STYLE, "#p4 a.cmp-term--again")
    assert contrast(hovered["colour"], hovered["page"]) >= 4.5


# What has focus, and whether the reader can see it: a visually hidden input (Material's
# palette switch) shows its focus on its visible label.
FOCUSED = """() => {
  let el = document.activeElement;
  if (el.labels && el.labels.length) el = [...el.labels].find(l => !l.hidden) || el;
  // Material's palette switch: the radio focused is hidden; the label beside it shows.
  if (el.matches('.md-option') && el.nextElementSibling && !el.nextElementSibling.hidden)
    el = el.nextElementSibling;
  const box = el.getBoundingClientRect();
  return {unit: el.closest('.cmp-unit') ? el.closest('.cmp-unit').id : null,
          text: (el.getAttribute('aria-label') || el.title || el.textContent || '').trim()
                .slice(0, 40),
          inside: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                  && box.left < innerWidth && box.top < innerHeight};
}"""


IN_CLOSED_DRAWER = """() => {
  const el = document.activeElement;
  const drawer = !matchMedia('(min-width: 76.25em)').matches
    && !document.getElementById('__drawer').checked
    && el.closest('.md-sidebar--primary');
  const results = !document.getElementById('__search').checked
    && el.closest('.md-search__output');
  return Boolean(drawer || results);
}"""


def test_by_keyboard_a_paragraph_is_one_stop_and_the_arrow_keys_visit_its_terms(visit) -> None:
    """The first stop skips the header to ¶ 1; the arrow keys go through the terms of the
    paragraph in focus, each opening its note, and back; Tab goes on to the next paragraph
    (a note's title is no second stop for the term the text already links)."""
    page = visit(ARTICLE, viewport=DESKTOP)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Skip to the article"
    page.keyboard.press("Enter")
    focused = page.evaluate(FOCUSED)
    assert (focused["unit"], focused["text"]) == ("p1", "Paragraph 1")
    met = []
    for _ in range(5):  # one more than ¶ 1 has terms: the last press goes nowhere
        page.keyboard.press("ArrowRight")
        met.append(page.evaluate("document.activeElement.dataset.entry"))
        lit = page.locator(".cmp-note--active")
        assert lit.count() == 1
        assert lit.get_attribute("id") == f"note-{met[-1]}"
    assert met == ["vladimir-putin", "azerbaijan", "baku", "ilham-aliyev", "ilham-aliyev"]
    for _ in range(4):
        page.keyboard.press("ArrowLeft")
    assert page.evaluate(FOCUSED)["text"] == "Paragraph 1"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Paragraph 2"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_paragraph_10_is_at_most_40_tab_stops_from_the_top_and_every_stop_is_in_view(
    visit, viewport: dict
) -> None:
    page = visit(ARTICLE, viewport=viewport)
    unseen = []
    for count in range(1, 41):  # noqa: B007 (read after the loop)
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if not focused["inside"]:
            unseen.append(focused["text"])
        if focused["unit"] == "p10":
            break
    assert focused["unit"] == "p10", "¶ 10 is more than 40 tab stops away"
    assert unseen == [], f"{count} stops, some out of view"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_tab_stop_hides_in_a_closed_drawer(visit, viewport: dict) -> None:
    """The navigation drawer of narrow screens and the search results, while closed, hold
    no tab stop (focus would vanish off screen)."""
    page = visit(ARTICLE, viewport=viewport)
    hidden = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(IN_CLOSED_DRAWER):
            hidden.append(page.evaluate(FOCUSED)["text"])
    assert hidden == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_timeline_dots_sit_on_their_line(visit, viewport: dict) -> None:
    page = visit("timeline/", viewport=viewport)
    offsets = page.evaluate(
        """() => Array.from(document.querySelectorAll('ol.cmp-timeline'), (list) => {
          const item = list.querySelector(':scope > li');
          const dot = getComputedStyle(item, '::before');
          const line = list.getBoundingClientRect().left
            + parseFloat(getComputedStyle(list).borderLeftWidth) / 2;
          return item.getBoundingClientRect().left + parseFloat(dot.left)
            + parseFloat(dot.width) / 2 - line;
        })"""
    )
    assert offsets
    assert all(abs(offset) <= 1 for offset in offsets), offsets


@pytest.mark.parametrize("viewport", [DESKTOP, {"width": 360, "height": 800}], ids=["1440", "360"])
def test_the_timeline_overview_reads_at_a_glance(visit, viewport: dict) -> None:
    """The table of years fits the column without sideways scrolling, each year link is a
    target a finger can hit, every square is drawn, and the article's tag stands in its
    year's row; in the dark palette the squares still stand out from the page."""
    page = visit("timeline/", viewport=viewport)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page scrolls sideways"
    boxes = page.evaluate(
        """() => {
          const table = document.querySelector('table.cmp-overview');
          const column = table.closest('article').getBoundingClientRect();
          const links = [...table.querySelectorAll('tbody th a')].map(
            (a) => a.getBoundingClientRect().height);
          const squares = [...table.querySelectorAll('.cmp-square')].map(
            (s) => s.getBoundingClientRect()).filter((r) => r.width >= 6 && r.height >= 6);
          const tag = table.querySelector('.cmp-overview__article').getBoundingClientRect();
          const row = table.querySelector('.cmp-overview__article').closest('tr')
            .getBoundingClientRect();
          return {
            inside: table.getBoundingClientRect().right <= column.right + 0.5,
            links, squares: squares.length, total: table.querySelectorAll('.cmp-square').length,
            tagInRow: tag.top >= row.top && tag.bottom <= row.bottom && tag.width > 0,
          };
        }"""
    )
    assert boxes["inside"]
    assert min(boxes["links"]) >= 24
    assert boxes["squares"] == boxes["total"] > 100
    assert boxes["tagInRow"]
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    colours = page.evaluate(
        """() => [getComputedStyle(document.querySelector('.cmp-square')).backgroundColor,
                  getComputedStyle(document.querySelector('.cmp-square--since')).borderTopColor,
                  getComputedStyle(document.body).backgroundColor]"""
    )
    assert colours[2] not in colours[:2]


@pytest.mark.parametrize("how", ["instant navigation", "page load"])
def test_going_back_keeps_the_readers_place_and_open_notes(visit, how: str) -> None:
    """On a phone, a reader opens ¶ 9's notes, reads ¶ 10 near the top of the screen, follows
    a term to its entry and goes back: ¶ 9's notes are open and ¶ 10 stands where it stood,
    whether Material's instant navigation or the browser loaded the pages."""
    page = visit(ARTICLE, viewport=PHONE)
    page.locator("#p9 .cmp-fold__label").click()
    top = page.evaluate("document.getElementById('p10').getBoundingClientRect().top + scrollY")
    page.evaluate(f"scrollTo(0, {top - 100})")
    page.wait_for_timeout(100)
    if how == "instant navigation":
        page.locator("#p10 a.cmp-term[data-entry=russia]").click()
    else:
        page.evaluate("location.href = document.querySelector('#p10 a[data-entry=russia]').href")
    page.wait_for_url("**/glossary/russia/")
    page.go_back()
    page.wait_for_selector("#p10")
    page.wait_for_function("() => document.querySelector('#p9 details.cmp-fold').open")
    page.wait_for_timeout(300)  # the browser's or Material's own scrolling, then ours
    assert page.evaluate("document.getElementById('p10').getBoundingClientRect().top") == (
        pytest.approx(100, abs=12)
    )


def test_the_reader_hides_the_notes_and_the_choice_holds_on_every_page(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP)
    switch = page.locator(".cmp-controls__notes")
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.locator("#p1 .cmp-notes").is_visible()
    switch.click()
    assert switch.get_attribute("aria-pressed") == "false"
    assert page.locator("#p1 .cmp-notes").is_hidden()
    # The keys no longer offer to open notes that are hidden.
    assert page.locator(".cmp-controls__open").is_hidden()
    assert page.locator(".cmp-controls__keys").is_visible()
    # The text then stands in the middle of the page, not beside an empty margin.
    text = page.locator("#p1 .cmp-text").bounding_box()
    left, right = text["x"], DESKTOP["width"] - text["x"] - text["width"]
    assert abs(left - right) < 0.15 * DESKTOP["width"], (left, right)
    # Away and back by instant navigation, then a fresh load: still hidden.
    page.locator(".md-tabs__link", has_text="Glossary").click()
    page.wait_for_url("**/glossary/")
    page.locator(".md-tabs__link", has_text="The article").click()
    page.wait_for_url("**/putin-in-baku/")
    assert page.locator("#p1 .cmp-notes").is_hidden()
    page.reload()
    assert page.locator("#p1 .cmp-notes").is_hidden()
    # A term's note then shows as a preview instead.
    page.locator("#p1 a.cmp-term[data-entry=baku]").hover()
    assert "Baku" in preview_text(page)
    page.locator(".cmp-controls__notes").click()
    assert page.locator("#p1 .cmp-notes").is_visible()


def test_hidden_notes_are_hidden_before_the_pages_script_runs(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP)
    page.evaluate("localStorage.setItem('cmp-notes-shown', 'no')")
    # Without the page's script (as on a slow connection, before it has run), the choice
    # still lays the page out: no margin of notes drawn first and then taken away.
    page.context.route("**/assets/companion/companion.js", lambda route: route.abort())
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('cmp-notes-off')")
    assert page.locator("#p1 .cmp-notes").is_hidden()


def test_keys_move_between_paragraphs_and_open_their_notes(visit) -> None:
    page = visit(ARTICLE, viewport=PHONE)
    assert page.locator(".cmp-controls__keys").is_visible()
    visited = []
    for key in "jjjk":
        page.keyboard.press(key)
        visited.append(page.evaluate(FOCUSED)["unit"])
    assert visited == ["p1", "p2", "p3", "p2"]
    assert not page.evaluate("document.querySelector('#p2 details.cmp-fold').open")
    page.keyboard.press("o")
    assert page.evaluate("document.querySelector('#p2 details.cmp-fold').open")
    assert page.locator("#note-p2-multivector-foreign-policy").is_visible()
    # Typed into the search box, the same letters are only letters.
    page.keyboard.press("s")
    page.keyboard.type("jo")
    assert page.locator(".md-search__input").input_value() == "jo"


CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


def test_a_paragraph_number_copies_its_link(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP, **CLIPBOARD)
    page.locator("#p9 .cmp-pnum").click()
    page.wait_for_function("() => document.querySelector('.cmp-said')?.textContent")
    assert page.locator(".cmp-said").text_content() == "Link to ¶\u00a09 copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/articles/putin-in-baku/#p9")


def test_selected_words_give_a_link_to_exactly_that_passage(visit) -> None:
    page = visit(ARTICLE, viewport=DESKTOP, **CLIPBOARD)
    page.evaluate(
        """() => { const p = document.querySelector('#p13 .cmp-text');
        const text = p.firstChild;  // "In May, a senior …": the paragraph's own first words
        const range = document.createRange(); range.setStart(text, 0); range.setEnd(text, 7);
        getSelection().removeAllRanges(); getSelection().addRange(range); }"""
    )
    share = page.locator(".cmp-share")
    share.wait_for(state="visible")
    share.click()
    page.wait_for_function("() => document.querySelector('.cmp-said')?.textContent")
    address = page.evaluate("navigator.clipboard.readText()")
    assert address.endswith("/articles/putin-in-baku/#p13:~:text=In%20May%2C")
    # Opened, the address shows that paragraph (by the text fragment, or by the script).
    opened = visit(address.split("/reading-companion/", 1)[1], viewport=DESKTOP)
    box = opened.locator("#p13").bounding_box()
    assert 0 <= box["y"] < DESKTOP["height"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_glossarys_letters_stay_in_reach_and_lead_to_their_entries(visit, viewport) -> None:
    # Followed as Material's instant navigation follows an anchor: it replaces the content,
    # then scrolls (it missed by 777 px while the page's stylesheet was linked from there).
    page = visit("glossary/", viewport=viewport)
    page.locator(".cmp-letters a[href$='#letter-m']").click()
    page.wait_for_url("**#letter-m")
    page.wait_for_timeout(300)
    bar = page.locator(".cmp-letters").bounding_box()
    heading = page.locator("#letter-m").bounding_box()
    assert bar["y"] < 100, "the letters scrolled away"
    assert bar["y"] + bar["height"] <= heading["y"] < viewport["height"] / 2, (bar, heading)
