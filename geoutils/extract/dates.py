"""Dates and times in Arabic and English news, resolved against the publication date.

Handles dual month names (يناير/كانون الثاني), Arabic ordinal day words (الثالث من),
weekdays (الخميس, "on Thursday" = the last such day on or before publication),
"yesterday"/أمس, "last month"/الشهر الماضي, "last week", ISO dates, and times ("20:45",
"8:45 pm", فجر/dawn). Digits (Arabic-Indic too) come folded from the shared tokenizer.

Example
-------
>>> from datetime import date
>>> from gazetteer.normalize import tokenize
>>> [(h.date, h.precision) for h in find_dates(tokenize("في 27 ديسمبر/كانون الأول 2019"), date(2020, 2, 14))]
[(datetime.date(2019, 12, 27), 1)]
>>> find_dates(tokenize("الخميس"), date(2020, 2, 14))[0].date
datetime.date(2020, 2, 13)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from gazetteer.normalize import Token, fold_token

from geoutils import lexicons
from geoutils.extract.tokens import readings

__all__ = ["DateHit", "find_dates", "find_times", "parse_published", "infer_year", "may_start"]


def parse_published(value: str | date | None) -> date:
    """The publication date as a :class:`datetime.date`; ValueError naming a bad value.

    Example
    -------
    >>> parse_published("2020-02-14")
    datetime.date(2020, 2, 14)
    """
    from geoutils.dates_io import parse_published_date  # strict: junk, ISO weeks, NaT, year 1 refused

    return parse_published_date(value)


def _w(name: str) -> frozenset[str]:
    return lexicons.words(name, "dates")


# month -> surface forms (each may be several words), from the lexicons ([dates] months)
_MONTHS: dict[tuple[str, ...], int] = {}
_HIJRI: dict[tuple[str, ...], int] = {}
for _lang_months in lexicons.lists("months"):
    for _m, _forms in enumerate(_lang_months, 1):
        for _w0 in _forms:
            _MONTHS[lexicons.fold_phrase(_w0)] = _m
for _lang_months in lexicons.lists("hijri_months"):
    for _m, _forms in enumerate(_lang_months, 1):
        for _w0 in _forms:
            _HIJRI[lexicons.fold_phrase(_w0)] = _m
#: month names that are also common words: only taken next to a day number or a year
_AMBIGUOUS_MONTHS = _w("ambiguous_months")
_MONTH_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _k, _m in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
    _MONTH_FIRST.setdefault(_k[0], []).append((_k, _m))
_HIJRI_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _k, _m in sorted(_HIJRI.items(), key=lambda kv: -len(kv[0])):
    _HIJRI_FIRST.setdefault(_k[0], []).append((_k, _m))
_HIJRI_MARK = _w("hijri_markers")

_ORD = dict(lexicons.table("ordinals"))
_ORD_TENS = dict(lexicons.table("ordinal_tens"))
_WEEKDAYS = dict(lexicons.table("weekdays"))
_AMBIG_WEEKDAY = _w("ambiguous_weekdays")  # also "two" / "one": need ال or يوم
_FROM = _w("from")
_YEAR_WORDS = _w("year_words")
_LAST = _w("last")
_DAY_WORD = _w("day_word")
_YESTERDAY = _w("yesterday")
_TODAY = _w("today")
_MONTH_CTX = _w("month_context")
_ORDINAL_SUFFIX = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|z)$")  # "20th" folds to "20z" (th -> z)


@dataclass(frozen=True)
class DateHit:
    """A date found in a token span. ``precision``: 1 day, 2 week, 3 month (ACLED)."""

    start: int  # first token index
    end: int  # one past the last token index
    date: date
    precision: int
    relative: bool = False  # resolved from a weekday or "yesterday", not written out


def infer_year(month: int, day: int, published: date, year: int | None = None) -> int:
    """Year of a day-month written without a year: a date after publication is last year's.

    Example
    -------
    >>> infer_year(12, 27, date(2020, 2, 14)), infer_year(1, 3, date(2020, 2, 14))
    (2019, 2020)
    """
    if year is not None:
        return year
    y = published.year
    return y - 1 if (month, day) > (published.month, published.day) else y


def _variants(norm: str) -> tuple[str, ...]:
    return readings(norm)


def _month_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    if i >= len(tokens):
        return None
    for v in _variants(tokens[i].norm):
        for key, m in _MONTH_FIRST.get(v, ()):
            n = len(key)
            if tuple([v] + [t.norm for t in tokens[i + 1: i + n]]) == key:
                # a second name of the same month right after (يناير/كانون الثاني)
                j = i + n
                for v2 in _variants(tokens[j].norm) if j < len(tokens) else ():
                    for key2, m2 in _MONTH_FIRST.get(v2, ()):
                        if m2 == m and tuple([v2] + [t.norm for t in tokens[j + 1: j + len(key2)]]) == key2:
                            return m, n + len(key2)
                return m, n
    return None


def _year_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    if i < len(tokens) and tokens[i].norm in _YEAR_WORDS:
        got = _year_at(tokens, i + 1)
        return (got[0], got[1] + 1) if got else None
    if i < len(tokens):
        n = tokens[i].norm
        if len(n) == 4 and n.isdecimal() and 1900 <= int(n) <= 2100:
            return int(n), 1
    return None


def _day_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A day of month at ``i``: digits, "27th", or Arabic/English ordinal words."""
    n = tokens[i].norm
    if n.isdecimal() and len(n) <= 2 and 1 <= int(n) <= 31:
        return int(n), 1
    m = _ORDINAL_SUFFIX.match(n)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1)), 1
    for v in _variants(n):
        if v in _ORD:
            d = _ORD[v]
            if i + 1 < len(tokens):  # الحادي عشر, الثاني والعشرين
                for v2 in _variants(tokens[i + 1].norm):
                    if v2 in _ORD_TENS:
                        return d + _ORD_TENS[v2], 2
            return d, 1
        if v in _ORD_TENS and v != fold_token("عشر"):
            return _ORD_TENS[v], 1  # العشرين من
    return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(tokens: list[Token], published: date) -> list[DateHit]:
    """All dates in ``tokens``, resolved against ``published``.

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> pub = date(2020, 2, 14)
    >>> [h.date for h in find_dates(tokenize("وفي الثالث من يناير/كانون الثاني"), pub)]
    [datetime.date(2020, 1, 3)]
    >>> [(h.date, h.precision) for h in find_dates(tokenize("on January 8, and last month"), pub)]
    [(datetime.date(2020, 1, 8), 1), (datetime.date(2020, 1, 1), 3)]
    """
    out: list[DateHit] = []
    i, n = 0, len(tokens)
    while i < n:
        if not may_start(tokens[i].norm):  # cheap, cached pre-check of the first word
            i += 1
            continue
        hit = _date_at(tokens, i, published)
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit.end
    return out


@lru_cache(maxsize=65536)
def may_start(norm: str) -> bool:
    """False when no date can start with this (folded) word: a cheap superset test of
    :func:`_date_at`, for skipping lines that cannot open with a date.

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> [may_start(t.norm) for t in tokenize("3 March yesterday Mosul")]
    [True, True, True, False]
    """
    if not norm or norm[:1].isdecimal() or norm in _TODAY or norm in _REL_FIRST:
        return True
    return (norm, "") in _REL_PAIRS or any(
        v in _ORD or v in _ORD_TENS or v in _MONTH_FIRST or v in _WEEKDAYS or v in _YESTERDAY
        for v in _variants(norm))


def _date_at(tokens: list[Token], i: int, pub: date) -> DateHit | None:
    norm = tokens[i].norm
    vs = _variants(norm)
    # ISO 2020-01-03
    if len(norm) == 4 and norm.isdecimal() and i + 2 < len(tokens):
        a, b = tokens[i + 1].norm, tokens[i + 2].norm
        if a.isdecimal() and b.isdecimal() and tokens[i + 1].start - tokens[i].end == 1:
            d = _safe(int(norm), int(a), int(b))
            if d:
                return DateHit(i, i + 3, d, 1)
    # numeric 21/01/2021, 21-1-2021, 21.01.2021: day first (the Arabic and British order), month
    # first only when the first number cannot be a month's day-of-month reading (01/21/2021)
    if norm.isdecimal() and len(norm) <= 2 and i + 2 < len(tokens):
        a, b = tokens[i + 1].norm, tokens[i + 2].norm
        if a.isdecimal() and len(a) <= 2 and b.isdecimal() and len(b) == 4 and \
                tokens[i + 1].start - tokens[i].end == 1 and tokens[i + 2].start - tokens[i + 1].end == 1:
            d0, m0 = int(norm), int(a)
            if m0 > 12 and d0 <= 12:
                d0, m0 = m0, d0
            d = _safe(int(b), m0, d0) if 1900 <= int(b) <= 2100 else None
            if d and d <= pub:
                return DateHit(i, i + 3, d, 1)
    # day [من] month [month2] [year]
    day = _day_at(tokens, i)
    if day is not None:
        j = i + day[1]
        if j < len(tokens) and tokens[j].norm in _FROM and not tokens[i].norm.isdecimal():
            j += 1
        hij = _hijri_at(tokens, i, j, day[0], pub)
        if hij is not None:
            return hij
        mon = _month_at(tokens, j)
        if mon is not None:
            j += mon[1]
            yr = _year_at(tokens, j)
            if yr:
                j += yr[1]
            y = infer_year(mon[0], day[0], pub, yr[0] if yr else None)
            d = _safe(y, mon[0], day[0])
            if d:
                return DateHit(i, j, d, 1)
    # month day[, year] / month year / month alone in context
    mon = _month_at(tokens, i)
    if mon is not None:
        j = i + mon[1]
        day = _day_at(tokens, j) if j < len(tokens) and tokens[j].norm[:1].isdecimal() else None
        if day is not None:  # "March 3", "September 20th, 2015"
            dd = day[0]
            yr = _year_at(tokens, j + 1)
            d = _safe(infer_year(mon[0], dd, pub, yr[0] if yr else None), mon[0], dd)
            if d:
                return DateHit(i, j + 1 + (yr[1] if yr else 0), d, 1)
        yr = _year_at(tokens, j)
        ambiguous = tokens[i].norm in _AMBIGUOUS_MONTHS
        in_ctx = i > 0 and any(v in _MONTH_CTX for v in _variants(tokens[i - 1].norm))
        last = j < len(tokens) and tokens[j].norm in _LAST
        if yr or ((in_ctx or last) and not ambiguous):
            y = yr[0] if yr else infer_year(mon[0], 1, pub)
            if last and not yr and mon[0] == pub.month:
                y -= 1
            return DateHit(i, j + (yr[1] if yr else 0) + (1 if last else 0), date(y, mon[0], 1), 3)
    # weekday (الخميس, يوم الخميس, on Thursday, last Thursday, الخميس الماضي)
    for v in vs:
        if v in _WEEKDAYS:
            raw = tokens[i].text
            definite = raw.startswith(("ال", "وال", "بال", "فال")) or (i > 0 and tokens[i - 1].norm in _DAY_WORD)
            if v in _AMBIG_WEEKDAY and not definite:
                break
            if not raw.isascii() and not definite and len(vs) > 1 and v == vs[-1]:
                break
            wd = _WEEKDAYS[v]
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
            last = (i + 1 < len(tokens) and tokens[i + 1].norm in _LAST) or (i > 0 and tokens[i - 1].norm in _LAST)
            if last and d == pub:
                d -= timedelta(days=7)
            return DateHit(i, i + 1 + (1 if i + 1 < len(tokens) and tokens[i + 1].norm in _LAST else 0), d, 1, True)
    if any(v in _YESTERDAY for v in vs):
        return DateHit(i, i + 1, pub - timedelta(days=1), 1, True)
    if norm in _TODAY:
        raw = tokens[i].text
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        # اليوم "today" folds like يوم "day": only the definite word, not "يوم الأحد", "اليوم 23"
        if raw.isascii() or ("ال" in raw[:4] and not nxt[:1].isdecimal() and not any(
                v in _WEEKDAYS or v in _MONTH_FIRST for v in _variants(nxt))):
            return DateHit(i, i + 1, pub, 1, True)
    # last night / الليلة الماضية ; last week / الأسبوع الماضي ; last month / الشهر الماضي
    pair = (norm, tokens[i + 1].norm) if i + 1 < len(tokens) else (norm, "")
    width = 2
    if pair not in _REL_PAIRS and (norm, "") in _REL_PAIRS:
        pair, width = (norm, ""), 1
    if pair in _REL_PAIRS:
        kind = _REL_PAIRS[pair]
        if kind == "today":  # "this morning", "earlier today"
            return DateHit(i, i + width, pub, 1, True)
        if kind == "night":
            return DateHit(i, i + width, pub - timedelta(days=1), 1, True)
        if kind == "week":
            return DateHit(i, i + width, pub - timedelta(days=7), 2, True)
        first = pub.replace(day=1) - timedelta(days=1)
        return DateHit(i, i + width, first.replace(day=1), 3, True)
    return None


def _hijri_at(tokens: list[Token], i: int, j: int, day: int, pub: date) -> DateHit | None:
    """A Hijri date "15 رجب 1441 هـ" (day at ``i``, month at ``j``): needs a year or a هـ mark,
    converted with :mod:`hijridate` (the Umm al-Qura calendar)."""
    for v in _variants(tokens[j].norm) if j < len(tokens) else ():
        for key, m in _HIJRI_FIRST.get(v, ()):
            if tuple([v] + [t.norm for t in tokens[j + 1: j + len(key)]]) != key:
                continue
            k = j + len(key)
            year = None
            if k < len(tokens) and tokens[k].norm.isdecimal() and 1300 <= int(tokens[k].norm) <= 1500:
                year, k = int(tokens[k].norm), k + 1
            mark = k < len(tokens) and tokens[k].norm in _HIJRI_MARK
            if year is None:
                return None  # a month name alone (صفر is also "zero", رجب a name)
            try:
                from hijridate import Hijri

                g = Hijri(year, m, day).to_gregorian()
            except (ValueError, OverflowError, ImportError):
                return None
            d = date(g.year, g.month, g.day)
            return DateHit(i, k + (1 if mark else 0), d, 1) if d <= pub else None
    return None


_REL_PAIRS: dict[tuple[str, str], str] = {}
for _lst in lexicons.lists("relative_pairs"):
    for _a, _b, _k in _lst:
        _REL_PAIRS[(fold_token(_a), fold_token(_b) if _b else "")] = _k
_REL_FIRST = frozenset(a for a, _ in _REL_PAIRS)

_TIME = re.compile(
    r"(?<![\d:.])(\d{1,2})(?::(\d{2}))?(?![\d:])\s*(a\.?m\.?|p\.?m\.?|صباحا|صباحاً|مساء|مساءً|ليلا|ليلاً)?",
    re.I,
)
_UTC_AFTER = re.compile(r"^\s*(?:ت\s*\.?\s*غ|gmt|utc|بتوقيت غرينتش|غرينتش)", re.I)
_TIME_CUE = re.compile(r"(?:الساعة|at|around|about|نحو)\s*$", re.I)
_DAWN = re.compile(r"\b(?:dawn|daybreak)\b|(?:^|\s)(?:ال|و|وال|في |عند )?فجر", re.I)


def find_times(text: str) -> list[tuple[int, str]]:
    """Local clock times in ``text`` as ``(offset, "HH:MM")``; UTC/GMT restatements are skipped.

    A bare hour needs "am/pm", صباحا/مساء, or a cue ("الساعة 9 مساء").

    Example
    -------
    >>> find_times("عند الساعة 20:45 بالتوقيت المحلي (17:45 ت غ)")
    [(11, '20:45')]
    >>> find_times("at 8:45 pm local time")
    [(3, '20:45')]
    """
    out: list[tuple[int, str]] = []
    for m in _TIME.finditer(text):
        h = int(m.group(1))
        mins = int(m.group(2)) if m.group(2) else None
        mer = (m.group(3) or "").lower().replace(".", "")
        if mins is None and not mer:
            continue
        if mins is None and not _TIME_CUE.search(text[max(0, m.start() - 12): m.start()]) and mer in ("", "ليلا", "ليلاً"):
            continue
        if _UTC_AFTER.match(text[m.end(): m.end() + 20]) or _UTC_AFTER.match(text[m.end(2) if m.group(2) else m.end(1):][:20]):
            continue
        if mer in ("pm", "مساء", "مساءً", "ليلا", "ليلاً") and h < 12:
            h += 12
        elif mer in ("am", "صباحا", "صباحاً") and h == 12:
            h = 0
        if h > 23 or (mins is not None and mins > 59):
            continue
        out.append((m.start(), f"{h:02d}:{mins or 0:02d}"))
    return out


def time_of_day(text: str) -> str | None:
    """"dawn" when the text says فجر / dawn, else None.

    Example
    -------
    >>> time_of_day("فجر 8 يناير"), time_of_day("at noon")
    ('dawn', None)
    """
    return "dawn" if _DAWN.search(text) else None
