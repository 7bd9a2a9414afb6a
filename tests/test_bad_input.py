"""Every kind of bad input is refused with a message naming the file and the problem; a real
build stops on it and leaves the last good ``site/`` exactly as it was.

The messages are checked on the engine the build calls (fast); one real ``mkdocs build``
shows what only a build can: the exit code, the message in MkDocs' output, and the last
good site untouched (``test_build.py`` does the same for broken entries)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import mkdocs
from helpers import (
    BODY,
    entry_meta,
    event,
    front_matter,
    make_project,
    write_article,
    write_entry,
    write_events,
)
from reading_companion import ContentError, load_content


@pytest.fixture(scope="module")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("good") / "project")
    result = mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def entry_file(project: Path, name: str, text: str | bytes) -> None:
    path = project / "glossary" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def bad_meta(**changes: object) -> str:
    meta = entry_meta("Yerevan", kind="place")
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return front_matter(meta, BODY)


Case = Callable[[Path], None]
CASES: dict[str, tuple[Case, list[str]]] = {
    "yaml syntax": (
        lambda p: entry_file(p, "yerevan.md", "---\nterm: Yerevan\nkind: [place\n---\nText\n"),
        ["glossary/yerevan.md:", "YAML syntax error"],
    ),
    "missing field": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(summary=None)),
        ["glossary/yerevan.md:2: summary: required field is missing"],
    ),
    "misspelt field": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(sumary="x")),
        ["glossary/yerevan.md:", "sumary: unknown field (did you mean 'summary'?)"],
    ),
    "wrong type": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(aliases="Erevan")),
        ["glossary/yerevan.md:", "aliases: input should be a valid list"],
    ),
    "unknown kind": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(kind="city")),
        ["glossary/yerevan.md:", "kind: 'city' is not a kind"],
    ),
    "duplicate alias in another case": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(aliases=["BAKU"])),
        ["glossary/yerevan.md:", "'BAKU' is already a term or alias of glossary/baku.md"],
    ),
    "related points nowhere": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(related=["gyumri"])),
        ["glossary/yerevan.md:", "related: there is no entry 'gyumri'"],
    ),
    "explainer points nowhere": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(explainer="history")),
        ["glossary/yerevan.md:", "explainer: there is no explainer 'history'"],
    ),
    "javascript url": (
        lambda p: entry_file(
            p,
            "yerevan.md",
            bad_meta(sources=[{"title": "T", "publisher": "P", "url": "javascript:alert(1)"}]),
        ),
        [
            "glossary/yerevan.md:",
            "sources.0.url: 'javascript:alert(1)' is not an http(s) web address",
        ],
    ),
    "script in body": (
        lambda p: write_entry(
            p / "glossary", "yerevan", "Yerevan", body=BODY + "<script>x</script>"
        ),
        ["glossary/yerevan.md:", "body: raw HTML is not allowed (found '<script>')"],
    ),
    "img onerror in summary": (
        lambda p: entry_file(
            p, "yerevan.md", bad_meta(summary='A city <img src=x onerror="alert(1)">')
        ),
        ["glossary/yerevan.md:", "summary: raw HTML is not allowed"],
    ),
    "summary too long": (
        lambda p: entry_file(p, "yerevan.md", bad_meta(summary="y" * 320)),
        ["glossary/yerevan.md:", "summary: is 320 characters long, more than 300"],
    ),
    "file name not an id": (
        lambda p: entry_file(p, "Yerevan City.md", bad_meta()),
        ["glossary/Yerevan City.md: 'Yerevan City.md' is not a valid entry file name"],
    ),
    "not utf-8": (
        lambda p: entry_file(p, "yerevan.md", bad_meta().encode("utf-16")),
        ["glossary/yerevan.md:1: the file is not UTF-8 text"],
    ),
    "empty file": (
        lambda p: entry_file(p, "yerevan.md", ""),
        ["glossary/yerevan.md:1: the file is empty"],
    ),
    "unknown event id": (
        lambda p: (
            write_events(
                p / "glossary", {"ceasefire-2020-11-10": event("2020-11-10", "War ends.")}
            ),
            entry_file(p, "yerevan.md", bad_meta(timeline=["ceasefire-2020-11-01"])),
        ),
        [
            "glossary/yerevan.md:",
            "timeline.0: there is no event 'ceasefire-2020-11-01' in glossary/_events.yml "
            "(did you mean 'ceasefire-2020-11-10'?)",
        ],
    ),
    "event without a source": (
        lambda p: write_events(
            p / "glossary", {"ceasefire-2020-11-10": {"date": "2020-11-10", "text": "War ends."}}
        ),
        [
            "glossary/_events.yml:1: ceasefire-2020-11-10.sources: required field is missing "
            "(add 'sources:' under 'ceasefire-2020-11-10')"
        ],
    ),
    "event with an empty list of sources": (
        lambda p: write_events(
            p / "glossary", {"ceasefire-2020-11-10": event("2020-11-10", "War ends.", sources=[])}
        ),
        ["glossary/_events.yml:", "ceasefire-2020-11-10.sources: list should have at least 1 item"],
    ),
    "event date in words": (
        lambda p: write_events(
            p / "glossary", {"ceasefire-2020-11-10": event("10 November 2020", "War ends.")}
        ),
        ["glossary/_events.yml:2: ceasefire-2020-11-10.date: input should be a valid date"],
    ),
    "event told twice": (
        lambda p: write_events(
            p / "glossary",
            {
                "ceasefire-2020-11-10": event(
                    "2020-11-10", "A ceasefire ends the war at midnight."
                ),
                "truce-2020-11-10": event("2020-11-10", "A ceasefire ends the war at midnight!"),
            },
        ),
        [
            "glossary/_events.yml:9: truce-2020-11-10: reads almost as 'ceasefire-2020-11-10' "
            "(glossary/_events.yml:1), an event of the same day (100% alike)",
        ],
    ),
    "event copied into a page": (
        lambda p: entry_file(
            p, "yerevan.md", bad_meta(timeline=[{"date": "2020-11-10", "text": "War ends."}])
        ),
        ["glossary/yerevan.md:", "timeline.0: an event is told once, in glossary/_events.yml"],
    ),
    "quote matches nothing": (
        lambda p: write_article(p / "docs", notes=[{"quote": "words not there", "entry": "baku"}]),
        ["docs/articles/test.md:", "the quote 'words not there' matches no paragraph"],
    ),
    "quote matches several": (
        lambda p: write_article(p / "docs", notes=[{"quote": "Baku", "entry": "baku"}]),
        ["docs/articles/test.md:", "the quote 'Baku' occurs 4 times, in ¶ 1, ¶ 4"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_named(case: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    damage, expected = CASES[case]
    damage(project)
    with pytest.raises(ContentError) as caught:
        load_content(project / "glossary", project / "docs", project)
    for text in expected:
        assert text in str(caught.value)


def test_a_bad_article_stops_the_build_and_the_last_site_survives(good_project: Path) -> None:
    before = snapshot(good_project / "site")
    damage, expected = CASES["quote matches several"]
    damage(good_project)
    result = mkdocs("build", "--strict", cwd=good_project)
    assert result.returncode == 1
    for text in expected:
        assert text in result.stderr
    assert snapshot(good_project / "site") == before


def test_a_hostile_entry_stops_the_build_and_leaks_nothing(good_project: Path) -> None:
    """SECURITY.md: a look-alike alias and a body pulling in a repository file."""
    before = snapshot(good_project / "site")
    write_entry(
        good_project / "glossary",
        "fake-baku",
        "Fake",
        aliases=["B\u0430ku"],  # a Cyrillic "а" inside a Latin word
        body=BODY + '\n\n--8<-- "mkdocs.yml"\n',
    )
    result = mkdocs("build", "--strict", cwd=good_project)
    assert result.returncode == 1
    assert "glossary/fake-baku.md:" in result.stderr
    assert "mixes Latin and Cyrillic letters" in result.stderr
    assert "a snippet marker (--8<--)" in result.stderr
    assert snapshot(good_project / "site") == before
    assert not any("fake-baku" in str(path) for path in (good_project / "site").rglob("*"))
