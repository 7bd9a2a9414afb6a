"""The glossary's pages, as any host builds them: one per entry and the index.

Their metadata is what the templates read (``companion_entry``, ``companion_index``);
the MkDocs plugin adds the pages in memory, the Zensical build writes them out.
"""

from __future__ import annotations

import html
import json

from .content import ENTRY_PAGES
from .glossary import Entry

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
