"""A Python-Markdown extension that turns an article page into an annotated edition.

For every unit of an article (each top-level paragraph, quotation, list, table and
figure: see :mod:`.units`) it sets quotes and dashes, links the glossary terms it
names, numbers it (``id="pN"``, a visible "¶ N" permalink) and puts its notes beside
it in an ``<aside>``. It works on the element tree after inline parsing, as
Python-Markdown's own ``abbr`` does, so links, code, headings and the author's
footnotes are never linked. Other pages get the typography only.

It stands alone. From ``mkdocs.yml``::

    markdown_extensions:
      - reading_companion.extension:
          glossary_dir: glossary
          docs_dir: docs

or from Python::

    markdown.markdown(text, extensions=["reading_companion.extension"],
                      extension_configs={"reading_companion.extension": {...}})

Options (paths are relative to ``base_dir``, by default the working directory):

- ``glossary_dir``: the folder of glossary entries (``glossary``);
- ``docs_dir``: the folder of pages, where explainers and articles are (``docs``);
- ``entry_url``: how a note links to an entry, ``{id}`` standing for its id: a path
  inside ``docs_dir``, written relative to the page (``glossary/{id}.md``, the
  default, as the MkDocs plugin generates them), or an absolute address;
- ``page``: the path inside ``docs_dir`` of the page being converted;
- ``base_dir``: the folder the two folders are relative to.

A page is an article when its front matter has an ``article:`` block: the text's
own front matter (a ``---`` block at its top, which is then removed), or that of
the file ``page`` names. Without a host, the extension loads and validates the
content itself, once per process (again only when a file changes), and raises
:class:`~reading_companion.problems.ContentError` on bad content. A host such as
the MkDocs plugin passes what it loaded (``content=``) and says which page it
renders (``current_page``); it reads what was found from ``records``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import notes
from .articles import Anchor, Article, article_of
from .content import ENTRY_PAGE, Content, KeptFiles, check_references, load_content
from .frontmatter import parse_document
from .problems import ContentError, Problem
from .prose import first_mentions, link_terms, mark_passage
from .quotes import locate_quote
from .typography import PROSE_BLOCKS, set_typography
from .units import ARTICLE_EXTENSIONS, unit_text, units_in


@dataclass
class ArticleRecord:
    """What the annotator found in one article page, for backlinks, search and annotations."""

    article: Article
    mentions: dict[int, list[str]] = field(default_factory=dict)  # paragraph -> entry ids
    notes: dict[int, list[str]] = field(default_factory=dict)  # paragraph -> entry ids noted
    # paragraph -> explainer id -> the entry whose note links it (None: a quote note's own)
    explainers: dict[int, dict[str, str | None]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)  # paragraph -> text as set
    # paragraph -> entry id -> (offset in the text, words) of its first mention there
    terms: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)


class CompanionExtension(Extension):
    """Register the article annotator; one instance serves every page of a build."""

    def __init__(self, *, content: Content | None = None, **kwargs: str) -> None:
        self.config = {
            "glossary_dir": ["glossary", "Folder of glossary entries, relative to base_dir."],
            "docs_dir": ["docs", "Folder of pages (explainers, articles), relative to base_dir."],
            "base_dir": ["", "Folder the other paths are relative to (the working directory)."],
            "entry_url": [ENTRY_PAGE, "How notes link to an entry; {id} is its id."],
            "page": ["", "Path inside docs_dir of the page being converted, if known."],
        }
        super().__init__(**kwargs)
        self._content = content  # what a host passed
        self._loaded: Content | None = None  # what this document uses, loaded without a host
        self.md: Markdown | None = None  # the converter this extension is registered with
        self.current_page: str | None = None  # set by a host while it renders a page
        self.records: dict[str, ArticleRecord] = {}
        self.front_matter: Article | None = None  # the article the text's front matter gave

    @property
    def content(self) -> Content:
        """What the host passed, or the content loaded from the configured folders."""
        if self._content is not None:
            return self._content
        if self._loaded is None:  # looked up once per document: that means a stat per file
            base = Path(self.getConfig("base_dir") or ".")
            glossary, docs = (
                base / self.getConfig("glossary_dir"),
                base / self.getConfig("docs_dir"),
            )
            self._loaded = content_of(glossary, docs)
        return self._loaded

    def page(self) -> str:
        """The path inside ``docs_dir`` of the page being converted ("" when unknown): as
        the host says, or the ``page`` option, or as Zensical tells its extensions."""
        return self.current_page or self.getConfig("page") or zensical_page(self.md)

    def article(self) -> Article | None:
        """The article being converted, if the page is one."""
        return self.front_matter or self.content.articles.get(self.page())

    def reset(self) -> None:
        self.front_matter = None
        self._loaded = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        self.md = md
        # Before Python-Markdown normalises the text (30): take the front matter off.
        md.preprocessors.register(FrontMatter(md, self), "companion_front_matter", 35)
        # After inline parsing (20) and attr_list (8), before MkDocs' link rewriting (0).
        md.treeprocessors.register(ArticleAnnotator(md, self), "companion_article", 7)


class FrontMatter(Preprocessor):
    """Read an article's front matter from the text itself, when it starts with one
    (hosts such as MkDocs take it off before Markdown sees the text)."""

    def __init__(self, md: Markdown, extension: CompanionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.front_matter = None  # a document's front matter is its own
        hosted = self.extension.current_page is not None  # the host took it off already
        if hosted or not lines or lines[0].rstrip() != "---":
            return lines
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
        if closing is None:
            return lines
        extension = self.extension
        page = extension.page() or "<text>"
        document, read = parse_document("\n".join(lines) + "\n", page)
        if document is None:  # not front matter: a text that opens with a horizontal rule
            return lines
        article, found = article_of(document, page)
        found = read + found
        content = extension.content
        if article is not None:
            found += check_references(
                content.entries, content.explainers, {page: article}, folders=content.folders
            )
        if any(not p.warning for p in found):
            raise ContentError(found)
        extension.front_matter = article
        return lines[closing + 1 :]


class ArticleAnnotator(Treeprocessor):
    """Number, link and annotate the paragraphs of an article page."""

    def __init__(self, md: Markdown, extension: CompanionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        article = extension.article()
        if article is None:
            for block in root.iter():
                if block.tag in PROSE_BLOCKS:
                    set_typography(block)
            return
        links = notes.Links(article.src_uri, extension.getConfig("entry_url"))
        record = annotate_article(root, article, extension.content, links)
        extension.records[article.src_uri] = record


def annotate_article(
    root: etree.Element, article: Article, content: Content, links: notes.Links
) -> ArticleRecord:
    """Set, link, number and annotate every unit of the article in ``root``."""
    record = ArticleRecord(article)
    noted: set[str] = set()
    units = units_in(root)
    if len(units) != len(article.paragraphs):
        raise ContentError(
            [
                Problem(
                    article.path,
                    None,
                    "body",
                    f"renders as {len(units)} units here but reads as "
                    f"{len(article.paragraphs)} when checked",
                    "enable the Markdown extensions the article uses in the site's "
                    f"configuration (of these: {', '.join(ARTICLE_EXTENSIONS)})",
                )
            ]
        )
    for block in root:
        if block not in units:  # headings, footnotes, rules: typography only
            for element in block.iter():
                if element.tag in PROSE_BLOCKS:
                    set_typography(element)
    for number, block in enumerate(units, start=1):
        set_typography(block)
        record.texts[number] = unit_text(block)
        mentioned = link_terms(block, content, links)
        record.terms[number] = first_mentions(block)
        record.mentions[number] = mentioned
        fresh = [entry_id for entry_id in mentioned if entry_id not in noted]
        for link in block.iter("a"):  # named again: its note stands beside an earlier unit
            if link.get("data-entry") in noted:
                link.set("class", "cmp-term cmp-term--again")
        noted.update(fresh)
        record.notes[number] = fresh
        anchors = article.anchors_in(number)
        for anchor in anchors:
            mark_quote(block, anchor)
        record.explainers[number] = _explainers_of(content, fresh, anchors)
        unit = notes.paragraph_unit(block, number, fresh, article, content, links)
        root[list(root).index(block)] = unit
    return record


def mark_quote(block: etree.Element, anchor: Anchor) -> None:
    """Mark a quote note's passage in the innermost part of the unit that holds all of it
    (the paragraph itself, or one paragraph or item of a quotation or list)."""
    parts = [block, *(e for e in block.iter() if e is not block and e.tag in PROSE_BLOCKS)]
    for part in reversed(parts):
        found = locate_quote("".join(part.itertext()), anchor.note)
        if found is not None:
            start, exact = found
            if mark_passage(part, start, start + len(exact)):
                return


def _explainers_of(
    content: Content, entry_ids: list[str], anchors: list[Anchor]
) -> dict[str, str | None]:
    """The explainers a paragraph's notes link, each with the entry whose note links it (the
    sentence naming that entry is the paragraph's passage for the explainer), or None for a
    quote note of the explainer's own."""
    found: dict[str, str | None] = {a.note.explainer: None for a in anchors if a.note.explainer}
    for entry_id in entry_ids:
        explainer = content.entries[entry_id].meta.explainer
        if explainer:
            found.setdefault(explainer, entry_id)
    return found


# Zensical tells the extensions of a page which page it is through a preprocessor of its
# own, registered under this name, whose ``page.path`` is the page's path inside docs/.
# That is not a documented interface: this is the one place that reads it.
ZENSICAL_CONTEXT = "rendering_context"


def zensical_page(md: Markdown | None) -> str:
    """The page Zensical is rendering with ``md``, or "" under any other host."""
    if md is None or ZENSICAL_CONTEXT not in md.preprocessors:
        return ""
    page = getattr(md.preprocessors[ZENSICAL_CONTEXT], "page", None)
    return str(getattr(page, "path", "") or "")


# Content loaded without a host, by folders, with the state of their files when loaded,
# and what each file gave, so that an edit reloads that file only.
_loaded: dict[tuple[str, str], tuple[tuple, Content]] = {}
_kept: dict[tuple[str, str], KeptFiles] = {}


def content_of(glossary_dir: Path, docs_dir: Path) -> Content:
    """The content of two folders, loaded once per process and again only when a file in
    them is added, removed or changed (as under a server that rebuilds on edits)."""
    key = (str(glossary_dir.resolve()), str(docs_dir.resolve()))
    state = state_of(key)
    known = _loaded.get(key)
    if known is None or known[0] != state:
        kept = _kept.setdefault(key, KeptFiles())
        _loaded[key] = (state, load_content(glossary_dir, docs_dir, kept=kept))
    return _loaded[key][1]


def state_of(folders: tuple[str, ...]) -> tuple:
    """Name, modification time and size of every content file under ``folders``: asked
    once per page, so it walks with ``os.scandir``, whose entries carry most of a stat."""
    state = []
    pending = list(folders)
    while pending:
        folder = pending.pop()
        if not os.path.isdir(folder):  # a missing folder holds nothing (load_content agrees)
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append(entry.path)
                elif entry.name.endswith((".md", ".yml")):
                    stat = entry.stat()
                    state.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(state))


def makeExtension(**kwargs: str) -> CompanionExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown's factory, for ``extensions=["reading_companion.extension"]``."""
    return CompanionExtension(**kwargs)
