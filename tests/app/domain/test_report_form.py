"""The report's JSON form keeps the user's heading marks and refuses text fields that are not text
(spec/interfaces.md §1)."""

from __future__ import annotations

import json

import pytest

from app.domain.report import Report
from app.domain.report_form import FormError, dumps, report_from_json, report_to_json


def test_heading_marks_go_out_and_come_back() -> None:
    report = Report(unit="某某县教育局", year=2024, chapters={"1": "主动公开情况\n正文。"})
    report.headings = {"1": {"主动公开情况": 2}, "5": {"（一）主要问题": 0}, "6": {}}
    data = json.loads(dumps(report))
    assert data["headings"] == {"1": {"主动公开情况": 2}, "5": {"（一）主要问题": 0}}
    assert report_from_json(data).headings == {"1": {"主动公开情况": 2}, "5": {"（一）主要问题": 0}}


def test_a_report_without_marks_writes_no_field_and_bad_marks_are_left_out() -> None:
    report = Report(unit="某某县教育局", year=2024)
    assert "headings" not in report_to_json(report)
    data = report_to_json(report)
    data["headings"] = {
        "1": {"主动公开": 7, "": 2, "依申请公开": True, "平台建设": 3},
        "5": "（一）",
        "6": {"监督保障": "2"},
    }
    assert report_from_json(data).headings == {"1": {"平台建设": 3}}
    data["headings"] = ["not", "an", "object"]
    assert report_from_json(data).headings == {}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("chapters", {"1": None}, None),
        ("chapters", {"1": {"a": 1}}, "chapters.1 应为文字"),
        ("chapters", {"2": ["主动公开"]}, "chapters.2 应为文字"),
        ("unit", 12, "unit 应为文字"),
        ("title", {"text": "某局年报"}, "title 应为文字"),
        ("preamble", True, "preamble 应为文字"),
        ("signature", {"unit": ["某局"]}, "signature.unit 应为文字"),
    ],
)
def test_text_fields_that_are_not_text_are_refused_not_spelled_out(
    field: str, value: object, message: str | None
) -> None:
    """Python's spelling of a null, a list or an object ("None", "{'a': 1}") would pass for
    the report's words: a field that is not text is refused, and null is empty."""
    data = report_to_json(Report(unit="某县水利局", year=2022, chapters={"1": "概述。"}))
    data[field] = value
    if message is None:
        assert report_from_json(data).chapters.get("1", "") == ""
        return
    with pytest.raises(FormError, match=message):
        report_from_json(data)
