"""The ``companion`` MkDocs plugin: a thin adapter between MkDocs and the engine.

The engine (``reading_companion``) loads, validates and matches; this module
only wires it into MkDocs' events. See each event for why it runs where it does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..annotate import CompanionExtension
from ..cache import WorkCache
from ..content import Content, load_content, unused_entry_warnings
from ..dates import readable_date
from ..problems import ContentError, Problem
from ..typography import smarten
from .config import CompanionConfig
from .pages import add_glossary_pages, entry_id_of, entry_meta
from .publish import write_annotations
from .search import deepen_index
from .views import Views

log = get_plugin_logger(__name__)


class CompanionPlugin(BasePlugin[CompanionConfig]):
    """Annotated articles, a generated glossary, explainer backlinks and deep search."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.content: Content | None = None
        self.problems: list[str] = []  # shown on every page while serving broken content
        self.extension: CompanionExtension | None = None
        self.views: Views | None = None
        self.explainer_pages: set[str] = set()
        self.dirty = False
        # What the annotator found per article. Kept across builds: a --dirty build renders
        # only changed articles, but every entry page still needs all backlinks.
        self.records: dict = {}
        self.cache: WorkCache | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether we serve. Defining this keeps one instance across rebuilds."""
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and validate all content before MkDocs cleans the site folder.

        A content error stops ``mkdocs build`` here, so the last good ``site/``
        survives. Under ``mkdocs serve`` (after a first good build) it logs the
        errors and rebuilds with the last good content instead, with the errors
        on every page: MkDocs' own server would otherwise hang until they are fixed.
        """
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path).parent
        self.problems = []
        if self.cache is None:
            self.cache = WorkCache(root / self.config.cache_dir if self.config.cache else None)
        self.cache.start_build()
        try:
            self.content = load_content(
                Path(self.config.glossary_dir),
                Path(config.docs_dir),
                root,
                check_usage=False,
                cache=self.cache,
            )
        except ContentError as error:
            if not (self.serving and self.content is not None):
                raise PluginError(str(error)) from None
            log.error(f"{error}\nServing the last good content until this is fixed.")
            self.problems = [str(p) for p in error.problems if not p.warning]
        self.report(self.content.warnings)
        self.explainer_pages = {x.src_uri for x in self.content.explainers.values()}
        if not self.dirty:
            self.records = {}
        self.extension = CompanionExtension(self.content, records=self.records, cache=self.cache)
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        return config

    def report(self, problems: list[Problem]) -> None:
        """Content warnings fail ``--strict`` only with ``strict_content``; otherwise one line
        says how many there are (each is logged at debug level: ``mkdocs build -v``)."""
        if self.config.strict_content:
            for problem in problems:
                log.warning(str(problem))
            return
        for problem in problems:
            log.debug(str(problem))
        if problems:
            log.info(f"{len(problems)} content warnings (run './dev check' to list them)")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the glossary index and one page per entry, kept out of the navigation."""
        if not self.config.enabled or self.content is None:
            return None
        add_glossary_pages(files, config, self.content.entries)
        assert self.extension is not None
        self.views = Views(self.content, files, self.extension.records)
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Tell the extension which page it renders; give articles and explainers a template."""
        if not self.config.enabled or self.content is None or self.extension is None:
            return None
        src_uri = page.file.src_uri
        self.extension.current_page = src_uri
        self.extension.link_to = None
        if isinstance(page.meta.get("title"), str):  # titles get the text's typography too
            page.meta["title"] = smarten(page.meta["title"])
        entry_id = entry_id_of(src_uri)
        if entry_id in self.content.entries:
            page.meta.update(entry_meta(self.content.entries[entry_id], self.config.entry_boost))
        elif src_uri in self.content.articles:
            page.meta.setdefault("template", "article.html")
            assert self.views is not None
            # Notes link to pages the plugin knows: it writes their final URLs itself.
            self.extension.link_to = self.views.linker(page.url)
            # The plugin indexes articles paragraph by paragraph (search.py), so Material's
            # indexer, slow on pages full of notes, skips them.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        elif src_uri in self.explainer_pages:
            page.meta.setdefault("template", "explainer.html")
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The page is rendered: the extension must not think it is still on it. MkDocs checks
        links to #anchors against the ids it saw in the page; tell it those of the notes."""
        if self.extension is not None:
            self.extension.current_page = None
            self.extension.link_to = None
            record = self.extension.records.get(page.file.src_uri)
            if record is not None and page.present_anchor_ids is not None:
                page.present_anchor_ids.update(record.hidden_ids)
        return None

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        """Give templates their data; all Markdown is rendered by now, so backlinks are complete."""
        if not self.config.enabled or self.views is None:
            return None
        context["companion_problems"] = self.problems
        context["companion_links"] = self.views.site_links()
        meta = page.meta
        if "companion_entry" in meta:
            context["entry"] = self.views.entry(meta["companion_entry"])
        elif meta.get("companion_index"):
            context["glossary"] = self.views.index()
        elif meta.get("template") == "timeline.html":
            context["timeline"] = self.views.timeline()
        elif meta.get("template") == "map.html":
            data = Path(config.config_file_path).parent / self.config.map_data
            if data.exists():
                context["map"] = self.views.map(json.loads(data.read_text(encoding="utf-8")))
        context["explainer"] = self.views.explainer(page.file.src_uri)
        context["article"] = self.views.article(page.file.src_uri)
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Teach templates to write dates as readers do ("19 August 2024") and to curl quotes."""
        env.filters["companion_date"] = readable_date
        env.filters["companion_smart"] = smarten
        return env

    @event_priority(-50)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Deepen the search index; publish each article's notes as Web Annotations."""
        if not self.config.enabled or self.content is None or self.views is None:
            return
        assert self.extension is not None
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():
            deepen_index(index, self.content, self.extension.records, self.views.url_of)
        write_annotations(config, self.content, self.extension.records, self.views.url_of)
        if len(self.extension.records) == len(self.content.articles):  # not a partial rebuild
            named = {
                e
                for r in self.extension.records.values()
                for ids in r.mentions.values()
                for e in ids
            }
            self.report(unused_entry_warnings(self.content, named))
        if self.cache is not None:
            self.cache.save(keep_unused=self.dirty)
            log.debug(
                f"work cache: {self.cache.reused} results reused, {self.cache.made} made "
                f"({self.cache.folder or 'kept in memory only'})"
            )

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when an entry changes: the glossary lies outside ``docs/``."""
        if self.config.enabled:
            server.watch(self.config.glossary_dir)
        return server
