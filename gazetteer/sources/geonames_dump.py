"""Importer for full GeoNames dumps that users download themselves.

``allCountries.txt`` or ``XX.txt`` (19 tab-separated columns), optionally with
``alternateNamesV2.txt`` (or ``alternateNames.txt``). Both are streamed line by
line with a progress bar; a malformed line is reported with its line number and
the rest is imported.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from collections.abc import Iterator
from pathlib import Path

from gazetteer.geo import check_latlon
from gazetteer.sources import keep_alias

#: GeoNames feature code -> our kind; unlisted codes fall back on the class
FEATURE_KINDS = {
    "ADM1": "governorate", "ADM2": "district", "ADM3": "district", "PCLI": "country",
    "INSM": "base", "AIRB": "base", "AIRP": "airport", "AIRF": "airport", "AIRH": "airport",
    "PSTB": "crossing", "DAM": "dam", "OILF": "oilfield", "GASF": "oilfield", "PRN": "prison",
    "CMP": "camp", "CMPRF": "camp", "DIP": "embassy",
}
CLASS_KINDS = {"P": "place", "A": "district"}
#: alternate-name "languages" that are not names (links, Wikidata ids, postcodes, …)
SKIP_LANGS = {"link", "wkdt", "post", "faac", "unlc"}


@dataclass
class ImportReport:
    """What an import did: places read, imported, and the lines it could not use."""

    path: str
    read: int = 0
    imported: int = 0
    aliases: int = 0
    errors: list[tuple[str, int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.imported} places imported from {self.path} ({self.aliases} alternate names); "
                f"{len(self.errors)} malformed lines skipped")


def _open(path: Path):
    try:
        return path.open(encoding="utf-8", errors="strict", newline="\n")
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None


def _lines(path: Path, progress: bool, desc: str):
    from tqdm import tqdm

    size = path.stat().st_size
    with _open(path) as fh, tqdm(total=size, unit="B", unit_scale=True, desc=desc, disable=not progress,
                                 file=sys.stderr, mininterval=1.0) as bar:
        for i, line in enumerate(fh, start=1):
            bar.update(len(line.encode("utf-8")))
            yield i, line.rstrip("\n").rstrip("\r")


def parse_line(line: str) -> dict:
    """One dump line as a record; ``ValueError`` says what is wrong with it."""
    cols = line.split("\t")
    if len(cols) < 15:
        raise ValueError(f"{len(cols)} columns, expected 19")
    gid, name, ascii_name, alternates = cols[0], cols[1].strip(), cols[2].strip(), cols[3]
    if not gid.isdigit():
        raise ValueError(f"geonameid {gid!r} is not a number")
    if not name:
        raise ValueError("empty name")
    lat, lon = check_latlon(cols[4], cols[5])
    fclass, fcode, cc = cols[6].strip(), cols[7].strip(), cols[8].strip() or None
    pop = cols[14].strip()
    try:
        population = int(pop) if pop else None
    except ValueError:
        raise ValueError(f"population {pop!r} is not a number") from None
    kind = FEATURE_KINDS.get(fcode) or CLASS_KINDS.get(fclass) or "landmark"
    aliases = [name, ascii_name, *(a for a in alternates.split(",") if a and keep_alias(a))]
    return {"id": f"gn:{gid}", "name": name, "name_ar": None, "lat": lat, "lon": lon, "kind": kind,
            "country_code": cc, "admin1": None, "population": population,
            "source": f"GeoNames {gid} (user import of {{file}})", "aliases": aliases}


def check_file(path: str | Path | None) -> Path | None:
    """The path of a readable file (None stays None); ``ValueError`` names a missing one."""
    if path is None:
        return None
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"cannot read {path}: no such file")
    return path


def iter_dump(path: str | Path, report: ImportReport, progress: bool = True) -> Iterator[dict]:
    """Stream the records of a dump; malformed lines go to ``report.errors`` with their number.

    Example
    -------
    >>> report = ImportReport("IQ.txt")                                  # doctest: +SKIP
    >>> places = list(iter_dump("IQ.txt", report))                       # doctest: +SKIP
    """
    path = check_file(path)
    try:
        for i, line in _lines(path, progress, f"reading {path.name}"):
            if not line.strip() or line.startswith("#"):
                continue
            report.read += 1
            try:
                rec = parse_line(line)
            except ValueError as exc:
                report.errors.append((path.name, i, str(exc)))
                continue
            rec["source"] = rec["source"].format(file=path.name)
            yield rec
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text (GeoNames dumps are): {exc.reason}") from None


def iter_alternates(path: str | Path, report: ImportReport,
                    progress: bool = True) -> Iterator[tuple[str, str, str, bool]]:
    """Stream (place id, alternate name, language, is preferred) from ``alternateNamesV2.txt``.

    Links, Wikidata ids, postcodes and scripts we do not keep are skipped.
    """
    path = check_file(path)
    try:
        for i, line in _lines(path, progress, f"reading {path.name}"):
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 4 or not cols[1].isdigit():
                report.errors.append((path.name, i, f"{len(cols)} columns or a bad geonameid"))
                continue
            lang, alias = cols[2], cols[3].strip()
            if lang in SKIP_LANGS or not alias or not keep_alias(alias):
                continue
            yield f"gn:{cols[1]}", alias, lang, len(cols) > 4 and cols[4] == "1"
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text: {exc.reason}") from None
