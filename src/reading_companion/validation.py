"""Turn pydantic's validation errors into problems a contributor can act on."""

from __future__ import annotations

import difflib
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .frontmatter import Document, KeyPath, dotted
from .models import KINDS, SUMMARY_MAX
from .problems import Problem

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], document: Document, data: dict, at: KeyPath = ()
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` (found at key path ``at`` of ``document``) against ``model``."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, [_problem(model, document, at, detail) for detail in error.errors()]


def _problem(model: type[BaseModel], document: Document, at: KeyPath, detail: dict) -> Problem:
    loc: KeyPath = (*at, *detail["loc"])
    kind = detail["type"]
    field = dotted(loc)
    line = document.line_of(loc)
    message, fix = detail["msg"], ""

    if kind == "missing":
        parent = loc[:-1]
        line = document.line_of(parent) if parent else 2
        message = "required field is missing"
        fix = f"add '{loc[-1]}:' " + (f"under '{dotted(parent)}'" if at else "to the front matter")
    elif kind == "extra_forbidden":
        known = _fields_at(model, detail["loc"][:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        message = "unknown field"
        fix = f"did you mean '{guess[0]}'?" if guess else f"known fields: {', '.join(known)}"
    elif kind == "literal_error" and loc[-1] == "kind":
        message = f"{detail['input']!r} is not a kind"
        fix = f"use one of: {', '.join(KINDS)}"
    elif kind == "string_too_long":
        message = f"is {len(detail['input'])} characters long, more than {SUMMARY_MAX}"
        fix = "shorten it to one or two sentences"
    elif kind == "string_pattern_mismatch" and "native" in loc:
        message = f"{detail['input']!r} is not a language code"
        fix = "use a code such as az, hy, ru or ka"
    elif kind == "string_pattern_mismatch":
        message = f"{detail['input']!r} is not a valid id"
        fix = "use lowercase ASCII letters, digits and single hyphens, e.g. 'ilham-aliyev'"
    elif kind in ("string_too_short", "too_short"):
        message = "must not be empty" if kind == "string_too_short" else detail["msg"].lower()
        fix = "fill it in" if kind == "string_too_short" else "add the missing items"
    elif kind == "fixable":
        message, fix = detail["ctx"]["message"], detail["ctx"]["fix"]
    elif kind.endswith("_type") or kind.startswith(("date_", "float_", "dict_", "list_")):
        got = type(detail["input"]).__name__
        message = f"{detail['msg'].lower()} (got {got} {detail['input']!r})"
        fix = _type_hint(kind)
    return Problem(document.path, line, field, message, fix)


def _type_hint(kind: str) -> str:
    if kind.startswith("list"):
        return "write a YAML list, e.g. [a, b] or one '- item' per line"
    if kind.startswith("date"):
        return "write the date as YYYY-MM-DD"
    if kind.startswith("dict") or kind == "model_type":
        return "write nested 'key: value' lines"
    if kind.startswith("string"):
        return "write text; quote it if it starts with a special character"
    if kind.startswith("float"):
        return "write a number"
    if kind.startswith("bool"):
        return "write true or false"
    return ""


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the (sub)model found at ``loc``, for typo suggestions."""
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part))
        if info is None:
            break
        annotation = info.annotation
        inner = [a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)]
        nested = next((a for a in inner if issubclass(a, BaseModel)), None)
        if nested is None:
            break
        current = nested
    return sorted(current.model_fields)
