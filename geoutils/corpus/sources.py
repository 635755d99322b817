"""Article readers for :func:`geoutils.extract_corpus`: one stream of :class:`Article` or :class:`Skipped`.

Accepted inputs (see :func:`iter_articles`):

* an iterable of ``(text, published, source)`` tuples (or dicts with those keys);
* a DataFrame with ``text``, ``published``, ``source`` and optional ``url``, ``lang``, ``id`` columns;
* a folder (searched recursively) or a glob of ``.txt`` files, each with an optional JSON sidecar of the
  same stem (``{"published": "2020-02-14", "language": "ar", "source": "...", "url": ..., "id": ...}``),
  as ``seeds/`` has;
* a JSON Lines file (``.jsonl``), one article object a line, with the same keys plus ``text``.

Everything is read lazily, one article at a time, so memory stays flat in the number of articles.
A bad article (undecodable bytes, a sidecar or line that is not JSON, a date that is not a date,
no publication date at all) becomes a :class:`Skipped` naming where it came from; the stream goes on.

Example
-------
>>> arts = list(iter_articles([("A rocket hit Kirkuk on Thursday.", "2020-02-14", "wire")]))
>>> arts[0].published, arts[0].source
(datetime.date(2020, 2, 14), 'wire')
"""
from __future__ import annotations

import datetime as _dt
import glob
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

TEXT_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Article:
    """One article to extract. ``id`` prefixes the event ids of its rows; ``origin`` says where it came from."""

    text: str
    published: _dt.date
    source: str | None = None
    lang: str | None = None
    url: str | None = None
    id: str = ""
    origin: str = ""

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class Skipped:
    """An article that could not be read: ``origin`` (path, ``path:line`` or ``row N``) and ``reason``."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def parse_date(value: Any) -> _dt.date | None:
    """A publication date from ``YYYY-MM-DD`` text, a date, a datetime or a Timestamp; None when missing.

    Raises ``ValueError`` naming the value when it is given but is not a date.

    Example
    -------
    >>> parse_date("2020-02-14"), parse_date(None)
    (datetime.date(2020, 2, 14), None)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp; NaT is missing
        if value != value:
            return None
        return value.to_pydatetime().date()
    if isinstance(value, str) and not value.strip():
        return None
    from geoutils.dates_io import parse_published_date

    return parse_published_date(value)  # strict: "2020-02-14junk", "2020-W07", "0001-01-01" are refused


def article_id(source: str | None, published: _dt.date, key: str) -> str:
    """A stable id for an article that has none: a hash of its source, date and URL (or text).

    Example
    -------
    >>> article_id("wire", _dt.date(2020, 2, 14), "text")
    'a7c491897d0d4'
    """
    h = hashlib.sha1(f"{source or ''}\x1f{published.isoformat()}\x1f{key}".encode("utf-8", "surrogatepass"))
    return "a" + h.hexdigest()[:12]


def _clean(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    try:
        import pandas as pd

        if v is pd.NA:
            return None
    except ImportError:  # pragma: no cover
        pass
    s = str(v).strip()
    return s or None


def _make(meta: dict, text: Any, origin: str, default_published: _dt.date | None, default_lang: str | None,
          default_id: str | None = None, default_source: str | None = None) -> Article | Skipped:
    if not isinstance(text, str):
        return Skipped(origin, f"text is {type(text).__name__}, not a string")
    try:
        published = parse_date(meta.get("published")) or default_published
    except ValueError as exc:
        return Skipped(origin, f"bad published date: {exc}")
    if published is None:
        return Skipped(origin, "no published date (give it in the metadata, e.g. a JSON sidecar, or a default: --published)")
    lang = _clean(meta.get("lang", meta.get("language"))) or default_lang
    if lang is not None and lang not in ("ar", "en"):
        return Skipped(origin, f"language {lang!r} is not 'ar' or 'en'")
    source = _clean(meta.get("source")) or default_source
    url = _clean(meta.get("url"))
    aid = _clean(meta.get("id")) or default_id or article_id(source, published, url or text)
    return Article(text=text, published=published, source=source, lang=lang, url=url, id=aid, origin=origin)


# --------------------------------------------------------------------------- files
def read_text(path: Path) -> str:
    """Decode one article file (UTF-8, BOM allowed); ``ValueError`` naming the file when it is
    missing or not text."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"no such file: {str(path)!r}")
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError(f"{str(path)!r} looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{str(path)!r} is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise ValueError(f"{str(path)!r} is empty")
    return text


def _sidecar(path: Path) -> dict:
    side = path.with_suffix(".json")
    if not side.is_file():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"sidecar {str(side)!r} is not valid JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"sidecar {str(side)!r} is not a JSON object")
    return meta


def _text_article(path: Path, aid: str, default_published, default_lang, strict: bool) -> Article | Skipped:
    try:
        text = read_text(path)
        meta = _sidecar(path)
    except (ValueError, OSError) as exc:
        if strict:
            raise ValueError(str(exc)) from None
        return Skipped(str(path), str(exc))
    out = _make(meta, text, str(path), default_published, default_lang, default_id=aid, default_source=path.stem)
    if strict and isinstance(out, Skipped):
        raise ValueError(str(out))
    return out


def _walk(root: Path) -> Iterator[Path]:
    """``.txt`` files under ``root``, in sorted order, one directory listing at a time."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(TEXT_SUFFIX) and not name.startswith("."):
                yield Path(dirpath) / name


def _glob_base(pattern: str) -> Path:
    parts = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _rel_id(path: Path, base: Path) -> str:
    try:
        rel = path.relative_to(base)
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _jsonl(path: Path, default_published, default_lang) -> Iterator[Article | Skipped]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            origin = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield Skipped(origin, f"not UTF-8 text (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(origin, f"not a JSON object: {exc.msg}")
                continue
            if not isinstance(rec, dict) or "text" not in rec:
                yield Skipped(origin, "line has no 'text' field")
                continue
            yield _make(rec, rec["text"], origin, default_published, default_lang)


def iter_paths(inputs: Iterable[str | os.PathLike], *, published: _dt.date | None = None,
               lang: str | None = None, strict_files: bool = False) -> Iterator[Article | Skipped]:
    """Articles from paths: folders (recursive ``*.txt``), globs, ``.jsonl`` files and single ``.txt`` files.

    A path that names nothing raises ``ValueError`` naming it. With ``strict_files`` a bad file named
    explicitly raises too (the single-file CLI); files found in folders or globs are skipped and reported.
    """
    for item in inputs:
        s = os.fspath(item)
        p = Path(s)
        if p.is_dir():
            for f in _walk(p):
                yield _text_article(f, _rel_id(f, p), published, lang, strict=False)
        elif p.is_file() and p.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl(p, published, lang)
        elif p.is_file():
            yield _text_article(p, p.stem, published, lang, strict=strict_files)
        elif glob.has_magic(s):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise ValueError(f"no files match {s!r}")
            base = _glob_base(s)
            for m in matches:
                f = Path(m)
                if f.suffix.lower() in JSONL_SUFFIXES:
                    yield from _jsonl(f, published, lang)
                elif f.suffix.lower() == TEXT_SUFFIX and f.is_file():
                    yield _text_article(f, _rel_id(f, base), published, lang, strict=False)
        else:
            raise ValueError(f"no such file or folder: {s!r}")


# --------------------------------------------------------------------------- in-memory
def _frame(df: Any, published, lang) -> Iterator[Article | Skipped]:
    if "text" not in df.columns:
        raise ValueError(f"the DataFrame needs a 'text' column; it has {list(df.columns)}")
    cols = [c for c in ("text", "published", "source", "url", "lang", "language", "id") if c in df.columns]
    for n, row in enumerate(df[cols].itertuples(index=False, name=None)):
        rec = dict(zip(cols, row))
        yield _make(rec, rec["text"], f"row {n}", published, lang)


def _tuples(items: Iterable, published, lang) -> Iterator[Article | Skipped]:
    for n, item in enumerate(items):
        origin = f"item {n}"
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict):
            yield _make(item, item.get("text"), origin, published, lang)
        elif isinstance(item, str):
            yield _make({}, item, origin, published, lang)
        elif isinstance(item, (tuple, list)) and 1 <= len(item) <= 3:
            text, pub, src = (list(item) + [None, None])[:3]
            yield _make({"published": pub, "source": src}, text, origin, published, lang)
        else:
            yield Skipped(origin, f"expected (text, published, source), got {type(item).__name__}")


def iter_articles(articles: Any, *, published: Any = None, lang: str | None = None,
                  strict_files: bool = False) -> Iterator[Article | Skipped]:
    """One lazy stream of :class:`Article` / :class:`Skipped` from any accepted input (see module doc).

    ``published`` and ``lang`` are defaults for articles whose metadata lack them. A string or path is a
    folder, a glob, a ``.jsonl`` file or a ``.txt`` file; a list of strings is a list of such paths only
    when its first item names an existing path (otherwise it is a list of texts with no date: give
    ``published``).

    Example
    -------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["A rocket hit Kirkuk."], "published": ["2020-02-14"], "source": ["wire"]})
    >>> [a.origin for a in iter_articles(df)]
    ['row 0']
    """
    default_pub = parse_date(published)
    if lang not in (None, "ar", "en"):
        raise ValueError(f"language {lang!r} is not 'ar' or 'en'")
    if isinstance(articles, (str, os.PathLike)):
        return iter_paths([articles], published=default_pub, lang=lang, strict_files=strict_files)
    if hasattr(articles, "columns") and hasattr(articles, "itertuples"):
        return _frame(articles, default_pub, lang)
    if isinstance(articles, (list, tuple)) and articles and isinstance(articles[0], (str, os.PathLike)) \
            and len(str(articles[0])) < 4096 and (Path(articles[0]).exists() or glob.has_magic(str(articles[0]))):
        return iter_paths(articles, published=default_pub, lang=lang, strict_files=strict_files)
    if not hasattr(articles, "__iter__"):
        raise ValueError(f"articles must be an iterable, a DataFrame or a path, not {type(articles).__name__}")
    return _tuples(articles, default_pub, lang)
