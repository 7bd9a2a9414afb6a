"""The map's script on a tiny fixture, and the built map and its places."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import REPO, write_entry

SCRIPT = REPO / "scripts" / "make_map.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_atlas(path: Path) -> Path:
    """A TopoJSON topology with one square 'Armenia', quantised like world-atlas's files."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
        # One arc around lon 44–46, lat 39–41, delta-encoded in hundredths of a degree.
        "arcs": [[[4400, 3900], [200, 0], [0, 200], [-200, 0], [0, -200]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0]],
                        "id": "051",
                        "properties": {"name": "Armenia"},
                    },
                    {
                        "type": "Polygon",
                        "arcs": [[0]],
                        "id": "999",
                        "properties": {"name": "Elsewhere"},
                    },
                ],
            }
        },
    }
    path.write_text(json.dumps(topology))
    return path


def test_script_draws_countries_and_every_place_with_a_location(tmp_path: Path) -> None:
    make_map = load_script()
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    write_entry(glossary, "yerevan", "Yerevan", kind="place", location={"lat": 40.18, "lon": 44.51})
    write_entry(glossary, "moscow", "Moscow", kind="place", location={"lat": 55.76, "lon": 37.62})
    write_entry(glossary, "putin", "Vladimir Putin")
    out = tmp_path / "map.json"
    assert make_map.main(["--atlas", str(tiny_atlas(tmp_path / "atlas.json")),
                          "--glossary", str(glossary), "--out", str(out)]) == 0  # fmt: skip
    data = json.loads(out.read_text())
    assert [c["name"] for c in data["countries"]] == ["Armenia"]
    assert data["countries"][0]["d"].startswith("M")
    assert data["countries"][0]["d"].endswith("Z")
    places = {p["id"]: p for p in data["places"]}
    assert set(places) == {"yerevan", "moscow"}
    assert places["yerevan"]["inside"] is True
    assert 0 < places["yerevan"]["x"] < data["width"]
    assert 0 < places["yerevan"]["y"] < data["height"]
    # Moscow lies far to the north-west: an arrow on the top edge, with its distance.
    assert places["moscow"]["inside"] is False
    assert places["moscow"]["side"] == "top"
    assert 1500 < places["moscow"]["km"] < 2000


def test_committed_map_data_has_every_place_entry() -> None:
    from reading_companion.content import load_glossary

    entries, _ = load_glossary(REPO / "glossary", REPO)
    located = {e.id for e in entries.values() if e.meta.location is not None}
    data = json.loads((REPO / "data/map.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in data["places"]} == located, "run scripts/make_map.py"


def test_built_map_links_every_place_and_lists_it_as_text(real_site: Path) -> None:
    soup = BeautifulSoup((real_site / "map/index.html").read_text(encoding="utf-8"), "html.parser")
    svg = soup.select_one("svg.cmp-map__svg")
    assert svg.select_one("title").get_text()
    assert svg.select_one("desc").get_text()
    data = json.loads((REPO / "data/map.json").read_text(encoding="utf-8"))
    marker_links = {a["href"] for a in svg.select("a.cmp-map__place")}
    listed = {a["href"] for a in soup.select(".cmp-places a")}
    for place in data["places"]:
        href = f"../glossary/{place['id']}/"
        assert href in marker_links, place["id"]
        assert href in listed, place["id"]
    labels = " ".join(t.get_text() for t in svg.select("text"))
    for name in ("Baku", "Yerevan", "Nakhchivan", "Stepanakert / Khankendi", "Karabakh", "Kursk"):
        assert name in labels
    assert {r["class"][1] for r in svg.select("a.cmp-map__route")} == {
        "cmp-map__route--zangezur",
        "cmp-map__route--north-south",
    }
