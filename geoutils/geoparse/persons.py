"""Person-name evidence for recognition: a place name that stands in a person's name is no mention.

* English: a capitalised first name or a title right before the name ("Ellen Dayton", "Sen.
  Dayton"), a role noun in lower case ("SDF commander Mazloum Abdi"), or a rare capitalised word
  right after it (a surname: "Linda Brackwell"); not in a title-case headline, whose capitals say
  nothing, and not after a function word ("The"). An age
  in apposition says person anywhere ("Melton Paris, 51, was found", "his son, Parker, 8,").
* Arabic: a name right after a nationality adjective, or after one and a first name
  ("المدرب البرازيلي سانتوس", "البرازيلي كارلوس سانتوس"), unless a place word comes first
  ("العاصمة النمساوية فيينا").

Example
-------
>>> from geoutils.geoparse.lexical import _Ctx
>>> from geoutils.geoparse.scanner import Scan
>>> w = "Police said Linda Brackwell was not hurt".split()
>>> _longer_name(_Ctx(Scan([], w, [x.lower() for x in w])), 2, set())
True
"""
from __future__ import annotations

from functools import lru_cache

from gazetteer.normalize import fold_token, is_arabic

from geoutils.geoparse.lexical import (_SENT_END, GENERIC_WORDS, STRONG_ZIPF, Cand, _Ctx, _definite, _first_word,
                                       _last_word, _zipf)
from geoutils.geoparse.vocab import words

#: a capitalised word after a name this rare as an English word is a surname ("Linda Brackwell")
RARE_ZIPF = 3.5
#: a capitalised word before a name this frequent is a function word ("The", "But"), not a first name
FUNCTION_ZIPF = 6.0


@lru_cache(maxsize=1)
def _after_place() -> frozenset[str]:
    return words("place_after") | {w for w, k in GENERIC_WORDS.items() if k in ("governorate", "district", "place")}


_TITLES = frozenset("mr mrs ms dr sen rep gov lt gen col sgt capt president senator judge officer coach "
                    "pastor rev father saint st mayor sheriff chief deputy secretary minister".split())


@lru_cache(maxsize=1)
def _after_words() -> frozenset[str]:
    return words("place_after") | {w for w, k in GENERIC_WORDS.items() if k is not None}


def _person_like(ctx: _Ctx, c0: int, c1: int, text: str, start: int, starts: frozenset[int] | set[int] = frozenset()) -> bool:
    """A capitalised word glued before the name (a first name: "Ellen Dayton") or a title ("Sen. Dayton").

    Not a capitalised word after it: "Tulsa Police", "Dayton City Council" name the place."""
    after = _after_words()
    prev_raw = ctx.raw(c0 - 1)
    if _title_case(ctx, c0, c1):
        return False  # a headline in title case ("Tulsa Voters Back New School Levy") says nothing by its capitals
    if c0 > 0 and prev_raw[:1].isupper() and prev_raw[-1:].isalnum() and not prev_raw.endswith(("'s", "’s")) \
            and not _sentence_start(ctx, text, start, c0):
        pf = _last_word(ctx.prev(c0))
        if pf in words("name_particles") or prev_raw.lower().rstrip("-") in words("name_particles"):
            return _longer_name(ctx, c1, starts)  # "Al Hawija": the article of a transliterated name
        prev_start = text.rfind(prev_raw, max(0, start - len(prev_raw) - 8), start)
        if prev_start >= 0 and pf in words("sentence_openers") and _sentence_start(ctx, text, prev_start, c0 - 1):
            return _longer_name(ctx, c1, starts)  # "Despite Halifax's": a sentence's first word says nothing by its capital
        if pf not in words("place_before") and pf not in words("relations") and pf not in after \
                and _zipf(prev_raw.lower(), "en") < FUNCTION_ZIPF:  # "The Dayton Fire Department"
            return True
    if _last_word(ctx.prev(c0)) in _TITLES and prev_raw[:1].isupper():
        return True
    if prev_raw[:1].islower() and prev_raw.isalpha() and _last_word(ctx.prev(c0)) in words("person_titles"):
        return True  # "SDF commander Mazloum Abdi": a role noun in lower case, then the name
    return _longer_name(ctx, c1, starts)


def age_follows(ctx: _Ctx, c0: int, c1: int) -> bool:
    """Is the name followed by an age between commas and then running text ("Paris, 51, was")? A
    place is never so written, not even a state's name ("Georgia, 6, and"); a tally goes on with
    another name, or follows a number ("Texas, 12, Ohio, 9, were").

    >>> from geoutils.geoparse.scanner import Scan
    >>> w = "Melton Paris, 51, was found in Paris, Texas, 12, Ohio, 9, were counted.".split()
    >>> [age_follows(_Ctx(Scan([], w, w)), c, c) for c in (1, 6, 7, 9)]
    [True, False, False, False]
    """
    if not ctx.raw(c1).endswith(","):
        return False
    age = ctx.raw(c1 + 1)
    return len(age) in (2, 3) and age.endswith(",") and age[:-1].isdigit() and age[0] != "0" \
        and not ctx.raw(c1 + 2)[:1].isupper() and not ctx.raw(c0 - 1).rstrip(",").isdigit()


def _title_case(ctx: _Ctx, c0: int, c1: int, span: int = 3) -> bool:
    """Are the words around the name capitalised nearly all (a title-case headline)? Lower-case
    words there ("of", "said") show running text."""
    around = [ctx.raw(j) for j in (*range(c0 - span, c0), *range(c1 + 1, c1 + 1 + span))]
    around = [w for w in around if w[:1].isalpha()]
    return len(around) >= 4 and all(w[:1].isupper() for w in around) \
        and any(_zipf(w.lower(), "en") >= STRONG_ZIPF for w in around)


def _longer_name(ctx: _Ctx, c1: int, starts: frozenset[int] | set[int]) -> bool:
    """The name runs on into a capitalised word that is neither a place word nor a place: "Linda
    Brackwell", "Tulsa Orwick Hall" name a person or a building, not the town.
    "Tulsa Police" and "Alexandria, Virginia" do not run on (a place word; a comma)."""
    raw, nxt = ctx.raw(c1), ctx.raw(c1 + 1)
    if not raw[-1:].isalnum() or not nxt[:1].isupper() or nxt.isupper() or (c1 + 1) in starts:
        return False
    w = _first_word(ctx.next(c1))
    if not w or w in _after_words() or w in words("place_before") or w in words("relations"):
        return False
    # a rare word is a surname or a proper name ("Linda Brackwell"); a common one ("Dayton Fire
    # Department", "Tulsa County Board") names an institution of the place, which stays a mention
    return _zipf(nxt.rstrip(".,;:!?'’\")”").lower(), "en") < RARE_ZIPF


def _after_demonym(out: list[Cand], c0: int, ctx: _Ctx) -> bool:
    """An Arabic name right after a nationality adjective, or after one and a first name, is a person:
    "البرازيلي سانتوس", "البرازيلي كارلوس سانتوس" (an adjective follows its noun: "القوات السورية" is no place)."""
    for m in reversed(out[-2:]):
        if m.category == "ctx" and not m.weak and m.c1 in (c0 - 1, c0 - 2):
            if m.c1 == c0 - 1:
                before = _last_word(ctx.prev(m.c0))  # "العاصمة النمساوية فيينا", "مدينة ... " name a place
                return before not in _after_place() and before not in words("place_before_strong")
            mid = ctx.raw(c0 - 1)  # a first name between: rarer than a function word, no article, no cue
            return is_arabic(mid) and not _definite(mid) and _zipf(mid, "ar") < STRONG_ZIPF \
                and fold_token(mid) not in words("place_before")
    return False


def _sentence_start(ctx: _Ctx, text: str, start: int, c0: int) -> bool:
    if c0 <= 0:
        return True
    prev = ctx.raw(c0 - 1)
    if _SENT_END.search(prev):
        return True
    gap = text[max(0, start - 3):start]
    return "\n" in gap
