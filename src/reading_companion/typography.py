"""Typographic quotes and dashes for the article's text, and the way back.

The source uses straight quotes and `` -- `` for a dash. The site sets curly
quotes and an em dash; ``plain()`` undoes that, so a quote note written with
straight quotes still finds its passage and tests can compare with the source.
"""

from __future__ import annotations

import re

OPENERS = set(" \t\n([{\u2014\u2013\u201c\u2018")
DASH = re.compile(r"(?<=\s)--(?=\s)|(?<=\w)--(?=\w)")


def smarten(text: str, before: str = "") -> str:
    """Curl the quotes and set dashes in ``text``; ``before`` is the text that precedes it."""
    text = DASH.sub("\u2014", text)
    out = []
    previous = before[-1:] or " "
    for index, char in enumerate(text):
        if char == '"':
            char = "\u201c" if previous in OPENERS else "\u201d"
        elif char == "'":
            following = text[index + 1 : index + 2]
            opening = previous in OPENERS and following.isalnum()
            char = "\u2018" if opening else "\u2019"
        out.append(char)
        previous = char
    return "".join(out)


def plain(text: str) -> str:
    """Straight quotes and ``--`` again: the source's own characters."""
    return (
        text.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2018", "'")
        .replace("\u2019", "'")
        .replace("\u2014", "--")
    )
