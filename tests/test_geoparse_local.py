"""Local-news resolution features (issue 9, LGL error classes), on texts written for these tests:
a plural unit word after a list of names, and a county named without its "County"."""
from __future__ import annotations

from geoutils.geoparse import parse_mentions


def by_text(text, gz, **kw):
    return {m.text: m for m in parse_mentions(text, gazetteer=gz, **kw)}


def test_a_plural_unit_word_gives_every_list_item_its_kind(gz):
    text = ("Flood warnings stay in force for Becker, Clay, Douglas and Grant counties, the Minnesota "
            "Department of Transportation said on Friday.")
    ms = by_text(text, gz)
    for name in ("Becker", "Clay", "Douglas", "Grant"):
        m = ms[name]
        assert m.kind_hint == "county", (name, m.kind_hint)
        assert m.place is not None and m.place.kind == "county" and m.place.admin1 == "Minnesota", (name, m.place)


def test_a_singular_unit_word_stays_with_its_own_name(gz):
    text = "Crews from Fargo and Clay County worked through the night."
    ms = by_text(text, gz)
    assert ms["Fargo"].kind_hint is None


def test_a_bare_county_name_in_its_state_is_the_county(gz):
    # "Clay" for Clay County, Minnesota, in a story about Moorhead: the county need not lose to a town
    # that has the bare name as its own in another state
    text = ("MOORHEAD, Minn. - Sandbagging went on in Moorhead and Hawley on Sunday. Clay commissioners "
            "asked the state for more help.")
    m = by_text(text, gz)["Clay"]
    assert m.place is not None and m.place.admin1 == "Minnesota", m.place


def test_an_ambiguous_names_own_vote_is_no_focus_for_itself(gz):
    # "Gaza" votes for its likeliest sense's country; that vote must not make Mozambique the focus
    text = ("Israeli and Egyptian mediators met again on Sunday; aid trucks waited at the crossing into "
            "Gaza while the talks went on.")
    m = by_text(text, gz)["Gaza"]
    assert m.place is not None and m.place.country_code == "PS", m.place
