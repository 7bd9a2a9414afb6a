"""Where the companion's templates, stylesheet and script live, and how the last two reach
readers.

Both hosts publish ``companion.css``, ``companion.js`` and ``pages.css`` from here. The files in the
package stay readable, with comments that say why; readers download them minified, which
takes about a third off their compressed size.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import rcssmin
import rjsmin

THEME_DIR = Path(str(files("reading_companion") / "theme"))
STYLESHEET = "assets/companion/companion.css"
SCRIPT = "assets/companion/companion.js"
# The glossary's, explainers' and timeline's own styles, linked by their templates only.
PAGES_STYLESHEET = "assets/companion/pages.css"
ASSETS = (STYLESHEET, SCRIPT, PAGES_STYLESHEET)
# Phrase search, added to the end of Material's search worker (see the file).
PHRASE_SEARCH = THEME_DIR / "assets/companion/phrase-search.js"


def minified(path: Path) -> str:
    """The stylesheet or script at ``path`` (the package's, or a site's own copy of one of
    :data:`ASSETS`) as readers get it."""
    text = path.read_text(encoding="utf-8")
    return rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)
