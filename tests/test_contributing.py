"""What a contributor relies on: the schema matches the validator, the template is valid."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from helpers import REPO
from reading_companion.cli import main
from reading_companion.frontmatter import read_document
from reading_companion.models import EntryMeta
from reading_companion.schema import SCHEMA_PATH, entry_schema_text


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == entry_schema_text(), "run: .venv/bin/companion schema"


def test_template_is_a_valid_entry_by_model_and_schema(tmp_path: Path) -> None:
    document, problems = read_document(REPO / "glossary/_template.md", "glossary/_template.md")
    assert problems == []
    EntryMeta.model_validate(document.meta)
    schema = json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8"))
    data = json.loads(json.dumps(document.meta, default=str))  # dates as YAML gives them
    jsonschema.validate(data, schema)


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8"))
    bad = {"term": "X", "kind": "city", "summary": "s", "sources": [], "updated": "2026-01-01"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_template_copied_as_an_entry_checks_clean(tmp_path: Path, capsys) -> None:
    """CONTRIBUTING's first step: copy the template, fill it in, run the check."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(REPO / "glossary/_template.md", tmp_path / "glossary/zangezur-corridor.md")
    text = (tmp_path / "glossary/zangezur-corridor.md").read_text(encoding="utf-8")
    text = text.replace("explainer: minsk-group-mediation\n", "").replace(
        "related: [nakhchivan, syunik]\n", ""
    )
    (tmp_path / "glossary/zangezur-corridor.md").write_text(text, encoding="utf-8")
    code = main(["check", "--root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "OK: 1 entries" in out


def test_check_exits_1_and_names_each_problem(tmp_path: Path, capsys) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary/baku.md").write_text("---\nterm: Baku\nkind: city\n---\nBody\n")
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "glossary/baku.md:3: kind: 'city' is not a kind (use one of:" in out
    assert "glossary/baku.md:2: summary: required field is missing" in out


def test_check_warnings_fail_only_when_asked(tmp_path: Path, capsys) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(REPO / "glossary/_template.md", tmp_path / "glossary/x.md")
    text = (tmp_path / "glossary/x.md").read_text(encoding="utf-8")
    text = text.replace("explainer: minsk-group-mediation\n", "")
    text = text.replace("related: [nakhchivan, syunik]\n", "")
    text = re.sub(r"\n    date: 2020-11-10[^\n]*", "", text)
    (tmp_path / "glossary/x.md").write_text(text, encoding="utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert "warning: glossary/x.md" in capsys.readouterr().out
    assert main(["check", "--root", str(tmp_path), "--strict"]) == 1
