"""The geoparse pipeline: recognise mentions, then resolve them with the article's context."""
from __future__ import annotations

from typing import Any

from geoutils.geoparse.mention import Mention
from geoutils.geoparse.scanner import scanner_for

__all__ = ["run"]


def run(text: str, gz: Any, *, lang: str | None = None, focus: Any = None, tokens: Any = None) -> list[Mention]:
    """Mentions of ``text`` (see :func:`geoutils.geoparse.parse_mentions`)."""
    hits = scanner_for(gz).scan(text)
    country = _focus_country(gz, hits, focus)
    out: list[Mention] = []
    for h in hits:
        if len(h.place_ids) == 1:
            p = gz.get(h.place_ids[0])
            reason = "only candidate"
        else:
            ranked = gz.rank(list(h.place_ids), kind=h.kind, country=country)
            p = ranked[0] if ranked else None
            reason = f"article focus: {country}" if country and p is not None and p.country_code == country else "prior"
        conf = 0.9 if reason == "only candidate" else 0.6
        out.append(Mention(h.start, h.end, text[h.start:h.end], p, h.kind, "place", conf, reason))
    return out


def _focus_country(gz: Any, hits: list, focus: Any) -> str | None:
    if isinstance(focus, str):
        return focus.upper()
    if focus:
        return str(list(focus)[0]).upper()
    counts: dict[str, int] = {}
    for h in hits:
        ranked = gz.rank(list(h.place_ids), kind=h.kind) if len(h.place_ids) > 1 else [gz.get(h.place_ids[0])]
        p = ranked[0] if ranked else None
        if p is not None and p.country_code:
            counts[p.country_code] = counts.get(p.country_code, 0) + (3 if p.kind == "country" else 1)
    return max(counts, key=counts.get) if counts else None
