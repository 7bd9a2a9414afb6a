"""Benchmark: what the companion plugin costs, measured against plain MkDocs.

Usage:  .venv/bin/python bench/bench.py [--runs 3] [--sizes 100x5,300x20,1000x50] [--quick]

For each size it writes a synthetic site twice (bench/corpus.py): with the plugin, and as
the same pages written by hand for plain MkDocs (entries as ordinary pages showing the same
names, sources and dates; the glossary index as a list). It builds them in turn, each build
in a fresh process: with the plugin from an empty work cache (a first build, as in CI), with
the plugin again from the cache that build left (a rebuild), and plain; it reports medians,
spreads and ratios. It measures the real site the same way, ``companion check`` on the
largest corpus, the article page's weight, the search index's size, and how long
``mkdocs serve`` takes to rebuild after an entry edit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from reading_companion import load_content
from reading_companion.annotate import CompanionExtension
from reading_companion.notes import source_links

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, plain_copy_of_repo, write_corpus

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUDGET_RATIO_SYNTHETIC = 1.10
BUDGET_RATIO_REAL = 1.05
BUDGET_CHECK_SECONDS = 1.0
BUDGET_PAGE_KB = 15.0
BUDGET_INDEX_RATIO = 1.5


def build_seconds(root: Path) -> float:
    result = subprocess.run(
        [PYTHON, str(Path(__file__).parent / "build_once.py"), str(root)],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def compare(with_plugin: Path, plain: Path, runs: int) -> dict:
    """Build the site with the plugin (first from an empty cache, then again from the cache
    that build left) and plain, in turn, ``runs`` times each; medians, spreads, ratios."""
    cache = with_plugin / ".cache"

    def cold() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return build_seconds(with_plugin)

    variants = {"cold": cold, "plugin": lambda: build_seconds(with_plugin)}
    variants["plain"] = lambda: build_seconds(plain)
    for build in variants.values():  # warm the disk and the interpreter's files, not measured
        build()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, build in variants.items():
            times[name].append(build())
    medians = {k: statistics.median(v) for k, v in times.items()}
    return {
        "runs": runs,
        **medians,
        **{f"{k}_spread": (min(v), max(v)) for k, v in times.items()},
        "ratio": medians["plugin"] / medians["plain"],
        "cold_ratio": medians["cold"] / medians["plain"],
    }


def annotation_cost(root: Path, rounds: int = 3) -> dict:
    """The engine alone: microseconds per article paragraph to set, link and annotate it
    and hand it over as finished HTML, as in a first build (Markdown with the extension
    minus Markdown without it), best of ``rounds``."""
    content = load_content(root / "glossary", root / "docs", root, check_usage=False)
    extension = CompanionExtension(content)
    pages = [
        (src, (root / "docs" / src).read_text(encoding="utf-8").split("\n---\n", 1)[1])
        for src in content.articles
    ]
    paragraphs = sum(len(a.paragraphs) for a in content.articles.values())

    def best(md: markdown.Markdown) -> float:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            for src, text in pages:
                extension.current_page, extension.link_to = src, source_links(src)
                md.reset().convert(text)
            times.append(time.perf_counter() - started)
        return min(times)

    with_extension = best(markdown.Markdown(extensions=["attr_list", extension]))
    without = best(markdown.Markdown(extensions=["attr_list"]))
    return {
        "entries": len(content.entries),
        "paragraphs": paragraphs,
        "us_per_paragraph": (with_extension - without) / paragraphs * 1e6,
    }


def check_seconds(root: Path) -> tuple[float, float]:
    """Wall time of ``companion check``, and the time it reports for validation itself."""
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "reading_companion.cli", "check", "--root", str(root)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    wall = time.perf_counter() - started
    inner = re.search(r"checked in ([\d.]+) s", result.stdout)
    assert inner, result.stdout[-500:]
    return wall, float(inner.group(1))


def page_weight(site: Path, page: str) -> dict:
    """The page's HTML and every stylesheet and script it loads: raw and gzip bytes."""
    html_path = site / page
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    files = [html_path]
    for tag in soup.select("link[rel=stylesheet][href], script[src]"):
        ref = (tag.get("href") or tag.get("src")).split("?")[0]
        if ref.startswith(("http:", "https:", "//")):
            raise AssertionError(f"{page} loads {ref} from another origin")
        files.append((html_path.parent / ref).resolve())
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return {"files": len(files), "raw": raw, "gzip": packed}


def serve_rebuild_seconds(root: Path, edits: int = 3) -> list[float]:
    """Start ``mkdocs serve``, edit one entry, time until the server reloads browsers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_path = root / "serve.log"
    entry = next(p for p in sorted((root / "glossary").glob("*.md")) if not p.name.startswith("_"))
    original = entry.read_text(encoding="utf-8")
    timings = []
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=ENV,
        )
        try:
            wait_for_log(log_path, "Serving on", 0, 300)
            for attempt in range(edits):
                time.sleep(1.0)  # let the watcher settle, so edits do not coalesce
                seen = log_path.read_text().count("Reloading browsers")
                started = time.perf_counter()
                entry.write_text(original + f"\nEdited {attempt}.\n", encoding="utf-8")
                # Served: the rebuilt site is what the browser reloads.
                wait_for_log(log_path, "Reloading browsers", seen, 120)
                timings.append(time.perf_counter() - started)
        finally:
            entry.write_text(original, encoding="utf-8")
            server.terminate()
            server.wait(timeout=30)
    return timings


def wait_for_log(path: Path, marker: str, seen: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.read_text().count(marker) > seen:
            return
        time.sleep(0.05)
    raise TimeoutError(f"no '{marker}' in {path} after {seconds} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per variant and size")
    parser.add_argument("--sizes", default="100x5,300x20,1000x50", help="entries x articles")
    parser.add_argument("--quick", action="store_true", help="one small size, one run")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path("/dev/shm") if Path("/dev/shm").is_dir() else None,
        help="where the sites are written (default: memory-backed /dev/shm when there is one, "
        "so that disk write-back, noisier than the difference measured, stays out)",
    )
    args = parser.parse_args()
    sizes = [tuple(map(int, s.split("x"))) for s in args.sizes.split(",")]
    if args.quick:
        sizes, args.runs = [(100, 5)], 1
    work = Path(tempfile.mkdtemp(prefix="companion-bench-", dir=args.workdir))
    results: dict = {"synthetic": [], "python": sys.version.split()[0], "cpus": os.cpu_count()}
    try:
        for entries, articles in sizes:
            plugin = write_corpus(work / f"plugin-{entries}", entries, articles, plugin=True)
            plain = write_corpus(work / f"plain-{entries}", entries, articles, plugin=False)
            row = compare(plugin, plain, args.runs)
            row.update(entries=entries, articles=articles, paragraphs=articles * 23)
            row["annotation"] = annotation_cost(plugin)
            results["synthetic"].append(row)
            print(
                f"{entries:>5} entries, {articles:>2} articles: plugin {row['plugin']:.2f} s, "
                f"plain {row['plain']:.2f} s, ratio {row['ratio']:.3f} "
                f"(first build {row['cold_ratio']:.3f})",
                flush=True,
            )
        largest = work / f"plugin-{sizes[-1][0]}"
        results["check"] = check_seconds(largest)
        # Five times the entries over the same articles: the per-paragraph cost should not move.
        entries, articles = sizes[-1]
        crowded = write_corpus(work / "crowded", entries * 5, articles, plugin=True)
        results["crowded"] = annotation_cost(crowded)

        real = work / "real"
        ignore = shutil.ignore_patterns(".venv", "site", ".git", ".cache", "bench")
        shutil.copytree(REPO, real, ignore=ignore)
        build_seconds(real)  # the plain copy keeps what the plugin drew from data
        plain_real = plain_copy_of_repo(work / "real-plain", real / "site")
        # Half a second a build, so more of them: a steadier median where the budget is tight.
        results["real"] = compare(real, plain_real, max(args.runs, 7))
        real_row = results["real"]
        print(
            f"real site: ratio {real_row['ratio']:.3f} (first build {real_row['cold_ratio']:.3f})",
            flush=True,
        )
        article = "articles/putin-in-baku/index.html"
        results["page"] = {
            "plugin": page_weight(real / "site", article),
            "plain": page_weight(plain_real / "site", article),
        }
        results["index"] = {
            "plugin": (real / "site/search/search_index.json").stat().st_size,
            "plain": (plain_real / "site/search/search_index.json").stat().st_size,
        }
        results["serve"] = serve_rebuild_seconds(real)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


def report(r: dict) -> str:
    """The results as a Markdown section, each budget marked met or missed."""

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def seconds(row: dict, name: str) -> str:
        low, high = row[f"{name}_spread"]
        return f"{row[name]:.2f} ({low:.2f}–{high:.2f})"

    lines = [
        f"Python {r['python']}, {r['cpus']} CPUs; median of {r['synthetic'][0]['runs']} builds "
        f"each, {r['real']['runs']} for the real site "
        "(fastest–slowest in brackets), in turn, each in a fresh process. *Rebuild*: the plugin "
        "finds the work cache of the build before; *first build*: it starts with none, as on "
        "a fresh clone or in CI.",
        "",
        "| entries | articles | paragraphs | plain (s) | rebuild (s) | ratio | first build (s) "
        "| ratio | budget |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    rows = [(str(row["entries"]), str(row["articles"]), row) for row in r["synthetic"]]
    rows.append(("real site", "1", {**r["real"], "paragraphs": 23}))
    for entries, articles, row in rows:
        limit = BUDGET_RATIO_REAL if entries == "real site" else BUDGET_RATIO_SYNTHETIC
        within = max(row["ratio"], row["cold_ratio"]) <= limit
        budget = f"both ≤ {limit:.2f}: {mark(within)}"
        if entries != "real site" and row["entries"] < 1000:
            budget = ""  # the budget is set at 1,000 entries
        lines.append(
            f"| {entries} | {articles} | {row['paragraphs']} | {seconds(row, 'plain')} | "
            f"{seconds(row, 'plugin')} | {row['ratio']:.3f} | {seconds(row, 'cold')} | "
            f"{row['cold_ratio']:.3f} | {budget} |"
        )
    costs = [row["annotation"] for row in r["synthetic"]] + [r["crowded"]]
    per_paragraph = ", ".join(
        f"{c['us_per_paragraph']:.0f} µs with {c['entries']} entries ({c['paragraphs']} paragraphs)"
        for c in costs
    )
    wall, inner = r["check"]
    page, index = r["page"], r["index"]
    added = (page["plugin"]["gzip"] - page["plain"]["gzip"]) / 1024
    index_ratio = index["plugin"] / index["plain"]
    serve = r["serve"]
    lines += [
        "",
        f"- The engine alone, per article paragraph (typography, matching, links, notes): "
        f"{per_paragraph}.",
        f"- `companion check` on {r['synthetic'][-1]['entries']} entries: {inner:.2f} s of "
        f"validation, {wall:.2f} s with Python's start-up (budget < {BUDGET_CHECK_SECONDS:.0f} s: "
        f"{mark(inner < BUDGET_CHECK_SECONDS)}).",
        f"- Article page (HTML + stylesheets + scripts, {page['plugin']['files']} files): "
        f"{page['plugin']['raw'] / 1024:.1f} KB raw, {page['plugin']['gzip'] / 1024:.1f} KB gzip; "
        f"the same page without the plugin: {page['plain']['raw'] / 1024:.1f} KB raw, "
        f"{page['plain']['gzip'] / 1024:.1f} KB gzip. Added: {added:.1f} KB gzip "
        f"(budget ≤ {BUDGET_PAGE_KB:.0f} KB: {mark(added <= BUDGET_PAGE_KB)}). No web fonts.",
        f"- Search index: {index['plugin'] / 1024:.1f} KB with the plugin, "
        f"{index['plain'] / 1024:.1f} KB without: {index_ratio:.2f}× "
        f"(budget < {BUDGET_INDEX_RATIO}×: {mark(index_ratio < BUDGET_INDEX_RATIO)}).",
        f"- `mkdocs serve` rebuild after editing one entry: "
        f"{', '.join(f'{s:.2f}' for s in serve)} s (median {statistics.median(serve):.2f} s).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
