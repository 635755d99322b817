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
    t = "Wave of blasts kills 20 across Iraq: police\nMilitant group claims Kirkuk bombings"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk"]
    t = "At least 30 dead in Iraq violence: officials\nJihadist group claims wave of Kirkuk attacks"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk"]


def test_a_record_line_whose_town_reads_as_an_event_word(gz):
    assert rows("May 3rd, 2016: Hit, Anbar province, Iraq", gz) == [("Hit", None, 1)]


def test_a_word_misread_as_a_place_abroad_does_not_take_the_event(gz):
    # "Sunni" reads as a hamlet abroad: one place each, the populous Iraqi city wins the tie
    assert [r[0] for r in rows("Gunmen kill Sunni cleric's son in west Mosul", gz)] == ["Mosul"]


def test_a_stack_of_titles_keeps_the_first_titles_finer_place(gz):
    t = "Car bomb kills 14 in busy market of Kirkuk\nIraq car bombs kill at least 20: police"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk"]


def test_a_kill_verb_leads_the_body_under_a_vague_title(gz):
    t = "Dozens of militants killed across Iraq\nTribal fighters reportedly kill 30 militants in Baiji"
    assert [r[0] for r in rows(t, gz)] == ["Baiji"]


def test_nationality_adjectives_do_not_choose_the_storys_country(gz):
    # three "Iranian" adjectives and a word read as an Iranian province do not outweigh Baghdad
    t = ("Rockets near Baghdad airport kill Iranian refugees\nMilitia claims attack on Iranian exiles - Fars\n"
         "Iranian group says 20 killed in attack in Iraq")
    assert [r[0] for r in rows(t, gz)] == ["Baghdad International Airport"]


def test_a_place_of_one_clause_is_not_misread_by_the_unit_of_the_next(gz):
    t = "Bombs across Kirkuk kill at least 9, clashes go on in Anbar - sources"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk", "Al Anbar Governorate"]


def test_each_title_of_a_stack_may_count_attacks(gz):
    t = "Iraq attacks on worshippers kill 11\nTwenty killed in three attacks on worshippers in Kirkuk"
    assert [r[0] for r in rows(t, gz)] == ["Kirkuk"]


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


def test_a_suburb_in_a_record_address(gz):
    assert rows("May 9th, 2015: Garma suburb of Fallujah, Anbar province, Iraq", gz) == [("Al-Garma", None, 2)]


@pytest.mark.parametrize("text, want", [
    ("Bombs kill 9 in Kirkuk, gunmen stage attack near Tikrit",
     [("Kirkuk", "Remote explosive/landmine/IED", 1), ("Tikrīt", "Attack", 2)]),
    ("Troops kill 12 militants in Baiji, repel offensive in Kirkuk",
     [("Baiji", "Attack", 1), ("Kirkuk", "Armed clash", 1)]),
])
def test_a_title_of_two_news_gives_a_row_each(gz, text, want):
    assert rows(text, gz) == want


def test_a_participle_toll_clause_is_no_event_of_its_own(gz):
    assert rows("A bomb exploded in Kirkuk, killing three", gz) == [("Kirkuk", "Remote explosive/landmine/IED", 1)]


def test_a_nationality_adjective_breaks_a_tie_of_countries(gz):
    # one place each: Anbar, and "Sunni" read as a hamlet abroad; "Iraqi" decides
    t = "Iraqi officials say militant attack in Anbar kills 9 soldiers, 4 Sunni fighters"
    assert [r[0] for r in rows(t, gz)] == ["Al Anbar Governorate"]


def test_withdrawals_and_gains(gz):
    assert [r[:2] for r in rows("Army withdrew from Tikrit after heavy losses", gz)] == \
        [("Tikrīt", "Non-violent transfer of territory")]
    assert [r[:2] for r in rows("Iraqi forces make gains in Ramadi", gz)] == [("Ramadi", "Government regains territory")]
