"""GeoNames places get their Arabic name in Arabic letters, and Arabic text reaches the city, not its governorate."""
from __future__ import annotations

import pytest

from gazetteer.normalize import is_arabic


@pytest.mark.parametrize("pid, want", [("gn:98182", "بغداد"), ("gn:170654", "دمشق"), ("gn:99072", "الموصل"),
                                       ("gn:2643743", "لندن"), ("gn:360630", "القاهرة")])
def test_geonames_cities_carry_their_common_arabic_name(gz, pid, want):
    assert gz.get(pid).name_ar == want


def test_no_geonames_arabic_name_mixes_in_latin_letters(gz):
    gdf = gz.to_geodataframe(kinds=["place"])
    bad = [n for n in gdf["name_ar"].dropna() if is_arabic(n) and any("a" <= ch.lower() <= "z" for ch in n)]
    assert len(bad) < 0.01 * max(1, gdf["name_ar"].notna().sum()), bad[:10]


@pytest.mark.parametrize("text, want", [
    ("قتل ثلاثة أشخاص بانفجار سيارة مفخخة في بغداد يوم الخميس.", "gn:98182"),
    ("انفجرت عبوة ناسفة جنوب دمشق صباح اليوم.", "gn:170654"),
    ("سقط صاروخان على حي سكني في الموصل.", "gn:99072"),
])
def test_an_arabic_city_name_is_the_city_not_its_unit(gz, text, want):
    from geoutils.geoparse import parse_mentions

    got = [m.place.id for m in parse_mentions(text, gazetteer=gz) if m.place is not None and m.role == "place"]
    assert want in got
