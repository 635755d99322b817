"""Pure scoring functions for ``python -m benchmarks accuracy`` (gold, predictions -> metrics).

Nothing here reads files or runs a parser: every function takes plain Python values, so
each rule of the harness is unit-tested on tiny synthetic inputs
(``tests/test_accuracy_harness.py``).

Example
-------
>>> round(haversine_km(33.3, 44.4, 36.3, 43.1))
354
>>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))
(True, False)
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Sequence

#: Gritta et al.'s AUC uses the log of the largest possible error (half the equator).
MAX_ERR_KM = 20039.0
#: UCDP ``where_prec`` -> tolerance in km (issues 8, 9, 10). Precision 5+ (province-wide or
#: country-wide, no usable point) is skipped by the harness.
UCDP_TOL_KM = {1: 10.0, 2: 25.0, 3: 50.0, 4: 150.0}

from gazetteer.geo import haversine_km  # noqa: E402,F401  (re-exported for the harness modules)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def located(lat: Any, lon: Any) -> bool:
    """Whether a coordinate pair is present (not None/NaN)."""
    try:
        return not (math.isnan(float(lat)) or math.isnan(float(lon)))
    except (TypeError, ValueError):
        return False


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 when undefined).

    Example
    -------
    >>> prf(3, 4, 6)
    {'precision': 0.75, 'recall': 0.5, 'f1': 0.6}
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


# --------------------------------------------------------------------------- geoparsing
@dataclass(frozen=True)
class Toponym:
    """A gold toponym: span into the text and its point (None when the corpus gives none)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    phrase: str = ""


@dataclass(frozen=True)
class Mention:
    """A predicted mention (from ``geoutils.geoparse``)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    role: str = "place"
    text: str = ""


@dataclass
class GeoparseDoc:
    """Per-document outcome of :func:`score_geoparse_doc`: one record per gold toponym."""

    doc_id: str
    gold: list[Toponym]
    matched: list[Mention | None]           # the overlapping prediction, per gold toponym
    error_km: list[float | None]            # distance gold -> prediction, per gold toponym
    place_preds: int = 0                    # predicted mentions with a "place" role
    place_preds_on_gold: int = 0            # ... overlapping some gold toponym
    false_mentions: list[Mention] = field(default_factory=list)


def best_overlap(span: tuple[int, int], preds: Sequence[Mention]) -> Mention | None:
    """The prediction overlapping ``span`` the most (ties: "place" role first, then first)."""
    best, key = None, None
    for m in preds:
        if not overlaps(span, (m.start, m.end)):
            continue
        k = (min(span[1], m.end) - max(span[0], m.start), m.role == "place")
        if key is None or k > key:
            best, key = m, k
    return best


def score_geoparse_doc(doc_id: str, gold: Sequence[Toponym], preds: Sequence[Mention],
                       roles: Iterable[str] = ("place", "context")) -> GeoparseDoc:
    """Match gold toponyms to predicted mentions by overlapping span.

    ``roles`` are the predicted roles that count as recognising a toponym; mention precision
    always uses the "place" mentions against every gold span (with or without a point).
    """
    roles = set(roles)
    usable = [m for m in preds if m.role in roles]
    matched, errs = [], []
    for g in gold:
        m = best_overlap((g.start, g.end), usable)
        matched.append(m)
        ok = m is not None and g.lat is not None and located(m.lat, m.lon)
        errs.append(haversine_km(g.lat, g.lon, float(m.lat), float(m.lon)) if ok else None)
    places = [m for m in preds if m.role == "place"]
    on_gold = [m for m in places if any(overlaps((m.start, m.end), (g.start, g.end)) for g in gold)]
    false = [m for m in places if m not in on_gold]
    return GeoparseDoc(doc_id, list(gold), matched, errs, len(places), len(on_gold), false)


def summarize_geoparse(docs: Sequence[GeoparseDoc], km: float = 161.0) -> dict[str, float]:
    """Corpus figures: recognition, Acc@km over recognised gold, end-to-end recall, precision.

    Only gold toponyms with a point enter recognition/resolution counts (a point-less gold
    span still makes an overlapping prediction a correct mention). An unlocated prediction
    counts as recognised but wrong.

    Example
    -------
    >>> d = score_geoparse_doc("a", [Toponym(0, 4, 0.0, 0.0)], [Mention(0, 4, 0.0, 1.0)])
    >>> s = summarize_geoparse([d])
    >>> s["acc"], s["e2e"], s["precision"]
    (1.0, 1.0, 1.0)
    """
    gold = recog = right = 0
    errors: list[float] = []
    auc_terms: list[float] = []
    preds = on_gold = 0
    for d in docs:
        preds += d.place_preds
        on_gold += d.place_preds_on_gold
        for g, m, e in zip(d.gold, d.matched, d.error_km):
            if g.lat is None:
                continue
            gold += 1
            if m is None:
                continue
            recog += 1
            err = MAX_ERR_KM if e is None else e
            errors.append(err)
            auc_terms.append(math.log1p(err) / math.log(MAX_ERR_KM))
            right += err <= km
    return {
        "gold": gold, "recognised": recog, "right": right,
        "recognition": recog / gold if gold else 0.0,
        "acc": right / recog if recog else 0.0,
        "e2e": right / gold if gold else 0.0,
        "precision": on_gold / preds if preds else 0.0,
        "place_mentions": preds,
        "median_km": statistics.median(errors) if errors else float("nan"),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
        "auc": statistics.fmean(auc_terms) if auc_terms else float("nan"),
    }


def align_offsets(text: str, start: int, end: int, phrase: str, window: int = 40) -> tuple[int, int] | None:
    """Gold span that really indexes ``text``: as given, else the nearest occurrence of
    ``phrase`` within ``window`` characters, else None.

    Example
    -------
    >>> align_offsets("in Mosul today", 4, 9, "Mosul")
    (3, 8)
    """
    if text[start:end] == phrase:
        return start, end
    best = None
    for d in range(1, window + 1):
        for s in (start - d, start + d):
            if 0 <= s and text[s:s + len(phrase)] == phrase:
                best = (s, s + len(phrase))
                break
        if best:
            break
    return best


# --------------------------------------------------------------------------- BIO / NER
def bio_spans(tokens: Sequence[str], tags: Sequence[str], label: str = "LOC",
              sep: str = " ") -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text rebuilt from tokens joined with ``sep``, each token's span, and the ``label`` entity spans.

    An I- tag without a preceding B-/I- of the same label starts an entity (CoNLL convention).

    Example
    -------
    >>> text, toks, ents = bio_spans(["in", "New", "York", "now"], ["O", "B-LOC", "I-LOC", "O"])
    >>> [text[s:e] for s, e in ents]
    ['New York']
    """
    spans, pos = [], 0
    for t in tokens:
        spans.append((pos, pos + len(t)))
        pos += len(t) + len(sep)
    text = sep.join(tokens)
    ents: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for (s, e), tag in zip(spans, tags):
        kind, _, lab = tag.partition("-")
        if lab == label and (kind == "B" or (kind == "I" and cur is None)):
            if cur:
                ents.append((cur[0], cur[1]))
            cur = [s, e]
        elif lab == label and kind == "I":
            cur[1] = e
        else:
            if cur:
                ents.append((cur[0], cur[1]))
            cur = None
    if cur:
        ents.append((cur[0], cur[1]))
    return text, spans, ents


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` with leading and trailing punctuation (Unicode category P*) removed.

    ANERcorp tokens keep attached punctuation ("كابول؛", "بغداد،"), so gold and predicted
    spans are both trimmed before scoring. A span of punctuation only is returned unchanged.

    Example
    -------
    >>> trim_span("في كابول؛ امس", 3, 9)
    (3, 8)
    """
    import unicodedata

    s, e = start, end
    while s < e and unicodedata.category(text[s]).startswith("P"):
        s += 1
    while e > s and unicodedata.category(text[e - 1]).startswith("P"):
        e -= 1
    return (s, e) if s < e else (start, end)


def score_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> dict[str, int]:
    """Exact and lenient (one-to-one overlap) true positives for one text.

    Example
    -------
    >>> score_spans([(0, 5), (10, 15)], [(0, 5), (11, 20), (30, 33)])
    {'gold': 2, 'pred': 3, 'exact': 1, 'lenient': 2}
    """
    gold, pred = sorted(set(gold)), sorted(set(pred))
    exact = len(set(gold) & set(pred))
    used: set[int] = set()
    lenient = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and overlaps(g, p):
                used.add(i)
                lenient += 1
                break
    return {"gold": len(gold), "pred": len(pred), "exact": exact, "lenient": lenient}


def summarize_spans(counts: Iterable[dict[str, int]]) -> dict[str, float]:
    """Corpus precision/recall/F1, exact and lenient, from :func:`score_spans` counts."""
    tot = {"gold": 0, "pred": 0, "exact": 0, "lenient": 0}
    for c in counts:
        for k in tot:
            tot[k] += c[k]
    ex, le = prf(tot["exact"], tot["pred"], tot["gold"]), prf(tot["lenient"], tot["pred"], tot["gold"])
    return {**tot, **ex, **{f"lenient_{k}": v for k, v in le.items()}}


def clip_to_segments(spans: Iterable[tuple[int, int]], segments: Sequence[tuple[int, int]]
                     ) -> dict[int, list[tuple[int, int]]]:
    """Assign spans of a pseudo-article back to its segments (local offsets), clipping a span
    that crosses a segment boundary to the segment where it starts.

    Example
    -------
    >>> clip_to_segments([(0, 2), (5, 12)], [(0, 3), (4, 9), (10, 14)])
    {0: [(0, 2)], 1: [(1, 5)]}
    """
    out: dict[int, list[tuple[int, int]]] = {}
    for s, e in spans:
        for i, (a, b) in enumerate(segments):
            if a <= s < b:
                out.setdefault(i, []).append((s - a, min(e, b) - a))
                break
    return out


# --------------------------------------------------------------------------- points (UCDP)
def within_any(points: Iterable[tuple[float, float]], lat: float, lon: float, tol_km: float) -> bool:
    """Whether some predicted (lat, lon) lies within ``tol_km`` of the gold point."""
    return any(located(a, b) and haversine_km(lat, lon, float(a), float(b)) <= tol_km for a, b in points)


def share(flags: Sequence[bool]) -> float:
    """Share of true flags (0.0 when empty)."""
    return sum(map(bool, flags)) / len(flags) if flags else 0.0
