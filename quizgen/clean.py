"""Article body and metadata from a raw document.

A news page is read as lines in three zones: the header (menus, teasers of other stories,
headline, byline, date, photo caption), the body, and the footer (credits, "read also",
comments, latest news). The body starts at the first paragraph opening with a dateline
("SEOUL - ", "Jakarta, CNN Indonesia - - "), or else at the first line after the headline
that is not header furniture, or else at the top. The headline is the line that repeats,
or the line just before the byline, date or credit line, or the last headline-shaped line
before the dateline. Everything before the headline is page furniture.

Article.author is the writer ("Penulis : ..."), else the byline name, else the markup's
author, else the editor ("Editor : ..."); an agency named as writer ("Penulis : AFP") is the
author. Article.publisher is the outlet the dateline names, else the site the markup names,
else an outlet on a date line ("Kompas dunia | 19 Juni 2024"), else a known outlet's domain
in the page furniture. Section subheadings inside the body are left out of the paragraphs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .cleanrules import CleanRules, load_rules
from .dates import parse_datetime
from .errors import QuizgenError
from .lang import LanguagePack
from .markup import Block, markdown_blocks
from .metadata import (
    credits,
    dateline,
    ends_sentence,
    is_caption,
    is_headline,
    is_menu,
    is_name,
    is_subheading,
    line_date,
    words,
)
from .model import Article, RawDocument
from .webpage import page_blocks

WINDOW = 15  # content lines at the top of a page where headline, byline and dateline stand
MAX_LEAD = 2  # paragraph-like lines (e.g. captions) allowed between headline and dateline
LONG_WORDS = 25  # a line this long is body text: the headline stands before it
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")  # zero-width, marks, soft hyphen


def article_id(text: str) -> str:
    """Stable id: the first 16 hex digits of SHA-256 of the decoded text (for a UTF-8 file
    with "\\n" line ends, of the file itself)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_document(raw: RawDocument, pack: LanguagePack) -> Article:
    """Body paragraphs and metadata (title, publisher, author, published) of one document."""
    rules = load_rules(pack)
    hint: dict[str, Any] = {}
    if raw.format == "html":
        blocks, hint = page_blocks(raw.text)
    elif raw.format == "markdown":
        blocks, hint = markdown_blocks(raw.text)
        heads = [b for b in blocks if b.heading == 1] or [b for b in blocks[:1] if b.heading]
        if heads and "title" not in hint:
            hint["title"] = heads[0].text
    else:
        blocks = [Block(line) for line in unwrap(raw.text)]
    page = _Page(blocks, rules, pack, _text(hint.get("title")))
    if not page.paragraphs:
        raise QuizgenError(
            f"{raw.path}: no article text found, only page furniture (menus, links, credits);"
            " give the article's own page or text"
        )
    return Article(
        id=article_id(raw.text),
        path=raw.path,
        lang=pack.code,
        title=page.title,
        publisher=_publisher(page, rules, _text(hint.get("publisher"))),
        author=page.writer or _text(hint.get("author")) or page.byline or page.editor,
        published=_when(hint.get("date"), pack) or page.published,
        paragraphs=page.paragraphs,
        notes=[hint["note"]] if hint.get("note") else [],
    )


def unwrap(text: str) -> list[str]:
    """Lines of a plain text; a blank-line-separated block of hard-wrapped lines
    (40 to 100 characters, not each a sentence) is joined into one line."""
    lines: list[str] = []
    for group in re.split(r"\n\s*\n", text):
        rows = [r.strip() for r in group.split("\n") if r.strip()]
        wrapped = len(rows) >= 2 and all(40 <= len(r) <= 100 for r in rows[:-1])
        if wrapped and not all(ends_sentence(r) for r in rows[:-1]):
            lines.append(" ".join(rows))
        else:
            lines.extend(rows)
    return lines


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value else None


def _when(value: Any, pack: LanguagePack) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return parse_datetime(str(value), pack) if value else None


@dataclass
class _Page:
    blocks: list[Block]
    rules: CleanRules
    pack: LanguagePack
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    outlet: str | None = None  # named by the dateline
    writer: str | None = None
    editor: str | None = None
    byline: str | None = None
    published: datetime | None = None
    furniture: list[str] = field(default_factory=list)  # lines outside the body
    dated_lines: list[str] = field(default_factory=list)  # header lines that hold a date
    title_outlet: str | None = None  # named by a dateline before the headline

    def __post_init__(self) -> None:
        inline = self.rules.inline
        if inline is not None:  # markers inside a line ("Baca_Juga Namun, Yon ...")
            self.blocks = [b._replace(text=inline.sub(" ", b.text)) for b in self.blocks]
        kept = [b for b in self.blocks if any(c.isalnum() for c in b.text)]
        self.lines = [" ".join(_INVISIBLE.sub("", b.text).split()) for b in kept]
        self.heading = [b.heading for b in kept]
        self.kind = [self._kind(line) for line in self.lines]
        self.dates = [line_date(s, self.pack) if k is None else None
                      for s, k in zip(self.lines, self.kind)]
        self._split()

    def _kind(self, line: str) -> str | None:
        if any(p.match(line) for p in self.rules.drop) or is_menu(line):
            return "drop"
        if any(p.match(line) for p in self.rules.end):
            return "end"
        return "credit" if credits(line, self.rules) is not None else None

    def _dateline_at(self, i: int) -> bool:
        found = dateline(self.lines[i], self.rules)
        return found is not None and (
            not found[0] or ends_sentence(self.lines[i]) or len(words(self.lines[i])) > 30
        )

    def _split(self) -> None:
        n, lines = len(self.lines), self.lines
        free = [i for i in range(n) if self.kind[i] is None]
        window = free[:WINDOW]
        d = next((i for i in window if self._dateline_at(i)), None)
        t = self._find_title(window, d)
        if d is not None and (t is None or d > t):
            between = [i for i in free if (t if t is not None else -1) < i < d]
            lead = [i for i in between if ends_sentence(lines[i]) and not is_caption(lines[i], self.rules)]
            if len(lead) > (MAX_LEAD if t is not None else 0):
                d = None
        if d is not None:
            start = d
        elif t is not None:
            start = self._after_header(t)
        else:
            start = free[0] if free else n
        end = next((j for j in range(start + 1, n) if self.kind[j] == "end"), n)
        body = self._body(start, end)
        self.furniture = [lines[j] for j in range(n) if j not in body and j != t]
        self._metadata(start, t, body)

    def _find_title(self, window: list[int], d: int | None) -> int | None:
        lines, n = self.lines, len(self.lines)
        if self.title:  # stated by the markup; find its line, or a line it begins with
            for i in window:
                if _key(lines[i]) and _key(lines[i]) in _key(self.title):
                    if _key(lines[i]) != _key(self.title) and is_headline(lines[i]):
                        self.title = lines[i]
                    return i
            return None
        # The headline stands before the first long paragraph and before the dateline.
        long = next((i for i in window if len(words(lines[i])) > LONG_WORDS), len(lines))
        limit = min(long, d if d is not None else long)
        cands = [i for i in window if i < limit and self.dates[i] is None
                 and is_headline(lines[i]) and not is_caption(lines[i], self.rules)]
        for c in cands:  # the headline often repeats above the body
            if any(j != c and _key(lines[j]) == _key(lines[c]) for j in window):
                return self._set_title(c)
        for c in cands:  # the line before the byline, date or credits
            j = next((j for j in range(c + 1, n) if self.kind[j] != "drop"), None)
            if j is not None and (self.dates[j] or self.kind[j] == "credit" or (
                    is_name(lines[j]) and j + 1 < n and self.dates[j + 1])):
                return self._set_title(c)
        if d is not None and cands:
            return self._set_title(cands[-1])
        if d is None and cands and window and cands[0] == window[0]:
            nxt = window[1] if len(window) > 1 else None
            if nxt is not None and not is_headline(lines[nxt]):
                return self._set_title(cands[0])
        return None

    def _set_title(self, i: int) -> int:
        """The headline, without an outlet's dateline: "Merdeka.com - La Roja Menang ..."."""
        self.title = self.lines[i]
        found = dateline(self.title, self.rules)
        if found and found[0] and found[1]:
            self.title, self.title_outlet = found[0], found[1]
        return i

    def _after_header(self, t: int) -> int:
        """First line after the headline that is not byline, date, credit or caption."""
        lines, n = self.lines, len(self.lines)
        title = _key(lines[t])
        photo = False
        for j in range(t + 1, n):
            line = lines[j]
            if self.kind[j] in ("drop", "end"):
                continue
            if self.kind[j] == "credit":
                photo = any(k == "photo" for k, _ in credits(line, self.rules) or [])
                continue
            if self.dates[j] or _key(line).startswith(title):
                continue
            if is_name(line) and (self.dates[j - 1] or (j + 1 < n and self.dates[j + 1])):
                continue
            if (photo or is_caption(line, self.rules)) and j + 1 < n:
                photo = False
                continue
            return j
        return n

    def _body(self, start: int, end: int) -> set[int]:
        used: set[int] = set()
        for j in range(start, end):
            line = self.lines[j]
            if self.kind[j] is not None or self.heading[j]:
                continue
            if j > start and is_subheading(line):
                continue
            if not self.paragraphs:
                found = dateline(line, self.rules)
                if found is not None:
                    line, self.outlet = found[0].strip(), found[1]
            used.add(j)
            if line:
                self.paragraphs.append(line)
        self._drop_signoff()
        return used

    def _drop_signoff(self) -> None:
        sign = self.rules.signoff
        if sign is None:
            return
        while self.paragraphs and sign.fullmatch(self.paragraphs[-1]):
            self.paragraphs.pop()
        if self.paragraphs:
            tail = re.compile(rf"(?<=[.!?…\"'”’])\s*(?:{sign.pattern})\s*\Z", re.IGNORECASE)
            self.paragraphs[-1] = tail.sub("", self.paragraphs[-1])

    def _metadata(self, start: int, t: int | None, body: set[int]) -> None:
        lines, n = self.lines, len(self.lines)
        for j in range(n):
            for kind, value in (credits(lines[j], self.rules) or []) if self.kind[j] == "credit" else []:
                if kind in ("writer", "editor") and getattr(self, kind) is None:
                    setattr(self, kind, value)
        outside = [j for j in range(n) if j not in body and j != t]
        header = [j for j in outside if j < start]
        for j in header:
            near = (j > 0 and self.dates[j - 1]) or (j + 1 < n and self.dates[j + 1])
            if self.kind[j] is None and near and is_name(lines[j]) and not self.dates[j]:
                self.byline = lines[j]
                break
        dated = [j for j in header if self.dates[j]] + [j for j in outside if j >= start and self.dates[j]]
        if dated:
            self.published = self.dates[dated[0]]
        self.dated_lines = [lines[j] for j in header if self.dates[j]]


def _publisher(page: _Page, rules: CleanRules, stated: str | None) -> str | None:
    if page.outlet or page.title_outlet:
        return page.outlet or page.title_outlet
    if stated and rules.outlet(stated):
        return rules.outlet(stated)
    for line in page.dated_lines:
        if rules.outlet(line):
            return rules.outlet(line)
    for line in page.furniture:
        if credits(line, rules) is None and not is_caption(line, rules):
            found = rules.outlet(line, domains_only=True)
            if found:
                return found
    return stated
