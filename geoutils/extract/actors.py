"""Actors named in the text (armed groups, states and their forces), read from the lexicons.

Phrases written in upper case in the lexicon ("US", "IS") match only upper-case text.

Example
-------
>>> from geoutils.extract.tokens import Tokens
>>> [a.name for a in find_actors(Tokens.of("اتهمت واشنطن كتائب حزب الله"))]
['United States', 'Kataib Hezbollah']
>>> [a.name for a in find_actors(Tokens.of("IS militants said it is over"))]
['Islamic State']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from geoutils import lexicons
from geoutils.extract import events as ev
from geoutils.extract.events import phrase_table, phrases
from geoutils.extract.tokens import Token, Tokens

__all__ = ["Actor", "find_actors", "accused_actor", "actors_for", "state_fires"]


@dataclass(frozen=True)
class Actor:
    """An actor named in the text (token span ``start:end``), with its canonical name."""

    start: int
    end: int
    name: str
    state: bool  # a state or its forces, as opposed to an armed group, protesters...


@lru_cache(maxsize=None)
def _table() -> dict:
    rows = []
    for e in lexicons.entries("actor"):
        for p in e["phrases"]:
            upper = p.isascii() and p.isupper()
            rows.append((p, (e["name"], bool(e.get("state")), upper)))
    return phrase_table(rows)


def find_actors(tokens: list[Token]) -> list[Actor]:
    """Actors named in ``tokens`` (longest phrase first), e.g. "كتائب حزب الله" before "حزب الله"."""
    out: list[Actor] = []
    for i, key, (name, state, upper) in phrases(tokens, _table()):
        if upper and not all(t.text.isupper() for t in tokens[i: i + len(key)]):
            continue
        out.append(Actor(i, i + len(key), name, state))
    return out


def state_fires(toks: Tokens, actors: list[Actor], trigs: list[ev.Trigger]) -> bool:
    """A state force is the shooter: the actor named last before the first attack word is a state
    force and no verb of speech stands between them ("Police opened fire on protesters",
    "أطلقت الشرطة الرصاص على المتظاهرين"). A force named after the shooting, one that only reports
    it ("Police said gunmen opened fire", lexicon ``speech_verbs``) or a non-state actor closer to
    the verb ("... said gunmen opened fire") is no shooter.

    Example
    -------
    >>> from geoutils.extract.events import find_triggers
    >>> def fires(s):
    ...     t = Tokens.of(s)
    ...     return state_fires(t, find_actors(t), find_triggers(t))
    >>> fires("Police opened fire on protesters"), fires("Police said gunmen opened fire on protesters")
    (True, False)
    """
    first = next((t.start for t in trigs if t.kind == "strong" and t.sub_event_type == "Attack"), None)
    before = [a for a in actors if a.start < first] if first is not None else []
    if not before:
        return False
    last = max(before, key=lambda a: a.start)
    speech = lexicons.words("speech_verbs")
    return last.state and not any(toks.has(k, speech) for k in range(last.end, first))


def accused_actor(toks: Tokens, actors: list[Actor]) -> str | None:
    """"اتهمت واشنطن كتائب حزب الله" / "Washington accused Kataib Hezbollah" -> the accused."""
    acc = lexicons.words("accuse_verbs")
    for k in range(len(toks)):
        if toks.has(k, acc):
            after = [a for a in actors if a.start > k]
            before = [a for a in actors if a.end <= k]
            if not toks[k].text.isascii():  # VSO: verb, accuser, accused
                return after[1].name if len(after) >= 2 else (after[0].name if after and before else None)
            return after[0].name if after else None
    return None


def actors_for(toks: Tokens, actors: list[Actor], cl: list[ev.Trigger], lo: int, hi: int,
                sub: str | None, agent_or_accuse: frozenset[str]) -> tuple[str | None, str | None]:
    """actor1 (agent) and actor2 (target) of a cluster, from simple word-order cues."""
    agent, by_w = lexicons.words("agent_verbs"), lexicons.words("by")
    a1 = None
    start = cl[0].start
    subject = None
    for a in actors:
        verb_before = a.start > 0 and any(toks.has(k, agent_or_accuse) for k in range(max(0, a.start - 2), a.start))
        verb_after = any(toks.has(k, agent) for k in range(a.end, min(len(toks), a.end + 3)))
        by = a.start > 0 and toks[a.start - 1].norm in by_w
        if verb_before and subject is None:
            subject = a.name
        if a.start < hi and (verb_before or (verb_after and toks[a.start].text.isascii()) or by):
            if a1 is None or abs(a.start - start) < abs(a1[1] - start):
                a1 = (a.name, a.start)
    name1 = a1[0] if a1 else None
    if name1 is None:  # "IS militants fired ...", "مسلحون مجهولون": the actor right before the event words
        near = [a for a in actors if 0 <= start - a.end <= 3]
        if near:
            name1 = near[-1].name
    forces = lexicons.words("forces_pronoun")
    for k in range(lo, hi):
        if toks[k].norm in forces and k > 0 and toks.has(k - 1, agent) and subject:
            name1 = subject
    if sub in ("Violent demonstration", "Peaceful protest") and any(toks.has(k, lexicons.words("supporters")) for k in range(len(toks))):
        groups = [a for a in actors if not a.state and a.start < start]
        if groups:
            name1 = f"{groups[-1].name} supporters"
    a2 = None
    tc = lexicons.words("target_cues")
    for a in actors:
        if lo <= a.start < hi and a.name != name1 and a.start > 0 and toks.has(a.start - 1, tc):
            a2 = a.name
            break
    return name1, a2
