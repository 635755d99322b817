"""Every country's names and first-level divisions, from ``countrystatecity-countries``.

* :func:`country_names`: English, native and Arabic names of each country (the
  package's translations and Unicode CLDR through ``babel``), plus the common
  variants of ``gazetteer/data/countries/variants.csv`` ("USA", "الإمارات").
* :func:`iter_provinces`: the ~5,300 states and provinces, kind ``province``,
  with their English and native names and ISO 3166-2 code (a code-only alias).

Data: countries-states-cities-database, ODbL 1.0 (see the ATTRIBUTION file).

Example
-------
>>> names, codes = country_names()["US"]       # doctest: +SKIP
>>> "الولايات المتحدة" in names, "USA" in codes  # doctest: +SKIP
(True, True)
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from gazetteer.sources import keep_alias

VARIANTS = Path(__file__).resolve().parent.parent / "data" / "countries" / "variants.csv"
#: GeoNames' own country points, with their source: the conventional representative point of each
#: country, the one that other GeoNames-based tools and datasets use for it
POINTS = VARIANTS.with_name("points.csv")
CREDIT = "countrystatecity-countries (countries-states-cities-database, ODbL 1.0)"


def source_version() -> str:
    h = hashlib.sha256(VARIANTS.read_bytes() + POINTS.read_bytes()).hexdigest()[:12]
    return f"countrystatecity-countries {version('countrystatecity-countries')} babel {version('babel')} {h}"


def country_names() -> dict[str, tuple[list[str], list[str]]]:
    """ISO2 -> (names, code-only aliases) of every country."""
    import countrystatecity_countries as csc
    from babel import Locale

    en, ar = Locale("en").territories, Locale("ar").territories
    out: dict[str, tuple[list[str], list[str]]] = {}
    for c in csc.get_countries():
        iso2 = (c.iso2 or "").upper()
        if not iso2:
            continue
        names = [c.name, c.native or "", (c.translations or {}).get("ar") or "", en.get(iso2, ""), ar.get(iso2, "")]
        names = [n for n in dict.fromkeys(n.strip() for n in names if n) if keep_alias(n)]
        # ISO3 is a code; ISO2 codes are English words too ("NO", "IS", "OR"): only those
        # variants.csv lists as common ("US", "UK") are kept
        out[iso2] = (names, [c.iso3] if c.iso3 else [])
    with VARIANTS.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names, codes = out.setdefault(row["iso2"], ([], []))
            (codes if row["code_only"] == "1" else names).append(row["alias"])
    return out


def country_points() -> dict[str, tuple[str, float, float]]:
    """ISO2 -> (English name, lat, lon) of the country's point: GeoNames' own point
    (:func:`geonames_points`) where listed, else the package's."""
    import countrystatecity_countries as csc

    gn = geonames_points()
    out = {}
    for c in csc.get_countries():
        if c.iso2 and c.latitude and c.longitude:
            lat, lon = gn.get(c.iso2.upper(), (float(c.latitude), float(c.longitude), ""))[:2]
            out[c.iso2.upper()] = (c.name, lat, lon)
    return out


@lru_cache(maxsize=1)
def geonames_points() -> dict[str, tuple[float, float, str]]:
    """ISO2 -> (lat, lon, source) of GeoNames' country point, from ``points.csv``.

    >>> geonames_points()["US"][:2]
    (39.76, -98.5)
    """
    with POINTS.open(encoding="utf-8", newline="") as fh:
        return {r["iso2"]: (float(r["lat"]), float(r["lon"]), r["source"]) for r in csv.DictReader(fh)}


def iter_provinces(skip_countries: frozenset[str] = frozenset()) -> Iterator[dict]:
    """One record per first-level division (kind ``province``), id ``csc:<id>``;
    countries in ``skip_countries`` are left out (a better source covers them)."""
    import countrystatecity_countries as csc

    for c in csc.get_countries():
        iso2 = (c.iso2 or "").upper()
        if not iso2 or iso2 in skip_countries:
            continue
        for s in csc.get_states_of_country(iso2):
            if not s.latitude or not s.longitude:
                continue
            names = [n for n in dict.fromkeys(x.strip() for x in (s.name, s.native or "") if x) if keep_alias(n)]
            if not names:
                continue
            yield {
                "id": f"csc:{s.id}", "name": s.name, "name_ar": next((n for n in names if _arabic(n)), None),
                "lat": float(s.latitude), "lon": float(s.longitude), "kind": "province", "country_code": iso2,
                "admin1": s.name, "population": None,
                "source": f"{CREDIT}, state {s.id} ({s.iso3166_2 or s.state_code})",
                "aliases": names, "codes": [s.iso3166_2] if s.iso3166_2 else [],
            }


def _arabic(s: str) -> bool:
    from gazetteer.normalize import is_arabic

    return is_arabic(s)
