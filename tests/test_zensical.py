"""The annotation extension alone under Zensical, with no companion command around it.

A site that lists ``reading_companion.extension`` under ``markdown_extensions`` and runs
``zensical build`` itself gets its article annotated: the extension loads the content and
learns which page it renders from Zensical. (``companion zensical build``, which adds the
glossary's pages, search and templates, is tested with the MkDocs build, in test_build.py
and test_real_site.py.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import make_project, write_entry

pytest.importorskip("zensical", reason="Zensical is not installed (pip install -e '.[zensical]')")


def zensical_build(project: Path) -> subprocess.CompletedProcess[str]:
    command = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert command, "the zensical command is not in this environment"
    return subprocess.run(
        [command, "build"], cwd=project, capture_output=True, text=True, check=False, timeout=300
    )


def zensical_project(root: Path) -> Path:
    """The small project, with the extension listed where Zensical runs it."""
    project = make_project(root)
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    config["markdown_extensions"] = [
        "attr_list",
        {"reading_companion.extension": {"glossary_dir": "glossary", "docs_dir": "docs"}},
    ]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return project


def test_zensical_builds_the_article_annotated(tmp_path: Path) -> None:
    project = zensical_project(tmp_path / "project")
    result = zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((project / "site/articles/test/index.html").read_text(), "html.parser")
    assert [u["id"] for u in soup.select(".cmp-unit")] == ["p1", "p2", "p3", "p4"]
    first = soup.select_one("#p1")
    assert [a["data-entry"] for a in first.select(".cmp-text a.cmp-term")] == [
        "vladimir-putin",
        "ilham-aliyev",
        "baku",
    ]
    assert [n["id"] for n in first.select(".cmp-note")] == [
        "note-vladimir-putin",
        "note-ilham-aliyev",
        "note-baku",
    ]
    assert soup.select_one("#p3 mark.cmp-quote") is not None


def test_a_broken_entry_stops_the_zensical_build_with_its_report(tmp_path: Path) -> None:
    project = zensical_project(tmp_path / "project")
    write_entry(project / "glossary", "baku", "Baku", kind="city")
    result = zensical_build(project)
    assert result.returncode != 0
    assert "glossary/baku.md:" in result.stdout + result.stderr
    assert "kind: 'city' is not a kind" in result.stdout + result.stderr
