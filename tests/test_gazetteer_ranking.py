"""Ranking with no context: exact spellings first, codes only as codes, the regional prior,
units yielding to towns, short names and junk (issues 8 and 11)."""
from __future__ import annotations

import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.core import DEFAULT_FOCUS, parse_focus


def test_samarra_is_iraq_and_samara_is_russia(gz):
    assert gz.resolve("Samarra").country_code == "IQ"
    assert gz.resolve("سامراء").country_code == "IQ"
    assert gz.resolve("Samara").country_code == "RU"


@pytest.mark.parametrize("name,cc", [("Nineveh", "IQ"), ("Anbar", "IQ"), ("Ninewa", "IQ"), ("Diyala", "IQ")])
def test_regional_names_beat_namesakes_abroad(gz, name, cc):
    p = gz.resolve(name)
    assert p is not None and p.country_code == cc, (name, p)


def test_zap_is_no_airport_code(gz):
    p = gz.resolve("Zap")
    assert p is None or (p.kind not in ("airport", "base") and p.country_code != "CH"), p


@pytest.mark.parametrize("word", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                                  "January", "March", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                  "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
def test_months_and_weekdays_never_resolve_as_airports(gz, word):
    p = gz.resolve(word)
    assert p is None or p.kind not in ("airport", "base"), (word, p)
    for m in gz.candidates(word, limit=20):  # never through a code (JAN, MAY, SUN are IATA codes)
        assert m.alias != m.alias.upper(), (word, m)


def test_codes_match_only_as_codes(gz):
    assert gz.resolve("ORBI").id == "cur:iq-airport-baghdad"
    assert gz.resolve("BGW").kind == "airport"
    assert gz.resolve("orbi") is None or gz.resolve("orbi").kind != "airport"
    assert gz.resolve("airport code BGW").kind == "airport"
    assert gz.name_info("ORBI")["code_only"] is True
    assert gz.name_info("Kirkuk")["code_only"] is False
    assert all(k != "orbi" for k, _ in gz.alias_keys(countries=["IQ"]))


def test_focus_is_visible_and_settable(gz, monkeypatch):
    assert gz.focus == DEFAULT_FOCUS
    assert parse_focus("ye, sd") == ("YE", "SD")
    with pytest.raises(ValueError, match="focus country 'IRAQ'"):
        parse_focus("iraq")
    monkeypatch.setenv("GAZETTEER_FOCUS", "YE")
    assert gz.focus == ("YE",)
    # a name shared by a town in Yemen and places elsewhere follows the focus
    aden_default = gz.resolve("Aden")
    assert gz.resolve("Aden", focus="YE").country_code == "YE"
    assert aden_default is not None


def test_unit_yields_to_town_unless_asked(gz):
    assert gz.resolve("Samarra").kind in ("town", "place")
    assert gz.resolve("Samarra district").kind == "district"
    assert gz.resolve("قضاء سامراء").kind == "district"
    assert gz.resolve("ناحية الضلوعية") is None or gz.resolve("ناحية الضلوعية").kind in ("subdistrict", "district")
    assert gz.resolve("Fallujah").kind in ("town", "place")
    assert gz.resolve("Fallujah district").kind == "district"


def test_user_alias_wins_over_a_code(tmp_path, gz):
    from gazetteer import Gazetteer

    g = Gazetteer(gz.path, tmp_path / "user.sqlite")
    g.add("Camp Example", 33.1, 44.2, "base", aliases=["CX"], source="test")
    assert g.resolve("CX").name == "Camp Example"
    g.close()


@pytest.mark.parametrize("name", ["Camp 12", "Sector 17", "Camp 7", "Post 3"])
def test_fuzzy_matches_never_cross_digits(gz, name):
    for m in gz.candidates(name, limit=10):
        digits = "".join(ch for ch in m.alias if ch.isdigit())
        assert not digits or digits == "".join(ch for ch in name if ch.isdigit()), (name, m)


def test_fuzzy_index_keeps_numbers():
    from gazetteer.fuzzy import FuzzyIndex

    idx = FuzzyIndex(["sector 3", "sector 7", "camp 12"])
    assert set(idx.search("sector 7")) == {"sector 7"}
    assert idx.search("camp 13") == {}


@pytest.mark.parametrize("junk", ["qp[\u036b", "xq", "zzq", "Qx7", "ؤؤؤ", "k!!"])
def test_junk_gives_none(gz, junk):
    assert gz.resolve(junk) is None, junk


_JUNK = string.ascii_lowercase + string.ascii_letters + string.digits + string.punctuation + " \u036bابتثجحخدرسعقكلمنهوي"


@settings(max_examples=5, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_short_strings_almost_never_resolve(gz, seed: int):
    rnd = random.Random(seed)
    names = ["".join(rnd.choice(_JUNK) for _ in range(rnd.randint(1, 6))) for _ in range(1000)]
    # strings all in capitals are codes by definition ("BGW"); the others are junk
    names = [n for n in names if n.strip() and not n.isupper()]
    hits = [(n, gz.resolve(n)) for n in names]
    hits = [(n, p.name) for n, p in hits if p is not None]
    assert len(hits) <= 0.02 * len(names), hits


# the failures listed under "Why" in issue 8; those no source has yet are marked
_MISSING = pytest.mark.xfail(reason="no sourced coordinate in any source yet (curated row needed)", strict=True)


@pytest.mark.parametrize("name,cc", [
    ("Samarra", "IQ"), ("Nineveh", "IQ"), ("Anbar", "IQ"), ("Qandil", "IQ"), ("Karrada", "IQ"),
    ("Basmaya camp", "IQ"), ("Ariha", "SY"), ("الكرادة", "IQ"),
    ("Haftanin", "IQ"), ("Metina", "IQ"), ("Avashin", "IQ"), ("Kisik", "IQ"),
    pytest.param("Tayaran Square", "IQ", marks=_MISSING),
])
def test_issue_8_failures(gz, name, cc):
    p = gz.resolve(name)
    assert p is not None and p.country_code == cc, (name, p)


def test_vowel_variants_reach_local_names_only(gz):
    from gazetteer.fuzzy import skeleton

    assert skeleton("badush") == skeleton("badosh")
    p = gz.resolve("Badush")
    assert p is not None and p.country_code == "IQ" and p.admin1 == "Ninewa", p
    assert gz.resolve("Metina") is None or gz.resolve("Metina").country_code == "IQ"
