"""The scoring rules of ``python -m benchmarks accuracy`` on tiny synthetic inputs (no real text)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from benchmarks import accuracy_incidents as I
from benchmarks import accuracy_metrics as M
from benchmarks.accuracy_data import parse_day, read_conll, read_gritta
from benchmarks.accuracy_ucdp import headline_items, name_items, score_names


def test_haversine_and_overlap():
    assert M.haversine_km(0, 0, 0, 0) == 0
    assert 110 < M.haversine_km(0, 0, 1, 0) < 112
    assert M.overlaps((0, 5), (4, 9)) and not M.overlaps((0, 5), (5, 9)) and M.overlaps((2, 3), (0, 10))


def test_acc161_counts_recognised_and_e2e():
    gold = [M.Toponym(0, 5, 33.0, 44.0), M.Toponym(10, 15, 36.0, 43.0), M.Toponym(20, 25, 30.0, 47.0),
            M.Toponym(30, 35)]  # the last has no point: only a mention target
    preds = [M.Mention(1, 5, 33.5, 44.0),            # 56 km: right
             M.Mention(10, 15, 30.0, 47.0),          # far: recognised, wrong
             M.Mention(30, 35, 1.0, 1.0),            # overlaps the point-less gold: correct mention
             M.Mention(40, 44, 1.0, 1.0),            # no gold: false mention
             M.Mention(50, 54, None, None, role="context")]
    d = M.score_geoparse_doc("x", gold, preds)
    s = M.summarize_geoparse([d])
    assert (s["gold"], s["recognised"], s["right"]) == (3, 2, 1)
    assert s["acc"] == 0.5 and s["e2e"] == pytest.approx(1 / 3)
    assert s["precision"] == pytest.approx(3 / 4)  # place mentions only; the context one is not counted
    assert [m.start for m in d.false_mentions] == [40]


def test_unlocated_mention_is_recognised_but_wrong():
    d = M.score_geoparse_doc("x", [M.Toponym(0, 4, 10.0, 10.0)], [M.Mention(0, 4, float("nan"), float("nan"))])
    s = M.summarize_geoparse([d])
    assert (s["recognised"], s["right"]) == (1, 0)


def test_roles_choose_what_recognises():
    gold = [M.Toponym(0, 4, 10.0, 10.0)]
    preds = [M.Mention(0, 4, 10.0, 10.0, role="context")]
    assert M.summarize_geoparse([M.score_geoparse_doc("x", gold, preds)])["right"] == 1
    assert M.summarize_geoparse([M.score_geoparse_doc("x", gold, preds, roles=("place",))])["recognised"] == 0


def test_align_offsets_realigns_or_drops():
    text = "Rain over Dunmore and Kelvale."
    assert M.align_offsets(text, 10, 17, "Dunmore") == (10, 17)
    assert M.align_offsets(text, 12, 19, "Dunmore") == (10, 17)
    assert M.align_offsets(text, 10, 17, "Ashby") is None


def test_read_gritta_realigns_shifted_spans(tmp_path):
    xml = ("<articles><article docid='7'><dltime>Mar 3, 2016 10:48 AM CT</dltime>"
           "<text><![CDATA[Storm hits Dunmore. Then Kelvale.]]></text><toponyms>"
           "<toponym><start>11</start><end>18</end><phrase>Dunmore</phrase>"
           "<gaztag><lat>1.5</lat><lon>2.5</lon></gaztag></toponym>"
           "<toponym><start>27</start><end>34</end><phrase>Kelvale</phrase></toponym>"
           "<toponym><start>0</start><end>5</end><phrase>Nowhere</phrase></toponym>"
           "</toponyms></article></articles>")
    p = tmp_path / "x.xml"
    p.write_text(xml, encoding="utf-8")
    docs, st = read_gritta(p)
    assert st == {"spans": 3, "exact": 1, "realigned": 1, "dropped": 1, "no_point": 1}
    d = docs[0]
    assert d.published == date(2016, 3, 3)
    assert [d.text[g.start:g.end] for g in d.gold] == ["Dunmore", "Kelvale"]
    assert d.gold[0].lat == 1.5 and d.gold[1].lat is None


def test_bio_decoding_and_span_scores():
    toks = ["زار", "مدينة", "دار", "السلام", "و", "كيليفا", "أمس"]
    tags = ["O", "O", "B-LOC", "I-LOC", "O", "I-LOC", "B-PERS"]
    text, spans, ents = M.bio_spans(toks, tags)
    assert text == " ".join(toks)
    assert all(text[s:e] == t for (s, e), t in zip(spans, toks))
    assert [text[s:e] for s, e in ents] == ["دار السلام", "كيليفا"]  # a stray I- starts an entity
    c = M.score_spans(ents, [ents[0], (ents[1][0], ents[1][1] + 4)])
    assert c == {"gold": 2, "pred": 2, "exact": 1, "lenient": 2}
    s = M.summarize_spans([c, {"gold": 1, "pred": 0, "exact": 0, "lenient": 0}])
    assert (s["precision"], s["recall"]) == (0.5, pytest.approx(1 / 3))
    assert s["lenient_precision"] == 1.0


def test_lenient_match_is_one_to_one():
    assert M.score_spans([(0, 10)], [(0, 3), (4, 10)])["lenient"] == 1
    assert M.score_spans([(0, 3), (4, 10)], [(0, 10)])["lenient"] == 1


def test_clip_to_segments_makes_batching_irrelevant():
    sents = [("a b", [(0, 1)]), ("cc dd", [(3, 5)])]
    joined = "\n".join(s for s, _ in sents)
    segs = [(0, 3), (4, 9)]
    # spans predicted on the joined text come back in each sentence's own offsets
    got = M.clip_to_segments([(0, 1), (7, 9), (2, 6)], segs)
    assert got == {0: [(0, 1), (2, 3)], 1: [(3, 5)]}
    assert joined[4 + 3:4 + 5] == "dd"


def test_read_conll(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("زار O\nكيليفا B-LOC\n\n\nأمس O\n", encoding="utf-8")
    assert read_conll(p) == [(["زار", "كيليفا"], ["O", "B-LOC"]), (["أمس"], ["O"])]


def test_parse_day():
    assert parse_day("2009-03-20 12:24:52.002364-05") == date(2009, 3, 20)
    assert parse_day("") is None and parse_day("not a date at all") is None


def _ucdp(head, prec, lat, lon, name="Kelvale town", day="2014-06-01"):
    return {"source_headline": head, "where_prec": str(prec), "latitude": str(lat), "longitude": str(lon),
            "where_coordinates": name, "source_date": day}


def test_ucdp_headline_items_dedupe_and_skip():
    rows = [_ucdp("Blast in Kelvale", 1, 33.0, 44.0), _ucdp("Blast in Kelvale", 1, 33.0, 44.0),
            _ucdp("Blast in Kelvale", 2, 33.0, 44.0), _ucdp("Clashes; curfew in Dunmore", 4, 35.0, 44.0),
            _ucdp("Fighting in the north", 5, 36.0, 43.0)]
    items = headline_items(rows)
    assert [(i.text, i.tol_km) for i in items] == [("Blast in Kelvale", 10.0), ("Blast in Kelvale", 25.0),
                                                    ("Clashes\ncurfew in Dunmore", 150.0)]
    assert items[0].published == date(2014, 6, 1)
    assert M.within_any([(33.05, 44.0)], 33.0, 44.0, 10.0) and not M.within_any([(33.2, 44.0)], 33.0, 44.0, 10.0)
    assert not M.within_any([(float("nan"), float("nan"))], 33.0, 44.0, 10.0)


def test_ucdp_names_modal_precision_and_score():
    rows = [_ucdp("h", 1, 33.0, 44.0), _ucdp("h", 2, 33.0, 44.0), _ucdp("h", 2, 33.0, 44.0),
            _ucdp("h", 3, 35.0, 45.0, name="Dunmore district"), _ucdp("h", 6, 1.0, 1.0, name="Somewhere")]
    items = name_items(rows)
    assert [(i.text, i.prec, i.tol_km) for i in items] == [("Kelvale town", 2, 25.0), ("Dunmore district", 3, 50.0)]
    s = score_names(items, [(33.1, 44.0), None])
    assert (s["right"], s["names"], s["by_prec"]) == (1, 2, {2: (1, 1), 3: (0, 1)})
    assert s["misses"][0]["name"] == "Dunmore district"


D1, D2 = date(2021, 5, 1), date(2021, 5, 2)


def test_incident_needs_date_and_tolerance():
    inc = I.GoldIncident((D1,), 33.0, 44.0, 10.0)
    assert I.row_matches(I.Row(D1, 33.05, 44.0), inc)
    assert not I.row_matches(I.Row(D2, 33.05, 44.0), inc)       # wrong day
    assert not I.row_matches(I.Row(D1, 33.2, 44.0), inc)        # 22 km > 10
    assert not I.row_matches(I.Row(D1, None, None), inc)
    assert I.row_matches(I.Row(D2, 33.0, 44.0), I.GoldIncident((D1, D2), 33.0, 44.0, 10.0))


def test_incident_scores_with_extra_ok():
    gold = [I.GoldIncident((D1,), 33.0, 44.0, 10.0, "Air/drone strike", 3),
            I.GoldIncident((D1,), 36.0, 43.0, 10.0, "Armed clash", None)]
    rows = [I.Row(D1, 33.01, 44.0, "Shelling/artillery/missile attack", 3),   # finds #1, wrong sub-event
            I.Row(D2, 33.0, 44.0),                                             # right place, wrong day: FP
            I.Row(D1, 30.5, 47.8),                                             # the extra_ok town itself
            I.Row(D1, 12.0, 12.0, kind="country", country="RU"),               # the extra_ok country itself
            I.Row(D1, 11.0, 11.0, kind="town", country="RU"),                  # a town in that country: FP
            I.Row(D1, None, None)]                                             # unlocated: ignored
    areas = [I.OkArea("Dunmore", 30.5, 47.81, "town", "XX"), I.OkArea("Ruritania", 10.0, 10.0, "country", "RU")]
    s = I.score_incidents(gold, rows, areas)
    assert (s["found"], s["tp_rows"], s["fp_rows"], s["excused"], s["located"]) == (1, 1, 2, 2, 5)
    assert [r.event_date for r in s["fp_list"]] == [D2, D1] and s["missed_list"] == [gold[1]]
    assert (s["sub_n"], s["sub_agree"], s["fat_n"], s["fat_agree"]) == (1, 0, 1, 1)
    t = I.summarize_incidents([s])
    assert t["precision"] == pytest.approx(1 / 3) and t["recall"] == 0.5 and t["f1"] == pytest.approx(0.4)


def test_extra_ok_units_and_place_ids():
    gov = I.OkArea("Kelvale Governorate", 33.0, 44.0, "governorate", "XX", "g:1")
    assert I.row_ok(I.Row(D1, 33.6, 44.0, place_id="g:1"), [gov])                # same id, 67 km away
    assert I.row_ok(I.Row(D1, 33.6, 44.0, kind="governorate"), [gov])            # same unit, another source
    assert not I.row_ok(I.Row(D1, 33.6, 44.0, kind="town"), [gov])               # a town inside it
    assert not I.row_ok(I.Row(D1, 35.0, 44.0, kind="governorate"), [gov])        # a different governorate
    assert I.row_ok(I.Row(D1, 33.1, 44.1, kind="town"), [gov])                   # within 25 km of its point


def test_incident_agreement_uses_closest_row():
    gold = [I.GoldIncident((D1,), 33.0, 44.0, 20.0, "Armed clash", 2)]
    rows = [I.Row(D1, 33.15, 44.0, "Attack", 5), I.Row(D1, 33.0, 44.01, "Armed clash", 2)]
    s = I.score_incidents(gold, rows)
    assert (s["found"], s["tp_rows"], s["sub_agree"], s["fat_agree"]) == (1, 2, 1, 1)


def test_cli_rejects_bad_options(tmp_path, capsys):
    from benchmarks.accuracy import main

    with pytest.raises(SystemExit) as e:
        main(["--data", str(tmp_path)])
    assert e.value.code == 2
    assert "realdata" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--only", "nope"])


def test_errors_file_is_json_lines(tmp_path):
    from benchmarks.accuracy import _write_jsonl

    p = tmp_path / "e.jsonl"
    _write_jsonl(p, [{"set": "x", "gold": None}, {"set": "y", "d": date(2020, 1, 1)}])
    assert [json.loads(line)["set"] for line in p.read_text().splitlines()] == ["x", "y"]


def test_cli_refuses_errors_file_inside_repo(capsys):
    from benchmarks.accuracy import ROOT, main

    with pytest.raises(SystemExit) as e:
        main(["--data", str(ROOT), "--errors", str(ROOT / "errors.jsonl")])
    assert e.value.code == 2


def test_mentions_from_a_frame_and_guarded_calls():
    import pandas as pd

    from benchmarks.accuracy import Guarded, mentions

    df = pd.DataFrame({"start_char": [0, 9], "end_char": [7, 13], "latitude": [1.0, float("nan")],
                       "longitude": [2.0, float("nan")], "role": ["place", "context"], "text": ["Dunmore", "Iraq"]})
    ms = mentions(df)
    assert [(m.start, m.end, m.role) for m in ms] == [(0, 7, "place"), (9, 13, "context")]
    assert not M.located(ms[1].lat, ms[1].lon) and mentions(None) == []

    errors: list = []

    def boom(text):
        raise KeyError(text)

    g = Guarded(boom, "lgl", errors)
    assert g("doc1", "x") is None and g.raised == 1
    assert errors[0]["kind"] == "raised" and errors[0]["doc"] == "doc1" and "raised on 1" in g.note()


def test_spelled_bound_reads_the_coded_name_and_units_only_when_coarse():
    from benchmarks.accuracy_ucdp import PointItem
    from benchmarks.ucdp_ceiling import spelled, spells

    assert spells("Mortar fire on Tall Kaif kills two", "Tall Kayf town") is False   # 'kaif' is not 'kayf'
    assert spells("Mortar fire on Ḩadīthah kills two", "Haditha town")
    assert not spells("Blast in the capital", "Al Fallūjah town")   # the generic words alone never match
    names = ("Al Qā’im town", "Al Anbār province", "Qaḑā’ al Qā’im")
    fine = PointItem("Clashes in Anbar", 34.0, 41.0, 10.0, prec=1, names=names)
    coarse = PointItem("Clashes in Anbar", 34.0, 41.0, 150.0, prec=4, names=names)
    assert spelled([fine, coarse]) == [False, True]
