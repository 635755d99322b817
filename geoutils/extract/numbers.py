"""Numbers and casualty figures in Arabic and English token streams.

Works on :class:`gazetteer.normalize.Token` lists, so digits (Arabic-Indic too),
hamza/alef forms and the article are already folded by the shared normalization.

Example
-------
>>> from gazetteer.normalize import tokenize
>>> number_at(tokenize("بثلاثين صاروخا"), 0)
(30, 1)
>>> c = casualties(tokenize("An attack killed two Americans and a Briton."))
>>> c.killed
3
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.normalize import Token, fold_token

from geoutils import lexicons
from geoutils.extract.tokens import readings

__all__ = ["number_at", "Casualties", "casualties", "word_value"]


def _fold_table(pairs: dict[str, int]) -> dict[str, int]:
    return {fold_token(k): v for k, v in pairs.items()}


# our own tables (surface forms are folded once at import with the shared fold_token)
_AR_UNITS = _fold_table({
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7,
    "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
})
_AR_TENS = _fold_table({
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
})
_AR_BIG = _fold_table({
    "مئة": 100, "مائة": 100, "مئات": 100, "مئتان": 200, "مئتين": 200, "مائتين": 200, "ألف": 1000,
    "آلاف": 1000,
})
_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_UNITS = _fold_table(_EN_UNITS)
_EN_TENS = _fold_table({
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
})
_EN_BIG = _fold_table({"hundred": 100, "thousand": 1000, "dozen": 12})
_TEN_WORD = fold_token("عشر"), fold_token("عشرة")
_AND = frozenset({"and", "و"})
#: one person: "a contractor" in English; a singular person noun in Arabic
_ARTICLE_ONE = frozenset({"a", "an", "one", "single"})
_AR_PERSON_ONE = frozenset(fold_token(w) for w in (
    "متعاقد", "جندي", "شخص", "طفل", "امرأة", "مقاتل", "عنصر", "شرطي", "ضابط", "مواطن", "رجل",
    "صحفي", "موظف", "حارس", "مدني", "مسلح", "قيادي", "عسكري", "فتى", "فتاة", "مدنيا", "جنديا",
))
_AR_PERSON_TWO = frozenset(fold_token(w) for w in (
    "جنديين", "شخصين", "طفلين", "امرأتين", "عنصرين", "متعاقدين", "مدنيين",
))


def _clean(norm: str) -> tuple[str, ...]:
    return readings(norm)


@lru_cache(maxsize=4096)
def word_value(norm: str) -> int | None:
    """Value of one folded number word or digit string, trying Arabic proclitic readings.

    Example
    -------
    >>> word_value(fold_token("بثلاثين")), word_value("27"), word_value("seven")
    (30, 27, 7)
    """
    for v in _clean(norm):
        if v.isdecimal():
            return int(v) if len(v) <= 7 else None
        if v[:1] == "و" and v[1:].isdecimal():
            return int(v[1:])
        for table in (_AR_UNITS, _AR_TENS, _AR_BIG, _EN_UNITS, _EN_TENS, _EN_BIG):
            if v in table:
                return table[v]
    return None


def number_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Parse a number starting at token ``i``; return ``(value, tokens consumed)`` or None.

    Handles digits, Arabic units/tens with و compounds ("خمسة وعشرين"), Arabic teens
    ("ثلاثة عشر"), English compounds ("twenty five", "two hundred").

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> number_at(tokenize("خمسة وعشرين مقاتلا"), 0)
    (25, 2)
    >>> number_at(tokenize("two hundred people"), 0)
    (200, 2)
    """
    if i >= len(tokens):
        return None
    v = word_value(tokens[i].norm)
    if v is None:
        return None
    if len(tokens[i].norm) == 4 and tokens[i].norm.isdecimal() and 1900 <= v <= 2100:
        return None  # a year ("2022-07-20", "in 2019"), not a count
    n = 1
    if i + 1 < len(tokens):
        nxt = tokens[i + 1].norm
        nv = word_value(nxt)
        if v < 10 and nxt in _TEN_WORD and not tokens[i].norm.isdecimal():
            return v + 10, 2
        if nv is not None and nv in (100, 1000) and not nxt.isdecimal() and v < 100:
            return v * nv, 2
        if v < 10 and nxt.startswith("و") and nv is not None and 20 <= nv <= 90 and not nxt[1:].isdecimal():
            return v + nv, 2  # خمسة وعشرين
        if 20 <= v <= 90 and nv is not None and nv < 10 and nxt.isascii() and not nxt.isdecimal():
            return v + nv, 2  # twenty five
    return v, n


@dataclass
class Casualties:
    """Casualty figures found in a span: None when not reported.

    ``killed_named`` is True when ``killed`` counts named victims rather than a figure.
    """

    killed: int | None = None
    injured: int | None = None
    killed_named: bool = False


def _cues(*words: str) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words)


# casualty cues are data: [casualties] in geoutils/lexicons/*.toml
_KILL = lexicons.words("killed", "casualties")
_NAME_CUES = lexicons.words("killed_named", "casualties")
_INJ = lexicons.words("injured", "casualties")
_NEG = lexicons.words("negation", "casualties")
_BOTH_ZERO = re.compile(
    r"(?:\bno (?:casualties|injuries or deaths|one was (?:killed|hurt|injured)|deaths or injuries)\b"
    r"|\bwithout casualties\b|دون (?:وقوع |سقوط )?(?:خسائر بشرية|إصابات)|لم (?:يسفر|يسفر الهجوم|تسفر) عن (?:أي )?(?:خسائر|إصابات|ضحايا))",
    re.I,
)
_BOUNDARY = frozenset(fold_token(w) for w in (
    "في", "على", "قرب", "من", "عند", "بعد", "خلال", "in", "at", "on", "near", "during", "after", "when",
    "while", "as", "with", "by", "who", "which", "الذي", "التي",
))


def _list_count(tokens: list[Token], j: int, stop: int) -> int | None:
    """Count a list like "two Americans and a Briton" starting at ``j`` (exclusive ``stop``)."""
    total = 0
    found = False
    k = j
    while k < stop:
        got = number_at(tokens, k)
        if got is None and tokens[k].norm in _ARTICLE_ONE:
            got = (1, 1)
        if got is None:
            break
        total += got[0]
        found = True
        k += got[1]
        # skip up to three noun/adjective tokens, then look for "and <number>"
        skipped = 0
        while k < stop and skipped < 3 and tokens[k].norm not in _AND and word_value(tokens[k].norm) is None:
            k += 1
            skipped += 1
        if k < stop and any(v in _KILL or v in _INJ for v in _clean(tokens[k].norm)):
            break
        if k < stop and tokens[k].norm in _AND and k + 1 < stop:
            k += 1
            continue
        if k < stop and tokens[k].text.startswith("و") and word_value(tokens[k].norm) is not None:
            continue
        break
    return total if found else None


def _after(tokens: list[Token], c: int, stop: int) -> tuple[int | None, bool]:
    """Figure right after a cue: a number, a list, a singular person noun, or named victims."""
    k = c + 1
    while k < stop and tokens[k].norm in ("at", "least", "nearly", "about", "some", "around", "over", "نحو", "حوالي", "ما", "لا", "يقل", "عن"):
        k += 1
    if k >= stop:
        return None, False
    n = _list_count(tokens, k, stop)
    if n is not None:
        return n, False
    nk = tokens[k].norm
    if any(v in _AR_PERSON_ONE for v in _clean(nk)):
        return 1, False
    if any(v in _AR_PERSON_TWO for v in _clean(nk)):
        return 2, False
    if tokens[c].norm in _NAME_CUES:
        return _named(tokens, k, stop)
    return None, False


def _named(tokens: list[Token], k: int, stop: int) -> tuple[int | None, bool]:
    """Count named victims joined by و / and, up to a preposition: "سليماني والمهندس" -> 2."""
    first = tokens[k]
    if first.text.isascii() and not first.text[:1].isupper():
        return None, False
    count = 1
    for t in tokens[k + 1: min(stop, k + 16)]:
        if t.norm in _BOUNDARY or t.norm in _KILL or t.norm in _INJ:
            break
        if t.norm == "and" or (t.text.startswith("و") and len(t.text) > 3 and t.norm not in _KILL):
            count += 1
    return (count, True) if count <= 4 else (None, False)


def _before(tokens: list[Token], c: int, lo: int, adjacent: bool = False) -> int | None:
    """Figure before a cue: "3 قتلى", "three soldiers were killed", "two Americans and a Briton were killed".

    With ``adjacent`` only a number right before the cue counts ("و5 جرحى", "12 wounded").
    """
    if adjacent:
        got = number_at(tokens, c - 1) if c - 1 >= lo else None
        return got[0] if got and got[1] == 1 else None
    for j in range(c - 1, lo - 1, -1):  # never reach back past an earlier cue
        if any(v in _KILL or v in _INJ for v in _clean(tokens[j].norm)):
            lo = j + 1
            break
    for j in range(max(lo, c - 6), c):
        if number_at(tokens, j) is not None or (tokens[j].norm in _ARTICLE_ONE and tokens[j].text[:1].isupper()):
            return _list_count(tokens, j, c)
    return None


@lru_cache(maxsize=65536)
def _cue(norm: str) -> int:
    """1 for a killing cue, 2 for an injury cue, 0 otherwise (any proclitic reading)."""
    norms = _clean(norm)
    if any(v in _KILL for v in norms):
        return 1
    return 2 if any(v in _INJ for v in norms) else 0


def casualties(tokens: list[Token], lo: int = 0, hi: int | None = None, raw: str = "") -> Casualties:
    """Killed and injured figures in ``tokens[lo:hi]`` (lowest figure when several are given).

    ``raw`` (the span's text) lets explicit "no casualties" phrases set both figures to 0.

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> c = casualties(tokenize("ولم يقتل أي جندي، لكن أعلنت إصابة 109 جنود"))
    >>> (c.killed, c.injured)
    (0, 109)
    >>> casualties(tokenize("ما تسبب بمقتل متعاقد مدني أميركي")).killed
    1
    """
    hi = len(tokens) if hi is None else hi
    out = Casualties()
    if raw and _BOTH_ZERO.search(raw):
        out.killed, out.injured = 0, 0
    for c in range(lo, hi):
        cue = _cue(tokens[c].norm)
        if not cue:
            continue
        is_kill = cue == 1
        negated = any(
            any(v in _NEG for v in _clean(tokens[j].norm)) for j in range(max(lo, c - 3), c)
        ) or (c + 1 < hi and tokens[c + 1].norm in ("no", "none", "nobody"))
        if negated:
            n, named = 0, False
        else:
            n, named = _before(tokens, c, lo, adjacent=True), False
            if n is None:
                n, named = _after(tokens, c, hi)
            if n is None:
                n, named = _before(tokens, c, lo), False
        if n is None:
            continue
        if is_kill:
            if out.killed is None or (out.killed_named and not named) or (
                named == out.killed_named and (n > out.killed if named else n < out.killed)
            ):
                out.killed, out.killed_named = n, named
        elif out.injured is None or n < out.injured:
            out.injured = n
    return out
