"""Turkish news, read end to end: paragraphs written for this test (invented people and wording in
the style of Anadolu Ajansı wire stories, MİT and prosecutor announcements, court reports, a
statistics piece and a television review; one headline in capitals, as Turkish papers print
them), each with what an annotator following SCHEMA.md would record. They were written before
the Turkish rules and are kept as a generalisation check: a failure is a weakness of the rules,
not a text to fit.

Before the Turkish rules: 1 of 8 right (the television review only). After them: 8 of 8. Held out (``HELD_OUT``, written
after the rules): 2 of 4 right when written, 4 of 4 after the general rules their misses showed.
"""

from __future__ import annotations

import pytest

from spyglass.understand.lexicon import countries_in, stages_in
from spyglass.understand.lexicon._gazetteer import fold
from spyglass.understand.quantities import durations_in, money_in
from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("mit-arrest", "MİT'ten İran casuslarına operasyon: 6 gözaltı",
     "Milli İstihbarat Teşkilatı (MİT) ile İstanbul Emniyet Müdürlüğü'nün ortak çalışmasıyla, İran "
     "istihbaratı adına casusluk faaliyetinde bulunduğu belirlenen 6 şüpheli yakalandı. Şüphelilerin "
     "2022'den bu yana Türkiye'de yaşayan İranlı muhaliflerin bilgilerini toplayarak İran'a ilettiği "
     "tespit edildi. Yapının liderinin ithalat şirketi sahibi Ali R.K. olduğu belirlendi. Şüphelilerden "
     "4'ü çıkarıldıkları mahkemece tutuklandı, 2'si adli kontrol şartıyla serbest bırakıldı. Şüphelilerin "
     "bu faaliyetler karşılığında toplam 120 bin lira aldığı öğrenildi.",
     {"stage": "arrested", "sponsor": "IR", "target": "TR", "count": 6, "names": "Ali R",
      "period": (2022, None), "payments": [(120000, "TRY")]}),
    ("gru-indictment", "Rusya'ya casusluk iddianamesi: 4 sanık hakkında 20 yıla kadar hapis istemi",
     "Ankara Cumhuriyet Başsavcılığı, Rusya adına siyasal ve askeri casusluk yaptıkları iddia edilen 4 "
     "şüpheli hakkında iddianame hazırladı. İddianamede, şüphelilerin 2019-2023 yılları arasında Türk "
     "Silahlı Kuvvetleri'ne ait gizli bilgileri Rusya'nın askeri istihbarat servisi GRU'ya sattığı "
     "belirtildi. Aralarında emekli bir astsubay olan Hasan Ç.'nin de bulunduğu sanıklar için 15 yıldan "
     "20 yıla kadar hapis cezası talep edildi. İddianameyi kabul eden Ankara 26. Ağır Ceza Mahkemesi, "
     "sanıkları önümüzdeki ay yargılamaya başlayacak.",
     {"stage": "charged", "sponsor": "RU", "service": "GRU", "target": "TR", "count": 4, "names": "Hasan Ç",
      "period": (2019, 2023), "months": None, "roles": ["astsubay"]}),
    ("uyghur-sentenced", "Çin'e casusluk yapan sanığa 7 yıl 6 ay hapis",
     "İstanbul 14. Ağır Ceza Mahkemesi, Çin istihbaratı adına Türkiye'de yaşayan Uygur Türklerini "
     "fişleyen Çin uyruklu sanık Y.W.'yi \"siyasal veya askeri casusluk\" suçundan 7 yıl 6 ay hapis "
     "cezasına çarptırdı. Sanığın 2020 ile 2023 yılları arasında topladığı bilgileri Çin Devlet Güvenlik "
     "Bakanlığı'na ilettiği ve karşılığında 50 bin dolar aldığı tespit edilmişti. MİT'in takibi sonucu "
     "geçen yıl yakalanan sanık, savunmasında suçlamaları reddetti. Mahkeme, sanığın tutukluluk "
     "halinin devamına karar verdi.",
     {"stage": "sentenced", "months": (90, 90), "sponsor": "CN", "target": "TR", "nationality": ["CN"],
      "count": 1, "payments": [(50000, "USD")], "period": (2020, 2023)}),
    ("aggravated-life", "Eski astsubaya casusluktan ağırlaştırılmış müebbet",
     "Ankara 4. Ağır Ceza Mahkemesi, Yunanistan adına casusluk yaptığı gerekçesiyle yargılanan eski "
     "astsubay Mehmet Yıldız'ı, devletin güvenliğine ilişkin gizli bilgileri siyasal veya askeri "
     "casusluk maksadıyla temin etme suçundan ağırlaştırılmış müebbet hapis cezasına çarptırdı. "
     "Sanığın 2014-2017 yılları arasında Ege'deki askeri tesislere ilişkin belgeleri Yunan istihbarat "
     "servisine verdiği belirlenmişti. Aynı davada yargılanan eşi Ayşe Yıldız ise 12 yıl 6 ay hapis "
     "cezası aldı.",
     {"stage": "sentenced", "months": (150, "life"), "sponsor": "GR", "target": "TR", "count": 2,
      "names": "Mehmet Yıldız", "period": (2014, 2017)}),
    ("iranian-diplomats", "İKİ İRANLI DİPLOMAT CASUSLUK GEREKÇESİYLE SINIR DIŞI EDİLDİ",
     "Dışişleri Bakanlığı, Ankara'daki İran Büyükelçiliği'nde görev yapan iki diplomatı casusluk "
     "faaliyetleri nedeniyle istenmeyen kişi (persona non grata) ilan etti. Diplomatik kaynaklara göre, "
     "MİT'in takibe aldığı diplomatların İranlı muhalifleri izlediği ve bilgilerini Tahran'a aktardığı "
     "belirlendi. İki diplomata Türkiye'yi terk etmeleri için 72 saat süre verildi. İran tarafından "
     "henüz açıklama yapılmadı.",
     {"stage": "expelled", "sponsor": "IR", "target": "TR", "count": 2}),
    ("engineer-suspected", "Rusya adına casusluk iddiasına soruşturma",
     "İstanbul Cumhuriyet Başsavcılığı, Rusya adına casusluk yaptığı iddia edilen bir savunma sanayii "
     "mühendisi hakkında soruşturma başlattı. Edinilen bilgiye göre, 38 yaşındaki mühendis E.T.'nin "
     "insansız hava aracı projelerine ilişkin teknik verileri bir Rus diplomata verdiği "
     "değerlendiriliyor. MİT'in raporu üzerine başlatılan soruşturma kapsamında şüphelinin dijital "
     "materyallerine el konuldu. Şüpheli henüz gözaltına alınmadı.",
     {"stage": "suspected", "sponsor": "RU", "target": "TR", "count": 1, "roles": ["mühendis"]}),
    ("egm-stats", "Casusluk gözaltılarında rekor artış",
     "Emniyet Genel Müdürlüğü verilerine göre, 2024 yılında casusluk suçundan 112 kişi gözaltına alındı. "
     "Bu sayı 2023 yılında 87 olmuştu. Yetkililer, yakalananların büyük bölümünün İran, İsrail ve Rusya "
     "istihbarat servisleri adına çalıştığını belirtti. MİT, yabancı istihbarat servislerinin sosyal "
     "medya üzerinden eleman devşirme girişimlerinin arttığı uyarısında bulundu.",
     {"no_case": True, "stats": {(2024, 112), (2023, 87)}}),
    ("series-review", "Dizi eleştirisi: 'Gölge Ajan' ikinci sezonda temposunu kaybetti",
     "Geçen yıl büyük ilgi gören casusluk dizisi 'Gölge Ajan', ikinci sezonunda seyirciyi ekrana "
     "bağlamakta zorlanıyor. MİT'te çalışan genç bir ajanın İstanbul'daki yabancı bir şebekeyi "
     "çökertme çabasını anlatan dizide senaryo tekrar eden sahnelerle ilerliyor. Başroldeki oyuncunun "
     "performansı ise yine dizinin en güçlü yanı. Yapımcılar üçüncü sezonun çekimlerine yazın "
     "başlanacağını açıkladı.",
     {"relevant": False}),
]

# Paragraphs the rules do not read yet, with the reason (strict: a pass must remove the mark).
FAILING: dict[str, str] = {
}


def _param(row: NewsRow) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[row[0]])] if row[0] in FAILING else []
    return pytest.param(*row[1:], id=row[0], marks=marks)


@pytest.mark.parametrize(("title", "body", "want"), [_param(row) for row in NEWS])
def test_turkish_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "tr")


# Held out: paragraphs written after the rules, to measure how they generalise (2 of 4 right when
# written; the misses became general rules: 'Emniyet' is Turkey's police; words may stand between the service and 'adına' ('istihbarat servisi MOSSAD adına'); a service's people acting 'adına' report a case by themselves (relevance); 'görüntüledi' is an act).
HELD_OUT: list[NewsRow] = [
    ("mossad-arrest", "MOSSAD adına casusluk yapan 4 kişi yakalandı",
     "İstanbul'da MİT ile Emniyet'in ortak operasyonunda, İsrail istihbarat servisi MOSSAD adına Filistinli aktivistleri "
     "takip ettiği belirlenen 4 şüpheli yakalandı. Şüphelilerden özel dedektif S.K. ile yardımcısı mahkemece tutuklandı. "
     "Şüphelilerin bu iş için kripto para ile 30 bin dolar aldığı tespit edildi.",
     {"stage": "arrested", "sponsor": "IL", "service": "MOSSAD", "target": "TR", "count": 4,
      "payments": [(30000, "USD")]}),
    ("izmir-sentenced", "Askeri tesisleri fotoğraflayan sanığa 9 yıl hapis",
     "İzmir 2. Ağır Ceza Mahkemesi, Yunanistan istihbaratı adına askeri tesisleri fotoğrafladığı gerekçesiyle yargılanan "
     "Bulgar uyruklu sanık D.P.'yi dokuz yıl hapis cezasına çarptırdı. Sanığın 2021 yılından bu yana Ege kıyısındaki "
     "radar tesislerini görüntülediği belirlenmişti.",
     {"stage": "sentenced", "months": (108, 108), "sponsor": "GR", "target": "TR", "nationality": ["BG"],
      "period": (2021, None)}),
    ("ankara-acquitted", "Casusluk davasında beraat kararı",
     "Ankara 17. Ağır Ceza Mahkemesi, Rusya adına casusluk yapmakla suçlanan emekli bir mühendisin beraatine karar verdi. "
     "Mahkeme, sanığın gizli bilgilere eriştiğine dair yeterli delil bulunmadığına hükmetti. Savcılık 12 yıl hapis "
     "istemişti.",
     {"stage": "acquitted", "sponsor": "RU", "target": "TR", "count": 1, "months": None}),
    ("derby-drone", "Derbi öncesi casusluk iddiası: Rakip takım antrenmanı drone ile izledi",
     "Süper Lig'de hafta sonu oynanacak derbi öncesi ev sahibi kulüp, rakip takımın kapalı antrenmanı drone ile "
     "izlediğini öne sürdü. Kulüp başkanı, \"Bu düpedüz casusluk\" dedi. Federasyon olayla ilgili inceleme başlattı.",
     {"relevant": False}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*row[1:], id=row[0]) for row in HELD_OUT])
def test_turkish_news_held_out(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "tr")


# Turkish casing: İ/i and I/ı are one letter to the finders, so headlines in capitals read as text does.
@pytest.mark.parametrize(("word", "folded"), [("İSTANBUL", "istanbul"), ("istanbul", "istanbul"), ("SINIR", "sinir"),
                                              ("sınır", "sinir"), ("ı", "i"), ("İ", "i")])
def test_turkish_capitals_fold_to_one_letter(word: str, folded: str) -> None:
    assert fold(word) == folded


# Names of states take their case endings after an apostrophe (the stem matches as it stands);
# demonyms take theirs directly, by vowel harmony; capitals keep the dot of i.
@pytest.mark.parametrize(("text", "country", "printed"), [
    ("Rusya'ya casusluk yaptı", "RU", "Rusya"), ("Rusya’nın askeri istihbaratı", "RU", "Rusya"),
    ("Çin'e bilgi sattı", "CN", "Çin"), ("ÇİN'E CASUSLUK", "CN", "ÇİN"), ("İran adına", "IR", "İran"),
    ("İKİ İRANLI DİPLOMAT", "IR", "İRANLI"), ("Rusların ajanı", "RU", "Rusların"), ("İranlılara ait", "IR", "İranlılara"),
    ("Çinlilerin bilgileri", "CN", "Çinlilerin"), ("Yunanistan'dan", "GR", "Yunanistan"),
])
def test_turkish_country_words(text: str, country: str, printed: str) -> None:
    hit = countries_in(text, "tr")[0]
    assert (hit.term.country, hit.text) == (country, printed)


@pytest.mark.parametrize(("sentence", "stage", "kind"), [
    ("İKİ DİPLOMAT SINIR DIŞI EDİLDİ", "expelled", "done"),
    ("Şüpheli henüz gözaltına alınmadı.", "arrested", "negated"),
    ("Diplomatların sınır dışı edilecekleri bildirildi.", "expelled", "future"),
    ("Sanık 7 yıl 6 ay hapis cezasına çarptırıldı.", "sentenced", "done"),
])
def test_turkish_verbs_carry_negation_and_future(sentence: str, stage: str, kind: str) -> None:
    assert (stage, kind) in {(h.stage, h.kind) for h in stages_in(sentence, "tr")}


@pytest.mark.parametrize(("text", "months"), [
    ("7 yıl 6 ay hapis", 90), ("on iki yıl", 144), ("iki buçuk yıl", 30), ("ağırlaştırılmış müebbet hapis", "life"),
    ("AĞIRLAŞTIRILMIŞ MÜEBBET", "life"),
])
def test_turkish_durations(text: str, months: object) -> None:
    assert [d.months for d in durations_in(text, "tr")] == [months]


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("50 bin dolar", 50_000, "USD"), ("120 bin lira", 120_000, "TRY"), ("2 milyon TL", 2_000_000, "TRY"),
    ("1,5 milyon avro", 1_500_000, "EUR"),
])
def test_turkish_money(text: str, amount: float, currency: str) -> None:
    assert [(m.amount, m.currency) for m in money_in(text, "tr")] == [(amount, currency)]
