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
    rows = [("t:rawa", "Rawa", "راوة", 34.4667, 41.9167, "place", "IQ", "Anbar", 60000),
            ("t:anbar", "Anbar Governorate", "الأنبار", 32.9, 42.0, "governorate", "IQ", "Anbar", 1500000),
            ("t:tikrit", "Tikrit", "تكريت", 34.6071, 43.6782, "place", "IQ", "Salah ad Din", 160000),
            ("t:iq", "Iraq", "العراق", 33.0, 44.0, "country", "IQ", None, 40000000)]
    return MemoryGazetteer((Place(*r, "test"), []) for r in rows)


def rows(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.location, r.event_date, int(r.geo_precision) if pd.notna(r.geo_precision) else None,
             None if pd.isna(r.sub_event_type) else r.sub_event_type) for r in g.itertuples()]


@pytest.mark.parametrize("text, want", [
    ("October 9th, 2015: Rawa, Anbar province, Iraq", ("Rawa", date(2015, 10, 9), 1, None)),
    ("November 2nd 2015: Tikrit, Iraq", ("Tikrit", date(2015, 11, 2), 1, None)),
    ("9 تشرين الأول 2015: راوة، محافظة الأنبار، العراق", ("Rawa", date(2015, 10, 9), 1, None)),
    ("October 9th, 2015: Zawiya village near Rawa, Anbar province, Iraq", ("Rawa", date(2015, 10, 9), 2, None)),
])
def test_a_record_line_is_an_event_of_unknown_kind(gz, text, want):
    g = extract_incidents(text, PUB, gazetteer=gz)
    assert rows(text, gz) == [want]
    assert RECORD_NOTE in g.iloc[0].notes


def test_an_unknown_name_opening_the_address_goes_to_the_known_place(gz):
    t = "October 9th, 2015: Al Zawiya, Rawa, Anbar province, Iraq"
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert rows(t, gz) == [("Rawa", date(2015, 10, 9), 2, None)] and "Al Zawiya" in g.iloc[0].notes


@pytest.mark.parametrize("text", [
    "Rawa, Anbar province, is a town on the Euphrates.",
    "October 9th, 2015: officials visited Rawa, Anbar province",
    "October 9th, 2015: Iraq",
    "Rawa, Anbar province, Iraq",
    "The delegation reached Rawa on October 9th, 2015.",
    "Monday: Rawa, Anbar province, Iraq",
])
def test_prose_or_a_bare_address_is_no_event(gz, text):
    assert rows(text, gz) == []


def test_a_record_line_under_a_titled_event_gives_it_place_and_day(gz):
    t = "Roadside bomb kills three soldiers in Anbar\nOctober 9th, 2015: Rawa, Anbar province, Iraq"
    assert rows(t, gz) == [("Rawa", date(2015, 10, 9), 1, "Remote explosive/landmine/IED")]


@pytest.mark.parametrize("text, day", [
    ("on March 3rd the convoy", date(2015, 3, 3)),
    ("on the 27th of December", date(2015, 12, 27)),
    ("September 20th, 2015 was", date(2015, 9, 20)),
    ("21st June 2015", date(2015, 6, 21)),
])
def test_english_ordinal_days(text, day):
    assert [h.date for h in find_dates(Tokens.of(text), date(2016, 1, 5))] == [day]


@pytest.mark.parametrize("text, want", [
    ("October 9th or 10th, 2015: Rawa, Anbar province, Iraq", ("Rawa", date(2015, 10, 9), 1, None)),
    ("October 9th 2015, Rawa, Anbar province, Iraq", ("Rawa", date(2015, 10, 9), 1, None)),
    ("October 9th 2015: Tall Hamad or Zawiya west of Rawa, Anbar province, Iraq", ("Rawa", date(2015, 10, 9), 2, None)),
])
def test_record_line_variants(gz, text, want):
    g = extract_incidents(text, PUB, gazetteer=gz)
    assert rows(text, gz) == [want]
    if want[2] == 2:
        assert "[location: Tall Hamad or Zawiya]" in g.iloc[0].notes


def test_a_dated_sentence_of_prose_after_a_comma_is_no_record(gz):
    assert rows("October 9th 2015, the governor of Anbar province toured Rawa, Iraq", gz) == []
