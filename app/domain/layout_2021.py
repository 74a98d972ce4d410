"""国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》: report years 2021 on."""

from app.domain.chapters import CHAPTER_HEADINGS
from app.domain.layout import Layout, ValueKind
from app.domain.layout_builders import (
    Column,
    Table2Item,
    Table3Row,
    build_table2,
    build_table3,
    build_table4,
)
from app.domain.table3_common import RESULT_ROWS_HEAD, RESULT_ROWS_TAIL, TOP_IN, TOP_OUT

DECISIONS = (Column("decisions", "本年处理决定数量"),)

TABLE2_ITEMS = (
    Table2Item(
        "第二十条第（一）项",
        (
            Column("issued", "本年制发件数"),
            Column("repealed", "本年废止件数"),
            Column("in_force", "现行有效件数"),
        ),
        (("rules", "规章"), ("normative_docs", "行政规范性文件")),
    ),
    Table2Item("第二十条第（五）项", DECISIONS, (("licensing", "行政许可"),)),
    Table2Item("第二十条第（六）项", DECISIONS, (("penalty", "行政处罚"), ("coercion", "行政强制"))),
    Table2Item(
        "第二十条第（八）项",
        (Column("amount", "本年收费金额（单位：万元）", ValueKind.MONEY),),
        (("fees", "行政事业性收费"),),
    ),
)

RESULTS = "三、本年度办理结果"
OTHER = "（六）其他处理"
OTHER_ROWS = (
    Table3Row(
        "other_no_correction",
        (RESULTS, OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ),
    Table3Row(
        "other_unpaid_fee",
        (RESULTS, OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ),
    Table3Row("other_other", (RESULTS, OTHER, "3.其他")),
)
TABLE3_ROWS = (*TOP_IN, *RESULT_ROWS_HEAD, *OTHER_ROWS, *RESULT_ROWS_TAIL, TOP_OUT)

LAYOUT = Layout(
    id="2021",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    table2=build_table2(CHAPTER_HEADINGS[1], TABLE2_ITEMS),
    table3=build_table3(CHAPTER_HEADINGS[2], TABLE3_ROWS),
    table4=build_table4(CHAPTER_HEADINGS[3]),
    chapter_headings=CHAPTER_HEADINGS,
    result_rows=tuple(r.key for r in (*RESULT_ROWS_HEAD, *OTHER_ROWS)),
    other_rows=tuple(r.key for r in OTHER_ROWS),
)
