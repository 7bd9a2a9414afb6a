"""The timeline's events (``glossary/_events.yml``): each told once, under an id.

An event is one record: its date, one sentence and its sources. Every entry and explainer
it concerns lists its id in ``timeline``, so a correction is made once and the timeline
shows each event once, linked to all of them. The file maps ids to events::

    ceasefire-2020-11-10:
      date: 2020-11-10
      text: A statement signed by the leaders of Azerbaijan, Armenia and Russia ends the war.
      sources:
        - title: Statement by President of the Republic of Azerbaijan, …
          publisher: President of Russia
          url: http://en.kremlin.ru/events/president/news/64384
          date: 2020-11-10

Each event is validated on its own (a broken one is reported, the others still load), then
against the others of its day: two that read nearly alike are the same event told twice.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from .frontmatter import MAX_FILE_BYTES, Document, load_yaml, read_text
from .glossary import future_dates, source_warnings
from .models import ID_RE, EventMeta
from .problems import Problem, display_path
from .validation import validate

EVENTS_FILE = "_events.yml"
# One file holds every event (about 600 bytes each): room for some 1,600.
MAX_EVENTS_BYTES = 4 * MAX_FILE_BYTES
# Two events of one day whose sentences are this alike (difflib's ratio of matching
# characters, letter case and punctuation aside) are one event told twice. Measured on the
# 142 events the pages told before events had ids (59 pairs of one day): the copies and
# light rewordings of one event, 32 pairs, scored 0.59 to 1.00; different events of one day
# 0.47 at most (the route and the peace treaty, both "In Washington, ...", 8 August 2025),
# most of them under 0.35. 0.55 lies between the two. An event told again in wholly other
# words scored 0.25 to 0.52 there, as low as different events do: no ratio of letters tells
# those apart, so merging them is left to review (CONTRIBUTING asks for it).
NEAR_DUPLICATE = 0.55


@dataclass(frozen=True)
class Event:
    """A validated event; ``path`` and ``line`` say where its id stands, for messages."""

    id: str
    meta: EventMeta
    path: str
    line: int | None


def load_events(
    directory: Path, root: Path | None = None
) -> tuple[dict[str, Event], set[str] | None, list[Problem]]:
    """The events of ``directory/_events.yml`` by id (none when there is no such file), the
    ids the file holds, valid or not (``None`` when the file cannot be read at all, so that
    its one error is not followed by one for every id the pages list), and every problem."""
    path = directory / EVENTS_FILE
    if not path.is_file():
        return {}, set(), []
    shown = display_path(path, root)
    document, problems = read_yaml(path, shown)
    if document is None:
        return {}, None, problems
    events: dict[str, Event] = {}
    for key, data in document.meta.items():
        event_id = str(key)
        line = document.line_of((event_id,))
        if not isinstance(key, str) or not ID_RE.match(key):
            problems.append(
                Problem(
                    shown,
                    line,
                    event_id,
                    f"{event_id!r} is not a valid event id",
                    "use lowercase ASCII letters, digits and single hyphens, e.g. "
                    "'ceasefire-2020-11-10'",
                )
            )
            continue
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    shown,
                    line,
                    event_id,
                    "an event is its 'date', 'text' and 'sources'",
                    "write them as indented 'field: value' lines under the id",
                )
            )
            continue
        meta, found = validate(EventMeta, document, data, at=(event_id,))
        problems += found
        if meta is None:
            continue
        problems += source_warnings(document, meta.sources, at=(event_id,))
        problems += future_dates(document, [((event_id, "date"), meta.date)])
        events[event_id] = Event(event_id, meta, shown, line)
    problems += near_duplicates(events)
    return events, {str(key) for key in document.meta}, problems


def read_yaml(path: Path, shown: str) -> tuple[Document | None, list[Problem]]:
    """A whole YAML file as a :class:`.frontmatter.Document` (its data in ``meta``, no body)
    whose lines are the file's own, with the checks front matter gets (each key once, no
    aliases, a few levels deep); or ``None`` with the problems that stopped it."""
    text, problems = read_text(path, shown, MAX_EVENTS_BYTES)
    if text is None:
        return None, problems
    node, data, problems = load_yaml(
        text.removeprefix("\ufeff").replace("\r\n", "\n"), shown, whole_file=True
    )
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [
            Problem(
                shown,
                node.start_mark.line + 2 if node is not None else 1,
                "",
                "the file is not a mapping of event ids to events",
                "write each event as 'its-id:' followed by its indented fields",
            )
        ]
    return Document(shown, data, "", 0, node), []


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def similarity(one: str, other: str, floor: float = 0.0) -> float:
    """How alike two sentences read, from 0 to 1: difflib's ratio over their words,
    letter case and punctuation aside. Below ``floor`` the answer may be any number under it
    (difflib's quick upper bound is enough to tell, and costs far less)."""
    matcher = difflib.SequenceMatcher(None, _words(one), _words(other), autojunk=False)
    quick = matcher.quick_ratio()
    return quick if quick < floor else matcher.ratio()


def near_duplicates(events: dict[str, Event]) -> list[Problem]:
    """Two events of the same day whose sentences read nearly alike (:data:`NEAR_DUPLICATE`),
    reported at the later one in the file, naming the other."""
    by_day: dict[object, list[Event]] = defaultdict(list)
    for event in events.values():
        by_day[event.meta.date].append(event)
    problems = []
    for same_day in by_day.values():
        ordered = sorted(same_day, key=lambda e: (e.path, e.line or 0))
        for first, second in combinations(ordered, 2):
            alike = similarity(first.meta.text, second.meta.text, NEAR_DUPLICATE)
            if alike < NEAR_DUPLICATE:
                continue
            where = f"{first.path}:{first.line}" if first.line else first.path
            problems.append(
                Problem(
                    second.path,
                    second.line,
                    second.id,
                    f"reads almost as {first.id!r} ({where}), an event of the same day "
                    f"({alike:.0%} alike): one event told twice",
                    f"keep one of the two, with the sources of both, and list its id where "
                    f"the pages list {second.id!r}; or, if they differ, say how",
                )
            )
    return problems
