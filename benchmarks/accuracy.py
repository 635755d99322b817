"""Accuracy on real data (issues 8, 9, 10), read in place from ``../shared/realdata``.

    python -m benchmarks accuracy [--data DIR] [--only SET,...] [--limit N] [--errors FILE] [--verbose]

Sets (``--only``): ``lgl``, ``trnews``, ``anercorp``, ``ucdp`` (headlines geoparsed,
headlines extracted, gazetteer names) and ``articles``.

* LGL / TR-News: ``geoutils.geoparse(text, published=<dltime day>)`` per article; gold
  toponyms matched to mentions (role "place" or "context") by overlapping span.
  Acc@161 km over recognised gold, end-to-end recall (right points / gold with a point),
  mention precision ("place" mentions overlapping a gold span / "place" mentions), error
  median/mean and Gritta's AUC (mean of ln(1+err)/ln(20039); lower is better).
* ANERcorp: sentences rebuilt with single spaces, 20 to a pseudo-article (newline-joined,
  offsets tracked; a predicted span is clipped to the sentence where it starts; the score
  is the same with 1, 5, 20 or 50 sentences a batch on today's parser). Predicted LOC =
  mentions with role "place": geoparse gives role "context" to nationality adjectives
  ("العراقيين"), which ANERcorp does not tag LOC; the place+context figure is shown beside.
  ANERcorp tokens keep attached punctuation ("X؛", "X،"): gold and predicted spans are both
  scored with leading/trailing punctuation trimmed (:func:`accuracy_metrics.trim_span`).
* UCDP: see :mod:`benchmarks.accuracy_ucdp` (tolerances, dedupe, skipped precisions).
* Articles: ``extract_incidents(text, published, lang)``; see
  :func:`benchmarks.accuracy_incidents.score_incidents`. ``extra_ok`` names are resolved once
  with ``Gazetteer.default().resolve(name)``; a row is excused (neutral) when it is that
  place: same place id, within 25 km, a country row in that country, or a governorate /
  district row of the same kind within 120 / 40 km. A town inside an ``extra_ok`` country
  is not excused. Precision = rows matching gold / (those + false positives).

``--errors FILE`` writes every miss and false positive as JSON Lines (atomically; keep it
outside the repo, e.g. /tmp).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from benchmarks import accuracy_incidents as I
from benchmarks import accuracy_metrics as M
from benchmarks.accuracy_data import read_articles, read_conll, read_gritta, read_ucdp
from benchmarks.accuracy_ucdp import headline_items

ROOT = Path(__file__).resolve().parents[1]
SETS = ["lgl", "trnews", "anercorp", "ucdp", "articles"]
ANER_BATCH = 20


def _bar(it, total: int, desc: str):
    from tqdm import tqdm

    return tqdm(it, total=total, desc=desc, leave=False, file=sys.stderr, mininterval=1.0)


def _tool(name: str) -> tuple[Callable | None, str]:
    """``geoutils.<name>``, or None and the one-line reason it cannot be imported."""
    try:
        return getattr(importlib.import_module("geoutils"), name), ""
    except Exception as exc:  # a half-written module must not stop the other sets
        return None, f"{type(exc).__name__}: {exc}".splitlines()[0]


class Guarded:
    """Calls the parser; an exception on one document is counted and logged, the run goes on."""

    def __init__(self, fn: Callable, set_name: str, errors: list):
        self.fn, self.set_name, self.errors, self.raised = fn, set_name, errors, 0

    def __call__(self, doc_id: str, *args, **kwargs):
        try:
            return self.fn(*args, **kwargs)
        except Exception as exc:
            self.raised += 1
            self.errors.append({"set": self.set_name, "doc": doc_id, "kind": "raised", "gold": None,
                                "predicted": f"{type(exc).__name__}: {exc}".splitlines()[0]})
            return None

    def note(self) -> str:
        return f"; the parser raised on {self.raised} (scored as empty)" if self.raised else ""


def mentions(gdf) -> list[M.Mention]:
    """Mentions of a ``geoparse`` GeoDataFrame."""
    if gdf is None or len(gdf) == 0:
        return []
    role = gdf["role"] if "role" in gdf else ["place"] * len(gdf)
    return [M.Mention(int(s), int(e), la, lo, str(r), str(t))
            for s, e, la, lo, r, t in zip(gdf["start_char"], gdf["end_char"], gdf["latitude"],
                                          gdf["longitude"], role, gdf["text"])]


def _pt(la, lo):
    return [round(float(la), 4), round(float(lo), 4)] if M.located(la, lo) else None


# --------------------------------------------------------------------------- sets
def run_gritta(name: str, path: Path, limit: int | None, errors: list) -> list[str]:
    fn, why = _tool("geoparse")
    if fn is None:
        return [f"{name}: skipped (geoutils.geoparse not importable: {why})"]
    geoparse = Guarded(fn, name, errors)
    docs, st = read_gritta(path)
    docs = docs[:limit] if limit else docs
    scored = []
    for d in _bar(docs, len(docs), name):
        pred = mentions(geoparse(d.doc_id, d.text, published=d.published))
        sd = M.score_geoparse_doc(d.doc_id, d.gold, pred)
        scored.append(sd)
        for g, m, e in zip(sd.gold, sd.matched, sd.error_km):
            if g.lat is not None and (m is None or e is None or e > 161):
                errors.append({"set": name, "doc": d.doc_id, "kind": "miss" if m is None else "wrong_point",
                               "gold": {"span": [g.start, g.end], "text": g.phrase, "point": [g.lat, g.lon]},
                               "predicted": None if m is None else {"span": [m.start, m.end], "text": m.text,
                                                                    "point": _pt(m.lat, m.lon), "role": m.role},
                               "error_km": None if e is None else round(e, 1)})
        for m in sd.false_mentions:
            errors.append({"set": name, "doc": d.doc_id, "kind": "false_mention", "gold": None,
                           "predicted": {"span": [m.start, m.end], "text": m.text, "point": _pt(m.lat, m.lon)}})
    s = M.summarize_geoparse(scored)
    return [f"{name}: {len(docs)} articles; offsets: {st['exact']} exact, {st['realigned']} realigned "
            f"(phrase within 40 chars), {st['dropped']} dropped, {st['no_point']} without a point{geoparse.note()}",
            f"  gold {s['gold']}  recognised {s['recognised']} ({s['recognition']:.1%})  right@161 {s['right']}",
            f"  resolution Acc@161 {s['acc']:.1%} (target 88%)   end-to-end {s['e2e']:.1%} (target 75%)",
            f"  mention precision {s['precision']:.1%} of {s['place_mentions']} place mentions   "
            f"error median {s['median_km']:.1f} km, mean {s['mean_km']:.0f} km, AUC {s['auc']:.3f}"]


def run_anercorp(path: Path, limit: int | None, errors: list) -> list[str]:
    fn, why = _tool("geoparse")
    if fn is None:
        return [f"anercorp: skipped (geoutils.geoparse not importable: {why})"]
    geoparse = Guarded(fn, "anercorp", errors)
    sents = read_conll(path)
    sents = sents[:limit] if limit else sents
    decoded = [M.bio_spans(t, g) for t, g in sents]
    counts = {"all": [], "place": []}
    batches = range(0, len(decoded), ANER_BATCH)
    for b in _bar(batches, len(batches), "anercorp"):
        chunk = decoded[b:b + ANER_BATCH]
        segs, pos = [], 0
        for text, _, _ in chunk:
            segs.append((pos, pos + len(text)))
            pos += len(text) + 1
        pred = mentions(geoparse(f"batch{b}", "\n".join(c[0] for c in chunk), lang="ar"))
        by_role = {"all": M.clip_to_segments([(m.start, m.end) for m in pred], segs),
                   "place": M.clip_to_segments([(m.start, m.end) for m in pred if m.role == "place"], segs)}
        for i, (text, _, gold) in enumerate(chunk):
            gold = [M.trim_span(text, s, e) for s, e in gold]
            by_i = {k: [M.trim_span(text, s, e) for s, e in by_role[k].get(i, [])] for k in counts}
            for k in counts:
                counts[k].append(M.score_spans(gold, by_i[k]))
            got = set(by_i["place"])
            for s, e in set(gold) - got:
                errors.append({"set": "anercorp", "doc": f"sent{b + i}", "kind": "miss", "gold": text[s:e], "predicted": None})
            for s, e in got - set(gold):
                errors.append({"set": "anercorp", "doc": f"sent{b + i}", "kind": "false_or_partial",
                               "gold": [text[a:z] for a, z in gold if M.overlaps((a, z), (s, e))], "predicted": text[s:e]})
    out = [f"anercorp: {len(sents)} sentences, {ANER_BATCH} per pseudo-article{geoparse.note()}"]
    for k, label in (("place", "place"), ("all", "place+context")):
        s = M.summarize_spans(counts[k])
        out.append(f"  {label:13s} gold {s['gold']} pred {s['pred']}  exact P {s['precision']:.3f} R {s['recall']:.3f} "
                   f"F1 {s['f1']:.3f}   lenient P {s['lenient_precision']:.3f} R {s['lenient_recall']:.3f} "
                   f"F1 {s['lenient_f1']:.3f}" + ("  (target F1 0.80)" if k == "place" else ""))
    return out


def _points_of(tool: str, gdf) -> tuple[list, list]:
    """(lat, lon) pairs of a result and a short description of each row (for --errors)."""
    if gdf is None or len(gdf) == 0:
        return [], []
    label = gdf["text"] if tool == "geoparse" else gdf["location"]
    pts = list(zip(gdf["latitude"], gdf["longitude"]))
    return pts, [{"text": str(t), "point": _pt(la, lo)} for t, (la, lo) in zip(label, pts)]


def _ucdp_headlines(tool: str, items: list, errors: list, target: str) -> str:
    fn, why = _tool(tool)
    if fn is None:
        return f"  headlines {tool}: skipped (geoutils.{tool} not importable: {why})"
    call = Guarded(fn, f"ucdp-{tool}", errors)
    t0, flags = time.perf_counter(), []
    for it in _bar(items, len(items), f"ucdp {tool}"):
        pts, desc = _points_of(tool, call(it.text, it.text, published=it.published))
        ok = M.within_any(pts, it.lat, it.lon, it.tol_km)
        flags.append(ok)
        if not ok:
            errors.append({"set": f"ucdp-{tool}", "doc": it.text, "kind": "miss",
                           "gold": {"point": [it.lat, it.lon], "tol_km": it.tol_km}, "predicted": desc})
    return (f"  headlines via {tool}: {sum(flags)}/{len(flags)} = {M.share(flags):.1%} placed (target {target})"
            f"{call.note()}  [{time.perf_counter() - t0:.1f} s]")


def run_ucdp(path: Path, data_dir: Path, limit: int | None, errors: list) -> list[str]:
    rows = read_ucdp(path)
    items = headline_items(rows)
    items = items[:limit] if limit else items
    out = [f"ucdp: {len(rows)} events -> {len(items)} distinct (headline, tolerance, point) items "
           f"(where_prec 5+ skipped)"]
    out.append(_ucdp_headlines("geoparse", items, errors, "75%"))
    out.append(_ucdp_headlines("extract_incidents", items, errors, "70%"))
    t0 = time.perf_counter()
    from benchmarks.ucdp_ceiling import ceiling_line

    out.append(f"{ceiling_line(items)}  [{time.perf_counter() - t0:.1f} s]")
    t0 = time.perf_counter()
    from benchmarks.acc_gazetteer import ucdp_names
    from gazetteer import Gazetteer

    s = ucdp_names(Gazetteer.default(), data_dir)   # data_dir: the realdata folder holding the CSV
    for name, prec, answer, km in s["failures"]:
        errors.append({"set": "ucdp-names", "doc": name, "kind": "miss", "gold": {"name": name, "prec": prec},
                       "predicted": answer, "error_km": km})
    by = "  ".join(f"p{p} {a}/{b}" for p, (a, b) in s["by_prec"].items())
    out.append(f"  gazetteer names (benchmarks.acc_gazetteer): {s['within']}/{s['names']} = {s['share']:.1%} "
               f"within tolerance (target 85%; unresolved {s['unresolved']}; ranking ceiling {s['ranking_ceiling']}/{s['names']})  {by}  [{time.perf_counter() - t0:.1f} s]")
    return out


class OkResolver:
    """``extra_ok`` names and row places, looked up once each in the default gazetteer."""

    def __init__(self):
        from gazetteer import Gazetteer

        self.gz, self.cache, self.ids = Gazetteer.default(), {}, {}

    def area(self, name: str) -> I.OkArea | None:
        if name not in self.cache:
            self.cache[name] = self.gz.resolve(name) if name else None
        p = self.cache[name]
        return None if p is None else I.OkArea(name, p.lat, p.lon, p.kind, p.country_code, p.id)

    def kind_country(self, place_id: Any) -> tuple[str | None, str | None]:
        if _missing(place_id) or not place_id:
            return None, None
        if place_id not in self.ids:
            p = self.gz.get(str(place_id))
            self.ids[place_id] = (p.kind, p.country_code) if p is not None else (None, None)
        return self.ids[place_id]


def _missing(v) -> bool:
    """None, NaN, NaT or pd.NA."""
    import pandas as pd

    return v is None or bool(pd.isna(v)) if not isinstance(v, (list, tuple)) else False


def _d(v) -> date | None:
    """A row's ``event_date`` as a ``date`` (None when missing)."""
    if _missing(v):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _int(v) -> int | None:
    return None if _missing(v) else int(v)


def run_articles(folder: Path, limit: int | None, errors: list, verbose: bool) -> list[str]:
    fn, why = _tool("extract_incidents")
    if fn is None:
        return [f"articles: skipped (geoutils.extract_incidents not importable: {why})"]
    extract_incidents = Guarded(fn, "articles", errors)
    arts = read_articles(folder)
    arts = arts[:limit] if limit else arts
    ok = OkResolver()
    per_lang: dict[str, list] = {}
    lines = []
    unresolved = set()
    for a in _bar(arts, len(arts), "articles"):
        g = extract_incidents(a.doc_id, a.text, published=a.published, lang=a.lang)
        if g is None:
            g = []
        rows = []
        if len(g):
            pids = g["place_id"] if "place_id" in g else [None] * len(g)
            for d, la, lo, sub, f, loc, pid in zip(g["event_date"], g["latitude"], g["longitude"],
                                                   g["sub_event_type"], g["fatalities"], g["location"], pids):
                kind, cc = ok.kind_country(pid)
                rows.append(I.Row(_d(d), la, lo, None if _missing(sub) else str(sub), _int(f),
                                  "" if _missing(loc) else str(loc), None if _missing(pid) else str(pid), kind, cc))
        areas = []
        for n in a.extra_ok:
            ar = ok.area(n)
            if ar is None:
                unresolved.add(n)
            else:
                areas.append(ar)
        s = I.score_incidents(a.incidents, rows, areas)
        per_lang.setdefault(a.lang or "?", []).append(s)
        for inc in s["missed_list"]:
            errors.append({"set": "articles", "doc": a.doc_id, "kind": "miss",
                           "gold": {"place": inc.place, "dates": [str(x) for x in inc.dates], "point": [inc.lat, inc.lon],
                                    "tol_km": inc.tol_km},
                           "predicted": [{"location": r.location, "date": str(r.event_date), "point": _pt(r.lat, r.lon)}
                                         for r in rows]})
        for r in s["fp_list"]:
            errors.append({"set": "articles", "doc": a.doc_id, "kind": "false_positive", "gold": None,
                           "predicted": {"location": r.location, "date": str(r.event_date), "point": _pt(r.lat, r.lon),
                                         "sub_event": r.sub_event}})
        for inc, r in zip(s["found_list"], s["found_rows"]):
            if (inc.sub_event and inc.sub_event != r.sub_event) or (inc.fatalities is not None and inc.fatalities != r.fatalities):
                errors.append({"set": "articles", "doc": a.doc_id, "kind": "attribute",
                               "gold": {"place": inc.place, "sub_event": inc.sub_event, "fatalities": inc.fatalities},
                               "predicted": {"location": r.location, "sub_event": r.sub_event, "fatalities": r.fatalities}})
        if verbose:
            lines.append(f"    {a.doc_id:45s} found {s['found']}/{s['gold']}  FP {s['fp_rows']}  "
                         f"excused {s['excused']}  rows {s['rows']}")
    out = [f"articles: {len(arts)} articles ({len(ok.cache)} extra_ok names resolved once"
           + (f"; unresolved extra_ok: {', '.join(sorted(unresolved))}" if unresolved else "") + ")"
           + extract_incidents.note()]
    groups = sorted(per_lang.items()) + [("all", [d for v in per_lang.values() for d in v])]
    for lang, docs in groups:
        s = I.summarize_incidents(docs)
        out.append(f"  {lang:4s} gold {s['gold']:3d} found {s['found']:3d}  rows ok {s['tp_rows']:3d} FP {s['fp_rows']:3d} "
                   f"excused {s['excused']:3d}  P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  "
                   f"sub-event {s['sub_agree']}/{s['sub_n']}  fatalities {s['fat_agree']}/{s['fat_n']}")
    out.append("  (target F1 0.85 per language)")
    return out + lines


# --------------------------------------------------------------------------- CLI
def _write_jsonl(path: Path, records: list[dict]) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> None:
    from gazetteer.cliutil import OneLineArgumentParser

    ap = OneLineArgumentParser(prog="python -m benchmarks accuracy", description=__doc__.split("\n\n")[0],
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder or its realdata/ (default: ../shared beside the repo)")
    ap.add_argument("--only", default=",".join(SETS), help=f"comma-separated sets among {', '.join(SETS)}")
    ap.add_argument("--limit", type=int, default=None, help="first N items of each set (development)")
    ap.add_argument("--errors", type=Path, default=None, help="write misses and false positives here (JSON Lines)")
    ap.add_argument("--verbose", action="store_true", help="per-article counts on the articles set")
    args = ap.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    bad = [s for s in only if s not in SETS]
    if bad:
        ap.error(f"unknown set {bad[0]!r}; choose from {', '.join(SETS)}")
    if args.limit is not None and args.limit < 1:
        ap.error(f"--limit {args.limit} must be at least 1")
    real = args.data / "realdata" if (args.data / "realdata").is_dir() else args.data
    if not (real / "articles").is_dir():
        ap.error(f"--data {args.data}: no realdata/ folder there")
    if args.errors is not None and not args.errors.parent.is_dir():
        ap.error(f"--errors {args.errors}: folder does not exist")
    if args.errors is not None and args.errors.resolve().is_relative_to(ROOT):
        ap.error(f"--errors {args.errors}: inside the repository; it quotes third-party text, write it to /tmp")
    errors: list[dict] = []
    jobs = {"lgl": lambda: run_gritta("lgl", real / "geoparsing" / "lgl.xml", args.limit, errors),
            "trnews": lambda: run_gritta("trnews", real / "geoparsing" / "TR-News.xml", args.limit, errors),
            "anercorp": lambda: run_anercorp(real / "anercorp_dev.txt", args.limit, errors),
            "ucdp": lambda: run_ucdp(real / "ucdp_ged_iraq_2003-2015.csv", real, args.limit, errors),
            "articles": lambda: run_articles(real / "articles", args.limit, errors, args.verbose)}
    total = time.perf_counter()
    for name in only:
        t0 = time.perf_counter()
        lines = jobs[name]()
        lines[0] += f"  [{time.perf_counter() - t0:.1f} s]"
        print("\n".join(lines), flush=True)
    print(f"accuracy: {time.perf_counter() - total:.1f} s in all")
    if args.errors is not None:
        _write_jsonl(args.errors, errors)
        print(f"wrote {len(errors)} error records to {args.errors}")


if __name__ == "__main__":
    main()
