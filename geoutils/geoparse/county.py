"""A town in its county: the county a text names and a town it names support each other's reading.

Local news names a county ("Walker County deputies") and a town in it ("outside Huntsville"); each
name alone is ambiguous (there are Walker counties in three states, Huntsvilles in six), but only one
pair lies together. The gazetteer knows a US town only by its point and state (no admin2), so "in
the county" is read as: in the county's state and within :data:`COUNTY_KM` of the county's point.
A county candidate of a name the words call a county ("X County", "X and Y counties") and a town
candidate of *another* name tie each other; no name is evidence for itself.

Example
-------
>>> from types import SimpleNamespace as P
>>> tx = P(kind="county", country_code="US", admin1="Texas", lat=30.64, lon=-95.58)
>>> al = P(kind="county", country_code="US", admin1="Alabama", lat=33.83, lon=-87.27)
>>> htx = P(kind="place", country_code="US", admin1="Texas", lat=30.72, lon=-95.55)
>>> hal = P(kind="place", country_code="US", admin1="Alabama", lat=34.73, lon=-86.59)
>>> ties = CountyTies([("walker", "county", [al, tx]), ("huntsville", None, [hal, htx])])
>>> ties.tied(htx, "huntsville"), ties.tied(hal, "huntsville"), ties.tied(tx, "walker"), ties.tied(al, "walker")
(True, False, True, False)
"""
from __future__ import annotations

from typing import Any, Iterable

from geoutils.geoparse.divisions import haversine_km

__all__ = ["CountyTies", "COUNTY_KM", "FULL_KM"]

#: a town this close to a county's point, in the county's state, is read as lying in it (a US county
#: is some 30-60 km across; its point is near its middle)
COUNTY_KM = 40.0
#: within this of a county's point, a town's tie to it is full; beyond, it fades out by ``COUNTY_KM``
FULL_KM = 20.0
_TOWN_KINDS = ("place", "town")


class CountyTies:
    """County and town candidates of an article's names: ``(key, kind_hint, places)`` triples."""

    __slots__ = ("_counties", "_towns", "_county_keys")

    def __init__(self, named: Iterable[tuple[str, str | None, list]]) -> None:
        #: (country, admin1) -> {(lat, lon, key)} of county candidates of names the words call a county
        #: (sets: a name repeated through a long article adds nothing, and the pools stay its size)
        self._counties: dict[tuple, set[tuple[float, float, str]]] = {}
        #: (country, admin1) -> {(lat, lon, key)} of town candidates of the other names
        self._towns: dict[tuple, set[tuple[float, float, str]]] = {}
        self._county_keys: set[str] = set()
        for key, hint, places in named:
            if hint == "county":
                self._county_keys.add(key)
            for p in places:
                if not p.admin1:
                    continue
                d = (p.country_code, p.admin1)
                if hint == "county" and p.kind == "county":
                    self._counties.setdefault(d, set()).add((p.lat, p.lon, key))
                elif hint is None and p.kind in _TOWN_KINDS:
                    self._towns.setdefault(d, set()).add((p.lat, p.lon, key))

    def read_as(self, read: Iterable[tuple[str, Any]]) -> "CountyTies":
        """These ties with each county name's side narrowed to the reading it took (``(key, place)``).

        A second pass asks a county to vouch for a town only as the county the article means: one
        its own name turned down (Douglas County, South Dakota, when the article's Douglas is
        Nebraska's) vouches for no town beside it. The towns' side keeps every candidate (a town's
        first reading may be its namesake abroad, and the county's tie is what corrects it).

        >>> from types import SimpleNamespace as P
        >>> ne = P(kind="county", country_code="US", admin1="Nebraska", lat=41.27, lon=-96.05)
        >>> sd = P(kind="county", country_code="US", admin1="South Dakota", lat=43.42, lon=-98.36)
        >>> town = P(kind="place", country_code="US", admin1="South Dakota", lat=43.39, lon=-98.84)
        >>> ties = CountyTies([("douglas", "county", [ne, sd]), ("platte", None, [town])])
        >>> ties.tied(town, "platte"), ties.read_as([("douglas", ne)]).tied(town, "platte")
        (True, False)
        >>> ties.read_as([("douglas", sd)]).tied(town, "platte"), ties.read_as([("douglas", sd)]).tied(sd, "douglas")
        (True, True)
        """
        out = CountyTies(())
        out._towns, out._county_keys = self._towns, self._county_keys
        for key, p in read:
            if key in self._county_keys and p.kind == "county" and p.admin1:
                out._counties.setdefault((p.country_code, p.admin1), set()).add((p.lat, p.lon, key))
        return out

    def _nearest(self, c: Any, key: str) -> float | None:
        """km from candidate ``c`` of name ``key`` to its nearest partner of another name (a named
        county's town, or the named county holding a town), None when it has no partner."""
        if not c.admin1 or not self._counties:
            return None
        d = (c.country_code, c.admin1)
        if c.kind == "county" and key in self._county_keys:
            pool = self._towns.get(d, ())
        elif c.kind in _TOWN_KINDS:
            pool = self._counties.get(d, ())
        else:
            return None
        return min((haversine_km(a, b, c.lat, c.lon) for a, b, k in pool if k != key), default=None)

    def tied(self, c: Any, key: str) -> bool:
        """Does candidate ``c`` of name ``key`` lie with a candidate of another name (a town in a named
        county, or a named county holding another name's town)?"""
        near = self._nearest(c, key)
        return near is not None and near < COUNTY_KM

    def strength(self, c: Any, key: str) -> float:
        """How firmly candidate ``c`` of name ``key`` is tied, 0..1: 1 within :data:`FULL_KM` of its
        partner, falling to 0 at :data:`COUNTY_KM` (a partner at the edge of a county's reach is as
        likely a namesake's chance neighbour as the town in that county)."""
        near = self._nearest(c, key)
        if near is None or near >= COUNTY_KM:
            return 0.0
        return max(0.0, min(1.0, (COUNTY_KM - near) / (COUNTY_KM - FULL_KM)))
