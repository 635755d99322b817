"""Property tests: arbitrary text never raises, and the pieces keep their contracts."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st
from gazetteer.normalize import tokenize

from geoutils import extract_incidents
from geoutils.extract.dates import find_dates, find_times
from geoutils.extract.memory import MemoryGazetteer
from geoutils.extract.numbers import casualties
from geoutils.extract.sentences import split_sentences
from geoutils.schema import COLUMNS

GZ = MemoryGazetteer.demo()
WORDS = st.sampled_from(
    "صاروخ كاتيوشا على قاعدة كي وان الخميس في 27 ديسمبر/كانون الأول قتل إصابة خمسة وعشرين و بثلاثين "
    "rocket hit K-1 near Kirkuk on Thursday killed two and a Briton 20:45 . ، ( ) - السفارة embassy stormed "
    "intercepted drone last month ٢٣ يناير الثالث من attacks 20".split()
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_extract_never_raises(text, pub):
    g = extract_incidents(text, published=pub, gazetteer=GZ)
    assert list(g.columns) == COLUMNS
    assert ((g.fatalities >= 0) | g.fatalities.isna()).all()
    assert all(d is None or d <= pub for d in g.event_date)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_pieces_never_raise(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)
    toks = tokenize(text)
    find_dates(toks, date(2020, 2, 14))
    find_times(text)
    c = casualties(toks, raw=text)
    assert c.killed is None or c.killed >= 0


NL_TEXT = st.lists(st.one_of(WORDS, st.sampled_from(["\r", "\r\n", "\u2028", "\u2029", "\n", "قرب", "near", "and",
                                                       "Anbar province", "village", "20 جمادى الآخرة 1441 هـ"])),
                   max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, NL_TEXT), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_rows_index_the_input(text, pub):
    g = extract_incidents(text, published=pub, gazetteer=GZ)
    for a, b in zip(g.start_char, g.end_char):
        assert 0 <= a < b <= len(text)
        assert text[a:b].strip() and text[a:b] == text[a:b].strip()
    assert all(len(n) <= 1200 for n in g.notes)
