"""Extraction throughput on a generated bilingual corpus (one command).

    python benchmarks/bench_extract.py [--articles 1200] [--repeat 3]

Articles are templated from our own sentences with varied places, dates and numbers.
Prints the median MB/s (UTF-8 bytes) end to end (``extract_incidents``) and for the
toponym scan alone (``Scanner.scan``). Targets: >= 1 MB/s end to end, >= 20 MB/s scan.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from geoutils.extract import extract_incidents
    from geoutils.extract.toponyms import scanner_for

    gz = Gazetteer.default(progress=False)
    t0 = time.perf_counter()
    scanner = scanner_for(gz)
    build = time.perf_counter() - t0
    docs = corpus(args.articles)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    extract_incidents(docs[0], published="2020-02-14", gazetteer=gz)  # warm caches

    scan, e2e, rows = [], [], 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        for d in docs:
            scanner.scan(d)
        scan.append(mb / (time.perf_counter() - t))
        t = time.perf_counter()
        rows = 0
        for d in docs:
            rows += len(extract_incidents(d, published="2020-02-14", gazetteer=gz))
        e2e.append(mb / (time.perf_counter() - t))
    print(f"corpus: {len(docs)} articles (ar+en), {mb:.2f} MB, {rows} incidents; scanner: {len(scanner)} keys, built in {build:.1f} s")
    print(f"toponym scan : median {statistics.median(scan):6.2f} MB/s  (target >= 20)")
    print(f"end to end   : median {statistics.median(e2e):6.2f} MB/s  (target >= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
