"""CONTRIBUTING.md states each rule of the check once, with its weight: the check must
enforce every one of them exactly so, and the table must not promise a rule the check lacks."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import REPO, event, write_article, write_entry, write_events
from reading_companion.cli import main

ROW = re.compile(r"^\| (.+?) \| (error|warning) \|$", re.MULTILINE)


def stated_rules() -> dict[str, str]:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("### What the check enforces", 1)[1].split("\n## ", 1)[0]
    return dict(ROW.findall(section))


UNDATED = {"title": "T", "publisher": "P", "url": "https://sources.test/t"}
SHAKI = {"lat": 41.2, "lon": 47.17}


def raw_entry(glossary: Path, name: str, front: str) -> None:
    body = " ".join(["Plain words for a reader."] * 20)
    (glossary / f"{name}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def from_template(glossary: Path) -> None:
    shutil.copy(REPO / "glossary/_template.md", glossary / "_template.md")
    write_entry(glossary, "ganja", "The name as readers know it")


# How to break each rule, by the words CONTRIBUTING states it in. Each writes the
# offending entry into a glossary beside "Ganja", which the article names.
BREAK: dict[str, Callable[[Path], object]] = {
    "The file name is lowercase ASCII letters, digits and hyphens": lambda g: write_entry(
        g, "Bad_Name", "Shaki"
    ),
    "`term`, `kind`, `summary`, `sources` and `updated` are all there": lambda g: raw_entry(
        g, "shaki", "term: Shaki\nkind: place\n"
    ),
    "No field the format does not know (a typo such as `sumary`)": lambda g: write_entry(
        g, "shaki", "Shaki", sumary="A typo."
    ),
    "`kind` is one of the seven kinds": lambda g: write_entry(g, "shaki", "Shaki", kind="city"),
    "`summary` is plain text of at most 300 characters": lambda g: write_entry(
        g, "shaki", "Shaki", summary="x" * 301
    ),
    "Each source has a `title`, a `publisher` and an http(s) `url`": lambda g: write_entry(
        g, "shaki", "Shaki", sources=[{"title": "T", "publisher": "P", "url": "ftp://x.test/"}]
    ),
    "No source address is an example domain (`example.org`)": lambda g: write_entry(
        g, "shaki", "Shaki", sources=[{**UNDATED, "url": "https://www.example.org/page"}]
    ),
    "Every source says its `date`, or that it has none (`date: undated`)": lambda g: write_entry(
        g, "shaki", "Shaki", sources=[UNDATED]
    ),
    "Nothing is left as the template has it": from_template,
    "The body has no raw HTML": lambda g: write_entry(
        g, "shaki", "Shaki", body="<b>Bold</b> " + "words " * 90
    ),
    "The body has 80–300 words": lambda g: write_entry(g, "shaki", "Shaki", body="Too short."),
    "A term or alias belongs to one entry only": lambda g: write_entry(
        g, "shaki", "Shaki", aliases=["Ganja"]
    ),
    "A name has no invisible characters and no word that mixes two scripts": lambda g: write_entry(
        g, "shaki", "Sh\u0430ki"
    ),
    "A name of one word is not an ordinary English word": lambda g: write_entry(
        g, "shaki", "Shaki", aliases=["city"]
    ),
    "Each field is given once": lambda g: raw_entry(
        g,
        "shaki",
        "term: Shaki\nterm: Sheki\nkind: place\nsummary: A town.\nupdated: 2026-01-01\n"
        "sources:\n- {title: T, publisher: P, url: 'https://sources.test/', date: 2025-01-01}\n",
    ),
    "No date lies in the future": lambda g: write_entry(g, "shaki", "Shaki", updated="2999-01-01"),
    "`related` and `explainer` name entries and explainers that exist": lambda g: write_entry(
        g, "shaki", "Shaki", related=["no-such-entry"]
    ),
    "An article names the entry, or `glossary/_general.yml` lists it": lambda g: write_entry(
        g, "shaki", "Shaki"
    ),
    "Each `timeline` id names an event in `glossary/_events.yml`": lambda g: write_entry(
        g, "shaki", "Shaki", timeline=["no-such-event-2020-01-01"]
    ),
    "Each event has a `date`, a `text` of at most 300 characters and at least one source": (
        lambda g: (
            write_events(g, {"shaki-founded-2020-01-01": event("2020-01-01", "X.", sources=[])}),
            write_entry(g, "shaki", "Shaki", timeline=["shaki-founded-2020-01-01"]),
        )
    ),
    "No two events of one day read almost alike": lambda g: (
        write_events(
            g,
            {
                "shaki-fire-2020-01-01": event("2020-01-01", "A fire destroys the Shaki bazaar."),
                "bazaar-fire-2020-01-01": event("2020-01-01", "A fire destroys Shaki's bazaar."),
            },
        ),
        write_entry(
            g, "shaki", "Shaki", timeline=["shaki-fire-2020-01-01", "bazaar-fire-2020-01-01"]
        ),
    ),
    "An entry or explainer lists each event in its `timeline`": lambda g: (
        write_events(
            g, {"shaki-fire-2020-01-01": event("2020-01-01", "A fire destroys the Shaki bazaar.")}
        ),
        write_entry(g, "shaki", "Shaki"),
    ),
    "A region is a place with a `location`": lambda g: write_entry(
        g, "shaki", "Shaki", kind="place", region=True
    ),
    "A region has its outline in the map's data (`data/map.json`)": lambda g: (
        (g.parent / "data").mkdir(),
        shutil.copy(REPO / "data/map.json", g.parent / "data/map.json"),
        write_entry(g, "shaki", "Shaki", kind="place", region=True, location=SHAKI),
    ),
}


def test_the_table_and_the_tests_name_the_same_rules() -> None:
    assert set(stated_rules()) == set(BREAK)


@pytest.mark.parametrize("rule", list(BREAK))
def test_the_check_enforces_each_rule_as_stated(rule: str, tmp_path: Path, capsys) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    write_entry(glossary, "ganja", "Ganja")
    write_article(tmp_path / "docs", ["Ganja is a city."], notes=[])
    if rule != "An article names the entry, or `glossary/_general.yml` lists it":
        (glossary / "_general.yml").write_text("general: [shaki]\n", encoding="utf-8")
    BREAK[rule](glossary)
    code = main(["check", "--root", str(tmp_path), "--warnings"])
    out = capsys.readouterr().out.splitlines()
    reported = [line for line in out if ".md:" in line or ".yml:" in line]
    assert reported, f"nothing reported for: {rule}"
    weight = "error" if any(not line.startswith("warning:") for line in reported) else "warning"
    assert weight == stated_rules()[rule], reported
    assert code == (1 if weight == "error" else 0)
