"""A hand-built corpus from real seed sentences (seeds/000..004), with hand-made spans and
entities, for the tests of rank, merge, distract, truefalse and generate that must not
depend on the tagger and linker."""

from __future__ import annotations

from datetime import datetime

from quizgen.model import (
    CLOZE,
    MCQ,
    SHORT,
    TRUEFALSE,
    Article,
    Candidate,
    Corpus,
    Entity,
    Sentence,
    Span,
)

# (article id, published, [(sentence text, [(surface, label, norm, attrs)])])
ARTICLES = [
    ("a000", datetime(2025, 7, 13, 6, 39), [
        ("PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia dalam "
         "perang di Ukraina saat bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov, "
         "Sabtu (12/7), menurut laporan media pemerintah KCNA yang dirilis Minggu pagi.", [
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
            ("Kim Jong Un", "PERSON", "PERSON:kim-jong-un", {}),
            ("Rusia", "PLACE", "PLACE:rusia", {"kind": "country"}),
            ("Ukraina", "PLACE", "PLACE:ukraina", {"kind": "country"}),
            ("Menteri Luar Negeri Rusia", "ROLE", None, {}),
            ("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Sabtu (12/7)", "DATE", "2025-07-12", {"granularity": "day", "weekday": "Sabtu"}),
            ("KCNA", "ORG", "ORG:kcna", {}),
        ]),
        ("Menurut KCNA, pertemuan Kim dan Lavrov berlangsung di Wonsan, sebuah kota pesisir timur "
         "Korea Utara yang baru-baru ini meresmikan kawasan resor besar.", [
            ("KCNA", "ORG", "ORG:kcna", {}),
            ("Kim", "PERSON", "PERSON:kim-jong-un", {}),
            ("Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Wonsan", "PLACE", "PLACE:wonsan", {"kind": "city"}),
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
        ]),
        ("Pertemuan itu juga membahas tindak lanjut atas berbagai kesepakatan yang dicapai dalam "
         "KTT Rusia-Korea Utara pada Juni 2024, termasuk perjanjian militer dengan klausul "
         "pertahanan bersama yang diteken tahun lalu ketika Putin melakukan kunjungan langka ke "
         "Pyongyang.", [
            ("Juni 2024", "DATE", "2024-06", {"granularity": "month"}),
            ("Putin", "PERSON", "PERSON:vladimir-putin", {}),
            ("Pyongyang", "PLACE", "PLACE:pyongyang", {"kind": "city"}),
        ]),
    ]),
    ("a001", None, [
        ("Pemimpin Korea Utara, Kim Jong Un, menyatakan dukungan tak terbatas kepada Rusia dalam "
         "konflik yang sedang berlangsung di Ukraina, saat bertemu dengan Menteri Luar Negeri "
         "Rusia, Sergei Lavrov.", [
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
            ("Kim Jong Un", "PERSON", "PERSON:kim-jong-un", {}),
            ("Rusia", "PLACE", "PLACE:rusia", {"kind": "country"}),
            ("Ukraina", "PLACE", "PLACE:ukraina", {"kind": "country"}),
            ("Menteri Luar Negeri Rusia", "ROLE", None, {}),
            ("Sergei Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
        ]),
        ("Pertemuan tersebut diadakan di kota pesisir Wonsan, Korea Utara.", [
            ("Wonsan", "PLACE", "PLACE:wonsan", {"kind": "city"}),
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
        ]),
        ("Kim dan Lavrov juga membahas hal-hal penting untuk melaksanakan kesepakatan yang "
         "dihasilkan dalam pertemuan puncak Rusia-Korea Utara pada Juni 2024 lalu, di mana kedua "
         "negara menandatangani pakta pertahanan bersama.", [
            ("Kim", "PERSON", "PERSON:kim-jong-un", {}),
            ("Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Juni 2024", "DATE", "2024-06", {"granularity": "month"}),
        ]),
        ("Sebelum bertemu Kim, Lavrov mengadakan pembicaraan dengan Menteri Luar Negeri Korea "
         "Utara, Choe Son Hui.", [
            ("Kim", "PERSON", "PERSON:kim-jong-un", {}),
            ("Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Choe Son Hui", "PERSON", "PERSON:choe-son-hui", {}),
        ]),
    ]),
    ("a002", datetime(2024, 6, 19, 13, 30), [
        ("PYONGYANG, KOMPAS.TV - Pemimpin Korea Utara, Kim Jong-un, mengungkapkan dukungan "
         "penuhnya terhadap perang Rusia di Ukraina saat bertemu dengan Presiden Rusia Vladimir "
         "Putin di Pyongyang, Rabu (19/6/2024).", [
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
            ("Kim Jong-un", "PERSON", "PERSON:kim-jong-un", {}),
            ("Rusia", "PLACE", "PLACE:rusia", {"kind": "country"}),
            ("Ukraina", "PLACE", "PLACE:ukraina", {"kind": "country"}),
            ("Presiden Rusia", "ROLE", None, {}),
            ("Vladimir Putin", "PERSON", "PERSON:vladimir-putin", {}),
            ("Pyongyang", "PLACE", "PLACE:pyongyang", {"kind": "city"}),
            ("Rabu (19/6/2024)", "DATE", "2024-06-19", {"granularity": "day"}),
        ]),
    ]),
    ("a003", None, [
        ("SEOUL - Menteri Luar Negeri Rusia Sergey Lavrov berterima kasih kepada Korea Utara atas "
         "dukungannya terhadap perang Rusia terhadap Ukraina ketika ia tiba di Pyongyang.", [
            ("Menteri Luar Negeri Rusia", "ROLE", None, {}),
            ("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
            ("Ukraina", "PLACE", "PLACE:ukraina", {"kind": "country"}),
            ("Pyongyang", "PLACE", "PLACE:pyongyang", {"kind": "city"}),
        ]),
        ("Dilaporkan AP News, televisi pemerintah Rusia menayangkan kerumunan orang yang menyambut "
         "Lavrov di tengah hujan lebat di Pyongyang pada Rabu (18/10) bersamaan dengan pesta "
         "penyambutan.", [
            ("Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Pyongyang", "PLACE", "PLACE:pyongyang", {"kind": "city"}),
            ("Rabu (18/10)", "DATE", "2023-10-18", {"granularity": "day", "weekday": "Rabu"}),
        ]),
    ]),
    ("a004", None, [
        ("Laporan media Rusia dan sumber intelijen Barat menyebut bahwa Korea Utara telah mengirim "
         "lebih dari 10.000 personel militer, termasuk pasukan tempur dan teknisi, untuk "
         "mendukung operasi militer Rusia di Ukraina.", [
            ("Korea Utara", "PLACE", "PLACE:korea-utara", {"kind": "country"}),
            ("lebih dari 10.000 personel militer", "QUANTITY", "10000",
             {"value": "10000", "qualifier": "lebih dari", "unit": "personel militer"}),
            ("Ukraina", "PLACE", "PLACE:ukraina", {"kind": "country"}),
        ]),
        ("Pernyataan ini disampaikan dalam pertemuannya dengan Menteri Luar Negeri Rusia Sergei "
         "Lavrov di kota pesisir Wonsan, menandai semakin eratnya hubungan strategis antara kedua "
         "negara.", [
            ("Sergei Lavrov", "PERSON", "PERSON:sergey-lavrov", {}),
            ("Wonsan", "PLACE", "PLACE:wonsan", {"kind": "city"}),
        ]),
    ]),
]

ENTITIES = [
    ("PERSON:kim-jong-un", "PERSON", "Kim Jong Un", {"Kim Jong Un", "Kim Jong-un", "Kim"}, None),
    ("PERSON:sergey-lavrov", "PERSON", "Sergey Lavrov",
     {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"}, None),
    ("PERSON:vladimir-putin", "PERSON", "Vladimir Putin", {"Vladimir Putin", "Putin"}, None),
    ("PERSON:choe-son-hui", "PERSON", "Choe Son Hui", {"Choe Son Hui"}, None),
    ("PLACE:korea-utara", "PLACE", "Korea Utara", {"Korea Utara"}, "country"),
    ("PLACE:rusia", "PLACE", "Rusia", {"Rusia"}, "country"),
    ("PLACE:ukraina", "PLACE", "Ukraina", {"Ukraina"}, "country"),
    ("PLACE:wonsan", "PLACE", "Wonsan", {"Wonsan"}, "city"),
    ("PLACE:pyongyang", "PLACE", "Pyongyang", {"Pyongyang"}, "city"),
    ("ORG:kcna", "ORG", "KCNA", {"KCNA"}, None),
]


def make_corpus() -> Corpus:
    articles = []
    for aid, published, sentences in ARTICLES:
        art = Article(id=aid, path=f"seeds/{aid}.txt", lang="id", title=f"Title {aid}",
                      published=published)
        for i, (text, spans) in enumerate(sentences):
            sent = Sentence(aid, i, i, text)
            for surface, label, norm, attrs in spans:
                start = text.index(surface)
                sent.spans.append(Span(start, start + len(surface), label, surface, norm, dict(attrs)))
            art.sentences.append(sent)
        articles.append(art)
    entities = {}
    for eid, label, name, aliases, kind in ENTITIES:
        mentions = sum(1 for a in articles for s in a.sentences for sp in s.spans if sp.norm == eid)
        arts = {a.id for a in articles for s in a.sentences for sp in s.spans if sp.norm == eid}
        entities[eid] = Entity(eid, label, name, set(aliases), kind, mentions, arts)
    return Corpus(articles, entities)


def sentence(corpus: Corpus, article: str, index: int) -> Sentence:
    return next(s for a in corpus.articles if a.id == article for s in a.sentences if s.index == index)


def cand(corpus: Corpus, article: str, index: int, answer: str, question: str, *,
         template: str = "t.test", kinds: tuple[str, ...] = (SHORT, MCQ), fact: str = "",
         statement: str = "", prior: float = 0.7) -> Candidate:
    """A candidate whose answer is the span with text `answer` in the given sentence."""
    sent = sentence(corpus, article, index)
    span = next(sp for sp in sent.spans if sp.text == answer)
    return Candidate(
        template=template, kinds=list(kinds), question=question, answer=answer,
        article=article, sentence=index, answer_start=span.start, answer_end=span.end,
        answer_label=span.label, answer_norm=span.norm,
        fact=fact or f"{template}|{span.norm}", prior=prior, statement=statement,
        slots={"answer": span}, origin=sent,
    )


def seed_candidates(corpus: Corpus) -> list[Candidate]:
    """Candidates a template set could make from the fixture sentences."""
    role = "id.role.holder|Menteri Luar Negeri|PLACE:rusia|PERSON:sergey-lavrov"
    place = "id.wh.place|PERSON:kim-jong-un|PERSON:sergey-lavrov|PLACE:wonsan"
    return [
        cand(corpus, "a000", 0, "Sergey Lavrov", "Siapa Menteri Luar Negeri Rusia?",
             template="id.role.holder", fact=role,
             statement="Menteri Luar Negeri Rusia adalah Sergey Lavrov.",
             kinds=(SHORT, MCQ, TRUEFALSE)),
        cand(corpus, "a001", 0, "Sergei Lavrov", "Siapa Menteri Luar Negeri Rusia?",
             template="id.role.holder", fact=role,
             statement="Menteri Luar Negeri Rusia adalah Sergei Lavrov.",
             kinds=(SHORT, MCQ, TRUEFALSE)),
        cand(corpus, "a003", 0, "Sergey Lavrov", "Siapa Menteri Luar Negeri Rusia?",
             template="id.role.holder", fact=role,
             statement="Menteri Luar Negeri Rusia adalah Sergey Lavrov.",
             kinds=(SHORT, MCQ, TRUEFALSE)),
        cand(corpus, "a000", 1, "Wonsan", "Di mana pertemuan Kim dan Lavrov berlangsung?",
             template="id.wh.place", fact=place,
             statement="Pertemuan Kim dan Lavrov berlangsung di Wonsan.",
             kinds=(SHORT, MCQ, TRUEFALSE)),
        cand(corpus, "a004", 1, "Wonsan", "Di mana pertemuan Kim dan Lavrov berlangsung?",
             template="id.wh.place", fact=place, kinds=(SHORT, MCQ)),
        cand(corpus, "a001", 1, "Wonsan", "Di mana pertemuan tersebut diadakan?",
             template="id.wh.place2", kinds=(SHORT,)),
        cand(corpus, "a002", 0, "Pyongyang",
             "Di mana Kim Jong-un bertemu dengan Presiden Rusia Vladimir Putin?",
             template="id.wh.place", kinds=(SHORT, MCQ),
             statement="Kim Jong-un bertemu dengan Presiden Rusia Vladimir Putin di Pyongyang."),
        cand(corpus, "a002", 0, "Rabu (19/6/2024)",
             "Kapan Kim Jong-un bertemu Vladimir Putin di Pyongyang?", template="id.wh.date",
             kinds=(SHORT, MCQ)),
        cand(corpus, "a004", 0, "lebih dari 10.000 personel militer",
             "Berapa personel militer yang dikirim Korea Utara untuk mendukung operasi militer "
             "Rusia?", template="id.wh.quantity", kinds=(SHORT, MCQ, TRUEFALSE),
             statement="Korea Utara telah mengirim lebih dari 10.000 personel militer ke Rusia."),
        cand(corpus, "a001", 3, "Choe Son Hui",
             "Sebelum bertemu Kim, Lavrov mengadakan pembicaraan dengan Menteri Luar Negeri Korea "
             "Utara, _____.", template="id.cloze", kinds=(CLOZE,)),
    ]
