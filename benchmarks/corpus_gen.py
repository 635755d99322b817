"""A generated bilingual wire-copy corpus with known truth, for ``bench_corpus`` (our own templates).

Each incident (a day, a curated town or base, an event type, a toll) is reported by 1-5 articles in
Arabic or English, by different fictional outlets, published 0-2 days later, with the date written as
a weekday, "yesterday"/أمس or a day and month, and tolls that differ between outlets (or are not given).
One (day, place, event type) holds at most one incident, ACLED's coding unit.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
AR_MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
             "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
             "كانون الأول/ديسمبر"]
EN_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
EN_OUTLETS = ["Rafidain Wire", "Levant Desk", "Zagros Monitor", "Euphrates News", "Nineveh Post", "Gulf Courier",
              "Tigris Times", "Desert Dispatch"]
AR_OUTLETS = ["وكالة دجلة نيوز", "شبكة الفرات", "وكالة الرافدين", "صحيفة المربد", "قناة الجسر", "موقع بلادي",
              "وكالة النخيل", "صحيفة الضفاف"]

TYPES = {  # key: (ACLED event type, sub-event type)
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "clash": ("Battles", "Armed clash"),
    "protest": ("Protests", "Peaceful protest"),
}
EN = {
    "shelling": ["{n} rockets struck {p} {w}, security sources said.", "A barrage of Katyusha rockets hit {p} {w}.",
                 "Mortar rounds fell on {p} {w}, local officials said."],
    "drone": ["A drone strike hit a vehicle in {p} {w}.", "An armed drone targeted a convoy near {p} {w}, "
              "a security official said.", "A drone strike struck a house in {p} {w}."],
    "ied": ["A roadside bomb exploded near an army patrol in {p} {w}.",
            "An improvised explosive device struck a convoy in {p} {w}, police said.",
            "A roadside bomb went off in {p} {w} as a military vehicle passed."],
    "clash": ["Security forces clashed with Islamic State militants in {p} {w}.",
              "Fighting broke out between government troops and gunmen in {p} {w}.",
              "Army units clashed with insurgents in {p} {w}, the military said."],
    "protest": ["Hundreds of people protested in {p} {w} over unpaid salaries.",
                "Demonstrators gathered in {p} {w} to demand jobs and services.",
                "Residents of {p} staged a protest {w} against power cuts."],
}
AR = {
    "shelling": ["سقطت {n} صواريخ على {p} {w} بحسب مصادر أمنية.", "استهدف قصف صاروخي {p} {w}.",
                 "سقطت قذائف هاون على {p} {w} وفق مسؤولين محليين."],
    "drone": ["استهدفت طائرة مسيرة سيارة في {p} {w}.", "قصفت طائرة مسيرة رتلا قرب {p} {w}.",
              "استهدفت غارة بطائرة مسيرة منزلا في {p} {w}."],
    "ied": ["انفجرت عبوة ناسفة على دورية للجيش في {p} {w}.", "استهدف انفجار عبوة ناسفة رتلا في {p} {w}.",
            "انفجرت عبوة ناسفة في {p} {w} لدى مرور آلية عسكرية."],
    "clash": ["اندلعت اشتباكات بين القوات الأمنية وعناصر داعش في {p} {w}.",
              "اشتبكت قوات الجيش مع مسلحين في {p} {w}.", "دارت اشتباكات عنيفة مع عناصر التنظيم في {p} {w}."],
    "protest": ["تظاهر المئات في {p} {w} للمطالبة بفرص العمل.", "خرج محتجون في {p} {w} احتجاجا على انقطاع الكهرباء.",
                "نظم أهالي {p} وقفة احتجاجية {w} للمطالبة بصرف الرواتب."],
}
EN_HEAD = {"shelling": "Rocket attack on {p}", "drone": "Drone strike in {p}", "ied": "Roadside bomb in {p}",
           "clash": "Clashes in {p}", "protest": "Protest in {p}"}
AR_HEAD = {"shelling": "قصف صاروخي على {p}", "drone": "غارة لطائرة مسيرة في {p}", "ied": "انفجار عبوة في {p}",
           "clash": "اشتباكات في {p}", "protest": "احتجاجات في {p}"}
EN_FILL = ["Local authorities said the situation was under control and traffic resumed by the evening.",
           "Residents described a tense night, and shops stayed closed the following morning.",
           "The provincial council called for an urgent meeting to review security plans for the area.",
           "Aid groups said families in the district already struggle with shortages of water and fuel."]
AR_FILL = ["وقالت السلطات المحلية إن الوضع تحت السيطرة وعادت حركة السير إلى طبيعتها مساء.",
           "ووصف السكان ليلة متوترة وبقيت المحال مغلقة في صباح اليوم التالي.",
           "ودعا مجلس المحافظة إلى اجتماع عاجل لمراجعة الخطط الأمنية في المنطقة.",
           "وقالت منظمات إغاثية إن العائلات في القضاء تعاني أصلا من نقص المياه والوقود."]
EN_TAIL = ["No group claimed responsibility.", "An investigation has been opened.", "The area was sealed off.",
           "Officials gave no further details."]
AR_TAIL = ["ولم تتبن أي جهة المسؤولية.", "وفتحت السلطات تحقيقا في الحادث.", "وفرضت القوات الأمنية طوقا على المكان.",
           "ولم يدل المسؤولون بمزيد من التفاصيل."]


@dataclass(frozen=True)
class Place:
    id: str
    en: str
    ar: str


def places() -> list[Place]:
    """Curated towns and bases that have both an English and an Arabic name."""
    out = []
    for name in ("curated_admin.csv", "curated_sites.csv"):
        with open(ROOT / "gazetteer" / "data" / name, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["kind"] in ("town", "base") and r["name_ar"]:
                    out.append(Place("cur:" + r["id"], r["name"], r["name_ar"]))
    return out


def _toll_en(k: int | None, kind: str, rnd: random.Random) -> str:
    if k is None or kind == "protest":
        return ""
    if k == 0:
        return "No casualties were reported."
    who = "militants" if kind == "clash" else "people"
    num = EN_WORDS[k] if k <= 10 and rnd.random() < 0.5 else str(k)
    return rnd.choice([f"{num.capitalize()} {who} were killed.", f"The attack killed {num} {who}."])


def _toll_ar(k: int | None, kind: str, rnd: random.Random) -> str:
    if k is None or kind == "protest":
        return ""
    if k == 0:
        return "ولم تسجل إصابات."
    return rnd.choice([f"وأسفر الهجوم عن مقتل {k} أشخاص.", f"ما أدى إلى مقتل {k} أشخاص."])


def _when(lang: str, day: dt.date, lag: int, rnd: random.Random) -> str:
    wd = day.weekday()
    if lang == "en":
        opts = {0: [f"on {EN_DAYS[wd]}"], 1: ["yesterday", f"on {EN_DAYS[wd]}"],
                2: [f"on {EN_DAYS[wd]}", f"on {EN_MONTHS[day.month - 1]} {day.day}"]}[lag]
    else:
        opts = {0: [f"اليوم {AR_DAYS[wd]}"], 1: [f"أمس {AR_DAYS[wd]}", f"يوم {AR_DAYS[wd]}"],
                2: [f"يوم {AR_DAYS[wd]}", f"في {day.day} {AR_MONTHS[day.month - 1]}"]}[lag]
    return rnd.choice(opts)


def generate(n_articles: int, path: Path, seed: int = 12) -> dict:
    """Write ``n_articles`` articles as JSON Lines to ``path``; return the truth per incident.

    Returns ``{"incidents": {incident: (place_id, date, event_type)}, "bytes": total UTF-8 bytes}``.
    Article ids are ``i<incident>-<k>``, so every extracted row names its true incident.
    """
    rnd = random.Random(seed)
    pls = places()
    kinds = list(TYPES)
    n_inc_est = max(1, n_articles // 3)
    span_days = max(30, n_inc_est // 20)
    start = dt.date(2019, 1, 1)
    used: set = set()
    truth: dict[str, tuple] = {}
    written = total = 0
    inc = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < n_articles:
            inc += 1
            while True:
                day = start + dt.timedelta(days=rnd.randrange(span_days))
                place = rnd.choice(pls)
                kind = rnd.choice(kinds)
                if (day, place.id, TYPES[kind][0]) not in used:
                    used.add((day, place.id, TYPES[kind][0]))
                    break
            iid = f"i{inc:06d}"
            truth[iid] = (place.id, day, TYPES[kind][0])
            toll = rnd.choice([0, 0, 1, 2, 3, 4, 5, 7, 9])
            k = min(rnd.randint(1, 5), n_articles - written)
            en_out, ar_out = rnd.sample(EN_OUTLETS, 5), rnd.sample(AR_OUTLETS, 5)
            for r in range(k):
                lang = rnd.choice(("en", "ar"))
                lag = rnd.choice((0, 1, 1, 2))
                pub = day + dt.timedelta(days=lag)
                told = None if rnd.random() < 0.2 else toll + (rnd.choice((0, 0, 1, 2)) if toll else 0)
                if lang == "en":
                    p = place.en
                    body = rnd.choice(EN[kind]).format(n=rnd.choice(["Three", "Four", "Several", "Two"]), p=p,
                                                       w=_when("en", day, lag, rnd))
                    dateline = f"BAGHDAD, {EN_MONTHS[pub.month - 1][:3]} {pub.day} - " if rnd.random() < 0.2 else ""
                    text = "\n\n".join([EN_HEAD[kind].format(p=p), " ".join(
                        s for s in (dateline + body, _toll_en(told, kind, rnd), rnd.choice(EN_TAIL)) if s),
                        rnd.choice(EN_FILL)])
                    source = en_out[r]
                else:
                    p = place.ar
                    body = rnd.choice(AR[kind]).format(n=rnd.choice(["ثلاثة", "أربعة", "عدة", "5"]), p=p,
                                                       w=_when("ar", day, lag, rnd))
                    text = "\n\n".join([AR_HEAD[kind].format(p=p), " ".join(
                        s for s in (body, _toll_ar(told, kind, rnd), rnd.choice(AR_TAIL)) if s),
                        rnd.choice(AR_FILL)])
                    source = ar_out[r]
                rec = {"id": f"{iid}-{r + 1}", "text": text, "published": pub.isoformat(), "language": lang,
                       "source": source}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                total += len(text.encode("utf-8"))
                written += 1
    return {"incidents": truth, "bytes": total}
