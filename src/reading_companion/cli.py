"""``companion check``: validate all content without building the site.

Prints each problem as ``path:line: field: what is wrong (how to fix)``;
exits 1 when there is an error (or a warning, with ``--strict``), else 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .content import load_content
from .problems import ContentError, Problem
from .schema import SCHEMA_PATH, entry_schema_text
from .usage import usage_warnings


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="companion", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate entries, explainers and articles")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    check.add_argument("--glossary", default="glossary", help="entry folder, relative to root")
    check.add_argument("--docs", default="docs", help="docs folder, relative to root")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    schema = commands.add_parser("schema", help="write the JSON Schema of an entry's front matter")
    schema.add_argument("--out", type=Path, default=Path(SCHEMA_PATH), help="where to write it")
    args = parser.parse_args(argv)
    if args.command == "schema":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(entry_schema_text(), encoding="utf-8")
        print(f"Wrote {args.out}")
        return 0
    return run_check(args.root, args.glossary, args.docs, strict=args.strict)


def run_check(root: Path, glossary: str, docs: str, *, strict: bool = False) -> int:
    """Validate the content under ``root`` and print what is wrong."""
    started = time.perf_counter()
    for folder in (glossary, docs):
        if not (root / folder).is_dir():
            print(
                f"{folder}: no such folder under {root} "
                "(name the folders with --glossary and --docs if they are elsewhere)",
                file=sys.stderr,
            )
            return 1
    try:
        content = load_content(root / glossary, root / docs, root)
        content.warnings += usage_warnings(content)
    except ContentError as error:
        _print(error.problems)
        errors = sum(not p.warning for p in error.problems)
        them = "them" if errors != 1 else "it"
        print(f"{errors} error{'s' if errors != 1 else ''}: fix {them} and run the check again.")
        return 1
    _print(content.warnings)
    elapsed = time.perf_counter() - started
    print(
        f"OK: {len(content.entries)} entries, {len(content.explainers)} explainers, "
        f"{len(content.articles)} articles checked in {elapsed:.2f} s"
        f" ({len(content.warnings)} warnings)."
    )
    return 1 if strict and content.warnings else 0


def _print(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=Problem.sort_key):
        label = "warning: " if problem.warning else ""
        print(f"{label}{problem}")


if __name__ == "__main__":
    sys.exit(main())
