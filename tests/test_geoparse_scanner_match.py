"""The compiled scanner pass (geoutils.geoparse.keymatch) against the rule it implements.

The reference below is the scanner's rule written plainly: every occurrence of every key (and
Arabic clitic variant) between spaces in the single-space folded text, sorted leftmost then
longest, taken greedily when it overlaps nothing taken and passes the span and capital checks.
The texts are my own, in the style of news reports, with lower-case words that are also place
names, keys continuing through lower-case chunks, long keys, clitics and the "K 1" join.
"""
from __future__ import annotations

import pickle
from bisect import bisect_right
from itertools import accumulate, compress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer.normalize import is_arabic, name_initial
from geoutils.geoparse import keymatch
from geoutils.geoparse import scanner as S

PAIRS = [
    ("hit", "p:hit"), ("camp", "p:camp"), ("new york", "p:nyc"), ("york", "p:york"), ("ain asad", "p:asad"),
    ("asad", "p:asad2"), ("deir zor", "p:dz"), ("deir", "p:deir"), ("ras ain", "p:ras"), ("baghdad", "p:bgw"),
    ("baghdad airport road", "p:road"), ("k1", "p:k1"), ("mosul dam", "p:dam"), ("mosul", "p:mosul"),
    ("one two three four five six seven", "p:long"), ("two three", "p:23"), ("five six seven eight nine", "p:long2"),
    ("كركوك", "p:kirkuk"), ("عين اسد", "p:asad"), ("اربيل", "p:ebl"), ("بغداد", "p:bgw"), ("وبغداد", "p:wb"),
    ("ساحه تحرير", "p:tahrir"), ("state", "p:state"), ("was", "p:was"), ("al qaim", "p:qaim"), ("qaim", "p:qaim2"),
]
# keys as the gazetteer gives them: folded ("three" -> "zri", "qaim" -> "kaim")
PAIRS = [(" ".join(filter(None, S.fold_chunks(name.split()))), pid) for name, pid in PAIRS]


def reference(sc: S.Scanner, text: str) -> list[tuple]:
    """(start, end, key, place ids) by the plain rule (no automaton)."""
    words = text.split()
    if not words:
        return []
    folded = S.fold_chunks(words)
    ends: dict[int, int] = {}
    starts = S.join_letter_number(text, words, folded, ends) or S.word_starts(text)
    kept = list(compress(folded, folded))
    if not kept:
        return []
    keep = list(compress(range(len(folded)), folded))
    joined = " " + " ".join(kept) + " "
    fstart = list(accumulate((len(k) + 1 for k in kept), initial=1))
    forms = {}
    for key, pids in sc.keys.items():
        forms[key] = (key, pids, sc.latin_capitalised and not is_arabic(key))
    for key, pids in sc.keys.items():
        if is_arabic(key[0]) and len(key.split(" ", 1)[0]) >= 3:
            for c in S._CLITICS:
                v = c + key
                if v not in sc.keys and v.split(" ", 1)[0] not in S._STOP_AR:
                    forms[v] = (key, pids, False)
    found = []
    for form, (key, pids, cap) in forms.items():
        i = joined.find(f" {form} ")
        while i >= 0:
            found.append((i + 1, -(i + 1 + len(form)), key, pids, cap))
            i = joined.find(f" {form} ", i + 1)
    found.sort()
    out, last = [], -1
    for fs, fe, key, pids, cap in found:
        fe = -fe
        if fs < last:
            continue
        k0 = bisect_right(fstart, fs) - 1
        k1 = bisect_right(fstart, fe - 1) - 1
        w1 = keep[k1]
        s = starts[keep[k0]]
        e = ends.get(w1)
        if e is None:
            e = starts[w1] + len(words[w1]) - (2 if words[w1].endswith(S.POSSESSIVE) else 0)
        s, e = S.trim(text, s, e)
        if s >= e or (cap and not (text[s].isupper() or text[s].isdigit() or name_initial(text[s:e]).isupper())):
            continue
        out.append((s, e, key, pids))
        last = fe
    return out


SC = S.Scanner(PAIRS)

TEXTS = [
    "Rockets hit the camp near Hit and Camp Speicher, said the state police.",
    "He flew to new York, then to New York; the york road was closed.",
    "Shelling of Ain al-asad and Ain al-Asad air base, west of Baghdad airport road.",
    "deir ez-zor, Deir ez-Zor and Deir al-Zor; ras al-Ain is ras al-ain.",
    "one two three four five six seven eight nine: One two three four five six seven eight nine",
    "One Two three four five Six seven and two three, Two three.",
    "وقال مسؤول في كركوك وبكركوك إن قصفا استهدف عين الأسد وبغداد وساحة التحرير في بغداد",
    "K 1 and K-1 and k 1 and a 10-year-old in Mosul's dam; Mosul Dam, mosul dam.",
    "(Baghdad) «Mosul» -- ... 'hit' \"Hit\" al-Qaim and Al-Qaim, qaim.",
    "Erbil اربيل, واربيل: state State STATE; was Was.",
    # a chunk the marks cannot judge (Arabic and Latin): "new York" is tried, rejected, "York" taken
    "قصف كركوك/new York و«Ain» asad",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_is_the_plain_rule(text):
    got = [(h.start, h.end, h.key, h.place_ids) for h in SC.scan(text)]
    assert got == reference(SC, text)


def test_capital_rule_lets_a_shorter_later_key_through():
    text = "flights to new York resumed"
    assert [(text[h.start:h.end], h.key) for h in SC.scan(text)] == [("York", "york")]
    # a key continues through a lower-case chunk, and cannot start in one (the chunk's first letter
    # counts, past a Latin article: "al-Asad" is capitalised, "ain" is not)
    text = "Ain al-asad and ain al-Asad, Asad"
    assert [(text[h.start:h.end], h.key) for h in SC.scan(text)] == [("Ain al-asad", "ain asad"), ("al-Asad", "asad"),
                                                                      ("Asad", "asad")]


def test_long_key_through_lower_case_chunks():
    text = "One two three four five six seven"
    assert [h.place_ids for h in SC.scan(text)] == [("p:long",)]
    assert SC._unmarked  # its rarer tokens are never marked, so its patterns stay few


def test_pickled_scanner_scans_the_same():
    sc2 = pickle.loads(pickle.dumps(SC))
    for t in TEXTS:
        assert sc2.scan(t) == SC.scan(t)


def test_not_capitalised_scanner():
    sc = S.Scanner(PAIRS, latin_capitalised=False)
    for t in TEXTS:
        assert [(h.start, h.end, h.key, h.place_ids) for h in sc.scan(t)] == reference(sc, t)


WORDS = ["hit", "Hit", "camp", "Camp", "new", "New", "york", "York", "Ain", "ain", "al-asad", "al-Asad", "asad",
         "Deir", "deir", "ez-zor", "Zor", "ras", "Ras", "al-Ain", "Baghdad", "baghdad's", "airport", "Airport",
         "road", "K", "1", "-", "K-1", "Mosul", "mosul", "dam", "Dam", "one", "One", "two", "Two", "three",
         "four", "five", "Five", "six", "seven", "eight", "nine", "كركوك", "بكركوك", "عين", "الأسد", "وبغداد",
         "بغداد", "ساحة", "التحرير", "(", ")", ",", "state", "State", "was", "Was", "al-Qaim", "qaim", "a", "10",
         "«", "»", "...", "\n", "'s", "كركوك/new", "(new", "اربيل-ain", "2nd"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "  ", "\n", " - "]))
def test_scan_is_the_plain_rule_on_word_salad(words, sep):
    text = sep.join(words)
    assert [(h.start, h.end, h.key, h.place_ids) for h in SC.scan(text)] == reference(SC, text)


def test_select_resyncs_after_a_rejected_multi_word_match():
    m = keymatch.KeyMatcher({keymatch.pattern("a b c"): 0, keymatch.pattern("b c d"): 1, keymatch.pattern("c"): 2,
                             keymatch.pattern("e"): 3})
    text = keymatch.segment("a b c d e".split()) + " "
    # rejecting "a b c" lets "b c d" in, and the pass goes on in step ("e")
    assert keymatch.select(m, text, lambda s, e, i: None if i == 0 else m.values[i]) == [1, 3]
    assert keymatch.select(m, text, lambda s, e, i: None if i < 2 else m.values[i]) == [2, 3]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30),
       st.sampled_from([" ", "\x01", " \x01", "\u00a0"]))
def test_scan_is_the_plain_rule_on_any_text(words, sep):
    # the matcher's own separator and mark characters in the input change nothing
    text = sep.join(words)
    assert [(h.start, h.end, h.key, h.place_ids) for h in SC.scan(text)] == reference(SC, text)
