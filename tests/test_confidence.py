"""Confidence: features of an item alone, a logistic model from language data, the deck
threshold, and the shipped model being the one its judged data gives."""

import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.bank import merge_edits
from quizgen.confidence import ConfidenceModel, Lexicon, assess, features, load_model
from quizgen.errors import QuizgenError
from quizgen.lang import LanguagePack, load_language
from quizgen.model import Item, QuestionBank, Source

ROOT = Path(__file__).resolve().parents[1]
LEX = Lexicon(hedges=("hingga", "sekitar"), agencies=frozenset({"afp"}))


def item(kind="short", question="Siapa yang memimpin rapat?", answer="Joko Widodo",
         context="Joko Widodo memimpin rapat.", **kw) -> Item:
    return Item(id=f"{kind}-abc", kind=kind, question=question, answer=answer,
                context=context, **kw)


@pytest.mark.parametrize(
    "it, name, value",
    [
        (item(), "kind:short", 1.0),
        (item(template="id.wh.person"), "template:id.wh.person", 1.0),
        (item(tags=["answer-person", "event-2024-06"]), "label:person", 1.0),
        (item(tags=[]), "label:none", 1.0),
        (item(answer="hingga 1,094"), "answer_hedged", 1.0),
        (item(answer="Sekitar 70"), "answer_hedged", 1.0),
        (item(answer="Hinggar Putra"), "answer_hedged", 0.0),
        (item(answer="AFP"), "answer_agency", 1.0),
        (item(answer="AFP"), "answer_acronym", 1.0),
        (item(answer="Joko Widodo"), "answer_acronym", 0.0),
        (item(answer="dua"), "answer_lowercase", 1.0),
        (item(question="Kapan frequency Factory Vol. 13 digelar?",
              context="Frequency Factory Vol. 13 digelar pada 20 Oktober."), "decapitalised", 1.0),
        (item(question="Kapan festival Factory digelar?",
              context="Sebuah festival Factory digelar."), "decapitalised", 0.0),
        (item("cloze", "_____ permasalahan besar ada.", "Dua"), "blank_first", 1.0),
        (item("cloze", "Tampil Paranoid London, _____, Thomas Bullock.", "Afrikan Boy"), "blank_in_list", 1.0),
        (item("cloze", "Tampil Paranoid London, _____ dan Thomas Bullock.", "Afrikan Boy"), "blank_in_list", 1.0),
        (item("cloze", "Liverpool menang atas _____.", "West Ham"), "blank_in_list", 0.0),
        (item("mcq", options=["Joko Widodo", "AFP", "DJ", "Prabowo Subianto"]), "options_shape_mismatch", 2 / 3),
        (item("mcq", options=["Joko Widodo", "Ma'ruf Amin", "Prabowo Subianto", "Anies Baswedan"]), "options_shape_mismatch", 0.0),
        (item("truefalse", answer="Salah", explanation="Joko Widodo memimpin rapat."), "false_statement", 1.0),
        (item(sources=[Source("a", 1, 0, 1), Source("b", 2, 0, 1)]), "many_sources", 1.0),
        (item(question='"Kami siap," kata siapa?'), "quote", 1.0),
        (item("cloze", "Jokowi mendatangi kantor _____ Singapura.", "PM",
              context="Jokowi mendatangi kantor PM Singapura.", answer_span=(25, 27)), "name_after_answer", 1.0),
        (item("cloze", "GPU ARM _____ 875 MHz.", "Mali", context="GPU ARM Mali 875 MHz.",
              answer_span=(8, 12)), "name_before_answer", 1.0),
        (item(answer="Joko", context="Joko Widodo memimpin rapat.", answer_span=(0, 4)), "name_before_answer", 0.0),
        (item(answer="Joko", context="Joko Widodo memimpin rapat.", answer_span=(0, 4)), "name_after_answer", 1.0),
        (item(answer="Bali", context="Zedd menyelam di laut Bali.", answer_span=(22, 26)), "name_before_answer", 0.0),
    ],
)
def test_confidence_features_of_an_item(it, name, value):
    assert features(it, LEX).get(name, 0.0) == pytest.approx(value)


def test_confidence_truefalse_has_no_answer_features():
    f = features(item("truefalse", answer="Benar"), LEX)
    assert not any(name.startswith("answer_") for name in f)


@pytest.mark.parametrize(
    "weights, bias, expected",
    [
        ({}, 0.0, 0.5),
        ({"kind:short": 2.0}, -2.0, 0.5),
        ({"answer_agency": -50.0}, 0.0, 0.0),  # clamped, no overflow
        ({"kind:short": 100.0}, 0.0, 1.0),
        ({"template:never.seen": 5.0}, 0.0, 0.5),  # a weight for no feature counts nothing
    ],
)
def test_confidence_is_the_logistic_of_weighted_features(weights, bias, expected):
    model = ConfidenceModel(bias=bias, weights=weights, lexicon=LEX)
    assert model.confidence(item(answer="AFP")) == pytest.approx(expected, abs=1e-4)


def test_confidence_assess_keeps_items_at_or_above_the_threshold():
    model = ConfidenceModel(weights={"answer_agency": -3.0}, threshold=0.5, lexicon=LEX)
    good, bad = item(answer="Joko Widodo"), item(answer="AFP")
    assess([good, bad], model)
    assert (good.confidence, good.keep) == (0.5, True)
    assert bad.confidence < 0.5 and bad.keep is False


@pytest.mark.parametrize("weight,kept", [
    (-0.2, True),   # confidence 0.45: within ARTICLE_MARGIN of 0.5, the article's best item
    (-3.0, False),  # confidence 0.05: too far below; the article gives no item
])
def test_confidence_assess_keeps_each_articles_best_item_near_the_threshold(weight, kept):
    """An article none of whose items reaches the threshold keeps its best one when it is
    within ARTICLE_MARGIN of it; an article with a kept item keeps no more."""
    model = ConfidenceModel(weights={"answer_agency": weight}, threshold=0.5, lexicon=LEX)
    lone = item(answer="AFP", sources=[Source("art-1", 0, 0, 3)])
    assess([lone], model)
    assert lone.keep is kept
    other = item(answer="Joko Widodo", sources=[Source("art-2", 0, 0, 11)])
    near = item(answer="AFP", sources=[Source("art-2", 1, 0, 3)])
    assess([other, near], model)
    assert other.keep is True and near.keep is False


@pytest.mark.parametrize(
    "text, message",
    [
        ("bias: 0\nthreshold: 0.5\n", "needs 'bias', 'threshold' and a 'weights' mapping"),
        ("bias: x\nthreshold: 0.5\nweights: {}\n", "'bias': must be a number"),
        ("bias: 0\nthreshold: true\nweights: {}\n", "'threshold': must be a number"),
        ("bias: 0\nthreshold: 0.5\nweights: {a: [1]}\n", "weight 'a': must be a number"),
    ],
)
def test_confidence_broken_model_file_names_the_file_and_the_fix(tmp_path, text, message):
    (tmp_path / "confidence.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(QuizgenError, match=message) as err:
        load_model(LanguagePack("xx", tmp_path))
    assert str(tmp_path / "confidence.yaml") in str(err.value)
    assert "tools/fit_confidence.py" in str(err.value)


def test_confidence_pack_without_a_model_keeps_everything(tmp_path):
    model = load_model(LanguagePack("xx", tmp_path))
    it = item()
    assess([it], model)
    assert it.keep and it.confidence == 0.5


def test_confidence_shipped_model_is_what_the_judged_data_gives():
    """Refit from quality/firstlook/ and compare with quizgen/lang/id/confidence.yaml."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "fit_confidence.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_confidence_shipped_model_is_a_real_fit():
    model = load_model(load_language("id"))
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) >= 10


# A person's keep survives a rebuild; a keep that only followed the confidence does not.
THRESHOLD = load_model(load_language("id")).threshold


@pytest.mark.parametrize(
    "old_keep, old_conf, new_keep, expected",
    [
        (False, THRESHOLD + 0.1, True, False),  # a person dropped a confident item
        (True, max(0.0, THRESHOLD - 0.1), False, True),  # a person kept a doubtful item
        (False, max(0.0, THRESHOLD - 0.1), True, True),  # dropped by confidence: new confidence rules
        (True, THRESHOLD + 0.1, False, False),  # kept by confidence: new confidence rules
        (False, None, True, False),  # a bank from before confidences: keep: false survives
    ],
)
def test_confidence_merge_keeps_a_persons_choice_only(old_keep, old_conf, new_keep, expected):
    old = QuestionBank("t", "id", items=[item(keep=old_keep, confidence=old_conf)])
    new = QuestionBank("t", "id", items=[item(keep=new_keep, confidence=0.5)])
    assert merge_edits(new, old).items[0].keep is expected


@pytest.mark.parametrize("keeps,reached", [
    # 30 items, the top 12 all KEEP then mixed: 85% is reached keeping 40% of them
    ([1] * 12 + [1, 0] * 9, True),
    # the top 10 KEEP, then mostly REJECT: 85% only at a third or less of the items, so the
    # fallback keeps the better half
    ([1] * 10 + [0, 0, 1] * 10, False),
])
def test_confidence_threshold_keeps_a_useful_share(keeps, reached):
    """The deck threshold reaches the target only while keeping at least a third of the
    held-out items (tools/fit_confidence.py MIN_SHARE); a cut that keeps a handful of sure
    items is reported, not shipped."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from fit_confidence import FALLBACK_SHARE, MIN_SHARE, threshold_for

    probs = [1 - n / (2 * len(keeps)) for n in range(len(keeps))]  # best first, distinct
    threshold, precision, kept, got = threshold_for(probs, keeps, 0.85)
    assert got is reached
    assert kept >= (MIN_SHARE if reached else FALLBACK_SHARE) * len(keeps)
    assert precision >= 0.85 or not reached
