"""Build one site ``--builds`` times in this process, as ``mkdocs serve`` does; print each
build's seconds, one a line.

The first build of a fresh process is a *first build*: nothing is kept from before. Each
later one is a *rebuild* as under ``mkdocs serve`` (mkdocs/commands/serve.py): the config is
loaded once and ``on_startup(command="serve")`` called once; the first build uses that config,
and each rebuild loads the config again, as serve's builder does, while every plugin that
defines ``on_startup`` comes back as the same instance (MkDocs keeps it in the ``Plugins``
option's plugin cache), with whatever it kept from the build before. Unlike serve, no live-
reload script is injected, so both kinds of build write the same pages.

With ``--edit FILE`` a line is appended to FILE before each rebuild (and taken out at the
end), as a contributor's edit makes serve rebuild; only ``build()`` is timed either way.
With ``--keep-templates`` every build's Jinja environment gets one in-memory cache of
compiled templates, as the companion gives it under serve: on a plain site, the least a
rebuild costs MkDocs and Material (``bench/floors.py``).

Usage: python bench/build_once.py SITE_DIR [--builds N] [--edit FILE] [--keep-templates]
       [--profile OUT.prof]
(with more than one build, each build's profile goes to OUT.<n>.prof)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from jinja2 import Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from reading_companion.mkdocs_plugin.template_cache import TemplateCodeCache


class KeepTemplates(BasePlugin):
    """Gives each build's environment the same cache of compiled templates."""

    def __init__(self) -> None:
        self.cache = TemplateCodeCache()

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: object) -> Environment:
        env.bytecode_cache = self.cache
        return env


def timed_build(config: MkDocsConfig, profile_to: Path | None) -> float:
    """Seconds ``build()`` took; with ``profile_to``, its cProfile statistics written there."""
    profile = cProfile.Profile() if profile_to else None
    started = time.perf_counter()
    if profile:
        profile.enable()
    build(config)
    if profile:
        profile.disable()
    seconds = time.perf_counter() - started
    if profile and profile_to:
        profile.dump_stats(profile_to)
    return seconds


def profile_path(out: Path | None, number: int, builds: int) -> Path | None:
    if out is None or builds == 1:
        return out
    return out.with_suffix(f".{number}{out.suffix}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="the site's folder (holding mkdocs.yml)")
    parser.add_argument("--builds", type=int, default=1, help="builds in this process")
    parser.add_argument("--edit", type=Path, help="a file to edit before each rebuild")
    parser.add_argument("--keep-templates", action="store_true", help="keep compiled templates")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    args = parser.parse_args()
    root = args.root.resolve()
    profile = args.profile.resolve() if args.profile else None
    edited = args.edit.resolve() if args.edit else None
    original = edited.read_text(encoding="utf-8") if edited else ""
    os.chdir(root)

    keep = KeepTemplates() if args.keep_templates else None

    def get_config() -> MkDocsConfig:
        config = load_config("mkdocs.yml", site_dir=str(root / "site"))
        if keep:
            config.plugins["keep-templates"] = keep
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        for number in range(1, args.builds + 1):
            if number > 1:
                if edited:
                    edited.write_text(f"{original}\nEdited {number}.\n", encoding="utf-8")
                config = get_config()
            seconds = timed_build(config, profile_path(profile, number, args.builds))
            print(f"{seconds:.4f}", flush=True)
    finally:
        config.plugins.on_shutdown()
        if edited:
            edited.write_text(original, encoding="utf-8")


if __name__ == "__main__":
    main()
