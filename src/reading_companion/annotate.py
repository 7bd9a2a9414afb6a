"""A Python-Markdown extension that turns an article page into an annotated edition.

For every top-level paragraph of an article it sets quotes and dashes, links
the glossary terms it names, numbers it (``id="pN"``, a visible "¶ N"
permalink) and puts its notes beside it in an ``<aside>``. It works on the
element tree after inline parsing, as Python-Markdown's own ``abbr`` does, so
links, code and headings are never touched.

The extension does not import MkDocs: the host tells it which page is being
rendered (``current_page``) and, optionally, the final address of any page
(``link_to``), and reads what it found from ``records``. Without ``link_to`` it
writes relative ``.md`` links for the host to rewrite. With it, each finished
paragraph goes into Python-Markdown's stash as HTML, and with a ``cache`` it is
kept for the next build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import notes
from .articles import Article
from .cache import WorkCache, digest
from .content import Content
from .quotes import locate_quote
from .typography import smarten

PLACEHOLDER_MARKS = re.compile(r"[\x02\x03]")  # Python-Markdown's stash placeholders
SKIP_TAGS = {"a", "code", "pre", "kbd", "script", "style"}
PROSE_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "blockquote"}


@dataclass
class ArticleRecord:
    """What the annotator found in one article page, for backlinks and search."""

    article: Article  # None only while it is kept in the cache
    mentions: dict[int, list[str]] = field(default_factory=dict)  # paragraph -> entry ids
    notes: dict[int, list[str]] = field(default_factory=dict)  # paragraph -> entry ids noted
    explainers: dict[int, list[str]] = field(default_factory=dict)  # paragraph -> explainer ids
    texts: dict[int, str] = field(default_factory=dict)  # paragraph -> text as set
    # paragraph -> entry id -> (offset in the text, words) of its first mention there
    terms: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)
    # Ids inside paragraphs handed over as finished HTML (the notes' ids): the host cannot
    # see them in the tree, so it is told, for its check of links to #anchors.
    hidden_ids: list[str] = field(default_factory=list)


class CompanionExtension(Extension):
    """Register the article annotator; one instance serves every page of a build."""

    def __init__(
        self,
        content: Content,
        records: dict[str, ArticleRecord] | None = None,
        cache: WorkCache | None = None,
        **kwargs,
    ) -> None:
        self.content = content
        self.cache = cache  # keeps annotated articles between builds
        self.current_page: str | None = None  # src_uri of the page being rendered
        # The host's final URL for a page of docs/, from the page being rendered; None to
        # write relative .md links and leave them to the host.
        self.link_to: notes.Linker | None = None
        self.records: dict[str, ArticleRecord] = {} if records is None else records
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After inline parsing (20) and attr_list (8), before MkDocs' link rewriting (0).
        md.treeprocessors.register(ArticleAnnotator(md, self), "companion_article", 7)


# A paragraph unit ready to put back: its attributes and everything inside it, as HTML.
Unit = tuple[dict[str, str], str]


class ArticleAnnotator(Treeprocessor):
    """Number, link and annotate the paragraphs of an article page."""

    def __init__(self, md: Markdown, extension: CompanionExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        article = extension.content.articles.get(extension.current_page or "")
        if article is None:
            # Other pages get the same typography, block by block.
            for block in root.iter():
                if block.tag in PROSE_BLOCKS:
                    set_typography(block)
            return
        parsed = list(_tree_parts(root))
        if (
            extension.link_to is None
            or any(PLACEHOLDER_MARKS.search(part) for part in parsed)
            or any(_relative_target(element) for element in root.iter())
        ):
            # Relative .md links, left in the tree for the host to rewrite and check, as
            # it must do anyway with links and images the article's own text holds.
            link_to = notes.source_links(article.src_uri)
            record = annotate_article(root, article, extension.content, link_to)
        else:
            units, record = self._units(root, article, parsed, extension.link_to)
            root[:] = [self._stashed(attributes, html) for attributes, html in units]
        extension.records[article.src_uri] = record

    def _units(
        self, root: etree.Element, article: Article, parsed: list[str], link_to: notes.Linker
    ) -> tuple[list[Unit], ArticleRecord]:
        """Annotate the article, or take what an earlier build made of the same parsed
        text, the same content and the same page address from the cache."""
        content = self.extension.content

        def annotate() -> tuple[list[Unit], ArticleRecord]:
            record = annotate_article(root, article, content, link_to)
            units = [(dict(u.attrib), "".join(map(self.md.serializer, u))) for u in root]
            record.hidden_ids = [
                e.get("id", "") for u in root for e in u.iter() if e is not u and e.get("id")
            ]
            return units, replace(record, article=None)  # type: ignore[arg-type]

        cache = self.extension.cache
        if cache is None:
            units, record = annotate()
        else:
            # The page's own address goes in too: links are relative to it.
            here = link_to(article.src_uri)
            key = digest("annotated", article.src_uri, here, content.fingerprint, *parsed)
            units, record = cache.get(key, annotate)
        return units, replace(record, article=article)

    def _stashed(self, attributes: dict[str, str], html: str) -> etree.Element:
        """A unit whose inside Python-Markdown keeps aside as finished HTML. Its links are
        final already, so the host need not resolve them one by one, as MkDocs would do
        for every link of the page; the unit's own id stays in the tree for anchor checks.
        """
        unit = etree.Element("div", attributes)
        unit.text = self.md.htmlStash.store(html)
        return unit


def _relative_target(element: etree.Element) -> bool:
    """A link or image of the author's own pointing inside the site: the host rewrites it."""
    target = element.get("href") if element.tag == "a" else element.get("src")
    if element.tag not in ("a", "img") or not target:
        return False
    parts = urlsplit(target)
    return not (parts.scheme or parts.netloc or target.startswith("#"))


def _tree_parts(root: etree.Element) -> Iterator[str]:
    """Everything in the tree, element by element in document order, with each element's
    number of children, so that two trees give the same parts only if they are equal."""
    for element in root.iter():
        yield element.tag
        yield str(len(element))
        yield repr(sorted(element.attrib.items()))
        yield element.text or ""
        yield element.tail or ""


def annotate_article(
    root: etree.Element, article: Article, content: Content, link_to: notes.Linker
) -> ArticleRecord:
    """Set, link, number and annotate every paragraph of the article in ``root``."""
    record = ArticleRecord(article)
    noted: set[str] = set()
    paragraphs = [child for child in root if child.tag == "p"]
    if len(paragraphs) != len(article.paragraphs):  # validation rules this out
        raise ValueError(
            f"{article.path}: {len(paragraphs)} paragraphs rendered, "
            f"{len(article.paragraphs)} in the source"
        )
    for number, paragraph in enumerate(paragraphs, start=1):
        set_typography(paragraph)
        record.texts[number] = "".join(paragraph.itertext())
        mentioned = link_terms(paragraph, content, link_to)
        record.terms[number] = first_mentions(paragraph)
        record.mentions[number] = mentioned
        fresh = [entry_id for entry_id in mentioned if entry_id not in noted]
        noted.update(fresh)
        record.notes[number] = fresh
        anchors = article.anchors_in(number)
        for anchor in anchors:
            found = locate_quote(record.texts[number], anchor.note)
            if found is not None:
                start, exact = found
                mark_passage(paragraph, start, start + len(exact))
        record.explainers[number] = _explainers_of(content, fresh, anchors)
        unit = notes.paragraph_unit(paragraph, number, fresh, article, content, link_to)
        index = list(root).index(paragraph)
        root.remove(paragraph)
        root.insert(index, unit)
    return record


def _explainers_of(content: Content, entry_ids: list[str], anchors: list) -> list[str]:
    found = [content.entries[e].meta.explainer for e in entry_ids]
    found += [a.note.explainer for a in anchors]
    return list(dict.fromkeys(x for x in found if x))


def _text_slots(
    element: etree.Element, *, with_code: bool = False
) -> Iterator[tuple[etree.Element, str]]:
    """Every (element, 'text' | 'tail') slot holding prose, in reading order; with
    ``with_code``, skipped code elements too, as (element, 'code'), for context."""
    if element.text and not isinstance(element.text, AtomicString):
        yield element, "text"
    for child in list(element):
        if child.tag not in SKIP_TAGS:
            yield from _text_slots(child, with_code=with_code)
        elif with_code and child.tag != "a":
            yield child, "code"
        elif child.tag == "a" and child.text and not isinstance(child.text, AtomicString):
            # Link text is prose too (quotes get curled) but is never re-linked.
            yield child, "text"
        if child.tail:
            yield child, "tail"


def set_typography(paragraph: etree.Element) -> None:
    """Curl quotes and set dashes across the paragraph's text nodes, in order.

    Code is left alone but still read as context: in ``"`ls`"`` the second quote closes.
    """
    before = ""
    for element, slot in _text_slots(paragraph, with_code=True):
        if slot == "code":
            before = "".join(element.itertext()) or before
            continue
        before = smarten(getattr(element, slot), before)
        setattr(element, slot, before)


def link_terms(paragraph: etree.Element, content: Content, link_to: notes.Linker) -> list[str]:
    """Link the first mention of each entry in the paragraph; return entry ids in that order."""
    mentioned: list[str] = []
    for element, slot in list(_text_slots(paragraph)):
        if element.tag == "a" and slot == "text":
            continue
        text = getattr(element, slot)
        # Link an entry once per paragraph: a paragraph full of links is hard to read.
        matches = []
        for match in content.matcher.find(text):
            if match.target not in mentioned:
                mentioned.append(match.target)
                matches.append(match)
        if not matches:
            continue
        links = []
        for match in matches:
            entry = content.entries[match.target]
            links.append(notes.term_link(entry, text[match.start : match.end], link_to))
        # Text before the first match stays where it was; each link takes the text after it.
        setattr(element, slot, text[: matches[0].start])
        for link, match, following in zip(links, matches, [*matches[1:], None], strict=True):
            link.tail = text[match.end : following.start if following else None]
        if slot == "text":
            parent, index = element, 0
        else:
            parent = _parent_of(paragraph, element)
            index = list(parent).index(element) + 1
        for offset, link in enumerate(links):
            parent.insert(index + offset, link)
    return mentioned


def first_mentions(paragraph: etree.Element) -> dict[str, tuple[int, str]]:
    """Where each entry is first named in the paragraph's text: (offset, words)."""
    found: dict[str, tuple[int, str]] = {}
    offset = 0

    def walk(element: etree.Element) -> None:
        nonlocal offset
        entry_id = element.get("data-entry") if element.tag == "a" else None
        if entry_id and entry_id not in found:
            found[entry_id] = (offset, "".join(element.itertext()))
        offset += len(element.text or "")
        for child in element:
            walk(child)
            offset += len(child.tail or "")

    walk(paragraph)
    return found


def mark_passage(paragraph: etree.Element, start: int, end: int) -> bool:
    """Wrap characters ``start:end`` of the paragraph's text in ``<mark class="cmp-quote">``,
    the passage a quote note is about. The passage may span term links, but it must begin
    and end in the paragraph's own text; otherwise it is left unmarked and ``False`` returned.
    """
    # Where each stretch of the paragraph's own text begins: p.text, then each child's tail.
    children = list(paragraph)
    slots: list[tuple[int, int]] = []  # (slot index, offset): -1 is p.text, i is children[i].tail
    offset = len(paragraph.text or "")
    bounds = [(-1, 0, offset)]
    for index, child in enumerate(children):
        offset += len("".join(child.itertext()))
        tail = len(child.tail or "")
        bounds.append((index, offset, offset + tail))
        offset += tail
    for position in (start, end):
        slot = next(((i, position - a) for i, a, b in bounds if a <= position <= b), None)
        if slot is None:
            return False
        slots.append(slot)
    (first, a), (last, b) = slots

    def text_of(slot: int) -> str:
        return (paragraph.text if slot < 0 else children[slot].tail) or ""

    def set_text(slot: int, value: str) -> None:
        if slot < 0:
            paragraph.text = value
        else:
            children[slot].tail = value

    mark = etree.Element("mark", {"class": "cmp-quote"})
    head = text_of(first)
    if first == last:
        mark.text, mark.tail = head[a:b], head[b:]
    else:
        mark.text = head[a:]
        for child in children[first + 1 : last + 1]:
            paragraph.remove(child)
            mark.append(child)
        end_tail = children[last].tail or ""
        children[last].tail, mark.tail = end_tail[:b], end_tail[b:]
    set_text(first, head[:a])
    paragraph.insert(first + 1, mark)
    return True


def _parent_of(root: etree.Element, child: etree.Element) -> etree.Element:
    for parent in root.iter():
        if child in list(parent):
            return parent
    raise ValueError("element not in tree")


def article_mentions(content: Content) -> dict[str, list[tuple[str, int]]]:
    """For each entry id, the (article, paragraph) pairs that name it: each article's
    paragraphs rendered with this extension, as a build renders them."""
    extension = CompanionExtension(content)
    md = Markdown(extensions=[extension])
    found: dict[str, list[tuple[str, int]]] = {}
    for article in content.articles.values():
        extension.current_page = article.src_uri
        md.reset().convert("\n\n".join(p.text for p in article.paragraphs))
        for number, entry_ids in extension.records[article.src_uri].mentions.items():
            for entry_id in entry_ids:
                found.setdefault(entry_id, []).append((article.src_uri, number))
    return found


def makeExtension(**kwargs) -> CompanionExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown's factory; the content must be given as ``content=``."""
    return CompanionExtension(**kwargs)
