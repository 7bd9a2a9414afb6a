"""Everything the site is built from, loaded and cross-checked in one call.

This is the engine's entry point: the MkDocs plugin and the ``check`` command
both call :func:`load_content`, so they can never disagree.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .articles import Article, load_article
from .events import EVENTS_FILE, Event, load_events
from .explainers import Explainer, load_explainer
from .frontmatter import dotted
from .glossary import (
    GENERAL_FILE,
    Entry,
    Placeholders,
    check_unique_names,
    is_content_file,
    load_entry,
    load_general,
)
from .matcher import TermMatcher
from .models import ID_RE, QuoteNote
from .names import FLOOD_FLOOR, FLOOD_SHARE, is_lower_case
from .problems import ContentError, Problem, display_path

ENTRY_PAGES = "glossary"  # the folder of docs/ where entry pages stand (generated or written)
ENTRY_PAGE = ENTRY_PAGES + "/{id}.md"  # an entry's page inside docs/, {id} its id


def entry_page(entry_id: str) -> str:
    """The path inside ``docs/`` of an entry's page: ``glossary/<id>.md``."""
    return ENTRY_PAGE.format(id=entry_id)


FOLDERS = {"entry": "glossary/", "explainer": "docs/explainers/"}  # unless configured
BACKGROUND = "background"  # the kind a note shows for an explainer


@dataclass(frozen=True)
class NoteTarget:
    """An entry or explainer as a note shows it; ``src_uri`` is its page inside ``docs/``."""

    id: str
    title: str
    summary: str
    kind: str
    src_uri: str


@dataclass
class Content:
    """Validated entries, explainers and articles, plus the warnings found."""

    entries: dict[str, Entry]
    explainers: dict[str, Explainer]
    articles: dict[str, Article]
    warnings: list[Problem] = field(default_factory=list)
    general: set[str] = field(default_factory=set)  # entries deliberately not in any article
    # The folders, as messages show them: "glossary/", "docs/explainers/".
    folders: dict[str, str] = field(default_factory=lambda: dict(FOLDERS))
    events: dict[str, Event] = field(default_factory=dict)  # the timeline's, by id
    matcher: TermMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = TermMatcher(
            (name, entry.id) for entry in self.entries.values() for name in entry.names
        )

    @functools.cached_property
    def explainer_pages(self) -> dict[str, Explainer]:
        """Explainers by their page's path inside ``docs/``, for hosts that meet pages."""
        return {x.src_uri: x for x in self.explainers.values()}

    def note_target(self, note: QuoteNote) -> NoteTarget:
        """What a quote note points at, whether an explainer or an entry."""
        if note.explainer is not None:
            explainer = self.explainers[note.explainer]
            return NoteTarget(
                explainer.id, explainer.meta.title, explainer.meta.summary, BACKGROUND,
                explainer.src_uri,
            )  # fmt: skip
        entry = self.entries[note.entry]
        return NoteTarget(
            entry.id, entry.meta.term, entry.meta.summary, entry.meta.kind, entry_page(entry.id)
        )


def load_content(
    glossary_dir: Path, docs_dir: Path, root: Path | None = None, kept: KeptFiles | None = None
) -> Content:
    """Load and validate all content; raise :class:`ContentError` listing every error.

    ``root`` is the project folder that paths in messages are relative to (default: the
    working directory). A serving host passes ``kept``, so that a rebuild reads again only
    the files that changed. Entries that no article names are found by :mod:`.usage`.
    """
    kept = kept or KeptFiles()
    entries, problems = load_glossary(glossary_dir, root, kept)
    explainer_files = sorted(
        p
        for p in (docs_dir / "explainers").glob("*.md")
        if is_content_file(p) and p.stem != "index"
    )
    general, found = load_general(glossary_dir, root)
    problems += found
    problems += [
        Problem(
            display_path(glossary_dir / GENERAL_FILE, root),
            None,
            "general",
            f"there is no entry {entry_id!r}",
            "remove it from the list or add the entry",
        )
        for entry_id in sorted(general - set(entries))
    ]
    explainers, found = load_each(
        "explainer", explainer_files, docs_dir, root, load_explainer, kept
    )
    problems += found
    events_file = glossary_dir / EVENTS_FILE
    events, event_ids, found = (
        kept.load(events_file, "events", functools.partial(load_events, glossary_dir, root))
        if events_file.is_file()
        else ({}, set(), [])
    )
    problems += found
    problems += check_timelines(
        events, event_ids, [*entries.values(), *explainers.values()], events_file, root
    )
    page_files = sorted(docs_dir.rglob("*.md"))
    articles, found = load_each("article", page_files, docs_dir, root, load_article, kept)
    problems += found
    # A file that exists but failed validation is reported once, not again by every reference.
    folders = {
        "entry": display_path(glossary_dir, root) + "/",
        "explainer": display_path(docs_dir / "explainers", root) + "/",
    }
    problems += check_flooding(entries, articles)
    problems += check_references(
        entries,
        explainers,
        articles,
        {p.stem for p in glossary_dir.glob("*.md")},
        {p.stem for p in explainer_files},
        folders,
    )
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(problems)
    warnings = [p for p in problems if p.warning]
    return Content(entries, explainers, articles, warnings, general, folders, events)


def load_glossary(
    glossary_dir: Path, root: Path | None = None, kept: KeptFiles | None = None
) -> tuple[dict[str, Entry], list[Problem]]:
    """Every entry in ``glossary_dir`` by id, each validated on its own and all against each
    other (no name used twice), with every problem found."""
    paths = sorted(p for p in glossary_dir.glob("*.md") if is_content_file(p))
    placeholders = Placeholders.of_folder(glossary_dir)
    load = functools.partial(load_entry, placeholders=placeholders)
    # An entry is checked against the template's values too: a new template, a new check.
    salt = placeholders and tuple(sorted(placeholders.values.items()))
    entries, problems = load_each("entry", paths, glossary_dir, root, load, kept, salt)
    return entries, problems + check_unique_names(entries)


def check_flooding(entries: dict[str, Entry], articles: dict[str, Article]) -> list[Problem]:
    """A name written in lower case (an ordinary word or phrase, not a proper name) that
    matches in more than a quarter of an article's paragraphs would turn that word into a
    link all over the article: it is refused, with how much it matched."""
    owners = {name: entry for entry in entries.values() for name in entry.names}
    lower = TermMatcher((name, name) for name in owners if is_lower_case(name))
    problems = []
    for article in articles.values():
        hits: dict[str, int] = {}
        for paragraph in article.paragraphs:
            for name in {match.target for match in lower.find(paragraph.text)}:
                hits[name] = hits.get(name, 0) + 1
        allowed = max(FLOOD_FLOOR, int(FLOOD_SHARE * len(article.paragraphs)))
        for name, count in hits.items():
            if count > allowed:
                entry = owners[name]
                field_name = entry.field_of(name)
                problems.append(
                    Problem(
                        entry.path,
                        entry.line_of(field_name),
                        field_name,
                        f"{name!r} matches {count} of the {len(article.paragraphs)} "
                        f"paragraphs of {article.path}: an ordinary word, not a name",
                        "use a longer, specific form of the name",
                    )
                )
    return problems


def check_timelines(
    events: dict[str, Event],
    event_ids: set[str] | None,
    pages: list[Entry | Explainer],
    events_file: Path,
    root: Path | None = None,
) -> list[Problem]:
    """Every id in an entry's or explainer's ``timeline`` names an event of the events
    file (``event_ids``: every id the file holds, valid or not, so that a broken event is
    reported once; ``None`` when the file could not be read, which is reported alone); an
    event no page points to is a warning: the timeline shows it, but links it to nothing a
    reader can go on to."""
    shown = display_path(events_file, root)
    problems, pointed = [], set()
    for page in pages:
        for index, ref in enumerate(page.meta.timeline):
            pointed.add(ref)
            if event_ids is None or ref in event_ids:
                continue
            guess = difflib.get_close_matches(ref, sorted(event_ids), n=1, cutoff=0.6)
            problems.append(
                Problem(
                    page.path,
                    page.line_of("timeline", index) or page.line_of("timeline"),
                    f"timeline.{index}",
                    f"there is no event {ref!r} in {shown}",
                    f"did you mean {guess[0]!r}?"
                    if guess
                    else f"use the id of an event in {shown}, or add the event there",
                )
            )
    problems += [
        Problem(
            event.path,
            event.line,
            event.id,
            "no entry or explainer lists this event in its 'timeline'",
            "add its id to the timeline of the entries and explainers it concerns",
            warning=True,
        )
        for event in events.values()
        if event.id not in pointed
    ]
    return problems


T = TypeVar("T")
Loader = Callable[[Path, str, str], tuple[T | None, list[Problem]]]


class KeptFiles:
    """What each content file loaded to (the item and its own problems), kept in memory by
    a serving host between rebuilds: a file whose modification time and size are unchanged
    is not read, parsed and validated again. Checks across files run on every load."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], tuple[tuple[int, int], object]] = {}

    def load(self, path: Path, salt: Hashable, load: Callable[[], T]) -> T:
        """``load()``, or what it gave last time if the file has not changed since."""
        stat = path.stat()
        state, key = (stat.st_mtime_ns, stat.st_size), (str(path), salt)
        kept = self._kept.get(key)
        if kept is None or kept[0] != state:
            kept = self._kept[key] = (state, load())
        return kept[1]  # type: ignore[return-value]


def load_each(
    kind: str,
    paths: list[Path],
    folder: Path,
    root: Path | None,
    load: Loader[T],
    kept: KeptFiles | None = None,
    salt: Hashable = None,
) -> tuple[dict[str, T], list[Problem]]:
    """Load every file in ``paths`` with ``load(path, shown, path inside folder)``, keyed by
    file id (its name without ``.md``; for articles, which may sit anywhere, the path inside
    ``folder``). Entry and explainer file names are ids, so they are checked as ids.
    ``kept`` holds what unchanged files gave before, for ``load`` with the same ``salt``."""
    kept = kept or KeptFiles()
    loaded: dict[str, T] = {}
    problems: list[Problem] = []
    inside = folder.resolve()
    for path in paths:
        shown = display_path(path, root)
        src_uri = path.relative_to(folder).as_posix()
        if kind != "article" and not ID_RE.match(path.stem):
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"{path.name!r} is not a valid {kind} file name",
                    "rename it to lowercase ASCII letters, digits and hyphens (ilham-aliyev.md)",
                )
            )
            continue
        # Only a link can lead out: a folder's own files need no resolving (a 15 % saving).
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"is a link to a file outside {display_path(folder, root)}/, which is "
                    "never read",
                    "put the file itself in the folder",
                )
            )
            continue
        item, found = kept.load(path, (kind, salt), functools.partial(load, path, shown, src_uri))
        problems += found
        if item is not None:
            loaded[src_uri if kind == "article" else path.stem] = item
    return loaded, problems


def check_references(
    entries: dict[str, Entry],
    explainers: dict[str, Explainer],
    articles: dict[str, Article],
    entry_files: set[str] | None = None,
    explainer_files: set[str] | None = None,
    folders: dict[str, str] = FOLDERS,
) -> list[Problem]:
    """Every ``related``, ``explainer``, ``entries`` and quote-note target must exist.

    ``entry_files`` and ``explainer_files`` are the ids of every file present, valid or not.
    """
    known = {
        "entry": set(entries) | (entry_files or set()),
        "explainer": set(explainers) | (explainer_files or set()),
    }
    problems = []

    def check(
        ref: str | None, kind: str, source: Entry | Explainer | Article, field: str, *key: str | int
    ) -> None:
        """Report ``ref`` if it names nothing. The line of ``key`` (or of the list holding
        it) is looked up only then: that means reading the file again."""
        if ref is None or ref in known[kind]:
            return
        line = source.line_of(*key) or source.line_of(*key[:-1])
        folder = folders[kind]
        problems.append(
            Problem(
                source.path,
                line,
                field,
                f"there is no {kind} {ref!r}",
                f"use the id of a file in {folder} (without .md) or add {folder}{ref}.md",
            )
        )

    for entry in entries.values():
        for index, ref in enumerate(entry.meta.related):
            check(ref, "entry", entry, "related", "related", index)
        check(entry.meta.explainer, "explainer", entry, "explainer", "explainer")
    for explainer in explainers.values():
        for index, ref in enumerate(explainer.meta.entries):
            check(ref, "entry", explainer, "entries", "entries", index)
    for article in articles.values():
        for index, note in enumerate(article.meta.notes):
            for kind in ("entry", "explainer"):
                key = ("article", "notes", index, kind)
                check(getattr(note, kind), kind, article, dotted(key), *key)
    return problems
