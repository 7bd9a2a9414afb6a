"""The data templates receive: plain dictionaries with site-relative URLs.

A host gives a function from a page's path inside ``docs/`` to its site-relative URL;
templates pass every URL through the host's ``url`` filter, which makes it relative
to the page being rendered, so both ``use_directory_urls`` modes work.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from itertools import groupby
from typing import Any

from .content import Content, entry_page
from .dates import parse_partial_date
from .glossary import Entry
from .maps import draw, locator
from .models import Source
from .page_meta import INDEX_URI
from .typography import smarten
from .usage import Passage, Pointers
from .web_annotations import annotations_path

# Pages templates link to by name, when the site has them.
SITE_LINKS = {
    "glossary": INDEX_URI,
    "explainers": "explainers/index.md",
    "timeline": "timeline.md",
    "map": "map.md",
    "contributing": "contributing.md",
}

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
    "organization": "Organisations",  # the site writes British English
    "event": "Events",
    "concept": "Ideas",
    "process": "Processes",
    "media": "Media",
}


def last_day(published: dt.date | str) -> dt.date:
    """The last day a publication date covers: the day itself, or the end of the month or
    year when only those are known (as for the RFE/RL article, "2024-08")."""
    if isinstance(published, dt.date):
        return published
    parts = parse_partial_date(str(published))
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def source_view(source: Source) -> dict:
    """A source as templates show it: its fields, and ``published``, its date when it has
    one (not "undated")."""
    return {**source.model_dump(), "published": source.published}


class Views:
    """Builds template data from the content and what the articles were found to hold."""

    def __init__(
        self,
        content: Content,
        pointing: Pointers,
        url_of: Callable[[str], str],
        passages: dict[str, dict[tuple[str, int], Passage]] | None = None,
        map_base: dict | None = None,
    ) -> None:
        self.content = content
        self.pointing = pointing
        self.url_of = url_of
        self.passages = passages or {}
        self.map_base = map_base  # the map's base shapes (maps.read_base), if the site has one

    def entry_link(self, entry: Entry) -> dict:
        return {
            "id": entry.id,
            "term": entry.meta.term,
            "kind": entry.meta.kind,
            "summary": entry.meta.summary,
            "url": self.url_of(entry_page(entry.id)),
        }

    def _paragraph_links(self, pairs: list[tuple[str, int]], key: str = "") -> list[dict]:
        """Group (article, paragraph) pairs by article, in article then paragraph order;
        each paragraph with the sentence where it names ``key`` (an entry id, or
        ``explainer:<id>``), when known."""
        said = self.passages.get(key, {})
        grouped = []
        for src_uri, group in groupby(sorted(set(pairs)), key=lambda pair: pair[0]):
            article = self.content.articles[src_uri]
            base = self.url_of(src_uri)
            grouped.append(
                {
                    "title": article.meta.title,
                    "url": base,
                    "paragraphs": [
                        self._paragraph_link(base, n, said.get((src_uri, n))) for _, n in group
                    ],
                }
            )
        return grouped

    def _paragraph_link(self, base: str, number: int, passage: Passage | None) -> dict:
        """A backlink to paragraph ``number`` of the article at ``base``, with its sentence
        and, when an entry's note is what links the paragraph here, that entry's term."""
        via = passage and passage.via and self.content.entries[passage.via].meta.term
        return {"number": number, "url": f"{base}#p{number}", "passage": passage, "via": via}

    def entry(self, entry_id: str) -> dict:
        """Everything the entry page shows."""
        entry = self.content.entries[entry_id]
        meta = entry.meta
        mentions = self.pointing.get(entry_id, [])
        explainer = self.content.explainers.get(meta.explainer or "")
        return {
            **self.entry_link(entry),
            "aliases": meta.aliases,
            "native": [
                {"lang": code, "language": LANGUAGES.get(code, code), "name": name}
                for code, name in meta.native.items()
            ],
            # The summary, each entry it names linked (for readers and for previews).
            "summary_parts": [
                {"text": text, "url": self.url_of(entry_page(target)) if target else None}
                for text, target in self.content.matcher.parts(smarten(meta.summary), {entry_id})
                if text
            ],
            "sources": [source_view(s) for s in meta.sources],
            "updated": meta.updated,
            "source_path": entry.path,
            "related": [self.entry_link(self.content.entries[r]) for r in meta.related],
            "explainer": explainer
            and {
                "title": explainer.meta.title,
                "summary": explainer.meta.summary,
                "url": self.url_of(explainer.src_uri),
            },
            "backlinks": self._paragraph_links(mentions, entry_id),
            "locator": self.locator(entry_id),
        }

    def explainer(self, src_uri: str) -> dict | None:
        """Sources, date, entries and the paragraphs that point to an explainer page."""
        explainer = self.content.explainer_pages.get(src_uri)
        if explainer is None:
            return None
        key = f"explainer:{explainer.id}"
        pointing = self.pointing.get(key, [])
        return {
            "id": explainer.id,
            "summary": explainer.meta.summary,
            "sources": [source_view(s) for s in explainer.meta.sources],
            "updated": explainer.meta.updated,
            "entries": [self.entry_link(self.content.entries[e]) for e in explainer.meta.entries],
            "backlinks": self._paragraph_links(pointing, key),
        }

    def explainers(self, order: list[str]) -> list[dict]:
        """The explainers' index: each explainer's title, address and summary, in the
        order given (page paths, as the navigation lists them)."""
        pages = self.content.explainer_pages
        return [
            {
                "title": pages[uri].meta.title,
                "url": self.url_of(uri),
                "summary": pages[uri].meta.summary,
            }
            for uri in order
            if uri in pages
        ]

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

    def timeline(self) -> dict:
        """Every event once, in date order and by year, each with its sources and the
        entries and explainers that list it; the article's time marked; and an overview:
        how many events each year holds, before and since the article."""
        links: dict[str, list[dict]] = defaultdict(list)
        explainers = sorted(self.content.explainers.values(), key=lambda x: x.meta.title.casefold())
        entries = sorted(self.content.entries.values(), key=lambda e: e.meta.term.casefold())
        pages = [(x.meta.timeline, x.meta.title, x.src_uri, True) for x in explainers]
        pages += [(e.meta.timeline, e.meta.term, entry_page(e.id), False) for e in entries]
        for event_ids, title, src_uri, background in pages:
            for event_id in dict.fromkeys(event_ids):
                links[event_id].append(
                    {"title": title, "url": self.url_of(src_uri), "background": background}
                )
        # The latest article marks "since the article"; the timeline names that one.
        article = max(
            self.content.articles.values(),
            key=lambda a: last_day(a.meta.published),
            default=None,
        )
        cutoff = last_day(article.meta.published) if article else None
        years: dict[int, list[dict]] = defaultdict(list)
        marked = False
        for event in sorted(self.content.events.values(), key=lambda e: (e.meta.date, e.line or 0)):
            since = cutoff is not None and event.meta.date > cutoff
            years[event.meta.date.year].append(
                {
                    "id": event.id,
                    "date": event.meta.date,
                    "text": event.meta.text,
                    "sources": [source_view(s) for s in event.meta.sources],
                    "background": [link for link in links[event.id] if link["background"]],
                    "entries": [link for link in links[event.id] if not link["background"]],
                    "since": since,
                    # The article stands just before the first event that comes after it.
                    "article_before": since and not marked,
                }
            )
            marked = marked or since
        if cutoff is not None and years:
            years.setdefault(cutoff.year, [])  # the overview marks the article's year
        rows, previous = [], None
        for year, events in sorted(years.items()):
            since = sum(1 for event in events if event["since"])
            rows.append(
                {
                    "year": year,
                    "events": events,
                    "count": len(events),
                    "before": len(events) - since,
                    "since": since,
                    "article": cutoff is not None and cutoff.year == year,
                    "gap": previous is not None and year > previous + 1,
                }
            )
            previous = year
        return {
            "years": rows,
            "count": sum(row["count"] for row in rows),
            "since": sum(row["since"] for row in rows),  # when not 0, the list marks the article
            "cutoff": cutoff,
            "article": article
            and {
                "title": article.meta.title,
                "publisher": article.meta.publisher,
                "published": article.meta.published,
                "url": self.url_of(article.src_uri),
            },
        }

    @functools.cached_property
    def drawn_map(self) -> dict | None:
        """The map with every entry that has a location placed on it, each linked to its
        entry (drawn once per build: every place entry's page shows it small)."""
        if self.map_base is None:
            return None
        drawn = draw(self.map_base, self.content.entries)
        known = self.content.entries

        def link(entry_id: str | None) -> str | None:
            return self.url_of(entry_page(entry_id)) if entry_id in known else None

        def linked(items: list[dict], key: str = "id") -> list[dict]:
            return [{**item, "url": link(item.get(key))} for item in items]

        return {
            **drawn,
            "countries": linked(drawn["countries"], "entry"),
            "regions": linked(drawn["regions"]),
            "places": linked(drawn["places"]),
            "beyond": linked(drawn["beyond"]),
            "routes": linked(drawn["routes"], "entry"),
        }

    def map(self) -> dict | None:
        """The map page's data: the drawn map, and every entry on it, A–Z, for the list
        of places under it."""
        drawn = self.drawn_map
        if drawn is None:
            return None
        listed = [
            {"url": c["url"], "label": c["name"], "what": "country"}
            for c in drawn["countries"]
            if c["url"]
        ]
        listed += [{**r, "what": "region"} for r in drawn["regions"]]
        listed += [{**p, "what": "place"} for p in drawn["places"]]
        listed += [{**p, "what": "beyond"} for p in drawn["beyond"]]
        return {**drawn, "listed": sorted(listed, key=lambda item: item["label"].casefold())}

    def locator(self, entry_id: str) -> dict | None:
        """An entry's locator map: the drawn map, and what on it is the entry."""
        drawn = self.drawn_map
        focus = drawn and locator(drawn, entry_id)
        if not focus:
            return None
        where = self.content.entries[entry_id].meta.location
        return {
            "map": drawn,
            "focus": {
                **focus,
                "id": entry_id,
                "lat": where.lat if where else None,
                "lon": where.lon if where else None,
            },
        }

    def context(self, src_uri: str, meta: dict, explainer_order: list[str]) -> dict[str, Any]:
        """What a page's template receives beside the host's own variables, by what the
        page is: an entry, the glossary index, or a page asking for a companion template
        (explainers' index, timeline, map) or for the map (``companion_map: true``);
        ``explainer`` and ``article`` always, ``None`` unless the page is one."""
        context: dict[str, Any] = {}
        template = meta.get("template")
        if "companion_entry" in meta:
            context["entry"] = self.entry(meta["companion_entry"])
        elif meta.get("companion_index"):
            context["glossary"] = self.index()
        elif template == "companion/explainers-index.html":
            context["explainers"] = self.explainers(explainer_order)
        elif template == "companion/timeline.html":
            context["timeline"] = self.timeline()
        elif template == "companion/map.html" or meta.get("companion_map"):
            context["map"] = self.map()  # a page may ask for it: a thumbnail, say
        context["explainer"] = self.explainer(src_uri)
        context["article"] = self.article(src_uri)
        return context

    def article(self, src_uri: str) -> dict | None:
        """The source credit of an article page."""
        article = self.content.articles.get(src_uri)
        if article is None:
            return None
        return {**article.meta.model_dump(), "annotations": annotations_path(src_uri)}
