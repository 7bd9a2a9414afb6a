"""Shared fixtures: a small project to bend, and the real site built once per session."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, copy_of_the_site, make_project

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


def zensical(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``companion zensical``, the documented way to build with Zensical."""
    return subprocess.run(
        [sys.executable, "-m", "reading_companion.cli", "zensical", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# The hosts the build tests run on. Zensical is an optional extra: its tests skip, saying
# so, only where it cannot be installed.
HOSTS = [
    "mkdocs",
    pytest.param(
        "zensical",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("zensical") is None,
            reason="Zensical is not installed (pip install -e '.[zensical]')",
        ),
    ),
]


def build(host: str, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` or ``companion zensical build`` the project."""
    return (mkdocs if host == "mkdocs" else zensical)("build", *args, cwd=project)


def build_clean(project: Path, host: str = "mkdocs") -> Path:
    """Build the project strictly, which must pass without a warning; its site."""
    result = build(host, project, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A test server that says nothing when a browser drops a request it no longer needs
    (a page closed mid-load); any other error is still printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class RealSite:
    """The repository's own site, built once per session for the address it will be served
    at (Material's instant navigation only follows links that match ``site_url``); the
    browser tests serve it there."""

    server: QuietServer
    base_url: str
    folder: Path


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealSite]:
    server = QuietServer(("127.0.0.1", 0), QuietHandler)
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
def zensical_real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built with ``companion zensical build --strict`` in a
    copy of what the build reads (so that the checkout's ``build/`` and ``site/`` stay)."""
    root = copy_of_the_site(tmp_path_factory.mktemp("zensical-real"))
    build_clean(root, "zensical")
    return root / "site"


@pytest.fixture(scope="session", params=HOSTS)
def real_site(request: pytest.FixtureRequest) -> Path:
    """The repository's own site, built strictly by each host."""
    if request.param == "mkdocs":
        return request.getfixturevalue("built_real_site").folder
    return request.getfixturevalue("zensical_real_site")
