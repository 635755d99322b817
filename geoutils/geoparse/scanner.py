"""Toponym scanner: one compiled leftmost-longest pass over name_key-folded text, clitic-aware.

The text is cut at whitespace; each chunk is folded once with the shared
:func:`gazetteer.normalize.tokenize` (cached per distinct chunk, so a corpus pays for
its vocabulary, not its length) and the folded tokens are coded for
:mod:`geoutils.geoparse.keymatch` (separators, and a mark on the tokens of lower-case
Latin chunks, where no capitalised key may start), also cached per chunk.
The one join tokenize makes across whitespace, a single letter and the number after it
("K 1", "K - 1" -> "k1"), is kept: such chunk pairs are re-tokenized together (except
after the English words "a" and "I": "a 10-year-old" is not the key "a10").
Gazetteer keys (``name_key`` of every alias) are matched between spaces, and Arabic
keys are also inserted with the proclitics و ب ل ف ك (and وب ول فب) attached, so
"وأربيل" or "بكركوك" match without trying readings token by token.

Example
-------
>>> sc = Scanner([("كركوك", "p:kirkuk"), ("k1", "p:k1"), ("ain asad", "p:asad")])
>>> text = "صواريخ على كركوك وبكركوك then K-1 and Ain al-Asad, K 1"
>>> [(text[h.start:h.end], h.place_ids) for h in sc.scan(text)]  # doctest: +NORMALIZE_WHITESPACE
[('كركوك', ('p:kirkuk',)), ('وبكركوك', ('p:kirkuk',)), ('K-1', ('p:k1',)),
 ('Ain al-Asad', ('p:asad',)), ('K 1', ('p:k1',))]
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any, Iterable, NamedTuple

from gazetteer.normalize import GENERIC_WORDS, PROCLITICS, is_arabic, name_initial
from geoutils.geoparse.chunks import FOLD_CACHE_MAX, FOLD_GENERATION, LETTER_THEN_DIGIT, POSSESSIVE, cached_map, chunk_starts, fold_chunks
from geoutils.geoparse.chunks import join_letter_number, may_join, trim, word_starts
from geoutils.geoparse.keymatch import KeyMatcher, patterns, segment, select, unmarked_tokens
from geoutils.geoparse.vocab import words as lexicon_words

__all__ = ["Hit", "Scan", "Scanner", "scanner_for", "scanner_pairs", "fold_chunks", "word_starts", "usable_key",
           "DEFAULT_COUNTRIES"]

#: countries whose small places are scanned by default (the region the analysts cover);
#: elsewhere only cities of at least ``WORLD_MIN_POPULATION`` people.
DEFAULT_COUNTRIES = ("IQ", "SY", "IR", "TR", "LB", "JO", "SA", "KW", "YE", "IL", "PS", "EG", "AE", "QA", "BH", "OM")
REGION_MIN_POPULATION = 1000
WORLD_MIN_POPULATION = 100000

_CLITICS = tuple(PROCLITICS) + ("وب", "ول", "فب", "فل", "وك")
# keys that are ordinary words in news text (folded); a place named like this is not scanned.
# English needs only function words here: capitals and wordfreq frequencies (geoutils.geoparse.recognise)
# decide the rest ("Hit" the town, "Hit by rockets" the verb).
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
""".split())


class Hit(NamedTuple):
    """A gazetteer key found in the text: char span, key, candidate place ids, and the
    kind asked for by generic words right around it (مطار بغداد -> "airport").

    A named tuple: immutable like a frozen dataclass, and several times cheaper to make.
    """

    start: int
    end: int
    key: str
    place_ids: tuple[str, ...]
    kind: str | None = None
    c0: int = -1  # first and last chunk of the match, as indices into :attr:`Scan.words`
    c1: int = -1


_new_hit = tuple.__new__


class Scan(NamedTuple):
    """A scan with its chunks, for looking at the words around each hit without a second pass.

    ``hits`` are the matches (their ``c0``/``c1`` index the chunks), ``words`` the whitespace
    chunks of the text (``text.split()``), ``folded`` their folded forms ("" for
    punctuation-only chunks and for the chunks merged into the one before, "K 1" -> "k1", "").
    """

    hits: list[Hit]
    words: list[str]
    folded: list[str]


def usable_key(key: str) -> bool:
    """Can the scanner hold ``key`` (not only generic words, not too short a single word)?"""
    words = key.split()
    if not words or all(w in GENERIC_WORDS for w in words):
        return False
    if len(words) == 1:
        w = words[0]
        if is_arabic(w):
            return len(w) >= 3 and w not in _STOP_AR
        return (len(w) >= 3 or any(c.isdigit() for c in w)) and w not in _STOP_EN and not w.isdigit()
    return not all(w.isdigit() for w in words)


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
            if key and usable_key(key):
                ids.setdefault(key, {})[pid] = None
        self.keys = {k: tuple(v) for k, v in ids.items()}
        self.latin_capitalised = latin_capitalised
        # tokens a lower-case Latin chunk marks: no capitalised key starts there (see keymatch)
        self._unmarked = unmarked_tokens(self.keys) if latin_capitalised else frozenset()
        unmarked = self._unmarked
        markable = {t: latin_capitalised and t not in unmarked and not is_arabic(t)
                    for t in {t for k in self.keys for t in k.split(" ")}}.__getitem__

        # pattern -> (key, place ids, Latin key that must be capitalised); the clitic
        # variants of a key share one payload tuple
        pats: dict[str, tuple] = {}
        clitic: list[tuple[str, tuple, list[str]]] = []
        for key, pids in self.keys.items():
            cap = latin_capitalised and not is_arabic(key)
            val = (key, pids, cap)
            kp = patterns(key, markable, first=not cap)
            for p in kp:
                pats[p] = val
            if is_arabic(key[0]) and len(key.split(" ", 1)[0]) >= 3:
                clitic.append((key, (key, pids, False), kp))
        for key, val, kp in clitic:
            for c in _CLITICS:
                variant = c + key
                if variant not in self.keys and variant.split(" ", 1)[0] not in _STOP_AR:
                    for p in kp:  # an Arabic first token is never marked: the clitic goes after the mark
                        pats[p[0] + c + p[1:]] = val
        self._matcher = KeyMatcher(pats)
        self._segs: dict[str, str] = {}
        self._wedges: dict[str, tuple[str | None, str | None] | None] = {}
        self._gen = FOLD_GENERATION[0]

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_segs"] = {}
        state["_wedges"] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__dict__.setdefault("_wedges", {})
        self._gen = FOLD_GENERATION[0]

    def _seg(self, word: str, fold: str) -> str:
        """The coded text of a chunk: its folded tokens after separators, marked when the chunk
        is Latin text whose name starts in lower case (no capitalised key can start there)."""
        if not fold:
            return ""
        toks = fold.split(" ")
        if self.latin_capitalised and not is_arabic(fold):
            first = name_initial(word)  # "al-Harir": the name's letter, not the article's
            if first is not None and not (first.isupper() or first.isdigit()):
                unmarked = self._unmarked
                return segment(toks, [t not in unmarked for t in toks])
        return segment(toks)

    def _segments(self, words: list[str]) -> list[str]:
        """The coded text of each chunk, cached per chunk (keyed by the chunk as written; a miss
        folds it through :func:`fold_chunks`, so the fold cache holds every chunk this one does)."""
        if self._gen != FOLD_GENERATION[0]:  # the fold cache was cleared (and its letter-end marks)
            self._segs.clear()
            self._wedges.clear()
            self._gen = FOLD_GENERATION[0]
        return cached_map(self._segs, words, lambda i, w: self._seg(w, fold_chunks([w])[0]))

    def _word_edges(self, word: str) -> tuple[str | None, str | None] | None:
        """:func:`_edges` of the chunk's fold, None for a chunk that folds to "" (cached per chunk)."""
        got = self._wedges.get(word, 0)
        if got == 0:
            if len(self._wedges) > FOLD_CACHE_MAX:
                self._wedges.clear()
            f = fold_chunks([word])[0]
            got = self._wedges[word] = _edges(f) if f else None
        return got  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.keys)

    def scan(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping key matches in ``text``, with char offsets.

        See :meth:`scan_chunks` for the same hits with the chunks around them.

        Example
        -------
        >>> sc = Scanner([("عين اسد", "p:asad"), ("اربيل", "p:ebl")])
        >>> [h.key for h in sc.scan("على قاعدتي عين الأسد (غرب) وأربيل (شمال)")]
        ['عين اسد', 'اربيل']
        """
        return self._scan(text, False).hits

    def scan_chunks(self, text: str) -> Scan:
        """The hits of :meth:`scan` with the text's whitespace chunks (``Hit.c0``/``c1`` index them).

        Example
        -------
        >>> r = Scanner([("baghdad", "p:b")]).scan_chunks("hit Baghdad, again")
        >>> r.words[r.hits[0].c0], r.folded[r.hits[0].c1 + 1]
        ('Baghdad,', 'again')
        """
        return self._scan(text, True)

    def _scan(self, text: str, chunks: bool) -> Scan:
        """:meth:`scan_chunks`; with ``chunks=False`` the folded chunks are only made when needed
        (``Scan.folded`` is then ``[]`` unless tokenize joined chunks: :meth:`scan` drops it)."""
        words = text.split()
        if not words:
            return Scan([], words, [])
        # a chunk's coded text is "" exactly when it folds to "": every chunk this scan codes is in the fold cache
        segs = self._segments(words)
        # a fold cache cleared while this text was coded dropped the letter-end marks of its chunks
        # already coded ("K 1"): folding them again puts the marks back before may_join reads them
        stale = self._gen != FOLD_GENERATION[0]
        folded: list[str] = fold_chunks(words) if chunks or stale else []
        if not any(segs):
            return Scan([], words, folded)
        starts: list[int] | None = None
        ends: dict[int, int] = {}  # chunk -> end offset, for chunks merged with the next ones
        segs.append(" ")
        coded = "".join(segs)
        if may_join(words) and LETTER_THEN_DIGIT.search(coded):
            if not chunks:
                folded = fold_chunks(words)
            starts = join_letter_number(text, words, folded, ends)
            if ends:
                for i in ends:
                    segs[i] = self._seg(words[i], folded[i])
                segs = [g if f else "" for g, f in zip(segs, folded)]
                segs.append(" ")
                coded = "".join(segs)
        # chunk -> offset of its coded text (the last entry, the closing space, is no chunk)
        cst = list(accumulate(map(len, segs), initial=0))
        if starts is None:
            starts = chunk_starts(text, words)
        payload = self._matcher.values
        wedges = self._word_edges
        wget = self._wedges.get
        nw = len(words)

        def accept(ps: int, pe: int, idx: int) -> Hit | None:
            key, pids, cap = payload[idx]
            if not pids:
                return None
            # the pattern starts at the mark before the key and ends after the space after it
            w0 = bisect_right(cst, ps - 1) - 1
            w1 = w0 if pe - 2 < cst[w0 + 1] else bisect_right(cst, pe - 2) - 1
            s = starts[w0]
            if ends and w1 in ends:
                e = ends[w1]
            else:
                w = words[w1]
                e = starts[w1] + len(w)
                if w.endswith(POSSESSIVE):
                    e -= 2
            if not (text[s].isalnum() and text[e - 1].isalnum()):
                s, e = trim(text, s, e)
                if s >= e:
                    return None
            if cap and not (text[s].isupper() or text[s].isdigit()) and not name_initial(text[s:e]).isupper():
                return None  # a capitalised key as written: "al-Harir" is, "harir" is not
            # kind asked for by generic words just before or after (مطار بغداد, Baghdad airport)
            # the nearest first: "Baghdad airport and Diyala province" asks "province" of Diyala
            if ends:  # chunks merged by tokenize's join: their folds are the merged ones
                (b1, b2), (a1, a2) = _side_kinds(folded, w0 - 1, -1, 1), _side_kinds(folded, w1 + 1, 1, 0)
                return _new_hit(Hit, (s, e, key, pids, _nearest_kind(words, w0, w1, b1, b2, a1, a2, folded), w0, w1))
            if w0 >= 2 and w1 + 2 < nw:
                # most hits: two chunks each side, all known and none folding to "" (the cache holds
                # a chunk's (first, last) kinds; None for "", 0 when not cached yet)
                k1, k2, k3, k4 = wget(words[w0 - 1], 0), wget(words[w0 - 2], 0), wget(words[w1 + 1], 0), \
                    wget(words[w1 + 2], 0)
                if k1 and k2 and k3 and k4:
                    return _new_hit(Hit, (s, e, key, pids, _nearest_kind(words, w0, w1, k1[1], k2[1], k3[0], k4[0]),
                                          w0, w1))
            # the same, read per chunk as written (no fold list needed)
            (b1, b2), (a1, a2) = _side_word_kinds(words, wedges, w0 - 1, -1, 1), \
                _side_word_kinds(words, wedges, w1 + 1, 1, 0)
            kind = _nearest_kind(words, w0, w1, b1, b2, a1, a2)
            return _new_hit(Hit, (s, e, key, pids, kind, w0, w1))  # Hit(...) without its Python-level __new__

        return Scan(select(self._matcher, coded, accept), words, folded)


_EDGE_KIND: dict[str, tuple[str | None, str | None]] = {}
#: a chunk ending so closes a phrase: a generic word behind it belongs to the name before it
#: (a colon opens a list of that kind instead: "two airports: Baghdad and Basra")
_PHRASE_END = frozenset(",;.!?)]»\"،؛")


def _nearest_kind(words: list[str], w0: int, w1: int, b1: str | None, b2: str | None, a1: str | None,
                  a2: str | None, folded: list[str] | None = None) -> str | None:
    """The kind asked for by the nearest generic word around a hit on chunks ``w0``..``w1``
    (``b1``, ``b2`` before it, nearest first; ``a1``, ``a2`` after it), not across a comma or
    other phrase end: in "Islah village, Diyala province" the village is Islah, the province Diyala.
    A word two chunks away asks only through a bridge (:func:`_bridges`): "the province of Diyala",
    "Harir air base", but not "Kabashi village in Diyala".

    >>> _nearest_kind("Islah village, Diyala province".split(), 2, 2, "place", None, "governorate", None)
    'governorate'
    >>> _nearest_kind("Kabashi village in Diyala".split(), 3, 3, None, "place", None, None) is None
    True
    >>> _nearest_kind("the province of Diyala".split(), 3, 3, None, "governorate", None, None)
    'governorate'
    """
    if w0 >= 1 and words[w0 - 1][-1:] in _PHRASE_END:
        b1 = b2 = None
    elif w0 >= 2 and words[w0 - 2][-1:] in _PHRASE_END:
        b2 = None
    if words[w1][-1:] in _PHRASE_END:
        a1 = a2 = None
    elif w1 + 1 < len(words) and words[w1 + 1][-1:] in _PHRASE_END:
        a2 = None
    if b1 or a1:
        return b1 or a1
    if folded:  # chunks merged into the one before fold to "" ("K 1"): the bridge is the next chunk kept
        j = next((j for j in range(w0 - 1, -1, -1) if folded[j]), -1)
        if b2 and j >= 0 and _bridges(folded[j], True):
            return b2
        j = next((j for j in range(w1 + 1, len(folded)) if folded[j]), len(folded))
        return a2 if a2 and j < len(folded) and _bridges(folded[j], True) else None
    if b2 and _bridges(words[w0 - 1]):
        return b2
    return a2 if a2 and _bridges(words[w1 + 1]) else None


@lru_cache(maxsize=4096)
def _bridges(chunk: str, is_folded: bool = False) -> bool:
    """Does a generic word reach across ``chunk`` to the name beyond it? "of" ("the province of"), a
    generic word that asks no kind of its own ("air", "military", "الدولي") and a chunk that folds to
    nothing ("—") do; any other word stands between."""
    f = chunk if is_folded else fold_chunks([chunk])[0]
    return not f or f in lexicon_words("kind_bridges") or all(GENERIC_WORDS.get(t, "") is None for t in f.split())


def _side_kinds(folded: list[str], i: int, step: int, slot: int) -> tuple[str | None, str | None]:
    """The kinds generic words ask for in the first two non-empty chunks from ``folded[i]`` on,
    nearest first, going by ``step`` (-1: before the hit, by each chunk's last word, ``slot`` 1;
    +1: after it, by each chunk's first word, ``slot`` 0)."""
    stop = -1 if step < 0 else len(folded)
    got: list[str | None] = []
    while i != stop and len(got) < 2:
        f = folded[i]
        if f:
            got.append((_EDGE_KIND.get(f) or _edges(f))[slot])
        i += step
    got += [None] * (2 - len(got))
    return got[0], got[1]


def _side_word_kinds(words: list[str], edges: Any, i: int, step: int,
                     slot: int) -> tuple[str | None, str | None]:
    """:func:`_side_kinds` over the chunks as written, ``edges(word)`` giving a chunk's
    :func:`_edges` (None when it folds to "")."""
    stop = -1 if step < 0 else len(words)
    first: str | None = None
    found = 0
    while i != stop:
        e = edges(words[i])
        if e is not None:
            if found:
                return first, e[slot]
            first, found = e[slot], 1
        i += step
    return first, None


def _edges(chunk: str) -> tuple[str | None, str | None]:
    """(kind of the chunk's first word, kind of its last word) when they are generic words."""
    got = _EDGE_KIND.get(chunk)
    if got is None:
        if len(_EDGE_KIND) > FOLD_CACHE_MAX:
            _EDGE_KIND.clear()
        words = chunk.split() or [""]
        got = _EDGE_KIND[chunk] = (GENERIC_WORDS.get(words[0]) or None, GENERIC_WORDS.get(words[-1]) or None)
    return got


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
    return Scanner(scanner_pairs(gazetteer, countries, min_population, world_min_population))


def scanner_pairs(gazetteer: Any, countries: tuple[str, ...] | None = DEFAULT_COUNTRIES,
                  min_population: int = REGION_MIN_POPULATION,
                  world_min_population: int = WORLD_MIN_POPULATION) -> list[tuple[str, str]]:
    """The (key, place id) pairs :func:`scanner_for` scans, without building an automaton."""
    pairs = list(gazetteer.alias_keys(countries=list(countries) if countries else None, min_population=min_population))
    if countries:
        pairs += gazetteer.alias_keys(countries=None, min_population=world_min_population)
    missions: set[str] = set()
    if hasattr(gazetteer, "to_geodataframe"):
        missions = set(gazetteer.to_geodataframe(kinds=["embassy", "consulate"])["id"])
    return [(k, p) for k, p in pairs if p not in missions]
