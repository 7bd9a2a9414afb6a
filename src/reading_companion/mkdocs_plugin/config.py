"""The plugin's options in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CompanionConfig(base.Config):
    """Options of the ``companion`` plugin."""

    enabled = c.Type(bool, default=True)
    """Switch the plugin off to build the pages as plain MkDocs pages."""

    glossary_dir = c.Dir(exists=True, default="glossary")
    """Folder of entry files, relative to ``mkdocs.yml``; it lies outside ``docs/``."""

    strict_content = c.Type(bool, default=False)
    """Report content warnings (unused entries, undated sources) as MkDocs warnings,
    so ``--strict`` fails on them; by default they are informational."""

    map_data = c.Type(str, default="data/map.json")
    """The map's data, written by ``scripts/make_map.py``, relative to ``mkdocs.yml``;
    pages with ``template: companion/map.html`` draw it."""

    entry_boost = c.Type(float, default=2.0)
    """Search boost of glossary entry pages, so a term finds its entry first."""
