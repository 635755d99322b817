"""Coded-event record lines (a date heading and a place address, no event word) give one row
of unknown kind at that place and day; prose naming a place never does. English ordinal days
("March 3rd", "the 27th of December") are dates. Texts written for these tests."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.dates import find_dates
from geoutils.extract.memory import MemoryGazetteer
from geoutils.extract.records import RECORD_NOTE
from geoutils.extract.tokens import Tokens

PUB = "2016-01-05"


@pytest.fixture(scope="module")
def gz():
    rows = [("t:shirqat", "Shirqat", "الشرقاط", 35.51, 43.23, "place", "IQ", "Salah ad Din", 40000),
            ("t:salah", "Salah ad Din Governorate", "صلاح الدين", 34.5, 43.5, "governorate", "IQ", "Salah ad Din", 1500000),
            ("t:tikrit", "Tikrit", "تكريت", 34.6071, 43.6782, "place", "IQ", "Salah ad Din", 160000),
            ("t:iq", "Iraq", "العراق", 33.0, 44.0, "country", "IQ", None, 40000000)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def rows(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.location, r.event_date, int(r.geo_precision) if pd.notna(r.geo_precision) else None,
             None if pd.isna(r.sub_event_type) else r.sub_event_type) for r in g.itertuples()]


@pytest.mark.parametrize("text, want", [
    ("April 23rd, 2014: Shirqat, Salah ad Din Governorate, Iraq", ("Shirqat", date(2014, 4, 23), 1, None)),
    ("July 1st 2014: Tikrit, Iraq", ("Tikrit", date(2014, 7, 1), 1, None)),
    ("23 نيسان 2014: الشرقاط، محافظة صلاح الدين، العراق", ("Shirqat", date(2014, 4, 23), 1, None)),
    ("April 23rd, 2014: Jumaila village near Shirqat, Salah ad Din Governorate, Iraq", ("Shirqat", date(2014, 4, 23), 2, None)),
])
def test_a_record_line_is_an_event_of_unknown_kind(gz, text, want):
    g = extract_incidents(text, PUB, gazetteer=gz)
    assert rows(text, gz) == [want]
    assert RECORD_NOTE in g.iloc[0].notes


def test_an_unknown_name_opening_the_address_goes_to_the_known_place(gz):
    t = "April 23rd, 2014: Al Jumaila, Shirqat, Salah ad Din Governorate, Iraq"
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert rows(t, gz) == [("Shirqat", date(2014, 4, 23), 2, None)] and "Al Jumaila" in g.iloc[0].notes


@pytest.mark.parametrize("text", [
    "Shirqat, Salah ad Din Governorate, is a town on the Euphrates.",
    "April 23rd, 2014: officials visited Shirqat, Salah ad Din Governorate",
    "April 23rd, 2014: Iraq",
    "Shirqat, Salah ad Din Governorate, Iraq",
    "The delegation reached Shirqat on April 23rd, 2014.",
    "Monday: Shirqat, Salah ad Din Governorate, Iraq",
])
def test_prose_or_a_bare_address_is_no_event(gz, text):
    assert rows(text, gz) == []


def test_a_record_line_under_a_titled_event_gives_it_place_and_day(gz):
    t = "Roadside bomb kills three soldiers in Salah ad Din\nApril 23rd, 2014: Shirqat, Salah ad Din Governorate, Iraq"
    assert rows(t, gz) == [("Shirqat", date(2014, 4, 23), 1, "Remote explosive/landmine/IED")]


@pytest.mark.parametrize("text, day", [
    ("on March 3rd the convoy", date(2015, 3, 3)),
    ("on the 27th of December", date(2015, 12, 27)),
    ("September 20th, 2015 was", date(2015, 9, 20)),
    ("21st June 2015", date(2015, 6, 21)),
])
def test_english_ordinal_days(text, day):
    assert [h.date for h in find_dates(Tokens.of(text), date(2016, 1, 5))] == [day]


@pytest.mark.parametrize("text, want", [
    ("April 23rd or 24th, 2014: Shirqat, Salah ad Din Governorate, Iraq", ("Shirqat", date(2014, 4, 23), 1, None)),
    ("April 23rd 2014, Shirqat, Salah ad Din Governorate, Iraq", ("Shirqat", date(2014, 4, 23), 1, None)),
    ("April 23rd 2014: Tall Sfuk or Jumaila west of Shirqat, Salah ad Din Governorate, Iraq", ("Shirqat", date(2014, 4, 23), 2, None)),
])
def test_record_line_variants(gz, text, want):
    g = extract_incidents(text, PUB, gazetteer=gz)
    assert rows(text, gz) == [want]
    if want[2] == 2:
        assert "[location: Tall Sfuk or Jumaila]" in g.iloc[0].notes


def test_nr_abbreviates_near_in_a_record_address_only(gz):
    from geoutils import lexicons

    assert rows("April 23rd, 2014: nr Shirqat, Salah ad Din Governorate, Iraq", gz) == \
        [("Shirqat", date(2014, 4, 23), 2, None)]
    assert "nr" not in lexicons.words("relative")  # prose: "nr" is no cue


def test_a_unit_named_after_a_unit_of_its_level_is_no_container():
    # a district's admin2 is its own name (as the COD-AB layer gives it); test places
    rows_ = [("t:d1", "Sinjar District", None, 36.32, 41.87, "district", "IQ", "Ninewa", None, "Sinjar"),
             ("t:d2", "Tall Afar District", None, 36.37, 42.45, "district", "IQ", "Ninewa", None, "Tall Afar"),
             ("t:gov", "Ninewa Governorate", None, 36.0, 42.5, "governorate", "IQ", "Ninewa", None, None),
             ("t:gov2", "Duhok Governorate", None, 36.9, 43.1, "governorate", "IQ", "Duhok", None, None)]
    g = MemoryGazetteer((Place(*r[:9], "test", r[9]), [r[1].rsplit(" ", 1)[0]]) for r in rows_)
    assert rows("April 23rd, 2014: Sinjar district of Tall Afar, Ninewa province, Iraq", g)[0][0] == \
        "Sinjar District"
    assert rows("April 23rd, 2014: Sinjar district, Duhok province, Iraq", g)[0][0] == "Duhok Governorate"


def test_a_dated_sentence_of_prose_after_a_comma_is_no_record(gz):
    assert rows("April 23rd 2014, the governor of Salah ad Din Governorate toured Shirqat, Iraq", gz) == []
