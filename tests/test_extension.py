"""The annotating extension on its own: Markdown in, HTML out, with plain options."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from helpers import make_project, write_entry
from reading_companion import extension as extension_module
from reading_companion.problems import ContentError

NAME = "reading_companion.extension"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("standalone") / "project")


def render(project: Path, text: str, **options: str) -> str:
    config = {"glossary_dir": "glossary", "docs_dir": "docs", "base_dir": str(project), **options}
    return markdown.markdown(text, extensions=[NAME], extension_configs={NAME: config})


def article(*paragraphs: str, notes: str = "[]") -> str:
    """An article page as its author writes it: front matter, then the paragraphs."""
    head = textwrap.dedent(f"""\
        ---
        article:
          title: T
          publisher: P
          url: https://example.org/t
          published: 2024-08
          notes: {notes}
        ---
        """)
    return head + "\n" + "\n\n".join(paragraphs)


def text_of(html: str) -> str:
    """The paragraphs' own HTML, without their numbers and notes."""
    start = html.index('<p class="cmp-text">') + len('<p class="cmp-text">')
    return html[start : html.index("</p>", start)]


def test_a_term_is_linked_to_its_entry_relative_to_the_page(project: Path) -> None:
    html = render(project, article("Putin met Aliyev."), page="articles/new.md")
    assert text_of(html) == (
        '<a class="cmp-term" data-entry="vladimir-putin" href="../glossary/vladimir-putin.md">'
        'Putin</a> met <a class="cmp-term" data-entry="ilham-aliyev" '
        'href="../glossary/ilham-aliyev.md">Aliyev</a>.'
    )


def test_entry_url_forms_the_links(project: Path) -> None:
    html = render(project, article("In Baku."), entry_url="https://example.org/g/{id}/")
    assert text_of(html) == (
        'In <a class="cmp-term" data-entry="baku" href="https://example.org/g/baku/">Baku</a>.'
    )


def test_longest_name_wins_and_links_code_stay_alone(project: Path) -> None:
    html = render(project, article("Vladimir Putin, [Baku](https://example.org) and `Baku`."))
    assert text_of(html) == (
        '<a class="cmp-term" data-entry="vladimir-putin" href="glossary/vladimir-putin.md">'
        'Vladimir Putin</a>, <a href="https://example.org">Baku</a> and <code>Baku</code>.'
    )


def test_each_paragraph_is_a_numbered_unit_with_its_notes(project: Path) -> None:
    html = render(project, article("Baku.", "Baku again.", "Nothing here."))
    assert html.count('class="cmp-unit') == 3
    assert '<div class="cmp-unit" id="p1"><a aria-label="Paragraph 1" class="cmp-pnum"' in html
    assert 'href="#p1" title="Link to this paragraph">¶\u00a01</a>' in html
    # One note per entry, at its first mention; the later paragraphs have none.
    assert html.count('id="note-baku"') == 1
    assert '<div class="cmp-unit cmp-unit--bare" id="p2">' in html
    assert '<div class="cmp-unit cmp-unit--bare" id="p3">' in html


def test_a_quote_note_marks_its_passage_and_adds_its_note(project: Path) -> None:
    notes = "[{quote: efforts failed, explainer: mediation}]"
    html = render(project, article("All the efforts failed, he said.", notes=notes))
    assert text_of(html) == 'All the <mark class="cmp-quote">efforts failed</mark>, he said.'
    assert 'id="note-p1-mediation"' in html
    assert '<a class="cmp-note__term" href="explainers/mediation.md">Outside mediation</a>' in html


def test_quotes_and_dashes_are_set(project: Path) -> None:
    html = render(project, article('He said "no" -- twice.'))
    assert text_of(html) == "He said \u201cno\u201d \u2014 twice."


def test_page_option_reads_the_article_from_docs(project: Path) -> None:
    body = (project / "docs/articles/test.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    html = render(project, body, page="articles/test.md")
    assert html.count('class="cmp-unit') == 4
    assert 'id="note-p3-mediation"' in html


def test_a_page_that_is_not_an_article_gets_typography_only(project: Path) -> None:
    assert render(project, 'Putin said "yes".') == "<p>Putin said \u201cyes\u201d.</p>"


def test_bad_front_matter_names_file_line_and_field(project: Path) -> None:
    notes = "[{quote: not in the text, explainer: mediation}]"
    with pytest.raises(ContentError) as caught:
        render(project, article("Baku.", notes=notes), page="articles/bad.md")
    assert "articles/bad.md:7: article.notes.0.quote: the quote 'not in the text'" in str(
        caught.value
    )


def test_bad_content_is_reported_not_rendered(tmp_path: Path) -> None:
    root = make_project(tmp_path / "broken")
    write_entry(root / "glossary", "x", "X", kind="planet")
    with pytest.raises(ContentError, match=r"glossary/x\.md:\d+: kind: 'planet' is not a kind"):
        render(root, article("Baku."))


def test_content_is_loaded_once_and_again_after_an_edit(tmp_path: Path, monkeypatch) -> None:
    root = make_project(tmp_path / "counted")
    loads = []
    real = extension_module.load_content
    monkeypatch.setattr(
        extension_module, "load_content", lambda *a, **k: loads.append(a) or real(*a, **k)
    )
    for _ in range(3):
        render(root, article("Baku."))
    assert len(loads) == 1
    entry = root / "glossary/baku.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Baku.", "Baku!"), "utf-8")
    os.utime(entry, ns=(1, 1))  # a different modification time, however fast the clock
    assert "A short summary of Baku!" in render(root, article("Baku."))
    assert len(loads) == 2


def test_options_come_from_yaml_as_mkdocs_reads_them(project: Path, tmp_path: Path) -> None:
    """The extension is configured from a ``markdown_extensions`` block in YAML."""
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        "site_name: Standalone\n"
        f"docs_dir: {project / 'docs'}\n"
        "markdown_extensions:\n"
        f"  - {NAME}:\n"
        f"      base_dir: {project}\n"
        "      entry_url: /glossary/{id}/\n",
        encoding="utf-8",
    )
    config = load_config(str(config_file))
    md = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    html = md.convert(article("Baku."))
    assert text_of(html) == '<a class="cmp-term" data-entry="baku" href="/glossary/baku/">Baku</a>.'


def test_a_text_opening_with_a_rule_is_not_taken_for_front_matter(project: Path) -> None:
    html = render(project, "---\n\nFirst.\n\n---\n\nSecond.")
    assert html == "<hr />\n<p>First.</p>\n<hr />\n<p>Second.</p>"


def test_missing_folders_hold_nothing(tmp_path: Path) -> None:
    assert render(tmp_path, 'Plain "text".') == "<p>Plain \u201ctext\u201d.</p>"


def test_front_matter_belongs_to_its_own_document(project: Path) -> None:
    config = {"glossary_dir": "glossary", "docs_dir": "docs", "base_dir": str(project)}
    md = markdown.Markdown(extensions=[NAME], extension_configs={NAME: config})
    assert 'id="p1"' in md.convert(article("Baku."))
    assert md.convert("Just text.") == "<p>Just text.</p>"  # no reset() in between
