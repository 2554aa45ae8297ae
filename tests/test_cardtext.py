"""Text pieces shared by the exporters: escaping, source lines, the marked answer."""

from __future__ import annotations

import pytest

from quizgen.export.cardtext import (
    answer_index,
    cloze_answer,
    context_parts,
    display_date,
    html_text,
    source_line,
    tag_text,
)
from quizgen.model import ArticleInfo, Item


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rusia & Korea <Utara>", "Rusia &amp; Korea &lt;Utara&gt;"),
        ("{{c1::Kursk}}", "&#123;&#123;c1::Kursk&#125;&#125;"),
        ("{{Front}}", "&#123;&#123;Front&#125;&#125;"),
        ("[sound:a.mp3]", "&#91;sound:a.mp3]"),
        ('kata "Kim"', "kata &quot;Kim&quot;"),
        ("baris\nkedua", "baris<br>kedua"),
    ],
)
def test_cardtext_html_text(text, expected):
    assert html_text(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a::b", "a&#58;&#58;b"),
        ("x}}y", "x&#125;&#125;y"),
        ("10.000", "10.000"),
    ],
)
def test_cardtext_cloze_answer(text, expected):
    assert cloze_answer(text) == expected


@pytest.mark.parametrize(
    "iso, lang, expected",
    [
        ("2025-07-13T06:39:00", "id", "13 Juli 2025"),
        ("2024-06-19", "id", "19 Juni 2024"),
        ("2024-06-19", "en", "June 19, 2024"),
        (None, "id", ""),
        ("kemarin", "id", "kemarin"),
    ],
)
def test_cardtext_display_date(iso, lang, expected):
    assert display_date(iso, lang) == expected


@pytest.mark.parametrize(
    "article, expected",
    [
        (ArticleInfo("a1", "seeds/a.txt", "Kim Bertemu Putin", "KompasTV", None,
                     "2024-06-19T13:30:00"), "Kim Bertemu Putin · KompasTV · 19 Juni 2024"),
        (ArticleInfo("a2", "seeds/b.txt", None, "Kontan", "Handoyo", None), "Kontan"),
        (ArticleInfo("a3", "seeds/004_3f3d.txt"), "004_3f3d.txt"),
        (ArticleInfo("a4", ""), "a4"),
    ],
)
def test_cardtext_source_line(article, expected):
    assert source_line(article, "id") == expected


@pytest.mark.parametrize(
    "context, span, expected",
    [
        ("Pertemuan berlangsung di Wonsan.", (25, 31), ("Pertemuan berlangsung di ", "Wonsan", ".")),
        ("Pertemuan berlangsung di Wonsan.", None, None),
        ("Pertemuan berlangsung di Wonsan.", (25, 99), None),  # span beyond an edited context
        ("", (0, 3), None),
    ],
)
def test_cardtext_context_parts(context, span, expected):
    item = Item(id="x", kind="short", question="q", answer="Wonsan", context=context,
                answer_span=span)
    assert context_parts(item) == expected


@pytest.mark.parametrize(
    "answer, options, expected",
    [
        ("Wonsan", ["Pyongyang", "Wonsan"], 1),
        ("wonsan ", ["Pyongyang", "Wonsan"], 1),
        ("Kursk", ["Pyongyang", "Wonsan"], None),
    ],
)
def test_cardtext_answer_index(answer, options, expected):
    item = Item(id="x", kind="mcq", question="q", answer=answer, options=options)
    assert answer_index(item) == expected


@pytest.mark.parametrize(
    "tag, expected",
    [("PERSON", "PERSON"), ("kelas 9 B", "kelas_9_B"), (' "ujian" ', "ujian")],
)
def test_cardtext_tag_text(tag, expected):
    assert tag_text(tag) == expected
