"""Parse and format coordinates as analysts paste them: decimal, DMS, MGRS, Arabic digits.

Example
-------
>>> parse_coordinates("35°30′45″N 44°17′03″E")
(35.5125, 44.284167)
>>> format_coordinates(35.5125, 44.2842, style="dms")
'35°30′45.00″N 44°17′03.12″E'
"""
from __future__ import annotations

import re
from typing import Literal

_DIGITS = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠-٩
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian ۰-۹
    "\u066b": ".",   # Arabic decimal separator ٫
    "\u066c": ",",   # Arabic thousands separator ٬ (used as a list comma)
    "\u060c": ",",   # Arabic comma ،
    "\u061b": ";",   # Arabic semicolon ؛
    "\u2212": "-", "\u2013": "-", "\u2010": "-",  # minus, en dash, hyphen
    "\u00ba": "°", "\u02da": "°", "\u2070": "°",   # º ˚ ⁰ used as degree signs
    "\u2032": "'", "\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'",  # primes for minutes
    "\u2033": '"', "\u201d": '"', "\u201c": '"',  # double primes for seconds
    "\u00a0": " ", "\u202f": " ", "\u200f": " ", "\u200e": " ",  # nbsp, RTL/LTR marks
})

_MGRS = re.compile(r"^(\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$", re.I)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>[+-]?\d+(?:\.\d*)?|[+-]?\.\d+)\s*(?P<mark>°|''|'|"|deg\b)? |
        (?P<hemi>[NSEW])(?![A-Z]) |
        (?P<sep>[,;/])
    )""",
    re.X | re.I,
)


def _normalize(text: str) -> str:
    s = text.translate(_DIGITS).strip()
    return s.strip("()[]{} ").strip()


def _parse_mgrs(compact: str, original: str) -> tuple[float, float]:
    import mgrs  # lazy: only MGRS input needs it

    digits = _MGRS.match(compact).group(4)
    if len(digits) % 2 or len(digits) > 10:
        raise ValueError(f"MGRS {original!r}: easting and northing need the same number of digits (0-5 each)")
    try:
        lat, lon = mgrs.MGRS().toLatLon(compact.upper())
    except Exception as exc:  # the mgrs package raises bare Exceptions
        raise ValueError(f"invalid MGRS reference {original!r}: {exc}") from None
    return round(float(lat), 6), round(float(lon), 6)


def _tokens(s: str, original: str) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    pos = 0
    while pos < len(s):
        if s[pos:].strip() == "":
            break
        m = _TOKEN.match(s, pos)
        if not m or m.end() == pos:
            bad = s[pos:].strip()[:20]
            raise ValueError(f"cannot parse coordinates from {original!r}: unexpected {bad!r}")
        pos = m.end()
        if m.group("num") is not None:
            mark = m.group("mark")
            mark = {"''": '"', "deg": "°"}.get((mark or "").lower(), mark)
            out.append(("num", m.group("num"), mark))
        elif m.group("hemi"):
            out.append(("hemi", m.group("hemi").upper(), None))
        else:
            out.append(("sep", m.group("sep"), None))
    return out


def _split(tokens: list, original: str) -> list[list]:
    """Split the token list into one group per coordinate."""
    seps = [i for i, t in enumerate(tokens) if t[0] == "sep"]
    if len(seps) > 1:
        raise ValueError(f"cannot parse coordinates from {original!r}: more than one separator")
    if seps:
        i = seps[0]
        return [tokens[:i], tokens[i + 1:]]
    hemis = [i for i, t in enumerate(tokens) if t[0] == "hemi"]
    if hemis:
        if hemis[0] == 0:  # prefix style: N35 30 E44 17
            bounds = hemis + [len(tokens)]
            return [tokens[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
        groups, start = [], 0  # suffix style: 35 30 N 44 17 E
        for i in hemis:
            groups.append(tokens[start:i + 1])
            start = i + 1
        if start < len(tokens):
            groups.append(tokens[start:])
        return groups
    degs = [i for i, t in enumerate(tokens) if t[2] == "°"]
    if len(degs) == 2 and degs[0] == 0:
        return [tokens[:degs[1]], tokens[degs[1]:]]
    n = len(tokens)
    if n in (2, 4, 6) and not degs:
        return [tokens[: n // 2], tokens[n // 2:]]
    if n == 1:
        return [tokens]
    raise ValueError(f"cannot parse coordinates from {original!r}: cannot tell latitude from longitude")


def _group_value(group: list, original: str) -> tuple[float, str | None]:
    nums = [t for t in group if t[0] == "num"]
    hemis = [t[1] for t in group if t[0] == "hemi"]
    if not nums:
        raise ValueError(f"cannot parse coordinates from {original!r}: a hemisphere letter without a number")
    if len(hemis) > 1:
        raise ValueError(f"cannot parse coordinates from {original!r}: two hemisphere letters in one coordinate")
    if len(nums) > 3:
        raise ValueError(f"cannot parse coordinates from {original!r}: too many numbers in one coordinate")
    expected = ["°", "'", '"']
    for k, (_, txt, mark) in enumerate(nums):
        if mark is not None and mark != expected[k]:
            raise ValueError(f"cannot parse coordinates from {original!r}: unexpected mark {mark!r} after {txt!r}")
        if k > 0 and txt[0] in "+-":
            raise ValueError(f"cannot parse coordinates from {original!r}: signed minutes or seconds {txt!r}")
        if k < len(nums) - 1 and "." in txt:
            raise ValueError(f"cannot parse coordinates from {original!r}: decimals allowed only in the last part, "
                             f"not in {txt!r}")
    deg_txt = nums[0][1]
    neg = deg_txt.startswith("-")
    value = abs(float(deg_txt))
    for k, (_, txt, _) in enumerate(nums[1:], start=1):
        part = float(txt)
        if part >= 60:
            what = "minutes" if k == 1 else "seconds"
            raise ValueError(f"{what} {txt!r} out of range (< 60) in {original!r}")
        value += part / 60 ** k
    hemi = hemis[0] if hemis else None
    if hemi and neg:
        raise ValueError(f"cannot parse coordinates from {original!r}: both a minus sign and hemisphere {hemi!r}")
    if neg or hemi in ("S", "W"):
        value = -value
    return value, hemi


def parse_coordinates(text: str) -> tuple[float, float]:
    """Parse a coordinate pair in any common notation to ``(lat, lon)`` in degrees.

    Accepts decimal degrees ("35.5125, 44.2842", "35.5125N 44.2842E",
    "-33.9, 151.2"), degrees-minutes-seconds ("35°30′45″N 44°17′03″E",
    "35 30 45 N, 44 17 03 E", with ``' "`` or unicode prime marks), MGRS
    ("38SMD4446929164") and Arabic-Indic or Persian digits with the Arabic
    decimal separator (٣٥٫٥١٢٥، ٤٤٫٢٨٤٢). Without hemisphere letters the order
    is latitude, longitude; with them, "44E 35N" is understood too. Results
    are rounded to 6 decimals (about 0.1 m).

    Raises
    ------
    ValueError
        Naming the input and what is wrong: garbage, one coordinate only,
        latitude beyond ±90 or longitude beyond ±180, minutes/seconds ≥ 60,
        invalid MGRS.

    Example
    -------
    >>> parse_coordinates("٣٥٫٥١٢٥، ٤٤٫٢٨٤٢")
    (35.5125, 44.2842)
    """
    if not isinstance(text, str):
        raise ValueError(f"coordinates must be text, got {text!r}")
    s = _normalize(text)
    if not s:
        raise ValueError(f"no coordinates in {text!r}")
    compact = re.sub(r"\s+", "", s)
    if _MGRS.match(compact) and not re.fullmatch(r"[\d.+-]+", compact):
        return _parse_mgrs(compact, text)
    if re.search(r"\d[eE][+-]?\d", s) and not re.search(r"[NSWnsw]", s):
        raise ValueError(f"cannot parse coordinates from {text!r}: scientific notation (e.g. 1e2) is not a coordinate")
    tokens = _tokens(s, text)
    if not any(t[0] == "num" for t in tokens):
        raise ValueError(f"cannot parse coordinates from {text!r}: no numbers")
    groups = [g for g in _split(tokens, text) if g]
    if len(groups) == 1:
        raise ValueError(f"only one coordinate in {text!r}: need latitude and longitude")
    if len(groups) != 2:
        raise ValueError(f"cannot parse coordinates from {text!r}: expected 2 coordinates, found {len(groups)}")
    (a, ha), (b, hb) = (_group_value(g, text) for g in groups)
    if ha in ("E", "W") and hb in ("N", "S", None) or hb in ("N", "S") and ha is None:
        a, b, ha, hb = b, a, hb, ha
    if ha in ("E", "W") or hb in ("N", "S"):
        raise ValueError(f"cannot parse coordinates from {text!r}: hemispheres {ha!r} and {hb!r} do not fit")
    if abs(a) > 90:
        raise ValueError(f"latitude {a:g} out of range [-90, 90] in {text!r}")
    if abs(b) > 180:
        raise ValueError(f"longitude {b:g} out of range [-180, 180] in {text!r}")
    return round(a, 6), round(b, 6)


def _dms(value: float, pos: str, neg: str, decimals: int) -> str:
    total = round(abs(value) * 3600, decimals)
    hemi = pos if value >= 0 or total == 0 else neg
    d, rem = divmod(total, 3600)
    m, sec = divmod(rem, 60)
    sec = round(sec, decimals)
    if sec >= 60:  # float fuzz after divmod
        sec, m = 0.0, m + 1
    if m >= 60:
        m, d = m - 60, d + 1
    sw = 3 + decimals if decimals else 2
    return f"{int(d)}°{int(m):02d}′{sec:0{sw}.{decimals}f}″{hemi}"


def format_coordinates(lat: float, lon: float, style: Literal["decimal", "dms", "mgrs"] = "decimal",
                       precision: int | None = None) -> str:
    """Write a coordinate pair in one of the styles :func:`parse_coordinates` reads.

    Parameters
    ----------
    lat, lon : degrees (WGS84).
    style : ``"decimal"`` ("35.512500, 44.284200"), ``"dms"``
        ("35°30′45.00″N 44°17′03.12″E") or ``"mgrs"`` ("38SMD…").
    precision : decimals of degrees (decimal, default 6), of seconds (dms,
        default 2), or digits per easting/northing (mgrs 0-5, default 5 = 1 m).

    Example
    -------
    >>> format_coordinates(33.7856, 42.4412)
    '33.785600, 42.441200'
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValueError(f"coordinates must be numbers, got {lat!r}, {lon!r}") from None
    if not abs(lat) <= 90:
        raise ValueError(f"latitude {lat!r} out of range [-90, 90]")
    if not abs(lon) <= 180:
        raise ValueError(f"longitude {lon!r} out of range [-180, 180]")
    if style == "decimal":
        p = 6 if precision is None else int(precision)
        return f"{lat:.{p}f}, {lon:.{p}f}"
    if style == "dms":
        p = 2 if precision is None else int(precision)
        return f"{_dms(lat, 'N', 'S', p)} {_dms(lon, 'E', 'W', p)}"
    if style == "mgrs":
        import mgrs

        p = 5 if precision is None else int(precision)
        if not 0 <= p <= 5:
            raise ValueError(f"MGRS precision {precision!r} must be 0-5")
        if not -80 <= lat <= 84:
            raise ValueError(f"latitude {lat!r} outside MGRS/UTM coverage [-80, 84] (polar UPS not supported)")
        # round to 1 cm: the mgrs package writes an unreadable "M" band for -1e-8 < lat < 0
        lat, lon = round(lat, 7) + 0.0, round(lon, 7) + 0.0
        try:
            return mgrs.MGRS().toMGRS(lat, lon, MGRSPrecision=p)
        except Exception as exc:
            raise ValueError(f"cannot write {lat!r}, {lon!r} as MGRS: {exc}") from None
    raise ValueError(f"unknown coordinate style {style!r} (use 'decimal', 'dms' or 'mgrs')")
