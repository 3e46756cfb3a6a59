"""Swedish news, read end to end: paragraphs written for this test (invented people, towns and
wording in the style of TT wire stories, Säkerhetspolisen and prosecutor announcements, court
reports, a statistics piece and a television review), each with what an annotator following
SCHEMA.md would record. They were written before the Swedish rules and are kept as a
generalisation check: a failure is a weakness of the rules, not a text to fit.

Before the Swedish rules: 1 of 8 right (the television review only). After them: 8 of 8. Held out (``HELD_OUT``, written
after the rules): 4 of 4 right when written, 4 of 4 after the general rules their misses showed.
"""

from __future__ import annotations

import pytest

from spyglass.understand.lexicon import countries_in
from spyglass.understand.quantities import durations_in, money_in
from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("sapo-arrest", "Säpo har gripit man misstänkt för spioneri för Irans räkning",
     "Säkerhetspolisen grep på tisdagen en man i 50-årsåldern i Göteborg som misstänks för grovt "
     "flyktingspionage och spioneri. Mannen, som är svensk medborgare, ska sedan 2020 ha kartlagt "
     "iranska exilgrupper i Sverige och lämnat uppgifterna till Irans underrättelsetjänst. Han anhölls i "
     "sin frånvaro av åklagare vid Riksenheten för säkerhetsmål och har nu häktats av Göteborgs "
     "tingsrätt. Enligt Säpo fick han minst 10 000 kronor per månad för uppdraget. Mannen förnekar brott.",
     {"stage": "arrested", "sponsor": "IR", "target": "SE", "nationality": ["SE"], "count": 1,
      "payments": [(10000, "SEK")], "period": (2020, None)}),
    ("fmv-charged", "Åtal väckt mot 62-åring för grovt spioneri",
     "Åklagare har väckt åtal mot en 62-årig tidigare konsult på Försvarets materielverk som misstänks ha "
     "spionerat för Ryssland. Enligt åtalet ska mannen, Lars-Erik Holmqvist, mellan 2015 och 2023 ha "
     "lämnat hemliga uppgifter om svenska ubåtar till en officer i den ryska militära "
     "underrättelsetjänsten GRU. Han greps av Säpo i november i fjol och har suttit häktad sedan dess. "
     "Rättegången inleds i Stockholms tingsrätt den 12 mars och hålls till stor del bakom stängda dörrar.",
     {"stage": "charged", "sponsor": "RU", "service": "GRU", "target": "SE", "names": "Lars-Erik Holmqvist",
      "count": 1, "period": (2015, 2023), "roles": ["konsult"]}),
    ("researcher-sentenced", "Fyra års fängelse för spioneri åt Kina",
     "Svea hovrätt dömde på fredagen en 45-årig forskare vid ett svenskt universitet till fyra års "
     "fängelse för grov olovlig underrättelseverksamhet och spioneri. Hovrätten fastställde därmed "
     "tingsrättens dom. Kvinnan, som har kinesiskt medborgarskap, lämnade enligt domen från 2018 till "
     "2022 uppgifter om exiluigurer och om forskning med militär användning till den kinesiska "
     "säkerhetstjänsten MSS. Hon fick sammanlagt 90 000 kronor. Efter avtjänat straff utvisas hon ur "
     "Sverige med förbud att återvända under tio år.",
     {"stage": "sentenced", "months": (48, 48), "sponsor": "CN", "service": "MSS", "target": "SE",
      "nationality": ["CN"], "payments": [(90000, "SEK")], "period": (2018, 2022), "roles": ["forskare"]}),
    ("life-sentence", "Livstids fängelse för grovt spioneri – hustrun dömd för medhjälp",
     "Stockholms tingsrätt dömde på måndagen en 51-årig tidigare officer i Försvarsmakten till livstids "
     "fängelse för grovt spioneri. Mannen sålde under tolv år hemliga uppgifter om det svenska "
     "luftförsvaret till den ryska militära underrättelsetjänsten. Hans 48-åriga hustru dömdes till två "
     "år och sex månaders fängelse för medhjälp. Paret ska ha fått över två miljoner kronor. Avslöjandet "
     "gjordes av Säpo i samarbete med Militära underrättelse- och säkerhetstjänsten (MUST). Domen kan "
     "överklagas till hovrätten.",
     {"stage": "sentenced", "months": (30, "life"), "sponsor": "RU", "target": "SE", "count": 2,
      "payments": [(2000000, "SEK")]}),
    ("russian-diplomats", "Sverige utvisar tre ryska diplomater",
     "Regeringen har beslutat att utvisa tre ryska diplomater som enligt Säkerhetspolisen har bedrivit "
     "underrättelseverksamhet i Sverige. Utrikesministern sade på en pressträff att de tre har förklarats "
     "persona non grata och måste lämna landet inom två veckor. Enligt Säpo var de i själva verket "
     "officerare i den ryska underrättelsetjänsten SVR och försökte värva personer med tillgång till "
     "försvarsindustrin. Rysslands ambassad kallar beslutet ogrundat.",
     {"stage": "expelled", "sponsor": "RU", "service": "SVR", "target": "SE", "count": 3}),
    ("officer-suspected", "Officer misstänks för spioneri – förundersökning inledd",
     "Säkerhetspolisen har inlett en förundersökning om spioneri mot en officer vid Försvarsmakten som "
     "misstänks ha lämnat ut uppgifter till Kina. Det bekräftar åklagaren vid Riksenheten för "
     "säkerhetsmål. Misstankarna uppstod efter att MUST upptäckt att officeren haft upprepade kontakter "
     "med en kinesisk diplomat. Ingen har gripits och officeren är tills vidare avstängd från tjänsten. "
     "Försvarsmakten vill inte kommentera uppgifterna.",
     {"stage": "suspected", "sponsor": "CN", "target": "SE", "count": 1, "roles": ["officer"]}),
    ("sapo-stats", "Fler spionärenden hos Säpo",
     "Säkerhetspolisen inledde under 2024 totalt 23 förundersökningar om spioneri och olovlig "
     "underrättelseverksamhet, jämfört med 15 under 2023. Det framgår av Säpos årsbok som presenterades "
     "på torsdagen. Ryssland, Kina och Iran pekas ut som de största hoten mot Sverige, och myndigheten "
     "varnar för att främmande makt allt oftare använder kriminella nätverk.",
     {"no_case": True, "stats": {(2024, 23), (2023, 15)}}),
    ("series-review", "Recension: Ny svensk spionserie saknar nerv",
     "Den nya dramaserien \"Skuggan i Stockholm\" handlar om en ung analytiker på Säpo som jagar en rysk "
     "mullvad i regeringskansliet. Det låter spännande, men serien fastnar i långa samtal i mörka "
     "korridorer och en förutsägbar intrig. Huvudrollsinnehavaren gör vad hon kan, men manuset ger henne "
     "för lite att arbeta med. Den som vill se en bra spionthriller gör bättre i att se om de gamla "
     "filmerna. Betyg: två av fem.",
     {"relevant": False}),
]

# Paragraphs the rules do not read yet, with the reason (strict: a pass must remove the mark).
FAILING: dict[str, str] = {
}


def _param(row: NewsRow) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[row[0]])] if row[0] in FAILING else []
    return pytest.param(*row[1:], id=row[0], marks=marks)


@pytest.mark.parametrize(("title", "body", "want"), [_param(row) for row in NEWS])
def test_swedish_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "sv")


# Held out: paragraphs written after the rules, to measure how they generalise (4 of 4 right when
# written).
HELD_OUT: list[NewsRow] = [
    ("brothers-charged", "Två bröder åtalas för spioneri för Kina",
     "Åklagare vid Riksenheten för säkerhetsmål har väckt åtal mot två bröder i 30-årsåldern från Uppsala för grovt "
     "spioneri. Enligt åtalet samlade bröderna mellan 2020 och 2023 in uppgifter om svenska försvarsföretag och lämnade "
     "dem till en kinesisk underrättelseofficer. De ska ha fått sammanlagt 150 000 kronor. Båda nekar till brott.",
     {"stage": "charged", "sponsor": "CN", "target": "SE", "count": 2, "period": (2020, 2023),
      "payments": [(150000, "SEK")]}),
    ("interpreter-acquitted", "Tidigare tolk frikänd från spioneri",
     "Göteborgs tingsrätt har frikänt en 58-årig tidigare tolk vid Migrationsverket som var åtalad för flyktingspionage "
     "för Irans räkning. Enligt domstolen har åklagaren inte kunnat bevisa att mannen lämnat uppgifter till den iranska "
     "underrättelsetjänsten. Åklagaren hade yrkat fyra års fängelse.",
     {"stage": "acquitted", "sponsor": "IR", "target": "SE", "count": 1, "months": None}),
    ("gru-diplomat", "Rysk diplomat utvisad efter värvningsförsök",
     "En diplomat vid Rysslands ambassad i Stockholm har utvisats efter att ha försökt värva anställda vid ett svenskt "
     "försvarsföretag, meddelar Säkerhetspolisen. Diplomaten, som enligt Säpo tillhörde den ryska militära "
     "underrättelsetjänsten GRU, lämnade Sverige i veckan.",
     {"stage": "expelled", "sponsor": "RU", "service": "GRU", "target": "SE", "count": 1}),
    ("sapo-figures", "Antalet spionärenden ökade kraftigt",
     "Säkerhetspolisen inledde 31 förundersökningar om spioneri under 2023, jämfört med 19 under 2022. Siffrorna framgår "
     "av myndighetens årsbok. Säpo pekar särskilt på Ryssland och Iran som aktörer som bedriver underrättelseverksamhet "
     "mot Sverige.",
     {"no_case": True, "stats": {(2023, 31), (2022, 19)}}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*row[1:], id=row[0]) for row in HELD_OUT])
def test_swedish_news_held_out(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "sv")


# Names take the genitive ("för Irans räkning", "USA:s"), -sk adjectives -a and -t, demonyms their plural.
@pytest.mark.parametrize(("text", "country"), [("för Irans räkning", "IR"), ("Rysslands ambassad", "RU"),
                                              ("USA:s regering", "US"), ("den ryska underrättelsetjänsten", "RU"),
                                              ("kinesiskt medborgarskap", "CN"), ("tre kineser", "CN")])
def test_swedish_country_words(text: str, country: str) -> None:
    assert [h.term.country for h in countries_in(text, "sv")] == [country]


@pytest.mark.parametrize(("text", "months"), [
    ("fyra års fängelse", 48), ("två år och sex månaders fängelse", 30), ("ett och ett halvt år", 18),
    ("livstids fängelse", "life"),
])
def test_swedish_durations(text: str, months: object) -> None:
    assert [d.months for d in durations_in(text, "sv")] == [months]


@pytest.mark.parametrize(("text", "amount"), [("10 000 kronor", 10_000), ("två miljoner kronor", 2_000_000), ("5 000 kr", 5_000)])
def test_swedish_money(text: str, amount: float) -> None:
    assert [(m.amount, m.currency) for m in money_in(text, "sv")] == [(amount, "SEK")]
