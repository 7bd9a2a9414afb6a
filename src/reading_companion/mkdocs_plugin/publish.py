"""What the plugin publishes beside the pages: its stylesheet and script, minified;
paragraphs and entries' other names in Material's search index; and phrase search in
Material's search worker."""

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
from ..theme_files import ASSETS, PHRASE_SEARCH, minified


def minify_assets(files: Files, config: MkDocsConfig) -> None:
    """Publish the companion's stylesheet and script minified: the copy MkDocs found among
    the theme's folders (a site's ``custom_dir`` may hold its own), without comments."""
    for uri in ASSETS:
        theme_file = files.get_file_from_path(uri)
        if theme_file is None or not theme_file.abs_src_path:
            continue
        files.remove(theme_file)
        files.append(File.generated(config, uri, content=minified(Path(theme_file.abs_src_path))))


def add_phrase_search(files: Files, config: MkDocsConfig) -> None:
    """Append the companion's phrase search to Material's search worker, when the theme has
    one: the worker keeps its own name, so Material's pages load it as before."""
    for theme_file in files:
        uri = theme_file.src_uri
        if uri.startswith("assets/javascripts/workers/search.") and uri.endswith(".min.js"):
            worker = Path(theme_file.abs_src_path or "").read_text(encoding="utf-8")
            files.remove(theme_file)
            files.append(
                File.generated(config, uri, content=f"{worker}\n{minified(PHRASE_SEARCH)}")
            )
            return


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
        entry = names.get(doc["location"])
        if entry is not None:  # Material renders index text as HTML: escape ours
            doc["text"] = f"<p>{escape(entry.text)}</p>{doc['text']}"
            doc["names"] = entry.names  # the companion's own field, read by its phrase search
    # "paragraph" is the companion's own field: its phrase search ranks the article's words
    # above a quotation of them. Material's search reads only the fields it knows.
    added = [
        {"location": d.location, "title": escape(d.title), "text": escape(d.text)}
        | ({"paragraph": True} if d.paragraph else {})
        for d in paragraph_documents(records, url_of)
    ]
    replaced = {doc["location"] for doc in added}
    data["docs"] = [doc for doc in data["docs"] if doc["location"] not in replaced] + added
    index_path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
