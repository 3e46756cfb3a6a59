"""Run stix2-validator as a library over a bundle and sort what it says into errors and warnings."""

from __future__ import annotations

import re

# Warnings the mapping accepts on purpose: ids are UUIDv5 so re-exports update (103), and
# records keep no hash of the fetched page to put beside its URL (302).
EXPECTED_WARNINGS = {"103", "302"}


def problems(bundle_text: str) -> tuple[list[str], list[str]]:
    """(errors, unexpected warnings) of a serialised bundle."""
    from stix2validator import ValidationOptions, validate_string

    result = validate_string(bundle_text, ValidationOptions(version="2.1"))
    errors = [str(e) for e in result.errors]
    if not result.is_valid and not errors:
        errors = ["invalid, with no error message"]
    warnings = [str(w) for w in result.warnings or []]
    unexpected = [w for w in warnings if not set(re.findall(r"\{(\d+)\}", w)) <= EXPECTED_WARNINGS]
    return errors, unexpected
