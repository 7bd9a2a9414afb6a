"""What a contributor relies on: the schema matches the validator, the template is valid."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from helpers import REPO, fill_template, make_project, write_entry
from reading_companion.cli import main
from reading_companion.events import read_yaml
from reading_companion.frontmatter import read_document
from reading_companion.models import EntryMeta
from reading_companion.schema import (
    EVENTS_SCHEMA_PATH,
    SCHEMA_PATH,
    entry_schema_text,
    events_schema_text,
)


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == entry_schema_text(), "run: .venv/bin/companion schema"


def test_committed_events_schema_matches_the_model() -> None:
    committed = (REPO / EVENTS_SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == events_schema_text(), "run: .venv/bin/companion schema"


def test_the_events_file_fits_its_schema_which_rejects_what_the_check_rejects() -> None:
    schema = json.loads((REPO / EVENTS_SCHEMA_PATH).read_text(encoding="utf-8"))
    document, problems = read_yaml(REPO / "glossary/_events.yml", "glossary/_events.yml")
    assert problems == []
    jsonschema.validate(json.loads(json.dumps(document.meta, default=str)), schema)
    for bad in (
        {"Ceasefire": {"date": "2020-11-10", "text": "War ends.", "sources": []}},
        {"ceasefire-2020-11-10": {"date": "2020-11-10", "text": "War ends."}},
        {"ceasefire-2020-11-10": {"date": "2020-11-10", "text": "x" * 301, "sources": []}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_template_fits_the_schema_and_the_model_but_for_its_placeholder_address() -> None:
    document, problems = read_document(REPO / "glossary/_template.md", "glossary/_template.md")
    assert problems == []
    schema = json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8"))
    data = json.loads(json.dumps(document.meta, default=str))  # dates as YAML gives them
    jsonschema.validate(data, schema)
    with pytest.raises(ValidationError) as raised:
        EntryMeta.model_validate(document.meta)
    assert [e["loc"] for e in raised.value.errors()] == [("sources", 0, "url")]


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8"))
    bad = {"term": "X", "kind": "city", "summary": "s", "sources": [], "updated": "2026-01-01"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def copy_template(root: Path, entry_id: str) -> Path:
    (root / "glossary").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    shutil.copy(REPO / "glossary/_template.md", root / "glossary/_template.md")
    return Path(shutil.copy(REPO / "glossary/_template.md", root / f"glossary/{entry_id}.md"))


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line and not line.startswith("#"))


def test_a_copy_of_the_template_left_as_it_is_fails_at_each_placeholder(
    tmp_path: Path, capsys
) -> None:
    new = copy_template(tmp_path, "new-entry")
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    for field, text in [
        ("term", "term:"),
        ("summary", "summary:"),
        ("sources.0.title", "- title:"),
        ("sources.0.publisher", "publisher:"),
        ("sources.0.url", "url:"),
    ]:
        assert f"glossary/new-entry.md:{line_of(new, text)}: {field}: " in out, field
    body = line_of(new, "The body:")
    assert f"glossary/new-entry.md:{body}: body: is still the template's example text" in out
    assert "example.org is a placeholder address" in out


def test_the_template_filled_in_checks_clean(tmp_path: Path, capsys) -> None:
    """CONTRIBUTING's first step: copy the template, fill it in, run the check."""
    copy_template(tmp_path, "ganja").write_text(fill_template(), encoding="utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 0, capsys.readouterr().out


def test_check_exits_1_and_names_each_problem(tmp_path: Path, capsys) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary/baku.md").write_text("---\nterm: Baku\nkind: city\n---\nBody\n")
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "glossary/baku.md:3: kind: 'city' is not a kind (use one of:" in out
    assert "glossary/baku.md:2: summary: required field is missing" in out


def test_a_clean_check_says_so_in_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary").mkdir()
    write_entry(tmp_path / "glossary", "baku", "Baku")
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Checked 1 entry, 0 explainers and 0 articles: no problems.\n"


def test_warnings_are_counted_and_listed_only_when_asked(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary").mkdir()
    undated = {"title": "T", "publisher": "P", "url": "https://sources.test/x"}
    write_entry(tmp_path / "glossary", "x", "X", sources=[undated])
    write_entry(tmp_path / "glossary", "y", "Y")
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == (
        "Checked 2 entries, 0 explainers and 0 articles: "
        "no errors, 1 warning (--warnings lists them).\n"
    )
    assert main(["check", "--root", str(tmp_path), "--warnings"]) == 0
    listed, summary = capsys.readouterr().out.splitlines()
    assert listed.startswith("warning: glossary/x.md:")
    assert summary.endswith("no errors, 1 warning.")
    assert main(["check", "--root", str(tmp_path), "--strict"]) == 1
    assert "warning: glossary/x.md" in capsys.readouterr().out


def test_errors_come_first_and_warnings_are_summed_up(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary").mkdir()
    undated = {"title": "T", "publisher": "P", "url": "https://sources.test/x"}
    write_entry(tmp_path / "glossary", "x", "X", sources=[undated])
    (tmp_path / "glossary/baku.md").write_text("---\nterm: Baku\nkind: city\n---\nBody\n")
    assert main(["check", "--root", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("glossary/baku.md:") for line in lines[:-1])
    assert lines[-1] == (
        f"{len(lines) - 1} errors, 2 warnings (--warnings lists them): "
        "fix them and run the check again."
    )


def test_check_finds_the_folders_the_sites_mkdocs_yml_names(tmp_path: Path, capsys) -> None:
    """A site whose pages and entries live in other folders, named in its mkdocs.yml (with
    MkDocs' own tags in it), is checked with no option; an option still wins."""
    root = make_project(tmp_path / "site")
    (root / "docs").rename(root / "pages")
    (root / "glossary").rename(root / "terms")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("glossary_dir: glossary", "glossary_dir: terms")
    (root / "mkdocs.yml").write_text(
        config + "docs_dir: pages\nrepo_url: !ENV [REPO_URL, null]\n", encoding="utf-8"
    )
    assert main(["check", "--root", str(root)]) == 0
    assert capsys.readouterr().out.startswith("Checked 3 entries, 1 explainer and 1 article")
    assert main(["check", "--root", str(root), "--docs", "docs"]) == 1
    assert "docs: no such folder" in capsys.readouterr().err
