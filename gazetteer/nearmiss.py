"""Near-miss searches of :class:`gazetteer.Gazetteer` (a mixin): the fuzzy index over keys,
and Arabic spellings of foreign provinces read by their consonants ("ولاية تكساس" is Texas).

Example
-------
>>> Gazetteer.default()._cross_script_rows("ولاية تكساس")[0][0][0].name   # doctest: +SKIP
'Texas'
"""
from __future__ import annotations

import re
from functools import cached_property

from gazetteer import store
from gazetteer.normalize import cross_script_skeleton, name_key

#: score of a province reached through the consonant skeleton of its Arabic spelling, and how
#: close (rapidfuzz ratio) its vowelled form must be
CROSS_SCRIPT_SCORE = 80.0
CROSS_SCRIPT_MIN_RATIO = 70.0
#: a Latin spelling reaching a local place's Arabic name by sound: its score, the shortest
#: skeleton, and how close the vowelled forms must be (closer for a two-consonant skeleton)
LATIN_AR_SCORE = 75.0
LATIN_AR_MIN_LETTERS = 5
_SPOKEN = re.compile("[aeiou]")
_MARKS = frozenset(" -'’‘`ʿʾ.")
_ODD_CASE = re.compile(r"[a-z][A-Z]")
LATIN_AR_MIN_LEN = 2
LATIN_AR_MIN_RATIO = 80.0
LATIN_AR_MIN_RATIO_SHORT = 85.0
#: a word of this many letters that English text writes (wordfreq Zipf frequency at least
#: :data:`LATIN_AR_MAX_ZIPF`) is spelt as the press spells it: a person, a group or a word
#: ("Daesh", "Yasser", "Hashd"), never a place's Arabic name spelt by sound
LATIN_AR_WORD_LEN = 4
LATIN_AR_MAX_ZIPF = 1.0
#: the sound match must be unique: its best place name ahead of the next by this many points
LATIN_AR_MARGIN = 2.0


class NearMiss:
    """Fuzzy and cross-script lookups (the host provides ``_lock``, ``_conns``, ``_base``,
    ``_has_table`` and ``_rows_for_keys``)."""

    # -- cross-script skeletons ---------------------------------------------
    def _cross_script(self, sk: str) -> list[tuple[str, str]]:
        """(key, vowelled skeleton) of the Latin names of provinces and regions with skeleton ``sk``
        (a table of the default database; computed for a user layer)."""
        out: list[tuple[str, str]] = []
        with self._lock:
            for con, layer in self._conns():
                if layer == "default" and self._has_table(con, "cross_script"):
                    out += con.execute("SELECT key, vow FROM cross_script WHERE sk=?", (sk,)).fetchall()
                else:
                    out += [(k, v) for s, k, v in store.cross_script_rows(con) if s == sk]
        return out

    def _cross_script_rows(self, name: str) -> tuple[list, dict[str, float]]:
        """Provinces and regions whose Latin name has the consonant skeleton of an Arabic ``name``
        and whose vowelled form is close to it (:data:`CROSS_SCRIPT_MIN_RATIO`); scored up to
        :data:`CROSS_SCRIPT_SCORE` by that closeness."""
        from rapidfuzz import fuzz

        sk = cross_script_skeleton(name)
        if len(sk) < store.CROSS_SCRIPT_MIN_LEN:
            return [], {}
        mine = cross_script_skeleton(name, vowels=True)
        scores: dict[str, float] = {}
        for key, vow in self._cross_script(sk):
            r = fuzz.ratio(mine, vow)
            if r >= CROSS_SCRIPT_MIN_RATIO:
                scores[key] = max(scores.get(key, 0.0), CROSS_SCRIPT_SCORE - (100 - r) / 5)
        rows = [r for r in self._rows_for_keys(scores) if r[0].kind in store.CROSS_SCRIPT_KINDS
                and r[2] != store.CODE_ONLY]
        return rows, scores

    def _latin_to_arabic_rows(self, name: str, region: set[str]) -> tuple[list, dict[str, float]]:
        """Local places in ``region`` whose Arabic name has the consonant skeleton of a Latin
        ``name`` and a vowelled form close to it (:data:`LATIN_AR_MIN_RATIO`): the last resort
        for a spelling no source writes ("Kirshin" is كرشين, which DTM spells "Girsheen"). Scored
        up to :data:`LATIN_AR_SCORE`, below every spelling match. Only for a name of words English
        text does not write (:data:`LATIN_AR_MAX_ZIPF`) and only when one name of the sound is
        clearly closest (:data:`LATIN_AR_MARGIN`); else nothing.

        >>> Gazetteer.default()._latin_to_arabic_rows("Daesh", {"IQ"})   # doctest: +SKIP
        ([], {})
        """
        from rapidfuzz import fuzz
        from wordfreq import zipf_frequency

        sk = cross_script_skeleton(name)
        if len(sk) < LATIN_AR_MIN_LEN or not self._has_table(self._base, "cross_script_ar"):
            return [], {}
        qkey = name_key(name)
        # a name written by sound: letters (and marks), a vowel in every word, five letters or more
        # ("Qwrtyp", "=uax7o", "zOrE" are none)
        if (len(qkey.replace(" ", "")) < LATIN_AR_MIN_LETTERS or not all(_SPOKEN.search(w) for w in qkey.split())
                or not all(ch.isalpha() or ch in _MARKS for ch in name) or _ODD_CASE.search(name)):
            return [], {}
        if any(len(w) >= LATIN_AR_WORD_LEN and zipf_frequency(w, "en") >= LATIN_AR_MAX_ZIPF for w in qkey.split()):
            return [], {}
        mine = cross_script_skeleton(name, vowels=True)
        need = LATIN_AR_MIN_RATIO if len(sk) >= 3 else LATIN_AR_MIN_RATIO_SHORT
        scores: dict[str, float] = {}
        with self._lock:
            found = self._base.execute("SELECT key, vow FROM cross_script_ar WHERE sk=?", (sk,)).fetchall()
        for key, vow in found:
            r = fuzz.ratio(mine, vow)
            if r >= need:
                scores[key] = max(scores.get(key, 0.0), LATIN_AR_SCORE - (100 - r) / 5)
        rows = [r for r in self._rows_for_keys(scores) if r[2] != store.CODE_ONLY and r[0].country_code in region
                and r[0].id.startswith(store.LOCAL_ID_PREFIXES)]
        # among places of one sound, the one whose Latin name is spelt closest (a "Sinia" is Al-Siniya,
        # not Al-Hassainya, whose ح the skeleton drops)
        latin: dict[str, float] = {}
        for r in rows:
            latin[r[3]] = max(latin.get(r[3], 0.0), fuzz.ratio(qkey, name_key(r[0].name)))
        final = {k: v - (100 - latin[k]) / 10 for k, v in scores.items() if k in latin}
        ranked = sorted(final.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] - ranked[1] < LATIN_AR_MARGIN):
            return [], {}  # two names of one sound, neither clearly closer: no answer
        top = max(final, key=final.get)
        return [r for r in rows if r[3] == top], {top: final[top]}

    # -- fuzzy index -------------------------------------------------------
    @cached_property
    def _fuzzy(self):
        from gazetteer.fuzzy import FuzzyIndex

        keys: list[str] = []
        local_sql = ("SELECT DISTINCT a.key FROM aliases a JOIN places p ON p.rid=a.rid WHERE p.id LIKE 'dtm:%'"
                     " OR p.id LIKE 'cod:%' OR p.id LIKE 'cur:%' OR p.id LIKE 'user:%'")
        precomputed = self._has_table(self._base, "fuzzy_keys")
        with self._lock:
            for con, layer in self._conns():
                if not (layer == "default" and precomputed):
                    keys += [r[0] for r in con.execute(
                        "SELECT DISTINCT a.key FROM aliases a JOIN places p ON p.rid=a.rid WHERE p.fuzzy=1")]

        def loader(c: str) -> list[str]:  # the default's keys of one first letter, from its primary key
            with self._lock:
                return [r[0] for r in self._base.execute(
                    "SELECT key FROM fuzzy_keys WHERE key >= ? AND key < ?", (c, chr(ord(c) + 1)))]

        def local() -> list[str]:  # vowel variants are how local names get transliterated: local sources only
            out = []
            with self._lock:
                for con, layer in self._conns():
                    pre = layer == "default" and self._has_table(con, "fuzzy_keys")
                    out += [r[0] for r in con.execute("SELECT key FROM fuzzy_keys WHERE local=1" if pre else local_sql)]
            return out

        return FuzzyIndex(keys, local, loader if precomputed else None)
