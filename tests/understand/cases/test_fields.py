"""Per-field rules, each a table of short sentences and the value it must yield."""

from __future__ import annotations

import pytest

from spyglass.records import Mention
from spyglass.understand.cases import fields, persons
from spyglass.understand.cases.facts import facts_of
from spyglass.understand.sentences import sentences_in
from spyglass.understand.tables.cues import reading
from tests.understand.languages._news import analysis_of


def _facts(*texts: str):
    sentences = [s for t in texts for s in sentences_in(t)]
    return [facts_of(i, s) for i, s in enumerate(sentences)]


STAGES = [
    ("He was arrested in May and charged in June.", "charged"),
    ("She was convicted last year and sentenced to five years.", "sentenced"),
    ("He pleaded guilty to spying for China.", "convicted"),
    ("He pleaded not guilty to the espionage charges.", "charged"),
    ("The jury acquitted him of spying for Russia.", "acquitted"),
    ("The two diplomats were declared persona non grata.", "expelled"),
    ("He was freed in a prisoner swap in August.", "released"),
    ("The officer was referred to prosecutors.", "suspected"),
    ("He was detained at the airport.", "arrested"),
    ("Officials said they would file charges against the man.", None),
    ("The diplomat will be expelled next week.", None),
    # a partial acquittal does not outrank the conviction
    ("He was found guilty of spying for Iran but acquitted on a separate count of fraud.", "convicted"),
    # expulsions mentioned in a trial story are not this proceeding's step
    ("The captain was charged with espionage. Rome expelled two Russian diplomats over the affair.", "charged"),
    # in a swap story, the release outranks the sentence served before it
    ("He had been sentenced to 12 years. Moscow released him in the prisoner swap on Friday.", "released"),
    # "in exchange for" money is not a prisoner exchange
    ("He was sentenced to 12 years. He was released from a hotel in exchange for a fee.", "sentenced"),
    # generic sentences about nobody do not give a step
    ("The analyst was arrested in May. Few espionage prosecutions end in conviction.", "arrested"),
    ("The engineer was charged on Monday; he would be the first citizen to be convicted of spying for Iran.", "charged"),
    # "Novak, who is 56, has been charged": a sentence about someone named by surname only
    ("Few spy cases end in conviction. Novak, who is 56, has been charged with espionage.", "charged"),
    # a present-tense step still to come; a compound the shorter trigger word hides
    ("He was convicted on all counts and faces life when he is sentenced in May.", "convicted"),
    ("Police on Monday filed a chargesheet against the clerk, who was arrested last March.", "charged"),
]


@pytest.mark.parametrize(("text", "stage"), STAGES)
def test_stage_is_the_most_advanced_done_step(text: str, stage: str | None) -> None:
    assert fields.stage_of(_facts(text))[0] == stage


TERMS = [
    ("The court sentenced the men to between 40 and 60 months in prison.", (40, 60)),
    ("She was jailed for five and a half years.", (66, 66)),
    ("He was sentenced to 6 years and 4 months in prison.", (76, 76)),
    ("The spy was sentenced to life imprisonment.", ("life", "life")),
    ("One brother got a life sentence and the other was jailed for eight years.", (96, "life")),
    ("Prosecutors had sought 12 years in prison for him.", None),
    ("Espionage carries a maximum of ten years in prison.", None),
    ("The 34-year-old engineer was arrested.", None),
    ("He received a suspended sentence of 18 months.", (18, 18)),
    ("She was sentenced to death for espionage.", None),
    ("He was sentenced to death with a two-year reprieve, usually commuted to life imprisonment.", None),
    ("Marta Kovacs, 61, was jailed for seven years.", (84, 84)),
    ("The charge of treason could carry a life sentence.", None),
    ("His accomplice, Ivo Marin, received seven years and six months.", (90, 90)),
    ("A term of six years was requested by the prosecution.", None),
    ("The court sentenced Lev Orlov, who worked for the consulate for more than 20 years, to three years in prison.", (36, 36)),
    ("She was jailed for three years after admitting she had spied for Iran.", (36, 36)),
    ("Article 12 punishes espionage with fifteen years of imprisonment.", None),
    ("- Lena Vogel, 41, the courier — 6 years and 8 months;", (80, 80)),
    # a term for another crime, and a span of time after the arrest, are not the espionage term
    ("Back in 2009 he had been jailed for four years for drug trafficking; now he got eight years for spying.",
     (96, 96)),
    ("A court jailed her for six years for spying, more than two years after she was detained.", (72, 72)),
    # an appeal that cuts a single accused's term replaces the first one
    ("A district court jailed him for 14 years in 2022. The appeal court reduced the term to 12 years.",
     (144, 144)),
    # a rate of pay after an amount is no term; "after a court martial" follows an imposed term
    ("He was jailed for four years and nine months. He had received £2,500 a month.", (57, 57)),
    ("He has been jailed for nine years after a court martial found him guilty.", (108, 108)),
]


@pytest.mark.parametrize(("text", "months"), TERMS)
def test_sentence_months(text: str, months: object) -> None:
    assert fields.sentence_months_of(_facts(text))[0] == months


def test_one_accused_with_a_life_term_serves_life() -> None:
    text = "He was sentenced to life imprisonment and, separately, jailed for 12 years for leaking files."
    assert fields.sentence_months_of(_facts(text), count=1)[0] == ("life", "life")
    assert fields.sentence_months_of(_facts(text), count=2)[0] == (144, "life")


PAYMENTS = [
    ("His handlers paid him $12,500 for the documents.", [(12500.0, "USD")]),
    ("She received 40,000 euros (roughly $43,000) over three years.", [(40000.0, "EUR")]),
    ("The judge fined him $8,000.", []),
    ("He was released on bail of 20,000 euros.", []),
    ("Police seized £3,000 in cash at his home.", []),
    ("The agency offered a reward of $5 million for information.", []),
    ("He was paid 2,000 yuan a month to photograph ships.", [(2000.0, "CNY")]),
    ("His handler told him to leave $5,000 at a dead drop as a payment for a source.", []),
    ("He was paid Rs 1.2 lakh through bank transfers.", [(120000.0, "INR")]),
]


@pytest.mark.parametrize(("text", "payments"), PAYMENTS)
def test_payments_are_sums_paid_to_the_accused(text: str, payments: list[tuple[float, str]]) -> None:
    assert fields.payments_of(_facts(text))[0] == payments


NATIONALITY = [
    # a speaker quoted in the story is not the accused
    ("Universities are easy targets, a former Latvian security official, speaking at a conference, said.", []),
    ("Two Taiwanese soldiers were jailed for spying.", ["TW"]),
    ("A British man was charged with spying for Russia.", ["GB"]),
    ("The Russian-born engineer was arrested.", []),
    ("He passed files to a Chinese handler.", []),
    ("A dual German-Chinese citizen was arrested in Dresden.", ["DE", "CN"]),
    ("A New Zealand Army private was sentenced.", []),
    ("Police arrested a man holding Russian passports.", ["RU"]),
    ("The engineer holds Canadian, Irish and Polish citizenship and was charged.", ["CA", "IE", "PL"]),
    ("Three Russian diplomats were expelled for spying.", ["RU"]),
    ("The retired Hungarian colonel was charged with spying.", ["HU"]),
    ("A US District Judge sentenced the analyst.", []),
    ("He met the then Japanese ambassador several times before his arrest.", []),
    ("He was arrested during a meeting with Oleg Sidorov, a Russian embassy official.", []),
    ("He was charged with spying on Uyghur activists and Tibetan monks in Norway.", []),
    ("He was charged after warnings by British officials about espionage.", []),
    ("Maltese Karl Borg jailed for spying for Russia.", ["MT"]),
    ("A Maltese who sold secrets to Russia was jailed.", ["MT"]),
    ("Chinese President Xi Jinping said the spy was sentenced.", []),
    ("The best known is a retired Norwegian border inspector who was jailed.", ["NO"]),
    ("A Cuban intelligence officer who was lured to Spain has been sentenced.", ["CU"]),
    ("Police arrested a Laotian man along with two Thais who helped him.", ["LA", "TH"]),
    ("The court jailed a Swedish-Iranian physician for spying.", ["SE", "IR"]),
    ("He took money from a Cuban intelligence officer and was sentenced.", []),
    # diplomats are counterparts unless they are the ones expelled
    ("Prosecutors said two Austrian diplomats had received the reports he wrote.", []),
    # a speaker described by a relative clause, and anyone at all, are not the accused
    ("A former Hungarian ambassador who served in Beijing said the case was damaging.", []),
    ("The defence warned that every Vietnamese student could now be treated as a spy.", []),
    # "national" as an adjective, and an institution in a shouted opening
    ("He was charged with passing U.S. national defense information to China.", []),
    ("A FORMER CANADIAN NAVY officer was arrested for spying.", []),
]


GERMAN_NATIONALITY = [
    ("Die Polizei nahm am Montag zwei Russen fest, die Kasernen ausgespäht haben sollen.", ["RU"]),
    # a capitalised nationality after a count is a noun: the people themselves
    ("Festgenommen wurden zudem drei Deutsche, die für den MSS gearbeitet haben sollen.", ["DE"]),
    ("Der Prozess gegen einen Deutschen beginnt im Mai.", ["DE"]),
    # before a noun it names an institution
    ("Die Deutsche Bundesbank äußerte sich nicht.", []),
]


@pytest.mark.parametrize(("text", "codes"), GERMAN_NATIONALITY)
def test_german_nationality_nouns(text: str, codes: list[str]) -> None:
    facts = [facts_of(i, s, lang="de") for i, s in enumerate(sentences_in(text))]
    assert fields.nationality_of(facts)[0] == codes


@pytest.mark.parametrize(("text", "codes"), NATIONALITY)
def test_nationality_only_when_attached_to_the_person(text: str, codes: list[str]) -> None:
    assert fields.nationality_of(_facts(text))[0] == codes


SPONSORS = [
    ("He was jailed for spying for China.", None, ("CN", None)),
    ("She passed secrets to the FSB.", "EE", ("RU", "FSB")),
    ("He worked for Chinese intelligence for years.", "TW", ("CN", None)),
    ("He sold documents to a foreign intelligence agency.", "US", (None, None)),
    # a domestic service of another state is the investigator, not the sponsor
    ("Agents of the FBI arrested the engineer in Texas.", None, (None, None)),
    # the acronym in brackets shares the verdict of the name before it
    ("Two former officers of the Direction générale de la sécurité extérieure (DGSE) were jailed.", "FR", (None, None)),
    ("Er soll für China spioniert haben.", "DE", ("CN", None)),
    ("He handed the files to Cuba's intelligence service, the DGI.", "US", ("CU", "DGI")),
    ("He claimed he wanted to be a double agent for Britain.", "GB", (None, None)),
    ("The swap was confirmed by the director of Latvia's State Security Service.", "RU", (None, None)),
    ("Police arrested a student suspected of photographing naval bases for Tehran.", "DK", ("IR", None)),
    ("Prosecutors charged two men with working as illegal agents of Qatar.", "US", ("QA", None)),
    ("The contractor hacked email accounts at the direction of the MSS.", "US", ("CN", "MSS")),
    ("The court convicted two agents of the GRU posing as tourists.", "NO", ("RU", "GRU")),
    ("An employee of the BND was arrested on suspicion of spying.", "DE", (None, None)),
]


@pytest.mark.parametrize(("text", "target", "expected"), SPONSORS)
def test_sponsor_from_named_state_or_service(text: str, target: str | None, expected: tuple) -> None:
    country, service, found, service_found = fields.sponsor_of(_facts(text), target)
    assert (country, service) == expected
    if service is not None:  # the service's evidence quotes it
        assert service_found is not None and service_found.span is not None
        start, end = service_found.span
        assert service_found.facts.text[start:end] in (service, *service.split())


TARGETS = [
    ("Estonian prosecutors charged the man with treason.", "EE"),
    ("A federal jury convicted the sailor of espionage.", "US"),
    ("Italy arrests navy captain caught selling secrets.", "IT"),
    # a country before a passive step is not the authority
    ("Four Bulgarians who spied on behalf of Russia were sentenced at the Old Bailey.", "GB"),
    ("Shin Bet officers arrested a man from Haifa on suspicion of spying.", "IL"),
    ("The Oberlandesgericht in Celle convicted the soldier.", "DE"),
    ("Two charged with working for Iran's Ministry of Intelligence in a federal court.", "US"),
    ("Danish police have arrested a man suspected of spying for Iran.", "DK"),
    ("MANILA — Two Chinese nationals were detained on suspicion of spying for Beijing.", "PH"),
    ("Austrian police arrested him. He is accused of scouting bases used by the U.S. army.", "AT"),
    ("Norway prosecuted nine people for spying for Russia last year.", "NO"),
    ("He was arrested by Latvia's State Security Service in May.", "LV"),
    ("A Royal Navy officer was jailed after a court martial at Bulford.", "GB"),
]


@pytest.mark.parametrize(("text", "target"), TARGETS)
def test_target_is_the_prosecuting_state(text: str, target: str) -> None:
    assert fields.target_of(_facts(text))[0] == target


PERIODS = [
    ("He spied for Russia between 2011 and 2019.", 2024, (2011, 2019)),
    ("She was recruited in 2016 and passed secrets until her arrest in 2021.", 2024, (2016, 2021)),
    ("He has worked for Iran since at least 2009.", 2024, (2009, None)),
    ("He served in the navy from 1980 to 1990.", 2024, None),
    # a single dated act
    ("In 2017 he handed a memory card to his handler in a park.", 2024, (2017, 2017)),
    # a relative year resolved against the printed date
    ("He photographed the base twice last year for his handler.", 2025, (2024, 2024)),
    # the year of an arrest is not a year of spying
    ("He was detained in 2015 and jailed for ten years.", 2024, None),
    ("Sie sammelte zwischen 2016 und 2020 Informationen für Russland.", 2024, (2016, 2020)),
    ("He was born in 1961 and passed secrets to Iran.", 2024, None),
    ("For almost six years, until his arrest in May 2019, he sold radar data to Beijing.", 2024, (2013, 2019)),
    ("Investigators say she began working with Russian intelligence in 2016.", 2024, (2016, None)),
    # handing a case to prosecutors is not an act of spying
    ("The agency handed the file to prosecutors in March 2023.", 2024, None),
    # an open start stated elsewhere begins the range earlier
    ("He spied for Cuba from at least 1990. Between 2001 and 2005 he passed files to his handler.", 2024, (1990, 2005)),
    ("The scheme ran from May 2016 to June 2018, prosecutors said.", 2024, (2016, 2018)),
    ("She was charged with passing information to a foreign agent between March and July 1988.", 2024, (1988, 1988)),
    ("Police caught him in October 2020 as he was handing a memory card to a diplomat.", 2024, (2020, 2020)),
    # an open start stays open unless the text ties the end to the arrest
    ("He was recruited in 2016. Police arrested him in August 2019.", 2024, (2016, None)),
    ("She began spying for Moscow in 1990 and kept at it until FBI agents arrested her in May 2004.", 2024,
     (1990, 2004)),
    ("She had spied for Moscow since 2014, until her arrest. Police detained her in Riga in 2019.", 2024, (2014, 2019)),
    ("In 2011 police arrested the couple, who had passed secrets to Havana from 1992 until their arrest.", 2024,
     (1992, 2011)),
    ("Their handler tasked them in June 2015; they collected reports until their arrest in March.", 2016, (2015, 2016)),
    # a range is the spying's only when an act verb dates it, not a career or a legal step
    ("She served as consul in Lyon from 2003 to 2007 and was charged with spying last year.", 2024, None),
    ("Between May 2019 and his arrest in October 2022 he sent manuals to a Chinese officer.", 2024, (2019, 2022)),
    ("The court found that between 2015 and 2018 she obtained trade secrets for a foreign state.", 2024,
     (2015, 2018)),
    ("He had begun working for Tehran's intelligence ministry in 2009, the court said.", 2024, (2009, None)),
    ("The plot began in May 2017, when he offered navy files to a foreign agent.", 2024, (2017, None)),
    # a weekday is resolved against the printed date
    ("Police caught him on Tuesday handing documents to a foreign officer.", 2021, (2021, 2021)),
    # a sentence about nobody in particular ties no years to this case
    ("Foreign services have stepped up recruitment attempts since 2019.", 2024, None),
    ("His handler ordered him in March 2012 to report on the base. He was arrested in 2013.", 2024, (2012, None)),
    ("Prosecutors say the officer directed him in May 2021 to recruit a navy clerk.", 2024, (2021, None)),
    ("According to his plea agreement, between 2019 and 2022 Smith sold documents to China.", 2024, (2019, 2022)),
    ("Prosecutors say Zhou reported on activists to his handlers from 2018 until his arrest last year.", 2024, (2018, None)),
]


@pytest.mark.parametrize(("text", "published", "period"), PERIODS)
def test_period_only_when_tied_to_spying(text: str, published: int, period: object) -> None:
    assert fields.period_of(_facts(text), published)[0] == period


COUNTS = [
    ("Police arrested four Taiwanese soldiers.", 4),
    ("The two brothers were convicted.", 2),
    ("Prosecutors charged six people in the ring.", 6),
    ("Police arrested a Chinese national along with two Filipino accomplices.", 3),
    ("Prosecutors charged two former bank employees and a third man.", 3),
    ("Of the 64 people charged in 2024, two officers were sentenced.", 2),
    ("A British man was charged with spying.", 1),
    ("FIVE FORMER MEMBERS OF the party were indicted for spying.", 5),
    ("A one-time aide was charged with spying.", 1),
    ("Police arrested a woman and a man on charges of spying for Pakistan.", 2),
    ("The court sentenced a former army officer and his younger brother for spying.", 2),
    ("Police detained three other Dutch citizens, identified as Anna K. and two men.", 3),
    ("Moscow released the reporter and fourteen other prisoners in the swap.", None),
    ("Agents arrested a Vietnamese engineer suspected of photographing ports and air bases for a foreign power, "
     "along with three local accomplices.", 4),
]


@pytest.mark.parametrize(("text", "count"), COUNTS)
def test_accused_count(text: str, count: int) -> None:
    assert fields.count_of(_facts(text), [])[0] == count


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Prosecutors charged the engineer with espionage.", ["engineer"]),
        ("A federal judge sentenced the analyst to life.", ["analyst"]),
        ("Jan Novak, a former prosecutor, was charged with spying.", ["prosecutor"]),
    ],
)
def test_roles_leave_out_the_court_side(text: str, roles: list[str]) -> None:
    facts = [facts_of(i, s) for i, s in enumerate(sentences_in(text))]
    for f in facts:  # the accused as the person finder would give them
        f.persons = [h for h in persons.persons_by_rule(f.text, frozenset()) if h.text == "Jan Novak"]
    assert fields.roles_of(facts)[0] == roles


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("His betrayal led to the arrest of at least ten officials who worked for the CIA.", None),
        ("Police arrested ten officials on suspicion of spying.", 10),
    ],
)
def test_count_leaves_out_the_people_betrayed(text: str, count: int | None) -> None:
    facts = [facts_of(i, s) for i, s in enumerate(sentences_in(text))]
    assert fields.count_of(facts, [])[0] == count


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("it", "Secondo l'accusa, Marco Rossi, 47 anni, aveva consegnato progetti.", []),
    ("es", "Luis Pérez, de 58 años, había sido detenido.", []),
    ("es", "La Audiencia Nacional le ha condenado a 8 años de prisión.", [96]),
    ("fr", "Il a été condamné à 7 ans, a indiqué le parquet.", [84]),
])
def test_age_is_not_a_term(lang: str, text: str, months: list[int]) -> None:
    from spyglass.understand.cases.facts import facts_of
    from spyglass.understand.sentences import Sentence
    assert [d.value for d in facts_of(0, Sentence(0, len(text), text), lang=lang).durations] == months


def _facts_in(lang: str, *texts: str):
    sentences = [s for t in texts for s in sentences_in(t)]
    return [facts_of(i, s, lang=lang) for i, s in enumerate(sentences)]


# Non-English wording (sentences written for these tests): a follow-on sentence that names no one
# still dates the acts or states the sum (it belongs to the current proceeding).
ML_PAYMENTS = [
    ("fr", "Il aurait remis des plans à un agent étranger contre 22 000 euros.", [(22000.0, "EUR")]),
    ("es", "La empleada habría vendido informes a un espía por 8.000 euros.", [(8000.0, "EUR")]),
    ("it", "Il militare passava documenti ricevendo 12 mila euro.", [(12000.0, "EUR")]),
    ("de", "Die Frau soll dafür 3.000 Euro erhalten haben.", [(3000.0, "EUR")]),
    ("de", "Er gab Unterlagen gegen Zahlung von 6.000 Euro weiter.", [(6000.0, "EUR")]),
    ("de", "Er wurde gegen eine Kaution von 50.000 Euro freigelassen.", []),
    ("fr", "Il a été condamné à une amende contre 5 000 euros.", []),
    ("es", "El tribunal le impuso una multa por 9.000 euros.", []),
    # "in exchange for" a sum, as each language writes it (written before its rule: es and fr failed)
    ("es", "El funcionario entregaba informes a un agente extranjero a cambio de 15.000 euros.", [(15000.0, "EUR")]),
    ("es", "Facilitó datos del puerto a cambio de unos 4.000 dólares en efectivo.", [(4000.0, "USD")]),
    ("fr", "Il transmettait des documents à un officier russe en échange de 30 000 euros.", [(30000.0, "EUR")]),
    ("pt", "O militar entregou documentos a um agente em troca de 10 mil euros.", [(10000.0, "EUR")]),
    ("nl", "Hij gaf tekeningen door in ruil voor 25.000 euro.", [(25000.0, "EUR")]),
    ("pt", "Ele entregou os documentos a troco de 5 mil euros.", [(5000.0, "EUR")]),
    ("es", "El tribunal le impuso una multa de 9.000 euros a cambio de reducir la pena.", []),
]
ML_PERIODS = [
    ("de", "Er hatte gestanden, von 2015 bis 2017 Pläne an einen Agenten übergeben zu haben.", (2015, 2017)),
    ("es", "El funcionario habría facilitado desde 2019 datos a un agente.", (2019, None)),
    ("es", "El soldado recibió 9.000 euros entre 2016 y 2018 de un agente extranjero.", (2016, 2018)),
    ("fr", "Ils auraient photographié des bases pour un service étranger depuis 2021.", (2021, None)),
    ("it", "Secondo i pm, i tre avrebbero agito dal 2018 al 2020.", (2018, 2020)),
    ("it", "Avevano ricevuto 30 mila euro tra il 2017 e il 2019.", (2017, 2019)),
    # spying named by the infinitive or participle after an accusation (written before its rule)
    ("es", "El ingeniero fue detenido, acusado de espiar para Rusia entre 2019 y 2022.", (2019, 2022)),
    ("es", "Los dos fueron detenidos por espiar a disidentes entre 2020 y 2023.", (2020, 2023)),
    ("fr", "Il est accusé d'avoir espionné des entreprises pour la Chine entre 2018 et 2021.", (2018, 2021)),
    ("it", "È accusato di aver spiato per la Russia tra il 2019 e il 2022.", (2019, 2022)),
    # "since" beside an accusation dates what it accuses (an accusation is made at one time); a
    # custody or an investigation "since" a year is no act's
    ("de", "Die Bundesanwaltschaft wirft ihm vor, seit 2023 für einen russischen Geheimdienst Kasernen ausgespäht zu haben.",
     (2023, None)),
    ("fr", "Le parquet lui reproche d'avoir, depuis 2022, transmis des informations à un service russe.", (2022, None)),
    ("de", "Er sitzt seit 2023 in Untersuchungshaft, weil er Pläne weitergegeben haben soll.", None),
    ("en", "He has been under investigation since 2021 for passing secrets to a Russian officer.", None),
    ("en", "He was accused in 2019 of spying for China.", None),
    # Portuguese acts in the plural imperfect (written before their rows: both failed)
    ("pt", "Segundo a acusação, os dois trabalhavam para a inteligência russa desde 2020.", (2020, None)),
    ("pt", "Os suspeitos repassavam informações a Moscou entre 2018 e 2021.", (2018, 2021)),
]
ML_TARGETS = [
    ("fr", "Le parquet de Paris a ouvert une information judiciaire pour espionnage.", "FR"),
    ("it", "Il tribunale di Torino ha condannato l'ex impiegato per spionaggio.", "IT"),
    ("es", "El Tribunal Supremo ha confirmado la condena por espionaje.", "ES"),
    ("de", "Vor dem Staatsschutzsenat des Oberlandesgerichts München wurde er angeklagt.", "DE"),
]


@pytest.mark.parametrize(("lang", "text", "payments"), ML_PAYMENTS)
def test_payments_in_other_languages(lang: str, text: str, payments: list[tuple[float, str]]) -> None:
    with reading(lang):  # the language's own case cues, as ``mentions_in`` reads them
        assert fields.payments_of(_facts_in(lang, "Er wurde verhaftet.", text))[0] == payments


@pytest.mark.parametrize(("lang", "text", "period"), ML_PERIODS)
def test_period_in_follow_on_sentences(lang: str, text: str, period: object) -> None:
    with reading(lang):  # the language's own case cues, as ``mentions_in`` reads them
        assert fields.period_of(_facts_in(lang, text), 2024)[0] == period


@pytest.mark.parametrize(("lang", "text", "target"), ML_TARGETS)
def test_target_from_courts_and_prosecutors(lang: str, text: str, target: str) -> None:
    assert fields.target_of(_facts_in(lang, text))[0] == target


ML_COUNTS = [
    ("fr", "Quatre personnes ont été interpellées mardi pour espionnage.", 4),
    ("de", "Die Polizei hat zwei Männer wegen Spionage festgenommen.", 2),
    ("es", "La policía ha detenido a tres hombres por espionaje. Los tres trabajaban en el puerto.", 3),
    ("it", "Sono stati arrestati per spionaggio. Gli investigatori dicono che i due lavoravano insieme.", 2),
    ("it", "Sono stati arrestati per spionaggio. Avevano preso i due anni di paga.", None),
]


@pytest.mark.parametrize(("lang", "text", "count"), ML_COUNTS)
def test_count_in_words_of_other_languages(lang: str, text: str, count: int | None) -> None:
    assert fields.count_of(_facts_in(lang, text), [])[0] == count


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "La exempleada fue absuelta tras pasar ocho meses en prisión preventiva."),
    ("fr", "Il a été relaxé après six mois en détention provisoire."),
    ("it", "Assolto dopo cinque mesi di custodia cautelare in carcere."),
])
def test_pretrial_detention_is_not_a_term(lang: str, text: str) -> None:
    assert fields.sentence_months_of(_facts_in(lang, text), 1)[0] is None


def test_a_span_of_time_is_not_a_term() -> None:
    facts = _facts('Outside court he said justice had been served, calling the last two years a nightmare.')
    assert fields.sentence_months_of(facts)[0] is None


def _cases_read(lang: str, title: str, body: str) -> list[Mention]:
    """The cases the whole analysis reads from a news paragraph of ours, which must be read as ``lang``."""
    analysis = analysis_of(title, body)
    assert analysis.article.language == lang, f"read as {analysis.article.language}"
    return list(analysis.mentions)


# Written before their rule (session 20; pt, fr, it and es each read Bulgaria as the sponsor): a
# headline's "spies" with an adjective after them and their step ("espiões búlgaros condenados")
# names them by nationality, as "Bulgarian spies convicted" does; the body says whom they served.
PEOPLE_BY_NATIONALITY = [
    ("pt", "Espiões búlgaros condenados",
     "Cinco cidadãos búlgaros que trabalhavam para os serviços secretos russos entre 2019 e 2022 foram condenados "
     "em Londres."),
    ("es", "Espías búlgaros condenados",
     "Cinco ciudadanos búlgaros que trabajaban para los servicios secretos rusos entre 2019 y 2022 fueron condenados "
     "en Londres."),
    ("fr", "Espions bulgares condamnés",
     "Cinq ressortissants bulgares qui travaillaient pour les services secrets russes entre 2019 et 2022 ont été "
     "condamnés à Londres."),
    ("it", "Spie bulgare condannate",
     "Cinque cittadini bulgari che lavoravano per i servizi segreti russi tra il 2019 e il 2022 sono stati condannati "
     "a Londra."),
]


@pytest.mark.parametrize(("lang", "title", "body"), PEOPLE_BY_NATIONALITY, ids=[r[0] for r in PEOPLE_BY_NATIONALITY])
def test_spies_named_by_nationality_in_a_headline_are_not_the_sponsor(lang: str, title: str, body: str) -> None:
    (case,) = _cases_read(lang, title, body)
    assert (case.sponsor_country, case.accused_nationality, case.accused_count) == ("RU", ("BG",), 5)


# Written before their rule (session 20; every one read no period): a span of years that closes
# the phrase of an act, before the step of the main clause, dates the act, not the step.
RANGE_AFTER_ITS_ACT = [
    ("en", "Five Bulgarian nationals who worked for the Russian intelligence services between 2019 and 2022 were "
           "convicted in London."),
    ("pt", "Cinco cidadãos búlgaros que trabalhavam para os serviços secretos russos entre 2019 e 2022 foram "
           "condenados em Londres."),
    ("es", "Cinco ciudadanos búlgaros que trabajaban para los servicios secretos rusos entre 2019 y 2022 fueron "
           "condenados en Londres."),
    ("fr", "Cinq ressortissants bulgares qui travaillaient pour les services secrets russes entre 2019 et 2022 ont "
           "été condamnés à Londres."),
    ("it", "Cinque cittadini bulgari che lavoravano per i servizi segreti russi tra il 2019 e il 2022 sono stati "
           "condannati a Londra."),
]


@pytest.mark.parametrize(("lang", "text"), RANGE_AFTER_ITS_ACT, ids=[r[0] for r in RANGE_AFTER_ITS_ACT])
def test_a_range_that_closes_an_acts_phrase_dates_the_act(lang: str, text: str) -> None:
    with reading(lang):
        assert fields.period_of(_facts_in(lang, text), 2025)[0] == (2019, 2022)


def test_a_range_after_a_step_with_no_act_between_still_dates_no_act() -> None:
    text = "He was arrested for spying and held in custody between 2019 and 2022 before his trial."
    assert fields.period_of(_facts(text), 2025)[0] is None


# Written before their rule (session 20; all six read no sponsor): a nationality used as the noun of
# a people after "to the" ("ai russi", "a los rusos", "aux Russes", "aos russos", "an die Russen") in a
# sentence that gives something names the state that got it.
GIVEN_TO_A_PEOPLE = [
    ("it", 'Arrestato per spionaggio un impiegato della Marina',
     'Un impiegato della Marina è stato arrestato a Taranto per spionaggio: secondo la procura '
     'passava documenti riservati ai russi in cambio di denaro.'),
    ("es", 'Detenido por espionaje un funcionario de Defensa',
     'Un funcionario del Ministerio de Defensa fue detenido en Valencia por espionaje: según la '
     'Fiscalía pasaba documentos secretos a los rusos a cambio de dinero.'),
    ("fr", 'Un fonctionnaire arrêté pour espionnage',
     'Un fonctionnaire du ministère des Armées a été arrêté à Brest pour espionnage : selon le '
     "parquet, il transmettait des documents secrets aux Russes contre de l'argent."),
    ("pt", 'Funcionário detido por espionagem',
     'Um funcionário da Marinha foi detido em Lisboa por espionagem: segundo o Ministério Público, '
     'passava documentos secretos aos russos em troca de dinheiro.'),
    ("en", 'Navy clerk arrested for spying',
     'A Navy clerk was arrested in Norfolk for espionage; prosecutors say he passed classified '
     'documents to the Russians for cash.'),
    ("de", 'Marine-Angestellter wegen Spionage festgenommen',
     'Ein Angestellter der Marine ist in Kiel wegen Spionage festgenommen worden. Er soll geheime '
     'Unterlagen an die Russen weitergegeben haben.'),
]


@pytest.mark.parametrize(("lang", "title", "body"), GIVEN_TO_A_PEOPLE, ids=[r[0] for r in GIVEN_TO_A_PEOPLE])
def test_secrets_given_to_a_people_name_its_state_as_sponsor(lang: str, title: str, body: str) -> None:
    assert [m.sponsor_country for m in _cases_read(lang, title, body)] == ["RU"]


def test_a_people_spoken_to_is_no_sponsor() -> None:
    assert fields.sponsor_of(_facts("He was arrested after he spoke to the Russians at a conference."), None)[0] is None


# Written before their rule (session 20; none named a target): a city after the locative preposition
# of a Romance language in a sentence that reports a step is where the state acts.
ROMANCE_CITY_OF_THE_STEP = [
    ("es", 'Detenido por espionaje un funcionario de Defensa',
     'Un funcionario del Ministerio de Defensa fue detenido en Valencia por espionaje a favor de Rusia.', "ES"),
    ("fr", 'Un fonctionnaire arrêté pour espionnage',
     'Un fonctionnaire a été arrêté à Brest pour espionnage au profit de la Russie.', "FR"),
    ("it", 'Arrestato per spionaggio un impiegato',
     'Un impiegato è stato arrestato a Milano per spionaggio a favore della Russia.', "IT"),
    ("es", 'Espía condenado',
     'Un ingeniero fue condenado en Sevilla a seis años de prisión por espiar para China.', "ES"),
]


# Written before their rows (session 20; the three Italian ones read no sponsor): "a favore di"
# names whom the spying served, as "a favor de" and "au profit de" do.
FOR_THE_BENEFIT_OF = [
    ("it", "Arrestato per spionaggio un impiegato",
     "Un impiegato è stato arrestato a Milano per spionaggio a favore della Russia.", "RU"),
    ("it", "Condannato per spionaggio",
     "Un ex militare è stato condannato a Roma a sei anni per spionaggio a favore della Cina.", "CN"),
    ("it", "Arrestato per spionaggio", "Un tecnico è stato arrestato per aver spiato a favore dell'Iran.", "IR"),
    ("pt", "Detido por espionagem", "Um técnico foi detido no Porto por espionagem a favor da China.", "CN"),
]


@pytest.mark.parametrize(("lang", "title", "body", "sponsor"), FOR_THE_BENEFIT_OF,
                         ids=[f"{r[0]}-{r[3]}" for r in FOR_THE_BENEFIT_OF])
def test_for_the_benefit_of_a_state_names_the_sponsor(lang: str, title: str, body: str, sponsor: str) -> None:
    assert [m.sponsor_country for m in _cases_read(lang, title, body)] == [sponsor]


# Written before their rule (session 20; the first three named no target): a capital after a Romance
# locative preposition in a sentence reporting a step is where its state acts; an attaché posted
# "en Moscú" and expelled by Russia keeps Russia as the acting state.
ROMANCE_CAPITAL_OF_THE_STEP = [
    ("it", "Condannato per spionaggio",
     "Un ex militare è stato condannato a Roma a sei anni per spionaggio a favore della Cina.", "IT"),
    ("es", "Condenado por espionaje",
     "Un ingeniero fue condenado en Madrid a seis años de prisión por espiar para Rusia.", "ES"),
    ("fr", "Condamné pour espionnage",
     "Un ingénieur a été condamné à Paris à six ans de prison pour espionnage au profit de la Chine.", "FR"),
    ("es", "Expulsado el agregado", "Rusia expulsó al agregado militar español en Moscú por espionaje.", "RU"),
]


ROMANCE_PLACE_OF_THE_STEP = ROMANCE_CITY_OF_THE_STEP + ROMANCE_CAPITAL_OF_THE_STEP


@pytest.mark.parametrize(("lang", "title", "body", "target"), ROMANCE_PLACE_OF_THE_STEP,
                         ids=[f"{r[0]}-{r[3]}-{i}" for i, r in enumerate(ROMANCE_PLACE_OF_THE_STEP)])
def test_a_city_or_capital_after_a_romance_locative_names_the_acting_state(lang: str, title: str, body: str,
                                                                          target: str) -> None:
    assert [m.target_country for m in _cases_read(lang, title, body)] == [target]


# Written before their rule (session 20; the Italian and Spanish ones read "expelled"): the expulsion
# of the diplomat an arrested person was caught handing files to is the counterpart's step.
COUNTERPART_EXPELLED = [
    ("it", "Arrestato un ufficiale per spionaggio",
     "Un ufficiale dell'Esercito è stato arrestato a Torino mentre consegnava documenti a un funzionario del "
     "consolato russo. Il diplomatico russo è stato espulso.", ["arrested"]),
    ("es", "Detenido un oficial por espionaje",
     "Un oficial del Ejército fue detenido en Zaragoza cuando entregaba documentos a un funcionario de la "
     "embajada rusa. El diplomático ruso fue expulsado.", ["arrested"]),
    ("en", "Diplomat expelled", "A Russian diplomat was detained in Oslo and expelled for espionage.", ["expelled"]),
]


@pytest.mark.parametrize(("lang", "title", "body", "stages"), COUNTERPART_EXPELLED,
                         ids=[r[0] for r in COUNTERPART_EXPELLED])
def test_a_counterparts_expulsion_is_not_the_arrested_persons_step(lang: str, title: str, body: str,
                                                                   stages: list[str]) -> None:
    assert [m.stage for m in _cases_read(lang, title, body)] == stages
