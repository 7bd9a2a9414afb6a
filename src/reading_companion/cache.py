"""Work kept between builds: validated files and annotated articles, keyed by their inputs.

Contributors rebuild all the time, and most files have not changed since the last
build. Each result is stored under a digest of everything it was made from (the
file's bytes, or an article's parsed text and the notes it can draw on), and the
whole store is tied to the engine's own code and library versions: a changed input
simply misses, and a new engine starts afresh. A store that cannot be read is
ignored and rewritten; nothing here can make a build fail.

The store is a pickle, and loading a pickle can run code, so it is signed with a key
kept in the user's own cache folder, never in the project: a store that arrives with a
checkout (say, one added to a pull request) fails the check and is never loaded.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
import pickle
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import markdown
import pydantic
import pydantic_core
import yaml

log = logging.getLogger(__name__)
T = TypeVar("T")
STORE = "work.pickle"
KEY_FILE = "reading-companion/cache.key"


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
    # The modules' own version attributes: asking the installed metadata costs milliseconds.
    versions = [
        sys.version,
        pydantic.VERSION,
        pydantic_core.__version__,
        yaml.__version__,
        markdown.__version__,
    ]
    return digest(*sources, *versions)


def signing_key() -> bytes | None:
    """This user's key for the stores they write, made on first use; None if there is no
    place to keep it (then nothing is written to or read from disk)."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError):  # no home folder, as in some containers
        return None
    path = base / KEY_FILE
    try:
        if not path.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Written privately under a unique name, then linked into place only if no key
            # is there yet: of two first builds at once, the first key wins for both.
            handle, temporary = tempfile.mkstemp(dir=path.parent)  # mode 0600
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(secrets.token_bytes(32))
                os.link(temporary, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
        return path.read_bytes()
    except OSError as error:
        log.debug(f"no key for the work cache at {path}: {error!r}")
        return None


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


class WorkCache:
    """Results by key, in memory and, with a ``folder``, on disk between processes.

    Entries not asked for in a build are dropped when it is saved, so the store holds
    one build's worth of work, never an ever-growing history.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.key = signing_key() if folder else None
        self.folder = folder if self.key else None
        self._stored: dict[str, Any] = self._read() if self.folder else {}
        self._used: dict[str, Any] = {}
        self._changed = False
        self.reused = self.made = 0  # in the current build

    def _read(self) -> dict[str, Any]:
        assert self.folder is not None
        assert self.key is not None
        path = self.folder / STORE
        try:
            if path.is_symlink():  # the store is only ever a file this code wrote
                raise ValueError("the store is a symbolic link")
            data = path.read_bytes()
            signature, payload = data[:32], data[32:]
            if not hmac.compare_digest(signature, _signature(self.key, payload)):
                log.debug(f"ignoring the work cache {path}: not signed by this user's key")
                return {}
            fingerprint, results = pickle.loads(payload)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a damaged file: start afresh
            log.debug(f"ignoring the work cache {path}: {error!r}")
            return {}
        return results if fingerprint == engine_fingerprint() else {}

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The result stored under ``key``, computed and stored on a miss."""
        if key in self._used:
            return self._used[key]
        if key in self._stored:
            value = self._stored[key]
            self.reused += 1
        else:
            value = compute()
            self._changed = True
            self.made += 1
        self._used[key] = value
        return value

    def read(self, kind: str, path: Path, load: Callable[[bytes, str], T], *context: str) -> T:
        """What ``load(raw, key)`` makes of the file at ``path``, stored under its kind, its
        ``context`` (how it is named) and its bytes. The file is read once, so the result
        always matches the key it is kept under."""
        raw = path.read_bytes()
        key = digest(kind, *context, raw)
        return self.get(key, lambda: load(raw, key))

    def start_build(self) -> None:
        """Begin a build: what the last one used becomes what is stored."""
        self.reused = self.made = 0
        if self._used:
            self._changed |= self._used.keys() != self._stored.keys()
            self._stored, self._used = self._used, {}

    def save(self, keep_unused: bool = False) -> None:
        """Write the results of this build, if anything changed, atomically. A build that
        rendered only some pages (``mkdocs build --dirty``) keeps the others' results too."""
        reused, made = self.reused, self.made
        if keep_unused:
            self._used = {**self._stored, **self._used}
        self.start_build()
        self.reused, self.made = reused, made  # still this build's, for its report
        if self.folder is None or self.key is None or not self._changed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            payload = pickle.dumps((engine_fingerprint(), self._stored), pickle.HIGHEST_PROTOCOL)
            # A fresh file of our own (never one a checkout put there), renamed into place.
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f"{STORE}.")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(_signature(self.key, payload) + payload)
                os.replace(temporary, self.folder / STORE)
            except OSError:
                os.unlink(temporary)
                raise
            self._changed = False
        except (OSError, pickle.PicklingError) as error:  # a read-only checkout still builds
            log.debug(f"cannot write the work cache in {self.folder}: {error!r}")
