"""Issue 8, third pass: curated rows added with a cited coordinate, and aliases added to an
existing row where a cited text names the same site (never a guessed point)."""
from __future__ import annotations

import pytest

from gazetteer.geo import haversine_km


@pytest.mark.parametrize("name,cc,lat,lon,kind", [
    ("Saqlawiyah", "IQ", 33.396, 43.683, "town"), ("الصقلاوية", "IQ", 33.396, 43.683, "town"),
    ("Saqlawiya town", "IQ", 33.396, 43.683, "town"),
    ("Yathrib town", "IQ", 33.996, 44.350, "town"), ("بلدة يثرب", "IQ", 33.996, 44.350, "town"),
    ("Kharab al-Jir", "SY", 36.898, 41.998, "base"), ("قاعدة خراب الجير", "SY", 36.898, 41.998, "base"),
])
def test_curated_rows_of_this_pass_resolve_at_their_cited_point(gz, name, cc, lat, lon, kind):
    p = gz.resolve(name, country=cc)  # "Yathrib" alone is Medina's old name: the Saudi city
    assert p is not None and p.id.startswith("cur:") and p.country_code == cc and p.kind == kind, (name, p)
    assert haversine_km(lat, lon, p.lat, p.lon) < 1, (name, p)
    assert "Wikipedia" in p.source


def test_an_aliased_site_keeps_one_place_and_cites_why():
    import csv

    from gazetteer.sources.curated import csv_files

    rows = [r for f in csv_files() for r in csv.DictReader(f.open(encoding="utf-8", newline=""))]
    hits = [r for r in rows if "Kharab al-Jir" in r["aliases_en"].split("|")]
    assert len(hits) == 1 and "Kharab al-Jir" in hits[0]["source"], hits
