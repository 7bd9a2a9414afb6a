"""What the plugin publishes beside the pages: its stylesheet and script, minified, and
paragraphs and entries' other names in Material's search index."""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..content import Content
from ..extension import ArticleRecord
from ..search import entry_names, paragraph_documents
from ..theme_files import ASSETS, minified


def minify_assets(files: Files, config: MkDocsConfig) -> None:
    """Publish the companion's stylesheet and script minified: the copy MkDocs found among
    the theme's folders (a site's ``custom_dir`` may hold its own), without comments."""
    for uri in ASSETS:
        theme_file = files.get_file_from_path(uri)
        if theme_file is None or not theme_file.abs_src_path:
            continue
        files.remove(theme_file)
        files.append(File.generated(config, uri, content=minified(Path(theme_file.abs_src_path))))


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
