"""The least two budgeted pieces of work can cost on this machine: what the libraries need
on their own, with none of the companion's work.

- ``companion check`` on 1,000 entries and 50 articles (budget < 0.5 s): libyaml reading every
  entry's front matter, pydantic validating it and Python-Markdown reading every page of
  ``docs/``. The check does all three, then its own rules.
- A ``mkdocs serve`` rebuild after one entry edit on the real site (budget < 0.6 s): the
  site's plain twin (the same pages as ordinary Markdown pages, no plugin), rebuilt with its
  compiled templates kept in memory as the companion keeps them under serve. The real site's
  own rebuild is timed beside it.

Usage: python bench/floors.py [--runs N] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import markdown
import yaml
from corpus import REPO, copy_repo, plain_copy_of_repo, write_corpus

from bench import build_times, edit_rebuild_seconds
from reading_companion.models import EntryMeta


def split_raw(text: str) -> tuple[str, str]:
    """A file's front matter as written, and its body."""
    if not text.startswith("---\n"):
        return "", text
    end = text.index("\n---", 4)
    return text[4:end], text[end + 4 :]


def check_floor(root: Path, runs: int) -> dict[str, float]:
    """Median seconds of each library's part of reading the corpus under ``root``."""
    entries = [p for p in sorted((root / "glossary").glob("*.md")) if not p.name.startswith("_")]
    front = [split_raw(p.read_text(encoding="utf-8"))[0] for p in entries]
    bodies = [split_raw(p.read_text(encoding="utf-8"))[1] for p in (root / "docs").rglob("*.md")]
    parts: dict[str, list[float]] = {"libyaml": [], "pydantic": [], "Python-Markdown": []}
    for _ in range(runs):
        started = time.perf_counter()
        data = [yaml.load(text, Loader=yaml.CSafeLoader) for text in front]
        parsed = time.perf_counter()
        for fields in data:
            EntryMeta.model_validate(fields)
        validated = time.perf_counter()
        for body in bodies:
            markdown.markdown(body)
        read = time.perf_counter()
        parts["libyaml"].append(parsed - started)
        parts["pydantic"].append(validated - parsed)
        parts["Python-Markdown"].append(read - validated)
    return {name: statistics.median(times) for name, times in parts.items()}


def plain_rebuild_seconds(plain: Path, edits: int) -> list[float]:
    """Rebuilds of the plain twin after an entry edit, its compiled templates kept."""
    entry = next(p for p in sorted((plain / "docs/glossary").glob("*.md")) if p.stem != "index")
    return build_times(plain, builds=1 + edits, edit=entry, keep_templates=True)[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement")
    parser.add_argument("--keep", action="store_true", help="keep the sites written")
    args = parser.parse_args()
    (REPO / ".bench").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="companion-floors-", dir=REPO / ".bench"))
    try:
        corpus = write_corpus(work / "plugin-1000", 1000, 50, plugin=True)
        floor = check_floor(corpus, args.runs)
        said = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in floor.items())
        print(f"companion check, 1,000 entries: the libraries alone {sum(floor.values()):.2f} s")
        print(f"  ({said}; budget < 0.5 s for the whole check)")
        real = copy_repo(work / "real")
        build_times(real, builds=1)  # the plain copy keeps what the plugin drew from data
        plain = plain_copy_of_repo(work / "real-plain", real / "site")
        floor_times = [t for _ in range(args.runs) for t in plain_rebuild_seconds(plain, 1)]
        site_times = [t for _ in range(args.runs) for t in edit_rebuild_seconds(real, 1)]
        print(
            "mkdocs serve rebuild after an entry edit, real site: "
            f"{statistics.median(site_times):.2f} s with the companion; "
            f"{statistics.median(floor_times):.2f} s for the plain twin with its templates kept "
            f"(medians of {args.runs}; budget < 0.6 s)"
        )
    finally:
        if args.keep:
            print(f"Sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
