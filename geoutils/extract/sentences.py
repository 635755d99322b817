"""Sentence spans and the headline zone of a news article.

Example
-------
>>> text = "Rockets hit Kirkuk. No one was hurt."
>>> [text[s:e] for s, e in split_sentences(text)]
['Rockets hit Kirkuk.', 'No one was hurt.']
"""
from __future__ import annotations

import re

__all__ = ["split_sentences", "body_start", "dateline", "normalize_newlines", "title_stack", "MAX_SENTENCE"]

#: a longer "sentence" (no full stop for pages) is cut into pieces of at most this many
#: characters, at a comma or a space: every window that looks around a word stays bounded
MAX_SENTENCE = 1200
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"})


def normalize_newlines(text: str) -> str:
    """CR-only, CRLF, U+2028/U+2029 (and NEL, VT, FF) line ends as "\\n", keeping the length, so
    that every offset still indexes the original text ("\\r\\n" becomes " \\n").

    Example
    -------
    >>> normalize_newlines("Title\\rBody\\r\\nEnd\\u2029")
    'Title\\nBody \\nEnd\\n'
    """
    if text.isascii() and "\r" not in text and "\x0b" not in text and "\x0c" not in text:
        return text
    return text.replace("\r\n", " \n").translate(_NEWLINES)

# sentence end: . ! ? ؟ (possibly repeated, possibly followed by a closing quote) then space,
# or one or more newlines
_END = re.compile(r"[.!?؟]+[\"'”»)]*(?=\s|$)|\n+")
_ABBREV = frozenset(
    "u.s us u.k uk u.n un mr mrs ms dr st no gen col lt sgt capt maj jan feb mar apr jun jul aug"
    " sep sept oct nov dec approx est km vs e.g i.e".split()
)
# a dateline opening a body paragraph: "كركوك (العراق) -", "KIRKUK, Iraq (Reuters) -", "BAGHDAD —"
_DATELINE = re.compile(
    r"^[ \t]*(?:[^\n()\-–—.]{2,40}\([^)\n]{2,30}\)|[A-Z][A-Z .,'’]{2,40}(?:\([^)\n]{2,30}\))?)[ \t]*[-–—:]",
    re.M,
)

# a wire dateline with its filing date: "BAGHDAD, Jan 18 (Reuters) -", "ERBIL, Iraq, March 3 —"
# (a capitalised city, an optional country, an optional "Month Day[, Year]", an optional agency)
_WIRE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}(?:,[ \t]*[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){0,2})?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?[ \t]*(?:\([^)\n]{2,30}\))?[ \t]*[-–—:]",
    re.M,
)
# an Arabic dateline: "بغداد -", "كركوك (العراق) -", "بغداد - 18 كانون الثاني (رويترز) -"
# (one to three words, an optional country in brackets, then a dash; an optional date and/or
# agency segment closed by a second dash, which must hold a digit or a bracket)
_AR_DATELINE = re.compile(
    r"^[ \t]*[\u0621-\u064A]+(?:[ \t]+[\u0621-\u064A]+){0,2}[ \t]*(?:\([^)\n]{2,30}\))?[ \t]*[-–—]"
    r"(?:[ \t]*(?:[^\n\-–—.()]{0,30}[0-9\u0660-\u0669][^\n\-–—.()]{0,30}(?:\([^)\n]{2,30}\))?"
    r"|\([^)\n]{2,30}\))[ \t]*[-–—])?",
    re.M,
)


def dateline(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the article's dateline (place, filing date, agency, closing dash), if any,
    in its first dozen lines. A date inside it is the filing date, not the event's.

    Example
    -------
    >>> t = "Title\\nBAGHDAD, Jan 18 (Reuters) - A bomb went off on Sunday."
    >>> s, e = dateline(t)
    >>> t[s:e]
    'BAGHDAD, Jan 18 (Reuters) -'
    >>> dateline("A bomb went off in Baghdad on Sunday.") is None
    True
    """
    head = "\n".join(text[:4000].split("\n")[:12])
    t0 = _title_end(head)  # a title line ("VIDEO: Militants attack X") opens no body paragraph
    found = [m for m in (r.search(head, t0) for r in (_WIRE, _AR_DATELINE, _DATELINE)) if m]
    if not found:
        return None
    first = min(m.start() for m in found)
    m = max((m for m in found if m.start() == first), key=lambda m: m.end())
    return first + (len(m.group()) - len(m.group().lstrip())), m.end()


def _title_end(text: str) -> int:
    """Offset after the article's title line: a short first line with no final punctuation,
    followed by more text (0 when the text has no such title)."""
    first = text[:4000].lstrip().split("\n", 1)
    if len(first) == 2 and first[0].strip() and first[1].strip() and len(first[0]) < 160 \
            and first[0].rstrip()[-1:] not in ".!?؟":
        return len(text) - len(text.lstrip()) + len(first[0]) + 1
    return 0


# at most this many lines in a stack of titles: set on the UCDP dev figure (headlines via
# extract_incidents), where joined headline strings have 2 to 6 lines; not re-tuned since
_STACK_LINES = 6


def title_stack(text: str) -> bool:
    """The text is a few headlines of one story, one a line (a digest, a coded event's sources):
    2 to ``_STACK_LINES`` non-empty lines, each a title (short, no final full stop).

    Example
    -------
    >>> title_stack("Blasts kill 20 across Iraq\\nGroup claims Kirkuk bombings")
    True
    >>> title_stack("Blasts kill 20 across Iraq\\nA bomb went off in Kirkuk on Monday. Police said so.")
    False
    """
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    return 2 <= len(lines) <= _STACK_LINES and all(len(ln) < 160 and ln[-1:] not in ".!?؟" for ln in lines)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into ``(start, end)`` sentence spans (whitespace trimmed, empties dropped).

    Abbreviations such as "U.S." and "Jan." do not end a sentence; a newline always does.

    Example
    -------
    >>> t = "U.S. forces struck. وقتل اثنان؟ نعم"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['U.S. forces struck.', 'وقتل اثنان؟', 'نعم']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] == ".":
            word = text[max(start, m.start() - 6): m.start()].rsplit(None, 1)
            last = word[-1].casefold() if word else ""
            if last in _ABBREV or (len(last) == 1 and last.isalpha()) or (
                m.start() > 0 and m.end() < len(text) and text[m.start() - 1].isdigit()
                and text[m.end():m.end() + 2].strip()[:1].isdigit()
            ):
                continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE:  # bounded pieces: cut at the last comma, else the last space
        lim = s + MAX_SENTENCE
        cut = max(text.rfind(",", s + MAX_SENTENCE // 2, lim), text.rfind("،", s + MAX_SENTENCE // 2, lim))
        cut = cut + 1 if cut > 0 else text.rfind(" ", s + MAX_SENTENCE // 2, lim)
        if cut <= s:
            cut = lim
        _add(text, s, cut, spans)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s and any(ch.isalnum() for ch in text[s:e]):
        spans.append((s, e))


def body_start(text: str) -> int:
    """Character offset where the article body starts (after title and standfirst lines).

    The body starts at a dateline ("كركوك (العراق) -", "KIRKUK, Iraq -") found in the first
    dozen lines; without one, a short first line with no final punctuation is a title.

    Example
    -------
    >>> body_start("Rocket hits base\\nKIRKUK (Reuters) - A rocket hit a base.")
    17
    >>> body_start("A rocket hit a base. Nobody was hurt.")
    0
    """
    span = dateline(text)
    if span:
        return span[0]
    return _title_end(text)
