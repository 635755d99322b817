"""A generic word names the kind of the name it stands with, not of a name across a comma:
in "Islah village, Diyala province" the village is Islah and the province Diyala. Texts
written for this test."""
from __future__ import annotations

import pytest

from geoutils import geoparse


@pytest.mark.parametrize("text", [
    "Militants fired mortar rounds at Sheikh Tamim village, Diyala province, on Friday.",
    "Rockets landed near Baghdad airport, Diyala and Kirkuk overnight.",
    "A roadside bomb hit a patrol in Zarga area, Diyala province.",
])
def test_a_word_before_a_comma_asks_nothing_of_the_next_name(gz, text):
    g = geoparse(text, published="2024-03-03", gazetteer=gz)
    row = g[g["text"] == "Diyala"].iloc[0]
    assert row["kind"] == "governorate" and row["admin1"] == "Diyala", row.to_dict()


def test_the_word_right_after_still_asks(gz):
    g = geoparse("Shells fell on Diyala province and on Baghdad airport.", published="2024-03-03", gazetteer=gz)
    kinds = dict(zip(g["text"], g["kind"]))
    assert kinds["Diyala"] == "governorate" and kinds["Baghdad"] == "airport", kinds


@pytest.mark.parametrize("text, kind", [
    ("Gunmen stormed Kabashi village in Diyala on Monday.", "governorate"),
    ("Shells hit the province of Diyala on Monday.", "governorate"),
])
def test_a_word_two_chunks_away_asks_only_through_a_bridge(gz, text, kind):
    g = geoparse(text, published="2024-03-03", gazetteer=gz)
    assert g[g["text"] == "Diyala"].iloc[0]["kind"] == kind


def test_a_kindless_generic_word_bridges(gz):
    g = geoparse("Drones struck Harir air base on Monday.", published="2024-03-03", gazetteer=gz)
    assert g[g["text"] == "Harir"].iloc[0]["kind"] == "base"


def test_a_village_whose_only_namesakes_are_abroad_is_a_mention_with_no_point(gz):
    # "Zuwayrat" spells Zouérat (Mauritania) in GeoNames; "village" says it is a place, one the
    # gazetteer lacks: the mention stays, with no point, and its container is named
    text = "Militants shelled Zuwayrat village, Diyala province, at dawn."
    g = geoparse(text, published="2024-03-03", gazetteer=gz)
    row = g[g["text"] == "Zuwayrat"].iloc[0]
    assert row["place_id"] is None or row["place_id"] != row["place_id"]  # None or NaN
    assert "Diyala" in row["reason"]
    from geoutils import extract_incidents

    ev = extract_incidents(text, published="2024-03-03", gazetteer=gz)
    assert ev.iloc[0]["admin1"] == "Diyala" and ev.iloc[0]["geo_precision"] >= 2
    assert "Zuwayrat" in ev.iloc[0]["notes"]


def test_a_container_phrase_may_hold_the_article(gz):
    g = geoparse("Gunmen stormed Zuwayrat village in the Khalis district on Saturday.", published="2024-03-03",
                 gazetteer=gz)
    assert "Khalis" in g[g["text"] == "Zuwayrat"].iloc[0]["reason"]
