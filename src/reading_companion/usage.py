"""Which paragraphs name or point to which entries and explainers.

This sits above both the content and the extension: what an article names is
what the extension links when it renders it, so a name inside a link or code,
or in a link's address, counts for neither. A build reads it from what the
extension found; the check, which renders nothing, from each unit's prose.
"""

from __future__ import annotations

from collections import defaultdict

from .content import Content
from .extension import ArticleRecord
from .glossary import GENERAL_FILE
from .problems import Problem

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
