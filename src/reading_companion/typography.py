"""Typographic quotes and dashes for the article's text, and the way back; which
text of an element tree is prose (not links' addresses, not code).

The source uses straight quotes and `` -- `` for a dash. The site sets curly
quotes and an em dash; ``plain()`` undoes that, so a quote note written with
straight quotes still finds its passage and tests can compare with the source.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.util import AtomicString

OPENERS = " \t\n([{\u2014\u2013\u201c\u2018"
DASH = re.compile(r"(?<=\s)--(?=\s)|(?<=\w)--(?=\w)")
# A quote opens after the start of the text or an opener; a single quote opens only
# before a letter or digit (otherwise it is an apostrophe: "Aliyevs'", "'90s" aside).
OPEN_DOUBLE = re.compile(f'(?<=[{OPENERS}])"')
OPEN_SINGLE = re.compile(f"(?<=[{OPENERS}])'(?=[^\\W_])")


def smarten(text: str, before: str = "") -> str:
    """Curl the quotes and set dashes in ``text``; ``before`` is the text that precedes it."""
    if not ('"' in text or "'" in text or "--" in text):
        return text
    # One character of context makes the start of ``text`` like any other position.
    context = before[-1:] if before[-1:] else " "
    text = DASH.sub("\u2014", context + text)
    text = OPEN_DOUBLE.sub("\u201c", text).replace('"', "\u201d")
    text = OPEN_SINGLE.sub("\u2018", text).replace("'", "\u2019")
    return text[1:]


def plain(text: str) -> str:
    """Straight quotes and ``--`` again: the source's own characters."""
    return (
        text.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2018", "'")
        .replace("\u2019", "'")
        .replace("\u2014", "--")
    )


SKIP_TAGS = {"a", "code", "pre", "kbd", "script", "style"}
PROSE_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "blockquote"}


def text_slots(
    element: etree.Element, *, with_code: bool = False
) -> Iterator[tuple[etree.Element, str]]:
    """Every (element, 'text' | 'tail') slot holding prose, in reading order; with
    ``with_code``, skipped code elements too, as (element, 'code'), for context."""
    if element.text and not isinstance(element.text, AtomicString):
        yield element, "text"
    for child in list(element):
        if child.tag not in SKIP_TAGS:
            yield from text_slots(child, with_code=with_code)
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
    for element, slot in text_slots(paragraph, with_code=True):
        if slot == "code":
            before = "".join(element.itertext()) or before
            continue
        before = smarten(getattr(element, slot), before)
        setattr(element, slot, before)


def prose_slots(element: etree.Element) -> Iterator[tuple[etree.Element, str]]:
    """The slots where a glossary term may be named: prose outside links and code."""
    return ((e, slot) for e, slot in text_slots(element) if not (e.tag == "a" and slot == "text"))
