"""Main content and metadata of a saved HTML page, through trafilatura (offline).

trafilatura removes navigation, scripts, related-story boxes and comments and reads the
page's title, author, date and site name from its meta tags and markup. Pages too small for
its main-content detection fall back to markup.html_blocks.

Its cost grows with the page (about half a second a megabyte), so only the first
MAX_PAGE_CHARS of a page are read: a saved news page, scripts and styles inlined, is
smaller, and the article is analysed up to split.MAX_ARTICLE_CHARS of text anyway.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .markup import Block, html_blocks

MAX_PAGE_CHARS = 5 * 2**20
_DATE_PARAMS = {
    "extensive_search": False,  # only dates the page states as its own, never a guess
    "original_date": True,  # the first publication, not the last update
    "outputformat": "%Y-%m-%dT%H:%M:%S",
}


def page_blocks(html: str) -> tuple[list[Block], dict[str, Any]]:
    """Text blocks of the page's main content, and metadata: title, author, date
    (datetime), publisher (the site name as the page gives it); "note" in the metadata
    says when the page was cut at MAX_PAGE_CHARS."""
    import trafilatura  # slow to import; only HTML input needs it

    note = None
    if len(html) > MAX_PAGE_CHARS:
        note = (f"only the first {MAX_PAGE_CHARS // 2**20} MB of the page were read;"
                " save the article's page alone")
        html = html[:MAX_PAGE_CHARS]

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError):  # malformed markup
        doc = None
    blocks: list[Block] = []
    meta: dict[str, Any] = {}
    if doc is not None and (doc.text or "").strip():
        blocks = [Block(" ".join(line.split())) for line in doc.text.split("\n") if line.strip()]
        meta = {
            "title": doc.title,
            "author": doc.author,
            "date": doc.date,
            "publisher": doc.sitename or doc.hostname,
        }
    else:
        blocks, meta = html_blocks(html)
    meta = {k: v for k, v in meta.items() if v}
    if note:
        meta["note"] = note
    if isinstance(meta.get("date"), str):
        meta["date"] = _iso(meta["date"])
    return blocks, meta


def _iso(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=None)
