"""Tagger tests: real sentences from the seeds and the IndoSum dev corpus.

Sentences marked "indosum" are copied from /work/shared/corpus/indosum-dev/ (IndoSum,
Kurniawan & Louvan 2018, CC BY-SA 4.0).
"""

from __future__ import annotations

import pytest

from quizgen.lang import load_language
from quizgen.model import Article, Sentence
from quizgen.split import tokenize
from quizgen.tag import tag_article, tag_sentence

PACK = load_language("id")
ANY = object()

# (sentence, spans that must be there as (label, text, norm); ANY skips the norm check)
TAGGED = [
    # --- seeds -------------------------------------------------------------------------
    (
        "PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia dalam"
        " perang di Ukraina saat bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov, Sabtu"
        " (12/7), menurut laporan media pemerintah KCNA yang dirilis Minggu pagi.",
        [
            ("ROLE", "PEMIMPIN Korea Utara", "Pemimpin Korea Utara"),
            ("PERSON", "Kim Jong Un", None),
            ("PLACE", "Rusia", "RU"),
            ("PLACE", "Ukraina", "UA"),
            ("ROLE", "Menteri Luar Negeri Rusia", "Menteri Luar Negeri Rusia"),
            ("PERSON", "Sergey Lavrov", None),
            ("DATE", "Sabtu (12/7)", ANY),
            ("ORG", "KCNA", None),
        ],
    ),
    (
        "Dalam pertemuan terpisah pada hari yang sama, Lavrov juga bertemu dengan Menlu Korea"
        " Utara Choe Son Hui.",
        [
            ("ROLE", "Menlu Korea Utara", "Menteri Luar Negeri Korea Utara"),
            ("PERSON", "Choe Son Hui", None),
        ],
    ),
    (
        'Ia juga memuji "kepemimpinan luar biasa" Presiden Vladimir Putin.',
        [("QUOTE", "kepemimpinan luar biasa", None), ("ROLE", "Presiden", "Presiden"),
         ("PERSON", "Vladimir Putin", None)],
    ),
    (
        "Pemimpin Korea Utara, Kim Jong-un, mengungkapkan dukungan penuhnya terhadap perang Rusia"
        " di Ukraina saat bertemu dengan Presiden Rusia Vladimir Putin di Pyongyang, Rabu"
        " (19/6/2024).",
        [
            ("ROLE", "Pemimpin Korea Utara", "Pemimpin Korea Utara"),
            ("PERSON", "Kim Jong-un", None),
            ("ROLE", "Presiden Rusia", "Presiden Rusia"),
            ("PERSON", "Vladimir Putin", None),
            ("PLACE", "Pyongyang", "Pyongyang"),
            ("DATE", "Rabu (19/6/2024)", "2024-06-19"),
        ],
    ),
    (
        "Pernyataan ini, yang dilaporkan oleh media pemerintah Korut, KCNA, menandai semakin eratnya"
        " hubungan militer dan politik antara Pyongyang dan Moskow di tengah invasi Rusia ke Ukraina.",
        [("PLACE", "Korut", "KP"), ("ORG", "KCNA", None), ("PLACE", "Moskow", "Moskow")],
    ),
    (
        "Pertemuan tersebut merupakan bagian dari dialog strategis tingkat tinggi yang kedua antara"
        " Moskwa dan Pyongyang.",
        [("PLACE", "Moskwa", "Moskow")],
    ),
    (
        "Dalam pernyataan bersama, kedua negara menegaskan tekad mereka untuk “melawan aspirasi"
        " hegemonik dari kekuatan luar kawasan” yang dianggap memperkeruh ketegangan di Asia Timur"
        " Laut dan kawasan Asia-Pasifik secara keseluruhan.",
        [
            ("QUOTE", "melawan aspirasi hegemonik dari kekuatan luar kawasan", None),
            ("PLACE", "Asia Timur Laut", ANY),
            ("PLACE", "Asia-Pasifik", ANY),
        ],
    ),
    (
        "Laporan media Rusia dan sumber intelijen Barat menyebut bahwa Korea Utara telah mengirim"
        " lebih dari 10.000 personel militer, termasuk pasukan tempur dan teknisi, untuk mendukung"
        " operasi militer Rusia di Ukraina.",
        [("QUANTITY", "lebih dari 10.000 personel militer", "10000")],
    ),
    (
        "Bahkan, Korea Utara telah berkomitmen untuk mengirim sekitar 6.000 insinyur dan pekerja"
        " konstruksi ke wilayah Kursk di Rusia.",
        [("QUANTITY", "sekitar 6.000 insinyur dan pekerja konstruksi", "6000"),
         ("PLACE", "Kursk", "Kursk")],
    ),
    (
        "Laporan menyebutkan Korea Utara telah mengirim ribuan tentaranya ke wilayah Kursk di Rusia.",
        [("QUANTITY", "ribuan tentaranya", "1000+")],
    ),
    (
        "Menjelang kunjungan tersebut, Rusia mengumumkan pembukaan penerbangan dua kali seminggu"
        " antara Moskow dan Pyongyang.",
        [("QUANTITY", "dua kali seminggu", "2")],
    ),
    (
        "Lavrov kemudian menghadiri resepsi di mana Menteri Luar Negeri Korea Utara Choe Son Hui"
        ' mengatakan kedua negara sedang membangun "hubungan persahabatan yang tidak dapat'
        ' dipatahkan" di bawah keputusan dan kepemimpinan "strategis" Kim dan Putin, kata Kantor'
        " Berita Pusat Korea Utara.",
        [
            ("QUOTE", "hubungan persahabatan yang tidak dapat dipatahkan", None),
            ("ORG", "Kantor Berita Pusat Korea Utara", None),
            ("PERSON", "Choe Son Hui", None),
        ],
    ),
    (
        "Lavrov dalam pidatonya mengatakan Rusia sangat menghargai dukungan Korea Utara, menurut"
        " komentarnya yang dipublikasikan oleh Kementerian Luar Negeri Rusia.",
        [("ORG", "Kementerian Luar Negeri Rusia", None)],
    ),
    (
        "Lavrov juga memuji Korea Utara karena tetap tidak terpengaruh oleh tekanan apa pun dari AS"
        " dan Barat, kata media pemerintah Korea Utara, KCNA.",
        [("PLACE", "AS", "US")],
    ),
    (
        "Awal pekan ini, Lavrov menemani Putin dalam kunjungan ke Beijing yang menggarisbawahi"
        " dukungan Tiongkok terhadap perang Moskow di Ukraina.",
        [("PLACE", "Beijing", "Beijing"), ("PLACE", "Tiongkok", "CN")],
    ),
    (
        "SEOUL - Menteri Luar Negeri Rusia Sergey Lavrov berterima kasih kepada Korea Utara ketika ia"
        " tiba di Pyongyang, beberapa hari setelah Amerika Serikat mengatakan Korea Utara telah"
        " mengirimkan amunisi ke Rusia.",
        [("PERSON", "Sergey Lavrov", None), ("PLACE", "Amerika Serikat", "US")],
    ),
    (
        "“Kami sangat menghargai dukungan Anda yang konsisten dan tidak berubah terhadap kebijakan"
        " Rusia,” ucapnya, dikutip dari Associated Press.",
        [("ORG", "Associated Press", None)],
    ),
    # --- IndoSum dev articles (CC BY-SA 4.0) ----------------------------------------------
    (  # indosum 1474182027
        "Sebelumnya pada Oktober 2013, Menteri Kesehatan Kanada saat itu Rona Ambrose menghapuskan"
        " diacetylmorphine dari Program Akses khusus.",
        [("DATE", "Oktober 2013", "2013-10"),
         ("ROLE", "Menteri Kesehatan Kanada", "Menteri Kesehatan Kanada")],
    ),
    (  # indosum 1474182027
        "Kementerian Kesehatan Kanada mengamandemen undang-undang dan memperbolehkan dokter"
        " memberikan resep heroin kepada pasien kecanduan narkotika parah.",
        [("ORG", "Kementerian Kesehatan Kanada", None)],
    ),
    (  # indosum 1480876210
        '"BBM akan bertransformasi dari aplikasi pesan biasa antara dua orang," kata CEO Creative'
        " Media Works Matthew Talbot.",
        [("ROLE", "CEO", "CEO"), ("PERSON", "Matthew Talbot", None),
         ("QUANTITY", "dua orang", "2")],
    ),
    (  # indosum 1480876210
        "Pelapak di Bukalapak juga bisa mendapatkan akses untuk menjangkau lebih dari 64 juta"
        " pengguna BBM di Indonesia melalui fitur ini.",
        [("QUANTITY", "lebih dari 64 juta pengguna", "64000000"), ("PLACE", "Indonesia", "ID")],
    ),
    (  # indosum 1490674536
        "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi antara pelaku sarana"
        " transportasi online dan tradisional.",
        [("ROLE", "Ketua MPR", "Ketua MPR"), ("PERSON", "Zulkifli Hasan", None)],
    ),
    (  # indosum 1491041732
        "Panitia Pelaksana Asian Games 2018 (INASGOC) sedang memperhitungkan jumlah kebutuhan"
        " relawan untuk melayani sekitar 11.000 atlet dan ofisial dari 45 negara.",
        [("QUANTITY", "sekitar 11.000 atlet dan ofisial", "11000"),
         ("QUANTITY", "45 negara", "45")],
    ),
    (  # indosum 1491041732
        '"Animo masyarakat untuk menjadi sukarelawan sangatlah besar," kata Harry Warganegara, plt'
        " Sekjen INASGOC.",
        [("PERSON", "Harry Warganegara", None),
         ("ROLE", "plt Sekjen INASGOC", "Pelaksana Tugas Sekretaris Jenderal INASGOC")],
    ),
    (  # indosum 1497837600
        "Pemilik sekaligus koki makanan Turki, Sezai Zorlu, mengatakan julukan itu ia berikan.",
        [("PERSON", "Sezai Zorlu", None)],
    ),
    (  # indosum 1497837600
        "Bahkan, Sezai mengatakan, hampir 80 persen bahan dari bumbu-bumbu masakan yang digunakan"
        " merupakan impor.",
        [("PERSON", "Sezai", None), ("QUANTITY", "hampir 80 persen", "80")],
    ),
    (  # indosum 1497837600
        "“Untuk satu menu itu dapat dinikmati oleh sekitar 15-25 orang,” tuturnya.",
        [("QUANTITY", "sekitar 15-25 orang", "15-25")],
    ),
    (  # indosum 1503248400
        "Eric Bailly, Romelu Lukaku, Paul Pogba, dan Anthony Martial masing-masing mencetak satu"
        " gol untuk menghadirkan sukacita bagi armada Jose Mourinho di Liberty Stadium.",
        [("PERSON", "Eric Bailly", None), ("PERSON", "Romelu Lukaku", None),
         ("PERSON", "Paul Pogba", None), ("PERSON", "Anthony Martial", None),
         ("PERSON", "Jose Mourinho", None), ("QUANTITY", "satu gol", "1")],
    ),
    (  # indosum 1506496965
        "Duta Besar Indonesia untuk Arab Saudi Agus Maftuh Abegebriel mengatakan dua jemaah haji"
        " dilaporkan hilang secara terpisah saat melaksanakan ibadah di Tanah Suci.",
        [("ROLE", "Duta Besar Indonesia untuk Arab Saudi", "Duta Besar Indonesia untuk Arab Saudi"),
         ("PERSON", "Agus Maftuh Abegebriel", None), ("QUANTITY", "dua jemaah haji", "2")],
    ),
    (  # indosum 1506496965
        "Kedua jemaah itu diketahui bernama Atim Arta Ota (62) asal Bogor, Jawa Barat, dan Hadi"
        " Sukma Adsani (73) asal Lampung.",
        [("PERSON", "Atim Arta Ota", None), ("PLACE", "Bogor", "Bogor"),
         ("PLACE", "Jawa Barat", "Jawa Barat"), ("PERSON", "Hadi Sukma Adsani", None)],
    ),
    (  # indosum 1507336200
        "Kepada media CEO Jurnal.id Daniel Witono mengungkapkan rencana tersebut saat peluncuran"
        " fitur Cash Link di Jakarta.",
        [("ROLE", "CEO Jurnal.id", "CEO Jurnal.id"), ("PERSON", "Daniel Witono", None),
         ("PLACE", "Jakarta", "Jakarta")],
    ),
    (  # indosum 1507336200
        "Saat ini Jurnal.id mengklaim telah berhasil mencatat transaksi lebih dari $ 1 miliar bagi"
        " para penggunanya dan menghubungkan puluhan ribu pengguna.",
        [("ORG", "Jurnal.id", None), ("QUANTITY", "lebih dari $ 1 miliar", "1000000000"),
         ("QUANTITY", "puluhan ribu pengguna", "10000+")],
    ),
    (  # indosum 1512103500
        "Seniman Butet Kartaredjasa untuk pertama kalinya akan memamerkan sekitar 90 karya seni"
        " rupa berbahan keramik di Galeri Nasional Indonesia.",
        [("ROLE", "Seniman", "Seniman"), ("PERSON", "Butet Kartaredjasa", None),
         ("QUANTITY", "sekitar 90 karya seni", "90"), ("ORG", "Galeri Nasional Indonesia", None)],
    ),
    (  # indosum 1512613785
        '"Kami tahu kemampuan Vita Solo," kata pelatih Petrokimia, M Hanafiah.',
        [("ROLE", "pelatih", "Pelatih"), ("PERSON", "M Hanafiah", None)],
    ),
    (  # indosum 1513136983
        "Penggemar drama Korea akan digemparkan dengan kedatangan aktor Lee Jung - Jin di"
        " Indonesia.",
        [("ROLE", "aktor", "Aktor"), ("PERSON", "Lee Jung - Jin", None)],
    ),
    (  # indosum 1518032698
        "Komisi Pemberantasan Korupsi (KPK) menginformasikan bahwa Novel Baswedan yang masih"
        " dirawat di Singapura akan menjalani operasi tambahan oleh dokter ahli dari Inggris.",
        [("ORG", "Komisi Pemberantasan Korupsi (KPK)", None), ("PLACE", "Singapura", "SG"),
         ("PLACE", "Inggris", "GB")],
    ),
    (  # indosum 1518032698
        '"Jadi, ada rencana pekan depan," kata Pelaksana Harian (Plh) Kepala Biro Humas KPK Yuyuk'
        " Andriati di gedung KPK, Jakarta, Selasa.",
        [("ROLE", "Pelaksana Harian (Plh) Kepala Biro Humas KPK",
          "Pelaksana Harian Kepala Biro Humas KPK"),
         ("PERSON", "Yuyuk Andriati", None)],
    ),
    (  # indosum 1518032698
        "Terkait kondisi kesehatan Novel Baswedan penyidik KPK yang saat ini masih dirawat di"
        " Singapura.",
        [("PERSON", "Novel Baswedan", None), ("ROLE", "penyidik KPK", "Penyidik KPK")],
    ),
    (  # indosum 1518032698
        "Dokter yang menangani Novel di Singapura mendiagnosa sekitar 95 persen bagian mata kiri"
        " Novel rusak.",
        [("QUANTITY", "sekitar 95 persen", "95")],
    ),
    # --- precision rows (IndoSum bench and FacQA contexts, CC BY-SA 4.0) -------------------
    (  # a form of address stays in the name; "/" joins a pair of persons
        "Emas diraih pasangan Mas Udi/Rilando (Lampung) yang turun dalam nomor embu putra kyu"
        " kenshi dan pasangan Dery Fitri/Nofrialdi Tancin (Sumatera Barat).",
        [("PERSON", "Mas Udi", None), ("PERSON", "Rilando", None),
         ("PERSON", "Dery Fitri", None), ("PERSON", "Nofrialdi Tancin", None)],
    ),
    (
        "Pandangan mengenai tokoh besar seperti Gus Dur, Jokowi, Budha dan Yesus.",
        [("PERSON", "Gus Dur", None)],
    ),
    (  # English titles with "of" and the unit they head
        "Sementara itu menurut Deputy Chief of Transaction Banking CIMB Niaga Andrew Suhandinata,"
        " kerja sama ini merupakan tahap awal.",
        [("ROLE", "Deputy Chief of Transaction Banking CIMB Niaga", ANY),
         ("PERSON", "Andrew Suhandinata", None)],
    ),
    (
        '"Kami lebih percaya diri untuk bertarung dengan Samsung sekalipun," ujar Marketing'
        " Director Advan Tjandra Lianto.",
        [("ROLE", "Marketing Director", "Marketing Director")],
    ),
    (  # a title inside the run: the first role takes the name before it
        '"Ada peran menyimpan bensin," kata Kapolda Metro Jaya Inspektur Jenderal Idham Aziz di'
        " Jakarta, Selasa (8/8).",
        [("ROLE", "Kapolda Metro Jaya", "Kapolda Metro Jaya"),
         ("ROLE", "Inspektur Jenderal", "Inspektur Jenderal"), ("PERSON", "Idham Aziz", None)],
    ),
    (  # an organisation's name ends where a person's name begins
        "KPK memperpanjang masa penahanan mantan anggota Komisi IX DPR Fraksi Partai Golkar"
        " Charles Jones Mesang terkait tindak pidana korupsi.",
        [("PERSON", "Charles Jones Mesang", None)],
    ),
    (
        "Pimpinan DPR belum menerima surat rehabilitasi nama baik Ketua Fraksi Golkar Setya"
        " Novanto.",
        [("ROLE", "Ketua Fraksi Golkar", "Ketua Fraksi Golkar"), ("PERSON", "Setya Novanto", None)],
    ),
    (  # a place word before a name outweighs an aside verb after it
        "Menteri Perhubungan Budi Karya Sumadi di Kulon Progo, Minggu, mengatakan kereta api"
        " menjadi moda transportasi utama.",
        [("PERSON", "Budi Karya Sumadi", None), ("PLACE", "Kulon Progo", None)],
    ),
    (  # a name followed by the acronym of its initials is an organisation or event
        "Kabupaten Solok Selatan kembali menjadi tuan rumah Tour de Singkarak (TdS) 2017.",
        [("ORG", "Tour de Singkarak (TdS)", None)],
    ),
    (
        "Dilaporkan AP News, televisi pemerintah Rusia menayangkan kerumunan orang.",
        [("ORG", "AP News", None)],
    ),
    (  # decimal mark written with a space, before a multiplier
        "Data menunjukkan penurunan PMDN dari sekitar Rp 2, 4 triliun menjadi Rp 252 miliar.",
        [("QUANTITY", "sekitar Rp 2, 4 triliun", "2400000000000"),
         ("QUANTITY", "Rp 252 miliar", "252000000000")],
    ),
    ("Proyek itu bernilai Rp 2,4 triliun.", [("QUANTITY", "Rp 2,4 triliun", "2400000000000")]),
    (
        "DAS Merawu mempunyai tingkat erosi yang cukup tinggi, yakni rata-rata 10,23 mm per tahun.",
        [("QUANTITY", "10,23 mm per tahun", "10.23")],
    ),
    (  # a currency unit takes the country after it
        "Dion, yang menyumbang satu juta dollar AS untuk korban topan itu, merasa terpukul.",
        [("QUANTITY", "satu juta dollar AS", "1000000")],
    ),
    (
        "Hingga Jumat (12/8), penyakit ini telah menewaskan 13 orang.",
        [("QUANTITY", "13 orang", "13")],
    ),
    # --- FacQA (IndoNLU facqa valid, CC BY-SA 4.0): a role, its office, then the holder ---
    (  # "Dinas" heads an organisation inside the role
        "Komisi IX DPR ditemui Kepala Dinas Kesehatan NTT Stef Bria yang didampingi Direktur"
        " RSU WZ Johannes Hein Mooy.",
        [("ROLE", "Kepala Dinas Kesehatan NTT", "Kepala Dinas Kesehatan NTT"),
         ("PERSON", "Stef Bria", None), ("PERSON", "Johannes Hein Mooy", None)],
    ),
    (
        "Sebanyak 93 anggota Majelis Tinggi yang hadir kemarin secara bulat mendukung resolusi"
        " yang disampaikan Presiden Islam Karimov pada tanggal 29 Juli lalu.",
        [("ROLE", "Presiden", "Presiden"), ("PERSON", "Islam Karimov", None)],
    ),
    (
        "Sumber dana untuk putaran pertama, menurut Menteri Kesehatan Siti Fadilah Supari,"
        " berasal dari WHO.",
        [("ROLE", "Menteri Kesehatan", "Menteri Kesehatan"), ("PERSON", "Siti Fadilah Supari", None)],
    ),
    (  # a time word between the role and its holder [IndoSum]
        "Sebelumnya pada Oktober 2013, Menteri Kesehatan Kanada saat itu Rona Ambrose"
        " menghapuskan diacetylmorphine dari Program Akses khusus.",
        [("ROLE", "Menteri Kesehatan Kanada", "Menteri Kesehatan Kanada"),
         ("PERSON", "Rona Ambrose", None)],
    ),
    # --- persons by given name, clubs by their name's ending [IndoSum] -------------------
    (
        "Swansea yang pertama melakukannya melalui sebuah crossing berbahaya, dilanjut dengan"
        " tembakan Jordan Ayew yang masih menyamping.",
        [("PERSON", "Jordan Ayew", None)],
    ),
    (
        "United membalas lewat tembakan melebar Romelu Lukaku dan tandukan Phil Jones yang"
        " membentur mistar.",
        [("PERSON", "Phil Jones", None)],
    ),
    (
        "Pemain-pemain senior yang dibawa ke Tangerang, seperti Lailatul Aisyah dan Zara Alfa"
        " Tampubolon hanya mengisi bangku cadangan.",
        [("PERSON", "Lailatul Aisyah", None), ("PERSON", "Zara Alfa Tampubolon", None)],
    ),
    (
        "Setelah sukses melumat West Ham United 4-0 di laga pembuka, Manchester United kembali"
        " mengukir kemenangan.",
        [("ORG", "West Ham United", None), ("ORG", "Manchester United", None)],
    ),
    (  # a team word before a name
        "Pertandingan berlangsung di markas Swansea pada malam hari.",
        [("ORG", "Swansea", None)],
    ),
    (  # a named eatery after "di" is a business, not a place [IndoSum]
        "Ragam makanan khas negara Timur Tengah itu juga hadir di Warung Turki by Turkuaz yang"
        " ada di Kemang, Jakarta Selatan.",
        [("ORG", "Warung Turki", None)],
    ),
    (  # an adjective after a profession stays in the role
        "Jung Jin merupakan aktor drama hits K2 yang dimainkan bareng aktor ternama Ji Chang Wook.",
        [("ROLE", "aktor ternama", ANY), ("PERSON", "Ji Chang Wook", None)],
    ),
    (  # the context word names the kind of a known place
        "Laporan menyebutkan Korea Utara telah mengirim ribuan tentaranya ke wilayah Kursk di Rusia.",
        [("PLACE", "Kursk", "Kursk")],
    ),
    (  # a head written in capitals names an organisation, and the role's holder follows it
        # after a comma [IndoSum fresh slice 8]
        "Direktur PT Merial Esa, Fahmi Darmawansyah, dituntut hukuman 4 tahun penjara.",
        [("ROLE", "Direktur PT Merial Esa", ANY), ("PERSON", "Fahmi Darmawansyah", ANY)],
    ),
    (  # a club after a profession is no place and person [IndoSum fresh slice 10]
        "Unggul dua gol, para pemain Bali United kian bersemangat.",
        [("ORG", "Bali United", ANY)],
    ),
    (  # a regional head with the region it heads
        "Dedi ingin fokus sebagai Bupati Purwakarta dan Ketua DPD Golkar Jawa Barat.",
        [("ROLE", "Bupati Purwakarta", ANY)],
    ),
]


@pytest.mark.parametrize("text,expected", TAGGED)
def test_tag_sentence_finds_spans(text: str, expected: list[tuple]) -> None:
    spans = tag_sentence(text, PACK, None)
    got = {(sp.label, sp.text): sp for sp in spans}
    for label, surface, norm in expected:
        assert (label, surface) in got, f"{label} {surface!r} missing from {sorted(got)}"
        if norm is not ANY:
            assert got[(label, surface)].norm == norm
        assert text[got[(label, surface)].start : got[(label, surface)].end] == surface


# (sentence, label, text) that must NOT be tagged with that label ("*": any label)
NOT_TAGGED = [
    # a year in brackets is no age: a film is no person [IndoSum fresh 1518048000]
    ("Thurman mengalami kecelakaan saat pengambilan gambar Kill Bill (2003).", "PERSON",
     "Kill Bill"),
    ("Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina dalam Pertemuan dengan"
     " Menlu Lavrov", "PERSON", "Kim Jong Un Nyatakan"),
    ("Kim Jong Un Nyatakan Dukungan Penuh untuk Perang Rusia di Ukraina dalam Pertemuan dengan"
     " Menlu Lavrov", "*", "Dukungan Penuh"),
    ("Kerja Sama Militer: Tentara dan Senjata", "*", "Kerja Sama Militer"),
    ("KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un menyampaikan komitmen dukungan.",
     "ORG", "KONTAN.CO.ID"),
    ("KONTAN.CO.ID - JAKARTA. Pemimpin Korea Utara Kim Jong Un menyampaikan komitmen dukungan.",
     "*", "JAKARTA"),
    ("PEMIMPIN Korea Utara Kim Jong Un menyatakan dukungan tanpa syarat terhadap Rusia.",
     "ORG", "PEMIMPIN"),
    ("Pertemuan berlangsung dalam suasana hangat.", "*", "Pertemuan"),
    ("Dalam pertemuan tersebut, Kim menyampaikan Korea Utara siap mendukung.", "*", "Dalam"),
    ("Lebih lanjut, Kim menyatakan keyakinannya.", "*", "Lebih"),
    ("Laporan media Rusia dan sumber intelijen Barat menyebut bahwa Korea Utara telah mengirim"
     " pasukan.", "PERSON", "Barat"),
    ("Laporan menyebutkan Korea Utara telah mengirim ribuan tentaranya.", "*", "Laporan"),
    ("Tiket babak empat besar didapat Petrokimia setelah mengalahkan Vita Solo 3-0 di GOR"
     " Dimyati.", "*", "3-0"),
    ("Tiket babak empat besar didapat Petrokimia setelah mengalahkan Vita Solo 3-0 di GOR"
     " Dimyati.", "PLACE", "Solo"),
    ("Setelah sukses melumat West Ham United 4-0 di laga pembuka, Manchester United kembali"
     " mengukir kemenangan.", "*", "4-0"),
    ("Antara lain penguasaan bahasa asing, komputer, atau teknologi.", "ORG", "Antara"),
    ("Ada beberapa persyaratan yang diperlukan sebagai seorang relawan Asian Games.",
     "PERSON", "Asian Games"),
    ("Laki-laki penggemar K-pop 2pm dan Twice ini mengatakan dirinya suka dengan Indonesia.",
     "PERSON", "K-pop"),
    ("Laki-laki penggemar K-pop 2pm dan Twice ini mengatakan dirinya suka dengan Indonesia.",
     "QUANTITY", "2pm"),
    ("Final akan digelar pada Sabtu (9/12/2017) mulai pukul 14.00 WIB.", "*", "14.00"),
    ("Final akan digelar pada Sabtu (9/12/2017) mulai pukul 14.00 WIB.", "ORG", "WIB"),
    # --- precision rows (IndoSum bench and FacQA contexts, CC BY-SA 4.0) -------------------
    ("Pandangan mengenai tokoh besar seperti Gus Dur, Jokowi, Budha dan Yesus.", "*", "Dur"),
    ("Sementara itu menurut Deputy Chief of Transaction Banking CIMB Niaga Andrew Suhandinata,"
     " kerja sama ini merupakan tahap awal.", "PERSON", "Deputy Chief"),
    ("CEO Creative media Works memastikan kemunculan platform jual beli daring.",
     "PERSON", "Creative"),
    ("Dua kontestan babak semifinal lainnya adalah juara Pul P, TNI AU melawan runner-up Pul Q,"
     " Bank Jatim.", "PERSON", "Pul P"),
    ("Dua kontestan babak semifinal lainnya adalah juara Pul P, TNI AU melawan runner-up Pul Q,"
     " Bank Jatim.", "PERSON", "Pul Q"),
    ("Sementara itu, mantan perdana menteri Haiti Laurent Lamothe, melalui akun Twitternya"
     " mengatakan, “Dunia menyaksikan pernyataan yang tak bisa diterima.”", "PERSON", "Twitternya"),
    ("KPK memperpanjang masa penahanan mantan anggota Komisi IX DPR Fraksi Partai Golkar Charles"
     " Jones Mesang.", "PERSON", "Fraksi Partai Golkar Charles Jones Mesang"),
    ("Menteri Perhubungan Budi Karya Sumadi di Kulon Progo, Minggu, mengatakan kereta api menjadi"
     " moda transportasi utama.", "PERSON", "Kulon Progo"),
    ("Kabupaten Solok Selatan kembali menjadi tuan rumah Tour de Singkarak (TdS) 2017.",
     "PERSON", "Tour de Singkarak"),
    ('"Kami lebih percaya diri," ujar Marketing Director Advan Tjandra Lianto.',
     "PERSON", "Marketing Director Advan Tjandra Lianto"),
    ('"Ada peran menyimpan bensin," kata Kapolda Metro Jaya Inspektur Jenderal Idham Aziz di'
     " Jakarta.", "PERSON", "Metro Jaya Inspektur Jenderal Idham Aziz"),
    ("Meningkatnya penjualan mobil listrik Tesla tidak lepas dari peran Tesla Model S.",
     "*", "S"),
    # a law's name: no role, no person, no date, no quantity inside it
    ("Ribuan perajin menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005 tentang"
     " Pencabutan Larangan Ekspor Rotan.", "ROLE", "Menteri Perdagangan"),
    ("Ribuan perajin menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005 tentang"
     " Pencabutan Larangan Ekspor Rotan.", "PERSON", "Nomor"),
    ("Ribuan perajin menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005 tentang"
     " Pencabutan Larangan Ekspor Rotan.", "DATE", "2005"),
    ("Charles disangkakan Pasal 11 UU No. 31 Tahun 1999 tentang Pemberantasan Tindak Pidana"
     " Korupsi.", "QUANTITY", "31 Tahun"),
    ("Charles disangkakan Pasal 11 UU No. 31 Tahun 1999 tentang Pemberantasan Tindak Pidana"
     " Korupsi.", "DATE", "1999"),
    ("Data menunjukkan penurunan PMDN dari sekitar Rp 2, 4 triliun menjadi Rp 252 miliar.",
     "QUANTITY", "Rp 2"),
    ("Dion, yang menyumbang satu juta dollar AS untuk korban topan itu, merasa terpukul.",
     "PLACE", "AS"),
    # FacQA (IndoNLU, CC BY-SA 4.0): the verb after a role is not in it, and a declaration's
    # name after that verb is no person
    ("Lima tahun telah lewat ketika 147 pemimpin negara dan kepala pemerintahan menandatangani"
     " Deklarasi Milenium, yang menawarkan visi baru.", "ROLE", "kepala pemerintahan menandatangani"),
    ("Lima tahun telah lewat ketika 147 pemimpin negara dan kepala pemerintahan menandatangani"
     " Deklarasi Milenium, yang menawarkan visi baru.", "PERSON", "Deklarasi Milenium"),
    ("Ragam makanan khas negara Timur Tengah itu juga hadir di Warung Turki by Turkuaz yang"
     " ada di Kemang, Jakarta Selatan.", "PLACE", "Warung Turki"),
    # the region after a regional head, and an organisation with its region, are no person
    # [IndoSum fresh slice 8, CC BY-SA 4.0]
    ("Dedi ingin fokus menyelesaikan tugasnya sebagai Bupati Purwakarta dan Ketua DPD Golkar"
     " Jawa Barat.", "PERSON", "Purwakarta"),
    ("Dedi ingin fokus menyelesaikan tugasnya sebagai Bupati Purwakarta dan Ketua DPD Golkar"
     " Jawa Barat.", "PERSON", "Golkar Jawa Barat"),
    # a title after a word for a work is no person [IndoSum fresh, CC BY-SA 4.0]
    ("Thurman mengalami kecelakaan saat syuting film Kill Bill di Meksiko.", "PERSON",
     "Kill Bill"),
]


@pytest.mark.parametrize("text,label,surface", NOT_TAGGED)
def test_tag_sentence_leaves_untagged(text: str, label: str, surface: str) -> None:
    for sp in tag_sentence(text, PACK, None):
        assert not (sp.text == surface and label in ("*", sp.label)), sp
        if label == "PERSON" and sp.label == "PERSON":
            assert surface not in sp.text or sp.text == surface.split()[0], sp


# (sentence, quote text, speaker or None)
QUOTES = [
    ('“Situasi di dunia semakin buruk dan berubah dengan cepat. Dalam situasi ini kami bermaksud'
     ' memperkuat interaksi strategis dengan Rusia," tutur Kim.',
     "Situasi di dunia semakin buruk dan berubah dengan cepat. Dalam situasi ini kami bermaksud"
     " memperkuat interaksi strategis dengan Rusia", "Kim"),
    ("“Kami sangat menghargai dukungan Anda,” ucapnya, dikutip dari Associated Press.",
     "Kami sangat menghargai dukungan Anda", None),
    ('"Kami sepenuhnya menyadari bahwa banyak negara memiliki sudut pandang yang sama," kata'
     " Lavrov, menggunakan inisial nama resmi Korea Utara.",
     "Kami sepenuhnya menyadari bahwa banyak negara memiliki sudut pandang yang sama", "Lavrov"),
    ("Lavrov, di sisi lain, menyebut hubungan Rusia–Korea Utara sebagai “persaudaraan tempur yang"
     " tak terkalahkan”, dan menyampaikan rasa terima kasih.",
     "persaudaraan tempur yang tak terkalahkan", "Lavrov"),
    ('"Sampai saat ini mereka belum ditemukan," ujar Agus saat dikonfirmasi CNNIndonesia.com,'
     " Selasa (26/9).", "Sampai saat ini mereka belum ditemukan", "Agus"),  # indosum 1506496965
    ('"Tukang kritik untuk saling mengingatkan," kata dia.',
     "Tukang kritik untuk saling mengingatkan", None),  # indosum 1512103500
    ("Ia mengucapkan terima kasih atas kontribusi para tentara yang disebutnya sebagai"
     ' "heroik", menurut kantor berita TASS.', "heroik", None),
    # a scare-quoted term of one or two words is no speech, even with a speaker named
    ('Choe Son Hui mengatakan kedua negara membangun hubungan di bawah kepemimpinan "strategis"'
     " Kim dan Putin.", "strategis", None),
    ("Kim Jong Un menyampaikan komitmen dukungan “tanpa syarat” terhadap semua tindakan Rusia.",
     "tanpa syarat", None),
    ('Kim Jong Un menyatakan "dukungan tanpa syarat" terhadap semua tindakan Rusia.',
     "dukungan tanpa syarat", "Kim Jong Un"),
]


# (sentence, ROLE text, head kind): an office one person holds, or a profession
ROLE_HEADS = [
    ("Lavrov bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov.", "Menteri Luar Negeri Rusia",
     "title"),
    ("Ketua MPR Zulkifli Hasan menyesalkan kisruh itu.", "Ketua MPR", "title"),
    ("Duta Besar Indonesia untuk Arab Saudi Agus Maftuh Abegebriel mengatakan hal itu.",
     "Duta Besar Indonesia untuk Arab Saudi", "title"),
    ("Kepada media CEO Jurnal.id Daniel Witono mengungkapkan rencana tersebut.", "CEO Jurnal.id",
     "title"),
    ("Kunjungan Lavrov menjadi bagian dari pertemuan antara pejabat Moskow dan Pyongyang.",
     "pejabat Moskow", "profession"),
    ("Kunjungan Lavrov merupakan bagian dari kunjungan pejabat tinggi Rusia ke Korea Utara.",
     "pejabat tinggi Rusia", "profession"),
    ("Seniman Butet Kartaredjasa akan memamerkan karya seni rupa.", "Seniman", "profession"),
    ("Terkait kondisi kesehatan Novel Baswedan penyidik KPK yang masih dirawat.", "penyidik KPK",
     "profession"),
    ("Pemain rangking Top 10 dunia Jason Day dan Scott Hend merupakan idolanya.",
     "Pemain rangking", "profession"),
]


@pytest.mark.parametrize("text,role,head", ROLE_HEADS)
def test_tag_sentence_role_head_kind(text: str, role: str, head: str) -> None:
    roles = {sp.text: sp for sp in tag_sentence(text, PACK, None) if sp.label == "ROLE"}
    assert role in roles, sorted(roles)
    assert roles[role].attrs["head"] == head


# (sentence, PLACE text, kind): a context word names the kind; a country stays a country
PLACE_KINDS = [
    ("Korea Utara telah mengirim ribuan tentaranya ke wilayah Kursk di Rusia.", "Kursk", "region"),
    ("Pertemuan berlangsung di Wonsan, Korea Utara.", "Wonsan", "city"),
    ("Pertemuan tersebut diadakan di kota pesisir Wonsan.", "Wonsan", "city"),
    ("Ketegangan di kawasan Asia-Pasifik meningkat.", "Asia-Pasifik", "region"),
    ("Mereka tiba di ibu kota Korea Utara.", "Korea Utara", "country"),
    ("Zulkifli berbicara di Gedung DPR, Senayan, Jakarta Pusat.", "Gedung DPR", "venue"),
    # news spellings of countries that CLDR spells otherwise [IndoSum fresh, CC BY-SA 4.0]
    ("Anggun sangat terkenal di Perancis.", "Perancis", "country"),
    ("Warga Afghanistan turun ke jalan.", "Afghanistan", "country"),
    # a landform's head names a place, no person [IndoSum fresh slice 9, CC BY-SA 4.0]
    ("Tidak dapat dipastikan kapan Gunung Agung akan meletus.", "Gunung Agung", "landform"),
]


@pytest.mark.parametrize("text,place,kind", PLACE_KINDS)
def test_tag_sentence_place_kind(text: str, place: str, kind: str) -> None:
    places = {sp.text: sp for sp in tag_sentence(text, PACK, None) if sp.label == "PLACE"}
    assert place in places, sorted(places)
    assert places[place].attrs["kind"] == kind


def test_tag_sentence_quantity_attrs() -> None:
    spans = tag_sentence("Dion menyumbang satu juta dollar AS untuk korban topan itu.", PACK, None)
    q = next(sp for sp in spans if sp.label == "QUANTITY")
    assert (q.attrs["value"], q.attrs["unit"]) == ("1000000", "dollar AS")
    spans = tag_sentence("PMDN turun dari sekitar Rp 2, 4 triliun.", PACK, None)
    q = next(sp for sp in spans if sp.label == "QUANTITY")
    assert (q.attrs["currency"], q.attrs["qualifier"]) == ("Rp", "sekitar")


@pytest.mark.parametrize("text,quote,speaker", QUOTES)
def test_tag_sentence_quotes_and_speakers(text: str, quote: str, speaker: str | None) -> None:
    quotes = [sp for sp in tag_sentence(text, PACK, None) if sp.label == "QUOTE"]
    assert [q.text for q in quotes] == [quote]
    assert quotes[0].attrs.get("speaker") == speaker


def test_tag_sentence_spans_do_not_overlap_except_quotes() -> None:
    for text, _ in TAGGED:
        spans = [sp for sp in tag_sentence(text, PACK, None) if sp.label != "QUOTE"]
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (a, b)


def _article(texts: list[str]) -> Article:
    art = Article(id="t", path="t.txt", lang="id")
    for i, text in enumerate(texts):
        art.sentences.append(Sentence("t", i, i, text, tokenize(text)))
    return art


# (article sentences, index of the sentence, PERSON text it must get from the article)
ARTICLE_NAMES = [
    (["Pemimpin Korea Utara Kim Jong Un bertemu Lavrov.", "Kim dan Lavrov juga membahas hal-hal"
      " penting."], 1, "Kim"),
    (["Ketua MPR Zulkifli Hasan menyesalkan kisruh itu.", "Zulkifli menyarankan adanya"
      " pertemuan bersama."], 1, "Zulkifli"),  # indosum 1490674536
    (["Komisi Pemberantasan Korupsi (KPK) menginformasikan bahwa Novel Baswedan dirawat.",
      "Terkait kondisi kesehatan Novel Baswedan penyidik KPK.",
      "Novel Baswedan disiram air keras oleh dua orang pengendara motor.",
      "Mata Novel mengalami kerusakan."], 2, "Novel Baswedan"),  # indosum 1518032698
    (["Komisi Pemberantasan Korupsi (KPK) menginformasikan bahwa Novel Baswedan dirawat.",
      "Terkait kondisi kesehatan Novel Baswedan penyidik KPK.",
      "Mata Novel mengalami kerusakan."], 2, "Novel"),  # indosum 1518032698
    # a one-word speaker of a person's speech verb is known in the whole article
    (['"Kami siap bekerja," kata Jokowi di Jakarta.', "Pembangunan itu diresmikan Jokowi pagi"
      " ini."], 1, "Jokowi"),
    # a surname of a full name found elsewhere [IndoSum 4a590f5660c71299]
    (["Marcus Rashford belum berhasil menggetarkan jala Lukasz Fabianski.",
      "Paul Pogba berhasil menanduk sepak pojok, namun bola ditepis Fabianski."], 1, "Fabianski"),
]


# (article sentences, index, ORG text it must get from a club named elsewhere in it) [IndoSum]
ARTICLE_ORGS = [
    (["Setelah melumat West Ham United, Manchester United kembali mengukir kemenangan.",
      "United pun membawa pulang tiga poin dari Wales."], 1, "United"),
    (["Manchester United kembali mengukir kemenangan dengan skor identik saat bertandang ke"
      " markas Swansea City, Sabtu (19/8) malam WIB.",
      "Swansea lebih suka duduk bertahan dan menanti United lengah."], 1, "Swansea"),
]


@pytest.mark.parametrize("texts,index,org", ARTICLE_ORGS)
def test_tag_article_uses_clubs_known_in_the_article(texts: list[str], index: int, org: str) -> None:
    art = _article(texts)
    tag_article(art, PACK)
    assert org in [sp.text for sp in art.sentences[index].spans if sp.label == "ORG"]


# (article sentences, index, text that must not be a PERSON there): a one-word name with
# weak evidence ("sebut X", "X mengatakan") does not spread through the article [IndoSum]
ARTICLE_NOT_NAMES = [
    (["“Kami sangat senang,” sebut Juventus dalam rilis pers resminya.",
      "Juventus kembali menambah amunisi pemain demi mengarungi musim mendatang."], 1, "Juventus"),
    (["Laporan media Rusia dan sumber intelijen Barat menyebut bahwa Korea Utara telah mengirim"
      " lebih dari 10.000 personel militer.", "Barat mengatakan hal itu."], 0, "Barat"),
]


@pytest.mark.parametrize("texts,index,surface", ARTICLE_NOT_NAMES)
def test_tag_article_weak_names_do_not_spread(texts: list[str], index: int, surface: str) -> None:
    art = _article(texts)
    tag_article(art, PACK)
    assert all(sp.text != surface for sp in art.sentences[index].spans if sp.label == "PERSON")


@pytest.mark.parametrize("texts,index,person", ARTICLE_NAMES)
def test_tag_article_uses_names_known_in_the_article(texts: list[str], index: int, person: str) -> None:
    art = _article(texts)
    tag_article(art, PACK)
    persons = [sp.text for sp in art.sentences[index].spans if sp.label == "PERSON"]
    assert person in persons
    assert all(sp.label != "PERSON" or sp.text != "Mata" for s in art.sentences for sp in s.spans)
