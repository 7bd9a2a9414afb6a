"""Everything the site is built from, loaded and cross-checked in one call.

This is the engine's entry point: the MkDocs plugin and the ``check`` command
both call :func:`load_content`, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .articles import Article, load_articles
from .cache import WorkCache, digest
from .explainers import Explainer, load_explainers
from .glossary import GENERAL_FILE, Entry, is_content_file, load_general, load_glossary
from .matcher import TermMatcher
from .models import QuoteNote
from .problems import ContentError, Problem, display_path

GLOSSARY_FOLDER = "glossary"  # where entry pages stand in the site, as docs/glossary/ would


def entry_page(entry_id: str) -> str:
    """The path of an entry's (generated) page inside ``docs/``."""
    return f"{GLOSSARY_FOLDER}/{entry_id}.md"


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
    # A digest of the files of every entry, explainer and article: what a cached annotation
    # depends on (editing another page of docs/ leaves it alone).
    fingerprint: str = ""
    matcher: TermMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = TermMatcher(
            (name, entry.id) for entry in self.entries.values() for name in entry.names
        )

    def note_target(self, note: QuoteNote) -> NoteTarget:
        """What a quote note points at, whether an explainer or an entry."""
        if note.explainer is not None:
            explainer = self.explainers[note.explainer]
            return NoteTarget(
                explainer.id, explainer.meta.title, explainer.meta.summary, "background",
                explainer.src_uri,
            )  # fmt: skip
        entry = self.entries[note.entry]
        return NoteTarget(
            entry.id, entry.meta.term, entry.meta.summary, entry.meta.kind, entry_page(entry.id)
        )

    def mentions(self) -> dict[str, list[tuple[str, int]]]:
        """For each entry id, the (article, paragraph) pairs whose text names it, found as a
        build finds them: by rendering each article with the annotating extension, so a name
        inside a link or code, or in a link's address, counts for neither."""
        from .annotate import article_mentions  # the extension is built on this module

        return article_mentions(self)


def load_content(
    glossary_dir: Path,
    docs_dir: Path,
    root: Path | None = None,
    *,
    check_usage: bool = True,
    cache: WorkCache | None = None,
) -> Content:
    """Load and validate all content; raise :class:`ContentError` listing every error.

    ``check_usage`` matches every article once more to warn about entries none of them
    names; a build skips it and asks :func:`unused_entry_warnings` with what it rendered.
    With a ``cache``, files validated by an earlier build are not validated again.
    """
    cache = cache or WorkCache()
    entries, problems = load_glossary(glossary_dir, root, cache)
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
    explainers, found = load_explainers(docs_dir, root, cache)
    problems += found
    articles, found = load_articles(docs_dir, root, cache)
    problems += found
    # A file that exists but failed validation is reported once, not again by every reference.
    entry_files = {p.stem for p in glossary_dir.glob("*.md") if is_content_file(p)}
    explainer_files = {p.stem for p in (docs_dir / "explainers").glob("*.md")}
    problems += check_references(entries, explainers, articles, entry_files, explainer_files)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(problems)
    warnings = [p for p in problems if p.warning]
    sources = [x.source for x in [*entries.values(), *explainers.values(), *articles.values()]]
    content = Content(entries, explainers, articles, warnings, general, digest(*sources))
    if check_usage:
        content.warnings += unused_entry_warnings(content)
    return content


def check_references(
    entries: dict[str, Entry],
    explainers: dict[str, Explainer],
    articles: dict[str, Article],
    entry_files: set[str] | None = None,
    explainer_files: set[str] | None = None,
) -> list[Problem]:
    """Every ``related``, ``explainer``, ``entries`` and quote-note target must exist.

    ``entry_files`` and ``explainer_files`` are the ids of every file present, valid or not.
    """
    known = {
        "entry": set(entries) | (entry_files or set()),
        "explainer": set(explainers) | (explainer_files or set()),
    }
    folders = {"entry": "glossary/", "explainer": "docs/explainers/"}
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
                check(getattr(note, kind), kind, article, ".".join(map(str, key)), *key)
    return problems


def unused_entry_warnings(content: Content, named: set[str] | None = None) -> list[Problem]:
    """Entries that no article names and no quote note attaches are worth a second look.

    ``named`` is the set of entries the articles name, when the caller already knows it.
    """
    if not content.articles:
        return []
    used = set(content.mentions()) if named is None else set(named)
    used |= {a.note.entry for article in content.articles.values() for a in article.anchors}
    unused = [
        Problem(
            entry.path,
            entry.line_of("term"),
            "term",
            "no article mentions this entry",
            f"add an alias the article uses, a quote note, or list it in glossary/{GENERAL_FILE}",
            warning=True,
        )
        for entry in content.entries.values()
        if entry.id not in used and entry.id not in content.general
    ]
    stale = [
        Problem(
            content.entries[entry_id].path,
            None,
            "",
            f"is listed in glossary/{GENERAL_FILE} but an article mentions it",
            "remove it from that list",
            warning=True,
        )
        for entry_id in sorted(content.general & used)
    ]
    return unused + stale
