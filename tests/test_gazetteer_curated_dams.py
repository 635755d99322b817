"""Issue 8: Iraq's dams and barrages that reports name (a barrage taken, gates closed, a strike near a
dam), each at its cited point and in both scripts; the town beside a barrage keeps its own name."""
from __future__ import annotations

import pytest

from gazetteer.geo import haversine_km
from geoutils.geoparse import parse_mentions

# the cited points of gazetteer/data/curated_sites_more.csv (Wikipedia infobox coordinates)
DAMS = {
    "Samarra Barrage": ("سدة سامراء", 34.19583, 43.85056),
    "Fallujah Barrage": ("سدة الفلوجة", 33.30861, 43.77250),
    "Ramadi Barrage": ("سدة الرمادي", 33.43444, 43.26528),
    "Kut Barrage": ("سدة الكوت", 32.49889, 45.81778),
    "Hemrin Dam": ("سد حمرين", 34.11444, 44.96778),
    "Darbandikhan Dam": ("سد دربندخان", 35.11278, 45.70639),
    "Badush Dam": ("سد بادوش", 36.46667, 42.96639),
}


@pytest.mark.parametrize("name", sorted(DAMS))
def test_a_dam_resolves_at_its_cited_point_in_both_scripts(gz, name):
    ar, lat, lon = DAMS[name]
    for n in (name, ar):
        p = gz.resolve(n, country="IQ")
        assert p is not None and p.kind == "dam" and haversine_km(lat, lon, p.lat, p.lon) < 1, (n, p)


@pytest.mark.parametrize("town", ["Samarra", "Fallujah", "Ramadi"])
def test_the_town_beside_a_barrage_is_still_the_town(gz, town):
    p = gz.resolve(town, country="IQ")
    assert p is not None and p.kind != "dam", p


@pytest.mark.parametrize("text, surface", [
    ("Militants closed the gates of the Fallujah Barrage on Friday, flooding fields upstream.", "Fallujah"),
    ("أغلق مسلحون بوابات سدة الفلوجة يوم الجمعة", "الفلوجة"),
])
def test_geoparse_reads_the_barrage_in_running_text(gz, text, surface):
    m = next(m for m in parse_mentions(text, gazetteer=gz) if m.text.startswith(surface) or surface in m.text)
    assert m.place is not None and m.place.kind == "dam", m.place
