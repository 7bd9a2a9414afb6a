"""The benchmark's results as a Markdown section, every budget marked met or not met.

Budgets are set where they matter: at 1,000 entries / 50 articles (the largest corpus of a
full run) and on the real site. A run that did not measure a budget's case (``--quick``) says
so instead of marking it.
"""

from __future__ import annotations

import statistics

BUDGET_SIZE = (1000, 50)  # entries, articles
BUDGET_FIRST = {"synthetic": 1.15, "real": 1.05}  # first build, plugin / plain
BUDGET_REBUILD = {"synthetic": 1.10, "real": 1.05}  # rebuild, plugin / plain
BUDGET_CHECK_SECONDS = 0.5  # companion check on 1,000 entries, validation time
BUDGET_SERVE_SECONDS = 0.6  # the rebuild mkdocs serve runs after one entry edit, real site
BUDGET_PAGE_KB = 15.0  # article page added weight, gzip
BUDGET_INDEX_RATIO = 1.5  # search index, plugin / plain
DENSITY_TOLERANCE = 0.20  # synthetic notes per paragraph within ±20 % of the real site's


def mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def seconds(times: dict) -> str:
    return f"{times['median']:.2f} ({times['min']:.2f}–{times['max']:.2f})"


def timing_table(r: dict) -> list[str]:
    """One row per corpus: notes per paragraph, then first builds and rebuilds side by side."""
    lines = [
        "| entries | articles | ¶ | notes/¶ | plain first (s) | plugin first (s) | ratio "
        "| plain rebuild (s) | plugin rebuild (s) | ratio |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = [(str(row["entries"]), str(row["articles"]), row) for row in r["synthetic"]]
    rows.append(("real site", "1", r["real"]))
    for entries, articles, row in rows:
        lines.append(
            f"| {entries} | {articles} | {row['paragraphs']} "
            f"| {row['density']['per_paragraph']:.2f} "
            f"| {seconds(row['plain_first'])} | {seconds(row['plugin_first'])} "
            f"| {row['first_ratio']:.3f} "
            f"| {seconds(row['plain_rebuild'])} | {seconds(row['plugin_rebuild'])} "
            f"| {row['rebuild_ratio']:.3f} |"
        )
    return lines


def budget_row(r: dict) -> dict | None:
    sizes = {(row["entries"], row["articles"]): row for row in r["synthetic"]}
    return sizes.get(BUDGET_SIZE)


def ratio_budgets(r: dict) -> list[str]:
    """First builds and rebuilds against plain, at 1,000 entries / 50 articles and real."""
    lines = []
    size = f"{BUDGET_SIZE[0]:,} entries / {BUDGET_SIZE[1]} articles"
    cases = [(f"at {size}", budget_row(r), "synthetic"), ("on the real site", r["real"], "real")]
    for label, row, kind in cases:
        for name, budgets in (("First build", BUDGET_FIRST), ("Rebuild", BUDGET_REBUILD)):
            limit = budgets[kind]
            if row is None:
                lines.append(f"- {name} {label} ≤ {limit:.2f}× plain: not measured in this run.")
                continue
            ratio = row[f"{name.split()[0].lower()}_ratio"]
            lines.append(
                f"- {name} {label} ≤ {limit:.2f}× plain: {ratio:.3f}×, {mark(ratio <= limit)}."
            )
    return lines


def density_lines(r: dict) -> list[str]:
    """Notes per paragraph of the built article pages, real and synthetic, side by side."""
    real = r["real"]["density"]
    low, high = (real["per_paragraph"] * (1 + s * DENSITY_TOLERANCE) for s in (-1, 1))
    lines = [
        f"- Notes per paragraph (`.cmp-note` per `.cmp-unit`, built article pages): real site "
        f"{real['per_paragraph']:.2f} ({real['notes']} notes, {real['paragraphs']} paragraphs, "
        f"at most {real['most']} on one); synthetic pages must stay within "
        f"±{DENSITY_TOLERANCE:.0%} ({low:.2f}–{high:.2f}):"
    ]
    for row in r["synthetic"]:
        d = row["density"]
        ok = low <= d["per_paragraph"] <= high
        lines.append(
            f"  {row['entries']} entries: {d['per_paragraph']:.2f} ({d['notes']} notes, "
            f"{d['paragraphs']} paragraphs on {d['pages']} pages, at most {d['most']} on one), "
            f"{mark(ok)}."
        )
    return lines


def engine_line(r: dict) -> str:
    if "crowded" not in r:
        return "- The engine alone: not measured (`--skip-engine`)."
    costs = [row["engine"] for row in r["synthetic"]] + [r["crowded"]]
    hosted = ", ".join(
        f"{c['us_per_paragraph']:.0f} µs with {c['entries']} entries ({c['paragraphs']} paragraphs)"
        for c in costs
    )
    standalone = ", ".join(
        f"{c['standalone_us_per_paragraph']:.0f} µs with {c['entries']} entries" for c in costs
    )
    return (
        "- The engine alone, per article paragraph (typography, matching, links, notes), "
        f"given the content as the plugin gives it: {hosted}. Standalone, where the extension "
        "also makes sure before each page that no content file changed since it loaded them "
        f"(a look at every file's size and time), per paragraph: {standalone}."
    )


def check_line(r: dict) -> str:
    wall, inner = r["check"]["seconds"]
    entries = r["check"]["entries"]
    verdict = (
        mark(inner < BUDGET_CHECK_SECONDS)
        if entries == BUDGET_SIZE[0]
        else f"set at {BUDGET_SIZE[0]:,} entries, not measured in this run"
    )
    return (
        f"- `companion check` on {entries} entries: {inner:.2f} s of validation, {wall:.2f} s "
        f"with Python's start-up (budget < {BUDGET_CHECK_SECONDS} s of validation: {verdict})."
    )


def site_lines(real: dict) -> list[str]:
    """Page weight, search index and ``mkdocs serve`` on the real site."""
    page, index, serve, edit = real["page"], real["index"], real["serve"], real["edit_rebuild"]
    added = (page["plugin"]["gzip"] - page["plain"]["gzip"]) / 1024
    index_ratio = index["plugin"] / index["plain"]
    edit_median = statistics.median(edit)
    return [
        f"- Article page (HTML + stylesheets + scripts, {page['plugin']['files']} files): "
        f"{page['plugin']['raw'] / 1024:.1f} KB raw, {page['plugin']['gzip'] / 1024:.1f} KB gzip; "
        f"the same page without the plugin: {page['plain']['raw'] / 1024:.1f} KB raw, "
        f"{page['plain']['gzip'] / 1024:.1f} KB gzip. Added: {added:.1f} KB gzip "
        f"(budget ≤ {BUDGET_PAGE_KB:.0f} KB: {mark(added <= BUDGET_PAGE_KB)}).",
        f"- Search index: {index['plugin'] / 1024:.1f} KB with the plugin, "
        f"{index['plain'] / 1024:.1f} KB without: {index_ratio:.2f}× "
        f"(budget ≤ {BUDGET_INDEX_RATIO}×: {mark(index_ratio <= BUDGET_INDEX_RATIO)}).",
        f"- `mkdocs serve` rebuild after editing one entry, real site (the build, as serve runs "
        f"it, in-process): {', '.join(f'{s:.2f}' for s in edit)} s, median {edit_median:.2f} s "
        f"(budget < {BUDGET_SERVE_SECONDS} s: {mark(edit_median < BUDGET_SERVE_SECONDS)}). "
        f"From the edit to the browsers' reload under a running `mkdocs serve`, which adds the "
        f"file watcher's polling (every 0.5 s): {', '.join(f'{s:.2f}' for s in serve)} s, "
        f"median {statistics.median(serve):.2f} s.",
    ]


def report(r: dict) -> str:
    """The results as a Markdown section: a table, then the budgets, met or not met."""
    runs, real_runs = r["synthetic"][0]["runs"], r["real"]["runs"]
    lines = [
        f"Python {r['python']}, {r['cpus']} CPUs; median of {runs} runs each, {real_runs} for "
        "the real site (fastest–slowest in brackets), plugin and plain in turn. Each run is a "
        "fresh process that builds twice: a *first build*, nothing kept from before (a fresh "
        "clone, CI), then a *rebuild* with the same plugin instances and the config loaded "
        "again, as `mkdocs serve` rebuilds after an edit. A ratio is the median of each "
        "plugin run's time over the plain run after it.",
        "",
        *timing_table(r),
        "",
        *ratio_budgets(r),
        check_line(r),
        *site_lines(r["real"]),
        *density_lines(r),
        engine_line(r),
    ]
    return "\n".join(lines)
