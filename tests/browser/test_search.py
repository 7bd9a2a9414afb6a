"""Search finds the article's own words: phrases from every paragraph, run through
Material's own search worker in Chromium (as ``bench/search_ranking.py`` does)."""

from __future__ import annotations

import json
import sys

from conftest import RealSite
from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
from search_ranking import rank, worker_of  # the benchmark's own code


def test_a_phrase_from_a_paragraph_finds_it_and_a_term_finds_its_entry(
    visit, built_real_site: RealSite, base_url: str
) -> None:
    site = built_real_site.folder
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    result = rank(visit("404.html"), base_url + worker_of(site), index)
    assert len(result.found) == 69  # three from each of the 23 paragraphs
    # A phrase that two paragraphs hold word for word shows one of them: Material gives one
    # result per page. Every other phrase brings its own paragraph into the first three.
    unshared = [miss for miss in result.misses if miss[0] not in result.shared]
    assert unshared == []
    assert len(result.hits) >= 66, f"{len(result.hits)} of 69 phrases found their paragraph"
    assert result.entries_first == result.entries, "an entry's term did not find it first"
    # An alias or native name finds its entry first too. Material's query parsing repeats
    # the parts of a hyphenated word ("ATƏT-in Minsk qrupu"), so those are left to its order.
    assert result.aliases > 100
    assert [name for name in result.aliases_missed if "-" not in name] == []
