"""The numbered units of an article: which blocks of a rendered page are the author's text.

An article is read and annotated unit by unit. Each paragraph, block quotation, list,
table and figure (an image with its caption) is one unit: it gets a number (¶ 9), a
permalink, term links and notes beside it. A quotation or a list is one unit as a whole,
since its parts are read together and a note beside one item would stand beside them all.
Headings stay headings (with the anchors the table of contents gives them) and are never
annotated; so are rules, code blocks and the author's footnotes. A paragraph that holds no
text, such as an image on its own, is kept as it is.

The same rule applied to the source (when the content is checked) and to the page (when
it is rendered) gives the same units, so the check and the build agree on every number.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

UNIT_KINDS = {
    "p": "paragraph",
    "blockquote": "quotation",
    "ul": "list",
    "ol": "list",
    "table": "table",
    "figure": "figure",
}
# The Markdown extensions an article may use for its structure, each with the text its
# syntax cannot do without. A site that renders articles needs the ones its articles use;
# the check reads each article with those whose syntax it holds: an extension changes
# nothing where its syntax is absent, and importing pymdownx.blocks takes a quarter of a
# second, a third of checking 1,000 entries.
EXTENSION_SYNTAX = {
    "footnotes": "[^",
    "attr_list": "{",
    "tables": "|",
    "pymdownx.blocks.caption": "///",
}
ARTICLE_EXTENSIONS = list(EXTENSION_SYNTAX)


def unit_kind(block: etree.Element) -> str | None:
    """The kind of unit a top-level block is, or ``None`` for blocks kept as they are."""
    kind = UNIT_KINDS.get(block.tag)
    if kind is None or "footnote" in (block.get("class") or "").split():
        return None
    if not "".join(block.itertext()).strip():
        return None  # an image on its own, an empty list: nothing to read or annotate
    return kind


def unit_text(block: etree.Element) -> str:
    """A unit's text as a reader reads it, spaces folded: what the check anchors quote
    notes in and what the build indexes, so both must take it from here."""
    return " ".join("".join(block.itertext()).split())


def units_in(root: etree.Element) -> list[etree.Element]:
    """The top-level blocks of ``root`` that are units, in reading order."""
    return [block for block in root if unit_kind(block) is not None]
