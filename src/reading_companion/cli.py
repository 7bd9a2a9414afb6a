"""``companion check``: validate all content without building the site.

Prints each error as ``path:line: field: what is wrong (how to fix)``, then one line
that sums up what was checked and the warnings (``--warnings`` lists them, and so does
``--strict``); exits 1 when there is an error (or a warning, with ``--strict``), else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sized
from pathlib import Path

from .content import load_content
from .maps import map_warnings, read_base
from .problems import ContentError, Problem
from .schema import EVENTS_SCHEMA_PATH, SCHEMA_PATH, entry_schema_text, events_schema_text
from .site_config import folders_of, map_data_of
from .usage import usage_warnings


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="companion", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate entries, explainers and articles")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    check.add_argument(
        "--glossary",
        help="entry folder, relative to root (default: as mkdocs.yml says, or glossary)",
    )
    check.add_argument(
        "--docs", help="docs folder under root (default: as mkdocs.yml says, or docs)"
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings (and list them)")
    check.add_argument("--warnings", action="store_true", help="list every warning")
    schema = commands.add_parser(
        "schema", help="write the JSON Schemas of an entry's front matter and of the events file"
    )
    schema.add_argument(
        "--out",
        type=Path,
        default=Path(SCHEMA_PATH),
        help="where to write the entry's (the events' goes beside it, events.schema.json)",
    )
    zensical = commands.add_parser(
        "zensical", help="build or serve the site with Zensical (README: Zensical)"
    )
    zensical.add_argument("action", choices=["build", "serve"])
    zensical.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args, rest = parser.parse_known_args(argv)
    if args.command == "zensical":
        from . import zensical_site  # here: Jinja and the rest, which check never needs

        return zensical_site.run(args.action, args.root, rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "schema":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        events_out = args.out.parent / Path(EVENTS_SCHEMA_PATH).name
        for path, text in ((args.out, entry_schema_text()), (events_out, events_schema_text())):
            path.write_text(text, encoding="utf-8")
            print(f"Wrote {path}")
        return 0
    glossary, docs = folders_of(args.root)
    return run_check(
        args.root,
        args.glossary or glossary,
        args.docs or docs,
        strict=args.strict,
        list_warnings=args.warnings,
    )


def run_check(
    root: Path, glossary: str, docs: str, *, strict: bool = False, list_warnings: bool = False
) -> int:
    """Validate the content under ``root`` and print what is wrong."""
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
        content.warnings += _map_warnings(root, content.entries)
    except ContentError as error:
        errors = [p for p in error.problems if not p.warning]
        warnings = [p for p in error.problems if p.warning]
        _print(errors + (warnings if list_warnings or strict else []))
        fix = "fix it" if len(errors) == 1 else "fix them"
        print(
            f"{count(errors, 'error')}{_and_warnings(warnings, strict or list_warnings)}: "
            f"{fix} and run the check again."
        )
        return 1
    warnings = content.warnings
    if list_warnings or strict:
        _print(warnings)
    checked = (
        f"Checked {count(content.entries, 'entry', 'entries')}, "
        f"{count(content.explainers, 'explainer')} and {count(content.articles, 'article')}"
    )
    if not warnings:
        print(f"{checked}: no problems.")
        return 0
    print(f"{checked}: no errors{_and_warnings(warnings, strict or list_warnings)}.")
    return 1 if strict else 0


def _map_warnings(root: Path, entries: dict) -> list[Problem]:
    """What the map cannot draw as the entries ask (a region without an outline)."""
    map_data = map_data_of(root)
    try:
        base = read_base(root / map_data)
    except ValueError as error:
        raise ContentError([Problem(map_data, None, "", str(error))]) from None
    return map_warnings(base, entries, map_data)


def count(items: Sized, singular: str, plural: str = "") -> str:
    """``1 error``, ``2 errors``, ``0 entries``."""
    return f"{len(items)} {singular if len(items) == 1 else plural or singular + 's'}"


def _and_warnings(warnings: list[Problem], listed: bool) -> str:
    if not warnings:
        return ""
    return f", {count(warnings, 'warning')}" + ("" if listed else " (--warnings lists them)")


def _print(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=Problem.sort_key):
        label = "warning: " if problem.warning else ""
        print(f"{label}{problem}")


if __name__ == "__main__":
    sys.exit(main())
