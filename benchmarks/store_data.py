"""Realistic synthetic news for the store benchmark: articles with analyses, then the cases they report.

Deterministic for a seed. What is modelled, because it decides how queries behave at scale:

- text lengths: log-normal, median ~420 words (~2.7 kB), from short items to long features;
- term frequencies: a Zipf vocabulary under real English function words, country names at
  news-like rates ("China" in about a third of the articles, "Russia" in about a quarter), a
  few planted rare words ("Kaliningrad" 1 in 2,000 articles, "Vladivostok" 1 in 20,000);
- who spies on whom: sponsors, targets, services and first stages drawn from skewed tables
  (China and Russia most cases, the United States the most frequent target);
- reporting: about 6 in 10 articles report a case, some several; a report names a new case or,
  by preferential attachment to recent reports, one already in the news, so most cases have one
  or two articles and a few have hundreds; each new report may move the case a stage on;
- the store's time order: articles come roughly in publication order with some backfill, and
  publishing volume grows over the years.

``Corpus.analyses()`` yields the articles (pass 1, remembering which case each report names);
``Corpus.cases()`` then yields every case once, built as linking would from its reports, with
linking's own blocking keys (pass 2). Run ``python benchmarks/store_data.py`` for a sample.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spyglass.link import case_keys
from spyglass.records import (
    STAGE_ORDER,
    Analysis,
    Article,
    Case,
    CaseSource,
    Entity,
    Evidence,
    Mention,
    Payment,
    Relevance,
    Stage,
    Stat,
    TimelineEvent,
    case_title,
)

__all__ = ["Corpus", "COUNTRIES", "RARE_TERMS"]

# code: (name, demonym, city), weight as sponsor, weight as target
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "CN": ("China", "Chinese", "Beijing"), "RU": ("Russia", "Russian", "Moscow"), "IR": ("Iran", "Iranian", "Tehran"),
    "KP": ("North Korea", "North Korean", "Pyongyang"), "US": ("United States", "American", "Washington"),
    "IL": ("Israel", "Israeli", "Tel Aviv"), "TR": ("Turkey", "Turkish", "Ankara"), "IN": ("India", "Indian", "Delhi"),
    "PK": ("Pakistan", "Pakistani", "Islamabad"), "BY": ("Belarus", "Belarusian", "Minsk"),
    "TW": ("Taiwan", "Taiwanese", "Taipei"), "DE": ("Germany", "German", "Berlin"), "GB": ("Britain", "British", "London"),
    "FR": ("France", "French", "Paris"), "JP": ("Japan", "Japanese", "Tokyo"), "KR": ("South Korea", "South Korean", "Seoul"),
    "UA": ("Ukraine", "Ukrainian", "Kyiv"), "PL": ("Poland", "Polish", "Warsaw"), "NL": ("Netherlands", "Dutch", "The Hague"),
    "SE": ("Sweden", "Swedish", "Stockholm"), "AU": ("Australia", "Australian", "Canberra"), "CA": ("Canada", "Canadian", "Ottawa"),
    "EE": ("Estonia", "Estonian", "Tallinn"), "LT": ("Lithuania", "Lithuanian", "Vilnius"), "CZ": ("Czechia", "Czech", "Prague"),
    "AT": ("Austria", "Austrian", "Vienna"), "VN": ("Vietnam", "Vietnamese", "Hanoi"), "SA": ("Saudi Arabia", "Saudi", "Riyadh"),
}
SPONSOR_WEIGHTS = {"CN": 36, "RU": 30, "IR": 8, "KP": 5, "US": 4, "BY": 3, "IL": 2, "TR": 2, "IN": 2, "PK": 2,
                   "VN": 1, "SA": 1, "FR": 1}
TARGET_WEIGHTS = {"US": 22, "TW": 9, "UA": 8, "DE": 8, "GB": 7, "FR": 4, "KR": 4, "PL": 4, "JP": 3, "AU": 3,
                  "CA": 3, "IN": 3, "EE": 2, "LT": 2, "CZ": 2, "NL": 2, "SE": 2, "AT": 2, "RU": 3, "CN": 2, "IL": 2,
                  "IR": 1, "TR": 1}
SERVICES: dict[str, list[tuple[str, str]]] = {
    "CN": [("MSS", "Ministry of State Security"), ("PLA", "People's Liberation Army intelligence")],
    "RU": [("GRU", "GRU military intelligence"), ("SVR", "SVR foreign intelligence service"), ("FSB", "FSB security service")],
    "IR": [("MOIS", "Ministry of Intelligence"), ("IRGC", "Revolutionary Guards intelligence")],
    "KP": [("RGB", "Reconnaissance General Bureau")], "US": [("CIA", "Central Intelligence Agency")],
    "BY": [("KGB", "KGB")], "IL": [("Mossad", "Mossad")], "TR": [("MIT", "MIT intelligence agency")],
    "IN": [("RAW", "Research and Analysis Wing")], "PK": [("ISI", "Inter-Services Intelligence")],
}
FIRST_STAGES: dict[Stage, int] = {"suspected": 20, "arrested": 36, "charged": 20, "convicted": 7, "sentenced": 11,
                                  "expelled": 4, "acquitted": 1, "released": 1}
NEXT_STAGE: dict[str, Stage] = {"suspected": "arrested", "arrested": "charged", "charged": "convicted",
                                "convicted": "sentenced"}
STAGE_CODES: list[Stage] = list(FIRST_STAGES)
VERBS = {"suspected": "suspected of spying", "arrested": "arrested", "charged": "charged", "convicted": "convicted",
         "sentenced": "sentenced to {years} years in prison", "expelled": "expelled", "acquitted": "acquitted",
         "released": "released in a prisoner exchange"}
ROLES = ["engineer", "researcher", "army officer", "diplomat", "businessman", "student", "translator", "navy sailor",
         "civil servant", "professor", "police officer", "technician", "aide", "journalist", "contractor"]
TOPICS = ["defence documents", "missile designs", "chip technology", "military secrets", "details of troop movements",
          "classified reports", "drone blueprints", "information on dissidents", "trade secrets", "satellite data"]
FIRST_NAMES = {
    "CN": "Wei Jun Lei Min Hua Yan Li Xin Hong Jie Ming Qiang Bo Chao Fang Ying Tao Kai Lin Ping".split(),
    "RU": "Sergei Ivan Dmitri Olga Anna Pavel Nikolai Yuri Alexei Maria Viktor Andrei Elena Igor Mikhail".split(),
    "*": "John David Michael Anna Peter Thomas Maria Daniel Laura Mark Paul Sarah Jan Eva Lukas Sofia Kim Ali Reza".split(),
}
LAST_NAMES = {
    "CN": "Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Xie Song Tang".split(),
    "RU": "Ivanov Petrov Smirnov Kuznetsov Popov Volkov Sokolov Lebedev Kozlov Novikov Morozov Pavlov Orlov".split(),
    "*": "Smith Muller Kowalski Nowak Schmidt Johnson Brown Weber Novak Jensen Hansen Park Lee Kim Tanaka Cohen".split(),
}
# planted rare words and the share of articles that carry them
RARE_TERMS = {"kaliningrad": 1 / 2_000, "vladivostok": 1 / 20_000}
# countries a news article names in passing, with the share of articles doing so
INCIDENTAL = {"CN": 0.14, "RU": 0.11, "US": 0.2, "UA": 0.06, "IR": 0.04, "TW": 0.03, "GB": 0.05, "DE": 0.05,
              "FR": 0.04, "JP": 0.03, "IN": 0.03, "KP": 0.02, "IL": 0.03}
FUNCTION_WORDS = "the of and to in a that for is on was with said by as at from his it an be has have are were".split()
NEWS_WORDS = ("government officials minister president police court year people country security report state "
              "military foreign national public week told statement according former team company "
              "million election party city service information law case office agency investigation defence "
              "army intelligence prosecutors trial judge evidence embassy spokesman ministry").split()
FIRST_DAY = date(2012, 1, 1)
LAST_DAY = date(2026, 11, 30)


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


@dataclass
class _Reports:
    """What pass 1 remembers of every report (mention), in parallel arrays, for pass 2."""

    case: array = field(default_factory=lambda: array("i"))  # case number
    article: array = field(default_factory=lambda: array("i"))  # article number
    index: array = field(default_factory=lambda: array("b"))  # position in the article
    stage: array = field(default_factory=lambda: array("b"))  # STAGE_CODES index
    start: array = field(default_factory=lambda: array("i"))  # offset of the lead sentence
    sentence: list[str] = field(default_factory=list)


class Corpus:
    """``articles`` articles reporting about ``cases`` cases (both approximately: cases come out
    within a few percent of the target)."""

    def __init__(self, articles: int, cases: int | None = None, seed: int = 7) -> None:
        self.articles = articles
        self.seed = seed
        self.relevant_share = 0.62
        per_article = 1.22  # reports per relevant article: one, sometimes two or three
        target = cases if cases is not None else articles // 2
        self.new_case_share = min(1.0, target / max(1.0, articles * self.relevant_share * per_article))
        rng = random.Random(seed)
        self._words, self._cum = self._vocabulary(rng)
        self._paragraphs = [self._paragraph(rng) for _ in range(min(20_000, max(2_000, articles // 20)))]  # (text, words)
        self._reports = _Reports()
        self._titles: dict[int, str] = {}
        self._days = array("i")  # per article: days since FIRST_DAY
        self._case_stage = array("b")  # per case: its latest stage so far
        self.cases_made = 0

    # --- words ----------------------------------------------------------------------------
    @staticmethod
    def _vocabulary(rng: random.Random, size: int = 60_000) -> tuple[list[str], list[float]]:
        syllables = ["ka", "ri", "to", "men", "sa", "lo", "vek", "na", "dir", "po", "un", "te", "gra", "ex", "bor",
                     "ly", "qui", "an", "del", "os", "mar", "ti", "ce", "gen"]
        made = dict.fromkeys("".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2))
        words = [*FUNCTION_WORDS, *NEWS_WORDS, *[w for w in made if w not in RARE_TERMS]][:size]
        return words, _cumulative([1.0 / (rank + 2) ** 1.05 for rank in range(len(words))])  # Zipf, like text

    def _paragraph(self, rng: random.Random) -> tuple[str, int]:
        sentences, count = [], 0
        for _ in range(rng.randint(2, 5)):
            words = rng.choices(self._words, cum_weights=self._cum, k=rng.randint(8, 26))
            sentences.append(" ".join(words).capitalize() + ".")
            count += len(words)
        return " ".join(sentences), count

    # --- pass 1: articles -----------------------------------------------------------------
    def analyses(self) -> Iterator[Analysis]:
        rng = random.Random(self.seed + 1)
        span = (LAST_DAY - FIRST_DAY).days
        for n in range(self.articles):
            # stored roughly as published, volume growing over the years; one in ten backfilled
            day = int(span * math.sqrt((n + 1) / self.articles)) - rng.randint(0, 20)
            if rng.random() < 0.1:
                day = rng.randint(0, max(0, day))
            self._days.append(max(0, min(span, day)))
            yield self._analysis(n, rng)

    def _analysis(self, n: int, rng: random.Random) -> Analysis:
        article_id = f"bench-{n:08d}"
        published = (FIRST_DAY + timedelta(days=self._days[n])).isoformat()
        parts: list[str] = []
        mentions: list[Mention] = []
        entities: list[Entity] = []
        title = ""
        if rng.random() < self.relevant_share:
            count = 1 if rng.random() < 0.82 else (2 if rng.random() < 0.78 else 3)
            used: set[int] = set()
            offset = 0
            for index in range(count):
                number = self._case_for(rng, used)
                used.add(number)
                lead, more, stage = self._report(number, rng)
                parts.append(f"{lead} {more}")
                mention = self._mention(article_id, index, published, number, stage, lead, offset)
                mentions.append(mention)
                entities += self._entities(number, offset, lead)
                self._remember(number, n, index, stage, offset, lead)
                if index == 0:
                    title = self._headline(number, stage)
                offset += len(parts[-1]) + 2  # paragraphs are joined by a blank line
        parts += self._background(rng)
        words = int(min(4000, max(60, rng.lognormvariate(math.log(420), 0.55)))) - 60 * len(parts)
        while words > 0:
            paragraph, count = rng.choice(self._paragraphs)
            parts.append(paragraph)
            words -= count
        parts.append(" ".join(rng.choices(self._words, k=8)) + ".")  # the long tail: rare words of its own
        text = "\n\n".join(parts)
        if not title:
            title = " ".join(rng.choices(self._words[20:2000], k=rng.randint(6, 11))).capitalize()
        else:
            self._titles[n] = title
        return Analysis(
            article=Article(
                id=article_id, source=f"https://news{self._outlet(rng)}.example/feed", item=n % 50, kind="page",
                title=title, url=f"https://news.example/{n}", published=published, published_precision="day",
                author="Staff reporter", categories=("world",), tags=("security",) if mentions else (),
                site_name="News", language="en", text=text, fingerprint=f"{rng.getrandbits(64):016x}",
            ),
            relevance=Relevance(is_espionage=bool(mentions), score=0.9 if mentions else 0.05,
                                reasons=("keyword:spy",) if mentions else ()),
            entities=tuple(entities), mentions=tuple(mentions), stats=self._stats(n, rng, article_id, published),
        )

    @staticmethod
    def _outlet(rng: random.Random) -> int:
        return min(int(rng.paretovariate(0.9)), 2_000)  # a few outlets publish most articles

    def _case_for(self, rng: random.Random, used: set[int]) -> int:
        """A new case, or (preferential attachment) the case of a recent report."""
        reports = self._reports.case
        if reports and rng.random() >= self.new_case_share:
            back = int(rng.expovariate(1 / 20_000))  # reports cluster in time
            if back >= len(reports):
                back = rng.randrange(len(reports))
            number = reports[len(reports) - 1 - back]
            if number not in used:
                return int(number)
        number = self.cases_made
        self.cases_made += 1
        self._case_stage.append(-1)
        return number

    def _report(self, number: int, rng: random.Random) -> tuple[str, str, Stage]:
        facts = self._facts(number)
        previous = self._case_stage[number]
        if previous < 0:
            stage = facts.stage
        else:
            stage = STAGE_CODES[previous]
            if stage in NEXT_STAGE and rng.random() < 0.35:
                stage = NEXT_STAGE[stage]
        self._case_stage[number] = STAGE_CODES.index(stage)
        who = facts.names[0] if facts.names else f"a {facts.role}"
        sponsor_name, _, _ = COUNTRIES[facts.sponsor]
        target_name, target_people, city = COUNTRIES[facts.target]
        verb = VERBS[stage].format(years=facts.years)
        service = f"'s {facts.service_name}" if facts.service_name else ""
        lead = (f"{who}, a {facts.role}, was {verb} in {city} on suspicion of spying for {sponsor_name}{service}, "
                f"{target_people} prosecutors said.")
        more = (f"The {facts.role} is accused of passing {facts.topic} to a handler in {target_name} and "
                f"{sponsor_name}; the embassy declined to comment. Intelligence officials said the case "
                f"was part of a wider pattern of espionage.")
        return lead, more, stage

    def _mention(self, article_id: str, index: int, published: str, number: int, stage: Stage, lead: str,
                 offset: int) -> Mention:
        facts = self._facts(number)
        evidence = Evidence(article_id=article_id, sentence=lead, start=offset, end=offset + len(lead),
                            rule="bench", confidence=0.8)
        return Mention(
            article_id=article_id, index=index, published=published, accused_names=facts.names,
            accused_count=len(facts.names) or None, accused_nationality=(facts.nationality,), roles=(facts.role,),
            sponsor_country=facts.sponsor, target_country=facts.target, sponsor_service=facts.service, stage=stage,
            sentence_months=(facts.years * 12, facts.years * 12) if stage == "sentenced" else None,
            payments=facts.payments, period=facts.period,
            evidence={name: evidence for name in ("stage", "sponsor_country", "target_country", "accused_names")},
            summary=lead,
        )

    def _entities(self, number: int, offset: int, lead: str) -> list[Entity]:
        facts = self._facts(number)
        found = []
        for code in (facts.sponsor, facts.target):
            name = COUNTRIES[code][0]
            at = lead.find(name)
            if at >= 0:
                found.append(Entity(text=name, label="GPE", start=offset + at, end=offset + at + len(name),
                                    kb_id=code, rule="gazetteer"))
        for name in facts.names[:1]:
            found.append(Entity(text=name, label="PERSON", start=offset, end=offset + len(name), rule="ner"))
        return found

    def _remember(self, number: int, n: int, index: int, stage: Stage, offset: int, lead: str) -> None:
        reports = self._reports
        reports.case.append(number)
        reports.article.append(n)
        reports.index.append(index)
        reports.stage.append(STAGE_CODES.index(stage))
        reports.start.append(offset)
        reports.sentence.append(lead)

    def _headline(self, number: int, stage: Stage) -> str:
        facts = self._facts(number)
        return f"{COUNTRIES[facts.target][1]} {facts.role} {VERBS[stage].split(' in ')[0].split(' to ')[0]} " \
               f"over spying for {COUNTRIES[facts.sponsor][0]}"

    def _background(self, rng: random.Random) -> list[str]:
        said = [code for code, share in INCIDENTAL.items() if rng.random() < share]
        rare = [term.capitalize() for term, share in RARE_TERMS.items() if rng.random() < share]
        if not said and not rare:
            return []
        names = [COUNTRIES[code][0] for code in said] + [f"officials near {term}" for term in rare]
        return [f"The talks also involved {', '.join(names)}, a spokesman said."]

    def _stats(self, n: int, rng: random.Random, article_id: str, published: str) -> tuple[Stat, ...]:
        if rng.random() >= 1 / 400:
            return ()
        country = rng.choice(["TW", "DE", "US", "GB", "EE", "PL"])
        sponsor = rng.choice(["China", "Russia"])
        measure = f"people prosecuted for spying for {sponsor}"
        year = int(published[:4]) - 1
        value = 10 + (hash((country, sponsor, year)) % 50) + rng.choice([0, 0, 0, 1])
        sentence = f"{value} {measure} in {year}."
        return (Stat(subject=f"{country}: {measure}", year=year, value=value, country=country, measure=measure,
                     evidence=Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence),
                                       rule="bench", confidence=0.7)),)

    # --- case facts ----------------------------------------------------------------------
    def _facts(self, number: int) -> _Facts:
        found = _FACTS_CACHE.get((self.seed, number))
        if found is None:
            found = _Facts.draw(random.Random(self.seed * 1_000_003 + number))
            if len(_FACTS_CACHE) > 200_000:
                _FACTS_CACHE.clear()
            _FACTS_CACHE[(self.seed, number)] = found
        return found

    # --- pass 2: cases --------------------------------------------------------------------
    def cases(self) -> Iterator[tuple[Case, list[str]]]:
        """Every case once, in case number order (after ``analyses()`` ran to its end)."""
        reports = self._reports
        by_case = sorted(range(len(reports.case)), key=reports.case.__getitem__)
        start = 0
        while start < len(by_case):
            number = reports.case[by_case[start]]
            end = start
            while end < len(by_case) and reports.case[by_case[end]] == number:
                end += 1
            yield self._case(number, by_case[start:end])
            start = end

    def _case(self, number: int, mine: list[int]) -> tuple[Case, list[str]]:
        reports = self._reports
        facts = self._facts(number)
        mine.sort(key=lambda r: (self._days[reports.article[r]], reports.article[r]))
        mentions: list[tuple[str, int, str, Stage, Evidence]] = []
        events: list[TimelineEvent] = []
        sources: dict[str, CaseSource] = {}
        for r in mine:
            n = reports.article[r]
            article_id, published = f"bench-{n:08d}", (FIRST_DAY + timedelta(days=self._days[n])).isoformat()
            sentence, begin = reports.sentence[r], reports.start[r]
            evidence = Evidence(article_id=article_id, sentence=sentence, start=begin, end=begin + len(sentence),
                                rule="bench", confidence=0.8)
            said = STAGE_CODES[reports.stage[r]]
            mentions.append((article_id, int(reports.index[r]), published, said, evidence))
            events.append(TimelineEvent(stage=said, date=published, article_id=article_id, evidence=evidence))
            sources[article_id] = CaseSource(article_id=article_id, title=self._titles.get(n), published=published,
                                             url=f"https://news.example/{n}", site_name="News")
        latest = max(mentions, key=lambda m: (STAGE_ORDER[m[3]], m[2]))  # as far as the proceeding went
        stage: Stage = latest[3]
        first = mentions[0][4]
        fields: dict[str, Any] = dict(
            accused_count=len(facts.names) or None, accused_names=facts.names, accused_nationality=(facts.nationality,),
            roles=(facts.role,), sponsor_country=facts.sponsor, sponsor_service=facts.service,
            target_country=facts.target, stage=stage, payments=facts.payments, period=facts.period,
            sentence_months=(facts.years * 12, facts.years * 12) if stage == "sentenced" else None,
        )
        ids = tuple(sources)
        case = Case(
            id=f"case-{number:07d}", title=case_title(fields), mentions=tuple((m[0], m[1]) for m in mentions),
            timeline=tuple(events), sources=tuple(sources.values()),
            evidence={"stage": latest[4], "sponsor_country": first, "target_country": first, "accused_names": first},
            first_reported=mentions[0][2], last_reported=mentions[-1][2],
            field_sources={"sponsor_country": ids, "target_country": ids}, **fields,
        )
        reported = [Mention(article_id=m[0], index=m[1], published=m[2], stage=m[3], **{
            k: v for k, v in fields.items() if k not in ("stage", "sentence_months")}) for m in mentions[:50]]
        return case, case_keys(reported)


@dataclass(frozen=True)
class _Facts:
    sponsor: str
    target: str
    service: str | None
    service_name: str | None
    names: tuple[str, ...]
    nationality: str
    role: str
    topic: str
    stage: Stage
    years: int
    payments: tuple[Payment, ...]
    period: tuple[int | None, int | None] | None

    @classmethod
    def draw(cls, rng: random.Random) -> _Facts:
        sponsor = rng.choices(list(SPONSOR_WEIGHTS), weights=list(SPONSOR_WEIGHTS.values()))[0]
        target = sponsor
        while target == sponsor:
            target = rng.choices(list(TARGET_WEIGHTS), weights=list(TARGET_WEIGHTS.values()))[0]
        service, service_name = rng.choice(SERVICES.get(sponsor, [(None, None)])) if rng.random() < 0.7 else (None, None)
        nationality = sponsor if rng.random() < 0.4 else target
        group = nationality if nationality in FIRST_NAMES else "*"
        count = 0 if rng.random() < 0.15 else (1 if rng.random() < 0.85 else rng.randint(2, 4))
        names = tuple(f"{rng.choice(FIRST_NAMES[group])} {rng.choice(LAST_NAMES[group])}" for _ in range(count))
        stage = rng.choices(list(FIRST_STAGES), weights=list(FIRST_STAGES.values()))[0]
        payments = (Payment(amount=float(rng.choice([5_000, 20_000, 50_000, 120_000])), currency="USD"),) \
            if rng.random() < 0.12 else ()
        start = rng.randint(2005, 2024)
        period = (start, start + rng.randint(0, 6)) if rng.random() < 0.2 else None
        return cls(sponsor, target, service, service_name, tuple(dict.fromkeys(names)), nationality, rng.choice(ROLES),
                   rng.choice(TOPICS), stage, rng.randint(2, 15), payments, period)


_FACTS_CACHE: dict[tuple[int, int], _Facts] = {}


if __name__ == "__main__":
    corpus = Corpus(2_000)
    sample = list(corpus.analyses())
    relevant = [a for a in sample if a.mentions]
    words = sorted(a.article.text.count(" ") + 1 for a in sample)
    print(f"{len(sample)} articles, {len(relevant)} reporting, {corpus.cases_made} cases;"
          f" words p10/p50/p90 {words[len(words) // 10]}/{words[len(words) // 2]}/{words[9 * len(words) // 10]}")
    for term in ("China", "Russia", "Taiwan", "Kaliningrad"):
        print(f"  {term}: {sum(term in a.article.text for a in sample) / len(sample):.1%} of articles")
    print(relevant[0].article.title, "\n", relevant[0].article.text[:400])
    built = list(corpus.cases())
    print(built[0][0].title, built[0][1][:4], max(len(c.mentions) for c, _ in built), "reports in the largest case")
