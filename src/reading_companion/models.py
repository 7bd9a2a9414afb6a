"""The front-matter schemas of entries, explainers and articles.

One set of pydantic models serves the validator, the JSON Schema offered to
editors and the typed objects the rest of the engine reads.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import parse_partial_date
from .names import hidden_character, name_problem

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
SUMMARY_MAX = 300

# What Python-Markdown passes through as raw HTML: a tag (a letter after "<", then anything
# but "<", ">", "@" or a space, then optionally a space and attributes), a comment, a
# declaration or a processing instruction. Autolinks such as <https://example.org> are
# Markdown, not HTML ("://" after the scheme), and are allowed.
HTML_TAG = re.compile(r"<(?:/?[A-Za-z][^<>@\s]*(?:\s[^<>]*)?>|!--|![A-Za-z]|\?)")
AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*://[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>")
# Only code spans (backticks) and fenced blocks at the start of a line are code to Markdown.
CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1|`+[^`\n]+`+", re.DOTALL | re.MULTILINE)
# Link and image targets, inline "(url" or reference "]: url"; only web, mail and relative.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
SAFE_TARGET = re.compile(r"^(?:https?://|mailto:|#|/|\.|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)


def unsafe_markup_problem(found: re.Match[str]) -> tuple[str, str]:
    """The message and fix for what :func:`find_html` found."""
    if found.re is LINK_TARGET:
        target = found.group(1) or found.group(2)
        return f"links may point only to web pages (found {target!r})", "use an https:// address"
    return (
        f"raw HTML is not allowed (found {found.group()!r})",
        "use Markdown: **bold**, [text](https://…)",
    )


def find_html(text: str) -> re.Match[str] | None:
    """The first raw-HTML tag, or link to an unsafe scheme, in Markdown ``text`` (not in code)."""
    if "<" not in text and "]" not in text:  # no tag and no link target: most fields
        return None
    prose = AUTOLINK.sub(
        lambda m: " " * len(m.group()), CODE.sub(lambda m: " " * len(m.group()), text)
    )
    tag = HTML_TAG.search(prose)
    if tag:
        return tag
    for link in LINK_TARGET.finditer(prose):
        target = link.group(1) or link.group(2)
        if not SAFE_TARGET.match(target):
            return link
    return None


def fixable(message: str, fix: str) -> PydanticCustomError:
    """A validation error that carries the fix a contributor should make in its context,
    where :mod:`.validation` finds it."""
    return PydanticCustomError("fixable", "{message}", {"message": message, "fix": fix})


def _plain_text(value: str) -> str:
    hidden = hidden_character(value)
    if hidden:
        raise fixable(f"contains an invisible character ({hidden})", "retype the text")
    found = find_html(value)
    if found:
        message, _ = unsafe_markup_problem(found)
        raise fixable(message, "write plain text, without tags or links")
    return value


def _name(value: str) -> str:
    problem = name_problem(value)
    if problem:
        raise fixable(*problem)
    return value


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and "." in parts.netloc
    if not ok or re.search(r"[\s\"'<>\\`]", value):
        raise fixable(
            f"{value!r} is not an http(s) web address",
            "use a full address starting with https:// or http://",
        )
    return value


# Reserved for examples (RFC 2606): no source a reader can check lives there.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")


def _real_source(value: str) -> str:
    host = (urlsplit(value).hostname or "").removeprefix("www.")
    if host.endswith(EXAMPLE_DOMAINS):
        raise fixable(
            f"{host} is a placeholder address, reserved for examples",
            "cite the address of the page you read",
        )
    return value


def _partial_date(value: object) -> object:
    if isinstance(value, dt.date):
        return value
    try:
        parse_partial_date(str(value))
    except ValueError:
        raise fixable(
            f"{value!r} is not a date", "write YYYY-MM-DD, or YYYY-MM when the day is unknown"
        ) from None
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PlainText = Annotated[Text, AfterValidator(_plain_text)]
Name = Annotated[PlainText, AfterValidator(_name)]  # a term or alias: see names.py
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Url = Annotated[
    str,
    AfterValidator(_web_url),
    WithJsonSchema({"type": "string", "pattern": "^https?://", "format": "uri"}),
]
Summary = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_MAX),
    AfterValidator(_plain_text),
]
Kind = Literal["person", "place", "organization", "event", "concept", "process", "media"]
KINDS: tuple[str, ...] = get_args(Kind)


class Strict(BaseModel):
    """Base: unknown fields are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a statement can be checked."""

    title: PlainText = Field(description="The title of the document or article.")
    publisher: PlainText = Field(description="Who published it.")
    url: Annotated[Url, AfterValidator(_real_source)] = Field(description="A full http(s) address.")
    date: dt.date | Literal["undated"] | None = Field(
        None,
        description="Publication date, YYYY-MM-DD; or 'undated' when the publisher gives none "
        "(a reference work, a home page).",
    )

    @property
    def published(self) -> dt.date | None:
        """The publication date, or ``None`` for an undated source or one not yet dated."""
        return self.date if isinstance(self.date, dt.date) else None


class Location(Strict):
    """Where the map puts a place."""

    lat: float = Field(ge=-90, le=90, description="Latitude in degrees, north positive.")
    lon: float = Field(ge=-180, le=180, description="Longitude in degrees, east positive.")


def _event_id(value: object) -> object:
    if isinstance(value, dict):  # a {date, text} copied into the page, as before events had ids
        raise fixable(
            "an event is told once, in glossary/_events.yml, not in each page",
            "move it there under an id, with its date, text and sources, and list the id here",
        )
    return value


EventId = Annotated[Id, BeforeValidator(_event_id)]


class EventMeta(Strict):
    """One event of the timeline, told once in ``glossary/_events.yml`` under its id; the
    entries and explainers it concerns point to it by that id."""

    date: dt.date = Field(description="When it happened, YYYY-MM-DD.")
    text: Summary = Field(
        description="One plain sentence on what happened, in your own words, at most 300 "
        "characters."
    )
    sources: list[Source] = Field(min_length=1, description="At least one source.")


class EntryMeta(Strict):
    """The front matter of a glossary entry (``glossary/<id>.md``)."""

    term: Name = Field(description="The name shown for the entry.")
    aliases: list[Name] = Field(
        default_factory=list, description="Other forms to find in the text."
    )
    kind: Kind = Field(description="What sort of thing the entry is.")
    summary: Summary = Field(
        description="Plain text, one or two sentences, at most 300 characters."
    )
    native: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$")], PlainText
    ] = Field(default_factory=dict, description="The name in other languages, by language code.")
    explainer: Id | None = Field(None, description="Id of a background explainer.")
    related: list[Id] = Field(default_factory=list, description="Ids of other entries.")
    sources: list[Source] = Field(min_length=1, description="At least one source.")
    location: Location | None = Field(None, description="For places: where the map puts it.")
    timeline: list[EventId] = Field(
        default_factory=list, description="Ids of the events in glossary/_events.yml it concerns."
    )
    updated: dt.date = Field(description="When the entry was last checked, YYYY-MM-DD.")
    # After ``kind`` and ``location``: its check reads them.
    region: StrictBool = Field(
        False,
        description="For places: true when the place is an area (a province, an exclave, a "
        "former oblast). The map draws its outline, never a dot, and writes its name at its "
        "location.",
    )

    @field_validator("region")
    @classmethod
    def _region_is_a_located_place(cls, region: bool, info: ValidationInfo) -> bool:
        if not region:
            return region
        kind = info.data.get("kind")
        if kind is not None and kind != "place":
            raise fixable(
                f"only a place can be a region (this entry's kind is {kind})",
                "set kind: place, or remove 'region'",
            )
        if "location" in info.data and info.data["location"] is None:
            raise fixable(
                "a region needs a location: the point inside it where the map writes its name",
                "add location: {lat: …, lon: …}",
            )
        return region


class ExplainerMeta(Strict):
    """The front matter of a background explainer (``docs/explainers/<id>.md``)."""

    title: PlainText = Field(description="The explainer's title.")
    summary: Summary = Field(
        description="Plain text, one or two sentences, at most 300 characters."
    )
    sources: list[Source] = Field(min_length=2, description="Two or more sources.")
    updated: dt.date = Field(description="When it was last checked, YYYY-MM-DD.")
    entries: list[Id] = Field(default_factory=list, description="Glossary ids it is about.")
    timeline: list[EventId] = Field(
        default_factory=list, description="Ids of the events in glossary/_events.yml it concerns."
    )
    # Page keys that MkDocs and Material read themselves.
    hide: list[str] | None = None
    description: str | None = None
    search: dict | None = None


class QuoteNote(Strict):
    """A note anchored to an exact passage, as a W3C TextQuoteSelector anchors it."""

    quote: Text = Field(description="Exact words from one paragraph.")
    prefix: str | None = Field(None, description="Words just before the quote, to pick one.")
    suffix: str | None = Field(None, description="Words just after the quote, to pick one.")
    explainer: Id | None = Field(None, description="Id of the explainer to attach.")
    entry: Id | None = Field(None, description="Id of the glossary entry to attach.")

    @model_validator(mode="after")
    def _one_target(self) -> QuoteNote:
        if (self.explainer is None) == (self.entry is None):
            raise fixable(
                "a quote note needs exactly one target", "give either 'explainer' or 'entry'"
            )
        return self


class ArticleMeta(Strict):
    """The ``article:`` block that makes a page an annotated article."""

    title: PlainText
    publisher: PlainText
    url: Url
    published: Annotated[dt.date | str, BeforeValidator(_partial_date)]
    author: PlainText | None = None
    dek: PlainText | None = None
    notes: list[QuoteNote] = Field(default_factory=list)
