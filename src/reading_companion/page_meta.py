"""What the companion's pages carry in their metadata, under any host: the template and
title of articles and explainers, and the glossary's own pages, one per entry and the index.

The templates read it (``companion_entry``, ``companion_index``); the MkDocs plugin sets it
in memory, the Zensical build writes it into the pages it stages.
"""

from __future__ import annotations

import html
import json

from .content import ENTRY_PAGES, Content
from .glossary import Entry
from .typography import smarten

INDEX_URI = f"{ENTRY_PAGES}/index.md"


def set_page_defaults(meta: dict, src_uri: str, content: Content) -> None:
    """Give an article or explainer page its template unless it names one, an article
    its title, and every title the text's typography."""
    if isinstance(meta.get("title"), str):
        meta["title"] = smarten(meta["title"])
    if src_uri in content.articles:
        meta.setdefault("template", "companion/article.html")
        # The browser tab and the navigation name the article, not its file.
        meta.setdefault("title", smarten(content.articles[src_uri].meta.title))
    elif src_uri in content.explainer_pages:
        meta.setdefault("template", "companion/explainer.html")


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
