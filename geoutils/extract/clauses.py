"""Per sentence: event words (clusters of triggers) and the attributes given to each of them
(dates, times, casualties, places with a locative cue, actors), as :class:`EventMention`.

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> from geoutils.geoparse import parse_mentions
>>> from geoutils.extract.tokens import Tokens
>>> from datetime import date
>>> t = "Gunmen shot dead two policemen in Kirkuk on Monday."
>>> ms = event_mentions(t, Tokens.of(t), parse_mentions(t, gazetteer=MemoryGazetteer.demo()), date(2020, 2, 14))
>>> [(m.sub, m.killed, m.date.isoformat(), m.cands[0].place.name) for m in ms]
[('Attack', 2, '2020-02-10', 'Kirkuk')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from typing import Any

from geoutils import lexicons
from geoutils.extract import events as ev
from geoutils.extract.actors import accused_actor, actors_for, find_actors, state_fires
from geoutils.extract.cues import additive, stamped, unnamed_site
from geoutils.extract.country import main_country, outlier_test
from geoutils.extract.dates import find_dates, find_times, time_of_day
from geoutils.extract.headlines import attributive_to, clause_events, finer_than_country, is_news, lone_place
from geoutils.extract.mention import EventMention
from geoutils.extract.numbers import casualties
from geoutils.extract.objects import NEEDS_PLACE, takes_place
from geoutils.extract.places import Cand, locate
from geoutils.extract.records import record_line
from geoutils.extract.report import filing_date
from geoutils.extract.sentences import body_start, dateline, split_sentences, title_stack
from geoutils.extract.tokens import Tokens

__all__ = ["EventMention", "event_mentions", "SUB_PRIORITY", "WEAPON_PRIORITY"]  # EventMention: re-exported from .mention

SUB_PRIORITY = [ev.SUICIDE, ev.IED, ev.GRENADE, ev.AIR, ev.SHELL, "Government regains territory",
                "Non-state actor overtakes territory", "Armed clash", "Violent demonstration",
                "Abduction/forced disappearance", "Attack", "Peaceful protest", "Looting/property destruction", "Non-violent transfer of territory", "Other"]
WEAPON_PRIORITY = ["ballistic missile", "cruise missile", "Katyusha rocket", "Grad rocket", "drone", "car bomb",
                   "suicide vest", "IED", "landmine", "grenade", "mortar", "artillery", "missile", "rocket"]
_BASE_WORDS = {"base": "base", "airport": "airport"}
#: a change of territory, by who takes it: a state force regains, a non-state group overtakes
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _clusters(trigs: list[ev.Trigger]) -> list[list[ev.Trigger]]:
    out: list[list[ev.Trigger]] = []
    for t in trigs:
        if out and t.start - out[-1][-1].end <= 3:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _summarise(cl: list[ev.Trigger]) -> tuple[str | None, str | None, bool, bool, bool]:
    """(sub_event_type, weapon, strong, definite, aggregate) of a trigger cluster."""
    strong = [t for t in cl if t.kind in ("strong", "intercept")]
    subs = {t.sub_event_type for t in strong}
    weapons = {t.weapon for t in cl if t.weapon}
    if any(t.kind == "intercept" for t in cl):
        sub = "Disrupted weapons use"
    elif "Peaceful protest" in subs and subs & {"Armed clash", "Violent demonstration"}:
        sub = "Violent demonstration"  # "protesters clash with police": demonstrators in violence
    else:
        sub = next((s for s in SUB_PRIORITY if s in subs), None)
    if "drone" in weapons and sub == ev.SHELL:
        sub = ev.AIR
    weapon = next((w for w in WEAPON_PRIORITY if w in weapons), None)
    if weapon == "drone" and "ballistic missile" not in weapons and sub not in (ev.AIR, "Disrupted weapons use"):
        weapon = None
    first_strong = strong[0] if strong else cl[0]
    return sub, weapon, bool(strong), first_strong.definite, any(t.aggregate for t in cl)


def _promote(trigs: list[ev.Trigger], dated: bool, first_event: bool) -> list[ev.Trigger]:
    """With no strong event word, "Militants kill five in X" / "gunmen attacked X": the killing or
    an indefinite attack word names an Attack when it is the article's first news, or when the
    sentence dates it ("on May 1, gunmen killed an activist"). A later, undated sentence with a
    vague word ("dozens have been killed in X since the war began") is background, not an event."""
    if any(t.kind in ("strong", "intercept") for t in trigs):
        return [t for t in trigs if t.kind != "fallback"]
    cand = [t for t in trigs if (t.kind == "fallback" or (t.kind == "weak" and not t.definite)) and not t.aggregate]
    definite_ref = any(t.kind == "weak" and t.definite for t in trigs)
    if not cand or definite_ref or not (first_event or dated):
        return [t for t in trigs if t.kind != "fallback"]
    t = cand[0]
    return [ev.Trigger(t.start, t.end, "strong", "Attack", None, False, generic=True)] + \
        [x for x in trigs if x is not t and x.kind != "fallback"]


_TIME_REACH = 3  # tokens around a date where its time words ("this morning", مساء اليوم) stand
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
def event_mentions(text: str, toks_all: Tokens, mentions: list[Any], pub: date,
                   stacked: bool | None = None) -> list[EventMention]:
    """Event mentions of the whole article, sentence by sentence (see module doc). Every place
    comes from the geoparser's ``mentions`` (embassies included): no lookup of its own.
    ``stacked``: whether the text is a stack of titles (computed by :func:`title_stack` when None)."""
    country = main_country(mentions)
    far = outlier_test(mentions, country)
    body = body_start(text)
    dl = dateline(text)
    anchor = filing_date(toks_all, dl, pub)  # relative dates ("on Sunday", أمس) count from the filing date
    m_starts = [m.start for m in mentions]
    out: list[EventMention] = []
    last_by_kind: dict[str, Any] = {}
    pending_accused: list[tuple[int, str]] = []
    agent_or_accuse = lexicons.words("agent_verbs") | lexicons.words("accuse_verbs")
    time_words = lexicons.words("time_words")
    toll_rise = lexicons.words("toll_rise", "casualties")
    prev_end = -1
    one_line = "\n" not in text.strip()  # a headline or brief pasted alone
    if stacked is None:  # a few headlines, one a line: each is a title
        stacked = title_stack(text)
    for s, e in split_sentences(text):
        toks = toks_all.span(s, e)
        if not toks:
            continue
        sm = mentions[bisect_left(m_starts, s): bisect_left(m_starts, e)]
        trigs = ev.find_triggers(toks)
        rise = bool(out) and not trigs and _DIGIT.search(text, s, e) is not None and \
            any(toks.has(k, toll_rise) for k in range(len(toks)))  # "The toll later rose to 17"
        if not trigs and not sm and not rise:
            continue
        actors = find_actors(toks)
        # drop places inside a longer actor name (فيلق القدس)
        keep = []
        for m in sm:
            i0 = toks.first_in(m.start, m.end)
            i1 = max(i0, toks.index_at(m.end - 1))
            if i0 < 0 or any(a.start <= i0 and i1 < a.end and (a.end - a.start) > (i1 - i0 + 1) for a in actors):
                continue
            keep.append(m)
        events = frozenset(k for t in trigs if t.kind in ("strong", "weak", "intercept") for k in range(t.start, t.end))
        dates = find_dates(toks, anchor) if trigs else []
        dated_toks = frozenset(k for d in dates for k in range(d.start, d.end))
        # the tokens casualty figures read: a date's digits are no count ("on June 3, wounding him")
        ctoks = [t._replace(norm="\u00b7") if k in dated_toks else t for k, t in enumerate(toks)] if dated_toks else toks
        timed = dated_toks | frozenset(  # the time words around a date ("مساء اليوم الأربعاء")
            k for d in dates for k in range(max(0, d.start - _TIME_REACH), min(len(toks), d.end + _TIME_REACH))
            if toks.has(k, time_words))
        located = [c for c in locate(text, toks, keep, events, timed) if not far(c.place)]
        spans = [(c.order, c.end) for c in located] + [(m.start, m.end) for m in keep if m.place is not None]
        # a territory or property word counts only with a place as its object (not "seized a truck")
        trigs = [t for t in trigs if t.sub_event_type not in NEEDS_PLACE or takes_place(toks, t, spans, actors)]
        for c in located:
            last_by_kind[getattr(c.place, "kind", "place")] = c.place
        # a record line ("June 2nd, 2015: Haditha, Anbar province, Iraq") is nothing but a date and
        # place words: a place name that reads as an event word ("Hit") does not make it prose
        rec = record_line(text, toks, (s, e), keep, anchor) if sm else None
        if rec is not None:
            out.append(rec)
            prev_end = e
            continue
        if not trigs:
            if rise:
                cas = casualties(toks, raw=text[s:e])  # "The toll later rose to 17": the incident's new toll
                if cas.killed is not None and cas.updated:
                    ref = EventMention((s, e), None, None, True, False, (s, min(e, s + 80)))
                    ref.killed, ref.injured, ref.toll_updated = cas.killed, cas.injured, True
                    out.append(ref)
            else:
                _continue_place(out, located, prev_end, text, s, toks)
            prev_end = e
            continue
        prev_end = e
        dates = [d for d in dates if not stamped(text, toks, d.start)]
        if dl and s < dl[1]:  # the dateline's date is the filing date, not the event's
            dates = [d for d in dates if not (dl[0] <= toks[d.start].start < dl[1])]
        raw_trigs = trigs
        trigs = _promote(trigs, bool(dates), all(m.headline for m in out))  # the title or the lead: news
        headline = s < body
        # a count of attacks is a statistic in a body ("20 rocket attacks this year"), the news
        # itself in a title or a one-line brief ("2 suicide attacks kill 12 troops near X")
        news = is_news(toks, headline or stacked or (one_line and not out))
        if news:
            trigs = sorted(trigs + clause_events(text, toks, raw_trigs, trigs, located, s, e), key=lambda t: t.start)
        clusters = [(cl, *_summarise(cl)) for cl in _clusters(trigs)]
        strong = [c for c in clusters if c[3] and (not c[5] or news)]
        aggregate_only = not strong and any(c[5] for c in clusters)
        sent = text[s:e]
        accused = accused_actor(toks, actors)
        if not strong:
            if aggregate_only or not out or headline:
                continue
            cas = casualties(ctoks, raw=sent)
            # "the blast took place early today in X": a definite reference tells its incident's day and place
            told = any(t.kind == "weak" and not t.aggregate for t in trigs) and (dates or located)
            if cas.killed is not None or cas.injured is not None or accused or told:
                ref = EventMention((s, e), None, None, True, False, (s, min(e, s + 80)))
                ref.killed, ref.killed_named, ref.injured = cas.killed, cas.killed_named, cas.injured
                ref.toll_updated = cas.updated and cas.killed is not None
                ref.killed_more = cas.killed_more
                ref.actor1 = accused
                if dates:  # its time: a day for its incident, or a recalled time ("last May") that is another's
                    ref.date, ref.precision = dates[0].date, dates[0].precision
                if told:
                    w0 = toks[next(t.start for t in trigs if t.kind == "weak" and not t.aggregate)].start
                    # "the attack ... in X" or "the X attacks", not "X ... the attack"
                    ref.cands = [c for c in located if c.order > w0 or attributive_to(text, c, w0)]
                    ref.also = additive(toks, trigs)
                out.append(ref)
            continue
        bounds = [cl[0].start for cl, *_ in strong]
        regions = [(0 if j == 0 else bounds[j], bounds[j + 1] if j + 1 < len(bounds) else len(toks))
                   for j in range(len(strong))]
        mids = [((cl[0].start + cl[-1].end) / 2) for cl, *_ in strong]

        def nearest(pos: float) -> int:
            k = bisect_left(mids, pos)
            best = [j for j in (k - 1, k) if 0 <= j < len(mids)]
            return min(best, key=lambda j: (abs(mids[j] - pos), j))

        ms = [EventMention((s, e), sub, weapon, definite, headline, (toks[cl[0].start].start, toks[cl[-1].end - 1].end),
                           generic=all(t.generic for t in cl if t.kind in ("strong", "intercept")))
              for cl, sub, weapon, _, definite, _ in strong]
        if any(m.sub == "Violent demonstration" for m in ms) and not any(toks.has(k, lexicons.words("crowd")) for k in range(len(toks))) \
                and not any(a.name == "Protesters" for a in actors):
            for m in ms:  # "militants stormed the site": an attack, not a demonstration
                if m.sub == "Violent demonstration":
                    m.sub = "Attack"
        subs = {m.sub for m in ms}
        if "Peaceful protest" in subs and subs & {"Armed clash", "Violent demonstration"}:
            for m in ms:  # "protesters clashed with police", "protesters and police traded gunfire"
                if m.sub in ("Peaceful protest", "Armed clash"):
                    m.sub = "Violent demonstration"
        elif "Attack" in subs and any(t.sub_event_type == "Peaceful protest" for t in trigs if t.kind == "strong") \
                and state_fires(toks, actors, trigs):
            for m in ms:  # "police opened fire on protesters": state force against a crowd (ACLED)
                if m.sub in ("Peaceful protest", "Attack"):
                    m.sub = "Excessive force against protesters"
        for d in dates:
            m = ms[nearest((d.start + d.end) / 2)]
            if m.date is None:
                m.date, m.precision = d.date, d.precision
        for off, hhmm in find_times(sent):
            j = nearest(toks.index_at(s + off))
            ms[j].time = ms[j].time or hhmm
        if time_of_day(sent):
            for m in ms:
                m.dawn = m.date is not None
        commas = [i for i in range(s, e) if text[i] in ",،"] if len(ms) > 1 else []
        for c in located:
            j = nearest(toks.index_at(c.order))
            if commas:  # "kill 12 in X, repel an offensive in Y": the event word of the place's own clause
                own = [k for k, m in enumerate(ms) if bisect_left(commas, m.evidence[0]) == bisect_left(commas, c.order)]
                if len(own) == 1:
                    j = own[0]
            ms[j].cands.append(c)
        for j, (lo, hi) in enumerate(regions):
            cas = casualties(ctoks, lo, hi, raw=sent if len(ms) == 1 else "")
            ms[j].killed, ms[j].killed_named, ms[j].injured = cas.killed, cas.killed_named, cas.injured
            ms[j].toll_updated = cas.updated and cas.killed is not None
            ms[j].killed_more = cas.killed_more
            a1, a2 = actors_for(toks, actors, strong[j][0], lo, hi, ms[j].sub, agent_or_accuse)
            ms[j].actor1, ms[j].actor2 = a1, a2
            if ms[j].actor2 is None and accused and accused != ms[j].actor1 and ms[j].actor1 and \
                    ms[j].sub not in ("Violent demonstration", "Peaceful protest"):
                ms[j].actor2 = accused
            if ms[j].sub in _TERRITORY and a1:  # who takes the ground decides ACLED's sub-event
                state = next((a.state for a in actors if a.name == a1), None)
                if state is not None:
                    ms[j].sub = _TERRITORY[0] if state else _TERRITORY[1]
            if not ms[j].cands:
                # "the base" / القاعدة with no name: the base the article last named
                for t in toks[lo:hi]:
                    k = _BASE_WORDS.get(t.generic or "")
                    if k and last_by_kind.get(k) is not None and (t.text.isascii() or t.text.startswith(("ال", "وال", "بال"))):
                        ms[j].cands.append(Cand(last_by_kind[k], 1, t.start, end=t.end))
                        break
        lone = lone_place(keep, far) if headline or (one_line and not out) else None
        if lone is not None:
            for m in ms:
                if not m.cands or finer_than_country(m.cands, lone):
                    m.cands.append(lone)
        if additive(toks, trigs):
            for m in ms:  # "a second car bomb also exploded in X": a further event, not a retelling
                m.also = True
        if unnamed_site(text, toks):
            for m in ms:
                m.unnamed_site = True
        ms = _merge_same_event(ms)
        if accused and out:
            pending_accused.append((len(out) - 1, accused))
        out.extend(ms)
    for idx, actor in pending_accused:
        if out[idx].actor1 is None:
            out[idx].actor1 = actor
    return out


_CONTINUE_BACK = 8  # tokens before a place read for a destination or a place that is no event site


def _continue_place(out: list[EventMention], located: list[Cand], prev_end: int, text: str, s: int,
                    toks: Tokens) -> None:
    """"An official was killed by a drone on Friday. He was driving near X.": a sentence with no
    event word, right after a dated event sentence that placed nothing (the next paragraph at
    most), tells about where that event happened: its place, at ``geo_precision`` 2 at least (the
    sentence places the victim, not the strike). A destination ("taken to", "heading to", إلى،
    متوجهاً) or a place that is no event site (a hospital, a hometown, a funeral) is not kept."""
    if not located or not out or prev_end < 0:
        return
    last = out[-1]
    if last.cands or last.headline or last.sub is None or last.date is None or last.sent[1] != prev_end \
            or text.count("\n", prev_end, s) > 2:
        return
    away = lexicons.words("destination") | lexicons.words("not_event_site")
    keep = []
    for c in located:
        i0 = toks.index_at(c.order)
        if not any(toks.has(k, away) for k in range(max(0, i0 - _CONTINUE_BACK), max(0, i0))):
            keep.append(replace(c, precision=max(c.precision, 2)))
    last.cands = keep


def _merge_same_event(ms: list[EventMention]) -> list[EventMention]:
    """"hit by a car bomb and then by a salvo of rockets": a later event word of the same
    sentence and event type, with no place or day of its own, is the same event (one row). So is
    one with no day that gives the place the earlier one lacks ("since May 2, when a drone killed a
    man and wounded two on the road to X": the day and the place of one strike)."""
    out: list[EventMention] = []
    for m in ms:
        p = out[-1] if out else None
        if p is not None and m.date is None and (not m.cands or not p.cands) \
                and ev.event_type_of(m.sub) == ev.event_type_of(p.sub):
            p.cands = p.cands or m.cands
            if SUB_PRIORITY.index(m.sub) < SUB_PRIORITY.index(p.sub) if m.sub in SUB_PRIORITY and p.sub in SUB_PRIORITY else False:
                p.sub = m.sub
            p.weapon = next((w for w in WEAPON_PRIORITY if w in (p.weapon, m.weapon)), None)
            for a in ("killed", "injured"):
                if getattr(p, a) is None:
                    setattr(p, a, getattr(m, a))
            p.actor1, p.actor2 = p.actor1 or m.actor1, p.actor2 or m.actor2
            p.time = p.time or m.time
            p.evidence = (p.evidence[0], max(p.evidence[1], m.evidence[1]))
            continue
        out.append(m)
    return out
