"""Work on the prose of an element tree: term links and quoted passages.

These functions walk ``text`` and ``tail`` slots in reading order (see
:func:`.typography.text_slots`) and never touch links or code, as Python-Markdown's
``abbr`` does.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .content import Content
from .notes import Links, term_link
from .typography import prose_slots


def link_terms(paragraph: etree.Element, content: Content, links: Links) -> list[str]:
    """Link the first mention of each entry in the paragraph; return entry ids in that order."""
    mentioned: list[str] = []
    for element, slot in list(prose_slots(paragraph)):
        text = getattr(element, slot)
        # Link an entry once per paragraph: a paragraph full of links is hard to read.
        matches = []
        for match in content.matcher.find(text):
            if match.target not in mentioned:
                mentioned.append(match.target)
                matches.append(match)
        if not matches:
            continue
        made = [
            term_link(content.entries[match.target], text[match.start : match.end], links)
            for match in matches
        ]
        # Text before the first match stays where it was; each link takes the text after it.
        setattr(element, slot, text[: matches[0].start])
        for link, match, following in zip(made, matches, [*matches[1:], None], strict=True):
            link.tail = text[match.end : following.start if following else None]
        if slot == "text":
            parent, index = element, 0
        else:
            parent = _parent_of(paragraph, element)
            index = list(parent).index(element) + 1
        for offset, link in enumerate(made):
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
