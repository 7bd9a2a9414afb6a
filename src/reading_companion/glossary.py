"""Load glossary entries (``glossary/<id>.md``) and check them against each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import Document, FromFile, Loader, read_document
from .matcher import name_key
from .models import EntryMeta, find_html, unsafe_markup_problem
from .problems import Problem, display_path
from .validation import validate

BODY_WORDS = (80, 300)


@dataclass(frozen=True)
class Entry(FromFile):
    """A validated glossary entry."""

    id: str
    meta: EntryMeta
    body: str
    path: str  # as shown in messages and used for "edit this page"
    file: str = field(default="", compare=False, repr=False)  # where it was read from

    @property
    def names(self) -> list[str]:
        """The term and its aliases: every form the matcher looks for."""
        return [self.meta.term, *self.meta.aliases]


def is_content_file(path: Path) -> bool:
    """Entry files; the template (``_template.md``) and READMEs are not entries."""
    return path.suffix == ".md" and not path.name.startswith("_") and path.name != "README.md"


def load_entry(path: Path, shown: str, src_uri: str) -> tuple[Entry | None, list[Problem]]:
    """One entry file, validated on its own; ``shown`` is its path in messages and
    ``src_uri`` its path inside the glossary folder."""
    document, problems = read_document(path, shown)
    if document is None:
        return None, problems
    meta, found = validate(EntryMeta, document, document.meta)
    problems += found + check_body(document)
    if meta is None:
        return None, problems
    problems += _source_warnings(document, meta.sources)
    return Entry(path.stem, meta, document.body, shown, str(path)), problems


GENERAL_FILE = "_general.yml"


def load_general(directory: Path, root: Path | None = None) -> tuple[set[str], list[Problem]]:
    """Ids listed in ``glossary/_general.yml``: entries deliberately not named by any article."""
    path = directory / GENERAL_FILE
    if not path.exists():
        return set(), []
    shown = display_path(path, root)
    fix = "write 'general:' followed by one '- entry-id' line per entry"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        return set(), [
            Problem(shown, mark.line + 1 if mark else None, "", f"cannot read: {error}", fix)
        ]
    ids = data.get("general") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return set(), [Problem(shown, 1, "general", "must be a list of entry ids", fix)]
    return set(ids), []


def check_body(document: Document, words: tuple[int, int] = BODY_WORDS) -> list[Problem]:
    """Raw HTML in the body is an error; a body outside its word range is a warning."""
    problems = []
    found = find_html(document.body)
    if found:
        line = document.body_line + document.body[: found.start()].count("\n")
        message, fix = unsafe_markup_problem(found)
        problems.append(Problem(document.path, line, "body", message, fix))
    count = len(document.body.split())
    if not words[0] <= count <= words[1]:
        problems.append(
            Problem(
                document.path,
                document.body_line,
                "body",
                f"has {count} words",
                f"write {words[0]}–{words[1]} words",
                warning=True,
            )
        )
    return problems


def _source_warnings(document: Document, sources: list) -> list[Problem]:
    return [
        Problem(
            document.path,
            document.line_of(("sources", index)),
            f"sources.{index}.date",
            "source has no date",
            "add 'date: YYYY-MM-DD' if the source is dated",
            warning=True,
        )
        for index, source in enumerate(sources)
        if source.date is None
    ]


def check_unique_names(entries: dict[str, Entry]) -> list[Problem]:
    """No two entries may share a term or alias, as the matcher sees names: letter case,
    hyphens and spacing apart."""
    owners: dict[tuple[str, ...], Entry] = {}
    problems = []
    for entry in entries.values():
        seen_here: set[tuple[str, ...]] = set()
        for name in entry.names:
            key = name_key(name)
            if key in seen_here:
                continue
            seen_here.add(key)
            other = owners.setdefault(key, entry)
            if other is not entry:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line_of("term")
                        if name == entry.meta.term
                        else entry.line_of("aliases"),
                        "term" if name == entry.meta.term else "aliases",
                        f"{name!r} is already a term or alias of {other.path}",
                        "remove it from one of the two entries",
                    )
                )
    return problems
