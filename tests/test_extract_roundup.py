"""A round-up of the day's violence (texts written for these tests): an undated event with a toll
of its own, elsewhere in the country, shares the story's day (approximate); an event told without
a toll of its own keeps none."""
from __future__ import annotations

from datetime import date

from geoutils.extract import extract_incidents

PUB = date(2015, 3, 10)
LEAD = "BAGHDAD - A roadside bomb killed two soldiers on Monday in Tikrit, officials said.\n"


def by_place(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return {r.location: (r.event_date, int(r.time_precision) if r.event_date else None) for r in g.itertuples()}


def test_an_undated_event_with_its_own_toll_takes_the_round_ups_day(gz):
    t = LEAD + "Medics said four shoppers died when a suicide bomber struck a crowded market in Baqubah."
    got = by_place(t, gz)
    assert got["Tikrīt"] == (date(2015, 3, 9), 1) and got["Baqubah"] == (date(2015, 3, 9), 2)


def test_an_event_told_without_a_toll_of_its_own_keeps_no_day(gz):
    t = LEAD + "The town of Baqubah has been hit by suicide bombers before."
    got = by_place(t, gz)
    assert got.get("Baqubah", (None, None))[0] is None
