"""ACLED place rules in a locative chain: a name read as a namesake outside the administrative
unit the same phrase puts it in gives way to the unit; a reference town the text puts the event
far from ("45 km west of X") ranks after a place that holds it; a direction word read as a
place is no place. Places and texts written for these tests (coordinates approximate, test only)."""
from __future__ import annotations

import pandas as pd
import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer


@pytest.fixture(scope="module")
def gz():
    rows = [("t:hawija", "Hawija District", "الحويجة", 35.32, 43.77, "district", "IQ", "Kirkuk", 0),
            ("t:tiba", "Al-Tiba", "الطيبة", 30.5, 47.6, "place", "IQ", "Basra", 5000),
            ("t:abbasi", "Al-Abbasi", "العباسي", 35.29, 43.80, "place", "IQ", "Kirkuk", 3000),
            ("t:kirkuk", "Kirkuk", "كركوك", 35.47, 44.39, "place", "IQ", "Kirkuk", 900000),
            ("t:gharbi", "Al-Gharbi", "الغربي", 31.3, 45.3, "place", "IQ", "Dhi Qar", 0)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def places(text, gz):
    g = extract_incidents(text, "2021-05-10", gazetteer=gz)
    return [(r.location, int(r.geo_precision)) for r in g.itertuples() if pd.notna(r.geo_precision)]


@pytest.mark.parametrize("text", [
    "Mortar rounds hit a farm at Tiba in Hawija district on Friday, wounding a shepherd.",
    "سقطت قذائف هاون على مزرعة في الطيبة بقضاء الحويجة يوم الجمعة وأصابت راعيا.",
    "سقطت قذائف هاون يوم الجمعة على مزرعة في الطيبة قرية الشيخ في قضاء الحويجة.",
])
def test_a_namesake_outside_the_unit_gives_way_to_the_unit(gz, text):
    got = places(text, gz)
    assert got and got[0][0] == "Hawija District" and "Al-Tiba" not in [p for p, _ in got]


@pytest.mark.parametrize("text", [
    "Mortar rounds hit a farm at Abbasi in Hawija district on Friday, wounding a shepherd.",
    "سقطت قذائف هاون على مزرعة في العباسي بقضاء الحويجة يوم الجمعة وأصابت راعيا.",
])
def test_a_place_inside_the_unit_is_kept(gz, text):
    assert places(text, gz)[0][0] == "Al-Abbasi"


@pytest.mark.parametrize("text", [
    "An IED wounded three soldiers on Friday in Hawija district, 45 km west of Kirkuk.",
    "أصيب ثلاثة جنود بانفجار عبوة ناسفة يوم الجمعة في قضاء الحويجة، في قرية تبعد 45 كيلومترا غربي كركوك.",
])
def test_a_far_reference_town_ranks_after_the_unit(gz, text):
    assert places(text, gz)[0][0] == "Hawija District"


@pytest.mark.parametrize("text, want", [
    ("An IED wounded three soldiers on Friday 5 km west of Kirkuk.", ("Kirkuk", 2)),
    ("An IED wounded three soldiers on Friday 45 km west of Kirkuk.", ("Kirkuk", 2)),
    ("أصيب ثلاثة جنود بانفجار عبوة ناسفة يوم الجمعة شمال غربي كركوك.", ("Kirkuk", 2)),
])
def test_a_lone_reference_town_is_still_the_place(gz, text, want):
    assert places(text, gz) == [want]


# Containment by the official COD-AB polygons, not by a radius: the Hatra sub-district is about
# 130 km long, so a village of it can lie 60+ km from the unit's point. The village names and
# points are invented for the test; the unit's id is its real p-code (vendored polygons).
_HATRA = Place("cod:IQG15Q04N01", "Markaz Hatra", "الحضر", 35.4934, 42.4603, "subdistrict", "IQ", "Ninewa", None,
               "test", "Al-Hatra")


@pytest.fixture(scope="module")
def hatra():
    rows = [(_HATRA, ["Hatra"]),
            (Place("t:sabha", "Tell Sabha", "تل صبحة", 35.1, 42.9, "village", "IQ", "Ninewa", None, "test"), []),
            (Place("t:jurn", "Umm Jurn", "أم جرن", 35.9, 42.0, "village", "IQ", "Ninewa", None, "test"), [])]
    return MemoryGazetteer(rows)


@pytest.mark.parametrize("text", [
    "Two shepherds died on Friday when a landmine exploded in Tell Sabha village in Hatra subdistrict.",
    "انفجر لغم أرضي يوم الجمعة في قرية تل صبحة في ناحية الحضر وأصاب راعيين.",
])
def test_a_village_far_from_its_units_point_but_inside_it_is_kept(hatra, text):
    assert places(text, hatra)[0] == ("Tell Sabha", 1)


@pytest.mark.parametrize("text", [
    "Two shepherds died on Friday when a landmine exploded in Umm Jurn village in Hatra subdistrict.",
    "انفجر لغم أرضي يوم الجمعة في قرية أم جرن في ناحية الحضر وأصاب راعيين.",
])
def test_a_reading_outside_the_units_polygon_gives_way_to_the_unit(hatra, text):
    got = places(text, hatra)
    assert got[0] == ("Markaz Hatra", 2) and "Umm Jurn" not in [p for p, _ in got]


def test_inside_reads_the_polygon_then_the_admin_codes():
    from geoutils.extract.units import inside

    far_in = Place("a", "A", None, 35.1, 42.9, "village", "IQ", "Ninewa", None, "test")
    near_out = Place("b", "B", None, 35.3, 43.1, "village", "IQ", "Ninewa", None, "test")  # ~60 km, Makkhoul
    assert inside(_HATRA, far_in) and not inside(_HATRA, near_out)
    unit = Place("t:u", "U", None, 35.49, 42.46, "subdistrict", "IQ", "Ninewa", None, "test", "Al-Hatra")
    assert inside(unit, near_out)  # no polygon, no district on the village: its province decides
    assert not inside(unit, Place("c", "C", None, 35.49, 42.46, "village", "IQ", "Ninewa", None, "test", "Al-Baaj"))
    assert not inside(unit, Place("d", "D", None, 35.49, 42.46, "village", "IQ", "Kirkuk", None, "test"))
