"""The sentence an entry page quotes for each paragraph that names the entry."""

from __future__ import annotations

from reading_companion.usage import passage_at


def around(text: str, words: str) -> tuple[str, str, str]:
    start = text.index(words)
    found = passage_at(text, start, start + len(words))
    return found.before, found.words, found.after


def test_the_sentence_holding_the_words_with_its_closing_quote() -> None:
    text = "Putin arrived. \u201cIt\u2019s an oasis,\u201d he said of Baku. Aliyev smiled!"
    assert around(text, "Baku") == ("\u201cIt\u2019s an oasis,\u201d he said of ", "Baku", ".")
    assert around(text, "Putin") == ("", "Putin", " arrived.")
    assert around(text, "Aliyev") == ("", "Aliyev", " smiled!")


def test_a_long_sentence_is_cut_at_words_on_both_sides() -> None:
    text = " ".join(["word"] * 60) + " Karabakh " + " ".join(["more"] * 60) + "."
    before, words, after = around(text, "Karabakh")
    assert words == "Karabakh"
    assert before.startswith("\u2026word")
    assert after.endswith("more\u2026")
    assert max(len(before), len(after)) <= 162


def test_a_sentence_is_not_cut_a_few_words_before_its_end() -> None:
    """The article's ¶ 9, listed under the Zangezur corridor explainer for its quote note:
    cutting there would end the passage on "the Zangezur…", without the corridor."""
    text = (
        "In another setback for Russia, Azerbaijan also recently announced it was removing a "
        "contentious issue from the treaty negotiations: a transportation link between mainland "
        "Azerbaijan and its exclave of Nakhchivan, through southern Armenia, known by its "
        "Azerbaijani name, the Zangezur Corridor."
    )
    before, _, after = around(text, "removing a contentious issue from the treaty negotiations")
    assert before == "In another setback for Russia, Azerbaijan also recently announced it was "
    assert after.endswith("the Zangezur Corridor.")
