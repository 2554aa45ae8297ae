"""read.read_document: encodings and formats that work, and files that give one-line errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.read import MAX_BYTES, MAX_LINE_CHARS, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "read"

# A few lines of seeds/000 (mediaindonesia.com).
TEXT = (
    "Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina\n"
    "\n"
    "PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia.\n"
    "Lavrov bahkan sempat memuji Wonsan sebagai “tujuan wisata yang menarik.”\n"
)

GOOD_FILES = [
    # (file name, bytes written, expected format)
    ("utf8.txt", TEXT.encode("utf-8"), "text"),
    ("utf8-crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"), "text"),
    ("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "text"),
    ("utf16-le-bom.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "text"),
    ("utf16-be-bom.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "text"),
    ("utf32-bom.txt", TEXT.encode("utf-32"), "text"),
    ("no-suffix", TEXT.encode("utf-8"), "text"),
    ("notes.md", b"# Judul\n\n" + TEXT.encode("utf-8"), "markdown"),
    ("saved-page.txt", b"<!DOCTYPE html>\n<html><body><p>Isi berita.</p></body></html>", "html"),
    ("commented.txt", b"<!-- saved -->\n<html lang=id><p>Isi.</p></html>", "html"),
]


@pytest.mark.parametrize("name, data, fmt", GOOD_FILES, ids=[row[0] for row in GOOD_FILES])
def test_read_decodes_good_files(tmp_path: Path, name: str, data: bytes, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    raw = read_document(path)
    assert raw.format == fmt
    assert raw.path == str(path)
    assert "\r" not in raw.text and "\ufeff" not in raw.text
    if fmt == "text":
        assert raw.text == TEXT


@pytest.mark.parametrize(
    "name, fmt, contains",
    [
        ("page.html", "html", "<nav class=\"menu\">"),
        ("article.md", "markdown", "# Menlu Rusia Berterima Kasih"),
    ],
)
def test_read_keeps_markup_of_fixture_files(name: str, fmt: str, contains: str) -> None:
    raw = read_document(FIXTURES / name)
    assert raw.format == fmt
    assert contains in raw.text


def _zip_docx() -> bytes:
    return b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 22 + b"word/document.xml" + b"\x00" * 40


BAD_FILES = [
    # (file name, bytes written or None for no file, expected message after "PATH")
    ("missing.txt", None, ": file not found; check the path"),
    ("empty.txt", b"", ": file is empty; give a file with the article's text"),
    ("blank.txt", b"  \n\t\n  \r\n", ": file has only whitespace; give a file with the article's text"),
    ("paper.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
     ": is a PDF file, not text; save the article as UTF-8 .txt, .md or .html"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     ": is a PNG image, not text; save the article as UTF-8 .txt, .md or .html"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20 + b"data.csv",
     ": is a ZIP archive, not text; save the article as UTF-8 .txt, .md or .html"),
    ("word.txt", _zip_docx(),
     ": is a Word (.docx) document, not text; save the article as UTF-8 .txt, .md or .html"),
    ("old-word.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
     ": is an old Microsoft Office (.doc/.xls) file, not text;"
     " save the article as UTF-8 .txt, .md or .html"),
    ("binary.txt", bytes(range(256)) * 8,
     ": is a binary file (it contains NUL bytes), not text;"
     " save the article as UTF-8 .txt, .md or .html"),
    ("latin1.txt", "Judul\nBerita dari Bogor, caf\u00e9 di Jakarta.\n".encode("latin-1"),
     ":2: not UTF-8 (byte 0xE9; perhaps Latin-1 or Windows-1252); save it as UTF-8"),
    ("utf16-le.txt", TEXT.encode("utf-16-le"),
     ": is UTF-16 (little-endian) without a byte-order mark (NUL in every other byte);"
     " save it as UTF-8 (or UTF-16 with BOM)"),
    ("utf16-be.txt", TEXT.encode("utf-16-be"),
     ": is UTF-16 (big-endian) without a byte-order mark (NUL in every other byte);"
     " save it as UTF-8 (or UTF-16 with BOM)"),
    ("bad-utf16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xdc",
     ": starts with a UTF-16-LE byte-order mark but is not valid UTF-16-LE;"
     " save the article as UTF-8 .txt, .md or .html"),
    ("one-line.txt", b"kata " * (MAX_LINE_CHARS // 5 + 1),
     f":1: line has {MAX_LINE_CHARS + 5} characters, over the {MAX_LINE_CHARS} limit for one"
     " paragraph; is this really an article? break it into paragraphs"),
]


@pytest.mark.parametrize("name, data, message", BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_read_rejects_bad_files(tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    assert str(err.value) == f"{path}{message}"
    assert "\n" not in str(err.value)


def test_read_rejects_directory(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError) as err:
        read_document(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not an article; name the files in it"


@pytest.mark.parametrize("megabytes", [21, 50])
def test_read_rejects_huge_file_without_reading_it(tmp_path: Path, megabytes: int) -> None:
    """A 50 MB file with no newline fails at once on its size (sparse file: cheap to make)."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.seek(megabytes * 1024 * 1024 - 1)
        f.write(b"a")
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    limit = MAX_BYTES // 1024 // 1024
    assert str(err.value) == (
        f"{path}: file is {megabytes:.1f} MB, over the {limit} MB limit for one article;"
        " give the article alone"
    )


def test_read_html_lines_have_no_length_limit(tmp_path: Path) -> None:
    """Saved pages are often one long line of markup; only text formats have the limit."""
    path = tmp_path / "minified.html"
    path.write_text("<html><body>" + "<p>Isi berita.</p>" * 10_000 + "</body></html>")
    assert read_document(path).format == "html"
