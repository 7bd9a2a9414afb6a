"""Dates as the editorial standards want them: "19 August 2024", "August 2024"."""

from __future__ import annotations

import datetime as dt

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


def readable_date(value: dt.date | str | None) -> str:
    """Format a date, or a partial ISO date ("2024-08"), in full words."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    parts = str(value).split("-")
    if len(parts) == 3:
        return readable_date(dt.date(*map(int, parts)))
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return str(value)
