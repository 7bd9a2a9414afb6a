"""Articles as authors write them: a subheading, a quotation, a list, a figure with its
caption, inline emphasis, a link, code and a footnote. Each block of the author's text is a
numbered unit (a quotation or a list as a whole); headings and footnotes are kept and never
annotated. Built with the real ``mkdocs build --strict``, and rendered by the extension alone."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_clean, mkdocs
from helpers import make_project, write_article

RICH_ARTICLE = [
    "Vladimir Putin met Ilham Aliyev in Baku.[^visit]",
    "## What they said",
    '> "An oasis," Putin said of the capital.\n>\n> Aliyev answered with *warm* words.',
    "- Putin landed on 18 August.\n"
    "- Aliyev hosted [a dinner for Baku's guests](https://sources.test/dinner) and `Baku`.",
    "![The Caspian shore](../img/shore.png)\n\n"
    "/// caption\nThe seafront of Baku, seen by Putin.\n///",
    "Diplomatic efforts to resolve the conflict had stalled, Aliyev said.",
    "[^visit]: The author's own note: Baku is the capital.",
]
NOTES = [
    {"quote": "Diplomatic efforts to resolve the conflict", "explainer": "mediation"},
    {"quote": "answered with warm words", "entry": "ilham-aliyev"},
]
EXTENSIONS = ["attr_list", "footnotes", "tables", "pymdownx.blocks.caption", "toc"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("structure") / "project")
    (project / "docs/img").mkdir()
    (project / "docs/img/shore.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_article(project / "docs", RICH_ARTICLE, notes=NOTES)
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["markdown_extensions"] = EXTENSIONS
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return build_clean(project)


@pytest.fixture(scope="module")
def soup(built: Path) -> BeautifulSoup:
    return BeautifulSoup((built / "articles/test/index.html").read_text(), "html.parser")


def test_each_block_of_the_authors_text_is_a_numbered_unit(soup: BeautifulSoup) -> None:
    units = soup.select(".cmp-unit")
    assert [u["id"] for u in units] == ["p1", "p2", "p3", "p4", "p5"]
    assert [u.select_one(".cmp-text").name for u in units] == [
        "p",
        "blockquote",
        "ul",
        "figure",
        "p",
    ]
    for number, unit in enumerate(units, 1):
        assert unit.select_one("a.cmp-pnum")["href"] == f"#p{number}"


def test_headings_stay_headings_with_their_anchor_and_no_links(soup: BeautifulSoup) -> None:
    heading = soup.select_one("article h2#what-they-said")
    assert heading is not None
    assert heading.find_parent(class_="cmp-unit") is None
    assert heading.select(".cmp-term") == []
    toc = [a["href"] for a in soup.select(".md-nav--secondary a")]
    assert "#what-they-said" in toc


def test_terms_are_linked_in_every_kind_of_unit_and_nowhere_else(soup: BeautifulSoup) -> None:
    def linked(number: int) -> list[str]:
        return [a.get_text() for a in soup.select(f"#p{number} .cmp-text a.cmp-term")]

    assert linked(1) == ["Vladimir Putin", "Ilham Aliyev", "Baku"]
    assert linked(2) == ["Putin", "Aliyev"]
    # In the list: not inside the author's link, not in code.
    assert linked(3) == ["Putin", "Aliyev"]
    assert soup.select_one("#p3 a[href='https://sources.test/dinner'] .cmp-term") is None
    assert soup.select_one("#p3 code").get_text() == "Baku"
    assert linked(4) == ["Baku", "Putin"]  # the caption
    assert soup.select_one("#p4 figcaption a.cmp-term") is not None


def test_the_authors_footnote_works_and_is_left_alone(soup: BeautifulSoup) -> None:
    reference = soup.select_one("#p1 sup a.footnote-ref")
    assert reference["href"] == "#fn:visit"
    footnotes = soup.select_one("article div.footnote")
    assert footnotes.find_parent(class_="cmp-unit") is None
    assert "Baku is the capital" in footnotes.get_text()
    assert footnotes.select(".cmp-term") == []
    assert [n["id"] for n in soup.select(".cmp-note")].count("note-baku") == 1


def test_quote_notes_attach_to_any_unit(soup: BeautifulSoup) -> None:
    assert soup.select_one("#p2 .cmp-notes #note-p2-ilham-aliyev") is not None
    marked = soup.select_one("#p2 blockquote mark.cmp-quote")
    assert " ".join(marked.get_text().split()) == "answered with warm words"
    assert soup.select_one("#p5 .cmp-notes #note-p5-mediation") is not None


def test_search_covers_every_unit_and_annotations_every_note(
    built: Path, soup: BeautifulSoup
) -> None:
    index = json.loads((built / "search/search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert {f"articles/test/#p{n}" for n in range(1, 6)} <= locations
    quotation = next(d for d in index["docs"] if d["location"] == "articles/test/#p2")
    assert "An oasis" in quotation["title"]  # a paragraph's words are its title
    assert "answered with warm words" in quotation["title"]
    items = json.loads((built / "articles/test.annotations.jsonld").read_text())["first"]["items"]
    # The units with notes: the list and the figure name only entries noted before.
    fragments = sorted(i["target"]["selector"][0]["value"] for i in items)
    assert fragments == ["p1", "p1", "p1", "p2", "p5"]
    quoted = next(i for i in items if i["target"]["selector"][0]["value"] == "p2")
    selector = quoted["target"]["selector"][1]
    shown = " ".join(soup.select_one("#p2 .cmp-text").get_text().split())
    assert selector["prefix"] + selector["exact"] + selector["suffix"] in shown


def test_the_extension_alone_gives_the_same_units(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    text = (project / "docs/articles/test.md").read_text()
    write_article(project / "docs", RICH_ARTICLE, notes=NOTES)
    text = (project / "docs/articles/test.md").read_text()
    name = "reading_companion.extension"
    options = {"glossary_dir": "glossary", "docs_dir": "docs", "base_dir": str(project)}
    html = markdown.markdown(
        text, extensions=[*EXTENSIONS, name], extension_configs={name: options}
    )
    page = BeautifulSoup(html, "html.parser")
    kinds = [u.select_one(".cmp-text").name for u in page.select(".cmp-unit")]
    assert kinds == ["p", "blockquote", "ul", "figure", "p"]
    assert page.select_one("h2").find_parent(class_="cmp-unit") is None


def test_a_site_without_the_extensions_its_article_uses_is_told_which(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project / "docs", RICH_ARTICLE[:1] + RICH_ARTICLE[-1:], notes=[])
    result = mkdocs("build", "--strict", cwd=project)  # no footnotes extension configured
    assert result.returncode == 1
    assert "docs/articles/test.md: body: renders as 2 units here but reads as 1" in result.stderr
    assert "footnotes" in result.stderr


def test_backlinks_name_every_kind_of_unit(built: Path) -> None:
    entry = BeautifulSoup((built / "glossary/ilham-aliyev/index.html").read_text(), "html.parser")
    links = [a["href"] for a in entry.select(".cmp-backlinks__para")]
    assert links == [f"../../articles/test/#p{n}" for n in (1, 2, 3, 5)]
