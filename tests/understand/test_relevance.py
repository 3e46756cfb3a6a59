"""Relevance: espionage cases, statistics and counter-intelligence in; look-alike genres out."""

from __future__ import annotations

import re

import pytest

from spyglass.records import Article, Relevance
from spyglass.understand.relevance import HINT, NEGATIVE, POSITIVE, cues, relevance_of
from spyglass.understand.sentences import sentence_spans


def article(text: str, title: str | None = None, language: str = "en") -> Article:
    return Article(id="t", source="t.txt", item=0, kind="page", title=title, text=text, language=language)


ESPIONAGE = [
    # (language, title, text)
    ("en", "Navy sailor jailed for spying for China",
     "A US Navy sailor was sentenced to 16 years in prison on Monday for passing classified information "
     "to a Chinese intelligence officer. Prosecutors said he was paid about $15,000 over two years."),
    ("en", None,
     "Police in Warsaw have detained a Belarusian citizen on suspicion of espionage for Russia's GRU. "
     "The man is accused of photographing military sites and sending the images to his handler."),
    ("en", "Security service figures",
     "The domestic security service said it had opened 41 espionage investigations last year, up from 23, "
     "and warned that hostile states were recruiting students online."),
    ("en", "Two Russian diplomats expelled",
     "The foreign ministry declared two Russian diplomats persona non grata for activities incompatible "
     "with their diplomatic status, a standard euphemism for spying."),
    ("en", None,  # a teaser cut mid-sentence
     "AUTHORITIES IN GERMANY HAVE arrested a man accused of spying for Chinese intelligence, while"),
    ("en", "Hackers linked to Beijing",
     "The agency attributed the intrusions to a state-sponsored hacking group and sanctioned two Beijing-based firms."),
    ("de", "Spionage für China: Mitarbeiter verurteilt",
     "Das Oberlandesgericht hat einen Mitarbeiter wegen geheimdienstlicher Agententätigkeit zu vier Jahren Haft verurteilt."),
    ("fr", "Espionnage",
     "Un fonctionnaire a été condamné à huit ans de prison pour espionnage au profit de la Chine, selon la DGSI."),
    ("es", "Espionaje",
     "Un exembajador fue condenado a 15 años de prisión por espiar durante décadas para la inteligencia cubana."),
    ("it", "Spionaggio",
     "Il capitano è stato condannato dalla Cassazione per spionaggio a favore della Russia: documenti riservati in cambio di denaro."),
]

NOT_ESPIONAGE = [
    ("film review", "Review: a cold war thriller that forgets to thrill",
     "The film follows an MI5 officer who suspects her mentor of passing secrets to the KGB. The plot is thin, "
     "the cast is excellent and the running time is far too long. In cinemas from Friday; three stars."),
    ("novel adaptation", "Bestselling spy novel heads to the big screen",
     "Filming has wrapped on the adaptation of the novel, in which a mole is sentenced to 12 years. "
     "The director said every codename in the film is invented. The cast is led by a British actor."),
    ("spyware product", "Monitoring app adds keystroke logging",
     "The company released version 6.0 of its parental monitoring app. Privacy groups say the features turn it "
     "into spyware. A family plan costs $9.99 a month."),
    ("sports spying", "Coach banned after drone spied on rival training",
     "FIFA deducted six points and banned the coach after staff flew a drone over an opponent's training session. "
     "The team can still reach the quarter-finals of the tournament."),
    ("bribery", "Procurement chief jailed for kickbacks",
     "A court sentenced the former head of purchasing to three years for accepting bribes from suppliers "
     "in return for contracts worth millions."),
    ("museum", "A day at the spy museum",
     "We queued for tickets at the spy museum, admired the Enigma machine and had apple cake at the cafe. "
     "The exhibition is great for families, and the gift shop sells souvenirs."),
    ("job ad", "Counterintelligence Analyst",
     "Northwind is seeking a counterintelligence analyst. Responsibilities: draft threat assessments. "
     "Required qualifications: an active clearance and five years of experience. Salary range $90,000 to $120,000. "
     "Equal Opportunity Employer."),
    ("vendor release", "Vendor launches threat-hunting platform",
     "The company today announced the general availability of its XDR platform, which helps customers detect "
     "state-sponsored espionage groups. Media contact: press@example.com."),
    ("trade secrets", "Carmaker settles trade-secrets lawsuit",
     "The two companies settled the lawsuit over stolen self-driving trade secrets; the rival company will give up "
     "shares worth $245 million. The case was billed as corporate espionage."),
    ("military news", "Warships and aircraft around the island",
     "The army launched live-fire drills around the island, with warships and aircraft rehearsing a blockade."),
    ("press phone hacking", "Former tabloid editors charged over phone hacking",
     "Prosecutors charged two former editors of a Sunday tabloid over the phone hacking scandal, accusing them of "
     "a long campaign of illegal espionage against celebrities. Reporters are accused of hacking into the voicemail "
     "of a famous actor and of spying on a pop singer and her family. Police arrested a private investigator who "
     "worked for the paper and charged him with intercepting voicemail messages."),
    ("public leak", "Airman sentenced for Discord leaks",
     "An airman was sentenced for posting classified documents on Discord. Prosecutors said there was no evidence "
     "that he acted on behalf of any foreign government."),
]


@pytest.mark.parametrize(("language", "title", "text"), ESPIONAGE)
def test_espionage_pieces_are_relevant(language: str, title: str | None, text: str) -> None:
    found = relevance_of(article(text, title, language), language)
    assert found.is_espionage, found.reasons
    assert found.score >= 0.5
    assert found.reasons[0] == "rule:positive-outweighs"


@pytest.mark.parametrize(("genre", "title", "text"), NOT_ESPIONAGE)
def test_look_alike_genres_are_not(genre: str, title: str, text: str) -> None:
    found = relevance_of(article(text, title), "en")
    assert not found.is_espionage, (genre, found.reasons)
    assert found.score < 0.5


def test_reasons_name_cues_from_the_table() -> None:
    found = relevance_of(article("He was charged with espionage for Russia's GRU."), "en")
    ids = {c.id for c in cues()}
    fired = [r.rsplit("x", 1)[0] for r in found.reasons if "x" in r and not r.startswith("rule:")]
    assert fired and set(fired) <= ids
    assert "spy.espionage" in fired


def test_empty_text_is_irrelevant_with_zero_score() -> None:
    found = relevance_of(article(""), "en")
    assert (found.is_espionage, found.score) == (False, 0.0)


def test_cue_table_is_well_formed() -> None:
    table = cues()
    assert len({c.id for c in table}) == len(table), "cue ids are unique"
    for cue in table:
        assert cue.group in (*POSITIVE, HINT, *NEGATIVE, "stage"), cue.id
        assert cue.weight > 0, cue.id
        re.compile(cue.pattern)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two!", ["One.", "Two!"]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("He said “no.” Then left.", ["He said “no.”", "Then left."]),
        ("  \n\n  ", []),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def teaser(text: str) -> Article:
    """A teaser as extract makes it: kind "teaser", its title the first words of its own text."""
    words = text.split()
    return Article(id="t", source="t.txt", item=3, kind="teaser", title=" ".join(words[:8]) + "…", text=text,
                   language="en", partial=True)


TEASERS_IN = [
    # a legal step against a person plus a foreign state or service, cut mid-sentence
    "A FORMER ARMY RESERVIST who joined through a programme for recruits with rare skills has been sentenced "
    "to seven years in prison for acting as an agent of the Russian government. The man, who moved to the",
    "A DOCKYARD FITTER IN the east of the country has been handed to prosecutors on suspicion of selling "
    "military secrets to a foreign spy he met online. He was paid 2,000 euros a month to photograph warships near",
    "A RETIRED SIGNALS OFFICER has been arrested on charges that he conspired to pass national defense "
    "information to a handler in",
]

TEASERS_OUT = [
    # look-alike genres keep their negative weight, and a lede with no legal step gets no boost
    "A NEW SPY THRILLER starring a veteran actor opens in cinemas this week; the film's mole is sentenced "
    "to twelve years in the final scene, and the running time",
    "THE NATIONAL COACH HAS been suspended after staff flew a drone over an opponent's training session "
    "before the tournament, and the league fined the",
    "A POPULAR MONITORING APP marketed as parental control software was pulled from the store after "
    "researchers found it worked as stalkerware. The subscription costs",
    "A FORMER PROCUREMENT CHIEF at the defence ministry was jailed for six years for taking bribes from "
    "suppliers in return for contracts worth",
    "WHY DO SO MANY defectors end up",
]


@pytest.mark.parametrize("text", TEASERS_IN)
def test_a_teaser_lede_reporting_a_legal_step_for_a_state_is_relevant(text: str) -> None:
    found = relevance_of(teaser(text), "en")
    assert found.is_espionage, found.reasons


@pytest.mark.parametrize("text", TEASERS_OUT)
def test_look_alike_teasers_stay_out(text: str) -> None:
    found = relevance_of(teaser(text), "en")
    assert not found.is_espionage, found.reasons


def test_the_teaser_lede_weighs_like_a_headline() -> None:
    text = TEASERS_IN[1]
    as_teaser = relevance_of(teaser(text), "en")
    as_page = relevance_of(article(text), "en")
    assert as_teaser.score > as_page.score


# --- Real web pages: a spy word somewhere in a long page is not a case ----------------------------
# Paragraphs written for these tests, one per kind of false positive seen on real pages (car
# reviews, software, politics, travel, statistics, technical pages) and per kind of true report
# that must stay in. Long pages are built by padding with neutral sentences, as real pages are.

FILLER = [
    "The weather was mild for the season and most people stayed outdoors.",
    "Prices in the city centre rose a little over the summer.",
    "Readers can subscribe to the newsletter at the bottom of the page.",
    "The town council meets again on the first Monday of next month.",
    "Several roads were closed for repairs during the weekend.",
    "A local bakery won a regional prize for its rye bread.",
    "The river was higher than usual after a week of rain.",
    "Schools reopen after the holidays on a Wednesday this year.",
]


def page(*sentences: str, padding: int = 0, language: str = "en", title: str | None = None) -> Article:
    """A page of the given sentences, then ``padding`` neutral ones (a long real page)."""
    body = list(sentences) + [FILLER[i % len(FILLER)] for i in range(padding)]
    return Article(id="p", source="p.html", item=0, kind="page", title=title, text=" ".join(body), language=language)


def padded(before: int, sentence: str, after: int) -> Article:
    """A page whose one espionage sentence sits after ``before`` neutral sentences."""
    body = [FILLER[i % len(FILLER)] for i in range(before)] + [sentence] + [FILLER[i % len(FILLER)] for i in range(after)]
    return Article(id="p", source="p.html", item=0, kind="page", title=None, text=" ".join(body), language="en")


REAL_PAGE_LOOK_ALIKES = [
    # (kind, article)
    ("car spy shots", page(
        "Our spy photographers caught the facelifted estate testing near the Nürburgring this week.",
        "The prototype still wears heavy camouflage on the front bumper and the tail lights.",
        "Inside, the test car had a larger touchscreen and a new steering wheel.",
        "Our spies could not get a look at the engine bay this time.", padding=10,
        title="Spy shots: the facelifted estate caught testing")),
    ("car spy shots, German", page(
        "Unsere Spione haben den Erlkönig des Kombis erneut bei Testfahrten erwischt.",
        "Der Prototyp trägt noch immer eine Tarnfolie an Front und Heck.",
        "Marktstart dürfte im kommenden Frühjahr sein.", padding=10, language="de")),
    ("software that spies on users, German", page(
        "Per Update spioniert das Betriebssystem nun auch ältere Rechner aus.",
        "Die neuen Spionage-Updates sammeln Nutzungsdaten und senden sie an den Hersteller.",
        "Wer das nicht möchte, sollte die folgenden Updates ausblenden.", padding=10, language="de")),
    ("unit-test spies", page(
        "Create a spy for the logger so the test can check how often it was called.",
        "Spies record their calls; stubs also replace the behaviour of the method.",
        "After the unit test runs, assert that the spy was called with the expected arguments.", padding=10)),
    ("intelligence officials in a politics page", page(
        "The leader has not been seen in public for three weeks.",
        "US intelligence officials said they were monitoring reports about his health.",
        "The country's spy agency told lawmakers it had no sign of unusual troop movements.",
        "State media showed old footage of a factory visit.", padding=14)),
    ("surveillance bill in parliament, French", page(
        "Les députés ont adopté le projet de loi sur le renseignement à une large majorité.",
        "Le texte encadre les techniques des services de renseignement et crée une autorité de contrôle.",
        "Les services de renseignement pourront installer des algorithmes chez les opérateurs.",
        "Les associations dénoncent une surveillance de masse.", padding=10, language="fr")),
    ("domestic intelligence watching a party, German", page(
        "Der Verfassungsschutz prüft, ob er die Landespartei beobachten soll.",
        "Die Parteispitze wehrt sich gegen eine Beobachtung durch den Geheimdienst.",
        "Eine Arbeitsgruppe soll bis zum Parteitag einen Bericht vorlegen.", padding=12, language="de")),
    ("press freedom page, Spanish", page(
        "Los periodistas denuncian acoso constante desde la presidencia de la Asamblea.",
        "Se suma el escándalo del espionaje a periodistas con programas de vigilancia.",
        "La reforma del código penal prevé penas de prisión para los medios.", padding=12, language="es")),
    ("trade war: 'for China' without espionage", page(
        "The new tariffs are bad news for China and for American farmers alike.",
        "Exports to China fell for the third month in a row.",
        "Negotiators from both sides met with Beijing officials on Monday.",
        "Markets rallied on hopes of a deal with China before the summer.", padding=10)),
    ("statistics page with an ambiguous acronym", page(
        "Median absolute deviation (MAD) is a robust way to find anomalies in a series.",
        "MAD is less sensitive to outliers than the standard deviation.",
        "We compute MAD with a window function in plain SQL.", padding=10)),
    ("avalanche test method with an ambiguous acronym, German", page(
        "Kleine Schneebrettlawinen wurden mit dem PST untersucht.",
        "Der PST zeigt, wie sich ein Bruch in der Schneedecke ausbreitet.", padding=12, language="de")),
    ("cybercrime without a state", page(
        "An extortionist has been threatening early bitcoin users after hackers stole their addresses.",
        "The FBI said it was aware of the hacking campaign and urged victims to report it.",
        "Several victims paid a ransom in bitcoin.", padding=10)),
    ("essay about an agency, no case in the lede", page(
        "The memos describe how lawyers argued about the limits of interrogation.",
        "Critics say the opinions were written to reach a conclusion decided in advance.",
        *(FILLER * 2),
        "Detainees were held in secret CIA prisons, according to the report.",
        "The CIA inspector general later investigated deaths in custody.", padding=6)),
    ("a case mentioned in passing, late in a long page", padded(
        20, "A decade ago a local teacher was jailed for spying for Russia.", 6)),
    ("spy museum on a city walk", page(
        "Our walking tour started at the old market square and ended at the spy museum.",
        "The museum's exhibits include a KGB umbrella and a Stasi camera hidden in a watering can.",
        "We had coffee in the museum cafe and bought souvenirs for the family.", padding=10)),
]


@pytest.mark.parametrize(("kind", "found"), REAL_PAGE_LOOK_ALIKES, ids=[k for k, _ in REAL_PAGE_LOOK_ALIKES])
def test_real_page_look_alikes_are_not_espionage(kind: str, found: Article) -> None:
    result = relevance_of(found, found.language)
    assert not result.is_espionage, (kind, result.reasons)
    assert result.score < 0.5


REAL_REPORTS = [
    # (kind, article) - true reports that the anchor and lede rules must keep
    ("case in the lede of a long page", page(
        "A retired engineer was sentenced to eight years in prison for passing rocket designs to Chinese intelligence.",
        "Prosecutors said he met his handler in Shanghai four times and was paid in cash.",
        "He was arrested at an airport in 2021.", padding=20)),
    ("expulsion for collaborating with a foreign state", page(
        "The foreign ministry is expelling two diplomats it accused of working with a local man charged with "
        "collaborating with a foreign state.",
        "They must leave the country within a week.")),
    ("counter-intelligence figures without an arrest verb", page(
        "The security service said it had cut short the activities of 40 foreign intelligence officers and 200 of their agents last year.",
        "The figures cannot be checked independently.",
        "The service publishes them every spring.", padding=6,
        title="Security service says it stopped 40 foreign intelligence officers")),
    ("hacking campaign attributed to a state", page(
        "Police said a hacking group had carried out about 150 cyberattacks on ministries and that the campaign was linked to China.",
        "Targets included defence contractors and think tanks.",
        "The agency urged companies to patch their systems.",
        "China denies involvement.", title="Police link cyberattacks on ministries to China")),
    ("a foreign actor, Canadian style", page(
        "A police constable is facing charges for accessing records and intending to share the information with a foreign actor.",
        "Police later named the foreign actor as a foreign government.",
        "His first court appearance is set for next month.",
        "Officials said foreign actor interference takes many forms.")),
    ("economic espionage charges stay espionage", page(
        "Prosecutors added counts of economic espionage against a former engineer accused of stealing chip designs.",
        "The indictment says he meant the theft to benefit a foreign government.",
        "He has pleaded not guilty.", "Each count carries up to 15 years in prison.",
        title="Engineer faces economic espionage charges")),
    ("Dutch: diplomats unmasked as spies", page(
        "De AIVD heeft twee diplomaten ontmaskerd als spionnen van een buitenlandse inlichtingendienst.",
        "Zij zijn tot persona non grata verklaard.", "Het ministerie bevestigde het nieuws.",
        "De diplomaten moeten binnen een week vertrekken.", language="nl")),
    ("Portuguese", page("Um antigo funcionário foi condenado a dez anos de prisão por espionagem a favor da Rússia.", language="pt")),
]

UNNAMED_LANGUAGE_REPORTS = [
    # the reader names en/de/fr/es/it/nl/pt only; other languages arrive with language None
    ("Polish", "Sąd skazał dwóch mężczyzn na sześć lat więzienia za szpiegostwo na rzecz Białorusi."),
    ("Russian", "Суд приговорил бывшего инженера к 12 годам колонии по делу о государственной измене."),
    ("Ukrainian", "СБУ затримала агента російської розвідки в Одесі."),
    ("Chinese", "一名前雇员因向境外间谍机关提供国家秘密被判处有期徒刑十年。"),
    ("Japanese", "警察は防衛技術の情報を外国のスパイに渡したとして元社員を逮捕した。"),
    ("Korean", "법원은 북한 공작원에게 군사기밀을 넘긴 혐의로 기소된 전직 장교에게 징역 7년을 선고했다."),
]


@pytest.mark.parametrize(("kind", "found"), REAL_REPORTS, ids=[k for k, _ in REAL_REPORTS])
def test_true_reports_stay_in(kind: str, found: Article) -> None:
    result = relevance_of(found, found.language)
    assert result.is_espionage, (kind, result.reasons)


@pytest.mark.parametrize(("kind", "text"), UNNAMED_LANGUAGE_REPORTS, ids=[k for k, _ in UNNAMED_LANGUAGE_REPORTS])
def test_reports_in_languages_the_reader_cannot_name(kind: str, text: str) -> None:
    unnamed = Article(id="u", source="u.txt", item=0, kind="page", title=None, text=text, language=None)
    assert relevance_of(unnamed).is_espionage, kind
    assert relevance_of(unnamed, "en").is_espionage, kind  # as the analyser calls it


def test_a_case_counts_in_the_lede_not_in_passing() -> None:
    sentence = "A local teacher was jailed for spying for Russia after passing military secrets to his handler."
    assert relevance_of(padded(1, sentence, 25), "en").is_espionage
    late = relevance_of(padded(25, sentence, 1), "en")
    assert not late.is_espionage and late.reasons[0] == "rule:no-anchor"


def test_hints_count_only_next_to_espionage_vocabulary() -> None:
    hints = page("The FBI said handlers had recruited hackers to work for Russia.", padding=10)
    assert not relevance_of(hints, "en").is_espionage
    assert not any(r.startswith("hint.") for r in relevance_of(hints, "en").reasons)


def test_a_short_page_needs_an_anchor_too() -> None:
    blurb = page("Das Spionagemuseum am Potsdamer Platz zeigt ab Montag eine neue Ausstellung über Chiffriermaschinen.",
                 language="de")
    assert not relevance_of(blurb, "de").is_espionage


def test_a_text_detected_in_the_wrong_language_is_read_again_in_the_language_of_its_espionage_word() -> None:
    # a short Spanish paragraph that language detection took for Dutch
    spanish = page("La policía detuvo ayer a un funcionario acusado de espionaje a favor de una potencia extranjera.",
                   language="nl")
    found = relevance_of(spanish, "nl")
    assert found.is_espionage and "spy.noun-esx1" in found.reasons


# Espionage news in languages without case tables: relevance from each language's own cues,
# the language named by the detector (written before their cue rows; 2 of 16 relevant then).
MORE_LANGUAGES = [
    ("sv", "Man gripen misstänkt för spioneri mot Sverige",
     "Säkerhetspolisen har gripit en man i Göteborg som misstänks för grovt olovlig underrättelseverksamhet. "
     "Mannen greps på tisdagen och åklagaren begär honom häktad."),
    ("no", "Mann siktet for spionasje",
     "PST har pågrepet en mann i Bergen som er siktet for ulovlig etterretningsvirksomhet for Russland. "
     "Mannen ble varetektsfengslet i fire uker."),
    ("da", "Mand anholdt for spionage",
     "PET har anholdt en mand i Aarhus, der er sigtet for spionage for Rusland. Han blev fængslet i grundlovsforhør "
     "og nægter sig skyldig."),
    ("fi", "Mies pidätettiin vakoilusta",
     "Suojelupoliisi pidätti Helsingissä miehen, jota epäillään törkeästä vakoilusta Venäjän hyväksi. "
     "Käräjäoikeus vangitsi miehen maanantaina."),
    ("tr", "Casusluk suçlamasıyla gözaltı",
     "İstanbul'da casusluk yaptığı iddia edilen bir kişi gözaltına alındı. Savcılık, şüphelinin yabancı bir "
     "istihbarat servisi için bilgi topladığını açıkladı ve tutuklanmasını talep etti."),
    ("cs", "Muž obviněn ze špionáže",
     "Policie zadržela v Praze muže podezřelého ze špionáže pro Rusko. Státní zástupce ho obvinil a soud ho "
     "poslal do vazby."),
    ("ro", "Bărbat arestat pentru spionaj",
     "Procurorii DIICOT au reținut un bărbat acuzat de spionaj în favoarea Rusiei. Instanța a dispus arestarea "
     "preventivă a acestuia pentru 30 de zile."),
    ("hu", "Kémkedés miatt őrizetbe vettek egy férfit",
     "A Nemzeti Nyomozó Iroda őrizetbe vett egy férfit, akit kémkedéssel gyanúsítanak. A bíróság elrendelte "
     "letartóztatását, az ügyészség vádat emelt ellene."),
    ("et", "Mees vahistati spionaaži eest",
     "Kaitsepolitseiamet pidas kinni mehe, keda kahtlustatakse spionaažis Venemaa kasuks. Kohus võttis mehe "
     "vahi alla ja prokuratuur esitas talle süüdistuse."),
    ("lv", "Vīrietis aizturēts par spiegošanu",
     "Valsts drošības dienests aizturēja vīrieti, kuru tur aizdomās par spiegošanu Krievijas labā. Tiesa "
     "piemēroja viņam apcietinājumu, un prokuratūra uzrādīja apsūdzību."),
    ("lt", "Sulaikytas įtariamas šnipas",
     "Valstybės saugumo departamentas sulaikė vyrą, įtariamą šnipinėjimu Rusijos naudai. Teismas skyrė jam "
     "suėmimą, o prokuratūra pareiškė kaltinimus."),
    ("bg", "Задържан за шпионаж",
     "Прокуратурата повдигна обвинение за шпионаж на мъж, задържан в София. Съдът остави обвиняемия в ареста, "
     "а ДАНС съобщи, че той е събирал информация за руското разузнаване."),
    ("he", "נעצר בחשד לריגול",
     "השב\"כ והמשטרה עצרו תושב חיפה בחשד לריגול עבור איראן. נגדו הוגש כתב אישום והוא נעצר עד תום ההליכים."),
    ("ar", "القبض على متهم بالتجسس",
     "ألقت السلطات القبض على رجل متهم بالتجسس لصالح دولة أجنبية، وأحالته النيابة إلى المحكمة التي قضت بسجنه عشر سنوات."),
    ("fa", "بازداشت به اتهام جاسوسی",
     "یک مرد به اتهام جاسوسی برای یک سرویس اطلاعاتی خارجی بازداشت شد. دادگاه او را به ده سال زندان محکوم کرد."),
    ("uk", "Затримано агента російських спецслужб",
     "СБУ затримала чоловіка, якого підозрюють у шпигунстві на користь Росії. Суд обрав йому запобіжний захід "
     "у вигляді тримання під вартою."),
]


def _read_in_its_detected_language(title: str, text: str) -> tuple[str | None, Relevance]:
    """Relevance as a run reads the text: in the language the detector names for it."""
    from spyglass.extract.language import language_of

    detected = language_of(f"{title}\n{text}")
    return detected, relevance_of(article(text, title, detected or "en"), detected)


@pytest.mark.parametrize(("language", "title", "text"), MORE_LANGUAGES, ids=[r[0] for r in MORE_LANGUAGES])
def test_espionage_news_in_languages_without_case_tables_is_relevant(language: str, title: str, text: str) -> None:
    detected, found = _read_in_its_detected_language(title, text)
    assert found.is_espionage, (detected, found.reasons)


MORE_LANGUAGE_LOOK_ALIKES = [
    ("sv film", "Ny spionfilm har premiär",
     "Filmen handlar om en spion under kalla kriget. Skådespelarna är lysande men handlingen är förutsägbar. "
     "Biopremiär på fredag."),
    ("hu chemistry", "Új kémia tankönyv a középiskolásoknak",
     "A kémia tankönyv új kiadása több kísérletet tartalmaz. A diákok a bíróság helyett a laborban töltik az "
     "időt, a tanárok szerint a könyv érthetőbb."),
    ("tr football", "Derbi öncesi antrenman casus kamerayla izlendi iddiası",
     "Kulüp, rakibin antrenmanın drone ile izlendiğini iddia etti. Federasyon inceleme başlattı, maç cumartesi "
     "oynanacak."),
]


@pytest.mark.parametrize(("genre", "title", "text"), MORE_LANGUAGE_LOOK_ALIKES, ids=[r[0] for r in MORE_LANGUAGE_LOOK_ALIKES])
def test_look_alikes_in_languages_without_case_tables_stay_out(genre: str, title: str, text: str) -> None:
    detected, found = _read_in_its_detected_language(title, text)
    assert not found.is_espionage, (genre, detected, found.reasons)


def _every_text() -> list[str]:
    rows = [*ESPIONAGE, *NOT_ESPIONAGE, *REAL_PAGE_LOOK_ALIKES, *REAL_REPORTS, *UNNAMED_LANGUAGE_REPORTS,
            *MORE_LANGUAGES, *MORE_LANGUAGE_LOOK_ALIKES]
    return [" ".join(str(cell) for cell in row if isinstance(cell, str)) for row in rows]


@pytest.mark.parametrize("lang", ["en", "de", "ru", "?", "*"])
def test_cues_behind_a_look_ahead_per_first_character_match_as_one_plain_alternation_would(lang: str) -> None:
    """The matcher tries at a word start only the alternatives that can begin there; the cues it finds,
    and where, are those that trying every cue in table order finds."""
    from spyglass.understand import relevance

    chosen = tuple(c for c in cues() if relevance._applies(c, lang))
    plain = re.compile("(?<!\\w)(?:" + "|".join(f"(?P<c{i}>{c.pattern})" for i, c in enumerate(chosen)
                                                if c.lang not in relevance.UNSPACED) + ")(?!\\w)", re.IGNORECASE)
    text = " | ".join(_every_text()) + " | 2021 | 3 | шпионаж для России | التجسس | ריגול"
    gated = [(offset, cue.id) for offset, cue in relevance._cue_matches(text, lang) if cue.lang not in relevance.UNSPACED]
    expected = [(m.start(), chosen[int(m.lastgroup[1:])].id) for m in plain.finditer(text)]  # type: ignore[index]
    assert sorted(gated) == sorted(expected) and len(expected) > 20


# Reports whose steps and services are worded in ways the first cue tables missed: each names a
# legal step with the lexicon's words ("captured", "festnehmen lassen", "fermato", "capturado"),
# a service by a generic name ("servizio di sicurezza"), or a spy by nationality ("Russische
# spion"). Written before their rules.
OTHER_WORDINGS = [
    ("en: a spy captured, said in the headline", "en", "Suspected North Korean spy captured near the border",
     "Soldiers detained a man who had crossed the frontier with forged papers. The intelligence service said he "
     "had been trained for years before his mission. His case will be handed to prosecutors next week."),
    ("de: arrest ordered by the federal prosecutor", "de", "Bundesanwalt lässt zwei Männer festnehmen",
     "Die beiden Männer werden der Spionage verdächtigt. Sie sollen Kasernen in Franken ausgekundschaftet haben. "
     "Ein Ermittlungsrichter hat Haftbefehl erlassen."),
    ("it: officers stopped while handing over papers", "it", "Fermati due ufficiali per spionaggio",
     "Un capitano della Marina è stato fermato mentre consegnava carte riservate a un diplomatico straniero. "
     "L'accusa è di spionaggio politico-militare e rivelazione di segreti."),
    ("it: sold information to a foreign security service", "it", "Condannato a nove anni un impiegato di Samara",
     "Un impiegato è stato condannato a nove anni di carcere per aver passato informazioni al servizio di "
     "sicurezza di un paese nemico in cambio di denaro. Lo riferisce la procura."),
    ("es: captured while spying for a foreign service", "es", "Capturado un hombre en Cádiz",
     "La policía ha capturado a un hombre sospechoso de espiar la base naval para un servicio de inteligencia "
     "extranjero. El juez lo envió a prisión provisional."),
    ("nl: a Russian spy stopped at the airport", "nl", "Russische spion onderschept op luchthaven",
     "De man wilde als stagiair werken bij een internationale organisatie in Den Haag. Hij werd op de luchthaven "
     "tegengehouden en teruggestuurd naar het land waarvandaan hij kwam. Volgens de AIVD werkte hij voor de "
     "Russische militaire inlichtingendienst."),
]


@pytest.mark.parametrize(("kind", "language", "title", "text"), OTHER_WORDINGS, ids=[r[0] for r in OTHER_WORDINGS])
def test_steps_services_and_spies_in_other_wordings_are_read(kind: str, language: str, title: str, text: str) -> None:
    result = relevance_of(article(text, title, language), language)
    assert result.is_espionage, (kind, result.reasons)


# Counter-intelligence news where a state's spies are named by nationality ("Russian spies",
# "espías rusos"), which speaks of espionage and a state at once; and cases whose headline names
# the espionage while the first sentence names the step. Written before their rules.
SPIES_OF_A_STATE = [
    ("en: a warning about a state's spies", "en", "Security service warns of Chinese spies on job sites",
     "The domestic security agency said Russian intelligence officers posed as recruiters on professional "
     "networks. Thousands of civil servants received offers in five years. Officials urged staff to report them."),
    ("es: a report on a state's spies", "es", "Un informe alerta del aumento de espías rusos en España",
     "El documento del Centro Nacional de Inteligencia señala que los espías rusos aumentaron su actividad "
     "desde 2022. Según el texto, buscan información sobre la industria de defensa."),
    ("fi: the security police on a state's spies", "fi", "Suojelupoliisi varoittaa Venäjän vakoojista",
     "Suojelupoliisin mukaan Venäjän vakoojat yrittävät hyödyntää kaksoiskansalaisia. Päällikön mukaan "
     "tiedustelu etsii uusia keinoja."),
    ("en: spy in the headline, step in the lede", "en", "Former army clerk in espionage scandal",
     "Police in the capital took a 44-year-old man into custody on Tuesday. He worked in a records office for "
     "twenty years. Neighbours described him as quiet."),
]


@pytest.mark.parametrize(("kind", "language", "title", "text"), SPIES_OF_A_STATE, ids=[r[0] for r in SPIES_OF_A_STATE])
def test_a_states_spies_and_a_headline_read_with_its_lede_anchor_a_report(kind: str, language: str, title: str, text: str) -> None:
    result = relevance_of(article(text, title, language), language)
    assert result.is_espionage, (kind, result.reasons)


def test_a_spy_word_in_a_headline_does_not_anchor_a_step_far_below_it() -> None:
    late = page(*FILLER[:6], "Police took a 44-year-old man into custody on Tuesday.", title="A spy museum opens its doors")
    assert not relevance_of(late, "en").is_espionage


def test_a_job_advert_for_a_counterintelligence_post_stays_out() -> None:
    advert = page(
        "We are seeking a counterintelligence analyst to join our team.",
        "Candidates must hold a top secret clearance and pass a polygraph.",
        "Responsibilities include briefing on foreign intelligence threats and espionage indicators.",
        "The position offers a competitive salary and benefits.",
        "Required qualifications: a degree and five years of experience.", title="Counterintelligence Analyst")
    assert not relevance_of(advert, "en").is_espionage


# Written with their rules (after a first reading of real news they were missing in): steps in more
# words ("hingerichtet", "mises en examen", "ausgetauscht"), a state's hackers,
# agents and saboteurs, police stations abroad, secrets passed across dotted abbreviations, Greek,
# Arabic plural services and Turkish "ajanlık".
WIDER_READING = [
    ("de: executed spy", "de", "Vor achtzig Jahren", "Der sowjetische Spion wurde im Herbst 1944 in Tokio hingerichtet. "
     "Er hatte jahrelang Berichte nach Moskau gefunkt."),
    ("fr: charged for intelligence with a foreign power", "fr", None,
     "Trois personnes ont été mises en examen pour intelligence avec une puissance étrangère. Elles auraient "
     "photographié des sites militaires pour un service russe. L'enquête se poursuit."),
    ("en: a state's hackers indicted", "en", "Indictments name state hackers",
     "Prosecutors on Tuesday unsealed indictments against Chinese government hackers accused of breaking into "
     "defence contractors. Officials said the campaign ran for six years."),
    ("en: a police station run for a foreign state", "en", None,
     "Two men were arrested on charges of running a secret police station in a city office building. Prosecutors "
     "said the station tracked dissidents for a foreign ministry. Both deny the charges."),
    ("en: secrets passed across an abbreviation", "en", None,
     "A former engineer was sentenced to nine years in prison for trying to pass U.S. missile secrets to Russia. "
     "He was caught in a sting. His lawyer plans to appeal."),
    ("de: a state's saboteurs", "de", "Verfassungsschutz warnt vor Anschlägen",
     "Der Inlandsgeheimdienst sieht eine wachsende Gefahr durch russische Saboteure. Russische Agenten könnten Helfer "
     "über soziale Netzwerke anwerben, sagte ein Sprecher."),
    ("el: a spy arrested", "el", None,
     "Η αστυνομία συνέλαβε έναν 41χρονο για κατασκοπεία υπέρ ξένης χώρας. Κατηγορείται ότι φωτογράφιζε "
     "στρατιωτικές βάσεις. Οδηγήθηκε στον εισαγγελέα."),
    ("ar: plural security services", "ar", None,
     "ألقت السلطات القبض على ثلاثة أشخاص يشتبه في عملهم لصالح أجهزة الأمن الأجنبية. وقالت النيابة إنهم "
     "جمعوا معلومات عن منشآت عسكرية."),
    ("tr: agent work for a state", "tr", None,
     "Polis, yabancı bir ülkeye ajanlık yaptığı iddia edilen iki kişiyi gözaltına aldı. Soruşturma sürüyor."),
]


@pytest.mark.parametrize(("kind", "language", "title", "text"), WIDER_READING, ids=[r[0] for r in WIDER_READING])
def test_wider_wordings_of_real_reporting_are_read(kind: str, language: str, title: str | None, text: str) -> None:
    result = relevance_of(article(text, title, language), language)
    assert result.is_espionage, (kind, result.reasons)


def test_a_brief_reports_its_case_in_one_sentence_a_long_page_needs_more() -> None:
    # Written with its rule: a wire brief of a few sentences names the service and the step once.
    step = "Police arrested a 52-year-old man suspected of working for Russian intelligence."
    assert relevance_of(page(step, *FILLER[:4]), "en").is_espionage
    assert not relevance_of(page(step, *FILLER[:8], padding=4), "en").is_espionage


def test_abundant_espionage_vocabulary_needs_one_link_in_the_lede() -> None:
    # Written with its rule: a counter-intelligence warning that names spies, espionage and the
    # service in many sentences but no legal step.
    warning = page(
        "The security service says Russian spies have turned to recruiting people online.",
        "Espionage against the country's defence industry has grown every year since 2022.",
        "The agency warns that espionage by proxies is harder to detect.",
        "Spying on exiles is also on the rise, its annual review says.", *FILLER[:6])
    assert relevance_of(warning, "en").is_espionage


def test_a_spy_agency_named_as_an_institution_is_no_espionage() -> None:
    # Written with its rule: a nomination hearing for the head of a "spy agency".
    hearing = page(
        "The president's pick to lead the CIA, the nation's premier spy agency, sailed through his hearing.",
        "Senators said the CIA needed a steady hand after a difficult year.",
        "The CIA has had four directors in six years.",
        "His deputy at the CIA will be named next month.", *FILLER[:6])
    assert not relevance_of(hearing, "en").is_espionage


FICTION_IN_MORE_LANGUAGES = [
    # Written with their rows: reviews of spy fiction whose plots arrest and expel spies.
    ("fr", "Une série d'espionnage au sommet",
     "Dans la cinquième saison, une espionne de la DGSE est arrêtée à Moscou pour espionnage. Le réalisateur "
     "filme l'attente plus que l'action, et les acteurs jouent juste. Chaque épisode montre l'espionnage au "
     "quotidien, loin de James Bond."),
    ("es", "Una serie de espías que no es James Bond",
     "En la segunda temporada, una agente del CNI es detenida en Moscú acusada de espionaje. El guion es sobrio y "
     "la actriz principal sostiene cada episodio. La película de espías nunca fue tan realista."),
    ("it", "Una serie di spionaggio da non perdere",
     "Nella nuova stagione una spia russa viene arrestata a Roma per spionaggio. Il regista ha scelto attori "
     "poco noti e la sceneggiatura evita i cliché; ogni episodio racconta lo spionaggio quotidiano."),
]


GENRE_COMPOUNDS = [
    # Written with their rows: the Germanic languages write the genre into one word with espionage
    # ("spionagethriller", "spionromanen"), which is a review's word, not a case's.
    ("nl", "Nieuwe spionageserie op televisie",
     "In de spionageserie wordt een Russische spion in Den Haag ontmaskerd en gearresteerd. De spionagefilm die "
     "erop volgde kreeg slechte kritieken. Het seizoen telt acht afleveringen."),
    ("sv", "Ny spionthriller om Säpo",
     "I spionthrillern grips en rysk spion i Stockholm. Spionromanen bygger på verkliga händelser, men intrigen "
     "är förutsägbar. Boken kommer ut i maj."),
    ("no", "Spionfilmen som alle snakker om",
     "I spionfilmen blir en russisk spion pågrepet i Oslo. Spionserien har fått gode kritikker, og skuespillerne "
     "er overbevisende."),
    ("da", "Ny spionroman fra dansk forfatter",
     "I spionromanen bliver en russisk spion anholdt i København. Spionthrilleren er forfatterens tredje bog, "
     "og plottet er spændende."),
]


REVIEWS_IN_MORE_LANGUAGES = [*FICTION_IN_MORE_LANGUAGES, *GENRE_COMPOUNDS]


@pytest.mark.parametrize(("language", "title", "text"), REVIEWS_IN_MORE_LANGUAGES,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(REVIEWS_IN_MORE_LANGUAGES)])
def test_spy_fiction_reviews_in_more_languages_stay_out(language: str, title: str, text: str) -> None:
    """Reviews whose plots arrest and expel spies; in the Germanic languages the genre is written into one
    word with espionage ("spionagethriller", "spionromanen"), which is a review's word, not a case's."""
    result = relevance_of(article(text, title, language), language)
    assert not result.is_espionage, result.reasons
