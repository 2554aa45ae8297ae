"""quizgen/parse.py: the pack's dependency parser and the units a span may cut.

Two tables. The first gives hand-written Universal Dependencies trees (as the treebanks
annotate these sentences), so the boundary rule is tested apart from the model's
accuracy. The second runs the shipped model on real sentences: what must come out as one
unit with it.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from quizgen.errors import QuizgenError
from quizgen.parse import Parse, ParserConfig, Word, parse_sentence, parser_for, words_of


def tree(text: str, rows: list[tuple[str, str, int, str]]) -> Parse:
    """A Parse from (word, upos, head (1-based, 0 = root), deprel) rows, as in CoNLL-U."""
    words, at = [], 0
    for i, (form, upos, head, rel) in enumerate(rows):
        start = text.index(form, at)
        at = start + len(form)
        words.append(Word(i, start, at, form, upos, head - 1, rel))
    return Parse(text, words, ParserConfig(model=""))


ANDI = tree("Andi Wijaya datang ke Jakarta.", [
    ("Andi", "PROPN", 3, "nsubj"), ("Wijaya", "PROPN", 1, "flat:name"),
    ("datang", "VERB", 0, "root"), ("ke", "ADP", 5, "case"), ("Jakarta", "PROPN", 3, "obl"),
    (".", "PUNCT", 3, "punct")])
MAWAR = tree("Mereka bertemu di Jalan Mawar, Kecamatan Sukajadi.", [
    ("Mereka", "PRON", 2, "nsubj"), ("bertemu", "VERB", 0, "root"), ("di", "ADP", 4, "case"),
    ("Jalan", "PROPN", 2, "obl"), ("Mawar", "PROPN", 4, "flat:name"), (",", "PUNCT", 7, "punct"),
    ("Kecamatan", "PROPN", 4, "appos"), ("Sukajadi", "PROPN", 7, "flat:name"),
    (".", "PUNCT", 2, "punct")])
WARNA = tree("Bendera itu punya tiga warna, yakni merah, biru, dan hijau.", [
    ("Bendera", "NOUN", 3, "nsubj"), ("itu", "DET", 1, "det"), ("punya", "VERB", 0, "root"),
    ("tiga", "NUM", 5, "nummod"), ("warna", "NOUN", 3, "obj"), (",", "PUNCT", 8, "punct"),
    ("yakni", "CCONJ", 8, "cc"), ("merah", "ADJ", 5, "appos"), (",", "PUNCT", 10, "punct"),
    ("biru", "ADJ", 8, "conj"), (",", "PUNCT", 14, "punct"), ("dan", "CCONJ", 14, "cc"),
    ("hijau", "ADJ", 8, "conj"), (".", "PUNCT", 3, "punct")])
PRESIDEN = tree("Presiden Joko Widodo meresmikan jembatan itu.", [
    ("Presiden", "PROPN", 4, "nsubj"), ("Joko", "PROPN", 1, "flat:name"),
    ("Widodo", "PROPN", 1, "flat:name"), ("meresmikan", "VERB", 0, "root"),
    ("jembatan", "NOUN", 4, "obj"), ("itu", "DET", 5, "det"), (".", "PUNCT", 4, "punct")])
KOTA = tree("Banjir melanda Bandung dan Bogor.", [
    ("Banjir", "NOUN", 2, "nsubj"), ("melanda", "VERB", 0, "root"),
    ("Bandung", "PROPN", 2, "obj"), ("dan", "CCONJ", 5, "cc"), ("Bogor", "PROPN", 3, "conj"),
    (".", "PUNCT", 2, "punct")])
KOTA3 = tree("Banjir melanda Bandung, Bogor, dan Bekasi.", [
    ("Banjir", "NOUN", 2, "nsubj"), ("melanda", "VERB", 0, "root"),
    ("Bandung", "PROPN", 2, "obj"), (",", "PUNCT", 5, "punct"), ("Bogor", "PROPN", 3, "conj"),
    (",", "PUNCT", 8, "punct"), ("dan", "CCONJ", 8, "cc"), ("Bekasi", "PROPN", 3, "conj"),
    (".", "PUNCT", 2, "punct")])
KPK = tree("Komisi Pemberantasan Korupsi (KPK) menahan Budi.", [
    ("Komisi", "PROPN", 7, "nsubj"), ("Pemberantasan", "PROPN", 1, "flat:name"),
    ("Korupsi", "PROPN", 1, "flat:name"), ("(", "PUNCT", 5, "punct"),
    ("KPK", "PROPN", 1, "appos"), (")", "PUNCT", 5, "punct"), ("menahan", "VERB", 0, "root"),
    ("Budi", "PROPN", 7, "obj"), (".", "PUNCT", 7, "punct")])
SPLIT = tree("Bandung Barat di Jawa Barat.", [  # a wrong parse: one name run in two pieces
    ("Bandung", "PROPN", 0, "root"), ("Barat", "PROPN", 1, "flat:name"),
    ("di", "ADP", 4, "case"), ("Jawa", "PROPN", 1, "flat:name"),
    ("Barat", "PROPN", 2, "flat:name"), (".", "PUNCT", 1, "punct")])
KURSK = tree("Pekerja dikirim ke wilayah Kursk di Rusia.", [  # a wrong parse: Rusia flat of Kursk
    ("Pekerja", "NOUN", 2, "nsubj:pass"), ("dikirim", "VERB", 0, "root"),
    ("ke", "ADP", 4, "case"), ("wilayah", "NOUN", 2, "obl"), ("Kursk", "PROPN", 4, "flat:name"),
    ("di", "ADP", 7, "case"), ("Rusia", "PROPN", 5, "flat:name"), (".", "PUNCT", 2, "punct")])
HARGA = tree("Cabai dijual Rp 12.000 per kilogram.", [
    ("Cabai", "NOUN", 2, "nsubj:pass"), ("dijual", "VERB", 0, "root"),
    ("Rp", "NOUN", 2, "obl"), ("12.000", "NUM", 3, "nummod"), ("per", "ADP", 6, "case"),
    ("kilogram", "NOUN", 3, "nmod"), (".", "PUNCT", 2, "punct")])


def span(parse: Parse, text: str) -> tuple[int, int]:
    start = parse.text.index(text)
    return start, start + len(text)


# (parse, answer span, words allowed outside, the relation cut or None)
RULE_ROWS = [
    (ANDI, "Andi", (), "flat:name"),                      # a name cut after its first word
    (ANDI, "Wijaya", (), "flat:name"),
    (ANDI, "Andi Wijaya", (), None),
    (ANDI, "Jakarta", (), None),
    (MAWAR, "Jalan Mawar", (), "appos"),                  # the place without its apposition
    (MAWAR, "Jalan Mawar, Kecamatan Sukajadi", (), None),
    (MAWAR, "Kecamatan Sukajadi", (), None),              # the larger place alone is a unit
    (MAWAR, "Mawar, Kecamatan", (), "flat:name"),
    (WARNA, "biru", (), None),                            # lower case: no list of names
    (WARNA, "merah, biru, dan hijau", (), None),
    (PRESIDEN, "Joko Widodo", (), "flat:name"),           # the title is a word of the chain
    (PRESIDEN, "Joko Widodo", ("Presiden",), None),       # ... unless the tagger saw a title
    (KOTA, "Bandung", (), None),                          # two names joined: not a list
    (KOTA3, "Bogor", (), "conj"),                         # one of three
    (KOTA3, "Bandung", (), "conj"),
    (KOTA3, "Bandung, Bogor, dan Bekasi", (), None),
    (KPK, "Komisi Pemberantasan Korupsi", (), None),      # an acronym in brackets is aside
    (SPLIT, "Jawa", (), "flat:name"),                     # a run whose heads are elsewhere
    (SPLIT, "Bandung Barat", (), None),
    (KURSK, "Kursk", (), None),                           # a name is one unbroken run, and
    (KURSK, "wilayah Kursk", (), None),                   # a lower-case word is no name part
    (HARGA, "12.000", (), None),                          # a number blanked before its unit
    (HARGA, "Rp 12.000", (), None),
]


@pytest.mark.parametrize("parse,answer,keep,relation", RULE_ROWS)
def test_parse_cuts_unit_rule(parse, answer, keep, relation):
    keep_ids = frozenset(w.index for w in parse.words if w.text in keep)
    cuts = parse.cuts(*span(parse, answer), keep_ids)
    assert (cuts[0].relation if cuts else None) == relation
    assert parse.cuts_unit(*span(parse, answer), keep_ids) == (relation is not None)


def test_parse_subtree_span():
    word = next(w for w in MAWAR.words if w.text == "Jalan")
    assert MAWAR.text[slice(*MAWAR.subtree_span(word))] == "di Jalan Mawar, Kecamatan Sukajadi"
    assert MAWAR.word_at(*span(MAWAR, "Jalan Mawar")).text == "Jalan"


@pytest.mark.parametrize("text,words", [
    ("Mereka lari diam-diam.", ["Mereka", "lari", "diam-diam", "."]),
    ("Rusia-Korea Utara, Rp12.000", ["Rusia-Korea", "Utara", ",", "Rp12.000"]),
    ("a - b", ["a", "-", "b"]),
])
def test_parse_words_of_keeps_hyphenated_words(text, words):
    assert [text[a:b] for a, b in words_of(text)] == words


def test_parse_without_parser_gives_none():
    bare = SimpleNamespace(data=lambda name, default=...: default, root=None)
    assert parser_for.__wrapped__(bare) is None


def test_parse_bad_parser_yaml():
    bad = SimpleNamespace(data=lambda name, default=...: {"file": "x"}, root=Path("lang/xx"))
    with pytest.raises(QuizgenError, match="'model' must name the model file"):
        parser_for.__wrapped__(bad)


# The shipped model on real sentences: (sentence, a unit, a piece of it that cuts it,
# words a tagger gives spans of their own). Multi-word list members ("Aceh, Sumatera Utara,
# dan Sumatera Barat") the model attaches to the verb: no cut found there, no false one.
MODEL_ROWS = [
    ("Kapolres Andi Wijaya mengatakan pelaku sudah ditangkap.", "Andi Wijaya", "Andi",
     ("Kapolres",)),
    ("Andi Wijaya datang ke Jakarta kemarin.", "Andi Wijaya", "Wijaya", ()),
    ("Warga berkumpul di Jalan Mawar, Kecamatan Sukajadi, sejak pagi.",
     "Jalan Mawar, Kecamatan Sukajadi", "Jalan Mawar", ()),
    ("Banjir melanda Bandung, Bogor, dan Bekasi pada Senin.", "Bandung, Bogor, dan Bekasi",
     "Bogor", ()),
    ("Tim itu diperkuat Andi, Budi, dan Citra.", "Andi, Budi, dan Citra", "Andi", ()),
    ("Harga beras naik menjadi Rp 12.000 per kilogram.", "Rp 12.000 per kilogram", "12.000",
     None),  # a number blanked before its unit is no cut
]


@pytest.mark.parametrize("text,unit,piece,keep", MODEL_ROWS)
def test_parse_model_finds_units(pack, text, unit, piece, keep):
    parse = parse_sentence(text, pack)
    assert parse is not None, "the pack ships a parser"
    keep_ids = frozenset(w.index for w in parse.words if w.text in (keep or ()))
    trees = [(w.text, w.head, w.deprel) for w in parse.words]
    assert not parse.cuts_unit(*span(parse, unit), keep_ids), trees
    assert parse.cuts_unit(*span(parse, piece), keep_ids) == (keep is not None), trees
