"""The repository's own site: the article verbatim, every entry reachable and searchable."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, assert_internal_links_lead_to_files, search_documents
from reading_companion import load_content
from reading_companion.events import near_duplicates
from reading_companion.typography import plain, smarten

# The supplied text, kept beside the tests; the team's shared copy is checked too when present.
ARTICLE_TXT = Path(__file__).parent / "data" / "article.txt"
SHARED_TXT = REPO.parent / "shared" / "article" / "article.txt"
ARTICLE_PAGE = "articles/putin-in-baku/index.html"


@pytest.fixture(scope="module")
def content():
    return load_content(REPO / "glossary", REPO / "docs", REPO)


@pytest.fixture(scope="module")
def article(real_site: Path) -> BeautifulSoup:
    return BeautifulSoup((real_site / ARTICLE_PAGE).read_text(encoding="utf-8"), "html.parser")


def source_paragraphs() -> list[str]:
    text = ARTICLE_TXT.read_text(encoding="utf-8")
    if SHARED_TXT.exists():
        assert SHARED_TXT.read_text(encoding="utf-8") == text
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_all_23_paragraphs_word_for_word(article: BeautifulSoup) -> None:
    expected = source_paragraphs()
    assert len(expected) == 23
    units = article.select(".cmp-article .cmp-unit")
    assert [u["id"] for u in units] == [f"p{n}" for n in range(1, 24)]
    shown = [plain(u.select_one(".cmp-text").get_text()) for u in units]
    assert shown == expected


def test_source_is_credited_and_linked(article: BeautifulSoup) -> None:
    link = article.select_one(".cmp-credit a")
    assert link["href"] == (
        "https://www.rferl.org/a/russia-azerbaijan-karabakh-caucasus-trade-politics/33085516.html"
    )
    assert "RFE/RL" in article.select_one(".cmp-credit").get_text()


def test_each_entry_is_noted_once_at_its_first_mention(article: BeautifulSoup, content) -> None:
    noted = [n["id"] for n in article.select(".cmp-note:not(.cmp-note--quote)")]
    assert len(noted) == len(set(noted))
    first_mention: dict[str, str] = {}
    for unit in article.select(".cmp-article .cmp-unit"):
        for term in unit.select(".cmp-text a.cmp-term"):
            first_mention.setdefault(term["data-entry"], unit["id"])
    for entry_id, unit_id in first_mention.items():
        note = article.select_one(f"#note-{entry_id}")
        assert note is not None, entry_id
        assert note.find_parent(class_="cmp-unit")["id"] == unit_id


def test_quoted_passages_are_marked_even_across_term_links(article: BeautifulSoup) -> None:
    marks = {plain(m.get_text()): m for m in article.select("#p3 mark.cmp-quote")}
    marked = marks["Armenia is rapidly turning against its erstwhile Russian ally"]
    assert marked.select_one("a.cmp-term")["data-entry"] == "armenia"
    assert len(article.select(".cmp-article mark.cmp-quote")) == len(
        article.select(".cmp-note--quote")
    )


def test_paragraph_8_carries_the_minsk_group_explainer(article: BeautifulSoup) -> None:
    hrefs = [a["href"] for a in article.select("#p8 .cmp-note a")]
    assert "../../explainers/minsk-group-mediation/" in hrefs


def test_home_page_leads_to_the_article(real_site: Path) -> None:
    home = BeautifulSoup((real_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    first = home.select_one(".md-content a.md-button")
    assert first["href"] == "articles/putin-in-baku/"


def test_backlinks_are_the_paragraphs_that_link_the_entry(
    real_site: Path, article: BeautifulSoup, content
) -> None:
    """Read from the built pages alone: an entry page lists exactly the paragraphs whose
    text links it, or whose quote note points at it."""
    expected = defaultdict(set)
    for unit in article.select(".cmp-article .cmp-unit"):
        for link in unit.select(".cmp-text a.cmp-term"):
            expected[link["data-entry"]].add(f"../../articles/putin-in-baku/#{unit['id']}")
        for link in unit.select(".cmp-note--quote a.cmp-note__term"):
            if "/glossary/" in link["href"]:
                entry_id = link["href"].rstrip("/").rsplit("/", 1)[-1]
                expected[entry_id].add(f"../../articles/putin-in-baku/#{unit['id']}")
    assert len(expected) > 30  # most entries are named in the article
    for entry_id in content.entries:
        html = (real_site / "glossary" / entry_id / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        listed = {a["href"] for a in soup.select(".cmp-backlinks__para")}
        assert listed == expected[entry_id], entry_id


def test_search_index_has_every_entry_and_paragraph(real_site: Path, content) -> None:
    locations = search_documents(real_site)
    for number in range(1, 24):
        assert f"articles/putin-in-baku/#p{number}" in locations
    # The article's own result reads as its page does, quotes curly.
    assert locations["articles/putin-in-baku/"]["title"].startswith("Putin\u2019s Azerbaijan Visit")
    for entry in content.entries.values():
        doc = locations[f"glossary/{entry.id}/"]
        assert doc["title"] == entry.meta.term
        for alias in entry.meta.aliases:
            assert alias in doc["text"]
    for explainer in content.explainers.values():
        assert f"explainers/{explainer.id}/" in locations


def test_an_entry_is_linked_once_per_paragraph(article: BeautifulSoup) -> None:
    for unit in article.select(".cmp-article .cmp-unit"):
        linked = [a["data-entry"] for a in unit.select(".cmp-text a.cmp-term")]
        assert len(linked) == len(set(linked)), unit["id"]
    # ¶ 8 names Russia, Azerbaijan and Armenia twice each: one link each.
    linked = [a["data-entry"] for a in article.select("#p8 .cmp-text a.cmp-term")]
    assert [linked.count(e) for e in ("russia", "azerbaijan", "armenia")] == [1, 1, 1]


def test_entry_pages_get_typographic_quotes_too(real_site: Path) -> None:
    html = (real_site / "glossary/zangezur-corridor/index.html").read_text(encoding="utf-8")
    summary = BeautifulSoup(html, "html.parser").select_one(".cmp-summary").get_text()
    assert "\u201ccorridor\u201d" in summary


@pytest.fixture(scope="module")
def timeline(real_site: Path) -> BeautifulSoup:
    return BeautifulSoup((real_site / "timeline/index.html").read_text(), "html.parser")


def test_no_event_is_told_twice(content) -> None:
    """One fact, one record: no two events of a day read alike (the check's rule, with its
    threshold), no two events say the same, and every event is listed by some page."""
    assert near_duplicates(content.events) == []
    texts = [plain(event.meta.text) for event in content.events.values()]
    assert len(texts) == len(set(texts))
    assert len(content.events) >= 100
    pages = [*content.entries.values(), *content.explainers.values()]
    listed = {event_id for page in pages for event_id in page.meta.timeline}
    assert listed == set(content.events)
    assert max(event.meta.date for event in content.events.values()).year >= 2026


def test_the_timeline_shows_each_event_once_in_order(timeline: BeautifulSoup, content) -> None:
    in_order = sorted(content.events.values(), key=lambda e: (e.meta.date, e.line))
    events = timeline.select("li.cmp-event")
    assert [e["id"] for e in events] == [f"event-{event.id}" for event in in_order]
    page_text = plain(timeline.select_one("article").get_text())
    for item, event in zip(events, in_order, strict=True):
        text = plain(item.select_one(".cmp-event__text").get_text())
        assert text == plain(smarten(event.meta.text))
        assert page_text.count(text) == 1, text
    dates = [e.select_one("time")["datetime"] for e in events]
    assert dates == sorted(dates)
    assert dates[0].startswith("1988")
    for item in events:
        since = "cmp-event--since" in item["class"]
        assert since == (item.select_one("time")["datetime"] > "2024-08-31")
        assert bool(item.select(".cmp-since")) == since
    # The article stands between the last event before it and the first after it.
    marker = timeline.select_one("#the-article")
    following = marker.find_next(class_="cmp-event")
    assert "cmp-event--since" in following["class"]
    assert "cmp-event--since" not in marker.find_previous(class_="cmp-event")["class"]


def test_each_event_links_to_every_page_that_lists_it_and_to_its_sources(
    timeline: BeautifulSoup, content, real_site: Path
) -> None:
    here = real_site / "timeline"
    listing = defaultdict(set)
    for entry in content.entries.values():
        for event_id in entry.meta.timeline:
            listing[event_id].add(f"glossary/{entry.id}/")
    for explainer in content.explainers.values():
        for event_id in explainer.meta.timeline:
            listing[event_id].add(explainer.src_uri.removesuffix(".md") + "/")
    for event in content.events.values():
        item = timeline.select_one(f"#event-{event.id}")
        pages = [a["href"] for a in item.select(".cmp-event__links a")]
        assert len(pages) == len(set(pages))
        assert {href.removeprefix("../") for href in pages} == listing[event.id], event.id
        for href in pages:  # every link leads to a page of the built site
            assert (here / href / "index.html").resolve().is_file(), href
        sources = [a["href"] for a in item.select(".cmp-event__sources a")]
        assert sources == [source.url for source in event.meta.sources]
    anchors = {tag["id"] for tag in timeline.select("[id]")}
    for link in timeline.select("article a[href^='#']"):
        assert link["href"][1:] in anchors, link["href"]


def test_the_overview_counts_the_events_of_each_year(timeline: BeautifulSoup, content) -> None:
    """A real table: a row per year with events, each year a link to its part of the list,
    its count in words and a square per event, filled before the article, hollow since; the
    article's place marked in its year, as a link to it in the list."""
    table = timeline.select_one("article table.cmp-overview")
    assert table.select_one("caption").get_text(strip=True)
    assert [th.get_text() for th in table.select("thead th")][:2] == ["Year", "Events"]
    per_year = Counter(event.meta.date.year for event in content.events.values())
    rows = table.select("tbody tr")
    assert [int(row.th.get_text()) for row in rows] == sorted(per_year)
    for row in rows:
        year = int(row.th.get_text())
        assert row.th.a["href"] == f"#y{year}"
        assert int(row.select_one(".cmp-overview__count").get_text()) == per_year[year]
        section = timeline.select_one(f"section:has(> h2#y{year})")
        items = section.select("li.cmp-event")
        assert len(items) == per_year[year]
        filled = row.select(".cmp-square:not(.cmp-square--since)")
        hollow = row.select(".cmp-square--since")
        assert len(hollow) == sum("cmp-event--since" in i["class"] for i in items)
        assert len(filled) + len(hollow) == per_year[year]
    (marked,) = [row for row in rows if row.select(".cmp-overview__article")]
    assert marked.th.get_text() == "2024"
    assert marked.select_one(".cmp-overview__article")["href"] == "#the-article"
    assert "before the article" in marked.get_text()


def test_the_contributing_page_is_contributing_md(real_site: Path) -> None:
    soup = BeautifulSoup((real_site / "contributing/index.html").read_text(), "html.parser")
    shown = " ".join(soup.select_one("article").get_text().split())
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^#{2,3} (.+)$", guide, re.MULTILINE):
        assert heading in shown
    assert "A term or alias belongs to one entry only" in shown


def test_no_page_is_a_dead_end(real_site: Path, article: BeautifulSoup) -> None:
    """The site's sections are in the header of every page, the article leads on when it
    ends, and "not found" offers the ways on."""
    for path in ("index.html", "articles/putin-in-baku/index.html", "glossary/baku/index.html"):
        soup = BeautifulSoup((real_site / path).read_text(encoding="utf-8"), "html.parser")
        tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
        assert {"The article", "Background", "Glossary", "Timeline", "Map"} <= set(tabs), path
        assert soup.select(".md-banner") == [], path  # no empty announcement strip
    keep = article.select_one("nav.cmp-keep-reading")
    assert [a.get_text() for a in keep.select("a")] == ["Background", "Timeline", "Map", "Glossary"]
    assert [a["href"] for a in keep.select("a")] == [
        "../../explainers/",
        "../../timeline/",
        "../../map/",
        "../../glossary/",
    ]
    missing = BeautifulSoup((real_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    ways = [a["href"] for a in missing.select("article a[href]")]
    assert any(href.endswith("articles/putin-in-baku/") for href in ways)
    assert any(href.endswith("glossary/") for href in ways)


def test_every_paragraph_carries_a_note(article: BeautifulSoup) -> None:
    bare = [u["id"] for u in article.select(".cmp-article .cmp-unit") if not u.select(".cmp-note")]
    assert bare == []


def test_notes_link_the_entries_their_summaries_name(article: BeautifulSoup, content) -> None:
    """A note's summary links the other entries it names, for readers and for nested
    previews: each once per paragraph's notes, and none that has a note of its own there."""
    linked_in_notes = 0
    for aside in article.select(".cmp-article .cmp-notes"):
        own = {n["id"].removeprefix("note-") for n in aside.select(".cmp-note[id^=note-]")}
        targets = [
            a["href"].rstrip("/").rsplit("/", 1)[-1]
            for a in aside.select(".cmp-note__summary a.cmp-term")
        ]
        assert len(targets) == len(set(targets)), aside["aria-label"]
        assert not own & set(targets), aside["aria-label"]
        assert set(targets) <= set(content.entries), aside["aria-label"]
        linked_in_notes += len(targets)
    assert linked_in_notes >= 40
    # ¶ 1: Ilham Aliyev's note names his father; Azerbaijan's names Baku, noted beside it.
    assert article.select_one("#note-ilham-aliyev .cmp-note__summary a")["href"] == (
        "../../glossary/heydar-aliyev/"
    )
    azerbaijan = article.select("#note-azerbaijan .cmp-note__summary a")
    assert "Baku" not in [a.get_text() for a in azerbaijan]


def test_an_entry_page_links_the_entries_its_summary_names(real_site: Path) -> None:
    html = (real_site / "glossary/armenia/index.html").read_text(encoding="utf-8")
    summary = BeautifulSoup(html, "html.parser").select_one(".cmp-summary")
    assert summary.get_text().startswith("A landlocked republic")
    links = {a.get_text(): a["href"] for a in summary.select("a.cmp-term")}
    assert links["Yerevan"] == "../yerevan/"
    assert "Armenia" not in links


def test_the_home_page_shows_the_region_at_a_glance(real_site: Path) -> None:
    home = BeautifulSoup((real_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    figure = home.select_one("figure.home-map")
    svg = figure.select_one("svg")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text() == "The South Caucasus at a glance"
    assert len(svg.select("path.cmp-map__region")) == 3  # Karabakh, Syunik, Nakhchivan
    assert svg.select("a") == []  # a picture; the caption leads to the map
    assert figure.select_one("figcaption a")["href"] == "map/"
    assert home.select_one(".md-button--primary").get_text() == "Read the annotated article"


def test_every_link_and_stylesheet_of_every_page_leads_to_a_file(real_site: Path) -> None:
    assert_internal_links_lead_to_files(real_site)
