"""Markup to lines of text: Markdown, and HTML when trafilatura finds no main content.

Each gives a list of Block (a line of plain text, with its heading level if the markup
marked it as a heading) and a dict of metadata the markup states (title, author, date,
publisher).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .errors import QuizgenError
from .yamlfile import parse_yaml


class Block(NamedTuple):
    text: str
    heading: int = 0  # 1..6 for a heading, 0 for anything else


_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*\Z")
_SETEXT = re.compile(r"(?P<mark>=+|-+)\s*\Z")
_RULE = re.compile(r"(?:[-*_]\s*){3,}\Z")
_FENCE = re.compile(r"(```|~~~)")
_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+")
_LINK_DEF = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+.*\Z")
_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # _em_
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # escapes
]


_INLINE_MARK = re.compile(r"[\[<`*_\\]")  # every _INLINE pattern needs one of these


def inline_text(text: str) -> str:
    if _INLINE_MARK.search(text):  # most paragraphs of news have no inline markup
        for pattern, repl in _INLINE:
            text = pattern.sub(repl, text)
    return " ".join(text.split())


# Raw HTML in Markdown whose content is not article text: scripts, styles, embedded frames,
# forms and comments are dropped whole (their content never reaches a card).
_RAW_HIDDEN = re.compile(
    r"<(script|style|iframe|noscript|template|form|textarea|select|svg|object)\b[^>]*>"
    r".*?</\1\s*>|<!--.*?-->", re.I | re.S)


def markdown_blocks(text: str) -> tuple[list[Block], dict[str, Any]]:
    """Paragraphs, list items and headings of a Markdown text, markup removed."""
    meta: dict[str, Any] = {}
    text = _RAW_HIDDEN.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    front = _FRONT.match(text)
    if front:
        try:  # the guarded loader: front matter is as untrusted as the article
            data = parse_yaml(front.group("yaml"), "front matter").data
        except QuizgenError:
            data = None
        if isinstance(data, dict):
            meta = {str(k).lower(): v for k, v in data.items() if v is not None}
            text = text[front.end() :]
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = inline_text(" ".join(para))
            if joined:
                blocks.append(Block(joined))
            para.clear()

    fenced = False
    for raw in text.split("\n"):
        line = raw.strip()
        if _FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue
        while line.startswith(">"):
            line = line[1:].strip()
        setext = _SETEXT.match(line)
        if setext and len(para) == 1:
            blocks.append(Block(inline_text(para.pop()), 1 if line[0] == "=" else 2))
            continue
        if not line or _RULE.match(line) or _LINK_DEF.match(line):
            flush()
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            blocks.append(Block(inline_text(atx.group("text")), len(atx.group("hashes"))))
            continue
        item = _ITEM.match(line)
        if item:
            flush()
            line = line[item.end() :]
        para.append(line)
    flush()
    return [b for b in blocks if b.text], meta


_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "template", "figure", "figcaption"}
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd"}


def html_blocks(html: str) -> tuple[list[Block], dict[str, Any]]:
    """Text blocks of an HTML page outside navigation, scripts and styles, and its meta tags.
    A plain fallback for pages too small for trafilatura's main-content extraction."""
    from lxml import etree
    from lxml import html as lxml_html  # trafilatura's own parser

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError, etree.ParserError):  # e.g. "</\x01": empty
        return [], {}
    meta: dict[str, Any] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        value = (el.get("content") or "").strip()
        name = {"og:title": "title", "author": "author", "article:author": "author",
                "og:site_name": "publisher", "article:published_time": "date",
                "date": "date"}.get(key)
        if name and value and name not in meta:
            meta[name] = value
    if "title" not in meta:
        title = root.find(".//title")
        if title is not None and (title.text or "").strip():
            meta["title"] = " ".join(title.text.split())
    for el in list(root.iter(*_SKIP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    blocks: list[Block] = []
    for el in root.iter(*_BLOCK_TAGS):
        if any(a.tag in _BLOCK_TAGS for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            level = int(el.tag[1]) if re.fullmatch(r"h[1-6]", str(el.tag)) else 0
            blocks.append(Block(text, level))
    return blocks, meta
