"""The article's notes as W3C Web Annotations (JSON-LD), for other annotation tools.

Each note becomes an ``Annotation`` whose target is the article page, selected
two ways: a ``FragmentSelector`` for its paragraph (``p9``, refined by the
quote) and a ``TextQuoteSelector`` (the exact words with a little context).
See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from .content import Content, entry_page
from .extension import ArticleRecord
from .quotes import locate_quote

CONTEXT = 32  # characters of prefix and suffix, as annotation tools commonly use
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"


def _selectors(text: str, number: int, start: int, exact: str) -> list[dict]:
    quote = {
        "type": "TextQuoteSelector",
        "exact": exact,
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[start + len(exact) : start + len(exact) + CONTEXT],
    }
    fragment = {
        "type": "FragmentSelector",
        "conformsTo": FRAGMENT_SPEC,
        "value": f"p{number}",
        "refinedBy": quote,
    }
    return [fragment, quote]


def annotations_path(src_uri: str) -> str:
    """Where an article's notes are published: ``articles/x.annotations.jsonld``."""
    return src_uri.removesuffix(".md") + ".annotations.jsonld"


def web_annotations(
    record: ArticleRecord,
    content: Content,
    collection_url: str,
    page_url: str,
    url_of: Callable[[str], str],
) -> dict:
    """An ``AnnotationCollection`` holding every note of one article page."""
    items = []
    for number, text in record.texts.items():
        for entry_id in record.notes.get(number, []):
            start, exact = record.terms[number][entry_id]
            entry = content.entries[entry_id]
            items.append(
                _annotation(
                    f"{page_url}#note-{entry_id}",
                    "describing",
                    entry.meta.summary,
                    url_of(entry_page(entry_id)),
                    page_url,
                    _selectors(text, number, start, exact),
                )
            )
        for anchor in record.article.anchors_in(number):
            found = locate_quote(text, anchor.note)
            if found is None:  # the validator found the quote in the source text
                raise ValueError(
                    f"{record.article.path}: quote {anchor.note.quote!r} is in the source of "
                    f"¶ {number} but not in its rendered text (Markdown inside the quote?)"
                )
            target = content.note_target(anchor.note)
            items.append(
                _annotation(
                    f"{page_url}#{record.article.note_id(anchor)}",
                    "linking",
                    target.summary,
                    url_of(target.src_uri),
                    page_url,
                    _selectors(text, number, *found),
                )
            )
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": f"Notes on \u201c{record.article.meta.title}\u201d",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _annotation(
    note_id: str, motivation: str, summary: str, link: str, page_url: str, selectors: list[dict]
) -> dict:
    return {
        "id": note_id,
        "type": "Annotation",
        "motivation": motivation,
        "body": [
            {"type": "TextualBody", "value": summary, "format": "text/plain", "language": "en"},
            {"id": link, "type": "Text", "format": "text/html"},
        ],
        "target": {"source": page_url, "type": "Text", "selector": selectors},
    }


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
