"""The work cache: a rebuild from it gives the very same site, and any change shows up."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
import yaml

from conftest import mkdocs
from helpers import ARTICLE_PARAGRAPHS, REPO, write_article
from reading_companion import load_content
from reading_companion.annotate import CompanionExtension
from reading_companion.cache import KEY_FILE, STORE, WorkCache
from reading_companion.notes import source_links

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


def set_config(project: Path, **options: object) -> None:
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.update(options)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def test_a_build_from_the_cache_is_the_same_site(real_project: Path) -> None:
    cold = build(real_project, "site-cold")
    store = real_project / CACHE / STORE
    assert store.exists()
    result = mkdocs("build", "--strict", "-v", "--site-dir", "site-warm", cwd=real_project)
    assert result.returncode == 0, result.stderr
    assert "results reused, 0 made" in result.stderr  # nothing validated or annotated again
    warm = real_project / "site-warm"
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


def test_a_partial_build_keeps_what_it_did_not_use(tmp_path: Path) -> None:
    cache = WorkCache(tmp_path)
    cache.get("a", lambda: 1)
    cache.save()
    partial = WorkCache(tmp_path)
    partial.get("b", lambda: 2)
    partial.save(keep_unused=True)  # as after `mkdocs build --dirty`
    assert WorkCache(tmp_path).get("a", lambda: pytest.fail("'a' was dropped")) == 1


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


def test_finished_html_is_what_the_tree_would_give(project: Path) -> None:
    """The fast path (notes handed over as HTML) writes exactly what the element tree
    would have given, links included."""
    content = load_content(project / "glossary", project / "docs", project)
    body = (project / "docs/articles/test.md").read_text(encoding="utf-8").split("\n---\n")[1]

    def render(link_to) -> str:
        extension = CompanionExtension(content)
        extension.current_page, extension.link_to = "articles/test.md", link_to
        return markdown.Markdown(extensions=["attr_list", extension]).convert(body)

    tree = render(None)  # relative .md links in the tree
    finished = render(source_links("articles/test.md"))  # the same links, as finished HTML
    assert 'class="cmp-note' in tree
    assert finished == tree


@pytest.mark.parametrize("directory_urls", [True, False])
def test_an_articles_own_links_and_images_are_still_rewritten(
    project: Path, directory_urls: bool
) -> None:
    (project / "docs/img").mkdir()
    (project / "docs/img/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    own = "See [the home page](../index.md) and ![a map](../img/map.png)."
    write_article(project / "docs", [*ARTICLE_PARAGRAPHS, own])
    set_config(project, use_directory_urls=directory_urls)
    site = build(project)
    page = "articles/test/index.html" if directory_urls else "articles/test.html"
    html = (site / page).read_text(encoding="utf-8")
    home, image = (
        ("../../", "../../img/map.png") if directory_urls else ("../index.html", "../img/map.png")
    )
    assert f'href="{home}"' in html
    assert f'src="{image}"' in html
    assert "index.md" not in html


def test_a_broken_link_in_an_article_still_fails_a_strict_build(project: Path) -> None:
    write_article(project / "docs", [*ARTICLE_PARAGRAPHS, "See [gone](../nope.md)."])
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "nope.md" in result.stderr


def test_other_pages_may_link_to_a_note(project: Path) -> None:
    (project / "docs/index.md").write_text(
        "# Home\n\n[Baku](articles/test.md#note-baku), "
        "[the quote](articles/test.md#note-p3-mediation), [¶ 2](articles/test.md#p2)\n",
        encoding="utf-8",
    )
    set_config(project, validation={"links": {"anchors": "warn"}})
    build(project)  # strict: a link to an anchor MkDocs did not see would fail it


def test_a_page_moved_or_other_urls_give_fresh_links(project: Path) -> None:
    build(project)
    set_config(project, use_directory_urls=False)
    site = build(project)
    html = (site / "articles/test.html").read_text(encoding="utf-8")
    assert 'href="../glossary/vladimir-putin.html"' in html
    assert "/vladimir-putin/" not in html


def test_no_home_folder_means_no_disk_cache_but_a_build(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    cache = WorkCache(tmp_path / "store")
    assert cache.get("a", lambda: 1) == 1
    cache.save()
    assert not (tmp_path / "store").exists()


def test_the_key_is_private(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "me"))
    WorkCache(tmp_path / "store")
    key = tmp_path / "me" / KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(key.read_bytes()) == 32


def test_a_planted_link_is_never_followed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "me"))
    folder = tmp_path / "store"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / STORE).symlink_to(victim)
    cache = WorkCache(folder)
    cache.get("a", lambda: 1)
    cache.save()
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (folder / STORE).is_symlink()
