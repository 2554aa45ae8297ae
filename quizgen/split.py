"""Sentences and tokens: split paragraphs into sentences with exact offsets, then tokenize.

Rules (abbreviation lists come from the pack's `abbreviations.yaml`):
- A sentence may end at ".", "!", "?", "..." or "…", with any closing quotes and brackets
  after it, when whitespace follows (or, for a period glued between a lowercase letter or
  ")" and a capitalised word, "(5/12/2017).Pada", at once: a common fault of scraped text).
- A blank line always ends a sentence; a single newline is plain whitespace.
- No end after an abbreviation that stands before names ("Dr.", "Jl.", "No."), after an
  initial ("K.", "M.H."), or where the text so far holds no lowercase letter ("1.", or a
  dateline "KONTAN.CO.ID - JAKARTA.").
- After an abbreviation that may end a sentence ("dll.", "Tbk."), or an ellipsis, the
  sentence ends only when the next word is not lowercase. After other words it ends
  whatever the case of the next word (news text often starts sentences in lowercase).
- A quotation followed by a speech tag stays whole with its tag: in
  `“A. B,” kata Kim.` and `“A. B.” kata Kim.` no sentence ends before "kata Kim". A speech
  tag is recognised as a lowercase word right after the closing quote.
- A credit in brackets at the end of a paragraph stays with its sentence: "... AS. (AFP/AP)".
- No sentence ends inside short brackets ("(Uu. B002/T008)"), and a piece with no letter
  or digit (a stray closing quote) joins the sentence before it.

Bounds, so that no input makes the later stages slow (their cost per sentence grows with
its length): a "sentence" over MAX_SENTENCE_CHARS (a run-on list, text without full
stops) is cut into pieces of at most that length, after a comma or semicolon where there
is one, else between words; and an article is analysed up to MAX_ARTICLE_CHARS of its
paragraphs (whole paragraphs; the longest article of the bench corpus has 6,552
characters). Each cut is noted on the article, and the command line shows the notes as
warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from .errors import QuizgenError
from .lang import LanguagePack
from .model import Article, Sentence, Token

_END = re.compile(
    # The end mark: "\.{2,}|…|[.!?]+", written to open with one character class so that
    # the regex engine skips quickly to the candidates (same matches, same backtracking).
    r"(?P<mark>[.!?…](?:(?<=\.)\.+|(?<=…)|(?<=[.!?])[.!?]*))"
    r"(?P<tail>[\"”’'»)\]]*)"  # closing quotes and brackets after it
    r"(?P<gap>\s+|(?<=[a-z)]\.)(?=[A-Z][a-z]))"  # whitespace, or glued: ").Pada", "kalah.Dia"
)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_PREV_WORD = re.compile(r"[^\s(\[{“\"‘'«,;:/]*\Z")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\Z")
_LOWER = re.compile(r"[^\W\d_A-Z]")  # a letter that is not an ASCII capital
_CREDIT = re.compile(r"\([^()\n]{0,80}\)[.!?]?\s*\Z")
_BRACKETS = re.compile(r"\([^()\n]{1,80}\)")  # no sentence ends inside "(Uu. B002/T008)"
_ALNUM = re.compile(r"[^\W_]")
_QUOTE = re.compile(r"[\"“”]")
_CLOSE_QUOTES = "\"”’'»"
_NOT_OPENING = ("", " ", "\n", "\t", ".", ",", ";", ":", "!", "?", ")")

# A word token: Jong-un, KONTAN.CO.ID, 10.000, 1,5. Template patterns read words by it too.
WORD = re.compile(r"\w+(?:(?:[-.'’]|(?<=\d),(?=\d))\w+)*")
_TOKEN = re.compile(
    WORD.pattern
    + r"|\.{2,}|[!?]+"  # ellipsis, "?!"
    + r"|\S"  # any other mark on its own
)


MAX_SENTENCE_CHARS = 1_000  # the longest of 12,796 bench-corpus sentences has 553
MAX_ARTICLE_CHARS = 100_000  # of paragraph text analysed per article (about 40 pages)
_CUT_AFTER = re.compile(r"[,;]\s|\s")


@dataclass(frozen=True)
class _Rules:
    before_names: frozenset[str]
    may_end: frozenset[str]


@cache
def _rules(pack: LanguagePack) -> _Rules:
    if not (pack.root / "abbreviations.yaml").exists():
        return _Rules(frozenset(), frozenset())
    doc = pack.doc("abbreviations")
    data = doc.data or {}

    def words(key: str) -> frozenset[str]:
        items = data.get(key) or []
        if not isinstance(items, list):
            raise QuizgenError(f"{doc.where(key)}: {key} must be a list of abbreviations")
        for i, w in enumerate(items):
            if not isinstance(w, str):
                raise QuizgenError(
                    f"{doc.where(key, i)}: {key}[{i}] is {w!r}, not text; put it in quotes"
                )
        return frozenset(w.rstrip(".").lower() for w in items)

    return _Rules(words("before_names"), words("may_end"))


def tokenize(text: str) -> list[Token]:
    """Words (hyphenated, dotted, numbers with separators) and marks, with exact offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _speech_tag_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations followed by a lowercase speech tag."""
    pairs: list[tuple[int, int]] = []
    opened = -1
    for m in _QUOTE.finditer(text):
        q, i = m.group(), m.start()
        if q == "“":
            opened = i
        elif opened >= 0:  # ” or " closes an open quotation
            pairs.append((opened, i))
            opened = -1
        elif q == '"' and text[i + 1 : i + 2] not in _NOT_OPENING:
            opened = i  # a straight quote with a word after it opens one
    out: list[tuple[int, int]] = []
    for a, b in pairs:
        j = b + 1
        while j < len(text) and (text[j].isspace() or text[j] in _CLOSE_QUOTES):
            j += 1
        if j < len(text) and text[j].islower():
            out.append((a, b))
    return out


def _ends_here(text: str, m: re.Match[str], start: int, rules: _Rules) -> bool:
    pos, nxt = m.start(), m.end()
    if nxt >= len(text):
        return True
    mark = m.group("mark")
    lower_next = text[nxt].islower()
    if not _LOWER.search(text, start, pos):
        return False  # "1." or a dateline "KONTAN.CO.ID - JAKARTA." is no sentence alone
    if text[nxt] == "(" and _CREDIT.match(text, nxt):
        return False
    tail = m.group("tail")
    if lower_next and any(c in _CLOSE_QUOTES for c in tail):
        return False  # `... nanti.” tutur Rosyita.`
    if mark[0] == "…" or mark.startswith(".."):
        return not lower_next
    if mark != ".":
        return True
    word = _PREV_WORD.search(text, max(start, pos - 40), pos).group()
    key = word.lower()
    if key in rules.may_end:
        return not lower_next
    if tail:  # "(... AS.)" : a bracket or quote closed after the period
        return True
    if key in rules.before_names:
        return False
    return not (_INITIALS.match(word) and (len(word) > 1 or word.isupper()))


def _split_block(text: str, offset: int, rules: _Rules, out: list[tuple[int, int]]) -> None:
    first = len(out)
    cands = list(_END.finditer(text))
    if not cands:
        _add(text, 0, len(text), offset, out, first)
        return
    shielded = _speech_tag_quotes(text) if _QUOTE.search(text) else []
    if "(" in text:
        shielded += [(m.start(), m.end() - 1) for m in _BRACKETS.finditer(text)]
    shielded.sort()
    start, k, reach = 0, 0, -1  # reach: the furthest end of the regions opened before pos
    for m in cands:  # in order of pos
        pos = m.start()
        while k < len(shielded) and shielded[k][0] < pos:
            reach = max(reach, shielded[k][1])
            k += 1
        if reach > pos:  # inside a quotation or brackets
            continue
        if _ends_here(text, m, start, rules):
            _add(text, start, m.start("gap"), offset, out, first)
            start = m.end()
    _add(text, start, len(text), offset, out, first)


def _add(text: str, a: int, b: int, offset: int, out: list[tuple[int, int]], first: int) -> None:
    """Append text[a:b] trimmed; a piece with no letter or digit joins the one before."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return
    if len(out) > first and not _ALNUM.search(text, a, b):
        out[-1] = (out[-1][0], offset + b)  # a stray closing quote: `... Prancis. "`
    else:
        out.append((offset + a, offset + b))


def split_sentences(text: str, pack: LanguagePack) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in text, in order, without outer whitespace."""
    rules = _rules(pack)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BLANK_LINE.finditer(text):
        _split_block(text[start:m.start()], start, rules, out)
        start = m.end()
    _split_block(text[start:], start, rules, out)
    return out


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of tokenize(text), without building the tokens."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _pieces(a: int, b: int, text: str) -> list[tuple[int, int]]:
    """text[a:b] in pieces of at most MAX_SENTENCE_CHARS: each ends after the last comma
    or semicolon in its second half, else at the last space, else at the limit."""
    out = []
    while b - a > MAX_SENTENCE_CHARS:
        end = a + MAX_SENTENCE_CHARS
        cut = end
        commas = [m.end() for m in _CUT_AFTER.finditer(text, a + MAX_SENTENCE_CHARS // 2, end)]
        punct = [c for c in commas if text[c - 2] in ",;"]
        if punct or commas:
            cut = (punct or commas)[-1]
        piece_end = cut
        while piece_end > a and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((a, piece_end))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if a < b:
        out.append((a, b))
    return out


def split_article(article: Article, pack: LanguagePack, *, tokens: bool = True) -> list[Sentence]:
    """The article's paragraphs as sentences, numbered across the article from 0, each with
    its tokens unless `tokens` is False (the tagger tokenises in its own way). Over-long
    sentences are cut and paragraphs past MAX_ARTICLE_CHARS left out (module docstring),
    with a note on the article."""
    sentences: list[Sentence] = []
    total = cut = 0
    for p, para in enumerate(article.paragraphs):
        total += len(para)
        if total > MAX_ARTICLE_CHARS:
            kept = MAX_ARTICLE_CHARS if p == 0 else total - len(para)
            left = sum(map(len, article.paragraphs)) - kept
            article.notes.append(f"only the first {kept:,} characters were analysed; {left:,} "
                                 "after them were left out; split the text into articles")
            if p:
                del article.paragraphs[p:]
                break
            para = article.paragraphs[0] = para[:MAX_ARTICLE_CHARS]  # one huge paragraph
            del article.paragraphs[1:]
        for a, b in split_sentences(para, pack):
            parts = _pieces(a, b, para) if b - a > MAX_SENTENCE_CHARS else [(a, b)]
            cut += len(parts) > 1
            for a2, b2 in parts:
                text = para[a2:b2]
                sentences.append(
                    Sentence(
                        article_id=article.id,
                        index=len(sentences),
                        paragraph=p,
                        text=text,
                        tokens=tokenize(text) if tokens else [],
                    )
                )
    if cut:
        article.notes.insert(0, f"{cut} sentence{'s' if cut > 1 else ''} over "
                                f"{MAX_SENTENCE_CHARS:,} characters cut into pieces for "
                                "analysis; add full stops where sentences end")
    return sentences
