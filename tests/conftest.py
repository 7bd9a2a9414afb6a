"""Shared fixtures: a small project to bend, and the real site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built with ``mkdocs build --strict`` into a temporary folder."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs("build", "--strict", "--site-dir", str(out), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out
