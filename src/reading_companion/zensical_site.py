"""Build the site with Zensical, which runs Python-Markdown extensions but no MkDocs plugins.

What the MkDocs plugin does in memory is done here around ``zensical build``:

1. **Before** (:func:`stage`): load and validate the content (a broken entry stops here,
   before anything is written); write a copy of ``docs/`` into ``build/zensical/docs``
   with the glossary's pages added, and with every page that uses a companion template
   given its template's output as two strings of front matter, ``companion_head`` and
   ``companion_foot``, which one small template (``companion/zensical-page.html``)
   puts around the page's own Markdown. The templates are the MkDocs plugin's own,
   rendered here with Jinja2 (Zensical's template engine lacks the filters and
   methods they use), so both hosts show the same words. The configuration is the
   site's ``mkdocs.yml`` with the extension, the stylesheet and the script added.
2. **During**: Zensical builds the copy; the extension annotates the article as under
   MkDocs, learning which page it renders from Zensical.
3. **After** (:func:`finish`): add the paragraph and alias documents to Zensical's
   ``search.json`` and publish the notes as Web Annotations.

``build/`` is ignored by git: ``glossary/`` and ``docs/`` stay the only sources.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import markdown
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader, pass_context

from .content import ENTRY_PAGES, Content, entry_page, load_content
from .dates import readable_date
from .explainers import listed_paths
from .extension import ArticleRecord, CompanionExtension, state_of
from .frontmatter import parse_document
from .maps import map_warnings, read_base
from .page_meta import INDEX_URI, entry_meta, index_markdown, set_page_defaults
from .problems import ContentError, Problem
from .search import entry_names, paragraph_documents
from .site_config import CONFIG_FILE, companion_options, content_folders, dump_config, read_config
from .theme_files import ASSETS, SCRIPT, STYLESHEET, THEME_DIR, minified
from .typography import smarten
from .usage import passages, pointers
from .views import SITE_LINKS, Views
from .web_annotations import write_annotations

PAGE_TEMPLATE = "companion/zensical-page.html"
STAGE = Path("build/zensical")  # under the project folder; build/ is ignored by git
# The page's HTML in a template's content block: the text before it is the head, after it
# the foot. (A character no template or content writes.)
CONTENT_MARK = "\ufdd0companion-content\ufdd0"


# -- URLs, as MkDocs and Zensical make them --


def url_maker(directory_urls: bool) -> Callable[[str], str]:
    """The site-relative URL of a page path inside ``docs/``."""

    def url_of(src_uri: str) -> str:
        path = src_uri.removesuffix(".md")
        if not directory_urls:
            return path + ".html"
        if path == "index":
            return ""
        return path.removesuffix("/index") + "/" if path.endswith("/index") else path + "/"

    return url_of


def relative_url(target: str, here: str) -> str:
    """``target`` (site-relative) as a link from the page at ``here``: MkDocs' ``url``
    filter, which the templates use."""
    if urlsplit(target).scheme or target.startswith(("/", "#")):
        return target
    path, hash_, fragment = target.partition("#")
    start = "/" + here.rpartition("/")[0]
    relative = posixpath.relpath("/" + path, start)
    if path == "" or path.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative + hash_ + fragment


# -- Staging --


class _PageContent(str):
    """Stands for the page's HTML in a template: prints as the mark, and answers the
    templates' one question about it (``"<h1" in page.content``) from the Markdown."""

    has_h1: bool

    def __new__(cls, body: str) -> _PageContent:
        content = super().__new__(cls, CONTENT_MARK)
        content.has_h1 = re.search(r"^#[ \t]", body, re.MULTILINE) is not None
        return content

    def __contains__(self, part: object) -> bool:
        return self.has_h1 if part == "<h1" else str.__contains__(self, part)  # type: ignore[operator]


@dataclass
class Stage:
    """A site made ready for Zensical, and what :func:`finish` needs after its build."""

    config_file: Path
    site_dir: Path
    site_url: str
    content: Content
    records: dict[str, ArticleRecord]
    url_of: Callable[[str], str]

    @property
    def built(self) -> Path:
        """Where Zensical writes the site: beside its configuration, as it requires."""
        return self.config_file.parent / "site"


def template_environment(custom_dir: Path | None) -> Environment:
    """Jinja2 as MkDocs sets it up for the plugin's templates: the site's own folder
    first, the package's next; Material's partials the content blocks include are
    left out (Zensical's template draws the page's actions itself)."""
    folders = [FileSystemLoader(str(custom_dir))] if custom_dir else []
    env = Environment(
        loader=ChoiceLoader(
            [*folders, FileSystemLoader(str(THEME_DIR)), DictLoader({"partials/actions.html": ""})]
        ),
        autoescape=False,  # as MkDocs: the templates turn it on where they write text
    )
    env.filters["companion_date"] = readable_date
    env.filters["companion_smart"] = smarten
    env.filters["url"] = _url
    return env


# Where the page being rendered lies (its site-relative URL), in its template's context:
# the ``url`` filter reads it from there, as MkDocs' reads the page. (A filter made per page
# would not do: Jinja looks filters up once per compiled template, and partials are shared.)
PAGE_URL = "companion_page_url"


@pass_context
def _url(context: Any, target: object) -> str:
    return relative_url(str(target or ""), context[PAGE_URL])


def render_around(
    env: Environment, template: str, context: dict[str, Any], here: str
) -> tuple[str, str, str]:
    """The head and the foot a template's content block puts around the page's HTML, and
    what its ``companion_head`` block adds to the document's head."""
    compiled = env.get_template(template)
    context = {**context, PAGE_URL: here}
    html = "".join(compiled.blocks["content"](compiled.new_context(context)))
    head, _, foot = html.partition(CONTENT_MARK)
    in_head = compiled.blocks.get("companion_head")
    return head, foot, "".join(in_head(compiled.new_context(context))) if in_head else ""


def annotate_articles(content: Content, extensions: list, configs: dict) -> dict:
    """Run the extension over every article, as the host will: what it finds makes the
    backlinks, search documents and annotations."""
    extension = CompanionExtension(content=content)
    for src_uri, article in content.articles.items():
        extension.current_page = src_uri
        markdown.Markdown(extensions=[*extensions, extension], extension_configs=configs).convert(
            article.body
        )
    return extension.records


def _extensions_of(config: dict) -> tuple[list[str], dict]:
    names, options = [], {}
    for item in config.get("markdown_extensions") or []:
        name, value = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if isinstance(value, dict):
            options[name] = value
    return names, options


def stage(root: Path, *, strict: bool = False) -> Stage:
    """Load the content and write the site Zensical builds into ``root/build/zensical``.

    Raises :class:`~reading_companion.problems.ContentError` before writing anything
    when the content is broken (or, for a ``strict`` build of a site that sets the
    plugin's ``strict_content``, has warnings)."""
    root = root.resolve()
    config = read_config(root / CONFIG_FILE)
    options = companion_options(config)
    glossary, docs = (root / folder for folder in content_folders(config))
    custom = (config.get("theme") or {}).get("custom_dir")
    custom_dir = root / custom if isinstance(custom, str) else None
    content = load_content(glossary, docs, root)
    map_data = str(options.get("map_data") or "data/map.json")
    map_base = read_map(root, map_data)
    map_problems = map_warnings(map_base, content.entries, map_data)
    if strict and options.get("strict_content") and (content.warnings or map_problems):
        raise ContentError(content.warnings + map_problems)  # as under MkDocs
    if content.warnings:
        print(f"{len(content.warnings)} content warnings (run 'companion check' to list them)")
    for problem in map_problems:  # as MkDocs' log says them
        print(f"warning: {problem}")
    extensions, extension_options = _extensions_of(config)
    records = annotate_articles(content, extensions, extension_options)

    url_of = url_maker(config.get("use_directory_urls", True) is not False)
    views = Views(content, pointers(records), url_of, passages(records), map_base)
    wanted = _files_under(docs, "docs")  # path under the stage -> bytes
    pages = {uri[5:]: data.decode("utf-8") for uri, data in wanted.items() if uri.endswith(".md")}
    pages[INDEX_URI] = index_markdown()
    for entry in content.entries.values():
        meta = entry_meta(entry, float(options.get("entry_boost", 2.0)))
        pages[entry_page(entry.id)] = _front_matter(meta) + entry.body

    nav = config.get("nav")
    explainer_pages = content.explainer_pages
    in_nav = [p for p in listed_paths(nav) if p in explainer_pages] if nav else []
    unlisted = sorted(set(explainer_pages) - set(in_nav))
    if nav:
        _add_to_nav(nav, SITE_LINKS["explainers"], unlisted)
    order = in_nav + unlisted

    renderer = _Pages(
        content,
        views,
        template_environment(custom_dir),
        {name: url_of(uri) if uri in pages else None for name, uri in SITE_LINKS.items()},
        order,
        url_of,
    )
    for src_uri, text in pages.items():
        wanted[f"docs/{src_uri}"] = renderer.staged(src_uri, text).encode("utf-8")
    wanted.update(_files_under(THEME_DIR / "assets", "theme/assets"))
    if custom_dir:  # the site's own files win over the package's, as under MkDocs
        wanted.update(_files_under(custom_dir, "theme"))
    for uri in ASSETS:  # readers get them minified, whichever copy wins
        own = custom_dir / uri if custom_dir else None
        source = own if own is not None and own.is_file() else THEME_DIR / uri
        wanted[f"theme/{uri}"] = minified(source).encode("utf-8")
    wanted[f"theme/{PAGE_TEMPLATE}"] = (THEME_DIR / PAGE_TEMPLATE).read_bytes()

    site_dir = root / str(config.get("site_dir") or "site")
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"  # Zensical keeps it beside its configuration
    # Material's look unless the site chose one: the companion's styles are made for it.
    config["theme"] = {"variant": "classic", **(config.get("theme") or {}), "custom_dir": "theme"}
    config["extra_css"] = [*(config.get("extra_css") or []), STYLESHEET]
    config["extra_javascript"] = [*(config.get("extra_javascript") or []), SCRIPT]
    extension = {"glossary_dir": str(glossary), "docs_dir": str(docs)}
    config["markdown_extensions"] = [
        *(config.get("markdown_extensions") or []),
        {"reading_companion.extension": extension},
    ]
    # Entry pages stay out of the navigation, as under MkDocs; the index stays in.
    hidden = f"/{ENTRY_PAGES}/*.md\n!/{INDEX_URI}"
    config["not_in_nav"] = "\n".join(x for x in (config.get("not_in_nav"), hidden) if x)
    config.pop("plugins", None)  # Zensical ignores them; their work is done here
    config.pop("hooks", None)  # unsupported, and their paths would not resolve from here
    wanted["mkdocs.yml"] = (
        "# Written by 'companion zensical' from ../../mkdocs.yml: edit that, not this.\n"
        + dump_config(config)
    ).encode("utf-8")
    out = root / STAGE
    _sync(out, wanted)
    config_file = out / "mkdocs.yml"
    site_url = config.get("site_url")
    return Stage(
        config_file,
        site_dir,
        site_url if isinstance(site_url, str) else "",
        content,
        records,
        url_of,
    )


def read_map(root: Path, map_data: str) -> dict | None:
    """The map's base shapes, or ``None``; data that cannot be read stops the build."""
    try:
        return read_base(root / map_data)
    except ValueError as error:
        raise ContentError([Problem(map_data, None, "", str(error))]) from None


def _files_under(folder: Path, prefix: str) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        f"{prefix}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _sync(out: Path, wanted: dict[str, bytes]) -> None:
    """Make ``out`` hold ``wanted``, writing only what changed (a serving Zensical then
    renders only those pages again) and removing what is no longer wanted; the site
    Zensical writes there is its own."""
    for name, data in wanted.items():
        target = out / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for folder in (out / "docs", out / "theme"):
        for path in sorted(folder.rglob("*"), reverse=True):  # files before their folders
            name = path.relative_to(out).as_posix()
            if path.is_file() and name not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _front_matter(meta: dict, body_line: int = 4) -> str:
    """Front matter (JSON, which is YAML) that ends where the body starts at ``body_line``,
    so that what Zensical reports about the body names the line of the file as written."""
    blank = "\n" * max(0, body_line - 4)
    return f"---\n{json.dumps(meta, ensure_ascii=False, default=str)}\n{blank}---\n"


@dataclass
class _Pages:
    """What staging a page needs to render its companion template around it."""

    content: Content
    views: Views
    env: Environment
    links: dict[str, str | None]
    explainer_order: list[str]
    url_of: Callable[[str], str]

    def staged(self, src_uri: str, text: str) -> str:
        """A page as Zensical is given it: as written, or with its companion template's
        head and foot in its front matter."""
        document, _ = parse_document(text, src_uri)
        if document is None:  # no front matter: a plain page
            return text
        meta = dict(document.meta)
        set_page_defaults(meta, src_uri, self.content)
        template = meta.get("template")
        if not (isinstance(template, str) and template.startswith("companion/")):
            return text
        if src_uri in self.content.articles:
            meta["companion_article"] = True  # the template's skip link
        here = self.url_of(src_uri)
        page = SimpleNamespace(
            title=meta.get("title") or _first_heading(document.body) or src_uri,
            content=_PageContent(document.body),
            meta=meta,
            url=here,
        )
        context = {"page": page, "companion_links": self.links}
        context.update(self.views.context(src_uri, meta, self.explainer_order))
        head, foot, in_head = render_around(self.env, template, context, here)
        meta.update(template=PAGE_TEMPLATE, companion_head=head, companion_foot=foot)
        if in_head:
            meta["companion_extrahead"] = in_head
        return _front_matter(meta, document.body_line) + document.body


def _first_heading(body: str) -> str | None:
    found = re.search(r"^#[ \t]+(.+?)[ \t#]*$", body, re.MULTILINE)
    return found.group(1) if found else None


def _add_to_nav(nav: list, home: str, pages: list[str]) -> None:
    """Append ``pages`` to the section of ``nav`` that lists ``home``, else to the end."""

    def find(items: list) -> list | None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if value == home:
                return items
            if isinstance(value, list) and (found := find(value)) is not None:
                return found
        return None

    (find(nav) or nav).extend(pages)


# -- After the build --


def finish(stage: Stage) -> None:
    """Add the companion's search documents to Zensical's index; write Web Annotations."""
    index = stage.built / "search.json"
    if index.exists():
        add_search_items(index, stage.content, stage.records, stage.url_of)
    write_annotations(stage.built, stage.site_url, stage.content, stage.records, stage.url_of)


def add_search_items(
    index: Path,
    content: Content,
    records: dict[str, ArticleRecord],
    url_of: Callable[[str], str],
) -> None:
    """Zensical's ``search.json``: an article's own items give way to one per paragraph
    (so a phrase opens its paragraph), and entries gain their other names."""
    data = json.loads(index.read_text(encoding="utf-8"))
    names = entry_names(content, url_of)
    articles = {url_of(src_uri) for src_uri in records}
    items = []
    for item in data["items"]:
        page = item["location"].partition("#")[0]
        if page in articles:
            continue
        if item["location"] in names:
            item["text"] = f"<p>{names[item['location']].text}</p>{item['text']}"
        items.append(item)
    for document in paragraph_documents(records, url_of):
        items.append(
            {
                "location": document.location,
                "level": 0 if "#" not in document.location else 1,
                "title": document.title,
                "text": document.text,
                "path": [],
                "tags": [],
            }
        )
    data["items"] = items
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def run(command: str, root: Path, arguments: list[str]) -> int:
    """``companion zensical build|serve``: stage, run Zensical, finish."""
    try:
        staged = stage(root, strict="--strict" in arguments or "-s" in arguments)
    except ContentError as error:
        _report(error)
        print("The site was not built: fix the content and build again.", file=sys.stderr)
        return 1
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which(
        "zensical"
    )
    if zensical is None:
        print(
            "Zensical is not installed: pip install 'reading-companion[zensical]'.", file=sys.stderr
        )
        return 1
    command_line = [zensical, command, "--config-file", str(staged.config_file), *arguments]
    if command == "serve":
        return serve(root, command_line)
    result = subprocess.run(command_line, cwd=root, check=False)
    if result.returncode == 0:
        finish(staged)
        publish(staged)
    return result.returncode


def serve(root: Path, command_line: list[str]) -> int:
    """Run ``zensical serve`` on the stage, and stage again whenever an entry, explainer or
    page changes: Zensical watches only the stage. Broken content leaves the last good
    stage in place, and says what is wrong."""
    folders = tuple(str(root / f) for f in content_folders(read_config(root / CONFIG_FILE)))
    process = subprocess.Popen(command_line, cwd=root)
    # Stopped by a signal, stop Zensical too (Python leaves its children running).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seen = state_of(folders)
    try:
        while process.poll() is None:
            time.sleep(1)
            now = state_of(folders)
            if now == seen:
                continue
            seen = now
            try:
                stage(root)
            except ContentError as error:
                _report(error)
                print("Serving the last good content until this is fixed.", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        if process.poll() is None:
            process.terminate()
    return process.wait()


def _report(error: ContentError) -> None:
    """The errors, as ``companion check`` prints them (it lists the warnings too); the
    warnings when they are what stopped the build (``strict_content``)."""
    errors = [p for p in error.problems if not p.warning] or error.problems
    for problem in sorted(errors, key=Problem.sort_key):
        print(("warning: " if problem.warning else "") + str(problem), file=sys.stderr)


def publish(stage: Stage) -> None:
    """Put the finished site where the site's configuration says, in place of the last."""
    if stage.site_dir.exists():
        shutil.rmtree(stage.site_dir)
    shutil.move(stage.built, stage.site_dir)
