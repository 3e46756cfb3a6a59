"""Third held-out batch: 15 English news items written for this test (invented people; ERR, PAP,
NOS, PTI, Yonhap, AP, Inquirer, Times of Israel, ABC, SVT, DW, Focus Taiwan, BBC, CBC and AFP
wording), each with the lead case's fields as an annotator following SCHEMA.md would record them.
Written before any fix for it; a failure is a general weakness, never a text to special-case."""

from __future__ import annotations

import pytest

from tests.understand.cases.test_generalisation import nlp  # noqa: F401  (the shared spaCy fixture)
from tests.understand.cases.test_generalisation import test_lead_case_fields as _check

NEWS: list[tuple[str, str, str, dict[str, object]]] = [
    ("err-fsb-plea", "Narva man gets six and a half years for carrying out FSB tasks",
     "Tartu County Court has sentenced Narva resident Andrei Tamm to six and a half years in prison for "
     "carrying out tasks for the Russian Federal Security Service (FSB), ERR News reported on Wednesday. "
     "According to the Internal Security Service (KAPO), Tamm was recruited in 2022 and photographed the "
     "movements of allied troops near Tapa. He received at least 1,200 euros for the tasks, prosecutors said.",
     {"names": "Tamm", "sponsor": "RU", "target": "EE", "stage": "sentenced", "months": (78, 78),
      "service": "FSB", "payments": [(1200, "EUR")], "period": (2022, None)}),
    ("pap-sabotage-charged", "Belarusian charged with preparing sabotage for Russian intelligence",
     "The National Prosecutor's Office in Warsaw said on Tuesday it had charged a Belarusian citizen with "
     "preparing acts of sabotage on behalf of Russian military intelligence. The 29-year-old, identified as "
     "Siarhei K. under Polish privacy law, was detained by the Internal Security Agency in Wroclaw in May. "
     "Prosecutors said he had been promised $3,000 for setting fire to a warehouse storing aid for Ukraine. "
     "He faces up to ten years in prison.",
     {"names": "Siarhei K.", "sponsor": "RU", "target": "PL", "stage": "charged", "nationality": ["BY"],
      "payments": [], "months": None}),
    ("nos-aivd-expel", "Netherlands expels two Russian diplomats over espionage",
     "The Dutch government has expelled two Russian diplomats who were working undercover for Russian "
     "intelligence, the foreign minister said on Thursday. The AIVD general intelligence and security service "
     "said the pair, accredited to the Russian embassy in The Hague, had tried to recruit sources in the "
     "semiconductor sector. They have been ordered to leave the country within two weeks.",
     {"sponsor": "RU", "target": "NL", "stage": "expelled", "count": 2, "nationality": ["RU"]}),
    ("pti-shipyard-instagram", "Shipyard contract worker held for sending carrier photos to Pakistani agent",
     "KOCHI: A contract employee at Cochin Shipyard was arrested by the city police on Saturday for allegedly "
     "sharing photographs of the aircraft carrier INS Vikrant with a suspected Pakistani intelligence operative "
     "he had befriended on Instagram. Police said Abhishek Kumar, 25, a native of Bihar, received Rs 45,000 "
     "through UPI payments between November 2024 and February 2025.",
     {"names": "Kumar", "sponsor": "PK", "target": "IN", "stage": "arrested", "payments": [(45000, "INR")],
      "period": (2024, 2025)}),
    ("yonhap-agent-list", "Ex-military intelligence employee gets 20 years for leaking agent list to Chinese",
     "SEOUL, Jan. 28 (Yonhap) - A military court on Tuesday sentenced a former civilian employee of the Korea "
     "Defense Intelligence Command to 20 years in prison for leaking the identities of undercover agents to a "
     "Chinese national believed to be working for Chinese intelligence. The 49-year-old, identified only by "
     "his surname Park, received about 160 million won from 2019 to 2024, the court said. He was also fined "
     "1.6 billion won.",
     {"names": "Park", "sponsor": "CN", "target": "KR", "stage": "sentenced", "months": (240, 240),
      "payments": [(160000000, "KRW")], "period": (2019, 2024)}),
    ("ap-soldier-believed", "Army analyst pleads guilty to selling secrets to man he thought was Chinese spy",
     "NASHVILLE, Tenn. (AP) - A U.S. Army intelligence analyst stationed at Fort Campbell pleaded guilty "
     "Wednesday to conspiring to sell national defense information, the Justice Department said. Sgt. Tyler "
     "Brandt-Okafor, 28, admitted that from July 2023 until his arrest in March 2025 he sold documents on "
     "missile systems to an individual he believed was working for the Chinese government, receiving at least "
     "$42,000. He faces up to life in prison when he is sentenced in August.",
     {"names": "Brandt-Okafor", "sponsor": "CN", "target": "US", "stage": "convicted", "months": None,
      "payments": [(42000, "USD")], "period": (2023, 2025)}),
    ("inquirer-nbi-five", "NBI arrests five Chinese nationals near military bases in Zambales",
     "MANILA - Agents of the National Bureau of Investigation arrested five Chinese nationals suspected of "
     "spying for China near military bases in Zambales, the bureau's director said on Thursday. The suspects "
     "were found with surveillance equipment and drone footage of a Philippine Navy base. The NBI said it would "
     "file espionage charges against them.",
     {"sponsor": "CN", "target": "PH", "stage": "arrested", "count": 5, "nationality": ["CN"]}),
    ("toi-shinbet-telegram", "Seven Haifa residents indicted for spying for Iran, Shin Bet says",
     "Prosecutors on Monday filed indictments against seven residents of Haifa accused of carrying out "
     "espionage missions for Iranian agents, the Shin Bet security agency and Israel Police said in a joint "
     "statement. The suspects, all Israeli citizens, were recruited over Telegram in 2023 and were paid in "
     "cryptocurrency for photographing military bases and the home of a nuclear scientist.",
     {"sponsor": "IR", "target": "IL", "stage": "charged", "count": 7, "nationality": ["IL"],
      "period": (2023, None)}),
    ("abc-foreign-interference", "Melbourne businessman jailed under foreign interference laws",
     "A Melbourne businessman has been sentenced to two years and nine months in prison for preparing to "
     "commit foreign interference on behalf of China's Ministry of State Security. Hoang Van Tran, 68, was "
     "found guilty by a jury in the County Court of Victoria last year. He will be eligible for release after "
     "serving 12 months.",
     {"names": "Tran", "sponsor": "CN", "target": "AU", "stage": "sentenced", "months": (33, 33),
      "service": "Ministry of State Security"}),
    ("svt-acquitted", "Swedish court acquits trader accused of spying for Russia",
     "Stockholm District Court on Friday acquitted a 61-year-old Swedish citizen of aggravated unlawful "
     "intelligence activities, saying prosecutors had not proven that he collected information for Russia's "
     "GRU. The man, an import-export trader named Lars Eklund, had been held in custody since November.",
     {"names": "Eklund", "sponsor": "RU", "target": "SE", "stage": "acquitted", "service": "GRU",
      "nationality": ["SE"], "months": None}),
    ("dw-major-consulate", "German court jails army major for offering air defence secrets to Russia",
     "A German court on Monday sentenced a Bundeswehr major to three years and six months in prison for "
     "passing information on the army's air defence systems to the Russian consulate general in Bonn. The "
     "Higher Regional Court in Koblenz found that the officer, named only as Stefan W., acted out of "
     "pro-Russian sympathies and received no money. He had offered his services in 2023.",
     {"names": "Stefan W.", "sponsor": "RU", "target": "DE", "stage": "sentenced", "months": (42, 42),
      "payments": [], "nationality": []}),
    ("focus-general-suspended", "Retired Taiwanese general given suspended sentence in China spy case",
     "Taipei, March 6 (CNA) - The Taiwan High Court on Wednesday sentenced retired army Lieutenant General Kao "
     "Chih-ming to one year and eight months in prison, suspended for five years, for trying to recruit "
     "serving officers for Chinese intelligence. Kao, 71, was found to have attended meetings in Shenzhen "
     "arranged by a Chinese intelligence officer between 2017 and 2019.",
     {"names": "Kao", "sponsor": "CN", "target": "TW", "stage": "sentenced", "months": (20, 20),
      "nationality": ["TW"], "period": (2017, 2019)}),
    ("bbc-wagner-arson", "British man found guilty of arson plot for Russian-backed Wagner group",
     "A 22-year-old man from Leicestershire has been found guilty at the Old Bailey of aggravated arson and of "
     "assisting a foreign intelligence service, after organising an attack on a Ukrainian-owned warehouse in "
     "east London on behalf of the Wagner group and the Russian state. Connor Ashby-Price is the first person "
     "convicted under the National Security Act. He will be sentenced in October.",
     {"names": "Ashby-Price", "sponsor": "RU", "target": "GB", "stage": "convicted", "nationality": ["GB"],
      "months": None}),
    ("cbc-rcmp-engineer", "RCMP charges former defence engineer with trying to help Russia",
     "OTTAWA - The RCMP has charged a former civilian engineer with the Department of National Defence with "
     "attempting to communicate special operational information to a foreign entity, the force said Thursday. "
     "Marc-Andre Gagnon-Rivard, 44, of Gatineau, Que., was arrested at his home on Tuesday. Police allege he "
     "contacted the Russian embassy in Ottawa in 2024 offering details of Canadian naval programmes.",
     {"names": "Gagnon-Rivard", "sponsor": "RU", "target": "CA", "stage": "charged", "period": (2024, 2024)}),
    ("afp-dgsi-nco", "French soldier charged with passing secrets to Russia",
     "PARIS (AFP) - A French non-commissioned officer has been charged and remanded in custody on suspicion of "
     "passing classified information to Russian intelligence, the Paris prosecutor's office said on Friday. "
     "The 34-year-old, who was arrested by the DGSI domestic intelligence agency on Tuesday, is accused of "
     "delivering information to a foreign power. He had been stationed in Djibouti.",
     {"sponsor": "RU", "target": "FR", "stage": "charged", "nationality": ["FR"]}),
]

# Open weaknesses (each a general class; strict, so a fix shows up as XPASS -> fail).
# Before any fix 6 of 15 passed; the fixes below brought it to 14 (see the report in the session log).
KNOWN_GAPS: dict[str, str] = {
    "bbc-wagner-arson": "'on behalf of the Wagner group and the Russian state': a state coordinated after a "
                        "non-state sponsor gives no sponsor; 'Connor Ashby-Price is the first person convicted' "
                        "(a name as subject of 'is', no age or step verb in its sentence) is not read",
}


def _params() -> list[object]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(reason=KNOWN_GAPS[c[0]], strict=True)]
                         if c[0] in KNOWN_GAPS else []) for c in NEWS]


@pytest.mark.parametrize(("title", "body", "want"), _params())
def test_news_lead_case(title: str, body: str, want: dict[str, object], nlp) -> None:  # noqa: F811
    _check(title, body, want, "en", nlp)
