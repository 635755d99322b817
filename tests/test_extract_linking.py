"""Linking event words to places in real-report phrasing: possessive containers ("Idlib
province's Maarat al-Numan"), compound modifiers ("the Kurdish-controlled city of"), a province
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
    t = "Warplanes struck a market in Idlib province's Maarat al-Numan city on Sunday, killing nine people."
    assert rows(t, gz) == [("Maarat al-Numan", 1)]


def test_possessive_container_ar_unchanged(gz):
    t = "قصفت طائرات حربية سوقاً في مدينة معرة النعمان بريف إدلب يوم الأحد ما أدى لمقتل تسعة أشخاص."
    assert ("Maarat al-Numan", 1) in rows(t, gz)


def test_compound_modifier_between_cue_and_place(gz):
    t = "A car bomb exploded outside a prison in the Kurdish-controlled city of Hasakah on Sunday."
    assert rows(t, gz) == [("Al-Hasakah", 1)]


def test_a_province_reading_is_not_the_most_specific_place(gz):
    # the town named in passing ("the civil defence in Idlib") must not beat the town of the strike
    t = ("Jets struck the marketplace in Idlib province's Maarat al-Numan city on Sunday, a civil "
         "defence official in Idlib said.")
    assert rows(t, gz)[0] == ("Maarat al-Numan", 1)


def test_road_between_two_towns_is_relative(gz):
    t = "A drone strike hit a car on the road between Qamishli and Qahtaniyah on Sunday, killing one."
    got = rows(t, gz)
    assert got and got[0] == ("Qamishli", 2)


def test_place_far_abroad_from_the_story_is_dropped(gz):
    t = ("A drone struck a Toyota pickup near Qamishli in Hasakah province on Sunday, killing three people.")
    got = rows(t, gz)
    assert got and all(loc != "Toyota" for loc, _ in got)
    assert got[0][0] == "Qamishli"


def test_a_lone_place_abroad_is_kept(gz):
    # with no place of a main country to compare with, nothing is an outlier
    assert rows("A drone strike hit Toyota on Sunday.", gz) == [("Toyota", 1)]


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
    t = ("Two suicide bombers hit a police post in Hasakah province, killing four officers. "
         "An officer said the attack happened this morning in Qamishli.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 10))]


def test_a_reference_does_not_move_a_dated_incident(gz):
    from datetime import date
    t = ("A car bomb exploded in Qamishli on Saturday, killing two people. "
         "The attack was the third this year in Idlib, an official said.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]


def test_the_lead_takes_the_day_of_the_same_story_told_next(gz):
    from datetime import date
    # the lede is undated; the next paragraph dates the same kind of event in the same province
    t = ("Suicide bombers attacked government buildings in Qamishli, officials said.\n\n"
         "Suicide bombers also stormed a police post in Al-Qahtaniyah on Friday, killing six policemen.")
    got = dict(dated(t, gz))
    assert got["Al-Qahtaniyah"] == date(2021, 5, 7) and got["Qamishli"] == date(2021, 5, 7)


def test_a_headline_names_its_one_place_without_a_locative(gz):
    assert rows("Car bomb kills four as envoy visits Qamishli", gz) == [("Qamishli", 2)]
    assert rows("Car bomb kills four, wounds 11 as Qamishli buries victims of last week", gz) == [("Qamishli", 2)]


def test_shook_is_a_target_verb_ar(gz):
    assert rows("انفجار سيارة مفخخة يهز القامشلي ويوقع أربعة قتلى", gz) == [("Qamishli", 1)]


def test_a_headline_with_two_places_and_no_locative_keeps_no_place(gz):
    assert rows("Car bomb kills four as Qamishli and Idlib talks open", gz) == []


def test_a_body_sentence_without_locative_takes_no_place(gz):
    t = ("A car bomb exploded in Qamishli on Sunday, killing four people. "
         "A second bomb killed two soldiers as officials from Idlib arrived.")
    assert ("Idlib", 2) not in rows(t, gz)


def test_the_next_sentence_places_a_dated_event_that_named_no_place(gz):
    from datetime import date
    t = ("A local commander was killed in a drone attack on Saturday, a monitor said.\n\n"
         "He was travelling near Qamishli with two guards.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]
    t = "قُتل قيادي محلي بهجوم طائرة مسيّرة يوم السبت. وكان القيادي متوجهاً إلى القامشلي برفقة حارسين."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 8))]


def test_the_next_sentence_does_not_place_an_undated_or_placed_event(gz):
    t = ("A local commander was killed in a drone attack, a monitor said. "
         "He had lived near Qamishli for years.")
    assert rows(t, gz) == []
    t = ("A drone strike hit a car in Idlib on Saturday, a monitor said. "
         "The driver was travelling to Qamishli.")
    assert rows(t, gz) == [("Idlib", 1)]


def test_a_reference_that_also_hit_another_town_is_another_row(gz):
    from datetime import date
    t = ("Warplanes struck residential quarters in Maarat al-Numan on Sunday, killing three civilians. "
         "The strikes also hit a bakery in Qamishli, putting it out of service.")
    got = dated(t, gz)
    assert ("Maarat al-Numan", date(2021, 5, 9)) in got and len(got) == 2
    assert next(d for loc, d in got if loc == "Qamishli") == date(2021, 5, 9)
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert int(g[g.location == "Qamishli"].fatalities.iloc[0]) == 0
    t = ("قصفت طائرات حربية أحياء سكنية في مدينة معرة النعمان يوم الأحد ما أدى إلى مقتل ثلاثة مدنيين. "
         "كما طال القصف مخبزاً في مدينة القامشلي ما أدى لخروجه عن الخدمة.")
    got = dated(t, gz)
    assert ("Maarat al-Numan", date(2021, 5, 9)) in got and len(got) == 2 and "Qamishli" in dict(got)


def test_a_reference_in_a_town_refines_an_event_near_a_town(gz):
    from datetime import date
    t = ("A drone attack hit a car on the outskirts of Al-Hasakah on Tuesday, killing one person. "
         "Officials said the attack targeted the car on a public road in Qamishli.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 4))]
    t = ("تعرضت سيارة لهجوم بطائرة مسيرة في ضواحي الحسكة يوم الثلاثاء ما أسفر عن مقتل شخص. "
         "وأكد مسؤولون أن هذا الهجوم استهدف السيارة على طريق عام في بلدة القامشلي.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 4))]


def test_subjected_to_names_the_target_ar(gz):
    t = "تعرضت مدينة القامشلي مساء يوم الخميس لقصف صاروخي لم يسفر عن إصابات."
    assert rows(t, gz) == [("Qamishli", 1)]


def test_a_labelled_page_stamp_is_not_the_event_day(gz):
    from datetime import date
    t = "date 2021-05-10 A roadside bomb killed two soldiers near Qamishli on Sunday."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]
    t = "تاريخ النشر 2021-05-10 قتل جنديان بانفجار عبوة ناسفة قرب القامشلي يوم الأحد."
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_a_generic_attack_is_joined_by_the_specific_weapon_that_places_it(gz):
    from datetime import date
    t = ("Eight tourists died in a Turkish attack on a resort in the province of Idlib on Sunday, state "
         "media said. The fierce artillery bombing hit a resort in Maarat al-Numan, officials said.")
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert len(g) == 1
    r = g.iloc[0]
    assert (r.location, r.event_date, r.sub_event_type, int(r.fatalities)) == \
        ("Maarat al-Numan", date(2021, 5, 9), "Shelling/artillery/missile attack", 8)


def test_a_reference_places_only_what_follows_its_word(gz):
    from datetime import date
    t = ("A car bomb exploded in Qamishli on Sunday, killing two people. "
         "Two men surrendered at a checkpoint in Al-Qahtaniyah, but officials made no mention of the attack.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_an_attack_word_with_a_toll_places_an_event_that_had_none(gz):
    from datetime import date
    t = ("Fifteen soldiers died on Sunday in an attack on a military bus in the desert, a monitor said. "
         "Militants attacked the bus near Qamishli, killing 15 soldiers, the monitor said.")
    assert dated(t, gz) == [("Qamishli", date(2021, 5, 9))]


def test_a_one_town_report_places_a_dated_event_told_without_place(gz):
    from datetime import date
    t = ("Gunmen shot dead an activist in Qamishli on Wednesday, police said.\n\n"
         "It was the second killing of an activist within a week. On May 1, unidentified gunmen killed "
         "another activist as he left his office.")
    assert sorted(dated(t, gz), key=str) == [("Qamishli", date(2021, 5, 1)), ("Qamishli", date(2021, 5, 5))]
    g = extract_incidents(t, PUB, gazetteer=gz)
    assert sorted(g.geo_precision.astype(int)) == [1, 2]
    t = ("اغتال مسلحون ناشطاً في القامشلي يوم الأربعاء. "
         "وفي الأول من أيار، قتل مسلحون مجهولون ناشطاً آخر أثناء خروجه من مكتبه.")
    assert sorted(dated(t, gz), key=str) == [("Qamishli", date(2021, 5, 1)), ("Qamishli", date(2021, 5, 5))]


def test_a_two_town_report_does_not_guess(gz):
    t = ("Gunmen shot dead an activist in Qamishli on Wednesday, police said. A car bomb exploded in Idlib "
         "on Thursday. On May 1, unidentified gunmen killed another activist as he left his office.")
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
    t = ("A former rebel commander was shot dead by unknown assailants in Tell Abyad on Monday. "
         "Another former rebel was also shot dead by gunmen in the town of Suluk.")
    got = dated(t, gz2)
    assert sorted(loc for loc, _ in got) == ["Suluk", "Tell Abyad"]
    assert all(d == date(2021, 5, 10) for _, d in got)


def test_a_reference_to_another_time_lends_no_toll(gz):
    t = ("Gunmen shot dead a former rebel in Qamishli on Sunday. "
         "Similar incidents took place in March 2020, when 11 former rebels were killed.")
    g = extract_incidents(t, PUB, gazetteer=gz)
    here = g[g.location == "Qamishli"]
    assert len(here) == 1 and str(here.event_date.iloc[0]) == "2021-05-09" and int(here.fatalities.iloc[0]) != 11


def test_undated_incidents_at_one_town_are_one_event_told_again(gz):
    t = ("Militants attack the city of Qamishli, 16 killed\n\n"
         "Witnesses in Qamishli say gunmen have attacked a police compound and that fighting is under way.\n\n"
         "Reports say suicide bombers struck in Qamishli, fighting continuing in several places.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli"]
    t = ("مسلحون يهاجمون مدينة القامشلي ومقتل 16\n\n"
         "قال شهود في القامشلي إن مسلحين هاجموا مجمعاً للشرطة وإن اشتباكات تدور هناك.\n\n"
         "وأفادت تقارير بأن انتحاريين فجروا أنفسهم في القامشلي.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli"]


def test_another_undated_bomb_at_the_town_stays_a_row(gz):
    t = ("A car bomb exploded in Qamishli, police said. "
         "Another car bomb also exploded in Qamishli hours later, killing two.")
    assert [loc for loc, _ in rows(t, gz)] == ["Qamishli", "Qamishli"]


def test_protesters_in_a_clash_are_a_violent_demonstration(gz):
    for t in ("Protesters clashed with police in Qamishli on Sunday, witnesses said.",
              "Gunfights between protesters and security forces broke out in Qamishli on Sunday.",
              "اندلعت اشتباكات بين المتظاهرين وقوات الأمن في القامشلي يوم الأحد."):
        g = extract_incidents(t, PUB, gazetteer=gz)
        assert list(g.sub_event_type) == ["Violent demonstration"], t
    g = extract_incidents("Protesters rallied peacefully in Qamishli on Sunday.", PUB, gazetteer=gz)
    assert list(g.sub_event_type) == ["Peaceful protest"]
