"""The front-matter schemas of entries, explainers and articles.

One set of pydantic models serves the validator, the JSON Schema offered to
editors and the typed objects the rest of the engine reads.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
SUMMARY_MAX = 300
KINDS = ("person", "place", "organization", "event", "concept", "process", "media")

# A tag, a comment or a declaration: what Markdown would pass through as raw HTML.
# Autolinks such as <https://example.org> are Markdown, not HTML, and are allowed.
HTML_TAG = re.compile(r"<(?:/?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|!--|![A-Za-z]|\?)")
CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]+`", re.DOTALL)


def find_html(text: str) -> re.Match[str] | None:
    """The first raw-HTML tag in Markdown ``text``, ignoring code spans and fences."""
    return HTML_TAG.search(CODE.sub(lambda m: " " * len(m.group()), text))


class FixableError(ValueError):
    """A validation message with the fix a contributor should make."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(f"{message}\x00{fix}")


def _plain_text(value: str) -> str:
    tag = find_html(value)
    if tag:
        raise FixableError(
            f"raw HTML is not allowed (found {tag.group()!r})", "write plain text without tags"
        )
    return value


def _web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value, re.IGNORECASE):
        raise FixableError(
            f"{value!r} is not an http(s) web address",
            "use a full address starting with https:// or http://",
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PlainText = Annotated[Text, AfterValidator(_plain_text)]
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


class Strict(BaseModel):
    """Base: unknown fields are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a statement can be checked."""

    title: PlainText = Field(description="The title of the document or article.")
    publisher: PlainText = Field(description="Who published it.")
    url: Url = Field(description="A full http(s) address.")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD, if it has one.")


class Location(Strict):
    """Where the map puts a place."""

    lat: float = Field(ge=-90, le=90, description="Latitude in degrees, north positive.")
    lon: float = Field(ge=-180, le=180, description="Longitude in degrees, east positive.")


class TimelineEvent(Strict):
    """A dated event for the timeline."""

    date: dt.date = Field(description="When it happened, YYYY-MM-DD.")
    text: PlainText = Field(description="One sentence on what happened.")


class EntryMeta(Strict):
    """The front matter of a glossary entry (``glossary/<id>.md``)."""

    term: PlainText = Field(description="The name shown for the entry.")
    aliases: list[PlainText] = Field(
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
    timeline: list[TimelineEvent] = Field(default_factory=list, description="Dated events.")
    updated: dt.date = Field(description="When the entry was last checked, YYYY-MM-DD.")


class ExplainerMeta(Strict):
    """The front matter of a background explainer (``docs/explainers/<id>.md``)."""

    title: PlainText = Field(description="The explainer's title.")
    summary: Summary = Field(
        description="Plain text, one or two sentences, at most 300 characters."
    )
    sources: list[Source] = Field(min_length=2, description="Two or more sources.")
    updated: dt.date = Field(description="When it was last checked, YYYY-MM-DD.")
    entries: list[Id] = Field(default_factory=list, description="Glossary ids it is about.")
    timeline: list[TimelineEvent] = Field(default_factory=list, description="Dated events.")
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
            raise FixableError(
                "a quote note needs exactly one target", "give either 'explainer' or 'entry'"
            )
        return self


class ArticleMeta(Strict):
    """The ``article:`` block that makes a page an annotated article."""

    title: PlainText
    publisher: PlainText
    url: Url
    published: Annotated[str, StringConstraints(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")] | dt.date
    author: PlainText | None = None
    dek: PlainText | None = None
    notes: list[QuoteNote] = Field(default_factory=list)
