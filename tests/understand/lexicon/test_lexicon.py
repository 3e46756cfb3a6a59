"""The understand stage's rule tables: services, countries, roles and stages, as specification
tables of input -> expected output, plus integrity checks over the data files."""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from spyglass.understand import lexicon, quantities
from spyglass.understand.lexicon._services import is_short
from spyglass.understand.lexicon._stages import all_matches, stage_tables
from spyglass.understand.tables import lookup_key

# ---------------------------------------------------------------- services

SERVICE_COUNTRIES = [
    ("MSS", "CN"), ("MPS", "CN"), ("Intelligence Bureau of the Joint Staff Department", "CN"),
    ("GRU", "RU"), ("GU", "RU"), ("FSB", "RU"), ("SVR", "RU"), ("FSO", "RU"), ("KGB", "RU"),
    ("MOIS", "IR"), ("VAJA", "IR"), ("IRGC Intelligence Organization", "IR"), ("Quds Force", "IR"),
    ("RGB", "KP"), ("NIS", "KR"), ("NSB", "TW"), ("MJIB", "TW"), ("MIB", "TW"),
    ("BND", "DE"), ("BfV", "DE"), ("MAD", "DE"), ("MI5", "GB"), ("SIS", "GB"), ("MI6", "GB"),
    ("GCHQ", "GB"), ("DGSE", "FR"), ("DGSI", "FR"), ("DRM", "FR"), ("ABW", "PL"), ("AW", "PL"),
    ("SKW", "PL"), ("KAPO", "EE"), ("KaPo", "EE"), ("SAPO", "SE"), ("Säpo", "SE"), ("Must", "SE"),
    ("PST", "NO"), ("E-tjenesten", "NO"), ("AIVD", "NL"), ("MIVD", "NL"), ("VSSE", "BE"),
    ("BIS", "CZ"), ("ÚZSI", "CZ"), ("AISE", "IT"), ("AISI", "IT"), ("CNI", "ES"), ("ASIO", "AU"),
    ("ASIS", "AU"), ("NZSIS", "NZ"), ("CSIS", "CA"), ("CSE", "CA"), ("RAW", "IN"), ("R&AW", "IN"),
    ("IB", "IN"), ("ISI", "PK"), ("Mossad", "IL"), ("Shin Bet", "IL"), ("Shabak", "IL"),
    ("Aman", "IL"), ("CIA", "US"), ("FBI", "US"), ("NSA", "US"), ("DIA", "US"), ("NCIS", "US"),
    ("DGI", "CU"), ("KGB of Belarus", "BY"), ("SBU", "UA"), ("HUR", "UA"), ("GUR", "UA"),
    ("SZRU", "UA"), ("Federal Security Service", "RU"), ("federal security service", "RU"),
    ("the Ministry of State Security", "CN"), ("Bundesamt für Verfassungsschutz", "DE"),
]


@pytest.mark.parametrize(("alias", "country"), SERVICE_COUNTRIES)
def test_service_alias_resolves_to_its_country(alias: str, country: str) -> None:
    svc = lexicon.service_by_alias(alias)
    assert svc is not None, alias
    assert svc.country == country


@pytest.mark.parametrize("word", ["mss", "raw", "Raw", "must", "isi", "aman", "intelligence", "Chinese intelligence",
                                  "Russian military intelligence", "a foreign intelligence service"])
def test_ordinary_words_and_generic_descriptions_are_not_services(word: str) -> None:
    assert lexicon.service_by_alias(word) is None


SERVICE_TEXTS = [
    ("He spied for the MSS and the GRU.", ["svc.cn.mss", "svc.ru.gru"]),
    ("Russia's Federal Security Service (FSB) said", ["svc.ru.fsb", "svc.ru.fsb"]),
    ("recruited by the Belarusian KGB", ["svc.by.kgb"]),
    ("the Research and Analysis Wing (R&AW)", ["svc.in.raw", "svc.in.raw"]),
    ("Aman Kumar must go to raw markets", []),  # lookup-only aliases are not searched
    ("Sweden's Säpo and Norway's PST", ["svc.se.sapo", "svc.no.pst"]),
    ("agents of the Intelligence Bureau of the Joint Staff Department", ["svc.cn.jsd_ib"]),
]


@pytest.mark.parametrize(("text", "ids"), SERVICE_TEXTS)
def test_services_in_running_text(text: str, ids: list[str]) -> None:
    hits = lexicon.services_in(text)
    assert [h.service.id for h in hits] == ids
    for h in hits:
        assert text[h.start:h.end] == h.text


def test_service_table_size_and_ids() -> None:
    svcs = lexicon.services()
    assert len(svcs) >= 200
    assert len({s.country for s in svcs}) >= 80
    ids = [s.id for s in svcs]
    assert len(ids) == len(set(ids))
    for s in svcs:
        assert re.fullmatch(r"svc\.[a-z]{2}\.[a-z0-9_]+", s.id), s.id
        assert s.id.split(".")[1] == s.country.lower(), s.id
        assert pycountry.countries.get(alpha_2=s.country) is not None, s.id
        assert s.kind in lexicon.SERVICE_KINDS, s.id
        assert s.name


def test_aliases_shared_across_countries_are_documented() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for s in lexicon.services():
        for alias in {*s.acronyms, *s.aliases, s.name}:
            key = alias if is_short(alias) else lookup_key(alias)
            owners[key].add(s.country)
    shared = {alias for alias, countries in owners.items() if len(countries) > 1}
    documented = lexicon.ambiguous_aliases()
    assert shared == set(documented)
    for alias, default in documented.items():
        assert lexicon.service_by_alias(alias) == lexicon.service_by_id(default)
        assert len(lexicon.services_by_alias(alias)) > 1


# ---------------------------------------------------------------- countries

COUNTRY_WORDS = [
    ("en", "Taiwanese", "TW"), ("en", "Chinese", "CN"), ("en", "British", "GB"), ("en", "Briton", "GB"),
    ("en", "Russian", "RU"), ("en", "Russians", "RU"), ("en", "Iranian", "IR"), ("en", "Britain", "GB"),
    ("en", "the UK", "GB"), ("en", "UK", "GB"), ("en", "US", "US"), ("en", "U.S.", "US"),
    ("en", "America", "US"), ("en", "American", "US"), ("en", "Beijing", "CN"), ("en", "Moscow", "RU"),
    ("en", "Washington", "US"), ("en", "Tehran", "IR"), ("en", "Soviet", "RU"), ("en", "Soviet Union", "RU"),
    ("en", "North Korea", "KP"), ("en", "North Korean", "KP"), ("en", "Pyongyang", "KP"),
    ("en", "South Korea", "KR"), ("en", "Seoul", "KR"), ("en", "Taiwan", "TW"), ("en", "Taipei", "TW"),
    ("en", "Filipino", "PH"), ("en", "Philippines", "PH"), ("en", "Pakistani", "PK"), ("en", "Dutch", "NL"),
    ("en", "New Zealand", "NZ"), ("en", "Swede", "SE"), ("en", "China's", "CN"), ("en", "Czechia", "CZ"),
    ("en", "Latvian", "LV"), ("en", "Estonian", "EE"), ("en", "Austrian", "AT"), ("en", "Japanese", "JP"),
    ("de", "chinesisch", "CN"), ("de", "chinesischen", "CN"), ("de", "russischen", "RU"),
    ("de", "Russland", "RU"), ("de", "Chinesen", "CN"), ("de", "Deutschland", "DE"), ("de", "deutsche", "DE"),
    ("de", "Peking", "CN"), ("de", "Moskau", "RU"), ("de", "US-amerikanischer", "US"), ("de", "Briten", "GB"),
    ("fr", "russe", "RU"), ("fr", "chinoise", "CN"), ("fr", "Chine", "CN"), ("fr", "Pékin", "CN"),
    ("fr", "États-Unis", "US"), ("fr", "britannique", "GB"), ("fr", "iranienne", "IR"), ("fr", "lettonne", "LV"),
    ("es", "estadounidense", "US"), ("es", "estadounidenses", "US"), ("es", "cubano", "CU"), ("es", "cubana", "CU"),
    ("es", "alemana", "DE"), ("es", "francés", "FR"), ("es", "Rusia", "RU"), ("es", "EE. UU.", "US"),
    ("it", "russo", "RU"), ("it", "russa", "RU"), ("it", "russi", "RU"), ("it", "tedeschi", "DE"),
    ("it", "cinese", "CN"), ("it", "Mosca", "RU"), ("it", "Stati Uniti", "US"), ("it", "sovietici", "RU"),
]


@pytest.mark.parametrize(("lang", "word", "code"), COUNTRY_WORDS)
def test_country_of(lang: str, word: str, code: str) -> None:
    assert lexicon.country_of(word, lang) == code


@pytest.mark.parametrize(("lang", "word"), [("en", "us"), ("en", "Narnia"), ("de", "Narnia"), ("en", "spy")])
def test_country_of_unknown(lang: str, word: str) -> None:
    assert lexicon.country_of(word, lang) is None


COUNTRY_TEXTS = [
    ("en", "German-Chinese dual nationals", ["DE", "CN"]),
    ("en", "four Taiwanese soldiers spied for China", ["TW", "CN"]),
    ("en", "fine china plates and a roast turkey", []),  # ordinary words stay words
    ("en", "A RUSSIAN SPY in the U.S.", ["RU", "US"]),
    ("en", "Russia's embassy; the People's Republic of China", ["RU", "CN"]),
    ("de", "Ein chinesischer Agent wurde in Deutschland festgenommen", ["CN", "DE"]),
    ("fr", "un fonctionnaire russe expulsé de France", ["RU", "FR"]),
    ("es", "un ciudadano estadounidense naturalizado espió para Cuba", ["US", "CU"]),
    ("it", "un militare russo e un ufficiale italiano", ["RU", "IT"]),
]


@pytest.mark.parametrize(("lang", "text", "codes"), COUNTRY_TEXTS)
def test_countries_in(lang: str, text: str, codes: list[str]) -> None:
    hits = lexicon.countries_in(text, lang)
    assert [h.term.country for h in hits] == codes
    assert all(text[h.start:h.end] == h.text for h in hits)


@pytest.mark.parametrize("lang", lexicon.LANGS)
def test_country_terms_are_valid(lang: str) -> None:
    terms = lexicon.country_terms(lang)
    assert len({t.country for t in terms}) >= (150 if lang == "en" else 60)
    for t in terms:
        assert pycountry.countries.get(alpha_2=t.country) is not None, t
        assert t.form in lexicon.COUNTRY_FORMS, t
        assert t.lang == lang and t.id.startswith(f"country.{lang}.")
    assert len({t.id for t in terms}) == len(terms)


# ---------------------------------------------------------------- roles

ROLE_WORDS = [
    ("en", "soldiers", "soldier"), ("en", "Officer", "officer"), ("en", "engineers", "engineer"),
    ("en", "researcher", "researcher"), ("en", "parliamentary assistant", "parliamentary assistant"),
    ("en", "diplomats", "diplomat"), ("en", "sailor", "sailor"), ("en", "major general", "major general"),
    ("en", "colonel", "colonel"), ("en", "journalist", "journalist"), ("en", "businessmen", "businessman"),
    ("en", "professor", "professor"), ("en", "students", "student"), ("en", "analyst", "analyst"),
    ("en", "contractor", "contractor"), ("en", "interpreter", "interpreter"), ("en", "consul", "consul"),
    ("en", "attaché", "attaché"), ("en", "staffer", "staffer"), ("en", "employees", "employee"),
    ("en", "civil servant", "civil servant"), ("en", "minister", "minister"),
    ("en", "police officers", "police officer"), ("en", "MPs", "mp"),
    ("de", "Mitarbeiter", "mitarbeiter"), ("de", "Soldaten", "soldat"), ("de", "Offiziere", "offizier"),
    ("fr", "fonctionnaire civil de la défense", "fonctionnaire civil de la défense"),
    ("fr", "ingénieurs", "ingénieur"), ("es", "embajador", "embajador"), ("es", "ingenieros", "ingeniero"),
    ("it", "capitano di fregata", "capitano di fregata"), ("it", "ufficiali", "ufficiale"),
]


@pytest.mark.parametrize(("lang", "word", "role"), ROLE_WORDS)
def test_role_of(lang: str, word: str, role: str) -> None:
    assert lexicon.role_of(word, lang) == role


def test_roles_in_skips_lookup_only_ranks() -> None:
    text = "a private company hired four soldiers, an army major and a New Zealand Army private"
    assert [h.term.role for h in lexicon.roles_in(text)] == ["soldier", "army major", "army private"]
    assert lexicon.role_of("private") == "private"


@pytest.mark.parametrize("lang", lexicon.LANGS)
def test_role_terms_are_lower_case_singulars(lang: str) -> None:
    terms = lexicon.role_terms(lang)
    assert len(terms) >= 90
    for t in terms:
        assert t.role == t.role.lower() and t.lang == lang


# ---------------------------------------------------------------- stages

STAGES = [
    # (lang, sentence, [(stage, kind), ...] in order)
    ("en", "Four Taiwanese soldiers were sentenced to prison.", [("sentenced", "done")]),
    ("en", "He was indicted on Tuesday.", [("charged", "done")]),
    ("en", "A criminal complaint was unsealed.", [("charged", "done")]),
    ("en", "She is awaiting trial.", [("charged", "done")]),
    ("en", "Police detained two men.", [("arrested", "done")]),
    ("en", "Prosecutors applied criminal coercive measures.", [("arrested", "done")]),
    ("en", "He was taken into custody.", [("arrested", "done")]),
    ("en", "He pleaded guilty.", [("convicted", "done")]),
    ("en", "The jury found him guilty.", [("convicted", "done")]),
    ("en", "He was jailed for six years.", [("sentenced", "done")]),
    ("en", "The appeal was rejected.", [("sentenced", "done")]),
    ("en", "Akbari was executed.", [("sentenced", "done")]),
    ("en", "Both were acquitted.", [("acquitted", "done")]),
    ("en", "The charges were dropped.", [("acquitted", "done")]),
    ("en", "He was found not guilty.", [("acquitted", "done")]),
    ("en", "The diplomat was declared persona non grata.", [("expelled", "done")]),
    ("en", "Two attachés were expelled.", [("expelled", "done")]),
    ("en", "He was refused entry.", [("expelled", "done")]),
    ("en", "They were freed in a prisoner swap.", [("released", "done")]),
    ("en", "The court found him not guilty.", [("acquitted", "done")]),
    ("en", "He was pardoned by the president.", [("released", "done")]),
    ("en", "The worker was referred to prosecutors.", [("suspected", "done")]),
    ("en", "He is accused of spying.", [("suspected", "done")]),
    ("en", "The case is being investigated.", [("suspected", "done")]),
    ("en", "He pleaded not guilty and awaits trial.", [("charged", "done"), ("charged", "done")]),
    # not what happened
    ("en", "He will be expelled.", [("expelled", "future")]),
    ("en", "The NBI said it would file charges.", [("charged", "future")]),
    ("en", "If convicted, he faces life imprisonment.", [("convicted", "future"), ("sentenced", "future")]),
    ("en", "He has not been charged.", [("charged", "negated")]),
    ("en", "No one was arrested.", [("arrested", "negated")]),
    ("en", "Prosecutors sought 15 years.", [("sentenced", "requested")]),
    ("en", "Prosecutors sought a life sentence.", [("sentenced", "requested"), ("sentenced", "requested")]),
    ("en", "The offence carries a maximum of ten years.", [("sentenced", "future")]),
    ("en", "He was arrested in May and charged in June.", [("arrested", "done"), ("charged", "done")]),
    ("en", "He may be charged.", [("charged", "future")]),
    ("en", "Ex-soldier who escaped prison jailed for 14 years", [("sentenced", "done")]),
    ("en", "He narrowly escaped arrest.", [("arrested", "negated")]),
    ("en", "Nobody was ever charged.", [("charged", "negated")]),
    ("de", "Er wurde festgenommen.", [("arrested", "done")]),
    ("de", "Der Mann wurde verhaftet.", [("arrested", "done")]),
    ("de", "Die Bundesanwaltschaft hat Anklage erhoben.", [("charged", "done")]),
    ("de", "Er wurde wegen Spionage angeklagt.", [("charged", "done")]),
    ("de", "Das Gericht hat ihn verurteilt.", [("sentenced", "done")]),
    ("de", "Er muss für sechs Jahre in Haft.", [("sentenced", "done")]),
    ("de", "Er sitzt in Untersuchungshaft.", [("arrested", "done")]),
    ("de", "Er wurde freigesprochen.", [("acquitted", "done")]),
    ("de", "Der Diplomat wurde ausgewiesen.", [("expelled", "done")]),
    ("de", "Er soll ausgewiesen werden.", [("expelled", "future")]),
    ("de", "Er wurde nicht angeklagt.", [("charged", "negated")]),
    ("de", "Die Bundesanwaltschaft forderte sieben Jahre Haft.", [("sentenced", "requested"), ("sentenced", "requested")]),
    ("de", "Die Verteidigung plädierte auf Freispruch.", [("acquitted", "requested")]),
    ("de", "Gegen ihn ermittelt die Staatsanwaltschaft.", [("suspected", "done")]),
    ("fr", "Il a été arrêté à Paris.", [("arrested", "done")]),
    ("fr", "Il a été mis en examen.", [("charged", "done")]),
    ("fr", "Il a été condamné à huit ans.", [("sentenced", "done")]),
    ("fr", "Il a été reconnu coupable.", [("convicted", "done")]),
    ("fr", "Le diplomate a été expulsé.", [("expelled", "done")]),
    ("fr", "Il n'a pas été condamné.", [("sentenced", "negated")]),
    ("es", "Fue detenido en Miami.", [("arrested", "done")]),
    ("es", "Fue acusado formalmente.", [("charged", "done")]),
    ("es", "Fue condenado a 15 años.", [("sentenced", "done")]),
    ("es", "Se declaró culpable.", [("convicted", "done")]),
    ("es", "Fue expulsado del país.", [("expelled", "done")]),
    ("es", "La fiscalía pidió cadena perpetua.", [("sentenced", "requested"), ("sentenced", "requested")]),
    ("it", "È stato arrestato a Roma.", [("arrested", "done")]),
    ("it", "È stato condannato a vent'anni.", [("sentenced", "done")]),
    ("it", "Il russo è stato espulso.", [("expelled", "done")]),
    ("it", "È stato assolto.", [("acquitted", "done")]),
    ("it", "La procura aveva chiesto l'ergastolo.", [("sentenced", "requested"), ("sentenced", "requested")]),
    ("it", "Non è stato condannato.", [("sentenced", "negated")]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), STAGES)
def test_stages_in(lang: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    hits = lexicon.stages_in(sentence, lang)
    assert [(h.stage, h.kind) for h in hits] == expected, [(h.rule_id, sentence[h.start:h.end]) for h in hits]


@pytest.mark.parametrize(("lang", "sentence", "_expected"), STAGES)
def test_trigger_index_finds_every_rule_that_matches(lang: str, sentence: str, _expected: object) -> None:
    """The trigger-word prefilter must never hide a rule: run every rule on its own."""
    brute = {(m.start(), m.end(), t.id) for t in lexicon.stage_terms(lang) if t.side == "match"
             for m in t.regex.finditer(sentence) if m.end() > m.start()}
    fast = {(s, e, t.id) for s, e, t in all_matches(stage_tables(lang), sentence)}
    assert fast == brute


@pytest.mark.parametrize("lang", lexicon.LANGS)
def test_stage_table_is_well_formed(lang: str) -> None:
    terms = lexicon.stage_terms(lang)
    stages = {t.stage for t in terms if t.side == "match"}
    assert stages == {"suspected", "arrested", "charged", "convicted", "sentenced", "acquitted", "expelled", "released"}
    assert {t.kind for t in terms if t.stage == "*"} >= {"future", "negated", "requested"}
    for t in terms:
        assert t.kind in lexicon.STAGE_KINDS
        assert t.side in ("match", "before", "after")
        assert (t.stage == "*") == (t.side != "match")
        assert t.regex.pattern == t.pattern
    assert len({t.id for t in terms}) == len(terms)


# ---------------------------------------------------------------- currencies and numbers

CURRENCIES = [
    ("$", "USD"), ("US$", "USD"), ("USD", "USD"), ("dollars", "USD"), ("NT$", "TWD"), ("TWD", "TWD"),
    ("€", "EUR"), ("EUR", "EUR"), ("euros", "EUR"), ("euro", "EUR"), ("£", "GBP"), ("GBP", "GBP"),
    ("pounds", "GBP"), ("sterling", "GBP"), ("¥", "JPY"), ("yen", "JPY"), ("yuan", "CNY"), ("renminbi", "CNY"),
    ("RMB", "CNY"), ("roubles", "RUB"), ("rubles", "RUB"), ("C$", "CAD"), ("A$", "AUD"), ("NZ$", "NZD"),
    ("Rs", "INR"), ("rupees", "INR"), ("Pakistani rupees", "PKR"), ("won", "KRW"), ("shekels", "ILS"),
    ("rials", "IRR"), ("Swiss francs", "CHF"), ("kronor", "SEK"), ("zloty", "PLN"), ("Euro", "EUR"),
]


@pytest.mark.parametrize(("text", "code"), CURRENCIES)
def test_currency_of(text: str, code: str) -> None:
    assert quantities.currency_of(text) == code


def test_currency_codes_are_iso_4217() -> None:
    for code in set(quantities.currency_terms().values()):
        assert pycountry.currencies.get(alpha_3=code) is not None, code


NUMBER_WORDS = [
    ("en", "four", 4), ("en", "twenty", 20), ("en", "dozen", 12), ("en", "half", 0.5), ("en", "million", 1e6),
    ("de", "vier", 4), ("de", "zwölf", 12), ("de", "Millionen", 1e6), ("fr", "quatre", 4), ("fr", "vingt", 20),
    ("es", "cuatro", 4), ("es", "quince", 15), ("it", "quattro", 4), ("it", "mila", 1000),
]


@pytest.mark.parametrize(("lang", "word", "value"), NUMBER_WORDS)
def test_number_words(lang: str, word: str, value: float) -> None:
    assert quantities.number_words(lang)[word.casefold()].value == value


@pytest.mark.parametrize("lang", lexicon.LANGS)
def test_number_words_cover_zero_to_twenty(lang: str) -> None:
    values = {w.value for w in quantities.number_words(lang).values() if w.kind in ("unit", "ten", "article", "place")}
    assert set(range(1, 21)) <= values
