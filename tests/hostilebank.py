"""A bank of hostile text for the classroom-platform exporters: every character a format
reserves (GIFT's ~ = # { } : and backslash, `->`, CDATA's `]]>`, Moodle cloze braces,
spreadsheet formulas, dates and numbers Excel would convert), quotes, URLs, emoji and
control characters, in every kind."""

from __future__ import annotations

from quizgen.model import ArticleInfo, Item, QuestionBank, Source

NASTY = "a:b {c} ~d =e #f \\g -> h <b>i</b> & ]]> 'j' \"k\" 😀 http://x.id/a?b=1#c"


def _item(i: int, kind: str, question: str, answer: str, options=(), **kw) -> Item:
    return Item(id=f"{kind}-hostile{i:02d}", kind=kind, question=question, answer=answer,
                options=list(options), context=kw.pop("context", question),
                sources=[Source("h1", i, 0, 0)], template="test.hostile", **kw)


def hostile_bank() -> QuestionBank:
    items = [
        _item(1, "mcq", f"Apa {NASTY}?", "=1+1", ["=1+1", "12/7", "10.000", "@SUM(A1)"]),
        _item(2, "mcq", "Mana yang -> benar: {1:SHORTANSWER:=x}?", "x -> y",
              ["x -> y", "a\\b", "c~d", "e#f", "g}h"]),
        _item(3, "truefalse", f"Pernyataan {NASTY}.", "Salah", ["Benar", "Salah"],
              explanation="Yang benar: 12/7 {bukan} 13/7."),
        _item(4, "truefalse", "Tanda \u0007kontrol\u0000 dibuang: +62 812.", "Benar",
              ["Benar", "Salah"]),
        _item(5, "short", f"Siapa {NASTY}?", "Dr. A:B {C} ~D =E #F -> G 😀"),
        _item(6, "short", "Berapa -10.000 dan 12/7?", "-10.000"),
        _item(7, "cloze", "Ia tiba di _____ pada 12/7 {pukul} 10:00 -> WIB.", "Pyongyang \\ #1"),
        _item(8, "cloze", "Kata terakhir kalimat ini _____", "selesai ]]> ya"),
    ]
    return QuestionBank(
        title="Uji: teks {jahat} / #1 -> ]]>", lang="id", seed=1,
        articles=[ArticleInfo(id="h1", path="h1.txt", title="Judul: {x} ~ y", publisher="Pers #1",
                              published="2025-07-12")],
        items=items,
    )
