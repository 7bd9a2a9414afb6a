"""Search documents the companion adds: one per article paragraph, and entries by every name.

A search engine that indexes pages by their headings would make an article of
paragraphs a single result that opens at its top. These documents let a host's
search open the exact paragraph (``…#p9``) and find an entry by an alias or a
native name. They are plain text; a host escapes them as its index needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .content import Content, entry_page
from .extension import ArticleRecord
from .typography import smarten


@dataclass(frozen=True)
class SearchDocument:
    """One search result: where it opens (a site-relative URL), its title and its text;
    ``paragraph`` when it is one of an article's paragraphs, the article's own words."""

    location: str
    title: str
    text: str
    paragraph: bool = False


def paragraph_documents(
    records: dict[str, ArticleRecord], url_of: Callable[[str], str]
) -> list[SearchDocument]:
    """For each article, a document for the page (its dek and publisher) and one per
    paragraph, located at the paragraph's anchor.

    A paragraph's title is "¶ N" and its own text, and its text is empty: a result shows
    (and a screen reader reads) the words once. Material's search scores a word in a title
    a thousand times a word in the text, so with a title of "¶ N" alone any entry whose name
    holds one word of a phrase outranked the paragraph the phrase came from (7 of 69 phrases
    found their paragraph in the first three, 52 of 69 with the text in the title:
    ``bench/search_ranking.py``)."""
    documents = []
    for src_uri, record in records.items():
        page = url_of(src_uri)
        meta = record.article.meta
        # Quotes set as the page sets them (the front matter has them straight).
        intro = " ".join(x for x in (meta.dek, f"Published by {meta.publisher}.") if x)
        documents.append(SearchDocument(page, smarten(meta.title), smarten(intro)))
        for number, text in record.texts.items():
            title = f"¶\u00a0{number} {text}"
            documents.append(SearchDocument(f"{page}#p{number}", title, "", paragraph=True))
    return documents


@dataclass(frozen=True)
class EntryNames:
    """What search adds to an entry page's document: its other names (aliases, native
    names), and a text of those names and its summary, so that every spelling finds it."""

    names: list[str]
    text: str


def entry_names(content: Content, url_of: Callable[[str], str]) -> dict[str, EntryNames]:
    """Each entry's other names and search text, by the URL of its page."""
    found = {}
    for entry in content.entries.values():
        # Each spelling once, and not the term again (Türkiye is an alias and the native name).
        names = list(dict.fromkeys([*entry.meta.aliases, *entry.meta.native.values()]))
        names = [name for name in names if name != entry.meta.term]
        also = f"Also: {'; '.join(names)}. " if names else ""
        found[url_of(entry_page(entry.id))] = EntryNames(names, also + entry.meta.summary)
    return found
