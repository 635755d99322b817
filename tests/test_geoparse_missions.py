"""Embassies and consulates named by a generic word and a nationality (texts written for these tests)."""
from __future__ import annotations

import pytest

from geoutils.geoparse import parse_mentions


def _missions(text, gz):
    return [(m.text, m.place.id if m.place else None, m.kind_hint) for m in parse_mentions(text, gazetteer=gz)
            if m.kind_hint in ("embassy", "consulate") and m.text.lower().find("bagh") < 0 and "بغداد" not in m.text]


@pytest.mark.parametrize("text,surface,kind", [
    ("Two rockets fell near the US embassy on Sunday.", "US embassy", "embassy"),
    ("A drone was shot down over the American embassy compound.", "American embassy", "embassy"),
    ("The Embassy of the United States issued a warning.", "Embassy of the United States", "embassy"),
    ("سقط صاروخان قرب السفارة الأميركية فجر اليوم", "السفارة الأميركية", "embassy"),
    ("هاجم محتجون سفارة الولايات المتحدة", "سفارة الولايات المتحدة", "embassy"),
])
def test_mission_is_a_mention_of_its_kind(gz, text, surface, kind):
    got = _missions(text, gz)
    assert len(got) == 1 and got[0][0] == surface and got[0][2] == kind
    assert got[0][1] is not None and gz.get(got[0][1]).kind == kind


def test_the_articles_city_picks_the_consulate(gz):
    erbil = _missions("Protesters gathered outside the American consulate in Erbil.", gz)
    basra = _missions("تظاهر العشرات أمام القنصلية الأمريكية في البصرة", gz)
    assert erbil[0][1] != basra[0][1]
    assert gz.get(erbil[0][1]).admin1 == "Erbil"


def test_a_mission_the_gazetteer_lacks_is_a_mention_without_a_place(gz):
    got = _missions("Shots were fired at the Turkish embassy.", gz)
    assert got == [("Turkish embassy", None, "embassy")]


def test_us_the_pronoun_and_plain_nationalities_are_no_missions(gz):
    assert _missions("Let us visit the embassy later.", gz) == []
    ms = parse_mentions("Iraqi forces entered Mosul.", gazetteer=gz)
    assert [m.role for m in ms if m.text == "Iraqi"] == ["context"]
