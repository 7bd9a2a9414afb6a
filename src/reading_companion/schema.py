"""JSON Schema of an entry's front matter, generated from the validator's own model.

Editors that read YAML schemas (for example through the ``yaml-language-server``
comment in ``glossary/_template.md``) complete and check fields as one types.
``companion schema`` writes it; a test fails when the committed copy drifts.
"""

from __future__ import annotations

import json

from .models import EntryMeta

SCHEMA_PATH = "schema/entry.schema.json"


def entry_schema() -> dict:
    """The schema of ``EntryMeta``, with an id and a title editors show."""
    schema = EntryMeta.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "entry.schema.json",
        **schema,
        "title": "Glossary entry front matter",
    }


def entry_schema_text() -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(entry_schema(), indent=2, ensure_ascii=False) + "\n"
