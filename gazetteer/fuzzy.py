"""Fuzzy fallback over a candidate set: keys bucketed by first letter, scored by rapidfuzz."""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process

#: minimum rapidfuzz ratio for an answer; shorter names need a closer match
THRESHOLD = 85.0
THRESHOLD_SHORT = 90.0
MIN_LEN = 4
_DIGITS = re.compile(r"\d+")


class FuzzyIndex:
    """Keys grouped by first character; a query is compared only with its group.

    Example
    -------
    >>> FuzzyIndex(["kirkuk", "karbala", "erbil"]).search("kirkukk")
    {'kirkuk': 92.3076923076923}
    """

    def __init__(self, keys: list[str]) -> None:
        buckets: dict[str, list[str]] = defaultdict(list)
        for k in set(keys):
            if len(k) >= MIN_LEN:
                buckets[k[0]].append(k)
        self._buckets = {c: sorted(v) for c, v in buckets.items()}

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
