"""Generated pages: one per glossary entry and the glossary index.

They stay out of the navigation: Material renders the whole navigation into
every page, so a thousand entries in it would make every page slower to build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..content import ENTRY_PAGES, entry_page
from ..glossary import Entry
from ..page_meta import INDEX_URI, index_markdown


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
