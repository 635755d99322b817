"""Issue 8/9: GeoNames places outside Iraq and Syria carry their province (``admin1``), named by
the countries-states-cities database, so that a province named as a container works worldwide;
a province whose namesake town is not its largest is read as the province; curated towns of
Kurdistan and Syria (sourced coordinates)."""
from __future__ import annotations

from geoutils import geoparse
from gazetteer.sources.admin1 import fill_admin1


def _rec(name: str, code: str, lat: float, lon: float, cc: str = "CA") -> dict:
    return {"name": name, "country_code": cc, "admin1_code": code, "admin1": None, "lat": lat, "lon": lon}


def test_a_code_is_named_by_the_province_its_towns_lie_in():
    recs = [_rec("Toronto", "08", 43.70643, -79.39864), _rec("Ottawa", "08", 45.41117, -75.69812),
            _rec("Nowhere Creek", "08", 44.0, -80.0),  # no database town: named by its code's vote
            _rec("Montreal", "10", 45.50884, -73.58781)]
    assert fill_admin1(recs) == 4
    assert [r["admin1"] for r in recs] == ["Ontario", "Ontario", "Ontario", "Quebec"]


def test_a_name_already_set_or_without_a_code_is_left_alone():
    recs = [{**_rec("Toronto", "08", 43.70643, -79.39864), "admin1": "Kept"},
            {**_rec("Toronto", None, 43.70643, -79.39864)},
            _rec("Atlantis", "99", 0.0, 0.0, cc="ZZ")]  # a country the database lacks
    assert fill_admin1(recs) == 0
    assert [r["admin1"] for r in recs] == ["Kept", None, None]


def test_resolve_reports_the_province_of_a_town_abroad(gz):
    assert gz.resolve("Toronto").admin1 == "Ontario"
    assert gz.resolve("Munich").admin1 == "Bavaria"


def test_a_province_as_container_outside_the_region(gz):
    text = "A software maker from Toronto, Ontario, Canada, opened a second office in Dublin this spring."
    g = geoparse(text, gazetteer=gz)
    row = g[g.text == "Toronto"].iloc[0]
    assert row.country_code == "CA" and row.admin1 == "Ontario"


def test_a_province_named_like_its_second_city_is_the_province(gz):
    # Quebec City is second to Montreal: the bare name is the province; Kirkuk, New York and
    # Damascus are their division's largest towns, and the bare name stays the town
    assert gz.resolve("Quebec").kind == "province"
    assert gz.resolve("Kirkuk").kind in ("place", "town")
    assert gz.resolve("New York").kind in ("place", "town")
    assert gz.resolve("Damascus").kind in ("place", "town")
    text = "Ministers from Quebec met health officials in Montreal on Tuesday to talk about hospital funding."
    g = geoparse(text, gazetteer=gz)
    assert g[g.text == "Quebec"].iloc[0].kind == "province"


def test_curated_towns_with_sourced_points(gz):
    koya = gz.resolve("Koya", country="IQ")
    assert koya.country_code == "IQ" and koya.admin1 == "Erbil"
    assert gz.resolve("كويسنجق").id == koya.id
    assert gz.resolve("Sayyida Zaynab").country_code == "SY"
    assert gz.resolve("Sheikh Maqsoud").admin1 == "Aleppo"
    g = geoparse("Shells fell on the Sheikh Maqsoud district of Aleppo and near Sayyida Zaynab.", gazetteer=gz)
    assert set(g.dropna(subset=["place_id"]).country_code) == {"SY"}
