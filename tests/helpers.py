"""Factories for small, valid content that each test bends in one place."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def copy_of_the_site(root: Path) -> Path:
    """``root`` holding what building the repository's own site reads, to build or bend a
    copy of it without touching the checkout."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):  # the contributing page includes the guide
        shutil.copy(REPO / name, root / name)
    for folder in ("docs", "glossary", "overrides", "data", "hooks"):
        shutil.copytree(REPO / folder, root / folder)
    return root


BODY = " ".join(["Background words for a reader."] * 20)  # 100 words
EXPLAINER_BODY = "## Context\n\n" + " ".join(["A sentence of background for readers."] * 90)


def entry_meta(term: str, **fields: object) -> dict:
    meta: dict = {
        "term": term,
        "kind": "person",
        "summary": f"A short summary of {term}.",
        "sources": [
            {
                "title": "A source",
                "publisher": "A publisher",
                "url": "https://sources.test/a",
                "date": "2024-08-19",
            }
        ],
        "updated": "2026-11-25",
    }
    meta.update(fields)
    return meta


def front_matter(meta: dict, body: str) -> str:
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}\n"


def write_entry(
    glossary: Path, entry_id: str, term: str, body: str = BODY, **fields: object
) -> Path:
    path = glossary / f"{entry_id}.md"
    path.write_text(front_matter(entry_meta(term, **fields), body), encoding="utf-8")
    return path


def write_explainer(docs: Path, explainer_id: str, title: str, **fields: object) -> Path:
    meta: dict = {
        "title": title,
        "summary": f"Why {title} matters.",
        "sources": [
            {
                "title": "One",
                "publisher": "P",
                "url": "https://sources.test/1",
                "date": "2024-01-01",
            },
            {
                "title": "Two",
                "publisher": "P",
                "url": "https://sources.test/2",
                "date": "2024-01-02",
            },
        ],
        "updated": "2026-11-25",
    }
    meta.update(fields)
    path = docs / "explainers" / f"{explainer_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(meta, EXPLAINER_BODY), encoding="utf-8")
    return path


def event(date: str, text: str, **fields: object) -> dict:
    """One event of ``glossary/_events.yml``, with a dated source."""
    data: dict = {
        "date": date,
        "text": text,
        "sources": [
            {
                "title": "A report",
                "publisher": "A publisher",
                "url": f"https://sources.test/{date}",
                "date": date,
            }
        ],
    }
    data.update(fields)
    return data


def write_events(glossary: Path, events: dict[str, dict]) -> Path:
    """``glossary/_events.yml`` holding ``events`` by id, in the order given."""
    path = glossary / "_events.yml"
    text = yaml.safe_dump(events, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The first line of ``path`` that holds ``text``, counted from 1."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


ARTICLE_PARAGRAPHS = [
    "Vladimir Putin met Ilham Aliyev in Baku.",
    "Putin's hosts said \"welcome\" -- and the Aliyevs' smiles were wide.",
    "Diplomatic efforts to resolve the conflict had failed, Aliyev said.",
    "See [Baku](https://example.org/baku) and `Baku` in code; Bakuvian is not a term.",
]


def write_article(
    docs: Path, paragraphs: list[str] = ARTICLE_PARAGRAPHS, notes: list | None = None
) -> Path:
    meta = {
        "title": "A test article",
        "hide": ["navigation", "toc"],
        "article": {
            "title": "A test article",
            "publisher": "RFE/RL",
            "url": "https://example.org/article",
            "published": "2024-08",
            "notes": notes
            if notes is not None
            else [
                {"quote": "Diplomatic efforts to resolve the conflict", "explainer": "mediation"}
            ],
        },
    }
    path = docs / "articles" / "test.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(meta, "\n" + "\n\n".join(paragraphs)), encoding="utf-8")
    return path


def make_project(root: Path) -> Path:
    """A small complete site with no overrides (the package brings its templates and
    styles): a few entries, an explainer, one article."""
    docs, glossary = root / "docs", root / "glossary"
    docs.mkdir(parents=True)
    glossary.mkdir()
    (docs / "index.md").write_text("# Home\n\n[Article](articles/test.md)\n", encoding="utf-8")
    write_entry(glossary, "vladimir-putin", "Vladimir Putin", aliases=["Putin"], related=["baku"])
    write_entry(glossary, "ilham-aliyev", "Ilham Aliyev", aliases=["Aliyev"], explainer="mediation")
    write_entry(glossary, "baku", "Baku", kind="place", native={"az": "Bakı"})
    write_explainer(docs, "mediation", "Outside mediation", entries=["ilham-aliyev"])
    write_article(docs)
    config = {
        "site_name": "Test companion",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"companion": {"glossary_dir": "glossary"}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


# The template's placeholders and what a contributor writes instead.
TEMPLATE_FILLED_IN = {
    "term: The name as readers know it": "term: Ganja",
    "One or two plain sentences that say what this is, for a reader new to the region.": (
        "Azerbaijan's second city."
    ),
    "The title exactly as the source gives it": "Ganja",
    "Who publishes it": "Encyclopaedia Britannica",
    "https://example.org/the-page": "https://www.britannica.com/place/Ganja-Azerbaijan",
    "# native:\n#   az: Zəngəzur dəhlizi\n#   hy: Զանգեզուրի միջանցք\n#   ru: Зангезурский "
    "коридор": "native:\n  az: Gəncə\n  hy: Գանձակ",
}


def fill_template(body: str = BODY) -> str:
    """``glossary/_template.md`` filled in as CONTRIBUTING asks: an entry for Ganja."""
    text = (REPO / "glossary/_template.md").read_text(encoding="utf-8")
    for placeholder, value in TEMPLATE_FILLED_IN.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value)
    return text[: text.rindex("---\n") + 4] + body + "\n"


def search_documents(site: Path) -> dict[str, dict]:
    """The search index by location, as Material for MkDocs or Zensical writes it."""
    material = site / "search/search_index.json"
    if material.exists():
        docs = json.loads(material.read_text(encoding="utf-8"))["docs"]
    else:
        docs = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    return {d["location"]: d for d in docs}


class _Addresses(HTMLParser):
    """The addresses a page's links and stylesheets point to (the map's SVG links use
    ``xlink:href``). Python's own HTML parser, without building a tree: a site's pages are
    read in a fraction of the time."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "link"):
            named = dict(attrs)
            address = named.get("href", named.get("xlink:href"))
            if address is not None:
                self.found.append(address)


def assert_internal_links_lead_to_files(site: Path) -> None:
    """Every link (the map's SVG links too) and stylesheet of every page (but the 404 page,
    whose links are absolute) that stays inside the site leads to a file of it."""
    for html in (p for p in site.rglob("*.html") if p.name != "404.html"):
        reader = _Addresses()
        reader.feed(html.read_text(encoding="utf-8"))
        for address in reader.found:
            href = address.split("#")[0]
            if href and not href.startswith(("http:", "https:", "mailto:", "javascript:")):
                assert (html.parent / href).resolve().exists(), f"{html}: {address}"
