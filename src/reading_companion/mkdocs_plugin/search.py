"""Make Material's search index deep: one result per article paragraph, entries by alias.

Material indexes a page by its headings, so an article of paragraphs would be a
single result that opens at the top. The plugin keeps article pages out of
Material's indexer; here, after the search plugin has written its index, each
article gets a page document and one document per paragraph located at ``#pN``,
and entry documents gain their aliases and native names so every spelling finds them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..annotate import ArticleRecord
from ..content import Content
from .pages import entry_uri


def deepen_index(
    index_path: Path,
    content: Content,
    records: dict[str, ArticleRecord],
    url_of: Callable[[str], str],
) -> None:
    """Rewrite ``search_index.json`` in place with paragraph and alias documents."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    docs: list[dict] = data["docs"]

    extra_text: dict[str, str] = {}
    for entry in content.entries.values():
        names = [*entry.meta.aliases, *entry.meta.native.values()]
        prefix = f"Also: {'; '.join(names)}. " if names else ""
        extra_text[url_of(entry_uri(entry.id))] = prefix + entry.meta.summary
    for doc in docs:
        if doc["location"] in extra_text:
            doc["text"] = f"<p>{_escape(extra_text[doc['location']])}</p>{doc['text']}"

    paragraphs = []
    for src_uri, record in records.items():
        page = url_of(src_uri)
        meta = record.article.meta
        intro = " ".join(x for x in (meta.dek, f"Published by {meta.publisher}.") if x)
        paragraphs.append({"location": page, "title": _escape(meta.title), "text": _escape(intro)})
        for number, text in record.texts.items():
            paragraphs.append(
                {
                    "location": f"{page}#p{number}",
                    "title": _escape(f"¶ {number} · {meta.title}"),
                    "text": _escape(text),
                }
            )
    wanted = {doc["location"] for doc in paragraphs}
    data["docs"] = [doc for doc in docs if doc["location"] not in wanted] + paragraphs
    index_path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def _escape(text: str) -> str:
    # Material renders index text as HTML.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
