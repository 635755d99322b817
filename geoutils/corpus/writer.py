"""GeoParquet written in row groups as rows arrive, atomically (temp file + ``os.replace``).

The temp file is ``.<name>.partial-<pid>`` beside the output: a run killed with SIGKILL leaves no
output file, only that hidden partial, which the next :class:`StreamingParquet` on the same output
removes when its process is gone.

Example
-------
>>> with StreamingParquet("out/incidents.parquet") as w:      # doctest: +SKIP
...     for frame in frames:
...         w.write(frame)
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROW_GROUP = 50_000
CONVERT_BATCH = 4096  # rows gathered before one pandas -> Arrow conversion (its cost is mostly per call)


def _arrow_type(dtype: str):
    import pyarrow as pa

    return {"string": pa.string(), "Int64": pa.int64(), "float64": pa.float64(), "object": pa.date32()}[dtype]


def _geo_metadata() -> bytes:
    from pyproj import CRS

    meta = {"version": "1.0.0", "primary_column": "geometry",
            "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"],
                                     "crs": CRS("EPSG:4326").to_json_dict()}}}
    return json.dumps(meta).encode()


def _conforms(frame: Any) -> bool:
    """True when ``frame`` already has every schema column with its dtype (no coerce needed)."""
    import geopandas as gpd
    import pandas as pd

    from geoutils.schema import DTYPES

    if not isinstance(frame, gpd.GeoDataFrame) or "geometry" not in frame.columns:
        return False
    dt = frame.dtypes
    for c, t in DTYPES.items():
        if c not in dt.index:
            return False
        ok = pd.api.types.is_string_dtype(dt[c]) and str(dt[c]) != "object" if t == "string" else str(dt[c]) == t
        if not ok:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_partials(path: Path) -> list[Path]:
    """Delete ``.<name>.partial-<pid>`` files beside ``path`` whose process no longer runs."""
    gone = []
    for p in path.parent.glob(f".{path.name}.partial-*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if not _pid_alive(pid):
            p.unlink(missing_ok=True)
            gone.append(p)
    return gone


class StreamingParquet:
    """Write incident frames to one GeoParquet file in row groups of ``row_group`` rows, atomically.

    Columns are the schema's (:data:`geoutils.schema.DTYPES`, fixed Arrow types, so every row group has
    the same schema) plus the extra columns of the first frame (text, integer or float). On error or
    interruption the output is left untouched.
    """

    def __init__(self, path: str | os.PathLike, row_group: int = ROW_GROUP) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise ValueError(f"cannot write {str(path)!r}: directory {str(self.path.parent)!r} does not exist")
        remove_stale_partials(self.path)
        self.tmp = self.path.parent / f".{self.path.name}.partial-{os.getpid()}"
        self.row_group = row_group
        self._buf: list = []
        self._frames: list = []
        self._nframes = 0
        self._n = 0
        self._writer = None
        self._schema = None
        self.rows = 0

    def __enter__(self) -> "StreamingParquet":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _make_schema(self, frame: Any):
        import pyarrow as pa
        import pandas as pd

        from geoutils.schema import DTYPES

        fields = [pa.field(c, _arrow_type(t)) for c, t in DTYPES.items()]
        for c in frame.columns:
            if c in DTYPES or c == "geometry":
                continue
            dt = frame[c].dtype
            typ = pa.int64() if pd.api.types.is_integer_dtype(dt) else \
                pa.float64() if pd.api.types.is_float_dtype(dt) else pa.string()
            fields.append(pa.field(c, typ))
        fields.append(pa.field("geometry", pa.binary()))
        return pa.schema(fields, metadata={b"geo": _geo_metadata()})

    def _table(self, frame: Any):
        import pandas as pd
        import pyarrow as pa
        import shapely

        from geoutils.schema import coerce

        g = frame if _conforms(frame) else coerce(frame)
        names = [f.name for f in self._schema if f.name != "geometry"]
        plain = pd.DataFrame({c: (g[c] if c in g.columns else pd.Series([None] * len(g), index=g.index, dtype=object))
                              for c in names})
        for c in names:  # extra columns whose dtype differs from the first frame's: as text
            if c not in g.columns or self._schema.field(c).type != pa.string() or plain[c].dtype == "string":
                continue
            plain[c] = plain[c].astype("string")
        body = pa.Table.from_pandas(plain, schema=pa.schema([self._schema.field(c) for c in names]),
                                    preserve_index=False)
        geom = pa.array(shapely.to_wkb(g.geometry.values) if len(g) else [], type=pa.binary())
        return body.append_column(self._schema.field("geometry"), geom).replace_schema_metadata(
            self._schema.metadata)

    def write(self, frame: Any) -> None:
        """Add the rows of one frame (buffered until a row group is full)."""
        if frame is None or len(frame) == 0:
            return
        if self._schema is None:
            self._open(frame)
        self._frames.append(frame)
        self._nframes += len(frame)
        self._n += len(frame)
        if self._nframes >= min(CONVERT_BATCH, self.row_group):
            self._convert()
        if self._n >= self.row_group:
            self._flush()

    def _convert(self) -> None:
        """Turn the frames gathered so far into one Arrow table."""
        import pandas as pd

        if self._frames:
            frames = self._frames
            self._buf.append(self._table(frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)))
        self._frames, self._nframes = [], 0

    def _open(self, frame: Any) -> None:
        """Fix the schema from the first frame and create the partial file."""
        import pyarrow.parquet as pq

        self._schema = self._make_schema(frame)
        self._writer = pq.ParquetWriter(str(self.tmp), self._schema, compression="zstd")

    def _flush(self) -> None:
        import pyarrow as pa

        self._convert()
        if self._buf:
            table = pa.concat_tables(self._buf)
            self._writer.write_table(table, row_group_size=self.row_group)
            self.rows += table.num_rows
        self._buf, self._n = [], 0

    def close(self) -> Path:
        """Write what is buffered, then move the file into place."""
        from geoutils.schema import empty_incidents

        if self._schema is None:
            self._open(empty_incidents())
        self._flush()
        self._writer.close()
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the partial file; the output is untouched."""
        try:
            if self._writer is not None:
                self._writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)
