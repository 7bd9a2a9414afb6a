"""The data templates receive: plain dictionaries with site-relative URLs.

Templates pass every URL through Material's ``url`` filter, which makes it
relative to the page being rendered, so both ``use_directory_urls`` modes work.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from mkdocs.structure.files import Files

from ..annotate import ArticleRecord
from ..annotations import annotations_path
from ..content import Content
from ..glossary import Entry
from .pages import entry_uri

LANGUAGES = {
    "az": "Azerbaijani",
    "hy": "Armenian",
    "ru": "Russian",
    "ka": "Georgian",
    "tr": "Turkish",
    "fa": "Persian",
    "uk": "Ukrainian",
    "en": "English",
}
KIND_LABELS = {
    "person": "People",
    "place": "Places",
    "organization": "Organizations",
    "event": "Events",
    "concept": "Ideas",
    "process": "Processes",
    "media": "Media",
}


class Views:
    """Builds template data from the content, the site's files and what the annotator found."""

    def __init__(self, content: Content, files: Files, records: dict[str, ArticleRecord]) -> None:
        self.content = content
        self.files = files
        self.records = records

    def url_of(self, src_uri: str) -> str:
        file = self.files.get_file_from_path(src_uri)
        return file.url if file is not None else src_uri

    def entry_link(self, entry: Entry) -> dict:
        return {
            "id": entry.id,
            "term": entry.meta.term,
            "kind": entry.meta.kind,
            "summary": entry.meta.summary,
            "url": self.url_of(entry_uri(entry.id)),
        }

    def _paragraph_links(self, pairs: list[tuple[str, int]]) -> list[dict]:
        """Group (article, paragraph) pairs by article, in article then paragraph order."""
        grouped = []
        for src_uri, group in groupby(sorted(set(pairs)), key=lambda pair: pair[0]):
            article = self.content.articles[src_uri]
            base = self.url_of(src_uri)
            grouped.append(
                {
                    "title": article.meta.title,
                    "url": base,
                    "paragraphs": [{"number": n, "url": f"{base}#p{n}"} for _, n in group],
                }
            )
        return grouped

    def entry(self, entry_id: str) -> dict:
        """Everything the entry page shows."""
        entry = self.content.entries[entry_id]
        meta = entry.meta
        mentions = [
            (src, number)
            for src, record in self.records.items()
            for number, ids in record.mentions.items()
            if entry_id in ids
        ]
        mentions += [
            (src, anchor.paragraph)
            for src, article in self.content.articles.items()
            for anchor in article.anchors
            if anchor.note.entry == entry_id
        ]
        explainer = self.content.explainers.get(meta.explainer or "")
        return {
            **self.entry_link(entry),
            "aliases": meta.aliases,
            "native": [
                {"lang": code, "language": LANGUAGES.get(code, code), "name": name}
                for code, name in meta.native.items()
            ],
            "sources": [source.model_dump() for source in meta.sources],
            "updated": meta.updated,
            "source_path": entry.path,
            "related": [self.entry_link(self.content.entries[r]) for r in meta.related],
            "explainer": explainer
            and {
                "title": explainer.meta.title,
                "summary": explainer.meta.summary,
                "url": self.url_of(explainer.src_uri),
            },
            "backlinks": self._paragraph_links(mentions),
        }

    def explainer(self, src_uri: str) -> dict | None:
        """Sources, date, entries and the paragraphs that point to an explainer page."""
        explainer = next(
            (x for x in self.content.explainers.values() if x.src_uri == src_uri), None
        )
        if explainer is None:
            return None
        pointing = [
            (src, number)
            for src, record in self.records.items()
            for number, ids in record.explainers.items()
            if explainer.id in ids
        ]
        return {
            "id": explainer.id,
            "summary": explainer.meta.summary,
            "sources": [source.model_dump() for source in explainer.meta.sources],
            "updated": explainer.meta.updated,
            "entries": [self.entry_link(self.content.entries[e]) for e in explainer.meta.entries],
            "backlinks": self._paragraph_links(pointing),
        }

    def index(self) -> dict:
        """The glossary index: entries A–Z by letter, and the kinds to narrow by."""
        entries = sorted(self.content.entries.values(), key=lambda e: e.meta.term.casefold())
        letters = defaultdict(list)
        for entry in entries:
            letters[entry.meta.term[:1].upper()].append(self.entry_link(entry))
        counts = defaultdict(int)
        for entry in entries:
            counts[entry.meta.kind] += 1
        return {
            "letters": sorted(letters.items()),
            "kinds": [
                {"kind": kind, "label": label, "count": counts[kind]}
                for kind, label in KIND_LABELS.items()
                if counts[kind]
            ],
            "count": len(entries),
        }

    def article(self, src_uri: str) -> dict | None:
        """The source credit of an article page."""
        article = self.content.articles.get(src_uri)
        if article is None:
            return None
        return {**article.meta.model_dump(), "annotations": annotations_path(src_uri)}
