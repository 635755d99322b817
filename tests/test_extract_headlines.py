"""Headlines and one-line briefs as a user pastes them (texts written for these tests, in the
style of wire headlines and coded-event notes): territory, property and clash words, counts of
attacks in a title, joined headlines, record lines whose town reads as an event word, and a
word misread as a place abroad."""
from __future__ import annotations

from datetime import date

import pytest

from geoutils.extract import extract_incidents

PUB = date(2016, 6, 1)


def rows(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.location, r.sub_event_type if isinstance(r.sub_event_type, str) else None, int(r.geo_precision))
            for r in g.itertuples() if r.geometry is not None]


@pytest.mark.parametrize("text, sub", [
    ("Iraqi troops retake Hit from Islamic State militants", "Government regains territory"),
    ("Army recaptures Hit after week-long battle", "Government regains territory"),
    ("Militants seize Hit in western Iraq", "Non-state actor overtakes territory"),
    ("Town of Hit falls to Islamic State fighters", "Non-state actor overtakes territory"),
    ("Islamic State fighters took over Hit on Tuesday", "Non-state actor overtakes territory"),
])
def test_territory_words_give_acled_territory_rows(gz, text, sub):
    assert rows(text, gz) == [("Hit", sub, 1)]


def test_who_takes_the_ground_decides_the_territory_sub_event(gz):
    # "seize" names an overtaking; a state force seizing a town regains it
    assert rows("Iraqi forces seize Hit from militants", gz) == [("Hit", "Government regains territory", 1)]


def test_property_destruction_and_repelled_attacks(gz):
    assert rows("Militants torch police station in Tikrit", gz) == [("Tikrīt", "Looting/property destruction", 1)]
    assert rows("Peshmerga repel militant assault on Makhmur", gz) == [("Makhmur", "Armed clash", 1)]
    assert rows("Kurdish fighters fire into militant-held Sinjar", gz)[0][1] == "Attack"


def test_a_count_of_attacks_in_a_title_is_the_news(gz):
    assert rows("Police: two suicide attacks kill 9 soldiers near Ramadi", gz) == [("Ramadi", "Suicide bomb", 2)]
    # ... but a count over a span of time is a statistic, title or not
    assert rows("Ramadi has seen 30 suicide attacks in the past months", gz) == []


def test_a_second_headline_places_the_first_ones_story(gz):
    t = "Seventeen dead as explosions rock Iraqi cities, police say\nInsurgents claim responsibility for Tikrit car bombs"
    assert [r[0] for r in rows(t, gz)] == ["Tikrīt"]
    t = "Iraq: explosions leave dozens dead, officials say\nExtremist faction says it carried out the Tikrit blasts"
    assert [r[0] for r in rows(t, gz)] == ["Tikrīt"]


def test_a_record_line_whose_town_reads_as_an_event_word(gz):
    assert rows("November 20th, 2015: Hit, Iraq", gz) == [("Hit", None, 1)]


def test_a_stack_of_titles_keeps_the_first_titles_finer_place(gz):
    t = "Two blasts at a Kirkuk bus station leave 8 dead\nDeath toll from Iraq bombings climbs to 15, say medics"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk"]


def test_a_kill_verb_leads_the_body_under_a_vague_title(gz):
    t = "Scores of insurgents reported dead in Iraq fighting\nClan militias say they shot dead 25 jihadists near Baiji"
    assert [r[0] for r in rows(t, gz)] == ["Baiji"]


def test_a_place_of_one_clause_is_not_misread_by_the_unit_of_the_next(gz):
    t = "Explosions across Kirkuk leave 6 dead; clashes rage in Anbar"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk", "Al Anbar Governorate"]


def test_each_title_of_a_stack_may_count_attacks(gz):
    t = "Attacks on Shiite pilgrims leave 13 dead in Iraq\nTwo attacks on pilgrims in Samarra kill 8, police say"
    assert [r[0] for r in rows(t, gz)] == ["Samarra"]


def test_mass_graves_and_advances(gz):
    assert rows("Police find mass grave in Tikrit holding 30 victims", gz) == [("Tikrīt", "Other", 1)]
    assert rows("Tribal fighters advancing towards Ramadi", gz) == [("Ramadi", "Armed clash", 1)]


@pytest.mark.parametrize("text, want", [
    ("سيطر مسلحو داعش على مدينة الرمادي", ("Ramadi", "Non-state actor overtakes territory")),
    ("حررت القوات الأمنية حي الضباط في الموصل", ("Mosul", "Government regains territory")),
    ("أحرق مسلحون مبنى البلدية في الموصل", ("Mosul", "Looting/property destruction")),
    ("عثرت الشرطة على مقبرة جماعية في مدينة الرمادي", ("Ramadi", "Other")),
])
def test_arabic_territory_property_and_grave_words(gz, text, want):
    assert [r[:2] for r in rows(text, gz)] == [want]


def test_seized_weapons_and_petrol_bombs_are_not_territory_or_ieds(gz):
    assert rows("Police seized weapons in a raid in Kirkuk", gz) == [("Kirkuk", "Disrupted weapons use", 1)]
    assert rows("Protesters threw petrol bombs at the governor's office in Basra", gz)[0][1] == "Violent demonstration"


def test_coordinated_places_of_a_record_line_give_one_row_each(gz):
    got = extract_incidents("May 9th, 2015: Qayyarah and Baiji, Iraq", PUB, gazetteer=gz)
    assert list(got.location) == ["Qayyarah", "Baiji"] and set(got.event_date) == {date(2015, 5, 9)}
    # "or" gives alternatives of one uncertain place: the first only
    assert list(extract_incidents("May 9th, 2015: Qayyarah or Shirqat, Iraq", PUB, gazetteer=gz).location) == ["Qayyarah"]


@pytest.mark.parametrize("text, want", [
    ("Army shoots dead 7 insurgents in Haditha, repels dawn assault on Ramadi",
     [("Haditha", "Attack", 1), ("Ramadi", "Armed clash", 1)]),
])
def test_a_title_of_two_news_gives_a_row_each(gz, text, want):
    assert rows(text, gz) == want


def test_a_participle_toll_clause_is_no_event_of_its_own(gz):
    assert rows("A bomb exploded in Kirkuk, killing three", gz) == [("Kirkuk", "Remote explosive/landmine/IED", 1)]


def test_withdrawals_and_gains(gz):
    assert [r[:2] for r in rows("Soldiers withdraw from Tikrit under heavy fire", gz)] == \
        [("Tikrīt", "Non-violent transfer of territory")]
    assert [r[:2] for r in rows("Security forces make gains against militants in Ramadi", gz)] == [("Ramadi", "Government regains territory")]


def test_a_suburb_in_a_record_address(gz):
    # "suburb of" is an address word: the line stays a record line, the first place is the event's
    assert rows("April 4th, 2014: Zubair suburb of Basra, Iraq", gz) == [("Az Zubayr", None, 1)]


@pytest.mark.parametrize("text, place", [
    ("Ramadi takes the worst as Iraq bombings kill 31", "Ramadi"),
    ("Ramadi governor killed in northern Iraq", "Ramadi"),
    ("Tribal chief from Baiji killed in Iraq", "Baiji"),
])
def test_a_title_placed_at_its_country_goes_to_the_one_finer_place_it_names(gz, text, place):
    assert rows(text, gz) == [(place, rows(text, gz)[0][1], 2)]


def test_a_country_title_stays_with_the_country_when_it_names_no_finer_place_of_it(gz):
    from gazetteer import Place
    from geoutils.extract.headlines import finer_than_country
    from geoutils.extract.places import Cand

    iraq = Place("c", "Iraq", "", 33.0, 44.0, "country", "IQ", "", 0, "t")
    amman = Place("a", "Amman", "", 31.95, 35.93, "place", "JO", "Amman", 0, "t")
    ramadi = Place("r", "Ramadi", "", 33.42, 43.3, "place", "IQ", "Anbar", 0, "t")
    assert not finer_than_country([Cand(iraq, 3, 0)], Cand(amman, 2, 20))    # another country's town
    assert not finer_than_country([Cand(ramadi, 1, 0)], Cand(ramadi, 2, 20))  # already finer than a country
    assert rows("Bombings kill 31 across Iraq", gz) == []   # no finer place: a country row, no point


@pytest.mark.parametrize("text, sub", [
    ("Booby-traps slow army push into Ramadi", "Remote explosive/landmine/IED"),
    ("Police find booby-trapped bags in Ramadi", "Remote explosive/landmine/IED"),
    ("Troops defused booby traps in Ramadi", "Disrupted weapons use"),
])
def test_booby_traps_are_explosive_devices(gz, text, sub):
    assert rows(text, gz) == [("Ramadi", sub, 1)]
