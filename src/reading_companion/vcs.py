"""What git knows of the content, when it is there to ask: messages about two files
name the one a contributor has just added first."""

from __future__ import annotations

import subprocess
from pathlib import Path


def added_files(folder: Path) -> set[Path]:
    """Files under ``folder`` that are new to git (untracked, or added but never
    committed); empty when git or a repository is not there to tell."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
        status = _git(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return set()
    added = set()
    for record in filter(None, status.split("\0")):
        code, path = record[:2], record[3:]
        if code == "??" or code[0] == "A":
            added.add((Path(top) / path).resolve())
    return added


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, timeout=10
    ).stdout
