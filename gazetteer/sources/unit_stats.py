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
    """Write ``unit_weights`` (ISO2, weight, radius_km), ``unit_seats`` (division id, town id),
    ``unit_people`` (division id, people counted in its towns) and ``capitals`` (place id) into a
    database being built from ``records``."""
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
    seats, people = seats_and_people(records, radii)
    con.executemany("INSERT OR IGNORE INTO unit_seats VALUES(?,?)", seats)
    # the people GeoNames counts in each first-level division's towns: its prominence where known
    con.execute("CREATE TABLE unit_people(unit_id TEXT PRIMARY KEY, people REAL NOT NULL) WITHOUT ROWID")
    con.executemany("INSERT OR IGNORE INTO unit_people VALUES(?,?)", sorted(people.items()))
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


#: where towns carry no usable admin1, a first-level division's namesake seat is among its this many
#: most populous towns (inside it: same admin1, or within its reach, :func:`unit_radii`). Jerash was
#: 18th within its reach (Amman, Zarqa and Irbid lie within 49 km); a village of a state's name is
#: hundreds down (Minneota, 291st)
SEAT_RANK = 20


def unit_seats(records: Iterable[dict], radii: dict[str, float], top: int = SEAT_RANK) -> list[tuple[str, str]]:
    """(division id, town id) for the ``top`` most populous towns (kind place or town, population
    known) inside each first-level division: naming its admin1, or within its reach (``radii``).
    Where a country's towns name their divisions (its counts are reliable, :data:`RELIABLE_SHARE`),
    a division's seat is the largest town naming it, with that town's other records.

    >>> recs = [{"id": "u", "kind": "province", "country_code": "XX", "admin1": "U", "lat": 0.0, "lon": 0.0},
    ...         {"id": "a", "kind": "place", "country_code": "XX", "lat": 0.1, "lon": 0.0, "population": 50},
    ...         {"id": "b", "kind": "place", "country_code": "XX", "lat": 0.2, "lon": 0.0, "population": 90},
    ...         {"id": "c", "kind": "place", "country_code": "XX", "lat": 9.0, "lon": 0.0, "population": 99}]
    >>> unit_seats(recs, {"XX": 50.0}, top=1)
    [('u', 'b')]
    """
    return seats_and_people(records, radii, top)[0]


#: two records of one name this close (km) are one town listed by two sources (a curated row and
#: its GeoNames place): counted once
SAME_TOWN_KM = 10.0
#: a country's division counts are kept only if its towns that name their division hold at least
#: this share of its population; else its towns carry no usable admin1 (GB, FR, IT, ES: their GeoNames
#: codes match no one state) or the sources count too few of its people, and its divisions keep the
#: mean share
RELIABLE_SHARE = 0.5


def unit_people(records: Iterable[dict], radii: dict[str, float]) -> dict[str, float]:
    """Division id -> the people counted in the towns that name it as their admin1, for the
    countries where such counts are reliable: the towns naming their division hold at least
    :data:`RELIABLE_SHARE` of the country's population. A town within :data:`SAME_TOWN_KM` of a
    larger one of the same name (the same town from another source) is counted once. Towns with no
    admin1 are not placed by the nearest division point (a point says little of a border: Scotland,
    New South Wales); a country whose towns carry none has no entry, and its divisions keep their
    mean share (:func:`gazetteer.rank.prominence`).

    >>> recs = [{"id": "c", "kind": "country", "country_code": "XX", "population": 100},
    ...         {"id": "u", "kind": "province", "country_code": "XX", "admin1": "U", "lat": 0.0, "lon": 0.0},
    ...         {"id": "v", "kind": "province", "country_code": "XX", "admin1": "V", "lat": 0.0, "lon": 0.4},
    ...         {"id": "a", "kind": "place", "country_code": "XX", "admin1": "U", "lat": 0.1, "lon": 0.0,
    ...          "population": 50, "name": "A"},
    ...         {"id": "a2", "kind": "town", "country_code": "XX", "admin1": "U", "lat": 0.11, "lon": 0.0,
    ...          "population": 50, "name": "A"},
    ...         {"id": "b", "kind": "place", "country_code": "XX", "admin1": "V", "lat": 0.0, "lon": 0.3,
    ...          "population": 20, "name": "B"}]
    >>> unit_people(recs, {"XX": 50.0})
    {'u': 50.0, 'v': 20.0}
    """
    return seats_and_people(records, radii)[1]


def _distinct_towns(ts: list[dict], km_of) -> list[int]:
    """Indices of ``ts`` (sorted, preferred first) less those within :data:`SAME_TOWN_KM` of an
    earlier record of the same name key."""
    kept: dict[str, list[int]] = {}
    out: list[int] = []
    for i, t in enumerate(ts):
        key = normalize.name_key(t.get("name") or "") or t["id"]
        prev = kept.setdefault(key, [])
        if any(km_of(i, j) <= SAME_TOWN_KM for j in prev):
            continue
        prev.append(i)
        out.append(i)
    return out


def seats_and_people(records: Iterable[dict], radii: dict[str, float],
                     top: int = SEAT_RANK) -> tuple[list[tuple[str, str]], dict[str, float]]:
    """:func:`unit_seats` and :func:`unit_people` in one pass over each country's divisions."""
    import numpy as np

    records = list(records)
    population, _ = _per_division(records, "population")
    towns: dict[str, list[dict]] = {}
    units: dict[str, list[dict]] = {}
    for r in records:
        cc = r.get("country_code")
        if not cc:
            continue
        if r["kind"] in ("place", "town") and (r.get("population") or 0) > 0:
            towns.setdefault(cc, []).append(r)
        elif r["kind"] in FIRST_LEVEL_KINDS:
            units.setdefault(cc, []).append(r)
    seats: list[tuple[str, str]] = []
    people: dict[str, float] = {}
    for cc, us in units.items():
        ts = sorted(towns.get(cc, ()), key=lambda r: -r["population"])
        if not ts:
            continue
        lat = np.radians([t["lat"] for t in ts])[:, None]
        lon = np.radians([t["lon"] for t in ts])[:, None]
        la = np.radians([u["lat"] for u in us])[None, :]
        lo = np.radians([u["lon"] for u in us])[None, :]
        h = np.sin((lat - la) / 2) ** 2 + np.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))  # towns x divisions
        t_adm = np.array([normalize.name_key(t["admin1"]) if t.get("admin1") else "" for t in ts])
        u_adm = np.array([normalize.name_key(u["admin1"]) if u.get("admin1") else "" for u in us])
        named = (t_adm[:, None] == u_adm[None, :]) & (u_adm != "")[None, :]
        inside = (km <= radii.get(cc, 0.0)) | named
        # people: each distinct town (a record naming its division preferred) to the division it names
        has = named.any(axis=1)
        order = sorted(range(len(ts)), key=lambda i: (not has[i], -ts[i]["population"]))
        rows = [order[k] for k in _distinct_towns([ts[i] for i in order],
                                                  lambda a, b: _km(ts[order[a]], ts[order[b]]))]
        rows = [i for i in rows if has[i]]
        pop = np.array([float(ts[i]["population"]) for i in rows])
        counted = np.bincount(named[rows].argmax(axis=1), weights=pop, minlength=len(us)) if rows \
            else np.zeros(len(us))
        reliable = bool(population.get(cc)) and counted.sum() >= RELIABLE_SHARE * population[cc]
        if reliable:
            people.update((u["id"], float(counted[j])) for j, u in enumerate(us))
        for j, u in enumerate(us):
            if reliable and named[:, j].any():
                # where towns name their division, its seat is the largest of them (and that town's
                # other records): Quebec City, second to Montreal, is no seat of Quebec
                first = ts[int(np.flatnonzero(named[:, j])[0])]
                seats += [(u["id"], ts[i]["id"]) for i in np.flatnonzero(named[:, j])
                          if _km(ts[i], first) <= SAME_TOWN_KM]
            else:
                seats += [(u["id"], ts[i]["id"]) for i in np.flatnonzero(inside[:, j])[:top]]
    return seats, people


def _km(a: dict, b: dict) -> float:
    """Great-circle distance between two records' points, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))
