"""Shared fixtures: a small project to bend, and the real site built once per session."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, make_project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command line, as a maintainer would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def build_clean(project: Path) -> Path:
    """``mkdocs build --strict`` the project, which must pass without a warning; its site."""
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class RealSite:
    """The repository's own site, built once per session for the address it will be served
    at (Material's instant navigation only follows links that match ``site_url``); the
    browser tests serve it there."""

    server: http.server.ThreadingHTTPServer
    base_url: str
    folder: Path


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealSite]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}/reading-companion/"
    root = tmp_path_factory.mktemp("served")
    folder = root / "reading-companion"
    os.environ["SITE_URL"] = base  # read by mkdocs.yml, as the publishing workflow sets it
    try:
        result = mkdocs("build", "--strict", "--site-dir", str(folder), cwd=REPO)
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    server.RequestHandlerClass = functools.partial(QuietHandler, directory=str(root))
    yield RealSite(server, base, folder)
    server.server_close()


@pytest.fixture(scope="session")
def real_site(built_real_site: RealSite) -> Path:
    """The repository's own site, built with ``mkdocs build --strict``."""
    return built_real_site.folder
