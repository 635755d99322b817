"""A territory or property word counts only when its object is a place (sentences written by
the reviewer and for these tests): a captured person, a seized thing, a regained post, a price
that fell, a fire brought under control, a byline, a flood or a fire give no territory or
property row."""
from __future__ import annotations

from datetime import date

import pytest

from geoutils.extract import extract_incidents

PUB = date(2016, 6, 1)


def subs(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [r.sub_event_type if isinstance(r.sub_event_type, str) else None for r in g.itertuples()]


_NO_PLACE_OBJECT = [
    "Militants captured two soldiers near Baiji on Sunday",
    "Police captured three suspects after the bombing in Hilla",
    "Security forces seized a truck loaded with explosives in Samarra",
    "The governor of Basra regained his post after the court ruling",
    "Prices of oil fell to $40 in Baghdad markets",
    "The army took control of the checkpoint after clashes in Tal Afar",
    "سيطرت القوات الأمنية على حريق",
    "حرر الخبر مراسلنا في الموصل",
    "جرفت السيول عددا من المنازل في قضاء سنجار",
    "أحرقت النيران عددا من المحال",
]
_TERRITORY_OR_PROPERTY = {"Government regains territory", "Non-state actor overtakes territory",
                          "Non-violent transfer of territory", "Looting/property destruction"}


@pytest.mark.parametrize("text", _NO_PLACE_OBJECT)
def test_a_person_or_thing_as_object_gives_no_territory_or_property_row(gz, text):
    assert not set(subs(text, gz)) & _TERRITORY_OR_PROPERTY


def test_other_event_words_of_the_sentence_still_count(gz):
    assert subs("Police captured three suspects after the bombing in Hilla", gz) == ["Remote explosive/landmine/IED"]
    assert subs("The army took control of the checkpoint after clashes in Tal Afar", gz) == ["Armed clash"]


def test_a_situation_brought_under_control_adds_no_row_to_a_paragraph(gz):
    t = "انفجرت سيارة مفخخة في سوق بمدينة كركوك صباح الاثنين. وسيطرت القوات الأمنية على الوضع بعد ساعة."
    assert subs(t, gz) == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text, sub", [
    ("Gunmen overran Tuz Khurmatu before dawn", "Non-state actor overtakes territory"),
    ("The town of Sharqat fell to the militants overnight", "Non-state actor overtakes territory"),
    ("Insurgents set fire to the market in Baqubah", "Looting/property destruction"),
    ("استعادت القوات العراقية السيطرة على ناحية العلم", "Government regains territory"),
])
def test_a_place_as_object_still_gives_the_row(gz, text, sub):
    assert subs(text, gz) == [sub]
