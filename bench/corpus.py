"""Sites for the benchmark: the real content at a larger scale, with the plugin or plain.

A synthetic site must be as dense as the real one, or the benchmark measures a different
workload: so every synthetic site holds the repository's own content. Its glossary is the
real one (every entry and ``_general.yml``) plus made-up entries up to the size wanted; its
explainers are the real ones (real entries and quote notes point at them); each of its article
pages is the real article (front matter, quote notes, all its paragraphs) under its own path
and title, with a sentence naming a few made-up entries appended to some paragraphs, so
matching has work to do and the notes per paragraph stay close to the real page's.

Its ``mkdocs.yml`` takes the theme, stylesheets, scripts, Markdown extensions and plugins from
the repository's own, and its custom_dir is a copy of the repository's ``overrides/``, whatever
that holds: nothing here names a template or an asset, so the benchmark follows the repository.

The plain twin is the same pages written by hand for plain MkDocs: each entry an ordinary page
showing what the plugin's entry page shows (names, summary, body, related entries, sources,
date), explainers ending with their sources, the glossary index a list of every entry, and the
articles as the same Markdown (without the plugin, no notes).
"""

from __future__ import annotations

import copy
import random
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "docs" / "articles" / "putin-in-baku.md"
CUSTOM_DIR = "overrides"
PLUGIN = "companion"
# What a synthetic site takes from the repository's mkdocs.yml as it is.
FOLLOWED_KEYS = ("theme", "extra_css", "extra_javascript", "markdown_extensions")
SYLLABLES = "ka ro va li de mir sun ta ber go lan vi zor ek nu has pel dri mo tau".split()  # noqa: SIM905
BODY = " ".join(["A sentence of background on this made-up entry for the benchmark."] * 10)
# Made-up entries each article page names, and how often a paragraph gets a sentence naming
# two of them. The real article carries 46 notes over 23 paragraphs (2.0 a paragraph); five
# more notes a page (an entry gets a note at its first mention only) keep the synthetic pages
# about 10 % above that, well inside the ±20 % the report checks, while 16 mentions a page
# give the matcher as much to find as the real text's own names.
NAMED_PER_ARTICLE = 5
SENTENCE_EVERY = 3


class ConfigLoader(yaml.SafeLoader):
    """A safe YAML loader for ``mkdocs.yml`` that reads ``!ENV`` tags as their default and
    ``!relative`` paths as the site's folder."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV [NAME, default]`` gives the default: the benchmark never reads the environment."""
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


ConfigLoader.add_constructor("!ENV", _env_default)
# ``!relative $config_dir``: the site's own folder, where every benchmark build runs.
ConfigLoader.add_constructor("!relative", lambda loader, node: ".")


def repo_config() -> dict:
    """The repository's ``mkdocs.yml``, as read now (another change may be reshaping it)."""
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def split_front_matter(text: str) -> tuple[dict, str]:
    """A Markdown file's front matter (empty without one) and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    head, body = text.removeprefix("---\n").split("\n---\n", 1)
    return yaml.safe_load(head) or {}, body


def with_front_matter(meta: dict, body: str) -> str:
    return f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n{body}"


@dataclass(frozen=True)
class EntryFile:
    """One glossary entry as written: its id (the file name), front matter and body."""

    id: str
    meta: dict
    body: str


def real_entries() -> list[EntryFile]:
    """The repository's entries (files starting with ``_`` are not entries)."""
    entries = []
    for path in sorted((REPO / "glossary").glob("*.md")):
        if not path.name.startswith("_"):
            meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            entries.append(EntryFile(path.stem, meta, body))
    return entries


def real_article() -> tuple[dict, list[str]]:
    """The real article's front matter and its paragraphs."""
    meta, body = split_front_matter(ARTICLE.read_text(encoding="utf-8"))
    return meta, [block.strip() for block in body.split("\n\n") if block.strip()]


def made_up_name(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()  # noqa: E731
    return " ".join(word() for _ in range(rng.randint(1, 2)))


def entry_names(count: int, taken: str, seed: int = 7) -> list[list[str]]:
    """``count`` made-up entries, each a list of unique names: the term, then 1–3 aliases.

    A name found anywhere in ``taken`` (the real text and names, casefolded) is skipped, so
    made-up entries never add matches, and notes, to the real text.
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    entries = []
    while len(entries) < count:
        names = []
        while len(names) < 1 + rng.randint(1, 3):
            candidate = made_up_name(rng)
            key = candidate.casefold()
            if key not in seen and key not in taken:
                seen.add(key)
                names.append(candidate)
        entries.append(names)
    return entries


def made_up_entry(index: int, names: list[str]) -> EntryFile:
    term, *aliases = names
    meta = {
        "term": term,
        "aliases": aliases,
        "kind": "concept",
        "summary": f"{term} is a made-up entry number {index} of the benchmark corpus.",
        "sources": [
            {
                "title": "Benchmark",
                "publisher": "Bench",
                "url": "https://sources.test/",
                "date": "2024-08-19",
            }
        ],
        "updated": "2026-11-25",
    }
    return EntryFile(f"entry-{index:04d}", meta, BODY + "\n")


def taken_text(real: list[EntryFile], paragraphs: list[str]) -> str:
    names = [str(name) for e in real for name in [e.meta["term"], *e.meta.get("aliases", [])]]
    return "\n".join([*paragraphs, *names]).casefold()


def mention_sentences(
    paragraphs: list[str], named: list[list[str]], rng: random.Random
) -> list[str]:
    """The paragraphs, every ``SENTENCE_EVERY``-th followed by a sentence naming two of the
    ``named`` entries (each by its term or an alias), in turn."""
    if not named:
        return list(paragraphs)
    out, turn = [], 0
    for number, paragraph in enumerate(paragraphs):
        if number % SENTENCE_EVERY == 0:
            first, second = (rng.choice(named[(turn + k) % len(named)]) for k in range(2))
            turn += 2
            paragraph = f"{paragraph} {first} and {second} come up here too."
        out.append(paragraph)
    return out


def article_pages(count: int, made_up: list[list[str]], seed: int) -> list[tuple[str, str, str]]:
    """``count`` copies of the real article as (path in docs/, title, Markdown), each with
    its own path and title and naming its own ``NAMED_PER_ARTICLE`` made-up entries."""
    meta, paragraphs = real_article()
    rng = random.Random(seed)
    pages = []
    for number in range(count):
        start = number * NAMED_PER_ARTICLE
        named = (
            [made_up[(start + k) % len(made_up)] for k in range(NAMED_PER_ARTICLE)]
            if made_up
            else []
        )
        page_meta = copy.deepcopy(meta)
        title = f"{meta['title']} ({number + 1})"
        page_meta["title"] = title
        page_meta["article"]["title"] = title
        body = "\n\n".join(mention_sentences(paragraphs, named, rng))
        path = f"articles/{ARTICLE.stem}-{number + 1:02d}.md"
        pages.append((path, title, with_front_matter(page_meta, f"\n{body}\n")))
    return pages


def plain_entry_page(meta: dict, body: str, source_path: str) -> str:
    """What the plugin's entry page shows, as Markdown someone would write without it:
    kind, names, summary, body, related entries, sources and the date it was checked."""
    lines = [f"*{meta['kind']}*", ""]
    native = meta.get("native") or {}
    names = [f"{code}: {name}" for code, name in native.items()] + list(meta.get("aliases", []))
    if names:
        lines += [f"Also: {', '.join(map(str, names))}.", ""]
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
        dated = source.get("date") not in (None, "undated")
        date = f", {source['date']}" if dated else ""
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


def write_plain_glossary(folder: Path, entries: Iterable[EntryFile]) -> None:
    """Every entry as a hand-written page in ``folder`` (``docs/glossary/``), and the index."""
    folder.mkdir(parents=True, exist_ok=True)
    terms = []
    for entry in entries:
        page = plain_entry_page(entry.meta, entry.body, f"glossary/{entry.id}.md")
        text = with_front_matter({"title": entry.meta["term"]}, page)
        (folder / f"{entry.id}.md").write_text(text, encoding="utf-8")
        terms.append((entry.meta["term"], f"{entry.id}.md"))
    (folder / "index.md").write_text(plain_glossary_index(terms), encoding="utf-8")


def write_plugin_glossary(folder: Path, made_up: Iterable[EntryFile]) -> None:
    """The real glossary folder (entries, ``_general.yml``), then the made-up entries."""
    shutil.copytree(REPO / "glossary", folder)
    for entry in made_up:
        text = with_front_matter(entry.meta, entry.body)
        (folder / f"{entry.id}.md").write_text(text, encoding="utf-8")


def list_as_general(folder: Path, entry_ids: list[str]) -> None:
    """List the made-up entries no page names in ``_general.yml``, as a real glossary lists
    the entries it keeps on purpose: a site at real-use density warns about none."""
    path = folder / "_general.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    general = [*((data or {}).get("general") or []), *entry_ids]
    path.write_text(yaml.safe_dump({"general": general}), encoding="utf-8")


def plain_explainers(folder: Path) -> None:
    """Explainers as plain pages: their sources, which the plugin's template lists, as a
    section of the page; their index lists them by hand, as the plugin's template does."""
    pages = {
        page: split_front_matter(page.read_text(encoding="utf-8"))
        for page in sorted(folder.glob("*.md"))
    }
    explainers = {page: meta for page, (meta, _) in pages.items() if "sources" in meta}
    for page, (meta, body) in pages.items():
        if page in explainers:
            body += "\n\n## Sources\n\n" + "\n".join(source_items(meta["sources"])) + "\n"
            page.write_text(with_front_matter({"title": meta["title"]}, body), encoding="utf-8")
        elif meta.get("template") == "companion/explainers-index.html":
            listed = [f"- [{m['title']}]({p.name}): {m['summary']}" for p, m in explainers.items()]
            page.write_text(body + "\n\n" + "\n".join(listed) + "\n", encoding="utf-8")


def copy_custom_dir(root: Path, theme: dict) -> dict:
    """Copy the repository's ``overrides/`` under ``root`` as the theme's custom_dir, whatever
    it holds (it shrinks as the plugin takes its templates and assets into the package)."""
    theme = dict(theme)
    theme.pop("custom_dir", None)
    if (REPO / CUSTOM_DIR).is_dir():
        shutil.copytree(REPO / CUSTOM_DIR, root / CUSTOM_DIR)
        theme["custom_dir"] = CUSTOM_DIR
    return theme


def is_companion(item: str | dict) -> bool:
    return (item if isinstance(item, str) else next(iter(item))) == PLUGIN


def site_plugins(config: dict, *, plugin: bool) -> list:
    """The repository's plugins, as configured there; without ``plugin``, minus the companion."""
    plugins = copy.deepcopy(config.get("plugins") or ["search"])
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    if plugin:
        assert any(map(is_companion, plugins)), "the repository's mkdocs.yml has no companion"
        return plugins
    return [item for item in plugins if not is_companion(item)]


def synthetic_config(root: Path, nav: list, *, plugin: bool) -> dict:
    """A synthetic site's ``mkdocs.yml``: theme, assets, extensions and plugins as the
    repository's; its own name, address and navigation."""
    repo = repo_config()
    config: dict = {"site_name": "Benchmark", "site_url": "https://example.org/"}
    config.update({key: copy.deepcopy(repo[key]) for key in FOLLOWED_KEYS if key in repo})
    theme = config.get("theme", {"name": "material"})
    config["theme"] = copy_custom_dir(root, {"name": theme} if isinstance(theme, str) else theme)
    config["plugins"] = site_plugins(repo, plugin=plugin)
    config["nav"] = nav
    # Entry pages are not in the navigation, in either twin: say nothing about them.
    config["validation"] = {"nav": {"omitted_files": "ignore"}}
    return config


def write_corpus(root: Path, entries: int, articles: int, *, plugin: bool, seed: int = 7) -> Path:
    """Write a site of ``entries`` entries (the real ones included) and ``articles`` article
    pages under ``root``; with ``plugin`` False, the same text as plain pages."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    real = real_entries()
    _, paragraphs = real_article()
    names = entry_names(max(entries - len(real), 0), taken_text(real, paragraphs), seed)
    made_up = [made_up_entry(index, n) for index, n in enumerate(names)]
    if plugin:
        write_plugin_glossary(root / "glossary", made_up)
        named = {(i * NAMED_PER_ARTICLE + k) % len(made_up) for i in range(articles)
                 for k in range(NAMED_PER_ARTICLE)} if made_up else set()  # fmt: skip
        list_as_general(root / "glossary", [e.id for i, e in enumerate(made_up) if i not in named])
    else:
        write_plain_glossary(docs / "glossary", [*real, *made_up])
    shutil.copytree(REPO / "docs" / "explainers", docs / "explainers")
    if not plugin:
        plain_explainers(docs / "explainers")
    (docs / "articles").mkdir()
    nav: list = [{"Home": "index.md"}]
    for path, title, text in article_pages(articles, names, seed + 1):
        (docs / path).write_text(text, encoding="utf-8")
        nav.append({title: path})
    explainers = sorted(p.name for p in (docs / "explainers").glob("*.md") if p.stem != "index")
    background = [f"explainers/{name}" for name in ["index.md", *explainers]]
    nav += [{"Background": background}, {"Glossary": "glossary/index.md"}]
    (docs / "index.md").write_text("# Benchmark\n\nA synthetic site.\n", encoding="utf-8")
    config = synthetic_config(root, nav, plugin=plugin)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return root


def copy_repo(root: Path) -> Path:
    """The checkout's files as git sees them (tracked, or new and not ignored), without
    ``bench/``: the real site as a contributor has it, with nothing a build left behind."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = REPO / name
        if name.startswith("bench/") or not source.is_file():  # deleted, not yet committed
            continue
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)
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
    shutil.copy2(REPO / "CONTRIBUTING.md", root / "CONTRIBUTING.md")  # the contributing page's
    shutil.copytree(REPO / "hooks", root / "hooks")  # the site's hooks run on both twins
    for page in (root / "docs").rglob("*.md"):
        meta, _ = split_front_matter(page.read_text(encoding="utf-8"))
        if "template" in meta:  # drawn by the plugin from its data: keep the drawing
            drawn = drawn_page(page.relative_to(root / "docs"), meta, built)
            page.write_text(drawn, encoding="utf-8")
    plain_explainers(root / "docs" / "explainers")
    write_plain_glossary(root / "docs" / "glossary", real_entries())
    config = repo_config()
    config["theme"] = copy_custom_dir(root, config.get("theme", {"name": "material"}))
    config["plugins"] = site_plugins(config, plugin=False)
    # Without the plugin there are no paragraph anchors and entry pages are not in the nav:
    # say nothing about either, as the plugin build does not.
    validation = config.setdefault("validation", {})
    validation.setdefault("nav", {})["omitted_files"] = "ignore"
    validation.setdefault("links", {})["anchors"] = "ignore"
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return root


def drawn_page(path: Path, meta: dict, built: Path) -> str:
    """A page the plugin draws from data, as a plain page holding what it drew in ``built``."""
    folder = path.parent if path.stem == "index" else path.with_suffix("")
    drawn = BeautifulSoup(
        (built / folder / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    inner = drawn.select_one("article.md-content__inner")
    assert inner is not None, path
    heading = drawn.select_one("article h1")
    body = "\n" + inner.decode_contents().strip() + "\n"
    # The plugin's drawing is not in the search index (Material indexes the Markdown body,
    # and these pages have none): keep both indexes to the same pages.
    title = meta.get("title") or (heading.get_text() if heading else path.stem)
    return with_front_matter({"title": title, "search": {"exclude": True}}, body)
