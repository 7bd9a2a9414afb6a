"""Dates as the editorial standards want them: "19 August 2024", "August 2024"."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def parse_partial_date(value: str) -> tuple[int, ...]:
    """(year,), (year, month) or (year, month, day) from "2024", "2024-08" or "2024-08-19";
    ValueError for anything else, impossible months and days included."""
    if not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", value):
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = tuple(int(p) for p in value.split("-"))
    dt.date(parts[0], *(parts[1:] or (1,)), *((1,) if len(parts) < 3 else ()))
    return parts


def readable_date(value: dt.date | str | None) -> str:
    """Format a date, or a partial ISO date ("2024-08"), in full words."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    parts = parse_partial_date(str(value))
    if len(parts) == 3:
        return readable_date(dt.date(*parts))
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])
