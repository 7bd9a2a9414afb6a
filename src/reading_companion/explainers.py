"""Load background explainers (``docs/explainers/<id>.md``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import read_document
from .glossary import check_body, is_content_file
from .models import ID_RE, ExplainerMeta
from .problems import Problem, display_path
from .validation import validate

EXPLAINER_WORDS = (500, 1200)


@dataclass(frozen=True)
class Explainer:
    """A validated explainer; ``src_uri`` is its path inside ``docs/``."""

    id: str
    meta: ExplainerMeta
    src_uri: str
    path: str
    lines: dict = field(default_factory=dict, compare=False, repr=False)


def load_explainers(
    docs_dir: Path, root: Path | None = None
) -> tuple[dict[str, Explainer], list[Problem]]:
    """Read and validate every explainer page; return them by id and all problems."""
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
        document, found = read_document(path, shown)
        problems += found
        if document is None:
            continue
        meta, found = validate(ExplainerMeta, document, document.meta)
        problems += found + check_body(document, EXPLAINER_WORDS)
        if meta is not None:
            src_uri = path.relative_to(docs_dir).as_posix()
            explainers[path.stem] = Explainer(path.stem, meta, src_uri, shown, document.lines)
    return explainers, problems
