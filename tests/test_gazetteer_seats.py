"""Seat towns located from DTM quarters, DTM points with latitude and longitude swapped,
units standing for their seat town, and the closeness tie-break (issue 8)."""
from __future__ import annotations

import dataclasses

from shapely.geometry import Point

from gazetteer.place import Place
from gazetteer.rank import UnitInfo, rank_rows, yielding_units
from gazetteer.sources import cod_ab
from gazetteer.sources.dtm import _unswap
from gazetteer.sources.seats import iter_seats, seat_point

_BUHRIZ = "IQG10Q04N01"  # a sub-district of Baquba, Diyala


def _unit(pcode: str) -> dict:
    return next(u for u in cod_ab.iter_units() if u["pcode"] == pcode)


def _loc(i: int, name: str, lat: float, lon: float) -> dict:
    return {"id": f"dtm:{i}", "name": name, "aliases": [name], "derived": [], "lat": lat, "lon": lon,
            "country_code": "IQ", "kind": "place"}


def _inside(pcode: str, n: int) -> list[tuple[float, float]]:
    """``n`` points inside the unit, near its representative point."""
    frame = cod_ab.admin_frame(3)
    geom = frame.loc[frame.pcode == pcode, "geometry"].iloc[0]
    c = geom.representative_point()
    pts = [(c.y + 0.002 * k, c.x + 0.002 * k) for k in range(n)]
    assert all(geom.contains(Point(lon, lat)) for lat, lon in pts)
    return pts


def test_seat_is_the_median_of_quarters_named_after_the_unit():
    unit = _unit(_BUHRIZ)
    (a, b, c) = _inside(_BUHRIZ, 3)
    locs = [_loc(1, "Buhriz-Al-Asri Qtr", *a), _loc(2, "Buhriz-Borgha Qtr", *b), _loc(3, "Shatib village", *c)]
    seats = iter_seats([unit], locs, [])
    assert len(seats) == 1
    s = seats[0]
    assert s["id"] == f"seat:{_BUHRIZ}" and s["kind"] == "town"
    assert (s["lat"], s["lon"]) == seat_point([a, b])  # the village not named after it is not used
    assert "dtm:" not in s["source"] and "1, 2" in s["source"] and _BUHRIZ in s["source"]


def test_no_seat_from_one_quarter_or_when_a_source_has_the_town():
    unit = _unit(_BUHRIZ)
    (a, b) = _inside(_BUHRIZ, 2)
    assert iter_seats([unit], [_loc(1, "Buhriz-Al-Asri Qtr", *a)], []) == []
    town = {**_loc(9, "Buhriz", *b), "id": "gn:1"}
    assert iter_seats([unit], [_loc(1, "Buhriz-Al-Asri Qtr", *a), _loc(2, "Buhriz-Borgha Qtr", *b)], [town]) == []


def test_quarters_outside_the_unit_locate_nothing():
    unit = _unit(_BUHRIZ)
    far = [_loc(1, "Buhriz-Al-Asri Qtr", 36.3, 43.1), _loc(2, "Buhriz-Borgha Qtr", 36.31, 43.12)]  # Mosul
    assert iter_seats([unit], far, []) == []


def test_swapped_dtm_points_are_read_swapped():
    lats, lons = [44.03163, 33.3], [35.40187, 44.4]  # the first is written (lon, lat)
    adm1, adm2 = cod_ab.locate(lats, lons)
    assert adm1[0] is None
    assert _unswap(lats, lons, adm1, adm2) == {0}
    assert (lats[0], lons[0]) == (35.40187, 44.03163) and adm1[0] == "Kirkuk"
    assert (lats[1], lons[1]) == (33.3, 44.4)


def _p(pid: str, kind: str, admin1: str | None, lat: float = 34.0, name: str = "Hamrin") -> Place:
    return Place(pid, name, None, lat, 44.0, kind, "IQ", admin1, None, "test", admin2=None)


def test_a_unit_yields_only_to_a_town_of_its_name_in_its_governorate():
    unit = _p("u", "subdistrict", "Salah Al-Din")
    assert yielding_units([unit, _p("t", "place", "Al-Sulaymaniyah")]) == frozenset()
    assert yielding_units([unit, _p("t", "place", "Salah Al-Din")]) == {"u"}


def test_a_unit_with_no_town_inside_stands_for_its_seat():
    unit, village = _p("u", "subdistrict", "Salah Al-Din"), _p("t", "place", "Al-Sulaymaniyah", lat=35.0)
    rows = [(village, "Hamrin", 0, "hamrin"), (unit, "Hamreen", 0, "hamrin")]
    ranked = rank_rows(rows, {"hamrin": 100.0}, "place", True, "IQ", None, ("IQ",), "hamrin", query="Hamrin town")
    assert ranked[0].place.id == "u"
    near = _p("t2", "place", "Salah Al-Din", lat=34.1)
    ranked = rank_rows(rows + [(near, "Hamrin", 0, "hamrin")], {"hamrin": 100.0}, "place", True, "IQ", None,
                       ("IQ",), "hamrin", query="Hamrin town")
    assert ranked[0].place.kind == "place" and ranked[-1].place.id == "u"  # the unit yields to a town in it


def test_the_spelling_closest_to_the_query_breaks_a_tie():
    # an invented name, spelled as two sources might: with the ʿayn mark, and hyphenated
    a, b = _p("a", "place", "Basrah", name="Al-Ushnan"), _p("b", "place", "Salah Al-Din", name="Al ‘Ushnan")
    rows = [(a, "Al-Ushnan", 0, "ushnan"), (b, "Al ‘Ushnan", 0, "ushnan")]
    ranked = rank_rows(rows, {"ushnan": 100.0}, "place", True, "IQ", None, ("IQ",), "ushnan", query="Al ‘Ushnān town")
    assert ranked[0].place.id == "b"
    ranked = rank_rows(rows, {"ushnan": 100.0}, "place", True, "IQ", None, ("IQ",), "ushnan", query="Al-Ushnan town")
    assert ranked[0].place.id == "a"


def test_built_seats_resolve_inside_their_unit(gz):
    p = gz.resolve("Buhriz")
    assert p is not None and p.id == f"seat:{_BUHRIZ}" and p.kind == "town" and p.admin1 == "Diyala", p
    geom = gz.admin_polygons(3).set_index("pcode").loc[_BUHRIZ, "geometry"]
    assert geom.contains(Point(p.lon, p.lat))
    assert gz.resolve("Buhriz subdistrict").id == f"cod:{_BUHRIZ}"
    assert gz.resolve("ناحية بهرز").kind == "subdistrict"


def test_ranking_by_id_yields_only_to_a_town_of_the_units_own_name():
    gov = Place("g", "Saladin Governorate", None, 34.5, 43.6, "governorate", "IQ", "Salah Al-Din", None, "s")
    info = UnitInfo(radii={"IQ": 86.0})
    # a first-level unit yields only to a town inside it: a quarter of its name in Kirkuk is not
    quarter = Place("q", "Hay Salah Al din", None, 35.4, 44.4, "place", "IQ", "Kirkuk", 200_000, "s")
    assert yielding_units([gov, quarter], info=info) == frozenset()
    town = Place("t", "Saladin", None, 34.6, 43.7, "place", "IQ", "Salah Al-Din", 200_000, "s")
    assert yielding_units([gov, town], info=info) == {"g"}
    inner_quarter = dataclasses.replace(quarter, lat=34.6, lon=43.7, admin1="Salah Al-Din")
    assert yielding_units([gov, inner_quarter], info=info) == {"g"}  # rows matched by one alias: the alias is the name
    assert yielding_units([gov, inner_quarter], same_name=True, info=info) == frozenset()
    assert yielding_units([gov, inner_quarter, town], same_name=True, info=info) == {"g"}
    # a hamlet of its name that is not among its largest towns is no seat
    hamlet = dataclasses.replace(town, population=900)
    not_seat = dataclasses.replace(info, is_seat=lambda unit, t: t != "t")
    assert yielding_units([gov, hamlet], same_name=True, info=not_seat) == frozenset()


def test_rank_by_id_puts_the_governorate_before_a_quarter_named_after_it(gz):
    ids = [m.place.id for m in gz.candidates("Salah al-Din", limit=10)]
    assert gz.rank(ids)[0].kind == "governorate"
