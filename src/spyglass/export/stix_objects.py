"""One case -> the STIX 2.1 objects that carry it (mapping in ``docs/STIX.md`` of the project).

Ids are UUIDv5 from Spyglass's own ids under a fixed namespace, and ``created``/``modified``
come from the case's dates, never from the clock, so exporting an unchanged case again gives
byte-identical objects and a re-import updates instead of duplicating. Every structured value
is also written into a standard text field (``name``, ``description``, a note's ``abstract``
and ``content``) because OpenCTI drops custom properties and unknown extensions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

import stix2

from spyglass.records import Case, CaseSource, Evidence, TimelineEvent
from spyglass.services import service_name, service_named

from .facts import (
    EPOCH,
    NAMESPACE,
    case_title,
    country_label,
    country_name,
    fact_lines,
    moment,
    payment_text,
    sentence_text,
    web_url,
)

__all__ = ["NAMESPACE", "SYSTEM_ID", "EXTENSION_ID", "stix_id", "preamble_objects", "case_objects", "shared_objects"]



def stix_id(kind: str, *parts: str) -> str:
    """The deterministic id of a STIX object, e.g. ``stix_id("campaign", case.id)``."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *parts)))}"


SYSTEM_ID = stix_id("identity", "system", "spyglass")
EXTENSION_ID = stix_id("extension-definition", "spyglass-case", "1")
_MARKING = [stix2.TLP_WHITE.id]


def preamble_objects() -> list[Any]:
    """TLP:WHITE, the Spyglass system identity and the extension definition, once per bundle."""
    common: dict[str, Any] = {"created": EPOCH, "modified": EPOCH, "object_marking_refs": _MARKING}
    system = stix2.Identity(
        id=SYSTEM_ID, name="Spyglass", identity_class="system",
        description="Spyglass: espionage cases extracted from news reports, each value with its evidence.",
        **common,
    )
    extension = stix2.ExtensionDefinition(
        id=EXTENSION_ID, created_by_ref=SYSTEM_ID, name="Spyglass case values",
        description="Structured values of a Spyglass case (stage, sentence months, payment amount and "
        "currency, evidence offsets); every value is repeated in the object's text fields.",
        schema="https://github.com/spyglass-osint/spyglass/blob/main/README.md#stix-21",
        version="1.0.0", extension_types=["property-extension"], **common,
    )
    return [stix2.TLP_WHITE, system, extension]


class _CaseMapper:
    """Builds the objects of one case; the ids of its parts are kept for relationships."""

    def __init__(self, case: Case, confirmed: Sequence[str] = ()) -> None:
        self.case = case
        self.confirmed = list(confirmed)  # fields an analyst confirmed or corrected
        self.created = moment(case.first_reported) or EPOCH
        self.modified = max(moment(case.last_reported) or self.created, self.created)
        self.campaign_id = stix_id("campaign", case.id)
        self.sources = {source.article_id: source for source in case.sources}
        self.spy_names = self._spy_names()

    # -- helpers -----------------------------------------------------------------------
    def _spy_names(self) -> list[str]:
        return list(dict.fromkeys(name.strip() for name in self.case.accused_names if name.strip())) or [""]

    def _common(self, created: datetime | None = None, modified: datetime | None = None) -> dict[str, Any]:
        created = created or self.created
        return {
            "created_by_ref": SYSTEM_ID,
            "created": created,
            "modified": max(modified or created, created),
            "object_marking_refs": _MARKING,
        }

    def _reference(self, article_id: str, sentence: str | None = None) -> dict[str, str]:
        source = self.sources.get(article_id, CaseSource(article_id=article_id))
        ref = {"source_name": source.site_name or "news article"}
        url = web_url(source.url)
        if url:
            ref["url"] = url
        else:
            ref["external_id"] = article_id
        if sentence:
            ref["description"] = sentence
        return ref

    def _evidence_refs(self, field: str) -> dict[str, Any]:
        evidence = self.case.evidence.get(field)
        if evidence is None:
            return {}
        return {
            "external_references": [self._reference(evidence.article_id, evidence.sentence)],
            "confidence": round(evidence.confidence * 100),
        }

    def _relationship(self, kind: str, source: str, target: str, field: str, text: str) -> Any:
        return stix2.Relationship(
            id=stix_id("relationship", kind, source, target), relationship_type=kind,
            source_ref=source, target_ref=target, description=text,
            **self._common(modified=self.created), **self._evidence_refs(field),
        )

    def _spy_id(self, name: str) -> str:
        return stix_id("threat-actor", "spy", self.case.id, name)

    def service_names(self) -> list[str]:
        raw = self.case.sponsor_service or ""
        # a service by its canonical name: one threat actor per service, however reports printed it
        names = [service_name(part.strip()) for part in raw.replace(";", ",").split(",") if part.strip()]
        return names if names else ([""] if self.case.sponsor_country else [])

    def service_id(self, name: str) -> str:
        return stix_id("threat-actor", "service", self.case.sponsor_country or "", name)  # as in _service

    def _period(self) -> dict[str, datetime]:
        start, end = self.case.period or (None, None)
        seen: dict[str, datetime] = {}
        first = moment(str(start)) if start is not None else None
        last = moment(str(end), end=True) if end is not None else None
        if first is not None:
            seen["first_seen"] = first
        if last is not None and (first is None or last >= first):
            seen["last_seen"] = last
        return seen

    # -- objects -------------------------------------------------------------------------
    def locations(self) -> Iterator[Any]:
        codes = [c for c in (self.case.sponsor_country, self.case.target_country) if c]
        for code in dict.fromkeys(codes):
            yield _location(code)

    def services(self) -> Iterator[Any]:
        for name in self.service_names():
            yield from _service(self.case.sponsor_country, name)

    def campaign(self) -> Any:
        case = self.case
        sponsor = country_name(case.sponsor_country) or "an unnamed state"
        objective = f"Espionage for {sponsor}"
        if case.target_country:
            objective += f" against {country_name(case.target_country)}"
        checked = [f"Confirmed by an analyst: {', '.join(self.confirmed)}"] if self.confirmed else []
        description = "\n".join([f"Spyglass case {case.id}", *fact_lines(case), *checked])
        values = {**_case_values(case), **({"confirmed_fields": self.confirmed} if self.confirmed else {})}
        return stix2.Campaign(
            id=self.campaign_id, name=f"{case_title(case)} ({case.id})", description=description,
            objective=objective, aliases=[case.id], **self._period(),
            **self._common(modified=self.modified),
            extensions={EXTENSION_ID: {"extension_type": "property-extension", **values}},
        )

    def spy_objects(self) -> Iterator[Any]:
        case = self.case
        paid = {"primary_motivation": "personal-gain"} if case.payments else {}
        for name in self.spy_names:
            label = name or f"Unnamed accused in case {case.id}"
            lines = [f"{label}: accused in Spyglass case {case.id} ({case_title(case)})", *fact_lines(case)]
            yield stix2.ThreatActor(
                id=self._spy_id(name), name=label, description="\n".join(lines),
                threat_actor_types=["spy"], roles=["agent"], resource_level="individual",
                **paid, **self._period(), **self._common(modified=self.modified),
            )
            if name:
                nationality = "; ".join(country_label(c) for c in case.accused_nationality)
                yield stix2.Identity(
                    id=stix_id("identity", "person", case.id, name), name=name, identity_class="individual",
                    description=f"Person accused in Spyglass case {case.id}"
                    + (f"; nationality: {nationality}" if nationality else ""),
                    **self._common(modified=self.created),
                )

    def relationships(self) -> Iterator[Any]:
        case = self.case
        for name in self.spy_names:
            spy = self._spy_id(name)
            yield self._relationship("attributed-to", self.campaign_id, spy, "accused_names",
                                     f"Case {case.id} is attributed to {name or 'an unnamed accused'}")
            if name:
                person = stix_id("identity", "person", case.id, name)
                yield self._relationship("attributed-to", spy, person, "accused_names",
                                         f"The spy in case {case.id} is the person {name}")
        for name in self.service_names():
            yield self._relationship("attributed-to", self.campaign_id, self.service_id(name), "sponsor_service",
                                     f"Case {case.id} was run for {name or country_label(case.sponsor_country)}")
        if case.target_country:
            yield self._relationship("targets", self.campaign_id, stix_id("location", case.target_country),
                                     "target_country", f"Case {case.id} targeted {country_label(case.target_country)}")

    def event_note(self, event: TimelineEvent) -> Any:
        case = self.case
        detail = f" {sentence_text(case)}" if event.stage == "sentenced" and case.sentence_months else ""
        abstract = f"legal-event: {event.stage}{detail} {event.date or 'undated'}"
        evidence: Evidence | None = event.evidence
        when = moment(event.date) or self.created
        values: dict[str, Any] = {"case_id": case.id, "event": event.stage, "date": event.date,
                                  "article_id": event.article_id}
        if event.stage == "sentenced" and case.sentence_months:
            values["sentence_months"] = list(case.sentence_months)
        extra: dict[str, Any] = {}
        if evidence is not None:
            values.update(rule=evidence.rule, sentence_start=evidence.start, sentence_end=evidence.end)
            extra["confidence"] = round(evidence.confidence * 100)
        return stix2.Note(
            id=stix_id("note", "event", case.id, event.stage, event.date or "", event.article_id),
            abstract=abstract, content=evidence.sentence if evidence else abstract,
            object_refs=[self.campaign_id, *(self._spy_id(n) for n in self.spy_names)],
            external_references=[self._reference(event.article_id, evidence.sentence if evidence else None)],
            extensions={EXTENSION_ID: {"extension_type": "property-extension", **_present(values)}},
            **extra, **self._common(created=when),
        )

    def payment_notes(self) -> Iterator[Any]:
        case = self.case
        evidence = case.evidence.get("payments")
        for index, payment in enumerate(case.payments):
            abstract = f"payment: {payment_text(payment)}"
            refs = self._evidence_refs("payments")
            yield stix2.Note(
                id=stix_id("note", "payment", case.id, str(index), payment_text(payment)),
                abstract=abstract, content=evidence.sentence if evidence else abstract,
                object_refs=[self.campaign_id, *(self._spy_id(n) for n in self.spy_names)],
                extensions={EXTENSION_ID: {"extension_type": "property-extension", "case_id": case.id,
                                           "amount": payment.amount, "currency": payment.currency}},
                **refs, **self._common(),
            )

    def article_report(self, source: CaseSource, refs: list[str]) -> Any:
        case = self.case
        published = moment(source.published) or self.created
        name = source.title or web_url(source.url) or f"Article {source.article_id}"
        where = f" ({source.site_name})" if source.site_name else ""
        return stix2.Report(
            id=stix_id("report", "article", case.id, source.article_id), name=name,
            description=f"News article{where} reporting Spyglass case {case.id}: {case_title(case)}",
            published=published, report_types=["threat-actor", "campaign"],
            object_refs=[self.campaign_id, *refs],
            external_references=[self._reference(source.article_id)],
            **self._common(created=published),
        )

    def case_file(self, refs: list[str]) -> Any:
        case = self.case
        return stix2.Report(
            id=stix_id("report", "case-file", case.id), name=f"Spyglass case file: {case_title(case)} ({case.id})",
            description="\n".join([f"Spyglass case {case.id}", *fact_lines(case)]),
            published=self.modified, report_types=["campaign", "threat-actor"],
            object_refs=refs, **self._common(modified=self.modified),
        )


_SHARED: dict[str, Any] = {
    "created_by_ref": SYSTEM_ID, "created": EPOCH, "modified": EPOCH, "object_marking_refs": _MARKING,
}


# Shared objects depend only on their arguments; caching them saves rebuilding (and
# re-validating) the same country or service for every case that names it.
@lru_cache(maxsize=4096)
def _location(code: str) -> Any:
    return stix2.Location(id=stix_id("location", code), name=country_name(code), country=code,
                          description=f"Country {country_label(code)}", **_SHARED)


@lru_cache(maxsize=4096)
def _service(country: str | None, name: str) -> tuple[Any, ...]:
    """A sponsoring service (or the bare sponsor state) and, when its country is known, where it sits."""
    label = name or f"Unnamed state sponsor of {country_name(country)}"
    where = f" of {country_label(country)}" if country else ""
    text = (f"Intelligence or security service {name}{where}" if name
            else f"The state {country_label(country)} as sponsor, where reports name no service")
    service_id = stix_id("threat-actor", "service", country or "", name)
    known = service_named(name) if name else None
    aliases = {"aliases": list(known.names[1:])} if known is not None and known.names[1:] else {}
    actor = stix2.ThreatActor(id=service_id, name=label, description=text, threat_actor_types=["nation-state"],
                              roles=["sponsor", "director"], resource_level="government", **aliases, **_SHARED)
    if not country:
        return (actor,)
    place = stix_id("location", country)
    located = stix2.Relationship(
        id=stix_id("relationship", "located-at", service_id, place), relationship_type="located-at",
        source_ref=service_id, target_ref=place, description=f"{label} is a service of {country_label(country)}",
        **_SHARED,
    )
    return (actor, located)


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value not in (None, "", [], ())}


def _case_values(case: Case) -> dict[str, Any]:
    """The case's structured values for the property extension (empty ones left out)."""
    values: dict[str, Any] = {
        "case_id": case.id, "stage": case.stage, "sponsor_country": case.sponsor_country,
        "sponsor_service": case.sponsor_service, "target_country": case.target_country,
        "accused_count": case.accused_count, "accused_names": list(case.accused_names),
        "accused_nationality": list(case.accused_nationality), "roles": list(case.roles),
        "sentence_months": list(case.sentence_months) if case.sentence_months else None,
        "period": list(case.period) if case.period else None,
        "first_reported": case.first_reported, "last_reported": case.last_reported,
    }
    return _present(values)


def shared_objects(case: Case) -> Iterator[Any]:
    """The objects a case shares with other cases: its countries and its services.

    They carry fixed timestamps, so every case yields them byte-identical; a bundle writes each once.
    """
    mapper = _CaseMapper(case)
    yield from mapper.locations()
    yield from mapper.services()


def case_objects(case: Case, confirmed: Sequence[str] = ()) -> Iterator[Any]:
    """The objects that belong to this case alone, the case file last; the campaign lists the
    ``confirmed`` fields (confirmed or corrected by an analyst) in its extension and description.

    Objects that come out twice with one id (a timeline event reported twice) are written once.
    """
    mapper = _CaseMapper(case, confirmed)
    body: dict[str, Any] = {}
    notes_by_article: dict[str, list[str]] = {}
    for obj in [mapper.campaign(), *mapper.spy_objects(), *mapper.relationships()]:
        body.setdefault(obj.id, obj)
    for event in case.timeline:
        note = mapper.event_note(event)
        body.setdefault(note.id, note)
        notes_by_article.setdefault(event.article_id, []).append(note.id)
    for note in mapper.payment_notes():
        body.setdefault(note.id, note)
    for source in case.sources:
        report = mapper.article_report(source, list(dict.fromkeys(notes_by_article.get(source.article_id, []))))
        body.setdefault(report.id, report)
    yield from body.values()
    shared = [stix_id("location", c) for c in (case.sponsor_country, case.target_country) if c]
    shared += [mapper.service_id(name) for name in mapper.service_names()]
    yield mapper.case_file([*body, *dict.fromkeys(shared)])
