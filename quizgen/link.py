"""Link PERSON, PLACE, ORG and ROLE spans across articles into one Entity per real entity.

- PERSON: spellings that differ only by hyphens or spaces ("Kim Jong Un" = "Kim Jong-un"),
  by a small edit in one word of the same length name ("Sergey" = "Sergei" Lavrov), or
  that are the start or end of a longer name ("Jung - Jin" = "Lee Jung - Jin") are one
  person; a one-word mention ("Kim", "Lavrov") joins the one person of its article (else of
  the whole set) whose name starts or ends with that word, and stands alone when that is
  ambiguous.
- PLACE: countries by CLDR code ("PLACE:KP"); other places by their canonical name from
  the language data ("Moskwa" -> Moskow).
- ORG: an acronym and the name it was given for ("Komisi Pemberantasan Korupsi (KPK)"),
  or the name orgs.yaml gives it ("Kantor Berita Pusat Korea Utara" = KCNA); a bracketed
  acronym belongs to the ending of the name its initials spell. The display name is the
  full name given most often, else the acronym. A club's one-word name ("Swansea") joins
  the one club name of its article that starts or ends with it ("Swansea City"), and
  stands alone when that is ambiguous ("United" beside "Manchester United", "West Ham United").
- Display names of persons: the most frequent full surface form, ties broken by the
  earliest dated article ("Sergey Lavrov"); ids do not depend on it (stable).
- PLACE kind: the kind most mentions give.
- ROLE: by the normalised role ("Menlu Rusia" = "Menteri Luar Negeri Rusia").
Every span's norm becomes its entity id and attrs['canonical'] the display name; a QUOTE's
speaker gets attrs['speaker_norm'].

Linking reads only the articles' digests (quizgen/digest.py): `resolve` finds the entities
and every mention's entity id from them, and `apply_links` writes the ids into one
article's spans, so a large set can be linked without holding its articles
(quizgen/stream.py); `link_corpus` does both for articles in memory.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from .digest import digest, linkable
from .model import ORG, PERSON, PLACE, QUOTE, ROLE, Article, ArticleDigest, Corpus, Entity, Mention
from .tagging.lexicon import lexicon
from .tagging.tokens import tokenize

Key = tuple[str, ...]


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)  # one name, many mentions
def slug(text: str) -> str:
    return _NOT_WORD.sub("-", text.lower()).strip("-")


@lru_cache(maxsize=65536)
def name_key(text: str) -> Key:
    """Lower-case words of a name, hyphens and spacing ignored."""
    return tuple(t.low for t in tokenize(text) if t.word or t.num)


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, k: Key) -> Key:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _variants(a: Key, b: Key) -> bool:
    """Same length names differing in one word by a small edit (transliteration)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return min(len(x), len(y)) >= 4 and edit_distance(x, y) <= 2 and x[0] == y[0]


def _part_of(short: Key, long: Key) -> bool:
    n = len(short)
    return 1 < n < len(long) and (long[:n] == short or long[-n:] == short)


# Every mention with a label, in the order of the set: its digest, position and mention.
# Walked again for each step rather than listed: a set of 50,000 articles has millions.
Mentions = Callable[[str], Iterator[tuple[ArticleDigest, int, Mention]]]


def _person_ids(mentions: Mentions) -> Callable[[ArticleDigest, Key], Key]:
    """root(digest, name key) -> the key of the person's cluster (module docstring)."""
    uf = _Union()
    multi = sorted({k for _, _, m in mentions(PERSON) if len(k := name_key(m.text)) > 1})
    for k in multi:
        uf.find(k)
    # Candidates for _variants share the name with one word left out.
    masked: dict[tuple[int, Key], list[Key]] = defaultdict(list)
    for k in multi:
        for p in range(len(k)):
            masked[(p, k[:p] + k[p + 1 :])].append(k)
    for group in masked.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _variants(a, b):
                    uf.union(a, b)
    # Longer names by their leading and trailing word sequences, for _part_of.
    longer: dict[Key, list[Key]] = defaultdict(list)
    for b in multi:
        for n in range(2, len(b)):
            longer[b[:n]].append(b)
            if b[-n:] != b[:n]:
                longer[b[-n:]].append(b)
    for a in multi:
        owners = {uf.find(b) for b in longer.get(a, ())}
        if len(owners) == 1:
            uf.union(a, owners.pop())
    by_word: dict[str, set[Key]] = defaultdict(set)  # first or last word -> names
    for k in multi:
        by_word[k[0]].add(k)
        by_word[k[-1]].add(k)
    here: dict[str, set[Key]] = {}  # the same, for the names of one article
    seen: list[ArticleDigest | None] = [None]

    def root(d: ArticleDigest, k: Key) -> Key:
        if len(k) > 1:
            return uf.find(k)
        if not k:
            return k
        if seen[0] is not d:  # mentions come article by article
            seen[0] = d
            here.clear()
            for m in d.mentions:
                n = name_key(m.text)
                if m.label == PERSON and len(n) > 1:
                    here.setdefault(n[0], set()).add(n)
                    here.setdefault(n[-1], set()).add(n)
        local = {uf.find(m) for m in here.get(k[0], ())}
        pick = local if local else {uf.find(m) for m in by_word.get(k[0], ())}
        return pick.pop() if len(pick) == 1 else k

    return root


def link_corpus(articles: list[Article], pack: Any) -> Corpus:
    """Entities linked across the articles: every linkable span's norm set to its entity
    id and its `canonical` attr to the entity's name."""
    found = [digest(a) for a in articles]
    entities = resolve(found, pack)
    for art, d in zip(articles, found):
        apply_links(art, d.entities, entities)
    return Corpus(articles=articles, entities=entities, digests=found)


def apply_links(article: Article, ids: list[str], entities: dict[str, Entity]) -> None:
    """An article's spans given the entity ids `resolve` found for its digest."""
    for sp, eid in zip(linkable(article), ids):
        sp.norm = eid
        sp.attrs["canonical"] = entities[eid].name
    _link_speakers(article)


def resolve(digests: list[ArticleDigest], pack: Any) -> dict[str, Entity]:
    """The entities of a set of articles, from their digests (module docstring); each
    digest's `entities` is filled with the id of each of its mentions."""
    lex = lexicon(pack)

    def mentions(label: str) -> Iterator[tuple[ArticleDigest, int, Mention]]:
        for d in digests:
            for i, m in enumerate(d.mentions):
                if m.label == label:
                    yield d, i, m

    first_name: dict[str, str] = {}  # entity id -> the name its first mention gives
    kinds: dict[str, Counter[str]] = defaultdict(Counter)

    def assign(d: ArticleDigest, i: int, eid: str, name: str, kind: str | None = None) -> None:
        d.entities[i] = eid
        first_name.setdefault(eid, name)
        if kind:
            kinds[eid][kind] += 1

    for d in digests:
        d.entities = [""] * len(d.mentions)

    persons = _person_ids(mentions)
    forms: dict[Key, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, tuple[int, str]] = {}  # surface form -> its earliest article date
    for d, _, m in mentions(PERSON):
        forms[persons(d, name_key(m.text))][m.text] += 1
        when = _when(d)
        first_seen[m.text] = min(first_seen.get(m.text, when), when)
    names: dict[Key, str] = {}  # root -> display name
    for d, i, m in mentions(PERSON):
        root = persons(d, name_key(m.text))
        if root not in names:
            counts = forms[root]
            full = [f for f in counts if len(name_key(f)) > 1] or list(counts)
            names[root] = min(full, key=lambda f: (-counts[f], first_seen[f], -len(f), f))
        assign(d, i, f"PERSON:{slug(' '.join(root))}", names[root])

    known: dict[str, str] = {}  # text -> the language data's name for it, else the text
    for d, i, m in mentions(PLACE):
        if m.text not in known:
            hit = lex.places.match(tokenize(m.text), 0)
            known[m.text] = hit[1].name if hit and hit[0] == len(name_key(m.text)) else m.text
        canonical = m.canonical or known[m.text]
        eid = f"PLACE:{m.cldr}" if m.cldr else f"PLACE:{slug(canonical)}"
        assign(d, i, eid, canonical, m.kind)

    acronyms = {slug(full): acr for acr, full in lex.org_acronyms.items()}  # name key -> acronym
    for _, _, m in mentions(ORG):
        if m.acronym:
            acronyms[slug(_owner(m))] = m.acronym
    teams: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, word) -> club names
    for d, _, m in mentions(ORG):
        words = m.text.split()
        if m.kind == "team" and len(words) > 1:
            teams[(d.info.id, words[0].lower())].add(m.text)
            teams[(d.info.id, words[-1].lower())].add(m.text)
    names_by_id: dict[str, Counter[str]] = defaultdict(Counter)
    for d, i, m in mentions(ORG):
        acr = m.acronym
        full = _strip_acronym(m.text, acr) if acr else m.text
        club = teams.get((d.info.id, m.text.lower()), set()) if m.kind == "team" else set()
        if len(club) == 1:
            key = slug(next(iter(club)))  # "Swansea" = "Swansea City"; "United" of two clubs stays
        elif acr and _owner(m) != full:
            key = slug(full)  # "Panitia Khusus Hak Angket Komisi Pemberantasan Korupsi (KPK)"
        elif acr:
            key = slug(acr)
        else:
            key = slug(acronyms.get(slug(m.text), m.text))
        d.entities[i] = f"ORG:{key}"
        names_by_id[f"ORG:{key}"][full] += 1
    for d, i, _ in mentions(ORG):
        # The full name given most often ("Komisi Pemberantasan Korupsi"), else the acronym.
        options = names_by_id[d.entities[i]]
        multi = [n for n in options if len(n.split()) > 1] or list(options)
        assign(d, i, d.entities[i], min(multi, key=lambda n: (-options[n], -len(n.split()), n)))

    for d, i, m in mentions(ROLE):
        role = m.norm or m.text
        assign(d, i, f"ROLE:{slug(role)}", role)

    entities: dict[str, Entity] = {}
    for d in digests:
        for i, (m, eid) in enumerate(zip(d.mentions, d.entities)):
            e = entities.get(eid)
            if e is None:
                # the kind most mentions give ("wilayah Kursk" twice, "Kursk" once)
                kind = min(kinds[eid], key=lambda k: (-kinds[eid][k], k)) if eid in kinds else None
                e = entities[eid] = Entity(id=eid, label=m.label, name=first_name[eid], kind=kind)
            d.entities[i] = e.id  # one string per entity, not per mention
            e.aliases.add(m.text)
            e.mentions += 1
            e.articles.add(d.info.id)
    return dict(sorted(entities.items()))


@lru_cache(maxsize=4096)  # asked twice per mention (acronyms, then ids)
def _owner(m: Mention) -> str:
    """The name an ORG mention's bracketed acronym belongs to."""
    assert m.acronym
    return _acronym_owner(_strip_acronym(m.text, m.acronym), m.acronym)


def _when(d: ArticleDigest) -> tuple[int, str]:
    """Sort key of an article by date: dated ones first, earliest first."""
    return (0, d.info.published) if d.info.published else (1, "")


def _acronym_owner(full: str, acronym: str) -> str:
    """The part of a name a bracketed acronym stands for: the whole name, or its shortest
    ending whose capitalised words' initials spell the acronym ("Panitia Khusus Hak Angket
    Komisi Pemberantasan Korupsi (KPK)" -> "Komisi Pemberantasan Korupsi")."""
    letters = "".join(c for c in acronym if c.isupper())
    words = full.split()
    if not letters or _caps(words) == letters:
        return full
    for n in range(1, len(words)):
        if _caps(words[n:]) == letters:
            return " ".join(words[n:])
    return full


def _caps(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _strip_acronym(text: str, acronym: str | None) -> str:
    if not acronym:
        return text
    return re.sub(r"\s*\(\s*" + re.escape(acronym) + r"\s*\)\s*$", "", text) or text


def _link_speakers(article: Article) -> None:
    for s in article.sentences:
        named = {sp.text: sp.norm for sp in s.spans if sp.label in (PERSON, ORG) and sp.norm}
        for sp in s.spans:
            if sp.label == QUOTE and sp.attrs.get("speaker") in named:
                sp.attrs["speaker_norm"] = named[sp.attrs["speaker"]] or ""
