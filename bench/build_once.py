"""Build one site in this process and print how long ``build()`` took, in seconds.

Run as a fresh process per build, so no run warms another's caches.
Usage: python bench/build_once.py SITE_DIR [--profile OUT.prof]
"""

from __future__ import annotations

import cProfile
import os
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    root = sys.argv[1]
    os.chdir(root)
    config = load_config("mkdocs.yml", site_dir=os.path.join(root, "site"))
    config.plugins.on_startup(command="build", dirty=False)
    profile = cProfile.Profile() if "--profile" in sys.argv else None
    started = time.perf_counter()
    if profile:
        profile.enable()
    build(config)
    if profile:
        profile.disable()
        profile.dump_stats(sys.argv[sys.argv.index("--profile") + 1])
    print(f"{time.perf_counter() - started:.4f}")
    config.plugins.on_shutdown()


if __name__ == "__main__":
    main()
