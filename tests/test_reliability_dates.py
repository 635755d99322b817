"""Issue 11, item 1 (dates) and the date arguments of items 6 and 10: no silent wrong date, ever."""
from __future__ import annotations

import datetime as dt
import re
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoutils.acled import read_acled, to_acled
from geoutils.dates_io import parse_date_cell, parse_dates, parse_published_date
from geoutils.io import read_incidents
from geoutils.schema import coerce

D = dt.date


def _read(tmp_path, text, **kw):
    p = tmp_path / "d.csv"
    p.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_incidents(p, **kw)


@pytest.mark.parametrize("cell,expected", [
    ("2020-03-31", D(2020, 3, 31)), ("31 March 2020", D(2020, 3, 31)), ("31-Mar-20", D(2020, 3, 31)),
    ("31-March-2020", D(2020, 3, 31)), ("March 31, 2020", D(2020, 3, 31)), ("02-March-2021", D(2021, 3, 2)),
    ("2-Mar-21", D(2021, 3, 2)), ("March 2, 2021", D(2021, 3, 2)), ("43921", D(2020, 3, 31)),
    ("43921.75", D(2020, 3, 31)), ("31/03/2020", D(2020, 3, 31)), ("03/31/2020", D(2020, 3, 31)),
    ("2021-03-02T01:30:00+03:00", D(2021, 3, 2)), ("2021-03-01T23:30:00-05:00", D(2021, 3, 1)),
    ("01-Jan-97", D(1997, 1, 1)), ("3/31/20", D(2020, 3, 31)), ("31.03.2020", D(2020, 3, 31)),
])
def test_every_acled_date_style(cell, expected):
    d, precision, problem = parse_date_cell(cell)
    assert (d, precision, problem) == (expected, 1, None)


def test_issue_repro_no_made_up_days(tmp_path):
    text = ('event_date,latitude,longitude\n2021,33,44\n2021-03,33,44\n2021-03-02T01:30:00+03:00,33,44\n'
            '03/02/2021,33,44\n"March 2, 2021",33,44\n31-Mar-20,33,44\n')
    g = _read(tmp_path, text)
    got = dict(zip(g.index, zip(g.event_date, g.time_precision)))
    assert sorted(got) == [1, 2, 4, 5]
    assert got[1] == (D(2021, 3, 1), 3)  # month only: precision 3, never a day at precision 1
    assert got[2][0] == D(2021, 3, 2) and got[4][0] == D(2021, 3, 2) and got[5][0] == D(2020, 3, 31)
    assert 0 not in got and 3 not in got  # a bare year and an ambiguous order are refused ...
    msgs = [str(i) for i in g.attrs["validation"].issues]
    assert any("only a year" in m and "row 0" in m for m in msgs)  # ... with the reason
    assert any("ambiguous day/month" in m and "row 3" in m for m in msgs)


def test_dayfirst_option_settles_ambiguous_dates(tmp_path):
    text = "event_date,latitude,longitude\n03/02/2021,33,44\n"
    assert _read(tmp_path, text, dayfirst=True).event_date.tolist() == [D(2021, 2, 3)]
    assert _read(tmp_path, text, dayfirst=False).event_date.tolist() == [D(2021, 3, 2)]
    assert len(_read(tmp_path, text)) == 0


def test_cli_dayfirst_switches(tmp_path, capsys):
    from geoutils.cli import main

    p = tmp_path / "d.csv"
    p.write_text("event_date,latitude,longitude\n03/02/2021,33,44\n", encoding="utf-8")
    assert main(["validate", str(p)]) == 1 and "ambiguous" in capsys.readouterr().out
    assert main(["validate", str(p), "--dayfirst"]) == 0
    assert main(["convert", str(p), str(tmp_path / "o.csv"), "--monthfirst"]) == 0
    assert pd.read_csv(tmp_path / "o.csv").event_date.tolist() == ["2021-03-02"]


def test_month_only_gets_precision_3_even_if_it_said_1():
    g = coerce(pd.DataFrame({"event_date": ["March 2021", "2021-03-05"], "time_precision": [1, 1],
                             "latitude": [33.0, 33.0], "longitude": [44.0, 44.0]}))
    assert g.event_date.tolist() == [D(2021, 3, 1), D(2021, 3, 5)] and g.time_precision.tolist() == [3, 1]


def test_timezone_aware_timestamps_keep_the_local_day():
    ts = pd.Series(pd.to_datetime(["2021-03-02 01:30"]).tz_localize("Asia/Baghdad"))
    assert parse_dates(ts).tolist() == [D(2021, 3, 2)]
    assert parse_dates([pd.Timestamp("2021-03-02 01:30", tz="Asia/Baghdad")]).tolist() == [D(2021, 3, 2)]


def test_acled_excel_style_file_reads_and_writes_back_the_same(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("event_id_cnty,event_date,year,latitude,longitude\nIRQ1,31-Mar-20,2020,33,44\n"
                 "IRQ2,2-Mar-21,2021,33,44\n", encoding="utf-8")
    g = read_acled(p)
    assert g.event_date.tolist() == [D(2020, 3, 31), D(2021, 3, 2)]
    assert to_acled(g).event_date.tolist() == ["31-Mar-20", "02-Mar-21"]


def test_acled_year_is_checked_against_event_date(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("event_id_cnty,event_date,year,latitude,longitude\nIRQ1,2020-03-31,2019,33,44\n"
                 "IRQ2,2020-03-31,2020,33,44\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="year differs"):
        g = read_acled(p)
    assert g.index.tolist() == [1]


@pytest.mark.parametrize("bad", ["2020-02-14junk", "2020-W07", "0001-01-01", "9999-12-31", pd.NaT, float("nan"),
                                 "14/02/2020", ""])
def test_published_is_strict(bad):
    with pytest.raises(ValueError, match="published date"):
        parse_published_date(bad)


def test_extract_published_nat_is_one_valueerror():
    from geoutils.extract.dates import parse_published

    with pytest.raises(ValueError, match="NaT"):
        parse_published(pd.NaT)
    assert parse_published(pd.Timestamp("2020-02-14 23:00", tz="Asia/Baghdad")) == D(2020, 2, 14)


# -------------------------------------------------------------- property test
_MONTHS = "January February March April May June July August September October November December".split()
_cell = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
    st.from_regex(r"\A\d{1,5}([-/. ]\d{1,4}){0,2}\Z"),
    st.builds(lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}", st.integers(0, 40), st.sampled_from(_MONTHS + ["Mar", "Sept"]),
              st.integers(0, 2100), st.sampled_from([" ", "-", "/"])),
    st.dates().map(str),
)


def _stated(cell: str, d: dt.date, precision) -> bool:
    """The returned date is written in the cell: its year, and its month and day (unless precision 3)."""
    nums = [int(n) for n in re.findall(r"\d+", cell)]
    low = cell.lower()
    if re.fullmatch(r"\s*\d{5}(\.\d+)?\s*", cell):  # an Excel serial day number
        return (d - D(1899, 12, 30)).days == int(nums[0])
    year_ok = d.year in nums or (d.year % 100) in nums
    month_ok = d.month in nums or any(m.lower()[:3] in low for m in _MONTHS[d.month - 1:d.month])
    day_ok = (not pd.isna(precision) and precision == 3 and d.day == 1) or d.day in nums
    return year_ok and month_ok and day_ok


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_cell, _cell, _cell), min_size=1, max_size=5))
def test_property_random_csv_cells(tmp_path_factory, rows):
    import csv

    p = tmp_path_factory.mktemp("prop") / "r.csv"
    with open(p, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["event_date", "latitude", "longitude"])
        w.writerows(rows)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g = read_incidents(p)
    except ValueError:
        return
    for idx, d, prec in zip(g.index, g.event_date, g.time_precision):
        if d is None:
            continue
        cell = rows[idx][0]
        assert _stated(cell, d, prec), (cell, d, prec)
