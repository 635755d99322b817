"""Corpus scale: extract_corpus engines and dedupe_incidents on a generated bilingual corpus (one command).

    python -m benchmarks.bench_corpus [--articles 100000] [--skip-peer]

The corpus (``benchmarks/corpus_gen.py``, our own templates) has N articles; each incident is reported by
1-5 articles in Arabic or English, so the generator knows which rows are the same event. One run measures,
on the same JSON Lines file:

* the peer: a plain loop of ``extract_incidents`` over the articles (what a user writes today);
* ``extract_corpus`` machinery (``iter_corpus``) with ``workers=1``, ``workers=2`` (processes), and
  ``engine="dask"`` on a LocalCluster of 2 single-threaded worker processes (started before timing; its
  start-up time is printed apart). Rows stream to a GeoParquet file (``workers=2``) or are counted;
  a digest of the rows checks that every engine gives the workers=1 table;
* peak RSS of the driver plus all its child processes (psutil, sampled every 0.5 s; the sampler's own CPU is not counted as the driver's), per mode, and the
  peak of their summed PSS (proportional set size: a page shared by k processes counts 1/k in each, so
  the sum is the physical memory they hold; the RSS sum counts a shared page once per process, which
  over-states forked workers that share the gazetteer copy-on-write);
* dedup time and quality against the generator's truth.

Targets: workers=2 >= 1.7x workers=1; dask within 25% of processes; RSS < 1.5 GB and flat in N;
dedup >= 95% of true incidents in exactly one row, <= 2% of rows wrongly merged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its reaped descendants."""
    import resource

    me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, ch.ru_utime + ch.ru_stime


class PeakRSS:
    """Peak resident memory of this process plus all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.5) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak_total = 0
        self.peak_child = 0
        self.peak_pss = 0
        self.sampler_cpu = 0.0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        total, pss = 0, 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                m = p.memory_full_info()
            except psutil.Error:
                continue
            total += m.rss
            pss += getattr(m, "pss", m.rss)
            if p is not self.proc:
                self.peak_child = max(self.peak_child, m.rss)
        self.peak_total = max(self.peak_total, total)
        self.peak_pss = max(self.peak_pss, pss)

    def _run(self) -> None:
        t0 = time.thread_time()
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)
        self.sampler_cpu = time.thread_time() - t0  # reading /proc/*/smaps is not the driver's work

    def __enter__(self) -> "PeakRSS":
        self.cpu0 = _cpu()
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()
        self._sample()
        c = _cpu()
        self.cpu_driver = c[0] - self.cpu0[0] - self.sampler_cpu
        self.cpu_children = c[1] - self.cpu0[1]


def _digest(h, frame) -> None:
    cols = ["event_id", "event_date", "event_type", "sub_event_type", "place_id", "fatalities", "latitude",
            "longitude", "source", "notes"]
    for c in cols:
        h.update(repr(frame[c].tolist()).encode())


def _articles(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def run_peer(path: Path) -> dict:
    from gazetteer import Gazetteer

    from geoutils import extract_incidents

    gz = Gazetteer.default(progress=False)
    t0 = time.perf_counter()
    n = rows = 0
    for rec in _articles(path):
        g = extract_incidents(rec["text"], published=rec["published"], lang=rec["language"], source=rec["source"],
                              gazetteer=gz)
        n += 1
        rows += len(g)
    return {"seconds": time.perf_counter() - t0, "articles": n, "rows": rows}


def run_engine(path: Path, engine: str, workers: int, out: Path | None = None) -> dict:
    from geoutils.corpus import iter_corpus
    from geoutils.corpus.writer import StreamingParquet

    h = hashlib.sha1()
    n = rows = skipped = 0
    writer = StreamingParquet(out) if out is not None else None
    t0 = time.perf_counter()
    for res in iter_corpus(path, workers=workers, engine=engine):
        n += res.n_articles
        skipped += len(res.skipped)
        if res.frame is not None and len(res.frame):
            rows += len(res.frame)
            _digest(h, res.frame)
            if writer is not None:
                writer.write(res.frame)
    if writer is not None:
        writer.close()
    return {"seconds": time.perf_counter() - t0, "articles": n, "rows": rows, "skipped": skipped,
            "digest": h.hexdigest()}


def quality(out, truth: dict) -> dict:
    """Rows vs true incidents; incidents in exactly one row; rows that mix incidents."""
    from collections import defaultdict

    rows_of = defaultdict(set)
    wrong = 0
    for n, ids in enumerate(out["merged_ids"].astype(str)):
        incs = {i.split("-", 1)[0] for i in ids.split(";")}
        wrong += len(incs) > 1
        for inc in incs:
            rows_of[inc].add(n)
    exactly = sum(1 for i in truth if len(rows_of.get(i, ())) == 1)
    seen = [i for i in truth if i in rows_of]
    return {"rows": len(out), "incidents": len(truth), "incidents_with_rows": len(seen),
            "exactly_one": exactly / len(truth), "exactly_one_of_seen": exactly / max(1, len(seen)),
            "wrong_rows": wrong / max(1, len(out))}


def dedup_stage(parquet: Path, truth: dict) -> dict:
    import pandas as pd

    from geoutils.corpus import dedupe_incidents
    from geoutils.io import read_incidents

    rows = read_incidents(parquet)
    rows = rows.drop(columns=["notes"])
    t0 = time.perf_counter()
    out = dedupe_incidents(rows)
    secs = time.perf_counter() - t0
    res = {"seconds": secs, "input_rows": len(rows), "all": quality(out, truth)}
    # dedup alone: only rows whose extraction matches the truth (place, day, type), so extraction
    # errors do not count against the merge rules
    inc = rows["event_id"].str.split("-", n=1).str[0]
    pids = rows.place_id.astype("string").to_numpy(dtype=object, na_value=None)
    types = rows.event_type.astype("string").to_numpy(dtype=object, na_value=None)
    ok = pd.Series([truth[i][0] == p and truth[i][1] == d and truth[i][2] == t
                    for i, p, d, t in zip(inc, pids, rows.event_date, types)], index=rows.index)
    good = rows[ok.to_numpy()]
    sub = {i: truth[i] for i in set(inc[ok])}
    res["rows_matching_truth"] = float(ok.mean())
    res["clean"] = quality(dedupe_incidents(good), sub)
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--skip-peer", action="store_true", help="do not time the plain loop")
    ap.add_argument("--modes", default="peer,w1,w2,dask",
                    help="comma-separated subset of peer,w1,w2,dask (w2 is always run: dedup reads its output)")
    ap.add_argument("--workdir", default=None, help="where the corpus and output go (default: a temp dir)")
    args = ap.parse_args(argv)
    from benchmarks.corpus_gen import generate
    from gazetteer import Gazetteer

    from geoutils.corpus.worker import init_worker

    Gazetteer.default(progress=True)  # build once before timing
    t0 = time.perf_counter()
    init_worker(None)  # open the gazetteer and load the name scanner, as every engine does once per process
    warm = time.perf_counter() - t0
    tmp = Path(args.workdir or tempfile.mkdtemp(prefix="bench_corpus_"))
    tmp.mkdir(parents=True, exist_ok=True)
    feed = tmp / "corpus.jsonl"
    t0 = time.perf_counter()
    gen = generate(args.articles, feed)
    truth, mb = gen["incidents"], gen["bytes"] / 1e6
    print(f"corpus: {args.articles} articles, {len(truth)} true incidents, {mb:.1f} MB UTF-8 "
          f"(generated in {time.perf_counter() - t0:.1f} s); cores: {os.cpu_count()}; "
          f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
    print(f"start-up, once per process and not in the rates: gazetteer + name scanner {warm:.1f} s here "
          f"(forked workers, processes and Dask alike, inherit it)", flush=True)
    results: dict = {}

    def report(name: str, r: dict, rss: PeakRSS) -> None:
        r["rss_total_mb"] = rss.peak_total / 2**20
        r["rss_child_mb"] = rss.peak_child / 2**20
        r["pss_total_mb"] = rss.peak_pss / 2**20
        r["cpu_driver"], r["cpu_children"] = rss.cpu_driver, rss.cpu_children
        results[name] = r
        print(f"{name:<26} {r['articles'] / r['seconds']:8.1f} articles/s  {mb / r['seconds']:6.3f} MB/s  "
              f"{r['seconds']:7.1f} s  rows {r['rows']:>7}  peak RSS total {r['rss_total_mb']:6.0f} MB "
              f"(largest child {r['rss_child_mb']:4.0f} MB; PSS total {r['pss_total_mb']:5.0f} MB)  CPU s driver {r['cpu_driver']:.1f} + workers "
              f"{r['cpu_children']:.1f}  load {os.getloadavg()[0]:.2f}", flush=True)

    modes = set(args.modes.split(",")) - ({"peer"} if args.skip_peer else set())
    if "peer" in modes:
        with PeakRSS() as rss:
            r = run_peer(feed)
        report("peer: loop extract_inc.", r, rss)
    if "w1" in modes:
        with PeakRSS() as rss:
            r = run_engine(feed, "processes", 1)
        report("workers=1", r, rss)
    out = tmp / "rows.parquet"
    with PeakRSS() as rss:
        r = run_engine(feed, "processes", 2, out)
    report("workers=2 (processes)", r, rss)
    if "dask" in modes:
        from geoutils.corpus.engines import local_client

        t0 = time.perf_counter()
        with PeakRSS() as rss:
            client, close = local_client(2)  # what extract_corpus(engine="dask") starts when no client exists
            try:
                client.run(init_worker, None)  # no-op for forked workers; a spawned worker loads here
                startup = time.perf_counter() - t0
                r = run_engine(feed, "dask", 2)
            finally:
                close()
        report("dask, 2 local workers", r, rss)
        print(f"  (dask LocalCluster start-up {startup:.1f} s, workers' gazetteer included, not in the rate)")
    if {"w1", "dask"} <= modes:
        _compare(results)
    peak = max(r["rss_total_mb"] for r in results.values())
    ppss = max(r["pss_total_mb"] for r in results.values())
    print(f"peak memory (driver + children) over all modes: RSS sum {peak:.0f} MB, PSS sum {ppss:.0f} MB "
          f"(target < 1536 MB: RSS {'met' if peak < 1536 else 'NOT met'}, PSS {'met' if ppss < 1536 else 'NOT met'})")
    _dedup_report(out, truth, results, tmp)


def _compare(results: dict) -> None:
    w1, w2, dk = results["workers=1"], results["workers=2 (processes)"], results["dask, 2 local workers"]
    same = w1["digest"] == w2["digest"] == dk["digest"]
    print(f"same rows in every engine: {'yes' if same else 'NO'}")
    s2 = w1["seconds"] / w2["seconds"]
    sd = w2["seconds"] / dk["seconds"]
    print(f"speed-up workers=2 / workers=1: {s2:.2f}x (target >= 1.7x: {'met' if s2 >= 1.7 else 'NOT met'})")
    print(f"dask / processes: {sd:.2f} (target within 25%: {'met' if sd >= 0.75 else 'NOT met'})")
    if "peer: loop extract_inc." in results:
        p = results["peer: loop extract_inc."]
        print(f"workers=1 / peer loop: {p['seconds'] / w1['seconds']:.2f}x; workers=2 / peer loop: "
              f"{p['seconds'] / w2['seconds']:.2f}x")
    # contention-robust view: on a shared machine the wall-clock ratios measure the other tenants too.
    # If the 2 cores were ours, workers=2 would take at least max(driver CPU, workers' CPU / 2,
    # all its CPU / 2) seconds (the driver shares the two cores with the workers).
    cpu1 = w1["cpu_driver"] + w1["cpu_children"]
    est2 = cpu1 / max(w2["cpu_driver"], w2["cpu_children"] / 2, (w2["cpu_driver"] + w2["cpu_children"]) / 2)
    print(f"CPU per article: workers=1 {cpu1 / w1['articles'] * 1e3:.2f} ms; workers=2 "
          f"{(w2['cpu_driver'] + w2['cpu_children']) / w2['articles'] * 1e3:.2f} ms "
          f"(driver {w2['cpu_driver'] / w2['articles'] * 1e3:.2f} ms); dask "
          f"{(dk['cpu_driver'] + dk['cpu_children']) / dk['articles'] * 1e3:.2f} ms")
    print(f"ESTIMATE from CPU time (not wall clock): workers=2 on 2 free cores ~{est2:.2f}x workers=1")
    per_core = w1["articles"] / w1["seconds"]
    eff = s2 / 2
    # the driver reads, ships and collects every article: its CPU per article caps any number of workers
    cap = w2["articles"] / w2["cpu_driver"] if w2["cpu_driver"] > 0 else float("inf")
    capd = dk["articles"] / dk["cpu_driver"] if dk["cpu_driver"] > 0 else float("inf")
    p32 = min(per_core * 32 * eff, cap)
    p320 = min(per_core * 320 * eff * sd, capd)
    print("PROJECTION (not measured; assumes articles like these, CPU-bound work, the measured 2-core "
          f"parallel efficiency {eff:.2f} and dask/processes ratio {sd:.2f}, capped by the driver's measured "
          f"CPU per article: {cap:,.0f} articles/s for processes, {capd:,.0f} for dask):")
    print(f"  32-core machine, processes: ~{p32:,.0f} articles/s (10M articles in ~{1e7 / p32 / 3600:.1f} h)"
          f"{'  [driver-bound]' if p32 == cap else ''}")
    print(f"  10-node cluster of 32 cores, dask: ~{p320:,.0f} articles/s (10M articles in ~{1e7 / p320 / 60:.0f} min)"
          f"{'  [driver-bound]' if p320 == capd else ''}")


def _dedup_report(out: Path, truth: dict, results: dict, tmp: Path) -> None:
    with PeakRSS() as rss:
        d = dedup_stage(out, truth)
    a, c = d["all"], d["clean"]
    print(f"dedup: {d['input_rows']} rows -> {a['rows']} rows in {d['seconds']:.2f} s "
          f"({d['input_rows'] / d['seconds']:,.0f} rows/s), peak RSS {rss.peak_total / 2**20:.0f} MB")
    print(f"  true incidents {a['incidents']}, with at least one extracted row {a['incidents_with_rows']}")
    print(f"  end to end (extraction errors included): exactly one row {a['exactly_one']:.1%} of true incidents "
          f"({a['exactly_one_of_seen']:.1%} of those extracted), wrongly merged rows {a['wrong_rows']:.2%}")
    print(f"  dedup alone (the {d['rows_matching_truth']:.1%} of rows whose place, day and type match the truth): "
          f"exactly one row {c['exactly_one']:.1%}, wrongly merged rows {c['wrong_rows']:.2%} "
          f"(targets >= 95%, <= 2%)")
    json.dump({k: {kk: vv for kk, vv in v.items()} for k, v in results.items()} | {"dedup": d},
              open(tmp / "results.json", "w"), default=str, indent=1)
    print(f"details: {tmp / 'results.json'}")


if __name__ == "__main__":
    main()
