"""Issue 8, third pass: a first-level division's prominence is the people counted in its towns,
not its country's mean share; a far province thinly counted yields to a famous city of its name."""
from __future__ import annotations

import pytest

from gazetteer.place import Place
from gazetteer.rank import PROMINENCE, prominence
from gazetteer.sources.unit_stats import seats_and_people, unit_people, unit_seats


def _prov(pid: str, lat: float, lon: float, cc: str = "XX", admin1: str | None = None) -> dict:
    return {"id": pid, "kind": "province", "country_code": cc, "admin1": admin1, "lat": lat, "lon": lon}


def _town(tid: str, lat: float, lon: float, pop: int, cc: str = "XX", admin1: str | None = None) -> dict:
    return {"id": tid, "kind": "place", "country_code": cc, "admin1": admin1, "lat": lat, "lon": lon,
            "population": pop}


def test_each_town_is_counted_once_in_the_division_that_holds_it():
    recs = [_prov("north", 1.0, 0.0), _prov("south", 0.0, 0.0),
            _town("a", 0.9, 0.0, 300), _town("b", 0.4, 0.0, 200),  # b is within reach of both: nearer south
            _town("c", 0.1, 0.0, 50), _town("far", 20.0, 0.0, 9999)]  # far: in no division's reach
    people = unit_people(recs, {"XX": 80.0})
    assert people == {"north": 300.0, "south": 250.0}
    assert sum(people.values()) == 550.0  # no town twice, the far one in none


def test_a_town_naming_its_admin1_belongs_to_that_division_wherever_its_point():
    recs = [_prov("p", 0.0, 0.0, admin1="Foo"), _prov("q", 5.0, 0.0, admin1="Bar"),
            _town("t", 4.9, 0.0, 100, admin1="Foo")]
    assert unit_people(recs, {"XX": 50.0}) == {"p": 100.0, "q": 0.0}


def test_seats_and_people_agree_with_the_single_tables():
    recs = [_prov("p", 0.0, 0.0), _town("a", 0.1, 0.0, 10), _town("b", 0.2, 0.0, 20)]
    seats, people = seats_and_people(recs, {"XX": 50.0}, top=1)
    assert seats == unit_seats(recs, {"XX": 50.0}, top=1) == [("p", "b")]
    assert people == unit_people(recs, {"XX": 50.0}) == {"p": 30.0}


def test_division_prominence_is_the_share_capped_by_counted_people():
    unit = Place("u", "Foo", None, 0, 0, "province", "XX", "Foo", None, "s")
    stand_in = PROMINENCE["province"]
    # a mean share with no counted people behind it: capped at the kind's stand-in
    assert prominence(unit, {"XX": 40 * stand_in}) == stand_in
    # the share is capped by the people counted in the division's towns
    assert prominence(unit, {"XX": 40 * stand_in}, {"u": 7 * stand_in}) == 7 * stand_in
    # never raised above the share, never lowered under the stand-in by a thin count
    assert prominence(unit, {"XX": 2 * stand_in}, {"u": 9 * stand_in}) == 2 * stand_in
    assert prominence(unit, {"XX": 2 * stand_in}, {"u": 10.0}) == stand_in
    # a share smaller than the stand-in stays (a Puerto Rico municipio)
    assert prominence(unit, {"XX": stand_in / 25}) == stand_in / 25
    assert prominence(unit, {"XX": stand_in / 2}, {"u": 10.0}) == stand_in / 2


def test_a_division_keeps_ranking_after_its_seat_city_when_the_words_ask_for_neither(gz):
    # "Baghdad airport" ranked by id: after the airport, the city of 7M, then its governorate
    # (whose counted people include the city's: the share, not the count, is its weight)
    ids = [m.place.id for m in gz.candidates("Baghdad", limit=10, country="IQ")]
    ranked = gz.rank(ids, kind="airport")
    kinds = [p.kind for p in ranked]
    assert "governorate" in kinds and kinds.index("place") < kinds.index("governorate"), kinds


def test_a_famous_city_beats_a_far_province_of_its_name(gz):
    p = gz.resolve("Gaza")
    assert p is not None and p.country_code == "PS" and p.kind in ("place", "town"), p


@pytest.mark.parametrize("name,cc", [("Montana", "US"), ("Ontario", "CA"), ("Bavaria", "DE"), ("Texas", "US")])
def test_a_state_of_counted_towns_still_beats_a_town_of_its_name_abroad(gz, name, cc):
    p = gz.resolve(name)
    assert p is not None and p.kind == "province" and p.country_code == cc, (name, p)


def test_the_province_is_still_reached_when_asked_for(gz):
    p = gz.resolve("Gaza", country="MZ")
    assert p is not None and p.kind == "province" and p.country_code == "MZ", p
    p = gz.resolve("Gaza province", country="MZ")
    assert p is not None and p.kind == "province", p
