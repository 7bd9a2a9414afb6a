"""Every page of the site is valid HTML, as the Nu HTML Checker (vnu.jar) reads it.

The checker comes from the npm registry, pinned in ``tools/package-lock.json``, and runs on
Java; ``./dev test`` installs both when they are missing. The site's MkDocs build is checked
(the one it publishes); the README lists what Zensical's own templates still write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import RealSite
from helpers import REPO

VNU = REPO / "tools/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")

if JAVA is None or not VNU.is_file():
    reason = "the Nu HTML Checker needs Java and tools/node_modules (./dev test installs them)"
    if os.environ.get("CI"):
        raise RuntimeError(reason)  # CI must check the HTML, never skip it
    pytest.skip(reason, allow_module_level=True)


def test_no_page_has_an_html_error(built_real_site: RealSite) -> None:
    pages = sorted(built_real_site.folder.rglob("*.html"))
    assert len(pages) > 60
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found = [
        f"{m['url'].split(built_real_site.folder.name, 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert found == []
