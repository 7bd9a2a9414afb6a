"""The companion as another site adopts it: a wheel, installed (not editable) into a fresh
virtual environment, builds a site that has no overrides folder at all."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from helpers import REPO, write_entry
from reading_companion.units import ARTICLE_EXTENSIONS


def run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of what a release holds, so no build folder lands in the checkout
    (and none left there can slip stale files into the wheel)."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__"))
    run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", out, source
    )
    (found,) = out.glob("reading_companion-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the wheel installed. Its dependencies (MkDocs, Material…)
    are borrowed from the test environment by a plain path, which does not run that
    environment's own .pth files, so the project's editable install stays invisible."""
    root = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", "--without-pip", root)
    python = root / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel)
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    borrowed = Path(purelib.stdout.strip()) / "borrowed-dependencies.pth"
    borrowed.write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return root


def test_the_wheel_carries_templates_stylesheet_and_script(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = "reading_companion/theme/"
    for name in (
        "companion/article.html",
        "companion/glossary-entry.html",
        "companion/partials/backlinks.html",
        "assets/companion/companion.css",
        "assets/companion/companion.js",
    ):
        assert theme + name in names
    for name in ("worker/phrase-search.js", "minified/companion.min.js"):
        assert "reading_companion/" + name in names


def readme_examples() -> list[tuple[str, str]]:
    """The fenced code blocks of the README's "Use it on your own site", as (language, code)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it on your own site", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^( *)```(\w+)\n(.*?)^\1```", section, re.DOTALL | re.MULTILINE)
    return [(language, textwrap.dedent(code)) for _, language, code in blocks]


def test_the_readme_figure_is_a_figure_with_its_caption() -> None:
    figure = readme_examples()[5][1]
    html = markdown.markdown(figure, extensions=ARTICLE_EXTENSIONS)
    assert re.fullmatch(
        r"<figure>\s*<p><img .*?/></p>\s*<figcaption>\s*<p>.+</p>\s*</figcaption>\s*</figure>",
        html,
        re.DOTALL,
    )


def minimal_site(root: Path) -> Path:
    """What a new adopter writes, taken from the README: mkdocs.yml with its plugin lines,
    one article page and an entry (and two more entries). No overrides, no templates."""
    languages = [language for language, _ in readme_examples()]
    assert languages == ["sh", "yaml", "text", "markdown", "markdown", "markdown", "python"]
    _, config, _, article, entry, _, _ = (code for _, code in readme_examples())
    (root / "docs/articles").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs/index.md").write_text("# Home\n\n[Read](articles/visit.md)\n", "utf-8")
    (root / "docs/articles/visit.md").write_text(article, encoding="utf-8")
    (root / "glossary/baku.md").write_text(entry, encoding="utf-8")
    write_entry(root / "glossary", "vladimir-putin", "Vladimir Putin", aliases=["Putin"])
    write_entry(root / "glossary", "ilham-aliyev", "Ilham Aliyev")
    return root


def test_a_site_without_overrides_builds_annotated_from_the_installed_package(
    venv: Path, tmp_path: Path
) -> None:
    site = minimal_site(tmp_path / "adopter")
    python = venv / "bin" / "python"
    where = run(python, "-c", "import reading_companion; print(reading_companion.__file__)")
    assert where.stdout.startswith(str(venv))  # the wheel's copy, not the checkout's
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [python, "-m", "mkdocs", "build", "--strict"],
        cwd=site, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    html = (site / "site/articles/visit/index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser")
    assert [u["id"] for u in article.select(".cmp-unit")] == ["p1", "p2"]
    assert [n["id"] for n in article.select("#p1 .cmp-note")] == [
        "note-vladimir-putin",
        "note-baku",
    ]
    # The package's article template, with the source's credit.
    assert article.select_one("h1").get_text() == "Putin visits Baku"
    assert article.select_one("title").get_text().startswith("Putin visits Baku")
    assert "RFE/RL" in article.select_one(".cmp-credit").get_text()
    styles = [link["href"] for link in article.select("link[rel=stylesheet]")]
    scripts = [script.get("src") for script in article.select("script[src]")]
    assert "../../assets/companion/companion.css" in styles
    assert "../../assets/companion/companion.js" in scripts
    assert (site / "site/assets/companion/companion.css").stat().st_size > 1000
    for entry_id in ("vladimir-putin", "ilham-aliyev", "baku"):
        entry = (site / f"site/glossary/{entry_id}/index.html").read_text(encoding="utf-8")
        assert "cmp-backlinks__para" in entry
    assert (site / "site/glossary/index.html").exists()
    # Search as the README sets it up: words cut at curly quotes, and the phrase search in
    # Material's worker, from the installed package.
    index = json.loads((site / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u201c" in index["config"]["separator"]  # the regular expression's escape
    worker = next((site / "site/assets/javascripts/workers").glob("search.*.min.js"))
    assert ".paragraph" in worker.read_text(encoding="utf-8")


def test_the_readme_runs_the_extension_on_its_own(venv: Path, tmp_path: Path) -> None:
    site = minimal_site(tmp_path / "standalone")
    code = readme_examples()[-1][1] + "\nprint(html)\n"
    html = run(venv / "bin" / "python", "-c", code, cwd=site).stdout
    soup = BeautifulSoup(html, "html.parser")
    assert [u["id"] for u in soup.select(".cmp-unit")] == ["p1", "p2"]
    baku = soup.select_one("#p1 a.cmp-term[data-entry=baku]")
    assert baku["href"] == "https://example.org/glossary/baku/"
    assert soup.select_one("#note-ilham-aliyev") is not None
