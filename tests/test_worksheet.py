"""Worksheets, read back from the PDF with pypdf: every question, the right key per
version, page count and paper size, Indonesian labels, same seed -> same PDF."""

from __future__ import annotations

import copy
from dataclasses import replace
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from quizgen.bank import load_bank
from quizgen.cli import main
from quizgen.errors import QuizgenError
from quizgen.export.worksheet import WorksheetOptions, render_html, write_worksheet
from quizgen.export.worksheet_layout import answer_lines, blank_width, build_layout, select_items
from quizgen.model import QuestionBank

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "bank_sample.yaml"
TRUTH = ("Benar", "Salah")


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return load_bank(FIXTURE)


def norm(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    return [norm(p.extract_text()) for p in PdfReader(path).pages]


def write(bank: QuestionBank, out: Path, **options) -> Path:
    files = write_worksheet(bank, out, WorksheetOptions(**options))
    assert [f.name for f in files] == ["worksheet.html", "worksheet.pdf"]
    return out / "worksheet.pdf"


def part_text(pages: list[str], label: str) -> str:
    """The pages whose running header names this part, e.g. 'Versi A' or 'Kunci ... Versi A'."""
    found = [p for p in pages if re.search(rf"(^| ){re.escape(label)} Halaman \d+ dari", p)]
    assert found, f"no page headed {label!r}"
    return " ".join(found)


@pytest.fixture(scope="module")
def sample_pdf(bank, tmp_path_factory) -> Path:
    return write(bank, tmp_path_factory.mktemp("ws"), versions=2, seed=7)


def question_texts(item) -> list[str]:
    """What of the question must appear on the sheet (a cloze question around its blank)."""
    return [norm(p) for p in re.split(r"_{3,}", item.question) if p.strip()]


def test_worksheet_pdf_has_every_kept_question_in_every_version(bank, tmp_path):
    edited = copy.deepcopy(bank)
    dropped = edited.items[0]
    dropped.keep = False
    pages = pdf_pages(write(edited, tmp_path, versions=3))
    for label in ("Versi A", "Versi B", "Versi C"):
        sheet = part_text(pages, label)
        for item in edited.items[1:]:
            for piece in question_texts(item):
                assert piece in sheet, (label, piece)
        assert norm(dropped.question) not in " ".join(pages)


def expected_keys(sheet: str, item) -> list[tuple[int, str]]:
    """Where the item stands on this sheet and what its key should say, read from the sheet:
    (number, key) for each place its question appears (two items may ask the same)."""
    first = re.escape(question_texts(item)[0])
    found = []
    for m in re.finditer(rf"(?:^| )(\d+)\. {first}", sheet):
        number = int(m.group(1))
        if item.kind != "mcq":
            found.append((number, item.answer))
            continue
        tail = sheet[m.end() :]
        stop = re.search(rf" {number + 1}\. | [IVX]+\. ", tail)
        block = tail[: stop.start()] if stop else tail
        pieces = re.split(r"(?:^| )([A-Z])\. ", block)
        options = dict(zip(pieces[1::2], (p.strip() for p in pieces[2::2])))
        letters = [k for k, v in options.items() if v == norm(item.answer)]
        if len(letters) == 1:
            found.append((number, f"{letters[0]}. {item.answer}"))
    assert found, item.question
    return found


def key_has(key: str, number: int, answer: str) -> bool:
    return re.search(rf"(?:^| ){number}\. {re.escape(norm(answer))}( |$)", key) is not None


def check_version(pages: list[str], label: str, items: list) -> None:
    """Every item is on the sheet of this version and the key gives its answer."""
    sheet = part_text(pages, f"Versi {label}")
    key = part_text(pages, f"Kunci Jawaban · Versi {label}")
    numbers = set()
    for item in items:
        places = [(n, a) for n, a in expected_keys(sheet, item) if key_has(key, n, a)]
        assert places, (label, item.question, item.answer)
        numbers.update(n for n, _ in places)
    assert numbers == set(range(1, len(items) + 1))


@pytest.mark.parametrize("version", ["A", "B"])
def test_worksheet_key_matches_the_shuffled_sheet(bank, sample_pdf, version):
    check_version(pdf_pages(sample_pdf), version, bank.items)


def test_worksheet_versions_differ_and_keys_follow(bank, sample_pdf):
    pages = pdf_pages(sample_pdf)
    a, b = part_text(pages, "Versi A"), part_text(pages, "Versi B")
    keys = [expected_keys(s, i) for s in (a, b) for i in bank.items if i.kind == "mcq"]
    assert a.replace("Versi A", "") != b.replace("Versi B", "")
    assert keys[: len(keys) // 2] != keys[len(keys) // 2 :]


@pytest.mark.parametrize(
    "paper,size",
    [
        ("a4", (595, 842)),
        ("letter", (612, 792)),
    ],
)
def test_worksheet_paper_size_and_page_count(bank, tmp_path, paper, size):
    path = write(bank, tmp_path, paper=paper, versions=2)
    reader = PdfReader(path)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size
    # 2 sheets + 2 keys + sources; each part counts its own pages ("Halaman 1 dari 2"),
    # and their counts add up to the whole file. This small bank needs at most 2 a part.
    totals = [int(m) for p in pdf_pages(path) for m in re.findall(r"Halaman 1 dari (\d+)", p)]
    assert len(totals) == 5 and sum(totals) == len(reader.pages)
    assert all(1 <= n <= 2 for n in totals)


def test_worksheet_same_seed_same_pdf(bank, tmp_path, sample_pdf):
    again = write(bank, tmp_path, versions=2, seed=7)
    assert pdf_pages(again) == pdf_pages(sample_pdf)
    assert again.read_bytes() == sample_pdf.read_bytes()


def test_worksheet_other_seed_other_order(bank, tmp_path, sample_pdf):
    other = pdf_pages(write(bank, tmp_path, versions=2, seed=8))
    assert other != pdf_pages(sample_pdf)


def test_worksheet_seed_defaults_to_the_bank_seed(bank):
    assert render_html(bank, WorksheetOptions()) == render_html(bank, WorksheetOptions(seed=7))


INDONESIAN = [
    "Nama Kelas Tanggal",
    "I. Pilihan Ganda",
    "II. Benar atau Salah",
    "III. Isian",
    "IV. Jawaban Singkat",
    "Pilihlah jawaban yang paling tepat dengan memberi tanda silang (X) pada huruf A, B, C,"
    " atau D.",
    "Lingkarilah kata Benar jika pernyataan itu benar atau kata Salah",
    "Benar / Salah",
    "Kunci Jawaban · Versi B",
    "Pegangan guru, jangan dibagikan kepada siswa.",
    "Halaman 1 dari 1",
    "No. Jawaban Sumber",
    "Yang benar: Korea Utara berkomitmen",
    "Sumber",
    "Media Indonesia · 13 Juli 2025",
]


@pytest.mark.parametrize("label", INDONESIAN)
def test_worksheet_labels_in_indonesian(sample_pdf, label):
    assert label in " ".join(pdf_pages(sample_pdf))


def test_worksheet_title_on_every_page(bank, sample_pdf):
    for page in pdf_pages(sample_pdf):
        assert page.count(bank.title) >= 2  # the running header and the part's heading


def test_worksheet_hostile_text_shows_as_text(bank, sample_pdf):
    html = render_html(bank)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;ini&lt;/b&gt;" in html
    text = " ".join(pdf_pages(sample_pdf))
    assert "<script>alert(1)</script>" in text
    assert "{{c2::itu}}" in text


def test_worksheet_pdf_embeds_dejavu(sample_pdf):
    fonts = []
    for page in PdfReader(sample_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("DejaVu" in name for name, _ in fonts)


def test_worksheet_without_sources_has_no_source_page(bank, tmp_path):
    pages = pdf_pages(write(bank, tmp_path, include_sources=False, versions=1))
    assert len(pages) == 2
    assert "[1]" not in " ".join(pages)


COUNTS = [
    # (counts, printed items per kind)
    (None, {"mcq": 2, "truefalse": 2, "cloze": 2, "short": 3}),
    # With counts quizgen chooses, one item per source sentence: the sample's second cloze
    # shares its sentence with a better true/false item.
    ({"mcq": 1, "short": 0}, {"mcq": 1, "truefalse": 2, "cloze": 1}),
    ({"short": 1, "cloze": 5}, {"mcq": 2, "truefalse": 2, "cloze": 1, "short": 1}),
]


@pytest.mark.parametrize("counts,expected", COUNTS)
def test_worksheet_counts_cap_each_kind(bank, counts, expected):
    layout = build_layout(bank, WorksheetOptions(counts=counts), TRUTH)
    for version in layout.versions:
        got = {s.kind: len(s.questions) for s in version.sections}
        assert got == expected
        numbers = [q.number for s in version.sections for q in s.questions]
        assert numbers == list(range(1, sum(expected.values()) + 1))


def test_worksheet_counts_keep_the_best_items(bank):
    layout = build_layout(bank, WorksheetOptions(counts={"short": 1}), TRUTH)
    short = next(s for s in layout.versions[0].sections if s.kind == "short")
    assert [q.item.answer for q in short.questions] == ["Sergey Lavrov"]  # score 0.95


@pytest.mark.parametrize(
    "answer,wider_than",
    [
        ("Kursk", 0),
        ("dua kali seminggu", 6),
        ("Menteri Luar Negeri Rusia Sergey Lavrov", 16),
    ],
)
def test_worksheet_blank_grows_with_the_answer(answer, wider_than):
    assert wider_than < blank_width(answer) <= 28


@pytest.mark.parametrize(
    "answer,lines",
    [
        ("Sergey Lavrov", 0),
        ("karena Korea Utara mengirim pasukan dan pekerja konstruksi ke Kursk", 2),
    ],
)
def test_worksheet_long_short_answers_get_full_lines(answer, lines):
    assert answer_lines(answer) == lines


def _broken(field: str, value) -> QuestionBank:
    bank = load_bank(FIXTURE)
    kinds = {"mcq_answer": "mcq", "tf_answer": "truefalse", "cloze_question": "cloze"}
    if field == "no_items":
        for item in bank.items:
            item.keep = False
        return bank
    item = next(i for i in bank.items if i.kind == kinds[field])
    setattr(item, field.split("_")[1], value)
    return bank


BAD = [
    # (bank change, options, expected error)
    (None, {"paper": "a3"}, r"unknown paper 'a3'; use one of a4, letter"),
    (None, {"versions": 0}, r"versions must be 1 to 26, not 0"),
    (None, {"versions": 27}, r"versions must be 1 to 26, not 27"),
    (None, {"counts": {"essay": 2}}, r"unknown item kind 'essay'"),
    (None, {"counts": {"mcq": -1}}, r"count for 'mcq' must be 0 or more"),
    (("mcq_answer", "Seoul"), {}, r"item mcq-\w+: answer 'Seoul' is not among its options"),
    (("tf_answer", "Mungkin"), {}, r"item tf-\w+: true/false answer 'Mungkin' is neither"),
    (("cloze_question", "Tanpa titik kosong."), {}, r"item cloze-\w+: cloze question has no"),
    (("no_items", None), {}, r"has no item to print"),
]


@pytest.mark.parametrize("change,options,expected", BAD)
def test_worksheet_bad_input_gives_one_line_error(change, options, expected):
    bank = _broken(*change) if change else load_bank(FIXTURE)
    with pytest.raises(QuizgenError) as err:
        render_html(bank, WorksheetOptions(**options))
    assert "\n" not in str(err.value)
    assert re.search(expected, str(err.value)), str(err.value)


def test_worksheet_cli_writes_html_and_pdf(tmp_path):
    result = CliRunner().invoke(
        main,
        ["export", "worksheet", str(FIXTURE), "--out", str(tmp_path), "--versions", "3",
         "--paper", "letter", "--seed", "5", "--count", "short=1", "--no-sources"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "worksheet.pdf")
    assert len(reader.pages) == 6
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Versi C" in (tmp_path / "worksheet.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args,expected",
    [
        (["missing.yaml"], "quizgen: error: missing.yaml: file not found"),
        ([str(FIXTURE), "--count", "mcq"], "quizgen: error: --count 'mcq': write KIND=N"),
    ],
)
def test_worksheet_cli_errors_are_one_line(tmp_path, args, expected):
    result = CliRunner().invoke(main, ["export", "worksheet", *args, "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().startswith(expected), result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def seeds_worksheet(tmp_path_factory):
    """The sample deck's bank from the five seed articles, as `quizgen build` prints it."""
    from quizgen.build import make_bank
    from quizgen.deck import load_deck

    deck = load_deck(ROOT / "decks" / "seeds.yaml")
    bank = make_bank(deck)
    ws = deck.outputs["worksheet"]
    options = WorksheetOptions(
        versions=ws["versions"],
        paper=ws["paper"],
        seed=deck.seed,
        include_sources=ws["sources"],
        counts=ws["items"],
    )
    out = tmp_path_factory.mktemp("seeds")
    write_worksheet(bank, out, options)
    return bank, options, out / "worksheet.pdf"


def test_worksheet_seeds_have_15_questions_in_3_kinds_with_right_keys(seeds_worksheet):
    # the deck asks for 25; kept items only, each fact once and none answering another
    # leave 19 today (a kind comes out short rather than give an answer away)
    bank, options, pdf = seeds_worksheet
    layout = build_layout(bank, options, TRUTH)
    items = [q.item for s in layout.versions[0].sections for q in s.questions]
    assert len(items) >= 15
    assert len({i.kind for i in items}) >= 3
    pages = pdf_pages(pdf)
    assert len(layout.versions) == 2
    for version in layout.versions:
        check_version(pages, version.label, items)
        for item in items:
            for piece in question_texts(item):
                assert piece in part_text(pages, f"Versi {version.label}")
    for page in PdfReader(pdf).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_worksheet_asks_each_fact_once_and_each_sentence_once_when_it_can(bank):
    # Two kinds of one fact (same id hash), and a second item from the same sentence.
    twin = copy.deepcopy(bank.items[3])  # a cloze item
    twin.kind, twin.id, twin.score = "short", "short-" + twin.id.split("-", 1)[1], 0.99
    neighbour = copy.deepcopy(bank.items[3])
    neighbour.id, neighbour.score = "cloze-ffffffffffff", 0.98
    bank.items += [twin, neighbour]
    chosen = select_items(bank, {"cloze": 1, "truefalse": 0})
    picked = [i for items in chosen.values() for i in items]
    hashes = [i.id.rsplit("-", 1)[-1] for i in picked]
    assert len(hashes) == len(set(hashes)), "a fact asked twice"
    assert twin in chosen["short"]  # the best-scored kind of the fact wins
    assert all(i.id != bank.items[3].id for i in picked)
    # The neighbour scores higher, but its sentence is already used by the twin.
    assert [i.id for i in chosen["cloze"]] == ["cloze-4d5e6f708192"]


def test_worksheet_leaves_out_a_question_whose_answer_another_prints(bank):
    # "Siapa Menteri Luar Negeri Rusia?" is in the sample; asking Lavrov's office too
    # would print the answer of one in the question of the other.
    office = copy.deepcopy(bank.items[0])
    office.id, office.kind, office.score = "mcq-aaaaaaaaaaaa", "mcq", 0.5
    office.question, office.answer = "Apa jabatan Sergey Lavrov?", "Menteri Luar Negeri Rusia"
    office.options = ["Menteri Luar Negeri Rusia", "Presiden Rusia", "Pemimpin Korea Utara",
                      "Menteri Pertahanan Rusia"]
    office.tags = ["answer-role"]
    bank.items.append(office)
    picked = [i.id for items in select_items(bank, {"mcq": 5}).values() for i in items]
    assert "short-5b1d0c2a9e11" in picked and office.id not in picked
    # Without counts the person chose the items: all are printed.
    assert office in select_items(bank, None)["mcq"]


@pytest.mark.parametrize("pdf, names", [(True, ["w.html", "w.pdf"]), (False, ["w.html"])])
def test_worksheet_start_then_finish_writes_what_write_worksheet_writes(bank, tmp_path, pdf,
                                                                        names):
    from quizgen.export.worksheet import start_worksheet

    finish = start_worksheet(bank, tmp_path / "a", WorksheetOptions(seed=3), pdf=pdf, stem="w")
    assert not (tmp_path / "a").exists()  # nothing written before finish
    started = finish()
    written = write_worksheet(bank, tmp_path / "b", WorksheetOptions(seed=3), pdf=pdf, stem="w")
    assert [p.name for p in started] == [p.name for p in written] == names
    assert [p.read_bytes() for p in started] == [p.read_bytes() for p in written]


def test_worksheet_answers_with_one_name_at_most_three_times(bank):
    """As a deck (select.MAX_PER_NAME): the seed worksheet answered 'Sergey Lavrov' in four
    of its five short answers."""
    from quizgen.select import MAX_PER_NAME

    for item in bank.items:  # the sample's person answers, tagged as generated banks tag them
        if "PERSON" in item.tags:
            item.tags = ["answer-person"]
    for n in range(5):
        extra = copy.deepcopy(bank.items[0])
        extra.id, extra.kind, extra.score = f"short-{n:012d}", "short", 0.9 - n / 100
        extra.question = f"Siapa yang melakukan hal ke-{n}?"
        extra.answer, extra.tags = "Sergey Lavrov", ["answer-person"]
        extra.sources = [replace(s, sentence=100 + n) for s in extra.sources]
        bank.items.append(extra)
    picked = [i for items in select_items(bank, {"short": 10}).values() for i in items]
    assert sum("Lavrov" in i.answer for i in picked) <= MAX_PER_NAME == 3
