"""Rule tables for case extraction: stage phrases, cue words, services and country words.

Every entry has an id so a fact can say which rule produced it. These are the tables the case
extractor needs; where helper B's ``lexicon`` offers a richer table the entity layer prefers
it, and these stay as the fallback (written by us from public facts, no corpus text).
"""

from __future__ import annotations

__all__ = [
    "COUNTRY_WORDS",
    "SERVICE_WORDS",
    "STAGE_RULES",
    "STAGE_RANK",
    "ROLE_WORDS",
    "PERSON_NOUNS",
    "HANDLER_NOUNS",
    "OFFICIAL_TITLES",
]

# alpha-2: names, adjectives/demonyms (English, then de/fr/es/it stems), capitals as metonyms.
# "|" separates alternatives; a trailing "*" allows inflected endings (russisch*, chines*).
COUNTRY_WORDS: dict[str, str] = {
    "AF": "Afghanistan|Afghan|Kabul",
    "AM": "Armenia|Armenian|Yerevan",
    "AT": "Austria|Austrian|Österreich|österreichisch*|Autriche|autrichien*|Vienna|Wien",
    "AU": "Australia|Australian|Australien|australisch*|Canberra",
    "AZ": "Azerbaijan|Azerbaijani|Baku",
    "BE": "Belgium|Belgian|Brussels|Belgien|belgisch*",
    "BG": "Bulgaria|Bulgarian|Sofia|Bulgarien|bulgarisch*",
    "BR": "Brazil|Brazilian|Brasília|Brasilia",
    "BY": "Belarus|Belarusian|Belarusan|Minsk|Weißrussland|belarussisch*",
    "CA": "Canada|Canadian|Ottawa|Kanada|kanadisch*",
    "CH": "Switzerland|Swiss|Bern|Schweiz|schweizerisch*|Suisse",
    "CN": "China|Chinese|Beijing|PRC|People's Republic of China|chinesisch*|Chinois*|chinoise*|Chine|"
          "chino|china|chinos|chinas|Cina|cinese|cinesi",
    "CU": "Cuba|Cuban|Havana|cubano|cubana|cubanos|kubanisch*|Kuba",
    "CZ": "Czech Republic|Czechia|Czech|Prague|tschechisch*|Tschechien",
    "DE": "Germany|German|Berlin|Deutschland|deutsch*|Allemagne|allemand*|Alemania|alemán|"
          "Germania|tedesco|tedesca|tedeschi",
    "DK": "Denmark|Danish|Dane|Copenhagen|Dänemark|dänisch*",
    "EE": "Estonia|Estonian|Tallinn|Estland|estnisch*",
    "EG": "Egypt|Egyptian|Cairo",
    "ES": "Spain|Spanish|Spaniard|Madrid|Spanien|spanisch*|Espagne|espagnol*|España|español|española|"
          "Spagna|spagnolo",
    "FI": "Finland|Finnish|Finn|Helsinki|Finnland|finnisch*",
    "FR": "France|French|Frenchman|Frenchwoman|Paris|Frankreich|französisch*|français*|française*|"
          "Francia|francés|francese|francesi",
    "GB": "United Kingdom|Britain|Great Britain|British|Briton|UK|U.K.|England|English|Scotland|Scottish|"
          "Wales|Welsh|London|Westminster|Großbritannien|britisch*|Royaume-Uni|britannique*|"
          "Reino Unido|británico|Regno Unito|britannico|britannica",
    "GE": "Georgia|Georgian|Tbilisi",
    "GR": "Greece|Greek|Athens|Griechenland|griechisch*",
    "HU": "Hungary|Hungarian|Budapest|Ungarn|ungarisch*",
    "IE": "Ireland|Irish|Dublin|Irland|irisch*",
    "IL": "Israel|Israeli|Jerusalem|israelisch*|israélien*|israelí|israeliano",
    "IN": "India|Indian|New Delhi|Delhi|Indien|indisch*|Inde|indien*",
    "IQ": "Iraq|Iraqi|Baghdad",
    "IR": "Iran|Iranian|Tehran|Islamic Republic|iranisch*|iranien*|iraní|iraniano",
    "IT": "Italy|Italian|Rome|Italien|italienisch*|italien*|Italia|italiano|italiana|italiani|Roma",
    "JP": "Japan|Japanese|Tokyo|japanisch*|Japon|japonais*|Japón|japonés|Giappone|giapponese",
    "KP": "North Korea|North Korean|Pyongyang|DPRK|Nordkorea|nordkoreanisch*|Corea del Nord|nordcoreano",
    "KR": "South Korea|South Korean|Seoul|Republic of Korea|Südkorea|südkoreanisch*|Corea del Sud|"
          "sudcoreano",
    "KZ": "Kazakhstan|Kazakh|Astana",
    "LT": "Lithuania|Lithuanian|Vilnius|Litauen|litauisch*",
    "LV": "Latvia|Latvian|Riga|Lettland|lettisch*",
    "MD": "Moldova|Moldovan|Chisinau",
    "MX": "Mexico|Mexican|mexicano",
    "NL": "Netherlands|Dutch|The Hague|Amsterdam|Holland|Niederlande|niederländisch*|Pays-Bas|néerlandais*",
    "NO": "Norway|Norwegian|Oslo|Norwegen|norwegisch*|Norvège|norvégien*",
    "NZ": "New Zealand|New Zealander|Wellington|Neuseeland",
    "PH": "Philippines|Philippine|Filipino|Filipina|Filipinos|Manila|philippinisch*",
    "PK": "Pakistan|Pakistani|Islamabad|Rawalpindi|pakistanisch*",
    "PL": "Poland|Polish|Pole|Warsaw|Polen|polnisch*|Pologne|polonais*",
    "PT": "Portugal|Portuguese|Lisbon",
    "RO": "Romania|Romanian|Bucharest|Rumänien|rumänisch*",
    "RS": "Serbia|Serbian|Belgrade",
    "RU": "Russia|Russian|Russians|Moscow|Kremlin|Russian Federation|Soviet Union|Soviet|USSR|"
          "Russland|russisch*|Russe|Russes|Russie|russe|russes|Rusia|ruso|rusa|rusos|Russia|russo|russa|"
          "russi|sowjetisch*|soviétique*|soviético|sovietico",
    "SA": "Saudi Arabia|Saudi|Riyadh|saudisch*",
    "SE": "Sweden|Swedish|Swede|Stockholm|Schweden|schwedisch*|Suède|suédois*",
    "SG": "Singapore|Singaporean",
    "SI": "Slovenia|Slovenian|Slovene|Ljubljana",
    "SK": "Slovakia|Slovak|Bratislava",
    "SY": "Syria|Syrian|Damascus",
    "TR": "Turkey|Türkiye|Turkish|Turk|Ankara|Türkei|türkisch*",
    "TW": "Taiwan|Taiwanese|Taipei|Republic of China|taiwanisch*|taïwanais*|taiwanés|taiwanese",
    "UA": "Ukraine|Ukrainian|Kyiv|Kiev|ukrainisch*|ukrainien*|ucraniano|ucraino",
    "US": "United States|United States of America|USA|U.S.|US|America|American|Americans|Washington|"
          "Vereinigte Staaten|USA|amerikanisch*|US-amerikanisch*|États-Unis|américain*|Estados Unidos|"
          "estadounidense|norteamericano|Stati Uniti|statunitense|americano",
    "VN": "Vietnam|Vietnamese|Hanoi",
}

# Services: id -> (country, printed alias|alias..., display form to report). Display is what
# the field reports when the alias is found; descriptive phrases are deliberately absent
# ("Russian military intelligence" names no service).
SERVICE_WORDS: dict[str, tuple[str, str, str | None]] = {
    "ru.fsb": ("RU", "FSB|Federal Security Service", "FSB"),
    "ru.svr": ("RU", "SVR|Foreign Intelligence Service of Russia", "SVR"),
    "ru.gru": ("RU", "GRU|GU|Main Intelligence Directorate|Glavnoye Razvedyvatelnoye Upravleniye", "GRU"),
    "ru.kgb": ("RU", "KGB", "KGB"),
    "cn.mss": ("CN", "MSS|Ministry of State Security|State Security Department|Guoanbu", "MSS"),
    "cn.mps": ("CN", "MPS|Ministry of Public Security", "MPS"),
    "cn.ibjsd": ("CN", "Intelligence Bureau of the Joint Staff Department", "Intelligence Bureau of the Joint Staff Department"),
    "cn.ufwd": ("CN", "United Front Work Department|UFWD", "United Front Work Department"),
    "ir.irgc": ("IR", "IRGC|Revolutionary Guards|Quds Force|IRGC Intelligence Organization", None),
    "ir.mois": ("IR", "MOIS|Ministry of Intelligence", "MOIS"),
    "kp.rgb": ("KP", "RGB|Reconnaissance General Bureau", None),
    "kr.nis": ("KR", "NIS|National Intelligence Service", None),
    "tw.nsb": ("TW", "NSB|National Security Bureau", "NSB"),
    "tw.mjib": ("TW", "MJIB|Investigation Bureau", "MJIB"),
    "us.cia": ("US", "CIA|Central Intelligence Agency", "CIA"),
    "us.fbi": ("US", "FBI|Federal Bureau of Investigation", "FBI"),
    "us.nsa": ("US", "NSA|National Security Agency", "NSA"),
    "us.dia": ("US", "DIA|Defense Intelligence Agency", "DIA"),
    "gb.sis": ("GB", "MI6|SIS|Secret Intelligence Service", "MI6"),
    "gb.mi5": ("GB", "MI5|Security Service", "MI5"),
    "gb.gchq": ("GB", "GCHQ", "GCHQ"),
    "de.bnd": ("DE", "BND|Bundesnachrichtendienst", "BND"),
    "de.bfv": ("DE", "BfV|Verfassungsschutz|Office for the Protection of the Constitution", "BfV"),
    "de.mad": ("DE", "MAD|Militärischer Abschirmdienst", "MAD"),
    "fr.dgse": ("FR", "DGSE", "DGSE"),
    "fr.dgsi": ("FR", "DGSI", "DGSI"),
    "il.mossad": ("IL", "Mossad", "Mossad"),
    "il.shinbet": ("IL", "Shin Bet|Shabak", "Shin Bet"),
    "pk.isi": ("PK", "ISI|Inter-Services Intelligence", "ISI"),
    "in.raw": ("IN", "RAW|R&AW|Research and Analysis Wing", "RAW"),
    "in.ib": ("IN", "Intelligence Bureau", "Intelligence Bureau"),
    "cu.dgi": ("CU", "DGI|Dirección General de Inteligencia|Directorate of Intelligence|Cuban Intelligence Directorate", "DGI"),
    "nl.aivd": ("NL", "AIVD", "AIVD"),
    "nl.mivd": ("NL", "MIVD", "MIVD"),
    "se.sapo": ("SE", "Säpo|SAPO|Swedish Security Service", "Säpo"),
    "ee.kapo": ("EE", "KAPO|Kaitsepolitsei|Internal Security Service", "KAPO"),
    "pl.abw": ("PL", "ABW", "ABW"),
    "cz.bis": ("CZ", "BIS|Security Information Service", "BIS"),
    "jp.psia": ("JP", "PSIA|Public Security Intelligence Agency", "PSIA"),
    "au.asio": ("AU", "ASIO", "ASIO"),
    "au.asis": ("AU", "ASIS", "ASIS"),
    "ca.csis": ("CA", "CSIS|Canadian Security Intelligence Service", "CSIS"),
    "nz.nzsis": ("NZ", "NZSIS", "NZSIS"),
    "no.pst": ("NO", "PST", "PST"),
    "no.e": ("NO", "Norwegian Intelligence Service|Etterretningstjenesten", None),
    "lt.vsd": ("LT", "VSD|State Security Department of Lithuania", "VSD"),
    "lv.vdd": ("LV", "VDD|State Security Service of Latvia", "VDD"),
    "ph.nbi": ("PH", "NBI|National Bureau of Investigation", "NBI"),
    "ua.sbu": ("UA", "SBU", "SBU"),
    "by.kgb": ("BY", "Belarusian KGB", "KGB"),
    "sa.gip": ("SA", "GIP|General Intelligence Presidency", "GIP"),
}

# Stage phrases (regular expressions, case-insensitive, matched on word boundaries).
# kind "done" counts; the extractor separately discards hits that are announced, requested
# or negated by their context (see fields.STAGE_BLOCKERS).
STAGE_RULES: tuple[tuple[str, str, str], ...] = (
    # id, stage, pattern
    ("stage.released.swap", "released", r"(?:freed|released|exchanged|swapped|handed over)\b[^.;]{0,60}\b(?:swap|exchange)|prisoner swap|prisoner exchange|swapped|pardon(?:ed)?|released without (?:trial|charge)|freigelassen|begnadigt|gracié|indultad[oa]|graziat[oa]"),
    ("stage.expelled", "expelled", r"expell?(?:ed|s|ing)|persona non grata|ordered to leave|deport(?:ed|ation)|refused entry|denied entry|sent back to|declared[^.]{0,20}non grata|ausgewiesen|expulsé|expulsad[oa]s?|espuls[oi]|permanently banned"),
    ("stage.acquitted", "acquitted", r"acquit(?:ted|tal)|found not guilty|not guilty verdict|cleared of|charges (?:were |have been )?dropped|dropped the charges|freigesprochen|acquitté|absuelt[oa]|assolt[oa]"),
    ("stage.sentenced", "sentenced", r"sentenced|in sentencing|(?:jail|prison) sentences?|jail(?:ed|s)|imprisoned|handed (?:down )?(?:a |an )?[\w\- ]{0,30}(?:sentence|term)|(?:was|were) given \w+ (?:years?|months?)|gets? \w+ years|awarded \w+ years|life (?:imprisonment|sentence|term)|prison (?:term|sentence)|executed|hanged|upheld|serving (?:a|his|her) \w*[\- ]?(?:year|month|life)|verurteilt|Haftstrafe|condamné|condenad[oa]|condannat[oa]|condanna|sentenciad[oa]"),
    ("stage.convicted", "convicted", r"convict(?:ed|s|ion)|found guilty|pleaded guilty|pled guilty|guilty plea|admitted (?:to )?(?:spying|espionage)|schuldig|reconnu coupable|declarad[oa] culpable|se declaró culpable|colpevole"),
    ("stage.charged", "charged", r"charged|indict(?:ed|ment|s)|charge sheet|criminal complaint|complaint (?:was )?unsealed|on trial|stand trial|awaiting (?:her |his |their )?(?:own )?trial|trial (?:began|opened|started)|pleaded not guilty|prosecuted|angeklagt|Anklage erhoben|mis en examen|inculpé|imputad[oa]|acusad[oa] formalmente|rinviat[oa] a giudizio|processo"),
    ("stage.arrested", "arrested", r"arrest(?:ed|s|ing)?|detain(?:ed|s)|detention|taken into custody|in custody|apprehended|caught|criminal coercive measures|held (?:on suspicion|in custody|in pre-trial|by police)|remanded|festgenommen|verhaftet|Festnahme|interpellé|arrêté|detenid[oa]|arrestat[oa]|fermat[oa]"),
    ("stage.suspected", "suspected", r"suspect(?:ed|s)?|investigat(?:ed|ion|ing)|referred (?:\w+ )?to prosecutors|sent to prosecutors|handed (?:\w+ )?(?:over )?to prosecutors|booked|accused|accuses|accusing|alleged|allegedly|under suspicion|on suspicion|probe|Verdacht|verdächtig|Ermittlung|soupçonné|accusé|sospettat[oa]|indagat[oa]|sospechos[oa]"),
)

# Most advanced step wins; outcomes outrank the steps before them.
STAGE_RANK: dict[str, int] = {
    "suspected": 0, "arrested": 1, "charged": 2, "convicted": 3, "sentenced": 4,
    "acquitted": 5, "expelled": 5, "released": 6,
}

# Roles as printed (singular, lower case); multi-word first so the longest wins.
ROLE_WORDS: tuple[str, ...] = (
    "lieutenant colonel", "lieutenant general", "petty officer", "navy captain", "frigate captain",
    "case officer", "intelligence officer", "intelligence analyst", "security guard", "border inspector",
    "civilian employee", "software engineer", "marine scientist", "parliamentary assistant",
    "parliamentary researcher", "embassy official", "defence attaché", "defense attaché",
    "military attaché", "second secretary", "doctoral student", "public servant", "civil servant",
    "army officer", "naval officer", "police officer", "member of parliament", "interior minister",
    "trade representative", "kgb officer", "sub-lieutenant", "staff sergeant", "machinist's mate",
    "soldier", "officer", "engineer", "researcher", "scientist", "diplomat", "consul", "attaché",
    "sailor", "marine", "sergeant", "colonel", "general", "brigadier", "major", "captain", "lieutenant",
    "private", "analyst", "employee", "contractor", "journalist", "professor", "student", "academic",
    "businessman", "businesswoman", "aide", "assistant", "staffer", "official", "economist",
    "missionary", "pastor", "lawyer", "doctor", "worker", "technician", "translator", "interpreter",
    "politician", "lawmaker", "guard", "pilot", "driver", "clerk", "secretary", "reservist", "spy",
    "agent", "hacker", "blogger", "youtuber", "minister", "ambassador", "embajador", "funcionario",
    "analista", "mitarbeiter", "fonctionnaire", "militare",
)

# Nouns that denote a person (roles add to these) for "a British man", "two Chinese nationals".
PERSON_NOUNS: tuple[str, ...] = (
    "man", "men", "woman", "women", "national", "nationals", "citizen", "citizens", "person",
    "people", "individual", "individuals", "couple", "brothers", "sisters", "pair", "resident",
    "spy", "spies", "illegal", "illegals", "agent", "agents", "suspect", "suspects", "student",
    "students", "ciudadano", "ciudadana", "cittadino", "cittadina", "Staatsbürger", "Bürger",
    "ressortissant", "citoyen",
)

# People on the other side of the act: never accused on the strength of these words.
HANDLER_NOUNS: tuple[str, ...] = (
    "handler", "handlers", "contact", "contacts", "case officer who", "recruiter", "recruiters",
    "controller", "controllers", "operative", "operatives",
)

# Words before or after a name that mark an official, not an accused.
OFFICIAL_TITLES: tuple[str, ...] = (
    "judge", "justice", "prosecutor", "attorney", "minister", "president", "premier", "chancellor",
    "spokesman", "spokeswoman", "spokesperson", "lawyer", "counsel", "senator", "secretary of state",
    "ambassador", "director", "chief", "commissioner", "governor", "mayor", "prime minister",
    "foreign minister", "author", "professor emeritus", "analyst at", "editor", "reporter",
)
