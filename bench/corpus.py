"""Synthetic sites for the benchmark: the same pages built with the plugin or as plain pages.

Entries get made-up names (1–3 aliases each); article pages repeat the real article's
paragraphs, each followed by a sentence that names a few entries, so matching has work to do.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

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


def plain_entry_page(meta: dict, body: str, source_path: str) -> str:
    """What the plugin's entry page shows, as Markdown someone would write without it:
    kind, names, summary, body, related entries, sources and the date it was checked."""
    lines = [f"*{meta['kind']}*", ""]
    native = meta.get("native") or {}
    names = [f"{code}: {name}" for code, name in native.items()] + list(meta.get("aliases", []))
    if names:
        lines += [f"Also: {', '.join(names)}.", ""]
    lines += [meta["summary"], "", body.strip(), ""]
    if meta.get("related"):
        lines += ["## Related", ""]
        lines += [f"- [{other}]({other}.md)" for other in meta["related"]]
        lines.append("")
    lines += ["## Sources", "", *source_items(meta["sources"])]
    lines += [
        "",
        f"Last checked {meta['updated']}. To improve this entry, edit `{source_path}`.",
        "",
    ]
    return "\n".join(lines)


def source_items(sources: list[dict]) -> list[str]:
    """Sources as a numbered Markdown list: title linked, publisher, date."""
    items = []
    for number, source in enumerate(sources, 1):
        date = f", {source['date']}" if source.get("date") else ""
        items.append(
            f"{number}. [{source['title']}]({source['url']}), {source['publisher']}{date}."
        )
    return items


def plain_glossary_index(entries: list[tuple[str, str]]) -> str:
    """The glossary index as a hand-written page: every entry A–Z under its letter."""
    lines = ["# Glossary", ""]
    letter = ""
    for term, path in sorted(entries, key=lambda pair: pair[0].casefold()):
        if term[:1].upper() != letter:
            letter = term[:1].upper()
            lines += ["", f"## {letter}", ""]
        lines.append(f"- [{term}]({path})")
    return "\n".join(lines) + "\n"


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
        if not plugin:  # the same page, written by hand
            body = plain_entry_page(meta, BODY, f"glossary/entry-{index:04d}.md")
            meta = {"title": term}
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
        index_page = plain_glossary_index(
            [(names[i][0], f"entry-{i:04d}.md") for i in range(entries)]
        )
        (docs / "glossary" / "index.md").write_text(index_page, encoding="utf-8")
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


def plain_copy_of_repo(root: Path, built: Path) -> Path:
    """The real site as plain MkDocs, the plugin off: the same pages written by hand.

    Entries become ordinary pages showing what their generated pages show; explainers
    list their sources; the glossary index lists every entry; the pages the plugin draws
    from data (timeline, map) hold what the plugin drew, taken from ``built``, a build
    of the site with the plugin.
    """
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    for page in (root / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta_text, body = text.split("\n---\n", 1)
        meta = yaml.safe_load(meta_text.removeprefix("---\n")) or {}
        if "template" in meta:  # drawn by the plugin from its data: keep the drawing
            uri = page.relative_to(root / "docs").with_suffix("").as_posix()
            drawn = BeautifulSoup(
                (built / uri / "index.html").read_text(encoding="utf-8"), "html.parser"
            )
            inner = drawn.select_one("article.md-content__inner")
            assert inner is not None, uri
            body = "\n" + inner.decode_contents().strip() + "\n"
            # The plugin's drawing is not in the search index (Material indexes the Markdown
            # body, and these pages have none): keep both indexes to the same pages.
            meta = {"title": meta.get("title") or uri, "search": {"exclude": True}}
        elif page.parent.name == "explainers" and "sources" in meta:
            body += "\n\n## Sources\n\n" + "\n".join(source_items(meta["sources"])) + "\n"
            meta = {"title": meta["title"]}
        else:
            continue
        page.write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}", encoding="utf-8"
        )
    glossary = root / "docs" / "glossary"
    glossary.mkdir(exist_ok=True)
    terms = []
    for path in sorted((REPO / "glossary").glob("*.md")):
        if path.name.startswith("_"):
            continue
        meta_text, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = yaml.safe_load(meta_text.removeprefix("---\n"))
        page = plain_entry_page(meta, body, f"glossary/{path.name}")
        title = yaml.safe_dump({"title": meta["term"]}, allow_unicode=True)
        (glossary / path.name).write_text(f"---\n{title}---\n{page}", encoding="utf-8")
        terms.append((meta["term"], path.name))
    (glossary / "index.md").write_text(plain_glossary_index(terms), encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - companion:\n      glossary_dir: glossary\n", "")
    # Without the plugin there are no paragraph anchors and entry pages are not in the nav:
    # say nothing about either, as the plugin build does not.
    config = config.replace("    omitted_files: warn", "    omitted_files: ignore")
    config = config.replace("    anchors: warn", "    anchors: ignore")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root
