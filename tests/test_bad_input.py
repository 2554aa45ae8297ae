"""Every bad input of issue 7 in one table, driven through the real command line.

Each row makes its input in a temporary folder, runs `quizgen ...` (click's CliRunner on
quizgen.cli.main) and checks the exact standard error and exit code. An error is one line,
`quizgen: error: WHAT` naming the file (and line) and how to fix it; exit code 1 for every
bad input (70 is kept for our own bugs, 130 for Ctrl-C; no row may give either). A few rows
are not errors (HTML with scripts, an article among others that gives no question): their
`check` looks at what was written instead.

Related tables with more cases per stage: tests/test_read.py, tests/test_deck.py,
tests/test_templates.py. This table is the issue's list, row for row.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from _messages import same_message
from click.testing import CliRunner, Result

from quizgen.bank import load_bank, save_bank
from quizgen.export.worksheet_layout import MAX_ITEMS, MAX_TEXT, MAX_TITLE
from quizgen.model import SHORT, Item, QuestionBank
from quizgen.cli import main
from quizgen.pattern import MAX_NESTING
from quizgen.read import MAX_BYTES, MAX_LINE_CHARS
from quizgen.render import MAX_DEPTH as MAX_DEPTH_J
from quizgen.yamlfile import MAX_DEPTH, MAX_VALUE_CHARS

ROOT = Path(__file__).resolve().parents[1]
HINT = "save the article as UTF-8 .txt, .md or .html"
ALLOWED = ("use only {{ slot }}, {% if %}/{% else %}, literals and the filters capfirst, "
           "unquote, lower, upper, trim, default, wordcount")

# Sentences after seeds/000 and seeds/001 (the Lavrov visit), for inputs that must work.
ARTICLE = (
    "Menlu Rusia Tiba di Pyongyang\n\n"
    "Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025) untuk"
    " kunjungan tiga hari.\n\n"
    "Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Wonsan pada Sabtu"
    " (12/7/2025).\n\n"
    "Pemimpin Korea Utara Kim Jong Un menyatakan dukungan penuh kepada Rusia.\n"
)
# Plain sentences that name nobody, nowhere and no time: no template matches them.
CALM = ("Cuaca pagi ini cerah dan sejuk.\n\n"
        "Banyak orang berjalan santai sambil menikmati udara yang segar.\n")

SECRETS = ("SECRETSTYLE", "SECRETSCRIPT", "SECRETFRAME", "SECRETFORM", "SECRETINPUT",
           "SECRETBUTTON", "SECRETNOSCRIPT", "alert(", "document.write")
_BODY = (
    "<p>Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025)"
    " untuk kunjungan tiga hari.</p>\n"
    '<iframe src="https://contoh.invalid/SECRETFRAME">SECRETFRAME teks</iframe>\n'
    "<p>Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Wonsan pada Sabtu"
    " (12/7/2025).</p>\n"
    '<form action="/masuk"><label>SECRETFORM label</label><input name="pw"'
    ' value="SECRETINPUT"><button>SECRETBUTTON</button></form>\n'
    '<script type="text/javascript">var x = "SECRETSCRIPT"; alert(1);</script>\n'
    "<noscript>SECRETNOSCRIPT</noscript>\n"
    "<p>Pemimpin Korea Utara Kim Jong Un menyatakan dukungan penuh kepada Rusia.</p>\n"
)
HOSTILE_PAGE = (  # a saved news page: trafilatura finds its main content
    "<!DOCTYPE html><html><head><title>Menlu Rusia Tiba di Pyongyang</title>\n"
    "<style>body { color: red } .SECRETSTYLE {}</style>\n"
    '<script>document.write("Presiden Putin tiba"); alert("SECRETSCRIPT");</script>\n'
    '</head><body><nav><a href="/">Beranda</a></nav>\n<article>\n'
    "<h1>Menlu Rusia Tiba di Pyongyang</h1>\n" + _BODY + "</article></body></html>\n"
)
HOSTILE_SNIPPET = (  # no <article>, little text: markup.html_blocks' fallback reads it
    "<html><head><style>.SECRETSTYLE{}</style><script>alert('SECRETSCRIPT')</script></head>"
    "<body>" + _BODY + "</body></html>\n"
)

MARKDOWN = (  # raw HTML blocks in Markdown: the same hidden content
    "# Menlu Rusia Tiba di Pyongyang\n\n<script>\nalert('SECRETSCRIPT');\n</script>\n\n"
    + _BODY.replace("<p>", "\n").replace("</p>", "\n")
    + "<style>\n.SECRETSTYLE { color: red }\n</style>\n<!-- SECRETFORM -->\n"
)

WRITE_TEXT = "write text (in quotes when it looks like a number, a date or true/false)"
WRITE_LIST = "write a list: one '- ' line per entry, or [a, b]"

Make = Callable[[Path], list[str]]


@dataclass
class Row:
    name: str
    make: Make  # writes the input under tmp and returns the command's arguments
    error: str  # the message after "quizgen: error: " ({tmp}: the folder; {dep}: a
    # dependency's detail, see tests/_messages.py); for a row that
    code: int = 1  # succeeds (code 0), the whole standard error
    check: Callable[[Path, Result], None] | None = None  # more checks (rows without error)


def write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return make


def article(name: str, data: bytes | str) -> Make:
    """`quizgen generate FILE` on one article file."""
    return lambda tmp: ["generate", str(write(name, data)(tmp))]


def deck(text: str, out: str = "out") -> Make:
    """`quizgen build deck.yaml --out OUT` with a good article a.txt beside the deck."""
    def make(tmp: Path) -> list[str]:
        write("a.txt", ARTICLE)(tmp)
        return ["build", str(write("deck.yaml", text)(tmp)), "--out", str(tmp / out)]
    return make


def template(question: str, match: str = "{role:ROLE} {person:PERSON}") -> Make:
    """`quizgen generate --templates t.yaml a.txt`: a user's template file beside a good
    article (the article's roles and people bind the slots)."""
    text = (f"templates:\n  - id: user.role\n    kinds: [short]\n    match: {match!r}\n"
            f"    answer_slot: person\n    question: {question!r}\n"
            f"    answer: '{{{{ person }}}}'\n").replace("\\\\", "\\")
    def make(tmp: Path) -> list[str]:
        return ["generate", "--templates", str(write("t.yaml", text)(tmp)),
                str(write("a.txt", ARTICLE)(tmp))]
    return make


def huge_one_line(tmp: Path) -> list[str]:
    path = tmp / "huge.txt"
    with open(path, "wb") as f:  # 50 MB of words and no newline, written for real
        chunk = b"kata " * (1024 * 1024 // 5) + b"kata"
        for _ in range(50):
            f.write(chunk[:1024 * 1024])
    return ["generate", str(path)]


RUN_ON = ("Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025)"
          " bersama 300 pejabat, ")  # a clause of a "sentence" with no full stop
GAPS = "{person:PERSON}" + " ...{0,20}" * 9 + " {d:DATE} kosong"  # nine gaps, then a miss


def run_on_sentence(tmp: Path) -> list[str]:
    """One 30 KB "sentence" (no full stop): cut into pieces for analysis, with a warning."""
    text = "Judul\n\n" + (RUN_ON * (30_000 // len(RUN_ON)))[:-2] + ".\n"
    return ["generate", str(write("long.txt", text)(tmp)), "-o", str(tmp / "bank.yaml")]


def many_gaps(tmp: Path) -> list[str]:
    """A template with nine gaps over the long sentence: bounded work, not a hang."""
    args = template("Siapa {{ person }}?", GAPS)(tmp)
    write("a.txt", ("Judul\n\n" + RUN_ON * 8)[:-2] + " kosong.\n")(tmp)
    return args + ["-o", str(tmp / "bank.yaml")]


def worksheet_of(n: int, title: str = "Kuis", args: tuple[str, ...] = (),
                 text: str = "") -> Make:
    """`quizgen export worksheet BANK --no-pdf` on a bank of n kept short items."""
    def make(tmp: Path) -> list[str]:
        items = [Item(id=f"short-{i}", kind=SHORT, question=f"Siapa tokoh nomor {i}?{text}",
                      answer=f"Tokoh {i}", confidence=0.9) for i in range(n)]
        save_bank(QuestionBank(title=title, lang="id", items=items), tmp / "bank.yaml", "yaml")
        return ["export", "worksheet", str(tmp / "bank.yaml"), "--no-pdf", *args]
    return make


def over_a_damaged_bank(data: bytes) -> Make:
    """`quizgen generate a.txt -o bank.yaml` where bank.yaml holds no bank: `data`."""
    def make(tmp: Path) -> list[str]:
        write("bank.yaml", data)(tmp)
        return ["generate", str(write("a.txt", ARTICLE)(tmp)), "-o", str(tmp / "bank.yaml")]
    return make


def bank_replaced(tmp: Path, result: Result) -> None:
    assert load_bank(tmp / "bank.yaml").items


def no_secrets(tmp: Path, result: Result) -> None:
    """The page gave a bank, and nothing of its script, style, iframe or form is in it."""
    bank_text = (tmp / "bank.yaml").read_text(encoding="utf-8")
    bank = load_bank(tmp / "bank.yaml")
    assert bank.items
    assert "Wonsan" in bank_text and "Choe Son Hui" in bank_text
    shown = CliRunner().invoke(main, ["inspect", bank.articles[0].path]).stdout
    assert "Kim Jong Un menyatakan dukungan penuh" in shown
    for secret in SECRETS + ("Presiden Putin tiba", "Beranda"):
        assert secret not in bank_text, secret
        assert secret not in shown, secret


def fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.txt")  # reading it would wait for a writer for ever
    return ["generate", str(tmp / "pipe.txt")]


def one_silent_article(tmp: Path) -> list[str]:
    return ["generate", str(write("a.txt", ARTICLE)(tmp)), str(write("calm.txt", CALM)(tmp)),
            "-o", str(tmp / "bank.yaml")]


def html_page(name: str, page: str) -> Make:
    return lambda tmp: ["generate", str(write(name, page)(tmp)), "-o", str(tmp / "bank.yaml")]


def alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    return "title: T\nsources: [a.txt]\n" + "\n".join(lines) + "\n"


# A bank of one multiple-choice item; lines: 7 "- id", 8 kind, 9 question, 10 answer,
# 11 options. Bank rows export it (anki-text, the quickest export) and change one thing.
BANK_HEAD = "quizgen_bank: 1\ntitle: T\nlang: id\nseed: 0\narticles: []\nitems:\n"
MCQ_ITEM = ("- id: mcq-1\n  kind: mcq\n  question: Di mana Lavrov bertemu Choe Son Hui?\n"
            "  answer: Wonsan\n  options: [Pyongyang, Wonsan, Kursk]\n")


def bank(items: str, head: str = BANK_HEAD) -> Make:
    """`quizgen export anki-text bank.yaml -o deck.txt` on a hand-edited bank."""
    def make(tmp: Path) -> list[str]:
        return ["export", "anki-text", str(write("bank.yaml", head + items)(tmp)), "-o",
                str(tmp / "deck.txt")]
    return make


def mcq(**changes: str) -> str:
    """MCQ_ITEM with some lines replaced: field=new YAML text after 'field:'."""
    lines = MCQ_ITEM.splitlines(keepends=True)
    for field, text in changes.items():
        lines = [f"  {field}:{text}\n" if line.lstrip("- ").startswith(f"{field}:") else line
                 for line in lines]
    return "".join(lines)


INPUT = "is an input of this run{as_}, and writing it would destroy it; choose another output name"


def generate_onto(output: Callable[[Path], str], *more: str) -> Make:
    """`quizgen generate a.txt [MORE] -o OUTPUT` where OUTPUT is made by `output(tmp)`."""
    def make(tmp: Path) -> list[str]:
        article_file = str(write("a.txt", ARTICLE)(tmp))
        return ["generate", article_file, *[m.replace("{tmp}", str(tmp)) for m in more],
                "-o", output(tmp)]
    return make


def link(tmp: Path, name: str, target: str) -> str:
    (tmp / name).symlink_to(target)
    return str(tmp / name)


def deck_link_out(tmp: Path) -> list[str]:
    """The output folder already holds deck.apkg as a link to a file outside it."""
    args = deck("title: T\nsources: [a.txt]\noutputs: {worksheet: false}\n")(tmp)
    (tmp / "out").mkdir()
    write("elsewhere.apkg", b"precious")(tmp)
    link(tmp / "out", "deck.apkg", str(tmp / "elsewhere.apkg"))
    return args


def same_article_thrice(tmp: Path) -> list[str]:
    """One article as given, spelt otherwise, through a link, and as a byte-identical copy."""
    write("a.txt", ARTICLE)(tmp)
    write("copy.txt", ARTICLE)(tmp)
    link(tmp, "link.txt", "a.txt")
    return ["generate", str(tmp / "a.txt"), f"{tmp}/./a.txt", str(tmp / "link.txt"),
            str(tmp / "copy.txt"), "-o", str(tmp / "bank.yaml")]


def read_once(tmp: Path, result: Result) -> None:
    assert [a.path for a in load_bank(tmp / "bank.yaml").articles] == [str(tmp / "a.txt")]


def glob_through_link_loops(tmp: Path) -> list[str]:
    """`**` over a folder holding two links back to itself: 2**40 paths if followed
    blindly, ending only at the system's link limit."""
    args = deck("title: T\nsources: ['**/*.txt']\noutputs: {worksheet: false, bank_jsonl:"
                " false, anki: false, anki_text: false}\n")(tmp)
    (tmp / "berita").mkdir()
    link(tmp / "berita", "lagi", "..")
    link(tmp / "berita", "dan-lagi", "..")
    return args


def one_article_bank(tmp: Path, result: Result) -> None:
    assert [a.path for a in load_bank(tmp / "out" / "bank.yaml").articles] == [str(tmp / "a.txt")]


_TAKEN: list[socket.socket] = []  # ports held open until the end of the run


def review_on_a_taken_port(tmp: Path) -> list[str]:
    """`quizgen review --port N` where another program listens on N."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    held.listen()
    _TAKEN.append(held)
    bank = write("bank.yaml", (ROOT / "tests" / "fixtures" / "bank_sample.yaml").read_bytes())(tmp)
    return ["review", "--no-browser", "--port", str(held.getsockname()[1]), str(bank)]


def read_only_out(tmp: Path) -> list[str]:
    """An output folder without write permission (skipped where chmod does not stop us:
    as root; the rows after it reach the same error another way)."""
    args = deck("title: T\nsources: [a.txt]\n", out="locked")(tmp)
    locked = tmp / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        (locked / "probe").write_text("x")
    except PermissionError:
        return args
    pytest.skip("chmod 0o500 does not stop this user (root) from writing")


def folder_in_the_way(tmp: Path) -> list[str]:
    (tmp / "out" / "deck.apkg").mkdir(parents=True)
    return deck("title: T\nsources: [a.txt]\noutputs: {worksheet: false}\n")(tmp)


ROWS = [
    # ---- article files (quizgen generate FILE)
    Row("empty", article("empty.txt", b""),
        "{tmp}/empty.txt: file is empty; give a file with the article's text"),
    Row("whitespace", article("blank.txt", " \n\t\n  \r\n"),
        "{tmp}/blank.txt: file has only whitespace; give a file with the article's text"),
    Row("pdf", article("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        f"{{tmp}}/paper.txt: is a PDF file, not text; {HINT}"),
    Row("png", article("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        f"{{tmp}}/photo.txt: is a PNG image, not text; {HINT}"),
    Row("zip", article("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20)),
        f"{{tmp}}/archive.txt: is a ZIP archive, not text; {HINT}"),
    Row("utf16-no-bom", article("utf16.txt", ARTICLE.encode("utf-16-le")),
        "{tmp}/utf16.txt: is UTF-16 (little-endian) without a byte-order mark (NUL in every"
        " other byte); save it as UTF-8 (or UTF-16 with BOM)"),
    Row("latin1", article("latin1.txt", "Judul\n\nBerita dari kafe di Bogor: caf\u00e9.\n"
                          .encode("latin-1")),
        "{tmp}/latin1.txt:3: not UTF-8 (byte 0xE9; perhaps Latin-1 or Windows-1252);"
        " save it as UTF-8"),
    Row("50MB-one-line", huge_one_line,
        f"{{tmp}}/huge.txt: file is 50.0 MB, over the {MAX_BYTES // 2**20} MB limit for one"
        " article; give the article alone"),
    Row("long-line", article("line.txt", "kata " * (MAX_LINE_CHARS // 5 + 1)),
        f"{{tmp}}/line.txt:1: line has {MAX_LINE_CHARS + 5} characters, over the"
        f" {MAX_LINE_CHARS} limit for one paragraph; is this really an article? break it"
        " into paragraphs"),
    Row("missing-article", lambda tmp: ["generate", str(tmp / "nope.txt")],
        "{tmp}/nope.txt: file not found; check the path"),
    Row("article-is-a-folder", lambda tmp: ["generate", str(tmp)],
        "{tmp}: is a directory, not an article; name the files in it"),
    Row("device-not-file", lambda tmp: ["generate", "/dev/zero"],
        "/dev/zero: is a device or pipe, not a file; save the article to a file and give that"),
    Row("pipe-not-file", fifo,
        "{tmp}/pipe.txt: is a device or pipe, not a file; save the article to a file and"
        " give that"),
    Row("markdown-raw-scripts", html_page("raw.md", MARKDOWN),
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0, no_secrets),
    Row("html-scripts-page", html_page("page.html", HOSTILE_PAGE),
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0, no_secrets),
    Row("html-scripts-snippet", html_page("snippet.txt", HOSTILE_SNIPPET),
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0, no_secrets),
    Row("no-template-matches", article("calm.txt", CALM),
        "{tmp}/calm.txt: no question could be made from this article (no sentence matched a"
        " template); give a news article naming people, places, dates or numbers (see what"
        " was found with 'quizgen inspect FILE'); nothing was written"),
    Row("one-article-of-two-matches-nothing", one_silent_article,
        "quizgen: warning: {tmp}/calm.txt: no question in the bank comes from this article;"
        " see what was found with 'quizgen inspect {tmp}/calm.txt'\n"
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0),
    # ---- deck files (quizgen build DECK)
    Row("deck-missing-source", deck("title: T\nsources: [a.txt, hilang.txt]\n"),
        "{tmp}/deck.yaml:2: source 'hilang.txt' not found (relative to {tmp}); fix the path"
        " or remove it"),
    Row("deck-glob-matches-nothing", deck("title: T\nsources: ['berita/*.txt']\n"),
        "{tmp}/deck.yaml:2: no file matches 'berita/*.txt' (relative to {tmp}); fix the"
        " pattern"),
    Row("deck-glob-unclosed-bracket", deck("title: T\nsources: ['[a.txt']\n"),
        "{tmp}/deck.yaml:2: no file matches '[a.txt' (relative to {tmp}); fix the pattern"),
    Row("deck-unknown-language", deck("title: T\nlang: xx\nsources: [a.txt]\n"),
        "{tmp}/deck.yaml:2: unknown language 'xx'; available: id"),
    Row("deck-title-not-string", deck("title: 5\nsources: [a.txt]\n"),
        "{tmp}/deck.yaml:1: 'title' must be a string, not int 5; " + WRITE_TEXT),
    Row("deck-sources-not-list", deck("title: T\nsources: 5\n"),
        "{tmp}/deck.yaml:2: 'sources' must be a list, not int 5; " + WRITE_LIST),
    Row("deck-seed-not-number", deck("title: T\nsources: [a.txt]\nseed: tujuh\n"),
        "{tmp}/deck.yaml:3: 'seed' must be a whole number, not str 'tujuh'; write a whole"
        " number such as 7"),
    Row("deck-count-not-number", deck("title: T\nsources: [a.txt]\nitems: {mcq: banyak}\n"),
        "{tmp}/deck.yaml:3: 'items.mcq' must be a whole number, not str 'banyak'; write a"
        " whole number such as 7"),
    Row("deck-unknown-key", deck("title: T\nsources: [a.txt]\ncolour: red\n"),
        "{tmp}/deck.yaml:3: unknown key 'colour'; allowed here: items, lang, outputs, seed,"
        " sources, templates, title"),
    Row("deck-unknown-nested-key",
        deck("title: T\nsources: [a.txt]\noutputs:\n  worksheet:\n    colour: red\n"),
        "{tmp}/deck.yaml:5: unknown key 'outputs.worksheet.colour'; allowed here: items, paper,"
        " pdf, sources, stem, versions"),
    Row("deck-yaml-syntax", deck("title: T\nsources: [a.txt\n"),
        "{tmp}/deck.yaml:3: YAML syntax error: {dep}; check indentation, colons and quotes"),
    Row("deck-alias-bomb", deck(alias_bomb()),
        "{tmp}/deck.yaml:3: a YAML anchor ('&name') is not allowed in this file; write the"
        " value out instead"),
    Row("deck-deep-nesting", deck("title: T\nsources: [a.txt]\nx: " + "[" * 50_000
                                  + "]" * 50_000 + "\n"),
        f"{{tmp}}/deck.yaml:3: YAML nested over {MAX_DEPTH} levels deep; flatten the lists"
        " and mappings"),
    Row("deck-duplicate-key", deck("title: T\nsources: [a.txt]\ntitle: U\n"),
        "{tmp}/deck.yaml:3: key 'title' is given twice in one mapping (also at line 1); keep"
        " one of them"),
    Row("deck-anchor", deck("title: &t T\nsources: [a.txt]\nitems: {mcq: 1}\n"),
        "{tmp}/deck.yaml:1: a YAML anchor ('&name') is not allowed in this file; write the"
        " value out instead"),
    # ---- bank files, hand-edited (issue 15; more cases in tests/test_bankschema.py)
    Row("bank-good", bank(MCQ_ITEM), "wrote {tmp}/deck.txt: 1 notes\n", 0),
    Row("bank-options-a-string", bank(mcq(options=" Wonsan")),
        "{tmp}/bank.yaml:11: 'items[0].options' must be a list, not str 'Wonsan'; "
        + WRITE_LIST),
    Row("bank-answer-a-number", bank(mcq(answer=" 1945", options=" ['1945', '1950']")),
        "{tmp}/bank.yaml:10: 'items[0].answer' must be a string, not int 1945; " + WRITE_TEXT),
    Row("bank-unknown-kind", bank(mcq(kind=" mcg")),
        "{tmp}/bank.yaml:8: unknown kind 'mcg' in 'items[0].kind'; did you mean 'mcq'? use one"
        " of short, cloze, mcq, truefalse"),
    Row("bank-misspelt-key", bank(MCQ_ITEM.replace("  question:", "  qestion:")),
        "{tmp}/bank.yaml:9: unknown key 'items[0].qestion'; did you mean 'question'? allowed"
        " here: answer, answer_span, confidence, context, explanation, generated, id, keep,"
        " kind, options, question, score, sources, tags, template"),
    Row("bank-misspelt-top-key", bank(MCQ_ITEM, BANK_HEAD.replace("title:", "titel:")),
        "{tmp}/bank.yaml:2: unknown key 'titel'; did you mean 'title'? allowed here: articles,"
        " items, lang, quizgen_bank, seed, title"),
    Row("bank-missing-field", bank(MCQ_ITEM.replace("  answer: Wonsan\n", "")),
        "{tmp}/bank.yaml:7: 'items[0]' has no 'answer'; add 'answer:' to the item"),
    Row("bank-mcq-answer-not-an-option", bank(mcq(answer=" Vladivostok")),
        "{tmp}/bank.yaml:10: mcq item 'mcq-1': the answer must be one of the options; make one"
        " option the answer"),
    Row("bank-mcq-one-option", bank(mcq(options=" [Wonsan]")),
        "{tmp}/bank.yaml:11: mcq item 'mcq-1': a multiple-choice item needs at least two"
        " options; add the wrong options"),
    Row("bank-truefalse-answer-not-a-label",
        bank("- id: tf-1\n  kind: truefalse\n  question: Lavrov tiba di Pyongyang.\n"
             "  answer: Betul\n  options: [Betul, Salah]\n"),
        "{tmp}/bank.yaml:10: truefalse item 'tf-1': the answer must be one of Benar / Salah;"
        " write one of them"),
    Row("bank-cloze-without-blank",
        bank("- id: cloze-1\n  kind: cloze\n  question: Lavrov tiba di Pyongyang.\n"
             "  answer: Pyongyang\n"),
        "{tmp}/bank.yaml:9: cloze item 'cloze-1': a cloze question needs exactly one blank"
        " (_____) where the answer goes; write one in place of the answer"),
    Row("bank-duplicate-ids", bank(MCQ_ITEM + MCQ_ITEM.replace("Wonsan]", "Wonsan, Seoul]")),
        "{tmp}/bank.yaml:12: item id 'mcq-1' is given twice (also at line 7); give each item"
        " its own id or remove one of them"),
    Row("bank-items-not-a-list", bank("  mcq-1: {kind: mcq}\n"),
        "{tmp}/bank.yaml:7: 'items' must be a list, not dict {'mcq-1': {'kind': 'mcq'}}; "
        + WRITE_LIST),
    Row("bank-keep-not-boolean", bank(MCQ_ITEM + "  keep: tidak\n"),
        "{tmp}/bank.yaml:12: 'items[0].keep' must be true or false, not str 'tidak'; write"
        " true or false"),
    Row("bank-confidence-out-of-range", bank(MCQ_ITEM + "  confidence: 7\n"),
        "{tmp}/bank.yaml:12: 'items[0].confidence' must be a number from 0 to 1, not 7; write"
        " one such as 0.8, or remove it"),
    Row("bank-source-not-a-mapping", bank(MCQ_ITEM + "  sources: [a000]\n"),
        "{tmp}/bank.yaml:12: 'items[0].sources[0]' must be a mapping, not str 'a000'; write"
        " 'key: value' lines indented under it"),
    Row("bank-duplicate-key", bank(MCQ_ITEM + "  answer: Kursk\n"),
        "{tmp}/bank.yaml:12: key 'answer' is given twice in one mapping (also at line 10);"
        " keep one of them"),
    Row("bank-anchor-and-alias",
        bank(mcq(options=" &opsi [Pyongyang, Wonsan]") + MCQ_ITEM.replace("mcq-1", "mcq-2")
             .replace("[Pyongyang, Wonsan, Kursk]", "*opsi")),
        "{tmp}/bank.yaml:11: a YAML anchor ('&name') is not allowed in this file; write the"
        " value out instead"),
    Row("bank-value-too-long", bank(mcq(question=" " + "kata " * (MAX_VALUE_CHARS // 5 + 1))),
        f"{{tmp}}/bank.yaml:9: a value of {MAX_VALUE_CHARS + 4} characters, over the"
        f" {MAX_VALUE_CHARS} limit for one value; shorten it"),
    # ---- template files (quizgen generate --templates FILE ARTICLE)
    Row("template-syntax", template("Siapa {{ role }?"),
        "{tmp}/t.yaml:6 template user.role: question: jinja2 syntax error: {dep}; check the"
        " {{ }} and {% %} pairs"),
    Row("template-unknown-label", template("Siapa {{ role }}?", "{role:ROLE} {person:PERSN}"),
        "{tmp}/t.yaml:4 template user.role: pattern error at column 21: unknown label"
        " 'PERSN'; did you mean PERSON? known labels: PERSON, ROLE, PLACE, ORG, DATE,"
        " QUANTITY, QUOTE"),
    Row("template-undefined-name", template("Siapa {{ jabatan }}?"),
        "{tmp}/t.yaml:6 template user.role: question: 'jabatan' is not a slot of the pattern;"
        " use one of: person, role"),
    Row("template-python-internals", template("{{ ''.__class__.__mro__ }}"),
        "{tmp}/t.yaml:6 template user.role: question: jinja2 may not reach Python internals;"
        " use only slot attributes (text, norm, canonical, label, kind, attrs)"),
    Row("template-huge-range-loop",
        template("{% for i in range(10**9) %}{{ role }}{% endfor %}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: for is not allowed in templates;"
        f" {ALLOWED}"),
    Row("template-huge-range-call", template("{{ range(10**9) }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: a function call is not allowed in"
        f" templates; {ALLOWED}"),
    Row("template-huge-string", template("{{ 'x' * 10**9 }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: arithmetic ('*') is not allowed in"
        f" templates; {ALLOWED}"),
    Row("template-huge-power", template("{{ 9**9**9 }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: arithmetic ('**') is not allowed in"
        f" templates; {ALLOWED}"),
    Row("template-recursive-macro",
        template("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: macro is not allowed in templates;"
        f" {ALLOWED}"),
    Row("template-jinja-self", template("{{ self }}"),
        "{tmp}/t.yaml:6 template user.role: question: 'self' is not a slot of the pattern;"
        " use one of: person, role"),
    # ---- bounded work on pathological input (issue 15)
    Row("run-on-sentence", run_on_sentence,
        "quizgen: warning: {tmp}/long.txt: 1 sentence over 1,000 characters cut into pieces"
        " for analysis; add full stops where sentences end\n"
        "wrote {tmp}/bank.yaml: {n} items ({n} kept)\n", 0),
    Row("inspect-run-on-sentence", lambda tmp: ["inspect", run_on_sentence(tmp)[1]],
        "quizgen: warning: {tmp}/long.txt: 1 sentence over 1,000 characters cut into pieces"
        " for analysis; add full stops where sentences end\n", 0),
    Row("template-many-gaps", many_gaps, "wrote {tmp}/bank.yaml: {n} items ({n} kept)\n", 0),
    Row("template-deep-pattern",
        template("Siapa {{ role }}?", "{role:ROLE} " + "(" * 30 + "{person:PERSON}" + ")" * 30),
        f"{{tmp}}/t.yaml:4 template user.role: pattern error at column {13 + MAX_NESTING + 1}:"
        f" groups nested over {MAX_NESTING} deep; simplify the pattern"),
    Row("template-deep-expression", template("{{ " + "(" * 5000 + "role" + ")" * 5000 + " }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: nested over {MAX_DEPTH_J} levels deep"
        " (brackets, ifs, filters or operators inside one another); simplify the expression"),
    Row("template-deep-filters", template("{{ role" + " | lower" * 2000 + " }}"),
        f"{{tmp}}/t.yaml:6 template user.role: question: nested over {MAX_DEPTH_J} levels deep"
        " (brackets, ifs, filters or operators inside one another); simplify the expression"),
    Row("try-run-on-sentence", lambda tmp: ["try", RUN_ON * 40],
        "the sentence has 4,079 characters, over the 1,000 a sentence is analysed in; try a"
        " part of it"),
    Row("damaged-bank-binary", over_a_damaged_bank(b"\x00\x01garbage" * 100),
        "quizgen: warning: {tmp}/bank.yaml: the existing bank is damaged (binary, not text);"
        " it is replaced, not read\nwrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0,
        bank_replaced),
    Row("damaged-bank-empty", over_a_damaged_bank(b""),
        "quizgen: warning: {tmp}/bank.yaml: the existing bank is damaged (empty); it is"
        " replaced, not read\nwrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0, bank_replaced),
    Row("damaged-bank-latin1", over_a_damaged_bank("items: [caf\u00e9]\n".encode("latin-1")),
        "quizgen: warning: {tmp}/bank.yaml: the existing bank is damaged (not UTF-8 text); it"
        " is replaced, not read\nwrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0,
        bank_replaced),
    Row("jobs-over-cores", lambda tmp: ["generate", str(write("a.txt", ARTICLE)(tmp)), "-o",
                                        str(tmp / "bank.yaml"), "--jobs", "100000"],
        "quizgen: note: --jobs 100000 is more than the {n} cores here; using {n}\n"
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0),
    Row("worksheet-thousands-of-items", worksheet_of(3000),
        f"bank 'Kuis' gives 3,000 worksheet questions, over the limit of {MAX_ITEMS}; choose"
        " fewer with --count KIND=N (or the deck's worksheet items), or keep fewer items"),
    Row("worksheet-100KB-title", worksheet_of(3, args=("--title", "J" * 100_000)),
        f"worksheet title has 100,000 characters, over the {MAX_TITLE} a page header holds;"
        " shorten --title"),
    Row("worksheet-100KB-bank-title", worksheet_of(3, title="J" * 100_000),
        f"worksheet title has 100,000 characters, over the {MAX_TITLE} a page header holds;"
        " shorten the title (the deck's or the bank's), or give --title"),
    Row("worksheet-100KB-question", worksheet_of(2, text=" x" * 50_000),
        "item short-0 has a text of 100,020 characters, over the"
        f" {MAX_TEXT:,} a worksheet prints; shorten it in the bank or set 'keep: false'"),
    # ---- output that cannot be written
    Row("out-read-only-folder", read_only_out,
        "{tmp}/locked: cannot write output (Permission denied); choose a writable folder"),
    Row("out-is-a-file", deck("title: T\nsources: [a.txt]\n", out="a.txt"),
        "{tmp}/a.txt: exists and is not a folder; choose another --out"),
    Row("out-under-a-file", deck("title: T\nsources: [a.txt]\n", out="a.txt/out"),
        "{tmp}/a.txt: is a file, not a folder, so {tmp}/a.txt/out/bank.yaml cannot be"
        " written; choose another output folder"),
    Row("bank-under-a-file",
        lambda tmp: ["generate", str(write("a.txt", ARTICLE)(tmp)), "-o",
                     str(tmp / "a.txt" / "bank.yaml")],
        "{tmp}/a.txt: is a file, not a folder, so {tmp}/a.txt/bank.yaml cannot be written;"
        " choose another output folder"),
    Row("bank-output-is-a-folder",
        lambda tmp: ["generate", str(write("a.txt", ARTICLE)(tmp)), "-o", str(tmp)],
        "{tmp}: cannot write output, a folder has that name; move the folder or choose"
        " another output name"),
    Row("out-name-is-a-folder", folder_in_the_way,
        "{tmp}/out/deck.apkg: cannot write output, a folder has that name; move the folder or"
        " choose another output name"),
    # ---- an output over an input, outside its folder, or twice (issue 15)
    Row("generate-output-is-its-article", generate_onto(lambda tmp: str(tmp / "a.txt")),
        "{tmp}/a.txt: " + INPUT.format(as_="")),
    Row("generate-output-is-its-article-spelt-otherwise",
        generate_onto(lambda tmp: str(write("sub/x", "")(tmp).parent) + "/../a.txt"),
        "{tmp}/sub/../a.txt: " + INPUT.format(as_=" (as {tmp}/a.txt)")),
    Row("generate-output-is-a-link-to-its-article",
        generate_onto(lambda tmp: link(tmp, "bank.yaml", str(tmp / "a.txt"))),
        "{tmp}/bank.yaml: " + INPUT.format(as_=" (as {tmp}/a.txt)")),
    Row("generate-output-is-its-template-file",
        generate_onto(lambda tmp: str(write("t.yaml", "templates: []\n")(tmp)), "--templates",
                      "{tmp}/t.yaml"),
        "{tmp}/t.yaml: " + INPUT.format(as_="")),
    Row("export-over-its-bank", lambda tmp: bank(MCQ_ITEM)(tmp)[:3] + ["-o", str(tmp / "bank.yaml")],
        "{tmp}/bank.yaml: " + INPUT.format(as_="")),
    Row("export-over-a-hard-link-of-its-bank",
        lambda tmp: bank(MCQ_ITEM)(tmp)[:3] + ["-o", os.link(tmp / "bank.yaml", tmp / "d.txt")
                                               or str(tmp / "d.txt")],
        "{tmp}/d.txt: " + INPUT.format(as_=" (as {tmp}/bank.yaml)")),
    Row("worksheet-over-its-bank",
        lambda tmp: ["export", "worksheet", str(write("lembar.html", BANK_HEAD + MCQ_ITEM)(tmp)),
                     "--stem", "lembar", "--no-pdf"],
        "{tmp}/lembar.html: " + INPUT.format(as_="")),
    Row("worksheet-stem-with-a-folder",
        lambda tmp: ["export", "worksheet", str(write("bank.yaml", BANK_HEAD + MCQ_ITEM)(tmp)),
                     "--stem", "../lembar", "--no-pdf"],
        "--stem '../lembar': must be a plain file name (no folder); give the folder with --out"),
    Row("build-output-on-its-source",
        deck("title: T\nsources: [a.txt]\noutputs: {anki_text: a.txt}\n", out="."),
        "{tmp}/a.txt: " + INPUT.format(as_="")),
    Row("build-output-on-its-deck-file",
        deck("title: T\nsources: [a.txt]\noutputs: {bank: deck.yaml}\n", out="."),
        "{tmp}/deck.yaml: " + INPUT.format(as_="")),
    Row("deck-stem-escapes-the-folder",
        deck("title: T\nsources: [a.txt]\noutputs:\n  worksheet: {stem: ../lembar}\n"),
        "{tmp}/deck.yaml:4: 'stem' must be a plain file name inside the output folder"),
    Row("deck-output-absolute", deck("title: T\nsources: [a.txt]\noutputs: {csv: /tmp/x.csv}\n"),
        "{tmp}/deck.yaml:3: 'csv' must be a plain file name inside the output folder"),
    Row("deck-output-is-a-link-out", deck_link_out,
        "{tmp}/out/deck.apkg: is a link to {tmp}/elsewhere.apkg, outside the output folder;"
        " remove the link or choose another output name"),
    Row("deck-two-outputs-one-file",
        deck("title: T\nsources: [a.txt]\noutputs: {csv: bank.yaml}\n"),
        "{tmp}/deck.yaml:3: outputs 'bank' and 'csv' would both write bank.yaml; give each"
        " output its own file name"),
    Row("deck-worksheet-onto-another-output",
        deck("title: T\nsources: [a.txt]\noutputs:\n  anki_text: lembar.html\n"
             "  worksheet: {stem: lembar}\n"),
        "{tmp}/deck.yaml:5: outputs 'anki_text' and 'worksheet' would both write lembar.html;"
        " give each output its own file name"),
    Row("same-article-four-ways", same_article_thrice,
        "quizgen: note: {tmp}/./a.txt: the same article as {tmp}/a.txt; read once\n"
        "quizgen: note: {tmp}/link.txt: the same article as {tmp}/a.txt; read once\n"
        "quizgen: note: {tmp}/copy.txt: the same article as {tmp}/a.txt; read once\n"
        "wrote {tmp}/bank.yaml: 31 items ({n} kept)\n", 0, read_once),
    Row("deck-glob-through-link-loops", glob_through_link_loops, "", 0, one_article_bank),
    # ---- quizgen review (an unwritable bank is not an error here: the page says so and
    # keeps the file; tests/test_review_browser.py)
    Row("review-not-a-bank",
        lambda tmp: ["review", "--no-browser", str(write("deck.yaml", "title: T\n")(tmp))],
        "{tmp}/deck.yaml:1: not a quizgen bank (expected 'quizgen_bank: 1'); make one with"
        " 'quizgen generate'"),
    Row("review-missing-bank", lambda tmp: ["review", "--no-browser", str(tmp / "nope.yaml")],
        "{tmp}/nope.yaml: file not found; check the path"),
    # {dep}: the port the row found taken
    Row("review-port-in-use", lambda tmp: review_on_a_taken_port(tmp),
        "port {dep} is in use; choose another with --port, or leave --port out to take a free"
        " one"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_bad_input_gives_its_message_and_exit_code(tmp_path: Path, row: Row) -> None:
    args = row.make(tmp_path)
    before = set(tmp_path.rglob("*"))
    contents = snapshot(tmp_path)
    result = CliRunner().invoke(main, args)
    expected = row.error.replace("{tmp}", str(tmp_path))
    if row.code:
        expected = f"quizgen: error: {expected}\n"
    assert same_message(expected, result.stderr), result.stderr
    assert result.exit_code == row.code, (result.exit_code, result.output, result.exception)
    if row.check:
        row.check(tmp_path, result)
    if row.code:  # a failed run wrote nothing at all, not even a temporary file
        assert set(tmp_path.rglob("*")) == before
        assert snapshot(tmp_path) == contents  # and every file it read is byte-identical


def snapshot(folder: Path) -> dict[Path, bytes]:
    """The bytes of every regular file under `folder` (not pipes: reading one would wait)."""
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def test_bad_input_rows_cover_the_issue() -> None:
    """Issue 7's list, by row name: a row removed by mistake fails here."""
    names = {r.name for r in ROWS}
    for needed in ("empty", "whitespace", "pdf", "png", "zip", "utf16-no-bom", "latin1",
                   "50MB-one-line", "html-scripts-page", "no-template-matches",
                   "deck-missing-source", "deck-glob-matches-nothing", "deck-unknown-language",
                   "deck-title-not-string", "deck-unknown-key", "deck-yaml-syntax",
                   "template-syntax", "template-unknown-label", "template-undefined-name",
                   "template-python-internals", "template-huge-range-loop",
                   "template-huge-string", "out-read-only-folder", "out-under-a-file"):
        assert needed in names, needed


@pytest.mark.parametrize("args, expected", [
    (["generate", "seeds/nope.txt"], "quizgen: error: seeds/nope.txt: file not found; check"
                                     " the path\n"),
    (["build", "decks/nope.yaml"], "quizgen: error: decks/nope.yaml: file not found; check"
                                   " the path\n"),
])
def test_bad_input_real_process_prints_one_line_and_exits_1(args, expected) -> None:
    """The installed entry point in a real process: one line on stderr, no traceback."""
    done = subprocess.run([str(Path(sys.executable).parent / "quizgen"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QUIZGEN_DEBUG": ""})
    assert (done.returncode, done.stderr, done.stdout) == (1, expected, "")


QUIZGEN = str(Path(sys.executable).parent / "quizgen")
SEED = "seeds/000_76ed86c18c620676.txt"


FULL = ("standard output: cannot write (No space left on device); write to a file instead"
        " (-o FILE)")
CLOSED = ("standard output is closed; give the command somewhere to print (a terminal, a"
          " file, a pipe)")


@pytest.mark.parametrize("command, redirect, error", [
    ("generate", ">/dev/full", FULL),
    ("generate", ">&-", "standard output is closed; write the bank to a file with -o FILE"),
    ("inspect", ">/dev/full", FULL),
    ("inspect --format json", ">/dev/full", FULL),
    ("inspect", ">&-", CLOSED),
])
def test_bad_input_to_a_full_or_closed_stdout_fails(command: str, redirect: str,
                                                    error: str) -> None:
    """`quizgen generate FILE` writes the bank to standard output, `inspect` what it
    found: when they cannot, the run fails with one line and exit code 1, never a silent
    0 (nor an internal error)."""
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = subprocess.run(["sh", "-c", f'"$0" {command} "$1" {redirect}', QUIZGEN, SEED],
                          cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=120,
                          env={**os.environ, "QUIZGEN_DEBUG": ""})
    assert (done.returncode, done.stderr) == (1, f"quizgen: error: {error}\n")


def test_bad_input_bank_to_a_reader_that_left_is_not_success() -> None:
    """Standard output a pipe whose reader has gone before the bank is written (`| true`):
    the exit code says so (141, as a shell reports SIGPIPE), with nothing on standard
    error."""
    run = subprocess.Popen([QUIZGEN, "generate", SEED], cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    run.stdout.close()
    assert (run.wait(timeout=120), run.stderr.read()) == (141, b"")
