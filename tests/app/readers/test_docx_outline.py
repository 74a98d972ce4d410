"""What a Word file says of its headings is kept: heading styles and outline levels (Word's,
WPS's 标题 N, an agency's own style based on them), a numbered lead in bold or 楷体, and the
"body text" level this program writes on a numbered line the user said is no heading."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.docx_writer import export_docx
from app.domain.report import Report
from app.readers.docx_reader import read_docx
from app.readers.files import read_report_file
from tests.app.readers.word_made import word_report

LONG_LEAD = (
    "（一）强化组织领导成立了以局长为组长的政务公开工作领导小组统筹推进各项工作落实到位见成效"
)
PLAIN = "信息公开工作制度建立健全，专人负责信息的收集、审核和发布。"  # no word the rules split at


def marked_report() -> Report:
    report = Report(unit="某某县自然资源局", year=2024)
    report.chapters = {
        "1": "\n".join(
            (
                "主动公开平台建设情况",
                "依托县政府网站公开政府信息326条。",
                LONG_LEAD,
                "（二）依申请公开",
                "1.规章",
                "全年收到申请5件。",
            )
        ),
        "5": "（一）各项工作按期完成。\n（二）改进措施\n继续加强培训。",
        "6": "本年度未收取信息处理费。",
    }
    report.headings = {
        "1": {"主动公开平台建设情况": 2, "（一）强化组织领导": 2},
        "5": {"（一）各项工作按期完成。": 0},
    }
    report.signature_date = dt.date(2025, 1, 20)
    return report


def test_the_users_heading_marks_survive_the_programs_own_word_file(tmp_path: Path) -> None:
    report = marked_report()
    path = tmp_path / "年报.docx"
    export_docx(report, path)
    back = read_report_file(path)
    assert back.chapter("1") == report.chapter("1")
    assert back.headings == report.headings


def agency_document(body_text_everywhere: bool = False) -> bytes:
    """A report typed in Word: 标题 2 as WPS names it, an own style based on Heading 2, a bold
    numbered lead; optionally with "body text" stated on every paragraph, as some producers do."""
    document = docx.Document()
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/>'
            '<w:basedOn w:val="Normal"/></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="XiaoBiaoTi">'
            '<w:name w:val="小标题"/><w:basedOn w:val="Heading2"/></w:style>'
        )
    )
    document.add_paragraph("某某县自然资源局").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("2024年政府信息公开工作年度报告").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("一、总体情况")
    document.add_paragraph("主动公开平台建设情况", style="Heading 2")
    document.add_paragraph("依申请公开办理情况")._p.get_or_add_pPr().insert(
        0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="a5"/>')
    )
    document.add_paragraph("政府信息管理情况")._p.get_or_add_pPr().insert(
        0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="XiaoBiaoTi"/>')
    )
    lead = document.add_paragraph()
    lead.add_run("（四）监督保障").bold = True
    lead.add_run(PLAIN)
    emphasis = document.add_paragraph()
    emphasis.add_run("一是").bold = True
    emphasis.add_run("加强培训，全年组织培训3次。")
    for heading in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ):
        document.add_paragraph(heading)
    document.add_paragraph("（一）主要问题")
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph("本年度未收取信息处理费。")
    if body_text_everywhere:
        for p in document.paragraphs:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_headings_styled_in_word_or_wps_and_a_bold_numbered_lead_are_kept() -> None:
    report = read_docx(agency_document())
    assert report.headings == {
        "1": {
            "主动公开平台建设情况": 2,
            "依申请公开办理情况": 2,
            "政府信息管理情况": 2,
            "（四）监督保障": 2,
        }
    }


def test_body_text_stated_on_every_paragraph_says_nothing_about_headings() -> None:
    report = read_docx(agency_document(body_text_everywhere=True))
    assert "5" not in report.headings  # （一）主要问题 stays a heading


def test_a_report_made_the_usual_way_has_no_marks() -> None:
    report = marked_report()
    report.headings = {}
    assert read_docx(word_report(report)).headings == {}
