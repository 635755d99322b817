"""Narrative time: an undated incident told after a dated one, in the same province and of the
same ACLED event type, happens at the story's time (approximate date, time_precision 2); one
elsewhere or of another type keeps no day. Texts written for these tests."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer


@pytest.fixture(scope="module")
def gz():
    rows = [("cur:tikrit", "Tikrit", "تكريت", 34.6071, 43.6782, "place", "IQ", "Salah ad Din", 160000),
            ("cur:tuz", "Tuz Khurmatu", "طوز خورماتو", 34.8881, 44.6325, "place", "IQ", "Salah ad Din", 60000),
            ("cur:basra", "Basra", "البصرة", 30.5085, 47.7804, "place", "IQ", "Basra", 2600000)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def got(text, gz):
    g = extract_incidents(text, "2020-03-04", gazetteer=gz)
    return sorted(((r.location, r.event_date, None if pd.isna(r.time_precision) else int(r.time_precision))
                   for r in g.itertuples()), key=str)


def test_undated_incident_in_the_same_province_takes_the_story_day(gz):
    t = ("A roadside bomb killed five soldiers in Tikrit on Monday, police said. "
         "In Tuz Khurmatu, another roadside bomb wounded two policemen.")
    assert got(t, gz) == [("Tikrit", date(2020, 3, 2), 1), ("Tuz Khurmatu", date(2020, 3, 2), 2)]


def test_undated_incident_elsewhere_or_of_another_type_keeps_no_day(gz):
    t = ("A roadside bomb killed five soldiers in Tikrit on Monday, police said. "
         "In Basra, another roadside bomb wounded two policemen.")
    assert ("Basra", None, None) in got(t, gz)
    t = ("A roadside bomb killed five soldiers in Tikrit on Monday, police said. "
         "In Tuz Khurmatu, protesters blocked a road.")
    assert ("Tuz Khurmatu", None, None) in got(t, gz)
