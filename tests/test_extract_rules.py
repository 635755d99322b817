"""One rule per short article (tests/articles/, written for these tests), with the in-memory
demo gazetteer so the rules are tested independently of the full gazetteer."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer
from geoutils.schema import COLUMNS

ARTICLES = Path(__file__).parent / "articles"
PUB = "2020-02-14"


@pytest.fixture(scope="module")
def gz():
    return MemoryGazetteer.demo()


def run(name, gz):
    return extract_incidents((ARTICLES / name).read_text(encoding="utf-8"), PUB, gazetteer=gz)


def one(name, gz):
    g = run(name, gz)
    assert len(g) == 1, g[["sub_event_type", "location"]]
    return g.iloc[0]


def test_columns_and_crs(gz):
    g = run("en_weekday_katyusha.txt", gz)
    assert list(g.columns) == COLUMNS
    assert g.crs.to_epsg() == 4326


def test_english_weekday_is_last_such_day(gz):
    r = one("en_weekday_katyusha.txt", gz)
    assert r.event_date == date(2020, 2, 13) and r.time_precision == 1
    assert r.weapon == "Katyusha rocket" and r.location == "K-1 Air Base" and r.fatalities == 0


def test_arabic_ordinal_dual_month_and_near(gz):
    r = one("ar_ordinal_dual_month_near.txt", gz)
    assert r.event_date == date(2020, 2, 11)
    assert r.sub_event_type == "Air/drone strike" and r.weapon == "drone"
    assert r.geo_precision == 2 and r.fatalities == 3


def test_interception_is_disrupted_weapons_use(gz):
    r = one("en_intercept.txt", gz)
    assert r.event_type == "Strategic developments" and r.sub_event_type == "Disrupted weapons use"
    assert r.location == "Erbil International Airport"


def test_capitals_as_actors_give_no_rows(gz):
    assert len(run("en_context_capitals.txt", gz)) == 0


def test_arabic_number_words_and_yesterday(gz):
    r = one("ar_number_words.txt", gz)
    assert (r.fatalities, r.injuries) == (25, 10)
    assert r.event_date == date(2020, 2, 13) and r.location == "Mosul"
    assert r.sub_event_type == "Remote explosive/landmine/IED"


def test_list_count_and_last_month(gz):
    r = one("en_list_count_month.txt", gz)
    assert r.fatalities == 3
    assert r.time_precision == 3 and r.event_date == date(2020, 1, 1)


def test_relative_location_precision_two(gz):
    r = one("ar_relative_near.txt", gz)
    assert r.location == "Kirkuk" and r.geo_precision == 2 and r.weapon == "mortar"
    assert r.event_date == date(2020, 2, 9)


def test_unknown_place_and_day_stay_unknown(gz):
    r = one("en_no_place_no_date.txt", gz)
    assert r.event_date is None and pd.isna(r.latitude) and r.geometry is None
    assert r.sub_event_type == "Abduction/forced disappearance"


def test_aggregate_summary_is_not_an_incident(gz):
    assert len(run("en_aggregate.txt", gz)) == 0


def test_month_after_publication_means_previous_year(gz):
    assert one("ar_previous_year.txt", gz).event_date == date(2019, 12, 30)


def test_arabic_indic_digits_and_governorate_precision(gz):
    r = one("ar_indic_digits_governorate.txt", gz)
    assert r.event_date == date(2020, 1, 23) and r.geo_precision == 3


def test_clock_time(gz):
    r = one("en_time.txt", gz)
    assert r.event_time == "20:45" and r.event_date == date(2020, 1, 5)


def test_protest(gz):
    r = one("en_protest.txt", gz)
    assert r.event_type == "Protests" and r.event_date == date(2020, 2, 14)


def test_dawn_and_anaphora_no_casualties(gz):
    r = one("ar_dawn_anaphora.txt", gz)
    assert r.event_date == date(2020, 2, 12) and "dawn" in r.notes
    assert (r.fatalities, r.injuries) == (0, 0)


@pytest.mark.parametrize("bad", ["2020-13-01", "yesterday", "14/02/2020"])
def test_bad_published_names_value(gz, bad):
    with pytest.raises(ValueError, match=bad.replace("/", ".")):
        extract_incidents("A rocket hit Kirkuk.", bad, gazetteer=gz)


def test_empty_text_gives_empty_table(gz):
    g = extract_incidents("   ", PUB, gazetteer=gz)
    assert len(g) == 0 and list(g.columns) == COLUMNS
