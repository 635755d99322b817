"""Regions made of first-level divisions stand at the centre of their divisions' points (kind
``region``, geo_precision 3 in an incident row); a region with no such divisions stays a mention
with no point. Texts written for these tests."""
from __future__ import annotations

from gazetteer.geo import haversine_km
from geoutils import extract_incidents
from geoutils.geoparse import parse_mentions
from geoutils.geoparse.vocab import vocab


def by_text(text, gz):
    return {m.text: m for m in parse_mentions(text, gazetteer=gz, published="2024-03-05")}


def test_a_region_of_divisions_stands_at_their_centre(gz):
    m = by_text("Aid convoys reached Darfur on Sunday after weeks of fighting.", gz)["Darfur"]
    p = m.place
    assert p is not None and p.kind == "region" and p.country_code == "SD"
    states = [q for k, q in vocab().places.items() if k.startswith("state:SD-D")]
    assert len(states) == 5 and m.reason.startswith("region")
    mean = (sum(q.lat for q in states) / 5, sum(q.lon for q in states) / 5)
    assert haversine_km(p.lat, p.lon, *mean) < 1


def test_the_arabic_region_has_the_english_name_and_the_same_point(gz):
    en = by_text("Fighting spread across Darfur.", gz)["Darfur"].place
    ar = by_text("امتد القتال إلى دارفور أمس.", gz)["دارفور"].place
    assert ar is not None and ar.name == "Darfur" and ar.name_ar == "دارفور" and (ar.lat, ar.lon) == (en.lat, en.lon)


def test_both_languages_share_one_region_place(gz):
    en = by_text("Fighting spread across Darfur.", gz)["Darfur"].place
    assert en.name_ar == "دارفور" and en.id == by_text("امتد القتال إلى دارفور أمس.", gz)["دارفور"].place.id


def test_an_incident_in_a_region_is_a_row_at_precision_three(gz):
    ev = extract_incidents("Clashes erupted in Darfur on Monday, killing five people.", published="2024-03-05",
                           gazetteer=gz)
    row = ev.iloc[0]
    assert row["location"] == "Darfur" and row["country"] == "Sudan" and row["geo_precision"] == 3
    assert row["latitude"] == row["latitude"]  # a point, not NaN
