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
    "Protesters clashed with riot police in Basra on Sunday, medics said. "
    "Hospital sources said 40 of the protesters were hurt in Basra.",
    "اشتبك متظاهرون مع قوات مكافحة الشغب في البصرة يوم الأحد، بحسب مسعفين. "
    "وقالت مصادر طبية إن 40 من المتظاهرين أصيبوا بجروح في البصرة.",
])
def test_the_protesters_refer_back_to_the_riot(gz, text):
    got = rows(text, gz)
    assert got == [("Basra", date(2021, 5, 9), "Violent demonstration")]


def test_an_indefinite_protest_elsewhere_in_time_stays_its_own(gz):
    t = ("Protesters clashed with riot police in Basra on Sunday, medics said. "
         "Last month, protesters rallied in Mosul to demand jobs.")
    got = rows(t, gz)
    assert ("Basra", date(2021, 5, 9), "Violent demonstration") in got and len(got) == 2


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
