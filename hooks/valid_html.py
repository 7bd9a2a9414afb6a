"""This site's MkDocs hook: two attributes in Material's own markup that the Nu HTML Checker
rejects, removed from every page as it is written.

Material writes ``autocomplete="off"`` on the checkboxes that open its drawer and search
(HTML allows the attribute on text-like inputs only) and ``tabindex=""`` on section labels
of the navigation that are not focusable. Neither sits in a template block a site can
override, so the page's final HTML is corrected instead; the patterns match only those two
spots.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*) autocomplete="off"'
)
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^>]*) tabindex=""')


def on_post_page(output: str, **_: object) -> str:
    """A page as written, without the two attributes."""
    output = CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    return EMPTY_TABINDEX.sub(r"\1", output)


def on_post_template(output_content: str, **_: object) -> str:
    """The same for pages made from a template alone, such as ``404.html``."""
    return on_post_page(output_content)
