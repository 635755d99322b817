"""Two recognition details: a state abbreviation with its stop, and which generic word asks a kind.

Texts written for these tests.
"""
import pytest

from geoutils.geoparse import geoparse
from geoutils.geoparse.scanner import Scanner


@pytest.fixture(scope="module")
def rows():
    def run(text):
        df = geoparse(text)
        return {t: (n, k) for t, n, k in zip(df["text"], df["name"], df["kind"])}
    return run


def test_a_state_abbreviation_with_its_stop_is_the_state(rows):
    # the bare letters "Kan" are also a Chinese city's alternate name; "Kan." after a US town is Kansas
    assert rows("A delivery driver from Kansas City, Kan., was hurt in the crash.")["Kan."] == ("Kansas", "province")
    assert rows("Storm damage closed roads around Macon, Ga., on Friday.")["Ga."] == ("Georgia", "province")


def test_the_nearest_generic_word_asks_the_kind():
    sc = Scanner([("baghdad", "p:b"), ("diyala", "p:d")])
    hits = sc.scan("Rockets hit Baghdad airport and Diyala province overnight")
    assert [(h.key, h.kind) for h in hits] == [("baghdad", "airport"), ("diyala", "governorate")]
    # a generic word two chunks back still counts when nothing nearer asks for a kind
    assert sc.scan("the airport of Baghdad")[0].kind == "airport"


def test_a_province_named_after_an_airport_stays_the_province(rows):
    got = rows("Mortars hit Baghdad airport and Diyala province at dawn.")
    assert got["Diyala"][1] == "governorate"
    got = rows("قصف على مطار بغداد ومحافظة ديالى فجر اليوم")
    assert got["ديالى"][1] == "governorate"
