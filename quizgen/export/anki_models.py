"""The Anki note types quizgen writes: fixed ids, versioned field lists, card templates.

Anki matches an imported note type to the user's copy by id and by a hash of its field and
template names. If that hash changes, Anki imports a renamed copy of the note type and
skips every existing note as "conflicting": updates silently stop. So a field list or a
template name is never edited in place. A change makes a new version: a new id, a new
name ending in the version, and a row added to tests/test_anki.py's table of pinned
schemas. Templates' HTML and the CSS may change freely; they reach users when the note
type's modification time advances (see anki.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import genanki

from ..model import CLOZE, MCQ, SHORT, TRUEFALSE

# Shared by every back side: what explains the answer and where it came from.
_BACK_EXTRA = (
    "{{#Explanation}}<div class=\"qg-explanation\">{{Explanation}}</div>{{/Explanation}}\n"
    "{{#Context}}<blockquote class=\"qg-context\">{{Context}}</blockquote>{{/Context}}\n"
    "{{#Source}}<div class=\"qg-source\">{{Source}}</div>{{/Source}}\n"
)


def _front(kind: str, body: str) -> str:
    # tex2jax_ignore: Anki's MathJax leaves article text like "\(" alone.
    return f'<div class="qg qg-{kind} tex2jax_ignore">\n{body}</div>\n'


def _back(kind: str, body: str, answer: str) -> str:
    return (
        f'<div class="qg qg-{kind} qg-answer-side tex2jax_ignore">\n{body}'
        f'<hr id="answer">\n{answer}{_BACK_EXTRA}</div>\n'
    )


_QUESTION = '<div class="qg-question">{{Question}}</div>\n'
_STATEMENT = '<div class="qg-question qg-statement">{{Statement}}</div>\n'
_OPTIONS = "{{Options}}\n"
_ANSWER = '<div class="qg-answer">{{Answer}}</div>\n'
_CLOZE = '<div class="qg-question qg-cloze-text">{{cloze:Text}}</div>\n'


@dataclass(frozen=True)
class NoteType:
    kind: str
    model_id: int  # chosen once at random in [2**30, 2**31), never reused
    version: int
    title: str
    fields: tuple[str, ...]
    front: str
    back: str
    cloze: bool = False

    @property
    def name(self) -> str:
        return f"quizgen {self.title} v{self.version}"


NOTE_TYPES: dict[str, NoteType] = {
    SHORT: NoteType(
        SHORT, 1790972250, 1, "short answer",
        ("Question", "Answer", "Context", "Explanation", "Source"),
        _front(SHORT, _QUESTION),
        _back(SHORT, _QUESTION, _ANSWER),
    ),
    CLOZE: NoteType(
        CLOZE, 1731155288, 1, "cloze",
        ("Text", "Context", "Explanation", "Source"),
        _front(CLOZE, _CLOZE),
        _back(CLOZE, _CLOZE, ""),
        cloze=True,
    ),
    MCQ: NoteType(
        MCQ, 1904030073, 1, "multiple choice",
        ("Question", "Options", "Answer", "Context", "Explanation", "Source"),
        _front(MCQ, _QUESTION + _OPTIONS),
        _back(MCQ, _QUESTION + _OPTIONS, _ANSWER),
    ),
    TRUEFALSE: NoteType(
        TRUEFALSE, 1432775778, 1, "true or false",
        ("Statement", "Options", "Answer", "Context", "Explanation", "Source"),
        _front(TRUEFALSE, _STATEMENT + _OPTIONS),
        _back(TRUEFALSE, _STATEMENT + _OPTIONS, _ANSWER),
    ),
}


def card_css() -> str:
    return resources.files(__package__).joinpath("assets/anki.css").read_text(encoding="utf-8")


class _Model(genanki.Model):
    """A genanki model whose modification time is set per model, not per build."""

    mod: int | None = None

    def to_json(self, timestamp: float, deck_id):  # type: ignore[override]
        data = super().to_json(timestamp, deck_id)
        if self.mod is not None:
            data["mod"] = self.mod
        return data


def build_model(nt: NoteType, css: str) -> _Model:
    return _Model(
        nt.model_id,
        nt.name,
        fields=[{"name": f} for f in nt.fields],
        templates=[{"name": "Card 1" if not nt.cloze else "Cloze", "qfmt": nt.front,
                    "afmt": nt.back}],
        css=css,
        model_type=genanki.Model.CLOZE if nt.cloze else genanki.Model.FRONT_BACK,
    )
