"""Every part the writer makes has its elements in the schema's order, so Word never has to
repair a file; and the check finds a slip when there is one."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings

from app.document.blocks import build_blocks
from app.document.profile import OFFICIAL, WINDOWS, LayoutProfile
from app.docx_writer import export_docx
from app.docx_writer.schema_order import order_problems
from app.docx_writer.verify import DocumentCheckError, verify_docx, written_parts
from app.domain.report import Report
from tests.app.docx_writer.test_verify import rewrite_document_xml
from tests.app.readers.generated import DEMO, reports

W = nsdecls("w")


def problems_of(path: Path) -> dict[str, list[str]]:
    parts = written_parts(docx.Document(str(path)))
    return {name: found for name, root in parts.items() if (found := order_problems(root))}


def marked(report: Report) -> Report:
    """With what the plain demo lacks: a user's heading marks, an address, big figures."""
    report = report.copy()
    report.chapters["5"] = (
        "（一）各项工作按期完成。\n继续加强培训，联系邮箱：gongkai@example.gov.cn。"
    )
    report.headings = {"5": {"（一）各项工作按期完成。": 0}}
    report.set("table3:new.natural", 123456)
    return report


@pytest.mark.parametrize("profile", [OFFICIAL, WINDOWS], ids=["official", "windows"])
@pytest.mark.parametrize("name", sorted(DEMO))
def test_the_demo_and_the_published_reports_are_in_schema_order(
    tmp_path: Path, name: str, profile: LayoutProfile
) -> None:
    path = tmp_path / "年报.docx"
    export_docx(marked(DEMO[name]), path, profile)
    assert problems_of(path) == {}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_reports_are_in_schema_order(report: Report) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "年报.docx"
        export_docx(report, path)
        assert problems_of(path) == {}


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        ('<w:pPr><w:jc w:val="both"/><w:ind w:firstLine="0"/></w:pPr>', "w:pPr: w:ind after w:jc"),
        (
            '<w:pPr><w:outlineLvl w:val="9"/><w:jc w:val="both"/></w:pPr>',
            "w:pPr: w:jc after w:outlineLvl",
        ),
        (
            '<w:rPr><w:sz w:val="21"/><w:rFonts w:eastAsia="宋体"/></w:rPr>',
            "w:rPr: w:rFonts after w:sz",
        ),
        (
            '<w:tcPr><w:vAlign w:val="center"/><w:tcW w:w="1" w:type="dxa"/></w:tcPr>',
            "w:tcPr: w:tcW after w:vAlign",
        ),
        (
            '<w:tblPr><w:tblLayout w:type="fixed"/><w:tblW w:w="1" w:type="dxa"/></w:tblPr>',
            "w:tblPr: w:tblW after w:tblLayout",
        ),
        ("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>", "w:trPr: w:cantSplit after w:tblHeader"),
        (
            '<w:sectPr><w:docGrid w:type="lines"/><w:pgSz w:w="1" w:h="1"/></w:sectPr>',
            "w:sectPr: w:pgSz after w:docGrid",
        ),
        (
            '<w:settings><w:proofState/><w:zoom w:percent="100"/></w:settings>',
            "w:settings: w:zoom after w:proofState",
        ),
        (
            '<w:pPr><w:firstLineChars w:val="200"/></w:pPr>',
            "w:pPr: w:firstLineChars is not one of its children",
        ),
        ("<w:tbl><w:tr/><w:tblPr/></w:tbl>", "w:tbl: w:tblPr is not where the schema puts it"),
        ("<w:body><w:sectPr/><w:p/></w:body>", "w:body: w:sectPr is not the last child"),
    ],
)
def test_an_element_out_of_order_is_named(xml: str, problem: str) -> None:
    root = parse_xml(xml.replace(">", f" {W}>", 1))  # the namespace on the root element
    assert order_problems(root) == [problem]


def test_a_file_out_of_order_never_replaces_anything(docx_2020: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(docx_2020, copy)
    rewrite_document_xml(copy, '<w:tblLayout w:type="fixed"/>', "")
    rewrite_document_xml(copy, "<w:tblW ", '<w:tblLayout w:type="fixed"/><w:tblW ')
    report = DEMO["demo seed 2020"]
    with pytest.raises(DocumentCheckError, match=r"document\.xml 中元素顺序不合规范"):
        verify_docx(copy, report, build_blocks(report))
