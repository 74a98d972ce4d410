"""Reports written the ways other agencies write them (not the fixtures): headings on their own
lines, run into their paragraphs after a stop, a colon or a space, numbered items that are
headings and ones that are sentences. Each prints its headings in their fonts, and reads back
from its own Word file and from one typed in Word as the agency would."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from app.document.blocks import build_blocks
from app.document.model import TextRole
from app.docx_writer import export_docx
from app.domain.report import Report
from app.readers.docx_reader import read_docx
from app.readers.files import read_report_file
from tests.app.readers.test_text_reader_styles import sample_report
from tests.app.readers.word_made import Style, word_report

EDUCATION = """\
2024年，县教育局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》。
（一）主动公开情况
全年主动公开政府信息1268条，其中规范性文件3件，重大行政决策事项5项。
（二）依申请公开情况
1.收到和处理申请情况
全年收到政府信息公开申请12件，均在法定期限内答复。
2.行政复议和行政诉讼情况
全年未发生因政府信息公开引起的行政复议和行政诉讼。
（三）政府信息管理情况
严格执行保密审查制度，做到先审后发。"""

HOUSING = """\
（一）主动公开方面。2024年，市住房和城乡建设局通过门户网站主动公开信息862条，其中住房保障信息215条。
（二）依申请公开方面：全年收到申请38件，其中自然人35件、法人或其他组织3件，均已按期答复。
（三）政府信息管理方面 建立健全信息发布协调机制，全年清理规范性文件12件。
（四）平台建设方面。升级改版门户网站，开设“住房保障”专栏。
1.本年度未收取信息处理费。
2.全年开展政务公开培训3次，参训120人次。"""

ZONE = """\
（一）强化组织领导健全政务公开工作机制管委会主要负责同志专题研究政务公开工作两次
（二）突出重点领域推进招商引资和项目建设信息公开根据园区发展规划及时发布招商政策
1.规范公开平台运行管委会门户网站全年发布信息436条，政务新媒体发布信息1120条。"""

EXPECTED_HEADINGS = {
    "某某县教育局": ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况"],
    "某某市住房和城乡建设局": [
        "（一）主动公开方面。",
        "（二）依申请公开方面：",
        "（三）政府信息管理方面",
        "（四）平台建设方面。",
    ],
    "某某经济技术开发区管理委员会": [
        "（一）强化组织领导健全政务公开工作机制",
        "（二）突出重点领域推进招商引资和项目建设信息公开",
    ],
}
TEXTS = {
    "某某县教育局": EDUCATION,
    "某某市住房和城乡建设局": HOUSING,
    "某某经济技术开发区管理委员会": ZONE,
}


def agency_report(unit: str) -> Report:
    report = sample_report("2021", random.Random(len(unit)))
    report.year = 2024
    report.unit = report.signature_unit = unit
    report.title = f"{unit}2024年政府信息公开工作年度报告"
    report.preamble = report.preamble.replace("2022", "2024")
    report.chapters["1"] = TEXTS[unit]
    report.signature_date = dt.date(2025, 1, 22)
    return report


def heading_runs(report: Report, role: TextRole) -> list[str]:
    return [
        run.text for p in build_blocks(report).paragraphs() for run in p.runs if run.role is role
    ]


@pytest.mark.parametrize("unit", sorted(TEXTS))
def test_each_agencys_headings_print_in_their_font(unit: str) -> None:
    report = agency_report(unit)
    assert heading_runs(report, TextRole.HEADING2) == EXPECTED_HEADINGS[unit]
    numbered = heading_runs(report, TextRole.HEADING3)
    if unit == "某某县教育局":
        assert numbered == ["1.收到和处理申请情况", "2.行政复议和行政诉讼情况"]
    else:  # 1. sentences, not headings: "1.本年度未收取信息处理费。"
        assert numbered == ([] if unit.endswith("城乡建设局") else ["1.规范公开平台运行"])


@pytest.mark.parametrize("unit", sorted(TEXTS))
def test_each_agencys_report_reads_back_from_its_word_file(tmp_path: Path, unit: str) -> None:
    report = agency_report(unit)
    path = tmp_path / f"{unit}.docx"
    export_docx(report, path)
    back = read_report_file(path)
    assert back.chapter("1") == report.chapter("1")
    assert back.headings == {}
    for table in ("table2", "table3", "table4"):
        assert back.table_cells(table) == report.table_cells(table)
    assert heading_runs(back, TextRole.HEADING2) == EXPECTED_HEADINGS[unit]


@pytest.mark.parametrize("unit", sorted(TEXTS))
def test_each_agencys_report_typed_in_word_reads_back(unit: str) -> None:
    report = agency_report(unit)
    for style in (Style(), Style(numbered_headings=True, merge="repeat")):
        back = read_docx(word_report(report, style))
        assert back.chapter("1") == report.chapter("1")
        for table in ("table2", "table3", "table4"):
            assert back.table_cells(table) == report.table_cells(table)
