"""Quotes and dashes are set typographically, and ``plain`` gives back the source."""

from __future__ import annotations

import pytest

from reading_companion.typography import plain, smarten


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"It\'s an oasis," he said', "\u201cIt\u2019s an oasis,\u201d he said"),
        ("Georgia -- in spite of it -- remains", "Georgia \u2014 in spite of it \u2014 remains"),
        ("the Aliyevs' hospitality", "the Aliyevs\u2019 hospitality"),
        ("said 'yes' twice", "said \u2018yes\u2019 twice"),
    ],
)
def test_smarten(source: str, expected: str) -> None:
    assert smarten(source) == expected


def test_context_from_the_previous_node_decides_the_quote() -> None:
    assert smarten('" he said', before="oasis,") == "\u201d he said"
    assert smarten('"Hello', before="said ") == "\u201cHello"


@pytest.mark.parametrize(
    "line", ['"It\'s an oasis, I would say," he said -- twice.', "Aliyevs' 'family atmosphere'"]
)
def test_plain_undoes_smarten(line: str) -> None:
    assert plain(smarten(line)) == line


def test_code_is_left_alone_but_read_as_context() -> None:
    import markdown

    from reading_companion.content import Content
    from reading_companion.extension import CompanionExtension

    extension = CompanionExtension(content=Content({}, {}, {}))
    html = markdown.markdown("He typed \"`ls` -- 'x'\" there", extensions=[extension])
    assert html == "<p>He typed \u201c<code>ls</code> \u2014 \u2018x\u2019\u201d there</p>"
