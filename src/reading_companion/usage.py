"""Which paragraphs name or point to which entries and explainers.

This sits above both the content and the extension: what an article names is
what the extension links when it renders it, so a name inside a link or code,
or in a link's address, counts for neither. A build reads it from what the
extension found; the check, which renders nothing, from each unit's prose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from .content import Content
from .extension import ArticleRecord
from .glossary import GENERAL_FILE
from .problems import Problem
from .quotes import locate_quote

# An entry id, or "explainer:<id>" -> the (article page, paragraph number) pairs.
Pointers = dict[str, list[tuple[str, int]]]


def pointers(records: dict[str, ArticleRecord]) -> Pointers:
    """For each entry (by id) and explainer (by ``explainer:<id>``), the paragraphs that
    name it or attach a note to it: one pass over what the rendered articles were found to
    hold (an article the host does not build, such as an excluded draft, points nowhere)."""
    index: Pointers = defaultdict(list)
    for src_uri, record in records.items():
        for number, ids in record.mentions.items():
            for entry_id in ids:
                index[entry_id].append((src_uri, number))
        for number, ids in record.explainers.items():
            for explainer_id in ids:
                index[f"explainer:{explainer_id}"].append((src_uri, number))
        for anchor in record.article.anchors:
            if anchor.note.entry:
                index[anchor.note.entry].append((src_uri, anchor.paragraph))
    return dict(index)


@dataclass(frozen=True)
class Passage:
    """The sentence of a paragraph where it names an entry or attaches a note: the words
    themselves, and the sentence's text before and after them. For an explainer that an
    entry's note links, ``via`` is that entry's id (the words are its name)."""

    before: str
    words: str
    after: str
    via: str | None = None


# A sentence ends at a full stop, question or exclamation mark (and any closing quote)
# followed by a space.
SENTENCE_END = re.compile(r"[.?!][\u201d\u2019\"')]*\s+")
LONGEST_SIDE = 160  # characters kept on each side of the words, at most
# A side is cut only where that leaves out more than this: a cut a few words before the
# sentence's end ("the Zangezur…" for "the Zangezur Corridor.") saves nothing and can drop
# the very name the passage is listed for.
LEAST_CUT = 60


def passage_at(text: str, start: int, end: int) -> Passage:
    """The sentence of ``text`` that holds ``text[start:end]``, cut to a readable length."""
    begins = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    first = begins[-1] if begins else 0
    stop = SENTENCE_END.search(text, end)
    last = stop.end() if stop else len(text)
    before, after = text[first:start], text[end:last].rstrip()
    if len(before) > LONGEST_SIDE + LEAST_CUT:
        before = "\u2026" + before[-LONGEST_SIDE:].split(" ", 1)[-1]
    if len(after) > LONGEST_SIDE + LEAST_CUT:
        after = after[:LONGEST_SIDE].rsplit(" ", 1)[0] + "\u2026"
    return Passage(before, text[start:end], after)


def passages(records: dict[str, ArticleRecord]) -> dict[str, dict[tuple[str, int], Passage]]:
    """For each entry (by id) and explainer (by ``explainer:<id>``), the sentence of each
    paragraph that names it (its first mention there) or holds the quote of its note; for an
    explainer an entry's note links, the sentence naming that entry."""
    found: dict[str, dict[tuple[str, int], Passage]] = defaultdict(dict)
    for src_uri, record in records.items():
        for number, terms in record.terms.items():
            text = record.texts[number]
            for entry_id, (offset, words) in terms.items():
                found[entry_id][(src_uri, number)] = passage_at(text, offset, offset + len(words))
        for anchor in record.article.anchors:
            text = record.texts.get(anchor.paragraph, "")
            located = locate_quote(text, anchor.note)
            if located is None:
                continue
            start, exact = located
            key = anchor.note.entry or f"explainer:{anchor.note.explainer}"
            found[key].setdefault(
                (src_uri, anchor.paragraph), passage_at(text, start, start + len(exact))
            )
        # An explainer an entry's note links: the sentence naming that entry.
        for number, through in record.explainers.items():
            for explainer_id, entry_id in through.items():
                named = found.get(entry_id, {}).get((src_uri, number)) if entry_id else None
                if named is not None:
                    passage = replace(named, via=entry_id)
                    found[f"explainer:{explainer_id}"].setdefault((src_uri, number), passage)
    return dict(found)


def unused_entry_warnings(content: Content, named: set[str]) -> list[Problem]:
    """Entries that no article names and no quote note attaches are worth a second look;
    so are entries listed as general that an article names after all. ``named`` is the
    set of entries the articles name (see :func:`pointers`)."""
    if not content.articles:
        return []
    used = set(named) | {
        a.note.entry for article in content.articles.values() for a in article.anchors
    }
    unused = [
        Problem(
            entry.path,
            entry.line_of("term"),
            "term",
            "no article mentions this entry",
            "add an alias the article uses, a quote note, or list it in "
            f"{content.folders['entry']}{GENERAL_FILE}",
            warning=True,
        )
        for entry in content.entries.values()
        if entry.id not in used and entry.id not in content.general
    ]
    stale = [
        Problem(
            content.entries[entry_id].path,
            None,
            "",
            f"is listed in {content.folders['entry']}{GENERAL_FILE} but an article mentions it",
            "remove it from that list",
            warning=True,
        )
        for entry_id in sorted(content.general & used)
    ]
    return unused + stale


def named_entries(records: dict[str, ArticleRecord]) -> set[str]:
    """Every entry some rendered article names."""
    return {e for r in records.values() for ids in r.mentions.values() for e in ids}


def named_in_articles(content: Content) -> set[str]:
    """Every entry some article names, found without rendering: in each unit's prose as
    the check read it (outside links and code, quotes set), where the build links terms."""
    find = content.matcher.find
    return {
        match.target
        for article in content.articles.values()
        for paragraph in article.paragraphs
        for text in paragraph.prose
        for match in find(text)
    }


def usage_warnings(content: Content) -> list[Problem]:
    """What :func:`unused_entry_warnings` finds in the content as loaded."""
    return unused_entry_warnings(content, named_in_articles(content))
