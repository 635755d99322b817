"""Datelines: the date a wire dateline carries is the filing date, not the event's. The event's
date comes from the body, counted from the filing date; "today" is the filing day. Texts written
for these tests in the style of wire reports (demo gazetteer)."""
from __future__ import annotations

from datetime import date

import pytest

from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer
from geoutils.extract.sentences import dateline

PUB = "2020-01-21"  # published three days after filing


@pytest.fixture(scope="module")
def gz():
    return MemoryGazetteer.demo()


def dates(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.event_date, r.location) for r in g.itertuples()]


@pytest.mark.parametrize("text, span", [
    ("BAGHDAD, Jan 18 (Reuters) - A bomb went off.", "BAGHDAD, Jan 18 (Reuters) -"),
    ("Title line\nERBIL, Iraq, March 3 — Rockets fell.", "ERBIL, Iraq, March 3 —"),
    ("بغداد - 18 كانون الثاني (رويترز) - سقط صاروخ.", "بغداد - 18 كانون الثاني (رويترز) -"),
    ("كركوك (العراق) - سقط صاروخ.", "كركوك (العراق) -"),
])
def test_dateline_span(text, span):
    s, e = dateline(text)
    assert text[s:e] == span


def test_no_dateline_in_an_ordinary_sentence():
    assert dateline("Two rockets hit Kirkuk - police said.") is None
    assert dateline("Car bomb kills 9 shoppers in Baghdad: police") is None


def test_english_weekday_counts_from_the_dateline_date(gz):
    t = "BAGHDAD, Jan 18 (Reuters) - A roadside bomb killed two soldiers in Mosul on Sunday, police said."
    assert dates(t, gz) == [(date(2020, 1, 12), "Mosul")]  # the Sunday before Saturday Jan 18


def test_english_yesterday_and_today_count_from_the_dateline_date(gz):
    t = "ERBIL, Iraq, Jan 18 — Rockets hit Kirkuk yesterday, officials said."
    assert dates(t, gz) == [(date(2020, 1, 17), "Kirkuk")]
    t = "ERBIL, Iraq, Jan 18 — Rockets hit Kirkuk today, officials said."
    assert dates(t, gz) == [(date(2020, 1, 18), "Kirkuk")]


def test_english_dateline_date_alone_is_not_the_event_date(gz):
    t = "BAGHDAD, Jan 18 (Reuters) - A roadside bomb killed two soldiers in Mosul, police said."
    assert dates(t, gz) == [(None, "Mosul")]


def test_arabic_weekday_and_yesterday_count_from_the_dateline_date(gz):
    t = "بغداد - 18 كانون الثاني (رويترز) - قتل جنديان بانفجار عبوة ناسفة في الموصل يوم الأحد."
    assert dates(t, gz) == [(date(2020, 1, 12), "Mosul")]
    t = "بغداد - 18 كانون الثاني (رويترز) - قتل جنديان بانفجار عبوة ناسفة في الموصل أمس."
    assert dates(t, gz) == [(date(2020, 1, 17), "Mosul")]


def test_arabic_dateline_date_alone_is_not_the_event_date(gz):
    t = "بغداد - 18 كانون الثاني (رويترز) - قتل جنديان بانفجار عبوة ناسفة في الموصل."
    assert dates(t, gz) == [(None, "Mosul")]


def test_dateline_story_with_a_follow_up_sentence(gz):
    t = ("BAGHDAD, Jan 18 (Reuters) - A roadside bomb hit an army patrol in Mosul on Sunday. "
         "The blast killed two soldiers, police said. Officials said on Monday that the road was reopened.")
    assert dates(t, gz) == [(date(2020, 1, 12), "Mosul")]
