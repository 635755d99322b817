"""Read the dates of incident tables: every ACLED export style, never a made-up day.

One cell at a time (cached per distinct value), with explicit patterns rather
than a permissive guesser, so a value is either read exactly as it is written
or refused with the reason:

* ISO "2020-03-31" (a time and UTC offset may follow: the *local* calendar
  day is kept, "2021-03-02T01:30:00+03:00" is 2 March), "2020/03/31";
* day-month-year with a month name: "31 March 2020", "31 Mar 2020",
  "31-Mar-20", "31-March-2020", "2-Mar-21" (two-digit years: 00-68 -> 20xx,
  69-99 -> 19xx, as ``strptime``'s ``%y``);
* month-day-year: "March 31, 2020", "Mar 31 2020";
* Excel serial day numbers ("43921", "43921.5"), between 1970 and 2099;
* numeric day/month orders "31/03/2020", "03/31/2020", "3/31/20" (Excel's US
  short date): taken when only one reading is a real date; "03/02/2021" is ambiguous and needs ``dayfirst``
  (True: 3 February, False: 2 March), otherwise it is refused;
* dates known only to the month ("2021-03", "March 2021", "Mar-21") become the
  first of the month with precision 3 (ACLED's "month");
* a bare year ("2021") is refused: ACLED has no precision for it.

``datetime.date``/``datetime``/``Timestamp`` values keep their own (local)
calendar day.

Example
-------
>>> parse_date_cell("31-Mar-20")
(datetime.date(2020, 3, 31), 1, None)
>>> parse_date_cell("2021-03")
(datetime.date(2021, 3, 1), 3, None)
>>> parse_date_cell("03/02/2021")[2]
'ambiguous day/month order (pass dayfirst=True or dayfirst=False)'
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["parse_date_cell", "parse_dates", "parse_dates_detail", "MONTHS"]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"], start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

_MON = r"([A-Za-z]{3,9})\.?"
_ORD = r"(?:st|nd|rd|th)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"
                  r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|[+-]\d{2}(?::?\d{2})?)?)?", re.I)
_YMD_SLASH = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY_NAME = re.compile(rf"(\d{{1,2}}){_ORD}(?:\s+|\s*[-/.]\s*){_MON}(?:,?\s+|\s*[-/.]\s*)(\d{{4}}|\d{{2}})", re.I)
_MDY_NAME = re.compile(rf"{_MON}\s*[-/ ]\s*(\d{{1,2}}){_ORD},?\s+(\d{{4}})", re.I)
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
_EXCEL = re.compile(r"(\d{5})(?:\.\d+)?")
_YM = re.compile(r"(\d{4})[-/](\d{1,2})")
_MY_NAME = re.compile(rf"{_MON}(?:,?\s+|\s*[-/]\s*)(\d{{4}}|\d{{2}})", re.I)
_MY_NUM = re.compile(r"(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"\d{4}")
_WEEK = re.compile(r"\d{4}-?W\d{2}(?:-?\d)?", re.I)
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_EXCEL_RANGE = (25569, 73050)  # 1970-01-01 .. 2099-12-31

AMBIGUOUS = "ambiguous day/month order (pass dayfirst=True or dayfirst=False)"
YEAR_ONLY = "only a year: ACLED dates need at least the month"


def _year2(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 2000 + n if n <= 68 else 1900 + n


def _mk(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower())


@lru_cache(maxsize=65_536)
def _parse_text(text: str, dayfirst: bool | None) -> tuple[_dt.date | None, int | None, str | None]:
    s = text.strip()
    if not s:
        return None, None, None
    m = _ISO.fullmatch(s) or _YMD_SLASH.fullmatch(s)
    if m:
        d = _mk(int(m[1]), int(m[2]), int(m[3]))
        return (d, 1, None) if d else (None, None, "not a date")
    m = _DMY_NAME.fullmatch(s)
    if m and _month(m[2]):
        d = _mk(_year2(m[3]), _month(m[2]), int(m[1]))
        return (d, 1, None) if d else (None, None, "not a date")
    m = _MDY_NAME.fullmatch(s)
    if m and _month(m[1]):
        d = _mk(int(m[3]), _month(m[1]), int(m[2]))
        return (d, 1, None) if d else (None, None, "not a date")
    m = _NUMERIC.fullmatch(s)
    if m:
        a, b, y = int(m[1]), int(m[3]), _year2(m[4])
        dmy, mdy = _mk(y, b, a), _mk(y, a, b)
        if dayfirst is True:
            return (dmy, 1, None) if dmy else (None, None, "not a date (day first)")
        if dayfirst is False:
            return (mdy, 1, None) if mdy else (None, None, "not a date (month first)")
        if dmy and mdy and dmy != mdy:
            return None, None, AMBIGUOUS
        d = dmy or mdy
        return (d, 1, None) if d else (None, None, "not a date")
    m = _EXCEL.fullmatch(s)
    if m:
        n = int(m[1])
        if _EXCEL_RANGE[0] <= n <= _EXCEL_RANGE[1]:
            return _EXCEL_EPOCH + _dt.timedelta(days=n), 1, None
        return None, None, "not a date (number outside the Excel date range 1970-2099)"
    m = _YM.fullmatch(s)
    if m:
        d = _mk(int(m[1]), int(m[2]), 1)
        return (d, 3, None) if d else (None, None, "not a date")
    m = _MY_NAME.fullmatch(s)
    if m and _month(m[1]):
        return _mk(_year2(m[2]), _month(m[1]), 1), 3, None
    m = _MY_NUM.fullmatch(s)
    if m:
        d = _mk(int(m[2]), int(m[1]), 1)
        return (d, 3, None) if d else (None, None, "not a date")
    if _YEAR.fullmatch(s):
        return None, None, YEAR_ONLY
    if _WEEK.fullmatch(s):
        return None, None, "an ISO week, not a date"
    return None, None, "not a date"


def parse_date_cell(value: Any, dayfirst: bool | None = None) -> tuple[_dt.date | None, int | None, str | None]:
    """One cell -> ``(date, precision, problem)``.

    ``precision`` is 1 (day) or 3 (month: the date is the first of that month);
    ``problem`` is None or why the value is refused (then ``date`` is None). A
    missing/blank cell gives ``(None, None, None)``.

    Example
    -------
    >>> parse_date_cell("March 2, 2021")
    (datetime.date(2021, 3, 2), 1, None)
    >>> parse_date_cell("2021")
    (None, None, 'only a year: ACLED dates need at least the month')
    """
    if value is None or value is pd.NaT:
        return None, None, None
    if isinstance(value, str):
        return _parse_text(value, dayfirst)
    if isinstance(value, pd.Timestamp):
        return (None, None, None) if pd.isna(value) else (value.date(), 1, None)  # local wall day
    if isinstance(value, _dt.datetime):
        return value.date(), 1, None
    if isinstance(value, _dt.date):
        return value, 1, None
    if isinstance(value, np.datetime64):
        return (None, None, None) if np.isnat(value) else (pd.Timestamp(value).date(), 1, None)
    if isinstance(value, (bool, np.bool_)):
        return None, None, "not a date"
    if isinstance(value, (int, float, np.integer, np.floating)):
        f = float(value)
        if math.isnan(f):
            return None, None, None
        if not math.isfinite(f):
            return None, None, "not a date"
        return _parse_text(repr(int(f)) if f.is_integer() else repr(f), dayfirst)
    try:
        if pd.isna(value):
            return None, None, None
    except (TypeError, ValueError):
        pass
    return _parse_text(str(value), dayfirst)


def _as_series(values: Any) -> pd.Series:
    return values if isinstance(values, pd.Series) else pd.Series(values, dtype="object")


def parse_dates_detail(values: Any, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Parse a column of dates: ``(dates, precision, problem)`` Series on the same index.

    ``dates`` holds ``datetime.date`` or None, ``precision`` 1/3 or NA,
    ``problem`` None or the reason a given value was refused.

    Example
    -------
    >>> d, p, why = parse_dates_detail(["2021-03", "31-Mar-20", "2021"])
    >>> d.tolist(), p.tolist(), why.tolist()[2]
    ([datetime.date(2021, 3, 1), datetime.date(2020, 3, 31), None], [3, 1, <NA>], 'only a year: ACLED dates need at least the month')
    """
    s = _as_series(values)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        ts = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s  # local wall time
        dates = ts.dt.date.astype("object").where(ts.notna(), None)
        prec = pd.Series(pd.array(np.where(ts.notna(), 1, 0), dtype="Int64"), index=s.index)
        prec = prec.where(ts.notna(), pd.NA)
        return dates, prec, pd.Series([None] * len(s), index=s.index, dtype="object")
    vals = s.astype("object").tolist()
    cache: dict[Any, tuple] = {}
    out_d, out_p, out_w = [], [], []
    for v in vals:
        try:
            r = cache.get(v) if isinstance(v, (str, _dt.date)) else None
        except TypeError:
            r = None
        if r is None:
            r = parse_date_cell(v, dayfirst)
            if isinstance(v, (str, _dt.date)):
                cache[v] = r
        out_d.append(r[0])
        out_p.append(r[1])
        out_w.append(r[2])
    dates = np.empty(len(vals), dtype=object)
    dates[:] = out_d
    return (pd.Series(dates, index=s.index, name=s.name, dtype="object"),
            pd.Series(pd.array(out_p, dtype="Int64"), index=s.index),
            pd.Series(out_w, index=s.index, dtype="object"))


def parse_dates(values: Any, dayfirst: bool | None = None) -> pd.Series:
    """Parse dates to ``datetime.date`` objects; refused or missing values become ``None``.

    See the module doc for the accepted styles; month-only values give the first
    of the month (use :func:`parse_dates_detail` to see their precision).

    Example
    -------
    >>> parse_dates(["2020-02-13", "13 February 2020", "31-Mar-20", None]).tolist()
    [datetime.date(2020, 2, 13), datetime.date(2020, 2, 13), datetime.date(2020, 3, 31), None]
    """
    s = _as_series(values)
    if str(s.dtype) == "object":
        vals = s.tolist()
        d = _dt.date
        if all(v is None or type(v) is d for v in vals):  # already dates: nothing to parse
            out = np.empty(len(vals), dtype=object)
            out[:] = vals
            return pd.Series(out, index=s.index, name=s.name, dtype="object")
    return parse_dates_detail(s, dayfirst)[0]


_PUBLISHED = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
PUBLISHED_YEARS = (1900, 2100)


def parse_published_date(value: Any) -> _dt.date:
    """A publication date, strictly: ``YYYY-MM-DD`` (a time may follow), a ``date`` or a
    ``datetime``/``Timestamp`` (its local day), between 1900 and 2100. ``None`` is today.
    Anything else ("2020-02-14junk", "2020-W07", ``pd.NaT``, "0001-01-01") is a
    ``ValueError`` naming the value.

    Example
    -------
    >>> parse_published_date("2020-02-14")
    datetime.date(2020, 2, 14)
    >>> parse_published_date("2020-W07")
    Traceback (most recent call last):
    ...
    ValueError: published date '2020-W07' is not a date (expected YYYY-MM-DD)
    """
    if value is None:
        return _dt.date.today()
    if value is pd.NaT or (isinstance(value, (float, np.floating)) and math.isnan(value)) \
            or (isinstance(value, np.datetime64) and np.isnat(value)):
        raise ValueError(f"published date {value!r} is missing (NaT/NaN); give a YYYY-MM-DD date")
    if isinstance(value, _dt.datetime):
        d = value.date()
    elif isinstance(value, _dt.date):
        d = value
    elif isinstance(value, np.datetime64):
        d = pd.Timestamp(value).date()
    elif isinstance(value, str):
        m = _PUBLISHED.fullmatch(value.strip())
        d = _mk(int(m[1]), int(m[2]), int(m[3])) if m else None
        if d is None:
            raise ValueError(f"published date {value!r} is not a date (expected YYYY-MM-DD)")
    else:
        raise ValueError(f"published date {value!r} is not a date (expected YYYY-MM-DD)")
    lo, hi = PUBLISHED_YEARS
    if not lo <= d.year <= hi:
        raise ValueError(f"published date {value!r} is out of range (years {lo}-{hi})")
    return d
