"""Work kept between builds: validated files and annotated articles, keyed by their inputs.

Contributors rebuild all the time, and most files have not changed since the last
build. Each result is stored under a digest of everything it was made from (the
file's bytes, or an article's parsed text and the notes it can draw on), and the
whole store is tied to the engine's own code and library versions: a changed input
simply misses, and a new engine starts afresh. A store that cannot be read is
ignored and rewritten; nothing here can make a build fail.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
STORE = "work.pickle"


def digest(*parts: bytes | str) -> str:
    """A short, stable digest of ``parts``, each kept apart from the next."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def engine_fingerprint() -> str:
    """The engine's source and the versions of what shapes its results: a store made by any
    other engine is not read."""
    package = Path(__file__).parent
    sources = [p.read_bytes() for p in sorted(package.rglob("*.py"))]
    versions = [sys.version]
    for name in ("pydantic", "pydantic-core", "PyYAML", "Markdown"):
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return digest(*sources, *versions)


class WorkCache:
    """Results by key, in memory and, with a ``folder``, on disk between processes.

    Entries not asked for in a build are dropped when it is saved, so the store holds
    one build's worth of work, never an ever-growing history.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._stored: dict[str, Any] = self._read() if folder else {}
        self._used: dict[str, Any] = {}
        self._changed = False

    def _read(self) -> dict[str, Any]:
        assert self.folder is not None
        path = self.folder / STORE
        try:
            with path.open("rb") as stream:
                fingerprint, results = pickle.load(stream)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged or foreign file: start afresh
            log.debug(f"ignoring the work cache {path}: {error!r}")
            return {}
        return results if fingerprint == engine_fingerprint() else {}

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The result stored under ``key``, computed and stored on a miss."""
        if key in self._used:
            return self._used[key]
        if key in self._stored:
            value = self._stored[key]
        else:
            value = compute()
            self._changed = True
        self._used[key] = value
        return value

    def fingerprint(self) -> str:
        """A digest of every key asked for in this build so far: of all the inputs read."""
        return digest(*sorted(self._used))

    def start_build(self) -> None:
        """Begin a build: what the last one used becomes what is stored."""
        if self._used:
            self._changed |= self._used.keys() != self._stored.keys()
            self._stored, self._used = self._used, {}

    def save(self) -> None:
        """Write the results of this build, if anything changed, atomically."""
        self.start_build()
        if self.folder is None or not self._changed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f"{STORE}.{os.getpid()}.tmp"
            with temporary.open("wb") as stream:
                pickle.dump((engine_fingerprint(), self._stored), stream, pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.folder / STORE)
            self._changed = False
        except OSError as error:  # a read-only checkout still builds, only slower
            log.debug(f"cannot write the work cache in {self.folder}: {error!r}")


def file_key(kind: str, path: Path, *context: str) -> str:
    """The key of one file's result: its kind, how it is named, and its bytes."""
    return digest(kind, *context, path.read_bytes())
