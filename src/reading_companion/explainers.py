"""Load background explainers (``docs/explainers/<id>.md``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .cache import WorkCache
from .frontmatter import FromFile, read_document
from .glossary import check_body, is_content_file
from .models import ID_RE, ExplainerMeta
from .problems import Problem, display_path
from .validation import validate

EXPLAINER_WORDS = (500, 1200)


@dataclass(frozen=True)
class Explainer(FromFile):
    """A validated explainer; ``src_uri`` is its path inside ``docs/``."""

    id: str
    meta: ExplainerMeta
    src_uri: str
    path: str
    file: str = field(default="", compare=False, repr=False)  # where it was read from
    source: str = field(default="", compare=False, repr=False)  # digest of the file's bytes


def load_explainers(
    docs_dir: Path, root: Path | None = None, cache: WorkCache | None = None
) -> tuple[dict[str, Explainer], list[Problem]]:
    """Read and validate every explainer page; return them by id and all problems."""
    cache = cache or WorkCache()
    explainers: dict[str, Explainer] = {}
    problems: list[Problem] = []
    folder = docs_dir / "explainers"
    paths = sorted(p for p in folder.glob("*.md") if is_content_file(p) and p.stem != "index")
    for path in paths:
        shown = display_path(path, root)
        if not ID_RE.match(path.stem):
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"{path.name!r} is not a valid explainer file name",
                    "rename it to lowercase ASCII letters, digits and hyphens",
                )
            )
            continue
        src_uri = path.relative_to(docs_dir).as_posix()
        load = functools.partial(load_explainer, path, shown, src_uri)
        explainer, found = cache.read("explainer", path, load, shown, src_uri)
        problems += found
        if explainer is not None:
            explainers[path.stem] = explainer
    return explainers, problems


def load_explainer(
    path: Path, shown: str, src_uri: str, raw: bytes | None = None, source: str = ""
) -> tuple[Explainer | None, list[Problem]]:
    """One explainer page, validated on its own; ``src_uri`` is its path inside ``docs/``,
    ``raw`` its bytes if already read and ``source`` their digest."""
    document, problems = read_document(path, shown, raw)
    if document is None:
        return None, problems
    meta, found = validate(ExplainerMeta, document, document.meta)
    problems += found + check_body(document, EXPLAINER_WORDS)
    if meta is None:
        return None, problems
    return Explainer(path.stem, meta, src_uri, shown, str(path), source), problems
