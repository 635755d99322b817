"""Extraction vocabulary as data: one TOML file per language (``en.toml``, ``ar.toml``).

The files hold the trigger words (with their ACLED sub-event type and weapon), the locative
and relative cues, actor names, stop words and month names. They are read lazily, once, and
folded with the shared :func:`gazetteer.normalize.fold_token`; the code never lists words.

Example
-------
>>> "near" in words("relative") and "قرب" in words("relative")
True
>>> sorted({t["kind"] for t in entries("trigger")})[:3]
['fallback', 'intercept', 'mod']
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.normalize import fold_token

__all__ = ["LANGS", "load", "entries", "words", "lists", "table", "fold_phrase"]

LANGS = ("en", "ar")
_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(lang: str) -> dict[str, Any]:
    """The raw lexicon of one language (``"en"`` or ``"ar"``); ValueError for another.

    Example
    -------
    >>> "trigger" in load("ar")
    True
    """
    if lang not in LANGS:
        raise ValueError(f"no lexicon for language {lang!r} (have: {', '.join(LANGS)})")
    with open(_DIR / f"{lang}.toml", "rb") as f:
        return tomllib.load(f)


def fold_phrase(phrase: str) -> tuple[str, ...]:
    """A phrase as the token pass reads it (same tokenizer and folding; Latin articles dropped).

    Example
    -------
    >>> fold_phrase("Rocket-propelled")
    ('roket', 'propeled')
    """
    from gazetteer.normalize import tokenize

    toks = tuple(t.norm for t in tokenize(phrase.replace("-", " ")) if t.norm)
    return toks or tuple(t for t in (fold_token(w) for w in phrase.split()) if t)


def entries(section: str) -> list[dict[str, Any]]:
    """The ``[[section]]`` tables of every language, in language order."""
    return [e for lang in LANGS for e in load(lang).get(section, [])]


@lru_cache(maxsize=None)
def words(name: str, group: str = "words") -> frozenset[str]:
    """Folded single words of list ``name`` in ``[group]``, all languages merged."""
    out: set[str] = set()
    for lang in LANGS:
        for w in load(lang).get(group, {}).get(name, []):
            folded = fold_phrase(w)  # "north-east" folds to two tokens: a phrase, not "north"
            if folded:
                out.add(folded[0] if len(folded) == 1 else " ".join(folded))
    return frozenset(out)


@lru_cache(maxsize=None)
def table(name: str, group: str = "dates") -> dict[str, Any]:
    """Folded ``{word: value}`` table ``name`` in ``[group]``, all languages merged."""
    out: dict[str, Any] = {}
    for lang in LANGS:
        for k, v in load(lang).get(group, {}).get(name, {}).items():
            out[" ".join(fold_phrase(k))] = v
    return out


def lists(name: str, group: str = "dates") -> list[list[list[str]]]:
    """Per language, the raw list of lists ``name`` (e.g. month forms by month)."""
    return [load(lang).get(group, {}).get(name, []) for lang in LANGS]
