"""One test per rule the build enforces on entries, explainers and articles."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import (
    BODY,
    entry_meta,
    event,
    front_matter,
    line_of,
    write_article,
    write_entry,
    write_events,
    write_explainer,
)
from reading_companion import ContentError, load_content
from reading_companion.cli import main
from reading_companion.content import KeptFiles, load_glossary
from reading_companion.events import load_events
from reading_companion.frontmatter import Loader, construct
from reading_companion.usage import usage_warnings


def problems_of(glossary: Path) -> list[str]:
    _, problems = load_glossary(glossary, glossary.parent)
    return [str(p) for p in problems if not p.warning]


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    return folder


def test_valid_entry_has_no_problems(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", kind="place", aliases=["Bakı"], native={"az": "Bakı"})
    entries, problems = load_glossary(glossary, glossary.parent)
    assert [p for p in problems if not p.warning] == []
    assert entries["baku"].meta.native == {"az": "Bakı"}


def test_yaml_syntax_error_names_file_and_line(glossary: Path) -> None:
    (glossary / "baku.md").write_text(
        "---\nterm: Baku\nkind: [place\n---\nBody\n", encoding="utf-8"
    )
    (found,) = problems_of(glossary)
    assert found.startswith("glossary/baku.md:")
    assert "YAML syntax error" in found


@pytest.mark.parametrize("field", ["term", "kind", "summary", "sources", "updated"])
def test_missing_required_field(glossary: Path, field: str) -> None:
    meta = entry_meta("Baku")
    del meta[field]
    (glossary / "baku.md").write_text(front_matter(meta, BODY), encoding="utf-8")
    (found,) = problems_of(glossary)
    assert f"glossary/baku.md:2: {field}: required field is missing" in found


def test_misspelt_field_suggests_the_right_one(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", summery="Typo")
    (found,) = problems_of(glossary)
    assert "summery: unknown field (did you mean 'summary'?)" in found
    assert found.startswith("glossary/baku.md:")


def test_wrong_type_is_named(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", aliases="Bakı")
    (found,) = problems_of(glossary)
    assert "aliases:" in found
    assert "list" in found


def test_unknown_kind_lists_the_kinds(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", kind="city")
    (found,) = problems_of(glossary)
    assert "kind: 'city' is not a kind" in found
    assert "person, place, organization" in found


@pytest.mark.parametrize("case", ["Baku", "BAKU", "baku"])
def test_term_or_alias_used_twice_names_both_files(glossary: Path, case: str) -> None:
    write_entry(glossary, "baku", "Baku")
    write_entry(glossary, "capital", "Capital", aliases=[case])
    (found,) = problems_of(glossary)
    assert "glossary/capital.md" in found
    assert "glossary/baku.md" in found


def test_source_url_must_be_web(glossary: Path) -> None:
    write_entry(
        glossary,
        "baku",
        "Baku",
        sources=[{"title": "T", "publisher": "P", "url": "javascript:alert(1)"}],
    )
    (found,) = problems_of(glossary)
    assert "sources.0.url" in found
    assert "is not an http(s) web address" in found


@pytest.mark.parametrize("html", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">'])
def test_raw_html_in_body_is_refused_with_its_line(glossary: Path, html: str) -> None:
    write_entry(glossary, "baku", "Baku", body=f"{BODY}\n\nMore text {html}\n")
    (found,) = problems_of(glossary)
    lines = (glossary / "baku.md").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if html in text)
    assert f"glossary/baku.md:{line}: body: raw HTML is not allowed" in found


def test_raw_html_in_summary_is_refused(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", summary="A city <b>bold</b>.")
    (found,) = problems_of(glossary)
    assert "summary: raw HTML is not allowed" in found


def test_html_inside_code_is_allowed(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", body=f"{BODY} Write `<b>` to bold in HTML.")
    assert problems_of(glossary) == []


def test_summary_length(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", summary="x" * 301)
    (found,) = problems_of(glossary)
    assert "summary: is 301 characters long, more than 300" in found


def test_file_name_must_be_an_id(glossary: Path) -> None:
    write_entry(glossary, "Baku_City", "Baku")
    (found,) = problems_of(glossary)
    assert "glossary/Baku_City.md: 'Baku_City.md' is not a valid entry file name" in found


def test_file_must_be_utf8(glossary: Path) -> None:
    (glossary / "baku.md").write_bytes("---\nterm: Bak\u0131\n".encode("utf-16"))
    (found,) = problems_of(glossary)
    assert "glossary/baku.md:1: the file is not UTF-8 text" in found


def test_empty_file(glossary: Path) -> None:
    (glossary / "baku.md").write_text("", encoding="utf-8")
    (found,) = problems_of(glossary)
    assert "glossary/baku.md:1: the file is empty" in found


def test_template_file_is_not_an_entry(glossary: Path) -> None:
    (glossary / "_template.md").write_text("---\nterm:\n---\n", encoding="utf-8")
    entries, problems = load_glossary(glossary, glossary.parent)
    assert entries == {}
    assert problems == []


def test_every_problem_is_reported_at_once(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", kind="city")
    write_entry(glossary, "yerevan", "Yerevan", summary="y" * 400)
    (glossary / "empty.md").write_text("", encoding="utf-8")
    assert len(problems_of(glossary)) == 3


def test_related_and_explainer_must_exist(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    docs.mkdir()
    write_entry(glossary, "baku", "Baku", related=["yerevan"], explainer="history")
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    text = str(caught.value)
    assert "glossary/baku.md:" in text
    assert "related: there is no entry 'yerevan'" in text
    assert "explainer: there is no explainer 'history'" in text


def test_explainer_needs_two_sources(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_explainer(
        docs,
        "history",
        "History",
        sources=[{"title": "T", "publisher": "P", "url": "https://sources.test"}],
    )
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert "docs/explainers/history.md:" in str(caught.value)
    assert "sources:" in str(caught.value)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ({"quote": "no such words anywhere", "entry": "baku"}, "matches no paragraph"),
        ({"quote": "Baku", "entry": "baku"}, "occurs 2 times, in ¶ 1, ¶ 2"),
    ],
)
def test_quote_note_must_match_exactly_once(tmp_path: Path, note: dict, expected: str) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    write_article(docs, ["They met in Baku.", "Baku was warm."], notes=[note])
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert "docs/articles/test.md:" in str(caught.value)
    assert "article.notes.0.quote" in str(caught.value)
    assert expected in str(caught.value)


def test_prefix_picks_one_of_several_occurrences(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    write_article(
        docs,
        ["They met in Baku.", "Baku was warm."],
        notes=[{"quote": "Baku", "prefix": "met in", "entry": "baku"}],
    )
    content = load_content(glossary, docs, tmp_path)
    (anchor,) = content.articles["articles/test.md"].anchors
    assert anchor.paragraph == 1


def test_undated_source_and_unused_entry_are_warnings(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(
        glossary,
        "baku",
        "Baku",
        sources=[{"title": "T", "publisher": "P", "url": "https://sources.test"}],
    )
    write_entry(glossary, "yerevan", "Yerevan")
    write_article(docs, ["They met in Baku."], notes=[])
    content = load_content(glossary, docs, tmp_path)
    warnings = [str(p) for p in content.warnings + usage_warnings(content)]
    assert any("baku.md" in w and "source has no date" in w for w in warnings)
    assert any("yerevan.md" in w and "no article mentions this entry" in w for w in warnings)


def test_check_counts_mentions_as_the_build_does(tmp_path: Path) -> None:
    """A name only inside a link's text or address, or in code, is not linked by the build,
    so ``check`` does not count it as a mention either."""
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    write_entry(glossary, "yerevan", "Yerevan")
    write_entry(glossary, "tbilisi", "Tbilisi")
    paragraph = "Read [the report](https://example.org/yerevan) and `tbilisi`; they met in Baku."
    write_article(docs, [paragraph], notes=[])
    warnings = [str(p) for p in usage_warnings(load_content(glossary, docs, tmp_path))]
    unused = {w.split(":")[0] for w in warnings if "no article mentions" in w}
    assert unused == {"glossary/yerevan.md", "glossary/tbilisi.md"}


def test_general_entries_are_exempt_and_checked(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    write_entry(glossary, "yerevan", "Yerevan")
    write_article(docs, ["They met in Baku."], notes=[])
    (glossary / "_general.yml").write_text("general: [yerevan, baku]\n")
    warnings = [str(p) for p in usage_warnings(load_content(glossary, docs, tmp_path))]
    assert not any("yerevan.md" in w and "no article mentions" in w for w in warnings)
    assert any("baku.md" in w and "but an article mentions it" in w for w in warnings)
    (glossary / "_general.yml").write_text("general: [gyumri]\n")
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert "glossary/_general.yml: general: there is no entry 'gyumri'" in str(caught.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<img/src=x/onerror=alert(1)>", "raw HTML is not allowed"),
        ("a ~~~ <script>alert(2)</script> ~~~ b", "raw HTML is not allowed (found '<script>')"),
        (
            "[here](javascript:alert(1))",
            "links may point only to web pages (found 'javascript:alert(1')",
        ),
        ("[r]: javascript:alert(1)", "links may point only to web pages"),
    ],
)
def test_html_and_script_links_cannot_hide(glossary: Path, body: str, expected: str) -> None:
    write_entry(glossary, "baku", "Baku", body=f"{BODY}\n\n{body}\n")
    (found,) = problems_of(glossary)
    assert expected in found


@pytest.mark.parametrize(
    "url",
    [
        'https://x.org/"><img src=x onerror=alert(3)>',
        "https://x.org/a b",
        "ftp://x.org/",
        "https://localhost",
    ],
)
def test_source_urls_cannot_break_out_of_an_attribute(glossary: Path, url: str) -> None:
    write_entry(glossary, "baku", "Baku", sources=[{"title": "T", "publisher": "P", "url": url}])
    (found,) = problems_of(glossary)
    assert "is not an http(s) web address" in found


def test_markdown_links_and_autolinks_to_the_web_are_fine(glossary: Path) -> None:
    links = "[the statement](https://example.org/a), <https://example.org/b> and [Baku](baku.md)"
    body = f"{BODY} See {links}."
    write_entry(glossary, "baku", "Baku", body=body)
    assert problems_of(glossary) == []


def test_names_differing_only_by_hyphen_or_space_clash(glossary: Path) -> None:
    write_entry(glossary, "nk", "Nagorno-Karabakh")
    write_entry(glossary, "nk2", "Karabakh region", aliases=["Nagorno Karabakh"])
    (found,) = problems_of(glossary)
    assert "'Nagorno Karabakh' is already a term or alias of glossary/nk.md" in found


def test_impossible_dates_are_named_not_a_traceback(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", updated="2024-02-30")
    text = (glossary / "baku.md").read_text().replace("'2024-02-30'", "2024-02-30")
    (glossary / "baku.md").write_text(text)
    (found,) = problems_of(glossary)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("updated:"))
    assert found.startswith(f"glossary/baku.md:{line}: updated: is not a date that exists")


def test_an_invalid_entry_is_reported_once_not_by_its_neighbours(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    docs.mkdir()
    write_entry(glossary, "baku", "Baku", kind="city")
    write_entry(glossary, "putin", "Putin", related=["baku"])
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert "'city' is not a kind" in str(caught.value)
    assert "there is no entry 'baku'" not in str(caught.value)


def test_two_quote_notes_on_one_target_get_distinct_ids(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    notes = [{"quote": "They met", "entry": "baku"}, {"quote": "in Baku", "entry": "baku"}]
    write_article(docs, ["They met in Baku."], notes=notes)
    article = load_content(glossary, docs, tmp_path).articles["articles/test.md"]
    assert [article.note_id(a) for a in article.anchors] == ["note-p1-baku", "note-p1-baku-2"]


@pytest.mark.parametrize(
    "source",
    [
        "term: Baku\naliases: [Baki, 'Bakı']\nupdated: 2026-11-25\ncoordinates: [40.4, 49.9]",
        "sources:\n  - title: A\n    date: 2024-08-19\n    pages: 3\n    draft: no\n    x: null",
        "defaults: &d {kind: place}\nentry:\n  <<: *d\n  term: Baku",
        "a: &x [1, 2]\nb: *x",
        "a: !!str 12\nb: '2024-08-19'\n1: one",
        "? [not, hashable]\n: 1",
        "a: !custom x",
        "aliases: !!seq Baki",
        "article: !!map x",
        "a: !!set x",
        "x: !!set {a, b}\ny: !!binary aGVsbG8=\nz: 2024-08-19T10:00:00Z",
    ],
)
def test_front_matter_reads_as_pyyaml_reads_it(source: str) -> None:
    def outcome(read):
        try:
            return read()
        except yaml.YAMLError as error:
            return type(error)

    loader = Loader(source)
    try:
        fast = outcome(lambda: construct(loader.get_single_node(), loader))
    finally:
        loader.dispose()
    assert fast == outcome(lambda: yaml.load(source, Loader=Loader))


def test_front_matter_aliases_share_one_object() -> None:
    """Nested aliases are not copied out: nine levels of nine would be 387 million items."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, inner in zip("bcdefghi", "abcdefgh", strict=True):
        levels.append(f"{name}: &{name} [{', '.join([f'*{inner}'] * 9)}]")
    loader = Loader("\n".join(levels))
    try:
        data = construct(loader.get_single_node(), loader)
    finally:
        loader.dispose()
    assert data["i"][0] is data["h"]


def test_a_front_matter_error_is_reported_whichever_comes_first(tmp_path: Path) -> None:
    from reading_companion.frontmatter import read_document

    path = tmp_path / "entry.md"
    path.write_text("---\na: {b: 2024-02-30}\nc: !custom x\n---\nBody\n", encoding="utf-8")
    document, problems = read_document(path, "entry.md")
    assert document is None
    assert len(problems) == 1


def test_problems_found_across_files_name_the_line(tmp_path: Path) -> None:
    """Lines are not kept with loaded content; a problem found later reads them again."""
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    path = write_entry(glossary, "yerevan", "Yerevan", aliases=["Baku"], related=["gyumri"])
    write_article(docs, ["They met in Baku."], notes=[])
    lines = path.read_text(encoding="utf-8").splitlines()
    alias_line = lines.index("aliases:") + 1
    related_item = lines.index("- gyumri") + 1
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    text = str(caught.value)
    assert f"glossary/yerevan.md:{alias_line}: aliases: 'Baku' is already" in text
    assert f"glossary/yerevan.md:{related_item}: related: there is no entry 'gyumri'" in text


def test_messages_name_the_folders_as_configured(tmp_path: Path) -> None:
    """A glossary kept elsewhere is named where it is, in the fix too."""
    glossary, docs = tmp_path / "notes" / "terms", tmp_path / "site-docs"
    glossary.mkdir(parents=True)
    write_entry(glossary, "baku", "Baku", related=["gyumri"])
    write_article(docs, ["They met in Baku."], notes=[])
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert "use the id of a file in notes/terms/ (without .md) or add notes/terms/gyumri.md" in str(
        caught.value
    )


def test_a_name_used_twice_is_reported_at_the_entry_git_says_is_new(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    write_entry(glossary, "baku", "Baku")
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@t.test"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Baku"], cwd=tmp_path, check=True)
    write_entry(glossary, "a-baku", "Baku")  # new, and first in file order
    _, problems = load_glossary(glossary, tmp_path)
    assert [(p.path, p.field, p.message) for p in problems] == [
        ("glossary/a-baku.md", "term", "'Baku' is already a term or alias of glossary/baku.md")
    ]


def test_a_serving_host_reloads_only_the_files_that_changed(glossary: Path) -> None:
    """Under ``mkdocs serve`` what each file loaded to is kept: an edited entry is read
    again, an untouched one is not, and a new template checks every entry again."""
    write_entry(glossary, "baku", "Baku")
    yerevan = write_entry(glossary, "yerevan", "Yerevan")
    kept = KeptFiles()
    before, _ = load_glossary(glossary, glossary.parent, kept)
    write_entry(glossary, "yerevan", "Yerevan", summary="The capital of Armenia, edited.")
    os.utime(yerevan, ns=(0, 0))  # a changed time, whatever the clock's resolution
    after, _ = load_glossary(glossary, glossary.parent, kept)
    assert after["yerevan"].meta.summary == "The capital of Armenia, edited."
    assert after["baku"] is before["baku"]
    # The template's example source is the one Baku's entry cites: now it is left in.
    template = front_matter(entry_meta("The name as readers know it"), "An example body.")
    (glossary / "_template.md").write_text(template, encoding="utf-8")
    _, problems = load_glossary(glossary, glossary.parent, kept)
    assert any(p.path == "glossary/baku.md" and "template" in str(p) for p in problems)


def test_a_source_may_say_it_has_no_date(glossary: Path) -> None:
    """A reference work or a home page has no publication date: ``date: undated`` says so,
    and the check stops asking; any other word is refused."""
    undated = {"title": "Baku", "publisher": "Wikipedia", "url": "https://sources.test/baku"}
    write_entry(glossary, "baku", "Baku", sources=[{**undated, "date": "undated"}])
    write_entry(glossary, "ganja", "Ganja", sources=[undated])
    write_entry(glossary, "shaki", "Shaki", sources=[{**undated, "date": "unknown"}])
    entries, problems = load_glossary(glossary, glossary.parent)
    found = [str(p) for p in problems]
    assert not any("baku.md" in p for p in found)
    assert any(
        "ganja.md" in p and "source has no date" in p and "date: undated" in p for p in found
    )
    assert any("shaki.md" in p and "sources.0.date" in p for p in found if "shaki" in p)
    assert "shaki" not in entries
    assert entries["baku"].meta.sources[0].published is None


# Events: glossary/_events.yml, each event told once and listed by the pages it concerns.


def events_problems(glossary: Path) -> list[str]:
    _, _, problems = load_events(glossary, glossary.parent)
    return [str(p) for p in problems]


def test_an_events_file_reports_the_lines_of_the_file_itself(glossary: Path) -> None:
    """The file is plain YAML, not front matter: its first line is line 1, for a key given
    twice, a YAML mistake and a date that cannot exist alike."""
    text = (
        "# The events.\n"
        "ceasefire-2020-11-10:\n"
        "  date: 2020-11-10\n"
        "  text: War ends.\n"
        "ceasefire-2020-11-10:\n"
        "  date: 2020-11-10\n"
    )
    (glossary / "_events.yml").write_text(text, encoding="utf-8")
    assert events_problems(glossary) == [
        "glossary/_events.yml:5: ceasefire-2020-11-10: is given twice (first on line 2) "
        "(keep one of the two)"
    ]
    (glossary / "_events.yml").write_text(text[:-21] + "  text: [War\n", encoding="utf-8")
    (problem,) = events_problems(glossary)
    assert problem.startswith("glossary/_events.yml:6: YAML syntax error")
    (glossary / "_events.yml").write_text(text[:-42].replace("11-10\n", "02-30\n"))
    (problem,) = events_problems(glossary)
    assert problem.startswith("glossary/_events.yml:3: ceasefire-2020-11-10.date: is not a date")


def test_each_event_is_checked_on_its_own(glossary: Path) -> None:
    """A broken event is reported with its field and line; the others still load."""
    path = write_events(
        glossary,
        {
            "Ceasefire": event("2020-11-10", "War ends."),
            "ceasefire-2020-11-10": event("2020-11-10", "War ends.", sorces=[]),
            "talks-2021-01-11": event("2021-01-11", "<b>Talks</b> in Moscow."),
            "future-2999-01-01": event("2999-01-01", "Something."),
            "plain-2021-06-20": event("2021-06-20", "Armenia votes."),
        },
    )
    events, ids, problems = load_events(glossary, glossary.parent)
    found = [str(p) for p in problems if not p.warning]
    # An event dated in the future loads, as an entry would; its date is an error all the same.
    assert set(events) == {"future-2999-01-01", "plain-2021-06-20"}
    assert len(ids) == 5
    assert found == [
        f"glossary/_events.yml:{line_of(path, 'Ceasefire:')}: Ceasefire: 'Ceasefire' is not a "
        "valid event id (use lowercase ASCII letters, digits and single hyphens, e.g. "
        "'ceasefire-2020-11-10')",
        f"glossary/_events.yml:{line_of(path, 'sorces:')}: ceasefire-2020-11-10.sorces: unknown "
        "field (did you mean 'sources'?)",
        f"glossary/_events.yml:{line_of(path, '<b>')}: talks-2021-01-11.text: raw HTML is not "
        "allowed (found '<b>') (write plain text, without tags or links)",
        f"glossary/_events.yml:{line_of(path, '2999-01-01:') + 1}: future-2999-01-01.date: "
        "2999-01-01 is in the future (check the date: only what has happened can be dated)",
    ]


def test_an_event_no_page_lists_is_a_warning_and_an_unknown_id_names_the_closest(
    tmp_path: Path,
) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    path = write_events(
        glossary,
        {
            "ceasefire-2020-11-10": event("2020-11-10", "War ends."),
            "talks-2021-01-11": event("2021-01-11", "Talks in Moscow."),
        },
    )
    write_entry(glossary, "baku", "Baku", timeline=["ceasefire-2020-11-10"])
    write_explainer(docs, "war", "War", timeline=["ceasefire-2020-11-10"])
    content = load_content(glossary, docs, tmp_path)
    assert [str(p) for p in content.warnings if "_events" in p.path] == [
        f"glossary/_events.yml:{line_of(path, 'talks-2021')}: talks-2021-01-11: no entry or "
        "explainer lists this event in its 'timeline' (add its id to the timeline of the "
        "entries and explainers it concerns)"
    ]
    write_entry(glossary, "baku", "Baku", timeline=["ceasefire-2020-11-10", "talks-2021-01-12"])
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    assert str(caught.value).splitlines()[1:] == [
        f"  glossary/baku.md:{line_of(glossary / 'baku.md', 'talks-2021-01-12')}: timeline.1: "
        "there is no event 'talks-2021-01-12' in glossary/_events.yml (did you mean "
        "'talks-2021-01-11'?)"
    ]


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        # Copies and light rewordings, as the pages told them before events had ids.
        (
            "EU leaders grant Georgia the status of candidate for membership.",
            "EU leaders grant Georgia the status of a candidate for membership.",
            True,
        ),
        (
            "Ukrainian forces cross the border into Russia's Kursk region.",
            "Ukrainian forces cross the border from the Sumy region into Russia's Kursk region.",
            True,
        ),
        # Two events of one day (8 August 2025), and two of 12 June 2024.
        (
            "In Washington, Armenia and Azerbaijan agree that a route across southern Armenia "
            "will be developed as the Trump Route for International Peace and Prosperity.",
            "At the White House, the Armenian and Azerbaijani foreign ministers initial the "
            "agreed text of the peace treaty.",
            False,
        ),
        (
            "Pashinyan tells Armenia's parliament that the country will leave the CSTO.",
            "Azerbaijan's defence ministry says the last Russian peacekeepers have left.",
            False,
        ),
    ],
)
def test_two_events_of_one_day_that_read_alike_are_one_event(
    tmp_path: Path, first: str, second: str, alike: bool, capsys
) -> None:
    """``companion check`` names both events, each with its file and line."""
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (tmp_path / "docs").mkdir()
    path = write_events(
        glossary,
        {
            "one-2024-06-12": event("2024-06-12", first),
            "two-2024-06-12": event("2024-06-12", second),
        },
    )
    write_entry(glossary, "baku", "Baku", timeline=["one-2024-06-12", "two-2024-06-12"])
    code = main(["check", "--root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == (1 if alike else 0), out
    if alike:
        assert (
            f"glossary/_events.yml:{line_of(path, 'two-2024')}: two-2024-06-12: reads almost as "
            f"'one-2024-06-12' (glossary/_events.yml:{line_of(path, 'one-2024')}), an event of "
            "the same day"
        ) in out
    # The same two sentences on different days are two events.
    write_events(
        glossary,
        {
            "one-2024-06-12": event("2024-06-12", first),
            "two-2024-06-12": event("2024-06-13", second),
        },
    )
    assert main(["check", "--root", str(tmp_path)]) == 0
    capsys.readouterr()


def test_an_unreadable_events_file_is_one_error_not_one_per_page(tmp_path: Path) -> None:
    glossary, docs = tmp_path / "glossary", tmp_path / "docs"
    glossary.mkdir()
    (glossary / "_events.yml").write_text("ceasefire-2020-11-10:\n  date: [2020\n")
    write_entry(glossary, "baku", "Baku", timeline=["ceasefire-2020-11-10"])
    write_entry(glossary, "ganja", "Ganja", timeline=["ceasefire-2020-11-10"])
    with pytest.raises(ContentError) as caught:
        load_content(glossary, docs, tmp_path)
    (problem,) = caught.value.problems
    assert str(problem).startswith("glossary/_events.yml:3: YAML syntax error")
