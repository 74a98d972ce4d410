"""Generated counties for the county tests and benchmarks: units with reports whose figures are
random but balance (R1–R4 hold), whose texts state those figures and differ from unit to unit,
written in every form the program reads; and errors put in on purpose.

Chapter texts are drawn from sentences of the fixtures and of a phrase list, so that two units'
texts share a little (as real ones do) but not half (R21).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.domain.layout import ValueKind
from app.domain.layouts import layout_for_year
from app.domain.report import Report
from app.exporters import export_report
from app.store import Store
from tests.app.readers.pasted import render
from tests.app.readers.published import Page, web_page
from tests.paths import FIXTURES

COUNTY = "青山县人民政府"
DEPARTMENTS = (
    "青山县人民政府办公室",
    "青山县发展和改革局",
    "青山县教育局",
    "青山县公安局",
    "青山县民政局",
    "青山县司法局",
    "青山县财政局",
    "青山县人力资源和社会保障局",
    "青山县自然资源局",
    "青山县生态环境分局",
    "青山县住房和城乡建设局",
    "青山县交通运输局",
    "青山县水利局",
    "青山县农业农村局",
    "青山县商务局",
    "青山县文化和旅游局",
    "青山县卫生健康局",
    "青山县退役军人事务局",
    "青山县应急管理局",
    "青山县审计局",
    "青山县市场监督管理局",
    "青山县统计局",
    "青山县医疗保障局",
    "青山县行政审批服务局",
    "青山县城市管理局",
)
TOWNSHIPS = (
    "青山镇人民政府",
    "河东镇人民政府",
    "柳林乡人民政府",
    "城关街道办事处",
    "西湖街道办事处",
)

SUBJECTS = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "平台建设",
    "监督保障",
    "政策解读",
    "重点领域信息公开",
    "公开目录编制",
    "基层政务公开",
    "网站集约化",
    "回应关切",
    "公开工作培训",
    "保密审查",
    "公开属性源头认定",
    "政务新媒体",
    "意见征集",
)
VERBS = (
    "严格落实",
    "持续深化",
    "认真组织",
    "扎实推进",
    "不断完善",
    "全面梳理",
    "进一步规范",
    "及时更新",
    "重点做好",
    "稳妥开展",
    "统筹推进",
    "着力加强",
)
OBJECTS = (
    "工作机制",
    "公开清单",
    "答复流程",
    "审查制度",
    "考核办法",
    "栏目设置",
    "工作台账",
    "咨询渠道",
    "培训计划",
    "监督检查",
    "标准目录",
    "发布规范",
    "便民服务",
    "数据开放",
)
PROBLEMS = (
    "部分栏目信息更新不够及时",
    "政策解读形式较为单一",
    "依申请公开答复规范性有待提高",
    "基层政务公开标准化建设仍需加强",
    "公开内容的针对性和实用性不强",
    "工作人员业务水平参差不齐",
    "信息发布的审核流程不够完善",
    "互动回应的时效性还需提高",
    "公开平台的检索功能不够便捷",
    "数据类信息公开的深度不够",
    "重大决策预公开的范围偏窄",
    "政务新媒体的内容保障不足",
    "公开目录与实际工作对应不够",
    "村务公开与政务公开衔接不紧",
    "主动公开的时效要求落实不严",
    "政策文件的配套解读数量偏少",
    "依申请公开的沟通协调机制不健全",
    "历史文件的清理进度偏慢",
    "专项领域公开的栏目层级过深",
    "对下级单位的指导力度不足",
)
REMEDIES = (
    "下一步将加强培训，提升业务能力",
    "将建立信息更新提醒机制",
    "将丰富图解、视频等解读形式",
    "将完善答复文书模板并加强审核",
    "将对照标准目录逐项梳理",
    "将定期开展自查整改",
    "将优化平台功能，方便群众查找",
    "将健全考核评议办法",
    "将扩大决策草案的征求意见范围",
    "将落实专人负责新媒体内容审核",
    "将按季度核对公开目录",
    "将推动村居公开栏规范化建设",
    "将实行公开时限台账管理",
    "将坚持政策文件与解读材料同步起草",
    "将与申请人加强沟通",
    "将分批完成历史文件清理",
    "将精简专栏层级",
    "将开展下级单位业务指导",
)


PATTERNS = (
    "{unit}围绕{subject}，{verb}{obj}，全年发布相关信息{n}条。",
    "在{subject}方面，{verb}{obj}{m}项，累计更新{n}条。",
    "{verb}{subject}{obj}，组织专题会议{m}次，覆盖{n}人次。",
    "今年以来，{unit}把{subject}作为重点，{verb}{obj}，办结事项{n}件。",
    "针对{subject}，{verb}{obj}，新增公开内容{n}条、图解{m}篇。",
)


def _sentences(rng: random.Random, unit: str, count: int) -> list[str]:
    return [
        rng.choice(PATTERNS).format(
            unit=unit,
            subject=rng.choice(SUBJECTS),
            verb=rng.choice(VERBS),
            obj=rng.choice(OBJECTS),
            n=rng.randint(3, 900),
            m=rng.randint(2, 30),
        )
        for _ in range(count)
    ]


PROBLEM_PATTERNS = (
    "{k}是{subject}方面{problem}，{n}个{obj}尚未落实。{remedy}。",
    "{k}是{problem}，{subject}还有短板。{remedy}，{verb}{obj}。",
    "{k}是{obj}不够健全，{problem}。{remedy}，年内完成{n}项整改。",
)


def _problems(rng: random.Random, unit: str, year: int) -> str:
    parts = [
        rng.choice(PROBLEM_PATTERNS).format(
            k=k,
            problem=problem,
            remedy=remedy,
            subject=rng.choice(SUBJECTS),
            obj=rng.choice(OBJECTS),
            verb=rng.choice(VERBS),
            n=rng.randint(2, 9),
        )
        for k, problem, remedy in zip(
            "一二三", rng.sample(PROBLEMS, 3), rng.sample(REMEDIES, 3), strict=True
        )
    ]
    return f"{unit}{year}年的不足和改进：" + "".join(parts)


def balanced_tables(report: Report, rng: random.Random, scale: int = 30) -> None:
    """Random figures for every cell that satisfy R1–R5 (no blank cells)."""
    layout = report.layout
    table3 = layout.table3
    applicants = [c for c in table3.column_keys if c != "total"]

    def counts() -> int:
        return rng.randint(0, scale) if rng.random() < 0.6 else 0

    for column in applicants:
        # Nobody failed to pay a fee: chapter 6 says none was charged (R12).
        leaves = {row: 0 if row == "other_unpaid_fee" else counts() for row in layout.result_rows}
        for row, value in leaves.items():
            report.set(f"table3:{row}.{column}", value)
        results = sum(leaves.values())
        carried_out = counts()
        carried_in = rng.randint(0, results + carried_out) if rng.random() < 0.5 else 0
        report.set(f"table3:results_total.{column}", results)
        report.set(f"table3:carried_out.{column}", carried_out)
        report.set(f"table3:carried_in.{column}", carried_in)
        report.set(f"table3:new.{column}", results + carried_out - carried_in)
    for row in table3.row_keys:
        total = sum(report.number(f"table3:{row}.{c}") or 0 for c in applicants)
        report.set(f"table3:{row}.total", total)
    for group in layout.table4.row_keys:
        parts = [k for k in layout.table4.column_keys if k != "total"]
        values = [rng.randint(0, 3) for _ in parts]
        for part, value in zip(parts, values, strict=True):
            report.set(f"table4:{group}.{part}", value)
        report.set(f"table4:{group}.total", sum(values))
    for spec in layout.table2.cells:
        if spec.kind is ValueKind.MONEY:
            report.set(spec.ref, Decimal(rng.randint(0, 99999)).scaleb(-2))
        elif spec.kind is ValueKind.MONEY_WITH_UNIT:
            report.set(spec.ref, Decimal(rng.randint(0, 99999)).scaleb(-2))
            report.money_units[spec.ref] = "万元"
        elif spec.kind is ValueKind.SIGNED_COUNT:
            report.set(spec.ref, rng.randint(-5, 5))
        else:
            report.set(spec.ref, rng.randint(0, 400))


def unit_report(unit: str, year: int, seed: int, level: str = "department") -> Report:
    """A clean report of `unit` for `year`: balanced tables, its own text, signed in time."""
    rng = random.Random(f"{unit}/{year}/{seed}")
    report = Report(unit=unit, year=year, level=level, layout_id=layout_for_year(year).id)
    report.preamble = (
        f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限"
        f"自{year}年1月1日起至{year}年12月31日止。"
    )
    balanced_tables(report, rng)
    applications = report.get("table3:new.total")
    short = unit.replace("青山县", "").replace("人民政府", "")
    report.chapters["1"] = "\n".join(
        [
            f"{year}年，{unit}认真贯彻落实政府信息公开条例，全年共收到政府信息公开申请"
            f"{applications}件。",
            *_sentences(rng, short or unit, rng.randint(3, 6)),
        ]
    )
    report.chapters["5"] = _problems(rng, short or unit, year)
    report.chapters["6"] = (
        f"本年度未收取信息处理费。{unit}无其他需要报告的事项。（编号{rng.randint(1000, 9999)}）"
    )
    report.signature_unit = unit
    report.signature_date = dt.date(year + 1, 1, rng.randint(5, 25))
    return report


def next_year_of(previous: Report, seed: int) -> Report:
    """The unit's report of the year after, its 上年结转 taken from `previous` (R8 holds)."""
    report = unit_report(previous.unit, previous.year + 1, seed, previous.level)
    rng = random.Random(seed)
    layout = report.layout
    applicants = [c for c in layout.table3.column_keys if c != "total"]
    for column in applicants:
        carried_in = previous.number(f"table3:carried_out.{column}") or 0
        report.set(f"table3:carried_in.{column}", carried_in)
        results = report.number(f"table3:results_total.{column}") or 0
        carried_out = rng.randint(0, 3)
        extra = max(0, carried_in - results - carried_out)
        report.set(f"table3:open.{column}", (report.number(f"table3:open.{column}") or 0) + extra)
        report.set(f"table3:results_total.{column}", results + extra)
        report.set(f"table3:carried_out.{column}", carried_out)
        report.set(f"table3:new.{column}", results + extra + carried_out - carried_in)
    for row in ("new", "carried_in", "open", "results_total", "carried_out"):
        report.set(
            f"table3:{row}.total", sum(report.number(f"table3:{row}.{c}") or 0 for c in applicants)
        )
    for row in ("rules", "normative_docs"):  # 现行有效 follows from last year's (R9, R10)
        ref = f"table2:{row}.in_force"
        if report.layout.table2.has(f"{row}.in_force") and previous.layout.table2.has(
            f"{row}.in_force"
        ):
            before = previous.number(ref) or 0
            issued = report.number(f"table2:{row}.issued") or 0
            assert isinstance(before, int) and isinstance(issued, int)  # counts of documents
            repealed = rng.randint(0, before + issued)
            report.set(f"table2:{row}.repealed", repealed)
            report.set(ref, before + issued - repealed)
    report.chapters["1"] = report.chapters["1"].split("\n", 1)[1]
    report.chapters["1"] = (
        f"全年共收到政府信息公开申请{report.get('table3:new.total')}件。\n" + report.chapters["1"]
    )
    return report


# -- errors put in -------------------------------------------------------------------------------


def break_sum(report: Report) -> None:
    """总计 of 予以公开 one more than its columns add up to (R2, and so R3 in 总计)."""
    report.set("table3:open.total", (report.number("table3:open.total") or 0) + 1)


def copy_chapter(report: Report, source: Report, chapter: str = "5") -> None:
    """Chapter copied from another unit, its name swapped in (R21)."""
    report.chapters[chapter] = source.chapter(chapter).replace(source.unit, report.unit)


def copy_tables(report: Report, previous: Report) -> None:
    """The tables as last year's (R22)."""
    refs = [r for r in report.cells if r.split(":")[0] in ("table2", "table3", "table4")]
    for ref in refs:
        report.set(ref, previous.get(ref))
    report.money_units = dict(previous.money_units)


# -- files -----------------------------------------------------------------------------------------

FORMS = (".docx", ".txt", ".json", ".xlsx", ".html")
# How the web pages of a county's units show their tables, in turn.
PAGES = (Page(), Page(merge="repeat", encoding="gb18030"), Page(merge="once", portal=False))


def write_report(report: Report, path: Path) -> Path:
    """`report` as a file of the kind `path`'s suffix names (.txt: tab-separated, as a page
    copied from a browser; .html: a portal's page, its tables merged, repeated or written once
    in turn)."""
    if path.suffix == ".txt":
        path.write_text(render(report, "tabs"), encoding="utf-8")
    elif path.suffix == ".html":
        path.write_bytes(web_page(report, PAGES[sum(map(ord, report.unit)) % len(PAGES)]))
    else:
        export_report(report, path)
    return path


@dataclass(frozen=True)
class County:
    """Units and their reports of one year, written into a folder."""

    reports: dict[str, Report]  # by unit
    files: dict[str, Path]  # by unit


def write_county(
    folder: Path, year: int, units: Sequence[str], *, form: str | None = None, seed: int = 0
) -> County:
    """Each unit's report of `year` in `folder`, the forms taking turns unless one is given."""
    folder.mkdir(parents=True, exist_ok=True)
    reports, files = {}, {}
    for i, unit in enumerate(units):
        level = "township" if unit in TOWNSHIPS else "department"
        report = unit_report(unit, year, seed, level)
        suffix = form or FORMS[i % len(FORMS)]
        reports[unit] = report
        files[unit] = write_report(report, folder / f"{unit}{year}年报告{suffix}")
    return County(reports, files)


def loaded(store: Store, unit: str, year: int) -> Report:
    """The unit's report of `year`, which the test has put in the store."""
    report = store.load(unit, year)
    assert report is not None, unit
    return report


def many_units(count: int) -> list[str]:
    """`count` distinct unit names of one county: its departments, townships, then schools and
    stations as a big county has them."""
    names = [*DEPARTMENTS, *TOWNSHIPS]
    places = "东西南北中"
    n = 0
    while len(names) < count:
        n += 1
        names.append(f"青山县第{n}中学" if n % 3 else f"青山县{places[n % 5]}区卫生院{n}")
    return names[:count]


def fill_county_database(store: Store, units: int, years: range, seed: int = 0) -> list[str]:
    """A county unit with `units` subordinate units, each with a report for every year of
    `years` (each year's 上年结转 from the year before). The units' names, in order."""
    names = many_units(units)
    store.add_unit(COUNTY, "county")
    for name in names:
        store.add_unit(name, "township" if name in TOWNSHIPS else "department", parent=COUNTY)
        report = unit_report(name, years[0], seed)
        store.save(report)
        for _ in years[1:]:
            report = next_year_of(report, seed)
            store.save(report)
    return names


# -- a county that printed its reports to PDF --------------------------------------------------

PRINTED_FOLDER = FIXTURES / "county_pdf"
PRINTED_UNITS = (DEPARTMENTS[0], DEPARTMENTS[2], DEPARTMENTS[9], TOWNSHIPS[1])
PRINTED_BROKEN = DEPARTMENTS[2]  # its 总计 of 予以公开 one too many (R2, R3)


def printed_reports() -> dict[str, Report]:
    """The reports the PDFs in PRINTED_FOLDER were printed from, by unit."""
    reports = {}
    for unit in PRINTED_UNITS:
        report = unit_report(unit, 2022, 5, "township" if unit in TOWNSHIPS else "department")
        if unit == PRINTED_BROKEN:
            break_sum(report)
        reports[unit] = report
    return reports


def printed_file(unit: str) -> Path:
    return PRINTED_FOLDER / f"{unit}2022年报告.pdf"
