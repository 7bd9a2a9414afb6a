"""Find a quote note's passage in a paragraph, as the W3C TextQuoteSelector does.

The validator looks in the source text, the renderer in the typeset text; both compare
through :func:`fold`, so straight and curly quotes, ``--`` and dashes are the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .models import QuoteNote
from .typography import plain


@functools.cache  # each note's pattern is tried on every paragraph
def quote_pattern(quote: str) -> re.Pattern[str]:
    """Find source words in typeset text: any quote style, ``--`` or a dash, any spacing."""
    parts = []
    for token in re.split(r"(\s+|--|['\"])", quote):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token == "--":
            parts.append("(?:--|\u2014)")
        elif token == "'":
            parts.append("['\u2018\u2019]")
        elif token == '"':
            parts.append('["\u201c\u201d]')
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts))


def find_quotes(text: str, note: QuoteNote) -> Iterator[tuple[int, str]]:
    """Each (offset, exact words) of a quote note in ``text`` that its prefix/suffix allow."""
    for match in quote_pattern(note.quote).finditer(text):
        prefix, suffix = _context(note.prefix), _context(note.suffix)
        if prefix and not fold(text[: match.start()]).endswith(prefix):
            continue
        if suffix and not fold(text[match.end() :]).startswith(suffix):
            continue
        yield match.start(), match.group()


def locate_quote(text: str, note: QuoteNote) -> tuple[int, str] | None:
    """The first place of a quote note in a (typeset) paragraph, or ``None``."""
    return next(find_quotes(text, note), None)


@functools.cache  # a note's prefix and suffix are compared on every match of its quote
def _context(words: str | None) -> str:
    return fold(words or "")


def fold(text: str) -> str:
    """Text as quotes are compared: the source's own characters, spaces folded."""
    return " ".join(plain(text).split())
