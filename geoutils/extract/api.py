"""Article text -> incident GeoDataFrame (ACLED columns), end to end.

One road: text -> line ends normalised (same length) -> one token pass
(:mod:`~geoutils.extract.tokens`) -> mentions from :func:`geoutils.geoparse.parse_mentions`
(one call) -> event mentions per sentence (:mod:`~geoutils.extract.clauses`: triggers, dates,
numbers, actors, ACLED place rules of :mod:`~geoutils.extract.places`) -> incidents
(:mod:`~geoutils.extract.incidents`) -> rows (:mod:`~geoutils.extract.rows`).

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> gz = MemoryGazetteer.demo()
>>> g = extract_incidents("A Katyusha rocket hit K-1 air base on Thursday.", "2020-02-14", gazetteer=gz)
>>> g[["event_date", "sub_event_type", "location"]].values.tolist()
[[datetime.date(2020, 2, 13), 'Shelling/artillery/missile attack', 'K-1 Air Base']]
"""
from __future__ import annotations

from datetime import date
from typing import Any

from geoutils.extract.clauses import event_mentions
from geoutils.extract.report import report_day
from geoutils.extract.dates import parse_published
from geoutils.extract.incidents import group_incidents
from geoutils.extract.rows import incident_rows
from geoutils.extract.sentences import normalize_newlines, title_stack
from geoutils.extract.tokens import Tokens

__all__ = ["extract_incidents", "incident_records"]


def extract_incidents(text: str, published: str | date | None = None, lang: str | None = None,
                      source: str | None = None, gazetteer: Any = None):
    """Incidents reported by a news article, as an ACLED-style EPSG:4326 GeoDataFrame.

    Parameters
    ----------
    text : the article, a headline alone, a brief, or a coded-event note (Arabic or English).
    published : publication date (YYYY-MM-DD or ``datetime.date``): resolves weekdays,
        "yesterday", years. Defaults to today.
    lang : "ar" or "en"; detected when None (the lexicons cover both).
    source : goes to the ``source`` column and prefixes ``event_id``.
    gazetteer : a :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).

    Returns
    -------
    GeoDataFrame with :data:`geoutils.schema.COLUMNS`: one row per incident and target
    place, past incidents the article recalls included. Unknown place -> NaN coordinates and
    None geometry; unknown day -> ``event_date`` None (or the 1st with ``time_precision`` 3
    when only the month is known). ``start_char``/``end_char`` index ``text``.

    Example
    -------
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> g = extract_incidents("سقط صاروخ كاتيوشا على قاعدة كي وان الخميس.", "2020-02-14",
    ...                       gazetteer=MemoryGazetteer.demo())
    >>> (str(g.event_date[0]), int(g.fatalities[0]), int(g.geo_precision[0]))
    ('2020-02-13', 0, 1)
    """
    from geoutils.schema import coerce, empty_incidents

    rows = incident_records(text, published, lang, source, gazetteer)
    return coerce(rows) if rows else empty_incidents()


def incident_records(text: str, published: str | date | None = None, lang: str | None = None,
                     source: str | None = None, gazetteer: Any = None) -> list[dict]:
    """The rows of :func:`extract_incidents` as plain dicts, before the GeoDataFrame is built.

    For batch work (:func:`geoutils.extract_corpus`) that builds one table for many articles:
    ``geoutils.schema.coerce(rows)`` gives what :func:`extract_incidents` returns.

    Example
    -------
    >>> from geoutils.extract.memory import MemoryGazetteer
    >>> rows = incident_records("سقط صاروخ على قاعدة كي وان الخميس.", "2020-02-14", gazetteer=MemoryGazetteer.demo())
    >>> str(rows[0]["event_date"])
    '2020-02-13'
    """
    from geoutils.geoparse import parse_mentions

    if not isinstance(text, str):
        raise ValueError(f"article text must be a string, not {type(text).__name__}")
    if lang not in (None, "ar", "en"):
        raise ValueError(f"language {lang!r} is not 'ar' or 'en'")
    pub = parse_published(published)
    if not text.strip():
        return []
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()  # a first build shows its progress bar
    work = normalize_newlines(text)  # same length: offsets index the original text
    toks = Tokens.of(work)
    mentions = parse_mentions(work, published=pub, lang=lang, gazetteer=gazetteer, tokens=list(toks))
    stacked = title_stack(work)  # computed once: the clauses and the grouping read it
    incidents = group_incidents(event_mentions(work, toks, mentions, pub, stacked), today=report_day(work, toks, pub),
                                stacked=stacked)
    return incident_rows(incidents, text, source, pub)
