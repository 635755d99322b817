"""Event words: ACLED sub-event types and weapons, read from the lexicons (Arabic and English).

The vocabulary is data (``geoutils/lexicons/*.toml``, ``[[trigger]]`` tables); this module
folds it once, lazily, and matches phrases on the one token pass (:mod:`geoutils.extract.tokens`).

Example
-------
>>> from geoutils.extract.tokens import Tokens
>>> [(t.sub_event_type, t.weapon) for t in find_triggers(Tokens.of("لهجوم بصاروخ كاتيوشا"))]
[(None, None), ('Shelling/artillery/missile attack', 'rocket'), (None, 'Katyusha rocket')]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from geoutils import lexicons
from geoutils.extract.tokens import Token, readings
from geoutils.schema import EVENT_TYPES

__all__ = ["Trigger", "find_triggers", "event_type_of", "phrases", "phrase_table"]

ERV = "Explosions/Remote violence"
SHELL, AIR, IED, SUICIDE, GRENADE = EVENT_TYPES[ERV][:5]

#: sub-event type -> event type
_PARENT = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}


def phrase_table(entries: list[tuple[str, tuple]]) -> dict[str, list[tuple[tuple[str, ...], tuple]]]:
    """``{first folded word: [(phrase key, payload), ...]}``, longest phrase first."""
    first: dict[str, list[tuple[tuple[str, ...], tuple]]] = {}
    for phrase, payload in entries:
        key = lexicons.fold_phrase(phrase)
        if key:
            first.setdefault(key[0], []).append((key, payload))
    for v in first.values():
        v.sort(key=lambda e: -len(e[0]))
    return first


@lru_cache(maxsize=None)
def _triggers() -> dict:
    rows = []
    for e in lexicons.entries("trigger"):
        for p in e["phrases"]:
            rows.append((p, (e["kind"], e.get("sub"), e.get("weapon"))))
    return phrase_table(rows)


def event_type_of(sub_event_type: str | None) -> str | None:
    """ACLED event type of a sub-event type.

    Example
    -------
    >>> event_type_of("Air/drone strike")
    'Explosions/Remote violence'
    """
    return _PARENT.get(sub_event_type or "")


@dataclass(frozen=True)
class Trigger:
    """A word or phrase naming an event (token span ``start:end``)."""

    start: int
    end: int
    kind: str  # strong | weak | mod | intercept | fallback
    sub_event_type: str | None
    weapon: str | None
    definite: bool
    aggregate: bool = False  # "20 rocket attacks": a count of events, not one event
    generic: bool = False  # promoted from a generic word ("Turkish attack kills 8"): any kind of attack


def _definite(tokens: list[Token], i: int) -> bool:
    raw = tokens[i].text
    if not raw.isascii():
        return raw.startswith(("ال", "وال", "بال", "فال", "كال", "لل"))
    d = lexicons.words("definite")  # "the attack", "the fierce bombing"
    return i > 0 and (tokens[i - 1].norm in d or (i > 1 and tokens[i - 2].norm in d and tokens[i - 1].text.islower()))


def _match(tokens: list[Token], i: int, first: dict) -> tuple[tuple[str, ...], tuple] | None:
    reads = getattr(tokens, "reads", None)  # a Tokens carries its readings: no lookup per token
    for v in (reads[i] if reads is not None else readings(tokens[i].norm)):
        for key, payload in first.get(v, ()):
            if len(key) == 1 or tuple(t.norm for t in tokens[i + 1: i + len(key)]) == key[1:]:
                return key, payload
    return None


def phrases(tokens: list[Token], first: dict) -> Iterator[tuple[int, tuple[str, ...], tuple]]:
    """(token index, phrase key, payload) of each phrase of a table in ``tokens``,
    longest phrase first, left to right, without overlaps (linear in the tokens)."""
    i, n = 0, len(tokens)
    while i < n:
        got = _match(tokens, i, first)
        if got is None:
            i += 1
            continue
        yield i, got[0], got[1]
        i += len(got[0])


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Event words in ``tokens``, longest phrase first, left to right.

    Example
    -------
    >>> from geoutils.extract.tokens import Tokens
    >>> [t.kind for t in find_triggers(Tokens.of("Iraqi air defences intercepted two drones"))]
    ['intercept', 'strong']
    >>> [t.sub_event_type for t in find_triggers(Tokens.of("Gunmen shot dead a policeman"))]
    ['Attack']
    """
    from geoutils.extract.numbers import word_value  # local: numbers imports nothing from here

    plural = lexicons.words("aggregate")
    out: list[Trigger] = []
    n = len(tokens)
    for i, key, (kind, sub, weapon) in phrases(tokens, _triggers()):
        agg = False
        if i > 0 and any(v in plural for v in readings(tokens[i].norm)) or (
            i + 1 < n and tokens[i + 1].norm in plural
        ):
            before = tokens[i - 1].norm if i > 0 else ""
            if before == "نحو" and i > 1:
                before = tokens[i - 2].norm
            val = word_value(before) if before else None
            agg = val is not None and val >= 2 and not (len(before) == 4 and before.isdecimal() and val > 1900)
        out.append(Trigger(i, i + len(key), kind, sub, weapon, _definite(tokens, i), agg))
    return out
