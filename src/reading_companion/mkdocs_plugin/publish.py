"""What the plugin writes beside Material's output: deeper search, Web Annotations."""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from ..content import Content
from ..extension import ArticleRecord
from ..search import entry_names, paragraph_documents
from ..web_annotations import annotations_path, web_annotations


def deepen_search_index(
    index_path: Path,
    content: Content,
    records: dict[str, ArticleRecord],
    url_of: Callable[[str], str],
) -> None:
    """Rewrite Material's ``search_index.json`` in place: entries gain their other names,
    and each article gets a page document and one document per paragraph."""
    data = json.loads(index_path.read_text(encoding="utf-8"))
    escape = functools.partial(html.escape, quote=False)  # quotes stay searchable as typed
    names = entry_names(content, url_of)
    for doc in data["docs"]:
        if doc["location"] in names:  # Material renders index text as HTML: escape ours
            doc["text"] = f"<p>{escape(names[doc['location']])}</p>{doc['text']}"
    added = [
        {"location": d.location, "title": escape(d.title), "text": escape(d.text)}
        for d in paragraph_documents(records, url_of)
    ]
    replaced = {doc["location"] for doc in added}
    data["docs"] = [doc for doc in data["docs"] if doc["location"] not in replaced] + added
    index_path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def write_annotations(
    site_dir: Path,
    site_url: str,
    content: Content,
    records: dict[str, ArticleRecord],
    url_of: Callable[[str], str],
) -> None:
    """Write ``<article>.annotations.jsonld`` for every article page rendered in this build."""

    @functools.cache
    def absolute(src_uri: str) -> str:
        return urljoin(site_url, url_of(src_uri))

    for src_uri, record in records.items():
        path = annotations_path(src_uri)
        collection = web_annotations(
            record,
            content,
            collection_url=urljoin(site_url, path),
            page_url=absolute(src_uri),
            url_of=absolute,
        )
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact: json's fast encoder only runs without indentation.
        target.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
