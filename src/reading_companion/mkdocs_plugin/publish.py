"""Files the plugin publishes beside the pages: the articles' Web Annotations."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from ..annotate import ArticleRecord
from ..annotations import annotations_path, web_annotations
from ..content import Content


def write_annotations(
    config: MkDocsConfig,
    content: Content,
    records: dict[str, ArticleRecord],
    url_of: Callable[[str], str],
) -> None:
    """Write ``<article>.annotations.jsonld`` for every article page rendered in this build."""
    site_url = config.site_url or ""

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
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact: json's fast encoder only runs without indentation.
        target.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
