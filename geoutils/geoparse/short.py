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

from functools import lru_cache

from gazetteer.normalize import is_arabic, name_key

from geoutils.geoparse.lexical import Cand
from geoutils.geoparse.scanner import Scan, usable_key, word_starts
from geoutils.geoparse.vocab import lexicon, vocab

__all__ = ["short_names"]

_STRIP_LEAD = "(\"'“‘[«"
_STRIP_TAIL = ",;:)\"'”’]»!?"


@lru_cache(maxsize=1)
def _short() -> dict[str, tuple[str, ...]]:
    """Folded key -> pseudo ids, for the vocabulary's keys the scanner cannot hold."""
    out: dict[str, list[str]] = {}
    for k, p in vocab().pairs:
        if k and " " not in k and not is_arabic(k) and not usable_key(k):
            out.setdefault(k, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """"Ill." -> state pseudo id, as the lexicon writes them (folding may reduce an abbreviation to nothing)."""
    v = vocab()
    return {n: f"state:{sid}" for sid, names in lexicon("en").get("state_abbreviations", {}).items()
            for n in names if "." in n and " " not in n and f"state:{sid}" in v.places}


def short_names(text: str, sc: Scan | None, taken: set[int] | None = None) -> list[Cand]:
    """Mentions of the vocabulary's short names in ``text`` (chunks of ``sc``; ``taken`` chunk indices skipped)."""
    table = _short()
    abbr = _abbreviations()
    words = sc.words if sc is not None else text.split()
    taken = taken or set()
    v = vocab()
    starts: list[int] | None = None
    out: list[Cand] = []
    for c, w in enumerate(words):
        if len(w) > 9 or not w[:1].isupper() and w[:1] not in _STRIP_LEAD or c in taken:
            continue
        core = w.lstrip(_STRIP_LEAD)
        for suf in ("'s", "’s"):
            if core.endswith(suf):
                core = core[: -len(suf)]
        core = core.rstrip(_STRIP_TAIL)
        if not core or not core[0].isupper() or not core[0].isascii():
            continue
        dotted = core.endswith(".")
        bare = core.rstrip(".")
        if not bare or len(bare) > 4 or "." in bare:
            continue
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
            cat = "ctx" if nxt[:1].isupper() else "country"
            places, surface = ["country:" + cc[0].split(":", 1)[1]] if cat == "country" else [cc[0]], bare
        else:
            continue
        if not places:
            continue
        if starts is None:
            starts = word_starts(text)
        s = starts[c] + w.index(surface[0]) if c < len(starts) else -1
        if s < 0 or text[s:s + len(surface)] != surface:
            continue
        out.append(Cand(s, s + len(surface), surface, key or bare.lower(), cat, places, None, c, c))
    return out
