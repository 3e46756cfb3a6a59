"""Look words up in the understand stage's rule tables: services, countries, places, roles
and stages.

This module is the public face; each table's lookups live in a private module (``_services``,
``_countries``, ``_places``, ``_roles``, ``_stages``), the phrase finder in ``_gazetteer`` and
the inflection of table entries in ``_inflect``. ``hits`` gives every match one shape (``Hit``)
for the case extractor; ``case_terms`` holds the case extractor's word lists (person nouns,
official titles, institutions, ranks, leaders). Every table is a TSV file in
``spyglass/understand/tables``, read once (``functools.cache``) by ``tables.read_rows``; every
entry has an id so a match can say which rule fired. Lookups are dicts and finders are one pass over the tokens or one
precompiled alternation per table, so nothing here is slow on the hot path. Languages: en,
de, fr, es, it.
"""

from __future__ import annotations

from spyglass.understand.lexicon._countries import (
    COUNTRY_FORMS,
    CountryHit,
    CountryTerm,
    countries_given,
    countries_in,
    country_code,
    country_given,
    country_of,
    country_term_of,
    country_terms,
)
from spyglass.understand.lexicon._places import PlaceHit, PlaceTerm, is_place_name, place_terms, places_in
from spyglass.understand.lexicon._roles import RoleHit, RoleTerm, role_of, role_terms, roles_in
from spyglass.understand.lexicon._services import (
    SERVICE_KINDS,
    Service,
    ServiceHit,
    ambiguous_aliases,
    service_by_alias,
    service_by_id,
    services,
    services_by_alias,
    services_in,
)
from spyglass.understand.lexicon._stages import (
    STAGE_KINDS,
    StageHit,
    StageTerm,
    stage_terms,
    stages_in,
)
from spyglass.understand.tables import LANGS

__all__ = [
    "LANGS",
    "SERVICE_KINDS",
    "COUNTRY_FORMS",
    "STAGE_KINDS",
    "Service",
    "ServiceHit",
    "CountryTerm",
    "CountryHit",
    "PlaceTerm",
    "PlaceHit",
    "place_terms",
    "places_in",
    "is_place_name",
    "RoleTerm",
    "RoleHit",
    "StageTerm",
    "StageHit",
    "services",
    "service_by_id",
    "service_by_alias",
    "services_by_alias",
    "ambiguous_aliases",
    "services_in",
    "country_terms",
    "country_term_of",
    "country_of",
    "countries_in",
    "role_terms",
    "role_of",
    "roles_in",
    "stage_terms",
    "stages_in",
    "country_code",
    "country_given",
    "countries_given",
]
