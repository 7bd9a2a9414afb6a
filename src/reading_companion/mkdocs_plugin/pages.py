"""Generated pages: one per glossary entry and the glossary index.

They stay out of the navigation: Material renders the whole navigation into
every page, so a thousand entries in it would make every page slower to build.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..content import ENTRY_PAGES, entry_page
from ..glossary import Entry

INDEX_URI = f"{ENTRY_PAGES}/index.md"


def entry_meta(entry: Entry, boost: float) -> dict:
    """What MkDocs and the templates read from an entry page's metadata.

    The plugin sets it in ``on_page_markdown`` instead of writing front matter into the
    generated page: MkDocs would parse that again, slowly, for every entry.
    """
    return {
        "title": entry.meta.term,
        # Material prints the description into an attribute without escaping it.
        "description": html.escape(entry.meta.summary, quote=True),
        "template": "companion/glossary-entry.html",
        # Entry pages are not in the navigation: its sidebar would stand empty beside them.
        "hide": ["navigation"],
        "search": {"boost": boost},
        "companion_entry": entry.id,
    }


def entry_id_of(src_uri: str) -> str | None:
    """The entry id of a generated entry page's path, or ``None`` for any other page."""
    folder, _, name = src_uri.rpartition("/")
    if folder != ENTRY_PAGES or not name.endswith(".md") or name == "index.md":
        return None
    return name.removesuffix(".md")


def index_markdown() -> str:
    """The glossary index: its list is drawn by its template from the entries."""
    meta = {
        "title": "Glossary",
        "template": "companion/glossary-index.html",
        "companion_index": True,
    }
    return f"---\n{json.dumps(meta)}\n---\n"


def add_glossary_pages(files: Files, config: MkDocsConfig, entries: dict[str, Entry]) -> None:
    """Add the index and one page per entry; refuse to shadow a real page."""
    wanted = {INDEX_URI: index_markdown()}
    sources: dict[str, str | None] = {INDEX_URI: None}  # the index has no file to edit
    for entry in entries.values():
        wanted[entry_page(entry.id)] = entry.body
        # "Edit this page" opens the entry's own file, glossary/<id>.md, which lies beside
        # docs/: MkDocs joins this path to the edit address, resolving the "..".
        sources[entry_page(entry.id)] = (
            os.path.relpath(entry.file, config.docs_dir).replace(os.sep, "/")
            if entry.file
            else None
        )
    clashes = [uri for uri in wanted if files.get_file_from_path(uri) is not None]
    if clashes:
        docs = Path(config.docs_dir).name  # as the site's own mkdocs.yml names it, usually
        raise PluginError(
            f"{docs}/{clashes[0]} would be replaced by a generated glossary page: "
            f"move or rename it (the folder {docs}/{ENTRY_PAGES}/ belongs to the glossary)"
        )
    for uri, markdown in wanted.items():
        inclusion = InclusionLevel.INCLUDED if uri == INDEX_URI else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, uri, content=markdown, inclusion=inclusion)
        file.edit_uri = sources[uri]
        files.append(file)
