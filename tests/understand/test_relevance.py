"""Relevance: espionage cases, statistics and counter-intelligence in; look-alike genres out."""

from __future__ import annotations

import re

import pytest

from spyglass.records import Article
from spyglass.understand.relevance import HINT, NEGATIVE, POSITIVE, cues, relevance_of, sentence_spans


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
