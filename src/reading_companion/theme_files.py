"""Where the companion's templates, stylesheet and script live, and how the last two reach
readers.

Both hosts publish ``companion.css``, ``companion.js`` and ``pages.css`` from here. The files in the
package stay readable, with comments that say why; readers download them minified, which
takes about a third off their compressed size. Scripts ship minified by terser in ``minified/``
(``scripts/minify_scripts.py``, which shortens names as no Python minifier can);
a stylesheet, a site's own copy of a script, or a script edited since goes through
rcssmin or rjsmin at build time.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

import rcssmin
import rjsmin

THEME_DIR = Path(str(files("reading_companion") / "theme"))
PACKAGE_DIR = THEME_DIR.parent
# terser's output for each script, made by scripts/minify_scripts.py (outside the theme
# folder, which hosts publish whole).
MINIFIED_DIR = PACKAGE_DIR / "minified"
STYLESHEET = "assets/companion/companion.css"
SCRIPT = "assets/companion/companion.js"
# The glossary's, explainers' and timeline's own styles, linked by their templates only.
PAGES_STYLESHEET = "assets/companion/pages.css"
ASSETS = (STYLESHEET, SCRIPT, PAGES_STYLESHEET)
# Phrase search, added to the end of Material's search worker (see the file).
PHRASE_SEARCH = PACKAGE_DIR / "worker/phrase-search.js"
# The scripts the package ships minified by terser.
SCRIPTS = (THEME_DIR / SCRIPT, PHRASE_SEARCH)


def shipped_header(source: str) -> str:
    """The first line of a shipped ``.min.js``: which source it was made from."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return f"// terser output of the source with SHA-256 {digest}\n"


def minified(path: Path) -> str:
    """The stylesheet or script at ``path`` (the package's, or a site's own copy of one of
    :data:`ASSETS`) as readers get it: a script's shipped ``.min.js`` when it was made from
    this very text, else rjsmin's output."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        return rcssmin.cssmin(text)
    shipped = MINIFIED_DIR / f"{path.stem}.min.js"
    if shipped.is_file():
        header, _, body = shipped.read_text(encoding="utf-8").partition("\n")
        if f"{header}\n" == shipped_header(text):
            return body
    return rjsmin.jsmin(text)
