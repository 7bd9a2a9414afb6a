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
    items = [entry_note(content.entries[e], links, content) for e in entry_ids]
    anchors = article.anchors_in(number)
    items += [quote_note(a, article.note_id(a), content, links) for a in anchors]
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


def entry_note(entry: Entry, links: Links, content: Content) -> etree.Element:
    """A glossary note: term, kind, summary and, when there is one, the explainer."""
    item = etree.Element(
        "li", {"class": f"cmp-note cmp-note--{entry.meta.kind}", "id": f"note-{entry.id}"}
    )
    head = etree.SubElement(item, "p", {"class": "cmp-note__head"})
    # One tab stop per note: the term in the text already links to the same page, so the
    # note's own link is for the pointer and for screen readers' link lists, not for Tab.
    term = etree.SubElement(
        head,
        "a",
        {"class": "cmp-note__term", "href": links.entry(entry.id), "tabindex": "-1"},
    )
    term.text = entry.meta.term
    term.tail = " "
    kind = etree.SubElement(head, "span", {"class": "cmp-note__kind"})
    kind.text = entry.meta.kind
    summary = etree.SubElement(item, "p", {"class": "cmp-note__summary"})
    summary.text = smarten(entry.meta.summary)
    if entry.meta.explainer:
        more = etree.SubElement(item, "p", {"class": "cmp-note__more"})
        link = etree.SubElement(
            more,
            "a",
            {"href": links.page(content.explainers[entry.meta.explainer].src_uri)},
        )
        link.text = "Background"
    return item


def quote_note(anchor: Anchor, note_id: str, content: Content, links: Links) -> etree.Element:
    """A note anchored to a passage: the quoted words, then the explainer or entry."""
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
    text = etree.SubElement(item, "p", {"class": "cmp-note__summary"})
    text.text = smarten(target.summary)
    return item
