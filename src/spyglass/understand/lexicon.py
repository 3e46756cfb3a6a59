"""Load the understand stage's rule tables (services, countries, roles, stages, currencies,
number words) from the package's data files and look words up in them.

Every table is a TSV file in ``spyglass/understand/data`` read once (``functools.cache``) via
``importlib.resources``; every entry has an id so a match can say which rule fired. Lookups
are dicts and finders are one precompiled alternation per table, so nothing here is slow on
the hot path. Languages: en, de, fr, es, it.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry

__all__ = [
    "LANGS",
    "SERVICE_KINDS",
    "COUNTRY_FORMS",
    "STAGE_KINDS",
    "Service",
    "ServiceHit",
    "CountryTerm",
    "CountryHit",
    "RoleTerm",
    "RoleHit",
    "StageTerm",
    "StageHit",
    "NumberWord",
    "services",
    "service_by_id",
    "service_by_alias",
    "services_by_alias",
    "ambiguous_aliases",
    "services_in",
    "country_terms",
    "country_of",
    "countries_in",
    "role_terms",
    "role_of",
    "roles_in",
    "stage_terms",
    "stages_in",
    "currency_terms",
    "currency_of",
    "number_words",
    "read_rows",
]

LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "it")
SERVICE_KINDS = frozenset({"foreign", "domestic", "military", "police", "combined"})
COUNTRY_FORMS = frozenset({"name", "demonym", "adjective", "capital", "citizen"})
STAGE_KINDS = frozenset({"done", "future", "negated", "requested"})
_STAGES = frozenset(
    {"suspected", "arrested", "charged", "convicted", "sentenced", "acquitted", "expelled", "released"}
)
# Acronyms up to this length are matched case-sensitively ("RAW", "MSS", "Must"): in lower
# case they are ordinary words.
_SHORT = 5


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    country: str
    kind: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ServiceHit:
    start: int
    end: int
    text: str
    service: Service


@dataclass(frozen=True)
class CountryTerm:
    id: str
    text: str
    country: str
    form: str
    lang: str


@dataclass(frozen=True)
class CountryHit:
    start: int
    end: int
    text: str
    term: CountryTerm


@dataclass(frozen=True)
class RoleTerm:
    id: str
    text: str
    role: str
    lang: str


@dataclass(frozen=True)
class RoleHit:
    start: int
    end: int
    text: str
    term: RoleTerm


@dataclass(frozen=True)
class StageTerm:
    """A stage rule. ``side="match"``: the pattern is the stage phrase itself. Rows with
    ``stage="*"`` are cues: ``side="before"``/``"after"`` patterns run on the clause text just
    before/after a stage phrase and turn its kind into future, negated or requested."""

    id: str
    pattern: str
    stage: str
    lang: str
    kind: str
    side: str = "match"

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@dataclass(frozen=True)
class StageHit:
    stage: str
    kind: str
    start: int
    end: int
    rule_id: str
    cue_id: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NumberWord:
    lang: str
    word: str
    value: float
    kind: str  # unit | ten | hundred | scale | fraction | dozen | and


# ---------------------------------------------------------------- reading the data files


_COLUMN_GAP = re.compile(r"\t+|\s{2,}")


def _rows(name: str, columns: int) -> Iterator[list[str]]:
    """Rows of a data file: columns separated by a tab or two or more spaces (so the files
    can be aligned by hand), the last column taking the rest of the line; the first
    non-comment line is the header; blank lines and ``#`` comments are skipped."""
    text = resources.files("spyglass.understand").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    next(lines)  # header
    for line in lines:
        cells = [cell.strip() for cell in _COLUMN_GAP.split(line.strip(), maxsplit=columns - 1)]
        if len(cells) != columns:
            raise ValueError(f"data/{name}: expected {columns} columns in {line!r}; separate columns by a tab or 2+ spaces")
        yield cells


# Public name for other understand modules that keep their own tables in data/.
read_rows = _rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip() not in ("", "-"))


def _key(text: str) -> str:
    """Case- and space-insensitive lookup key; drops a leading "the" and a possessive."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    return text.casefold()


def _is_short(alias: str) -> bool:
    return len(alias) <= _SHORT or (alias.upper() == alias and len(alias) <= 8)


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().replace("\u2019", "'")) for m in _TOKEN.finditer(text)]


class _Gazetteer:
    """Finds known phrases in running text by their tokens: a dict from a phrase's first
    token to the phrases starting with it, longest first. One pass over the text's tokens,
    far faster than one regex alternation of thousands of phrases. ``exact`` phrases match
    case-sensitively, the others case-insensitively; tokens may be separated by whitespace
    or nothing ("R&AW", "U.S.")."""

    def __init__(self, phrases: list[tuple[str, bool, object]]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._folded: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for text, exact, payload in phrases:
            toks = tuple(t for _s, _e, t in _tokens(text))
            if not toks:
                continue
            key = toks if exact else tuple(t.casefold() for t in toks)
            index = self._exact if exact else self._folded
            index.setdefault(key[0], []).append((key, payload))
        for index in (self._exact, self._folded):
            for bucket in index.values():
                bucket.sort(key=lambda entry: -len(entry[0]))

    def find(self, text: str) -> list[tuple[int, int, object]]:
        toks = _tokens(text)
        found, i = [], 0
        while i < len(toks):
            best = self._longest(text, toks, i)
            if best is None:
                i += 1
                continue
            length, payload = best
            found.append((toks[i][0], toks[i + length - 1][1], payload))
            i += length
        return found

    def _longest(self, text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[int, object] | None:
        best: tuple[int, object] | None = None
        for index, fold in ((self._exact, False), (self._folded, True)):
            first = toks[i][2].casefold() if fold else toks[i][2]
            for key, payload in index.get(first, ()):
                if (best is None or len(key) > best[0]) and self._matches(text, toks, i, key, fold):
                    best = (len(key), payload)
        return best

    @staticmethod
    def _matches(text: str, toks: list[tuple[int, int, str]], i: int, key: tuple[str, ...], fold: bool) -> bool:
        if i + len(key) > len(toks):
            return False
        for j, want in enumerate(key):
            start, _end, tok = toks[i + j]
            if (tok.casefold() if fold else tok) != want:
                return False
            if j and text[toks[i + j - 1][1]:start].strip():
                return False
        return True


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# ---------------------------------------------------------------- services


@cache
def _service_rows() -> tuple[tuple[Service, frozenset[str]], ...]:
    """Services with their lookup-only aliases (written ``!alias`` in the data file)."""
    found = []
    for sid, country, kind, name, acronyms, aliases in _rows("services.tsv", 6):
        acr, ali = _split(acronyms), _split(aliases)
        hidden = frozenset(a[1:] for a in (*acr, *ali) if a.startswith("!"))
        acr = tuple(a.lstrip("!") for a in acr)
        ali = tuple(a.lstrip("!") for a in ali)
        found.append((Service(sid, name, country, kind, acr, ali), hidden))
    return tuple(found)


@cache
def services() -> tuple[Service, ...]:
    """Every intelligence and security service in ``data/services.tsv``."""
    return tuple(svc for svc, _hidden in _service_rows())


@cache
def _service_index() -> dict[str, Service]:
    return {s.id: s for s in services()}


def service_by_id(sid: str) -> Service | None:
    return _service_index().get(sid)


@cache
def ambiguous_aliases() -> dict[str, str]:
    """Aliases deliberately shared by services of different countries -> the default id."""
    return {alias: default for alias, default, _note in _rows("ambiguous_aliases.tsv", 3)}


@cache
def _alias_tables() -> tuple[dict[str, tuple[Service, ...]], dict[str, tuple[Service, ...]]]:
    """(case-sensitive short acronyms, case-insensitive names) -> services, default first."""
    exact: dict[str, list[Service]] = {}
    folded: dict[str, list[Service]] = {}
    for svc in services():
        for alias in (*svc.acronyms, *svc.aliases, svc.name):
            table, key = (exact, alias) if _is_short(alias) else (folded, _key(alias))
            bucket = table.setdefault(key, [])
            if svc not in bucket:
                bucket.append(svc)
    defaults = ambiguous_aliases()

    def ordered(table: dict[str, list[Service]]) -> dict[str, tuple[Service, ...]]:
        out = {}
        for key, bucket in table.items():
            first = defaults.get(key)
            out[key] = tuple(sorted(bucket, key=lambda s: s.id != first))
        return out

    return ordered(exact), ordered(folded)


def services_by_alias(text: str) -> tuple[Service, ...]:
    """Every service known by ``text``; the documented default comes first."""
    exact, folded = _alias_tables()
    stripped = re.sub(r"\s+", " ", text.strip())
    stripped = re.sub(r"^(?:the|The)\s+", "", stripped)
    return exact.get(stripped) or folded.get(_key(text), ())


def service_by_alias(text: str) -> Service | None:
    """The service called ``text`` ("MSS", "Mossad", "Federal Security Service"), or None.
    Short acronyms match case-sensitively, longer names case-insensitively."""
    found = services_by_alias(text)
    return found[0] if found else None


@cache
def _service_gazetteer() -> _Gazetteer:
    phrases: list[tuple[str, bool, object]] = []
    for svc, hidden in _service_rows():
        for alias in dict.fromkeys((*svc.acronyms, *svc.aliases, svc.name)):
            if alias not in hidden:
                phrases.append((alias, _is_short(alias), alias))
    return _Gazetteer(phrases)


def services_in(text: str) -> list[ServiceHit]:
    """Services named in ``text``, left to right, the longest name at each place."""
    hits = []
    for start, end, _alias in _service_gazetteer().find(text):
        svc = service_by_alias(text[start:end])
        if svc is not None:
            hits.append(ServiceHit(start, end, text[start:end], svc))
    return hits


# ---------------------------------------------------------------- countries


def _inflect_de(adj: str) -> tuple[str, ...]:
    return (adj, *(adj + end for end in ("e", "en", "er", "es", "em")))


def _inflect_fr(adj: str) -> tuple[str, ...]:
    if adj.endswith("e"):
        return adj, adj + "s"
    fem = adj + "ne" if adj.endswith(("ien", "éen")) else adj + "e"
    plural = adj if adj.endswith(("s", "x")) else adj + "s"
    return adj, fem, plural, fem + "s"


def _inflect_es(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "os", stem + "as"
    if adj.endswith(("és", "án", "ín", "ón")):
        plain = adj[:-2] + unicodedata.normalize("NFD", adj[-2])[0] + adj[-1]
        return adj, plain + "a", plain + "es", plain + "as"
    if adj.endswith(("e", "a", "í", "ú")):
        return adj, adj + "s"
    return adj, adj + "es"


def _inflect_it(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "i", stem + "e"
    if adj.endswith("e"):
        return adj, adj[:-1] + "i"
    return (adj,)


def _inflect_en(word: str) -> tuple[str, ...]:
    if word.endswith(("ese", "ss", "sh", "ch", "i", "s")) and not word.endswith("i"):
        return (word,)
    if word.endswith("man"):
        return word, word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word, word[:-1] + "ies"
    return word, word + "s"


_INFLECT = {"en": _inflect_en, "de": _inflect_de, "fr": _inflect_fr, "es": _inflect_es, "it": _inflect_it}


def _expand(cell: str, lang: str) -> tuple[str, ...]:
    """``word~`` in a data cell stands for the word's inflected forms in ``lang``."""
    out: list[str] = []
    for part in _split(cell):
        forms = _INFLECT[lang](part[:-1]) if part.endswith("~") else (part,)
        out.extend(f for f in forms if f not in out)
    return tuple(out)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


@cache
def _pycountry_names() -> tuple[tuple[str, str], ...]:
    """(name, alpha-2) for pycountry's English names without the "X, Republic of" inversions."""
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                pairs.append((re.sub(r"^the ", "", name), c.alpha_2))
    return tuple(pairs)


@cache
def _all_country_terms() -> tuple[CountryTerm, ...]:
    terms: dict[tuple[str, str], CountryTerm] = {}
    ids: set[str] = set()

    def add(lang: str, country: str, form: str, text: str) -> None:
        key = (lang, text)
        if key not in terms:  # the curated table comes first and wins
            base = tid = f"country.{lang}.{country.lower()}.{form}.{_slug(text)}"
            n = 1
            while tid in ids:  # "US" and "U.S." share a slug
                n += 1
                tid = f"{base}_{n}"
            ids.add(tid)
            terms[key] = CountryTerm(tid, text, country, form, lang)

    for lang, country, form, cell in _rows("country_terms.tsv", 4):
        for text in _expand(cell, lang):
            add(lang, country, form, text)
    for name, alpha2 in _pycountry_names():
        add("en", alpha2, "name", name)
    for lang in LANGS[1:]:
        for name, alpha2 in _pycountry_translations(lang):
            add(lang, alpha2, "name", name)
    return tuple(terms.values())


@cache
def _pycountry_translations(lang: str) -> tuple[tuple[str, str], ...]:
    """pycountry's translated country names (its gettext catalogues, shipped in its package)."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return ()
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(c, attr, None)
            translated = catalogue.gettext(name) if name else None
            if translated and translated != name and "," not in translated and "(" not in translated:
                pairs.append((translated, c.alpha_2))
    return tuple(pairs)


def country_terms(lang: str = "en") -> tuple[CountryTerm, ...]:
    """Country names, short names, capitals, demonyms and adjectives in ``lang``."""
    return _country_terms_by_lang().get(lang, ())


@cache
def _country_terms_by_lang() -> dict[str, tuple[CountryTerm, ...]]:
    out: dict[str, list[CountryTerm]] = {}
    for term in _all_country_terms():
        out.setdefault(term.lang, []).append(term)
    return {lang: tuple(terms) for lang, terms in out.items()}


def _case_sensitive(text: str) -> bool:
    # "US", "UK", "PRC", "U.S.": in lower case some are ordinary words ("us").
    return len(text) <= 4 and text.upper() == text or re.fullmatch(r"(?:[A-Z]\.)+", text) is not None


@cache
def _country_index(lang: str) -> tuple[dict[str, CountryTerm], dict[str, CountryTerm]]:
    exact: dict[str, CountryTerm] = {}
    folded: dict[str, CountryTerm] = {}
    for term in country_terms(lang):
        if _case_sensitive(term.text):
            exact.setdefault(term.text, term)
        else:
            folded.setdefault(_key(term.text), term)
    return exact, folded


def country_term_of(word: str, lang: str = "en") -> CountryTerm | None:
    exact, folded = _country_index(lang)
    stripped = re.sub(r"^(?:the)\s+", "", word.strip().replace("\u2019", "'"), flags=re.I)
    stripped = re.sub(r"'s$", "", stripped)
    return exact.get(stripped) or folded.get(_key(word))


def country_of(word: str, lang: str = "en") -> str | None:
    """ISO alpha-2 of a country name, demonym, adjective or capital ("Taiwanese" -> "TW")."""
    term = country_term_of(word, lang)
    return term.country if term else None


def _case_variants(text: str) -> tuple[str, ...]:
    """How a term may be printed: as written, capitalised (sentence start) and in capitals."""
    return tuple(dict.fromkeys((text, text[:1].upper() + text[1:], text.upper())))


@cache
def _country_gazetteer(lang: str) -> _Gazetteer:
    # Case-sensitive on purpose: "china", "turkey", "poles", "chad" are ordinary words.
    return _Gazetteer([(v, True, t) for t in country_terms(lang) for v in _case_variants(t.text)])


def countries_in(text: str, lang: str = "en") -> list[CountryHit]:
    """Country mentions in ``text`` ("German-Chinese" gives DE then CN)."""
    hits = []
    for start, end, term in _country_gazetteer(lang).find(text):
        assert isinstance(term, CountryTerm)
        hits.append(CountryHit(start, end, text[start:end], term))
    return hits


# ---------------------------------------------------------------- roles


@cache
def _role_rows() -> tuple[tuple[RoleTerm, bool], ...]:
    """Role terms with a flag for lookup-only ones (``!word`` in the data: "private", "major"
    are ranks only next to a service word, so running text is not searched for them)."""
    found: dict[tuple[str, str], tuple[RoleTerm, bool]] = {}
    for lang, role, cell in _rows("roles.tsv", 3):
        hidden = cell.startswith("!")
        for text in _expand(cell.lstrip("!"), lang):
            term = RoleTerm(f"role.{lang}.{_slug(text)}", text, role.lstrip("!"), lang)
            found.setdefault((lang, text.casefold()), (term, hidden))
    return tuple(found.values())


@cache
def _all_role_terms() -> dict[str, tuple[RoleTerm, ...]]:
    out: dict[str, list[RoleTerm]] = {}
    for term, _hidden in _role_rows():
        out.setdefault(term.lang, []).append(term)
    return {lang: tuple(terms) for lang, terms in out.items()}


def role_terms(lang: str = "en") -> tuple[RoleTerm, ...]:
    """Occupations and ranks in ``lang``; ``role`` is the lower-case singular printed form."""
    return _all_role_terms().get(lang, ())


@cache
def _role_index(lang: str) -> dict[str, RoleTerm]:
    return {_key(t.text): t for t in role_terms(lang)}


def role_of(word: str, lang: str = "en") -> str | None:
    term = _role_index(lang).get(_key(word))
    return term.role if term else None


@cache
def _role_gazetteer(lang: str) -> _Gazetteer:
    return _Gazetteer([(t.text, False, t) for t, hidden in _role_rows() if t.lang == lang and not hidden])


def roles_in(text: str, lang: str = "en") -> list[RoleHit]:
    """Occupations and ranks in ``text`` ("four soldiers" -> soldier)."""
    hits = []
    for start, end, term in _role_gazetteer(lang).find(text):
        assert isinstance(term, RoleTerm)
        hits.append(RoleHit(start, end, text[start:end], term))
    return hits


# ---------------------------------------------------------------- stages


@cache
def _all_stage_terms() -> dict[str, tuple[StageTerm, ...]]:
    out: dict[str, list[StageTerm]] = {}
    for sid, lang, stage, kind, side, pattern in _rows("stages.tsv", 6):
        out.setdefault(lang, []).append(StageTerm(sid, pattern, stage, lang, kind, side))
    return {lang: tuple(terms) for lang, terms in out.items()}


def stage_terms(lang: str = "en") -> tuple[StageTerm, ...]:
    """Stage phrases and the cues that make them future, negated or requested."""
    return _all_stage_terms().get(lang, ())


def _triggers(pattern: str) -> frozenset[str] | None:
    """Lower-case words one of which every match of ``pattern`` contains: per top-level
    branch its longest literal run outside groups (or, when it has none, every run of 4+
    letters in it); None when a branch has neither (the rule then always runs)."""
    words: set[str] = set()
    for branch in _top_level_branches(pattern):
        # Drop escapes, group openers, classes and letters made optional ("charges?").
        plain = re.sub(r"\(\?(?:P?<[^>]*>|:|=|!|<=|<!)", "(", branch)
        plain = re.sub(r"\\.|\[[^\]]*\]|[^\W\d_](?=[?*]|\{0)", " ", plain)
        outside = re.findall(r"[^\W\d_]{3,}", _depth_zero(plain))
        inside = re.findall(r"[^\W\d_]{4,}", plain)
        if outside:
            words.add(max(outside, key=len).lower())
        elif inside:
            words.update(w.lower() for w in inside)
        else:
            return None
    return frozenset(words)


def _depth_zero(pattern: str) -> str:
    """The parts of ``pattern`` outside any parentheses."""
    out, depth = [], 0
    for ch in pattern:
        if ch in "()":
            depth += 1 if ch == "(" else -1
            out.append(" ")
        else:
            out.append(ch if depth == 0 else " ")
    return "".join(out)


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


@dataclass(frozen=True)
class _StageTables:
    phrases: tuple[StageTerm, ...]
    by_trigger: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    trigger_re: re.Pattern[str]
    before: tuple[StageTerm, ...]
    after: tuple[StageTerm, ...]


@cache
def _stage_tables(lang: str) -> _StageTables:
    """Stage phrases indexed by trigger words, so a sentence runs only the rules whose words
    it contains (one regex per rule over a short sentence is cheap; 70 rules are not)."""
    phrases = tuple(t for t in stage_terms(lang) if t.side == "match")
    by_trigger: dict[str, list[int]] = {}
    always = []
    for i, term in enumerate(phrases):
        words = _triggers(term.pattern)
        if words is None:
            always.append(i)
            continue
        for word in words:
            by_trigger.setdefault(word, []).append(i)
    alt = "|".join(re.escape(w) for w in sorted(by_trigger, key=len, reverse=True)) or r"(?!x)x"
    return _StageTables(
        phrases, {w: tuple(ix) for w, ix in by_trigger.items()}, tuple(always), re.compile(alt),
        tuple(t for t in stage_terms(lang) if t.side == "before"),
        tuple(t for t in stage_terms(lang) if t.side == "after"),
    )


# A cue only reaches across the clause it sits in.
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]]|,\s|\b(?:but|although|though|whereas|while|after|before|when|who|which|aber|mais|pero|ma)\b", re.I)
_WINDOW = 60


def _clause_before(sentence: str, start: int) -> str:
    window = sentence[max(0, start - _WINDOW):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _clause_after(sentence: str, end: int) -> str:
    window = sentence[end:end + _WINDOW]
    brk = _CLAUSE_BREAK.search(window)
    return window[:brk.start()] if brk else window


def _all_matches(tables: _StageTables, sentence: str) -> list[tuple[int, int, StageTerm]]:
    """Every rule's matches, overlapping ones included (each rule runs on its own)."""
    lowered = sentence.lower()
    candidates = set(tables.always)
    for m in tables.trigger_re.finditer(lowered):
        candidates.update(tables.by_trigger[m.group()])
    found: list[tuple[int, int, StageTerm]] = []
    for i in sorted(candidates):
        term = tables.phrases[i]
        found.extend((m.start(), m.end(), term) for m in term.regex.finditer(sentence) if m.end() > m.start())
    return found


def stages_in(sentence: str, lang: str = "en") -> list[StageHit]:
    """Legal-stage phrases in ``sentence`` with their kind: ``done``, or ``future`` ("will be
    expelled"), ``negated`` ("was not charged"), ``requested`` ("prosecutors sought 15 years").
    Callers that want what happened keep ``kind == "done"``."""
    tables = _stage_tables(lang)
    matches = _all_matches(tables, sentence)
    before, after = tables.before, tables.after
    hits: list[StageHit] = []
    for start, end, term in matches:
        kind, cue = term.kind, None
        if kind == "done":
            # A cue never reaches back over an earlier stage phrase ("pleaded not guilty and
            # awaits trial": the "not" belongs to the plea).
            floor = max((e for s, e, t in matches if e <= start and t.kind == "done"), default=0)
            nxt = min((s for s, e, _t in matches if s >= end), default=len(sentence))
            kind, cue = _cue_kind(sentence[floor:nxt], start - floor, end - floor, before, after)
        hits.append(StageHit(term.stage, kind, start, end, term.id, cue))
    return _drop_nested(hits)


def _cue_kind(sentence: str, start: int, end: int, before: tuple[StageTerm, ...], after: tuple[StageTerm, ...]) -> tuple[str, str | None]:
    head, tail = _clause_before(sentence, start), _clause_after(sentence, end)
    for cue in before:
        if cue.regex.search(head):
            return cue.kind, cue.id
    for cue in after:
        if cue.regex.search(tail):
            return cue.kind, cue.id
    return "done", None


def _drop_nested(hits: list[StageHit]) -> list[StageHit]:
    """A phrase inside a longer one ("guilty" in "found not guilty") yields to it."""
    kept = [h for h in hits if not any(
        o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
        for o in hits)]
    unique: dict[tuple[int, int], StageHit] = {}
    for h in kept:
        unique.setdefault((h.start, h.end), h)
    return sorted(unique.values(), key=lambda h: (h.start, h.end))


# ---------------------------------------------------------------- currencies and numbers


@cache
def currency_terms() -> dict[str, str]:
    """Currency symbols and words -> ISO 4217 ("NT$" -> "TWD", "yuan" -> "CNY")."""
    return {text: code for text, code in _rows("currencies.tsv", 2)}


@cache
def _currency_folded() -> dict[str, str]:
    return {_key(k): v for k, v in currency_terms().items() if not _symbolic(k)}


def _symbolic(text: str) -> bool:
    # Symbols and codes keep their case: "Rs" is rupees, "rs" is not; "CAD" vs "cad".
    return not text.isalpha() or text.upper() == text or len(text) <= 3


def currency_of(text: str) -> str | None:
    """ISO 4217 code of a currency symbol or word, or None."""
    terms = currency_terms()
    return terms.get(text.strip()) or _currency_folded().get(_key(text))


@cache
def number_words(lang: str = "en") -> dict[str, NumberWord]:
    """Number words of ``lang`` by lower-case word ("four" -> 4, "dozen" -> 12, "Millionen")."""
    out: dict[str, NumberWord] = {}
    for row_lang, word, value, kind in _rows("numbers.tsv", 4):
        if row_lang == lang:
            out[word.casefold()] = NumberWord(lang, word, float(value), kind)
    return out

