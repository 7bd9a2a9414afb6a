"""The region map: places from the entries, drawn on the base shapes of the map's data.

``scripts/make_map.py`` prepares the base once: countries' outlines clipped to the frame,
the outlines of regions keyed by entry id, the seas' names, the routes and a small inset
of Eurasia, all projected to the map's own units (``data/map.json``). Everything that
comes from the entries is worked out here, on every build: where each place entry goes
(an area for a region, a marker inside the frame, an arrow at its edge for a place beyond
it), where its label stands clear of the others, and what the locator map on an entry's
page highlights. A new place entry is on the map after the next build, with no other step.

The projection is equirectangular, true to scale at the frame's middle latitude: at the
scale of the South Caucasus, close enough, and simple enough for the script and the
engine to share (:class:`Frame`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .glossary import Entry
from .problems import Problem

FORMAT = 2  # the shape of the data the script writes; the engine reads no other

# Font sizes, in map units (the stylesheet's): labels, region and country names, and the
# one name on a locator map, drawn small.
LABEL_SIZE, REGION_SIZE, COUNTRY_SIZE, FOCUS_SIZE = 14.0, 15.0, 17.0, 36.0
# Where a place's label may stand around its marker, in order of preference:
# (dx, dy of the text's anchor point, text-anchor).
CANDIDATES = [
    (8, 5, "start"), (-8, 5, "end"), (0, 20, "middle"), (0, -9, "middle"),
    (8, 17, "start"), (-8, 17, "end"), (8, -7, "start"), (-8, -7, "end"),
    (0, 34, "middle"), (0, -23, "middle"),
]  # fmt: skip
# A region's name stands on its point, or just above or below it.
REGION_CANDIDATES = [(0, 5, "middle"), (0, -12, "middle"), (0, 22, "middle"), (0, -28, "middle")]


@dataclass(frozen=True)
class Frame:
    """A rectangle of longitude and latitude drawn ``width`` units wide."""

    west: float
    east: float
    south: float
    north: float
    width: float

    @classmethod
    def of(cls, bounds: dict, width: float) -> Frame:
        return cls(bounds["west"], bounds["east"], bounds["south"], bounds["north"], width)

    @property
    def _cos(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def scale(self) -> float:
        """Map units per degree of latitude."""
        return self.width / ((self.east - self.west) * self._cos)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Map units from the top left corner: x east, y south."""
        return (lon - self.west) * self._cos * self.scale, (self.north - lat) * self.scale

    def contains(self, lat: float, lon: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    @property
    def centre(self) -> tuple[float, float]:
        """(lat, lon) of the middle."""
        return (self.north + self.south) / 2, (self.west + self.east) / 2


def read_base(path: Path) -> dict | None:
    """The map's base data, or ``None`` when the site has none (no map is drawn)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(
            f"{path} was written for another version of the companion: "
            "run scripts/make_map.py again"
        )
    return data


def _located(entries: dict[str, Entry]) -> Iterable[Entry]:
    return sorted(
        (e for e in entries.values() if e.meta.location is not None),
        key=lambda e: e.meta.term.casefold(),
    )


def label_of(entry: Entry) -> str:
    """The entry's name on the map, with the other name a side uses where there is one
    (Stepanakert / Khankendi): a capitalised single-word alias that is not part of the term."""
    term = entry.meta.term.casefold()
    others = [
        a
        for a in entry.meta.aliases
        if a[:1].isupper() and " " not in a and a.casefold() not in term
    ]
    return " / ".join([entry.meta.term, *others[:1]])


def draw(base: dict, entries: dict[str, Entry]) -> dict:
    """What the map templates draw: the base, and every entry with a location placed on it.

    A country the map shows is named on its shape (no marker, no arrow); a region is its
    outline from the base, named at its location; any other place inside the frame is a
    marker, and one beyond it an arrow at the edge with its distance from the middle.
    Entry ids stay ids here: the host turns them into links.
    """
    frame = Frame.of(base["frame"], base["width"])
    inset = base.get("inset")
    inset_frame = inset and Frame.of(inset["frame"], inset["width"])
    countries = [
        {**c, "entry": c.get("entry") if c.get("entry") in entries else None}
        for c in base["countries"]
    ]
    shown = {c["entry"] for c in countries if c["entry"]}
    outlines = base.get("regions", {})
    regions, places, beyond = [], [], []
    for entry in _located(entries):
        if entry.id in shown:
            continue
        lat, lon = entry.meta.location.lat, entry.meta.location.lon
        x, y = frame.project(lat, lon)
        place = {
            "id": entry.id,
            "term": entry.meta.term,
            "label": label_of(entry),
            "lat": lat,
            "lon": lon,
            "x": round(x, 1),
            "y": round(y, 1),
        }
        if not frame.contains(lat, lon):
            place.update(_edge_arrow(frame, x, y))
            place["km"] = round(distance_km(lat, lon, *frame.centre), -1)
            if inset_frame:
                ix, iy = inset_frame.project(lat, lon)
                place["inset"] = {"x": round(ix, 1), "y": round(iy, 1)}
            beyond.append(place)
        elif entry.meta.region:
            outline = outlines.get(entry.id) or {}
            regions.append({**place, "d": outline.get("d"), "note": outline.get("note")})
        else:
            places.append(place)
    _place_labels(frame, countries, base.get("seas", []), regions, places)
    _stack_edge_labels(beyond)
    notes = [r["note"] for r in regions if r["note"]]
    return {
        "width": base["width"],
        "height": base["height"],
        "sources": base.get("sources", []),
        "countries": countries,
        "seas": base.get("seas", []),
        "routes": base.get("routes", []),
        "regions": regions,
        "places": places,
        "beyond": beyond,
        "inset": inset,
        "notes": notes,
    }


def locator(drawn: dict, entry_id: str) -> dict | None:
    """What an entry's locator map highlights, or ``None`` when the entry is not on the map:
    its kind on the map (country, region, place or beyond) and where its name goes, large,
    on a small copy of the map (the other labels are left out there)."""
    for kind, items in (("region", drawn["regions"]), ("place", drawn["places"])):
        for item in items:
            if item["id"] == entry_id:
                return _focus_label(drawn, kind, item["term"], item["x"], item["y"])
    for country in drawn["countries"]:
        if country["entry"] == entry_id and country.get("label"):
            label = country["label"]
            return _focus_label(drawn, "country", country["name"], label["x"], label["y"])
    for item in drawn["beyond"]:
        if item["id"] == entry_id:
            name = f"{item['term']}, {item['km']:,.0f} km"
            return {**_focus_label(drawn, "beyond", name, item["x"], item["y"]), "km": item["km"]}
    return None


def _focus_label(drawn: dict, kind: str, name: str, x: float, y: float) -> dict:
    """The locator's one label, large: on a country's own label point; beside any other
    point, on the first side where it stays in the frame and off the inset."""
    result = {"kind": kind, "name": name, "point": {"x": x, "y": y}}
    if kind == "country":
        return {**result, "x": x, "y": y + 12, "anchor": "middle"}
    inset = drawn.get("inset")
    bounds = (8.0, 8.0, drawn["width"] - 8.0, drawn["height"] - 8.0)
    covered = inset and (inset["x"], inset["y"], inset["x"] + inset["width"],
                         inset["y"] + inset["height"])  # fmt: skip
    candidates = [(18, 12, "start"), (-18, 12, "end"), (0, -20, "middle"), (0, 48, "middle")]
    if x > drawn["width"] / 2:  # the side with more room first
        candidates[:2] = candidates[1::-1]
    costs = []
    for rank, (dx, dy, anchor) in enumerate(candidates):
        box = label_box(x + dx, y + dy, name, FOCUS_SIZE, anchor, 0.6)
        outside = overlap(box, box) - overlap(box, bounds)
        hidden = overlap(box, covered) if covered else 0.0
        costs.append((outside + hidden, rank, (dx, dy, anchor)))
    *_, (dx, dy, anchor) = min(costs)
    return {**result, "x": round(x + dx, 1), "y": round(y + dy, 1), "anchor": anchor}


def map_warnings(base: dict | None, entries: dict[str, Entry], data_name: str) -> list[Problem]:
    """What the map cannot draw as the entries ask: a region whose outline the data lacks
    (the map writes its name without an area), an outline kept for an entry that is no
    longer a region."""
    if base is None:
        return []
    outlines = base.get("regions", {})
    problems = []
    for entry in entries.values():
        if entry.meta.region and entry.id not in outlines:
            problems.append(
                Problem(
                    entry.path,
                    entry.line_of("region"),
                    "region",
                    f"{data_name} has no outline for this region: the map writes its name "
                    "without an area",
                    "add its boundary to REGIONS in scripts/make_map.py and run the script",
                    warning=True,
                )
            )
    for entry_id in sorted(outlines):
        entry = entries.get(entry_id)
        if entry is not None and not entry.meta.region:
            problems.append(
                Problem(
                    entry.path,
                    entry.line_of("location"),
                    "region",
                    f"{data_name} has an outline for this place, but the entry is not a region",
                    "add 'region: true' to draw it as an area",
                    warning=True,
                )
            )
    return problems


# -- Where labels go --


def label_box(
    x: float, y: float, text: str, size: float, anchor: str, wide: float = 0.56
) -> tuple[float, float, float, float]:
    """The rectangle (left, top, right, bottom) a label covers, from an average glyph
    width: close enough to keep labels apart."""
    width = len(text) * size * wide
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left - 2, y - size * 0.95, left + width + 2, y + size * 0.3)


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The area two rectangles share."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _place_labels(
    frame: Frame, countries: list[dict], seas: list[dict], regions: list[dict], places: list[dict]
) -> None:
    """Give every label a place clear of the others and of the markers.

    Country and sea names stand where the base puts them. Then each region's name, and
    each place's, the most crowded first, takes the first position (around its point)
    that overlaps nothing placed so far and stays in the frame; failing that, the one
    that overlaps least.
    """
    taken = [
        label_box(c["label"]["x"], c["label"]["y"], c["name"], COUNTRY_SIZE, "middle", 0.78)
        for c in countries
        if c.get("label")
    ]
    taken += [label_box(s["x"], s["y"], s["name"], LABEL_SIZE, "middle") for s in seas]
    markers = [(p["x"] - 6, p["y"] - 6, p["x"] + 6, p["y"] + 6) for p in places]
    bounds = (0.0, 0.0, float(frame.width), frame.height)

    def crowding(place: dict) -> int:
        return sum(math.dist((place["x"], place["y"]), (q["x"], q["y"])) < 60 for q in places)

    queue = [(r, REGION_CANDIDATES, REGION_SIZE) for r in regions] + [
        (p, CANDIDATES, LABEL_SIZE) for p in sorted(places, key=crowding, reverse=True)
    ]
    for item, candidates, size in queue:
        own = (item["x"] - 6, item["y"] - 6, item["x"] + 6, item["y"] + 6)
        obstacles = [*taken, *(m for m in markers if m != own)]
        costs = []
        for rank, (dx, dy, anchor) in enumerate(candidates):
            box = label_box(item["x"] + dx, item["y"] + dy, item["label"], size, anchor)
            cut_off = overlap(box, bounds) < overlap(box, box)  # partly outside the frame
            cost = 1e6 * cut_off + sum(overlap(box, other) for other in obstacles)
            costs.append((cost > 0, cost, rank, (dx, dy, anchor)))
        *_, (dx, dy, anchor) = min(costs)
        item["dx"], item["dy"], item["anchor"] = dx, dy, anchor
        taken.append(label_box(item["x"] + dx, item["y"] + dy, item["label"], size, anchor))


def _edge_arrow(frame: Frame, x: float, y: float, inset: float = 26.0) -> dict:
    """Where the line from the frame's centre towards (x, y) leaves the frame, inset a little:
    the arrow for a place beyond the map, its bearing and the side its label keeps to."""
    cx, cy = frame.width / 2, frame.height / 2
    dx, dy = x - cx, y - cy
    limits = []
    if dx:
        limits.append(((frame.width / 2 - inset) / abs(dx), "left" if dx < 0 else "right"))
    if dy:
        limits.append(((frame.height / 2 - inset) / abs(dy), "top" if dy < 0 else "bottom"))
    t, side = min(limits)
    return {
        "x": round(cx + dx * t, 1),
        "y": round(cy + dy * t, 1),
        "bearing": round(math.degrees(math.atan2(dy, dx)), 1),
        "side": side,
    }


def _stack_edge_labels(beyond: list[dict], near: float = 160.0) -> None:
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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))
