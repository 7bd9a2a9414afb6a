"""The scripts the package ships minified by terser are made from the sources beside them, and
a script edited since (or a site's own copy) still reaches readers minified."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import rjsmin

from helpers import REPO
from reading_companion.theme_files import MINIFIED_DIR, SCRIPTS, minified

sys.path.insert(0, str(REPO / "scripts"))
from minify_scripts import TERSER, shipped  # the script that writes them


def test_each_shipped_script_is_terser_output_of_its_source() -> None:
    if not TERSER.is_file():
        reason = "terser is missing from tools/node_modules (./dev test installs it)"
        if os.environ.get("CI"):
            raise RuntimeError(reason)  # CI must check the shipped scripts, never skip it
        pytest.skip(reason)
    stale = [
        source.name
        for source in SCRIPTS
        if (MINIFIED_DIR / f"{source.stem}.min.js").read_text(encoding="utf-8") != shipped(source)
    ]
    assert stale == [], f"run ./dev minify: the shipped copies of {stale} are out of date"


@pytest.mark.parametrize("source", SCRIPTS, ids=lambda path: path.name)
def test_readers_get_the_shipped_script_with_shortened_names(source: Path) -> None:
    published = minified(source)
    assert not published.startswith("//"), "the line naming the source reached readers"
    assert len(published) < 0.85 * len(rjsmin.jsmin(source.read_text(encoding="utf-8")))


def test_a_script_edited_since_is_minified_at_build_time(tmp_path: Path) -> None:
    edited = tmp_path / SCRIPTS[0].name  # a site's own copy, changed
    edited.write_text(
        SCRIPTS[0].read_text(encoding="utf-8") + "\n// a comment\nconsole.log('edited');\n",
        encoding="utf-8",
    )
    published = minified(edited)
    assert "console.log('edited')" in published
    assert "// a comment" not in published
