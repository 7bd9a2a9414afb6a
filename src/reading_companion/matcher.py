"""Find glossary terms in text: one pass over the words, whatever the number of entries.

Names are stored by their words in a dictionary. Scanning a text looks each word
up once as a possible first word, then tries the longest name starting there;
the cost grows with the length of the text, not with entries x paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+")
# What may stand between two words of one name: spaces, a hyphen, an apostrophe or the
# full stop of an abbreviation (a full stop followed by a space ends a sentence instead).
# A full stop joins only inside an abbreviation ("U.S."), never across a sentence end.
JOIN = re.compile(r"\s+|[-\u2010\u2011'\u2019.]")
APOSTROPHES = "'\u2019"


@dataclass(frozen=True)
class Match:
    """A found name: ``text[start:end]`` names entry ``target``."""

    start: int
    end: int
    target: str


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def name_key(name: str) -> tuple[str, ...]:
    """A name's words, case folded: two names with one key are the same name to a reader
    ("Nagorno-Karabakh", "nagorno karabakh", "NAGORNO KARABAKH")."""
    return tuple(w.casefold() for w in WORD.findall(name))


class TermMatcher:
    """Leftmost-longest, whole-word, case-insensitive matching of many names at once.

    A name written all in capitals (an acronym such as ``CSTO``) matches only in
    capitals, so ``US`` never matches the word "us".
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self._folded: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        # Every name's first words, case folded: a scan grows a candidate word by word
        # only while it can still become a name.
        self._starts: set[tuple[str, ...]] = set()
        # Names written in lower case are common nouns ("consulate"): their regular plural
        # ("consulates") names them too. A proper name's plural ("the Aliyevs") does not.
        self._common: set[tuple[str, ...]] = set()
        for name, target in names:
            words = tuple(WORD.findall(name))
            if not words:
                continue
            if _is_acronym(name):
                self._exact[words] = target
            else:
                self._folded[name_key(name)] = target
            if name[:1].islower():
                self._common.add(name_key(name))
            folded = tuple(w.casefold() for w in words)
            self._starts.update(folded[:end] for end in range(1, len(folded) + 1))
        # The words a name may begin with, and the same with a plural possessive's "s":
        # most words of a text are neither, and are passed over at one set lookup each.
        firsts = {start[0] for start in self._starts if len(start) == 1}
        self._first_words = firsts | {word + "s" for word in firsts}

    def find(self, text: str) -> list[Match]:
        """Every name in ``text``, left to right, never overlapping."""
        words = list(WORD.finditer(text))
        firsts = self._first_words
        found: list[Match] = []
        resume = 0  # the first word after the last match: matches never overlap
        for index, word in enumerate(words):
            if index < resume or word.group().casefold() not in firsts:
                continue
            match = self._longest_at(text, words, index)
            if match is not None:
                found.append(match[0])
                resume = match[1]
        return found

    def parts(self, text: str, skip: set[str]) -> list[tuple[str, str | None]]:
        """``text`` as stretches of plain text (``None``) and names (their entry), each entry
        named once and none of ``skip``; entries named are added to ``skip``. Notes and
        previews link the names in a summary this way."""
        parts: list[tuple[str, str | None]] = []
        done = 0
        for match in self.find(text):
            if match.target in skip:
                continue
            skip.add(match.target)
            parts += [
                (text[done : match.start], None),
                (text[match.start : match.end], match.target),
            ]
            done = match.end
        return [*parts, (text[done:], None)]

    def _longest_at(
        self, text: str, words: list[re.Match[str]], index: int
    ) -> tuple[Match, int] | None:
        # How many words from here, joined only by spaces, hyphens or apostrophes, could
        # still begin a name.
        span = 1
        key = (words[index].group().casefold(),)
        while (
            index + span < len(words)
            and JOIN.fullmatch(text, words[index + span - 1].end(), words[index + span].start())
            and self._may_start(key := (*key, words[index + span].group().casefold()))
        ):
            span += 1
        for size in range(span, 0, -1):
            group = words[index : index + size]
            target = self._lookup([w.group() for w in group])
            end = group[-1].end()
            if target is None:
                # "the Aliyevs' hospitality": a plural possessive of a known name.
                last = group[-1].group()
                if last.endswith("s") and _apostrophe_at(text, end) and len(last) > 2:
                    target = self._lookup([*(w.group() for w in group[:-1]), last[:-1]])
                    if target is not None and not _word_follows(text, end + 1):
                        end += 1
                    else:
                        target = None
            if target is None:
                target = self._plural_of_common([w.group() for w in group])
            if target is None:
                continue
            next_index = index + size
            # "Putin's", "Tass'": the possessive belongs to the match.
            if (
                next_index < len(words)
                and _apostrophe_at(text, end)
                and words[next_index].start() == end + 1
                and words[next_index].group().lower() == "s"
            ):
                end = words[next_index].end()
                next_index += 1
            elif (
                text[end - 1] in "sS"
                and _apostrophe_at(text, end)
                and not _word_follows(text, end + 1)
                and not _inside_single_quotes(text, group[0].start())
            ):
                end += 1
            return Match(group[0].start(), end, target), next_index
        return None

    def _may_start(self, key: tuple[str, ...]) -> bool:
        """Whether some name begins with these (case-folded) words; the last may carry the
        "s" of a plural possessive ("the Aliyevs'")."""
        return key in self._starts or (*key[:-1], key[-1][:-1]) in self._starts

    def _plural_of_common(self, words: list[str]) -> str | None:
        """The entry whose lower-case name these words are the regular plural of, its last
        word with an "s" added ("consulates", "exclaves"); other plurals need an alias."""
        last = words[-1].casefold()
        if not last.endswith("s") or len(last) < 4:
            return None
        key = (*(w.casefold() for w in words[:-1]), last[:-1])
        return self._folded.get(key) if key in self._common else None

    def _lookup(self, words: list[str]) -> str | None:
        key = tuple(words)
        if key in self._exact:
            return self._exact[key]
        return self._folded.get(tuple(w.casefold() for w in words))


def _inside_single_quotes(text: str, position: int) -> bool:
    """After an opening ‘ that has not been closed: a following ’ closes the quote."""
    return text.rfind("\u2018", 0, position) > text.rfind("\u2019", 0, position)


def _apostrophe_at(text: str, position: int) -> bool:
    return position < len(text) and text[position] in APOSTROPHES


def _word_follows(text: str, position: int) -> bool:
    return position < len(text) and (text[position].isalnum() or text[position] == "_")
