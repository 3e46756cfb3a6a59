"""Load the understand stage's rule tables (services, countries, places, roles, stages,
currencies, number words) from the package's data files and look words up in them.

This module is the public face; each table lives in a private module (``_services``,
``_countries``, ``_roles``, ``_stages``, ``_amount_words``), the reader in ``_tables`` and the
phrase finder in ``_gazetteer``. Every table is a TSV file in ``spyglass/understand/data``
read once (``functools.cache``) via ``importlib.resources``; every entry has an id so a match
can say which rule fired. Lookups are dicts and finders are one pass over the tokens or one
precompiled alternation per table, so nothing here is slow on the hot path. Languages: en,
de, fr, es, it.
"""

from __future__ import annotations

from spyglass.understand._amount_words import NumberWord, currency_of, currency_terms, number_words
from spyglass.understand._countries import (
    COUNTRY_FORMS,
    CountryHit,
    CountryTerm,
    countries_in,
    country_of,
    country_term_of,
    country_terms,
)
from spyglass.understand._places import PlaceHit, PlaceTerm, is_place_name, place_terms, places_in
from spyglass.understand._roles import RoleHit, RoleTerm, role_of, role_terms, roles_in
from spyglass.understand._services import (
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
from spyglass.understand._stages import (
    STAGE_KINDS,
    StageHit,
    StageTerm,
    stage_terms,
    stages_in,
)
from spyglass.understand._tables import LANGS, read_rows

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
    "NumberWord",
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
    "currency_terms",
    "currency_of",
    "number_words",
    "read_rows",
]
