"""What recognition and structure share: frequencies, the candidate record, the words around a hit.

Example
-------
>>> _zipf("الامين", "ar") >= _zipf("الامين", "ar") > 0   # hamza-less spellings are looked up too
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from gazetteer.normalize import GENERIC_WORDS, fold_token, is_arabic

from geoutils.geoparse.scanner import Scan

COMMON_ZIPF = 4.3
MINOR_ZIPF = 3.0
#: above this, a cue such as في / "in" is not enough: a place word (محافظة، قرية, "province") or a list is
STRONG_ZIPF = 5.0
#: a town of this many people is a world city (a name that is also a word may still stand for it)
MILLION = 1_000_000
VERY_COMMON_ZIPF = 5.5
_ADMIN_KINDS = {"governorate", "district", "country", "province", "subdistrict", "admin1", "admin2", "region"}
_SENT_END = re.compile(r"[.!?:;\"”»|]$|^[-—–]+$")
_DAY = re.compile(r"^\d{1,2}(st|nd|rd|th)?[,.]?$")


@dataclass
class Cand:
    """A recognised mention before resolution."""

    start: int
    end: int
    text: str
    key: str
    category: str  # gaz | country | ctx | region | continent | unknown
    places: list = field(default_factory=list)  # gazetteer Places (gaz) or pseudo ids
    kind_hint: str | None = None
    c0: int = -1
    c1: int = -1
    weak: bool = False  # a common word that needs a neighbour in a list of places
    person: bool = False  # weak as part of a person's name: no list of places rescues it
    container: int | None = None  # index of the candidate that contains this one
    container_text: str | None = None
    relation: str | None = None
    dateline: bool = False
    placed: bool = False  # a place cue next to it (في / قرب / محافظة..., "in", "near")
    modifier: bool = False  # it modifies the next part of its compound ("Baghdad-based"): context


@lru_cache(maxsize=200_000)
def _zipf(word: str, lang: str) -> float:
    """wordfreq's zipf frequency; for Arabic also of the spellings news writes without hamza or with
    ه for ة ("الامين" is "الأمين")."""
    from wordfreq import zipf_frequency

    best = zipf_frequency(word, lang)
    if lang == "ar" and len(word) > 2:
        head = 2 if word.startswith("ال") and len(word) > 3 else 0
        forms = set()
        if word[head:head + 1] == "ا":
            forms |= {word[:head] + h + word[head + 1:] for h in "أإآ"}
        if word.endswith("ه"):
            forms.add(word[:-1] + "ة")
        if word.endswith("ي"):
            forms.add(word[:-1] + "ى")
        for f in forms:
            best = max(best, zipf_frequency(f, lang))
    return best


def _frequency(surface: str, key: str) -> float:
    """Zipf frequency of the name, as written, as a common word of its language; for several
    words, that of the rarest ("بيان إن" is two common words, "Ain al-Asad" is not)."""
    if " " in key:
        parts = surface.split()
        if len(parts) < 2:
            return 0.0
        return min(_frequency(parts[0], fold_token(parts[0]) or "x"),
                   min(_zipf(w, "ar" if is_arabic(w) else "en") if is_arabic(w) else _zipf(w.lower(), "en")
                       for w in parts[1:]))
    if is_arabic(surface):
        w = surface
        best = _zipf(w, "ar")
        # an attached proclitic: the reading without it
        for n in (1, 2):
            if len(w) - n >= 2 and w[0] in "وبلفك" and fold_token(w[n:]).endswith(key[-2:]):
                best = max(best, _zipf(w[n:], "ar"))
        return best
    return _zipf(surface.lower(), "en")


def _common(surface: str, key: str) -> bool:
    return _frequency(surface, key) >= COMMON_ZIPF


_ARTICLE_CLITICS = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")


def _definite(word: str) -> bool:
    """Does an Arabic word carry the article (with or without a proclitic): "المالي", "بالاتحاد", "للجزيرة"?"""
    return word.startswith(_ARTICLE_CLITICS) and len(word) > 4


@lru_cache(maxsize=200_000)
def _key(name: str) -> str:
    from gazetteer.normalize import name_key

    return name_key(name) if name else ""


def _first_word(folded: str) -> str:
    return folded.split(" ", 1)[0] if folded else ""


def _last_word(folded: str) -> str:
    return folded.rsplit(" ", 1)[-1] if folded else ""


class _Ctx:
    """Words around chunk indices of one scan."""

    def __init__(self, sc: Scan) -> None:
        self.words, self.folded = sc.words, sc.folded

    def prev(self, c: int, n: int = 1) -> str:
        j = c - n
        return self.folded[j] if 0 <= j < len(self.folded) else ""

    def next(self, c: int, n: int = 1) -> str:
        j = c + n
        return self.folded[j] if 0 <= j < len(self.folded) else ""

    def raw(self, c: int) -> str:
        return self.words[c] if 0 <= c < len(self.words) else ""


def own_name(p: Any, key: str, surface: str) -> bool:
    """Is ``surface`` (folded: ``key``) the place's own English or Arabic name, not only one of its
    alternate names, nor its name without a generic word the text leaves out ("Texas" is not
    "Texas City")?

    Example
    -------
    >>> from types import SimpleNamespace as P
    >>> own_name(P(name="Texas City", name_ar=None), "texas", "Texas")
    False
    >>> own_name(P(name="Texas", name_ar="تكساس"), "texas", "Texas")
    True
    """
    return _own_name(p.name or "", p.name_ar or "", key, surface)


@lru_cache(maxsize=200_000)
def _own_name(name: str, name_ar: str, key: str, surface: str) -> bool:
    gens = name_parts(surface)[1]
    return any(n and name_parts(n)[0] == key and name_parts(n)[1] <= gens for n in (name, name_ar))


@lru_cache(maxsize=200_000)
def name_parts(name: str) -> tuple[str, frozenset[str]]:
    """(key without a unit's type word, generic words kept): "Kirkuk Governorate" and "Kirkuk" share a key.

    >>> name_parts("Kirkuk Governorate")[0] == name_parts("Kirkuk")[0]
    True
    """
    from gazetteer.normalize import key_of, tokenize

    toks = tokenize(name)
    # "Governorate", "محافظة" designate a unit's type ("Al Anbar Governorate" is named "Anbar");
    # "City" in "Texas City" is part of the town's name
    return key_of(toks), frozenset(t.norm for t in toks if t.is_generic and t.generic != "governorate")


class Once:
    """``f(*args)``, called at most once and only when asked.

    >>> calls = []
    >>> once = Once(lambda x: calls.append(x) or x * 2, 21)
    >>> once(), once(), calls
    (42, 42, [21])
    """

    __slots__ = ("f", "args", "got")

    def __init__(self, f: Any, *args: Any) -> None:
        self.f, self.args, self.got = f, args, None

    def __call__(self) -> Any:
        if self.f is not None:
            self.got, self.f = self.f(*self.args), None
        return self.got


_ID_KINDS: dict[tuple, tuple[list[str], list[str], list[str], list[str]]] = {}
_PSEUDO = ("country", "ctx", "region", "continent")


def id_kinds(ids: tuple[str, ...], code: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """A scanner hit's place ids by kind: (vocabulary pseudo ids, ``state:`` ids, gazetteer ids, the ids
    of code-only aliases without their prefix ``code``); cached per id tuple, the lists are copies.

    >>> id_kinds(("ctx:IQ", "state:US-OH", "g:1", "code=g:2"), "code=")
    (['ctx:IQ'], ['state:US-OH'], ['g:1'], ['g:2'])
    """
    got = _ID_KINDS.get((ids, code))
    if got is None:
        if len(_ID_KINDS) > 200_000:
            _ID_KINDS.clear()
        pseudo = [p for p in ids if p.split(":", 1)[0] in _PSEUDO]
        states = [p for p in ids if p.startswith("state:")]
        gaz_ids = [p for p in ids if p not in pseudo and not p.startswith(("state:", code))]
        codes = [p[len(code):] for p in ids if p.startswith(code)]
        got = _ID_KINDS[(ids, code)] = (pseudo, states, gaz_ids, codes)
    return got[0][:], got[1][:], got[2][:], got[3][:]


def is_month(key: str, surface: str, months: frozenset[str]) -> bool:
    """Is a hit a month or weekday name (a word of its folded ``key``, or the ``surface`` folded)?

    >>> is_month("feb", "Feb", frozenset({"feb"})), is_month("kirkuk", "Kirkuk", frozenset({"feb"}))
    (True, False)
    """
    return any(w in months for w in key.split()) or fold_token(surface.lower()) in months
