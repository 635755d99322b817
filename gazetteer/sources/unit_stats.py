"""Build-time statistics of first-level divisions (provinces, governorates) for ranking: their
prominence (:func:`unit_weights`), their reach (:func:`unit_radii`), their largest towns
(:func:`unit_seats`, of which a namesake seat must be one) and the national capitals.

Example
-------
>>> unit_weights([{"kind": "country", "country_code": "XX", "population": 900},
...               *[{"kind": "province", "country_code": "XX"}] * 3])
{'XX': 300.0}
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable

from gazetteer import normalize


def build_tables(con: sqlite3.Connection, records: list[dict]) -> None:
    """Write ``unit_weights`` (ISO2, weight, radius_km), ``unit_seats`` (division id, town id) and
    ``capitals`` (place id) into a database being built from ``records``."""
    # prominence of a first-level division (its country's population shared among its divisions) and
    # its reach (the radius of a disc of its country's area shared among them)
    con.execute("CREATE TABLE unit_weights(country_code TEXT PRIMARY KEY, weight REAL NOT NULL, radius_km REAL)"
                " WITHOUT ROWID")
    radii = unit_radii(records)
    con.executemany("INSERT INTO unit_weights VALUES(?,?,?)",
                    [(cc, w, radii.get(cc)) for cc, w in unit_weights(records).items()])
    # each first-level division's largest towns inside it: its namesake seat is one of them
    con.execute("CREATE TABLE unit_seats(unit_id TEXT NOT NULL, place_id TEXT NOT NULL, PRIMARY KEY(unit_id, place_id))"
                " WITHOUT ROWID")
    con.executemany("INSERT OR IGNORE INTO unit_seats VALUES(?,?)", unit_seats(records, radii))
    # national capitals: a division named like its country's capital yields to it (Washington)
    con.execute("CREATE TABLE capitals(place_id TEXT PRIMARY KEY) WITHOUT ROWID")
    con.executemany("INSERT OR IGNORE INTO capitals VALUES(?)", [(r["id"],) for r in records if r.get("capital")])


#: kinds of a country's first-level divisions
FIRST_LEVEL_KINDS = ("province", "governorate")


def unit_weights(records: Iterable[dict]) -> dict[str, float]:
    """ISO2 -> prominence of one first-level division of that country: the country's population
    divided by its number of first-level divisions (a US state ~5.8M, a Puerto Rico municipio ~40k).

    >>> unit_weights([{"kind": "country", "country_code": "XX", "population": 100},
    ...               *[{"kind": "province", "country_code": "XX"}] * 4])
    {'XX': 25.0}
    """
    people, count = _per_division(records, "population")
    return {cc: people[cc] / n for cc, n in sorted(count.items()) if people.get(cc)}


def _per_division(records: Iterable[dict], field: str) -> tuple[dict[str, float], dict[str, int]]:
    """ISO2 -> the country record's ``field`` (the largest, if several), and ISO2 -> its number of
    first-level divisions."""
    value: dict[str, float] = {}
    count: dict[str, int] = {}
    for r in records:
        cc = r.get("country_code")
        if not cc:
            continue
        if r["kind"] == "country" and r.get(field):
            value[cc] = max(value.get(cc, 0.0), float(r[field]))
        elif r["kind"] in FIRST_LEVEL_KINDS:
            count[cc] = count.get(cc, 0) + 1
    return value, count


def unit_radii(records: Iterable[dict]) -> dict[str, float]:
    """ISO2 -> reach of one first-level division of that country, in km: the radius of a disc of
    the country's area (``area_km2`` of its country record) divided by its number of divisions. A
    town this close to a division's point is taken to lie inside it.

    >>> round(unit_radii([{"kind": "country", "country_code": "XX", "area_km2": 31_416},
    ...                   *[{"kind": "province", "country_code": "XX"}] * 4])["XX"], 1)
    50.0
    """
    area, count = _per_division(records, "area_km2")
    return {cc: math.sqrt(area[cc] / n / math.pi) for cc, n in sorted(count.items()) if area.get(cc)}


#: a first-level division's namesake seat is among its this many most populous towns (inside it:
#: same admin1, or within its reach, :func:`unit_radii`). Jerash is 18th within its reach (Amman,
#: Zarqa and Irbid lie within 49 km); a village of a state's name is hundreds down (Minneota, 291st)
SEAT_RANK = 20


def unit_seats(records: Iterable[dict], radii: dict[str, float], top: int = SEAT_RANK) -> list[tuple[str, str]]:
    """(division id, town id) for the ``top`` most populous towns (kind place or town, population
    known) inside each first-level division: naming its admin1, or within its reach (``radii``).

    >>> recs = [{"id": "u", "kind": "province", "country_code": "XX", "admin1": "U", "lat": 0.0, "lon": 0.0},
    ...         {"id": "a", "kind": "place", "country_code": "XX", "lat": 0.1, "lon": 0.0, "population": 50},
    ...         {"id": "b", "kind": "place", "country_code": "XX", "lat": 0.2, "lon": 0.0, "population": 90},
    ...         {"id": "c", "kind": "place", "country_code": "XX", "lat": 9.0, "lon": 0.0, "population": 99}]
    >>> unit_seats(recs, {"XX": 50.0}, top=1)
    [('u', 'b')]
    """
    import numpy as np

    towns: dict[str, list[dict]] = {}
    for r in records:
        if r["kind"] in ("place", "town") and (r.get("population") or 0) > 0 and r.get("country_code"):
            towns.setdefault(r["country_code"], []).append(r)
    arrays = {}
    for cc, ts in towns.items():
        ts.sort(key=lambda r: -r["population"])
        arrays[cc] = (np.radians([t["lat"] for t in ts]), np.radians([t["lon"] for t in ts]),
                      np.array([normalize.name_key(t["admin1"]) if t.get("admin1") else "" for t in ts]))
    out = []
    for u in records:
        cc = u.get("country_code")
        if u["kind"] not in FIRST_LEVEL_KINDS or cc not in arrays:
            continue
        lat, lon, adm = arrays[cc]
        la, lo = math.radians(u["lat"]), math.radians(u["lon"])
        h = np.sin((lat - la) / 2) ** 2 + np.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        inside = km <= radii.get(cc, 0.0)
        if u.get("admin1"):
            inside |= adm == normalize.name_key(u["admin1"])
        out += [(u["id"], towns[cc][i]["id"]) for i in np.flatnonzero(inside)[:top]]
    return out
