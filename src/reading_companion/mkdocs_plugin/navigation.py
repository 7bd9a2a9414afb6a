"""An explainer is one file: a page in the explainers folder that ``mkdocs.yml``'s ``nav``
does not list still appears in the navigation, after the listed ones, in the section that
holds the explainers' index (or beside the listed explainers)."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..explainers import listed_paths


def unlisted(files: Files, config: MkDocsConfig, pages: set[str]) -> list[str]:
    """Those of ``pages`` the site's ``nav`` leaves out, marked so that MkDocs does not
    warn of them as omitted: the plugin adds them to the navigation itself."""
    if config.nav is None:  # MkDocs builds the navigation from the files: all are in it
        return []
    listed = set(listed_paths(config.nav))
    missing = sorted(uri for uri in pages if uri not in listed)
    for uri in missing:
        file = files.get_file_from_path(uri)
        if file is not None and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return missing


def add_pages(nav: Navigation, pages: list[Page], home: str) -> None:
    """Append ``pages`` to the section that holds the page ``home`` (the explainers'
    index) or else one of their siblings, and link them into previous and next."""
    if not pages:
        return
    section = _section_of(nav, home, {p.file.src_uri.rpartition("/")[0] for p in pages})
    children = section.children if section is not None else nav.items
    for page in pages:
        page.parent = section
        children.append(page)
    nav.pages = list(_pages_in(nav.items))
    for before, after in zip(nav.pages, nav.pages[1:], strict=False):
        before.next_page, after.previous_page = after, before


def _section_of(nav: Navigation, home: str, folders: set[str]) -> Section | None:
    for page in nav.pages:
        uri = page.file.src_uri
        if uri == home:
            return page.parent
    for page in nav.pages:
        if page.file.src_uri.rpartition("/")[0] in folders:
            return page.parent
    return None


def _pages_in(items: list) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages_in(item.children)
