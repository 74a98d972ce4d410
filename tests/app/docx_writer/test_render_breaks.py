"""Where lines and pages break when LibreOffice prints the file: second-level headings in their
own face and nothing more, a long agency's title broken between names as written, and no table
starting at a page's foot without its first row of figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.document.blocks import build_blocks
from app.document.line_breaking import is_latin
from app.document.model import DocumentBlocks, Paragraph, Run, TextRole
from app.document.profile import OFFICIAL
from app.document.title_breaking import title_lines
from app.docx_writer import export_docx
from app.docx_writer.writer import write_docx
from app.domain.report import Report
from app.readers.text_reader import read_text
from tests.app.document.reports import PUBLISHED_HEADINGS, demo_2020
from tests.app.docx_writer.rendered import KAI, Drawn, drawn, pages, render
from tests.paths import FIXTURES

pytestmark = pytest.mark.render

PUBLISHED = tuple(sorted(PUBLISHED_HEADINGS))
LONG_AGENCIES = (
    "淮安市洪泽区经济技术开发区管理委员会经济发展局",
    "中共淮安市洪泽区委机构编制委员会办公室综合科",
)
FILLERS = range(12, 23)  # lines of text before the heading: the table starts all down a page
FIRST_ROWS = {"table2": "规章", "table3": "一、本年新收政府信息公开申请数量"}


def published(name: str) -> Report:
    return read_text((FIXTURES / name).read_text(encoding="utf-8"))


def long_titled(agency: str) -> Report:
    report = demo_2020()
    report.unit = report.signature_unit = agency
    report.title = f"{agency}2020年政府信息公开工作年度报告"
    return report


def keeps_document() -> DocumentBlocks:
    """Each table after its heading, below text of every length from 12 to 22 lines, and a
    mark after it ("标记table3 17")."""
    blocks = build_blocks(demo_2020())
    headings = {p.chapter: p for p in blocks.paragraphs() if p.chapter}
    sequence: list[Paragraph | object] = []
    for table, chapter in zip(blocks.tables(), "234", strict=True):
        for lines in FILLERS:
            filler = "公" * (26 + 28 * (lines - 1))
            sequence += [
                Paragraph(TextRole.BODY, (Run(filler, TextRole.BODY),)),
                headings[chapter],
                table,
                Paragraph(TextRole.BODY, (Run(f"标记{table.name}{lines}", TextRole.BODY),)),
            ]
    return DocumentBlocks("t", "u", tuple(sequence))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("breaks")
    sources: dict[str, Path] = {}
    for name in PUBLISHED:
        sources[name] = folder / f"{Path(name).stem}.docx"
        export_docx(published(name), sources[name])
    for n, agency in enumerate(LONG_AGENCIES):
        sources[agency] = folder / f"title{n}.docx"
        export_docx(long_titled(agency), sources[agency])
    sources["keeps"] = folder / "keeps.docx"
    write_docx(keeps_document(), OFFICIAL, sources["keeps"])
    pdfs = render(list(sources.values()), folder)
    return dict(zip(sources, pdfs, strict=True))


def in_kai(pieces: list[Drawn]) -> str:
    return "".join(p.text for p in pieces if KAI.replace(" ", "") in p.family)


def chinese(text: str) -> str:
    """Without spaces, digits and Latin, which are set in Times New Roman in any heading."""
    return "".join(ch for ch in text if not is_latin(ch) and not ch.isspace())


@pytest.mark.parametrize("name", PUBLISHED)
def test_second_level_headings_and_only_they_print_in_the_heading_face(
    rendered: dict[str, Path], name: str
) -> None:
    assert in_kai(drawn(rendered[name])) == chinese("".join(PUBLISHED_HEADINGS[name]))


@pytest.mark.parametrize("agency", LONG_AGENCIES)
def test_a_long_agency_title_breaks_between_names_as_written(
    rendered: dict[str, Path], agency: str
) -> None:
    first = pages(rendered[agency])[0]
    expected = title_lines(
        f"{agency}2020年政府信息公开工作年度报告",
        OFFICIAL.text_width_mm / (OFFICIAL.title_pt * 25.4 / 72),
    )
    assert len(expected) == 3
    assert [line.text for line in first[:3]] == expected
    assert expected[0].endswith(("开发区", "区委"))  # never 淮安市洪|泽区 or 经济发|展局
    middles = [(line.x0 + line.x1) / 2 for line in first[:3]]
    assert max(middles) - min(middles) < 2  # centred


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
def test_no_table_starts_at_a_page_foot_without_its_first_row_of_figures(
    rendered: dict[str, Path], table: str
) -> None:
    heading = {
        "table2": "二、主动公开政府信息情况",
        "table3": "三、收到和处理政府信息公开申请情况",
        "table4": "四、政府信息公开行政复议、行政诉讼情况",
    }[table]
    flow = [
        (number, line.text)
        for number, lines in enumerate(pages(rendered["keeps"]), 1)
        for line in lines
    ]
    heads = [k for k, (_, text) in enumerate(flow) if text == heading]
    assert len(heads) == len(FILLERS)
    for k, lines in zip(heads, FILLERS, strict=True):
        mark = next(j for j in range(k, len(flow)) if flow[j][1] == f"标记{table}{lines}")
        if table in FIRST_ROWS:
            first = next(j for j in range(k, mark) if flow[j][1].startswith(FIRST_ROWS[table]))
        else:  # table 4's one row of fifteen figures, the last row above the mark
            first = max(j for j in range(k, mark) if re.fullmatch(r"[\d]+", flow[j][1]))
        assert flow[first][0] == flow[k][0], (table, lines)
