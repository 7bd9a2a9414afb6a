"""``mkdocs serve`` watches the glossary and keeps serving the last good build."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import write_entry


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            yield f"http://127.0.0.1:{port}/", log
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_serve_rebuilds_on_entry_edits_and_survives_bad_ones(
    server: tuple[str, Path], project: Path
) -> None:
    base, log = server
    article = base + "articles/test/"
    assert wait_for(lambda: "A short summary of Baku." in fetch(article))

    write_entry(project / "glossary", "baku", "Baku", kind="place", summary="Capital, edited.")
    assert wait_for(lambda: "Capital, edited." in fetch(article)), log.read_text()

    write_entry(project / "glossary", "baku", "Baku", kind="city")
    assert wait_for(lambda: "'city' is not a kind" in log.read_text()), log.read_text()
    # The last good content is still served, with the problem on the page.
    assert wait_for(lambda: "is not a kind" in fetch(article))
    page = fetch(article)
    assert "Capital, edited." in page
    assert "this is the last good version" in page

    write_entry(project / "glossary", "baku", "Baku", kind="place", summary="Fixed again.")
    assert wait_for(lambda: "Fixed again." in fetch(article))
    assert "last good version" not in fetch(article)


def serve_builds(project: Path, count: int, *, dirty: bool = False) -> Iterator[None]:
    """Build ``project`` ``count`` times in this process as ``mkdocs serve`` does: startup
    once, the configuration loaded again for each build, the plugin instance kept."""
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    for number in range(count):
        if number:
            config = load_config(str(project / "mkdocs.yml"))
        build(config)
        yield


def test_serve_rebuilds_reuse_compiled_templates_until_one_changes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def compile_and_count(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_count)
    pages = {"main.html", "base.html", "companion/article.html", "companion/glossary-entry.html"}
    builds = serve_builds(project, 3)
    next(builds)
    assert pages <= set(compiled)
    first = len(compiled)
    compiled.clear()
    next(builds)
    # The templates pages render with come compiled from memory, Material's own too; what
    # is left is compiled while MkDocs loads the configuration, before the plugin's turn.
    assert pages.isdisjoint(compiled)
    assert len(compiled) < first / 4
    override = project / "overrides/companion/article.html"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "main.html" %}{% block content %}Mine{% endblock %}')
    config_file = project / "mkdocs.yml"
    theme = "name: material\n  custom_dir: overrides"
    config_file.write_text(config_file.read_text().replace("name: material", theme))
    compiled.clear()
    next(builds)
    assert "companion/article.html" in compiled  # the one that changed is compiled afresh
    assert (pages - {"companion/article.html"}).isdisjoint(compiled)
    assert "Mine" in (project / "site/articles/test/index.html").read_text(encoding="utf-8")


def test_a_dirty_rebuild_after_an_article_is_renamed(project: Path) -> None:
    """``mkdocs serve --dirty``: the renamed article's old record does not linger."""
    builds = serve_builds(project, 2, dirty=True)
    next(builds)
    article = project / "docs/articles/test.md"
    article.rename(article.with_name("renamed.md"))
    next(builds)
    entry = (project / "site/glossary/baku/index.html").read_text(encoding="utf-8")
    assert "articles/renamed/#p1" in entry
    assert "articles/test/" not in entry
