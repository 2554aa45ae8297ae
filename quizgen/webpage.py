"""Main content and metadata of a saved HTML page, through trafilatura (offline).

trafilatura removes navigation, scripts, related-story boxes and comments and reads the
page's title, author, date and site name from its meta tags and markup. Pages too small for
its main-content detection fall back to markup.html_blocks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .markup import Block, html_blocks

_DATE_PARAMS = {
    "extensive_search": False,  # only dates the page states as its own, never a guess
    "original_date": True,  # the first publication, not the last update
    "outputformat": "%Y-%m-%dT%H:%M:%S",
}


def page_blocks(html: str) -> tuple[list[Block], dict[str, Any]]:
    """Text blocks of the page's main content, and metadata: title, author, date
    (datetime), publisher (the site name as the page gives it)."""
    import trafilatura  # slow to import; only HTML input needs it

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
    if isinstance(meta.get("date"), str):
        meta["date"] = _iso(meta["date"])
    return blocks, meta


def _iso(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=None)
