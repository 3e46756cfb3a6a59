"""Linking keeps a case's service as its canonical id: reports printing one service in different
words agree on it, and the case says which reports state it."""

from __future__ import annotations

from spyglass.link import case_from, match
from spyglass.link.keys import mention_keys

from .factories import mention

CHINA_TAIWAN = dict(sponsor_country="CN", target_country="TW", roles=("soldier",), sentence_months=(84, 84),
                    stage="sentenced")


def test_the_case_keeps_the_id_of_the_service_its_reports_print_differently() -> None:
    reports = [mention("a1", sponsor_service="MSS", **CHINA_TAIWAN),
               mention("a2", sponsor_service="Ministry of State Security", **CHINA_TAIWAN),
               mention("a3", sponsor_service="Chinese Ministry of State Security", **CHINA_TAIWAN)]
    case = case_from(reports, {})
    assert case.sponsor_service == "svc.cn.mss"
    assert case.field_sources["sponsor_service"] == ("a1", "a2", "a3")  # each report states it
    assert case.evidence["sponsor_service"].article_id in {"a1", "a2", "a3"}


def test_two_wordings_of_one_service_do_not_conflict() -> None:
    case = case_from([mention("a1", sponsor_service="MSS", **CHINA_TAIWAN)], {})
    found = match(mention("a2", sponsor_service="Guoanbu", **CHINA_TAIWAN), case)
    assert found.decision == "medium" and "service" in found.reasons
    other = match(mention("a3", sponsor_service="Military Intelligence Bureau", sponsor_country="TW",
                          target_country="CN", stage="sentenced"), case)
    assert other.decision == "none"


def test_a_report_is_filed_under_its_service_id() -> None:
    keys = mention_keys(mention("a1", sponsor_service="Guoanbu", **CHINA_TAIWAN))
    assert "service:svc.cn.mss>TW:2017" in keys
