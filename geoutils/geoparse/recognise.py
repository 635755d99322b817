"""Recognition: which scanner hits are place mentions, and the place-like names the gazetteer lacks.

One scan (:meth:`Scanner.scan_chunks`) over gazetteer keys plus the geoparse vocabulary
(countries, nationality adjectives, regions, continents). Each hit is then judged on the
chunks around it, with no second pass over the text:

* a month or weekday is never a place, and a code (IATA/ICAO/ISO3) only counts as written in
  capitals and never next to a day number ("Feb 17");
* a single-word name that is a common word of the language (``wordfreq`` zipf >= 4.3) and
  names no curated, administrative or large place needs place-like context: a cue before
  (في، قرب، محافظة, in, near), a place word after ("province"), or a neighbour in a list
  of places;
* an English name must be a proper noun where it stands: a capitalised common word opening a
  sentence is not the town unless context says place;
* "قرية الجيزاني", "ناحية العظيم", "Islah village": a generic place word with a name the
  gazetteer lacks is a mention with no place.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> [(c.text, c.category) for c in recognise("Feb 17: Iraqi troops entered Kirkuk.", MemoryGazetteer.demo())]
[('Iraqi', 'ctx'), ('Kirkuk', 'gaz')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gazetteer.normalize import GENERIC_WORDS as _RAW_GENERIC, fold_token, is_arabic

from geoutils.geoparse.scanner import Scan, Scanner, scanner_for
from geoutils.geoparse.vocab import vocab, words

__all__ = ["Cand", "recognise", "scanner"]

#: the shared generic words, folded as the scanner's chunks are ("village" -> "vilage")
GENERIC_WORDS = {**_RAW_GENERIC, **{fold_token(w): k for w, k in _RAW_GENERIC.items()}}
WORLD_MIN_POPULATION = 1000
#: prefix of a scanner id that matched through a code-only alias ("EBL", "ORER")
CODE = "code="
COMMON_ZIPF = 4.3
MINOR_ZIPF = 3.0
#: above this, a cue such as في / "in" is not enough: a place word (محافظة، قرية, "province") or a list is
STRONG_ZIPF = 5.0
VERY_COMMON_ZIPF = 5.5
#: a GeoNames place this big, named by its own main name, is not a common word's namesake
BIG_POPULATION = 200_000
MILLION = 1_000_000
_ADMIN_KINDS = {"governorate", "district", "country", "province", "subdistrict", "admin1", "admin2", "region"}
_CODE_KINDS = {"airport", "base"}
_SITE_KINDS = {"airport", "base", "dam", "prison", "oilfield", "crossing", "zone", "landmark", "embassy", "consulate"}
_SENT_END = re.compile(r"[.!?:;\"”»|]$|^[-—–]+$")
_DAY = re.compile(r"^\d{1,2}(st|nd|rd|th)?[,.]?$")
_DASHES = ("—", "–", "-", "--")


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
    container: int | None = None  # index of the candidate that contains this one
    container_text: str | None = None
    relation: str | None = None
    dateline: bool = False


@lru_cache(maxsize=8)
def scanner(gazetteer: Any) -> Scanner:
    """The scanner over the gazetteer's keys and the geoparse vocabulary (built once per gazetteer)."""
    # every populated place of 1,000+ people, worldwide: the context step, not a country list, decides
    base = scanner_for(gazetteer, None, WORLD_MIN_POPULATION)
    pairs = [(k, p) for k, ids in base.keys.items() for p in ids]
    extra = vocab().pairs
    if any(p.startswith("csc:") for ids in base.keys.values() for p in ids):
        # the gazetteer has the world's provinces itself: the vocabulary's own copy (state:) stays out
        extra = [(k, p) for k, p in extra if not p.startswith("state:") or (k, p) in vocab().abbreviations]
    return Scanner(pairs + extra + [(k, CODE + p) for k, p in _code_pairs(gazetteer)])


def _code_pairs(gz: Any) -> list[tuple[str, str]]:
    """(key, place id) of the aliases that are codes only (IATA/ICAO/ISO), when the gazetteer says which."""
    try:
        every = gz.alias_keys(countries=None, min_population=10 ** 12, include_codes=True)
        plain = set(gz.alias_keys(countries=None, min_population=10 ** 12))
    except TypeError:  # a gazetteer without the distinction (tests' MemoryGazetteer): none apart
        return []
    return [kp for kp in every if kp not in plain]


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


def _exempt(places: list, key: str, zipf: float, arabic: bool = False) -> bool:
    """Curated, administrative and big places keep a name that is also a word, unless the word is
    so frequent (a function word: "أن") that only context can make it a place."""
    if zipf >= VERY_COMMON_ZIPF:
        return False
    for p in places:
        if p.id.startswith(("cur:", "user:")) or getattr(p, "layer", "default") == "user" or p.kind == "country":
            return True
        # administrative units: in Arabic (no capitals) only when the word is not a very frequent one
        # ("الداخلية", "العاصمة", "الوحدة" are units somewhere and words everywhere)
        if p.kind in _ADMIN_KINDS and zipf < STRONG_ZIPF:
            return True
        # Arabic has no capitals: a big place keeps a word only as its own Arabic name, and not a very common one
        pop = p.population or 0
        if pop >= BIG_POPULATION and (not arabic or (zipf < STRONG_ZIPF and (key == _key(p.name_ar or "")
                                                                             or pop >= MILLION))):
            return True
    return False


@lru_cache(maxsize=200_000)
def _key(name: str) -> str:
    from gazetteer.normalize import name_key

    return name_key(name) if name else ""


_GENERIC_NAMED: dict[str, bool] = {}


def _generic_named(p: Any) -> bool:
    """Does the place's own name carry a generic word ("حي الملعب", "Hay al-malab", "قاعدة التقدم")?"""
    got = _GENERIC_NAMED.get(p.id)
    if got is None:
        from gazetteer.normalize import tokenize

        if len(_GENERIC_NAMED) > 200_000:
            _GENERIC_NAMED.clear()
        got = _GENERIC_NAMED[p.id] = any(t.is_generic or t.norm in ("hay", "hai", "حي")
                                         for n in (p.name_ar, p.name) if n for t in tokenize(n))
    return got


def _country(gz: Any, pid: str) -> Any:
    from geoutils.geoparse.context import country_place

    return country_place(gz, pid.split(":", 1)[1])


def _is_code_key(key: str) -> bool:
    return " " not in key and key.isascii() and len(key) <= 4


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


@lru_cache(maxsize=1)
def _after_place() -> frozenset[str]:
    return words("place_after") | {w for w, k in GENERIC_WORDS.items() if k in ("governorate", "district", "place")}


def _place_context(ctx: _Ctx, c0: int, c1: int, key: str = "", strong: bool = False, attached: bool = True) -> bool:
    before = words("place_before") if not strong else words("place_before_strong")
    after = _after_place()
    p = _last_word(ctx.prev(c0))
    if p in before:
        return True
    raw = ctx.raw(c0)
    if attached and is_arabic(raw) and raw[:1] in "بف" and len(raw) > 3 and not key.startswith(raw[:1]) \
            and fold_token(raw[1:]).startswith(key.split(" ", 1)[0][:3]):  # بكركوك: an attached "in"
        return True
    n = _first_word(ctx.next(c1))
    return n in after


_TITLES = frozenset("mr mrs ms dr sen rep gov lt gen col sgt capt president senator judge officer coach "
                    "pastor rev father saint st mayor sheriff chief deputy secretary minister".split())


@lru_cache(maxsize=1)
def _after_words() -> frozenset[str]:
    return words("place_after") | {w for w, k in GENERIC_WORDS.items() if k is not None}


def _person_like(ctx: _Ctx, c0: int, c1: int, text: str, start: int) -> bool:
    """A capitalised word glued before the name (a first name: "Warren Harding") or a title ("Sen. Harding").

    Not a capitalised word after it: "Gainesville Police", "Springfield City Council" name the place."""
    after = _after_words()
    prev_raw = ctx.raw(c0 - 1)
    if c0 > 0 and prev_raw[:1].isupper() and prev_raw[-1:].isalnum() and not prev_raw.endswith(("'s", "’s")) \
            and not _sentence_start(ctx, text, start, c0):
        pf = _last_word(ctx.prev(c0))
        if pf not in words("place_before") and pf not in words("relations") and pf not in after:
            return True
    if _last_word(ctx.prev(c0)) in _TITLES and prev_raw[:1].isupper():
        return True
    return False


def _sentence_start(ctx: _Ctx, text: str, start: int, c0: int) -> bool:
    if c0 <= 0:
        return True
    prev = ctx.raw(c0 - 1)
    if _SENT_END.search(prev):
        return True
    gap = text[max(0, start - 3):start]
    return "\n" in gap


def recognise(text: str, gz: Any, tokens: Any = None) -> list[Cand]:
    """Place mentions of ``text`` before resolution, in text order (see the module doc)."""
    sc = scanner(gz).scan_chunks(text)
    ctx = _Ctx(sc)
    months = words("months") | words("weekdays")
    voc = vocab()
    out: list[Cand] = []
    for h in sc.hits:
        surface = text[h.start:h.end]
        kw = h.key.split()
        if any(w in months for w in kw) or fold_token(surface.lower()) in months:
            continue
        pseudo = [p for p in h.place_ids if p.split(":", 1)[0] in ("country", "ctx", "region", "continent")]
        states = [p for p in h.place_ids if p.startswith("state:")]
        if states and (h.key, states[0]) in voc.abbreviations and text[h.end:h.end + 1] != ".":
            states = []  # "Ind." is Indiana, "Ind" is not
        gaz_ids = [p for p in h.place_ids if p not in pseudo and not p.startswith(("state:", CODE))]
        codes = [p[len(CODE):] for p in h.place_ids if p.startswith(CODE)]
        if codes and not is_arabic(surface) and surface.replace(".", "").replace("-", "").isupper() \
                and not (_DAY.match(ctx.raw(h.c1 + 1)) or _DAY.match(ctx.raw(h.c0 - 1))):
            gaz_ids += [p for p in codes if p not in gaz_ids]  # a code counts written in capitals, not in a date
        cat = pseudo[0].split(":", 1)[0] if pseudo else "gaz"
        if any(p.startswith("continent:") for p in pseudo):
            cat, pseudo = "continent", [p for p in pseudo if p.startswith("continent:")]
        if cat == "country" and states:
            cat = "gaz"  # "Georgia": the country or the US state, the article decides
        if cat != "gaz":
            if not is_arabic(surface) and _is_code_key(h.key) and not surface.replace(".", "").isupper() \
                    and len(h.key) <= 2:
                continue  # "us" the pronoun is not the U.S.
            places = [voc.places[p] for p in pseudo if p in voc.places]
            out.append(Cand(h.start, h.end, surface, h.key, cat, places or pseudo, h.kind, h.c0, h.c1))
            continue
        places = [p for p in map(gz.get, gaz_ids) if p is not None] + [voc.places[p] for p in states if p in voc.places]
        places += [cp for cp in (_country(gz, p) for p in pseudo if p.startswith("country:")) if cp is not None]
        if _is_code_key(h.key):
            caps = surface.isupper() or any(ch.isdigit() for ch in surface)
            dated = bool(_DAY.match(ctx.raw(h.c1 + 1)) or _DAY.match(ctx.raw(h.c0 - 1)))
            if not caps or dated:
                places = [p for p in places if p.kind not in _CODE_KINDS and not p.id.startswith("icao:")
                          and not (p.kind == "country" and _key(p.name) != h.key)]
        if not places:
            continue
        weak = False
        zipf = _frequency(surface, h.key)
        # a name known only as a minor local entry (an unpopulated village or neighbourhood list) must
        # be rarer still as a word to stand on its own ("الاكراد", "الجهاد" are neighbourhoods and words)
        minor = all(p.population is None and p.kind == "place" and not p.id.startswith(("cur:", "user:"))
                    for p in places)
        common = zipf >= (MINOR_ZIPF if minor else COMMON_ZIPF)
        strong = zipf >= STRONG_ZIPF or (minor and zipf >= COMMON_ZIPF)  # "في فجر" is "at dawn"
        first = surface.split(" ", 1)[0]
        if is_arabic(first) and fold_token(first) != h.key.split(" ", 1)[0] and _zipf(first, "ar") >= COMMON_ZIPF \
                and not _place_context(ctx, h.c0, h.c1, h.key, True, attached=False):
            weak = True  # read with a proclitic ("ب+يان"), but the word as written is itself a word ("بيان")
        elif h.kind is None and all(p.kind in _SITE_KINDS or _generic_named(p) for p in places) and common \
                and not _place_context(ctx, h.c0, h.c1, h.key, strong):
            weak = True  # "تقدم" (progress) is the Taqaddum base only as "قاعدة التقدم" or in context
        elif not is_arabic(surface) and strong and (_sentence_start(ctx, text, h.start, h.c0) or surface.isupper()) \
                and not _place_context(ctx, h.c0, h.c1, h.key, True):
            weak = True  # "Hit by rockets…": a very common word opening a sentence, whatever it may name
        elif not _exempt(places, h.key, zipf, is_arabic(surface)):
            # a common word naming no curated, administrative or big place: only in place context
            weak = common and not _place_context(ctx, h.c0, h.c1, h.key, strong)
        person = False
        if not weak and is_arabic(surface) and _last_word(ctx.prev(h.c0)) in words("person_titles") \
                and not any(p.kind in _ADMIN_KINDS for p in places):
            weak = person = True  # "الرئيس بشار", "الوزيرة رايس"
        elif not weak and not is_arabic(surface) and _person_like(ctx, h.c0, h.c1, text, h.start) \
                and not any(p.kind in _ADMIN_KINDS for p in places):
            weak = person = True  # "Linda Baker", "Lincoln Memorial": a name inside a longer proper name
        out.append(Cand(h.start, h.end, surface, h.key, "person" if person else "gaz", places, h.kind, h.c0, h.c1,
                        weak=weak))
    # one sense per discourse: a name the article uses inside a person's name ("Warren Harding")
    # is that person elsewhere too ("Harding said"), unless context there says place
    persons = {m.key for m in out if m.weak and m.category == "person"}
    for m in out:
        if m.category == "person":
            m.category = "gaz"
        elif persons and m.key in persons and not m.weak and m.category == "gaz" \
                and not _place_context(ctx, m.c0, m.c1, m.key, True):
            m.weak = True
    out += _unknown(text, sc, ctx, {c for m in out for c in range(m.c0, m.c1 + 1)})
    out.sort(key=lambda m: m.start)
    out = _lists(out, ctx)
    _structure(text, out, ctx)
    return out


def _lists(cands: list[Cand], ctx: _Ctx) -> list[Cand]:
    """Keep a weak (common-word) name only when a neighbour in a list of places is a firm mention."""
    keep: list[Cand] = []
    for i, m in enumerate(cands):
        if not m.weak:
            keep.append(m)
            continue
        ok = False
        for j in (i - 1, i + 1):
            if 0 <= j < len(cands) and not cands[j].weak and cands[j].category in ("gaz", "country", "unknown"):
                a, b = (cands[j], m) if j < i else (m, cands[j])
                gap = b.c0 - a.c1
                if gap == 1 and ctx.raw(a.c1).endswith(","):
                    ok = True
                elif gap == 2 and _first_word(ctx.folded[a.c1 + 1]) in ("and", "or", "و", "او"):
                    ok = True
                elif gap == 1 and is_arabic(ctx.raw(b.c0)) and ctx.raw(b.c0).startswith("و"):
                    ok = True
        if ok:
            m.weak = False
            keep.append(m)
    return keep


def _unknown(text: str, sc: Scan, ctx: _Ctx, taken: set[int]) -> list[Cand]:
    """"قرية الجيزاني", "ناحية العظيم", "Islah village", "the village of Islah": names the gazetteer lacks."""
    before_ar = words("unknown_before")
    heads = words("name_heads")
    after_en = words("unknown_after")
    of_en = words("unknown_before_of")
    out: list[Cand] = []
    starts: list[int] | None = None
    n = len(sc.words)
    stop = words("place_before") | words("relations") | words("months") | words("weekdays")

    def span(c0: int, c1: int) -> tuple[int, int]:
        nonlocal starts
        if starts is None:
            from geoutils.geoparse.scanner import _word_starts

            starts = _word_starts(text)
        s, e = starts[c0], starts[c1] + len(sc.words[c1])
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        return s, e

    for c, f in enumerate(sc.folded):
        if not f or c in taken:
            continue
        raw = sc.words[c]
        if is_arabic(raw):
            if f in before_ar and c + 1 < n and (c + 1) not in taken and is_arabic(sc.words[c + 1]):
                nf = sc.folded[c + 1]
                if not nf or nf in stop or nf in GENERIC_WORDS or _SENT_END.search(raw):
                    continue
                c1 = c + 1
                if nf in heads and c + 2 < n and (c + 2) not in taken and is_arabic(sc.words[c + 2]) \
                        and not _SENT_END.search(sc.words[c + 1]):
                    c1 = c + 2
                s, e = span(c + 1, c1)
                if s < e:
                    out.append(Cand(s, e, text[s:e], " ".join(sc.folded[c + 1:c1 + 1]), "unknown", [],
                                    GENERIC_WORDS.get(f) or "place", c + 1, c1))
                    taken.update(range(c, c1 + 1))
        elif f in of_en and c + 2 < n and sc.folded[c + 1] == "of" and sc.words[c + 2][:1].isupper() \
                and (c + 2) not in taken and sc.folded[c + 2] not in stop:
            if _zipf(sc.words[c + 2].lower().strip(",.'\""), "en") >= COMMON_ZIPF:
                continue
            s, e = span(c + 2, c + 2)
            if s < e:
                out.append(Cand(s, e, text[s:e], sc.folded[c + 2], "unknown", [], GENERIC_WORDS.get(f) or "place",
                                c + 2, c + 2))
                taken.update(range(c, c + 3))
        elif f in after_en and c > 0 and (c - 1) not in taken:
            # capitalised words right before: "Islah village", "Sehit Kendal area"
            c0 = c - 1
            if not sc.words[c0][:1].isupper() or sc.folded[c0] in stop or _SENT_END.search(sc.words[c0]):
                continue
            if c0 - 1 >= 0 and (c0 - 1) not in taken and sc.words[c0 - 1][:1].isupper() \
                    and not _SENT_END.search(sc.words[c0 - 1]) and sc.folded[c0 - 1] not in stop \
                    and _zipf(sc.words[c0 - 1].lower(), "en") < COMMON_ZIPF:
                c0 -= 1
            if _zipf(sc.words[c0].lower().strip(",.'\""), "en") >= COMMON_ZIPF:
                continue
            s, e = span(c0, c - 1)
            if s < e:
                out.append(Cand(s, e, text[s:e], " ".join(sc.folded[c0:c]), "unknown", [],
                                GENERIC_WORDS.get(f) or "place", c0, c - 1))
                taken.update(range(c0, c + 1))
    return out


def _structure(text: str, cands: list[Cand], ctx: _Ctx) -> None:
    """Containers ("X, Diyala province", "X (Dahuk)", "X التابعة لقضاء Y", "X north of Y"),
    relations ("north of Baquba", "جنوب كركوك") and the dateline ("BAGHDAD —")."""
    rel = words("relations")
    cues = words("container_cues")
    for i, m in enumerate(cands):
        p1 = _last_word(ctx.prev(m.c0))
        p2 = _last_word(ctx.prev(m.c0, 2))
        if p1 == "of" and p2 in rel:
            m.relation = f"{ctx.raw(m.c0 - 2).strip(',').lower()} of"
        elif p1 in rel and not ctx.raw(m.c0 - 1).endswith(","):
            m.relation = ctx.raw(m.c0 - 1).strip(",()")
        if i + 1 < len(cands):
            nx = cands[i + 1]
            gap = nx.c0 - m.c1
            between = [_first_word(f) for f in ctx.folded[m.c1 + 1:nx.c0] if f]
            comma = any(ctx.raw(c).endswith((",", "،")) for c in range(m.c1, nx.c0))
            # "عين الأسد (غرب) وأربيل", "Mosul and Kirkuk": a list, not a container
            coordinated = (is_arabic(nx.text) and nx.text.startswith("و") and not nx.key.startswith("و")) \
                or "and" in between or "و" in between or any(ctx.raw(c).startswith("(") for c in range(m.c1 + 1, nx.c0))
            if between and all(w in GENERIC_WORDS for w in between):
                gap = 1  # "Zaghniyah village, Diyala province": the generic word belongs to the name
            paren = ctx.raw(nx.c0).startswith("(")
            admin_next = nx.category in ("country", "region") or _first_word(ctx.next(nx.c1)) in (
                "province", "governorate", "district", "county", "state") or any(
                getattr(p, "kind", "") in _ADMIN_KINDS for p in nx.places if not isinstance(p, str))
            contained = False
            if gap == 1 and (comma or paren) and admin_next:
                contained = True
            elif gap == 1 and paren:
                contained = True
            elif 1 < gap <= 4 and between and not coordinated and all(
                    w in cues or w in rel or w in GENERIC_WORDS or w == "of" for w in between):
                strong_cue = any(w in cues and w not in ("in", "of", "within", "في") for w in between)
                if strong_cue or (any(w in cues for w in between) and (admin_next or any(w in GENERIC_WORDS for w in between))):
                    contained = True
                elif any(w in rel for w in between):
                    contained = True
            elif gap == 1 and nx.relation and is_arabic(nx.text) and not coordinated:
                contained = True
            if contained and nx.category != "ctx" and m.category != "ctx":
                m.container = i + 1
                m.container_text = nx.text
            elif gap == 1 and ctx.raw(m.c1).endswith(("'s", "’s")) and nx.container is None \
                    and m.category in ("country", "gaz", "region"):
                nx.container, nx.container_text = i, m.text  # "Iraq's Anbar", "Syria's Idlib province"
        # the dateline: the article's first mention, at a line start, followed by a dash
        if i == 0 and m.start < 200:
            line_start = text.rfind("\n", 0, m.start) + 1
            before = text[line_start:m.start].strip()
            after = text[m.end:m.end + 40]
            if (not before or before.isupper()) and re.match(r"^\s*(\([^)]{1,30}\)\s*)?[,]?\s*[-—–:]", after):
                m.dateline = True
