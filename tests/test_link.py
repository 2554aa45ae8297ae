"""Entity linking across the five seed articles and small built articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.lang import load_language
from quizgen.link import link_corpus, name_key
from quizgen.model import Article, Corpus, Sentence
from quizgen.pipeline import analyse_article
from quizgen.split import tokenize
from quizgen.tag import tag_article

PACK = load_language("id")
SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return link_corpus([analyse_article(p, PACK) for p in SEEDS], PACK)


def _entity_of(corpus: Corpus, label: str, surface: str) -> str:
    ids = {
        sp.norm
        for a in corpus.articles
        for s in a.sentences
        for sp in s.spans
        if sp.label == label and sp.text == surface
    }
    assert len(ids) == 1, f"{label} {surface!r} linked to {ids}"
    return ids.pop()  # type: ignore[return-value]


# (label, surface forms that must be one entity, expected id, display name)
GROUPS = [
    ("PERSON", ["Kim Jong Un", "Kim Jong-un", "Kim"], "PERSON:kim-jong-un", "Kim Jong Un"),
    # two "Sergey", two "Sergei": the tie goes to the earliest dated article's form
    ("PERSON", ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"], "PERSON:sergei-lavrov", "Sergey Lavrov"),
    ("PERSON", ["Vladimir Putin", "Putin"], "PERSON:vladimir-putin", "Vladimir Putin"),
    ("PERSON", ["Choe Son Hui"], "PERSON:choe-son-hui", "Choe Son Hui"),
    ("PLACE", ["Moskow", "Moskwa"], "PLACE:moskow", "Moskow"),
    ("PLACE", ["Korea Utara", "Korut", "DPRK"], "PLACE:KP", "Korea Utara"),
    ("PLACE", ["Rusia"], "PLACE:RU", "Rusia"),
    ("PLACE", ["AS", "Amerika Serikat"], "PLACE:US", "Amerika Serikat"),
    ("ROLE", ["Menteri Luar Negeri Korea Utara", "Menlu Korea Utara"],
     "ROLE:menteri-luar-negeri-korea-utara", "Menteri Luar Negeri Korea Utara"),
    # the acronym and the full name are one entity, shown by its full name (was: "KCNA",
    # before the full name was linked to it)
    ("ORG", ["KCNA", "Kantor Berita Pusat Korea Utara"], "ORG:kcna", "Kantor Berita Pusat Korea Utara"),
    ("ORG", ["AP News"], "ORG:ap", None),
    ("PLACE", ["Kursk"], "PLACE:kursk", "Kursk"),
]


@pytest.mark.parametrize("label,forms,eid,name", GROUPS)
def test_link_corpus_groups_variants(seeds: Corpus, label: str, forms: list[str], eid, name) -> None:
    ids = {_entity_of(seeds, label, f) for f in forms}
    assert len(ids) == 1, ids
    got = ids.pop()
    if eid:
        assert got == eid
    entity = seeds.entities[got]
    assert set(forms) <= entity.aliases
    assert entity.label == label
    if name:
        assert entity.name == name
    for a in seeds.articles:
        for s in a.sentences:
            for sp in s.spans:
                if sp.norm == got:
                    assert sp.attrs["canonical"] == entity.name


def test_link_corpus_counts_mentions_and_articles(seeds: Corpus) -> None:
    kim = seeds.entities["PERSON:kim-jong-un"]
    assert len(kim.articles) == 5
    spans = [sp for a in seeds.articles for s in a.sentences for sp in s.spans if sp.norm == kim.id]
    assert kim.mentions == len(spans) > 10
    assert seeds.entities["PLACE:KP"].kind == "country"
    assert seeds.entities["PLACE:moskow"].kind == "city"
    assert seeds.entities["PLACE:kursk"].kind == "region"  # always "wilayah Kursk" in the seeds


# (articles as lists of sentences, ORG surface, entity id, display name)
ORGS = [
    # a bracketed acronym belongs to the ending of the name its initials spell [IndoSum]
    ([["Panitia Khusus Hak Angket Komisi Pemberantasan Korupsi (KPK) bersidang.",
       "Komisi Pemberantasan Korupsi menolak hadir."]],
     "Komisi Pemberantasan Korupsi", "ORG:kpk", "Komisi Pemberantasan Korupsi"),
    ([["Panitia Khusus Hak Angket Komisi Pemberantasan Korupsi (KPK) bersidang."]],
     "Panitia Khusus Hak Angket Komisi Pemberantasan Korupsi (KPK)",
     "ORG:panitia-khusus-hak-angket-komisi-pemberantasan-korupsi", None),
    # a full name and its acronym from orgs.yaml, in different articles
    ([["Kata Kantor Berita Pusat Korea Utara, pertemuan berlangsung hangat."],
      ["Menurut KCNA, pertemuan berlangsung hangat."]],
     "KCNA", "ORG:kcna", "Kantor Berita Pusat Korea Utara"),
    # a club's one-word name joins the one club name it starts or ends [IndoSum 4a590f5660c71299]
    ([["Manchester United kembali mengukir kemenangan dengan skor identik saat bertandang ke"
       " markas Swansea City, Sabtu (19/8) malam WIB.",
       "Swansea lebih suka duduk bertahan dan menanti United lengah."]],
     "Swansea", "ORG:swansea-city", "Swansea City"),
    # ... and stands alone when two clubs of the article end with it
    ([["Setelah melumat West Ham United, Manchester United kembali menang.",
       "Swansea lebih suka duduk bertahan dan menanti United lengah."]],
     "United", "ORG:united", None),
]


@pytest.mark.parametrize("articles,surface,eid,name", ORGS)
def test_link_corpus_links_org_names_and_acronyms(articles, surface: str, eid: str, name) -> None:
    corpus = link_corpus([_article(f"a{i}", t) for i, t in enumerate(articles)], PACK)
    assert _entity_of(corpus, "ORG", surface) == eid
    if name:
        assert corpus.entities[eid].name == name


def test_link_corpus_sets_quote_speakers(seeds: Corpus) -> None:
    speakers = {
        sp.attrs.get("speaker_norm")
        for a in seeds.articles
        for s in a.sentences
        for sp in s.spans
        if sp.label == "QUOTE"
    }
    assert "PERSON:kim-jong-un" in speakers


def _article(aid: str, texts: list[str]) -> Article:
    art = Article(id=aid, path=f"{aid}.txt", lang="id")
    art.sentences = [Sentence(aid, i, i, t, tokenize(t)) for i, t in enumerate(texts)]
    tag_article(art, PACK)
    return art


# (articles as lists of sentences, a one-word mention, the entity it must or must not join)
SHORT_FORMS = [
    # one full name in the article: the short form joins it
    ([["Presiden Rusia Vladimir Putin tiba.", "Putin mengatakan hal itu."]], "Putin",
     "PERSON:vladimir-putin"),
    # two people with the same surname in one article: the short form stays alone
    ([["Pemimpin Korea Utara Kim Jong Un bertemu Presiden Korea Selatan Kim Dae Jung.",
       "Kim mengatakan hal itu."]], "Kim", "PERSON:kim"),
    # the full name only in another article: joined when it is the only candidate
    ([["Menteri Luar Negeri Rusia Sergey Lavrov tiba."], ["Lavrov mengatakan hal itu."]],
     "Lavrov", "PERSON:sergey-lavrov"),
]


@pytest.mark.parametrize("articles,short,eid", SHORT_FORMS)
def test_link_corpus_resolves_short_forms(articles: list[list[str]], short: str, eid: str) -> None:
    corpus = link_corpus([_article(f"a{i}", t) for i, t in enumerate(articles)], PACK)
    assert _entity_of(corpus, "PERSON", short) == eid


@pytest.mark.parametrize(
    "a,b",
    [("Kim Jong Un", "Kim Jong-un"), ("Lee Jung - Jin", "Lee Jung-Jin"), ("Sergey  Lavrov", "sergey lavrov")],
)
def test_link_name_key_ignores_hyphens_and_case(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
