"""The bank: stable ids, determinism, options, limits; and the whole pipeline on the seeds."""

import copy

import pytest
from bankfixtures import make_corpus, seed_candidates

from quizgen.bank import dumps_yaml
from quizgen.generate import apply_limits, bank_from_candidates, end_punctuation
from quizgen.lang import load_language
from quizgen.model import CLOZE, KINDS, MCQ, TRUEFALSE, Item

PACK = load_language("id")
CORPUS = make_corpus()


def bank(cands=None, seed=0, limits=None):
    cands = seed_candidates(CORPUS) if cands is None else cands
    return bank_from_candidates(cands, CORPUS, PACK, title="Uji", seed=seed, limits=limits)


def ids_by_question(b):
    return {(i.kind, i.question): i.id for i in b.items}


def test_generate_deterministic():
    assert dumps_yaml(bank()) == dumps_yaml(bank())
    assert dumps_yaml(bank(seed=5)) == dumps_yaml(bank(seed=5))


def test_generate_id_form():
    for item in bank().items:
        kind, hexpart = item.id.split("-")
        assert kind == item.kind and len(hexpart) == 12 and int(hexpart, 16) >= 0


@pytest.mark.parametrize(
    "old, new",
    [
        ("Siapa Menteri Luar Negeri Rusia?", "Siapakah Menteri Luar Negeri Rusia?"),
        ("Di mana pertemuan Kim dan Lavrov berlangsung?", "Di manakah pertemuan Kim dan Lavrov berlangsung?"),
    ],
)
def test_generate_ids_stable_under_rewording(old, new):
    before = {i.id for i in bank().items if i.question == old}
    cands = seed_candidates(CORPUS)
    for c in cands:
        if c.question == old:
            c.question = new
    after = {i.id for i in bank(cands).items if i.question == new}
    assert before and before == after


def test_generate_ids_stable_when_a_source_is_added():
    cands = seed_candidates(CORPUS)
    one_source = [c for c in cands if not (c.template == "id.role.holder" and c.article == "a001")]
    a = {i.id: i for i in bank(one_source).items if i.template == "id.role.holder"}
    b = {i.id: i for i in bank(cands).items if i.template == "id.role.holder"}
    assert set(a) == set(b)
    for item_id in a:
        assert len(b[item_id].sources) == len(a[item_id].sources) + 1
        assert b[item_id].score > a[item_id].score  # corroborated


def test_generate_mcq_options():
    items = [i for i in bank().items if i.kind == MCQ]
    assert items
    for i in items:
        assert len(i.options) == 4 and len(set(i.options)) == 4 and i.answer in i.options


def test_generate_truefalse_items():
    items = [i for i in bank().items if i.kind == TRUEFALSE]
    assert items
    for i in items:
        assert i.options == ["Benar", "Salah"] and i.answer in i.options
        assert (i.answer == "Salah") == bool(i.explanation)
    assert sum(i.answer == "Salah" for i in items) == len(items) // 2


def test_generate_sorted_and_one_item_per_kind_and_fact():
    b = bank()
    scores = [i.score for i in b.items]
    assert scores == sorted(scores, reverse=True)
    assert len({i.id for i in b.items}) == len(b.items)
    assert all(0 <= s <= 1 for s in scores)
    assert all(i.generated for i in b.items)
    assert [a.id for a in b.articles] == [a.id for a in CORPUS.articles]


@pytest.mark.parametrize(
    "limits, expected",
    [
        ({"short": 2, "mcq": 1}, {"short": 2, "mcq": 1}),
        ({"truefalse": 10}, {"truefalse": 3}),
        ({}, {}),
    ],
)
def test_generate_limits(limits, expected):
    b = bank(limits=limits)
    counts = {k: sum(i.kind == k for i in b.items) for k in KINDS}
    assert {k: v for k, v in counts.items() if v} == expected


def test_generate_apply_limits_keeps_order():
    items = [Item(id=f"short-{n}", kind="short", question="q", answer="a") for n in range(5)]
    assert [i.id for i in apply_limits(copy.deepcopy(items), {"short": 3})] == ["short-0", "short-1", "short-2"]
    assert len(apply_limits(items, None)) == 5


def test_generate_seeds_whole_pipeline(seed_paths, pack):
    from quizgen.generate import generate_bank
    from quizgen.pipeline import analyse
    from quizgen.templates import load_templates

    corpus = analyse(seed_paths, "id")
    templates = load_templates(pack)
    b1 = generate_bank(corpus, pack, templates, title="Seeds", seed=2025)
    b2 = generate_bank(analyse(seed_paths, "id"), pack, templates, title="Seeds", seed=2025)
    assert dumps_yaml(b1) == dumps_yaml(b2)
    kept = [i for i in b1.items if i.keep]
    assert len({(i.kind, i.question, i.answer) for i in kept}) >= 30  # the threshold is fitted (confidence.yaml): 36 at slices 1-8
    assert {i.kind for i in kept} == set(KINDS)
    assert any(len({s.article for s in i.sources}) >= 2 for i in kept)  # merged across sources


def test_generate_fact_ids_qualify_only_colliding_events():
    from quizgen.generate import fact_hash, fact_ids
    from quizgen.merge import FactGroup

    a = FactGroup("id.role.holder", "f", "PERSON:x", "2025-07", score=0.9)
    b = FactGroup("id.role.holder", "f", "PERSON:x", "2023-10", score=0.5)
    c = FactGroup("id.wh.place", "g", "PLACE:y", "2025-07", score=0.1)
    ids = fact_ids([b, a, c])
    assert ids[id(a)] == fact_hash(a) and ids[id(c)] == fact_hash(c)
    assert ids[id(b)] == fact_hash(b, with_event=True) != ids[id(a)]


def _event(item):
    return next((t for t in item.tags if t.startswith("event-")), "")


def test_generate_seed_bank_top_20_is_what_a_teacher_keeps(pack):
    """Issue 3, "Done when": the top 20 of the seed deck's bank hold the facts a teacher
    asks about, read as short questions, and none repeats another."""
    from seedbank import seed_bank

    from quizgen.predicate import main_predicate
    from quizgen.simplify import words

    top = seed_bank().items[:20]
    answers = [i.answer for i in top if i.kind != TRUEFALSE]
    texts = " ".join(f"{i.question} {i.answer} {i.explanation}" for i in top)
    assert any(i.template.startswith("id.role.") for i in top)  # a role
    assert "Wonsan" in answers  # the meeting place of 2025
    # the dates of the three events, shown clean (Lavrov in Pyongyang; Putin and Kim in
    # Pyongyang; Kim and Lavrov in Wonsan)
    # (article 003 has no date: "Rabu (18/10)" gets 2023 from its weekday, a guess that is
    # kept for the event but not shown)
    assert {"18 Oktober", "19 Juni 2024", "12 Juli 2025"} <= set(answers)
    assert any(i.kind != TRUEFALSE and i.answer == "18 Oktober" and _event(i) == "event-2023-10"
               for i in top)
    assert any("10.000" in a for a in answers)  # troops
    assert any("6.000" in a for a in answers)  # workers
    assert "penerbangan" in texts  # the flights
    assert "pakta pertahanan bersama" in texts  # the treaty
    assert any(i.template.startswith("id.quote.") for i in top)  # who said what
    # no repeats: (answer, event, main predicate) differ; a true/false item's "answer" is
    # its statement, a verbless question's predicate its words
    keys = [((i.explanation or i.question) if i.kind == TRUEFALSE else i.answer, _event(i),
             main_predicate(i.question, pack) or i.question) for i in top]
    assert len(set(keys)) == len(keys), sorted(keys)
    # short questions: most of 18 words or fewer ("Siapa Pemimpin Korea Utara?" is short
    # and complete), none over 25
    lengths = [len(words(i.question)) for i in top if i.kind != CLOZE]
    assert max(lengths) <= 25
    assert sum(n <= 18 for n in lengths) >= 0.75 * len(lengths), lengths
    # dates never without a year, never as written in the text
    assert not any("(" in a and "/" in a for a in answers)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Siapa yang menyatakan bahwa rakyat akan “meraih kemenangan.”?",
         "Siapa yang menyatakan bahwa rakyat akan “meraih kemenangan”?"),
        ("Kim menyatakan bahwa rakyat akan “meraih kemenangan.”.",
         "Kim menyatakan bahwa rakyat akan “meraih kemenangan.”"),
        ('Siapa yang berkata "kami siap,"?', 'Siapa yang berkata "kami siap"?'),
        ("Siapa Menteri Luar Negeri Rusia?", "Siapa Menteri Luar Negeri Rusia?"),
        ("Lavrov menyebutnya “persaudaraan tempur”.", "Lavrov menyebutnya “persaudaraan tempur”."),
    ],
)
def test_generate_one_sentence_ending_after_a_closing_quote(text, expected):
    assert end_punctuation(text) == expected


# Where a place lies, asked as what it is; a first word that is no ordinary word keeps its
# capital when a question word moves before it [FacQA (ITB) via IndoNLU, CC BY-SA 4.0]
@pytest.mark.parametrize("text,question,answer", [
    ("Tiga danau di Tabanan, Bali, terus surut dan kini susutnya mencapai tiga meter.",
     "Di provinsi mana letak Tabanan?", "Bali"),
    ("Kim bertemu Lavrov di Wonsan, Korea Utara, pada 12 Juli 2025.",
     "Di negara mana letak Wonsan?", "Korea Utara"),
    ("Kim bertemu Lavrov di Wonsan, Korea Utara, pada 12 Juli 2025.",
     "Kapan Kim bertemu Lavrov di Wonsan, Korea Utara?", "12 Juli 2025"),
    ("Penikaman di pusat perbelanjaan di Hamburg menewaskan satu orang pada 28 Juli 2017.",
     "Kapan penikaman di pusat perbelanjaan di Hamburg menewaskan satu orang?", "28 Juli 2017"),
])
def test_generate_whole_pipeline_asks(text, question, answer):
    from quizgen.generate import generate_bank
    from quizgen.pipeline import analyse_texts
    from quizgen.templates import load_templates

    corpus = analyse_texts([("a.txt", "Judul\n\n" + text)], PACK.code)
    made = generate_bank(corpus, PACK, load_templates(PACK), title="t", seed=0)
    assert (question, answer) in {(i.question, i.answer) for i in made.items}, \
        sorted(i.question for i in made.items)
