"""WH substitution over a simplified clause. Sentences from seeds/ and FacQA (CC BY-SA 4.0,
FacQA (ITB) via IndoNLU); spans are written by hand so the test does not depend on the tagger."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizgen.generators import get
from quizgen.voice import passive
from quizgen.model import Article

from test_simplify import spanned

ART = Article("art", "seed.txt", "id")
TEMPLATE = SimpleNamespace(id="id.wh.test", kinds=["short", "mcq"], prior=0.7)

WONSAN = ("Menurut KCNA, pertemuan Kim dan Lavrov berlangsung di Wonsan, sebuah kota pesisir "
          "timur Korea Utara yang baru-baru ini meresmikan kawasan resor besar.")
TROOPS = ("Laporan media Rusia dan sumber intelijen Barat menyebut bahwa Korea Utara telah "
          "mengirim lebih dari 10.000 personel militer, termasuk pasukan tempur dan teknisi, untuk "
          "mendukung operasi militer Rusia di Ukraina.")
LEDE = ("PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia saat "
        "bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov, Sabtu (12/7), menurut laporan "
        "media pemerintah KCNA yang dirilis Minggu pagi.")
COUNTRY = {"kind": "country"}

ROWS = [
    # (sentence, label, expected question, expected answer)
    (spanned(WONSAN, ("ORG", "KCNA"), ("PERSON", "Kim"), ("PERSON", "Lavrov"),
             ("PLACE", "Wonsan", {"kind": "city"}), ("PLACE", "Korea Utara", COUNTRY)),
     "PLACE", "Di mana pertemuan Kim dan Lavrov berlangsung?", "Wonsan"),
    (spanned(TROOPS, ("PLACE", "Korea Utara", COUNTRY),
             ("QUANTITY", "lebih dari 10.000 personel militer", {"unit": "personel militer"}),
             ("PLACE", "Ukraina", COUNTRY)),
     "QUANTITY", "Berapa personel militer yang telah dikirim Korea Utara untuk mendukung operasi "
     "militer Rusia di Ukraina?", "lebih dari 10.000"),
    (spanned(TROOPS, ("PLACE", "Korea Utara", COUNTRY),
             ("QUANTITY", "lebih dari 10.000 personel militer", {"unit": "personel militer"}),
             ("PLACE", "Ukraina", COUNTRY)),
     "PLACE", "Negara mana yang telah mengirim lebih dari 10.000 personel militer untuk mendukung "
     "operasi militer Rusia di Ukraina?", "Korea Utara"),
    (spanned(LEDE, ("ROLE", "PEMIMPIN Korea Utara"), ("PERSON", "Kim Jong Un"),
             ("ROLE", "Menteri Luar Negeri Rusia"), ("PERSON", "Sergey Lavrov"),
             ("DATE", "Sabtu (12/7)")),
     # a clause over 16 words loses the role titles before full names
     "PERSON", "Siapa yang menyatakan dukungan tanpa syarat terhadap Rusia saat bertemu dengan "
     "Sergey Lavrov, Sabtu (12/7)?", "Kim Jong Un"),
    (spanned(LEDE, ("ROLE", "PEMIMPIN Korea Utara"), ("PERSON", "Kim Jong Un"),
             ("ROLE", "Menteri Luar Negeri Rusia"), ("PERSON", "Sergey Lavrov"),
             ("DATE", "Sabtu (12/7)")),
     "DATE", "Kapan Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia saat bertemu "
     "dengan Sergey Lavrov?", "Sabtu (12/7)"),
    (spanned("Lavrov bahkan sempat memuji Wonsan sebagai tujuan wisata yang menarik.",
             ("PERSON", "Lavrov"), ("PLACE", "Wonsan", {"kind": "city"})),
     "PLACE", "Lavrov sempat memuji kota mana sebagai tujuan wisata yang menarik?", "Wonsan"),
    (spanned("Drh Yuda Heru Fibrianto MS, dosen Fakultas Kedokteran Hewan UGM, turut ambil bagian "
             "dalam keberhasilan pengkloningan anjing.", ("PERSON", "Drh Yuda Heru Fibrianto MS"),
             ("ORG", "Fakultas Kedokteran Hewan UGM")),
     "PERSON", "Siapa yang ambil bagian dalam keberhasilan pengkloningan anjing?",
     "Drh Yuda Heru Fibrianto MS"),
    # "tidak hanya A, tetapi juga B": the first conjunct is asked, never the frame
    (spanned("Dilaporkan bahwa Korea Utara tidak hanya mengirim ribuan tentaranya ke Rusia, "
             "tetapi juga memasok artileri dan rudal untuk mendukung pasukan Moskow.",
             ("PLACE", "Korea Utara", COUNTRY), ("PLACE", "Rusia", COUNTRY),
             ("PLACE", "Moskow", {"kind": "city"})),
     "PLACE", "Negara mana yang mengirim ribuan tentaranya ke Rusia?", "Korea Utara"),
    # a phrase of intent before the verb: the quantity is fronted with "akan"
    (spanned("Bahkan, Korea Utara telah berkomitmen untuk mengirim sekitar 6.000 insinyur dan "
             "pekerja konstruksi ke wilayah Kursk di Rusia, membantu upaya rekonstruksi.",
             ("PLACE", "Korea Utara", COUNTRY),
             ("QUANTITY", "sekitar 6.000 insinyur dan pekerja konstruksi",
              {"unit": "insinyur dan pekerja konstruksi"}),
             ("PLACE", "Kursk", {"kind": "city"}), ("PLACE", "Rusia", COUNTRY)),
     "QUANTITY", "Sekitar berapa insinyur dan pekerja konstruksi yang akan dikirim Korea Utara"
     " ke wilayah Kursk di Rusia?", "6.000"),
    # a hedge stays in the question, in place, and out of the answer; a bound is the answer's
    (spanned("Vettel terpaut hingga 1,094 detik dari Rosberg.", ("PERSON", "Vettel"),
             ("QUANTITY", "1,094 detik", {"unit": "detik"}), ("PERSON", "Rosberg")),
     "QUANTITY", "Vettel terpaut hingga berapa detik dari Rosberg?", "1,094"),
    (spanned("Korea Utara mengirim lebih dari 10.000 tentara ke Rusia.",
             ("PLACE", "Korea Utara", COUNTRY),
             ("QUANTITY", "10.000 tentara", {"unit": "tentara"}), ("PLACE", "Rusia", COUNTRY)),
     "QUANTITY", "Berapa tentara yang dikirim Korea Utara ke Rusia?", "lebih dari 10.000"),
    # the subject's own relative clause: "yang" is not doubled
    (spanned("Eric Bailly yang berada dalam posisi terdekat langsung mendorong bola ke gawang.",
             ("PERSON", "Eric Bailly")),
     "PERSON", "Siapa yang berada dalam posisi terdekat langsung mendorong bola ke gawang?",
     "Eric Bailly"),
    # an empty relative clause is dropped, and a long clause loses the role before a name
    (spanned("Pemimpin Korea Utara, Kim Jong Un, menyatakan dukungan tak terbatas kepada Rusia "
             "dalam konflik yang sedang berlangsung di Ukraina, saat bertemu dengan Menteri Luar "
             "Negeri Rusia, Sergei Lavrov.", ("ROLE", "Pemimpin Korea Utara"),
             ("PERSON", "Kim Jong Un"), ("PLACE", "Rusia", COUNTRY),
             ("PLACE", "Ukraina", COUNTRY), ("ROLE", "Menteri Luar Negeri Rusia"),
             ("PERSON", "Sergei Lavrov")),
     "PERSON", "Siapa yang menyatakan dukungan tak terbatas kepada Rusia dalam konflik di "
     "Ukraina, saat bertemu dengan Sergei Lavrov?", "Kim Jong Un"),
    # a team (the tagger's ORG kind) is asked "tim apa"; the subject's particle "pun" goes
    # with it [IndoSum dev, CC BY-SA 4.0]
    (spanned("United pun membawa pulang tiga poin dari Wales dengan senyum puas.",
             ("ORG", "United", {"kind": "team"}), ("PLACE", "Wales")),
     "ORG", "Tim apa yang membawa pulang tiga poin dari Wales dengan senyum puas?", "United"),
    # an acronym asked by the head of its spelled-out name
    (spanned("KPK menetapkan Miryam sebagai tersangka atas dugaan memberikan keterangan palsu.",
             ("ORG", "KPK", {"canonical": "Komisi Pemberantasan Korupsi"}),
             ("PERSON", "Miryam")),
     "ORG", "Komisi apa yang menetapkan Miryam sebagai tersangka atas dugaan memberikan"
     " keterangan palsu?", "KPK"),
    # a name the tagger left untyped keeps its capital when it moves to the middle: it
    # stood capitalised mid-sentence [IndoSum fresh slice 3, CC BY-SA 4.0]
    (spanned("Dalam panggilan itu, Jedun mengakui sejak September 2013 telah diberi Wawan "
             "sebuah kartu kredit.", ("DATE", "September 2013"), ("PERSON", "Wawan")),
     "DATE", "Sejak kapan Jedun mengakui telah diberi Wawan sebuah kartu kredit?",
     "September 2013"),
    # the word naming a date's kind goes with the date and its preposition, no "pada hari?"
    # [IndoSum fresh, CC BY-SA 4.0]
    (spanned("Warga Afghanistan turun ke jalan pada hari Jumat (5/3/2021) untuk menuntut "
             "pengunduran diri pemerintah.", ("PLACE", "Afghanistan"),
             ("DATE", "Jumat (5/3/2021)", {"weekday": "Jumat"})),
     "DATE", "Kapan warga Afghanistan turun ke jalan untuk menuntut pengunduran diri pemerintah?",
     "Jumat (5/3/2021)"),
    # a word after the date that goes with it ("esok") goes with it
    (spanned("Elgort mengungkap rencana untuk bertemu dengan para personel BTS pada Jumat "
             "(25/8/2017) esok.", ("PERSON", "Elgort"), ("ORG", "BTS"),
             ("DATE", "Jumat (25/8/2017)", {"weekday": "Jumat"})),
     "DATE", "Kapan Elgort mengungkap rencana untuk bertemu dengan para personel BTS?",
     "Jumat (25/8/2017)"),
    # parts of the day and time zones go with the date [IndoSum bench, CC BY-SA 4.0]
    (spanned("Kemacetan parah sempat terjadi pada Jumat (23/6/2017) malam WIB di wilayah "
             "Nagreg.", ("DATE", "Jumat (23/6/2017)", {"weekday": "Jumat"}),
             ("PLACE", "Nagreg")),
     "DATE", "Kapan kemacetan parah sempat terjadi di wilayah Nagreg?", "Jumat (23/6/2017)"),
]


@pytest.mark.parametrize("sentence,label,question,answer", ROWS)
def test_wh_asks_for_span(pack, sentence, label, question, answer):
    cands = get("wh").fn(sentence, ART, {"label": label}, pack, TEMPLATE)
    assert [(c.question, c.answer) for c in cands][:1] == [(question, answer)]
    c = cands[0]
    assert sentence.text[c.answer_start:c.answer_end] == c.answer
    assert c.template == "id.wh.test" and c.kinds == ["short", "mcq"] and c.prior == 0.7
    assert c.fact.startswith(label + "=") and c.statement.endswith(".")


NOT_ASKED = [
    # one end of a range, and a value glued to the word before it [IndoSum fresh slice 1,
    # CC BY-SA 4.0]
    (spanned("Pemerintah memperkirakan pertumbuhan ekonomi tahun ini berkisar di level 5,0 "
             "hingga 5,1 persen.", ("QUANTITY", "5,1 persen", {"unit": "persen"})),
     "QUANTITY"),
    (spanned("Pemerintah memperkirakan pertumbuhan ekonomi tahun ini berkisar di level 5,0 "
             "hingga 5,1 persen.", ("QUANTITY", "5,0", {"unit": ""})), "QUANTITY"),
    (spanned("Produk itu dijajakan di situs Indie Gogo seharga mulai dari US$ 300.",
             ("QUANTITY", "$ 300", {"unit": "$"})), "QUANTITY"),
    # an organisation whose words and kind say nothing of what it is: "Lembaga apa" would
    # ask for a person (JK), a company or a club [IndoSum fresh slice 1, CC BY-SA 4.0]
    (spanned("JK mengatakan jumlah koruptor yang ditangkap di Indonesia begitu banyak.",
             ("ORG", "JK"), ("PLACE", "Indonesia", COUNTRY)), "ORG"),
    # a value glued to its unit by "/" or a hyphen: "biaya berapa/malam" [IndoSum fresh
    # slice 2, CC BY-SA 4.0]
    (spanned("Sebuah hotel di Belgia menawarkan sewa ikan dengan biaya Rp 55.000/malam.",
             ("PLACE", "Belgia", COUNTRY), ("QUANTITY", "Rp 55.000", {"unit": "Rp"})),
     "QUANTITY"),
    # coordinated with a span of the same label: "Kim dan Lavrov"
    (spanned(WONSAN, ("PERSON", "Kim"), ("PERSON", "Lavrov"), ("PLACE", "Wonsan")), "PERSON"),
    # a place modifying a noun ("perang di Ukraina") is not where the event happened
    (spanned("Kim menyatakan dukungan terhadap Rusia dalam perang di Ukraina.",
             ("PERSON", "Kim"), ("PLACE", "Ukraina", COUNTRY)), "PLACE"),
    # a date inside a relative clause belongs to another event
    (spanned("Kim dan Lavrov membahas kesepakatan yang dihasilkan pada Juni 2024 lalu.",
             ("DATE", "Juni 2024")), "DATE"),
    # a quantity with no number
    (spanned("Korea Utara telah mengirim ribuan tentara ke Rusia.",
             ("QUANTITY", "ribuan tentara", {"unit": "tentara"})), "QUANTITY"),
    # a city as the actor of a state's deed is metonymy: no "Kota mana yang memasok ...?"
    (spanned("Selain itu, Pyongyang juga telah memasok senjata artileri, peluru, dan peralatan "
             "militer lainnya kepada Moskwa.", ("PLACE", "Pyongyang", {"kind": "city"}),
             ("PLACE", "Moskwa", {"kind": "city"})), "PLACE"),
    # in place far from the end of the question
    (spanned("Televisi pemerintah Rusia menayangkan kerumunan orang yang menyambut Lavrov di "
             "tengah hujan lebat di Pyongyang bersamaan dengan pesta penyambutan.",
             ("PERSON", "Lavrov")), "PERSON"),
    # a place after a role modifies the role's noun phrase, not the verb
    (spanned("Kunjungan Lavrov merupakan bagian dari serangkaian kunjungan pejabat tinggi Rusia "
             "ke Korea Utara dalam beberapa bulan terakhir.", ("PERSON", "Lavrov"),
             ("ROLE", "pejabat tinggi Rusia"), ("PLACE", "Korea Utara", COUNTRY)), "PLACE"),
    # IndoSum dev (CC BY-SA 4.0): a place inside what a speaker reported is not fronted
    # ("Di mana Agus mengatakan ... selama berada?")
    (spanned("Agus mengatakan Atim diketahui sering meninggalkan keluarga hingga berhari-hari "
             "selama berada di Tanah Air.", ("PERSON", "Agus"), ("PERSON", "Atim"),
             ("PLACE", "Tanah Air")), "PLACE"),
    # a quantity that opens a copula clause ("Berapa kontestan ... adalah juara ...?")
    (spanned("Dua kontestan babak semifinal lainnya adalah juara Pul P, TNI AU melawan "
             "runner-up Pul Q, Bank Jatim.", ("QUANTITY", "Dua kontestan", {"unit": "kontestan"}),
             ("ORG", "TNI AU"), ("ORG", "Bank Jatim")), "QUANTITY"),
    # an in-situ question phrase right after a comma is an apposition (", bank apa?")
    (spanned("Dua kontestan babak semifinal lainnya adalah juara Pul P, TNI AU melawan "
             "runner-up Pul Q, Bank Jatim.", ("QUANTITY", "Dua kontestan", {"unit": "kontestan"}),
             ("ORG", "TNI AU"), ("ORG", "Bank Jatim")), "ORG"),
    # two years contrasted: asking for one leaves a hole ("dan tahun hanya ada ...")
    (spanned("Tahun 2017 tercatat ada 1.267 perjalanan kapal dan tahun 2016 hanya ada 1.053 "
             "perjalanan.", ("DATE", "2017"), ("DATE", "2016")), "DATE"),
    # a state, not an event: no "Kapan ... adalah ...?" [IndoSum fresh, CC BY-SA 4.0]
    (spanned("Peraih nominasi terbanyak adalah Jackson, dengan 11 nominasi pada 1984.",
             ("PERSON", "Jackson"), ("DATE", "1984")), "DATE"),
    # the date of a fronted clause, not of the main clause
    (spanned("Setelah Van Persie hengkang ke Manchester United pada 2012, tak ada lagi striker "
             "Arsenal yang mencetak 30 gol.", ("PERSON", "Van Persie"),
             ("ORG", "Manchester United"), ("DATE", "2012"), ("ORG", "Arsenal")), "DATE"),
    # a document's date [IndoSum bench, CC BY-SA 4.0]
    (spanned("Firdaus membenarkan keaslian sertifikat HGB Pulau D tertanggal 24 Agustus 2017.",
             ("PERSON", "Firdaus"), ("DATE", "24 Agustus 2017")), "DATE"),
    # one day given in two time zones [IndoSum fresh, CC BY-SA 4.0]
    (spanned("McGregor kalah di Las Vegas, 26 Agustus 2017 malam waktu setempat atau 27 "
             "Agustus 2017 pagi WIB.", ("PERSON", "McGregor"), ("PLACE", "Las Vegas"),
             ("DATE", "26 Agustus 2017"), ("DATE", "27 Agustus 2017")), "DATE"),
    # one of two numbers offered as alternatives [IndoSum bench, CC BY-SA 4.0]
    (spanned("Para ahli menilai hanya ada lima atau enam kasus serupa di dunia.",
             ("QUANTITY", "enam kasus", {"unit": "kasus"})), "QUANTITY"),
    # a subject before a copula: no "Siapa yang adalah ...?"
    (spanned("Novel adalah salah satu penyidik senior KPK.", ("PERSON", "Novel"),
             ("ORG", "KPK")), "PERSON"),
]


@pytest.mark.parametrize("sentence,label", NOT_ASKED)
def test_wh_declines_bad_positions(pack, sentence, label):
    assert get("wh").fn(sentence, ART, {"label": label}, pack, TEMPLATE) == []


# (sentence, label, an answer that must not be asked for in place)
NOT_IN_SITU = [
    # one of a list of people ("A, B, C, dan D") is not asked about alone
    (spanned("Eric Bailly, Romelu Lukaku, Paul Pogba, dan Anthony Martial masing-masing mencetak "
             "satu gol untuk armada Jose Mourinho di Liberty Stadium.", ("PERSON", "Eric Bailly"),
             ("PERSON", "Romelu Lukaku"), ("PERSON", "Paul Pogba"), ("PERSON", "Anthony Martial"),
             ("PERSON", "Jose Mourinho")), "PERSON", "Eric Bailly"),
    # right before "yang" it reads "whoever": "pesan dari siapa yang ..."
    (spanned("Lavrov menyampaikan pesan dari Presiden Putin yang mengharapkan adanya kontak "
             "langsung lanjutan dalam waktu dekat dengan Kim Jong Un.", ("PERSON", "Lavrov"),
             ("ROLE", "Presiden"), ("PERSON", "Putin")), "PERSON", "Putin"),
    (spanned("Korea Utara tidak hanya mengirim ribuan tentaranya ke Rusia, tetapi juga memasok "
             "artileri dan rudal untuk mendukung pasukan Moskow.",
             ("PLACE", "Korea Utara", COUNTRY), ("PLACE", "Rusia", COUNTRY),
             ("PLACE", "Moskow", {"kind": "city"})), "PLACE", "Moskow"),
]


@pytest.mark.parametrize("sentence,label,answer", NOT_IN_SITU)
def test_wh_declines_awkward_in_situ(pack, sentence, label, answer):
    cands = get("wh").fn(sentence, ART, {"label": label}, pack, TEMPLATE)
    assert answer not in [c.answer for c in cands]
    assert all("tidak hanya" not in c.question for c in cands)


def test_wh_fact_same_for_reordered_wording(pack):
    a = spanned("Pertemuan Kim dan Lavrov berlangsung di Wonsan.", ("PERSON", "Kim"),
                ("PERSON", "Lavrov"), ("PLACE", "Wonsan"))
    b = spanned("Di Wonsan berlangsung pertemuan Kim dan Lavrov.", ("PERSON", "Kim"),
                ("PERSON", "Lavrov"), ("PLACE", "Wonsan"))
    fa = get("wh").fn(a, ART, {"label": "PLACE"}, pack, TEMPLATE)[0].fact
    from quizgen.generators.facts import fact_key
    from quizgen.simplify import simplify
    cb = simplify(b, pack)
    assert fact_key(cb, cb.spans[-1], pack) == fa


@pytest.mark.parametrize("active,passive_form", [
    ("mengirim", "dikirim"), ("memasok", "dipasok"), ("mendukung", "didukung"),
    ("menyebut", "disebut"), ("mengambil", "diambil"), ("menulis", "ditulis"),
    ("melihat", "dilihat"), ("memperkuat", "diperkuat"), ("menyatakan", "dinyatakan"),
    ("membantu", "dibantu"), ("bertemu", None),
    # mem- before a vowel: a p dropped (memakai), or an m root kept (memainkan)
    ("memakai", "dipakai"), ("memimpin", "dipimpin"), ("memainkan", "dimainkan"),
    ("meminta", "diminta"), ("memulai", "dimulai"), ("memiliki", "dimiliki"),
    ("memanfaatkan", "dimanfaatkan"), ("memilih", "dipilih"), ("mematuhi", "dipatuhi"),
    ("mengandung", "dikandung"),
])
def test_wh_passive_voice(pack, active, passive_form):
    assert passive(active, pack) == passive_form


# A word the pack's lists do not know keeps its capital at the start of a question (a
# name, more likely than not) unless the article writes it in lower case elsewhere
# [IndoSum bench, CC BY-SA 4.0]
@pytest.mark.parametrize("elsewhere,question", [
    ("Warga merasakan getaran kuat.", "Kapan getaran terjadi sekitar 09.50 WIB?"),
    ("Warga merasakan guncangan kuat.", "Kapan Getaran terjadi sekitar 09.50 WIB?"),
])
def test_wh_lowers_a_word_the_article_writes_in_lower_case(pack, elsewhere, question):
    from quizgen.model import Sentence

    first = spanned("Getaran terjadi pada Selasa (11/4/2017) sekitar 09.50 WIB.",
                    ("DATE", "Selasa (11/4/2017)", {"weekday": "Selasa"}))
    article = Article("gempa", "gempa.txt", "id",
                      sentences=[first, Sentence("gempa", 1, 0, elsewhere)])
    first.article_id = "gempa"
    cands = get("wh").fn(first, article, {"label": "DATE"}, pack, TEMPLATE)
    assert [c.question for c in cands] == [question]
