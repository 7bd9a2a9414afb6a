"""Problems found in content, and the error that carries them all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, phrased so a contributor can fix it.

    ``line`` is 1-based and ``None`` when the file gives no position
    (for example a file that is not UTF-8). ``field`` names the front-matter
    key, dotted for nested keys (``sources.0.url``), or is empty.
    """

    path: str
    line: int | None
    field: str
    message: str
    fix: str = ""
    warning: bool = False

    def sort_key(self) -> tuple:
        """File, then line (problems without one first), then field."""
        return (self.path, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}:{field} {self.message}{fix}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        errors = [p for p in self.problems if not p.warning]
        lines = [f"Invalid content ({len(errors)} problem{'s' if len(errors) != 1 else ''}):"]
        lines += [f"  {p}" for p in errors]
        super().__init__("\n".join(lines))


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a contributor would type it: relative to the project when possible."""
    base = root or Path.cwd()
    for resolve in (False, True):  # resolving costs a system call per folder: only if needed
        try:
            if resolve:
                return path.resolve().relative_to(base.resolve()).as_posix()
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
