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
    ("(" * 500 + "a" + ")" * 500, "groups nested over 20 deep", 22),
    ("{a:" * 30 + "x" + "}" * 30, "groups nested over 20 deep", 64),
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


# ---- the matcher against a plain backtracker ------------------------------------------
# Random patterns over the words a, b, c and random sentences of those words and '.': the
# matcher (quizgen/matcher.py) must find exactly what trying every way in preference order
# finds. The reference below is that exhaustive search, written for clarity, not speed.

def _reference(node, u: list[str], i: int, binds: tuple):
    """Yield (end, binds) for every way `node` matches at unit i, in preference order."""
    kind = node[0]
    if kind == "w":
        if i < len(u) and u[i] == node[1]:
            yield i + 1, binds
    elif kind == "gap":
        for j in range(i + node[1], min(i + node[2], len(u)) + 1):
            yield j, binds
    elif kind == "opt":
        yield from _reference(node[1], u, i, binds)
        yield i, binds
    elif kind == "alt":
        for branch in node[1]:
            yield from _reference(branch, u, i, binds)
    elif kind == "seq":
        def rest(k: int, at: int, b: tuple):
            if k == len(node[1]):
                yield at, b
                return
            for j, b2 in _reference(node[1][k], u, at, b):
                yield from rest(k + 1, j, b2)
        yield from rest(0, i, binds)
    elif kind == "cap":
        for j, b2 in _reference(node[2], u, i, binds):
            yield j, b2 + ((node[1], i, j),)
    elif kind == "^":
        if i == 0:
            yield i, binds
    elif kind == "$":
        if all(not w[0].isalnum() for w in u[i:]):
            yield len(u), binds


def _random_pattern(rng, depth: int, names: list[str]) -> tuple[str, tuple]:
    roll = rng.random()
    if depth == 0 or roll < 0.35:
        w = rng.choice("abc")
        return w, ("w", w)
    if roll < 0.5:
        lo = rng.randint(0, 2)
        hi = lo + rng.randint(0, 3)
        return f"...{{{lo},{hi}}}", ("gap", lo, hi)
    if roll < 0.6:
        text, node = _random_pattern(rng, depth - 1, names)
        return f"[{text}]", ("opt", node)
    if roll < 0.7:
        parts = [_random_pattern(rng, depth - 1, names) for _ in range(rng.randint(2, 3))]
        return "(" + " | ".join(t for t, _ in parts) + ")", ("alt", [n for _, n in parts])
    if roll < 0.8:
        name = f"s{len(names)}"
        names.append(name)
        text, node = _random_pattern(rng, depth - 1, names)
        return f"{{{name}:{text}}}", ("cap", name, node)
    parts = [_random_pattern(rng, depth - 1, names) for _ in range(rng.randint(2, 4))]
    return " ".join(t for t, _ in parts), ("seq", [n for _, n in parts])


def _reference_search(node, u: list[str]) -> list[tuple[int, int, dict]]:
    out, i = [], 0
    while i < len(u):
        found = next(((j, b) for j, b in _reference(node, u, i, ()) if j > i), None)
        if found is None:
            i += 1
            continue
        j, binds = found
        first: dict = {}
        for name, a, b in binds:
            if name not in first and b > a:
                first[name] = (a, b)
        out.append((i, j, first))
        i = j
    return out


def test_pattern_matcher_finds_what_exhaustive_backtracking_finds() -> None:
    import random

    rng = random.Random(15)
    checked = 0
    while checked < 1500:
        text, node = _random_pattern(rng, 3, [])
        if rng.random() < 0.2:
            text, node = "^ " + text, ("seq", [("^",), node])
        if rng.random() < 0.2:
            text, node = text + " $", ("seq", [node, ("$",)])
        try:
            pattern = compile_pattern(text)
        except PatternError:
            continue  # can match nothing, or a slot name reused across branches
        words = [rng.choice("abc.") for _ in range(rng.randint(0, 12))]
        sentence = marked(" ".join(words))
        units = units_of(sentence)
        starts = [x.start for x in units]
        ends = [x.end for x in units]
        got = [(starts.index(m.start), ends.index(m.end) + 1,
                {k: (starts.index(b.start), ends.index(b.end) + 1)
                 for k, b in m.bindings.items()})
               for m in pattern.search(sentence)]
        assert got == _reference_search(node, words), (text, words)
        checked += 1


def test_pattern_many_gaps_run_in_bounded_time() -> None:
    """Nine gaps in a row and a last word that never comes: exponential for a plain
    backtracker (minutes), at most instructions x units steps here."""
    pattern = compile_pattern("{p:PERSON}" + " ...{0,20}" * 9 + " {d:DATE} kosong")
    sentence = marked(" ".join(["[PERSON Lavrov] tiba di [DATE Senin] bersama pejabat"] * 40)
                      + " kosong")
    t0 = time.perf_counter()
    assert pattern.search(sentence) == []
    assert time.perf_counter() - t0 < 2.0
