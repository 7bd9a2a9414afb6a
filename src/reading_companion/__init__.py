"""An annotated reading companion: load, validate and match glossary content.

The engine imports nothing from MkDocs; ``reading_companion.mkdocs_plugin``
adapts it to MkDocs, and ``reading_companion.extension`` is a Python-Markdown
extension that also works on its own.
"""

from .content import Content, load_content
from .problems import ContentError, Problem

__all__ = ["Content", "ContentError", "Problem", "load_content"]
__version__ = "0.1.0"
