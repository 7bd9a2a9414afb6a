"""Finding glossary names in text: longest match, whole words, possessives, case."""

from __future__ import annotations

import pytest

from reading_companion.matcher import TermMatcher

MATCHER = TermMatcher(
    [
        ("Vladimir Putin", "putin"),
        ("Putin", "putin"),
        ("Karabakh", "karabakh"),
        ("Nagorno-Karabakh Republic", "nkr"),
        ("Aliyev", "aliyev"),
        ("Baku", "baku"),
        ("CSTO", "csto"),
        ("Zangezur Corridor", "zangezur"),
        ("Tass", "tass"),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.target) for m in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin arrived.", [("Vladimir Putin", "putin")]),
        ("the unrecognized Nagorno-Karabakh Republic", [("Nagorno-Karabakh Republic", "nkr")]),
        ("a consulate in Karabakh", [("Karabakh", "karabakh")]),
    ],
)
def test_longest_match_wins(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahead of Putin's visit", [("Putin's", "putin")]),
        ("Ahead of Putin\u2019s visit", [("Putin\u2019s", "putin")]),
        ("limits to the Aliyevs' hospitality", [("Aliyevs'", "aliyev")]),
        ("limits to the Aliyevs\u2019 hospitality", [("Aliyevs\u2019", "aliyev")]),
        ("Tass' report", [("Tass'", "tass")]),
    ],
)
def test_possessives_belong_to_the_match(text: str, expected: list) -> None:
    assert found(text) == expected


def test_case_is_ignored_for_ordinary_names() -> None:
    assert found("the zangezur corridor") == [("zangezur corridor", "zangezur")]
    assert found("BAKU") == [("BAKU", "baku")]


def test_acronyms_match_only_in_capitals() -> None:
    assert found("Armenia froze its CSTO membership") == [("CSTO", "csto")]
    assert found("csto") == []


@pytest.mark.parametrize("text", ["Bakuvian streets", "Putinism", "pre-Bakus", "the Aliyevs said"])
def test_a_name_inside_another_word_is_not_matched(text: str) -> None:
    assert found(text) == []


def test_names_do_not_run_across_punctuation() -> None:
    matcher = TermMatcher([("Baku Putin", "x"), ("Baku", "baku")])
    assert [m.target for m in matcher.find("in Baku. Putin said")] == ["baku"]


def test_every_mention_is_found_left_to_right() -> None:
    assert [t for _, t in found("Putin met Aliyev in Baku; Putin smiled.")] == [
        "putin",
        "aliyev",
        "baku",
        "putin",
    ]


def test_work_grows_with_the_text_not_with_the_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted in name lookups, not seconds: scanning a text with 5,000 names known does
    exactly the lookups it does with 2, and never more than a few per word."""
    lookups = []
    real = TermMatcher._lookup
    monkeypatch.setattr(TermMatcher, "_lookup", lambda self, w: lookups.append(w) or real(self, w))
    text = "Name42 Word42 visited Baku and Name7 Word7 came. " * 20
    few = TermMatcher([("Name42 Word42", "e42"), ("Name7 Word7", "e7"), ("Baku", "baku")])
    many = TermMatcher([(f"Name{i} Word{i}", f"e{i}") for i in range(5000)] + [("Baku", "baku")])
    assert [m.target for m in many.find(text)][:3] == ["e42", "baku", "e7"]
    with_many = len(lookups)
    lookups.clear()
    few.find(text)
    assert len(lookups) == with_many
    assert with_many <= 2 * len(text.split())


def test_abbreviations_and_quoted_names() -> None:
    matcher = TermMatcher([("U.S.", "us"), ("South Caucasus", "sc")])
    assert [m.target for m in matcher.find("the U.S. said")] == ["us"]
    quoted = "the \u2018South Caucasus\u2019 region"
    (match,) = matcher.find(quoted)
    assert quoted[match.start : match.end] == "South Caucasus"  # the closing quote stays out


def test_common_nouns_match_their_regular_plural_and_proper_names_do_not() -> None:
    matcher = TermMatcher(
        [("consulate", "consulate"), ("exclave", "exclave"), ("peace talk", "talks"),
         ("Aliyev", "aliyev"), ("CSTO", "csto")]
    )  # fmt: skip

    def named(text: str) -> list[tuple[str, str]]:
        return [(text[m.start : m.end], m.target) for m in matcher.find(text)]

    assert named("Consulates and exclaves; the consulates' staff.") == [
        ("Consulates", "consulate"),
        ("exclaves", "exclave"),
        ("consulates'", "consulate"),
    ]
    assert named("Both peace talks stalled.") == [("peace talks", "talks")]
    assert named("the Aliyevs met the CSTOs") == []
