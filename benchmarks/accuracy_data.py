"""Readers for the real measuring data in ``../shared/realdata`` (read in place, never copied).

Each reader returns plain records for :mod:`benchmarks.accuracy_metrics`.

* LGL / TR-News (Gritta et al.): ``<article>`` with ``<dltime>``, ``<text>`` (CDATA) and
  ``<toponym>`` start/end/phrase (+ ``<gaztag>`` lat/lon). LGL offsets index the text exactly.
  In TR-News 117 of 1,319 spans are shifted (by 1-10 characters, growing along some articles:
  the offsets were computed on a slightly different text); :func:`read_gritta` re-aligns a
  shifted span to the nearest occurrence of its phrase within 40 characters and drops it
  when there is none (counts in ``stats``). Toponyms without a ``<gaztag>`` (no point) are
  kept as spans for mention precision but leave the resolution counts.
* ANERcorp: ``token TAG`` lines, blank line between sentences.
* UCDP GED CSV and the articles' ``gold.json``.

Example
-------
>>> parse_day("Dec 17, 2016 10:48 AM CT")
datetime.date(2016, 12, 17)
"""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.accuracy_incidents import GoldIncident
from benchmarks.accuracy_metrics import Toponym, align_offsets


def parse_day(s: str | None) -> date | None:
    """The calendar day of a loosely written timestamp, or None."""
    if not s or not s.strip():
        return None
    s = s.strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    import warnings

    from dateutil import parser as dparser

    with warnings.catch_warnings():  # "CT" and similar zone names: the day is all we need
        warnings.simplefilter("ignore")
        try:
            return dparser.parse(s, fuzzy=True).date()
        except (ValueError, OverflowError):
            return None


@dataclass
class GrittaDoc:
    doc_id: str
    text: str
    published: date | None
    gold: list[Toponym]


def read_gritta(path: Path) -> tuple[list[GrittaDoc], dict[str, int]]:
    """Articles of an LGL/TR-News XML file and alignment statistics."""
    stats = {"spans": 0, "exact": 0, "realigned": 0, "dropped": 0, "no_point": 0}
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for tp in art.iter("toponym"):
            stats["spans"] += 1
            s, e, phrase = int(tp.findtext("start")), int(tp.findtext("end")), tp.findtext("phrase") or ""
            span = align_offsets(text, s, e, phrase)
            if span is None:
                stats["dropped"] += 1
                continue
            stats["exact" if span == (s, e) else "realigned"] += 1
            tag = tp.find("gaztag")
            lat = lon = None
            if tag is not None and tag.findtext("lat") and tag.findtext("lon"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            else:
                stats["no_point"] += 1
            gold.append(Toponym(span[0], span[1], lat, lon, phrase))
        docs.append(GrittaDoc(art.get("docid", str(len(docs))), text, parse_day(art.findtext("dltime")), gold))
    return docs, stats


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a ``token TAG`` file as (tokens, tags)."""
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            tok, _, tag = line.rpartition(" ")
            if not tok:  # a line with a single field: a token without a tag
                tok, tag = tag, "O"
            toks.append(tok)
            tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def read_ucdp(path: Path) -> list[dict[str, str]]:
    """UCDP GED rows as dicts."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class GoldArticle:
    doc_id: str
    text: str
    lang: str | None
    published: date | None
    incidents: list[GoldIncident]
    extra_ok: list[str]


def read_articles(folder: Path) -> list[GoldArticle]:
    """The articles with their ``gold.json`` entries (sorted by file name)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    out = []
    for name in sorted(gold):
        g = gold[name]
        incs = [GoldIncident(tuple(date.fromisoformat(d) for d in i["dates"]), float(i["lat"]), float(i["lon"]),
                             float(i["tol_km"]), i.get("sub_event"), i.get("fatalities"), i.get("place", ""))
                for i in g.get("incidents", [])]
        out.append(GoldArticle(name, (folder / name).read_text(encoding="utf-8"), g.get("lang"),
                               parse_day(g.get("published")), incs, list(g.get("extra_ok", []))))
    return out
