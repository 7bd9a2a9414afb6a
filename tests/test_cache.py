"""The work cache: a rebuild from it gives the very same site, and any change shows up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import mkdocs
from helpers import REPO
from reading_companion.cache import STORE, WorkCache

CACHE = Path(".cache/companion")


def build(project: Path, site: str = "site") -> Path:
    result = mkdocs("build", "--strict", "--site-dir", site, cwd=project)
    assert result.returncode == 0, result.stderr
    return project / site


def files_of(site: Path) -> dict[str, bytes]:
    # The sitemap's gzip copy carries a timestamp; every other file must match byte for byte.
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix != ".gz"
    }


@pytest.fixture(scope="module")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's content, so its cache starts empty."""
    root = tmp_path_factory.mktemp("cached") / "project"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "tests", "bench", "*.png"),
    )
    return root


def test_a_build_from_the_cache_is_the_same_site(real_project: Path) -> None:
    cold = build(real_project, "site-cold")
    store = real_project / CACHE / STORE
    assert store.exists()
    warm = build(real_project, "site-warm")
    assert files_of(warm) == files_of(cold)
    # And the same as a build that never used a cache.
    config = real_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("glossary_dir: glossary", "glossary_dir: glossary\n      cache: false")
    )
    try:
        uncached = build(real_project, "site-uncached")
    finally:
        config.write_text(text, encoding="utf-8")
    assert files_of(uncached) == files_of(cold)


def test_an_edited_entry_reaches_the_article_notes(project: Path) -> None:
    build(project)
    entry = project / "glossary/vladimir-putin.md"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("A short summary of", "A revised summary of"), encoding="utf-8")
    site = build(project)
    article = (site / "articles/test/index.html").read_text(encoding="utf-8")
    assert "A revised summary of Vladimir Putin." in article


def test_a_damaged_cache_is_rebuilt(project: Path) -> None:
    first = files_of(build(project))
    store = project / CACHE / STORE
    store.write_bytes(b"not a pickle")
    assert files_of(build(project)) == first
    assert store.read_bytes() != b"not a pickle"


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    cache = WorkCache(tmp_path)
    assert cache.get("a", lambda: 1) == 1
    assert cache.get("b", lambda: 2) == 2
    cache.save()
    again = WorkCache(tmp_path)
    assert again.get("a", lambda: pytest.fail("'a' should come from the cache")) == 1
    again.save()  # "b" was not asked for
    assert WorkCache(tmp_path).get("b", lambda: 3) == 3


def test_a_cache_from_another_engine_is_not_read(tmp_path: Path, monkeypatch) -> None:
    cache = WorkCache(tmp_path)
    cache.get("a", lambda: 1)
    cache.save()
    monkeypatch.setattr("reading_companion.cache.engine_fingerprint", lambda: "another")
    assert WorkCache(tmp_path).get("a", lambda: 2) == 2


def test_a_store_signed_by_someone_else_is_never_loaded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "me"))
    cache = WorkCache(tmp_path / "project")
    cache.get("a", lambda: 1)
    cache.save()
    # Another user (another key) finds the store in a checkout: it must not be unpickled.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    monkeypatch.setattr("pickle.loads", lambda data: pytest.fail("unpickled a foreign store"))
    assert WorkCache(tmp_path / "project").get("a", lambda: 2) == 2
