"""Number words are data: every entry of ``[numbers] values`` in the lexicons is read by the
number parser, in both languages (texts written for these tests)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gazetteer.normalize import tokenize
from geoutils.extract.numbers import casualties, number_at

_DIR = Path(__file__).resolve().parents[1] / "geoutils" / "lexicons"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_number_word_of_the_lexicon_is_read(lang):
    values = tomllib.loads((_DIR / f"{lang}.toml").read_text(encoding="utf-8"))["numbers"]["values"]
    assert values
    for word, value in values.items():
        assert number_at(tokenize(word), 0) == (value, 1), word


def test_compounds_and_person_nouns():
    assert number_at(tokenize("ثلاثة عشر جنديا"), 0) == (13, 2)
    assert number_at(tokenize("twenty five soldiers"), 0) == (25, 2)
    assert casualties(tokenize("أسفر الهجوم عن مقتل جنديين")).killed == 2
    assert casualties(tokenize("The blast killed a policeman and two civilians in the market.")).killed == 3
