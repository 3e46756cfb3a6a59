"""Fifth held-out batch: English news paragraphs written for this test (invented people and
wording), one per kind of miss still seen on real reporting after the binding batch: generic
statements read as a term, an imposed "maximum term", a couple counted as one, money found at a
dead drop or referred back to ("that much"), an agency announcing its own arrest read as the
sponsor, retaliatory expulsions and a quoted verdict opening a second case, a document's title
read as an arrest. Each gives the lead case's fields (or the cases of a round-up) as an annotator
following SCHEMA.md would. Written before the fixes for them; a failure is a general weakness,
never a text to special-case."""

from __future__ import annotations

import pytest

from tests.understand.cases.test_generalisation import nlp  # noqa: F401  (the shared spaCy fixture)
from tests.understand.cases.test_generalisation import test_lead_case_fields as _check

NEWS: list[tuple[str, str, str, dict[str, object]]] = [
    # what such sentences usually become is a general statement, not the term imposed
    ("usually-commuted", "Court hands blogger suspended death sentence for spying",
     "A court in Tehran on Sunday handed a British-Iranian blogger a suspended death sentence for spying for "
     "Britain, his family said. Under Iranian practice such sentences are usually commuted to life "
     "imprisonment after two years.",
     {"sponsor": "GB", "target": "IR", "stage": "sentenced", "months": None}),
    # the maximum term, once imposed, is the term
    ("maximum-term-imposed", "Clerk gets maximum term for selling codes",
     "A signals clerk was sentenced to the maximum term of ten years' imprisonment at a court in Leeds on "
     "Friday after he admitted selling cipher material to Soviet agents.",
     {"sponsor": "RU", "target": "GB", "stage": "sentenced", "months": (120, 120)}),
    # a couple is two people
    ("couple-count", "Couple arrested over spying for Russia",
     "In Austria, a couple who ran a small travel agency in Graz were arrested on Thursday on suspicion of "
     "spying for Russian military intelligence, prosecutors said.",
     {"sponsor": "RU", "target": "AT", "stage": "arrested", "count": 2}),
    # sharing information "with" a state is working for it
    ("shared-with-state", "Ex-soldier jailed for sharing secrets with Russia",
     "A former Czech soldier was sentenced to three years in prison on Monday for sharing secret military "
     "information with Russia, a court in Brno said.",
     {"sponsor": "RU", "target": "CZ", "stage": "sentenced", "months": (36, 36), "nationality": ["CZ"]}),
    # an intelligence officer of the target's own service, as the subject, is the accused
    ("former-intelligence-officer", "Former Danish intelligence officer on trial",
     "A former Danish intelligence officer is on trial in Copenhagen, accused of passing the names of "
     "informants to Russian intelligence.",
     {"sponsor": "RU", "target": "DK", "stage": "charged", "nationality": ["DK"]}),
    # a state's own security ministry announcing an arrest is the authority, not the sponsor
    ("own-service-announces", "Security ministry says engineer caught selling secrets",
     "China's Ministry of State Security said on Tuesday that it had caught a former engineer, surnamed "
     "Wang, who tried to sell classified drawings to a foreign spy agency through its website. State security "
     "officers apprehended him before he could meet the foreign agents, the ministry said.",
     {"names": "Wang", "target": "CN", "stage": "arrested", "sponsor": None}),
    # money found in a package at the arrest was never received
    ("money-found-at-drop", "Analyst sentenced to life for spying for Moscow",
     "A former defence analyst was sentenced to life in prison on Friday for selling secrets to Russia. "
     "Agents arrested him near a park in Virginia and recovered a bag that held $40,000 in cash, left for "
     "him at the drop site. Prosecutors said he was paid about $600,000 over two decades.",
     {"sponsor": "RU", "target": "US", "stage": "sentenced", "months": ("life", "life"),
      "payments": [(600000.0, "USD")]}),
    # "that much" is the sum of the sentence before
    ("paid-that-much", "Courier sentenced for carrying secrets to Chinese officials",
     "A California man was sentenced to three years in prison on Monday for carrying memory cards of "
     "classified material to officials of China's Ministry of State Security. He was also ordered to pay a fine "
     "of $25,000. He admitted that the officials had paid him at least that much for his work.",
     {"sponsor": "CN", "target": "US", "stage": "sentenced", "months": (36, 36),
      "payments": [(25000.0, "USD")]}),
    # the year of an indictment is not the spying period
    ("indicted-in-year", "State to pay man held past his sentence",
     "The state will compensate a man convicted of contacting Syrian agents, a court in Nazareth ruled. "
     "Samir Haddad, a former council member, was indicted in 2009 for espionage and for passing information "
     "to Syrian agents during meetings in Jordan. He received a prison sentence of 30 months.",
     {"sponsor": "SY", "target": "IL", "stage": "sentenced", "months": (30, 30), "period": None}),
    # written with their fixes: "while meeting agents" after an indictment's year dates the
    # indictment; a board that "met" is no spy meeting; "a British subject" is a nationality
    ("indicted-while-meeting", "Former mayor freed after serving spy sentence",
     "Nabil Aziz, a former mayor, was indicted in 2012 for espionage and for handing information to Hezbollah "
     "agents while meeting them in Turkey. A court in Haifa sentenced him to four years in prison. The parole "
     "board that met in May 2015 refused him early release.",
     {"names": "Nabil Aziz", "target": "IL", "stage": "sentenced", "months": (48, 48), "period": None}),
    ("security-ministry-tells", "Iran says it caught people selling secrets to foreign spies",
     "State security organs across Iran have caught several people who tried to sell secrets to foreign "
     "intelligence agencies, the Ministry of Intelligence said on Sunday. In one case, a man surnamed Rahimi, "
     "a former employee of a defence firm, contacted a foreign agency through its website. Officers arrested "
     "him before he could meet his contacts.",
     {"names": "Rahimi", "target": "IR", "stage": "arrested", "sponsor": None}),
    # written with its fix: victims named after "threats against" or as citizens to be killed
    ("victims-against-and-citizens", "Turkey detains 12 over spying on dissidents for Iran",
     "Police in Istanbul detained 12 people accused of spying on Syrian dissidents for Iranian intelligence. "
     "Prosecutors said the group's work helped Iranian agents run smear campaigns and threats against Syrians, "
     "and that one member scouted a plan to assassinate British citizens living in the city.",
     {"sponsor": "IR", "target": "TR", "stage": "arrested", "count": 12, "nationality": []}),
    # written with their fixes: "that of a couple" is another case's people; the other side's
    # diplomats sent home in retaliation are not the accused
    ("linked-to-a-couple", "Norwegian court jails embassy guard for spying",
     "OSLO - A Norwegian court sentenced an embassy guard to nine years in prison on Friday for passing "
     "documents to Russian intelligence. The case is linked to that of a couple on trial in Sweden on similar "
     "charges.",
     {"sponsor": "RU", "target": "NO", "stage": "sentenced", "months": (108, 108), "count": 1}),
    ("retaliation-nationality", "Chile expels two Russian diplomats over spying",
     "Chile has expelled two Russian diplomats accused of working for Russian military intelligence, the "
     "foreign ministry said. Moscow sent two Chilean diplomats home in retaliation on Friday.",
     {"sponsor": "RU", "target": "CL", "stage": "expelled", "nationality": ["RU"]}),
    ("british-subject", "Aircraft engineer jailed for passing drawings to Soviet agents",
     "An aircraft engineer was sentenced to six years at the Old Bailey yesterday for passing drawings to "
     "Soviet agents. The indictment said that he, being a British subject, had communicated the drawings to a "
     "person unknown.",
     {"sponsor": "RU", "target": "GB", "stage": "sentenced", "months": (72, 72), "nationality": ["GB"]}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*r[1:], id=r[0]) for r in NEWS])
def test_lead_case_of_real_wording(title: str, body: str, want: dict[str, object], nlp) -> None:  # noqa: F811
    _check(title, body, want, "en", nlp)


# Round-ups and follow-ups: only the cases a reader would record, each as (stage, target).
ROUND_UPS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # the other state's answer to an expulsion is retaliation, not a second spy case
    ("tit-for-tat", "Estonia expels two Russian diplomats over spying",
     "Estonia has expelled two Russian diplomats accused of working for Russian military intelligence, the "
     "foreign ministry in Tallinn said on Wednesday. Moscow has not yet commented on the expulsions but "
     "usually answers such moves with tit-for-tat expulsions.",
     [("expelled", "EE")]),
    # a quoted "not-guilty verdict" is the acquittal already reported, and a radio station is no one
    ("quoted-verdict", "Jury acquits Russian scientist of spying",
     "MOSCOW - A jury on Tuesday acquitted a Russian engineer who had been charged with treason for selling "
     "research to a Chinese company. \"The not-guilty verdict came only thanks to the jury,\" his lawyer, Oleg "
     "Markov, told the radio station Echo Radio.",
     [("acquitted", "RU")]),
    # a second case told as "In <country>, ... were arrested"
    ("in-country-second-case", "Dutch court jails official for spying for Russia",
     "A court in The Hague sentenced a Dutch foreign ministry official to ten years in prison on Tuesday for "
     "passing documents to Russian intelligence. In Belgium, a couple posing as Austrian citizens were "
     "arrested in 2019 on suspicion of running the official for Moscow.",
     [("sentenced", "NL"), ("arrested", "BE")]),
]


# Still open (each a general class; strict, so a fix shows up as XPASS -> fail).
KNOWN_GAPS: dict[str, str] = {
    "quoted-verdict": "a quoted 'not-guilty verdict' is read as a conviction, and opens its own case",
    "in-country-second-case": "'In Belgium, a couple ... were arrested': the second case is not told apart",
    "title-in-quotes": "a table's title in quotes ('Agents ... Arrested in Europe') is read as an arrest",
}


def _marks(case_id: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(reason=KNOWN_GAPS[case_id], strict=True)] if case_id in KNOWN_GAPS else []


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*r[1:], id=r[0], marks=_marks(r[0])) for r in ROUND_UPS])
def test_round_up_cases_of_real_wording(title: str, body: str, want: list[tuple[str, str]], nlp) -> None:  # noqa: F811
    from tests.understand.cases.test_generalisation import _lead

    mentions = _lead(title, body, nlp, "en")
    assert [(m.stage, m.target_country) for m in mentions] == want


@pytest.mark.xfail(reason=KNOWN_GAPS["title-in-quotes"], strict=True)
def test_a_documents_title_in_quotes_reports_no_arrest(nlp) -> None:  # noqa: F811
    from tests.understand.cases.test_generalisation import _lead

    title = "Former counter-intelligence chief warns Congress of espionage threat"
    body = ("A former FBI counter-intelligence official, Daniel Ross, told a House panel on Tuesday that espionage "
            "remains a grave threat. In his testimony he presented a table of \"Agents of Foreign Powers Arrested "
            "in Europe Since 2000\" and urged more funding for counter-intelligence.")
    assert _lead(title, body, nlp, "en") == []
