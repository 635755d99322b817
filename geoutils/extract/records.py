"""Coded-event record lines: a line that is only a date heading and a place address
("June 2nd, 2015: Haditha, Anbar province, Iraq", "2 حزيران 2015: حديثة، محافظة الأنبار").

Strike logs and event feeds list one event per such line with no event word: the line is an
event record at that place on that day, of a kind the line does not say (``sub`` None in the
row, ``notes`` marked). The test is strict, so that prose naming a place never becomes a row:

* the sentence is its whole line;
* it opens with a written date (not a weekday or "yesterday") followed by a colon, a dash or a
  comma;
* after it, every word belongs to a place mention, or is a place noun ("province", محافظة),
  a relative word ("near", قرب; "nr", an abbreviation of log addresses only), a direction ("east of") or a conjunction, save a name
  of at most three words the gazetteer lacks before the first known place; at least one
  mention is a place below the country level.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> from geoutils.extract.tokens import Tokens
>>> from geoutils.geoparse import parse_mentions
>>> from datetime import date
>>> t = "March 3rd, 2020: Kirkuk, Iraq"
>>> m = record_line(t, Tokens.of(t), (0, len(t)), parse_mentions(t, gazetteer=MemoryGazetteer.demo()), date(2020, 4, 1))
>>> (m.date.isoformat(), m.cands[0].place.name, m.cands[0].precision)
('2020-03-03', 'Kirkuk', 1)
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from geoutils import lexicons
from geoutils.extract.dates import find_dates, may_start
from geoutils.extract.mention import EventMention
from geoutils.extract.places import Cand, own_place, precision_of
from geoutils.extract.tokens import Tokens
from geoutils.extract.units import inside, may_hold

__all__ = ["record_line", "RECORD_NOTE"]

RECORD_NOTE = "[coded-event record line: no event word, kind unknown]"
_SEPARATORS = (":", "-", "–", "—", ",", "،")
_MAX_LINE = 160  # characters: a record line is short
_UNITS = {"country", "governorate", "province", "district", "subdistrict"}  # kinds that can rule a place out
_MAX_UNKNOWN = 3  # words of an unknown name the address may open with


def record_line(text: str, toks: Tokens, span: tuple[int, int], mentions: list[Any],
                anchor: date) -> EventMention | None:
    """The :class:`~geoutils.extract.mention.EventMention` of a record line, or None.

    Parameters
    ----------
    text : str
        The whole article.
    toks : Tokens
        The sentence's tokens.
    span : tuple of int
        The sentence's (start, end) in ``text``.
    mentions : list of geoutils.geoparse.Mention
        The geoparser's mentions in the sentence.
    anchor : datetime.date
        The day relative dates count from.

    Returns
    -------
    EventMention or None
        One mention of unknown kind (``sub`` None, ``record`` True) at the address's place.

    Example
    -------
    >>> from datetime import date
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> from geoutils.geoparse import parse_mentions
    >>> t = "May 2nd, 2019: Mosul, Iraq"
    >>> ms = parse_mentions(t, gazetteer=MemoryGazetteer.demo())
    >>> m = record_line(t, Tokens.of(t), (0, len(t)), ms, date(2019, 6, 1))
    >>> (m.sub, m.record, m.date.isoformat(), m.cands[0].place.name)
    (None, True, '2019-05-02', 'Mosul')
    >>> record_line("Mosul, Iraq", Tokens.of("Mosul, Iraq"), (0, 11), [], date(2019, 6, 1)) is None
    True
    """
    s, e = span
    if e - s > _MAX_LINE or not toks or (s > 0 and text[s - 1] != "\n") or (e < len(text) and text[e] != "\n"):
        return None
    line = text[s:e]
    if not any(sep in line for sep in _SEPARATORS) or not may_start(toks[0].norm):
        return None  # cheap tests first: most sentences without an event word are prose
    dates = find_dates(toks, anchor)
    if not dates or dates[0].start != 0 or dates[0].relative:
        return None
    d = dates[0]
    after = toks[d.end - 1].end
    k = d.end
    alt = lexicons.words("record_alternatives")
    day, year = d.date, None
    while k < len(toks) and (toks[k].norm[:1].isdecimal() or toks[k].norm in alt):
        # coded-event data gives an uncertain day as alternatives ("May 4th/5th", "June 2nd or 3rd,
        # 2011"): the first day is kept; a year after the alternatives is the date's year
        if toks[k].norm.isdecimal() and len(toks[k].norm) == 4:
            year = int(toks[k].norm)
        after, k = toks[k].end, k + 1
    if year is not None and day is not None and k > d.end + 1 and 1900 <= year <= 2100:
        day = day.replace(year=year)
    if k >= len(toks) or text[after: toks[k].start].strip()[:1] not in _SEPARATORS:
        return None
    allowed = lexicons.words("record_words") | lexicons.words("relative") | lexicons.words("not_locative") \
        | lexicons.words("direction") | lexicons.words("of") | alt
    placed = [m for m in mentions if m.start >= toks[k].start and m.role == "place"]
    home = {m.place.country_code for m in placed if m.place is not None and getattr(m.place, "kind", "") == "country"}
    if len(home) == 1:  # "Tell Abu X or Y near Tikrit, ..., Iraq": a name read abroad is an unknown name
        placed = [m for m in placed if m.place is None or m.place.country_code in home]
    cover = [(m.start, m.end) for m in placed]
    first = placed[0].start if placed else e
    unknown, name_end = 0, after
    for t in toks[k:]:
        if any(a <= t.start < b for a, b in cover) or t.norm in allowed or t.is_generic:
            continue
        if t.start < first and unknown < _MAX_UNKNOWN and (not t.text.isascii() or t.text[:1].isupper()):
            unknown += 1  # "Al Waeliyah, Mosul, ...": a name the gazetteer lacks, before the known places
            name_end = t.end
            continue
        return None
    cand, named_end = _first_place(text, toks, placed)
    if cand is not None and unknown:
        cand.named = text[after: max(name_end, named_end)].strip(" ,،:-–—") or None
        cand.precision = max(cand.precision, 2)
    if cand is None:
        return None
    return EventMention(sent=(s, e), sub=None, weapon=None, definite=False, headline=False,
                        evidence=(toks[k].start, e), date=day, precision=d.precision,
                        cands=[cand] + _coordinated(text, placed, cand), record=True)


def _comma_between(text: str, a: int, b: int) -> bool:
    return "," in text[a:b] or "،" in text[a:b]


_AND_GAP = re.compile(r"^\s*(?:and|&|و)\s*(?:al\s+|el\s+)?$", re.I)


def _coordinated(text: str, placed: list[Any], first: Cand) -> list[Cand]:
    """"Baiji and Sharqat districts, Salah ad Din, ...": places joined to the first by "and"
    (not "or": alternatives of one uncertain place) are further targets, one row each (ACLED:
    one event per location); they share the first's ``group``."""
    out: list[Cand] = []
    end = first.end
    for m in placed:
        if m.start < end or m.place is None or not _AND_GAP.match(text[end: m.start]):
            continue
        own = own_place(m)
        if own is None or getattr(own, "kind", "") == "country":
            break
        out.append(Cand(own, max(first.precision, precision_of(own, False)), m.start, end=m.end))
        end = m.end
    if out:
        first.group = 1
        for c in out:
            c.group = 1
    return out


def _first_place(text: str, toks: Tokens, placed: list[Any]) -> tuple[Cand | None, int]:
    """The address's first place below the country level; a name the gazetteer lacks before it
    (or one read as a place outside the units named after it) sends the row to that place at
    ``geo_precision`` 2 (its container), the name kept; with the end of that name."""
    named, named_end = None, -1
    rel_w = lexicons.words("relative") | lexicons.words("record_relative")
    for i, m in enumerate(placed):
        own = own_place(m)
        if own is not None and not all(inside(q.place, own) for q in placed[i + 1:]
                                       if q.place is not None and getattr(q.place, "kind", "") in _UNITS
                                       and may_hold(q.place, own) and _comma_between(text, m.end, q.start)):
            # the address is a chain of containers ("X, Nineveh province, Iraq"): X lies in each unit;
            # a town in the chain proves nothing ("Makhmoor, Mosul, ...": the town names the area),
            # nor does a place joined by "and" ("X and Y districts, ..."): a further target
            own = None
        p = own if own is not None else m.container
        if p is None:
            named, named_end = named or m.text, m.end
            continue
        if getattr(p, "kind", "") == "country":
            continue
        i0 = toks.first_in(m.start, m.end)
        relative = m.relation is not None or (i0 > 0 and toks.has(i0 - 1, rel_w))
        if own is None:
            named, named_end = named or m.text, m.end
        prec = precision_of(p, relative)
        if named is not None:
            prec = max(prec, 2)
        return Cand(p, prec, m.start, named=named, end=m.end), named_end
    return None, named_end
