"""ACLED place rules in a locative chain: a name read as a namesake outside the administrative
unit the same phrase puts it in gives way to the unit; a reference town the text puts the event
far from ("35 km south-east of X") ranks after a place that holds it; a direction word read as a
place is no place. Places and texts written for these tests."""
from __future__ import annotations

import pandas as pd
import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer


@pytest.fixture(scope="module")
def gz():
    rows = [("t:nimrud", "Nimrud Subdistrict", "النمرود", 36.12, 43.41, "subdistrict", "IQ", "Ninawa", 0),
            ("t:tiba", "Al-Tiba", "الطيبة", 30.5, 47.6, "place", "IQ", "Basra", 5000),
            ("t:salam", "Al-Salamiya", "السلامية", 36.10, 43.38, "place", "IQ", "Ninawa", 3000),
            ("t:mosul", "Mosul", "الموصل", 36.34, 43.13, "place", "IQ", "Ninawa", 1500000),
            ("t:sharqi", "Al-Sharqi", "الشرقي", 31.3, 45.3, "place", "IQ", "Dhi Qar", 0)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def places(text, gz):
    g = extract_incidents(text, "2021-05-10", gazetteer=gz)
    return [(r.location, int(r.geo_precision)) for r in g.itertuples() if pd.notna(r.geo_precision)]


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two civilians near their home in Tiba village in Nimrud subdistrict on Friday.",
    "قتل مدنيان بانفجار عبوة ناسفة قرب منزلهما في الطيبة قرية الشيخ في ناحية النمرود يوم الجمعة.",
])
def test_a_namesake_outside_the_unit_gives_way_to_the_unit(gz, text):
    got = places(text, gz)
    assert got and got[0][0] == "Nimrud Subdistrict" and "Al-Tiba" not in [p for p, _ in got]


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two civilians near their home in Salamiya village in Nimrud subdistrict on Friday.",
    "قتل مدنيان بانفجار عبوة ناسفة قرب منزلهما في السلامية قرية الشيخ في ناحية النمرود يوم الجمعة.",
])
def test_a_place_inside_the_unit_is_kept(gz, text):
    assert places(text, gz)[0][0] == "Al-Salamiya"


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two civilians on Friday in Nimrud subdistrict, 35 km south-east of Mosul.",
    "قتل مدنيان بانفجار عبوة ناسفة يوم الجمعة في ناحية النمرود على بعد 35 كيلومترا جنوب شرقي الموصل.",
])
def test_a_far_reference_town_ranks_after_the_unit(gz, text):
    assert places(text, gz)[0][0] == "Nimrud Subdistrict"


@pytest.mark.parametrize("text, want", [
    ("A roadside bomb killed two civilians on Friday 5 km south of Mosul.", ("Mosul", 2)),
    ("A roadside bomb killed two civilians on Friday 35 km south-east of Mosul.", ("Mosul", 2)),
    ("قتل مدنيان بانفجار عبوة ناسفة يوم الجمعة جنوب شرقي الموصل.", ("Mosul", 2)),
])
def test_a_lone_reference_town_is_still_the_place(gz, text, want):
    got = places(text, gz)
    assert got == [want]
