"""Build a small project with the real ``mkdocs build --strict`` and read what a reader gets.

The same tests read the same project built with Zensical (``companion zensical build``):
one content, two hosts, the same pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import HOSTS, build, build_clean, mkdocs
from helpers import (
    ARTICLE_PARAGRAPHS,
    assert_internal_links_lead_to_files,
    event,
    fill_template,
    make_project,
    search_documents,
    write_article,
    write_entry,
    write_events,
    write_explainer,
)
from reading_companion.theme_files import ASSETS, THEME_DIR


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


OWN_LINKS = "See [the home page](../index.md) and ![a map](../img/map.png)."


def build_linked_site(root: Path, host: str, *, directory_urls: bool) -> Path:
    """The small project, plus what MkDocs must still rewrite and check in an article: the
    author's own links and images, and another page linking to a note and a paragraph.
    Built once per module and host, strictly."""
    project = make_project(root)
    (project / "docs/img").mkdir()
    (project / "docs/img/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_article(project / "docs", [*ARTICLE_PARAGRAPHS, OWN_LINKS])
    (project / "docs/index.md").write_text(
        "# Home\n\n[Baku](articles/test.md#note-baku), "
        "[the quote](articles/test.md#note-p3-mediation), [¶ 2](articles/test.md#p2)\n",
        encoding="utf-8",
    )
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["use_directory_urls"] = directory_urls
    config["validation"] = {"links": {"anchors": "warn"}}  # strict: unseen anchors fail
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return build_clean(project, host)


@pytest.fixture(scope="module", params=HOSTS)
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    root = tmp_path_factory.mktemp(f"site-{request.param}") / "project"
    return build_linked_site(root, request.param, directory_urls=True)


@pytest.fixture(scope="module", params=HOSTS)
def flat_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    root = tmp_path_factory.mktemp(f"flat-{request.param}") / "project"
    return build_linked_site(root, request.param, directory_urls=False)


def test_paragraphs_are_numbered_permalinks(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    units = soup.select(".cmp-unit")
    assert [u["id"] for u in units] == ["p1", "p2", "p3", "p4", "p5"]
    for number, unit in enumerate(units, 1):
        link = unit.select_one("a.cmp-pnum")
        assert link["href"] == f"#p{number}"
        assert link.get_text() == f"¶\u00a0{number}"
        assert link["aria-label"] == f"Paragraph {number}"  # not "Paragraph pilcrow 1"


def test_terms_are_linked_and_noted_once(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    p1, p2, *_ = soup.select(".cmp-unit")
    assert [a["data-entry"] for a in p1.select(".cmp-text a.cmp-term")] == [
        "vladimir-putin",
        "ilham-aliyev",
        "baku",
    ]
    assert [n["id"] for n in p1.select(".cmp-note")] == [
        "note-vladimir-putin",
        "note-ilham-aliyev",
        "note-baku",
    ]
    # Later mentions stay linked but add no repeated note.
    assert [a.get_text() for a in p2.select(".cmp-text a.cmp-term")] == [
        "Putin\u2019s",
        "Aliyevs\u2019",
    ]
    assert p2.select(".cmp-note") == []
    assert p1.select_one(".cmp-text a.cmp-term")["href"] == "../../glossary/vladimir-putin/"


def test_notes_say_what_a_reader_needs(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    aside = soup.select_one("#p1 aside.cmp-notes")
    assert aside["aria-label"] == "Notes for paragraph 1"
    note = aside.select_one("#note-ilham-aliyev")
    assert note.select_one(".cmp-note__term").get_text() == "Ilham Aliyev"
    assert note.select_one(".cmp-note__kind").get_text() == "person"
    assert note.select_one(".cmp-note__summary").get_text() == "A short summary of Ilham Aliyev."
    background = note.select_one(".cmp-note__more a")
    assert background.get_text() == "Background"
    assert background["href"] == "../../explainers/mediation/"


def test_no_term_links_inside_links_or_code(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    p4 = soup.select_one("#p4 .cmp-text")
    assert p4.select(".cmp-text a.cmp-term") == []
    assert p4.select_one("code").get_text() == "Baku"


def test_quote_note_attaches_explainer_to_its_paragraph(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    marked = soup.select_one("#p3 mark.cmp-quote")
    assert marked.get_text() == "Diplomatic efforts to resolve the conflict"
    note = soup.select_one("#p3 .cmp-note--quote")
    assert (
        "Diplomatic efforts to resolve the conflict"
        in note.select_one(".cmp-note__quote").get_text()
    )
    assert note.select_one("a")["href"] == "../../explainers/mediation/"


def test_typography_and_source_credit(site: Path) -> None:
    soup = page(site, "articles/test/index.html")
    assert soup.select_one("#p2 .cmp-text").get_text() == (
        "Putin\u2019s hosts said \u201cwelcome\u201d \u2014 and the Aliyevs\u2019 smiles were wide."
    )
    credit = soup.select_one(".cmp-credit")
    assert "RFE/RL" in credit.get_text()
    assert credit.select_one("a")["href"] == "https://example.org/article"


def test_entry_page_shows_names_backlinks_related_and_sources(site: Path) -> None:
    soup = page(site, "glossary/vladimir-putin/index.html")
    assert soup.select_one("h1").get_text() == "Vladimir Putin"
    backlinks = [(a.get_text(), a["href"]) for a in soup.select(".cmp-backlinks__para")]
    assert backlinks == [
        ("¶\u00a01", "../../articles/test/#p1"),
        ("¶\u00a02", "../../articles/test/#p2"),
    ]
    # Each with the sentence that names the entry, the name marked, quotes set as on the page.
    said = [
        (q.get_text(), q.select_one("mark").get_text())
        for q in soup.select(".cmp-backlinks__passage")
    ]
    assert said == [
        ("Vladimir Putin met Ilham Aliyev in Baku.", "Vladimir Putin"),
        (
            "Putin\u2019s hosts said \u201cwelcome\u201d \u2014 "
            "and the Aliyevs\u2019 smiles were wide.",
            "Putin\u2019s",
        ),
    ]
    assert [a.get_text() for a in soup.select(".cmp-related a")] == ["Baku"]
    assert soup.select_one(".cmp-sources a")["href"] == "https://sources.test/a"
    assert "25 November 2026" in soup.select_one(".cmp-checked").get_text()
    baku = page(site, "glossary/baku/index.html")
    native = baku.select_one(".cmp-names dd")
    assert (native["lang"], native.get_text()) == ("az", "Bakı")


def test_entry_pages_stay_out_of_the_navigation(site: Path) -> None:
    soup = page(site, "index.html")
    nav_links = [a["href"] for a in soup.select(".md-nav a")]
    assert not any("vladimir-putin" in href for href in nav_links)


def test_glossary_index_lists_every_entry_with_kind(site: Path) -> None:
    soup = page(site, "glossary/index.html")
    items = {
        i.select_one("dt a").get_text(): i["data-kind"] for i in soup.select(".cmp-index__item")
    }
    assert items == {"Baku": "place", "Ilham Aliyev": "person", "Vladimir Putin": "person"}
    assert {i["value"] for i in soup.select(".cmp-filter input")} == {"all", "person", "place"}


def test_explainer_lists_the_paragraphs_pointing_to_it(site: Path) -> None:
    soup = page(site, "explainers/mediation/index.html")
    paragraphs = [a["href"] for a in soup.select(".cmp-backlinks__para")]
    # ¶ 1 notes Ilham Aliyev, whose entry has this explainer; ¶ 3 has the quote note.
    assert paragraphs == ["../../articles/test/#p1", "../../articles/test/#p3"]
    # Each with its sentence: ¶ 1's names the entry whose note links here, ¶ 3's holds the quote.
    said = [
        (q.get_text(), q.select_one("mark").get_text())
        for q in soup.select(".cmp-backlinks__passage")
    ]
    assert said[0] == ("Vladimir Putin met Ilham Aliyev in Baku.", "Ilham Aliyev")
    assert said[1][1] == "Diplomatic efforts to resolve the conflict"
    assert len(said) == 2
    # ¶ 1 is here through a note: the list says whose. ¶ 3's quote note is the explainer's own.
    items = soup.select(".cmp-backlinks__list li")
    assert (
        items[0].select_one(".cmp-backlinks__via").get_text()
        == "(through the note on Ilham Aliyev)"
    )
    assert items[1].select_one(".cmp-backlinks__via") is None
    assert len(soup.select(".cmp-sources li")) == 2


def test_search_index_has_paragraphs_and_aliases(site: Path) -> None:
    by_location = search_documents(site)
    for number in range(1, 5):
        assert f"articles/test/#p{number}" in by_location
    # A paragraph's words are its title, after its number, and said once: its text is empty.
    first = by_location["articles/test/#p1"]
    assert first["title"].startswith("¶\u00a01 Vladimir Putin met Ilham Aliyev")
    assert first["text"] == ""
    putin = by_location["glossary/vladimir-putin/"]
    assert putin["title"] == "Vladimir Putin"
    assert "Putin" in putin["text"]
    assert putin.get("boost", 2.0) == 2.0  # Zensical has no boosts
    # The page-level article document does not repeat the paragraphs.
    assert "Vladimir Putin met" not in by_location["articles/test/"]["text"]


def test_the_stylesheet_and_script_reach_readers_minified(site: Path) -> None:
    for uri in ASSETS:
        source = (THEME_DIR / uri).read_text(encoding="utf-8")
        published = (site / uri).read_text(encoding="utf-8")
        assert len(published) < 0.8 * len(source), uri
        assert "/* " not in published, f"{uri} keeps comments"
        assert "\n  // " not in published, f"{uri} keeps comments"
        assert len(published) > 1000, uri
        assert "cmp-" in published, uri


def test_works_without_directory_urls(flat_site: Path) -> None:
    soup = page(flat_site, "articles/test.html")
    assert soup.select_one("#p1 a.cmp-term")["href"] == "../glossary/vladimir-putin.html"
    assert "articles/test.html#p1" in search_documents(flat_site)


def test_every_internal_link_leads_to_a_file(site: Path) -> None:
    assert_internal_links_lead_to_files(site)


def test_every_internal_link_leads_to_a_file_without_directory_urls(flat_site: Path) -> None:
    assert_internal_links_lead_to_files(flat_site)


def test_an_articles_own_links_and_images_are_rewritten(site: Path, flat_site: Path) -> None:
    own = page(site, "articles/test/index.html").select_one("#p5 .cmp-text")
    assert own.select_one("a")["href"] == "../../"
    assert own.select_one("img")["src"] == "../../img/map.png"
    own = page(flat_site, "articles/test.html").select_one("#p5 .cmp-text")
    assert own.select_one("a")["href"] == "../index.html"
    assert own.select_one("img")["src"] == "../img/map.png"


@pytest.mark.parametrize("host", HOSTS)
def test_a_broken_link_in_an_article_fails_a_strict_build(project: Path, host: str) -> None:
    article = write_article(project / "docs", [*ARTICLE_PARAGRAPHS, "See [gone](../nope.md)."])
    line = article.read_text().split("\n").index("See [gone](../nope.md).") + 1
    result = build(host, project, "--strict")
    assert result.returncode != 0
    said = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # Zensical's colours
    assert "nope.md" in said
    if host == "zensical":  # the line of the file as written, not of the copy Zensical built
        assert f"articles/test.md:{line}:" in said


@pytest.mark.parametrize("host", HOSTS)
def test_broken_content_stops_the_build_and_keeps_the_last_site(project: Path, host: str) -> None:
    assert build(host, project, "--strict").returncode == 0
    article = project / "site/articles/test/index.html"
    before = article.read_text()
    write_entry(project / "glossary", "yerevan", "Yerevan", kind="city")
    (project / "glossary/broken.md").write_text("---\nterm: [x\n---\n")
    result = build(host, project, "--strict")
    assert result.returncode != 0
    assert "glossary/yerevan.md:" in result.stderr
    assert "'city' is not a kind" in result.stderr
    assert "glossary/broken.md:" in result.stderr  # every problem at once
    assert article.read_text() == before


def test_plugin_can_be_switched_off(project: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["plugins"][1]["companion"]["enabled"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site/glossary").exists()


def test_notes_are_published_as_web_annotations(site: Path) -> None:
    collection = json.loads((site / "articles/test.annotations.jsonld").read_text())
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 4  # three entry notes, one quote note
    soup = page(site, "articles/test/index.html")
    for item in items:
        assert item["type"] == "Annotation"
        assert item["target"]["source"] == "https://example.org/articles/test/"
        fragment, quote = item["target"]["selector"]
        assert fragment["type"] == "FragmentSelector"
        assert fragment["refinedBy"] == quote
        assert quote["type"] == "TextQuoteSelector"
        # The selector resolves: prefix + exact + suffix stand in the paragraph as shown.
        text = soup.select_one(f"#{fragment['value']} .cmp-text").get_text()
        assert quote["prefix"] + quote["exact"] + quote["suffix"] in text
        assert text.count(quote["prefix"] + quote["exact"]) == 1
    exacts = [i["target"]["selector"][1]["exact"] for i in items]
    assert exacts == [
        "Vladimir Putin",
        "Ilham Aliyev",
        "Baku",
        "Diplomatic efforts to resolve the conflict",
    ]
    bodies = [i["body"][1]["id"] for i in items]
    assert bodies[0] == "https://example.org/glossary/vladimir-putin/"
    assert bodies[3] == "https://example.org/explainers/mediation/"


def test_a_new_entry_from_the_template_gets_its_page(project: Path) -> None:
    """CONTRIBUTING's path: copy the template, fill it in, build: the entry has its page."""
    (project / "glossary/ganja.md").write_text(fill_template(), encoding="utf-8")
    write_article(project / "docs", ["Ganja is a city."], notes=[])
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    soup = page(project / "site", "glossary/ganja/index.html")
    assert soup.select_one("h1").get_text() == "Ganja"
    assert soup.select_one(".cmp-names dd[lang=hy]").get_text() == "Գանձակ"
    index = page(project / "site", "glossary/index.html")
    assert "Ganja" in [a.get_text() for a in index.select(".cmp-index__item dt a")]


@pytest.mark.parametrize("host", HOSTS)
def test_content_warnings_fail_strict_builds_only_when_asked(project: Path, host: str) -> None:
    write_entry(
        project / "glossary", "yerevan", "Yerevan",
        sources=[{"title": "T", "publisher": "P", "url": "https://sources.test/"}],
    )  # fmt: skip
    result = build(host, project, "--strict")
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert "content warnings (run 'companion check' to list them)" in said
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["plugins"][1]["companion"]["strict_content"] = True
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = build(host, project, "--strict")
    assert result.returncode == 1
    assert "glossary/yerevan.md:" in result.stderr
    assert "source has no date" in result.stderr


def test_an_excluded_article_points_nowhere(project: Path) -> None:
    """A draft kept out of the build with ``exclude_docs`` gives no backlinks."""
    notes = [{"quote": "in a draft", "entry": "baku"}]  # a quote note points at an entry
    write_article(project / "docs", ["Baku is in a draft."], notes=notes)
    draft = project / "docs/articles/test.md"
    draft.rename(project / "docs/draft.md")
    write_article(project / "docs")
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["exclude_docs"] = "draft.md"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    entry = page(project / "site", "glossary/baku/index.html")
    assert [a["href"] for a in entry.select(".cmp-backlinks__para")] == ["../../articles/test/#p1"]


def test_a_new_explainer_joins_the_navigation_and_the_index_by_itself(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "explainers/index.md").write_text(
        "---\ntemplate: companion/explainers-index.html\n---\n\n# Background\n\nIntro.\n",
        encoding="utf-8",
    )
    write_explainer(docs, "a-new-one", "A new explainer")
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["nav"] = [
        {"Home": "index.md"},
        {"Article": "articles/test.md"},
        {"Background": ["explainers/index.md", "explainers/mediation.md"]},
    ]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    home = page(project / "site", "index.html")
    background = home.select_one('.md-nav__item--nested:has(a[href$="explainers/"])')
    links = [a["href"] for a in background.select("a.md-nav__link[href]")]
    assert links[-2:] == ["explainers/mediation/", "explainers/a-new-one/"]
    index = page(project / "site", "explainers/index.html")
    listed = [a.get_text() for a in index.select(".cmp-index__item dt a")]
    assert listed == ["Outside mediation", "A new explainer"]
    new = page(project / "site", "explainers/a-new-one/index.html")
    assert new.select_one('link[rel="prev"]')["href"] == "../mediation/"


def test_entries_and_explainers_link_to_their_own_file_for_editing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["repo_url"] = "https://github.com/owner/companion"
    config["edit_uri"] = "edit/main/docs/"
    config["theme"]["features"] = ["content.action.edit"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    edit = "a.md-content__button[title='Edit this page']"
    entry = page(project / "site", "glossary/baku/index.html").select_one(edit)
    assert entry["href"] == "https://github.com/owner/companion/edit/main/glossary/baku.md"
    explainer = page(project / "site", "explainers/mediation/index.html").select_one(edit)
    assert explainer["href"] == (
        "https://github.com/owner/companion/edit/main/docs/explainers/mediation.md"
    )
    assert page(project / "site", "glossary/index.html").select_one(edit) is None


@pytest.mark.parametrize("host", HOSTS)
def test_the_timeline_tells_each_event_once_with_an_overview(tmp_path: Path, host: str) -> None:
    """Two pages list one event: the timeline shows it once, linked to both, with its source;
    the overview above the list counts each year's events and leads to them."""
    project = make_project(tmp_path / "project")
    glossary, docs = project / "glossary", project / "docs"
    write_events(
        glossary,
        {
            "war-ends-2020-11-10": event("2020-11-10", "A statement ends the war."),
            "putin-in-baku-2024-08-19": event("2024-08-19", "Putin visits Baku."),
            "talks-2025-03-13": event("2025-03-13", "The two sides agree a text."),
        },
    )
    write_entry(glossary, "baku", "Baku", kind="place", timeline=["putin-in-baku-2024-08-19"])
    write_entry(
        glossary,
        "ilham-aliyev",
        "Ilham Aliyev",
        aliases=["Aliyev"],
        explainer="mediation",
        timeline=["war-ends-2020-11-10", "talks-2025-03-13"],
    )
    write_explainer(
        docs,
        "mediation",
        "Outside mediation",
        entries=["ilham-aliyev"],
        timeline=["war-ends-2020-11-10"],
    )
    (docs / "timeline.md").write_text(
        "---\ntitle: Timeline\ntemplate: companion/timeline.html\n---\n\nThe events.\n",
        encoding="utf-8",
    )
    site = build_clean(project, host)
    soup = page(site, "timeline/index.html")
    items = soup.select("li.cmp-event")
    assert [i["id"] for i in items] == [
        "event-war-ends-2020-11-10",
        "event-putin-in-baku-2024-08-19",
        "event-talks-2025-03-13",
    ]
    war = items[0]
    assert war.select_one(".cmp-event__text").get_text() == "A statement ends the war."
    assert [a["href"] for a in war.select(".cmp-event__links a")] == [
        "../explainers/mediation/",
        "../glossary/ilham-aliyev/",
    ]
    assert [a["href"] for a in war.select(".cmp-event__sources a")] == [
        "https://sources.test/2020-11-10"
    ]
    assert "cmp-event--since" in items[2]["class"]  # after the article (August 2024)
    rows = soup.select("table.cmp-overview tbody tr")
    assert [(r.th.get_text(), r.select_one(".cmp-overview__count").get_text()) for r in rows] == [
        ("2020", "1"),
        ("2024", "1"),
        ("2025", "1"),
    ]
    assert [r.th.a["href"] for r in rows] == ["#y2020", "#y2024", "#y2025"]
    assert rows[1].select_one(".cmp-overview__article")["href"] == "#the-article"
    assert_internal_links_lead_to_files(site)
    for link in soup.select("a[href^='#']"):
        assert soup.select_one(f"[id='{link['href'][1:]}']"), link["href"]
