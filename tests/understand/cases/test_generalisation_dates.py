"""Fifth held-out batch: news paragraphs written for this test (invented people and wording), one
per kind of miss seen on real reporting in the period, payment and nationality fields. Each gives
the lead case's fields as an annotator following SCHEMA.md would. Written before the fixes for
them (1 of 7 right then; the uncovering-intelligence one added later, not right then; of the four
nationality ones added later, 1 right then; of the two payment ones, 0; the glued-sentences and
the-suspect-is-charged ones, not right then; landed-in-swap was right;
metropolitan-police-department, not right then; generally-commuted and
not-guilty-verdict-radio were right; came-with-his-wife was not). A failure is a general
weakness, never a text to special-case."""

from __future__ import annotations

import pytest

from tests.understand.cases.test_generalisation import nlp  # noqa: F401  (the shared spaCy fixture)
from tests.understand.cases.test_generalisation import test_lead_case_fields as _check

NEWS: list[tuple[str, str, str, str, dict[str, object]]] = [
    # "since" after a verb of working with a service: the start of the spying, open end
    ("since-working-with", "en", "Ministry clerk held as suspected Russian spy",
     "Police in Vienna arrested a ministry clerk on Tuesday. Investigators say the clerk had been working "
     "with Russian military intelligence since 2011, copying diplomatic cables for his handlers.",
     {"sponsor": "RU", "target": "AT", "stage": "arrested", "period": (2011, None)}),
    # the year an officer first approached the accused is the start, not a one-year period
    ("approached-in-month-year", "en", "Engineer admits selling turbine designs to China",
     "A Massachusetts engineer pleaded guilty on Monday to acting as an agent of China. He admitted that he "
     "was approached by an officer of the Ministry of State Security at a trade fair in Shanghai in June 2017 "
     "and later sold him turbine designs, prosecutors said.",
     {"sponsor": "CN", "target": "US", "stage": "convicted", "period": (2017, None)}),
    # "since" after a verb of being induced or persuaded to collect
    ("persuaded-since", "en", "Two marines jailed in Taiwan for spying",
     "A court in Kaohsiung sentenced two marines to nine years in prison on Friday. The pair were persuaded "
     "by Chinese agents to gather classified navy documents since 2018 in exchange for cash, the court said.",
     {"sponsor": "CN", "target": "TW", "stage": "sentenced", "period": (2018, None)}),
    # months qualified by early, mid or late still bound a range
    ("late-month-range", "en", "Soldier charged with spying for Iran",
     "Prosecutors in Stockholm charged a soldier on Wednesday with gross espionage. They say he photographed "
     "air defence sites between early March 2020 and late October 2023 and passed the pictures to Iranian "
     "intelligence.",
     {"sponsor": "IR", "target": "SE", "stage": "charged", "period": (2020, 2023)}),
    # a state's intelligence that uncovers a network acts for the target side, not the sponsor
    ("intelligence-uncovers", "en", "Estonian Intelligence Uncovers Alleged Belarusian Spy Ring",
     "TALLINN - Estonia's internal security service has identified a group of three Belarusian nationals "
     "suspected of gathering information on military bases for Minsk.",
     {"sponsor": "BY", "target": "EE", "stage": "suspected"}),
    # where each named suspect is from, and a citizenship told after the name
    ("nationality-from-country", "en", "Three held in Austria over suspected spying",
     "Police in Vienna arrested three men on Tuesday on suspicion of spying for a foreign intelligence service. "
     "The men, named as \u201cOleh K\u201d from Ukraine, \u201cTigran M\u201d from Armenia and Russian citizen "
     "\u201cPavel S.\u201d, were detained near a barracks.",
     {"target": "AT", "stage": "arrested", "nationality": ["UA", "AM", "RU"]}),
    # dual citizenship gives both states
    ("dual-citizenship", "en", "Two held in Bavaria over sabotage plot",
     "Two men with dual German-Russian citizenship were arrested in Bavaria on Thursday on suspicion of "
     "plotting sabotage for Russian intelligence.",
     {"sponsor": "RU", "target": "DE", "stage": "arrested", "nationality": ["DE", "RU"]}),
    # a soldier's nationality adjective is the accused's
    ("soldier-nationality", "en", "Former soldier jailed for spying for Russia",
     "A court in Amsterdam on Friday sentenced a former Dutch soldier to three years in jail for sharing "
     "secret military information with Russia.",
     {"sponsor": "RU", "target": "NL", "stage": "sentenced", "nationality": ["NL"]}),
    # a citizenship apposed to the name, in a sentence about what the prosecutors asked
    ("citizen-after-request", "en", "Senator's aide jailed for spying for China",
     "A court in Prague sentenced a former parliamentary aide, Marek P, to four years for spying for China. "
     "Czech prosecutors had pushed for a sentence of six years for Marek P, a Czech citizen who worked in a "
     "senator's office.",
     {"sponsor": "CN", "target": "CZ", "stage": "sentenced", "nationality": ["CZ"], "months": (48, 48)}),
    # payments totalled in won, with a conversion after them
    ("payments-amount-to", "en", "Korean navy officer arrested for spying for North Korea",
     "South Korean counterintelligence arrested a navy officer on Friday on suspicion of passing military "
     "secrets to North Korean agents. Total payments to the suspect that have been tracked so far by the "
     "investigators of the counterintelligence command amount to 90 million won ($68,000).",
     {"sponsor": "KP", "target": "KR", "stage": "arrested", "payments": [(90000000.0, "KRW")]}),
    # compensation set by a court is no payment to the accused
    ("compensation-not-payment", "en", "Israeli jailed for contacts with Iranian agents",
     "A court in Haifa sentenced a man to three years in prison on Monday for contacts with Iranian agents. "
     "Compensation has been set at NIS 25,000.",
     {"sponsor": "IR", "target": "IL", "stage": "sentenced", "payments": []}),
    # a sentence glued to the next without a space ("said.The"), and the state the accused helped
    ("glued-sentences-helped-state", "en", "Engineer jailed for acting as an agent of China",
     "A court in Boston sentenced an engineer to four years in prison on Friday for acting as an agent of "
     "China, prosecutors said.The engineer had agreed to help the Chinese government obtain turbine designs, "
     "and Chinese government officials paid him for them, the Chinese government\u2019s espionage efforts "
     "being relentless, officials said.",
     {"sponsor": "CN", "target": "US", "stage": "sentenced", "months": (48, 48)}),
    # "the suspect is charged" speaks of the accused: the step counts
    ("the-suspect-is-charged", "en", "SBU detains Odesa man accused of spying for Russia",
     "A 38-year-old man from Odesa was detained by Ukraine's Security Service on May 3 for passing the "
     "positions of air defence units to Russian intelligence. The suspect is charged under Ukraine's Criminal "
     "Code and faces up to eight years in prison if convicted.",
     {"sponsor": "RU", "target": "UA", "stage": "charged"}),
    # someone who "has landed" home in a swap is released
    ("landed-in-swap", "en", "Reporter held in Belarus returns home in prisoner swap",
     "A Polish reporter arrested in Belarus on suspicion of spying for Warsaw has landed in Poland as part of "
     "a prisoner swap between the two countries, officials said on Friday.",
     {"sponsor": "PL", "target": "BY", "stage": "released"}),
    # London's force is the Metropolitan Police (Service); a "Metropolitan Police Department" is another city's
    ("metropolitan-police-department", "en", "Former officer referred to prosecutors over leak to Russian agent",
     "Police in Tokyo on Friday referred to prosecutors the case of a former Self-Defense Force officer suspected "
     "of leaking a manual to a Russian military attache. The Public Security Bureau of the Metropolitan Police "
     "Department has asked that the attache be summoned, officials said.",
     {"sponsor": "RU", "target": "JP", "stage": "suspected"}),
    # what sentences "generally" become in a country is no term of this case
    ("generally-commuted", "en", "China hands Canadian businessman suspended death sentence for spying",
     "A court in Beijing handed Canadian businessman Tom Reilly a suspended death sentence on Monday for "
     "espionage. In China, suspended death sentences are generally commuted to life in prison after two years.",
     {"target": "CN", "stage": "sentenced", "months": None, "nationality": ["CA"]}),
    # a relative who travelled with the accused is not accused
    ("came-with-his-wife", "en", "Chinese court jails Canadian writer for spying",
     "A court in Beijing sentenced Canadian writer Tom Reilly to ten years in prison on Monday for espionage. "
     "He was arrested when he arrived in Shanghai from Toronto with his wife and teenage son.",
     {"target": "CN", "stage": "sentenced", "count": 1, "months": (120, 120)}),
    # a radio station the acquitted man spoke to is no person; a not-guilty verdict is no conviction
    ("not-guilty-verdict-radio", "en", "Russian jury acquits physicist of spying for China",
     "MOSCOW - A jury on Tuesday acquitted a physicist who had been charged with treason for passing research "
     "to China. \"The not-guilty verdict was thanks to the jury,\" Mr. Orlov told the radio station Vesti FM.",
     {"sponsor": "CN", "target": "RU", "stage": "acquitted", "not_names": "Vesti"}),
    # an abbreviation inside the sentence ("U.S. Navy") does not cut the range from its act
    ("abbreviation-before-range", "en", "Two contractors charged with spying for China",
     "Federal prosecutors in San Diego charged two contractors on Thursday. They allegedly conspired to pass "
     "data on the U.S. Navy's submarine bases between mid-January 2022 and August 2024 to Chinese intelligence.",
     {"sponsor": "CN", "target": "US", "stage": "charged", "period": (2022, 2024)}),
    # a word that merely contains a spying verb ("Soldaten" holds "sold") is no act of spying
    ("act-word-inside-another", "de", "Mann wegen Spionage für Russland verurteilt",
     "Das Oberlandesgericht Koblenz hat einen Mann wegen Spionage für Russland zu vier Jahren Haft verurteilt. "
     "Er hatte zwischen Januar 2010 und Mai 2012 mit anderen Soldaten einer Miliz in der Ostukraine gekämpft. "
     "Zwischen März 2022 und Juni 2023 gab er Informationen über Kasernen an den russischen Geheimdienst weiter.",
     {"sponsor": "RU", "target": "DE", "stage": "sentenced", "period": (2022, 2023)}),
    # a single dated act told with a noun ("a leak ... in 2016"): [y, y]
    ("dated-leak-noun", "en", "Retired colonel referred to prosecutors over leak to Russian attache",
     "Police in Osaka on Thursday referred to prosecutors the case of a retired colonel over a suspected "
     "leak of classified training manuals in 2016 to a Russian military attache.",
     {"sponsor": "RU", "target": "JP", "stage": "suspected", "period": (2016, 2016)}),
]


KNOWN_GAPS = {
    "dated-leak-noun": "the parse attaches 'in 2016' to 'referred' (the step), not to 'leak', and the parse's "
                       "verdict on a date wins over the nearer act noun",
}


def _params() -> list[object]:
    return [pytest.param(title, body, want, lang, id=key,
                         marks=[pytest.mark.xfail(reason=KNOWN_GAPS[key], strict=True)] if key in KNOWN_GAPS else [])
            for key, lang, title, body, want in NEWS]


@pytest.mark.parametrize(("title", "body", "want", "lang"), _params())
def test_dates_and_sums_news_fields(title: str, body: str, want: dict[str, object], lang: str, nlp) -> None:  # noqa: F811
    _check(title, body, want, lang, nlp)


# How many cases a story holds: (stage, target) of each case found, in order. Written before
# the fixes (0 of 3 right then; the two statistics paragraphs, the expelled-again and trial-of-named ones added later, 0 of 4).
ROUND_UPS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # a second accused named beside the first (known by surname) joins the first's case
    ("co-accused-beside-known", "Latvian court upholds spy's sentence",
     "RIGA - A court in Riga on Monday upheld the eight-year sentence of Andris Kalnins, a Latvian citizen "
     "convicted of spying for Russia. The district court had convicted Kalnins and Pavel Orlov, a Russian "
     "citizen, of gathering information on NATO exercises for Russian military intelligence. Orlov was "
     "sentenced to nine years in absentia.",
     [("sentenced", "LV")]),
    # a photo credit under a picture is no person, and the headline's case is the body's case
    ("photo-credit-not-a-person", "Norway: Two sisters convicted of spying for Iran",
     "The older sister was jailed for six years for passing the names of exiles to Tehran.\n"
     "The two sisters were found guilty in the Oslo District CourtImage: Lars Hovland/NTB\n"
     "Two Norwegian women were convicted on Friday in Oslo of spying on Iranian exiles for Iran's "
     "intelligence ministry. Nasrin Tehrani was sentenced to six years, while her sister Leila Tehrani was "
     "sentenced to four years.",
     [("sentenced", "NO")]),
    # counts of convictions or arrests over years are statistics, not a case
    ("number-of-convictions", "Lithuania reports sharp rise in spy convictions",
     "According to an official of the State Security Department, the number of convictions last year was the "
     "highest in a decade and coincided with growing pressure from Russia.",
     []),
    ("there-have-been-n-arrested", "Poland says spying for Russia is rising",
     "A former counter-intelligence chief told a parliamentary committee that since 2015 there have been 41 "
     "individuals arrested for spying for Russia in Poland.",
     []),
    # the expelled told of again ("The Russians declared persona non grata") are the same case
    ("expelled-told-again", "Finland expels three Russian diplomats suspected of spying",
     "Finland's government said on Monday it was expelling three Russian diplomats suspected of spying while "
     "working at the embassy in Helsinki. The Russians declared persona non grata must leave within two weeks, "
     "the foreign minister said.",
     [("expelled", "FI")]),
    # "the espionage trial of X ... is moving slowly": on trial is charged
    ("trial-of-named", "Russian jury acquits physicist of spying for China",
     "MOSCOW - A jury on Tuesday acquitted a physicist who had been charged with treason for passing research "
     "to China. In another case heard by a jury, the espionage trial of Pavel Sidorov, 41, a defence analyst, "
     "is moving slowly in a Moscow court.",
     [("acquitted", "RU"), ("charged", "RU")]),
    # steps told of states in general are background, not a case
    ("states-in-general", "Finnish court acquits engineer accused of spying for Russia",
     "A court in Helsinki on Wednesday acquitted an engineer who had been accused of passing port plans to "
     "Russian intelligence. Several European countries have also arrested saboteurs and expelled diplomats "
     "over accusations of spying for Russia in recent years.",
     [("acquitted", "FI")]),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*r[1:], id=r[0]) for r in ROUND_UPS])
def test_how_many_cases(title: str, body: str, want: list[tuple[str, str]], nlp) -> None:  # noqa: F811
    from tests.understand.cases.test_generalisation import _lead

    mentions = _lead(title, body, nlp, "en")
    assert [(m.stage, m.target_country) for m in mentions] == want
