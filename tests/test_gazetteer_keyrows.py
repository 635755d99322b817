"""The exact-key path under resolve(): rows of a key, the one-row ranking, the frequent-word set."""
from __future__ import annotations

import sqlite3

from gazetteer import Gazetteer, store
from gazetteer.place import Match, Place
from gazetteer.rank import rank_rows


def _place(pid: str, name: str, kind: str = "place", cc: str = "IQ", pop: int | None = None) -> Place:
    return Place(pid, name, None, 33.0, 44.0, kind, cc, "Baghdad", pop, "test")


def test_read_only_store_is_mapped(gz):
    g = Gazetteer(gz.path)
    assert g._base.execute("PRAGMA mmap_size").fetchone()[0] == store.MMAP_BYTES
    assert g._base.execute("PRAGMA query_only").fetchone()[0] == 1
    g.close()


def test_one_row_answers_as_the_full_ranking_does():
    # the same place reached twice goes through the full ranking; once, through the shortcut
    p = _place("t:1", "Jisr Diyala")
    row = (p, "Jisr Diyala", 0, "jisr diyala")
    one = rank_rows([row], {"jisr diyala": 100.0}, None, False, None, None, ("IQ",), "jisr diyala", False,
                    "Jisr Diyala")
    full = rank_rows([row, row], {"jisr diyala": 100.0}, None, False, None, None, ("IQ",), "jisr diyala", False,
                     "Jisr Diyala")
    assert one == full == [Match(p, 100.0, "Jisr Diyala")]


def test_one_row_keeps_a_near_miss_score():
    p = _place("t:2", "Jurf al Nasr")
    out = rank_rows([(p, "Jurf al Nasr", 0, "jurf al nasr")], {"jurf al nasr": 91.5}, None, False, None, None)
    assert out == [Match(p, 91.5, "Jurf al Nasr")]


def test_rows_of_several_keys_come_together(gz):
    g = Gazetteer(gz.path)
    one = {r[0].id for r in g._rows_for_keys(["kirkuk"])}
    both = {r[0].id for r in g._rows_for_keys(["kirkuk", "erbil", "kirkuk"])}
    assert one and one < both
    assert g._rows_for_keys([]) == []
    g.close()


def test_frequent_words_are_a_set_read_once(gz):
    g = Gazetteer(gz.path)
    assert g._common_word("Monday") and g._common_word("  may ")
    assert not g._common_word("Kirkuk")
    assert isinstance(g._common_words, frozenset) and len(g._common_words) > 1000
    g.close()


def test_a_store_without_frequent_words_has_none(tmp_path):
    path = tmp_path / "old.sqlite"
    sqlite3.connect(path).close()
    g = Gazetteer(path)
    assert not g._common_word("Monday")
    g.close()
