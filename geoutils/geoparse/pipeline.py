"""The geoparse pipeline: recognise mentions, then resolve them with the article's context."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from gazetteer.normalize import fold_token

from geoutils.geoparse.context import resolve_all
from geoutils.geoparse.mention import Mention
from geoutils.geoparse.recognise import recognise
from geoutils.geoparse.vocab import lexicon

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
            start = article_start(text, m.start, r.place.name)
            out.append(Mention(start, m.end, text[start:m.end] if start < m.start else m.text, r.place,
                               m.kind_hint, role, r.confidence, reason, cont,
                               m.container_text, m.relation, m.dateline))
    return out


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """The articles as written, not folded (``words`` folds "Ann" to "an", an article)."""
    return frozenset(w.lower() for w in lexicon("en").get("name_particles", []))


def article_start(text: str, start: int, name: str) -> int:
    """Where a mention at ``start`` begins when a transliterated article written as its own word stands
    before it and the place's own name has that article ("El Paso", "Ash Sharqat"): the scanner's
    key folds the article away. A place named without it ("Al Larson" read as Larsen) keeps the span.

    >>> t = "police in El Paso said; Mayor Al Larson; Ann Arbor"
    >>> [article_start(t, t.index(w), n) for w, n in (("Paso", "El Paso"), ("Larson", "Larsen"), ("Arbor", "Ann Arbor"))]
    [10, 33, 41]
    """
    i = start - 1
    if i < 2 or text[i] != " ":
        return start
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    art = text[j:i]
    # (as written or folded: "Ann" of "Ann Arbor" folds to the article "an" that the key drops)
    if not art[:1].isupper() or (art.lower() not in _particles() and fold_token(art) not in _particles()) \
            or (j > 0 and text[j - 1].isalnum()):
        return start
    low = name.lower()
    return j if low.startswith(art.lower()) and low[len(art):len(art) + 1] in (" ", "-", "\u2010", "'") else start
