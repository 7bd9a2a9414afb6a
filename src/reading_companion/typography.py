"""Typographic quotes and dashes for the article's text, and the way back.

The source uses straight quotes and `` -- `` for a dash. The site sets curly
quotes and an em dash; ``plain()`` undoes that, so a quote note written with
straight quotes still finds its passage and tests can compare with the source.
"""

from __future__ import annotations

import re

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
