"""Load background explainers (``docs/explainers/<id>.md``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import FromFile, read_document
from .glossary import check_body, date_problems
from .models import ExplainerMeta
from .problems import Problem
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


def load_explainer(path: Path, shown: str, src_uri: str) -> tuple[Explainer | None, list[Problem]]:
    """One explainer page, validated on its own; ``src_uri`` is its path inside ``docs/``."""
    document, problems = read_document(path, shown)
    if document is None:
        return None, problems
    meta, found = validate(ExplainerMeta, document, document.meta)
    problems += found + check_body(document, EXPLAINER_WORDS)
    if meta is None:
        return None, problems
    problems += date_problems(document, meta.updated, meta.sources)
    return Explainer(path.stem, meta, src_uri, shown, str(path)), problems


def listed_paths(nav: object) -> Iterator[str]:
    """Every page path written in a ``nav`` setting, however nested."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from listed_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from listed_paths(item)
