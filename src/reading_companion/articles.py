"""Find article pages, read them into numbered units and anchor their quote notes."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .frontmatter import Document, FromFile, body_problems, dotted, read_document
from .models import ArticleMeta, QuoteNote
from .problems import Problem
from .quotes import find_quotes
from .typography import prose_slots, set_typography
from .units import EXTENSION_SYNTAX, unit_kind, unit_text, units_in
from .validation import validate


@dataclass(frozen=True)
class Paragraph:
    """One numbered unit of the author's text (see :mod:`.units`): a paragraph, quotation,
    list, table or figure, numbered from 1, with its text as a reader reads it."""

    number: int
    text: str
    kind: str = "paragraph"
    # The unit's prose as set, slot by slot, outside links and code: where terms are named.
    prose: tuple[str, ...] = ()


@dataclass(frozen=True)
class Anchor:
    """Where a quote note attaches: its paragraph and the quote's offset in it."""

    note: QuoteNote
    paragraph: int
    start: int


@dataclass(frozen=True)
class Article(FromFile):
    """A page whose front matter has an ``article:`` block."""

    src_uri: str
    path: str
    meta: ArticleMeta
    paragraphs: list[Paragraph]
    anchors: list[Anchor] = field(default_factory=list)
    file: str = field(default="", compare=False, repr=False)  # where it was read from
    body: str = field(default="", compare=False, repr=False)  # the Markdown, as written

    def note_id(self, anchor: Anchor) -> str:
        """The HTML id of a quote note: ``note-p8-minsk-group-mediation``, with ``-2``, ``-3``
        for a second and third note on the same target in one paragraph."""
        target = anchor.note.explainer or anchor.note.entry
        same = [
            a for a in self.anchors_in(anchor.paragraph)
            if (a.note.explainer or a.note.entry) == target
        ]  # fmt: skip
        rank = same.index(anchor) + 1
        return f"note-p{anchor.paragraph}-{target}" + (f"-{rank}" if rank > 1 else "")

    def anchors_in(self, number: int) -> list[Anchor]:
        """The quote notes attached to paragraph ``number``, in order of the text."""
        return sorted((a for a in self.anchors if a.paragraph == number), key=lambda a: a.start)


class _KeepTree(Treeprocessor):
    """Hands over the finished element tree of the text just converted, and gives Markdown
    an empty one to serialise in its place: only the tree is wanted."""

    root: etree.Element | None = None

    def run(self, root: etree.Element) -> etree.Element:
        self.root = root
        return etree.Element("div")


@functools.cache
def _reader(extensions: tuple[str, ...]) -> tuple[Markdown, _KeepTree]:
    md = Markdown(extensions=list(extensions))
    keep = _KeepTree(md)
    md.treeprocessors.register(keep, "companion_keep_tree", 0)  # after every other
    return md, keep


def split_units(document: Document) -> tuple[list[Paragraph], list[Problem]]:
    """The body's units, read as Markdown reads them (:mod:`.units`)."""
    problems: list[Problem] = []
    if body_problems(document):  # reported where the file was read; not worth the risk
        return [], problems
    used = tuple(name for name, syntax in EXTENSION_SYNTAX.items() if syntax in document.body)
    md, keep = _reader(used)
    md.reset().convert(document.body)
    root = keep.root if keep.root is not None else etree.Element("div")
    units = []
    for number, block in enumerate(units_in(root), start=1):
        text = unit_text(block)  # as written
        set_typography(block)  # as the page sets it, so terms are found as the build finds them
        prose = tuple(getattr(element, slot) for element, slot in prose_slots(block))
        units.append(Paragraph(number, text, unit_kind(block) or "", prose))
    return units, problems


FRONT_MATTER_ARTICLE = re.compile(r"\A---[ \t]*\n(?:(?!---[ \t]*\n).*\n)*?article:", re.MULTILINE)


def load_article(path: Path, shown: str, src_uri: str) -> tuple[Article | None, list[Problem]]:
    """The page as an article, or ``None`` when its front matter has no ``article:`` key;
    ``src_uri`` is its path inside ``docs/``."""
    raw = path.read_bytes()
    if not FRONT_MATTER_ARTICLE.match(raw.decode("utf-8", errors="replace")):
        return None, []
    document, problems = read_document(path, shown)
    if document is None:
        return None, problems
    article, found = article_of(document, src_uri, str(path))
    return article, problems + found


def article_of(
    document: Document, src_uri: str, file: str = ""
) -> tuple[Article | None, list[Problem]]:
    """The article a parsed page holds, or ``None`` when its front matter has no
    ``article:`` key; ``file`` is where it was read from, if anywhere."""
    if "article" not in document.meta:
        return None, []
    meta, problems = validate(ArticleMeta, document, document.meta["article"] or {}, ("article",))
    if meta is None:
        return None, problems
    paragraphs, found = split_units(document)
    problems += found
    anchors, found = anchor_notes(document, meta.notes, paragraphs)
    problems += found
    article = Article(src_uri, document.path, meta, paragraphs, anchors, file, document.body)
    return article, problems


def anchor_notes(
    document: Document, notes: list[QuoteNote], paragraphs: list[Paragraph]
) -> tuple[list[Anchor], list[Problem]]:
    """Find each note's quote: it must occur exactly once, after prefix/suffix narrowing."""
    anchors, problems = [], []
    for index, note in enumerate(notes):
        hits = list(_occurrences(note, paragraphs))
        if len(hits) == 1:
            anchors.append(Anchor(note, *hits[0]))
            continue
        field_path = ("article", "notes", index, "quote")
        where = ", ".join(f"¶ {number}" for number in dict.fromkeys(n for n, _ in hits))
        if hits:
            message = f"the quote {note.quote!r} occurs {len(hits)} times, in {where}"
            fix = "add 'prefix' or 'suffix' with the words just before or after the one you mean"
        else:
            message = f"the quote {note.quote!r} matches no paragraph"
            fix = "copy the words exactly from one paragraph"
        problems.append(
            Problem(
                document.path,
                document.line_of(field_path),
                dotted(field_path),
                message,
                fix,
            )
        )
    return anchors, problems


def _occurrences(note: QuoteNote, paragraphs: list[Paragraph]) -> Iterator[tuple[int, int]]:
    for paragraph in paragraphs:
        for start, _ in find_quotes(paragraph.text, note):
            yield paragraph.number, start
