"""JSON Schemas of an entry's front matter and of the events file, generated from the
validator's own models.

Editors that read YAML schemas (for example through the ``yaml-language-server``
comments in ``glossary/_template.md`` and ``glossary/_events.yml``) complete and check
fields as one types. ``companion schema`` writes both; a test fails when a committed
copy drifts.
"""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from .models import EntryMeta, EventMeta, Id

SCHEMA_PATH = "schema/entry.schema.json"
EVENTS_SCHEMA_PATH = "schema/events.schema.json"


def entry_schema() -> dict:
    """The schema of ``EntryMeta``, with an id and a title editors show."""
    schema = EntryMeta.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "entry.schema.json",
        **schema,
        "title": "Glossary entry front matter",
    }


def events_schema() -> dict:
    """The schema of ``glossary/_events.yml``: event ids, each with an ``EventMeta``."""
    schema = TypeAdapter(dict[Id, EventMeta]).json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "events.schema.json",
        "title": "The timeline's events, by id",
        **schema,
        "additionalProperties": False,  # a key that is not an id is refused, as by the check
    }


def schema_text(schema: dict) -> str:
    """A schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def entry_schema_text() -> str:
    """The entry schema as committed."""
    return schema_text(entry_schema())


def events_schema_text() -> str:
    """The events schema as committed."""
    return schema_text(events_schema())
