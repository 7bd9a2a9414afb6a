"""The repository's content: everything validates, every name in the article is covered."""

from __future__ import annotations

import re

import pytest
from markdown import Markdown

from helpers import REPO
from reading_companion import load_content
from reading_companion.extension import CompanionExtension
from reading_companion.typography import smarten
from reading_companion.units import ARTICLE_EXTENSIONS
from reading_companion.usage import named_entries, named_in_articles, usage_warnings

ARTICLE = "articles/putin-in-baku.md"
# Capitalised words that are not names needing a note: nationalities, titles, months, "I".
NOT_NAMES = {
    "I", "President", "Vice", "August", "May", "April", "West", "United", "States",
    "European", "Russian", "Ukrainian", "Armenian", "Armenians", "Armenian-backed",
    "Azerbaijani", "Azerbaijanis",
}  # fmt: skip
SENTENCE_END = '.?!:\u201c\u201d"\u2014'


@pytest.fixture(scope="module")
def content():
    return load_content(REPO / "glossary", REPO / "docs", REPO)


def test_enough_entries_and_explainers(content) -> None:
    assert len(content.entries) >= 45
    assert len(content.explainers) >= 8
    assert all(len(e.meta.sources) >= 1 for e in content.entries.values())
    assert all(len(x.meta.sources) >= 2 for x in content.explainers.values())


def test_bodies_are_within_their_length(content) -> None:
    assert [str(p) for p in content.warnings if p.field == "body"] == []


def test_every_name_in_the_article_is_linked(content) -> None:
    """Each capitalised word inside a sentence belongs to a name the glossary links."""
    missing = []
    for paragraph in content.articles[ARTICLE].paragraphs:
        text = smarten(paragraph.text)
        covered = [(m.start, m.end) for m in content.matcher.find(text)]
        for word in re.finditer(r"\b[A-Z][\w'\u2019-]*", text):
            before = text[: word.start()].rstrip()
            if not before or before[-1] in SENTENCE_END or word.group() in NOT_NAMES:
                continue
            if not any(start <= word.start() < end for start, end in covered):
                missing.append(f"¶ {paragraph.number}: {word.group()}")
    assert missing == []


def test_every_paragraph_has_a_link_or_note(content) -> None:
    article = content.articles[ARTICLE]
    noted = {anchor.paragraph for anchor in article.anchors}
    bare = [
        p.number
        for p in article.paragraphs
        if not content.matcher.find(smarten(p.text)) and p.number not in noted
    ]
    assert bare == []


def test_no_entry_goes_unused_unless_listed_as_general(content) -> None:
    assert [str(p) for p in usage_warnings(content)] == []
    assert content.general, "glossary/_general.yml lists the deliberately general entries"


def test_the_check_finds_the_names_the_build_links(content) -> None:
    """``check`` finds names in the units as it read them, without rendering; the build
    links them in the rendered page. On the real article both find the same entries."""
    extension = CompanionExtension(content=content)
    md = Markdown(extensions=[*ARTICLE_EXTENSIONS, extension])
    for article in content.articles.values():
        extension.current_page = article.src_uri
        md.reset().convert(article.body)
    linked = named_entries(extension.records)
    assert len(linked) > 30
    assert named_in_articles(content) == linked
