"""What a recogniser knows about one sentence: tokens, case, dateline, title case, known names."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon, Phrases
from .tokens import Tok

DASHES = {"-", "–", "—"}
OPENERS = {"“", '"', "«", "„", "(", "[", ":", "‘"}


@dataclass
class Found:
    """A recognised span in token indices [a, b)."""

    a: int
    b: int
    label: str
    norm: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    spreads: bool = False  # a one-word PERSON named as a speaker: known in the whole article


@dataclass
class Known:
    """Names found elsewhere in the same article (first tagging pass)."""

    full: Phrases[str] = field(default_factory=Phrases)  # multi-word person names
    short: set[str] = field(default_factory=set)  # lower-case parts and one-word names
    teams: set[str] = field(default_factory=set)  # first and last words of club names


class Sentence:
    """Tokens of one sentence with the facts every recogniser asks about."""

    def __init__(self, toks: list[Tok], lex: Lexicon, taken: set[int], known: Known | None):
        self.toks = toks
        self.lex = lex
        self.taken = taken  # token indices already claimed (dates)
        self.known = known or Known()
        self.n = len(toks)
        self.start = self._dateline_end()
        self.caps = [t.allcaps for t in toks]
        first = self.next_word(self.start)
        if first is not None and toks[first].allcaps:
            nxt = self.next_word(first + 1)
            if nxt is not None and not toks[nxt].allcaps and toks[first].low in lex.common:
                self.caps[first] = False  # "PEMIMPIN Korea Utara ..." is a lead-in style
        self.headline = self._is_headline()

    def again(self, taken: set[int], known: Known | None) -> Sentence:
        """The same tokens with other claimed indices and known names (the second tagging
        pass): the sentence's shape (dateline, caps, headline) depends on neither."""
        other = object.__new__(Sentence)
        other.__dict__.update(self.__dict__)
        other.taken = taken
        other.known = known or Known()
        return other

    # --- basic questions -------------------------------------------------------------
    def next_word(self, i: int) -> int | None:
        for j in range(i, self.n):
            if self.toks[j].word:
                return j
        return None

    def word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].word and i not in self.taken

    def titled(self, i: int) -> bool:
        """A capitalised word that is not an all-caps acronym."""
        if 0 <= i < self.n:
            t = self.toks[i]
            return t.word and t.cap and not self.caps[i] and i not in self.taken
        return False

    def initial(self, i: int) -> bool:
        """First word of the sentence or of a quote or bracket: capitalised by position."""
        j = i - 1
        return j < self.start or self.toks[j].text in OPENERS

    def ordinary(self, i: int) -> bool:
        """A common word, which at a sentence start or in a title-case line is no name."""
        low = self.toks[i].low
        if low in self.lex.given or low in self.known.short:
            return False
        return low in self.lex.common

    def verbish(self, i: int) -> bool:
        t = self.toks[i]
        return len(t.text) > 5 and t.low.endswith(self.lex.verb_endings) and t.low not in self.lex.given

    def not_name(self, i: int) -> bool:
        """True where a capitalised word cannot continue a name."""
        if self.initial(i) and self.ordinary(i):
            return True
        return self.headline and (self.ordinary(i) or self.verbish(i))

    # --- sentence shape --------------------------------------------------------------
    def _dateline_end(self) -> int:
        """Index after a leading dateline ("KONTAN.CO.ID - JAKARTA.", "SEOUL -")."""
        toks = self.toks
        for k, t in enumerate(toks[:14]):
            if t.text in DASHES and not t.glued:
                before = toks[:k]
                words = [x for x in before if x.word]
                marked = any(x.allcaps or "." in x.text or x.text in ",()" for x in before)
                if not words or not marked or not all(x.cap for x in words):
                    return 0
                end = k + 1
                while end < len(toks) and toks[end].text in DASHES:
                    end += 1
                j = end
                while j < len(toks) and toks[j].allcaps:
                    j += 1
                if j > end and j < len(toks) and toks[j].text == ".":
                    end = j + 1
                return end
            if t.word and not t.cap:
                return 0
        return 0

    def _is_headline(self) -> bool:
        function = self.lex.function
        words = [t.cap for t in self.toks[self.start :] if t.word and len(t.text) > 2 and t.low not in function]
        if len(words) < 3:
            return False
        ratio = sum(words) / len(words)
        ended = self.toks[-1].text in {".", "!", "?", '"', "”"}
        return ratio >= 0.9 or (ratio >= 0.7 and not ended)
