"""The scanner's fast paths give the plain rule's answers.

``Scanner.scan`` codes chunks straight from its per-chunk cache and reads the kind generic words
ask for ("Baghdad airport", "مطار بغداد") per chunk as written; ``scan_chunks`` builds the folded
chunks. Both must give the hits whose kind is the one :func:`_side_kinds` reads over the folded
chunks (the two nearest non-empty chunks each side, the nearest first, none across a comma). ``short_names`` skips
chunks that can name nothing through a per-chunk cache: its answers must not depend on what the
cache saw before. The texts are my own, in the style of news reports.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoutils.geoparse import scanner as S
from geoutils.geoparse import short

PAIRS = [("baghdad", "p:bgw"), ("mosul", "p:mosul"), ("mosul dam", "p:dam"), ("k1", "p:k1"), ("diyala", "p:diy"),
         ("ain asad", "p:asad"), ("كركوك", "p:kirkuk"), ("بغداد", "p:bgw"), ("اربيل", "p:ebl")]
PAIRS = [(" ".join(filter(None, S.fold_chunks(name.split()))), pid) for name, pid in PAIRS]
WORDS = ["Baghdad", "Baghdad,", "(Mosul)", "Mosul", "dam", "Dam", "airport", "Airport", "province", "base", "-", "—",
         "(", "K", "1", "K-1", "Diyala", "camp", "and", "the", "near", "Ain", "al-Asad", "مطار", "بغداد", "وأربيل",
         "محافظة", "كركوك", "قاعدة", "،", "rockets", "hit", "US", "Ky.", "UK-based", "US-Iraqi", "said", "in"]
SC = S.Scanner(PAIRS)


def reference_kinds(sc: S.Scanner, text: str) -> list[tuple]:
    r = sc.scan_chunks(text)
    out = []
    for h in r.hits:
        (b1, b2), (a1, a2) = S._side_kinds(r.folded, h.c0 - 1, -1, 1), S._side_kinds(r.folded, h.c1 + 1, 1, 0)
        out.append((h.start, h.end, h.key, h.place_ids, S._nearest_kind(r.words, h.c0, h.c1, b1, b2, a1, a2), h.c0, h.c1))
    return out


def test_kinds_examples():
    text = "Rockets hit Baghdad airport and Diyala province ; near - Mosul - , قرب مطار بغداد و محافظة كركوك"
    got = SC.scan(text)
    assert [(text[h.start:h.end], h.kind) for h in got] == [
        ("Baghdad", "airport"), ("Diyala", "governorate"),
        ("Mosul", "governorate"),  # the second non-empty chunk before it: "province"
        ("بغداد", "airport"),
        ("كركوك", "governorate")]
    assert [tuple(h) for h in got] == reference_kinds(SC, text) == [tuple(h) for h in SC.scan_chunks(text).hits]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([" ", "  ", "\n", " \t "]))
def test_scan_equals_scan_chunks_and_the_folded_rule(words, sep):
    text = sep.join(words)
    fresh = S.Scanner(PAIRS)  # empty caches: the slow path
    want = reference_kinds(fresh, text)
    assert [tuple(h) for h in fresh.scan(text)] == want
    assert [tuple(h) for h in SC.scan(text)] == want  # warm caches: the fast path
    assert [tuple(h) for h in SC.scan_chunks(text).hits] == want


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_short_names_do_not_depend_on_the_cache(words):
    text = " ".join(words)
    sc = SC.scan_chunks(text)
    warm = [(c.start, c.end, c.text, c.category, c.places) for c in short.short_names(text, sc)]
    short._LIVE.clear()
    cold = [(c.start, c.end, c.text, c.category, c.places) for c in short.short_names(text, sc)]
    assert warm == cold


def test_a_fold_cache_cleared_mid_scan_keeps_letter_number_names(monkeypatch):
    # "K 1" is joined only when its letter chunk is marked as a letter end; a fold cache that fills
    # up while a text is coded clears those marks, and the scan must still join the name
    from geoutils.geoparse import chunks

    sc = S.Scanner([("k1", "p:k1")])
    monkeypatch.setattr(chunks, "FOLD_CACHE_MAX", 6)
    chunks._FOLD_CACHE.clear()
    assert [h.key for h in sc.scan("at K 1 base")] == ["k1"]
    n = 0
    while len(chunks._FOLD_CACHE) < chunks.FOLD_CACHE_MAX:  # fill the cache to its limit
        chunks.fold_chunks([f"filler{n}"])
        n += 1
    assert [h.key for h in sc.scan("K 1 rockets")] == ["k1"]  # "rockets" is new: the cache clears mid-scan


def test_short_names_follow_a_vocabulary_change(monkeypatch):
    # the per-chunk cache of short.py and its tables are made from vocab(): a new vocabulary
    # (its cache cleared, a lexicon edited) must be read, for chunks the cache has seen and not
    import dataclasses

    from gazetteer.normalize import name_key
    from geoutils.geoparse.vocab import vocab

    text = "Troops left the US for ZQ on Friday."
    sc = SC.scan_chunks(text)
    assert [(c.text, c.category) for c in short.short_names(text, sc)] == [("US", "country")]  # "ZQ" cached: names nothing
    v = vocab()
    pairs = [(k, p) for k, p in v.pairs if k != "us"] + [(name_key("ZQ"), "country:IQ")]
    monkeypatch.setattr(short, "vocab", lambda: dataclasses.replace(v, pairs=pairs))
    assert [(c.text, c.places) for c in short.short_names(text, sc)] == [("ZQ", ["country:IQ"])]
    monkeypatch.setattr(short, "vocab", lambda: v)
    assert [c.text for c in short.short_names(text, sc)] == ["US"]
