"""Property tests: geoparse never raises on arbitrary Unicode, and spans index the input."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoutils.extract.memory import MemoryGazetteer
from geoutils.geoparse import parse_mentions

GZ = MemoryGazetteer.demo()
WORDS = ["Kirkuk", "كركوك", "وبغداد", "Feb", "17", "province", "قرية", "north", "of", ",", "(", ")", "—", "Iraqi",
         "العراق", "near", "village", "K-1", "K 1", "\n", "  ", "التابعة", "لقضاء", "Erbil"]
texty = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), texty))
def test_never_raises_and_spans_index_the_input(text):
    ms = parse_mentions(text, gazetteer=GZ)
    last = -1
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.start
        assert m.role in ("place", "context") and 0.0 <= m.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(texty)
def test_real_gazetteer_never_raises(text):
    from gazetteer import Gazetteer

    for m in parse_mentions(text, gazetteer=Gazetteer.default(progress=False)):
        assert text[m.start:m.end] == m.text
