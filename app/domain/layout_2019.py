"""国办公开办函〔2019〕60号《…年度报告格式（试行）》: report years 2019 and 2020."""

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

ITEMS_CHANGE = (
    Column("prev_items", "上一年项目数量"),
    Column("change", "本年增/减", ValueKind.SIGNED_COUNT),
)
ITEMS_DECISIONS = (*ITEMS_CHANGE, Column("decisions", "处理决定数量"))

TABLE2_ITEMS = (
    Table2Item(
        "第二十条第（一）项",
        (
            Column("made", "本年新制作数量"),
            Column("published", "本年新公开数量"),
            Column("total_public", "对外公开总数量"),
        ),
        (("rules", "规章"), ("normative_docs", "规范性文件")),
    ),
    Table2Item(
        "第二十条第（五）项",
        ITEMS_DECISIONS,
        (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
    ),
    Table2Item(
        "第二十条第（六）项", ITEMS_DECISIONS, (("penalty", "行政处罚"), ("coercion", "行政强制"))
    ),
    Table2Item("第二十条第（八）项", ITEMS_CHANGE, (("fees", "行政事业性收费"),)),
    Table2Item(
        "第二十条第（九）项",
        (
            Column("projects", "采购项目数量"),
            Column("amount", "采购总金额", ValueKind.MONEY_WITH_UNIT),
        ),
        (("procurement", "政府集中采购"),),
    ),
)

OTHER_ROW = Table3Row("other", ("三、本年度办理结果", "（六）其他处理", ""))
TABLE3_ROWS = (*TOP_IN, *RESULT_ROWS_HEAD, OTHER_ROW, *RESULT_ROWS_TAIL, TOP_OUT)

LAYOUT = Layout(
    id="2019",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    table2=build_table2(CHAPTER_HEADINGS[1], TABLE2_ITEMS),
    table3=build_table3(CHAPTER_HEADINGS[2], TABLE3_ROWS),
    table4=build_table4(CHAPTER_HEADINGS[3]),
    chapter_headings=CHAPTER_HEADINGS,
    result_rows=tuple(r.key for r in (*RESULT_ROWS_HEAD, OTHER_ROW)),
    other_rows=(OTHER_ROW.key,),
)
