"""Toponym scanner: one Aho-Corasick pass over name_key-folded text, clitic-aware.

The text is cut at whitespace; each chunk is folded once with the shared
:func:`gazetteer.normalize.tokenize` (cached per distinct chunk, so a corpus pays for
its vocabulary, not its length) and the folded chunks are joined with single spaces.
Gazetteer keys (``name_key`` of every alias) are matched between spaces, and Arabic
keys are also inserted with the proclitics و ب ل ف ك (and وب ول فب) attached, so
"وأربيل" or "بكركوك" match without trying readings token by token.

Example
-------
>>> sc = Scanner([("كركوك", "p:kirkuk"), ("k1", "p:k1"), ("ain asad", "p:asad")])
>>> text = "صواريخ على كركوك وبكركوك then K-1 and Ain al-Asad"
>>> [(text[h.start:h.end], h.place_ids) for h in sc.scan(text)]
[('كركوك', ('p:kirkuk',)), ('وبكركوك', ('p:kirkuk',)), ('K-1', ('p:k1',)), ('Ain al-Asad', ('p:asad',))]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import ahocorasick
import numpy as np

from gazetteer.normalize import GENERIC_WORDS, PROCLITICS, is_arabic, tokenize

__all__ = ["Hit", "Scanner", "scanner_for", "fold_chunks", "DEFAULT_COUNTRIES"]

#: countries whose small places are scanned by default (the region the analysts cover);
#: elsewhere only cities of at least ``WORLD_MIN_POPULATION`` people.
DEFAULT_COUNTRIES = ("IQ", "SY", "IR", "TR", "LB", "JO", "SA", "KW", "YE", "IL", "PS", "EG", "AE", "QA", "BH", "OM")
REGION_MIN_POPULATION = 1000
WORLD_MIN_POPULATION = 100000

_CLITICS = tuple(PROCLITICS) + ("وب", "ول", "فب", "فل", "وك")
# keys that are ordinary words in news text (folded); a place named like this is not scanned
_STOP_AR = frozenset("""
من في على الي الى عن مع بعد قبل بين حول منذ كان قال امن عام يوم شمال جنوب شرق غرب وسط قوات جيش حرب
سلام نصر عين بير تل جبل وادي نهر بحر حي ام ابو بني دار بيت باب راس سوق كفر دير خان قصر برج حزب امير
محمد علي حسن حسين عمر احمد هذا هذه ذلك التي الذي اول ثاني ثالث اخر جديد كبير صغير امام خلال عند حيث
اذا كما لكن وقد قد لم لن ان او ثم منطقه جهه اجل شهر اسبوع ليله ساعه مصادر قاده قايد قوه رييس وزير دوله
جنود عدد نحو مهمه طريق رد فعل خطه مشروع موكب رجل رجلين عراقي امريكي اميركي ايراني اميركيه امريكيه عربي
عربيه سوري سوريه دوليه امن تحرك سلطات اشهر كرد قاسم سليماني مهندس صبر رساله نايب موافقه مقتل حياه هجوم صاروخ غاره ضربه
""".split())
_STOP_EN = frozenset("""
the and for with from that this said says will would could after before about over under into near
army police base camp city town village north south east west central new old great little saint
mine hit man gun war peace victory hope union center centre market bridge road street hill mount
may march june july august monday tuesday wednesday thursday friday saturday sunday
""".split())


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer key found in the text: char span, key, candidate place ids, and the
    kind asked for by generic words right around it (مطار بغداد -> "airport")."""

    start: int
    end: int
    key: str
    place_ids: tuple[str, ...]
    kind: str | None = None


def _usable(key: str) -> bool:
    words = key.split()
    if not words or all(w in GENERIC_WORDS for w in words):
        return False
    if len(words) == 1:
        w = words[0]
        if is_arabic(w):
            return len(w) >= 3 and w not in _STOP_AR
        return (len(w) >= 3 or any(c.isdigit() for c in w)) and w not in _STOP_EN and not w.isdigit()
    return not all(w.isdigit() for w in words)


# -- folding, cached per distinct whitespace chunk ---------------------------
_FOLD_CACHE: dict[str, str] = {}
_FOLD_CACHE_MAX = 1_000_000


def _fold_chunk(chunk: str) -> str:
    return " ".join(t.norm for t in tokenize(chunk))


def fold_chunks(words: list[str]) -> list[str]:
    """Folded form of each whitespace chunk (multi-token chunks joined by spaces; "" for punctuation).

    Example
    -------
    >>> fold_chunks(["وأربيل", "(العراق)", "-", "K-1"])
    ['واربيل', 'عراق', '', 'k1']
    """
    cache = _FOLD_CACHE
    missing = set(words).difference(cache)
    if missing:
        if len(cache) + len(missing) > _FOLD_CACHE_MAX:
            cache.clear()
            missing = set(words)
        for w in missing:
            cache[w] = _fold_chunk(w)
    return list(map(cache.__getitem__, words))


_WS_TABLE = np.zeros(0x3001, dtype=bool)
_WS_TABLE[[ord(c) for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
           "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"]] = True


def _word_starts(text: str) -> np.ndarray:
    """Start offsets of ``text.split()`` chunks (vectorised)."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    ws = _WS_TABLE[np.minimum(cps, 0x3000)]
    prev = np.empty_like(ws)
    prev[0] = True
    prev[1:] = ws[:-1]
    return np.flatnonzero(~ws & prev)


class Scanner:
    """Aho-Corasick matcher of gazetteer keys over folded text.

    Parameters
    ----------
    pairs : ``(key, place_id)`` pairs, ``key == name_key(alias)`` (as from ``Gazetteer.alias_keys``).
    latin_capitalised : English names must start with a capital letter or a digit in the
        text ("Hit" the town, not "hit" the verb).

    Example
    -------
    >>> Scanner([("baghdad", "p:bgw")]).scan("rockets near Baghdad airport")[0].kind
    'airport'
    """

    def __init__(self, pairs: Iterable[tuple[str, str]], latin_capitalised: bool = True) -> None:
        ids: dict[str, dict[str, None]] = {}
        for key, pid in pairs:
            if key and _usable(key):
                ids.setdefault(key, {})[pid] = None
        self.keys = {k: tuple(v) for k, v in ids.items()}
        self.latin_capitalised = latin_capitalised
        auto = ahocorasick.Automaton()
        for key, pids in self.keys.items():
            auto.add_word(f" {key} ", (key, pids, len(key)))
        for key, pids in self.keys.items():
            if is_arabic(key[0]) and len(key.split(" ", 1)[0]) >= 3:
                for c in _CLITICS:
                    variant = c + key
                    if variant not in self.keys and variant.split(" ", 1)[0] not in _STOP_AR:
                        auto.add_word(f" {variant} ", (key, pids, len(variant)))
        if len(auto) == 0:
            auto.add_word("\x00", ("", (), 1))  # an automaton needs a word
        auto.make_automaton()
        self._auto = auto

    def __len__(self) -> int:
        return len(self.keys)

    def scan(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping key matches in ``text``, with char offsets.

        Example
        -------
        >>> sc = Scanner([("عين اسد", "p:asad"), ("اربيل", "p:ebl")])
        >>> [h.key for h in sc.scan("على قاعدتي عين الأسد (غرب) وأربيل (شمال)")]
        ['عين اسد', 'اربيل']
        """
        words = text.split()
        if not words:
            return []
        folded = fold_chunks(words)
        lens = np.fromiter(map(len, folded), dtype=np.int64, count=len(folded))
        keep = np.flatnonzero(lens > 0)
        if not len(keep):
            return []
        joined = " " + " ".join(filter(None, folded)) + " "
        # folded start offset of each kept chunk
        kl = lens[keep] + 1
        fstart = np.empty(len(keep), dtype=np.int64)
        fstart[0] = 1
        np.cumsum(kl[:-1], out=fstart[1:])
        fstart[1:] += 1
        # the pattern " variant " ends at ``end`` (its trailing space)
        found = [(end - vlen, end, key, pids) for end, (key, pids, vlen) in self._auto.iter(joined) if pids]
        if not found:
            return []
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        arr = np.array([(f[0], f[1] - 1) for f in found], dtype=np.int64)
        k0s = (np.searchsorted(fstart, arr[:, 0], side="right") - 1).tolist()
        k1s = (np.searchsorted(fstart, arr[:, 1], side="right") - 1).tolist()
        # leftmost-longest, no overlaps
        hits: list[Hit] = []
        last_end = -1
        starts = _word_starts(text)
        keep_l = keep.tolist()
        for (fs, fe, key, pids), k0, k1 in zip(found, k0s, k1s):
            if fs < last_end:
                continue
            c0 = int(starts[keep_l[k0]])
            w1 = keep_l[k1]
            s, e = _trim(text, c0, int(starts[w1]) + len(words[w1]))
            if s >= e:
                continue
            if self.latin_capitalised and not is_arabic(key) and not (text[s].isupper() or text[s].isdigit()):
                continue
            hits.append(Hit(s, e, key, pids, _kind_near(folded, keep_l, k0, k1)))
            last_end = fe
        return hits


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


_EDGE_KIND: dict[str, tuple[str | None, str | None]] = {}


def _edges(chunk: str) -> tuple[str | None, str | None]:
    """(kind of the chunk's first word, kind of its last word) when they are generic words."""
    got = _EDGE_KIND.get(chunk)
    if got is None:
        words = chunk.split() or [""]

        def kind(w: str) -> str | None:
            return GENERIC_WORDS.get(w) or _EXTRA_KIND.get(w)

        got = _EDGE_KIND[chunk] = (kind(words[0]), kind(words[-1]))
    return got


def _kind_near(folded: list[str], keep: list[int], k0: int, k1: int) -> str | None:
    """Kind asked for by generic words just before or after the match (مطار بغداد, Baghdad airport)."""
    n = len(keep)
    for k in (k0 - 1, k0 - 2):
        if k >= 0:
            g = _edges(folded[keep[k]])[1]
            if g:
                return g
    for k in (k1 + 1, k1 + 2):
        if k < n:
            g = _edges(folded[keep[k]])[0]
            if g:
                return g
    return None


# plural and dual forms the shared GENERIC_WORDS does not list (a lexical cue, not a fold)
_EXTRA_KIND = {"قاعدتي": "base", "قاعدتين": "base", "قواعد": "base", "مطاري": "airport", "bases": "base",
               "airbase": "base", "airport": "airport"}


@lru_cache(maxsize=8)
def scanner_for(gazetteer: Any, countries: tuple[str, ...] | None = DEFAULT_COUNTRIES,
                min_population: int = REGION_MIN_POPULATION,
                world_min_population: int = WORLD_MIN_POPULATION) -> Scanner:
    """The scanner for a gazetteer, built once per process (cached by gazetteer object).

    Curated places, airfields and governorates always come in (the gazetteer's contract);
    GeoNames places in ``countries`` with ``min_population`` people, and elsewhere with
    ``world_min_population``. Embassy/consulate keys (e.g. just "American") are kept out: a
    generic word (السفارة, embassy) must point at them, see :func:`generic_target`.

    Example
    -------
    >>> from gazetteer import Gazetteer                      # doctest: +SKIP
    >>> len(scanner_for(Gazetteer.default())) > 1000        # doctest: +SKIP
    True
    """
    pairs = list(gazetteer.alias_keys(countries=list(countries) if countries else None, min_population=min_population))
    if countries:
        pairs += gazetteer.alias_keys(countries=None, min_population=world_min_population)
    missions: set[str] = set()
    if hasattr(gazetteer, "to_geodataframe"):
        missions = set(gazetteer.to_geodataframe(kinds=["embassy", "consulate"])["id"])
    return Scanner((k, p) for k, p in pairs if p not in missions)
