"""Load glossary entries (``glossary/<id>.md``) and check them against each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import Document, FromFile, KeyPath, Loader, dotted, read_document
from .matcher import name_key
from .models import EntryMeta
from .names import skeleton
from .problems import Problem, display_path
from .validation import validate
from .vcs import added_files

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

    def field_of(self, name: str) -> str:
        """The front-matter field that holds one of :attr:`names`."""
        return "term" if name == self.meta.term else "aliases"


def is_content_file(path: Path) -> bool:
    """Entry files; the template (``_template.md``) and READMEs are not entries."""
    return path.suffix == ".md" and not path.name.startswith("_") and path.name != "README.md"


def load_entry(
    path: Path, shown: str, src_uri: str, placeholders: Placeholders | None = None
) -> tuple[Entry | None, list[Problem]]:
    """One entry file, validated on its own; ``shown`` is its path in messages and
    ``src_uri`` its path inside the glossary folder. Values of the template's
    ``placeholders`` left in it are errors."""
    document, problems = read_document(path, shown)
    if document is None:
        return None, problems
    if placeholders is not None:
        problems += placeholders.left_in(document)
    meta, found = validate(EntryMeta, document, document.meta)
    problems += found + check_body(document)
    if meta is None:
        return None, problems
    problems += source_warnings(document, meta.sources)
    problems += date_problems(document, meta.updated, meta.sources)
    if path.stem in meta.related:
        problems.append(
            Problem(
                shown,
                document.line_of(("related",)),
                "related",
                "lists this entry itself",
                "remove it: related entries are other entries",
            )
        )
    return Entry(path.stem, meta, document.body, shown, str(path)), problems


TEMPLATE_FILE = "_template.md"


def _words(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


@dataclass(frozen=True)
class Placeholders:
    """The example values of the glossary's template (``_template.md``): an entry copied
    from it must replace each one, or a reader would see the example."""

    values: dict[str, frozenset[str]]

    @classmethod
    def of_folder(cls, directory: Path) -> Placeholders | None:
        """The template's values, or ``None`` when the folder has no readable template."""
        path = directory / TEMPLATE_FILE
        document = read_document(path, TEMPLATE_FILE)[0] if path.is_file() else None
        if document is None:
            return None
        meta = document.meta
        sources = [s for s in meta.get("sources") or [] if isinstance(s, dict)]
        fields = {
            "term": [meta.get("term")],
            "summary": [meta.get("summary")],
            "title": [s.get("title") for s in sources],
            "publisher": [s.get("publisher") for s in sources],
            "body": [document.body],
        }
        return cls({k: frozenset(filter(None, map(_words, v))) for k, v in fields.items()})

    def left_in(self, document: Document) -> list[Problem]:
        """Each template value still in ``document``, at its line."""
        meta, found = document.meta, []
        for key in ("term", "summary"):
            if _words(meta.get(key)) in self.values[key]:
                found.append(_placeholder(document, (key,)))
        for index, source in enumerate(meta.get("sources") or []):
            for key in ("title", "publisher"):
                if isinstance(source, dict) and _words(source.get(key)) in self.values[key]:
                    found.append(_placeholder(document, ("sources", index, key)))
        if _words(document.body) in self.values["body"]:
            found.append(
                Problem(
                    document.path,
                    document.body_line,
                    "body",
                    "is still the template's example text",
                    "write the entry in your own words",
                )
            )
        return found


def _placeholder(document: Document, key: tuple[str | int, ...]) -> Problem:
    return Problem(
        document.path,
        document.line_of(key),
        dotted(key),
        "is still the template's example",
        f"replace it with this entry's own {key[-1]}",
    )


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
    """A body outside its word range is a warning (what no body may hold is found when the
    file is read: see :func:`.frontmatter.body_problems`)."""
    problems = []
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


def date_problems(document: Document, updated: dt.date, sources: list) -> list[Problem]:
    """Dates that cannot be: anything after today, and a source published after the day
    the text was last checked against its sources."""
    dated = [(("updated",), updated)]
    dated += [(("sources", i, "date"), s.published) for i, s in enumerate(sources) if s.published]
    problems = future_dates(document, dated)
    problems += [
        Problem(
            document.path,
            document.line_of(key),
            dotted(key),
            f"the source is dated {day.isoformat()}, after the text was last checked "
            f"({updated.isoformat()})",
            "check the text against this source, then set 'updated' to that day",
        )
        for key, day in dated[1:]
        if updated < day <= dt.date.today()
    ]
    return problems


def future_dates(document: Document, dated: list[tuple[KeyPath, dt.date]]) -> list[Problem]:
    """Each of the ``dated`` keys whose day is after today."""
    today = dt.date.today()
    return [
        Problem(
            document.path,
            document.line_of(key),
            dotted(key),
            f"{day.isoformat()} is in the future",
            "check the date: only what has happened can be dated",
        )
        for key, day in dated
        if day > today
    ]


def source_warnings(document: Document, sources: list, at: KeyPath = ()) -> list[Problem]:
    """A warning for each source that does not say its date (``at``: where the list stands,
    when not at the top of the front matter)."""
    return [
        Problem(
            document.path,
            document.line_of((*at, "sources", index)),
            dotted((*at, "sources", index, "date")),
            "source has no date",
            "add 'date: YYYY-MM-DD', or 'date: undated' when the page gives none",
            warning=True,
        )
        for index, source in enumerate(sources)
        if source.date is None
    ]


def check_unique_names(entries: dict[str, Entry]) -> list[Problem]:
    """No two entries may share a term or alias, as a reader sees names: letter case,
    hyphens and spacing apart, and letters of other scripts that look the same (a Cyrillic
    "А" for a Latin "A"). The message stands at the entry git says is new, when it can
    tell, and names the other."""
    owners: dict[tuple[str, ...], tuple[Entry, str]] = {}
    clashes: list[tuple[Entry, Entry, str, str]] = []
    for entry in entries.values():
        seen_here: set[tuple[str, ...]] = set()
        for name in entry.names:
            key = skeleton(name)
            if key in seen_here:
                continue
            seen_here.add(key)
            other, its_name = owners.setdefault(key, (entry, name))
            if other is not entry:
                clashes.append((entry, other, name, its_name))
    if not clashes:
        return []
    folders = {Path(e.file).parent for pair in clashes for e in pair[:2] if e.file}
    added = set().union(*(added_files(folder) for folder in folders))

    def is_new(entry: Entry) -> bool:
        return bool(entry.file) and Path(entry.file).resolve() in added

    problems = []
    for entry, other, name, its_name in clashes:
        if is_new(other) and not is_new(entry):
            entry, other, name, its_name = other, entry, its_name, name
        field_name = entry.field_of(name)
        same = name_key(name) == name_key(its_name)
        problems.append(
            Problem(
                entry.path,
                entry.line_of(field_name),
                field_name,
                f"{name!r} is already a term or alias of {other.path}"
                if same
                else f"{name!r} looks the same as {its_name!r}, a term or alias of {other.path}",
                "remove it from one of the two entries"
                if same
                else "write the name in the letters its own language uses, or remove it",
            )
        )
    return problems
