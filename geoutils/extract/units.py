"""Containment of a place in the unit a text names around it, by administrative codes.

One rule for the extraction's "X in Y" questions (a village in the sub-district its phrase
names, a town in a province, a chain of containers in a record line), from the most exact
evidence available, never from a distance:

1. different countries: outside; a country holds every place of its code;
2. an Iraqi unit of the official COD-AB layer (a ``cod:<pcode>`` place): the unit's polygon
   holds the place's point (within a small tolerance for border points);
3. else the units both places carry: the same ``admin2`` (district) when the unit is a
   district or sub-district and both know it, the same ``admin1`` (province) when both know it;
4. nothing known: the place may lie in the unit (True), so that a name is never dropped for
   lack of evidence.

:func:`within` (a province or country holds a place, for grouping mentions) and :func:`near`
(two places of one incident's area) build on it; distances serve only for nearness, never for
containment, save when neither place knows its province.

Example
-------
>>> from gazetteer import Place
>>> anbar = Place("a", "Anbar", "", 33.0, 42.0, "governorate", "IQ", "Anbar", 0, "t")
>>> inside(anbar, Place("b", "B", "", 32.8, 13.0, "province", "LY", "Zawiya", 0, "t"))
False
>>> inside(anbar, Place("c", "Rutba", "", 33.04, 40.28, "place", "IQ", "Anbar", 0, "t"))
True
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from shapely.geometry import Point

from gazetteer.geo import haversine_km

__all__ = ["inside", "is_quarter", "may_hold", "within", "near", "same_admin1", "same_country"]

_COD = "cod:"
_BORDER_DEG = 0.02  # about 2 km: a point on a simplified border (the vendored polygons) still counts
_LEVELS = {"governorate": 1, "district": 2, "subdistrict": 3}
_DISTRICT_KINDS = {"district", "subdistrict"}


@lru_cache(maxsize=3)
def _polygons(level: int) -> dict[str, Any]:
    """p-code -> polygon of one COD-AB level (read once); empty when the layer is unavailable."""
    try:
        from gazetteer.sources import cod_ab

        gdf = cod_ab.admin_frame(level)
    except (ImportError, OSError, ValueError):  # pragma: no cover - the layer is vendored
        return {}
    return dict(zip(gdf["pcode"], gdf.geometry))


def _polygon_holds(container: Any, place: Any) -> bool | None:
    """Whether a COD-AB unit's polygon holds ``place``'s point; None when the unit has none."""
    pid = getattr(container, "id", "") or ""
    level = _LEVELS.get(getattr(container, "kind", ""))
    if not pid.startswith(_COD) or level is None:
        return None
    geom = _polygons(level).get(pid[len(_COD):])
    if geom is None:
        return None
    return geom.distance(Point(place.lon, place.lat)) <= _BORDER_DEG


def _same(a: str | None, b: str | None) -> bool | None:
    return None if not (a and b) else a.casefold() == b.casefold()


def inside(container: Any, place: Any) -> bool:
    """``place`` can lie in ``container``, the unit the text names around it.

    Parameters
    ----------
    container : gazetteer.Place
        The unit ("Hatra subdistrict", "Anbar province", "Iraq", or a town for "X near Y").
    place : gazetteer.Place
        The place the text puts in it.

    Returns
    -------
    bool
        False only on evidence: another country, a COD-AB polygon that does not hold the point,
        or a different district/province code; True otherwise.

    Example
    -------
    >>> from gazetteer import Place
    >>> unit = Place("u", "Hawija District", "", 35.3, 43.8, "district", "IQ", "Kirkuk", 0, "t")
    >>> inside(unit, Place("v", "Tiba", "", 30.5, 47.6, "place", "IQ", "Basra", 0, "t"))
    False
    """
    cc1, cc2 = getattr(container, "country_code", None) or "", getattr(place, "country_code", None) or ""
    if cc1 and cc2 and cc1 != cc2:
        return False
    if getattr(container, "kind", "") == "country":
        return True
    held = _polygon_holds(container, place)
    if held is not None:
        return held
    if getattr(container, "kind", "") in _DISTRICT_KINDS:
        same2 = _same(getattr(container, "admin2", None), getattr(place, "admin2", None))
        if same2 is not None:
            return same2
    same1 = _same(getattr(container, "admin1", None), getattr(place, "admin1", None))
    return True if same1 is None else same1


_UNIT_LEVEL = {"subdistrict": 1, "district": 2, "governorate": 3, "province": 3, "country": 4}


def may_hold(container: Any, place: Any) -> bool:
    """Only a coarser unit can hold a unit: a district named after a district ("X district of
    Y") is a reference, not its container. Towns and villages may lie in any unit.

    Example
    -------
    >>> from types import SimpleNamespace as P
    >>> may_hold(P(kind="governorate"), P(kind="district")), may_hold(P(kind="district"), P(kind="district"))
    (True, False)
    """
    a, b = _UNIT_LEVEL.get(getattr(container, "kind", ""), 0), _UNIT_LEVEL.get(getattr(place, "kind", ""), 0)
    return not (a and b and a <= b)


def same_country(a: Any, b: Any) -> bool:
    """Both places know their country and it is the same."""
    return bool(getattr(a, "country_code", None)) and a.country_code == getattr(b, "country_code", None)


def same_admin1(a: Any, b: Any) -> bool:
    """Both places know their province (``admin1``) and it is the same, in the same country."""
    a1, b1 = getattr(a, "admin1", None), getattr(b, "admin1", None)
    return bool(a1 and b1 and a1 == b1 and (a.country_code or "") == (b.country_code or ""))


_REGION_KM = 120.0  # a province read from its point, when neither place knows its province
_REGION_NEAR_KM = 150.0  # a town near a province it lies outside (across the border)
_REGIONS = ("governorate", "province")


def within(region: Any, place: Any) -> bool:
    """``place`` lies in ``region`` (a province or a country): :func:`inside`, and with no
    province known on either side, the region's surroundings.

    Example
    -------
    >>> from gazetteer import Place
    >>> anbar = Place("a", "Anbar", "", 33.0, 42.0, "governorate", "IQ", "Anbar", 0, "t")
    >>> within(anbar, Place("r", "Rutba", "", 33.04, 40.28, "place", "IQ", None, 0, "t"))
    False
    """
    if not inside(region, place):
        return False
    known = getattr(region, "kind", "") == "country" or (getattr(region, "admin1", None) and getattr(place, "admin1", None))
    return bool(known) or haversine_km(region.lat, region.lon, place.lat, place.lon) <= _REGION_KM


def near(a: Any, b: Any, km: float = 30.0) -> bool:
    """Two places of one incident's area: within ``km`` of each other; a place and the province
    (or country) that holds it; a place and a province less than 150 km away.

    Example
    -------
    >>> from gazetteer import Place
    >>> k = Place("k", "Kirkuk", "", 35.47, 44.39, "place", "IQ", "Kirkuk", 0, "t")
    >>> near(k, Place("d", "Dibis", "", 35.65, 44.07, "place", "IQ", "Kirkuk", 0, "t")), near(k, k, 0.0)
    (False, True)
    """
    ka, kb = getattr(a, "kind", ""), getattr(b, "kind", "")
    if ka == "country" or kb == "country":
        return (a.country_code or "") == (b.country_code or "")
    if ka in _REGIONS or kb in _REGIONS:
        region, other = (a, b) if ka in _REGIONS else (b, a)
        if within(region, other):
            return True  # a town of the province (a large province's centroid may lie far from it)
        km = _REGION_NEAR_KM
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


QUARTER_KM = 15.0  # a district this near the town the text names it in is a part of that town


def is_quarter(place: Any, container: Any) -> bool:
    """A district or sub-district the text names inside a town ("Baghdad's Kadhimiya district",
    "the Karrada district of Baghdad") is one of the town's quarters, a finer place than the town.

    >>> from types import SimpleNamespace as P
    >>> baghdad = P(kind="place", country_code="IQ", lat=33.34, lon=44.40, admin1="Baghdad")
    >>> is_quarter(P(kind="district", country_code="IQ", lat=33.38, lon=44.35, admin1="Baghdad"), baghdad)
    True
    >>> is_quarter(P(kind="district", country_code="IQ", lat=34.6, lon=43.7, admin1="Salah Al-Din"), baghdad)
    False
    """
    return getattr(place, "kind", "") in ("district", "subdistrict") and container is not None \
        and getattr(container, "kind", "") in ("place", "town", "city") and near(container, place, QUARTER_KM)
