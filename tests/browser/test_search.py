"""Search finds the article's own words: phrases from every paragraph, run through
Material's own search worker in Chromium (as ``bench/search_ranking.py`` does)."""

from __future__ import annotations

import json
import sys

from conftest import RealSite
from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
from search_ranking import RANK, phrases  # the benchmark's own code


def test_a_phrase_from_a_paragraph_finds_it_and_a_term_finds_its_entry(
    visit, built_real_site: RealSite, base_url: str
) -> None:
    site = built_real_site.folder
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    index["options"] = {"suggest": False}
    asked = phrases(index["docs"], per_paragraph=3, seed=3)
    assert len(asked) == 69  # three from each of the 23 paragraphs
    entries = [(d["title"], d["location"]) for d in index["docs"] if d["location"].count("/") == 2
               and d["location"].startswith("glossary/") and "#" not in d["location"]]  # fmt: skip
    worker = next((site / "assets/javascripts/workers").glob("search.*.js")).name
    page = visit("404.html")
    queries = [q for q, _ in asked] + [term for term, _ in entries]
    ranked = page.evaluate(RANK, [f"{base_url}assets/javascripts/workers/{worker}", index, queries])
    found = sum(loc in top[:3] for (_, loc), top in zip(asked, ranked, strict=False))
    first = sum(
        top[:1] == [loc] for (_, loc), top in zip(entries, ranked[len(asked) :], strict=True)
    )
    # Measured when paragraphs got their own words as titles: 52 of 69 and 52 of 58 (7 of 69
    # before). A change that loses ground shows here.
    assert found >= 50, f"{found} of {len(asked)} phrases found their paragraph"
    assert first >= 50, f"{first} of {len(entries)} terms found their entry first"
