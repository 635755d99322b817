"""The :class:`Mention`: one place name found in a text, with its resolution and why."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: a span of the original text and what it refers to.

    Attributes
    ----------
    start, end : char offsets into the original text (``text[start:end] == self.text``).
    text : the surface form.
    place : the resolved :class:`gazetteer.Place`, None when the gazetteer lacks the name.
    kind_hint : kind asked for by generic words around it ("airport", "base", "governorate", …).
    role : "place" (a location) or "context" (a nationality adjective: "Turkish", "الإيرانية").
    confidence : 0..1.
    reason : short human-readable why ("container: Diyala province", "dateline", "only candidate").
    container, container_text : explicit container the text gives ("X, Diyala province").
    relation : "near", "north of", … when the text says so.
    dateline : the mention is the article's dateline ("BAGHDAD —").

    Example
    -------
    >>> m = Mention(0, 6, "Kirkuk", None, None, "place", 0.3, "not in the gazetteer")
    >>> m.end - m.start == len(m.text)
    True
    """

    start: int
    end: int
    text: str
    place: Any
    kind_hint: str | None
    role: str
    confidence: float
    reason: str
    container: Any = None
    container_text: str | None = None
    relation: str | None = None
    dateline: bool = False
