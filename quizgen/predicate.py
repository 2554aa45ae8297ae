"""The main predicate of a question or statement: what it says happened, as one key.

Two items with the same answer, in the same event, about the same main predicate ask the
same thing ("Siapa yang menyatakan dukungan tak terbatas ...?" and "Siapa yang menyampaikan
komitmen dukungan tanpa syarat ...?" -> "dukungan"). The key is the root of the first
verb-like word (active and passive alike: "mengirim", "dikirim" -> "kirim"), outside
quotes, question words, auxiliaries and phrases of intent ("berkomitmen untuk"); a light verb (`verbs.yaml` light_verbs: "menyatakan",
"adalah") says little by itself, so its key is "~" and the root of the first content word
after it (light nouns such as "komitmen" skipped, a possessive suffix dropped; "dukungan"
and "mendukung" -> "dukung"). No verb: "".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .simplify import is_verb_like, words

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")


@cache
def _lists(pack: Any) -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    verbs = pack.data("verbs")
    wh = pack.data("wh")
    quality = pack.data("quality")
    skip = {w.lower() for w in wh.get("auxiliaries", [])}
    skip |= {w.lower() for w in quality.get("question_words", [])}
    skip |= {w.lower() for w in wh.get("fact_stopwords", [])}
    skip |= {w.lower() for phrase in (wh.get("intent_phrases") or {}) for w in phrase.split()}
    light = frozenset(w.lower() for w in verbs.get("light_verbs", []))
    light_nouns = frozenset(w.lower() for w in verbs.get("light_nouns", []))
    return frozenset(skip), light, light_nouns, str(quality.get("possessive_suffix", ""))


def _noun_root(word: str, pack: Any) -> str:
    """"dukungan" and "mendukung" -> "dukung": a verb's root, or a noun less a nominal
    suffix of `verbs.yaml` noun_suffixes when a root of 4 letters or more is left."""
    from .generators.facts import word_root

    if is_verb_like(word, pack):
        return word_root(word, pack)
    for suf in pack.data("verbs").get("noun_suffixes", []):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


@lru_cache(maxsize=65536)
def main_predicate(text: str, pack: Any) -> str:
    """The key of the main predicate of `text` (module docstring), or "" if none."""
    from .generators.facts import word_root  # facts imports simplify; keep imports acyclic

    skip, light, light_nouns, suffix = _lists(pack)
    toks = words(_QUOTED.sub(" ", text).replace("_____", " "))
    for i, tok in enumerate(toks):
        low = tok.lower()
        if low in skip or (i > 0 and tok[:1].isupper()) or not is_verb_like(low, pack):
            continue
        if low not in light:
            return word_root(low, pack)
        for nxt in toks[i + 1: i + 7]:
            n = nxt.lower()
            if n in skip or n in light_nouns or n in light or nxt[:1].isupper():
                continue  # a name after a light noun says whose, not what
            if suffix and n.endswith(suffix) and len(n) > len(suffix) + 4:
                n = n[: -len(suffix)]
            return "~" + _noun_root(n, pack)
        return word_root(low, pack)
    return ""
