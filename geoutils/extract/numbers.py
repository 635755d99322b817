"""Numbers and casualty figures in Arabic and English token streams (number words, list
boundaries and casualty cues are data: ``[numbers]`` and ``[casualties]`` of the lexicons).

Works on :class:`gazetteer.normalize.Token` lists, so digits (Arabic-Indic too),
hamza/alef forms and the article are already folded by the shared normalization.

Example
-------
>>> from gazetteer.normalize import tokenize
>>> number_at(tokenize("بثلاثين صاروخا"), 0)
(30, 1)
>>> c = casualties(tokenize("An attack killed two Americans and a Briton."))
>>> c.killed
3
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.normalize import Token

from geoutils import lexicons
from geoutils.extract.numwords import number_at, word_value
from geoutils.extract.tokens import readings

__all__ = ["number_at", "Casualties", "casualties", "word_value"]


def _words(name: str) -> frozenset[str]:
    return lexicons.words(name, "numbers")


_AND = _words("and")
#: one person: "a contractor" in English; a singular (or dual) person noun in Arabic
_ARTICLE_ONE = _words("article_one")
_AR_PERSON_ONE = _words("person_one")
_AR_PERSON_TWO = _words("person_two")
_PRONOUN_ONE = _words("pronoun_one")
_ONE_MORE = _words("one_more")


def _clean(norm: str) -> tuple[str, ...]:
    return readings(norm)


@dataclass
class Casualties:
    """Casualty figures found in a span: None when not reported.

    ``killed_named`` is True when ``killed`` counts named victims rather than a figure.
    """

    killed: int | None = None
    injured: int | None = None
    killed_named: bool = False
    updated: bool = False  # the span tells a risen toll ("the toll rose to 28"): its largest figure is the latest
    killed_more: bool = False  # the figure counts further victims: an additive word at its cue ("was also killed")


# casualty cues are data: [casualties] in geoutils/lexicons/*.toml
_KILL = lexicons.words("killed", "casualties")
_NAME_CUES = lexicons.words("killed_named", "casualties")
_INJ = lexicons.words("injured", "casualties")
_NEG = lexicons.words("negation", "casualties")
_RISE = lexicons.words("toll_rise", "casualties")
_TOLL = lexicons.words("toll_nouns", "casualties")
_PRIOR = lexicons.words("prior", "casualties")
_DEATH_NOUNS = lexicons.words("death_nouns", "casualties")
_PRIOR_OF = lexicons.words("prior_of", "casualties")
#: dual cue nouns, their own figure of two: a kill cue reads killed_two, an injury cue injured_two
_TWO = (lexicons.words("injured_two", "casualties"), lexicons.words("killed_two", "casualties"))
_RISE_AHEAD = 8  # tokens after "rose" where the new toll may stand
_BOTH_ZERO = re.compile(
    r"(?:\bno (?:casualties|injuries or deaths|one was (?:killed|hurt|injured)|deaths or injuries)\b"
    r"|\bwithout casualties\b|دون (?:وقوع |سقوط )?(?:خسائر بشرية|إصابات)|لم (?:يسفر|يسفر الهجوم|تسفر) عن (?:أي )?(?:خسائر|إصابات|ضحايا))",
    re.I,
)
#: words that end a list of counts ("two soldiers in ...", "ثلاثة في")
_BOUNDARY = _words("boundary")
#: hedges between a cue and its figure ("killed at least 12", "مقتل ما لا يقل عن 12")
_APPROX = _words("approx")


def _person(t: Token) -> int:
    """1 or 2 for an Arabic singular or dual person noun ("امرأة", "طفلين"), else 0."""
    if t.text.isascii():
        return 0
    rs = _clean(t.norm)
    return 1 if any(v in _AR_PERSON_ONE for v in rs) else 2 if any(v in _AR_PERSON_TWO for v in rs) else 0


def _and_more(t: Token) -> bool:
    """"وآخر": and one more person, after an Arabic person noun ("جندي وآخر")."""
    return t.text.startswith("و") and t.norm in _ONE_MORE


def _and_person(t: Token) -> bool:
    """"وامرأة", "وطفلين": and one (two) more person(s) in an Arabic list of victims."""
    return t.text.startswith("و") and _person(t) > 0


def _list_count(tokens: list[Token], j: int, stop: int) -> int | None:
    """Count a list like "two Americans and a Briton" starting at ``j`` (exclusive ``stop``)."""
    total = 0
    found = False
    k = j
    while k < stop:
        got = number_at(tokens, k)
        if got is None and tokens[k].norm in _ARTICLE_ONE:
            got = (1, 1)
        if got is None and _person(tokens[k]):
            got = (_person(tokens[k]), 1)  # "خمسة رعاة وطفل": and one more person
        if got is None and ((k == j and tokens[k].norm in _PRONOUN_ONE) or (
                tokens[k].norm in _ONE_MORE and not (k + 1 < stop and number_at(tokens, k + 1) is not None))):
            got = (1, 1)  # "shooting him and a second man" / "another one"; not "another three"
        if got is None:
            break
        total += got[0]
        found = True
        k += got[1]
        # skip up to three noun/adjective tokens, then look for "and <number>" (or و + a person noun)
        skipped = 0
        while k < stop and skipped < 3 and tokens[k].norm not in _AND and word_value(tokens[k].norm) is None \
                and not _and_person(tokens[k]) and not _and_more(tokens[k]):
            k += 1
            skipped += 1
        if k < stop and any(v in _KILL or v in _INJ for v in _clean(tokens[k].norm)):
            break
        if k < stop and tokens[k].norm in _AND and k + 1 < stop:
            k += 1
            continue
        if k < stop and tokens[k].text.startswith("و") and (
                word_value(tokens[k].norm) is not None or _and_person(tokens[k]) or _and_more(tokens[k])):
            continue
        break
    return total if found else None


def _prior(tokens: list[Token], c: int, lo: int, hi: int) -> bool:
    """The cue at ``c`` tells an earlier event: a noun of death with its "of" (or, in Arabic, its
    genitive right after it) just after a ``prior`` word ("after the deaths of", "بعد مقتل").
    A verb form ("fled after killing three guards") is the event's own toll."""
    if not any(v in _DEATH_NOUNS for v in _clean(tokens[c].norm)) or c + 1 >= hi:
        return False
    if not any(any(v in _PRIOR for v in _clean(tokens[j].norm)) for j in range(max(lo, c - 2), c)):
        return False
    return tokens[c + 1].norm in _PRIOR_OF if tokens[c].text.isascii() else True


def _after(tokens: list[Token], c: int, stop: int) -> tuple[int | None, bool]:
    """Figure right after a cue: a number, a list, a singular person noun, or named victims."""
    k = c + 1
    while k < stop and (tokens[k].norm in _APPROX or (tokens[k].norm in _MORE - _ONE_MORE) or (
            tokens[k].norm in _ONE_MORE and k + 1 < stop and number_at(tokens, k + 1) is not None)):
        k += 1  # "killed at least 12", "killing another three", "وقتل أيضاً مدني"
    if k >= stop:
        return None, False
    n = _list_count(tokens, k, stop)
    if n is not None:
        return n, False
    if _person(tokens[k]):  # "مقتل شيخ وثلاثة من أبنائه": a person noun opening a list
        first = _person(tokens[k])
        rest = _list_count(tokens, k + 1, stop) if k + 1 < stop and tokens[k + 1].text.startswith("و") else None
        return first + (rest or 0), False
    if tokens[c].norm in _NAME_CUES:
        return _named(tokens, k, stop)
    return None, False


def _named(tokens: list[Token], k: int, stop: int) -> tuple[int | None, bool]:
    """Count named victims joined by و / and, up to a preposition: "سليماني والمهندس" -> 2."""
    first = tokens[k]
    if first.text.isascii() and not first.text[:1].isupper():
        return None, False
    count = 1
    for t in tokens[k + 1: min(stop, k + 16)]:
        if t.norm in _BOUNDARY or t.norm in _KILL or t.norm in _INJ:
            break
        if t.norm == "and" or (t.text.startswith("و") and len(t.text) > 3 and t.norm not in _KILL):
            count += 1
    return (count, True) if count <= 4 else (None, False)


def _before(tokens: list[Token], c: int, lo: int, adjacent: bool = False) -> int | None:
    """Figure before a cue: "3 قتلى", "three soldiers were killed", "two Americans and a Briton were killed".

    With ``adjacent`` only a number right before the cue counts ("و5 جرحى", "12 wounded").
    """
    if adjacent:
        got = number_at(tokens, c - 1) if c - 1 >= lo else None
        return got[0] if got and got[1] == 1 else None
    for j in range(c - 1, lo - 1, -1):  # never reach back past an earlier cue
        if any(v in _KILL or v in _INJ for v in _clean(tokens[j].norm)):
            lo = j + 1
            break
    for j in range(max(lo, c - 6), c):
        if number_at(tokens, j) is not None or (tokens[j].norm in _ARTICLE_ONE and tokens[j].text[:1].isupper()):
            return _list_count(tokens, j, c)
    if any(tokens[j].norm in _PRONOUN_ONE and tokens[j].text[:1].isupper() for j in range(max(lo, c - 4), c)):
        return 1  # "He was shot dead", "She was killed": the subject right before the passive
    return None


@lru_cache(maxsize=65536)
def _cue(norm: str) -> int:
    """1 for a killing cue, 2 for an injury cue, 0 otherwise (any proclitic reading)."""
    norms = _clean(norm)
    if any(v in _KILL for v in norms):
        return 1
    return 2 if any(v in _INJ for v in norms) else 0


def casualties(tokens: list[Token], lo: int = 0, hi: int | None = None, raw: str = "",
               skip: frozenset[int] = frozenset()) -> Casualties:
    """Killed and injured figures in ``tokens[lo:hi]`` (lowest figure when several are given, the
    largest when the span tells a risen toll: "rose from three to 28 dead").

    ``raw`` (the span's text) lets explicit "no casualties" phrases set both figures to 0.
    ``skip``: token indices that are no count (the digits of a date: "on June 3, wounding him").

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> c = casualties(tokenize("ولم يقتل أي جندي، لكن أعلنت إصابة 109 جنود"))
    >>> (c.killed, c.injured)
    (0, 109)
    >>> casualties(tokenize("ما تسبب بمقتل متعاقد مدني أميركي")).killed
    1
    """
    hi = len(tokens) if hi is None else hi
    if skip:
        tokens = [t._replace(norm="\u00b7") if k in skip else t for k, t in enumerate(tokens)]
    out = Casualties()
    out.updated = _has_rise(tokens, lo, hi)
    if raw and _BOTH_ZERO.search(raw):
        out.killed, out.injured = 0, 0
    for c in range(lo, hi):
        cue = _cue(tokens[c].norm)
        if not cue:
            continue
        is_kill = cue == 1
        if _prior(tokens, c, lo, hi):
            continue  # "a march after the killing of four students": the toll of an earlier event
        negated = any(
            any(v in _NEG for v in _clean(tokens[j].norm)) for j in range(max(lo, c - 3), c)
        ) or (c + 1 < hi and tokens[c + 1].norm in ("no", "none", "nobody"))
        if negated:
            n, named = 0, False
        elif any(v in _TWO[is_kill] for v in _clean(tokens[c].norm)):
            n, named = 2, False  # a dual cue noun is its own figure: "قتيلان", "سقوط قتيلين وثلاثة جرحى"
        else:
            n, named = _before(tokens, c, lo, adjacent=True), False
            if n is None:
                n, named = _after(tokens, c, hi)
            if n is None:
                n, named = _before(tokens, c, lo), False
        if n is None:
            continue
        if is_kill:
            more = _more_at(tokens, c, lo, hi)
            if out.killed is not None and more != out.killed_more:
                if more:
                    continue  # "two died; a driver was also hurt" in one span: the first figure
                out.killed = None  # the span's own figure wins over an additive one
            out.killed_more = more
            larger = named or out.updated  # named victims add up; a risen toll supersedes the first figure
            if out.killed is None or (out.killed_named and not named) or (
                named == out.killed_named and (n > out.killed if larger else n < out.killed)
            ):
                out.killed, out.killed_named = n, named
        elif out.injured is None or n < out.injured:
            out.injured = n
    if out.updated and (out.killed is None or out.killed_named):
        risen = _risen_toll(tokens, lo, hi)
        if risen is not None:
            out.killed, out.killed_named = risen, False
    return out


_MORE = lexicons.words("additive") | lexicons.words("additive_after")


def _more_at(tokens: list[Token], c: int, lo: int, hi: int) -> bool:
    """An additive word right at the kill cue ``c`` ("a guard also died", "قتل أيضا")."""
    return any(tokens[k].norm in _MORE for k in range(max(lo, c - 2), min(hi, c + 2)) if k != c)


def _has_rise(tokens: list[Token], lo: int, hi: int) -> bool:
    """A rise word ("rose", ارتفعت) in the span; a cheap test on the raw words first."""
    for k in range(lo, hi):
        n = tokens[k].norm
        if n in _RISE or (not tokens[k].text.isascii() and _rise_reading(n)):
            return True
    return False


@lru_cache(maxsize=65536)
def _rise_reading(norm: str) -> bool:
    return any(v in _RISE for v in _clean(norm))


def _risen_toll(tokens: list[Token], lo: int, hi: int) -> int | None:
    """"The toll later rose to 17", "ارتفعت حصيلة القتلى إلى 17": the largest figure after the rise
    word, when the span names a toll or a killing."""
    if not any(_cue(tokens[k].norm) == 1 or any(v in _TOLL for v in _clean(tokens[k].norm)) for k in range(lo, hi)):
        return None
    best = None
    for r in range(lo, hi):
        if any(v in _RISE for v in _clean(tokens[r].norm)):
            for k in range(r + 1, min(hi, r + 1 + _RISE_AHEAD)):
                got = number_at(tokens, k)
                if got is not None and (best is None or got[0] > best):
                    best = got[0]
    return best
