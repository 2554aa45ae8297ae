"""The pattern language: a table of (pattern, tagged sentence, expected bindings), a table of
syntax errors with their columns, and a speed check."""

from __future__ import annotations

import time

import pytest
from _spans import marked

from quizgen.pattern import PatternError, compile_pattern, units_of

ROLE_HOLDER = "{role:ROLE} {country:PLACE}? {person:PERSON}"

# (pattern, marked-up sentence, expected: list of {slot: text} per match; [] = no match)
MATCH_CASES = [
    # slots, and an optional slot taken when present
    (ROLE_HOLDER,
     "Ia bertemu [ROLE Menteri Luar Negeri] [PLACE/country Rusia] [PERSON Sergey Lavrov].",
     [{"role": "Menteri Luar Negeri", "country": "Rusia", "person": "Sergey Lavrov"}]),
    (ROLE_HOLDER, "[ROLE Presiden Rusia] [PERSON Vladimir Putin] tiba.",
     [{"role": "Presiden Rusia", "person": "Vladimir Putin"}]),
    # every non-overlapping match, leftmost first
    (ROLE_HOLDER,
     "[ROLE PEMIMPIN] [PLACE Korea Utara] [PERSON Kim Jong Un] bertemu [ROLE Menlu] "
     "[PERSON Lavrov].",
     [{"role": "PEMIMPIN", "country": "Korea Utara", "person": "Kim Jong Un"},
      {"role": "Menlu", "person": "Lavrov"}]),
    # a span is one unit: a word between role and person breaks the match
    (ROLE_HOLDER, "[ROLE Presiden] baru [PERSON Putin] tiba.", []),
    # labels must agree
    (ROLE_HOLDER, "[ROLE Presiden] [ORG KCNA] melaporkan.", []),
    # constraint on attrs['kind']
    ("{c:PLACE/country} {p:PERSON}", "Di [PLACE/city Wonsan] [PERSON Kim] tiba.", []),
    ("{c:PLACE/country|city} {p:PERSON}", "Di [PLACE/city Wonsan] [PERSON Kim] tiba.",
     [{"c": "Wonsan", "p": "Kim"}]),
    ("{c:PLACE/kind!=city}", "[PLACE/city Wonsan] dan [PLACE/country Rusia]",
     [{"c": "Rusia"}]),
    ("{q:QUOTE/speaker=*}", "Ia menyebut [QUOTE “heroik”] dan [QUOTE/speaker=Kim “luar biasa”].",
     [{"q": "“luar biasa”"}]),
    # several labels
    ("di {x:PLACE|ORG}", "Ia bekerja di [ORG KCNA].", [{"x": "KCNA"}]),
    # literal words are case-insensitive and match tokens outside spans only
    ("menurut {o:ORG}", "MENURUT [ORG KCNA], pertemuan berlangsung.", [{"o": "KCNA"}]),
    ("menurut {o:ORG}", "[ORG Menurut] [ORG KCNA] pertemuan.", []),
    # alternatives and groups
    ("(di|ke|dari) {p:PLACE}", "Lavrov terbang dari [PLACE Moskow] ke [PLACE Pyongyang].",
     [{"p": "Moskow"}, {"p": "Pyongyang"}]),
    # optional group [ ... ]
    ("{p:PERSON} [, ...{1,5} ,] menyebut {q:QUOTE}",
     "[PERSON Lavrov], di sisi lain, menyebut [QUOTE “heroik”].",
     [{"p": "Lavrov", "q": "“heroik”"}]),
    ("{p:PERSON} [, ...{1,5} ,] menyebut {q:QUOTE}",
     "[PERSON Lavrov] menyebut [QUOTE “heroik”].", [{"p": "Lavrov", "q": "“heroik”"}]),
    # bounded gaps: lazy, within their bounds
    ("{p:PERSON} ...{0,2} tiba", "[PERSON Lavrov] juga sudah tiba.", [{"p": "Lavrov"}]),
    ("{p:PERSON} ...{0,2} tiba", "[PERSON Lavrov] juga sudah lama tiba.", []),
    ("{p:PERSON} ...{2} tiba", "[PERSON Lavrov] sudah tiba.", []),
    # captures: a named gap, a named group, a capture with slots inside
    ("menyebut {t:...{1,6}} sebagai {q:QUOTE}",
     "Lavrov menyebut hubungan [PLACE Rusia]–[PLACE Korea Utara] sebagai [QUOTE “erat”].",
     [{"t": "hubungan Rusia–Korea Utara", "q": "“erat”"}]),
    ("{v:mengatakan|menyebut} {q:QUOTE}", "Kim menyebut [QUOTE “heroik”].",
     [{"v": "menyebut", "q": "“heroik”"}]),
    ("{p:PERSON} , {title:{r:ROLE} {c:PLACE}?} ,",
     "[PERSON Choe Son Hui], [ROLE Menlu] [PLACE Korea Utara], tiba.",
     [{"p": "Choe Son Hui", "title": "Menlu Korea Utara", "r": "Menlu", "c": "Korea Utara"}]),
    # the same slot name in two branches of an alternative
    ("{r:ROLE} ({p:PERSON} | , {p:PERSON} (,|.))",
     "[ROLE Pemimpin Korea Utara], [PERSON Kim Jong Un], menyatakan dukungan.",
     [{"r": "Pemimpin Korea Utara", "p": "Kim Jong Un"}]),
    ("{r:ROLE} ({p:PERSON} | , {p:PERSON} (,|.))",
     "Ia memuji [ROLE Presiden], [PERSON Putin] mengangguk.", []),
    # anchors: ^ sentence start, $ end (final punctuation ignored)
    ("^ {p:PERSON}", "[PERSON Kim] bertemu [PERSON Lavrov].", [{"p": "Kim"}]),
    ("{p:PERSON} $", "[PERSON Kim] bertemu [PERSON Lavrov].", [{"p": "Lavrov"}]),
    # punctuation and quoted literals, including signs that are pattern syntax
    ("{d:DATE} '(' {n:QUANTITY} ')'", "Pada [DATE Sabtu] ([QUANTITY 12 orang]) hadir.",
     [{"d": "Sabtu", "n": "12 orang"}]),
    ("'kata dia' ,", "“Baik,” kata dia, lalu pergi.", [{}]),
]


def _bindings(pattern: str, markup: str) -> list[dict[str, str]]:
    s = marked(markup)
    return [{name: s.text[b.start:b.end] for name, b in m.bindings.items()}
            for m in compile_pattern(pattern).search(s)]


@pytest.mark.parametrize("pattern,markup,expected", MATCH_CASES)
def test_pattern_matches(pattern: str, markup: str, expected: list[dict[str, str]]) -> None:
    assert _bindings(pattern, markup) == expected


@pytest.mark.parametrize("pattern,markup,expected", MATCH_CASES)
def test_pattern_may_match_never_rejects_a_sentence_search_matches(
        pattern: str, markup: str, expected: list[dict[str, str]]) -> None:
    s = marked(markup)
    p = compile_pattern(pattern)
    may = p.may_match(s.text.casefold(), {sp.label for sp in s.spans})
    assert may or not p.search(s)
    if expected:
        assert may


@pytest.mark.parametrize(
    "pattern, markup, may",
    [
        (ROLE_HOLDER, "[PERSON Putin] tiba di [PLACE Pyongyang].", False),  # no ROLE span
        ("menurut {o:ORG}", "Kata [ORG KCNA], pertemuan berlangsung.", False),  # no word
        ("menurut {o:ORG}", "[ORG Menurut] [ORG KCNA] pertemuan.", True),  # inside a span
        ("{p:PERSON} ...{0,2} tiba", "[PERSON Lavrov] juga sudah tiba.", True),
    ],
)
def test_pattern_may_match_rejects_sentences_without_required_words_or_labels(
        pattern: str, markup: str, may: bool) -> None:
    s = marked(markup)
    assert compile_pattern(pattern).may_match(s.text.casefold(),
                                              {sp.label for sp in s.spans}) is may


def test_pattern_binds_spans_for_label_slots_only() -> None:
    s = marked("Lavrov menyebut hubungan [PLACE Rusia] sebagai [QUOTE “erat”].")
    m = compile_pattern("menyebut {t:...{1,3}} sebagai {q:QUOTE}").search(s)[0]
    assert m.bindings["q"].span is s.spans[1]
    assert m.bindings["t"].span is None
    assert s.text[m.start:m.end] == "menyebut hubungan Rusia sebagai “erat”"


def test_pattern_units_absorb_tokens_inside_spans() -> None:
    s = marked("[ROLE Menteri Luar Negeri] [PERSON Sergey Lavrov] tiba.")
    assert [u.word if u.span is None else u.span.label for u in units_of(s)] == \
        ["ROLE", "PERSON", "tiba", "."]


def test_pattern_units_keep_the_outer_of_nested_spans() -> None:
    s = marked("[ROLE Menteri Luar Negeri Rusia] tiba.")
    at = s.text.index("Rusia")
    s.spans.append(type(s.spans[0])(at, at + 5, "PLACE", "Rusia"))
    assert [u.span.label if u.span else u.word for u in units_of(s)] == ["ROLE", "tiba", "."]


# (pattern, expected message fragment, expected column)
ERROR_CASES = [
    ("", "empty pattern", 1),
    ("{person:PERSN}", "unknown label 'PERSN'; did you mean PERSON?", 9),
    ("{person:Persn}", "unknown label 'Persn'", 9),
    ("{person PERSON}", "expected ':' after the slot name 'person'", 9),
    ("{:PERSON}", "a slot starts with a name", 2),
    ("{if:PERSON}", "'if' is a reserved word", 2),
    ("{p:PERSON", "expected '}' to close the slot 'p' opened at column 1", 10),
    ("{p:PERSON} {p:PLACE}", "slot name 'p' is used twice", 12),
    ("(di|ke {p:PLACE}", "expected ')' to close the '(' at column 1, found the end", 17),
    ("di ) {p:PLACE}", "unexpected ')'", 4),
    ("? {p:PLACE}", "unexpected '?'", 1),
    ("{p:PERSON} ... tiba", "a gap needs bounds", 12),
    ("{p:PERSON} ...{4,1} tiba", "gap bounds {4,1} are reversed", 12),
    ("{p:PERSON} ...{0,99} tiba", "too wide; the limit is 20", 12),
    ("[{p:PERSON}]", "the pattern can match nothing", 1),
    ("{p:PERSON} |", "empty pattern part", 13),
    ("{c:PLACE/}", "expected a value in the slot constraint", 10),
    ("'kata", "unclosed quote", 1),
]


@pytest.mark.parametrize("pattern,message,column", ERROR_CASES)
def test_pattern_errors_name_the_column(pattern: str, message: str, column: int) -> None:
    with pytest.raises(PatternError) as exc:
        compile_pattern(pattern)
    assert message in exc.value.message
    assert exc.value.column == column


def test_pattern_is_fast_on_many_sentences() -> None:
    sentences = [marked("Ia bertemu [ROLE Menteri Luar Negeri] [PLACE Rusia] [PERSON Sergey "
                        "Lavrov] di [PLACE Wonsan] pada [DATE Sabtu] dan membahas kerja sama "
                        "militer kedua negara yang terus berlanjut.", index=i)
                 for i in range(2000)]
    patterns = [compile_pattern(p) for p in (
        ROLE_HOLDER, "{p:PERSON} [, ...{1,5} ,] (mengatakan|menyebut) {q:QUOTE}",
        "(di|ke|dari) {x:PLACE}", "{a:...{0,6}} pada {d:DATE}")]
    t0 = time.perf_counter()
    found = sum(len(p.search(s)) for s in sentences for p in patterns)
    elapsed = time.perf_counter() - t0
    assert found == 2000 * 3
    assert elapsed < 2.0, f"{elapsed:.2f}s for 8000 pattern runs"
