"""Whitespace chunks of a text for the scanner: their folded forms (cached per distinct chunk),
their offsets, and tokenize's one join across whitespace ("K 1" -> "k1").

Example
-------
>>> fold_chunks("near K-1 (Kirkuk)".split()), word_starts(" ab  c")
(['near', 'k1', 'kirkuk'], [1, 5])
"""
from __future__ import annotations

import re
from itertools import accumulate
from typing import Callable

import numpy as np

from gazetteer.normalize import NO_JOIN_LETTERS, tokenize

__all__ = ["fold_chunks", "cached_map", "word_starts", "chunk_starts", "join_letter_number", "may_join", "trim",
           "LETTER_THEN_DIGIT", "POSSESSIVE", "FOLD_CACHE_MAX",
           "FOLD_GENERATION"]

_FOLD_CACHE: dict[str, str] = {}
#: how many times the fold cache was cleared: caches derived from it (the scanner's) clear with it
FOLD_GENERATION = [0]
#: entries a per-chunk cache (here, the scanner's) holds before it is cleared
FOLD_CACHE_MAX = 1_000_000
# chunks whose last token is a single Latin letter: tokenize may join it with a number
# in the next chunk ("K 1" -> "k1"). Not for the English words "a" and "I": "a 10-year-old"
# must not become the key "a10" (an airfield code); see the note on tokenize in the report.
_LETTER_END: set[str] = set()
_WORD_LETTERS = NO_JOIN_LETTERS


POSSESSIVE = ("'s", "’s", "'S", "’S")


def _fold_chunk(chunk: str) -> str:
    if chunk.endswith(POSSESSIVE) and len(chunk) > 3:
        chunk = chunk[:-2]  # English possessive: "Iraq's Anbar" names Iraq
    return " ".join(t.norm for t in tokenize(chunk))


def _is_letter(tok: str) -> bool:
    return len(tok) == 1 and tok.isascii() and tok.isalpha()


def fold_chunks(words: list[str]) -> list[str]:
    """Folded form of each whitespace chunk (multi-token chunks joined by spaces; "" for punctuation).

    Example
    -------
    >>> fold_chunks(["وأربيل", "(العراق)", "-", "K-1"])
    ['واربيل', 'عراق', '', 'k1']
    """
    return cached_map(_FOLD_CACHE, words, lambda i, w: _fold_new(w), _on_fold_clear)


def _on_fold_clear() -> None:
    _LETTER_END.clear()
    FOLD_GENERATION[0] += 1


def _fold_new(chunk: str) -> str:
    f = _fold_chunk(chunk)
    last = f.rpartition(" ")[2]
    if _is_letter(last) and last not in _WORD_LETTERS:
        _LETTER_END.add(chunk)
    return f


def cached_map(cache: dict[str, str], words: list[str], make: Callable[[int, str], str],
               on_clear: Callable[[], None] | None = None) -> list[str]:
    """``cache[w]`` for each word, made by ``make(i, w)`` (``i`` its index in ``words``) when missing.

    One C-level pass when every word is cached (most running text once a corpus is warm). The cache
    is cleared (and ``on_clear`` called) before it would pass :data:`FOLD_CACHE_MAX` entries.

    Example
    -------
    >>> c = {"a": "A"}
    >>> cached_map(c, ["a", "b", "b"], lambda i, w: w.upper() + str(i)), c["b"]
    (['A', 'B1', 'B1'], 'B1')
    """
    try:
        return list(map(cache.__getitem__, words))
    except KeyError:
        out = list(map(cache.get, words))
    if len(cache) + len(words) > FOLD_CACHE_MAX:
        cache.clear()
        if on_clear is not None:
            on_clear()
    for i, v in enumerate(out):
        if v is None:
            w = words[i]
            v = cache.get(w)
            if v is None:
                v = cache[w] = make(i, w)
            out[i] = v
    return out


# str.split() whitespace; every code point above U+3000 is clipped to U+3001 (not whitespace)
_WS_TABLE = np.zeros(0x3002, dtype=bool)
_WS_TABLE[[ord(c) for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
           "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"]] = True


def word_starts(text: str) -> list[int]:
    """Start offsets of ``text.split()`` chunks (vectorised).

    >>> word_starts(" ab  c\u3042d")
    [1, 5]
    """
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(cps):
        return []
    ws = _WS_TABLE.take(cps, mode="clip")  # code points above the table: not whitespace
    out = (np.flatnonzero(ws[:-1] > ws[1:]) + 1).tolist()
    return out if ws[0] else [0, *out]


# in the coded text, a folded single Latin letter followed by a token starting with a digit ("k 1"):
# the only case where chunk-by-chunk folding can differ from tokenize on the whole text
LETTER_THEN_DIGIT = re.compile(r"(?<= )[ \x01][a-z] [ \x01][0-9]")


def chunk_starts(text: str, words: list[str]) -> list[int]:
    """Start offset of each ``text.split()`` chunk; C-level arithmetic when every gap is
    one whitespace character (most running text), else :func:`word_starts`."""
    starts = list(accumulate(map(_ONE, map(len, words)), initial=0))
    if starts.pop() - 1 == len(text):  # no leading/trailing space, 1-char gaps
        return starts
    return word_starts(text)


_ONE = (1).__add__  # n -> n + 1, at C level (chunk length plus its separator)


def join_letter_number(text: str, words: list[str], folded: list[str], ends: dict[int, int]) -> list[int] | None:
    """Apply tokenize's single-letter + number join across whitespace ("K 1", "K - 1" -> "k1").

    A chunk ending in a single Latin letter followed (after punctuation-only chunks) by a
    chunk starting with a digit is re-tokenized together with it by
    :func:`gazetteer.normalize.tokenize`; the merged fold goes to the first chunk, the others
    fold to "" and ``ends`` records where the merge ends. Returns the chunk start offsets
    when it needed them (None otherwise).
    """
    n = len(words)
    starts: list[int] | None = None
    i = 0
    while i < n:
        if not folded[i] or words[i] not in _LETTER_END:
            i += 1
            continue
        j = i + 1
        while j < n and not folded[j]:
            j += 1
        if j >= n or not ("0" <= folded[j][:1] <= "9"):
            i += 1
            continue
        if starts is None:
            starts = word_starts(text)
        end = starts[j] + len(words[j])
        folded[i] = " ".join(t.norm for t in tokenize(text[starts[i]:end]))
        for k in range(i + 1, j + 1):
            folded[k] = ""
        ends[i] = end
        i = j + 1
    return starts


def may_join(words: list[str]) -> bool:
    """Could :func:`join_letter_number` change the folds of ``words`` (folded by :func:`fold_chunks`)?

    True when some chunk ends in a single Latin letter that tokenize may join with a number
    in the next chunk ("K 1"); a cheap test before looking for the number.

    >>> words = "near K 1, a 10-year-old".split()
    >>> _ = fold_chunks(words)
    >>> may_join(words), may_join(words[3:])
    (True, False)
    """
    return not _LETTER_END.isdisjoint(words)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The span ``[s, e)`` of ``text`` without its leading and trailing non-alphanumeric characters."""
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e
