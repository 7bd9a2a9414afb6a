"""Draw the region map's data from Natural Earth country shapes and the glossary's places.

Usage:
    .venv/bin/python scripts/make_map.py [--atlas countries-50m.json] [--out data/map.json]

The shapes come from the ``world-atlas`` package on the npm registry (Natural Earth, public
domain, as TopoJSON). Without ``--atlas`` the script fetches that package with ``npm pack``.
It writes ``data/map.json``: country outlines clipped to the region and projected to SVG
coordinates, the routes, and every glossary entry with a ``location`` (places outside the
frame become arrows at its edge). The companion's ``companion/map.html`` template draws the
SVG from it, so the build needs no network and no map tiles. Rerun it after adding a place entry.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reading_companion.content import load_glossary  # noqa: E402

ATLAS_PACKAGE = "world-atlas@2.0.2"
# The frame: the South Caucasus with the Caspian coast and the edges of its neighbours.
WEST, EAST, SOUTH, NORTH = 39.6, 51.2, 37.2, 44.2
WIDTH = 800
COUNTRIES = {
    "Armenia": "focus", "Azerbaijan": "focus", "Georgia": "focus",
    "Russia": "neighbour", "Turkey": "neighbour", "Iran": "neighbour",
    "Kazakhstan": "neighbour", "Turkmenistan": "neighbour", "Iraq": "neighbour",
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


def scale() -> float:
    return WIDTH / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)))


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular with the scale true at the frame's middle latitude."""
    k = scale()
    return (lon - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)) * k, (NORTH - lat) * k


def height() -> float:
    return project(SOUTH, WEST)[1]


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


def clip(points: list[tuple[float, float]], margin: float = 0.5) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a ring (lon, lat) to the frame, plus a margin."""
    edges = [
        (lambda p: p[0] >= WEST - margin, lambda a, b: _cross_x(a, b, WEST - margin)),
        (lambda p: p[0] <= EAST + margin, lambda a, b: _cross_x(a, b, EAST + margin)),
        (lambda p: p[1] >= SOUTH - margin, lambda a, b: _cross_y(a, b, SOUTH - margin)),
        (lambda p: p[1] <= NORTH + margin, lambda a, b: _cross_y(a, b, NORTH + margin)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def path(points: list[tuple[float, float]], closed: bool = True) -> str:
    """SVG path data, rounded to a tenth of a pixel; ``points`` are (lat, lon)."""
    xy = [project(lat, lon) for lat, lon in points]
    data = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    return data + ("Z" if closed else "")


def countries(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if name not in COUNTRIES:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for polygon in polygons:
            for indices in polygon:
                clipped = clip(ring(indices, arcs))
                if len(clipped) >= 3:
                    parts.append(path([(lat, lon) for lon, lat in clipped]))
        if parts:
            shapes.append({"name": name, "role": COUNTRIES[name], "d": "".join(parts)})
    return shapes


def places(glossary: Path) -> list[dict]:
    """Every entry with a location: inside the frame a marker, outside an arrow at the edge."""
    entries, problems = load_glossary(glossary, ROOT)
    errors = [p for p in problems if not p.warning]
    if errors:  # a broken place entry would silently drop off the map
        raise SystemExit(
            "\n".join(["The glossary has errors; run ./dev check:", *map(str, errors)])
        )
    found = []
    for entry in sorted(entries.values(), key=lambda e: e.meta.term):
        if entry.meta.location is None:
            continue
        lat, lon = entry.meta.location.lat, entry.meta.location.lon
        # Another name a side uses (Stepanakert / Khankendi): a capitalised single-word alias.
        term = entry.meta.term.casefold()
        others = [
            a
            for a in entry.meta.aliases
            if a[:1].isupper() and " " not in a and a.casefold() not in term
        ]
        label = " / ".join([entry.meta.term, *others[:1]])
        inside = WEST <= lon <= EAST and SOUTH <= lat <= NORTH
        x, y = project(lat, lon)
        place = {"id": entry.id, "label": label, "x": round(x, 1), "y": round(y, 1),
                 "country": entry.meta.term in COUNTRIES, "inside": inside,
                 "lat": lat, "lon": lon}  # fmt: skip
        if not inside:
            place.update(edge_arrow(x, y))
            centre = ((NORTH + SOUTH) / 2, (WEST + EAST) / 2)
            place["km"] = round(distance_km(lat, lon, *centre), -1)
        found.append(place)
    place_labels(found)
    stack_edge_labels([p for p in found if not p["inside"]])
    return found


def stack_edge_labels(beyond: list[dict], near: float = 160.0) -> None:
    """Labels of arrows close together on one edge go on successive lines, not on each other."""
    for side in ("left", "right", "top", "bottom"):
        on_side = sorted((p for p in beyond if p["side"] == side), key=lambda p: (p["x"], p["y"]))
        for index, place in enumerate(on_side):
            previous = on_side[index - 1] if index else None
            close = (
                previous
                and math.dist((previous["x"], previous["y"]), (place["x"], place["y"])) < near
            )
            place["line"] = previous["line"] + 1 if close else 0


LABEL_SIZE, COUNTRY_SIZE = 14.0, 17.0  # the stylesheet's font sizes, in map units
# Where a label may stand around its marker, in order of preference:
# (dx, dy of the text's anchor point, text-anchor).
CANDIDATES = [
    (8, 5, "start"), (-8, 5, "end"), (0, 20, "middle"), (0, -9, "middle"),
    (8, 17, "start"), (-8, 17, "end"), (8, -7, "start"), (-8, -7, "end"),
    (0, 34, "middle"), (0, -23, "middle"),
]  # fmt: skip


def label_box(place: dict, dx: float, dy: float, anchor: str) -> tuple[float, ...]:
    """The rectangle a label covers (left, top, right, bottom), from an average glyph width:
    close enough to keep labels apart."""
    if place["country"]:
        width, size = len(place["label"]) * COUNTRY_SIZE * 0.78, COUNTRY_SIZE
    else:
        width, size = len(place["label"]) * LABEL_SIZE * 0.56, LABEL_SIZE
    x, y = place["x"] + dx, place["y"] + dy
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left - 2, y - size * 0.95, left + width + 2, y + size * 0.3)


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The area two rectangles share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def place_labels(found: list[dict]) -> None:
    """Give every label inside the frame a place clear of the other labels and markers.

    Country names stay centred on their point. Then each place, the most crowded first,
    takes the first position around its marker (right, left, below, above, then further
    out) that overlaps nothing placed so far and stays in the frame; failing that, the
    position that overlaps least.
    """
    inside = [p for p in found if p["inside"]]
    for place in found:
        place["dx"], place["dy"], place["anchor"] = 0, 5, "middle"  # countries, arrows
    markers = [(p["x"] - 6, p["y"] - 6, p["x"] + 6, p["y"] + 6) for p in inside if not p["country"]]
    taken = [label_box(p, 0, 5, "middle") for p in inside if p["country"]]
    frame = (0.0, 0.0, float(WIDTH), height())

    def crowding(place: dict) -> int:
        return sum(math.dist((place["x"], place["y"]), (q["x"], q["y"])) < 60 for q in inside)

    for place in sorted((p for p in inside if not p["country"]), key=crowding, reverse=True):
        own = (place["x"] - 6, place["y"] - 6, place["x"] + 6, place["y"] + 6)
        obstacles = [*taken, *(m for m in markers if m != own)]
        costs = []
        for rank, candidate in enumerate(CANDIDATES):
            box = label_box(place, *candidate)
            cut_off = overlap(box, frame) < overlap(box, box)  # partly outside the frame
            cost = 1e6 * cut_off + sum(overlap(box, other) for other in obstacles)
            costs.append((cost > 0, cost, rank, candidate))
        *_, best = min(costs)
        place["dx"], place["dy"], place["anchor"] = best
        taken.append(label_box(place, *best))


def edge_arrow(x: float, y: float, inset: float = 26.0) -> dict:
    """Where the line from the frame's centre towards (x, y) leaves the frame, inset a little:
    the arrow for a place beyond the map, its bearing and the side its label keeps to."""
    cx, cy = WIDTH / 2, height() / 2
    dx, dy = x - cx, y - cy
    limits = []
    if dx:
        limits.append(((WIDTH / 2 - inset) / abs(dx), "left" if dx < 0 else "right"))
    if dy:
        limits.append(((height() / 2 - inset) / abs(dy), "top" if dy < 0 else "bottom"))
    t, side = min(limits)
    return {
        "x": round(cx + dx * t, 1),
        "y": round(cy + dy * t, 1),
        "bearing": round(math.degrees(math.atan2(dy, dx)), 1),
        "side": side,
    }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def fetch_atlas(folder: Path) -> Path:
    """``npm pack`` the world-atlas package and unpack its 1:50m countries."""
    command = ["npm", "pack", ATLAS_PACKAGE, "--silent"]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    archive = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extract("package/countries-50m.json", folder, filter="data")
    return folder / "package" / "countries-50m.json"


def build(atlas: Path, glossary: Path) -> dict:
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    return {
        "source": f"Natural Earth 1:50m countries, from the npm package {ATLAS_PACKAGE}",
        "width": WIDTH,
        "height": round(height(), 1),
        "frame": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "countries": countries(topology),
        "routes": [
            {
                **{k: v for k, v in route.items() if k != "points"},
                "d": path(route["points"], closed=False),
            }
            for route in ROUTES
        ],
        "places": places(glossary),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atlas", type=Path, help="countries-50m.json (default: fetch it)")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "map.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        atlas = args.atlas or fetch_atlas(Path(folder))
        data = build(atlas, args.glossary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}: {len(data['countries'])} countries, {len(data['places'])} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
