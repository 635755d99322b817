"""Fuzzy fallback over a candidate set: keys bucketed by first letter, scored by rapidfuzz."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property

from rapidfuzz import fuzz, process

#: minimum rapidfuzz ratio for an answer; shorter names need a closer match
THRESHOLD = 85.0
THRESHOLD_SHORT = 90.0
MIN_LEN = 4
_DIGITS = re.compile(r"\d+")
SKELETON_SCORE = 80.0
SKELETON_MIN_LEN = 5
#: a skeleton match must still be this close as a spelling (Kisik/Kasik 80; Kisik/Kosk 67)
SKELETON_MIN_RATIO = 75.0
_VOWELS = re.compile(r"(?<=\w)[aeiouy]+")


def skeleton(key: str) -> str:
    """A folded Latin key without its vowels (a word's first letter kept): transliterations
    differ most in vowels.

    >>> skeleton("badush"), skeleton("badosh"), skeleton("kisik kupri")
    ('bdsh', 'bdsh', 'ksk kpr')
    """
    return " ".join(_VOWELS.sub("", w) for w in key.split())


class FuzzyIndex:
    """Keys grouped by first character; a query is compared only with its group.

    Example
    -------
    >>> FuzzyIndex(["kirkuk", "karbala", "erbil"]).search("kirkukk")
    {'kirkuk': 92.3076923076923}
    """

    def __init__(self, keys: list[str], local_keys: Callable[[], list[str]] | list[str] | None = None) -> None:
        self._local = local_keys  # keys of local sources (DTM, COD-AB, curated) for skeleton matching
        buckets: dict[str, list[str]] = defaultdict(list)
        for k in set(keys):
            if len(k) >= MIN_LEN:
                buckets[k[0]].append(k)
        self._buckets = {c: sorted(v) for c, v in buckets.items()}

    @cached_property
    def _skeletons(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        local = self._local() if callable(self._local) else self._local
        keys = local if local is not None else [k for ks in self._buckets.values() for k in ks]
        for k in set(keys):
            if k.isascii() and len(k) >= MIN_LEN:
                out[skeleton(k)].append(k)
        return out

    def search_skeleton(self, key: str) -> dict[str, float]:
        """Keys with the same consonant skeleton (:func:`skeleton`), scored
        :data:`SKELETON_SCORE`: the last resort for vowel variants (Badush/Badosh,
        Kisik/Kasik) when no spelling is close enough for :meth:`search`."""
        if len(key) < SKELETON_MIN_LEN or not key.isascii():
            return {}
        sk = skeleton(key)
        if len(sk.replace(" ", "")) < 3:
            return {}
        return {k: SKELETON_SCORE for k in self._skeletons.get(sk, ())
                if _DIGITS.findall(k) == _DIGITS.findall(key) and fuzz.ratio(k, key) >= SKELETON_MIN_RATIO}

    def __len__(self) -> int:
        return sum(map(len, self._buckets.values()))

    def search(self, key: str, limit: int = 8) -> dict[str, float]:
        """Keys scoring at least the threshold against ``key``, with their scores."""
        if len(key) < MIN_LEN:
            return {}
        cutoff = THRESHOLD_SHORT if len(key) <= 6 else THRESHOLD
        bucket = self._buckets.get(key[0], [])
        hits = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        digits = _DIGITS.findall(key)  # a near-miss spelling never changes a number: "Sector 7" is not "Sector 3"
        return {k: float(s) for k, s, _ in hits if _DIGITS.findall(k) == digits}
