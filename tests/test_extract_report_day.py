"""The report's day and page stamps: a title's story that no sentence dates happened on the
report's day (time_precision 2); a "Date ..." stamp line is the page's, not the event's; a title
line with a "VIDEO:" style prefix is no dateline. Texts written for these tests (demo gazetteer)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer
from geoutils.extract.sentences import body_start, dateline

PUB = "2021-05-10"  # a Monday


@pytest.fixture(scope="module")
def gz():
    return MemoryGazetteer.demo()


def rows(text, gz, pub=PUB):
    g = extract_incidents(text, pub, gazetteer=gz)
    return [(r.location, r.event_date, None if pd.isna(r.time_precision) else int(r.time_precision))
            for r in g.itertuples()]


@pytest.mark.parametrize("text", [
    "Sticky bomb wrecks car in Baghdad\n\nA sticky bomb attached to a taxi went off in Baghdad, wounding "
    "its driver and a passer-by.",
    "عبوة لاصقة تدمر سيارة أجرة في بغداد\n\nانفجرت عبوة لاصقة مثبتة بسيارة أجرة في بغداد "
    "وأصابت سائقها وأحد المارة.",
])
def test_the_titled_story_without_a_day_happened_on_the_report_day(gz, text):
    got = [r for r in rows(text, gz) if r[0] == "Baghdad"]
    assert got == [("Baghdad", date(2021, 5, 10), 2)]


def test_a_body_event_without_a_day_keeps_none_even_under_a_title(gz):
    t = ("Roadside bomb kills two soldiers in Mosul\n\nA roadside bomb killed two soldiers in Mosul on "
         "Saturday, police said. In Basra, gunmen shot dead a lawyer.")
    got = dict((loc, d) for loc, d, _ in rows(t, gz))
    assert got["Mosul"] == date(2021, 5, 8) and got["Basra"] is None


def test_an_untitled_text_gets_no_report_day(gz):
    t = "A sticky bomb attached to a taxi went off in Baghdad, wounding its driver and a passer-by."
    assert rows(t, gz) == [("Baghdad", None, None)]


def test_a_date_stamp_line_is_not_the_event_day(gz):
    t = "Date 2021-05-10 A roadside bomb hit a police patrol in Kirkuk on Saturday, wounding two officers."
    assert rows(t, gz) == [("Kirkuk", date(2021, 5, 8), 1)]
    t = "Date: 2021-05-10\nA roadside bomb hit a police patrol in Kirkuk on Saturday, wounding two officers."
    assert rows(t, gz) == [("Kirkuk", date(2021, 5, 8), 1)]


def test_a_date_word_in_prose_is_no_stamp(gz):
    t = "A roadside bomb hit a police patrol in Kirkuk, on a date the police gave as May 8."
    assert [d for _, d, _ in rows(t, gz)] == [date(2021, 5, 8)]


def test_a_prefixed_title_is_no_dateline():
    t = "WATCH: Militia convoy ambushed on Kirkuk road\n\nKIRKUK, Iraq (Reuters) - Militants ambushed a convoy."
    s, e = dateline(t)
    assert t[s:e] == "KIRKUK, Iraq (Reuters) -"
    t = "WATCH: Militia convoy ambushed on Kirkuk road\n\nMilitants ambushed a convoy west of Kirkuk."
    assert dateline(t) is None and t.index("\n") < body_start(t) <= t.index("Militants ambushed")
    assert dateline("KIRKUK: Gunmen attacked an army post outside the city on Sunday.") is not None


@pytest.mark.parametrize("text", [
    "Ten years ago: the siege of Baghdad's Sadr City\n\nArmy units surrounded the district for weeks "
    "and fought militiamen in Baghdad.",
    "في الذكرى العاشرة لتفجير سوق في بغداد\n\nانفجرت شاحنة مفخخة في سوق شعبي ببغداد.",
    "Two years on: the raid on a Basra warehouse\n\nGunmen stormed a warehouse in Basra and shot a guard.",
    "Six months after the Samarra shrine blast\n\nA car bomb exploded beside a shrine in Samarra.",
    "In memory of the Tuz Khurmatu market attack\n\nA suicide bomber blew himself up in a market in Tuz Khurmatu.",
])
def test_a_title_that_looks_back_gives_no_report_day(gz, text):
    got = rows(text, gz)
    assert got and all(d is None for _, d, _ in got)


def test_a_span_of_time_inside_a_news_title_is_no_look_back():
    from geoutils.extract.report import looks_back
    from geoutils.extract.tokens import Tokens

    t = "Driver jailed for 12 years after Basra car bomb\n\nA court in Basra sentenced the driver."
    assert not looks_back(t, Tokens.of(t))


def test_a_news_title_with_after_still_gives_the_report_day(gz):
    t = ("Curfew in Baghdad after sticky bomb wrecks taxi\n\nA sticky bomb attached to a taxi went off in "
         "Baghdad, wounding its driver.")
    assert ("Baghdad", date(2021, 5, 10), 2) in rows(t, gz)
