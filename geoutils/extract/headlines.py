"""Titles and one-line briefs: what makes a sentence news of its own, the event words of a title of
two news, a place that modifies an event noun ("the Kirkuk bombings") and a title's lone place.

Example
-------
>>> from geoutils.extract.tokens import Tokens
>>> is_news(Tokens.of("Two suicide attacks kill 9 near X"), True), is_news(Tokens.of("30 attacks in the past months"), True)
(True, False)
"""
from __future__ import annotations

import re
from typing import Any

from geoutils import lexicons
from geoutils.extract import events as ev
from geoutils.extract.places import Cand
from geoutils.extract.tokens import Tokens

__all__ = ["attributive_to", "clause_events", "finer_than_country", "is_news", "lone_place"]


def is_news(toks: Tokens, title: bool) -> bool:
    """A count of attacks is a statistic in a body ("20 rocket attacks this year"), the news itself
    in a title or a one-line brief (``title``: "2 suicide attacks kill 12 troops near X"), unless
    the title counts over a span of time ("30 attacks in the past months")."""
    return title and not any(toks.has(k, lexicons.words("aggregate_span")) for k in range(len(toks)))


# "the place modifies the event noun": at most 24 characters and 2 words between them, set on the
# UCDP dev figure (headlines via extract_incidents: "claims X attacks", "the X car bomb"); not re-tuned since
_ATTR_GAP = re.compile(r"^[\w\s-]{0,24}$")


def attributive_to(text: str, c: Cand, w0: int) -> bool:
    """The place modifies the event noun that starts at ``w0`` ("claims Baghdad attacks", "the
    Mosul car bomb"): at most a few words between them, no punctuation."""
    return 0 <= c.end <= w0 and text[c.end:w0].isascii() and _ATTR_GAP.match(text[c.end:w0]) is not None \
        and len(text[c.end:w0].split()) <= 2


def clause_events(text: str, toks: Tokens, raw: list[ev.Trigger], kept: list[ev.Trigger], located: list[Cand],
                   s: int, e: int) -> list[ev.Trigger]:
    """A title of two news ("Bombs kill 12 in X, militants stage attack near Y", "Troops kill 12
    militants in X, repel offensive in Y"): a generic kill or attack word dropped beside a stronger
    one is an Attack of its own when its comma-bounded clause has no other event word and a place
    of its own after it (ACLED: one event per location)."""
    strong = [t for t in kept if t.kind in ("strong", "intercept")]
    if not strong:
        return []
    out = []
    for t in raw:
        if t.kind not in ("fallback", "weak") or t.definite or t.aggregate or any(t.start < k.end and k.start < t.end for k in kept
                                                                               if k.kind in ("strong", "intercept")):
            continue
        a = toks[t.start].start
        lo = max(text.rfind(",", s, a), text.rfind("،", s, a), s)
        hi = min([i for i in (text.find(",", a, e), text.find("،", a, e)) if i >= 0] or [e])
        if any(lo <= toks[k.start].start < hi for k in strong):
            continue
        if any(a < c.order < hi for c in located):
            out.append(ev.Trigger(t.start, t.end, "strong", "Attack", None, False, generic=True))
    return out


def lone_place(mentions: list[Any], far: Any) -> Cand | None:
    """The one place a title (or a one-line brief) names, when its event words have no locative phrase of their own
    ("Roadside bomb wounds four as minister tours Tikrit", "Troops push to encircle Hawija amid heavy
    fighting"): the event is told there, at ``geo_precision`` 2 (part of, or near, the place).
    None when the sentence names no place or several (then the event's place is unknown)."""
    found = [m for m in mentions if m.place is not None and m.role == "place" and not m.dateline
             and getattr(m.place, "kind", "") != "country" and not far(m.place)]
    if not found or len({m.place.id for m in found}) > 1:
        return None
    m = found[0]
    return Cand(m.place, 3 if getattr(m.place, "kind", "") in ("governorate", "province", "region") else 2,
                m.start, end=m.end)


def finer_than_country(cands: list[Cand], lone: Cand | None) -> bool:
    """A title's event placed only at a country ("Blasts across Iraq kill 12, most of them in Hilla",
    "Tribal leader from Baiji shot dead in Iraq") while the title names one finer place of that
    country (``lone``, :func:`lone_place`): the event is told there (ACLED codes the finest place the
    report gives), so the finer place is added to the country. Not when the finer place lies in
    another country ("Attacks in Iraq kill 9 as ministers confer in Amman").

    Example
    -------
    >>> from gazetteer import Place
    >>> iq = Place("c", "Iraq", "", 33.0, 44.0, "country", "IQ", "", 0, "t")
    >>> mosul = Place("m", "Mosul", "", 36.3, 43.1, "place", "IQ", "Nineveh", 0, "t")
    >>> finer_than_country([Cand(iq, 3, 30)], Cand(mosul, 2, 5)), finer_than_country([], Cand(mosul, 2, 5))
    (True, False)
    """
    if lone is None or not cands or any(getattr(c.place, "kind", "") != "country" for c in cands):
        return False
    code = getattr(lone.place, "country_code", None)
    return bool(code) and all(getattr(c.place, "country_code", None) == code for c in cands)
