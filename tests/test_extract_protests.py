"""Demonstrations told over several sentences: "the protesters" refers back to the riot or clash
of the story; police fire on a crowd is ACLED's "Excessive force against protesters", gunmen's
is an attack; "exchange fire" is a clash. Texts written for these tests (demo gazetteer)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer

PUB = "2021-05-10"  # a Monday


@pytest.fixture(scope="module")
def gz():
    return MemoryGazetteer.demo()


def rows(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.location, r.event_date, r.sub_event_type) for r in g.itertuples()]


@pytest.mark.parametrize("text", [
    "Riot police and protesters fought in the streets of Baghdad on Sunday. "
    "A health official put the number of the protesters treated for injuries in Baghdad at 25.",
    "اندلعت مواجهات بين متظاهرين وقوات مكافحة الشغب وسط بغداد يوم الأحد. "
    "وذكر مسؤول صحي أن 25 من المتظاهرين عولجوا من إصابات في بغداد.",
])
def test_the_protesters_refer_back_to_the_riot(gz, text):
    got = rows(text, gz)
    assert got == [("Baghdad", date(2021, 5, 9), "Violent demonstration")]


def test_an_indefinite_protest_elsewhere_in_time_stays_its_own(gz):
    t = ("Riot police and protesters fought in the streets of Baghdad on Sunday. "
         "Last month, protesters rallied in Mosul to demand jobs.")
    got = rows(t, gz)
    assert ("Baghdad", date(2021, 5, 9), "Violent demonstration") in got and len(got) == 2


@pytest.mark.parametrize("text", [
    "Police opened fire on protesters in Basra on Sunday, killing two of them.",
    "أطلقت الشرطة الرصاص الحي على المتظاهرين في البصرة يوم الأحد ما أدى إلى مقتل اثنين منهم.",
])
def test_police_fire_on_a_crowd_is_excessive_force(gz, text):
    assert rows(text, gz) == [("Basra", date(2021, 5, 9), "Excessive force against protesters")]


def test_gunmen_firing_on_protesters_is_an_attack(gz):
    t = "Unidentified gunmen opened fire on protesters in Basra on Sunday, killing two of them."
    assert rows(t, gz) == [("Basra", date(2021, 5, 9), "Attack")]


@pytest.mark.parametrize("text", [
    "Gunmen exchange fire with soldiers near Kirkuk",
    "مسلحون يتبادلون إطلاق النار مع الجيش قرب كركوك",
])
def test_exchange_fire_is_a_clash(gz, text):
    assert [s for _, _, s in rows(text, gz)] == ["Armed clash"]


def test_police_named_after_the_shooting_do_not_make_it_theirs(gz):
    t = "Unidentified gunmen opened fire on protesters in Basra on Sunday before police arrived."
    assert [s for _, _, s in rows(t, gz)] == ["Attack"]


@pytest.mark.parametrize("text", [
    "Police said masked gunmen fired on a sit-in of protesters in Mosul on Saturday, killing three.",
    "Security forces said unknown attackers opened fire on demonstrators in Mosul on Saturday.",
    "ذكرت الشرطة أن مسلحين ملثمين أطلقوا النار على المتظاهرين في الموصل يوم السبت ما أدى إلى مقتل ثلاثة.",
])
def test_a_state_force_that_only_speaks_is_not_the_shooter(gz, text):
    assert [s for _, _, s in rows(text, gz)] == ["Attack"]


@pytest.mark.parametrize("text", [
    "Witnesses said police fired on a sit-in of protesters in Mosul on Saturday, killing three.",
    "ذكر شهود أن الشرطة أطلقت الرصاص الحي على المتظاهرين في الموصل يوم السبت ما أدى إلى مقتل ثلاثة.",
])
def test_a_state_force_others_report_firing_is_the_shooter(gz, text):
    assert [s for _, _, s in rows(text, gz)] == ["Excessive force against protesters"]
