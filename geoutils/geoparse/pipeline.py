"""The geoparse pipeline: recognise mentions, then resolve them with the article's context."""
from __future__ import annotations

from typing import Any

from geoutils.geoparse.context import resolve_all
from geoutils.geoparse.mention import Mention
from geoutils.geoparse.recognise import recognise

__all__ = ["run"]


def run(text: str, gz: Any, *, lang: str | None = None, focus: Any = None, tokens: Any = None) -> list[Mention]:
    """Mentions of ``text`` (see :func:`geoutils.geoparse.parse_mentions`)."""
    cands = recognise(text, gz, tokens=tokens)
    res = resolve_all(cands, gz, focus=focus)
    out: list[Mention] = []
    for m, r in zip(cands, res):
        if m.weak:
            continue  # every candidate ruled out by the article's focus
        role = "context" if m.category == "ctx" or m.modifier else "place"  # "Turkish", "Baghdad-based"
        cont = res[m.container].place if m.container is not None and res[m.container] is not None else None
        if r is None:
            kind = m.kind_hint if m.category == "unknown" else m.category
            reason = {"unknown": "not in the gazetteer", "region": "region", "continent": "continent"}.get(m.category, "")
            if cont is not None:
                reason += f"; container: {cont.name}"
            out.append(Mention(m.start, m.end, m.text, None, kind, role, 0.3, reason, cont, m.container_text,
                               m.relation, m.dateline))
        else:
            reason = "dateline; " + r.reason if m.dateline and "dateline" not in r.reason else r.reason
            out.append(Mention(m.start, m.end, m.text, r.place, m.kind_hint, role, r.confidence, reason, cont,
                               m.container_text, m.relation, m.dateline))
    return out
