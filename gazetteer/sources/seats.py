"""Seat towns of Iraq's districts and sub-districts, located from the IOM DTM quarters.

A COD-AB district or sub-district is named after its seat town (Buhriz sub-district,
seat Buhriz). When no source has that town as a place of its own, IOM DTM often
lists its quarters and villages under its name: "Buhriz-Al-Asri Qtr", "بهرز-حي
المصطفى", "Kubaisa Al-qadimah" (old Kubaisa), "Hay Barwanah Al Gharbiyah". Two or
more such locations inside the unit's polygon locate the town: its point is their
median, and its ``source`` names the unit and every DTM location used. No point is
made up: a unit without such quarters gets no seat.

Example
-------
>>> seat_point([(33.70, 44.64), (33.71, 44.65), (33.73, 44.66)])
(33.71, 44.65)
"""
from __future__ import annotations

from statistics import median

from gazetteer.normalize import name_key

#: how many DTM locations named after a unit locate its seat
MIN_QUARTERS = 2
#: a quarter farther than this (degrees, ~10 km) from the median is another place of the name
SPREAD_DEG = 0.1
SEAT_KINDS = ("district", "subdistrict")


def seat_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The median (lat, lon) of ``points``, rounded to 5 decimals."""
    return round(median(p[0] for p in points), 5), round(median(p[1] for p in points), 5)


def _keys(rec: dict) -> set[str]:
    return {k for k in (name_key(a) for a in [*rec["aliases"], *rec.get("derived", [])]) if k}


def _own_keys(rec: dict) -> set[str]:
    """The keys a place is that place by: a DTM location's full names only (the parts of a
    hierarchy, "بروانه" of "حي الشرطة-بروانه", name the town it lies in, not itself)."""
    names = [rec["name"], rec.get("name_ar") or ""] if rec["id"].startswith("dtm:") else rec["aliases"]
    return {k for k in (name_key(a) for a in names if a) if k}


def _named_after(keys: set[str], unit_keys: set[str]) -> bool:
    """A location named after the unit: a key that starts with a key of the unit and goes on."""
    return any(k.startswith(u + " ") for k in keys for u in unit_keys)


def iter_seats(units: list[dict], locations: list[dict], towns: list[dict]) -> list[dict]:
    """One ``town`` record per district/sub-district whose seat DTM locates and no source has.

    ``units`` are COD-AB records (with ``pcode``), ``locations`` DTM records, ``towns``
    the other Iraqi places (curated, GeoNames): a unit that already holds a place of its
    own name, in any source, gets no seat.
    """
    import geopandas as gpd

    from gazetteer.sources import cod_ab

    pts = [r for r in [*locations, *towns] if r.get("country_code") == "IQ"]
    gpts = gpd.GeoDataFrame({"i": range(len(pts))}, geometry=gpd.points_from_xy([r["lon"] for r in pts],
                                                                                  [r["lat"] for r in pts]), crs=4326)
    by_pcode = {u["pcode"]: u for u in units if u["kind"] in SEAT_KINDS and u.get("pcode")}
    inside: dict[str, list[int]] = {}
    for level in (2, 3):
        frame = cod_ab.admin_frame(level)[["pcode", "geometry"]]
        j = gpd.sjoin(gpts, frame, how="inner", predicate="within")
        for i, pcode in zip(j["i"], j["pcode"]):
            inside.setdefault(pcode, []).append(i)
    keys = [_keys(r) for r in pts]
    own = [_own_keys(r) for r in pts]
    out = []
    for pcode, unit in by_pcode.items():
        ukeys = {k for k in (name_key(a) for a in unit["aliases"]) if k}
        members = inside.get(pcode, [])
        if any(own[i] & ukeys for i in members):  # the town is a place already
            continue
        named = [i for i in members if pts[i]["id"].startswith("dtm:") and _named_after(keys[i], ukeys)]
        if len(named) < MIN_QUARTERS:
            continue
        lat, lon = seat_point([(pts[i]["lat"], pts[i]["lon"]) for i in named])
        named = [i for i in named if abs(pts[i]["lat"] - lat) <= SPREAD_DEG and abs(pts[i]["lon"] - lon) <= SPREAD_DEG]
        if len(named) < MIN_QUARTERS:
            continue
        lat, lon = seat_point([(pts[i]["lat"], pts[i]["lon"]) for i in named])
        ids = ", ".join(pts[i]["id"].removeprefix("dtm:") for i in named)
        out.append({
            "id": f"seat:{pcode}", "name": unit["name"], "name_ar": unit.get("name_ar"), "lat": lat, "lon": lon,
            "kind": "town", "country_code": "IQ", "admin1": None, "population": None,
            "source": (f"seat of the {unit['kind']} {unit['name']} ({cod_ab.CREDIT}, p-code {pcode}): median point"
                       f" of the IOM DTM locations named after it inside its polygon ({ids})"),
            "aliases": list(unit["aliases"]),
        })
    return out
