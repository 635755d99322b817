"""Hyphen compounds: the names inside "Egyptian-US", "Logan-Rogersville", "Baghdad-based", "1-Turkey".

The scanner matches folded keys inside whitespace chunks, and a hit's span is its whole chunks:
"Baghdad-based" folds to ``baghdad based`` and the key ``baghdad`` matches, but the span kept the
suffix; "Russia-Turkey" gave one mention (Russia) over both names; a wire prefix ("UPDATE 1-Turkey",
"CORRECTED-(OFFICIAL)-Turkish") stayed in the span. A hit whose chunks fold to more than its key,
with a hyphen in its span, is scanned again with the hyphens read as spaces (same offsets): each
name in it becomes a hit of its own, with its own span, and the rest ("based", "area", "1") none.
A name that has the hyphen itself ("Miami-Dade", "Ust-Kamenogorsk", "Batesburg-Leesville") matches
its whole chunk and is left as it is.

Example
-------
>>> from geoutils.geoparse.scanner import Scanner
>>> sc = Scanner([("iran", "c:ir"), ("turkey", "c:tr"), ("baghdad", "p:b")])
>>> t = "Iran-Turkey talks; a Baghdad-based group"
>>> [t[h.start:h.end] for h in split_compounds(sc, sc.scan_chunks(t), t)]
['Iran', 'Turkey', 'Baghdad']
"""
from __future__ import annotations

from typing import Any

from gazetteer.normalize import is_arabic

__all__ = ["split_compounds", "modifies"]


def split_compounds(scanner: Any, scan: Any, text: str) -> list:
    """The scan's hits with each hyphen compound's names as hits of their own (see the module doc).

    Parameters
    ----------
    scanner : the :class:`~geoutils.geoparse.scanner.Scanner` that made ``scan``.
    scan : its :meth:`~geoutils.geoparse.scanner.Scanner.scan_chunks` result on ``text``.
    text : the scanned text.
    """
    hits = scan.hits
    if "-" not in text:
        return list(hits)
    out = []
    seen: set[tuple[int, int]] = set()  # two keys of one compound each gave a hit over the whole chunk
    for h in hits:
        surface = text[h.start:h.end]
        if "-" not in surface or is_arabic(surface) or h.c0 < 0 \
                or " ".join(f for f in scan.folded[h.c0:h.c1 + 1] if f) == h.key:
            if (h.start, h.end) not in seen:
                seen.add((h.start, h.end))
                out.append(h)
            continue
        sub = surface.replace("-", " ")
        inner = scanner.scan_chunks(sub).hits
        if not inner:
            out.append(h)
            continue
        # the names inside, at their offsets in ``text``; the chunk indices stay the compound's own
        for g in inner:
            if (h.start + g.start, h.start + g.end) not in seen:
                seen.add((h.start + g.start, h.start + g.end))
                out.append(h._replace(start=h.start + g.start, end=h.start + g.end, key=g.key,
                                      place_ids=g.place_ids, kind=g.kind or h.kind))
    return out


def modifies(text: str, end: int) -> bool:
    """Does the name ending at ``end`` modify the next part of its hyphen compound, a lower-case word
    ("Baghdad-based analyst", "Anbar-based force")? Such a name is context, not an event's place, as
    short.py reads "UK-based". A capitalised next part is another name ("Baghdad-Kirkuk highway"), and
    a short one ("al", "ez") the rest of a transliterated name.

    >>> modifies("a Baghdad-based analyst", 9), modifies("the Baghdad-Kirkuk road", 11)
    (True, False)
    """
    if text[end:end + 1] != "-":
        return False
    j = end + 1
    while j < len(text) and text[j].isalpha():
        j += 1
    part = text[end + 1:j]
    return len(part) >= 4 and part.isascii() and part.islower()
