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


def test_names_that_share_one_state_pick_their_namesakes_there(gz):
    # each name alone is ambiguous (Peoria AZ is bigger, Bloomington MN is bigger); together they point to Illinois
    text = "School boards in Decatur and Peoria voted on Monday to close early; Bloomington waits until Friday."
    ms = by_text(text, gz)
    for name in ("Decatur", "Peoria", "Bloomington"):
        assert ms[name].place is not None and ms[name].place.admin1 == "Illinois", (name, ms[name].place)


def test_local_focus_is_no_evidence_for_the_name_itself():
    from types import SimpleNamespace as P

    from geoutils.geoparse.localfocus import LocalFocus

    oh, nj = P(country_code="US", admin1="Ohio", kind="place"), P(country_code="US", admin1="New Jersey", kind="place")
    lf = LocalFocus([("newark", [oh, nj]), ("newark", [oh]), ("heath", [P(country_code="US", admin1="Ohio", kind="place")])])
    assert lf.score(oh, "newark") == 1.0 and lf.score(nj, "newark") == 0.0
    # heath's only division gets no vote from heath itself: newark's half vote is all it has, and the best
    assert lf.score(oh, "heath") == 1.0
    alone = LocalFocus([("newark", [oh, nj])])
    assert alone.score(oh, "newark") == 0.0  # a name alone says nothing about its own state
    assert lf.score(P(country_code="US", admin1=None, kind="place"), "x") == 0.0


def test_one_name_keeps_one_state_through_the_article():
    from types import SimpleNamespace as P

    from geoutils.geoparse.context import Resolved
    from geoutils.geoparse.discourse import one_sense

    il_town = P(country_code="US", admin1="Illinois", kind="place")
    il_county = P(country_code="US", admin1="Illinois", kind="county")
    ga_county = P(country_code="US", admin1="Georgia", kind="county")
    cands = [P(key="dekalb")] * 3 + [P(key="sycamore")]
    out = [Resolved(il_town, 0.9, "r"), Resolved(il_town, 0.8, "r"),
           Resolved(ga_county, 0.95, "r", [(3.0, 0, ga_county, {}), (2.5, -1, il_county, {})]),
           Resolved(il_town, 0.9, "r")]
    one_sense(cands, out)
    assert out[2].place is il_county and out[2].reason == "one sense per discourse"
    assert out[0].place is il_town and out[3].place is il_town
    # a mention with no candidate in the backed division keeps its own reading
    out = [Resolved(il_town, 0.9, "r"), Resolved(il_town, 0.9, "r"), Resolved(ga_county, 0.6, "r", [(3.0, 0, ga_county, {})])]
    one_sense(cands[:3], out)
    assert out[2].place is ga_county


def test_a_curated_town_outweighs_its_bigger_district_namesake(gz):
    # the population weight must not let a district's stand-in weight beat the checked, cited town point
    ms = by_text("Airstrikes hit militant positions in Hit, Anbar province, on Sunday.", gz)
    m = ms["Hit"]
    assert m.place is not None and m.place.id.startswith("cur:") and m.place.kind not in ("district",), m.place


def test_a_town_in_the_county_the_text_names_is_read_there(gz):
    # "Walker County" is in three states and "Huntsville" in six; only the Texas pair lies together
    # (Huntsville, Texas is under the population at which a town abroad stands on its own)
    text = "Walker County deputies said the inmate walked away from a work crew outside Huntsville on Sunday."
    ms = by_text(text, gz)
    assert ms["Walker"].place is not None and ms["Walker"].place.admin1 == "Texas", ms["Walker"].place
    assert ms["Huntsville"].place is not None and ms["Huntsville"].place.admin1 == "Texas", ms["Huntsville"].place


def test_county_ties_need_another_name_and_the_county_word():
    from types import SimpleNamespace as P

    from geoutils.geoparse.county import CountyTies

    county = P(kind="county", country_code="US", admin1="Texas", lat=30.64, lon=-95.58)
    town = P(kind="place", country_code="US", admin1="Texas", lat=30.72, lon=-95.55)
    far = P(kind="place", country_code="US", admin1="Texas", lat=32.0, lon=-97.0)
    ties = CountyTies([("walker", "county", [county]), ("huntsville", None, [town, far]), ("walker", None, [town])])
    assert ties.tied(town, "huntsville") and not ties.tied(far, "huntsville")
    assert not ties.tied(town, "walker")  # a name is no evidence for itself
    # a county candidate of a bare name (no "County" in the words) is not lifted by a nearby town
    bare = CountyTies([("walker", None, [county]), ("huntsville", None, [town])])
    assert not bare.tied(county, "walker") and not bare.tied(town, "huntsville")


def test_a_county_vouches_only_as_the_county_the_article_read(gz):
    # "Douglas County" has a namesake in South Dakota beside the town of Platte, SD; the article's
    # Douglas is Nebraska's, so that namesake must not lift Platte, SD over Platte County, Nebraska
    text = ("Platte grew again last year. The census puts Platte among the state's fastest-growing counties, "
            "Nebraska officials said. Douglas County and Sarpy County gained residents too, while most rural "
            "counties in Nebraska lost people.")
    ms = parse_mentions(text, gazetteer=gz)
    platte = [m.place for m in ms if m.text == "Platte"]
    assert platte and all(p is not None and p.admin1 == "Nebraska" for p in platte), platte
    assert by_text(text, gz)["Douglas"].place.admin1 == "Nebraska"


def test_a_county_tie_fades_at_the_edge_of_a_countys_reach():
    from types import SimpleNamespace as P

    from geoutils.geoparse.county import COUNTY_KM, FULL_KM, CountyTies

    county = P(kind="county", country_code="US", admin1="Colorado", lat=39.48, lon=-104.89)
    # towns due north of the county's point: ~11 km, ~30 km and ~39 km away
    close, mid, edge = (P(kind="place", country_code="US", admin1="Colorado", lat=39.48 + km / 111.2, lon=-104.89)
                        for km in (11, 30, 39))
    for town in (close, mid, edge):
        ties = CountyTies([("douglas", "county", [county]), ("lakes", None, [town])])
        assert ties.tied(town, "lakes")
    strengths = [CountyTies([("douglas", "county", [county]), ("lakes", None, [t])]).strength(t, "lakes")
                 for t in (close, mid, edge)]
    assert strengths[0] == 1.0 and 0.4 < strengths[1] < 0.6 and 0.0 < strengths[2] < 0.1, strengths
    assert FULL_KM < COUNTY_KM


def test_small_places_abroad_are_set_aside_not_lost():
    from types import SimpleNamespace as P

    from geoutils.geoparse.abroad import drop_small_abroad
    from geoutils.geoparse.recognise import Cand

    small = P(id="gn:1", kind="place", population=40_000, country_code="US", name="Huntsville", admin1="Texas")
    big = P(id="gn:2", kind="place", population=200_000, country_code="US", name="Huntsville", admin1="Alabama")
    cands = [Cand(0, 10, "Huntsville", "huntsville", "gaz", [big, small])]
    ranked, spare = [[big, small]], [[]]
    drop_small_abroad(cands, ranked, set(), spare)
    assert [p.id for p in ranked[0]] == ["gn:2"] and [p.id for p in spare[0]] == ["gn:1"]
    # a country the text names keeps its small places among the candidates proper
    ranked, spare = [[big, small]], [[]]
    drop_small_abroad(cands, ranked, {"US"}, spare)
    assert len(ranked[0]) == 2 and spare[0] == []
