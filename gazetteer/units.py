"""What ranking knows of first-level divisions at run time (:class:`UnitInfo`), read from the
tables the build writes (:mod:`gazetteer.sources.unit_stats`), and whether a town lies inside one.

Example
-------
>>> UnitInfo().capitals
frozenset()
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from gazetteer.geo import haversine_km
from gazetteer.normalize import name_key
from gazetteer.place import Place


@dataclass(frozen=True)
class UnitInfo:
    """What the default database knows of first-level divisions, by ISO2 code: ``weights``
    (prominence of one division, :func:`gazetteer.sources.unit_stats.unit_weights`), ``radii`` (its reach in km,
    :func:`gazetteer.sources.unit_stats.unit_radii`), and ``capitals`` (ids of the national capitals)."""

    weights: Mapping[str, float] = field(default_factory=dict)
    radii: Mapping[str, float] = field(default_factory=dict)
    capitals: frozenset[str] = frozenset()
    #: (division id, town id) -> whether the town is among the division's largest inside it
    #: (:func:`gazetteer.sources.unit_stats.unit_seats`); None: any town inside it (:func:`lies_inside`)
    is_seat: Callable[[str, str], bool] | None = None
    #: division id -> the people counted in its towns (:func:`gazetteer.sources.unit_stats.unit_people`)
    people: Mapping[str, float] = field(default_factory=dict)


def lies_inside(town: Place, unit: Place, radii: Mapping[str, float]) -> bool:
    """Whether ``town`` lies inside the first-level division ``unit``: both name the same admin1,
    or the town is within the division's reach of its point (``radii``, ISO2 -> km: the radius of
    a disc of the country's area shared among its divisions).

    >>> u = Place("u", "Foo", None, 0, 0, "province", "XX", "Foo", None, "s")
    >>> lies_inside(Place("t", "Foo", None, 0.3, 0, "place", "XX", None, 900, "s"), u, {"XX": 50.0})
    True
    >>> lies_inside(Place("t", "Foo", None, 3.0, 0, "place", "XX", None, 900, "s"), u, {"XX": 50.0})
    False
    """
    if town.country_code != unit.country_code:
        return False
    if town.admin1 and unit.admin1 and name_key(town.admin1) == name_key(unit.admin1):
        return True
    reach = radii.get(unit.country_code or "")
    return reach is not None and haversine_km(town.lat, town.lon, unit.lat, unit.lon) <= reach


def has_table(con: sqlite3.Connection, name: str) -> bool:
    """Whether the database of ``con`` holds the table ``name`` (older builds lack newer tables)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None


def load_unit_info(con: sqlite3.Connection, lock) -> UnitInfo:
    """The :class:`UnitInfo` of a built default database (empty for one built before its tables);
    ``lock`` guards ``con``, also in the seat look-ups made later.

    >>> load_unit_info(sqlite3.connect(":memory:"), __import__("threading").Lock()).weights
    {}
    """
    with lock:
        if not has_table(con, "unit_weights"):
            return UnitInfo()
        cols = {r[1] for r in con.execute("PRAGMA table_info(unit_weights)")}
        rows = con.execute("SELECT country_code, weight, " + ("radius_km" if "radius_km" in cols else "NULL")
                           + " FROM unit_weights").fetchall()
        caps = frozenset(r[0] for r in con.execute("SELECT place_id FROM capitals")) if has_table(con, "capitals") else frozenset()
        seats = has_table(con, "unit_seats")
        people = dict(con.execute("SELECT unit_id, people FROM unit_people")) if has_table(con, "unit_people") else {}

    def is_seat(unit_id: str, town_id: str) -> bool:
        with lock:
            return con.execute("SELECT 1 FROM unit_seats WHERE unit_id=? AND place_id=?",
                               (unit_id, town_id)).fetchone() is not None

    return UnitInfo({cc: w for cc, w, _ in rows}, {cc: r for cc, _, r in rows if r}, caps, is_seat if seats else None, people)
