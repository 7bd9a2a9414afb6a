"""Find article pages, split them into paragraphs and anchor their quote notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import Document, FromFile, read_document
from .models import ArticleMeta, QuoteNote
from .problems import Problem
from .quotes import find_quotes
from .validation import validate


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the author's text, numbered from 1, with its source line."""

    number: int
    text: str
    line: int


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


# Blocks that Markdown would not make a paragraph: headings, quotes, lists, code, HTML, tables.
NOT_A_PARAGRAPH = re.compile(r"^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|```|~~~|<|\||    |\t)")


def split_paragraphs(document: Document) -> tuple[list[Paragraph], list[Problem]]:
    """The body's paragraphs, one per block of lines between blank lines; any block that
    Markdown would not render as a plain paragraph is a problem (it would shift the numbers)."""
    paragraphs: list[Paragraph] = []
    problems: list[Problem] = []
    block: list[str] = []
    first_line = document.body_line
    for offset, line in enumerate([*document.body.split("\n"), ""]):
        if line.strip():
            if not block:
                first_line = document.body_line + offset
            block.append(line)
        elif block:
            if NOT_A_PARAGRAPH.match(block[0]):
                problems.append(
                    Problem(
                        document.path,
                        first_line,
                        "body",
                        "an article holds only paragraphs of the author's text "
                        f"(found {block[0][:30]!r})",
                        "keep headings, lists and quotes out of the article body",
                    )
                )
            else:
                text = " ".join(part.strip() for part in block)
                paragraphs.append(Paragraph(len(paragraphs) + 1, text, first_line))
            block = []
    return paragraphs, problems


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
    paragraphs, found = split_paragraphs(document)
    problems += found
    anchors, found = anchor_notes(document, meta.notes, paragraphs)
    problems += found
    return Article(src_uri, document.path, meta, paragraphs, anchors, file), problems


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
                ".".join(map(str, field_path)),
                message,
                fix,
            )
        )
    return anchors, problems


def _occurrences(note: QuoteNote, paragraphs: list[Paragraph]) -> Iterator[tuple[int, int]]:
    for paragraph in paragraphs:
        for start, _ in find_quotes(paragraph.text, note):
            yield paragraph.number, start
