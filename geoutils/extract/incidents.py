"""Event mentions -> incidents: a dated mention joins an incident of the same day, kind and
area; a definite, dateless one ("the attack", الهجوم) joins the latest compatible incident; an
indefinite one starts a new incident. Headlines restate the story: they join a compatible
incident and make one of their own only when none exists (a headline alone gives its row).

Lookups are bounded (incidents indexed by day, a short list of recent ones), so the cost is
linear in the number of mentions.

Example
-------
>>> from geoutils.extract.mention import EventMention
>>> a = EventMention((0, 9), "Attack", None, False, False)
>>> b = EventMention((10, 20), None, None, True, False)
>>> [len(i.mentions) for i in group_incidents([a, b])]
[2]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geoutils.extract.mention import EventMention
from geoutils.extract.events import event_type_of
from geoutils.extract.places import Cand
from geoutils.extract.retold import best_place, retold_kind, undated_retold
from geoutils.extract.units import near, same_admin1, same_country, within

__all__ = ["Incident", "group_incidents", "best_place"]

_RECENT = 8  # incidents a dateless definite mention may refer back to
_LEAD, _AFTER = 3, 2  # the article's first incidents may take the day of one of the next ones
_FOCUS_DAYS = 31  # a one-town report's unplaced event this far (days) from the town's own is another story
_NEAR_KM = 25.0  # how far "near X" / "the outskirts of X" can reach


@dataclass(eq=False)
class Incident:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def sub(self) -> str | None:
        return self.kind or next((m.sub for m in self.mentions if m.sub), None)

    @property
    def kind(self) -> str | None:
        """The sub-event type named by a specific word among the first mentions (None when only
        generic ones; bounded, so that matching costs the same for a long story)."""
        return next((m.kind for m in self.mentions[:2 * _RECENT] if m.kind), None)

    @property
    def date(self) -> date | None:
        return next((m.date for m in self.mentions if m.date), None)


def _compatible_type(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


_DEMONSTRATION = {"Protests", "Riots"}


def _refers_to(a: str | None, b: str | None) -> bool:
    """A definite mention of kind ``b`` ("the protesters", المتظاهرين) may refer to an incident of
    kind ``a``: the same kind, or both kinds of one demonstration's course (a protest, a riot,
    force against the crowd: ACLED's Protests and Riots)."""
    return _compatible_type(a, b) or (event_type_of(a) in _DEMONSTRATION and event_type_of(b) in _DEMONSTRATION)


def _place_compatible(inc: Incident, m: EventMention) -> bool:
    a = best_place([c for mm in inc.mentions[-6:] for c in mm.cands])
    b = best_place(m.cands)
    return a is None or b is None or near(a.place, b.place, 150.0 if max(a.specificity, b.specificity) >= 3 else 30.0)


def group_incidents(mentions: list[EventMention], today: date | None = None, stacked: bool = False) -> list[Incident]:
    """Incidents of the article, in order of first mention (see module doc). ``today`` is the
    report's day (the filing date): the story its title tells happened then when no sentence
    dates it (:func:`_title_day`). ``stacked``: the text is a stack of titles
    (:func:`~geoutils.extract.sentences.title_stack`), whose "body" is one more title: the
    first title's place, when finer than the country the next one names, is kept."""
    incidents: list[Incident] = []
    by_day: dict[date, list[Incident]] = {}
    recent: list[Incident] = []
    headline: list[EventMention] = []
    orphans: list[EventMention] = []

    def touch(inc: Incident, m: EventMention) -> None:
        inc.mentions.append(m)
        if inc in recent:
            recent.remove(inc)
        recent.append(inc)
        del recent[:-_RECENT]
        if m.date is not None and inc not in by_day.setdefault(m.date, []):
            by_day[m.date].append(inc)

    def same_day(m: EventMention) -> Incident | None:
        return next((i for i in by_day.get(m.date, ())[-_RECENT:] if _compatible_type(i.kind, m.kind)
                     and _place_compatible(i, m)), None)

    for m in mentions:
        if m.headline:
            headline.append(m)
            continue
        if m.sub is None and not m.record:  # a reference sentence: "the strike" killed no one, 109 injured
            if recent and _elsewhere(recent[-1], m):
                inc = Incident()  # "the shelling also hit X": the same strikes at another place, another row
                incidents.append(inc)
                touch(inc, m)
            elif recent and not _other_time(recent[-1], m):
                _refer(recent[-1], m)
                touch(recent[-1], m)
            elif not recent and headline:
                orphans.append(m)  # "claims the Baghdad attacks" right under a title: it refers to the title's story
            continue
        target = None
        if m.date is not None:
            target = same_day(m)
            if target is None and m.definite and not m.also and m.cands and recent:
                # "the shooting took place early this morning in X": a definite mention that
                # tells the day (and a place) of the undated, placed incident told just before
                i = recent[-1]
                if i.date is None and _refers_to(i.kind, m.kind) and any(mm.cands for mm in i.mentions) \
                        and _place_compatible(i, m):
                    target = i
        elif m.definite:
            target = next((i for i in reversed(recent) if _refers_to(i.kind, m.kind)
                           and _place_compatible(i, m)), None)
            if target is None and m.also:
                _take_referent_day(recent, m)
        if target is None:
            target = Incident()
            incidents.append(target)
        touch(target, m)
    for m in headline:  # titles restate the main story: join it when compatible
        if m.date is not None:
            target = same_day(m)
        else:
            target = next((i for i in incidents[:_RECENT] if _compatible_type(i.kind, m.kind) and _place_compatible(i, m)),
                          None)
            if target is None and incidents and not m.cands:
                target = next((i for i in incidents[:_RECENT] if _compatible_type(i.kind, m.kind)), None)
        if target is not None:
            # the body says it best: the headline only fills what the body lacks
            if any(mm.cands for mm in target.mentions):
                # ... but in a stack of titles, "Car bomb kills 25 in Baghdad" over "Iraq car bombs
                # kill 26" keeps the first title's place inside the next one's
                a = best_place([c for mm in _some(target) for c in mm.cands])
                m.cands = [c for c in m.cands if stacked and a is not None and a.specificity >= 3 and _finer(a, c)]
            if any(mm.killed is not None for mm in target.mentions):
                m.killed = None
            if any(mm.injured is not None for mm in target.mentions):
                m.injured = None
            touch(target, m)
            continue
        inc = Incident()
        incidents.append(inc)
        touch(inc, m)
    titled = [i for i in incidents if i.mentions and i.mentions[0].headline]
    for m in orphans:
        if len(titled) == 1 and not _other_time(titled[0], m):
            _refer(titled[0], m)
            touch(titled[0], m)
    return _title_day(_focus(_complete(incidents)), today)


def _title_day(incidents: list[Incident], today: date | None) -> list[Incident]:
    """The story a title announces is the report's news: when no sentence of the article gives it
    a day (a title "Rocket hits X market" over a body that tells the strike without a day), it happened on the
    report's day, coded as approximate (``precision`` 2, ACLED's rule for a day the source does not
    state). Only incidents with a title mention; body events told without a day keep none (a
    recalled event)."""
    if today is None:
        return incidents
    for inc in incidents:
        if inc.date is None and any(m.headline for m in inc.mentions) and inc.sub is not None:
            m = inc.mentions[0]
            m.date, m.precision = today, 2
    return incidents


def _focus(incidents: list[Incident]) -> list[Incident]:
    """A report about one town: a dated event the text places nowhere ("On May 1, gunmen shot
    dead a lawyer as he left his office") happened in that town, at ``geo_precision`` 2.

    Chosen conditions (all must hold): every place the article gives its events is that one town
    (or a point in it within 15 km, or a province or country containing it); the unplaced event
    has no locative of its own, not even an unnamed one ("attacked a village", "في قرية");
    and it lies within ``_FOCUS_DAYS`` of the town's own dated event (not one recalled from
    another year)."""
    cands = [c for inc in incidents for m in inc.mentions for c in m.cands]
    local = [c for c in cands if c.specificity < 3]
    if not local:
        return incidents
    town = min(local, key=lambda c: (c.specificity != 1, c.order))
    if getattr(town.place, "kind", "") not in ("town", "place"):
        return incidents
    one_town = all(c.place.id == town.place.id or (c.specificity == 0 and near(town.place, c.place, 15.0))
                   for c in local) and all(within(c.place, town.place) for c in cands if c.specificity >= 3)
    if not one_town:
        return incidents
    home = next((inc.date for inc in incidents if inc.date is not None and any(town in m.cands for m in inc.mentions)), None)
    for inc in incidents:
        if inc.date is not None and home is not None and abs((inc.date - home).days) <= _FOCUS_DAYS \
                and not any(m.cands or m.unnamed_site for m in inc.mentions):
            m = next(m for m in inc.mentions if m.date is not None)
            m.cands = [Cand(town.place, 2, m.evidence[0], end=m.evidence[1])]
    return incidents


def _some(inc: Incident) -> list[EventMention]:
    """The first and the latest mentions of an incident: a bounded view, so that a reference
    costs the same however long the incident's story is."""
    ms = inc.mentions
    return ms if len(ms) <= 2 * _RECENT else ms[:_RECENT] + ms[-_RECENT:]


def _elsewhere(inc: Incident, m: EventMention) -> bool:
    """A definite reference with an additive word, placed at a town or point far (> 15 km) from its
    incident's town or point ("وطال القصف كذلك مخبزاً في بلدة عامودا", "the shelling also hit X"):
    ACLED codes one event per place, so it becomes an incident of its own, of the referent's kind and day (``m`` is completed in place)."""
    if not m.also:
        return False
    a = best_place([c for mm in _some(inc) for c in mm.cands])
    own = [c for c in m.cands if c.specificity < 3]
    if a is None or a.specificity >= 3 or not own or any(near(a.place, c.place, 15.0) for c in own):
        return False
    ref = next((mm for mm in _some(inc) if mm.sub), None)
    if ref is None:
        return False
    m.cands, m.sub, m.weapon = own, ref.sub, ref.weapon
    dated = next((mm for mm in _some(inc) if mm.date is not None), None)
    if m.date is None and dated is not None:
        m.date, m.precision = dated.date, dated.precision
    return True


def _take_referent_day(recent: list[Incident], m: EventMention) -> None:
    """"The shelling also damaged a school in X": a definite mention with an additive word, at a
    place that fits no recent incident, is the referent's event at another place (ACLED: one row
    per place) and takes the referent's day (the latest incident of a compatible kind)."""
    ref = next((i for i in reversed(recent) if _refers_to(i.kind, m.kind)), None)
    if ref is None:
        return
    dated = next((mm for mm in _some(ref) if mm.date is not None), None)
    if dated is not None:
        m.date, m.precision = dated.date, dated.precision


def _other_time(inc: Incident, m: EventMention) -> bool:
    """The reference tells another time than its incident's ("two such shootings happened in March,
    when three guards died"): its toll is not the incident's. Compared at the coarser precision."""
    d = next((mm for mm in _some(inc) if mm.date is not None), None)
    if m.date is None or d is None:
        return False
    p = max(m.precision or 1, d.precision or 1)
    if p >= 3:
        return (m.date.year, m.date.month) != (d.date.year, d.date.month)
    return abs((m.date - d.date).days) > (7 if p == 2 else 0)


def _refer(inc: Incident, m: EventMention) -> None:
    """A reference ("the blast took place early today in X") keeps only what its incident lacks
    or refines: a day when the incident has none, places inside the incident's area."""
    if m.date is not None and inc.date is not None:
        m.date = m.precision = None
    if m.cands:
        a = best_place([c for mm in _some(inc) for c in mm.cands])
        if a is not None:
            m.cands = [c for c in m.cands if _finer(a, c)]


def _finer(a: Cand, c: Cand) -> bool:
    """``c`` refines ``a``, always from a coarser to a finer place: a point or town inside ``a``'s
    province, district or surroundings (15 km), or a town itself ("in the town of X") where
    ``a`` was only near a town ("the outskirts of Y") of the same province, within the
    ``_NEAR_KM`` that "near" and "outskirts" can mean."""
    if c.specificity < a.specificity:
        return within(a.place, c.place) if a.specificity >= 3 else near(a.place, c.place, 15.0)
    return c.specificity == a.specificity < 3 and a.precision == 2 and c.precision == 1 and \
        same_admin1(a.place, c.place) and near(a.place, c.place, _NEAR_KM)


def _complete(incidents: list[Incident]) -> list[Incident]:
    """Join an undated incident that names a place to the nearest dated incident of a compatible
    kind that lacks one, or that names only its province ("shelling of Hasakah province on Monday"
    + "the shells fell on a farm in Amuda"): the lead gives the day, a later sentence the place.
    An undated incident at the place of an earlier dated one (within 15 km) is the same event
    told again, whatever words it uses ("the raid", "the clashes")."""
    gone: set[int] = set()
    places = [best_place([c for m in inc.mentions for c in m.cands]) for inc in incidents]
    index = {id(inc): j for j, inc in enumerate(incidents)}
    for k, b in enumerate(incidents):
        pb = places[k]
        if b.date is not None or pb is None or pb.specificity >= 3:
            continue
        best = None
        for d in range(1, _RECENT + 1):  # bounded: the nearest incidents only
            for j in (k - d, k + d):
                if best is None and 0 <= j < len(incidents) and j not in gone:
                    a = incidents[j]
                    if a.date is None:
                        continue
                    pj = places[j]
                    same_area = pj is not None and pj.specificity < 3 and near(pj.place, pb.place, 15.0) \
                        and retold_kind(a.sub, b.sub)
                    if not _compatible_type(a.sub, b.sub) and not same_area:
                        continue
                    pa = places[j]
                    if pa is None or (pa.specificity >= 3 and within(pa.place, pb.place)):
                        best = a
                    elif pa.specificity < 3 and near(pa.place, pb.place, 15.0) and not (
                            any(m.also for m in b.mentions) and pa.place.id != pb.place.id):
                        best = a  # the same place restated without its day: the event told again
            if best is not None:
                break
        if best is not None:
            best.mentions.extend(b.mentions)
            gone.add(k)
            jb = index[id(best)]
            # the best of the union is the better of the two bests: no pass over a growing incident
            places[jb] = best_place([c for c in (places[jb], pb) if c is not None])
    return _narrative_time(undated_retold([inc for k, inc in enumerate(incidents) if k not in gone], _RECENT))


def _fresh_toll(inc: Incident) -> bool:
    """The incident is told as news of its own: a specific event word (not only "attack", "killed")
    with a death toll ("a car bomb outside a market left seven dead"). In a round-up of
    the day's violence such events elsewhere in the country share the story's time."""
    return inc.kind is not None and any(m.killed for m in inc.mentions) and not any(m.also for m in inc.mentions)


def _narrative_time(incidents: list[Incident]) -> list[Incident]:
    """An undated incident of the body, placed in the area (province, or 50 km) of a dated incident
    told before it, of the same ACLED event type, happens at the story's time there: it takes the day of the nearest such incident,
    as an approximate date (``precision`` 2, ACLED's "week"). A report moves its clock with the
    dates it writes; an event elsewhere, or with no place, keeps no day (a recalled event), unless
    both it and the dated incident report a toll of their own in one country (:func:`_fresh_toll`:
    a round-up of the day's attacks).
    The article's first ``_LEAD`` incidents (an undated lede) may also take the day of one of the
    ``_AFTER`` incidents told right after them, under the same conditions."""
    placed = [(min(m.sent[0] for m in inc.mentions), inc,
               best_place([c for m in inc.mentions for c in m.cands])) for inc in incidents if inc.mentions]
    placed.sort(key=lambda t: t[0])
    for k, (_, inc, pb) in enumerate(placed):
        if inc.date is not None or pb is None or getattr(pb.place, "kind", "") == "country":
            continue
        before = list(reversed(placed[max(0, k - _RECENT):k]))
        after = placed[k + 1:k + 1 + _AFTER] if k < _LEAD else []
        for _, a, pa in before + after:
            if a.date is not None and pa is not None and getattr(pa.place, "kind", "") != "country" \
                    and _compatible_type(event_type_of(a.sub), event_type_of(inc.sub)) \
                    and (same_admin1(pa.place, pb.place) or near(pa.place, pb.place, 50.0)
                         or (_fresh_toll(inc) and _fresh_toll(a) and same_country(pa.place, pb.place))):
                m = next(m for m in inc.mentions)
                m.date, m.precision = a.date, 2
                break
    return incidents
