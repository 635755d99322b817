"""Sentence cues read on the one token pass: a page stamp before a date, an additive word that
belongs to an event word, an event put at an unnamed settlement. Each is a small predicate over
:class:`~geoutils.extract.tokens.Tokens`; the words come from the lexicons.

Example
-------
>>> from geoutils.extract import events as ev
>>> t = Tokens.of("Another car bomb exploded in the market.")
>>> additive(t, ev.find_triggers(t))
True
"""
from __future__ import annotations

from geoutils import lexicons
from geoutils.extract import events as ev
from geoutils.extract.tokens import Tokens

__all__ = ["stamped", "additive", "unnamed_site"]


def stamped(text: str, toks: Tokens, i: int) -> bool:
    """The date at token ``i`` is the page's stamp ("Last updated: July 3", "تاريخ النشر 2021-05-10"
    opening a line): a stamp label stands just before it and either opens its line (one word may
    precede it) or is followed by a colon. Mid-sentence the same words are prose ("the group
    posted a video on May 3")."""
    stamp = lexicons.words("stamp_labels")
    for k in range(max(0, i - 2), i):
        if toks.has(k, stamp):
            line = text.rfind("\n", 0, toks[k].start) + 1
            if ":" in text[toks[k].end: toks[i].start] or len(text[line: toks[k].start].split()) <= 1:
                return True
    return False


def additive(toks: Tokens, trigs: list[ev.Trigger]) -> bool:
    """An additive word that belongs to an event word: one of ``additive`` at most two tokens before
    it ("also hit", "another car bomb", "كما طال القصف"), or one of ``additive_after`` right after it
    ("the shelling also damaged", "وأصاب القصف أيضاً"). Event words are the triggers and the target
    verbs. Elsewhere the word is another's: "كما قال شهود" ("as witnesses said"), "wounding another five".

    Example
    -------
    >>> t = Tokens.of("A second bomb also exploded in the market.")
    >>> additive(t, ev.find_triggers(t)), additive(Tokens.of("Police also said so."), [])
    (True, False)
    """
    before, after = lexicons.words("additive"), lexicons.words("additive_after")
    targ = lexicons.words("target_verbs")
    event = {k for t in trigs for k in range(t.start, t.end)}
    n = len(toks)
    for k in range(n):
        if toks.has(k, before) and any(j in event or toks.has(j, targ) for j in range(k + 1, min(n, k + 3))):
            return True
        if toks.has(k, after) and k > 0 and (k - 1 in event or toks.has(k - 1, targ)):
            return True
    return False


def unnamed_site(text: str, toks: Tokens) -> bool:
    """The sentence puts its event at an indefinite settlement ("attacked a village", "in a nearby
    town", "في قرية", "بقرية"): a place of its own that the text does not name. "In the city",
    "في المدينة" (definite) is the town the report is about.

    Example
    -------
    >>> t = "Militants attacked a village, killing four."
    >>> unnamed_site(t, Tokens.of(t)), unnamed_site("Gunmen struck in the town.", Tokens.of("Gunmen struck in the town."))
    (True, False)
    """
    loc, targ, settle = lexicons.words("locative"), lexicons.words("target_verbs"), lexicons.words("settlement_nouns")
    for k in range(len(toks)):
        if not toks.has(k, settle):
            continue
        raw = toks[k].text
        if not raw.isascii():
            bare = raw[1:] if raw[:1] in "وبفل" else raw
            cued = raw[:1] == "ب" or any(toks.has(j, loc) or toks.has(j, targ) for j in range(max(0, k - 2), k))
            if cued and not bare.startswith("ال") and not raw.startswith("ال"):
                return True
            continue
        cue = next((j for j in range(k - 1, max(-1, k - 4), -1) if toks.has(j, loc) or toks.has(j, targ)), None)
        if cue is not None and any(w in lexicons.words("indefinite") for w in text[toks[cue].end: toks[k].start].casefold().split()):
            return True
    return False
