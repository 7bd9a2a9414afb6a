"""How well Material's search finds the article's own words: a number to improve against.

For every article paragraph in a built site's search index, three phrases of two to four
consecutive words are drawn from its text (seeded, so runs compare); each is run through
Material's own search worker in Chromium, as the search box runs it, and the paragraph
counts as found when it heads one of the first three results. (Material shows one result per
page: the page, then its best-scoring section; a page's other sections fold under "N more on
this page".) Each entry's term is searched too, and counts when the entry comes first.
Nothing is served but the site itself.

Usage: ./dev build && .venv/bin/python bench/search_ranking.py [--site site] [--misses 10]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402 (found through the path above)

PARAGRAPH = re.compile(r"#p\d+$")
# Material's worker protocol: set up with the index, then one query per message.
RANK = """async ([worker, index, queries]) => {
  const w = new Worker(worker);
  const reply = () => new Promise((resolve) =>
    w.addEventListener("message", (event) => resolve(event.data), {once: true}));
  w.postMessage({type: 0, data: index});
  await reply();
  const ranked = [];
  for (const query of queries) {
    w.postMessage({type: 2, data: query});
    const result = await reply();
    // One result per page, headed by its best section (Material sorts each group's items).
    ranked.push(result.data.items.map((group) => group[0].location));
  }
  return ranked;
}"""


def paragraph_text(doc: dict) -> str:
    """A paragraph document's words: its title ("¶ N" and the paragraph) without the number."""
    return re.sub(r"^\u00b6\s*\d+\s", "", doc["title"])


def phrases(docs: list[dict], per_paragraph: int, seed: int) -> list[tuple[str, str]]:
    """(phrase, paragraph location) pairs: runs of two to four words from each paragraph."""
    rng = random.Random(seed)
    found = []
    for doc in docs:
        if not PARAGRAPH.search(doc["location"]):
            continue
        # Words as a reader types them: apostrophes and hyphens kept, punctuation around dropped.
        words = [w.strip('.,;:!?"\u201c\u201d\u2018\u2019()') for w in paragraph_text(doc).split()]
        words = [w for w in words if w and w != "\u2014"]
        for _ in range(per_paragraph):
            size = rng.choice([2, 3, 4])
            start = rng.randrange(0, max(1, len(words) - size))
            found.append((" ".join(words[start : start + size]), doc["location"]))
    return found


@dataclass
class Ranking:
    """Where each phrase's paragraph and each term's entry came in the results."""

    found: list[tuple[str, str, list[str]]]  # (phrase, its paragraph, the first three heads)
    entries: int  # entry terms searched
    entries_first: int  # of which the entry came first
    aliases: int  # entries' other names (aliases, native names) searched
    aliases_missed: list[str]  # those whose entry did not come first
    shared: set[str]  # phrases that another paragraph holds too, word for word

    @property
    def hits(self) -> list[tuple[str, str, list[str]]]:
        """The phrases whose paragraph is among the first three results."""
        return [f for f in self.found if f[1] in f[2]]

    @property
    def misses(self) -> list[tuple[str, str, list[str]]]:
        """The phrases whose paragraph is not among the first three results."""
        return [f for f in self.found if f[1] not in f[2]]


def rank(page: Page, worker: str, index: dict, per_paragraph: int = 3, seed: int = 3) -> Ranking:
    """Run the phrases and the entry terms of ``index`` through the search worker at the
    address ``worker``, in ``page`` (a page of the same site)."""
    index = {**index, "options": {"suggest": False}}
    asked = phrases(index["docs"], per_paragraph, seed)
    pages = [d for d in index["docs"] if re.fullmatch(r"glossary/[^/#]+/", d["location"])]
    entries = [(d["title"], d["location"]) for d in pages]
    aliases = [(name, d["location"]) for d in pages for name in d.get("names", [])]
    queries = [q for q, _ in asked] + [t for t, _ in entries + aliases]
    ranked = page.evaluate(RANK, [worker, index, queries])
    found = [(q, loc, r[:3]) for (q, loc), r in zip(asked, ranked, strict=False)]
    named = entries + aliases
    firsts = [r[:1] == [loc] for (_, loc), r in zip(named, ranked[len(asked) :], strict=True)]
    # Material shows one result per page, so of two paragraphs holding a phrase one is shown.
    texts = {
        d["location"]: plain(paragraph_text(d))
        for d in index["docs"]
        if PARAGRAPH.search(d["location"])
    }
    shared = {
        q for q, loc in asked if any(plain(q) in text for at, text in texts.items() if at != loc)
    }
    missed = [
        name for (name, _), first in zip(aliases, firsts[len(entries) :], strict=True) if not first
    ]
    return Ranking(found, len(entries), sum(firsts[: len(entries)]), len(aliases), missed, shared)


def plain(text: str) -> str:
    """Lower-case words and nothing else, spaced out, to find a phrase in a text."""
    return " " + " ".join(re.findall(r"[\w'’-]+", text.lower())) + " "


def worker_of(site: Path) -> str:
    """The path of Material's search worker inside a built site."""
    return (
        next((site / "assets/javascripts/workers").glob("search.*.js")).relative_to(site).as_posix()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--per-paragraph", type=int, default=3)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--misses", type=int, default=10, help="misses to list")
    args = parser.parse_args()
    index = json.loads((args.site / "search/search_index.json").read_text(encoding="utf-8"))
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + "404.html")
        result = rank(page, base + worker_of(args.site), index, args.per_paragraph, args.seed)
        browser.close()
    hits, asked = result.hits, len(result.found)
    shared = [f for f in result.misses if f[0] in result.shared]
    print(f"Paragraph phrases with their paragraph in the first three: {len(hits)} of {asked}")
    print(f"  of the {len(result.misses)} others, {len(shared)} are in another paragraph too")
    print(f"Entry terms with their entry first: {result.entries_first} of {result.entries}")
    print(
        "Other names of entries with their entry first: "
        f"{result.aliases - len(result.aliases_missed)} of {result.aliases}"
    )
    if result.aliases_missed:
        print(f"  not first for: {', '.join(result.aliases_missed)}")
    for query, location, top in result.misses[: args.misses]:
        print(f"  {query!r} ({location.split('#')[1]}): {', '.join(top) or 'nothing'}")


if __name__ == "__main__":
    main()
