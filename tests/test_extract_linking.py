"""Linking event words to places in real-report phrasing: possessive containers ("Hasakah
province's Qamishli"), compound modifiers ("the SDF-held city of"), a province
reading beating its capital, "the road between X and Y", and places read far abroad from the
story. Texts written for these tests in the style of wire reports (test gazetteer)."""
from __future__ import annotations

import pandas as pd
import pytest

from gazetteer import Place
from geoutils import extract_incidents
from geoutils.extract.memory import MemoryGazetteer

PUB = "2021-05-10"


@pytest.fixture(scope="module")
def gz():
    # test places (coordinates rounded from GeoNames; not curated data)
    rows = [("t:idlib", "Idlib", "إدلب", 35.93, 36.63, "town", "SY", "Idlib", 165000, ["Idleb"]),
            ("t:maarat", "Maarat al-Numan", "معرة النعمان", 35.648, 36.677, "town", "SY", "Idlib", 58000,
             ["Maarat Al-Numan"]),
            ("t:hasakah", "Al-Hasakah", "الحسكة", 36.50, 40.75, "town", "SY", "Al-Hasakah", 190000, ["Hasakah"]),
            ("t:qamishli", "Qamishli", "القامشلي", 37.05, 41.23, "town", "SY", "Al-Hasakah", 180000, []),
            ("t:qahtaniyah", "Al-Qahtaniyah", "القحطانية", 37.03, 41.57, "town", "SY", "Al-Hasakah", 17000,
             ["Qahtaniyah"]),
            ("t:tartab", "Tartab", "طرطب", 37.08, 41.26, "village", "SY", "Al-Hasakah", None, []),  # approximate, test only
            ("t:toyota", "Toyota", None, 35.08, 137.15, "place", "JP", "Aichi", 420000, []),
            ("t:sy", "Syria", "سوريا", 35.0, 38.0, "country", "SY", None, 17000000, []),
            # a neighbourhood with no population abroad, and a capital abroad
            ("t:sharqi", "Al-Sharqi", "الشرقي", 31.31, 45.29, "place", "IQ", "Dhi Qar", None, []),
            ("t:baghdad", "Baghdad", "بغداد", 33.34, 44.40, "place", "IQ", "Baghdad", 5600000, [])]
    return MemoryGazetteer((Place(*r[:9], "test"), r[9]) for r in rows)


def rows(text, gz):
    g = extract_incidents(text, PUB, gazetteer=gz)
    return [(r.location, int(r.geo_precision)) for r in g.itertuples() if pd.notna(r.location)]


def test_possessive_container_gives_the_town(gz):
    t = "Rocket fire hit a bakery in Hasakah province's Qamishli city late on Sunday, leaving five dead."
    assert rows(t, gz) == [("Qamishli", 1)]


def test_possessive_container_ar_unchanged(gz):
    t = "سقطت قذائف مدفعية على مدرسة في مدينة معرة النعمان بريف إدلب مساء الأحد وقتل خمسة طلاب."
    assert ("Maarat al-Numan", 1) in rows(t, gz)


def test_compound_modifier_between_cue_and_place(gz):
    t = "An improvised bomb went off beside a bakery in the SDF-held city of Hasakah late on Sunday."
    assert rows(t, gz) == [("Al-Hasakah", 1)]


def test_a_province_reading_is_not_the_most_specific_place(gz):
    # the town named in passing ("a doctor working in Hasakah") must not beat the town of the strike
    t = ("Artillery shells slammed into a school in Hasakah province's Qamishli city on Sunday, "
         "according to a doctor working in Hasakah.")
    assert rows(t, gz)[0] == ("Qamishli", 1)


def test_road_between_two_towns_is_relative(gz):
    t = "A roadside bomb wrecked a minibus on the road between Qamishli and Qahtaniyah on Sunday, wounding four."
    got = rows(t, gz)
    assert got and got[0] == ("Qamishli", 2)


def test_place_far_abroad_from_the_story_is_dropped(gz):
    t = ("Gunmen fired on a Toyota minibus carrying oil workers near Qamishli on Sunday, wounding four of "
         "them, a hospital in Hasakah province said.")
    got = rows(t, gz)
    assert got and all(loc != "Toyota" for loc, _ in got)
    assert got[0][0] == "Qamishli"


def test_a_lone_place_abroad_is_kept(gz):
    # with no place of a main country to compare with, nothing is an outlier
    assert rows("Shelling hit Toyota overnight on Sunday.", gz) == [("Toyota", 1)]


def dated(text, gz, pub=PUB):
    g = extract_incidents(text, pub, gazetteer=gz)
    return [(r.location if pd.notna(r.location) else None, r.event_date if pd.notna(r.event_date) else None)
            for r in g.itertuples()]


def test_this_morning_is_the_filing_day(gz):
    from datetime import date
    t = "A suicide bomber blew himself up near a checkpoint in Qamishli this morning, killing two guards."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 10))]


def test_a_definite_reference_gives_its_incident_day_and_finer_place(gz):
    from datetime import date
    t = ("Gunmen on motorbikes fired at an army patrol in Hasakah province, wounding three soldiers. "
         "A local official told reporters the assault took place early this morning in Qamishli.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 10))]


def test_a_reference_does_not_move_a_dated_incident(gz):
    from datetime import date
    t = ("A car bomb exploded in Qamishli on Saturday, killing two people. "
         "The attack was the third this year in Idlib, an official said.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]


def test_the_lead_takes_the_day_of_the_same_story_told_next(gz):
    from datetime import date
    # the lede is undated; the next paragraph dates the same kind of event in the same province
    t = ("Gunmen attacked a hospital in Qamishli, local media reported.\n\n"
         "Gunmen also attacked a clinic in Al-Qahtaniyah on Friday, wounding three nurses.")
    got = dict(dated(t, gz))
    assert got["Al-Qahtaniyah"] == date(2021, 5, 7) and got["Qamishli"] == date(2021, 5, 7)


def test_a_headline_names_its_one_place_without_a_locative(gz):
    assert rows("Mortar fire kills two children as Qamishli votes in local polls", gz) == [("Qamishli", 2)]
    assert rows("Gunmen kill three, wound 7 as Qamishli shops reopen after curfew", gz) == [("Qamishli", 2)]


def test_shook_is_a_target_verb_ar(gz):
    assert rows("انفجار عبوة ناسفة يهز القامشلي ويخلف قتيلين", gz) == [("Qamishli", 1)]


def test_a_headline_with_two_places_and_no_locative_keeps_no_place(gz):
    assert rows("Mortar fire kills two as Qamishli and Idlib leaders meet", gz) == []


def test_a_body_sentence_without_locative_takes_no_place(gz):
    t = ("A car bomb exploded in Qamishli on Sunday, killing four people. "
         "A second bomb killed two soldiers as officials from Idlib arrived.")
    assert ("Idlib", 2) not in rows(t, gz)


def test_the_next_sentence_places_a_dated_event_that_named_no_place(gz):
    from datetime import date
    t = ("A tribal elder died when a drone hit his car on Saturday, activists said.\n\n"
         "He had been driving near Qamishli with his nephew.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]
    t = "لقي شيخ عشيرة حتفه بضربة طائرة مسيرة استهدفت سيارته يوم السبت. وكان الشيخ يقود سيارته قرب القامشلي مع ابن أخيه."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]


def test_the_next_sentence_does_not_place_an_undated_or_placed_event(gz):
    t = ("A tribal elder died when a drone hit his car, activists said. "
         "He had farmed land near Qamishli for decades.")
    assert rows(t, gz) == []
    t = ("Mortar rounds hit a farm in Idlib on Saturday, activists said. "
         "The owner had been driving to Qamishli.")
    assert rows(t, gz) == [("Idlib", 1)]


def test_a_reference_that_also_hit_another_town_is_another_row(gz):
    from datetime import date
    t = ("Artillery shelled a school in Maarat al-Numan on Sunday, killing four children. "
         "The attack also damaged a water station in Qamishli.")
    got = dated(t, gz)
    assert ("Maarat al-Numan", date(2021, 5, 9)) in got and len(got) == 2
    assert next(d for loc, d in got if loc == "Qamishli") == date(2021, 5, 9)
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert int(g[g.location == "Qamishli"].fatalities.iloc[0]) == 0
    t = ("استهدف قصف مدفعي مدرسة في مدينة معرة النعمان يوم الأحد وقتل أربعة أطفال. "
         "وأصاب القصف أيضاً محطة مياه في مدينة القامشلي.")
    got = dated(t, gz)
    assert ("Maarat al-Numan", date(2021, 5, 9)) in got and len(got) == 2 and "Qamishli" in dict(got)


def test_a_reference_in_a_town_refines_an_event_near_a_town(gz):
    from datetime import date
    t = ("Mortar rounds fell on farmland near Qamishli on Tuesday, killing a shepherd. "
         "Police said the attack hit an orchard in Tartab.")
    assert dated(t, gz) == [("Tartab", date(2021, 5, 4))]
    t = ("سقطت قذائف هاون على أراض زراعية قرب القامشلي يوم الثلاثاء ما أدى إلى مقتل راع. "
         "وقالت الشرطة إن القصف أصاب بستاناً في قرية طرطب.")
    assert dated(t, gz) == [("Tartab", date(2021, 5, 4))]


def test_subjected_to_names_the_target_ar(gz):
    t = "تعرضت مدينة القامشلي فجر الأربعاء لقصف بقذائف الهاون أدى إلى جرح طفلين."
    assert rows(t, gz) == [("Qamishli", 1)]


def test_a_labelled_page_stamp_is_not_the_event_day(gz):
    from datetime import date
    t = "Published: 2021-05-10\nA roadside bomb killed two soldiers near Qamishli on Sunday."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]
    t = "تاريخ النشر 2021-05-10 قتل جنديان بانفجار عبوة ناسفة قرب القامشلي يوم الأحد."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_a_generic_attack_is_joined_by_the_specific_weapon_that_places_it(gz):
    from datetime import date
    t = ("Six farm workers lost their lives on Sunday when their village in the province of Idlib came "
         "under attack, rescuers said. The mortar shelling hit olive groves in Maarat al-Numan, according "
         "to the rescuers.")
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert len(g) == 1
    r = g.iloc[0]
    assert (r.location, r.event_date, r.sub_event_type, int(r.fatalities)) == \
        ("Maarat al-Numan", date(2021, 5, 9), "Shelling/artillery/missile attack", 6)


def test_a_reference_places_only_what_follows_its_word(gz):
    from datetime import date
    t = ("A car bomb exploded in Qamishli on Sunday, killing two people. "
         "Police detained three men in Al-Qahtaniyah hours earlier, without linking them to the attack.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_an_attack_word_with_a_toll_places_an_event_that_had_none(gz):
    from datetime import date
    t = ("An attack on a convoy of border guards left nine of them dead on Sunday, a war monitor reported. "
         "Gunmen attacked the convoy near Qamishli, killing nine guards and wounding four, it added.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_a_one_town_report_places_a_dated_event_told_without_place(gz):
    from datetime import date
    t = ("A journalist was shot dead outside his home in Qamishli on Wednesday, his colleagues said.\n\n"
         "Colleagues said he had received threats for months. A bomb planted under a car killed a radio "
         "presenter on May 1.")
    assert sorted(dated(t, gz), key=str) == [("Qamishli", date(2021, 5, 1)), ("Qamishli", date(2021, 5, 5))]
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert sorted(g.geo_precision.astype(int)) == [1, 2]
    t = ("قُتل صحفي بالرصاص أمام منزله في القامشلي يوم الأربعاء. "
         "وفي الأول من أيار، قتلت عبوة ناسفة زرعت تحت سيارة مذيعاً في إذاعة محلية.")
    assert sorted(dated(t, gz), key=str) == [("Qamishli", date(2021, 5, 1)), ("Qamishli", date(2021, 5, 5))]


def test_a_two_town_report_does_not_guess(gz):
    t = ("A journalist was shot dead outside his home in Qamishli on Wednesday. A car bomb exploded in Idlib "
         "on Thursday. A bomb planted under a car killed a radio presenter on May 1.")
    assert (None, __import__("datetime").date(2021, 5, 1)) in dated(t, gz)


def test_a_minor_place_abroad_is_a_misreading_a_city_abroad_is_not(gz):
    t = ("A car bomb exploded near Qamishli on Sunday, killing two people. "
         "A second car bomb exploded in Al-Sharqi on Sunday.")
    assert all(loc != "Al-Sharqi" for loc, _ in rows(t, gz))
    t = ("A car bomb exploded near Qamishli on Sunday, killing two people. "
         "A second car bomb exploded in Baghdad on Sunday.")
    assert ("Baghdad", 1) in rows(t, gz)


def test_another_killing_nearby_is_not_the_first_told_again(gz):
    from datetime import date
    gz2 = MemoryGazetteer([(Place("t:a", "Tell Abyad", None, 36.70, 38.95, "town", "SY", "Raqqa", 44000, "test"), []),
                           (Place("t:s", "Suluk", None, 36.80, 39.02, "town", "SY", "Raqqa", 12000, "test"), [])])
    t = ("A local council member was gunned down in Tell Abyad on Monday, residents said. "
         "Gunmen also shot dead a second council member in the town of Suluk.")
    got = dated(t, gz2)
    assert sorted(loc for loc, _ in got) == ["Suluk", "Tell Abyad"]
    assert all(d == date(2021, 5, 10) for _, d in got)


def test_a_reference_to_another_time_lends_no_toll(gz):
    t = ("A tribal elder was shot dead in Qamishli on Sunday. "
         "Back in March 2020, a wave of such killings left 11 elders dead in the province.")
    g = extract_incidents(t, PUB, gazetteer=gz)
    here = g[g.location == "Qamishli"]
    assert len(here) == 1 and str(here.event_date.iloc[0]) == "2021-05-09" and int(here.fatalities.iloc[0]) != 11


def test_undated_incidents_at_one_town_are_one_event_told_again(gz):
    t = ("Gunmen storm Qamishli market, 9 dead\n\n"
         "Gunfire was heard near the central market of Qamishli and shops closed, residents said.\n\n"
         "Local media said the gunmen took hostages inside a bank in Qamishli.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli"]
    t = ("مسلحون يقتحمون سوق القامشلي ومقتل 9\n\n"
         "سُمع إطلاق نار كثيف قرب السوق المركزي في القامشلي وأغلقت المحال أبوابها بحسب السكان.\n\n"
         "وذكرت وسائل إعلام محلية أن المسلحين احتجزوا رهائن داخل مصرف في القامشلي.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli"]


def test_another_undated_bomb_at_the_town_stays_a_row(gz):
    t = ("A car bomb exploded in Qamishli, police said. "
         "Another car bomb also exploded in Qamishli hours later, killing two.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli", "Qamishli"]


def test_protesters_in_a_clash_are_a_violent_demonstration(gz):
    for t in ("Protesters clashed with police in Qamishli on Sunday, witnesses said.",
              "A gunfight erupted in Qamishli on Sunday as security forces faced stone-throwing protesters.",
              "اندلعت اشتباكات بين المتظاهرين وقوات الأمن في القامشلي يوم الأحد."):
        g = extract_incidents(t, PUB, gazetteer=gz)
        assert list(g.sub_event_type) == ["Violent demonstration"], t
    g = extract_incidents("Protesters rallied peacefully in Qamishli on Sunday.", PUB, gazetteer=gz)
    assert list(g.sub_event_type) == ["Peaceful protest"]


# Findings: the same mechanisms told in other words, where the code does not follow (yet).

@pytest.mark.xfail(strict=True, reason="main country is a 1-1 tie won by the place named first (Toyota, JP)")
def test_a_place_abroad_named_before_the_one_home_place_is_dropped(gz):
    t = "Gunmen fired on a Toyota minibus carrying oil workers near Qamishli on Sunday, wounding four of them."
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli"]


@pytest.mark.parametrize("text, want", [
    ("Gunmen on motorbikes fired at an army patrol in Hasakah province, wounding three soldiers. "
     "A local official told reporters the shooting took place early this morning in Qamishli.",
     [("Qamishli", "2021-05-10")]),
    pytest.param("Mortar rounds fell on farmland near Al-Hasakah on Tuesday, killing a shepherd. "
                 "Police said the shelling hit an orchard in Qamishli.",
                 [("Qamishli", "2021-05-04")],
                 marks=pytest.mark.xfail(strict=True, reason="the refinement reach (25 km) keeps a town 80 km "
                                                             "from 'near X' apart: two rows")),
    ("Artillery shelled a school in Maarat al-Numan on Sunday, killing four children. "
     "The shelling also damaged a water station in Qamishli.",
     [("Maarat al-Numan", "2021-05-09"), ("Qamishli", "2021-05-09")]),
])
def test_a_definite_specific_noun_refers_back(gz, text, want):
    assert [(loc, str(d) if d else None) for loc, d in dated(text, gz)] == want


@pytest.mark.parametrize("text, want", [
    ("Gunmen fired at an army patrol in Hasakah province, wounding three soldiers. "
     "In Qamishli, a shooting killed a shop owner this morning.",
     [("Al-Hasakah", "2021-05-10"), ("Qamishli", "2021-05-10")]),  # the lede takes the next day (narrative time)
    ("Artillery shelled a school in Maarat al-Numan on Sunday, killing four children. "
     "Shelling damaged a water station in Qamishli last month.",
     [("Maarat al-Numan", "2021-05-09"), ("Qamishli", "2021-04-01")]),
])
def test_an_indefinite_specific_noun_is_its_own_event(gz, text, want):
    assert [(loc, str(d) if d else None) for loc, d in dated(text, gz)] == want


@pytest.mark.xfail(strict=True, reason="an indefinite weapon sentence starts a new undated incident instead of placing the generic one")
def test_an_indefinite_weapon_sentence_places_the_generic_attack(gz):
    t = ("Six farm workers lost their lives on Sunday when their village in the province of Idlib came "
         "under attack, rescuers said. Mortar shells landed on olive groves in Maarat al-Numan, according "
         "to the rescuers.")
    assert [loc for loc, _ in rows(t, gz)] == ["Maarat al-Numan"]


@pytest.mark.xfail(strict=True, reason="'gunmen ... killed' is no event word: the second killing folds into the first")
def test_gunmen_also_killed_in_another_town_is_another_row(gz):
    gz2 = MemoryGazetteer([(Place("t:a", "Tell Abyad", None, 36.70, 38.95, "town", "SY", "Raqqa", 44000, "test"), []),
                           (Place("t:s", "Suluk", None, 36.80, 39.02, "town", "SY", "Raqqa", 12000, "test"), [])])
    t = ("A local council member was gunned down in Tell Abyad on Monday, residents said. "
         "Gunmen also killed a second council member in the town of Suluk.")
    assert sorted(loc for loc, _ in dated(t, gz2)) == ["Suluk", "Tell Abyad"]


def test_a_recalled_dated_event_at_another_town_keeps_its_own_row(gz):
    t = ("Shells hit a bakery in Al-Hasakah, wounding two workers. Residents called it the worst shelling "
         "of the town since April 20, when a shell killed a teacher in Qamishli.")
    got = [(loc, str(d) if d else None) for loc, d in dated(t, gz)]
    assert [loc for loc, _ in got] == ["Al-Hasakah", "Qamishli"] and got[1][1] == "2021-04-20"


def test_a_day_and_a_place_told_by_two_verbs_of_one_strike_make_one_mention(gz):
    # "since April 22, when a drone killed a shepherd and injured a guard on the road to X": the day
    # goes with "killed", the place with "injured"; one strike, so one mention with both (left apart,
    # the dated one with no place attaches to whatever undated strike was told before it)
    from datetime import date
    from geoutils.extract.clauses import _merge_same_event
    from geoutils.extract.mention import EventMention
    from geoutils.extract.places import Cand

    killed = EventMention((0, 90), "Air/drone strike", "drone", True, False, (30, 40))
    killed.date = date(2021, 4, 22)
    injured = EventMention((0, 90), "Air/drone strike", None, False, False, (50, 58))
    injured.cands = [Cand(gz.get("t:qamishli"), 2, 70, end=78)]
    (one,) = _merge_same_event([killed, injured])
    assert one.date == date(2021, 4, 22) and [c.place.name for c in one.cands] == ["Qamishli"]
    # a later event word with its own day stays its own mention
    again = EventMention((0, 90), "Air/drone strike", None, False, False, (60, 66))
    again.date, again.cands = date(2021, 4, 23), [Cand(gz.get("t:hasakah"), 1, 80, end=86)]
    assert len(_merge_same_event([killed, again])) == 2
