"""The report's own day: the day its news happened on when the text gives no other.

* the dateline's date ("BAGHDAD, Jan 18 (Reuters) -") when it gives one and it is not after
  publication, else the publication date (:func:`filing_date`, also the anchor of relative
  dates such as "on Sunday", أمس);
* no report day for a title that looks back (lexicon ``retrospective``: "Ten years ago: the
  siege of X", "في ذكرى ..."): its story is history, not the day's news.

Example
-------
>>> from datetime import date
>>> from geoutils.extract.tokens import Tokens
>>> t = "Rocket hits Kirkuk market\\n\\nA rocket hit a market in Kirkuk."
>>> report_day(t, Tokens.of(t), date(2021, 5, 10))
datetime.date(2021, 5, 10)
>>> t = "Ten years ago: the siege of Kirkuk\\n\\nFighters besieged the town for months."
>>> report_day(t, Tokens.of(t), date(2021, 5, 10)) is None
True
"""
from __future__ import annotations

from datetime import date

from geoutils import lexicons
from geoutils.extract.dates import find_dates
from geoutils.extract.numbers import word_value
from geoutils.extract.sentences import body_start, dateline
from geoutils.extract.tokens import Tokens

__all__ = ["filing_date", "report_day", "looks_back"]


def filing_date(toks_all: Tokens, dl: tuple[int, int] | None, pub: date) -> date:
    """The date written in the dateline ``dl`` (its char span), when there is one and it is not
    after publication; else the publication date ``pub``.

    Example
    -------
    >>> from datetime import date
    >>> from geoutils.extract.tokens import Tokens
    >>> t = "BAGHDAD, May 8 (Reuters) - A bomb exploded."
    >>> filing_date(Tokens.of(t), (0, 26), date(2021, 5, 10))
    datetime.date(2021, 5, 8)
    """
    if dl:
        hits = [d for d in find_dates(toks_all.span(*dl), pub) if not d.relative and d.precision == 1]
        if hits and hits[0].date <= pub:
            return hits[0].date
    return pub


def looks_back(text: str, toks_all: Tokens) -> bool:
    """The title (the text before the body) looks back on past events (lexicon ``retrospective``).

    Example
    -------
    >>> from geoutils.extract.tokens import Tokens
    >>> t, u = "Remembering the siege of Kobani\\n\\nThe town is rebuilding.", "Bomb hits Kobani\\n\\nA bomb hit it."
    >>> looks_back(t, Tokens.of(t)), looks_back(u, Tokens.of(u))
    (True, False)
    """
    body = body_start(text)
    if body <= 0:
        return False
    back = lexicons.words("retrospective")
    title = toks_all.span(0, body)
    return any(title.has(k, back) for k in range(len(title))) or _opens_with_span_back(title)


def _opens_with_span_back(title: Tokens) -> bool:
    """The title opens with a span of time back: a number, a unit of time, then on/after/since/later
    ("One year on: ...", "10 years since ..."); "Man jailed for 10 years after ..." does not open so."""
    if len(title) < 3 or not title.has(1, lexicons.words("duration_units")) \
            or not title.has(2, lexicons.words("duration_back")):
        return False
    return title[0].norm.isdigit() or word_value(title[0].norm) is not None


def report_day(text: str, toks_all: Tokens, pub: date) -> date | None:
    """The report's own day: the dateline's date when it gives one, else the publication date;
    None when the title looks back (see module doc).

    Example
    -------
    >>> from datetime import date
    >>> from geoutils.extract.tokens import Tokens
    >>> t = "BAGHDAD, May 8 (Reuters) - A bomb exploded."
    >>> report_day(t, Tokens.of(t), date(2021, 5, 10))
    datetime.date(2021, 5, 8)
    """
    if looks_back(text, toks_all):
        return None
    return filing_date(toks_all, dateline(text), pub)
