"""Structure around the mentions: names the gazetteer lacks, containers, relations, the dateline.

* "قرية الجيزاني", "ناحية العظيم", "Islah village", "the village of Islah": a generic place word with a
  name the gazetteer lacks is a mention with no place;
* containers: "X, Diyala province", "X (Dahuk)", "X التابعة لقضاء Y", "X north of Y", "Iraq's Anbar";
* relations: "north of Baquba", "جنوب كركوك", "near Tikrit";
* the dateline: the article's first mention at a line start followed by a dash ("BAGHDAD —");
* a plural unit word after a list gives every item its kind: "Clay, Douglas and Grant counties".

Example
-------
>>> from geoutils.extract.memory import MemoryGazetteer
>>> from geoutils.geoparse.recognise import recognise
>>> [(c.text, c.category) for c in recognise("Gunmen raided Zaghniyah village.", MemoryGazetteer.demo())]
[('Zaghniyah', 'unknown')]
"""
from __future__ import annotations

import re
from itertools import compress

from gazetteer.normalize import fold_token, is_arabic

from geoutils.geoparse.lexical import (_ADMIN_KINDS, _SENT_END, COMMON_ZIPF, GENERIC_WORDS, Cand, _Ctx,
                                       _definite, _first_word, _last_word, _zipf)
from geoutils.geoparse.scanner import Scan
from geoutils.geoparse.vocab import words

__all__ = ["unknown_names", "structure", "plural_kinds"]


def unknown_names(text: str, sc: Scan, ctx: _Ctx, taken: set[int]) -> list[Cand]:
    """"قرية الجيزاني", "ناحية العظيم", "Islah village", "the village of Islah": names the gazetteer lacks."""
    before_ar = words("unknown_before")
    heads = words("name_heads")
    after_en = words("unknown_after")
    of_en = words("unknown_before_of")
    out: list[Cand] = []
    starts: list[int] | None = None
    n = len(sc.words)
    stop = words("place_before") | words("relations") | words("months") | words("weekdays")

    def span(c0: int, c1: int) -> tuple[int, int]:
        nonlocal starts
        if starts is None:
            from geoutils.geoparse.scanner import word_starts

            starts = word_starts(text)
        s, e = starts[c0], starts[c1] + len(sc.words[c1])
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        return s, e

    # only a chunk that is one of the generic words below can start a name: those are found at C level
    trigger = before_ar | of_en | after_en
    for c in compress(range(n), map(trigger.__contains__, sc.folded)):
        f = sc.folded[c]
        if not f or c in taken:
            continue
        raw = sc.words[c]
        if is_arabic(raw):
            if f in before_ar and c + 1 < n and (c + 1) not in taken and is_arabic(sc.words[c + 1]):
                nf = sc.folded[c + 1]
                if not nf or nf in stop or nf in GENERIC_WORDS or _SENT_END.search(raw):
                    continue
                if _definite(raw) and _definite(sc.words[c + 1]):
                    continue  # "القرية المجاورة" describes (the neighbouring village); "قرية الجيزاني" names
                c1 = c + 1
                if nf in heads and c + 2 < n and (c + 2) not in taken and is_arabic(sc.words[c + 2]) \
                        and not _SENT_END.search(sc.words[c + 1]):
                    c1 = c + 2
                s, e = span(c + 1, c1)
                if s < e:
                    out.append(Cand(s, e, text[s:e], " ".join(sc.folded[c + 1:c1 + 1]), "unknown", [],
                                    GENERIC_WORDS.get(f) or "place", c + 1, c1))
                    taken.update(range(c, c1 + 1))
        elif f in of_en and c + 2 < n and sc.folded[c + 1] == "of" and sc.words[c + 2][:1].isupper() \
                and (c + 2) not in taken and sc.folded[c + 2] not in stop:
            if _zipf(sc.words[c + 2].lower().strip(",.'\""), "en") >= COMMON_ZIPF:
                continue
            s, e = span(c + 2, c + 2)
            if s < e:
                out.append(Cand(s, e, text[s:e], sc.folded[c + 2], "unknown", [], GENERIC_WORDS.get(f) or "place",
                                c + 2, c + 2))
                taken.update(range(c, c + 3))
        elif f in after_en and c > 0 and (c - 1) not in taken:
            # capitalised words right before: "Islah village", "Sehit Kendal area"
            c0 = c - 1
            if not sc.words[c0][:1].isupper() or sc.folded[c0] in stop or _SENT_END.search(sc.words[c0]):
                continue
            if c0 - 1 >= 0 and (c0 - 1) not in taken and sc.words[c0 - 1][:1].isupper() \
                    and not _SENT_END.search(sc.words[c0 - 1]) and sc.folded[c0 - 1] not in stop \
                    and _zipf(sc.words[c0 - 1].lower(), "en") < COMMON_ZIPF:
                c0 -= 1
            if _zipf(sc.words[c0].lower().strip(",.'\""), "en") >= COMMON_ZIPF:
                continue
            s, e = span(c0, c - 1)
            if s < e:
                out.append(Cand(s, e, text[s:e], " ".join(sc.folded[c0:c]), "unknown", [],
                                GENERIC_WORDS.get(f) or "place", c0, c - 1))
                taken.update(range(c0, c + 1))
    return out


def structure(text: str, cands: list[Cand], ctx: _Ctx) -> None:
    """Containers ("X, Diyala province", "X (Dahuk)", "X التابعة لقضاء Y", "X north of Y"),
    relations ("north of Baquba", "جنوب كركوك") and the dateline ("BAGHDAD —")."""
    plural_kinds(cands, ctx)
    rel = words("relations")
    cues = words("container_cues")
    fillers = words("container_fillers")
    for i, m in enumerate(cands):
        p1 = _last_word(ctx.prev(m.c0))
        p2 = _last_word(ctx.prev(m.c0, 2))
        if p1 == "of" and p2 in rel:
            m.relation = f"{ctx.raw(m.c0 - 2).strip(',').lower()} of"
        elif p1 in rel and not ctx.raw(m.c0 - 1).endswith(","):
            m.relation = ctx.raw(m.c0 - 1).strip(",()")
        if i + 1 < len(cands) and (cands[i + 1].c0 - m.c1 <= 4 or all(
                not f or _first_word(f) in GENERIC_WORDS for f in ctx.folded[m.c1 + 1:cands[i + 1].c0])):
            # (further apart than 4 chunks, only generic words between make a container: no list built)
            nx = cands[i + 1]
            gap = nx.c0 - m.c1
            between = [_first_word(f) for f in ctx.folded[m.c1 + 1:nx.c0] if f]
            comma = any(ctx.raw(c).endswith((",", "،")) for c in range(m.c1, nx.c0))
            # "عين الأسد (غرب) وأربيل", "Mosul and Kirkuk": a list, not a container
            coordinated = (is_arabic(nx.text) and nx.text.startswith("و") and not nx.key.startswith("و")) \
                or "and" in between or "و" in between or any(ctx.raw(c).startswith("(") for c in range(m.c1 + 1, nx.c0))
            if between and all(w in GENERIC_WORDS for w in between):
                gap = 1  # "Zaghniyah village, Diyala province": the generic word belongs to the name
            paren = ctx.raw(nx.c0).startswith("(")
            admin_next = nx.category in ("country", "region") or _first_word(ctx.next(nx.c1)) in (
                "province", "governorate", "district", "county", "state") or any(
                getattr(p, "kind", "") in _ADMIN_KINDS for p in nx.places if not isinstance(p, str))
            contained = False
            if gap == 1 and (comma or paren) and admin_next:
                contained = True
            elif gap == 1 and paren:
                contained = True
            elif 1 < gap <= 4 and between and not coordinated and all(
                    w in cues or w in rel or w in GENERIC_WORDS or w in fillers for w in between):
                strong_cue = any(w in cues and w not in ("in", "of", "within", "في") for w in between)
                if strong_cue or (any(w in cues for w in between) and (admin_next or any(w in GENERIC_WORDS for w in between))):
                    contained = True
                elif any(w in rel for w in between):
                    contained = True
            elif gap == 1 and nx.relation and is_arabic(nx.text) and not coordinated:
                contained = True
            elif gap == 1 and is_arabic(nx.text) and not coordinated \
                    and fold_token(nx.text.split(" ", 1)[0]) == "ب" + nx.key.split(" ", 1)[0]:
                contained = True  # "الكرادة ببغداد": an attached "in" before the next place
            if contained and comma and not paren and _serial_list(cands, i, ctx):
                contained = False  # "Delaware, Virginia and Indiana": three peers, not Delaware in Virginia
            if contained and nx.category != "ctx" and m.category not in ("ctx", "country", "region", "continent"):
                # a country or region spans provinces: "the Kurdistan region, Dahuk" is an apposition
                m.container = i + 1
                m.container_text = nx.text
            elif gap == 1 and ctx.raw(m.c1).endswith(("'s", "’s")) and nx.container is None \
                    and m.category in ("country", "gaz", "region"):
                nx.container, nx.container_text = i, m.text  # "Iraq's Anbar", "Syria's Idlib province"
        # the dateline: the article's first mention, at a line start, followed by a dash
        if i == 0 and m.start < 200:
            line_start = text.rfind("\n", 0, m.start) + 1
            before = text[line_start:m.start].strip()
            after = text[m.end:m.end + 40]
            if (not before or before.isupper()) and re.match(r"^\s*(\([^)]{1,30}\)\s*)?[,]?\s*[-—–:]", after):
                m.dateline = True


def _plural_kind(word: str) -> str | None:
    """The unit kind of a plural generic word ("counties": county), None for a singular or another word.
    A plural is a generic word whose singular ("-ies" to "-y", "-s" dropped) is a generic word of the same kind."""
    kind = GENERIC_WORDS.get(word)
    if kind is None or not word.endswith("s"):
        return None
    sing = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return kind if GENERIC_WORDS.get(sing) == kind else None


def plural_kinds(cands: list[Cand], ctx: _Ctx) -> None:
    """"Becker, Clay, Douglas and Grant counties": the plural unit word after a list of names asks for
    its kind for every item of the list, not only for the last one the scanner joined it to.

    >>> from geoutils.geoparse.scanner import Scan
    >>> w = "in Becker , Clay and Grant counties".split()
    >>> cs = [Cand(0, 0, x, x.lower(), "gaz", [], None, i, i) for i, x in ((1, "Becker"), (3, "Clay"), (5, "Grant"))]
    >>> plural_kinds(cs, _Ctx(Scan([], w, [x.lower() for x in w])))
    >>> [c.kind_hint for c in cs]
    ['county', 'county', 'county']
    """
    for i in range(len(cands) - 1, -1, -1):
        m = cands[i]
        kind = _plural_kind(_first_word(ctx.next(m.c1)))
        if kind is None and m.kind_hint is not None:
            # the scanner may have joined the plural word to the last name ("Grant counties")
            kind = _plural_kind(_last_word(ctx.folded[m.c1])) if m.c1 > m.c0 else None
        if kind is None or (m.kind_hint not in (None, kind)):
            continue
        m.kind_hint = kind
        j = i
        while j > 0:
            a, b = cands[j - 1], cands[j]
            between = [f for f in ctx.folded[a.c1 + 1:b.c0] if f]
            comma = ctx.raw(a.c1).endswith((",", "،")) or any(ctx.raw(c) in (",", "،") for c in range(a.c1 + 1, b.c0))
            joined = [w for w in between if w not in (",", "،")]
            if not ((comma and not joined) or joined in (["and"], ["or"])) or a.category != "gaz" \
                    or a.kind_hint is not None:
                break
            a.kind_hint = kind
            j -= 1


def _serial_list(cands: list[Cand], i: int, ctx: _Ctx) -> bool:
    """Do mentions ``i`` and ``i + 1`` open a serial list "A, B and C" (C the list's last item: no
    ", D" after it, as in "Richmond, Virginia and Raleigh, North Carolina")?"""
    if i + 2 >= len(cands):
        return False
    b, c = cands[i + 1], cands[i + 2]
    between = [_first_word(f) for f in ctx.folded[b.c1 + 1:c.c0] if f]
    if c.c0 - b.c1 != 2 or between not in (["and"], ["or"], ["و"]) or ctx.raw(b.c1).endswith((",", "،")):
        return False
    if i + 3 < len(cands) and cands[i + 3].c0 - c.c1 == 1 and ctx.raw(c.c1).endswith((",", "،")):
        return False  # "and Raleigh, North Carolina": C has its own container, so B was A's
    return True
