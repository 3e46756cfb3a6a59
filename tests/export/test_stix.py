"""STIX 2.1 bundles: valid for stix2-validator, deterministic, streamed, every value also as text."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings

from spyglass.export.stix import write_stix
from spyglass.export.stix_objects import SYSTEM_ID, stix_id
from spyglass.records import Case

from .samples import SAMPLE_CASES, bare_case, cases, hostile_case, soldiers_case
from .stixcheck import problems

TLP_WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"


def _bundle(*cases: Case) -> str:
    out = io.StringIO()
    assert write_stix(cases, out) == len(cases)
    return out.getvalue()


def _objects(*cases: Case) -> dict[str, dict[str, Any]]:
    objects = json.loads(_bundle(*cases))["objects"]
    by_id = {obj["id"]: obj for obj in objects}
    assert len(by_id) == len(objects), "an id was written twice"
    return by_id


def _of_type(objects: dict[str, dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [obj for obj in objects.values() if obj["type"] == kind]


def test_hand_built_cases_validate_without_errors() -> None:
    errors, warnings = problems(_bundle(*(make() for make in SAMPLE_CASES)))
    assert errors == []
    assert warnings == []


@given(cases())
@settings(max_examples=25, deadline=None)
def test_any_case_validates(case: Case) -> None:
    assert problems(_bundle(case)) == ([], [])


def test_every_object_is_marked_white_and_created_by_spyglass() -> None:
    for obj in _objects(soldiers_case()).values():
        if obj["type"] != "marking-definition":
            assert obj["object_marking_refs"] == [TLP_WHITE], obj["id"]
        if obj["type"] not in ("marking-definition",) and obj["id"] != SYSTEM_ID:
            assert obj["created_by_ref"] == SYSTEM_ID, obj["id"]


def test_mapping_of_a_full_case() -> None:
    objects = _objects(soldiers_case())
    campaign = objects[stix_id("campaign", "case-tw-soldiers")]
    assert campaign["name"] == "Four Taiwanese soldiers jailed for spying for China (case-tw-soldiers)"
    assert campaign["first_seen"] == "2002-01-01T00:00:00Z"
    assert campaign["last_seen"] == "2024-12-31T23:59:59Z"
    spies = [t for t in _of_type(objects, "threat-actor") if t["threat_actor_types"] == ["spy"]]
    assert sorted(t["name"] for t in spies) == ["Chen Wei", "Lin Hao"]
    assert all(t["primary_motivation"] == "personal-gain" and t["resource_level"] == "individual" for t in spies)
    service = objects[stix_id("threat-actor", "service", "CN", "Ministry of State Security")]
    assert (service["threat_actor_types"], service["roles"]) == (["nation-state"], ["sponsor", "director"])
    assert {(loc["country"], loc["name"]) for loc in _of_type(objects, "location")} == {("CN", "China"), ("TW", "Taiwan")}
    edges = {(r["relationship_type"], objects[r["source_ref"]]["type"], objects[r["target_ref"]]["type"])
             for r in _of_type(objects, "relationship")}
    assert edges == {
        ("attributed-to", "campaign", "threat-actor"), ("attributed-to", "threat-actor", "identity"),
        ("located-at", "threat-actor", "location"), ("targets", "campaign", "location"),
    }
    reports = _of_type(objects, "report")
    assert sorted(r["name"] for r in reports) == [
        "Soldiers held", "Soldiers jailed", "Spyglass case file: Four Taiwanese soldiers jailed for spying for China (case-tw-soldiers)"]


def test_legal_events_and_payments_are_notes_quoting_their_evidence() -> None:
    notes = {note["abstract"]: note for note in _of_type(_objects(soldiers_case()), "note")}
    assert set(notes) == {"legal-event: arrested 2024-05", "legal-event: sentenced 70-84 months 2025-03-28",
                          "payment: 7000 USD", "payment: 20000 USD"}
    sentenced = notes["legal-event: sentenced 70-84 months 2025-03-28"]
    assert sentenced["content"] == "The court jailed the four soldiers for between 70 and 84 months."
    assert sentenced["external_references"] == [{
        "source_name": "news article", "url": "https://news.example/jailed", "description": sentenced["content"]}]
    assert sentenced["confidence"] == 90
    assert notes["payment: 7000 USD"]["content"] == "Each was paid between $7,000 and $20,000."
    extension = next(iter(notes["payment: 7000 USD"]["extensions"].values()))
    assert (extension["amount"], extension["currency"]) == (7000.0, "USD")


@pytest.mark.parametrize("value", ["sentenced", "China (CN)", "Taiwan (TW)", "Ministry of State Security", "Chen Wei; Lin Hao", "soldier",
                                   "70-84 months", "7000 USD; 20000 USD", "2002-2024", "2024-05-02", "2025-03-28"])
def test_every_structured_value_is_in_the_campaign_description(value: str) -> None:
    campaign = _objects(soldiers_case())[stix_id("campaign", "case-tw-soldiers")]
    assert value in campaign["description"]


def test_export_is_byte_identical_when_nothing_changed() -> None:
    assert _bundle(soldiers_case(), hostile_case()) == _bundle(soldiers_case(), hostile_case())


def test_changing_one_case_keeps_the_other_cases_objects_byte_identical() -> None:
    before = json.loads(_bundle(soldiers_case(), hostile_case()))["objects"]
    grown = hostile_case().model_copy(update={"stage": "convicted", "last_reported": "2024-02-01"})
    after = json.loads(_bundle(soldiers_case(), grown))["objects"]
    after_by_id = {obj["id"]: obj for obj in after}
    assert set(after_by_id) == {obj["id"] for obj in before}, "ids must not change"
    soldiers = [obj for obj in before if "case-tw-soldiers" in json.dumps(obj) or obj["type"] in ("location",)]
    assert soldiers and all(after_by_id[obj["id"]] == obj for obj in soldiers)
    campaign = after_by_id[stix_id("campaign", "case-hostile")]
    assert campaign["modified"] == "2024-02-01T00:00:00.000Z" and "Stage: convicted" in campaign["description"]


def test_shared_countries_and_services_are_written_once() -> None:
    other = soldiers_case().model_copy(update={"id": "case-2", "accused_names": ("Wu",)})
    objects = _objects(soldiers_case(), other)  # asserts that no id repeats
    assert len(_of_type(objects, "location")) == 2
    assert len(_of_type(objects, "campaign")) == 2


def test_unnamed_accused_and_unnamed_service_still_connect_the_case() -> None:
    case = bare_case().model_copy(update={"sponsor_country": "IR", "accused_count": 2})
    objects = _objects(case)
    names = sorted(t["name"] for t in _of_type(objects, "threat-actor"))
    assert names == ["Unnamed accused in case case-bare", "Unnamed state sponsor of Iran"]
    assert len(_of_type(objects, "relationship")) == 3  # campaign->spy, campaign->sponsor, sponsor->location


def test_bundle_streams_one_object_per_line() -> None:
    text = _bundle(soldiers_case())
    lines = text.splitlines()
    assert lines[0].startswith('{"type": "bundle", "id": "bundle--')
    assert lines[-1] == "]}"
    assert all(json.loads(line.rstrip(",")) for line in lines[1:-1])
