"""The story's country from the geoparser's mentions (built by hand here, no gazetteer): places
vote first, nationality adjectives ("context" mentions) break a tie, then population."""
from __future__ import annotations

from types import SimpleNamespace as NS

from gazetteer import Place

from geoutils.extract.country import main_country

IQ_TOWN = Place("iq1", "Baqubah", "", 33.75, 44.6, "place", "IQ", "Diyala", 450000, "t")
IT_HAMLET = Place("it1", "Sunni", "", 40.1, 9.0, "place", "IT", "Sardinia", 900000, "t")
IR = Place("ir", "Iran", "", 32.0, 53.0, "country", "IR", "", 80000000, "t")
IQ = Place("iq", "Iraq", "", 33.0, 44.0, "country", "IQ", "", 40000000, "t")


def test_a_nationality_adjective_breaks_a_tie_of_places():
    # one place each; the hamlet abroad is the more populous here, so only the adjective decides
    ms = [NS(place=IT_HAMLET, role="place"), NS(place=IQ_TOWN, role="place"), NS(place=IQ, role="context")]
    assert main_country(ms) == "IQ"
    assert main_country(ms[:2]) == "IT"  # without it, population decides


def test_adjectives_alone_do_not_outvote_places():
    ms = [NS(place=IQ_TOWN, role="place")] + [NS(place=IR, role="context")] * 3
    assert main_country(ms) == "IQ"
