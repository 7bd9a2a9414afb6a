"""The repository's own tooling: workflows lint clean, forms and hooks parse."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
        s.get("run") or s.get("uses")
        for job in workflow["jobs"].values()
        for s in job.get("steps", [])
    ]
    assert "./dev build" in steps
    assert any(str(s).startswith("actions/deploy-pages@") for s in steps)


def pre_commit_accepts(command: str, file: str) -> None:
    result = subprocess.run(
        [tool("pre-commit"), command, str(REPO / file)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_config_is_valid() -> None:
    pre_commit_accepts("validate-config", ".pre-commit-config.yaml")


def test_pre_commit_runs_the_locked_ruff_and_needs_no_venv() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    ruff = next(r for r in config["repos"] if r["repo"].endswith("/ruff-pre-commit"))
    assert {f"v{v}" for v in lock_pins("requirements.lock")["ruff"]} == {ruff["rev"]}
    entries = [hook.get("entry", "") for repo in config["repos"] for hook in repo["hooks"]]
    assert not any(".venv" in entry for entry in entries)
    pre_commit_accepts("validate-manifest", ".pre-commit-hooks.yaml")
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["entry"] == "companion check"


def test_issue_form_asks_for_term_kind_and_sources() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/glossary-entry.yml").read_text())
    assert form["name"] == "Propose a glossary entry"
    ids = {item.get("id") for item in form["body"]}
    assert {"term", "kind", "sources"} <= ids
    kinds = next(i for i in form["body"] if i.get("id") == "kind")["attributes"]["options"]
    assert kinds == ["person", "place", "organization", "event", "concept", "process", "media"]


def test_publishing_waits_for_the_tests_of_the_same_commit() -> None:
    publish = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    test = yaml.safe_load((REPO / ".github/workflows/test.yml").read_text())
    jobs = publish["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert "workflow_call" in test[True]  # PyYAML reads the key "on" as True
    # Only the deploying job may write to Pages; nothing else gets more than read access.
    assert publish["permissions"] == {"contents": "read"}
    assert set(jobs["deploy"]["permissions"]) == {"pages", "id-token"}


def lock_pins(name: str) -> dict[str, set[str]]:
    """Each package a lock file pins, with its versions; every pin must carry hashes."""
    text = (REPO / name).read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for match in re.finditer(
        r"^([A-Za-z0-9_.-]+)==(\S+?)(?: ;[^\\\n]*)? \\\n\s+--hash=", text, re.M
    ):
        pins.setdefault(canonicalize_name(match.group(1)), set()).add(match.group(2))
    pinned_lines = re.findall(r"^[A-Za-z0-9_.-]+==", text, re.M)
    assert len(pinned_lines) == sum(map(len, pins.values())), f"{name}: a pin without hashes"
    return pins


def test_lock_files_pin_what_pyproject_asks_for_with_hashes() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = [Requirement(r) for r in project["dependencies"]]
    extras = [Requirement(r) for group in project["optional-dependencies"].values() for r in group]
    build, full = lock_pins("requirements-build.lock"), lock_pins("requirements.lock")
    for lock, pins, wanted in [
        ("requirements-build.lock", build, base),
        ("requirements.lock", full, base + extras),
    ]:
        for requirement in wanted:
            versions = pins.get(canonicalize_name(requirement.name), set())
            assert any(requirement.specifier.contains(v, prereleases=True) for v in versions), (
                f"{lock} does not satisfy {requirement}: run ./dev lock"
            )
    # Building installs only what building needs, at the versions the tests ran with.
    assert not {canonicalize_name(r.name) for r in extras} & build.keys()
    assert all(versions <= full.get(name, set()) for name, versions in build.items())


@pytest.mark.parametrize("flag", ["--help", "-h", "help"])
def test_dev_help_exits_0_and_says_arguments_pass_through(flag: str) -> None:
    result = subprocess.run(
        ["bash", str(REPO / "dev"), flag], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "./dev check" in result.stdout
    assert "goes to the tool it runs" in result.stdout


def test_dev_refuses_an_unknown_command_with_the_help() -> None:
    result = subprocess.run(
        ["bash", str(REPO / "dev"), "deploy"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith("unknown command: deploy\n")
    assert "./dev test" in result.stderr


def workflows() -> dict[str, dict]:
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / ".github/workflows").glob("*.yml"))
    }


def test_workflows_cannot_be_turned_against_the_project() -> None:
    """SECURITY.md: a fork's code never runs with write access or secrets."""
    for name, workflow in workflows().items():
        triggers = workflow[True]  # PyYAML reads the key "on" as True
        assert "pull_request_target" not in triggers, name
        assert "workflow_run" not in triggers, name
        assert workflow["permissions"] == {"contents": "read"}, name
        text = (REPO / ".github/workflows" / name).read_text(encoding="utf-8")
        assert "secrets." not in text, name
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                uses = step.get("uses", "")
                if uses.startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, name
                if uses and not uses.startswith("./"):
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (
                        f"{name}: pin {uses} to a full commit hash"
                    )
    pull_request = workflows()["test.yml"]
    assert set(pull_request[True]) == {"pull_request", "workflow_call"}


def test_every_test_security_md_names_exists() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    named, current = [], None
    for file, test in re.findall(r"`((?:tests/)?[\w/]+\.py)?(?:::(\w+))?`", text):
        current = file or current
        if test:
            named.append((current, test))
    assert len(named) >= 20
    for file, test in named:
        path = REPO / (file if file.startswith("tests/") else f"tests/{file}")
        assert f"def {test}(" in path.read_text(encoding="utf-8"), f"{file}::{test}"
