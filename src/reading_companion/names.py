"""Names that cannot deceive or flood.

A term or alias turns every match in an article into a link, so a contribution that adds a
name can change what readers see in text it never touched. These rules refuse the names
that would do so unseen: invisible characters, words that mix scripts (a Cyrillic letter
inside a Latin word), look-alikes of another entry's name, and ordinary words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters a reader cannot see but a matcher does: controls, format characters (zero-width
# spaces and joiners, direction overrides), private use, line and paragraph separators.
HIDDEN = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
# Text direction controls: they reorder what a reader sees, in a name or in a body.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
WORD = re.compile(r"\w+")

# Words so common in English prose that a name made of one of them alone would link text
# all over an article. Written for this project; names of more words may contain them.
ORDINARY_WORDS = frozenset(
    """
    a about after again against all also an and any are as at be because been before being
    between both but by can could did do does during each even few for from further had has
    have he her here hers him his how i if in into is it its just may me might more most must
    my new no nor not now of off old on once one only or other our out over own same she
    should so some such than that the their them then there these they this those through
    to too under until up very was we were what when where which while who whom why will
    with would you your week year years day days today said says say told now still
    president minister government country countries state states city region war peace
    deal talks visit trade power people world west east north south border leader leaders
    """.split()  # noqa: SIM905 (a list of words reads best as words)
)
# A name written in lower case matched in more than this share of an article's paragraphs
# is an ordinary word doing a name's work.
FLOOD_SHARE = 0.25
FLOOD_FLOOR = 3  # never flag a name found in this many paragraphs or fewer


def hidden_character(text: str) -> str | None:
    """The first invisible or control character in ``text``, described, or ``None``."""
    if text.isprintable():  # the usual case, at C speed: no character of those categories
        return None
    for char in text:
        if unicodedata.category(char) in HIDDEN and char not in "\n\t":
            name = unicodedata.name(char, "unnamed character")
            return f"U+{ord(char):04X} {name}"
    return None


def script_of(char: str) -> str | None:
    """The script of a letter, by the first word of its Unicode name (LATIN, CYRILLIC…)."""
    if not char.isalpha():
        return None
    return unicodedata.name(char, "UNKNOWN").split()[0]


def mixed_scripts(name: str) -> tuple[str, str, str] | None:
    """A word of ``name`` whose letters come from two scripts, with the two, or ``None``."""
    if name.isascii():  # the usual case: Latin letters only
        return None
    for word in WORD.findall(unicodedata.normalize("NFKC", name)):
        scripts = list(dict.fromkeys(filter(None, map(script_of, word))))
        if len(scripts) > 1:
            return word, scripts[0].title(), scripts[1].title()
    return None


def name_problem(name: str) -> tuple[str, str] | None:
    """Why ``name`` cannot be a term or alias, with the fix, or ``None`` when it can."""
    hidden = hidden_character(name)
    if hidden:
        return f"{name!r} contains an invisible character ({hidden})", "retype the name"
    mixed = mixed_scripts(name)
    if mixed:
        word, first, second = mixed
        return (
            f"{name!r} mixes {first} and {second} letters in the word {word!r}, so it looks "
            "like a name it is not",
            "retype the name in one script",
        )
    words = WORD.findall(name)
    if len(words) == 1 and words[0].casefold() in ORDINARY_WORDS and not words[0].isupper():
        return (
            f"{name!r} is an ordinary English word: it would link that word all over the article",
            "use a longer, specific form of the name",
        )
    return None


def skeleton(name: str) -> tuple[str, ...]:
    """What a reader sees of a name: letters that look alike (a Cyrillic "А" and a Latin
    "A") made one, case and spacing ignored. Two names with one skeleton look the same."""
    text = unicodedata.normalize("NFKC", name)
    if not text.isascii():
        text = "".join(_latin_look_alike(char) for char in text)
    return tuple(word.casefold() for word in WORD.findall(text))


@functools.cache
def _latin_look_alike(char: str) -> str:
    if char.isascii() or not char.isalpha():
        return char
    from confusable_homoglyphs import confusables  # its tables load only when needed

    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []
    for confusable in found:
        for glyph in confusable["homoglyphs"]:
            if len(glyph["c"]) == 1 and glyph["c"].isascii():
                return glyph["c"]
    return char


def is_lower_case(name: str) -> bool:
    """A name written in lower case is an ordinary word or phrase, not a proper name."""
    return name[:1].islower()
