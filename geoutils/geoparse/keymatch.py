"""Leftmost-longest matching of gazetteer keys over coded folded text, in compiled code.

The scanner's text is the folded tokens, each preceded by a two-character separator
``" " + mark``: the mark is a space, or :data:`MARK` for a token that no capitalised (Latin)
key may start at, namely a token of a chunk written in lower case ("hit", "camp"). A key
``"ain asad"`` is the pattern ``" ain  asad "`` (the mark, the tokens joined by separators,
the space that opens the next separator), plus its variants with marked separators where
a key continues through a lower-case chunk ("Ain al-asad"); a few long keys with many such
tokens leave their longer tokens never marked instead, so a key has at most ``2 ** MAX_MARKED``
patterns. Patterns of adjacent keys never share a character, so one leftmost-longest,
non-overlapping pass of a double-array Aho-Corasick automaton
(`daachorse <https://github.com/daac-tools/daachorse>`_) finds what the scanner keeps, with
no Python work per overlapping candidate.

A match the scanner still rejects (rare: a capitalised key in a chunk the marks cannot judge,
or a span that trims to nothing) is resolved by :func:`select` with the old rule, leftmost then
longest among the candidates that pass, token by token, until the compiled pass is again in step.

Example
-------
>>> m = KeyMatcher({pattern("baghdad"): "p:b", pattern("ain asad"): "p:a"})
>>> text = segment(["rockets", "on", "baghdad"]) + segment(["ain", "asad"]) + " "
>>> [(s, e, m.values[i]) for s, e, i in m.find(text)]
[(14, 23, 'p:b'), (23, 34, 'p:a')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Callable, Iterable

import daachorse

from gazetteer.normalize import is_arabic

__all__ = ["KeyMatcher", "MARK", "SEP", "pattern", "patterns", "segment", "select", "unmarked_tokens"]

MARK = "\x01"
MAX_MARKED = 4
SEP = "  "


def pattern(key: str, mark: str = " ") -> str:
    """The pattern of a folded ``key`` (tokens joined by single spaces) starting after ``mark``."""
    return mark + key.replace(" ", SEP) + " "


def patterns(key: str, markable: Callable[[str], bool], first: bool = True) -> list[str]:
    """Every pattern of ``key`` over text where the tokens ``markable`` says yes to may carry the
    mark (``first=False``: the key may not start at a marked token).

    >>> [p.replace(MARK, "^") for p in patterns("ain asad", lambda t: t == "asad", first=False)]
    [' ain  asad ', ' ain ^asad ']
    """
    toks = key.split(" ")
    if not any(map(markable, toks)):
        return [pattern(key)]
    out = [" " + toks[0]]
    if first and markable(toks[0]):
        out.append(MARK + toks[0])
    for t in toks[1:]:
        if markable(t):
            out = [o + sep + t for o in out for sep in (SEP, " " + MARK)]
        else:
            out = [o + SEP + t for o in out]
    return [o + " " for o in out]


def unmarked_tokens(keys: Iterable[str]) -> frozenset[str]:
    """Tokens never marked: of a key that continues through more than ``MAX_MARKED`` Latin
    tokens, its longest (rarest) continuing tokens beyond that number, so its patterns stay few."""
    out: set[str] = set()
    for key in keys:
        toks = key.split(" ")[1:]
        if len(toks) <= MAX_MARKED:
            continue
        rest = [t for t in toks if t not in out and not is_arabic(t)]
        if len(rest) > MAX_MARKED:
            for t in sorted(set(rest), key=lambda t: (-len(t), t)):
                out.add(t)
                rest = [r for r in rest if r != t]
                if len(rest) <= MAX_MARKED:
                    break
    return frozenset(out)


def segment(tokens: Iterable[str], marks: Iterable[bool] | None = None) -> str:
    """The coded text of some tokens (each after its separator), ``marks`` telling the marked ones."""
    if marks is None:
        return "".join(SEP + t for t in tokens)
    return "".join((" " + MARK if m else SEP) + t for t, m in zip(tokens, marks))


class KeyMatcher:
    """A leftmost-longest automaton over ``{pattern: value}`` (picklable: the automaton is
    stored in daachorse's serialized form)."""

    def __init__(self, patterns: dict[str, Any]) -> None:
        if not patterns:
            patterns = {"\x00": None}  # an automaton needs a pattern
        self.values = list(patterns.values())
        self.maxlen = max(map(len, patterns))
        self._ac = daachorse.CharwiseDoubleArrayAhoCorasick(
            list(patterns), match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Leftmost-longest non-overlapping ``(start, end, pattern index)`` in ``text`` (char offsets)."""
        return self._ac.find(text)

    def at(self, text: str, p: int) -> list[tuple[int, int, int]]:
        """Every match starting at ``p``, longest first (by leftmost-longest passes over shrinking windows).

        Each pass finds the longest match left in the window ``text[p:end]`` and the next window
        ends one character before it, so a call costs one pass per match starting at ``p``, plus
        one. Worst case: up to ``maxlen`` passes over windows of up to ``maxlen`` characters
        (quadratic in the longest pattern), when every prefix of a long pattern is also a pattern.
        :func:`select` calls it only at tokens after a rejected multi-token match, which is rare.

        >>> m = KeyMatcher({pattern("ain"): 1, pattern("ain asad"): 2})
        >>> [m.values[i] for _, _, i in m.at(segment(["ain", "asad"]) + " ", 1)]
        [2, 1]
        """
        out: list[tuple[int, int, int]] = []
        end = min(len(text), p + self.maxlen)
        while end > p:
            got = self._ac.find(text[p:end])
            if not got or got[0][0]:
                break
            _, e, i = got[0]
            out.append((p, p + e, i))
            end = p + e - 1
        return out

    def __getstate__(self) -> dict:
        return {"values": self.values, "maxlen": self.maxlen, "ac": self._ac.serialize()}

    def __setstate__(self, state: dict) -> None:
        self.values = state["values"]
        self.maxlen = state["maxlen"]
        self._ac = daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(state["ac"])


# where a token's pattern starts: the mark of its separator
_TOKEN = re.compile(r"(?<= )[ \x01](?=[^ \x01])")


def select(matcher: KeyMatcher, text: str, accept: Callable[[int, int, int], Any]) -> list[Any]:
    """What ``accept`` makes of the leftmost-longest matches it accepts, non-overlapping.

    ``accept(start, end, index)`` returns None for a match it rejects. The result is that of
    taking candidates leftmost first, longest first, skipping those overlapping the last
    accepted one and those ``accept`` rejects. The compiled pass gives it directly while every
    match it returns is accepted; from a rejected one on, candidates are tried token by token
    (:meth:`KeyMatcher.at`) until the cursor is at a point no compiled match straddles.

    Example
    -------
    >>> m = KeyMatcher({pattern("new york"): "bad", pattern("york"): "ok"})
    >>> t = segment(["new", "york"]) + " "
    >>> select(m, t, lambda s, e, i: m.values[i] if m.values[i] == "ok" else None)
    ['ok']
    """
    found = matcher.find(text)
    out: list[Any] = []
    starts: list[int] | None = None
    i, n, cur = 0, len(found), 0
    while i < n:
        s, e, k = found[i]
        i += 1
        if s < cur:
            continue
        got = accept(s, e, k)
        if got is not None:
            out.append(got)
            cur = e
            continue
        if " " not in text[s + 1:e - 1]:
            continue  # one token: no other candidate starts inside it, the compiled pass is in step
        # the old rule from the token at s, until no compiled match straddles the cursor
        if starts is None:
            starts = [m[0] for m in found]
        p = s
        while True:
            x = p + 1
            for s2, e2, k2 in matcher.at(text, p):
                got = accept(s2, e2, k2)
                if got is not None:
                    out.append(got)
                    x = e2
                    break
            j = bisect_left(starts, x)
            if j == 0 or found[j - 1][1] <= x:
                cur, i = x, j
                break
            nxt = _TOKEN.search(text, x)
            if nxt is None:
                return out
            p = nxt.start()
    return out
