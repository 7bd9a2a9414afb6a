"""The markup of term links, notes and numbered paragraphs, as ElementTree elements.

Python-Markdown serialises these elements and escapes all text, so no HTML is
ever pasted together from strings. Class names start with ``cmp-`` (companion)
and are styled by ``theme/assets/companion/companion.css``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from urllib.parse import urlsplit

from .articles import Anchor, Article
from .content import ENTRY_PAGE, Content
from .glossary import Entry
from .typography import smarten


@dataclass(frozen=True)
class Links:
    """How notes link from the page being rendered (``here``, its path inside ``docs/``).

    Links to pages are relative ``.md`` paths, as written in Markdown, so that a host such
    as MkDocs rewrites them to URLs and checks them. ``entry_url`` says where an entry's
    page is, ``{id}`` standing for its id: a path inside ``docs/`` or an absolute address.
    """

    here: str
    entry_url: str = ENTRY_PAGE

    def page(self, src_uri: str) -> str:
        """A page of ``docs/``, relative to this one."""
        return "../" * self.here.count("/") + src_uri

    def entry(self, entry_id: str) -> str:
        """An entry's page."""
        url = self.entry_url.format(id=entry_id)
        absolute = url.startswith("/") or urlsplit(url).scheme
        return url if absolute else self.page(url)


def term_link(entry: Entry, text: str, links: Links) -> etree.Element:
    """A marked term in the text: links to the entry; scripts show its note as a preview."""
    link = etree.Element(
        "a",
        {"class": "cmp-term", "href": links.entry(entry.id), "data-entry": entry.id},
    )
    link.text = text
    return link


def paragraph_unit(
    paragraph: etree.Element,
    number: int,
    entry_ids: list[str],
    article: Article,
    content: Content,
    links: Links,
) -> etree.Element:
    """The unit (a paragraph, quotation, list, table or figure), its "¶ N" permalink and
    its notes, wrapped as one addressable unit."""
    unit = etree.Element("div", {"class": "cmp-unit", "id": f"p{number}"})
    # Read aloud as "Paragraph 9", not "Paragraph pilcrow 9"; seen as "¶ 9".
    permalink = etree.SubElement(
        unit,
        "a",
        {
            "class": "cmp-pnum",
            "href": f"#p{number}",
            "title": "Link to this paragraph",
            "aria-label": f"Paragraph {number}",
        },
    )
    permalink.text = f"¶\u00a0{number}"
    paragraph.set("class", " ".join(filter(None, ["cmp-text", paragraph.get("class")])))
    unit.append(paragraph)
    # Each note's summary links the entries it names, once in the aside, none with a note
    # of its own here: the reader can preview them in turn (companion.js).
    linked = set(entry_ids)
    items = [entry_note(content.entries[e], links, content, linked) for e in entry_ids]
    anchors = article.anchors_in(number)
    items += [quote_note(a, article.note_id(a), content, links, linked) for a in anchors]
    if items:
        unit.append(notes_aside(number, items))
    else:
        unit.set("class", "cmp-unit cmp-unit--bare")
    return unit


def notes_aside(number: int, items: list[etree.Element]) -> etree.Element:
    """The notes of one paragraph: a labelled aside that folds on narrow screens."""
    aside = etree.Element(
        "aside",
        {
            "class": "cmp-notes",
            "aria-label": f"Notes for paragraph {number}",
        },
    )
    fold = etree.SubElement(aside, "details", {"class": "cmp-fold", "open": "open"})
    summary = etree.SubElement(fold, "summary", {"class": "cmp-fold__label"})
    summary.text = f"{len(items)} note{'s' if len(items) != 1 else ''} on ¶\u00a0{number}"
    listing = etree.SubElement(fold, "ul", {"class": "cmp-notes__list"})
    for item in items:
        listing.append(item)
    return aside


def entry_note(
    entry: Entry, links: Links, content: Content, linked: set[str] | None = None
) -> etree.Element:
    """A glossary note: term, kind, summary and, when there is one, the explainer. The
    summary links the entries it names, except those in ``linked`` (which gains them)."""
    item = etree.Element(
        "li", {"class": f"cmp-note cmp-note--{entry.meta.kind}", "id": f"note-{entry.id}"}
    )
    head = etree.SubElement(item, "p", {"class": "cmp-note__head"})
    # The script takes the note's own link out of the Tab order (the term in the text
    # links to the same page); it stays for the pointer and screen readers' link lists.
    term = etree.SubElement(head, "a", {"class": "cmp-note__term", "href": links.entry(entry.id)})
    term.text = entry.meta.term
    term.tail = " "
    kind = etree.SubElement(head, "span", {"class": "cmp-note__kind"})
    kind.text = entry.meta.kind
    skip = linked if linked is not None else set()
    skip.add(entry.id)
    item.append(linked_summary(entry.meta.summary, content, links, skip))
    if entry.meta.explainer:
        more = etree.SubElement(item, "p", {"class": "cmp-note__more"})
        link = etree.SubElement(
            more,
            "a",
            {"href": links.page(content.explainers[entry.meta.explainer].src_uri)},
        )
        link.text = "Background"
    return item


def quote_note(
    anchor: Anchor, note_id: str, content: Content, links: Links, linked: set[str] | None = None
) -> etree.Element:
    """A note anchored to a passage: the quoted words, then the explainer or entry, whose
    summary links the entries it names as :func:`entry_note`'s does."""
    target = content.note_target(anchor.note)
    item = etree.Element("li", {"class": "cmp-note cmp-note--quote", "id": note_id})
    quoted = etree.SubElement(item, "p", {"class": "cmp-note__quote"})
    quoted.text = f"\u201c{smarten(anchor.note.quote)}\u201d"
    head = etree.SubElement(item, "p", {"class": "cmp-note__head"})
    href = links.page(target.src_uri) if anchor.note.explainer else links.entry(target.id)
    link = etree.SubElement(head, "a", {"class": "cmp-note__term", "href": href})
    link.text = target.title
    link.tail = " "
    label = etree.SubElement(head, "span", {"class": "cmp-note__kind"})
    label.text = target.kind
    skip = linked if linked is not None else set()
    if not anchor.note.explainer:
        skip.add(target.id)
    item.append(linked_summary(target.summary, content, links, skip))
    return item


def linked_summary(summary: str, content: Content, links: Links, skip: set[str]) -> etree.Element:
    """A note's summary, each entry it names linked once, except those in ``skip`` (which
    gains the ones linked here)."""
    paragraph = etree.Element("p", {"class": "cmp-note__summary"})
    parts = content.matcher.parts(smarten(summary), skip)
    paragraph.text = parts[0][0]
    for (name, entry_id), (after, _) in zip(parts[1::2], parts[2::2], strict=True):
        # No data-entry: the script reads the entry from the address (a lighter page).
        href = links.entry(str(entry_id))
        link = etree.SubElement(paragraph, "a", {"class": "cmp-term", "href": href})
        link.text, link.tail = name, after
    return paragraph
