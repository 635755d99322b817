"""Arabic common words that name small or faraway units are not places (texts written for these tests)."""
from __future__ import annotations

from geoutils.geoparse import parse_mentions


def _texts(text, gz):
    return [m.text for m in parse_mentions(text, gazetteer=gz, lang="ar") if m.role == "place"]


def test_article_adjectives_do_not_name_places_without_the_article(gz):
    # "المالي" (financial) is not Mali, "المركزي" (central) not Markazi, "الشمالي" (northern) not a province
    text = "قال محافظ البنك المركزي إن الدعم المالي وصل إلى القطاع الشمالي هذا الأسبوع"
    assert _texts(text, gz) == []


def test_generic_word_with_the_article_and_a_description_is_no_name(gz):
    text = "نقل الجرحى إلى الحي الغربي ثم عادوا إلى القرية المجاورة"
    assert _texts(text, gz) == []


def test_a_subdistrict_named_by_a_common_word_needs_its_context(gz):
    assert _texts("أدى المصلون صلاة الفجر ثم انصرفوا", gz) == []


def test_names_that_carry_the_article_still_work(gz):
    got = _texts("سقطت قذائف على الموصل والرمادي وفي مالي", gz)
    assert "الموصل" in got and "والرمادي" in got and "مالي" in got
