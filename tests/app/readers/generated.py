"""Reports for the round-trip tests: the demo and fixture reports, and generated ones whose
text and figures are of every kind the program holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from app.demo import demo_seed_report
from app.domain.carry import start_next_year
from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import ValueKind
from app.domain.layouts import get_layout, layout_for_year
from app.domain.report import Report
from app.readers.files import read_report_file
from tests.paths import FIXTURES


def demo_reports() -> dict[str, Report]:
    seed = demo_seed_report()
    reports = {"demo seed 2020": seed, "demo draft 2021": start_next_year(seed)[0]}
    for path in sorted(FIXTURES.glob("*.txt")):
        reports[path.stem] = read_report_file(path)
    return reports


DEMO = demo_reports()


WORDS = (
    "本机关",
    "认真贯彻",
    "政务公开",
    "工作要求",
    "进一步完善",
    "制度建设",
    "加强培训",
    "平台建设",
    "主动公开信息",
    "依申请公开",
    "解读回应",
    "监督保障",
    "稳步推进",
    "群众满意",
)
UNIT_CHARS = "青山河东西南北城乡区县市场监督管理教育卫生交通财政审批服务"
SUFFIXES = ("局", "委员会", "办公室", "人民政府", "街道办事处")


@st.composite
def sentences(draw: st.DrawFn, placeholders_too: bool = True) -> str:
    parts = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
    number = draw(st.integers(0, 99999))
    text = "".join(parts[:2]) + f"共{number}条，" + "".join(parts[2:]) + "。"
    if placeholders_too and draw(st.booleans()):
        text = text.replace(f"共{number}条", "共{{本年新收申请总数}}件")
    return text


@st.composite
def chapter_texts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(sentences(), min_size=0, max_size=4))
    if len(lines) > 0 and draw(st.booleans()):
        lines.insert(0, "（一）" + draw(st.sampled_from(WORDS)))
    if len(lines) > 0 and draw(st.booleans()):
        lines.insert(1, "")  # a blank line between paragraphs is not printed
    return "\n".join(lines)


def _value(draw: st.DrawFn, kind: ValueKind) -> int | Decimal:
    if kind is ValueKind.COUNT:
        return draw(st.integers(0, 10**7))
    if kind is ValueKind.SIGNED_COUNT:
        return draw(st.integers(-(10**5), 10**5))
    places = draw(st.integers(0, 6))
    return Decimal(draw(st.integers(0, 10**11))).scaleb(-places)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    year = draw(st.integers(2019, 2026))
    unit = draw(st.text(UNIT_CHARS, min_size=2, max_size=14)) + draw(st.sampled_from(SUFFIXES))
    report = Report(unit=unit, year=year)
    report.preamble = draw(
        st.sampled_from(
            [
                "",
                f"本报告根据《中华人民共和国政府信息公开条例》编制。数据统计期限自{year}年1月1日起至"
                f"{year}年12月31日止。",
            ]
        )
    ) + draw(sentences(placeholders_too=False))
    for number in "123456":
        if number in "156" or draw(st.integers(0, 4)) == 0:
            report.chapters[number] = draw(chapter_texts())
    if draw(st.booleans()):
        report.chapters["1"] = CHAPTER_HEADINGS[0] + "\n" + report.chapter("1")
    if draw(st.integers(0, 5)) == 0:
        report.table_layouts = {"table3": "2019" if layout_for_year(year).id == "2021" else "2021"}
    for table in ("table2", "table3", "table4"):
        for spec in get_layout(report.table_layout_id(table)).table(table).cells:
            if draw(st.integers(0, 9)) == 0:
                continue  # a blank cell
            report.set(spec.ref, _value(draw, spec.kind))
            if spec.kind is ValueKind.MONEY_WITH_UNIT:
                report.money_units[spec.ref] = draw(st.sampled_from(["元", "万元"]))
    report.signature_unit = draw(st.sampled_from(["", unit, unit + "办公室"]))
    if draw(st.booleans()):
        report.signature_date = dt.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28)))
    return report
