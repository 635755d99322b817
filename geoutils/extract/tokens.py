"""The one token pass: the article tokenized and normalized once, with each token's clitic readings.

Dates, numbers, triggers, actors and the geoparser read the same :class:`Tokens`.
Tokens are :class:`gazetteer.normalize.Token` (offsets into the ORIGINAL text); the readings of
a word (its Arabic proclitic variants: وبالقصف -> بالقصف, قصف...) are computed once per
distinct word by :func:`readings`.

Example
-------
>>> toks = Tokens.of("وقصف كركوك")
>>> toks.reads[0][-1], toks[1].norm == readings(toks[1].norm)[0]
('قصف', True)
>>> toks.has(0, frozenset({"قصف"}))
True
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any

from gazetteer.normalize import Token, fold_token, proclitic_variants, tokenize

__all__ = ["Tokens", "readings", "Token", "attached_in"]


@lru_cache(maxsize=262144)
def readings(norm: str) -> tuple[str, ...]:
    """The word itself, then its proclitic readings (Arabic only; Latin words have one reading).

    Example
    -------
    >>> readings("fired")
    ('fired',)
    """
    return tuple(proclitic_variants(norm)) if norm and not norm.isascii() else (norm,)


class Tokens(list):
    """A list of tokens with their readings (``reads[i]``) and start offsets (``starts``)."""

    __slots__ = ("reads", "starts")

    def __init__(self, toks: list[Token] = ()) -> None:
        super().__init__(toks)
        self.reads = [readings(t.norm) for t in self]
        self.starts = [t.start for t in self]

    @classmethod
    def of(cls, text: str) -> "Tokens":
        """Tokenize ``text`` once."""
        return cls(tokenize(text))

    def has(self, i: int, words: frozenset[str] | dict) -> bool:
        """True when a reading of token ``i`` is in ``words``."""
        r = self.reads[i]
        return r[0] in words if len(r) == 1 else any(v in words for v in r)

    def span(self, start: int, end: int) -> "Tokens":
        """The tokens lying in characters ``start:end`` (same Token objects, readings kept)."""
        a, b = bisect_left(self.starts, start), bisect_left(self.starts, end)
        out = Tokens.__new__(Tokens)
        list.__init__(out, self[a:b])
        out.reads = self.reads[a:b]
        out.starts = self.starts[a:b]
        return out

    def first_in(self, start: int, end: int) -> int:
        """Index of the first token starting in characters ``start:end`` (-1 when none):
        the first word of a name whose article the tokenizer dropped ("al-Tanf" -> "Tanf")."""
        k = bisect_left(self.starts, start)
        return k if k < len(self) and self.starts[k] < end else -1

    def index_at(self, offset: int) -> int:
        """Index of the token starting at or before character ``offset`` (-1 before the first)."""
        return bisect_left(self.starts, offset + 1) - 1


def attached_in(place: Any, reads: tuple[str, ...]) -> bool:
    """The ب opening a place's token is the attached "in", not the first letter of its name: the
    token read without it is the place's Arabic name ("ببغداد" is "in Baghdad"; "بعقوبة" is Baqubah).

    >>> from types import SimpleNamespace as P
    >>> attached_in(P(name_ar="بغداد"), ("ببغداد", "بغداد")), attached_in(P(name_ar="بعقوبة"), ("بعقوبه", "عقوبه"))
    (True, False)
    >>> attached_in(P(name_ar="بعقوبة"), ("ببعقوبه", "بعقوبه", "عقوبه"))
    True
    """
    name = getattr(place, "name_ar", None)
    return bool(name) and fold_token(name.split(" ", 1)[0]) in reads[1:]
