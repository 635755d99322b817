"""The event's place, by ACLED's rules, from the geoparser's mentions of one sentence.

* the place of the event's own locative phrase ("in X", "on X", "targeted X", في، على، ب);
* "near X", "on the outskirts of X", "5 km north of X" give X with ``geo_precision`` 2;
* a province or region gives ``geo_precision`` 3; an unknown village whose container the text
  gives ("in Islah village, Diyala province") goes to the container (2 for a district or town,
  3 for a province), never to a town at precision 1; the named village stays in ``named``;
* datelines and context-only mentions (nationality adjectives, a capital in passing) are
  never places unless a locative phrase puts the event there;
* coordinated targets ("X and Y", "X, Y and Z areas", "قريتي X وY") share a ``group``.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> from geoutils.extract.tokens import Tokens, attached_in
>>> from geoutils.geoparse import parse_mentions
>>> t = "Mortars fell near Kirkuk and Erbil."
>>> cs = locate(t, Tokens.of(t), parse_mentions(t, gazetteer=MemoryGazetteer.demo()))
>>> [(c.place.name, c.precision, c.group) for c in cs]
[('Kirkuk', 2, 1), ('Erbil', 2, 1)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gazetteer import Place
from geoutils import lexicons
from geoutils.extract.numbers import number_at
from geoutils.extract.tokens import Tokens, attached_in
from geoutils.extract.units import inside, is_quarter, may_hold

__all__ = ["Cand", "locate", "precision_of", "inside", "own_place"]

_POINT_KINDS = {"base", "airport", "embassy", "consulate", "crossing", "oilfield", "zone", "checkpoint", "site",
                "camp", "port", "dam", "bridge", "prison"}
_SPECIFICITY = {"district": 2, "subdistrict": 2, "governorate": 3, "province": 3, "region": 3, "area": 3, "country": 4}
_REGION_KINDS = {"governorate", "province", "region", "country", "mountain"}
_COORD_GAP = re.compile(r"^\s*(?:\([^()]{0,30}\))?\s*(?:,|،)?\s*(?:and|or|و)?\s*$", re.I)
_MAX_BACK = 6  # tokens a cue may lie before its place (bounded window)
_MAX_TIMED = 8  # date tokens the walk back may pass over besides
_MAX_ATTR = 3  # "Kirkuk bakery blast wounds 9": an event noun at most this many tokens after the place
_POSSESSIVE = ("'s", "’s")
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")  # "Hasakah province's Amuda": the province is the container


@dataclass
class Cand:
    """A candidate incident location."""

    place: Any
    precision: int  # 1 place itself, 2 near/part of, 3 region
    order: int  # char offset, for ties and for coordinated lists
    group: int = -1  # coordinated targets share a group ("عين الأسد وأربيل")
    named: str | None = None  # the place the text names when the row goes to its container
    end: int = -1
    offset: bool = False  # "60 km north of X": a reference town the event lies well away from
    source: bool = False  # "a doctor at a hospital in X said": where the source is, not the event
    quarter: bool = False  # a district of the town the text names it in ("Baghdad's Karrada"): finer than the town

    @property
    def specificity(self) -> int:
        kind = getattr(self.place, "kind", "place")
        spec = 0 if kind in _POINT_KINDS or self.quarter else _SPECIFICITY.get(kind, 1)
        return max(spec, 3) if self.precision == 3 else spec  # "Idlib province" read as its capital


def precision_of(place: Any, relative: bool) -> int:
    """ACLED geo_precision of a place named by the event's locative phrase."""
    kind = getattr(place, "kind", "")
    if kind in _REGION_KINDS:
        return 3
    return 2 if relative or kind in ("district", "subdistrict") else 1  # a unit below the province: an area


def _w(name: str) -> frozenset[str]:
    return lexicons.words(name)


def _gap_cue(text: str, toks: Tokens, k: int, loc: frozenset[str]) -> bool:
    """A locative word the tokenizer drops as a Latin article ("at") right before token ``k``."""
    a = toks[k - 1].end if k > 0 else max(0, toks[k].start - 8)
    gap = text[a: toks[k].start]
    return len(gap) < 12 and any(w.casefold() in loc for w in gap.split())


def _cue_before(text: str, toks: Tokens, i0: int, first_is_place_word: bool,
                covered: frozenset[int] = frozenset(), events: frozenset[int] = frozenset(),
                timed: frozenset[int] = frozenset()) -> tuple[str | None, bool, bool]:
    """(cue, relative, via an unknown named place) found walking back from token ``i0``.

    Between the cue and the place only skip words, directions and distances may stand, or an
    unknown settlement ("in Islah village, Diyala province", "في قرية الإصلاح بمحافظة ديالى"):
    then the place is the container of a place the gazetteer lacks. The tokens of a date
    (``timed``: "قصفت المدفعية، فجر السبت 8 أيار، بلدة X", "hit, on Monday
    night, X") are passed over without counting toward the window (at most ``_MAX_TIMED``).
    """
    loc, rel_w, not_loc = _w("locative"), _w("relative"), _w("not_locative")
    targ, dire, dist, road, skip = _w("target_verbs"), _w("direction"), _w("distance"), _w("road"), _w("skip")
    settle = _w("settlement_nouns")
    raw = toks[i0].text
    if not raw.isascii() and raw[:1] == "ب" and len(toks.reads[i0]) > 1 and not first_is_place_word:
        return "ب", False, False
    rel, unknown, settlement = 0, 0, False
    j = i0 - 1
    brk = _w("clause_break")
    passed = 0  # date tokens passed over
    while j >= -1 and i0 - j - passed <= _MAX_BACK + 3:
        if j >= 0 and j in timed and passed < _MAX_TIMED:
            passed += 1
            j -= 1
            continue
        if j >= 0 and (toks.has(j + 1, brk) or (toks[j + 1].text.isascii() and _gap_cue(text, toks, j + 1, brk))):
            return None, False, False  # "Car bomb kills four as envoy visits X": another clause
        if toks[j + 1].text.isascii() and _gap_cue(text, toks, j + 1, loc):
            if unknown and not settlement:
                return None, False, False
            return "at", bool(rel), unknown > 0
        if j < 0:
            break
        if toks.has(j, not_loc) and not toks.has(j, loc):
            if not (j > 0 and (toks.has(j - 1, rel_w) or toks.has(j - 1, dire) or toks.has(j - 1, dist)
                               or toks.has(j - 1, road))):
                return None, bool(rel), False
            rel = True  # "بالقرب من", "north of", "5 km from", "the road between": part of a relative cue
            j -= 1
            continue
        if toks.has(j, _w("undergo_verbs")):
            # "تعرضت مدينة X لقصف": a target only when an event word with لـ follows the place
            # ("الإصابات التي تعرض لها", "تتعرض X لخطر الجفاف" name no target)
            if unknown or not _undergoes(toks, i0, events):
                return None, False, False
            return toks[j].norm, bool(rel), False
        if toks.has(j, loc) or toks.has(j, targ):
            if unknown and not settlement:
                return None, False, False
            rel = rel or toks.has(j, rel_w) or (j > 0 and (toks.has(j - 1, dist) or toks.has(j - 1, dire)))
            return toks[j].norm, bool(rel), unknown > 0
        if toks.has(j, settle):
            # the unknown name stands after the noun in Arabic (قرية الصفرة), before it in English
            if unknown and toks[j].text.isascii():
                return None, False, False
            settlement = True
        elif toks.has(j, dire) and "(" in text[max(0, toks[j].start - 2): toks[j].start]:
            pass  # "عين الأسد (غرب) وأربيل": a parenthetical direction describes the place before
        elif toks.has(j, dire):
            # "north of X", "شمال بغداد", "5 km north of": relative; "the northern city of X": not
            nxt = toks[j + 1].norm if j + 1 < len(toks) else ""
            if j == i0 - 1 or nxt in lexicons.words("of"):
                rel = True
                if unknown == 0 and (j == 0 or not (toks.has(j - 1, loc) or toks.has(j - 1, skip) or toks.has(j - 1, dist)
                                                    or toks[j - 1].norm.isdecimal())):
                    return "direction", True, False  # "killed north Baghdad": the direction is the locative
        elif toks.has(j, rel_w) or toks.has(j, dist) or toks.has(j, road):
            rel = True
        elif j in events and not toks[j].text.isascii() and unknown == 0:
            return toks[j].norm, bool(rel), False  # idafa: "تفجيرات بغداد", "قصف حلب"
        elif toks[j].is_generic or toks.has(j, skip) or j in covered or toks[j].text.endswith(_POSSESSIVE):
            pass  # generic and stop words, and a country or province named before ("Iraq's Mosul")
        elif toks[j].text.isascii() and toks[j].text.islower() and not settlement and i0 - j <= _MAX_BACK:
            pass  # an English modifier: "the holy city of Karbala", "a crowded market in"
        elif toks[j].text.isascii() and j + 1 < i0 and text[toks[j].end: toks[j + 1].start] in ("-", "‑") \
                and toks[j + 1].text.islower():
            pass  # a compound modifier: "the rebel-held town of", "a US-run base in"
        elif unknown < 2 and (not settlement or toks[j].text.isascii()):
            unknown += 1  # maybe the name of a place the gazetteer lacks
        else:
            return None, bool(rel), False
        if i0 - j - passed > _MAX_BACK and not unknown:
            return None, bool(rel), False
        j -= 1
    return None, bool(rel), False


_UNDERGO_AHEAD = 15  # tokens after the place where "لـ + event word" may come (an apposition, a time between)


def _undergoes(toks: Tokens, i0: int, events: frozenset[int]) -> bool:
    """An event word with the proclitic لـ after the place at ``i0`` ("تعرضت قاعدة X، مساء الخميس، لقصف")."""
    return any(k in events and toks[k].text[:1] == "ل" for k in range(i0 + 1, min(len(toks), i0 + 1 + _UNDERGO_AHEAD)))


def _attributive(text: str, toks: Tokens, i1: int, events: frozenset[int]) -> bool:
    """An English place used as a modifier of the event noun: "Kirkuk bakery blast", "Mosul car bomb"
    (not across punctuation: a dateline "BASRA - Gunfights ..." is no modifier)."""
    if not toks[i1].text.isascii():
        return False
    for k in range(i1 + 1, min(len(toks), i1 + 1 + _MAX_ATTR)):
        if any(ch in "-–—:,;()." for ch in text[toks[k - 1].end: toks[k].start]):
            return False
        if k in events:
            return True
    return False


def locate(text: str, toks: Tokens, mentions: list[Any], events: frozenset[int] = frozenset(),
           timed: frozenset[int] = frozenset()) -> list[Cand]:
    """Places of one sentence (``toks``) that are event locations, in text order.

    ``mentions`` are the geoparser's :class:`geoutils.geoparse.Mention` of the sentence;
    ``events`` the token indices of its event words (for "Baghdad bombing", "تفجيرات بغداد");
    ``timed`` those of its date expressions (passed over by the walk back to a cue).
    """
    out: list[Cand] = []
    prev: Cand | None = None
    group = 0
    covered: set[int] = set()
    starts = frozenset(m.start for m in mentions)
    for m in mentions:
        # a province or country named before ("Iraq's Mosul", "Hasakah province's Amuda")
        if m.place is not None and (getattr(m.place, "kind", "") in _REGION_KINDS or m.kind_hint == "governorate"
                                    or _possessive_after(text, m.end, starts)):
            a, b = toks.first_in(m.start, m.end), toks.index_at(m.end - 1)
            covered.update(range(max(a, 0), b + 1))
    dire = _w("direction")
    for m in mentions:
        if m.dateline or m.role == "context":
            continue  # a dateline or a nationality adjective is never the event's place by itself
        i0 = toks.first_in(m.start, m.end)
        if i0 < 0:
            continue
        i1 = max(i0, toks.index_at(m.end - 1))
        if all(toks.has(k, dire) for k in range(i0, i1 + 1)):
            continue  # "جنوب شرقي الموصل", "north-east of X": a direction word, not a place
        place, named = own_place(m), None
        if place is None and m.container is not None:
            place, named = m.container, m.text
        first_word = place is not None and bool(toks[i0].norm) and toks.reads[i0][0] != toks.reads[i0][-1] and \
            toks[i0].text[:1] == "ب" and m.text[:1] == "ب" and not attached_in(place, toks.reads[i0])
        cue, rel, via_unknown = _cue_before(text, toks, i0, first_word, frozenset(covered), events, timed)
        if cue is None and _attributive(text, toks, max(i0, toks.index_at(m.end - 1)), events) and \
                not (i0 > 0 and toks.has(i0 - 1, _w("not_locative"))):
            cue = "attributive"
        coordinated = False
        if cue is None and prev is not None and _COORD_GAP.match(text[prev.end: m.start] or " ") and \
                m.start - prev.end < 40:
            cue, rel, coordinated = "and", prev.precision == 2 and not _region(prev.place), True
        elif cue is None and prev is not None and m.text[:1] == "و" and not m.text.isascii() and \
                m.start - prev.end < 40 and _COORD_GAP.match(text[prev.end: m.start] or " "):
            cue, rel, coordinated = "and", prev.precision == 2, True
        if cue is None or place is None:
            continue
        rel = rel or (m.relation is not None)
        if named is not None or via_unknown:
            prec = 3 if _region(place) else 2
            if via_unknown and named is None:
                named = _unknown_name(text, toks, i0)
        elif m.kind_hint == "governorate" and getattr(place, "kind", "") not in _REGION_KINDS \
                and not _POSSESSIVE_BEFORE.search(text, max(0, m.start - 4), m.start):
            prec = 3  # "the province of Dohuk" read as its capital: the province, not the city
        else:
            prec = precision_of(place, rel)
        quarter = named is None and is_quarter(place, m.container)
        if quarter and not rel:
            prec = 1  # "in Baghdad's Kadhimiya district": the quarter itself
        if not coordinated:
            group += 1
        src = _attribution(text, toks, i0, i1, events)
        if src:
            prec = max(prec, 2)  # the source's town: the event is near it at best
        c = Cand(place, prec, m.start, group, named, m.end, offset=_offset(toks, i0), source=src, quarter=quarter)
        if out and _misread_before(text, toks, out[-1], c, events):
            a = out.pop()  # the row goes to the unit, at 2 at best: the village it names is unplaced
            c.precision, c.named = max(c.precision, 2), c.named or text[a.order: a.end]  # "في X قرية Y في ناحية Z": a name read as a place outside the unit Z
        out.append(c)
        prev = c
    return out


_FAR_OFFSET_KM = 10  # "60 km north of X": the event lies outside X's surroundings


def _offset(toks: Tokens, i0: int) -> bool:
    """A distance of at least ``_FAR_OFFSET_KM`` written before the place ("60 km north
    of X", "على مسافة 60 كم شمال X"): the place is a reference point only."""
    dist = _w("distance")
    for k in range(max(0, i0 - 5), i0):
        if toks.has(k, dist) and k > 0:
            got = number_at(toks, k - 1)
            return got is not None and got[0] >= _FAR_OFFSET_KM
    return False


_ATTR_BACK = 6  # tokens before a place where an attribution word ("according to", بحسب) may stand
_ATTR_AHEAD = 3  # tokens after a place where a speech verb ("said") may follow


def _attribution(text: str, toks: Tokens, i0: int, i1: int, events: frozenset[int]) -> bool:
    """The place belongs to the source of the report, not to the event: a speech verb right after
    it in the same clause ("a doctor at a hospital in X said", "Kirkuk police told AFP"; not "in X,
    police said") or an attribution word before it in the same phrase, with no event or casualty
    word and no comma between ("according to officials in X", "بحسب مصدر في مستشفى X"; not
    "بحسب المصدر قتل ثلاثة في X", "according to police, a bomb hit X")."""
    after, before = _w("attribution_after"), _w("attribution_before")
    for k in range(i1 + 1, min(len(toks), i1 + 1 + _ATTR_AHEAD)):
        if k in events or any(ch in text[toks[k - 1].end: toks[k].start] for ch in ",،;:.()"):
            break
        if toks.has(k, after):
            return True
    hurt = lexicons.words("killed", "casualties") | lexicons.words("injured", "casualties")
    for k in range(i0 - 1, max(-1, i0 - 1 - _ATTR_BACK), -1):
        if k in events or toks.has(k, hurt) or any(ch in text[toks[k].end: toks[k + 1].start] for ch in ",،;:"):
            return False
        if toks.has(k, before):
            return True
    return False


def _misread_before(text: str, toks: Tokens, a: Cand, c: Cand, events: frozenset[int] = frozenset()) -> bool:
    """``a`` is named in the same locative phrase as the administrative unit ``c`` that holds it
    ("X village in Y sub-district", "في X قرية Z في ناحية Y"), yet lies outside that unit: the
    name was read as another place (a namesake elsewhere), and only the unit is kept."""
    if getattr(c.place, "kind", "") not in _UNIT_KINDS - {"country"} or a.specificity >= c.specificity:
        return False
    if not 0 < c.order - a.end or any(ch in text[a.end: c.order] for ch in ".;:!?؟\n"):
        return False
    k0, k1 = toks.index_at(a.end - 1) + 1, toks.first_in(c.order, c.end)
    if k1 - k0 > _MAX_BACK or any(k in events for k in range(k0, k1)):
        return False  # not one locative phrase ("Bombs across X kill 15, clashes continue in Y")
    loc = _w("locative")
    if not any(toks.has(k, loc) for k in range(k0, max(k0, k1))) and toks[k1].text[:1] != "ب":
        return False
    return not inside(c.place, a.place)


_POSSESSIVE_AFTER = re.compile(r"(?:\s+([A-Za-z]+))?['’]s\s+((?:[a-z]+\s+){0,3})")


def _possessive_after(text: str, end: int, starts: frozenset[int] = frozenset()) -> bool:
    """The place ending at ``end`` is a container by its possessive: its generic place noun takes
    the "'s" ("Hasakah province's Amuda", "Kirkuk city's ...": a word of ``place_nouns``), or the
    "'s" heads another place (``starts``: the mentions' offsets), with at most a few lower-case
    words between ("Iraq's northern city of Mosul"). "The Kirkuk governor's office" and
    "Kirkuk's governor" make no container.

    Example
    -------
    >>> _possessive_after("Hasakah province's Amuda", 7), _possessive_after("the Kirkuk governor's office", 10)
    (True, False)
    """
    m = _POSSESSIVE_AFTER.match(text, end, min(len(text), end + 60))
    if m is None:
        return False
    if m.group(1):
        return m.group(1).casefold() in _w("place_nouns")
    return m.end() in starts


def _region(place: Any) -> bool:
    return getattr(place, "kind", "") in _REGION_KINDS


def _unknown_name(text: str, toks: Tokens, i0: int) -> str | None:
    """The unknown place named before its container ("Islah village" in "in Islah village, Diyala")."""
    loc = _w("locative")
    j = i0 - 1
    while j >= 0 and i0 - j <= _MAX_BACK + 3 and not toks.has(j, loc):
        j -= 1
    if j < 0 or j + 1 >= i0:
        return None
    return text[toks[j + 1].start: toks[i0 - 1].end].strip(" ,،") or None


_UNIT_KINDS = {"country", "governorate", "province", "district", "subdistrict"}


def own_place(m: Any) -> Place | None:
    """The mention's resolved place, unless the administrative unit the text gives as its
    container ("X, Anbar province") rules it out (a name read as a place of another country or
    province, :func:`~geoutils.extract.units.inside`): then None, the name is unknown. A town as
    container proves nothing ("the Mosul, Kirkuk and Basra areas" is a list).

    Parameters
    ----------
    m : geoutils.geoparse.Mention
        A geoparser mention (its ``place`` and ``container``).

    Example
    -------
    >>> from types import SimpleNamespace
    >>> from gazetteer import Place
    >>> anbar = Place("a", "Anbar", "", 33.0, 42.0, "governorate", "IQ", "Anbar", 0, "t")
    >>> libya = Place("z", "Zawiya", "", 32.8, 13.0, "place", "LY", "Zawiya", 0, "t")
    >>> own_place(SimpleNamespace(place=libya, container=anbar)) is None
    True
    >>> own_place(SimpleNamespace(place=libya, container=None)).name
    'Zawiya'
    """
    c = m.container
    if m.place is not None and c is not None and getattr(c, "kind", "") in _UNIT_KINDS and may_hold(c, m.place) \
            and not inside(c, m.place):
        return None
    return m.place
