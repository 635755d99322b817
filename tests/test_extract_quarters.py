"""A district the text names inside a town is one of its quarters: the row goes to the quarter
at geo_precision 1, not to the town ("Baghdad's Karrada"). Arabic attaches "in" to the town
("الكرادة ببغداد"), which makes the town the container as "في بغداد" does. Texts written for this test."""
from __future__ import annotations

import pytest

from geoutils import extract_incidents, geoparse


@pytest.mark.parametrize("text, location", [
    ("A car bomb tore through a market in Baghdad's Karrada district on Thursday, killing six.", "Karrada"),
    ("A car bomb tore through a market in the Kadhimiya district of Baghdad on Thursday, killing six.", "Kadhimiya"),
    ("انفجرت سيارة مفخخة في سوق بمنطقة الكرادة ببغداد مساء الخميس ما أسفر عن مقتل ستة أشخاص.", "Karrada"),
])
def test_a_quarter_of_the_town_is_the_place(gz, text, location):
    g = extract_incidents(text, published="2024-03-08", gazetteer=gz)
    assert list(zip(g["location"], g["geo_precision"])) == [(location, 1)]


def test_near_a_quarter_stays_near(gz):
    g = extract_incidents("Rockets fell near Baghdad's Karrada district on Thursday.", published="2024-03-08",
                          gazetteer=gz)
    assert list(zip(g["location"], g["geo_precision"])) == [("Karrada", 2)]


def test_an_attached_in_makes_the_container(gz):
    g = geoparse("سقطت قذيفة هاون على قرية الصفرة بديالى يوم الجمعة.", published="2024-03-08", gazetteer=gz)
    row = g[g["text"] == "الصفرة"].iloc[0]
    assert "Diyala" in row["reason"]


@pytest.mark.parametrize("text, location", [
    ("انفجرت سيارة مفخخة ببغداد مساء الخميس.", "Baghdad"),        # ب + a name that itself opens with ب
    ("انفجرت عبوة ناسفة ببعقوبة صباح اليوم.", "Baqubah"),
    ("انفجرت عبوة ناسفة في سوق ببغداد صباح اليوم.", "Baghdad"),
])
def test_an_attached_in_before_a_name_opening_with_its_letter(gz, text, location):
    g = extract_incidents(text, published="2024-03-08", gazetteer=gz)
    assert list(g["location"]) == [location]


def test_a_word_read_without_its_first_letter_is_no_place(gz):
    # "بعقوبة" read as ب + عقوبة is "with a punishment": no attached "in" makes it Baqubah
    assert geoparse("حكم عليه بعقوبة السجن خمس سنوات.", published="2024-03-08", gazetteer=gz).empty
