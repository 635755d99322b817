"""The object of a territory or property word: a place, not a person or a thing.

"Militants seized Hit" takes ground; "militants seized two soldiers" is an abduction and
"police seized a truck" a search. A territory, withdrawal or property-destruction trigger counts
only when a place name follows it within :data:`_REACH` tokens with no number and no person
word (``object_persons`` in the lexicons, or an Arabic person noun) in between; a few passive
forms ("falls to", ``place_before``) take their place just before them instead.

Example
-------
>>> from geoutils.extract import events as ev
>>> from geoutils.extract.tokens import Tokens
>>> def check(text):
...     t = Tokens.of(text)
...     at = text.index("Baiji")
...     return [takes_place(t, x, [(at, at + 5)], []) for x in ev.find_triggers(t) if x.sub_event_type in NEEDS_PLACE]
>>> check("Militants captured Baiji"), check("Militants captured two soldiers near Baiji")
([True], [False])
"""
from __future__ import annotations

from typing import Any

from geoutils import lexicons
from geoutils.extract.numbers import _person, number_at
from geoutils.extract.tokens import Tokens

__all__ = ["NEEDS_PLACE", "takes_place"]

#: sub-event types whose trigger must have a place as its object
NEEDS_PLACE = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                         "Non-violent transfer of territory", "Looting/property destruction"})
# tokens between the trigger and its place: 5 lets an Arabic verb-subject-object clause through
# ("حررت القوات الأمنية حي الضباط في X", 5 words) and stops a thing with a clause of its own
# ("seized a truck loaded with explosives in X", 6); set on the tests' sentences, not tuned on the dev figures
_REACH = 5
_BEFORE = 3  # "the town of X falls to": the place just before a passive form


def _blocks(toks: Tokens, k: int, actors: list[Any]) -> bool:
    """Token ``k`` ends the reach: a number, or a person word that is no part of an actor's name."""
    if number_at(toks, k) is not None:
        return True
    if any(a.start <= k < a.end for a in actors):
        return False
    return toks.has(k, lexicons.words("object_persons")) or _person(toks[k]) > 0


def takes_place(toks: Tokens, trig: Any, places: list[tuple[int, int]], actors: list[Any]) -> bool:
    """Whether trigger ``trig`` has a place as its object (``places``: the char spans of the
    sentence's place names, located or not: "withdrew from X" names no event site)."""
    before = " ".join(toks[k].norm for k in range(trig.start, trig.end)) in lexicons.words("place_before")
    for a, b in places:
        i0 = toks.index_at(a)
        if trig.end <= i0 <= trig.end + _REACH and not any(_blocks(toks, k, actors) for k in range(trig.end, i0)):
            return True
        i1 = toks.index_at(max(a, b - 1))
        if before and 0 <= trig.start - i1 - 1 <= _BEFORE:
            return True
    return False
