"""Casualty figures: a date's digits are no count, digit groups of thousands are one number,
hedges ("ما لايقل عن", "more than") stand between a cue and its figure. Texts written for
these tests (demo gazetteer)."""
from __future__ import annotations

import pytest

from gazetteer.normalize import tokenize
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer
from geoutils.extract.numbers import casualties, number_at


@pytest.fixture(scope="module")
def gz():
    return MemoryGazetteer.demo()


def test_the_day_before_a_vague_toll_is_not_the_toll(gz):
    t = "Shelling that began in Kirkuk late on Friday, June 4, killed a vendor."
    assert int(extract_incidents(t, "2021-06-06", gazetteer=gz).iloc[0].fatalities) != 4


@pytest.mark.parametrize("text, killed", [
    ("Date 2021-05-18 A mortar round killed nine shepherds near Kirkuk on Tuesday.", 9),
    ("On 2021-05-17, a roadside bomb killed four policemen in Mosul.", 4),
])
def test_date_digits_are_no_count(gz, text, killed):
    assert int(extract_incidents(text, "2021-05-20", gazetteer=gz).iloc[0].fatalities) == killed


@pytest.mark.parametrize("text, value", [
    ("500,000 people", (500000, 2)), ("1,250,000 people", (1250000, 3)), ("12 000 people", (12000, 2)),
    ("12, 000 people", (12, 1)), ("3 4 people", (3, 1)),
    ("5 200 metres", (5, 1)), ("5 200 كم", (5, 1)), ("1234 567 people", (1234, 1)), ("12 0000 people", (12, 1)),
])
def test_digit_groups(text, value):
    assert number_at(tokenize(text), 0) == value


@pytest.mark.parametrize("text, killed", [
    ("أكد المستشفى مقتل ما لايقل عن 45 مقاتلا", 45),
    ("أكد المستشفى مقتل ما لا يقل عن 45 مقاتلا", 45),
    ("أسفر الهجوم عن مقتل أكثر من 20 شخصا", 20),
    ("The attack killed more than 20 people", 20),
    ("The blast killed almost 40 people", 40),
])
def test_hedges_before_the_figure(text, killed):
    assert casualties(tokenize(text)).killed == killed


@pytest.mark.parametrize("text, killed, injured", [
    ("أسفر القصف عن مقتل شابين وامرأة وإصابة ستة أشخاص", 3, 6),
    ("قتل رجل وثلاثة من أحفاده وجرح سبعة حين سقطت قذيفة على منزلهم", 4, 7),
    ("أسفر الانفجار عن مقتل طفلين وامرأة", 3, None),
    ("أسفر الانفجار عن مقتل مدني وجرح اثنين", 1, 2),
])
def test_arabic_lists_of_victims_with_person_nouns(text, killed, injured):
    c = casualties(tokenize(text))
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    ("Gunmen gunned down a shop owner in Basra on Sunday.", 1),
    ("Militants gunned down three farmers near Kirkuk on Sunday.", 3),
    ("A tribal sheikh was gunned down outside his home in Mosul on Sunday.", 1),
])
def test_gunned_down_counts_its_victims(gz, text, killed):
    g = extract_incidents(text, "2021-05-20", gazetteer=gz)
    assert list(g.fatalities) == [killed] and g.iloc[0].sub_event_type == "Attack"


@pytest.mark.parametrize("text, killed", [
    ("The death toll from the market bombing rose from four to 17, medics said.", 17),
    ("ارتفع عدد القتلى في التفجير إلى 17 بعد وفاة جرحى", 17),
    ("Police said four people were killed; medics said 17 were killed.", 4),
])
def test_a_risen_toll_supersedes_the_first_figure(text, killed):
    assert casualties(tokenize(text)).killed == killed


def test_a_later_sentence_with_a_risen_toll_updates_the_row(gz):
    t = ("A car bomb killed four people in a market in Mosul on Monday, police said. "
         "The toll later rose to 17, medics said.")
    g = extract_incidents(t, "2021-05-20", gazetteer=gz)
    assert len(g) == 1 and int(g.iloc[0].fatalities) == 17


@pytest.mark.parametrize("text, killed", [
    ("A roadside bomb killed 3 400 metres from a checkpoint in Mosul on Sunday.", 3),
    ("Floods and fighting displaced 3 400 families near Mosul, and a bomb killed 3 people.", 3),
])
def test_a_length_after_a_figure_is_no_digit_group(gz, text, killed):
    assert int(extract_incidents(text, "2021-05-20", gazetteer=gz).iloc[0].fatalities) == killed
