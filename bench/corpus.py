"""Synthetic sites for the benchmark: the same pages built with the plugin or as plain pages.

Entries get made-up names (1–3 aliases each); article pages repeat the real article's
paragraphs, each followed by a sentence that names a few entries, so matching has work to do.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SYLLABLES = "ka ro va li de mir sun ta ber go lan vi zor ek nu has pel dri mo tau".split()  # noqa: SIM905
THEME = {
    "name": "material",
    "custom_dir": "overrides",
    "font": False,
    "features": ["navigation.instant"],
}


def name(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()  # noqa: E731
    return " ".join(word() for _ in range(rng.randint(1, 2)))


def entry_names(count: int, seed: int = 7) -> list[list[str]]:
    """``count`` entries, each a list of unique names: the term, then 1–3 aliases."""
    rng = random.Random(seed)
    seen: set[str] = set()
    entries = []
    while len(entries) < count:
        names = []
        while len(names) < 1 + rng.randint(1, 3):
            candidate = name(rng)
            if candidate.casefold() not in seen:
                seen.add(candidate.casefold())
                names.append(candidate)
        entries.append(names)
    return entries


def article_paragraphs() -> list[str]:
    text = (REPO / "tests/data/article.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


BODY = " ".join(["A sentence of background on this made-up entry for the benchmark."] * 10)


def write_corpus(root: Path, entries: int, articles: int, *, plugin: bool, seed: int = 7) -> Path:
    """Write a site under ``root``; with ``plugin`` False the same text as plain pages."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    (docs / "articles").mkdir(parents=True)
    shutil.copytree(REPO / "overrides", root / "overrides")
    names = entry_names(entries, seed)
    rng = random.Random(seed + 1)
    glossary = root / "glossary" if plugin else docs / "glossary"
    glossary.mkdir(parents=True)
    for index, (term, *aliases) in enumerate(names):
        meta = {
            "term": term,
            "aliases": aliases,
            "kind": "concept",
            "summary": f"{term} is a made-up entry number {index} of the benchmark corpus.",
            "sources": [
                {
                    "title": "Benchmark",
                    "publisher": "Bench",
                    "url": "https://example.org/",
                    "date": "2024-08-19",
                }
            ],
            "updated": "2026-11-25",
        }
        if not plugin:  # the same words as an ordinary page
            meta = {"title": term}
            body = f"{term}: made-up entry {index}. Also: {', '.join(aliases)}.\n\n{BODY}\n"
        else:
            body = BODY + "\n"
        text = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n{body}"
        (glossary / f"entry-{index:04d}.md").write_text(text, encoding="utf-8")
    paragraphs = article_paragraphs()
    nav = [{"Home": "index.md"}]
    for number in range(articles):
        blocks = []
        for paragraph in paragraphs:
            mentioned = [rng.choice(rng.choice(names)) for _ in range(3)]
            blocks.append(f"{paragraph} Here {', '.join(mentioned)} appear.")
        meta: dict = {"title": f"Article {number}"}
        if plugin:
            meta["article"] = {
                "title": f"Article {number}",
                "publisher": "RFE/RL",
                "url": "https://example.org/article",
                "published": "2024-08",
            }
        text = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n" + "\n\n".join(blocks) + "\n"
        (docs / "articles" / f"article-{number:02d}.md").write_text(text, encoding="utf-8")
        nav.append({f"Article {number}": f"articles/article-{number:02d}.md"})
    (docs / "index.md").write_text("# Benchmark\n\nA synthetic site.\n", encoding="utf-8")
    if not plugin:
        (docs / "glossary" / "index.md").write_text("# Glossary\n", encoding="utf-8")
    nav.append({"Glossary": "glossary/index.md"})
    plugins: list = ["search"]
    if plugin:
        plugins.append({"companion": {"glossary_dir": "glossary"}})
    config = {
        "site_name": "Benchmark",
        "site_url": "https://example.org/",
        "theme": THEME,
        "extra_css": ["assets/stylesheets/companion.css"],
        "extra_javascript": ["assets/javascripts/companion.js"],
        "plugins": plugins,
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
        "nav": nav,
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def plain_copy_of_repo(root: Path) -> Path:
    """The real site as plain MkDocs: plugin off, entries written as ordinary pages."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    # Pages drawn by the plugin's templates (timeline, map) become ordinary pages.
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "\ntemplate:" in text.split("\n---\n", 1)[0]:
            page.write_text(re.sub(r"\ntemplate: .*", "", text, count=1), encoding="utf-8")
    for path in (REPO / "glossary").glob("*.md"):
        if path.name.startswith("_"):
            continue
        meta_text, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = yaml.safe_load(meta_text.removeprefix("---\n"))
        names = ", ".join(meta.get("aliases", []))
        text = f"---\ntitle: {meta['term']!r}\n---\n{meta['summary']} Also: {names}.\n\n{body}"
        (root / "docs" / "glossary").mkdir(exist_ok=True)
        (root / "docs" / "glossary" / path.name).write_text(text, encoding="utf-8")
    (root / "docs" / "glossary" / "index.md").write_text("# Glossary\n", encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - companion:\n      glossary_dir: glossary\n", "")
    # Without the plugin there are no paragraph anchors and entry pages are not in the nav:
    # say nothing about either, as the plugin build does not.
    config = config.replace("    omitted_files: warn", "    omitted_files: ignore")
    config = config.replace("    anchors: warn", "    anchors: ignore")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root
