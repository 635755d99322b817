"""The story's country and the places far abroad from it (misreadings), from the geoparser's
mentions of the whole article.

Example
-------
>>> from types import SimpleNamespace as NS
>>> from gazetteer import Place
>>> bag = Place("b", "Baghdad", "", 33.3, 44.4, "place", "IQ", "Baghdad", 7000000, "t")
>>> suni = Place("s", "Suni", "", 40.3, 8.5, "place", "IT", "Sardinia", 1100, "t")
>>> ms = [NS(place=suni, role="place"), NS(place=bag, role="place")]
>>> main_country(ms), outlier_test(ms, "IQ")(suni)
('IQ', True)
"""
from __future__ import annotations

from typing import Any, Callable

from gazetteer.geo import haversine_km

__all__ = ["main_country", "outlier_test"]


def main_country(mentions: list[Any]) -> str | None:
    """The country most of the article's places lie in. Ties go to the country the text names
    more often counting nationality adjectives ("an Iraqi minister says a bomb in Diyala
    killed a Sunni imam": "Sunni" read as a hamlet abroad), then to the country of the most populous
    place ("Gunmen kill a police officer's son in east Mosul"), then to the first named.
    Adjectives alone do not outvote places ("Iranian exiles" in a story placed in Iraq)."""
    counts: dict[str, list[int]] = {}
    for m in mentions:
        p = m.place
        if p is not None and p.country_code:
            c = counts.setdefault(p.country_code, [0, 0, 0])
            c[0] += m.role == "place"
            c[1] += 1
            c[2] = max(c[2], getattr(p, "population", None) or 0)
    return max(counts, key=lambda k: tuple(counts[k])) if counts else None


_FAR_KM = 800.0  # a place this far from every place of the article's main country is a misreading
_NEAR_KM = 150.0  # ... or this far, for a minor place (no population: a village, a neighbourhood)


def outlier_test(mentions: list[Any], country: str | None) -> Callable[[Any], bool]:
    """A predicate: is a place far abroad from the story ("a drone hit an Orlando-registered truck"
    read as Orlando, Florida; "SDF" read as an airport in Kentucky)? True for a place outside the article's main
    country lying more than ``_FAR_KM`` from every place the article names in that country
    (``_NEAR_KM`` for a place with no population: a neighbourhood of another country)."""
    home = [m.place for m in mentions if m.place is not None and m.role == "place" and
            m.place.country_code == country and getattr(m.place, "kind", "") != "country"]
    if not country or not home:
        return lambda place: False
    home = home[:64]  # bounded

    def far(place: Any) -> bool:
        if (place.country_code or "") == country or getattr(place, "kind", "") == "country":
            return False
        # a minor place abroad (a village or neighbourhood, no population) is read only beside the border
        limit = _FAR_KM if getattr(place, "population", None) else _NEAR_KM
        return all(haversine_km(place.lat, place.lon, h.lat, h.lon) > limit for h in home)
    return far
