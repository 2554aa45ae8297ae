"""Tests on single lines of a news page, and the metadata they carry.

Datelines ("PYONGYANG, KOMPAS.TV - ..."), credit lines ("Penulis : AFP"), bylines, date
lines, captions, headlines and menus. Language knowledge comes from CleanRules; the shapes
tested here (capitals, dashes, parentheses, final punctuation) are those of news pages in
any language written in the Latin script.
"""

from __future__ import annotations

import re
from datetime import datetime

from .cleanrules import CleanRules
from .dates import parse_datetime
from .lang import LanguagePack

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*\Z")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# Dash between a dateline and the text: "SEOUL - ", "Jakarta, CNN Indonesia - - ".
_DATELINE = re.compile(r"(?P<head>[^\n]{2,60}?)\s+[-–—](?:\s*[-–—])*\s*")
# A domain glued to its dash: "JawaPos.com–Presiden ...".
_DATELINE_GLUED = re.compile(r"(?P<head>[\w-]+(?:\.[\w-]+)+)\s*[-–—]+\s*")
# After an outlet's dash, a place in capitals with a full stop: "KONTAN.CO.ID - JAKARTA. "
_PLACE_STOP = re.compile(r"(?P<place>[A-Z][A-Z .'-]{1,40}?)\.\s+(?=\S)")
# A caption's closing credit in capitals: "... di Ukraina.(KCNA)", "(AP/KCNA)".
_CAPS_CREDIT = re.compile(r"[(\[]\s*[A-Z][A-Z0-9 ./&-]{1,30}[)\]]\s*\Z")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}")
_MENU_PUNCT = re.compile(r"[.,;:!?\"“”()\[\]|]")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
_ENUMERATOR = re.compile(r"\A\d{1,3}[.)]\s*")
_DOMAIN = re.compile(r"[\w-]+\.(?:com|net|org|id|co|tv|news)\b", re.IGNORECASE)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def capital_ratio(line: str) -> float:
    ws = words(line)
    return sum(w[0].isupper() for w in ws) / len(ws) if ws else 0.0


def is_headline(line: str) -> bool:
    """Shaped like a headline: a few words, no full stop at the end."""
    n = len(words(line))
    return (
        2 <= n <= 30
        and len(line) <= 250
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'")
        and not re.search(r"[.,;:]\s*\Z", line)
    )


def is_subheading(line: str) -> bool:
    """A section heading inside the body: one short, mostly capitalised phrase without
    final punctuation or figures (a leading list number aside): "Penerbangan dan Promosi
    Wisata", "2. Makan Saat Masih Panas"."""
    return (
        not ends_sentence(line)
        and is_headline(line)
        and len(words(line)) <= 15
        and capital_ratio(line) >= 0.6
        and not _SENTENCE_BREAK.search(line)
        and not any(c.isdigit() for c in _ENUMERATOR.sub("", line))
    )


def is_menu(line: str) -> bool:
    """A site menu: many capitalised single words and no punctuation."""
    if _MENU_PUNCT.search(line):
        return False
    ws = line.split()
    return len(ws) >= 6 and all(w[0].isupper() for w in ws)


def is_name(line: str) -> bool:
    """Shaped like a person's name on a byline: "Thalatie K Yani"."""
    return len(line) <= 50 and not any(c.isdigit() for c in line) and bool(_NAME.fullmatch(line))


def is_caption(line: str, rules: CleanRules) -> bool:
    """A photo caption: ends with a credit in capitals, or holds "(Sumber: ...", "(Foto: ..."."""
    return bool(_CAPS_CREDIT.search(line) or rules.caption_credit.search(line))


def line_date(line: str, pack: LanguagePack) -> datetime | None:
    """The date of a line that is only a date (with perhaps an outlet): "13/7/2025 06:39"."""
    if len(line) > 60 or not any(c.isdigit() for c in line) or line.endswith("."):
        return None
    return parse_datetime(line, pack)


def credits(line: str, rules: CleanRules) -> list[tuple[str, str]] | None:
    """(kind, value) pairs of a credit line such as "Sumber: Reuters | Editor: Handoyo";
    None when the line does not start with a credit label."""
    text = line.strip().lstrip("([").rstrip(")]").strip()
    if len(text) > 160 or not rules.credit_label.match(text):
        return None  # the first label must open the line
    matches = list(rules.credit_label.finditer(text))
    pairs: list[tuple[str, str]] = []
    for m, nxt in zip(matches, matches[1:] + [None]):
        value = text[m.end() : nxt.start() if nxt else len(text)]
        value = value.strip(" \t|,;/-–—·•")
        if value:
            pairs.append((rules.credit_kinds[m.group("label").lower()], value))
    return pairs


def _all_caps(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _capitalised(part: str) -> bool:
    ws = part.split()
    return 1 <= len(ws) <= 4 and all(w[0].isupper() for w in ws)


def dateline(text: str, rules: CleanRules) -> tuple[str, str | None] | None:
    """If text opens with a dateline, (the text without it, the outlet it names or None)."""
    m = _DATELINE.match(text)
    outlet = rules.outlet(m.group("head")) if m else None
    if m:
        parts = [p.strip() for p in re.split(r"[,()]", m.group("head")) if p.strip()]
        plain = len(parts) <= 3 and (
            all(_all_caps(p) for p in parts)
            or (any(_DOMAIN.search(p) for p in parts) and all(_capitalised(p) for p in parts))
        )
        if not (outlet or plain):
            m = None
    if m is None:
        m = _DATELINE_GLUED.match(text)
        outlet = rules.outlet(m.group("head"), domains_only=True) if m else None
        if not outlet:
            return None
    rest = text[m.end() :]
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return None
    if outlet:
        p = _PLACE_STOP.match(rest)
        if p and p.group("place").isupper():
            rest = rest[p.end() :]
    return rest, outlet
