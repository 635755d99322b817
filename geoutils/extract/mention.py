"""One event word (cluster) of a sentence with what the sentence says about it.

Built by :mod:`geoutils.extract.clauses` (prose) and :mod:`geoutils.extract.records` (record
lines); grouped into incidents by :mod:`geoutils.extract.incidents`. Its own module, so that
neither builder imports the other for it.

Example
-------
>>> m = EventMention((0, 20), "Attack", None, False, False, killed=2)
>>> (m.kind, m.killed, m.cands)
('Attack', 2, [])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geoutils.extract.places import Cand

__all__ = ["EventMention"]


@dataclass
class EventMention:
    """One event word (cluster) of a sentence with what the sentence says about it."""

    sent: tuple[int, int]
    sub: str | None
    weapon: str | None
    definite: bool
    headline: bool
    evidence: tuple[int, int] = (0, 0)  # char span of the event words
    date: date | None = None
    precision: int | None = None
    time: str | None = None
    dawn: bool = False
    cands: list[Cand] = field(default_factory=list)
    killed: int | None = None
    killed_named: bool = False
    toll_updated: bool = False  # the figure is a risen toll ("the death toll rose to 28")
    killed_more: bool = False  # further victims of the event ("a farmer died as well"): the figure adds
    injured: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    also: bool = False  # an additive word ("also", كما): another target of the event referred to
    generic: bool = False  # the kind comes from a generic word only ("attack kills 8"): a more specific one may join
    unnamed_site: bool = False  # the sentence puts the event at an unnamed settlement ("attacked a village")
    record: bool = False  # a coded-event record line (:mod:`~geoutils.extract.records`): an event of unknown kind

    @property
    def kind(self) -> str | None:
        """The sub-event type for matching mentions (None when only generic)."""
        return None if self.generic else self.sub
