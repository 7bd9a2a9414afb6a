"""SECURITY.md's threat model, rule by rule: what a careless or hostile contribution could
slip into the site, and the check that refuses it, each message at its file and line."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from helpers import BODY, write_article, write_entry
from reading_companion import ContentError, load_content
from reading_companion.content import load_glossary
from reading_companion.frontmatter import MAX_FILE_BYTES


def errors(glossary: Path) -> list[str]:
    _, problems = load_glossary(glossary, glossary.parent)
    return [str(p) for p in problems if not p.warning]


def content_errors(root: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(root / "glossary", root / "docs", root)
    return [str(p) for p in raised.value.problems if not p.warning]


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "docs").mkdir()
    return tmp_path / "glossary"


# Names that cannot deceive or flood.


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Put\u200bin", "invisible character (U+200B ZERO WIDTH SPACE)"),
        ("Putin\u202e", "invisible character (U+202E RIGHT-TO-LEFT OVERRIDE)"),
        ("\u0420utin", "mixes Cyrillic and Latin letters in the word"),  # a Cyrillic Р
        ("the", "is an ordinary English word"),
        ("President", "is an ordinary English word"),
    ],
)
def test_a_deceiving_or_flooding_alias_is_refused(glossary: Path, name: str, reason: str) -> None:
    write_entry(glossary, "vladimir-putin", "Vladimir Putin", aliases=[name])
    (found,) = errors(glossary)
    assert found.startswith("glossary/vladimir-putin.md:")
    assert ": aliases.0: " in found
    assert reason in found


def test_a_look_alike_of_another_entrys_name_names_both_files(glossary: Path) -> None:
    write_entry(glossary, "ato", "ATO")
    write_entry(glossary, "anti-terror", "Anti-terror operation", aliases=["\u0410\u0422\u041e"])
    (found,) = errors(glossary)  # at the later file, when git cannot tell which is new
    assert found.startswith("glossary/ato.md:2: term: 'ATO' looks the same as 'АТО'")
    assert found.endswith(
        "a term or alias of glossary/anti-terror.md (write the name in the "
        "letters its own language uses, or remove it)"
    )


def test_names_in_another_script_that_differ_stay_allowed(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", aliases=["Bakı", "Баку"], kind="place")
    write_entry(glossary, "zangezur", "Zangezur", aliases=["Zəngəzur", "Зангезур"])
    assert errors(glossary) == []


def test_an_alias_that_matches_much_of_the_article_is_refused(glossary: Path) -> None:
    write_entry(glossary, "corridor", "Zangezur corridor", aliases=["route"])
    paragraphs = [f"The route was open in year {n}." for n in range(8)]
    write_article(glossary.parent / "docs", paragraphs, notes=[])
    (found,) = content_errors(glossary.parent)
    assert found.startswith("glossary/corridor.md:")
    assert "'route' matches 8 of the 8 paragraphs of docs/articles/test.md" in found


# Data that must be true to be shown.


def test_a_key_given_twice_is_an_error_at_its_second_line(glossary: Path) -> None:
    path = write_entry(glossary, "baku", "Baku")
    text = path.read_text(encoding="utf-8").replace("kind: person\n", "kind: person\nkind: place\n")
    path.write_text(text, encoding="utf-8")
    (found,) = errors(glossary)
    assert (
        found == "glossary/baku.md:4: kind: is given twice (first on line 3) (keep one of the two)"
    )


def test_dates_in_the_future_are_refused(glossary: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    write_entry(glossary, "baku", "Baku", updated=tomorrow)
    (found,) = errors(glossary)
    assert f"updated: {tomorrow} is in the future" in found


def test_a_source_newer_than_the_last_check_is_a_contradiction(glossary: Path) -> None:
    source = {"title": "T", "publisher": "P", "url": "https://sources.test/", "date": "2025-05-01"}
    write_entry(glossary, "baku", "Baku", sources=[source], updated="2025-01-01")
    (found,) = errors(glossary)
    assert (
        "sources.0.date: the source is dated 2025-05-01, after the text was last checked" in found
    )


def test_an_entry_related_to_itself_is_refused(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", related=["baku"])
    (found,) = errors(glossary)
    assert ": related: lists this entry itself" in found


# Nothing from outside the tree, nothing unbounded.


def test_a_link_to_a_file_outside_the_glossary_is_never_read(
    glossary: Path, tmp_path: Path
) -> None:
    outside = write_entry(tmp_path, "secret", "Secret")
    os.symlink(outside, glossary / "secret.md")
    (found,) = errors(glossary)
    assert found.startswith("glossary/secret.md: is a link to a file outside glossary/")


def test_an_oversized_file_is_refused_before_it_is_read(glossary: Path) -> None:
    write_entry(glossary, "baku", "Baku", body=BODY + "\n\n" + "word " * (MAX_FILE_BYTES // 5))
    (found,) = errors(glossary)
    assert "KB, more than the 256 KB a content file may hold" in found


def test_self_expanding_yaml_is_refused(glossary: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefg", "bcdefgh", strict=True)
    ]
    (glossary / "bomb.md").write_text("---\n" + "\n".join(lines) + "\n---\n" + BODY + "\n")
    (found,) = errors(glossary)
    assert "YAML anchors and aliases (&name, *name) are not allowed here" in found


def test_deeply_nested_yaml_is_refused(glossary: Path) -> None:
    (glossary / "deep.md").write_text("---\nterm: " + "[" * 5000 + "]" * 5000 + "\n---\n" + BODY)
    (found,) = errors(glossary)
    assert "nests too deeply" in found


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baku \u202egnirts\u202c is here.", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ('--8<-- ".github/workflows/publish.yml"', "a snippet marker (--8<--)"),
    ],
)
def test_a_body_cannot_hide_text_or_pull_in_files(glossary: Path, line: str, reason: str) -> None:
    write_entry(glossary, "baku", "Baku", body=BODY + "\n\n" + line)
    (found,) = errors(glossary)
    assert found.startswith("glossary/baku.md:")
    assert ": body: " in found
    assert reason in found


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("> " * 500 + "deep", "nest more than 20 levels deep"),
        ("[a" * 4000, "one paragraph holds 4000 brackets"),
    ],
)
def test_runaway_markdown_is_refused_before_it_is_rendered(
    glossary: Path, body: str, reason: str
) -> None:
    """Python-Markdown would recurse past its limit, or take minutes, on these."""
    write_article(glossary.parent / "docs", ["Ganja is a city.", body], notes=[])
    (found,) = content_errors(glossary.parent)
    assert found.startswith("docs/articles/test.md:")
    assert reason in found
