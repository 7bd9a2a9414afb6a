"""The repository's own tooling: workflows lint clean, forms and hooks parse."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in the environment"
    return found


def test_workflows_pass_actionlint() -> None:
    workflows = sorted(str(p) for p in (REPO / ".github/workflows").glob("*.yml"))
    assert len(workflows) == 2
    result = subprocess.run(
        [tool("actionlint"), *workflows], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_publish_workflow_builds_strictly_and_deploys_to_pages() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    steps = [
        s.get("run") or s.get("uses") for job in workflow["jobs"].values() for s in job["steps"]
    ]
    assert "./dev build" in steps
    assert any(str(s).startswith("actions/deploy-pages@") for s in steps)


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [tool("pre-commit"), "validate-config", str(REPO / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_asks_for_term_kind_and_sources() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/glossary-entry.yml").read_text())
    assert form["name"] == "Propose a glossary entry"
    ids = {item.get("id") for item in form["body"]}
    assert {"term", "kind", "sources"} <= ids
    kinds = next(i for i in form["body"] if i.get("id") == "kind")["attributes"]["options"]
    assert kinds == ["person", "place", "organization", "event", "concept", "process", "media"]
