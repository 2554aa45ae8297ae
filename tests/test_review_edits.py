"""A change from the review page is checked against the item's kind before it is saved:
a table of good changes (with what the item becomes) and of bad ones (with the error)."""

from __future__ import annotations

import pytest

from quizgen.model import Item
from quizgen.review.edits import EditError, apply_change

MCQ = Item(id="m", kind="mcq", question="Siapa Menlu Rusia?", answer="Sergey Lavrov",
           options=["Choe Son Hui", "Sergey Lavrov", "Kim Jong Un", "Vladimir Putin"])
CLOZE = Item(id="c", kind="cloze", question="Lavrov tiba di _____ pada Jumat.", answer="Pyongyang")
TF = Item(id="t", kind="truefalse", question="Lavrov tiba di Pyongyang.", answer="Benar",
          options=["Benar", "Salah"])
SHORT = Item(id="s", kind="short", question="Siapa Menlu Rusia?", answer="Sergey Lavrov")

GOOD = [
    # (item, changes, {field: value after})
    (SHORT, {"keep": False}, {"keep": False}),
    (SHORT, {"answer": "  Sergei Lavrov "}, {"answer": "Sergei Lavrov"}),
    (SHORT, {"question": "Siapa nama Menlu Rusia?"}, {"question": "Siapa nama Menlu Rusia?"}),
    (SHORT, {"explanation": "Menlu sejak 2004."}, {"explanation": "Menlu sejak 2004."}),
    # the answer of an MCQ renames its correct option, wherever it stands
    (MCQ, {"answer": "Sergei Lavrov"},
     {"answer": "Sergei Lavrov",
      "options": ["Choe Son Hui", "Sergei Lavrov", "Kim Jong Un", "Vladimir Putin"]}),
    (MCQ, {"options": ["Sergey Lavrov", "Choe Son Hui", "", " Kim  Jong Un "]},
     {"options": ["Sergey Lavrov", "Choe Son Hui", "Kim Jong Un"]}),
    (MCQ, {"answer": "Kim Jong Un", "options": ["Kim Jong Un", "Putin"]},
     {"answer": "Kim Jong Un", "options": ["Kim Jong Un", "Putin"]}),
    (CLOZE, {"question": "Pada Jumat Lavrov tiba di _____."},
     {"question": "Pada Jumat Lavrov tiba di _____."}),
    (TF, {"answer": "Salah"}, {"answer": "Salah"}),
]

BAD = [
    # (item, changes, field, error)
    (SHORT, {"answer": "   "}, "answer", "the answer is empty; write one"),
    (SHORT, {"question": 3}, "question", "'question' must be text"),
    (SHORT, {"keep": "no"}, "keep", "'keep' must be true or false"),
    (SHORT, {"tags": []}, "tags",
     "'tags' cannot be changed here; change question, answer, options, explanation, keep"),
    (SHORT, {"id": "x"}, "id",
     "'id' cannot be changed here; change question, answer, options, explanation, keep"),
    (SHORT, {}, "", "no change given"),
    (MCQ, {"answer": "Choe Son Hui"}, "options",
     "option 'Choe Son Hui' is given twice; make the options distinct"),
    (MCQ, {"options": ["Choe Son Hui", "choe  son hui", "Sergey Lavrov"]}, "options",
     "option 'choe son hui' is given twice; make the options distinct"),
    (MCQ, {"options": ["Choe Son Hui", "Kim Jong Un"]}, "answer",
     "the answer must be one of the options; make one option the answer"),
    (MCQ, {"options": ["Sergey Lavrov"]}, "options",
     "a multiple-choice item needs at least two options; add the wrong options"),
    (MCQ, {"options": "Sergey Lavrov"}, "options", "options must be a list of texts"),
    (CLOZE, {"question": "Lavrov tiba di Pyongyang pada Jumat."}, "question",
     "a cloze question needs exactly one blank (_____) where the answer goes; write one in"
     " place of the answer"),
    (CLOZE, {"question": "_____ tiba di _____."}, "question",
     "a cloze question needs exactly one blank (_____) where the answer goes; remove the others"),
    (TF, {"answer": "Mungkin"}, "answer", "the answer must be one of Benar / Salah; write one of them"),
]


@pytest.mark.parametrize("item, changes, after", GOOD)
def test_review_edits_apply_a_valid_change(item, changes, after) -> None:
    options = list(item.options)
    changed = apply_change(item, changes)
    for name, value in after.items():
        assert getattr(changed, name) == value
    assert changed.id == item.id and changed is not item
    assert item.options == options  # the item itself is left as it was


@pytest.mark.parametrize("item, changes, field, error", BAD)
def test_review_edits_refuse_an_invalid_change(item, changes, field, error) -> None:
    with pytest.raises(EditError) as caught:
        apply_change(item, changes)
    assert (caught.value.field, caught.value.message) == (field, error)
