"""Compiled templates kept in memory while ``mkdocs serve`` runs.

MkDocs makes a new Jinja environment for every build, so each rebuild parses and
compiles every template of the theme again: most of a rebuild of this site. Under
``serve`` the plugin gives each new environment this cache, which keeps each template's
compiled code in the serving process, keyed by the template's name and path and the
checksum of its source: an edited template is compiled afresh. Nothing is written to
disk; the cache ends with the process.
"""

from __future__ import annotations

from types import CodeType

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class TemplateCodeCache(BytecodeCache):
    """Jinja's bytecode cache, holding code objects in memory instead of files."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self.kept.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.kept[bucket.key] = (bucket.checksum, bucket.code)
