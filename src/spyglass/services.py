"""The intelligence and security services as canonical entities, shared by every stage: one
service per id ("svc.cn.mss"), with its country, kind, name, acronyms and its names in several
languages, whatever a text or a user calls it ("MSS", "Ministry of State Security", "国家安全部").

The table is ``understand/tables/services.tsv`` and its language files (``services.zh.tsv``
adds Chinese names to a service of the shared table); the lexicon finds services in running
text with it, linking stores the id of the service a report names, and filters, facets, pages
and exports show the name. The files are read here, not through ``spyglass.understand``, so
that the store and the exporters can name a service without loading the extractor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

__all__ = ["Service", "service_rows", "alias_defaults", "all_services", "service_by_id", "service_named",
           "services_named", "canonical_service", "service_name"]

# The languages whose table files add names, in the order of ``understand.tables.LANGS``.
_LANGS = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "uk", "sv", "tr", "zh", "ja", "ko")
_COLUMN_GAP = re.compile(r"\t+|\s{2,}")
_ID = re.compile(r"^svc\.[a-z]{2}\.[a-z0-9_]+$")


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    country: str
    kind: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    # (language, the name its news uses) from the language files: ("ru", "Министерство ...")
    in_languages: tuple[tuple[str, str], ...] = ()
    known_as: tuple[str, ...] = ()  # the shared table's other names (English and native forms)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the service goes by: its name, then its acronyms and other names."""
        return tuple(dict.fromkeys((self.name, *self.acronyms, *self.aliases)))


def _table_rows(name: str, columns: int) -> Iterator[tuple[str | None, list[str]]]:
    """(language or None for the shared file, cells) of a table and its language files, as
    ``understand.tables.read_rows_by_language`` reads them (the same format)."""
    folder = resources.files("spyglass").joinpath("understand", "tables")
    stem, _, suffix = name.rpartition(".")
    for lang, part in ((None, name), *((lang, f"{stem}.{lang}.{suffix}") for lang in _LANGS)):
        entry = folder.joinpath(part)
        if not entry.is_file():
            continue
        lines = (line for line in entry.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))
        next(lines, None)  # header
        for line in lines:
            cells = [cell.strip() for cell in _COLUMN_GAP.split(line.strip(), maxsplit=columns - 1)]
            if len(cells) != columns:
                raise ValueError(f"tables/{part}: expected {columns} columns in {line!r}")
            yield lang, cells


def _cell(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip() not in ("", "-"))


@cache
def service_rows() -> tuple[tuple[Service, frozenset[str]], ...]:
    """Every service with its lookup-only names (written ``!alias`` in the table: looked up, never
    searched for in running text); a language file's row adds names to a shared service."""
    found: dict[str, tuple[Service, frozenset[str]]] = {}
    for lang, (sid, country, kind, name, acronyms, aliases) in _table_rows("services.tsv", 6):
        acr, ali = _cell(acronyms), _cell(aliases)
        hidden = frozenset(a[1:] for a in (*acr, *ali) if a.startswith("!"))
        acr = tuple(a.lstrip("!") for a in acr)
        ali = tuple(a.lstrip("!") for a in ali)
        if sid in found:
            svc, seen = found[sid]
            # a language row lists its plain form first, then inflected ones ("Службы ...")
            local = ((lang, ali[0]),) if lang and ali else ()
            merged = Service(sid, svc.name, svc.country, svc.kind, tuple(dict.fromkeys((*svc.acronyms, *acr))),
                             tuple(dict.fromkeys((*svc.aliases, *ali))), (*svc.in_languages, *local), svc.known_as)
            found[sid] = (merged, seen | hidden)
            continue
        found[sid] = (Service(sid, name, country, kind, acr, ali, (), ali), hidden)
    return tuple(found.values())


@cache
def alias_defaults() -> dict[str | None, dict[str, str]]:
    """The default service of an alias several services share ("SIS"), per language of the text
    (None: any language), from ``ambiguous_aliases.tsv`` and its language files."""
    out: dict[str | None, dict[str, str]] = {}
    for lang, (alias, default, _note) in _table_rows("ambiguous_aliases.tsv", 3):
        out.setdefault(lang, {})[alias] = default
    return out


@cache
def all_services() -> tuple[Service, ...]:
    return tuple(svc for svc, _hidden in service_rows())


@cache
def _by_id() -> dict[str, Service]:
    return {svc.id: svc for svc in all_services()}


def service_by_id(sid: str | None) -> Service | None:
    return _by_id().get(sid.strip().lower()) if sid else None


def _key(text: str) -> str:
    """What a typed name is compared by: case, accents, spacing, "the" and a possessive do not
    count ("the FSB's" = "fsb", "Sluzhba" = "Służba")."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s$", "", text)


@cache
def _by_key() -> tuple[dict[str, tuple[Service, ...]], dict[str, tuple[Service, ...]]]:
    """(acronyms as printed, every name by ``_key``) -> services, the documented default first."""
    exact: dict[str, list[Service]] = {}
    folded: dict[str, list[Service]] = {}
    for svc in all_services():
        for acronym in svc.acronyms:
            exact.setdefault(acronym, []).append(svc)
        for name in svc.names:
            bucket = folded.setdefault(_key(name), [])
            if svc not in bucket:
                bucket.append(svc)
    defaults = alias_defaults().get(None, {})
    folded_defaults = {_key(alias): sid for alias, sid in defaults.items()}

    def ordered(table: dict[str, list[Service]], first: dict[str, str]) -> dict[str, tuple[Service, ...]]:
        return {key: tuple(sorted(bucket, key=lambda s: s.id != first.get(key))) for key, bucket in table.items()}

    return ordered(exact, defaults), ordered(folded, folded_defaults)


@lru_cache(maxsize=8192)  # linking asks again for every candidate case
def services_named(text: str | None) -> tuple[Service, ...]:
    """Every service ``text`` can name: an id, or a name, acronym or alias in any language (an
    acronym as printed first: "MSS" before "Mss"), the documented default first."""
    if not text or not text.strip():
        return ()
    by_id = service_by_id(text) if _ID.match(text.strip().lower()) else None
    if by_id is not None:
        return (by_id,)
    exact, folded = _by_key()
    return exact.get(text.strip()) or folded.get(_key(text), ())


def service_named(text: str | None, country: str | None = None) -> Service | None:
    """The service ``text`` names, or None: of several, the one of ``country`` when one is
    ("SIS" of a case spying for Portugal), else the documented default."""
    found = services_named(text)
    if country:
        found = tuple(sorted(found, key=lambda s: s.country != country.upper()))
    return found[0] if found else None


def canonical_service(value: str | None, country: str | None = None) -> str | None:
    """The id a stored or printed service value stands for ("MSS" -> "svc.cn.mss"); a value no
    service goes by stays as it is (an imported case may name a service the table lacks)."""
    found = service_named(value, country)
    return found.id if found is not None else value


def service_name(value: str | None) -> str:
    """The name to show for a stored service value: the service's name for an id, the value
    itself for anything else; "" for none."""
    if not value:
        return ""
    found = service_by_id(value) if _ID.match(value.strip().lower()) else None
    return found.name if found is not None else value
