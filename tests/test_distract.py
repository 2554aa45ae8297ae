"""Wrong options: same type and kind, never a variant of the answer, never a give-away."""

import copy
import random

import pytest
from bankfixtures import make_corpus

from quizgen.distract import (
    Answer,
    confident,
    date_options,
    distractors,
    fits,
    is_variant,
    number_options,
)
from quizgen.lang import load_language
from quizgen.model import Entity

PACK = load_language("id")
CORPUS = make_corpus()


@pytest.mark.parametrize(
    "a, b, label, variant",
    [
        ("Kim Jong Un", "Kim Jong-un", "PERSON", True),
        ("Kim Jong Un", "Jong Un", "PERSON", True),
        ("Kim Jong Un", "Kim", "PERSON", True),
        ("Sergey Lavrov", "Sergei Lavrov", "PERSON", True),
        ("Moskow", "Moskwa", "PLACE", True),
        ("Kim Jong Un", "Kim Il Sung", "PERSON", False),
        ("Kim Jong Un", "Vladimir Putin", "PERSON", False),
        ("Korea Utara", "Korea Selatan", "PLACE", False),
        ("Wonsan", "Pyongyang", "PLACE", False),
        ("Presiden Putin", "Vladimir Putin", "PERSON", True),
        ("Jawa Barat", "Sumatera Barat", "PLACE", False),
        ("Choe Son Hui", "Choe Ryong Hae", "PERSON", False),
    ],
)
def test_distract_variants(a, b, label, variant):
    assert is_variant(a, b, label) is variant


@pytest.mark.parametrize(
    "option, answer, ok",
    [
        ("Vladimir Putin", "Sergey Lavrov", True),
        ("KCNA", "Kementerian Luar Negeri Rusia", False),  # case gives it away
        ("Republik Demokratik Rakyat Korea", "Rusia", False),  # far longer
        ("Seoul", "Pyongyang", True),
    ],
)
def test_distract_giveaway(option, answer, ok):
    assert fits(option, answer) is ok


@pytest.mark.parametrize(
    "answer, expected_kind",
    [
        (Answer("Kim Jong Un", "PERSON", "PERSON:kim-jong-un", question="Siapa pemimpin Korea Utara?"), None),
        (Answer("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", question="Siapa Menteri Luar Negeri Rusia?"), None),
        (Answer("Wonsan", "PLACE", "PLACE:wonsan", question="Di mana Kim bertemu Lavrov?"), "city"),
        (Answer("Rusia", "PLACE", "PLACE:rusia", question="Ke negara mana Korea Utara mengirim tentara?"), "country"),
    ],
)
def test_distract_entities_same_label_and_kind_never_aliases(answer, expected_kind):
    for seed in range(20):
        options = distractors(answer, CORPUS, PACK, random.Random(seed))
        assert len(options) == 3, options
        assert len(set(options)) == 3
        ent = CORPUS.entities[answer.norm]
        by_name = {e.name: e for e in CORPUS.entities.values()}
        for o in options:
            assert not any(is_variant(o, alias, answer.label) for alias in ent.aliases | {answer.text}), o
            assert o not in answer.question
            if o in by_name:
                assert by_name[o].label == answer.label and by_name[o].kind == expected_kind


def test_distract_article_set_first():
    answer = Answer("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", question="Siapa Menlu?")
    options = distractors(answer, CORPUS, PACK, random.Random(1))
    assert set(options) == {"Kim Jong Un", "Vladimir Putin", "Choe Son Hui"}


def test_distract_countries_from_cldr_when_article_set_is_short():
    answer = Answer("Rusia", "PLACE", "PLACE:rusia", question="Negara mana?")
    options = distractors(answer, CORPUS, PACK, random.Random(3))
    assert "Korea Utara" in options and "Ukraina" in options
    assert options[2] not in ("Rusia", "Federasi Rusia")


@pytest.mark.parametrize(
    "text, below, above",
    [
        ("lebih dari 10.000", ["lebih dari 8.000", "lebih dari 5.000"], ["lebih dari 20.000", "lebih dari 30.000"]),
        ("sekitar 6.000 insinyur", ["sekitar 4.000 insinyur", "sekitar 3.000 insinyur"], ["sekitar 8.000 insinyur", "sekitar 9.000 insinyur"]),
        ("2,5 juta", ["1,5 juta", "0,5 juta"], ["3,5 juta", "4,5 juta"]),
        ("dua kali seminggu", [], []),
        ("1500 orang", ["1100 orang", "750 orang"], ["1900 orang", "2200 orang"]),
    ],
)
def test_distract_numbers_near_and_same_format(text, below, above):
    lo, hi = number_options(text)
    assert lo[: len(below)] == below
    assert hi[: len(above)] == above


@pytest.mark.parametrize(
    "text, norm, earlier, later",
    [
        ("Sabtu (12/7)", "2025-07-12", "Jumat (11/7)", "Minggu (13/7)"),
        ("Rabu (19/6/2024)", "2024-06-19", "Selasa (18/6/2024)", "Kamis (20/6/2024)"),
        ("19 Juni 2024", "2024-06-19", "18 Juni 2024", "20 Juni 2024"),
        ("Juni 2024", "2024-06", "Mei 2024", "Juli 2024"),
        ("Desember 2024", "2024-12", "November 2024", "Januari 2025"),
        ("2023", "2023", "2022", "2024"),
        ("September lalu", "2023-09", "Agustus lalu", "Oktober lalu"),
        ("tahun lalu", "2024", None, None),
        # digits as the answer writes them: no zero padding unless it has one
        ("10 April 2017", "2017-04-10", "9 April 2017", "11 April 2017"),
        ("Senin (09/04)", "2018-04-09", "Minggu (08/04)", "Selasa (10/04)"),
    ],
)
def test_distract_dates_near_same_granularity(text, norm, earlier, later):
    lo, hi = date_options(text, norm, "id")
    assert (lo[0] if lo else None) == earlier
    assert (hi[0] if hi else None) == later


def test_distract_quantity_answer_among_three():
    answer = Answer("lebih dari 10.000 personel militer", "QUANTITY", "10000")
    options = distractors(answer, CORPUS, PACK, random.Random(0))
    assert len(options) == 3 and answer.text not in options
    assert all(o.startswith("lebih dari ") and o.endswith(" personel militer") for o in options)


def test_distract_deterministic():
    answer = Answer("Wonsan", "PLACE", "PLACE:wonsan", question="Di mana?")
    runs = {tuple(distractors(answer, CORPUS, PACK, random.Random("0:mcq-x"))) for _ in range(5)}
    assert len(runs) == 1


@pytest.mark.parametrize(
    "entity, ok",
    [
        (Entity("PERSON:vladimir-putin", "PERSON", "Vladimir Putin", {"Putin", "Vladimir Putin"}), True),
        # "sumber intelijen Barat": a lone capitalised word may be a tagging slip
        (Entity("PERSON:barat", "PERSON", "Barat", {"Barat"}), False),
        (Entity("PLACE:barat", "PLACE", "Barat", {"Barat"}), True),
    ],
)
def test_distract_confident_entities_only(entity, ok):
    assert confident(entity) is ok
    corpus = copy.deepcopy(CORPUS)
    corpus.entities[entity.id] = entity
    entity.articles = {"a000", "a001", "a003", "a004"}  # as present as it gets
    entity.mentions = 50
    if entity.label == "PERSON":
        answer = Answer("Kim Jong Un", "PERSON", "PERSON:kim-jong-un", None, "Siapa?")
        picked = distractors(answer, corpus, PACK, random.Random(0), n=3)
        assert (entity.name in picked) is ok


def test_distract_names_from_the_answers_own_story_come_first():
    """In a set of unrelated articles, wrong options come from the answer's articles
    before names the whole set mentions more (a footballer is no option for a minister)."""
    corpus = copy.deepcopy(CORPUS)
    elsewhere = {f"sport-{n}" for n in range(6)}
    for n, name in enumerate(["Lionel Messi", "Cristiano Ronaldo", "Luka Modric"]):
        eid = f"PERSON:football-{n}"
        corpus.entities[eid] = Entity(eid, "PERSON", name, {name}, None, 50, set(elsewhere))
    corpus.derived.clear()
    answer = Answer("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", question="Siapa Menlu?")
    for seed in range(10):
        options = distractors(answer, corpus, PACK, random.Random(seed))
        assert set(options) == {"Kim Jong Un", "Vladimir Putin", "Choe Son Hui"}, options


def test_distract_own_story_only_takes_no_name_from_elsewhere():
    """A false statement swaps in a person of the answer's own story, never one from
    another story nor from language data: "actor X defends for the army's club" is absurd,
    not false. Wrong options may also come from an article that shares a person or an
    organisation with the answer's (the same story told elsewhere), never from an
    unrelated one (a footballer for a question on diplomacy)."""
    corpus = copy.deepcopy(CORPUS)
    home = sorted(corpus.entities["PERSON:sergey-lavrov"].articles)[0]
    corpus.entities["PERSON:football-0"] = Entity(
        "PERSON:football-0", "PERSON", "Lionel Messi", {"Lionel Messi"}, None, 50, {"sport-0"})
    corpus.entities["ORG:kremlin"] = Entity(
        "ORG:kremlin", "ORG", "Kremlin", {"Kremlin"}, None, 5, {home, "related-1"})
    corpus.entities["PERSON:shoigu"] = Entity(
        "PERSON:shoigu", "PERSON", "Sergei Shoigu", {"Sergei Shoigu"}, None, 3, {"related-1"})
    corpus.derived.clear()
    answer = Answer("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", question="Siapa Menlu?")
    own = {"Kim Jong Un", "Vladimir Putin", "Choe Son Hui"}
    for seed in range(10):
        picked = distractors(answer, corpus, PACK, random.Random(seed), n=5, own_story=True)
        assert set(picked) == own, picked
        wide = distractors(answer, corpus, PACK, random.Random(seed), n=5)
        assert "Sergei Shoigu" in wide and "Lionel Messi" not in wide, wide


@pytest.mark.parametrize("name,offered", [
    ("Elza Syarif", True),
    ("Pak Akbar", False),  # a form of address: how the story calls someone
    ("Peranti Lunak", False),  # common words only
    ("Tim AFLoader", False),  # an organisation's head word
    ("New York Times", False),  # an organisation's tail word
])
def test_distract_person_options_are_people(name, offered):
    """Names the tagger took for people are no wrong option for a person [IndoSum dev,
    CC BY-SA 4.0]."""
    corpus = copy.deepcopy(CORPUS)
    home = sorted(corpus.entities["PERSON:sergey-lavrov"].articles)[0]
    corpus.entities["PERSON:x"] = Entity("PERSON:x", "PERSON", name, {name}, None, 50, {home})
    corpus.derived.clear()
    answer = Answer("Sergey Lavrov", "PERSON", "PERSON:sergey-lavrov", question="Siapa Menlu?")
    picked = distractors(answer, corpus, PACK, random.Random(0), n=10)
    assert (name in picked) is offered, picked


@pytest.mark.parametrize("city,home", [
    ("Palembang", True),  # a town at home: other towns at home, no foreign capital
    ("Sleman", True),  # a town no list knows: taken for one at home
    ("Moskow", False),  # abroad: other cities abroad
])
def test_distract_cities_from_the_same_side_of_the_border(city, home):
    extra = PACK.data("distractors")
    answer = Answer(city, "PLACE", None, "city", question="Di mana acara itu berlangsung?")
    empty = copy.deepcopy(CORPUS)
    empty.entities.clear()
    empty.derived.clear()
    picked = distractors(answer, empty, PACK, random.Random(0), n=3)
    assert len(picked) == 3
    assert set(picked) <= set(extra["home_cities" if home else "cities"]), picked


@pytest.mark.parametrize("answer,attrs,pool_roles,allowed", [
    # an office gets offices of its complement's kind, never a sports role
    ("Presiden RI", {"head": "title", "country": "ID"},
     [("Kiper veteran Italia", {"head": "profession", "country": "IT"}),
      ("Perdana Menteri Singapura", {"head": "title", "country": "SG"}),
      ("Pelatih Timnas Indonesia", {"head": "title", "country": "ID"})],
     {"Perdana Menteri Singapura"}),
    # a keeper gets sports roles of the same complement's kind
    ("Kiper PSS", {"head": "profession", "org": "PSS"},
     [("Politikus Partai Hanura", {"head": "profession", "org": "Partai Hanura"}),
      ("Striker Persib", {"head": "profession", "org": "Persib"}),
      ("Ketua DPR", {"head": "title", "org": "DPR"})],
     {"Striker Persib"}),
])
def test_distract_role_options_of_the_same_kind_and_field(answer, attrs, pool_roles, allowed):
    """[IndoSum bench and fresh, CC BY-SA 4.0]: 'Apa jabatan Joko Widodo?' offered
    'Kiper veteran Italia'; 'Kiper PSS' was offered 'Asisten Deputi' and 'Ketua DPR'."""
    from quizgen.digest import role_shape
    from quizgen.distract import NamePool, _role_names

    pool = NamePool({}, {}, [(role_shape(a), n) for n, a in pool_roles])
    ans = Answer(answer, "ROLE", None, attrs=attrs, question="Apa jabatan X?")
    names, titles = _role_names(ans, pool, PACK)
    assert set(names) == allowed
    assert all("Kiper" not in t and "Pelatih" not in t for t in titles) or attrs["head"] == "profession"


def test_distract_no_province_for_a_place_below_it():
    """'Gempa dirasakan di wilayah Kota Sukabumi' made false with 'Jawa Barat', the province
    Sukabumi lies in, is true [IndoSum fresh slice 8, CC BY-SA 4.0]."""
    corpus = copy.deepcopy(CORPUS)
    home = sorted(corpus.entities["PERSON:sergey-lavrov"].articles)[0]
    for i, name in enumerate(["Jawa Barat", "Kota Bogor", "Kota Bandung"]):
        corpus.entities[f"PLACE:x{i}"] = Entity(f"PLACE:x{i}", "PLACE", name, {name}, "region",
                                                 5, {home})
    corpus.derived.clear()
    town = Answer("Kota Sukabumi", "PLACE", None, "region", question="Gempa dirasakan di mana?")
    province = Answer("Jawa Tengah", "PLACE", None, "region", question="Gempa dirasakan di mana?")
    for seed in range(5):
        assert "Jawa Barat" not in distractors(town, corpus, PACK, random.Random(seed), n=10)
    assert "Jawa Barat" in distractors(province, corpus, PACK, random.Random(0), n=10)
