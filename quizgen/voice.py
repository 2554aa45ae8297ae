"""Voice and auxiliaries: an active verb's passive form, and the subject and auxiliaries
before a verb, by the pack's rules (`wh.yaml`: `passive`, `auxiliaries`,
`intent_phrases`).

Used to front an object ("Korea Utara telah mengirim 10.000 personel" -> "Berapa
personel yang telah dikirim Korea Utara?") and to map both voices to one fact key.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .simplify import alternation, find_word


@cache
def _passive_rules(pack: Any) -> tuple[str, list[dict[str, Any]], dict[str, frozenset[str]]]:
    conf = pack.data("wh")["passive"]
    lists = {k: frozenset(v) for k, v in conf.items() if isinstance(v, list) and k != "rules"}
    return conf["prefix"], conf["rules"], lists


@lru_cache(maxsize=65536)
def passive(verb: str, pack: Any) -> str | None:
    """The passive form of an active verb by the pack's rules, or None if none applies."""
    prefix, rules, lists = _passive_rules(pack)
    low = verb.lower()
    if low in lists.get("intransitive", ()):
        return None
    for rule in rules:
        act = rule["active"]
        if not low.startswith(act) or len(low) <= len(act) + 1:
            continue
        rest = low[len(act):]
        if rule.get("next") and rest[0] not in rule["next"]:
            continue
        root = rule.get("restore", "") + rest
        allowed = rule.get("roots")
        if allowed and not any(root.startswith(r) for r in lists.get(allowed, ())):
            continue
        return prefix + root
    return None


@cache
def _aux_rx(pack: Any) -> tuple[re.Pattern[str], dict[str, str]]:
    data = pack.data("wh")
    intents = {" ".join(k.lower().split()): str(v) for k, v in
               (data.get("intent_phrases") or {}).items()}
    alts = alternation(list(data.get("auxiliaries", [])) + list(intents))
    return re.compile(r"((?:\s+" + alts + r")+)\s*$", re.IGNORECASE), intents


def subject_and_aux(head: str, pack: Any) -> tuple[str, str]:
    """The subject and the auxiliaries before a verb ("Korea Utara telah" -> ("Korea
    Utara", "telah")); a phrase of intent becomes its auxiliary ("berkomitmen untuk" ->
    "akan"), which then stands alone."""
    rx, intents = _aux_rx(pack)
    m = rx.search(" " + head)
    if not m:
        return head.strip(" "), ""
    subject = (" " + head)[: m.start()].strip()
    aux = " ".join(m.group(1).split())
    low = aux.lower()
    for phrase in sorted(intents, key=len, reverse=True):
        if find_word(low, phrase) >= 0:
            aux = intents[phrase]
            break
    return subject.rstrip(" ,"), aux
