"""Counts of incidents over time, for timeline charts.

Example
-------
>>> import pandas as pd
>>> df = pd.DataFrame({"event_date": pd.to_datetime(["2020-01-08", "2020-01-08", "2020-02-13"]).date})
>>> temporal_counts(df, "M")["count"].tolist()
[2, 1]
"""
from __future__ import annotations

import pandas as pd

from geoutils.schema import parse_dates

_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "MS": "M", "ME": "M", "Q": "Q", "QS": "Q", "QE": "Q",
         "Y": "Y", "YS": "Y", "YE": "Y", "A": "Y"}


def temporal_counts(gdf: pd.DataFrame, freq: str = "W", by: str | list[str] | None = None,
                    value: str | None = None, date_col: str = "event_date") -> pd.DataFrame:
    """Incidents per period (and per group), with empty periods as 0, ready to plot.

    Parameters
    ----------
    gdf : incident table with ``event_date`` (dates, timestamps or ISO strings).
    freq : "D", "W" (weeks Monday-Sunday), "M", "Q" or "Y".
    by : optional column(s) to split by (e.g. "admin1", "event_type"); one
        output column per group value, missing values grouped as "(unknown)".
    value : optional column to sum instead of counting rows (e.g. "fatalities").

    Returns
    -------
    DataFrame indexed by period start (``DatetimeIndex`` named "period"),
    one column "count" (or the ``value`` name) without ``by``, else one per
    group. Rows without a date are left out.

    Example
    -------
    >>> df = pd.DataFrame({"event_date": ["2020-01-08", "2020-02-13"], "admin1": ["Anbar", "Kirkuk"]})
    >>> temporal_counts(df, "M", by="admin1").loc["2020-02-01"].tolist()
    [0, 1]
    """
    f = _FREQ.get(str(freq).upper())
    if f is None:
        raise ValueError(f"unknown frequency {freq!r} (use 'D', 'W', 'M', 'Q' or 'Y')")
    if date_col not in gdf.columns:
        raise ValueError(f"no {date_col!r} column")
    by_cols = [by] if isinstance(by, str) else list(by or [])
    for c in by_cols + ([value] if value else []):
        if c not in gdf.columns:
            raise ValueError(f"no column {c!r} to group or sum by")
    dates = pd.to_datetime(parse_dates(gdf[date_col]).to_numpy(), errors="coerce")
    keep = ~pd.isna(dates)
    df = pd.DataFrame({"period": pd.PeriodIndex(dates[keep], freq=f)})
    df["_v"] = pd.to_numeric(gdf[value], errors="coerce").to_numpy()[keep] if value else 1
    name = value or "count"
    if len(df):
        periods = pd.period_range(df["period"].min(), df["period"].max(), freq=f)
    else:
        periods = pd.PeriodIndex([], freq=f)
    if by_cols:
        for c in by_cols:
            df[c] = gdf[c].astype("object").where(gdf[c].notna(), "(unknown)").to_numpy()[keep]
        key = by_cols[0] if len(by_cols) == 1 else by_cols
        table = df.pivot_table(index="period", columns=key, values="_v", aggfunc="sum", fill_value=0)
        table = table.reindex(periods, fill_value=0)
    else:
        table = df.groupby("period")["_v"].sum().reindex(periods, fill_value=0).to_frame(name)
    table = table.fillna(0)
    if not value:
        table = table.astype("int64")
    table.index = periods.to_timestamp(how="start")
    table.index.name = "period"
    table.columns.name = None if not by_cols else table.columns.name
    return table
