"""Write the companion's shipped scripts: its page script and its phrase search, minified by
terser (names shortened, which rjsmin cannot do: about 0.9 KB less per page, compressed), into
the package's ``minified/`` folder, each under a first line naming its source's SHA-256.

The package publishes the ``.min.js`` while that line matches its source, and falls back to
rjsmin otherwise (a site's own copy, or a source edited since), so building never needs
Node. The test suite reruns this and fails when a shipped file is out of date.

Usage: ./dev minify   (terser comes from tools/package-lock.json, installed with npm ci)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from reading_companion.theme_files import MINIFIED_DIR, SCRIPTS, shipped_header  # noqa: E402

TERSER = ROOT / "tools/node_modules/.bin/terser"


def terser(source: Path) -> str:
    """``source`` compressed and with its local names shortened."""
    result = subprocess.run(
        [str(TERSER), str(source), "--compress", "--mangle"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def shipped(source: Path) -> str:
    """The text of the ``.min.js`` to ship for ``source``."""
    return shipped_header(source.read_text(encoding="utf-8")) + terser(source)


def main() -> None:
    for source in SCRIPTS:
        target = MINIFIED_DIR / f"{source.stem}.min.js"
        target.write_text(shipped(source), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
