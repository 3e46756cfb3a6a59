"""Fourth held-out batch: 14 English news items written for this test (invented people and
wording), one per kind of binding error seen on real reporting: a fact attached to the wrong
person or event. Each gives the lead case's fields as an annotator following SCHEMA.md would.
Written before the fixes for them (4 of 14 right then); a failure is a general weakness, never
a text to special-case."""

from __future__ import annotations

import pytest

from tests.understand.cases.test_generalisation import nlp  # noqa: F401  (the shared spaCy fixture)
from tests.understand.cases.test_generalisation import test_lead_case_fields as _check

NEWS: list[tuple[str, str, str, dict[str, object]]] = [
    # nationality of victims or targets named in the story is not the accused's
    ("victims-nationality", "Cyprus arrests man over plot to track Israeli businessmen",
     "Police in Nicosia arrested a 38-year-old man on Sunday on suspicion of spying for Iran. Investigators "
     "said he had photographed the homes of Israeli businessmen and passed the pictures to Iranian "
     "intelligence, which was planning to attack them.",
     {"sponsor": "IR", "target": "CY", "stage": "arrested", "nationality": []}),
    # an agency's spokesman is not the accused
    ("agency-spokesman-nationality", "Latvia detains railway worker suspected of spying",
     "A Latvian State Security Service spokeswoman told reporters that a railway worker had been detained "
     "in Daugavpils on suspicion of collecting information on military trains for Russia's FSB.",
     {"sponsor": "RU", "target": "LV", "stage": "arrested", "nationality": [], "service": "FSB"}),
    # a nationality of the accused after "against"
    ("charges-against-nationals", "Charges dropped against two Dutch engineers",
     "Prosecutors in Rotterdam on Tuesday dropped charges against two Dutch engineers who had been accused "
     "of passing chip designs to Chinese intelligence between March 2020 and May 2022.",
     {"sponsor": "CN", "target": "NL", "stage": "acquitted", "nationality": ["NL"], "count": 2,
      "period": (2020, 2022)}),
    # relatives as the accused subject
    ("relatives-nationality", "Mother and daughter jailed for spying for Beijing",
     "A Filipino mother and daughter were each sentenced to six years in prison on Thursday for photographing "
     "coast guard vessels for Chinese intelligence, a court in Manila said.",
     {"sponsor": "CN", "target": "PH", "stage": "sentenced", "months": (72, 72), "nationality": ["PH"]}),
    # an institution in a headline ("Jury") is not a person
    ("headline-institution", "Polish Jury Clears Translator of Espionage",
     "A jury in Warsaw on Monday acquitted a translator who had been accused of passing documents to "
     "Belarusian intelligence.",
     {"sponsor": "BY", "target": "PL", "stage": "acquitted", "nationality": []}),
    # a person the accused worked for is not the accused
    ("employer-not-accused", "Ex-assistant to veteran senator sentenced for spying for Russia",
     "A former assistant to veteran Czech senator Pavel Dvorak was sentenced to five years in prison on Friday "
     "for spying for Russia, a court in Prague said. The assistant, identified as Jan K., passed internal "
     "papers to a Russian diplomat.",
     {"names": "Jan K", "not_names": "Dvorak", "sponsor": "RU", "target": "CZ", "stage": "sentenced",
      "months": (60, 60)}),
    # a term prosecutors pushed for is not the sentence
    ("pushed-for-term", "Engineer sentenced for passing drone plans to China",
     "A court in Munich sentenced an engineer to three years and two months in prison for passing drone plans "
     "to Chinese intelligence. Prosecutors had pushed for a longer sentence of six years.",
     {"sponsor": "CN", "target": "DE", "stage": "sentenced", "months": (38, 38)}),
    # years in a quote about an ordeal are not a term
    ("ordeal-years", "Greek court acquits sailor accused of spying",
     "A military court in Athens acquitted a navy sailor on Wednesday of passing ship positions to Turkish "
     "intelligence. Outside the court the sailor called the past three years a torment.",
     {"sponsor": "TR", "target": "GR", "stage": "acquitted", "months": None}),
    # a year of history is not the spying period
    ("history-year", "Taiwan jails coast guard officer for spying for China",
     "A Taiwanese court sentenced a coast guard officer to seven years in prison on Monday for passing patrol "
     "schedules to China. Beijing and Taipei parted in 1949 and have spied on each other ever since.",
     {"sponsor": "CN", "target": "TW", "stage": "sentenced", "months": (84, 84), "period": None}),
    # officials jailed for leaking to arms dealers are another story, not co-accused
    ("other-leak-not-count", "Korean navy officer detained over leaks to Chinese agent",
     "SEOUL - A South Korean navy officer has been detained for allegedly passing secrets to a suspected "
     "Chinese agent, the defence ministry said on Sunday. Last year two officials were sentenced to five and "
     "three years in prison for leaking procurement files to arms dealers.",
     {"sponsor": "CN", "target": "KR", "stage": "arrested", "count": 1, "months": None, "nationality": ["KR"]}),
    # the lead's sentence outranks a later verdict sentence about the same person
    ("lead-sentenced-then-convicted", "Chinese national jailed for eight years in US",
     "A federal judge sentenced a Chinese national to eight years in prison on Wednesday for acting as an "
     "agent of China in the United States, the Justice Department said. A jury convicted Li Wen, 29, last "
     "year on two counts of acting as an unregistered agent of a foreign government.",
     {"names": "Li Wen", "sponsor": "CN", "target": "US", "stage": "sentenced", "months": (96, 96)}),
    # an old conviction for another crime does not make the stage
    ("old-conviction-other-crime", "Ukrainian charged with guiding Russian strikes",
     "The Security Service of Ukraine said on Friday that a man from Kharkiv had been charged with passing "
     "the positions of air defence units to Russian intelligence. He had previously been convicted of theft.",
     {"sponsor": "RU", "target": "UA", "stage": "charged"}),
    # a fine is not a payment even when the same sum was paid to him
    ("fine-and-payment", "Courier for Chinese intelligence gets three years",
     "A Texas man was sentenced to three years in prison on Monday for delivering cash for China's Ministry of "
     "State Security, and was ordered to pay a fine of $25,000. He admitted being paid at least $40,000 for "
     "the trips.",
     {"sponsor": "CN", "target": "US", "stage": "sentenced", "months": (36, 36), "payments": [(40000, "USD")]}),
    # employment years are not the spying years
    ("employment-years", "Former parliament aide charged with spying for China",
     "Federal prosecutors in Karlsruhe charged a former parliamentary aide on Thursday with spying for Chinese "
     "intelligence. The man, who worked in a lawmaker's office from 2018 until 2023, had passed information "
     "to a Chinese handler since at least 2015, prosecutors said.",
     {"sponsor": "CN", "target": "DE", "stage": "charged", "period": (2015, None)}),
]

# A second batch, written after reading more misses and run before their fixes (1 of 3 right then).
MORE: list[tuple[str, str, str, dict[str, object]]] = [
    # a step said of "a Chinese national" is a step of the case, though no name is printed
    ("unnamed-national-sentenced", "Chinese national gets seven years in US",
     "A federal jury sentenced a Chinese national to seven years in prison on Thursday for acting as an "
     "agent of China, prosecutors said. The jury had found Zhou Lan, 33, guilty in March of recruiting "
     "engineers for Chinese intelligence.",
     {"names": "Zhou Lan", "sponsor": "CN", "target": "US", "stage": "sentenced", "months": (84, 84)}),
    # the lawmaker an aide worked for is not the accused
    ("aide-to-titled-lawmaker", "Aide to veteran populist MEP jailed for Russian spying",
     "A former aide to Hungarian populist lawmaker Gabor Varga has been sentenced to three years in prison for "
     "spying on behalf of Russia, a Budapest court said. The aide, Laszlo B., passed committee papers to a "
     "Russian diplomat.",
     {"names": "Laszlo B", "not_names": "Varga", "sponsor": "RU", "stage": "sentenced", "target": "HU",
      "months": (36, 36)}),
    # a background case under foreign-interference laws, with no state named, is a case
    ("interference-background", "Melbourne woman charged over foreign interference",
     "A Chinese-born Melbourne woman has been charged with foreign interference for monitoring a Tibetan "
     "community group on behalf of a Public Security Bureau of China, the AFP said on Friday. In 2021, a Sydney "
     "man was charged with a foreign interference offence.",
     {"sponsor": "CN", "target": "AU", "stage": "charged", "service": "Public Security Bureau"}),
]

# Whom they worked for, said of the recipient or of the exposed; written before the fix (0 of 3 right
# then, 2 of 3 after).
SPONSORS: list[tuple[str, str, str, dict[str, object]]] = [
    ("recipient-authorities", "Couple charged over plan to pass army files",
     "Federal police in Perth charged a married couple on Friday with preparing an espionage offence. Police "
     "allege the pair planned to hand confidential defence files to Belarusian authorities.",
     {"sponsor": "BY", "target": "AU", "stage": "charged"}),
    ("shared-with-officials", "Engineer arrested for sharing plans with Iranian officials",
     "Dutch police arrested an engineer in Eindhoven on Tuesday on suspicion of sharing chip designs with "
     "Iranian officials, prosecutors said.",
     {"sponsor": "IR", "target": "NL", "stage": "arrested"}),
    ("exposed-agents", "Analyst charged with exposing agents to Russia",
     "A Lithuanian court charged a former intelligence analyst on Monday with revealing the names of undercover "
     "Lithuanian officers to a Russian operative, prosecutors in Vilnius said.",
     {"sponsor": "RU", "target": "LT", "stage": "charged"}),
]

# Wording of terms, sums and families; written before the fixes (3 of 4 right then).
WORDING: list[tuple[str, str, str, dict[str, object]]] = [
    ("hyphenated-half", "Sailor gets five-and-a-half years for spying",
     "A military court in Kaohsiung sentenced a Taiwanese navy sailor to five-and-a-half years in prison on "
     "Friday for passing patrol routes to China.",
     {"sponsor": "CN", "target": "TW", "stage": "sentenced", "months": (66, 66)}),
    ("years-after-detention", "Chinese court hands Canadian writer death sentence",
     "A court in Beijing handed Canadian writer Liam Porter a suspended death sentence for espionage on Monday. "
     "The verdict came four years after Porter was detained at Beijing airport.",
     {"target": "CN", "stage": "sentenced", "months": None}),
    ("paid-then-confiscated", "Brothers jailed for recruiting soldiers for China",
     "A Taiwanese court sentenced two brothers to nine years each on Tuesday for recruiting soldiers for "
     "Chinese intelligence. The court said the NT$2.4 million they were paid had been confiscated.",
     {"sponsor": "CN", "target": "TW", "stage": "sentenced", "payments": [(2400000, "TWD")]}),
    ("family-surname-plural", "Father and son jailed for spying for China",
     "Chen Wei-ming and his son Chen Po-han were sentenced to six years in prison by a court in Taichung for "
     "spying for China, prosecutors said. The court said the Chens were paid NT$800,000 by a Chinese handler.",
     {"names": "Chen Wei-ming", "sponsor": "CN", "target": "TW", "stage": "sentenced",
      "payments": [(800000, "TWD")]}),
]

# Years of the spying in real wording; written before the fixes (1 of 4 right then).
PERIODS: list[tuple[str, str, str, dict[str, object]]] = [
    ("late-month-range", "Sailor charged with selling ship data to China",
     "Federal prosecutors charged a Navy sailor in San Diego on Friday with selling ship maintenance data to "
     "Chinese intelligence between late March 2022 and early June 2023.",
     {"sponsor": "CN", "target": "US", "stage": "charged", "period": (2022, 2023)}),
    ("began-long-clause", "Soldier arrested for selling secrets to China",
     "A US Army sergeant was arrested in Texas on Wednesday for selling secrets to China, the Justice Department "
     "said. Prosecutors said he began conspiring to obtain and sell classified weapons manuals in October 2023.",
     {"sponsor": "CN", "target": "US", "stage": "arrested", "period": (2023, None)}),
    ("approached-start", "Businessman jailed for acting as Chinese agent",
     "A federal judge in Boston sentenced a businessman to three years in prison for acting as an agent of China. "
     "He admitted he was approached by a Chinese intelligence officer on a trip to Shanghai in June 2016.",
     {"sponsor": "CN", "target": "US", "stage": "sentenced", "period": (2016, None)}),
    ("ring-began", "Cairo court jails Israeli spy ring members",
     "An Egyptian court sentenced three men to 15 years in prison on Sunday for spying for Israel. According to "
     "the charges, the ring began in April 2009, when one of them met an Israeli handler in Rome.",
     {"sponsor": "IL", "target": "EG", "stage": "sentenced", "period": (2009, None)}),
]

# Known gaps after the fixes: kept as strict xfails with their reason.
KNOWN_GAPS: dict[str, str] = {
    "recipient-authorities": "'Federal police in Perth': Perth (Australia and Scotland) is left out of the places "
                             "table as ambiguous, so no state is named",
}


def _params() -> list[object]:
    return [pytest.param(title, body, want, "en", id=key,
                         marks=[pytest.mark.xfail(reason=KNOWN_GAPS[key], strict=True)] if key in KNOWN_GAPS else [])
            for key, title, body, want in NEWS + MORE + SPONSORS + WORDING + PERIODS]


@pytest.mark.parametrize(("title", "body", "want", "lang"), _params())
def test_binding_news_fields(title: str, body: str, want: dict[str, object], lang: str, nlp) -> None:  # noqa: F811
    _check(title, body, want, lang, nlp)


# Round-ups: a step done to people a later sentence introduces as new ("a former soldier was
# sentenced", "police arrested several suspects") is another case; the opening lines that
# describe the lead case's person again are not. Written before the fix (2 of 3 right then: the two
# that must not split).
ROUND_UPS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("round-up-unnamed", "Three arrested in Austria over sabotage plot",
     "Austrian police have arrested three men suspected of planning sabotage on behalf of Russian intelligence, "
     "prosecutors in Vienna said on Monday. The men were detained in Graz after buying drones. Officials said "
     "the threat from Russian sabotage had grown since 2022. Last month, a former Austrian army officer was "
     "sentenced to two years in prison for passing secret documents to Russia. In March, Czech police arrested "
     "several suspects over an arson attack on a depot in Prague that investigators tied to Russia.",
     [("arrested", "AT"), ("sentenced", "AT"), ("arrested", "CZ")]),
    ("lead-described-twice", "Navy officer detained over leaks to China",
     "SEOUL - A South Korean navy officer has been detained for allegedly leaking secrets to China, the defence "
     "ministry said. A lieutenant commander posted to the fleet command faces charges that he handed over "
     "classified files to a suspected Chinese agent.",
     [("charged", "KR")]),
    ("definite-group-not-new", "Four soldiers jailed for spying for China",
     "A Taiwanese court sentenced four soldiers to between five and seven years in prison for photographing "
     "secrets for Chinese handlers. The soldiers were paid in cash. During the trial the prosecution said that "
     "the four soldiers had been recruited by a retired officer, who was charged separately last year.",
     [("sentenced", "TW")]),
    # written with its fix: the same description again, past the opening, is the same person
    ("same-description-again", "Chinese national gets eight years",
     "WASHINGTON (Wire) - Updated 26 January. Filed by our desk. A US jury sentenced a Chinese national to "
     "eight years in prison for acting as an agent of China. \"A Chinese national was sentenced today to eight "
     "years in prison,\" the release said. The jury had convicted Chinese national Wu Lei, 31, in September.",
     [("sentenced", "US")]),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*r[1:], id=r[0]) for r in ROUND_UPS])
def test_round_up_cases(title: str, body: str, want: list[tuple[str, str]], nlp) -> None:  # noqa: F811
    from tests.understand.cases.test_generalisation import _lead

    mentions = _lead(title, body, nlp, "en")
    assert [(m.stage, m.target_country) for m in mentions] == want
