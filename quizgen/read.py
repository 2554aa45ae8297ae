"""Read an article file from disk: decode it and say what format it is in.

Accepted: plain text (UTF-8 with or without BOM, UTF-16/UTF-32 with BOM), Markdown (.md)
and saved HTML pages (.html/.htm, or content that looks like HTML). Anything else is a
one-line QuizgenError naming the file and the fix. Line endings become "\\n" and a BOM is
dropped, so the same article saved on another system gets the same text (and the same id).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import QuizgenError
from .model import RawDocument

MAX_BYTES = 20 * 1024 * 1024  # one article; a saved page with inline scripts fits easily
MAX_LINE_CHARS = 100_000  # text and Markdown only: a real paragraph is far shorter

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_HINT = "save the article as UTF-8 .txt, .md or .html"

# (leading bytes, what the file is). Checked before decoding.
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office (.doc/.xls) file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"),
]

# (BOM, codec). UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


def read_document(path: str | Path) -> RawDocument:
    """Read and decode one article file; raise QuizgenError if it cannot be an article."""
    p = Path(path)
    data = _read_bytes(p)
    text = _decode(p, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise QuizgenError(f"{p}: file has only whitespace; give a file with the article's text")
    fmt = _format(p, text)
    if fmt != "html":
        _check_lines(p, text)
    return RawDocument(path=str(p), text=text, format=fmt)


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise QuizgenError(f"{p}: is a directory, not an article; name the files in it")
        if p.exists() and not p.is_file():  # /dev/zero, a pipe: no end to wait for
            raise QuizgenError(f"{p}: is a device or pipe, not a file; save the article to a"
                               " file and give that")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise QuizgenError(
                f"{p}: file is {size / 1024 / 1024:.1f} MB, over the"
                f" {MAX_BYTES // 1024 // 1024} MB limit for one article; give the article alone"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise QuizgenError(f"{p}: file not found; check the path") from None
    except PermissionError:
        raise QuizgenError(f"{p}: cannot read (permission denied); check its permissions") from None
    except OSError as exc:
        raise QuizgenError(f"{p}: cannot read ({exc.strerror}); check the file") from None
    if not data:
        raise QuizgenError(f"{p}: file is empty; give a file with the article's text")
    return data


def _decode(p: Path, data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise QuizgenError(
                    f"{p}: starts with a {codec.upper()} byte-order mark but is not valid"
                    f" {codec.upper()}; {TEXT_HINT}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"PK\x03\x04" and b"word/" in data[:65536]:
                what = "a Word (.docx) document"
            raise QuizgenError(f"{p}: is {what}, not text; {TEXT_HINT}")
    if b"\x00" in data:
        raise QuizgenError(_nul_message(p, data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise QuizgenError(
            f"{p}:{line}: not UTF-8 (byte 0x{byte:02X}; perhaps Latin-1 or Windows-1252);"
            " save it as UTF-8"
        ) from None


def _nul_message(p: Path, data: bytes) -> str:
    """UTF-16 without a BOM has a NUL in every other byte for Latin text; else it is binary."""
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if max(even, odd) >= 0.3 * half and min(even, odd) <= 0.05 * half:
        order = "little-endian" if odd > even else "big-endian"
        return (
            f"{p}: is UTF-16 ({order}) without a byte-order mark (NUL in every other byte);"
            " save it as UTF-8 (or UTF-16 with BOM)"
        )
    return f"{p}: is a binary file (it contains NUL bytes), not text; {TEXT_HINT}"


def _format(p: Path, text: str) -> str:
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if _HTML_START.match(text[:4096]) else "text"


def _check_lines(p: Path, text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise QuizgenError(
                f"{p}:{number}: line has {len(line)} characters, over the {MAX_LINE_CHARS}"
                " limit for one paragraph; is this really an article? break it into paragraphs"
            )
