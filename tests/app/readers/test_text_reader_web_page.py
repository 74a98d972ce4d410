"""A report copied from a government web page with the browser: the page's own furniture
around it, cells broken over lines, merged labels once, "其它" for "其他", counts with 件."""

from __future__ import annotations

import datetime as dt
import random

from app.domain.findings import Severity
from app.readers.text_reader import read_text
from app.rules import check
from tests.app.readers.pasted import render_rows, table_rows
from tests.app.readers.test_text_reader_styles import assert_same_figures, sample_report


def web_page(seed: int) -> tuple[str, object]:
    report = sample_report("2021", random.Random(seed))
    layout = report.layout
    tables = {}
    for name, table in (("2", layout.table2), ("3", layout.table3), ("4", layout.table4)):
        rows = table_rows(report, table, "tabs")
        if name == "3":
            # The long label breaks inside its cell, as <br> copies.
            rows = [[c.replace("（区分处理的", "\n（区分处理的") for c in row] for row in rows]
        if name == "4":
            rows = [[c.replace("结果维持", "结果\n维持") for c in row] for row in rows]
        tables[name] = "\n".join(render_rows(rows, "tabs"))
    text = f"""当前位置：首页 > 政府信息公开 > 年度报告
索引号：11370322MB1234567X/2022-00012\t发布机构：某某县市场监督管理局
成文日期：2022-01-20\t发布日期：2022-01-21
某某县市场监督管理局2022年政府信息公开工作年度报告
字号：[ 大 中 小 ]  浏览次数：328
{report.preamble}
一、 总体情况
{report.chapter("1")}
二、主动公开政府信息情况
{tables["2"]}
三、收到和处理政府信息公开申请情况
{tables["3"]}
四、政府信息公开行政复议、行政诉讼情况
{tables["4"]}
五、存在的主要问题及改进情况
{report.chapter("5")}
六、其它需要报告的事项
{report.chapter("6")}
某某县市场监督管理局
2023年1月20日
【打印本页】 【关闭窗口】
扫一扫在手机打开当前页
"""
    return text, report


def test_web_page_copy_reads_every_figure() -> None:
    for seed in range(5):
        text, written = web_page(seed)
        read = read_text(text)
        assert read.unit == "某某县市场监督管理局"
        assert read.title == "某某县市场监督管理局2022年政府信息公开工作年度报告"
        assert read.year == 2022
        assert read.headings_found == ["1", "2", "3", "4", "5", "6"]
        assert_same_figures(read, written)  # type: ignore[arg-type]
        assert read.signature_unit == "某某县市场监督管理局"
        assert read.signature_date == dt.date(2023, 1, 20)
        assert read.chapter("6") == "本年度未收取信息处理费。"
        assert not read.preamble.startswith(("索引号", "字号"))


def test_counts_written_with_a_measure_word_are_counts() -> None:
    text, written = web_page(9)
    read = read_text(text.replace("\t0\t", "\t0件\t"))
    assert_same_figures(read, written)  # type: ignore[arg-type]
    assert not [f for f in check(read) if f.rule == "R5"]


def test_a_missing_total_row_is_blank_not_a_sum_error() -> None:
    text, _ = web_page(10)
    lines = [ln for ln in text.splitlines() if not ln.startswith("（七）总计")]
    read = read_text("\n".join(lines))
    errors = {f.rule for f in check(read) if f.severity is Severity.ERROR}
    assert "R3" not in errors and "R1" not in errors
    assert any(f.rule == "R6" for f in check(read))


PORTAL_FOOT = """分享到： 微信 微博 QQ空间
上一篇：某某县市场监督管理局2021年政府信息公开工作年度报告
下一篇：关于公布2023年第一批行政许可事项的通知
相关链接
• 某某县人民政府信息公开指南
• 某某县人民政府信息公开制度
主办单位：某某县人民政府办公室　承办：某某县大数据中心
版权所有：某某县人民政府　网站标识码：3703220001
鲁ICP备05012345号-1　鲁公网安备 37032202000123号
"""


def test_the_portals_footer_under_the_signature_is_left_out() -> None:
    """The whole page selected and copied (or printed to PDF): the portal's share buttons,
    neighbouring articles, related links and its footer come after the signature."""
    text, _ = web_page(11)
    read = read_text(text + PORTAL_FOOT)
    assert (read.signature_unit, read.signature_date) == (
        "某某县市场监督管理局",
        dt.date(2023, 1, 20),
    )
    assert read.chapter("6") == "本年度未收取信息处理费。"


def test_the_portals_footer_under_an_unsigned_report_is_left_out_of_chapter_6() -> None:
    text, _ = web_page(12)
    unsigned = text.replace("某某县市场监督管理局\n2023年1月20日\n", "")
    read = read_text(unsigned + PORTAL_FOOT)
    assert read.signature_date is None
    assert read.chapter("6") == "本年度未收取信息处理费。"


def test_a_last_line_that_merely_starts_like_a_footer_stays() -> None:
    """Without a line that is the portal's footer for certain, the end of chapter 6 is the
    report's own, however its last line starts."""
    text, _ = web_page(13)
    unsigned = text.replace("某某县市场监督管理局\n2023年1月20日\n", "")
    unsigned = unsigned.replace("【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n", "")
    read = read_text(unsigned.rstrip("\n") + "\n相关情况已在本局网站公开。\n")
    assert read.chapter("6").endswith("相关情况已在本局网站公开。")
