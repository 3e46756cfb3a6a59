"""The cue table of the case extractors (tables/case_cues.tsv): every row compiles, is used, and
the cues match what their ids say."""

from __future__ import annotations

from importlib import resources

import pytest

from spyglass.understand.tables.cues import cue, cue_ids


def _sources() -> str:
    root = resources.files("spyglass.understand") / "cases"
    modules = [root / "proceedings.py", root / "mentions.py", root / "facts.py", root / "persons.py",
               *(p for p in (root / "fields").iterdir() if p.name.endswith(".py"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in modules)


def test_every_cue_compiles_with_its_fragments_spliced_in() -> None:
    for cid in cue_ids():
        assert "{frag." not in cue(cid).pattern, cid


def test_every_cue_is_used_by_an_extractor() -> None:
    code = _sources()
    unused = [cid for cid in cue_ids() if not cid.startswith("frag.") and f'"{cid}"' not in code]
    assert unused == []


def test_an_unknown_cue_names_the_file() -> None:
    with pytest.raises(KeyError, match="case_cues.tsv"):
        cue("no.such_cue")


def test_a_trailing_space_survives_the_trimmed_cell() -> None:
    assert cue("term.clause_split").split("a while b but c") == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("cid", "text", "matches"),
    [
        ("stage.swap", "freed in a prisoner exchange", True),
        ("stage.swap", "in exchange for money", False),
        ("term.block", "prosecutors sought", True),
        ("term.cue", "was sentenced to", True),
        ("pay.block", "was fined", True),
        ("pay.cue", "was paid", True),
        ("period.between", "between March 2004 and 2012", True),
        ("period.dash", "2004-12", True),
        ("period.dash", "2004-12-01", False),
        ("period.span_until", "for nearly five years, until his arrest in 2012", True),
        ("sponsor.on_behalf", "spying on behalf of the ", True),
        ("sponsor.passed_to", "passed secrets to the ", True),
        ("target.after", " authorities arrested", True),
        ("nationality.citizen_before", "a citizen of ", True),
        ("count.pair", "the couple", True),
        ("seg.separate", "In a separate case, ", True),
        ("seg.dated_episode", "In May 2020, police detained", True),
        ("seg.join", "along with his wife", True),
        ("person.among", "Among those sent home was ", True),
        ("person.among", "Among other things, the court was ", False),
        ("count.others_before", "led to the arrest of at least ", True),
        ("count.others_before", "police arrested ", False),
        ("target.regional_authority", " Police intelligence wing", True),
        ("target.regional_authority", "'s state criminal police office", False),
        ("target.regional_authority", " state prosecutors said", True),
    ],
)
def test_cue_matches(cid: str, text: str, matches: bool) -> None:
    assert bool(cue(cid).search(text)) is matches


def test_period_rules_read_both_years() -> None:
    m = cue("period.between").search("from January 2004 to March 2012")
    assert m is not None and (m.group("a"), m.group("b")) == ("2004", "2012")
    assert cue("frag.year").fullmatch("1999") and not cue("frag.year").fullmatch("1899")
