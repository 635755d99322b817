"""The build's fast paths give what the plain ones give.

The fold of a Latin word is done with str methods, and a build inserts its rows in batches
with rids it numbers itself. Both must give the same keys and rows as the reference steps:
every lookup key and every stored row depends on them.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer import normalize
from gazetteer.store import SCHEMA, insert_places


#: the Latin fold spelled as patterns, as it was before the fast path (the reference)
_PAIRS = [(re.compile(p), r) for p, r in [
    (r"ou", "u"), (r"oo", "u"), (r"ee", "i"), (r"(?:dh|th)", "z"), (r"q", "k"), (r"ay", "ai"), (r"ck", "k"),
    (r"(?<=[a-z])[ae]h$", "a"), (r"([a-z])\1+", r"\1")]]


def _reference_fold_latin(w: str) -> str:
    w = unicodedata.normalize("NFKD", w)
    w = "".join(ch for ch in w if not unicodedata.combining(ch))
    w = normalize._NON_WORD.sub("", w.casefold())
    for pat, rep in _PAIRS:
        w = pat.sub(rep, w)
    return w


# letters the folds act on, in both cases, with marks, digits and the odd symbol
_ALPHABET = "aeiouqkcdhtysAEIOUQKCDHTYS0123456789'’ʿʾ-_ éÉâçşğıİŞĞÖöüÜḥṣṭẓāīūʹˁ²ﬁß"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_the_fast_latin_fold_is_the_pattern_fold(word):
    assert normalize._fold_latin(word) == _reference_fold_latin(word)


def test_the_fast_fold_on_words_news_writes():
    for w in ("Qa'im", "Baqubah", "Hasakeh", "Deir ez-Zor", "Mosul", "Tall Afar", "Dhi Qar", "Thar Thar",
              "Straße", "İstanbul", "Şırnak", "Ayn", "Zakho", "Rutbah", "Kirkuk"):
        assert normalize._fold_latin(w) == _reference_fold_latin(w), w


def _db() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:", isolation_level=None)
    con.executescript(SCHEMA)
    return con


def _records(start: int) -> list[dict]:
    return [{"id": f"t:{start + i}", "name": name, "name_ar": None, "lat": 33.0 + i, "lon": 44.0 + i,
             "kind": "place", "country_code": "IQ", "admin1": None, "population": 10 * i, "source": "test",
             "aliases": [name, f"{name} Air Base", f"al-{name}"], "derived": [f"{name}-608"], "codes": codes}
            for i, (name, codes) in enumerate([("Hamrin", ["HMR"]), ("Qaim", []), ("Balad", ["ORBD", "Balad"])])]


def _dump(con: sqlite3.Connection) -> tuple:
    return (con.execute("SELECT * FROM places ORDER BY rid").fetchall(),
            con.execute("SELECT * FROM aliases ORDER BY key, rid").fetchall(),
            con.execute("SELECT * FROM places_rtree ORDER BY rid").fetchall())


def test_batched_build_inserts_the_rows_one_by_one_inserts():
    one, batch = _db(), _db()
    for con in (one, batch):  # a place already stored: the batch numbers its rids after it
        insert_places(con, _records(0)[:1])
    insert_places(one, _records(10))
    insert_places(batch, _records(10), replace=False)
    assert _dump(batch) == _dump(one)
    places = _dump(batch)[0]
    assert [r[0] for r in places] == [1, 2, 3, 4]
    # a code that is also a name keeps the name's row (its own aliases come first)
    assert batch.execute("SELECT stripped FROM aliases WHERE key='balad' AND rid=4").fetchone() == (0,)
