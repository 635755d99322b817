"""The toponym scanner: spans, the letter+number join tokenize makes, generic-word kinds,
and the fast record path of schema.coerce used by extraction."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from gazetteer.normalize import GENERIC_WORDS, normalize
from geoutils import extract_incidents
from geoutils.geoparse import scanner as toponyms
from geoutils.extract.memory import MemoryGazetteer
from geoutils.geoparse.scanner import Scanner, word_starts as _word_starts
from geoutils.schema import coerce, empty_incidents

PUB = "2020-02-14"


@pytest.fixture(scope="module")
def sc():
    return Scanner([("k1", "p:k1"), ("كركوك", "p:kirkuk"), ("عين اسد", "p:asad"), ("baghdad", "p:bgw")])


def spans(sc, text):
    return [(text[h.start:h.end], h.key) for h in sc.scan(text)]


@pytest.mark.parametrize("written", ["K-1", "K1", "K 1", "K - 1", "K\n1", "K  1", "k 1"])
def test_letter_and_number_are_one_token_however_written(sc, written):
    # tokenize joins a single letter with the number after it, across whitespace too
    assert normalize(written) == "k1"
    text = f"Rockets hit {written} air base."
    assert spans(Scanner([("k1", "p:k1")], latin_capitalised=False), text) == [(written, "k1")]


def test_letter_number_join_keeps_offsets_of_what_follows(sc):
    text = "(K 1) then Baghdad, then K - 1 and كركوك"
    assert spans(sc, text) == [("K 1", "k1"), ("Baghdad", "baghdad"), ("K - 1", "k1"), ("كركوك", "كركوك")]


def test_english_a_and_i_are_not_joined_with_a_number():
    sc = Scanner([("a10", "icao:AA10"), ("i5", "p:i5"), ("k9", "p:k9")])
    assert spans(sc, "A 10-year-old boy and I 5 were hurt near K 9.") == [("K 9", "k9")]
    assert spans(sc, "A10 and I5") == [("A10", "a10"), ("I5", "i5")]


def test_single_letters_not_followed_by_a_number_are_left_alone(sc):
    text = "A rocket hit Baghdad, a K unit, and K. Then كركوك"
    assert spans(sc, text) == [("Baghdad", "baghdad"), ("كركوك", "كركوك")]


def test_kind_from_shared_generic_words_dual_and_plural(sc):
    # dual/plural forms come from gazetteer.normalize.GENERIC_WORDS, not a local list
    assert not hasattr(toponyms, "_EXTRA_KIND")
    for w in ("قاعدتي", "قاعدتين", "قواعد", "bases", "airbases", "airports"):
        assert GENERIC_WORDS[w] in ("base", "airport")
    assert [h.kind for h in sc.scan("على قاعدتي عين الأسد")] == ["base"]
    assert [h.kind for h in sc.scan("two airports: Baghdad")] == ["airport"]
    assert [h.kind for h in sc.scan("Baghdad airports")] == ["airport"]


def test_word_starts_match_str_split():
    for text in [" ab  c\u3042d", "a\u3000b", "x\u200bz y", "\u4e2d\u6587 text", "  ", "", "a\u00a0b\u2028c"]:
        starts = _word_starts(text)
        assert [text[s:s + len(w)] for s, w in zip(starts, text.split())] == text.split()
        assert len(starts) == len(text.split())


def test_k_1_with_a_space_end_to_end():
    gz = MemoryGazetteer.demo()
    for written in ("K-1", "K 1"):
        g = extract_incidents(f"A Katyusha rocket hit {written} air base on Thursday.", PUB, gazetteer=gz)
        assert g[["event_date", "location", "geo_precision"]].values.tolist() == [
            [dt.date(2020, 2, 13), "K-1 Air Base", 1]]


def test_coerce_records_equals_dataframe_path():
    rows = [
        {"event_id": "a-001", "event_date": dt.date(2020, 2, 13), "time_precision": 1, "latitude": 35.5,
         "longitude": 44.2, "fatalities": 0, "injuries": None, "location": "K-1", "confidence": 0.9, "extra": 1},
        {"event_id": "a-002", "event_date": None, "time_precision": None, "latitude": float("nan"),
         "longitude": float("nan"), "fatalities": 3, "injuries": 2, "location": None, "confidence": 0.5,
         "extra": 2},
    ]
    fast = coerce(rows)
    assert_geodataframe_equal(fast, coerce(pd.DataFrame(rows)))
    assert fast.geometry.iloc[1] is None and fast.geometry.iloc[0].x == 44.2
    assert fast.crs.equals("EPSG:4326") and str(fast["fatalities"].dtype) == "Int64"
    # values the fast path cannot take go through the checking path
    mixed = [dict(rows[0], fatalities="4", event_date="13 February 2020", latitude="35.5")]
    assert_geodataframe_equal(coerce(mixed), coerce(pd.DataFrame(mixed)))
    with pytest.raises(ValueError, match="'fatalities'.*'many'"):
        coerce([{"fatalities": "many"}])
    with pytest.raises(ValueError, match="'fatalities'"):
        coerce([{"fatalities": 1.5}])
    assert_geodataframe_equal(coerce([]), empty_incidents())
    assert np.isnan(coerce([{}]).latitude.iloc[0])
