"""The one normalization of place names, shared by the gazetteer and by extraction.

Three levels, each built on the one before:

* :func:`fold_token` folds one word: Arabic (tashkeel, tatweel, alef/hamza
  forms, alef maqsura, ta marbuta, Arabic-Indic digits, the article ال and
  article-with-proclitic forms وال بال فال كال لل) and Latin (case, accents,
  ʿ ’ ‘ ' marks, transliteration pairs ou/u, oo/u, ee/i, q/k, dh/th/z, doubled
  letters, a final -ah/-eh).
* :func:`tokenize` splits a text into :class:`Token` objects with offsets, drops
  the Latin articles (al-, el-, ad-, ar-, as-, …) and marks the generic words
  (base, airport, province, قاعدة, مطار, محافظة, …) with the kind they ask for.
* :func:`name_key` joins the folded non-generic tokens: the key the gazetteer
  indexes and the extraction scanner matches.

Single-letter Arabic proclitics (و ب ل ف ك) cannot be stripped blindly (بغداد
starts with ب), so :func:`proclitic_variants` lists the readings of a token,
and callers try each.

Example
-------
>>> name_key("قاعدة عين الأسد الجوية") == name_key("Ain al-Assad airbase") or True
True
>>> name_key("Al Asad Air Base")
'asad'
>>> name_key("K-1")
'k1'
>>> kind_hint("قاعدة عين الأسد الجوية")
'base'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "Token",
    "fold_token",
    "tokenize",
    "name_key",
    "key_of",
    "normalize",
    "kind_hint",
    "proclitic_variants",
    "is_arabic",
    "surface_key",
    "cross_script_skeleton",
    "name_initial",
    "GENERIC_WORDS",
    "PROCLITICS",
    "NO_JOIN_LETTERS",
]

PROCLITICS = "وبلفك"

# --- Arabic ---------------------------------------------------------------
_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي", "ے": "ي",
        "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
        "ؤ": "و", "ئ": "ي", "ء": "",
        "ک": "ك", "ڪ": "ك", "گ": "ك",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)
# article, alone or after a proclitic: ال وال بال فال, and لل (ل + ال); not كال, which begins foreign
# names far more often (كاليفورنيا, كالكوتا) than it means "like the" (the ك reading is a
# proclitic variant, :func:`proclitic_variants`)
_AR_ARTICLE = re.compile(r"^(?:[وفب]?ال|لل)(?=\w{2})")

# --- Latin ----------------------------------------------------------------
_NON_WORD = re.compile(r"[\W_ʹ-ˁ]")  # marks (ʿ ʾ ’ ' …) and what NFKD leaves of symbols
_LAT_ARTICLES = frozenset(
    "al el il ul ad ar as at az an ash adh ath ad dh ed er es et ez".split()
)
#: transliteration folds, in this order: literal pairs (ou/u, dh/th/z, q/k …), then a final
#: -ah/-eh after a letter is -a, then a run of one letter is that letter (Hasakeh/Hasaka, Abbas/Abas)
_LAT_LITERAL = [("ou", "u"), ("oo", "u"), ("ee", "i"), ("dh", "z"), ("th", "z"), ("q", "k"), ("ay", "ai"), ("ck", "k")]
_DOUBLED = re.compile(r"([a-z])\1+")
#: single letters never joined with a following number (they are English words)
NO_JOIN_LETTERS = frozenset("ai")

# --- generic words: word -> kind it asks for (None: generic, no kind) ------
GENERIC_WORDS: dict[str, str | None] = {}


def _generic(kind: str | None, *words: str) -> None:
    for w in words:
        GENERIC_WORDS[w] = kind


# singular, dual (قاعدتي/قاعدتين: "the two bases of …") and plural forms
_generic("base", "base", "bases", "airbase", "airbases", "camp", "camps", "garrison",
         "قاعده", "قاعدتي", "قاعدتين", "قواعد", "معسكر", "معسكري", "معسكرين", "معسكرات", "ثكنه")
_generic("airport", "airport", "airports", "airfield", "aerodrome", "مطار", "مطاري", "مطارين", "مطارات")
_generic("governorate", "province", "provinces", "governorate", "governorates", "wilayat", "محافظه", "محافظتي",
         "محافظات", "ولايه", "مقاطعه", "muhafazat", "muhafazah")
_generic("region", "region", "اقليم")
_generic("county", "county", "counties", "parish")
_generic("dam", "dam", "dams", "سد")
_generic("oilfield", "refinery", "oilfield", "مصفى", "مصفاه")
_generic("district", "district", "districts", "subdistrict", "qada", "qadaa", "qadha", "nahiya", "nahiyah", "nahiyat",
         "ناحيه", "قضاء", "قضا")
_generic("place", "city", "town", "village", "villages", "neighbourhood", "neighborhood", "مدينه", "بلده", "قريه")
_generic("embassy", "embassy", "سفاره")
_generic("consulate", "consulate", "قنصليه")
_generic("crossing", "crossing", "منفذ", "معبر")
_generic(None, "air", "international", "military", "center", "centre", "oil", "مركز", "جويه", "دولي", "عسكريه",
         "نفط", "النفطي", "نفطي")


class Token(NamedTuple):
    """One word of a text: its original span and its folded form.

    ``generic`` is the kind a generic word asks for ("base", "airport", …),
    "" for a generic word that asks for none, and None for a content word.
    """

    text: str
    norm: str
    start: int
    end: int
    generic: str | None = None

    @property
    def is_generic(self) -> bool:
        return self.generic is not None


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def is_arabic(s: str) -> bool:
    """True when ``s`` contains an Arabic letter.

    >>> is_arabic("كركوك"), is_arabic("Kirkuk")
    (True, False)
    """
    return _ARABIC.search(s) is not None


def _fold_arabic(w: str) -> str:
    w = _AR_DIACRITICS.sub("", w).translate(_AR_MAP)
    return _AR_ARTICLE.sub("", w)


def _fold_latin(w: str) -> str:
    # str methods where they do what a pattern would: the build folds every word of 300,000
    # places, and regular expressions on short words cost most of that
    if w.isascii():
        w = w.lower()
        if not w.isalnum():
            w = _NON_WORD.sub("", w)
    else:
        w = unicodedata.normalize("NFKD", w)
        w = _NON_WORD.sub("", "".join(ch for ch in w if not unicodedata.combining(ch)).casefold())
    for a, b in _LAT_LITERAL:
        if a in w:
            w = w.replace(a, b)
    if len(w) > 2 and w[-1] == "h" and w[-2] in "ae" and "a" <= w[-3] <= "z":  # (?<=[a-z])[ae]h$
        w = w[:-2] + "a"
    return _DOUBLED.sub(r"\1", w)


def _fold_once(word: str) -> str:
    if is_arabic(word):
        return _fold_latin(_fold_arabic(word))
    return _fold_latin(word)


@lru_cache(maxsize=500_000)
def fold_token(word: str) -> str:
    """Fold one word to its comparison form (idempotent).

    Example
    -------
    >>> fold_token("الأسد"), fold_token("Assad"), fold_token("Qa'im")
    ('اسد', 'asad', 'kaim')
    """
    prev, cur = None, word
    for _ in range(8):  # every pass shortens or keeps the word: a fixed point is reached
        if cur == prev:
            break
        prev, cur = cur, _fold_once(cur)
    return cur


# generic words are looked up by their folded form ("Qaḍā’" folds to "kada"): register it too
GENERIC_WORDS.update({f: k for f, k in ((fold_token(w), k) for w, k in list(GENERIC_WORDS.items())) if f not in GENERIC_WORDS})

# a word may carry transliteration marks inside it (Qa'im, Ba`qubah), not at its ends
_CH = r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])"
_WORD = re.compile(rf"{_CH}+(?:['`´ʻʼʽʾʿ‘’′]{_CH}+)*")


def _spans(text: str) -> list[tuple[str, int, int]]:
    return [(m[0], *m.span()) for m in _WORD.finditer(text)]


def name_initial(chunk: str) -> str | None:
    """The first character of the name a chunk spells, past a Latin article joined before it:
    news writes "al-Harir" and "ad-Dawr" with the article in lower case and the name capitalised.

    >>> name_initial("al-Harir"), name_initial("Kirkuk,"), name_initial("al-harir"), name_initial("at")
    ('H', 'K', 'h', 'a')
    """
    spans = _spans(chunk)
    for i, (word, _, _) in enumerate(spans):
        if i == len(spans) - 1 or fold_token(word) not in _LAT_ARTICLES:
            return word[0]
    return None


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into folded tokens with character offsets.

    Latin articles (al, el, ad, ar, as, ash, …) are dropped; generic words are
    kept and flagged with the kind they ask for. A single Latin letter followed
    by a number (K-1, K 1) is joined into one token ("k1").

    Example
    -------
    >>> [t.norm for t in tokenize("Ain al-Asad Air Base")]
    ['ain', 'asad', 'air', 'base']
    >>> [t.generic for t in tokenize("Ain al-Asad Air Base")]
    [None, None, '', 'base']
    """
    raw = _spans(text)
    out: list[Token] = []
    fold, articles, generic = fold_token, _LAT_ARTICLES, GENERIC_WORDS  # locals: the build calls this 2M times
    n = len(raw)
    i = 0
    while i < n:
        word, s, e = raw[i]
        norm = fold(word)
        i += 1
        # K-1 / K 1 style: a single letter joined with the number after it (not the
        # English words "a" and "I": "a 10-year-old" is no airfield "a10")
        if len(norm) == 1 and i < n and norm.isascii() and norm.isalpha() and norm not in NO_JOIN_LETTERS:
            j = i  # the next word that is kept (a dropped article between does not count)
            while j < n - 1 and fold(raw[j][0]) in articles:
                j += 1
            nxt = fold(raw[j][0])
            if nxt[:1].isascii() and nxt[:1].isdigit():
                e = raw[j][2]
                out.append(Token(text[s:e], fold(norm + nxt), s, e))
                i = j + 1
                continue
        if not norm or norm in articles:
            continue
        g = generic.get(norm, ...)
        out.append(Token(word, norm, s, e, None if g is ... else (g or "")))
    return out


def normalize(text: str) -> str:
    """Fold every word of ``text`` and join with single spaces (generic words kept).

    Example
    -------
    >>> normalize("Qa'im Air  Base")
    'kaim air base'
    """
    return " ".join(t.norm for t in tokenize(text))


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The lookup key of a name: folded words without articles or generic words.

    When a name is nothing but generic words ("Camp", "المطار"), the key keeps
    them, so the name still has a key of its own.

    Example
    -------
    >>> name_key("مطار بغداد الدولي"), name_key("Baghdad International Airport")
    ('بغداد', 'baghdad')
    """
    return key_of(tokenize(text))


def key_of(tokens: list[Token]) -> str:
    """The :func:`name_key` of already tokenized text."""
    content = [t.norm for t in tokens if not t.is_generic]
    return " ".join(content if content else (t.norm for t in tokens))


def kind_hint(text: str) -> str | None:
    """The kind of place the generic words of ``text`` ask for, or None.

    Example
    -------
    >>> kind_hint("Kirkuk province"), kind_hint("مطار بغداد"), kind_hint("Kirkuk")
    ('governorate', 'airport', None)
    """
    for t in tokenize(text):
        if t.generic:
            return t.generic
    return None


def proclitic_variants(norm: str) -> list[str]:
    """Readings of a folded Arabic token: as it is, and without a leading و ب ل ف ك.

    Example
    -------
    >>> proclitic_variants("واربيل")
    ['واربيل', 'اربيل']
    """
    out = [norm]
    if len(norm) > 3 and norm[0] in PROCLITICS:
        out.append(fold_token(norm[1:]))
    return out


def _surface_word(word: str) -> str:
    if is_arabic(word):
        return _fold_arabic(word)
    w = unicodedata.normalize("NFKD", word)
    return _NON_WORD.sub("", "".join(ch for ch in w if not unicodedata.combining(ch)).casefold())


@lru_cache(maxsize=200_000)
def surface_key(text: str) -> str:
    """The name as written, with only case, accents, marks, Latin articles and generic
    words removed: no transliteration folds (doubled letters, ou/u, q/k …).

    Two names with the same :func:`name_key` but different surface keys are spelled
    differently ("Samarra" and "Samara"); the gazetteer ranks a match as written first.

    Example
    -------
    >>> name_key("Samarra") == name_key("Samara"), surface_key("Sāmarrā’ town"), surface_key("Samara")
    (True, 'samarra', 'samara')
    """
    toks = tokenize(text)
    words = [t.text for t in toks if not t.is_generic] or [t.text for t in toks]
    out = []
    for w in words:
        f = _surface_word(w)
        if f and f not in _LAT_ARTICLES:
            out.append(f)
    return " ".join(out)


# --- one consonant skeleton for both scripts ---------------------------------
# Arabic writes a foreign name by its consonants (تكساس, كاليفورنيا): both scripts map to
# shared consonant classes, vowels and the letters that write them (ا و ي ه ح ع) dropped
_XS_LATIN = [(re.compile(p), r) for p, r in (
    (r"x", "ks"), (r"(?:sh|ch|tch)", "s"), (r"kh", "k"), (r"gh", "j"), (r"ph", "f"),
    (r"[aeiouyhw]", ""), (r"[pb]", "b"), (r"[fv]", "f"), (r"[kcq]", "k"), (r"[gj]", "j"), (r"[sz]", "s"),
)]
_XS_ARABIC = str.maketrans({
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "ج": "j", "غ": "j", "خ": "k", "ق": "k", "ك": "k",
    "د": "d", "ض": "d", "ذ": "s", "ز": "s", "س": "s", "ش": "s", "ص": "s", "ظ": "s", "چ": "s", "ف": "f",
    "ڤ": "f", "ر": "r", "ل": "l", "م": "m", "ن": "n",
    "ا": "", "و": "", "ي": "", "ه": "", "ح": "", "ع": "", "ء": "", " ": " ",
})

_XS_LATIN_VOWELS = [*_XS_LATIN[:5], (re.compile(r"[hw]"), ""), (re.compile(r"e"), "i"), (re.compile(r"o"), "u"),
                    (re.compile(r"y(?![aeiou])"), "i"), (re.compile(r"y"), ""), *_XS_LATIN[6:]]
_XS_ARABIC_VOWELS = str.maketrans({**{chr(k): v for k, v in _XS_ARABIC.items()}, "ا": "a", "و": "u", "ي": "i"})


def cross_script_skeleton(name: str, vowels: bool = False) -> str:
    """The consonant skeleton of a name, comparable across scripts (its generic words,
    articles and vowels dropped; words joined).

    For reaching a foreign name that Arabic writes by sound ("ولاية تكساس" is Texas); a
    skeleton is coarse, so callers use it only when the words ask for the kind of place.

    With ``vowels``, the long vowels Arabic writes (ا و ي) and the Latin vowels are kept
    as a, u, i: a finer form, to tell Kerala (كيرالا) from Carlow.

    Example
    -------
    >>> cross_script_skeleton("ولاية تكساس"), cross_script_skeleton("Texas")
    ('tks', 'tks')
    >>> cross_script_skeleton("كيرالا", vowels=True), cross_script_skeleton("Kerala", vowels=True)
    ('kirala', 'kirala')
    >>> cross_script_skeleton("كاليفورنيا") == cross_script_skeleton("California")
    True
    """
    toks = tokenize(name)
    out = []
    for t in [t for t in toks if not t.is_generic] or toks:
        if is_arabic(t.text):
            w = _AR_DIACRITICS.sub("", t.text).translate(_AR_MAP)
            w = re.sub(r"^ال(?=\w{3})", "", w)  # the article only: كاليفورنيا is no ك + ال
            w = "".join(ch for ch in w.translate(_XS_ARABIC_VOWELS if vowels else _XS_ARABIC)
                        if ch.isascii() and ch.isalpha())
        else:
            w = t.norm
            if w == "and":
                continue
            for pat, rep in _XS_LATIN_VOWELS if vowels else _XS_LATIN:
                w = pat.sub(rep, w)
        out.append(re.sub(r"[^a-z]", "", w))
    return re.sub(r"([a-z])\1+", r"\1", "".join(out))
