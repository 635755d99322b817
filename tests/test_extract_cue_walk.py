"""The walk from a place back to its cue word passes over a date and its time words (Arabic
verb-subject-object order puts them between the verb and its target); a collective town (مجمع)
is a settlement noun. Texts and places written for these tests."""
from __future__ import annotations

import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer


@pytest.fixture(scope="module")
def gz():
    rows = [("t:zahra", "Tal al-Zahra", "تل الزهرة", 35.50, 43.30, "place", "IQ", "Salah ad Din", 0),
            ("t:shirqat", "Al-Shirqat District", "الشرقاط", 35.51, 43.23, "district", "IQ", "Salah ad Din", 0),
            ("t:kirkuk", "Kirkuk", "كركوك", 35.4681, 44.3922, "place", "IQ", "Kirkuk", 900000)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def places(text, gz):
    g = extract_incidents(text, "2021-05-11", gazetteer=gz)
    return [(r.location, int(r.geo_precision)) for r in g.itertuples() if r.location]


@pytest.mark.parametrize("text", [
    "قصفت المدفعية فجر الأحد 9 أيار 2021 قرية تل الزهرة شرقي الشرقاط.",
    "قصفت طائرات حربية، عصر أمس، مجمع تل الزهرة السكني.",
])
def test_a_date_between_verb_and_target_does_not_cut_the_link(gz, text):
    assert places(text, gz)[0] == ("Tal al-Zahra", 1)


def test_without_a_date_a_long_gap_still_cuts_the_link(gz):
    # six ordinary words between the verb and the place: no locative phrase, the place is context
    t = "قصفت مدفعية الجيش التي تمركزت منذ أشهر طويلة على تلال بعيدة تل الزهرة."
    assert ("Tal al-Zahra", 1) not in places(t, gz)
