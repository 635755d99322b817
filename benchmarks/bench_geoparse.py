"""geoparse speed on real news text, beside flashtext in the same run (one command).

    python -m benchmarks geoparse [--mb 2.0] [--repeat 3] [--data DIR]

The corpus is real news read in place from ``../shared/realdata`` (LGL and TR-News English
articles, ANERcorp Arabic sentences rebuilt with single spaces), cycled to ``--mb`` MB of
UTF-8. Prints medians over ``--repeat`` passes, one core, in CPU time of this process
(``time.process_time``: the machine is shared, and time spent waiting for a core is not the
code's; ``--wall`` times with the wall clock instead):

* the scan alone: ``Scanner.scan`` (the geoparse scanner: gazetteer keys plus the geoparse
  vocabulary, folding included) against ``flashtext.KeywordProcessor`` holding the same keys,
  run over the same articles. flashtext matches raw lower-cased words: it does no Arabic
  folding and no proclitics, so it finds less; the ratio is of throughput only;
* ``geoparse`` end to end (``parse_mentions``: recognition and context resolution), and
  the GeoDataFrame API on a sample;
* linearity: parse_mentions on one article made of 1x and 8x the same text; the time ratio
  should stay near 8 (the context step is bounded per mention).

Targets (issue 9): scan >= 3x flashtext; geoparse >= 3 MB/s end to end.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def corpus(data: Path, mb: float) -> list[str]:
    from benchmarks.accuracy_data import read_conll, read_gritta

    arts: list[str] = []
    for name in ("lgl.xml", "TR-News.xml"):
        f = data / "realdata" / "geoparsing" / name
        if f.exists():
            docs, _ = read_gritta(f)
            arts += [d.text for d in docs]
    f = data / "realdata" / "anercorp_dev.txt"
    if f.exists():
        sents = read_conll(f)
        texts = [" ".join(toks) for toks, _ in sents]
        arts += ["\n".join(texts[i:i + 20]) for i in range(0, len(texts), 20)]
    if not arts:
        sys.exit(f"no real text under {data}/realdata (pass --data)")
    out, size, i = [], 0, 0
    while size < mb * 1e6:
        a = arts[i % len(arts)]
        out.append(a)
        size += len(a.encode("utf-8"))
        i += 1
    return out


_CLOCK = [time.process_time]


def _time(fn, arts, repeat):
    clock = _CLOCK[0]
    ts = []
    for _ in range(repeat):
        t = clock()
        for a in arts:
            fn(a)
        ts.append(clock() - t)
    return statistics.median(ts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--wall", action="store_true", help="time with the wall clock, not this process's CPU time")
    args = ap.parse_args()
    _CLOCK[0] = time.perf_counter if args.wall else time.process_time

    from flashtext import KeywordProcessor

    from gazetteer import Gazetteer
    from geoutils.geoparse import geoparse, parse_mentions
    from geoutils.geoparse.recognise import scanner

    arts = corpus(args.data, args.mb)
    mb = sum(len(a.encode("utf-8")) for a in arts) / 1e6
    gz = Gazetteer.default()
    t = time.perf_counter()
    sc = scanner(gz)
    t_build = time.perf_counter() - t
    kp = KeywordProcessor()
    t = time.perf_counter()
    for k in sc.keys:
        kp.add_keyword(k)
    t_kp = time.perf_counter() - t
    print(f"corpus: {len(arts)} real articles, {mb:.2f} MB; {len(sc.keys):,} keys "
          f"(scanner built in {t_build:.1f} s, flashtext in {t_kp:.1f} s); "
          f"{'wall-clock' if args.wall else 'CPU-time'} medians of {args.repeat}")
    for a in arts[:50]:  # warm the fold cache and the gazetteer's answer caches
        sc.scan(a)
        parse_mentions(a, gazetteer=gz)
    ours = _time(sc.scan, arts, args.repeat)
    peer = _time(kp.extract_keywords, arts, args.repeat)
    n_ours = sum(len(sc.scan(a)) for a in arts[:200])
    n_peer = sum(len(kp.extract_keywords(a)) for a in arts[:200])
    print(f"scan      geoparse scanner {mb / ours:8.1f} MB/s   flashtext {mb / peer:8.1f} MB/s   "
          f"ratio {peer / ours:.2f}x (target >= 3x)   hits on 200 articles: {n_ours} vs {n_peer}")
    e2e = _time(lambda a: parse_mentions(a, gazetteer=gz), arts, args.repeat)
    print(f"geoparse  parse_mentions   {mb / e2e:8.2f} MB/s end to end, {1000 * e2e / len(arts):.2f} ms/article "
          f"(target >= 3 MB/s)")
    sample = arts[:200]
    smb = sum(len(a.encode("utf-8")) for a in sample) / 1e6
    g = _time(lambda a: geoparse(a, gazetteer=gz), sample, 1)
    print(f"geoparse  GeoDataFrame API {smb / g:8.2f} MB/s on {len(sample)} articles (pandas per call)")
    base = " ".join(arts[:20])
    t1 = _time(lambda a: parse_mentions(a, gazetteer=gz), [base], 3)
    t8 = _time(lambda a: parse_mentions(a, gazetteer=gz), [" ".join([base] * 8)], 3)
    print(f"linearity one article x1 {t1 * 1000:.0f} ms, x8 {t8 * 1000:.0f} ms: ratio {t8 / t1:.1f} (8 is linear)")


if __name__ == "__main__":
    main()
