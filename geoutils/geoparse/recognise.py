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

from functools import lru_cache
from typing import Any

from gazetteer.normalize import fold_token, is_arabic

from geoutils.geoparse.compounds import modifies, split_compounds
from geoutils.geoparse.lexical import (_ADMIN_KINDS, _DAY, COMMON_ZIPF, GENERIC_WORDS, MILLION, MINOR_ZIPF,
                                       STRONG_ZIPF, VERY_COMMON_ZIPF, Cand, Once, _Ctx, _definite, _first_word,
                                       _frequency, _last_word, _zipf, id_kinds, is_month, name_parts, own_name)
from geoutils.geoparse.missions import missions
from geoutils.geoparse.persons import (RARE_ZIPF, _after_demonym, _after_place, _person_like, _sentence_start,
                                       _title_case, age_follows)
from geoutils.geoparse.scancache import cached
from geoutils.geoparse.scanner import Scanner, scanner_pairs
from geoutils.geoparse.short import short_names
from geoutils.geoparse.structure import structure, unknown_names
from geoutils.geoparse.vocab import people_per_province, vocab, words

__all__ = ["Cand", "recognise", "scanner"]

WORLD_MIN_POPULATION = 1000
#: prefix of a scanner id that matched through a code-only alias ("EBL", "ORER")
CODE = "code="
#: a GeoNames place this big, named by its own main name, is not a common word's namesake
BIG_POPULATION = 200_000
#: a capitalised English own name of a city this big is the city, however frequent wordfreq finds it
#: (100k set on dev figures: LGL and TR-News mention precision/recall, not derived)
CITY_POPULATION = 100_000
_CODE_KINDS = {"airport", "base"}
_SITE_KINDS = {"airport", "base", "dam", "prison", "oilfield", "crossing", "zone", "landmark", "embassy", "consulate"}


@lru_cache(maxsize=8)
def scanner(gazetteer: Any) -> Scanner:
    """The scanner over the gazetteer's keys and the geoparse vocabulary (built once per gazetteer,
    and kept on disk beside its database: :mod:`geoutils.geoparse.scancache`)."""
    return cached(gazetteer, lambda: _build_scanner(gazetteer))


def _build_scanner(gazetteer: Any) -> Scanner:
    # every populated place of 1,000+ people, worldwide: the context step, not a country list, decides
    pairs = scanner_pairs(gazetteer, None, WORLD_MIN_POPULATION)
    extra = vocab().pairs
    if any(p.startswith("csc:") for _, p in pairs):
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


def _exempt(places: list, key: str, zipf: float, arabic: bool = False, surface: str = "",
            opening: bool = False) -> bool:
    """Curated, administrative and big places keep a name that is also a word, unless the word is
    so frequent (a function word: "أن") that only context can make it a place. ``surface`` is the name
    as written (default: ``key``); ``opening``: it opens a sentence or stands in a title-case line,
    where a capital says nothing, so a mid-sized city's own name is not exempt there."""
    surface = surface or key
    if zipf >= VERY_COMMON_ZIPF:
        return False
    for p in places:
        if p.id.startswith(("cur:", "user:")) or getattr(p, "layer", "default") == "user" or p.kind == "country":
            return True
        # administrative units: in Arabic (no capitals) only when the word is not a very frequent one
        # ("الداخلية", "العاصمة", "الوحدة" are units somewhere and words everywhere)
        if p.kind in _ADMIN_KINDS and zipf < STRONG_ZIPF and (not arabic or p.kind in _TOP_ADMIN) \
                and (arabic or own_name(p, key, surface) or p.id.startswith("state:")):  # English: the unit's own name, not an alias ("Lane": Lääne)
            return True  # Arabic: a district or subdistrict named "الفجر" (dawn) needs its context
        if not arabic and p.kind == "province" and own_name(p, key, surface) and key not in words("relations") \
                and people_per_province(p.country_code) >= MILLION:
            return True  # a capitalised big state's own name ("California", zipf 5.0) is the state
        # Arabic has no capitals: a big place keeps a word only as its own Arabic name, and not a very common one
        pop = p.population or 0
        if pop >= BIG_POPULATION and (not arabic or (zipf < STRONG_ZIPF and (own_name(p, key, surface)
                                                                             or pop >= MILLION))):
            return True
        if not arabic and not opening and pop >= CITY_POPULATION and surface[:1].isupper() and own_name(p, key, surface):
            # "Oxford", "Columbia": wordfreq counts the city's own name, which English capitalises;
            # not at a sentence start ("Split over the budget, ..."), where every word has a capital
            return True
        if arabic and pop >= MILLION and own_name(p, key, surface):
            return True  # "لندن", "واشنطن": a world city's own Arabic name, however often news writes it
    return False



_TOP_ADMIN = {"country", "governorate", "province", "admin1", "region"}
_HAY = ("hay", "hai", "حي")


def _head_ar(name_ar: str) -> str:
    """The first word of an Arabic name after its generic words: "الكويت" of "مدينة الكويت"."""
    parts = name_ar.split()
    return next((w for w in parts if fold_token(w) not in GENERIC_WORDS), parts[0] if parts else "")


def _curated(p: Any) -> bool:
    return p.id.startswith(("cur:", "user:")) or getattr(p, "layer", "default") == "user"


def _described(surface: str) -> bool:
    """"الحي الغربي", "القرية المجاورة": a generic place word with the article, then a description."""
    parts = surface.split()
    if len(parts) < 2 or not _definite(parts[0]):
        return False
    head = fold_token(parts[0])
    return bool(GENERIC_WORDS.get(head) or head in _HAY)


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


def _namesakes(gz: Any, ids: list[str], key: str, surface: str) -> bool:
    """Is the country's name also the own name of a first-level unit abroad (the US state Georgia) or of
    a town abroad ("Palestine", Texas)? The article decides; a town needs its division named (context)."""
    places = [p for p in map(gz.get, ids) if p is not None]
    home = {p.country_code for p in places if p.kind == "country"}
    return any(p.kind in ("province", "governorate") and own_name(p, key, surface) for p in places) or any(
        p.kind == "place" and p.country_code not in home and p.name.casefold() == surface.casefold()
        for p in places)  # as written: "Iran" is no "Iraan", however the two fold


def _world_city(places: list, key: str, surface: str) -> bool:
    """Does the name, as its own name, name a city of a million people ("Paris", "Washington")?
    Such a name opening a sentence, or in a capitalised dateline, is the city, not a word."""
    return any((p.population or 0) >= MILLION and own_name(p, key, surface) for p in places)


def _is_code_key(key: str) -> bool:
    return " " not in key and key.isascii() and len(key) <= 4


def _place_context(ctx: _Ctx, c0: int, c1: int, key: str = "", strong: bool = False, attached: bool = True,
                   clitics: str = "بف") -> bool:
    before = words("place_before") if not strong else words("place_before_strong")
    after = _after_place()
    p = _last_word(ctx.prev(c0))
    if p in before:
        prev_raw = ctx.raw(c0 - 1)
        # "City Council", "County Commission": a capitalised English place word belongs to the name before
        return not (prev_raw[:1].isupper() and prev_raw.isascii() and p in words("place_before_strong"))
    raw = ctx.raw(c0)
    if attached and is_arabic(raw) and raw[:1] in clitics and len(raw) > 3 \
            and fold_token(raw) != key.split(" ", 1)[0] \
            and fold_token(raw[1:]).startswith(key.split(" ", 1)[0][:3]):  # بكركوك, ببعقوبة: an attached "in"
        return True
    n = _first_word(ctx.next(c1))
    return n in after


def _word_after(text: str, end: int) -> str:
    """The whitespace chunk right after ``end`` (bounded look-ahead); "" at the end of the text."""
    rest = text[end:end + 40].split(None, 1)
    return rest[0] if rest and not text[end:end + 1].isalnum() else ""


def _word_before(text: str, start: int) -> str:
    """The whitespace chunk right before ``start`` (bounded look-behind)."""
    head = text[max(0, start - 40):start].rsplit(None, 1)
    return head[-1] if head and not text[start - 1:start].isalnum() else ""


def recognise(text: str, gz: Any, tokens: Any = None) -> list[Cand]:
    """Place mentions of ``text`` before resolution, in text order (see the module doc)."""
    scn = scanner(gz)
    sc = scn.scan_chunks(text)
    ctx = _Ctx(sc)
    months = words("months") | words("weekdays")
    voc = vocab()
    out: list[Cand] = []
    hits = split_compounds(scn, sc, text)  # "Russia-Turkey": two names; "Baghdad-based": the name alone
    starts = {h.c0 for h in hits}
    for h in hits:
        surface = text[h.start:h.end]
        if is_month(h.key, surface, months):
            continue
        ar = is_arabic(surface)
        pseudo, states, gaz_ids, codes = id_kinds(h.place_ids, CODE)
        if states and (h.key, states[0]) in voc.abbreviations and text[h.end:h.end + 1] != ".":
            states = []  # "Ind." is Indiana, "Ind" is not
        # (only codes read the day number beside the name: looked at for them alone)
        dated = bool(codes or _is_code_key(h.key)) and bool(
            _DAY.match(_word_after(text, h.end)) or _DAY.match(_word_before(text, h.start)))
        code_only = False
        if codes and not ar and surface.replace(".", "").replace("-", "").isupper() and not dated:
            code_only = not gaz_ids and not pseudo and not states
            gaz_ids += [p for p in codes if p not in gaz_ids]  # a code counts written in capitals, not in a date
        if h.key in words("relations") and h.kind is None:
            continue  # "Northwest Ohio", "Eastern Chad": a relation word is never a place by itself
        cat = pseudo[0].split(":", 1)[0] if pseudo else "gaz"
        if any(p.startswith("continent:") for p in pseudo):
            cat, pseudo = "continent", [p for p in pseudo if p.startswith("continent:")]
        # "Mexico City", "مدينة الكويت": the word beside the name asks for the city, not the country
        # (the word right before in Arabic, the capitalised word right after in English: "Mexico City",
        # not "the Iraq town of Baiji" nor "في العراق مدينة الموصل")
        city = cat == "country" and h.kind == "place" and (
            GENERIC_WORDS.get(_last_word(ctx.prev(h.c0))) == "place" if ar else
            ctx.raw(h.c1 + 1)[:1].isupper() and GENERIC_WORDS.get(_first_word(ctx.next(h.c1))) == "place") and any(
            p is not None and p.kind != "country" for p in map(gz.get, gaz_ids))
        if city:
            cat, pseudo = "gaz", [p for p in pseudo if not p.startswith("country:")]
        elif cat == "country" and (states or _namesakes(gz, gaz_ids, h.key, surface)) and not ar:
            cat = "gaz"  # "Georgia": the country or the US state (or a town), the article decides
        if cat != "gaz":
            if not ar and _is_code_key(h.key) and not surface.replace(".", "").isupper() \
                    and len(h.key) <= 2:
                continue  # "us" the pronoun is not the U.S.
            if cat == "country" and ar and _definite(surface) \
                    and _frequency(surface, h.key) >= COMMON_ZIPF and not any(
                        _definite((getattr(voc.countries.get(p.split(":", 1)[1]), "name_ar", None) or "ال-").split()[0])
                        for p in pseudo):
                continue  # "المالي" (financial) is not مالي
            if cat == "country" and ar and out and out[-1].category == "ctx" \
                    and out[-1].c1 == h.c0 - 1 and _after_demonym(out, h.c0, ctx):
                continue  # "المستشارة الالمانية انغيلا": a name after a nationality adjective is a person
            places = [voc.places[p] for p in pseudo if p in voc.places]
            out.append(Cand(h.start, h.end, surface, h.key, cat, places or pseudo, h.kind, h.c0, h.c1))
            continue
        places = [p for p in map(gz.get, gaz_ids) if p is not None] + [voc.places[p] for p in states if p in voc.places]
        if states and (h.key, states[0]) in voc.abbreviations and surface[:1].isupper():
            # "Kan.", "Ga.": a state's abbreviation written with its stop names the state, not a place
            # abroad that lists the bare letters as a name (Ganzhou's "Kan")
            places = [voc.places[p] for p in states if p in voc.places] or places
        places += [cp for cp in (_country(gz, p) for p in pseudo if p.startswith("country:")) if cp is not None]
        if city:
            places = [p for p in places if p.kind != "country"]
        if _is_code_key(h.key):
            caps = surface.isupper() or any(ch.isdigit() for ch in surface)
            if not caps or dated:
                places = [p for p in places if p.kind not in _CODE_KINDS and not p.id.startswith("icao:")
                          and not (p.kind == "country" and not own_name(p, h.key, surface))]
        zipf = _frequency(surface, h.key)
        if ar and zipf >= COMMON_ZIPF:
            if (_described(surface) or (_definite(surface) and _described(ctx.raw(h.c0 - 1) + " " + surface))) \
                    and not any(_curated(p) for p in places):
                continue  # "الحي الغربي", "القرية المجاورة": a generic word with the article and a common word
            if _definite(surface):
                # "المالي", "الحصار", "المركزي": the article makes the word an adjective or a noun;
                # a place whose own Arabic name has no article is not named by it
                # ("مدينة الكويت" is named "الكويت" after the word that asks for the city)
                places = [p for p in places if _curated(p) or not p.name_ar or _definite(p.name_ar.split()[0])
                          or (city and _definite(_head_ar(p.name_ar)))]
        if not places:
            continue
        if not ar and not any(ch.isupper() for ch in surface) and not any(map(_curated, places)):
            continue  # English names are proper nouns: "old", "street" in lower case name nothing
        weak = False
        title_case = Once(_title_case, ctx, h.c0, h.c1)
        # a name known only as a minor local entry (an unpopulated village or neighbourhood list) must
        # be rarer still as a word to stand on its own ("الاكراد", "الجهاد" are neighbourhoods and words)
        minor = all(p.population is None and p.kind == "place" and not p.id.startswith(("cur:", "user:"))
                    for p in places)
        common = zipf >= (MINOR_ZIPF if minor else COMMON_ZIPF) or (
            zipf >= RARE_ZIPF and not ar and title_case()
            and not any(_curated(p) or p.kind in _ADMIN_KINDS for p in places))
        # ("Death Toll Rises": capitals say nothing; a curated or administrative name, "Rural Damascus", keeps them)
        strong = zipf >= STRONG_ZIPF or (minor and zipf >= MINOR_ZIPF)  # "في فجر" is "at dawn"; "في غضون", "within"
        first = surface.split(" ", 1)[0]
        stripped = is_arabic(first) and fold_token(first) != h.key.split(" ", 1)[0]
        # written with the article (ال + a word), read as a place whose own name has none (the bare word)
        bare = is_arabic(first) and _definite(first) and not any(_curated(p) or _definite((p.name_ar or "ال").split()[0])
                                                                 for p in places)
        if stripped and _zipf(first, "ar") >= COMMON_ZIPF \
                and not _place_context(ctx, h.c0, h.c1, h.key, True, attached=False):
            weak = True  # read with a proclitic ("ب+يان"), but the word as written is itself a word ("بيان")
        elif (stripped or bare) and _zipf(first, "ar") >= MINOR_ZIPF and not _exempt(places, h.key, 0.0, True, surface) \
                and not _place_context(ctx, h.c0, h.c1, h.key, False, clitics="ب"):
            # a rarer word as written (a noun or verb with its article or a proclitic), read without them,
            # names a village only in place context: a big, curated or administrative place is exempt
            weak = True
        elif h.kind is None and all(p.kind in _SITE_KINDS or _generic_named(p) for p in places) and common \
                and not _place_context(ctx, h.c0, h.c1, h.key, strong):
            weak = True  # "تقدم" (progress) is the Taqaddum base only as "قاعدة التقدم" or in context
        elif not ar and h.kind is None and not code_only and all(
                p.kind in _SITE_KINDS and len(p.name.split()) > len(surface.split()) and not _curated(p)
                for p in places) and not _place_context(ctx, h.c0, h.c1, h.key, False):
            # "Trudeau said": a site's name without its word ("Trudeau Airport") names a person first;
            # a curated site is named by its own listed aliases ("Ain al-Asad", "Bab al-Hawa"), and any
            # ordinary place cue ("at", "near", "hit") makes the short form the site
            weak = True
        elif not ar and strong and (_sentence_start(ctx, text, h.start, h.c0) or surface.isupper()) \
                and not _world_city(places, h.key, surface) and not _place_context(ctx, h.c0, h.c1, h.key, True):
            weak = True  # "Hit by rockets…": a very common word opening a sentence, whatever it may name
        elif code_only and h.kind is None and not _place_context(ctx, h.c0, h.c1, h.key, False):
            weak = True  # "CEO", "GPS": capitals that are only an airport's code name it near a place cue
        elif ar and zipf >= MINOR_ZIPF and h.kind is None and not name_parts(surface)[1] \
                and not any(_curated(p) or own_name(p, h.key, surface) for p in places) \
                and not _place_context(ctx, h.c0, h.c1, h.key, strong):
            weak = True  # a word that is only some place's alternate name ("Apple", "الصحراء") needs place context
        elif not _exempt(places, h.key, zipf, ar, surface,
                         opening=not ar and (_sentence_start(ctx, text, h.start, h.c0)
                                                             or title_case())):
            # a common word naming no curated, administrative or big place: only in place context
            weak = common and not _place_context(ctx, h.c0, h.c1, h.key, strong)
        person = False
        if not weak and ar and _last_word(ctx.prev(h.c0)) in words("person_titles") \
                and not any(p.kind in _ADMIN_KINDS for p in places):
            weak = person = True  # "الرئيس بشار", "الوزيرة رايس"
        elif not weak and ar and _after_demonym(out, h.c0, ctx) \
                and not any(p.kind in _ADMIN_KINDS for p in places):
            weak = person = True  # "المدرب البرازيلي سانتوس", "البرازيلي كارلوس سانتوس"
        elif not ar and (age_follows(ctx, h.c0, h.c1) or (
                _person_like(ctx, h.c0, h.c1, text, h.start, starts)
                and not any(p.kind in _ADMIN_KINDS and own_name(p, h.key, surface) for p in places)
                and not _named_with_word_before(places, ctx.raw(h.c0 - 1), surface))):
            # "Linda Brackwell", "Paris, 51,": a name inside a longer proper name, an age; a common word
            # too ("a Mazda and James Tauber": a person, whom no list of places takes in)
            weak = person = True
        if states and (h.key, states[0]) in voc.abbreviations and surface[:1].isupper():
            weak = person = False  # "Ill.", "Calif.": a state's abbreviation with its full stop is no word
        # a place cue written as a word before it ("في القصير"): an attached ب ("بسعادة") is also "with, by"
        placed = ar and not weak and _place_context(ctx, h.c0, h.c1, h.key, False, attached=False) \
            and _last_word(ctx.prev(h.c0)) not in words("place_before_loose")
        end = h.end
        if states and not person and (h.key, states[0]) in voc.abbreviations and text[end:end + 1] == ".":
            end, surface = end + 1, surface + "."  # "Mich.": a state abbreviation's span keeps its stop (as short.py's)
        out.append(Cand(h.start, end, surface, h.key, "person" if person else "gaz", places, h.kind, h.c0, h.c1,
                        weak=weak, person=person, placed=placed, modifier=not ar and modifies(text, end)))
    # one sense per discourse: a name the article uses inside a person's name ("Ellen Dayton")
    # is that person elsewhere too ("Dayton said"), unless context there says place
    persons = {m.key for m in out if m.weak and m.category == "person"}
    for m in out:
        if m.category == "person":
            m.category = "gaz"
        elif persons and m.key in persons and not m.weak and m.category == "gaz" \
                and not _place_context(ctx, m.c0, m.c1, m.key, True):
            m.weak = m.person = True
    out = missions(text, out, ctx, gz)  # "the US embassy", "السفارة الأميركية"
    out += short_names(text, sc, {c for m in out for c in range(m.c0, m.c1 + 1)},
                       [(m.start, m.end) for m in out])  # "US", "Ky.", "Egyptian-US"
    out += unknown_names(text, sc, ctx, {c for m in out for c in range(m.c0, m.c1 + 1)})
    out.sort(key=lambda m: m.start)
    out = _lists(out, ctx)
    structure(text, out, ctx)
    return out


def _named_with_word_before(places: list, before: str, surface: str) -> bool:
    """Is the word before the name part of a candidate's own name? "Ann Arbor" (keyed "arbor": the
    key drops what folds to an article) is the town, though "Ann" is also a first name."""
    name = f"{before} {surface}".casefold()
    return bool(before) and any((p.name or "").casefold() == name for p in places)


def _lists(cands: list[Cand], ctx: _Ctx) -> list[Cand]:
    """Keep a weak (common-word) name only when a neighbour in a list of places is a firm mention."""
    keep: list[Cand] = []
    for i, m in enumerate(cands):
        if not m.weak:
            keep.append(m)
            continue
        if m.person:
            continue  # "Milford Lane, Halifax": a name inside a longer name is no list item
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


