"""Vocabulary names shorter than the scanner's shortest key: "US", "UK", "Ky.", "Pa.".

The scanner drops one-word keys under three letters (too many words collide with them). The
vocabulary's short names (country abbreviations from the demonym and country lexicons, postal
state abbreviations) are read here from the scan's chunks, with no second pass over the text, and
only as written: a country abbreviation in capitals ("US", not "us"), a state abbreviation
capitalised and with its full stop ("Ky.", not "Ky"). "US" before a capitalised word ("the US
Army") is a nationality adjective (role context); elsewhere ("in the US") it is the country.

Example
-------
>>> [(c.text, c.category) for c in short_names("He flew to the US from Lexington, Ky., on Monday.", None)]
[('US', 'country'), ('Ky.', 'gaz')]
"""
from __future__ import annotations

from itertools import compress, repeat

from gazetteer.normalize import is_arabic, name_key

from geoutils.geoparse.lexical import Cand
from geoutils.geoparse.scanner import Scan, usable_key, word_starts
from geoutils.geoparse.vocab import lexicon, vocab

__all__ = ["short_names"]

_STRIP_LEAD = "(\"'“‘[«"
_STRIP_TAIL = ",;:)\"'”’]»!?"


def _short() -> dict[str, tuple[str, ...]]:
    """Folded key -> pseudo ids, for the vocabulary's keys the scanner cannot hold (of the current
    :func:`vocab`: :func:`_tables`)."""
    return _tables()[0]


def _abbreviations() -> dict[str, str]:
    """"Ill." -> state pseudo id, as the lexicon writes them (folding may reduce an abbreviation to nothing)."""
    return _tables()[1]


# the vocabulary the tables below were made from, :func:`_short`'s and :func:`_abbreviations`'s tables,
# and the per-chunk cache of :func:`_may_name` (chunk -> can it name something), all made again when
# :func:`vocab` gives another vocabulary (its cache cleared, a lexicon changed)
_TABLES: list = [None, {}, {}]
_LIVE: dict[str, bool] = {}


def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    v = vocab()
    if _TABLES[0] is not v:
        out: dict[str, list[str]] = {}
        for k, p in v.pairs:
            if k and " " not in k and not is_arabic(k) and not usable_key(k):
                out.setdefault(k, []).append(p)
        abbr = {n: f"state:{sid}" for sid, names in lexicon("en").get("state_abbreviations", {}).items()
                for n in names if "." in n and " " not in n and f"state:{sid}" in v.places}
        _LIVE.clear()
        _TABLES[:] = [v, {k: tuple(x) for k, x in out.items()}, abbr]
    return _TABLES[1], _TABLES[2]


def _core(w: str) -> tuple[str, str] | None:
    """``(core, bare)`` of a chunk written like a short name: ``core`` without leading quotes, a
    possessive and trailing punctuation ("(Kan.)" gives "Kan."), ``bare`` without its dots ("Kan"); None
    for a chunk that is not (too long, lower case, non-ASCII initial, inner dots)."""
    if not w or len(w) > 9 or not w[:1].isupper() and w[:1] not in _STRIP_LEAD:
        return None
    core = w.lstrip(_STRIP_LEAD)
    for suf in ("'s", "’s"):
        if core.endswith(suf):
            core = core[: -len(suf)]
    core = core.rstrip(_STRIP_TAIL)
    if not core or not core[0].isupper() or not core[0].isascii():
        return None
    bare = core.rstrip(".")
    if not bare or len(bare) > 4 or "." in bare:
        return None
    return core, bare


def _may_name(w: str) -> bool:
    """Can some part of the chunk ``w`` pass :func:`short_names`'s tests of the word alone (written
    like a short name, and in its table)? A chunk that cannot is skipped at C level."""
    table, abbr = _tables()
    parts = w.split("-") if "-" in w and len(w) > 3 and not is_arabic(w) else [w]
    for part in parts:
        cb = _core(part)
        if cb is None:
            continue
        core, bare = cb
        key = name_key(bare)
        # (a key with no table entry has no abbreviation either: the table holds every short pair)
        if table.get(key) or (core.endswith(".") and bare + "." in abbr):
            return True
    return False


def _parts(words: list[str], taken: set[int]):
    """(chunk index, word, its offset in the chunk): the chunks not ``taken``, and the parts of hyphen
    compounds ("Egyptian-US", "EU-Israel"), whose other part may be a mention already. Chunks that
    can name nothing (:func:`_may_name`, cached per chunk) are left out."""
    _tables()  # (another vocabulary clears the cache)
    live = _LIVE
    if len(live) > 1_000_000:
        live.clear()
    for c in compress(range(len(words)), map(live.get, words, repeat(True))):
        w = words[c]
        ok = live.get(w)
        if ok is None:
            ok = live[w] = _may_name(w)
            if not ok:
                continue
        if "-" in w and len(w) > 3 and not is_arabic(w):
            off = 0
            for part in w.split("-"):
                if part:
                    yield c, part, off
                off += len(part) + 1
        elif c not in taken:
            yield c, w, 0


def short_names(text: str, sc: Scan | None, taken: set[int] | None = None,
                spans: list[tuple[int, int]] | None = None) -> list[Cand]:
    """Mentions of the vocabulary's short names in ``text`` (chunks of ``sc``; ``taken`` chunk indices
    skipped, except the parts of a hyphen compound that overlap none of the mentions' ``spans``)."""
    table, abbr = _tables()
    words = sc.words if sc is not None else text.split()
    taken = taken or set()
    spans = spans or []
    v = vocab()
    starts: list[int] | None = None
    out: list[Cand] = []
    for c, w, off in _parts(words, taken):
        cb = _core(w)
        if cb is None:
            continue
        core, bare = cb
        dotted = core.endswith(".")
        key = name_key(bare)
        pids = table.get(key, ())
        states = [p for p in pids if p.startswith("state:") and (key, p) in v.abbreviations]
        if dotted and bare + "." in abbr:
            states = [abbr[bare + "."]]
        if not pids and not states:
            continue
        if states and dotted:
            places, cat, surface = [v.places[p] for p in states if p in v.places], "gaz", bare + "."
        elif bare.isupper() and len(bare) >= 2:
            cc = [p for p in pids if p.startswith(("country:", "ctx:"))]
            if not cc:
                continue
            nxt = words[c + 1] if c + 1 < len(words) and not w.endswith((",", ".", ";", ":")) else ""
            compound = off + len(w) < len(words[c])
            if compound:
                nxt = words[c][off + len(w) + 1:]  # "UK-based", "US-Iraqi": the compound's next part
            # "the US Army", "a UK-based monitor", "US-Iraqi talks": a modifier, context; "in the US": the country
            cat = "ctx" if nxt[:1].isupper() or compound and nxt[:1].isalpha() else "country"
            places, surface = ["country:" + cc[0].split(":", 1)[1]] if cat == "country" else [cc[0]], bare
        else:
            continue
        if not places:
            continue
        if starts is None:
            starts = word_starts(text)
        s = starts[c] + off + w.index(surface[0]) if c < len(starts) else -1
        if s < 0 or text[s:s + len(surface)] != surface:
            continue
        if off or "-" in words[c]:
            if any(a < s + len(surface) and s < b for a, b in spans):
                continue  # a part another mention holds
        out.append(Cand(s, s + len(surface), surface, key or bare.lower(), cat, places, None, c, c))
    return out
