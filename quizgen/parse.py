"""Dependency parse of a sentence: which words form one unit a reader sees as one.

The language pack may ship a tagger and dependency parser (a UDPipe 1 model trained on
Universal Dependencies, named by the pack's `parser.yaml`: `model: <file>`). quizgen splits
and tokenises sentences itself, so the model only tags and parses quizgen's own words.
Without such a pack file, `parse_sentence` gives None and callers behave as without a parse.

The model is loaded once per process, when first asked for (a forked worker inherits the
parent's copy, or loads its own). Parses are cached by sentence text.

`Parse.cuts_unit(start, end)` says whether a character span cuts a unit in two: a name
chain (flat, compound, fixed, goeswith), an apposition or a list of nominals (conj)
partly inside and partly outside the span. Relations are Universal Dependencies names, the
same in every language; the pack's `parser.yaml` may list others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .errors import QuizgenError
from .split import token_spans

# words that make lists and appositions of things (not of clauses)
LISTABLE = frozenset({"NOUN", "PROPN", "NUM", "PRON", "SYM", "X", "ADJ"})
UNIT_RELATIONS = ("flat", "compound", "fixed", "goeswith")  # with their subtypes
LIST_RELATIONS = ("conj",)
APPOSITION = ("appos",)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the parse: its characters in the sentence, tag, head and relation."""

    index: int  # position in the sentence, from 0
    start: int
    end: int
    text: str
    upos: str
    head: int  # index of the head word, -1 for the root
    deprel: str

    @property
    def relation(self) -> str:
        """The universal relation, without its subtype ("flat:name" -> "flat")."""
        return self.deprel.split(":", 1)[0]


@dataclass(frozen=True)
class Cut:
    """A unit the span cuts: the relation and the words on either side of the boundary."""

    relation: str
    inside: Word
    outside: Word

    def __str__(self) -> str:
        return f"{self.relation}: {self.inside.text} | {self.outside.text}"


class Parse:
    def __init__(self, text: str, words: list[Word], config: "ParserConfig") -> None:
        self.text = text
        self.words = words
        self.config = config
        self._chain_cache: list[list[int]] | None = None
        self._children: list[list[int]] = [[] for _ in words]
        for w in words:
            if w.head >= 0:
                self._children[w.head].append(w.index)

    def children(self, word: Word) -> list[Word]:
        return [self.words[i] for i in self._children[word.index]]

    def subtree(self, word: Word) -> list[Word]:
        """The word and everything that depends on it, in sentence order."""
        seen, todo = {word.index}, [word.index]
        while todo:
            for c in self._children[todo.pop()]:
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        return [self.words[i] for i in sorted(seen)]

    def subtree_span(self, word: Word) -> tuple[int, int]:
        """Character offsets from the first to the last word of the word's subtree."""
        sub = self.subtree(word)
        return sub[0].start, sub[-1].end

    def words_in(self, start: int, end: int) -> list[Word]:
        """The words that overlap the characters [start, end)."""
        return [w for w in self.words if w.start < end and start < w.end]

    def word_at(self, start: int, end: int) -> Word | None:
        """The head of the words in [start, end): the one whose head is outside (the
        first such word when several are)."""
        inside = self.words_in(start, end)
        ids = {w.index for w in inside}
        return next((w for w in inside if w.head not in ids), None)

    def cuts(self, start: int, end: int, keep: frozenset[int] = frozenset()) -> list[Cut]:
        """Every unit that [start, end) cuts in two: a unit of names, so only a
        capitalised word left outside counts ("Andi" of "Andi Wijaya", not "wilayah" of
        "wilayah Kursk"). A word whose index is in `keep` may stay outside too (the caller
        knows it is a unit of its own, such as a title before a name: "Kapolres" of
        "Kapolres Andi Wijaya", where both names hang from it)."""
        ids = {w.index for w in self.words_in(start, end)}
        if not ids:
            return []
        out = []
        for chain in self._chains():
            members = [i for i in chain if i not in keep]
            inner = [i for i in members if i in ids]
            outer = [i for i in members if i not in ids and self.words[i].text[:1].isupper()]
            if inner and outer:
                rel = next((self.words[i].deprel for i in chain
                            if self._is(self.words[i], self.config.units)), "flat")
                out.append(Cut(rel, self.words[inner[0]], self.words[outer[0]]))
        for w in self.words:
            if w.head < 0 or (w.index in ids) == (w.head in ids):
                continue
            dep, head = w, self.words[w.head]
            inner, outer = (dep, head) if dep.index in ids else (head, dep)
            if (outer.index not in keep and outer.text[:1].isupper()
                    and self._joins_things(dep, head, inner is head)):
                out.append(Cut(dep.deprel, inner, outer))
        return out

    def _chains(self) -> list[list[int]]:
        """The words joined by unit relations (a name and its flat parts, a compound) in
        unbroken runs of two or more, in sentence order."""
        if self._chain_cache is None:
            group = list(range(len(self.words)))

            def find(i: int) -> int:
                while group[i] != i:
                    i = group[i]
                return i

            for w in self.words:
                if w.head >= 0 and self._is(w, self.config.units):
                    group[find(w.index)] = find(w.head)
            runs: list[list[int]] = []  # a name is written in one piece: split at gaps
            for w in self.words:
                if runs and find(runs[-1][-1]) == find(w.index):
                    runs[-1].append(w.index)
                else:
                    runs.append([w.index])
            self._chain_cache = [r for r in runs if len(r) > 1]
        return self._chain_cache

    def cuts_unit(self, start: int, end: int, keep: frozenset[int] = frozenset()) -> bool:
        """Whether [start, end) cuts a unit a reader sees as one (see `cuts`)."""
        return bool(self.cuts(start, end, keep))

    def _joins_things(self, dep: Word, head: Word, head_inside: bool) -> bool:
        """A list of three or more names or things (conj), or a thing with its apposition
        outside (not one in brackets: "Komisi Pemberantasan Korupsi (KPK)")."""
        if not (dep.upos in LISTABLE and head.upos in LISTABLE):
            return False  # a list of clauses: an answer may take one of them
        if self._is(dep, self.config.lists):  # members of one kind, three or more
            return (dep.upos == head.upos
                    and sum(self._is(c, self.config.lists) for c in self.children(head)) >= 2)
        if not (head_inside and self._is(dep, self.config.appositions)):
            return False
        return not (dep.index > 0 and self.words[dep.index - 1].text == "(")

    def is_apposition(self, cut: Cut) -> bool:
        return cut.relation.split(":", 1)[0] in self.config.appositions or (
            cut.relation in self.config.appositions)

    @staticmethod
    def _is(word: Word, relations: frozenset[str]) -> bool:
        return word.relation in relations or word.deprel in relations


@dataclass(frozen=True)
class ParserConfig:
    model: str
    units: frozenset[str] = frozenset(UNIT_RELATIONS)
    lists: frozenset[str] = frozenset(LIST_RELATIONS)
    appositions: frozenset[str] = frozenset(APPOSITION)


def _config(pack: Any) -> ParserConfig | None:
    data = pack.data("parser", None)
    if not data:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("model"), str):
        raise QuizgenError(f"{pack.root / 'parser.yaml'}: 'model' must name the model file "
                           f"in the pack (model: parser.udpipe)")
    lists = {k: frozenset(map(str, data[k])) for k in ("units", "lists", "appositions")
             if isinstance(data.get(k), list)}
    return ParserConfig(model=str(pack.root / data["model"]), **lists)


class Parser:
    """The pack's model, loaded once; `parse(text)` tags and parses quizgen's tokens."""

    def __init__(self, config: ParserConfig) -> None:
        from ufal import udpipe  # only when a pack ships a model

        self.config = config
        self._udpipe = udpipe
        self._model = udpipe.Model.load(config.model)
        if self._model is None:
            raise QuizgenError(f"{config.model}: not a UDPipe model; retrain it with "
                               f"tools/train_parser.py")
        self._error = udpipe.ProcessingError()
        self.parse = lru_cache(maxsize=2048)(self._parse)

    def _parse(self, text: str) -> Parse:
        spans = words_of(text)
        sentence = self._udpipe.Sentence()
        for a, b in spans:
            sentence.addWord(text[a:b])
        self._model.tag(sentence, self._udpipe.Pipeline.DEFAULT, self._error)
        self._model.parse(sentence, self._udpipe.Pipeline.DEFAULT, self._error)
        words = [
            Word(i, a, b, text[a:b], w.upostag, w.head - 1, w.deprel)
            for i, ((a, b), w) in enumerate(zip(spans, list(sentence.words)[1:]))
        ]
        return Parse(text, words, self.config)


def words_of(text: str) -> list[tuple[int, int]]:
    """quizgen's tokens of `text`, with words joined by a hyphen kept whole ("diam-diam",
    "Rusia-Korea"), as treebanks write them."""
    out: list[tuple[int, int]] = []
    for a, b in token_spans(text):
        if (len(out) >= 2 and text[out[-1][0]:out[-1][1]] == "-" and out[-1][0] == out[-2][1]
                and out[-1][1] == a and text[a].isalnum() and text[out[-2][1] - 1].isalnum()):
            out[-2:] = [(out[-2][0], b)]
        else:
            out.append((a, b))
    return out


@cache
def parser_for(pack: Any) -> Parser | None:
    """The pack's parser, or None when the pack ships none."""
    config = _config(pack)
    return Parser(config) if config else None


def parse_sentence(text: str, pack: Any) -> Parse | None:
    """The parse of one sentence's text, or None when the pack has no parser."""
    parser = parser_for(pack)
    return parser.parse(text) if parser else None


__all__ = ["Cut", "Parse", "Parser", "Word", "parse_sentence", "parser_for", "words_of"]
