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
from geoutils.extract.events import phrase_table, phrases
from geoutils.extract.tokens import Token

__all__ = ["Actor", "find_actors"]


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
