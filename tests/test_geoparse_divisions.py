"""Divisions read by containment, neighbour countries, and hyphen compounds (issue 9), on texts
written for these tests: a state named with its own counties or with other states is the state,
not a same-named town elsewhere; a governorate named as its seat town stays the town; a place in a
country bordering the ones the text names wins over a far namesake; "Russia-Turkey" names two
countries, "Baghdad-based" and "1-Turkey" keep the name alone."""
from __future__ import annotations

from geoutils.geoparse import parse_mentions


def mentions(text, gz, **kw):
    return parse_mentions(text, gazetteer=gz, **kw)


def first(text, gz, surface, **kw):
    return next(m for m in mentions(text, gz, **kw) if m.text == surface)


# ------------------------------------------------------------------ divisions by containment
def test_state_named_with_its_counties_is_the_state(gz):
    text = ("Storms closed roads in Boone County and Hendricks County on Monday, and the governor of "
            "Indiana asked for help; crews came from Ohio, Illinois and Michigan.")
    m = first(text, gz, "Indiana")
    assert m.place is not None and m.place.kind == "province" and m.place.admin1 == "Indiana"


def test_states_named_together_are_states(gz):
    text = "The company has plants in Delaware, Virginia and Indiana, and sells its feed across the Midwest."
    for name in ("Delaware", "Virginia", "Indiana"):
        m = first(text, gz, name)
        assert m.place is not None and m.place.kind == "province", (name, m.place)


def test_governorate_named_as_its_seat_stays_the_town(gz):
    text = "Rockets fell on Kirkuk on Tuesday, police in Hawija and Dibis said."
    m = first(text, gz, "Kirkuk")
    assert m.place is not None and m.place.kind not in ("governorate", "province")


def test_city_named_with_its_state_abbreviation_is_no_state(gz):
    text = "A baker from Oklahoma City, Okla., opened a second shop in Canadian County last spring."
    m = next(m for m in mentions(text, gz) if m.start == text.index("Oklahoma City"))
    assert m.place is not None and m.place.kind != "province"


# ------------------------------------------------------------------ neighbour countries
def test_place_beside_the_countries_named_beats_a_far_namesake(gz):
    text = ("Israeli and Egyptian mediators met again on Sunday; aid trucks waited at the crossing into "
            "Gaza while Egypt kept the border closed.")
    m = first(text, gz, "Gaza")
    assert m.place is not None and m.place.country_code == "PS"


# ------------------------------------------------------------------ hyphen compounds
def test_two_countries_joined_by_a_hyphen_are_two_mentions(gz):
    text = "Russia-Turkey talks resumed in the capital."
    got = [(m.text, m.place.country_code if m.place else None) for m in mentions(text, gz)]
    assert ("Russia", "RU") in got and ("Turkey", "TR") in got


def test_based_suffix_and_wire_prefix_stay_out_of_the_span(gz):
    text = "UPDATE 1-Turkey says a Baghdad-based group claimed the attack."
    spans = {m.text for m in mentions(text, gz)}
    assert "Turkey" in spans and "Baghdad" in spans
    assert not any("-" in s for s in spans)


def test_hyphenated_names_stay_whole(gz):
    text = "Officials in Miami-Dade County said the storm had passed."
    assert any(m.text.startswith("Miami-Dade") for m in mentions(text, gz))


def test_short_country_name_in_a_compound(gz):
    got = {m.text: m for m in mentions("Egyptian-US ties were the subject; a UK-based monitor reported it.", gz)}
    assert got["US"].place.country_code == "US"
    assert got["UK"].role == "context"  # "UK-based" modifies the monitor: no event in the UK
    assert got["Egyptian"].role == "context"


# ------------------------------------------------------------------ sites named without their word
def test_site_name_without_its_word_is_no_mention(gz):
    text = "Trudeau said on Monday that the talks would go on."
    assert not [m for m in mentions(text, gz) if m.text == "Trudeau"]


def test_site_name_with_its_word_is_the_site(gz):
    text = "Flights at Baghdad airport were suspended on Monday."
    m = first(text, gz, "Baghdad")
    assert m.place is not None and m.place.kind == "airport"


# ------------------------------------------------------------------ a country's name read as a town
def test_country_name_is_a_town_when_its_state_is_named(gz):
    text = ("The Warren County coroner said the crash happened near Lebanon, Ohio, early on Sunday; "
            "deputies from Mason and Springboro closed the road.")
    m = first(text, gz, "Lebanon")
    assert m.place is not None and m.place.country_code == "US"


def test_country_name_without_its_town_context_is_the_country(gz):
    text = "The senator from Texas said the aid to Lebanon would be voted on next week."
    m = first(text, gz, "Lebanon")
    assert m.place is not None and m.place.country_code == "LB"


# ------------------------------------------------------------------ a city's name that wordfreq counts
def test_capitalised_city_name_frequent_in_wordfreq_is_a_mention(gz):
    text = "Two Cambridge firefighters were treated for smoke after the warehouse blaze."
    assert [m for m in mentions(text, gz) if m.text == "Cambridge"]


def test_lowercase_city_word_is_no_mention(gz):
    assert not [m for m in mentions("She wore oxford shoes and a columbia jacket.", gz)]


# ------------------------------------------------------------------ admin1 overlap
def test_town_in_the_division_of_the_other_places(gz):
    # no state named: the other towns' division (Missouri) decides among the Springfields
    text = ("Crews from Joplin and Branson were sent on Tuesday; the storm then reached Springfield, "
            "where schools closed.")
    m = first(text, gz, "Springfield")
    assert m.place is not None and m.place.admin1 == "Missouri"


# ------------------------------------------------------------------ title-case headlines
def test_common_word_in_a_title_case_headline_is_no_place(gz):
    got = [m.text for m in mentions("Iraq Death Toll Rises After Market Bombing In Baghdad", gz)]
    assert "Toll" not in got and "Baghdad" in got and "Iraq" in got


# ------------------------------------------------------------------ lists that look like "Town, State"
def test_states_in_a_comma_list_are_no_containers_of_one_another(gz):
    text = "Volunteers drove in from Missouri, New York, North Carolina and Virginia to help."
    for name in ("Missouri", "New York", "North Carolina"):
        m = first(text, gz, name)
        assert m.place is not None and m.place.kind == "province" and m.place.country_code == "US", (name, m.place)


def test_countries_in_a_comma_list_are_countries(gz):
    text = "Ministers from Morocco, Tunisia and Algeria met in the capital on Tuesday."
    for name, cc in (("Morocco", "MA"), ("Tunisia", "TN")):
        m = first(text, gz, name)
        assert m.place is not None and m.place.country_code == cc, (name, m.place)


def test_a_town_far_from_its_large_states_point_keeps_the_state_as_container(gz):
    # El Paso lies some 800 km from the point that stands for Texas: its admin1 puts it inside
    text = "A trucker from El Paso, Texas, was held at the border on Friday."
    m = first(text, gz, "El Paso")
    assert m.place is not None and m.place.country_code == "US" and m.place.admin1 == "Texas", m.place


# ------------------------------------------------------------------ an article written as its own word
def test_an_article_written_apart_is_part_of_the_span_when_the_place_has_it(gz):
    text = "Shells fell on Al Qaim and on (El Obeid); Mayor Al Larson said nothing."
    ms = mentions(text, gz)
    got = {m.text: m for m in ms}
    assert "Al Qaim" in got and got["Al Qaim"].start == text.index("Al Qaim"), list(got)
    assert "El Obeid" in got and got["El Obeid"].start == text.index("El Obeid"), list(got)
    # a first name: the place read for "Larson" carries no article, so the span stays the name's own
    assert all(m.start >= text.index("Larson") for m in ms if m.end == text.index("Larson") + len("Larson"))



def test_a_first_word_that_folds_to_an_article_joins_the_span_when_the_place_has_it(gz):
    # "Ann" folds to the article "an" that the key drops: the span is the town's whole name
    text = "Students marched through Ann Arbor on Saturday, and Ann Moss spoke."
    got = {m.text: m for m in mentions(text, gz)}
    assert "Ann Arbor" in got and got["Ann Arbor"].start == text.index("Ann Arbor"), list(got)

def test_a_town_and_its_state_are_no_list(gz):
    # "Nevada, Missouri" names the town in its state, not two states: only a name after the state
    # ("Missouri, New York, North Carolina") makes the pair a list
    text = "A rancher from Nevada, Missouri, said the storm flattened his barn."
    m = next(m for m in mentions(text, gz) if m.start == text.index("Nevada"))
    assert m.place is not None and m.place.kind != "province" and m.place.admin1 == "Missouri", m.place
