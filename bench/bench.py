"""Benchmark: what the companion plugin costs, measured against plain MkDocs.

Usage:  .venv/bin/python bench/bench.py [--runs 3] [--sizes 100x5,300x20,1000x50] [--quick]
                                        [--workdir DIR | --ram] [--skip-engine] [--keep]

For each size it writes a synthetic site twice (bench/corpus.py): with the plugin, and as the
same pages written by hand for plain MkDocs. Both hold the real content (entries, explainers,
the article) scaled up with made-up entries and copies of the article, so the pages are as
dense as the real site's; the report prints the notes per paragraph of both to show it.

Each run of a variant is a fresh process that builds the site twice (bench/build_once.py): a
*first build*, with nothing kept from before (as on a fresh clone or in CI), then a *rebuild*
with the same plugin instances, as ``mkdocs serve`` rebuilds after an edit. First builds and
rebuilds are reported apart, as medians with the fastest and slowest run, and each compared
with plain MkDocs. The real site (a copy of the checkout and its plain twin) is measured the
same way. It also times ``companion check`` on the largest corpus, the engine alone per
paragraph (through the standalone Markdown extension), weighs the article page, compares
search indexes, times the rebuild ``mkdocs serve`` runs after an entry edit (in-process, and
end to end under a running server), and checks each budget. Sites go under the git-ignored
``.bench/`` of the checkout unless told otherwise.
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
from collections.abc import Callable
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, copy_repo, plain_copy_of_repo, split_front_matter, write_corpus
from report import report

from reading_companion.content import load_content
from reading_companion.extension import CompanionExtension

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXTENSION = "reading_companion.extension"
ARTICLE_PAGE = "articles/putin-in-baku/index.html"
RESULTS = Path(__file__).resolve().parent / "results.json"


def build_times(
    root: Path, builds: int = 2, edit: Path | None = None, keep_templates: bool = False
) -> list[float]:
    """Seconds of each build of one fresh process: the first build, then the rebuilds
    (each after an edit of ``edit``, when given; with ``keep_templates``, the compiled
    templates kept between builds, as the companion keeps them under serve)."""
    command = [PYTHON, str(Path(__file__).parent / "build_once.py"), str(root)]
    command += ["--builds", str(builds), *(["--edit", str(edit)] if edit else [])]
    command += ["--keep-templates"] if keep_templates else []
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"building {root} failed:\n{result.stderr[-3000:]}")
    return [float(line) for line in result.stdout.split()[-builds:]]


def top_level(root: Path) -> frozenset[str]:
    return frozenset(path.name for path in root.iterdir())


def reset(root: Path, pristine: frozenset[str]) -> None:
    """Remove whatever a build left at the top of ``root`` beside what was written there
    (a work folder of any name), so every process starts a true first build."""
    for name in top_level(root) - pristine - {"site"}:
        path = root / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()


def spread(times: list[float]) -> dict:
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "all": times}


def compare(with_plugin: Path, plain: Path, runs: int) -> dict:
    """Build the site with the plugin and plain in turn, ``runs`` processes each, every
    process a first build then a rebuild; medians, spreads, and the median of the ratios
    plugin/plain of each pair of runs."""
    variants = {"plugin": with_plugin, "plain": plain}
    pristine = {name: top_level(root) for name, root in variants.items()}
    for name, root in variants.items():  # warm the disk and the interpreter's files, unmeasured
        reset(root, pristine[name])
        build_times(root)
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, root in variants.items():
            reset(root, pristine[name])
            first, rebuild = build_times(root)
            times.setdefault(f"{name}_first", []).append(first)
            times.setdefault(f"{name}_rebuild", []).append(rebuild)
    row: dict = {"runs": runs, **{key: spread(values) for key, values in times.items()}}
    for kind in ("first", "rebuild"):
        # Each plugin run against the plain run right after it: a ratio per pair follows the
        # machine's speed as it drifts during the run, which a ratio of two medians does not.
        pairs = zip(times[f"plugin_{kind}"], times[f"plain_{kind}"], strict=True)
        row[f"{kind}_ratio"] = statistics.median(plugin / plain for plugin, plain in pairs)
    return row


def notes_density(site: Path) -> dict:
    """Notes (``.cmp-note``) per paragraph (``.cmp-unit``) over the built article pages."""
    paragraphs = notes = 0
    per_paragraph: list[int] = []
    for page in sorted((site / "articles").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        counts = [len(unit.select(".cmp-note")) for unit in soup.select(".cmp-unit")]
        paragraphs += len(counts)
        notes += sum(counts)
        per_paragraph += counts
    assert paragraphs, f"no annotated paragraph in {site}/articles"
    return {
        "pages": len(list((site / "articles").glob("*/index.html"))),
        "paragraphs": paragraphs,
        "notes": notes,
        "per_paragraph": notes / paragraphs,
        "most": max(per_paragraph),
    }


def engine_cost(root: Path, pages: int = 10, rounds: int = 3) -> dict:
    """The engine alone: microseconds per article paragraph to set, link and annotate it
    (Markdown with the extension minus Markdown without it), best of ``rounds``, over up to
    ``pages`` article pages. Measured twice: with the content handed to the extension, as
    the plugin does, and standalone, where the extension also checks before each page that
    no content file changed since it loaded them."""
    docs = root / "docs"
    bodies = {
        path.relative_to(docs).as_posix(): split_front_matter(path.read_text(encoding="utf-8"))[1]
        for path in sorted((docs / "articles").glob("*.md"))[:pages]
    }
    paragraphs = sum(len([b for b in body.split("\n\n") if b.strip()]) for body in bodies.values())
    content = load_content(root / "glossary", docs)

    def hosted(page: str) -> markdown.Markdown:
        extension = CompanionExtension(content=content)
        extension.current_page = page
        return markdown.Markdown(extensions=[extension])

    def best(converters: list[tuple[markdown.Markdown, str]]) -> float:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            for md, body in converters:
                md.reset().convert(body)
            times.append(time.perf_counter() - started)
        return min(times)

    without = best([(markdown.Markdown(), body) for body in bodies.values()])

    def per_paragraph(make: Callable[[str], markdown.Markdown]) -> float:
        with_extension = best([(make(page), body) for page, body in bodies.items()])
        return (with_extension - without) / paragraphs * 1e6

    return {
        "entries": len(content.entries),
        "paragraphs": paragraphs,
        "us_per_paragraph": per_paragraph(hosted),
        "standalone_us_per_paragraph": per_paragraph(lambda page: engine_markdown(root, page)),
    }


def engine_markdown(root: Path, page: str) -> markdown.Markdown:
    """Python-Markdown with the companion's standalone extension, set to render ``page``."""
    options = {"glossary_dir": str(root / "glossary"), "docs_dir": str(root / "docs"), "page": page}
    return markdown.Markdown(extensions=[EXTENSION], extension_configs={EXTENSION: options})


# ``companion check``, timing validation apart from starting Python and importing.
CHECK = (
    "import sys, time; from reading_companion.cli import main; started = time.perf_counter(); "
    "code = main(sys.argv[1:]); "
    "print(f'validation {time.perf_counter() - started:.3f}', file=sys.stderr); sys.exit(code)"
)


def check_seconds(root: Path) -> tuple[float, float]:
    """Wall time of ``companion check``, and the part of it spent validating."""
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-c", CHECK, "check", "--root", str(root)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    wall = time.perf_counter() - started
    inner = re.search(r"validation ([\d.]+)", result.stderr)
    if inner is None or result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-2000:])
    return wall, float(inner.group(1))


def page_weight(site: Path, page: str) -> dict:
    """The page's HTML and every stylesheet and script it loads, Material's search worker
    included (it starts with the page): raw and gzip bytes."""
    html_path = site / page
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    files = [html_path]
    config = soup.select_one("script#__config")
    worker = json.loads(config.string).get("search") if config else None
    refs = [
        tag.get("href") or tag.get("src")
        for tag in soup.select("link[rel=stylesheet][href], script[src]")
    ]
    for ref in [*refs, *([worker] if worker else [])]:
        ref = ref.split("?")[0]
        if ref.startswith(("http:", "https:", "//")):
            raise AssertionError(f"{page} loads {ref} from another origin")
        files.append((html_path.parent / ref).resolve())
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return {"files": len(files), "raw": raw, "gzip": packed}


def first_entry(root: Path) -> Path:
    return next(p for p in sorted((root / "glossary").glob("*.md")) if not p.name.startswith("_"))


def edit_rebuild_seconds(root: Path, edits: int = 3) -> list[float]:
    """The rebuild ``mkdocs serve`` runs after one entry is edited, as serve runs it (same
    plugin instances, config loaded again), timed in-process: ``edits`` edits in a row."""
    return build_times(root, builds=1 + edits, edit=first_entry(root))[1:]


def serve_rebuild_seconds(root: Path, edits: int = 3) -> list[float]:
    """Start ``mkdocs serve``, edit one entry, time until the server reloads browsers: the
    rebuild plus the file watcher's latency (it polls every half second)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_path = root / "serve.log"
    entry = first_entry(root)
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


def measure_synthetic(work: Path, entries: int, articles: int, runs: int, engine: bool) -> dict:
    """One size: both twins built in turn, the notes' density, the engine alone."""
    plugin = write_corpus(work / f"plugin-{entries}", entries, articles, plugin=True)
    plain = write_corpus(work / f"plain-{entries}", entries, articles, plugin=False)
    row = compare(plugin, plain, runs)
    row.update(entries=entries, articles=articles, density=notes_density(plugin / "site"))
    row["paragraphs"] = row["density"]["paragraphs"]
    if engine:
        row["engine"] = engine_cost(plugin)
    return row


def measure_real(work: Path, runs: int) -> dict:
    """The real site and its plain twin: builds, density, page weight, search index, serve."""
    real = copy_repo(work / "real")
    build_times(real, builds=1)  # the plain copy keeps what the plugin drew from data
    plain = plain_copy_of_repo(work / "real-plain", real / "site")
    row = compare(real, plain, runs)
    row["density"] = notes_density(real / "site")
    row["paragraphs"] = row["density"]["paragraphs"]
    row["page"] = {
        "plugin": page_weight(real / "site", ARTICLE_PAGE),
        "plain": page_weight(plain / "site", ARTICLE_PAGE),
    }
    index = "search/search_index.json"
    row["index"] = {
        "plugin": (real / "site" / index).stat().st_size,
        "plain": (plain / "site" / index).stat().st_size,
    }
    row["edit_rebuild"] = edit_rebuild_seconds(real)
    row["serve"] = serve_rebuild_seconds(real)
    return row


def workdir(args: argparse.Namespace) -> Path:
    """Where sites are written: ``--workdir``, else /dev/shm with ``--ram`` (when there is
    one), else ``.bench/`` in the checkout, an ordinary disk as contributors build on."""
    if args.workdir:
        base = args.workdir
    elif args.ram and Path("/dev/shm").is_dir():
        base = Path("/dev/shm")
    else:
        if args.ram:
            print("No /dev/shm here: writing to .bench/ instead.", file=sys.stderr)
        base = REPO / ".bench"
    base.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="companion-bench-", dir=base))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per variant and size")
    parser.add_argument("--real-runs", type=int, default=7, help="processes per variant, real site")
    parser.add_argument("--sizes", default="100x5,300x20,1000x50", help="entries x articles")
    parser.add_argument("--quick", action="store_true", help="one small size, one run each")
    parser.add_argument("--json", type=Path, help=f"write the results here (full run: {RESULTS})")
    parser.add_argument("--workdir", type=Path, help="where the sites are written")
    parser.add_argument("--ram", action="store_true", help="write the sites to /dev/shm")
    parser.add_argument("--skip-engine", action="store_true", help="do not time the engine alone")
    parser.add_argument("--keep", action="store_true", help="keep the sites written")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs, args.real_runs = "100x5", 1, 1
    elif args.json is None:
        args.json = RESULTS
    return args


def main() -> None:
    args = parse_args()
    sizes = [tuple(map(int, size.split("x"))) for size in args.sizes.split(",")]
    engine = not args.skip_engine
    work = workdir(args)
    results: dict = {"synthetic": [], "python": sys.version.split()[0], "cpus": os.cpu_count()}
    try:
        for entries, articles in sizes:
            row = measure_synthetic(work, entries, articles, args.runs, engine)
            results["synthetic"].append(row)
            print(progress(f"{entries} entries, {articles} articles", row), flush=True)
        largest = work / f"plugin-{sizes[-1][0]}"
        results["check"] = {"entries": sizes[-1][0], "seconds": check_seconds(largest)}
        if engine:  # five times the entries over the same articles: the cost should not move
            entries, articles = sizes[-1]
            crowded = write_corpus(work / "crowded", entries * 5, articles, plugin=True)
            results["crowded"] = engine_cost(crowded)
        results["real"] = measure_real(work, args.real_runs)
        print(progress("real site", results["real"]), flush=True)
    finally:
        if args.keep:
            print(f"Sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def progress(label: str, row: dict) -> str:
    return (
        f"{label}: first build {row['plugin_first']['median']:.2f} s, ratio "
        f"{row['first_ratio']:.3f}; rebuild {row['plugin_rebuild']['median']:.2f} s, ratio "
        f"{row['rebuild_ratio']:.3f}; {row['density']['per_paragraph']:.2f} notes/¶"
    )


if __name__ == "__main__":
    main()
