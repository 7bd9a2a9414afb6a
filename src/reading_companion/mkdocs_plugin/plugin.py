"""The ``companion`` MkDocs plugin: a thin adapter between MkDocs and the engine.

The engine (``reading_companion``) loads, validates, matches and builds every piece
of data; this module turns MkDocs' events into engine calls. Like MkDocs' own search
plugin, it brings its templates, stylesheet and script (``theme/``) and registers
them itself, so a site needs no ``overrides/`` to use it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..content import Content, KeptFiles, load_content
from ..dates import readable_date
from ..extension import ArticleRecord, CompanionExtension
from ..maps import map_warnings, read_base
from ..page_meta import entry_id_of, entry_meta, set_page_defaults
from ..problems import ContentError, Problem
from ..theme_files import SCRIPT, STYLESHEET, THEME_DIR
from ..typography import smarten
from ..usage import named_entries, passages, pointers, unused_entry_warnings
from ..views import SITE_LINKS, Views
from ..web_annotations import write_annotations
from . import navigation
from .config import CompanionConfig
from .pages import add_glossary_pages
from .publish import add_phrase_search, deepen_search_index, minify_assets
from .template_cache import TemplateCodeCache

log = get_plugin_logger(__name__)


class CompanionPlugin(BasePlugin[CompanionConfig]):
    """Annotated articles, a generated glossary, explainer backlinks and deep search."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.content: Content | None = None
        self.problems: list[str] = []  # shown on every page while serving broken content
        self.extension: CompanionExtension | None = None
        # What the extension found per article. A --dirty build renders only changed
        # articles, but every entry page still needs all backlinks: keep the others'.
        self.records: dict[str, ArticleRecord] = {}
        self.views: Views | None = None
        self.links: dict[str, str | None] = {}
        self.article_pages: set[str] = set()
        self.unlisted: list[str] = []  # explainer pages the site's nav leaves out
        self.explainer_order: list[str] = []  # explainer pages, in navigation order
        self.url_of: Callable[[str], str] = str
        self.map_base: dict | None = None  # the map's base shapes, when the site has them
        self.env = Environment()
        self.templates = TemplateCodeCache()  # compiled templates, kept while serving
        self.kept = KeptFiles()  # what each content file loaded to, kept while serving

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether we serve. Defining this keeps one instance across rebuilds."""
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Register the templates and assets; load and validate all content before MkDocs
        cleans the site folder.

        A content error stops ``mkdocs build`` here, so the last good ``site/``
        survives. Under ``mkdocs serve`` (after a first good build) it logs the
        errors and rebuilds with the last good content instead, with the errors
        on every page: MkDocs' own server would otherwise hang until they are fixed.
        """
        if not self.config.enabled:
            return None
        # Last among the theme's folders: a site's custom_dir may still override a template.
        config.theme.dirs.append(str(THEME_DIR))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)  # type: ignore[arg-type]
        self.problems = []
        try:
            self.content = load_content(
                Path(self.config.glossary_dir),
                Path(config.docs_dir),
                Path(config.config_file_path).parent,
                self.kept if self.serving else None,
            )
        except ContentError as error:
            if not (self.serving and self.content is not None):
                raise PluginError(str(error)) from None
            log.error(f"{error}\nServing the last good content until this is fixed.")
            self.problems = [str(p) for p in error.problems if not p.warning]
        self.report(self.content.warnings)
        self.map_base = self.read_map(config)
        self.extension = CompanionExtension(content=self.content)
        if self.dirty:  # articles renamed, deleted or no longer articles leave nothing behind
            articles = self.content.articles
            self.extension.records.update(
                (src, record) for src, record in self.records.items() if src in articles
            )
        self.records = self.extension.records
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
            log.info(f"{len(problems)} content warnings (run 'companion check' to list them)")

    def read_map(self, config: MkDocsConfig) -> dict | None:
        """The map's base shapes (``map_data``), read on every build; what the map cannot
        draw as the entries ask is said line by line (as warnings with ``strict_content``)."""
        path = Path(config.config_file_path).parent / self.config.map_data
        try:
            base = read_base(path)
        except ValueError as error:  # not JSON, or written for another version
            raise PluginError(f"{self.config.map_data}: {error}") from None
        assert self.content is not None
        for problem in map_warnings(base, self.content.entries, self.config.map_data):
            (log.warning if self.config.strict_content else log.info)(str(problem))
        return base

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the glossary index and one page per entry, kept out of the navigation."""
        if not self.config.enabled or self.content is None:
            return None
        add_glossary_pages(files, config, self.content.entries)
        minify_assets(files, config)
        add_phrase_search(files, config)
        self.unlisted = navigation.unlisted(files, config, set(self.content.explainer_pages))

        @functools.cache
        def url_of(src_uri: str) -> str:
            file = files.get_file_from_path(src_uri)
            return file.url if file is not None else src_uri

        self.url_of = url_of
        # Article pages MkDocs builds (not those excluded with exclude_docs, say).
        self.article_pages = {
            file.src_uri
            for file in files.documentation_pages()
            if file.src_uri in self.content.articles
        }
        self.links = {
            name: url_of(uri) if files.get_file_from_path(uri) else None
            for name, uri in SITE_LINKS.items()
        }
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Explainers the site's ``nav`` does not list join the section of their index."""
        if not self.config.enabled or self.content is None:
            return None
        explainers = self.content.explainer_pages
        pages = [files.get_file_from_path(uri) for uri in self.unlisted]
        navigation.add_pages(
            nav,
            sorted((f.page for f in pages if f and f.page), key=lambda p: _title(p, explainers)),
            SITE_LINKS["explainers"],
        )
        in_nav = [page.file.src_uri for page in nav.pages if page.file.src_uri in explainers]
        self.explainer_order = in_nav + sorted(set(explainers) - set(in_nav))
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Tell the extension which page it renders; give articles and explainers a template."""
        if not self.config.enabled or self.content is None or self.extension is None:
            return None
        src_uri = page.file.src_uri
        self.extension.current_page = src_uri
        set_page_defaults(page.meta, src_uri, self.content)
        entry_id = entry_id_of(src_uri)
        if entry_id in self.content.entries:
            page.meta.update(entry_meta(self.content.entries[entry_id], self.config.entry_boost))
        elif src_uri in self.content.articles:
            # The plugin indexes articles paragraph by paragraph (publish.py), so Material's
            # indexer, slow on pages full of notes, skips them.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The page is rendered: the extension must not think it is still on it."""
        if self.extension is not None:
            self.extension.current_page = None
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Every page's Markdown is rendered by now: index what points where, once. Teach
        templates to write dates as readers do ("19 August 2024") and to curl quotes."""
        if not self.config.enabled:
            return None
        env.filters["companion_date"] = readable_date
        env.filters["companion_smart"] = smarten
        if self.serving:  # MkDocs makes a new environment per build: keep its compiled code
            env.bytecode_cache = self.templates
        self.env = env
        if self.content is not None:
            self.views = Views(
                self.content,
                pointers(self.records),
                self.url_of,
                passages(self.records),
                self.map_base,
            )
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        """Give templates their data; while serving broken content, say so on every page."""
        if not self.config.enabled or self.views is None:
            return None
        context["companion_links"] = self.links
        context.update(self.views.context(page.file.src_uri, page.meta, self.explainer_order))
        if self.problems:
            banner = self.env.get_template("companion/problems.html")
            page.content = banner.render(problems=self.problems) + (page.content or "")
        return context

    @event_priority(-50)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Deepen the search index; publish each article's notes as Web Annotations; say
        which entries no article names."""
        if not self.config.enabled or self.content is None:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():
            deepen_search_index(index, self.content, self.records, self.url_of)
        write_annotations(
            Path(config.site_dir), config.site_url or "", self.content, self.records, self.url_of
        )
        if self.article_pages <= self.records.keys():  # every article rendered, not a part
            self.report(unused_entry_warnings(self.content, named_entries(self.records)))
        # Let go of this build's pages and environment: a serving process would otherwise
        # carry them, the whole site, into the next build.
        self.url_of, self.views, self.env = str, None, Environment()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when an entry or the map's data changes: both lie outside ``docs/``."""
        if self.config.enabled:
            server.watch(self.config.glossary_dir)
            map_data = Path(config.config_file_path).parent / self.config.map_data
            if map_data.is_file():
                server.watch(str(map_data))
        return server


def _title(page: Page, explainers: dict) -> str:
    return explainers[page.file.src_uri].meta.title.casefold()
