"""Diplomatic missions: "the US embassy", "American consulate", "السفارة الأميركية", "قنصلية تركيا".

A generic word embassy / consulate / سفارة / قنصلية right beside a country name or a nationality
adjective is one mention of kind embassy/consulate. Its candidates are the gazetteer's missions
of that sending country (read from the missions' own names with the geoparse vocabulary), of
either kind (the text's word is a kind hint); the context step picks among them (the article's
city and country). A mission the gazetteer lacks is still a mention, with no place.

Example
-------
>>> from geoutils.geoparse.lexical import Cand
>>> _mission_kind("embassy"), _mission_kind("قنصليه"), _mission_kind("market")
('embassy', 'consulate', None)
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from gazetteer.normalize import GENERIC_WORDS, fold_token, is_arabic

from geoutils.geoparse.lexical import Cand, _Ctx

__all__ = ["missions"]

_KINDS = ("embassy", "consulate")
_OF = {"of", "ze", "the"}  # "Embassy of the United States" (normalization folds "the" to "ze")


def _mission_kind(folded: str) -> str | None:
    k = GENERIC_WORDS.get(folded)
    return k if k in _KINDS else None


def _mission_words() -> frozenset[str]:
    """The folded generic words that name a mission ("embassy", "السفاره", ...)."""
    n = len(GENERIC_WORDS)
    if _MISSION_WORDS[0] != n:  # GENERIC_WORDS grows when lexicons load
        _MISSION_WORDS[:] = [n, frozenset(w for w, k in GENERIC_WORDS.items() if k in _KINDS)]
    return _MISSION_WORDS[1]


_MISSION_WORDS: list = [-1, frozenset()]


@lru_cache(maxsize=8)
def _by_country(gz: Any) -> dict[str, tuple]:
    """Sending country code -> the gazetteer's missions of that country (from their names)."""
    if not hasattr(gz, "to_geodataframe"):
        return {}
    from geoutils.geoparse.scanner import Scanner
    from geoutils.geoparse.vocab import vocab

    sc = Scanner([(k, p) for k, p in vocab().pairs if p.startswith(("country:", "ctx:"))])
    out: dict[str, list] = {}
    for pid in gz.to_geodataframe(kinds=list(_KINDS))["id"]:
        p = gz.get(pid)
        if p is None:
            continue
        ccs = {i.split(":", 1)[1] for n in (p.name, p.name_ar) if n for h in sc.scan(n) for i in h.place_ids}
        for cc in ccs:
            out.setdefault(cc, []).append(p)
    return {cc: tuple(ps) for cc, ps in out.items()}


@lru_cache(maxsize=1)
def _nation_keys() -> dict[str, tuple[str, ...]]:
    """Folded country name or nationality adjective -> country codes."""
    from geoutils.geoparse.vocab import vocab

    out: dict[str, dict[str, None]] = {}
    for k, p in vocab().pairs:
        if p.startswith(("country:", "ctx:")):
            out.setdefault(k, {})[p.split(":", 1)[1]] = None
    return {k: tuple(v) for k, v in out.items()}


def _nation(ctx: _Ctx, c0: int, c1: int) -> tuple[str, ...]:
    if c0 < 0 or c1 >= len(ctx.folded) or not all(ctx.folded[c0:c1 + 1]):
        return ()
    key = " ".join(ctx.folded[c0:c1 + 1])
    ccs = _nation_keys().get(key, ())
    if ccs and len(key.replace(" ", "")) <= 2 and not ctx.raw(c0).replace(".", "").isupper():
        return ()  # "us" the pronoun
    return ccs


def _span(text: str, starts: list[int], ctx: _Ctx, c0: int, c1: int) -> tuple[int, int]:
    s, e = starts[c0], starts[c1] + len(ctx.raw(c1))
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


def missions(text: str, cands: list[Cand], ctx: _Ctx, gz: Any) -> list[Cand]:
    """``cands`` with each mission named by its generic word and a nationality added (what it covers dropped)."""
    found: list[Cand] = []
    starts: list[int] | None = None
    n = len(ctx.folded)
    if _mission_words().isdisjoint(" ".join(ctx.folded).split()):
        return cands  # no embassy or consulate word anywhere (most articles): one set test, no chunk loop
    for c in range(n):
        f = ctx.folded[c]
        kind = _mission_kind(f.rsplit(" ", 1)[-1]) if f else None
        if kind is None:
            continue
        hit = None
        a = c + 1
        while a < n and ctx.folded[a] in _OF and not is_arabic(ctx.raw(c)):
            a += 1  # "Embassy of the United States"
        for k in (3, 2, 1):
            ccs = _nation(ctx, a, a + k - 1)
            if ccs:
                hit = (c, a + k - 1, ccs)
                break
        if hit is None and not is_arabic(ctx.raw(c)):
            for k in (3, 2, 1):  # "the US embassy", "American consulate"
                ccs = _nation(ctx, c - k, c - 1)
                if ccs:
                    hit = (c - k, c, ccs)
                    break
        if hit is None:
            continue
        if starts is None:
            from geoutils.geoparse.scanner import word_starts

            starts = word_starts(text)
        c0, c1, ccs = hit
        s, e = _span(text, starts, ctx, c0, c1)
        if s >= e:
            continue
        places = [p for cc in ccs for p in _by_country(gz).get(cc, ())]
        found.append(Cand(s, e, text[s:e], " ".join(ctx.folded[c0:c1 + 1]), "gaz" if places else "unknown",
                          places, kind, c0, c1))
    if not found:
        return cands
    keep = [m for m in cands if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(keep + found, key=lambda m: m.start)
