"""The MkDocs adapter: the only part of the package that imports MkDocs."""

from .plugin import CompanionPlugin

__all__ = ["CompanionPlugin"]
